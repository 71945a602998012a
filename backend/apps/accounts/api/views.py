from django.db.models import Count
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.api import serializers as s
from apps.accounts.models import OrgUnit, User
from apps.accounts.selectors import user_list
from apps.accounts.services import roster, users
from apps.accounts.services.units import create_unit
from apps.common import scoping
from apps.common.api.parsers import FormParser, MultiPartParser
from apps.common.api.serializers import FileUploadSerializer
from apps.common.errors import Forbidden
from apps.common.permissions import IsOrgAdmin


def _units_visible_to(user: User):
    qs = OrgUnit.objects.annotate(children_count=Count("children", distinct=True))
    if user.is_org_admin:
        return qs.filter(pk__in=scoping.units_in_scope(user))
    # Everyone may see their own unit and its ancestors (for breadcrumbs and tables).
    if user.org_unit_id:
        return qs.filter(pk__in=[*user.org_unit.ancestor_ids(), user.org_unit_id])
    return qs.none()


class OrgUnitListView(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "parent", int, description="只列出该单位的下级；不传则列出全部可见单位"
            )
        ],
        responses=s.OrgUnitSerializer(many=True),
    )
    def get(self, request):
        qs = _units_visible_to(request.user).order_by("path")
        parent = request.query_params.get("parent")
        if parent:
            qs = qs.filter(parent_id=parent)
        return Response(s.OrgUnitSerializer(qs, many=True).data)

    @extend_schema(request=s.OrgUnitSerializer, responses={201: s.OrgUnitSerializer})
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden("仅组织部管理员可以新建单位")
        data = s.OrgUnitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        parent = data.validated_data.get("parent")
        if (
            not (parent and scoping.unit_in_scope(request.user, parent))
            and not request.user.is_superuser
        ):
            raise Forbidden("上级单位不在您的管理范围内")
        unit = create_unit(
            name=data.validated_data["name"],
            parent=parent,
            kind=data.validated_data.get("kind"),
            sort_order=data.validated_data.get("sort_order", 0),
        )
        return Response(s.OrgUnitSerializer(unit).data, status=status.HTTP_201_CREATED)


class OrgUnitDetailView(APIView):
    @extend_schema(responses=s.OrgUnitSerializer)
    def get(self, request, pk: int):
        unit = get_object_or_404(_units_visible_to(request.user), pk=pk)
        return Response(s.OrgUnitSerializer(unit).data)


@extend_schema(
    parameters=[
        OpenApiParameter("org_unit", int, description="单位（含下级）"),
        OpenApiParameter("search", str, description="姓名、工号或手机号"),
        OpenApiParameter("role", str, enum=["cadre", "reviewer"]),
    ]
)
class UserListView(ListAPIView):
    permission_classes = [IsOrgAdmin]
    serializer_class = s.UserSerializer
    filter_backends: list = []

    def get_queryset(self):
        return user_list(self.request.user, self.request.query_params)

    @extend_schema(request=s.UserSerializer, responses={201: s.UserSerializer})
    def post(self, request):
        data = s.UserSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, password = users.create_user(actor=request.user, data=data.validated_data)
        body = {**s.UserSerializer(user).data, "initial_password": password}
        return Response(body, status=status.HTTP_201_CREATED)


class UserDetailView(APIView):
    permission_classes = [IsOrgAdmin]

    def _get(self, request, pk):
        return scoping.get_in_scope_or_404(
            User.objects.select_related("org_unit"), request.user, pk=pk
        )

    @extend_schema(responses=s.UserSerializer)
    def get(self, request, pk: int):
        return Response(s.UserSerializer(self._get(request, pk)).data)

    @extend_schema(request=s.UserSerializer, responses=s.UserSerializer)
    def patch(self, request, pk: int):
        user = self._get(request, pk)
        data = s.UserSerializer(user, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        user = users.update_user(actor=request.user, user=user, data=data.validated_data)
        return Response(s.UserSerializer(user).data)


class UserPasswordResetView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=None,
        responses={200: {"type": "object", "properties": {"initial_password": {"type": "string"}}}},
    )
    def post(self, request, pk: int):
        user = scoping.get_in_scope_or_404(User.objects.all(), request.user, pk=pk)
        return Response({"initial_password": users.reset_password(actor=request.user, user=user)})


class RosterImportView(APIView):
    permission_classes = [IsOrgAdmin]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        parameters=[s.RosterImportOptionsSerializer],
        request={"multipart/form-data": FileUploadSerializer},
        responses={200: {"type": "object"}},
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
