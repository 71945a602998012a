from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.permissions import IsOrgAdmin
from apps.console import selectors
from apps.console.api.serializers import DashboardSerializer


class DashboardView(APIView):
    """工作台: counts of what needs action in the admin's scope (narrowed by X-Admin-Scope)."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=DashboardSerializer)
    def get(self, request):
        return Response(DashboardSerializer(selectors.dashboard(request.user)).data)
