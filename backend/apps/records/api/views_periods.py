"""Period endpoints: CRUD, indicator import, compute, publish, lock, table, export, distribution."""

from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.models import User
from apps.common import scoping
from apps.common.api.parsers import FormParser, MultiPartParser
from apps.common.api.serializers import FileUploadSerializer, ImportOptionsSerializer
from apps.common.errors import Forbidden, NotFound
from apps.common.filters import apply_filters, filter_parameters
from apps.common.permissions import IsOrgAdmin
from apps.records import selectors
from apps.records.api import serializers as s
from apps.records.api.filters import PeriodFilter, UnitFilter
from apps.records.models import Period
from apps.records.services import compute, export, indicators, objections, periods, readiness

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ADMIN_ONLY = "仅组织部管理员可以执行此操作"
UNIT_NOT_IN_SCOPE = "该单位不在您的管理范围内"
UNIT_PARAMS = filter_parameters(UnitFilter)


def _split(data: dict) -> tuple[dict, list | None]:
    data = dict(data)
    return data, data.pop("components", None)


class PeriodListView(ListAPIView):
    serializer_class = s.PeriodSerializer
    queryset = Period.objects.none()  # for the schema; the real one is scoped
    filterset_class = PeriodFilter

    def get_queryset(self):
        return selectors.periods_for(self.request.user)

    @extend_schema(request=s.PeriodSerializer, responses={201: s.PeriodSerializer})
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden(ADMIN_ONLY)
        data = s.PeriodSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields, components = _split(data.validated_data)
        period = periods.create_period(actor=request.user, data=fields, components=components or [])
        return Response(
            s.PeriodSerializer(period, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class PeriodDetailView(APIView):
    @extend_schema(responses=s.PeriodSerializer)
    def get(self, request, pk: int):
        period = selectors.periods_for(request.user).filter(pk=pk).first()
        if period is None:
            raise NotFound()
        return Response(s.PeriodSerializer(period, context={"request": request}).data)

    @extend_schema(request=s.PeriodSerializer, responses=s.PeriodSerializer)
    def patch(self, request, pk: int):
        period = selectors.period_for_admin(request.user, pk)
        data = s.PeriodSerializer(period, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields, components = _split(data.validated_data)
        period = periods.update_period(
            actor=request.user, period=period, data=fields, components=components
        )
        return Response(s.PeriodSerializer(period, context={"request": request}).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        periods.delete_period(
            actor=request.user, period=selectors.period_for_admin(request.user, pk)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class IndicatorImportView(APIView):
    permission_classes = [IsOrgAdmin]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        parameters=[ImportOptionsSerializer],
        request={"multipart/form-data": FileUploadSerializer},
        responses={200: {"type": "object"}},
    )
    def post(self, request, pk: int):
        options = ImportOptionsSerializer(data=request.query_params)
        options.is_valid(raise_exception=True)
        upload = FileUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        file = upload.validated_data["file"]
        report = indicators.import_indicators(
            actor=request.user,
            period=selectors.period_for_admin(request.user, pk),
            data=file.read(),
            file_name=file.name,
            **options.validated_data,
        )
        return Response(report.to_dict())


class PeriodActionView(APIView):
    permission_classes = [IsOrgAdmin]

    def period(self, request, pk):
        return selectors.period_for_admin(request.user, pk)


class ComputeView(PeriodActionView):
    @extend_schema(request=None, responses={200: {"type": "object"}})
    def post(self, request, pk: int):
        """Runs even when parts are not final (a preview); the body lists what is still open."""
        period = self.period(request, pk)
        result = compute.compute_period(actor=request.user, period=period)
        return Response({**result, **readiness.report(period)})


class ReadinessView(PeriodActionView):
    @extend_schema(request=None, responses=s.ReadinessSerializer)
    def get(self, request, pk: int):
        return Response(readiness.report(self.period(request, pk)))


class PublishView(PeriodActionView):
    @extend_schema(request=s.PublishInSerializer, responses=s.PeriodSerializer)
    def post(self, request, pk: int):
        data = s.PublishInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        period = periods.publish_period(
            actor=request.user, period=self.period(request, pk), **data.validated_data
        )
        return Response(s.PeriodSerializer(period, context={"request": request}).data)


class LockView(PeriodActionView):
    @extend_schema(request=None, responses=s.PeriodSerializer)
    def post(self, request, pk: int):
        period = periods.lock_period(actor=request.user, period=self.period(request, pk))
        return Response(s.PeriodSerializer(period, context={"request": request}).data)


class UnlockView(PeriodActionView):
    @extend_schema(request=s.ReasonInSerializer, responses=s.PeriodSerializer)
    def post(self, request, pk: int):
        data = s.ReasonInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        period = periods.unlock_period(
            actor=request.user, period=self.period(request, pk), **data.validated_data
        )
        return Response(s.PeriodSerializer(period, context={"request": request}).data)


class TableView(PeriodActionView):
    @extend_schema(parameters=UNIT_PARAMS, responses={200: {"type": "object"}})
    def get(self, request, pk: int):
        period = self.period(request, pk)
        records = apply_filters(
            UnitFilter, request, selectors.records_for_admin(request.user, period)
        )
        units = [
            {
                "unit": {"id": u.pk, "name": u.full_name},
                "rows": [[selectors.cell(v) for v in r] for r in rows],
            }
            for u, rows in selectors.table_by_unit(period, records)
        ]
        return Response({"columns": selectors.table_columns(period), "units": units})


class ExportView(PeriodActionView):
    @extend_schema(parameters=UNIT_PARAMS, responses={(200, XLSX): bytes})
    def get(self, request, pk: int):
        period = self.period(request, pk)
        records = apply_filters(
            UnitFilter, request, selectors.records_for_admin(request.user, period)
        )
        response = HttpResponse(export.export_records(period, records), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="records-{period.pk}.xlsx"'
        return response


class DistributionView(PeriodActionView):
    @extend_schema(parameters=UNIT_PARAMS, responses={200: {"type": "array"}})
    def get(self, request, pk: int):
        period = self.period(request, pk)
        records = apply_filters(
            UnitFilter, request, selectors.records_for_admin(request.user, period)
        )
        return Response(selectors.distribution(period, records))


class AdjustmentListView(PeriodActionView):
    @extend_schema(responses=s.AdjustmentSerializer(many=True))
    def get(self, request, pk: int):
        period = self.period(request, pk)
        items = scoping.scope_queryset(
            period.adjustments.select_related("user"), request.user, "user__org_unit"
        )
        return Response(s.AdjustmentSerializer(items, many=True).data)

    @extend_schema(request=s.AdjustmentSerializer, responses={201: s.AdjustmentSerializer})
    def post(self, request, pk: int):
        period = self.period(request, pk)
        data = s.AdjustmentSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = scoping.get_in_scope_or_404(
            User.objects.select_related("org_unit"), request.user, pk=data.validated_data["user"].pk
        )
        item = objections.add_adjustment(
            actor=request.user,
            period=period,
            user=user,
            component_id=data.validated_data["component"].pk,
            points=data.validated_data["points"],
            reason=data.validated_data["reason"],
        )
        return Response(s.AdjustmentSerializer(item).data, status=status.HTTP_201_CREATED)


class IndicatorTemplateView(PeriodActionView):
    @extend_schema(responses={(200, XLSX): bytes})
    def get(self, request, pk: int):
        period = self.period(request, pk)
        response = HttpResponse(
            indicators.indicator_template(period, request.user), content_type=XLSX
        )
        response["Content-Disposition"] = f'attachment; filename="indicators-{period.pk}.xlsx"'
        return response
