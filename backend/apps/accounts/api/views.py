from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts import sheets
from apps.accounts.api import serializers as s
from apps.accounts.api.filters import OrgUnitFilter, UserFilter
from apps.accounts.models import OrgUnit, User
from apps.accounts.selectors import units_visible_to, users_for_admin
from apps.accounts.services import roster, units, users
from apps.common import scoping
from apps.common.api.files import XLSX, xlsx_response
from apps.common.api.parsers import FormParser, MultiPartParser
from apps.common.api.serializers import FileUploadSerializer
from apps.common.errors import InvalidInput
from apps.common.permissions import IsOrgAdmin


class OrgUnitListView(ListAPIView):
    """The unit tree (flat, ordered by path): an admin's subtrees, or a user's own chain."""

    serializer_class = s.OrgUnitSerializer
    pagination_class = None
    filter_backends = [DjangoFilterBackend]
    filterset_class = OrgUnitFilter

    def get_permissions(self):
        if self.request.method == "POST":
            return [IsOrgAdmin()]
        return super().get_permissions()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return OrgUnit.objects.none()
        return units_visible_to(self.request.user)

    @extend_schema(request=s.OrgUnitInputSerializer, responses={201: s.OrgUnitSerializer})
    def post(self, request):
        data = s.OrgUnitInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        unit = units.add_unit(actor=request.user, data=data.validated_data)
        return Response(s.OrgUnitSerializer(unit).data, status=status.HTTP_201_CREATED)


class OrgUnitDetailView(APIView):
    def get_permissions(self):
        if self.request.method == "PATCH":
            return [IsOrgAdmin()]
        return super().get_permissions()

    @extend_schema(responses=s.OrgUnitSerializer)
    def get(self, request, pk: int):
        unit = get_object_or_404(units_visible_to(request.user), pk=pk)
        return Response(s.OrgUnitSerializer(unit).data)

    @extend_schema(request=s.OrgUnitInputSerializer, responses=s.OrgUnitSerializer)
    def patch(self, request, pk: int):
        """Rename, re-kind, reorder or move (`parent`) a unit inside the admin's subtrees."""
        unit = get_object_or_404(units_visible_to(request.user), pk=pk)
        data = s.OrgUnitInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        unit = units.update_unit(actor=request.user, unit=unit, data=data.validated_data)
        return Response(s.OrgUnitSerializer(units_visible_to(request.user).get(pk=unit.pk)).data)


class UserListView(ListAPIView):
    """The people in the admin's subtrees, filtered and sorted; POST creates one."""

    permission_classes = [IsOrgAdmin]
    serializer_class = s.UserSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = UserFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return User.objects.none()
        return users_for_admin(self.request.user)

    @extend_schema(request=s.UserInputSerializer, responses={201: s.UserCreatedSerializer})
    def post(self, request):
        data = s.UserInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, password = users.create_user(actor=request.user, data=data.validated_data)
        user.initial_password = password
        return Response(s.UserCreatedSerializer(user).data, status=status.HTTP_201_CREATED)


class UserExportView(ListAPIView):
    """The filtered people list as xlsx (the list's own filters and ordering)."""

    permission_classes = [IsOrgAdmin]
    serializer_class = s.UserSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = UserFilter
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return User.objects.none()
        return users_for_admin(self.request.user)

    @extend_schema(responses={(200, XLSX): OpenApiTypes.BINARY})
    def get(self, request):
        people = self.filter_queryset(self.get_queryset())
        stamp = timezone.localtime().strftime("%Y%m%d%H%M")
        return xlsx_response(sheets.roster_export(people), f"人员名单-{stamp}.xlsx")


class RosterTemplateView(APIView):
    """The roster template with the units this admin may import into."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses={(200, XLSX): OpenApiTypes.BINARY})
    def get(self, request):
        content = sheets.roster_template(scoping.units_in_scope(request.user).order_by("path"))
        return xlsx_response(content, "花名册模板.xlsx")


class PasswordSheetView(APIView):
    """The one-time passwords just shown on screen, as xlsx; nothing is stored or logged.
    Only people the admin manages can be listed."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.PasswordSheetSerializer, responses={(200, XLSX): OpenApiTypes.BINARY})
    def post(self, request):
        data = s.PasswordSheetSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rows = data.validated_data["rows"]
        known = set(
            users_for_admin(request.user)
            .filter(username__in=[row["username"] for row in rows])
            .values_list("username", flat=True)
        )
        unknown = [row["username"] for row in rows if row["username"] not in known]
        if unknown:
            message = users.PASSWORD_SHEET_UNKNOWN.format(usernames="、".join(unknown[:5]))
            raise InvalidInput(message, {"rows": [message]})
        return xlsx_response(sheets.password_sheet(rows), "初始密码.xlsx", private=True)


class UserDetailView(APIView):
    permission_classes = [IsOrgAdmin]

    def _get(self, request, pk):
        return scoping.get_in_scope_or_404(users_for_admin(request.user), request.user, pk=pk)

    @extend_schema(responses=s.UserSerializer)
    def get(self, request, pk: int):
        return Response(s.UserSerializer(self._get(request, pk)).data)

    @extend_schema(request=s.UserInputSerializer, responses=s.UserSerializer)
    def patch(self, request, pk: int):
        data = s.UserInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = users.update_user(
            actor=request.user, user=self._get(request, pk), data=data.validated_data
        )
        return Response(s.UserSerializer(self._get(request, user.pk)).data)


class UserActionView(APIView):
    """POST users/{id}/deactivate or users/{id}/activate."""

    permission_classes = [IsOrgAdmin]
    action = ""
    services = {"deactivate": users.deactivate_user, "activate": users.activate_user}

    @extend_schema(request=None, responses=s.UserSerializer)
    def post(self, request, pk: int):
        user = scoping.get_in_scope_or_404(users_for_admin(request.user), request.user, pk=pk)
        user = self.services[self.action](actor=request.user, user=user)
        return Response(s.UserSerializer(user).data)


class UserPasswordResetView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses=s.InitialPasswordSerializer)
    def post(self, request, pk: int):
        user = scoping.get_in_scope_or_404(users_for_admin(request.user), request.user, pk=pk)
        return Response({"initial_password": users.reset_password(actor=request.user, user=user)})


class RosterImportView(APIView):
    permission_classes = [IsOrgAdmin]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        parameters=[s.RosterImportOptionsSerializer],
        request={"multipart/form-data": FileUploadSerializer},
        responses={200: s.RosterImportReportSerializer},
    )
    def post(self, request):
        options = s.RosterImportOptionsSerializer(data=request.query_params)
        options.is_valid(raise_exception=True)
        upload = FileUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        report = roster.import_roster(
            actor=request.user, data=upload.validated_data["file"].read(), **options.validated_data
        )
        return Response(report.to_dict())
