"""The OpenAPI schema and Swagger UI, for signed-in staff only.

Swagger UI comes from our own static files (drf-spectacular-sidecar), so the page works
on a county network without the Internet; the split view loads its start-up script from
a second request, so the page needs no inline script under our Content-Security-Policy.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.urls import reverse
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.renderers import JSONRenderer

from apps.common.permissions import IsStaff

DOCS_STAFF_ONLY = "接口文档仅供管理人员查看，请使用管理员账号登录"
FORBIDDEN_PAGE = (
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>无权访问</title>'
    "<h1>无权访问</h1><p>{text}</p></html>"
)


class SchemaView(SpectacularAPIView):
    permission_classes = [IsStaff]

    def permission_denied(self, request, message=None, code=None):
        # A refusal comes in the API's JSON error body, not as an OpenAPI document.
        request.accepted_renderer, request.accepted_media_type = JSONRenderer(), "application/json"
        super().permission_denied(request, message, code)


_swagger = SpectacularSwaggerSplitView.as_view(url_name="schema")


def swagger_ui(request, *args, **kwargs):
    """A browser page: the sign-in page for strangers, a Chinese 403 for non-staff."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not IsStaff.is_staff(request.user):
        return HttpResponseForbidden(FORBIDDEN_PAGE.format(text=DOCS_STAFF_ONLY))
    return _swagger(request, *args, **kwargs)
