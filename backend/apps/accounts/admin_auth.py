"""The Django admin's login and password change, held to the same rules as the API:
the login is slowed down like the API's, and a user holding an initial (or reset)
password can open nothing in the admin but the page that changes it."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm, AdminPasswordChangeForm
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse

from apps.accounts.password_rules import FIRST_LOGIN_NOTICE
from apps.accounts.services import auth
from apps.common.errors import TooManyRequests


class AdminLoginForm(AdminAuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username")
        if username and self.request is not None:
            try:
                auth.check_login_throttle(self.request, username)
            except TooManyRequests as exc:
                raise ValidationError(exc.message, code="throttled") from exc
        return super().clean()


class OwnPasswordChangeForm(AdminPasswordChangeForm):
    def save(self, commit=True):
        auth.store_new_password(self.user, self.cleaned_data["new_password1"])
        return self.user


def password_change(request):
    """admin:password_change, saving through the accounts service (which also ends the
    first-login obligation)."""
    if request.method == "GET" and request.user.must_change_password:
        messages.warning(request, FIRST_LOGIN_NOTICE)
    request.current_app = admin.site.name
    return PasswordChangeView.as_view(
        form_class=OwnPasswordChangeForm,
        success_url=reverse("admin:password_change_done"),
        extra_context=admin.site.each_context(request),
    )(request)


class AdminPasswordChangeRequiredMiddleware:
    """Sends a signed-in user who must change their password from any admin page to the
    change page (the API refuses them in IsAuthenticatedAndReady)."""

    ALLOWED = ("admin:password_change", "admin:logout", "admin:jsi18n")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")):
            user = request.user
            allowed = {reverse(name) for name in self.ALLOWED}
            if user.is_authenticated and user.must_change_password and request.path not in allowed:
                return redirect("admin:password_change")
        return self.get_response(request)
