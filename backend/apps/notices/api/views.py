"""Notices: admins manage those of their scope; everyone reads those addressed to them."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.markdown import render_markdown
from apps.common.permissions import IsOrgAdmin
from apps.notices import selectors, services
from apps.notices.api import serializers as s
from apps.notices.api.filters import NoticeFilter
from apps.notices.models import Notice


class NoticeListView(ListAPIView):
    """Admin: every notice published in the admin's scope, newest first (?status=, ?search=)."""

    permission_classes = [IsOrgAdmin]
    serializer_class = s.NoticeAdminSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NoticeFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no user
            return Notice.objects.none()
        return selectors.notices_for_admin(self.request.user)

    @extend_schema(request=s.NoticeInputSerializer, responses={201: s.NoticeAdminSerializer})
    def post(self, request):
        data = s.NoticeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        notice = services.create_notice(request.user, **data.validated_data)
        return Response(s.NoticeAdminSerializer(notice).data, status=status.HTTP_201_CREATED)


class NoticeDetailView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=s.NoticeAdminSerializer)
    def get(self, request, pk: int):
        return Response(s.NoticeAdminSerializer(services.get_for_admin(request.user, pk)).data)

    @extend_schema(request=s.NoticeUpdateSerializer, responses=s.NoticeAdminSerializer)
    def patch(self, request, pk: int):
        data = s.NoticeUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        notice = services.update_notice(request.user, pk, **data.validated_data)
        return Response(s.NoticeAdminSerializer(notice).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        services.delete_notice(request.user, pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class NoticeWithdrawView(APIView):
    """POST notices/{id}/withdraw: a live notice ends now (its expiry becomes now)."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses=s.NoticeAdminSerializer)
    def post(self, request, pk: int):
        notice = services.withdraw_notice(request.user, pk)
        return Response(s.NoticeAdminSerializer(notice).data)


class NoticeReachView(APIView):
    """POST notices/reach: how many people an audience reaches, checked as a save would be."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.NoticeReachInputSerializer, responses=s.NoticeReachSerializer)
    def post(self, request):
        data = s.NoticeReachInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"count": services.reach_count(request.user, **data.validated_data)})


class NoticePreviewView(APIView):
    """POST notices/preview: the body as readers will see it (rendered on the server)."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.NoticePreviewInputSerializer, responses=s.NoticePreviewSerializer)
    def post(self, request):
        data = s.NoticePreviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response({"body_html": render_markdown(data.validated_data["body"])})


class MyNoticeListView(ListAPIView):
    """Anyone logged in: live notices addressed to their unit, newest first."""

    serializer_class = s.NoticeSerializer
    filter_backends: list = []

    def get_queryset(self):
        return selectors.notices_for_reader(self.request.user)
