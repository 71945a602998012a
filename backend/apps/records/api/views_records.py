"""Record endpoints: admin lists, the cadre's own record, objections, unlock, adjust, history."""

from django.db.models import F
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.errors import NotFound
from apps.common.permissions import IsOrgAdmin
from apps.records import selectors
from apps.records.api import serializers as s
from apps.records.api.filters import ObjectionFilter, RecordFilter
from apps.records.models import Objection, Record
from apps.records.services import objections, periods


def _admin_record(request, pk: int) -> Record:
    record = selectors.records_for_admin(request.user).filter(pk=pk).first()
    if record is None:
        raise NotFound()
    return record


def _visible_record(request, pk: int) -> Record:
    """An admin's record in scope, or the caller's own published record; anything else is 404."""
    if request.user.is_org_admin:
        record = selectors.records_for_admin(request.user).filter(pk=pk).first()
        if record is not None:
            return record
    record = selectors.my_records(request.user).filter(pk=pk).first()
    if record is None:
        raise NotFound()
    return record


class RecordListView(ListAPIView):
    permission_classes = [IsOrgAdmin]
    serializer_class = s.RecordSerializer
    filterset_class = RecordFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Record.objects.none()
        qs = selectors.records_for_admin(self.request.user)
        # Records with a 待定 part have no rank yet: they follow the ranked ones.
        return qs.order_by("period_id", F("rank_in_scope").asc(nulls_last=True), "id")


class MyRecordsView(APIView):
    @extend_schema(responses={200: {"type": "object"}})
    def get(self, request):
        records = list(selectors.my_records(request.user))
        body = []
        for record in records:
            item = s.MyRecordSerializer(record).data
            item["unit_table"] = selectors.unit_table(record)
            body.append(item)
        return Response({"current": body[0] if body else None, "history": body})


class RecordDetailView(APIView):
    @extend_schema(responses=s.RecordSerializer)
    def get(self, request, pk: int):
        return Response(s.MyRecordSerializer(_visible_record(request, pk)).data)


class RecordHistoryView(APIView):
    @extend_schema(responses={200: {"type": "array"}})
    def get(self, request, pk: int):
        record = _visible_record(request, pk)
        rows = [
            {
                "kind": "record",
                "at": h.history_date,
                "by": h.history_user.display_name if h.history_user else "系统",
                "reason": h.history_change_reason or "",
                "total": h.total,
                "grade": h.grade,
                "locked": h.locked,
            }
            for h in record.history.select_related("history_user")
        ]
        for score in record.scores.select_related("component"):
            rows.extend(
                {
                    "kind": "component",
                    "component": score.component.name,
                    "at": h.history_date,
                    "by": h.history_user.display_name if h.history_user else "系统",
                    "reason": h.history_change_reason or "",
                    "score": h.score,
                    "adjustment": h.adjustment,
                }
                for h in score.history.select_related("history_user")
            )
        rows.sort(key=lambda r: r["at"], reverse=True)
        return Response(rows)


class ObjectionCreateView(APIView):
    @extend_schema(request=s.ObjectionInSerializer, responses={201: s.ObjectionSerializer})
    def post(self, request, pk: int):
        data = s.ObjectionInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = selectors.my_records(request.user).filter(pk=pk).first()
        if record is None:
            raise NotFound()
        objection = objections.file_objection(
            actor=request.user,
            record=record,
            reason=data.validated_data["reason"],
            component_id=data.validated_data.get("component"),
        )
        return Response(s.ObjectionSerializer(objection).data, status=status.HTTP_201_CREATED)


class RecordUnlockView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.ReasonInSerializer, responses=s.RecordSerializer)
    def post(self, request, pk: int):
        data = s.ReasonInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = periods.unlock_record(
            actor=request.user, record=_admin_record(request, pk), **data.validated_data
        )
        return Response(
            s.RecordSerializer(selectors.records_for_admin(request.user).get(pk=record.pk)).data
        )


class RecordAdjustView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.AdjustInSerializer, responses=s.RecordSerializer)
    def post(self, request, pk: int):
        data = s.AdjustInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record = _admin_record(request, pk)
        component = record.period.components.filter(pk=data.validated_data["component"]).first()
        if component is None:
            raise NotFound("该分项不属于本考核周期")
        objections.adjust_component(
            actor=request.user,
            record=record,
            component=component,
            delta=data.validated_data["adjustment"],
            reason=data.validated_data["reason"],
        )
        return Response(
            s.RecordSerializer(selectors.records_for_admin(request.user).get(pk=pk)).data
        )


class ObjectionListView(ListAPIView):
    permission_classes = [IsOrgAdmin]
    serializer_class = s.ObjectionSerializer
    filterset_class = ObjectionFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Objection.objects.none()
        return selectors.objections_for_admin(self.request.user)


class ObjectionResolveView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.ResolveInSerializer, responses=s.ObjectionSerializer)
    def post(self, request, pk: int):
        data = s.ResolveInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        objection = selectors.objections_for_admin(request.user).filter(pk=pk).first()
        if objection is None:
            raise NotFound()
        objection = objections.resolve_objection(
            actor=request.user,
            objection=objection,
            action=data.validated_data["action"],
            reply=data.validated_data["reply"],
            component_id=data.validated_data.get("component"),
            adjustment=data.validated_data.get("adjustment"),
        )
        return Response(s.ObjectionSerializer(objection, context={"request": request}).data)
