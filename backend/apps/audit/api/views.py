"""The operation log for org admins (their subtrees) and superusers (everything)."""

from django.http import HttpResponse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

from apps.audit import actions, export, selectors, services
from apps.audit.api import serializers as s
from apps.audit.filters import AuditEntryFilter
from apps.audit.models import AuditEntry
from apps.common.permissions import IsOrgAdmin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ScopedEntries:
    permission_classes = [IsOrgAdmin]
    filter_backends = [DjangoFilterBackend]
    filterset_class = AuditEntryFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is built without a user
            return AuditEntry.objects.none()
        return selectors.entries_for(self.request.user)


class AuditLogListView(ScopedEntries, ListAPIView):
    """Newest first, 20 a page (page_size up to 200)."""

    serializer_class = s.AuditEntrySerializer


class AuditLogExportView(ScopedEntries, GenericAPIView):
    """The filtered list as xlsx (at most export.MAX_ROWS rows, newest first)."""

    @extend_schema(filters=True, responses={(200, XLSX): bytes})
    def get(self, request):
        entries = self.filter_queryset(self.get_queryset())
        response = HttpResponse(export.export_entries(entries), content_type=XLSX)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.xlsx"'
        return response


class AuditCatalogueView(GenericAPIView):
    """The action codes and object types to offer as filters, and the retention."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=s.AuditCatalogueSerializer)
    def get(self, request):
        body = {
            "actions": [{"code": a.code, "label": a.label} for a in actions.catalogue()],
            "object_types": [
                {"code": code, "label": label} for code, (label, _) in actions.OBJECT_TYPES.items()
            ],
            "retention_days": services.retention_days(),
        }
        return Response(s.AuditCatalogueSerializer(body).data)
