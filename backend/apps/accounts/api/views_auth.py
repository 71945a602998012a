"""Login, logout, me, password change and API tokens."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.middleware.csrf import get_token
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_protect
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.api import serializers as s
from apps.accounts.api import serializers_auth as sa
from apps.accounts.models import User
from apps.accounts.services import auth
from apps.common import scoping
from apps.common.permissions import IsOrgAdmin

# A hint the pages can read (the session cookie itself is HttpOnly): without it there is no
# session, so the login page does not ask auth/me and log a 401 in the browser console.
SIGNED_IN_COOKIE = "yz_signed_in"


def _signed_in(response: Response) -> Response:
    response.set_cookie(
        SIGNED_IN_COOKIE,
        "1",
        max_age=settings.SESSION_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,
    )
    return response


class CsrfView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(responses={204: None})
    def get(self, request):
        get_token(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


@method_decorator(csrf_protect, name="post")
class LoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=sa.LoginSerializer, responses=s.MeSerializer)
    def post(self, request):
        data = sa.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = auth.log_in(request, **data.validated_data)
        return _signed_in(Response(s.MeSerializer(user).data))


class LogoutView(APIView):
    allow_pending_password_change = True

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        auth.log_out(request)
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(SIGNED_IN_COOKIE, samesite="Lax")
        return response


class MeView(APIView):
    allow_pending_password_change = True

    @extend_schema(responses=s.MeSerializer)
    def get(self, request):
        get_token(request)
        return _signed_in(Response(s.MeSerializer(request.user).data))


class PasswordView(APIView):
    allow_pending_password_change = True

    @extend_schema(request=sa.PasswordChangeSerializer, responses=s.MeSerializer)
    def post(self, request):
        data = sa.PasswordChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = auth.change_password(request, request.user, **data.validated_data)
        return Response(s.MeSerializer(user).data)


class TokenView(APIView):
    """A new token for every call, for scripts; it expires after AUTH_TOKEN_HOURS."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(request=sa.LoginSerializer, responses=sa.TokenSerializer)
    def post(self, request):
        data = sa.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = auth.authenticate_credentials(request, **data.validated_data)
        # A token is a login too: the operation log and django-axes hear of it.
        user_logged_in.send(sender=type(user), request=request, user=user)
        token, key = auth.issue_token(user)
        return Response(sa.TokenSerializer({"token": key, "expires_at": token.expires_at}).data)


class UserUnlockView(APIView):
    """Lift a user's login lockouts (every source) and slowdown; an admin's own subtree only."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses=sa.UnlockResultSerializer)
    def post(self, request, pk: int):
        user = scoping.get_in_scope_or_404(User.objects.all(), request.user, pk=pk)
        cleared = auth.unlock_account(actor=request.user, user=user)
        return Response(
            sa.UnlockResultSerializer({"detail": auth.ACCOUNT_UNLOCKED, "cleared": cleared}).data
        )
