from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.models import OrgUnit
from apps.common.errors import Forbidden, InvalidInput
from apps.common.filters import filter_parameters, valid_filters
from apps.common.permissions import IsOrgAdmin
from apps.common.scoping import get_in_scope_or_404
from apps.questions import selectors
from apps.questions.api import serializers as s
from apps.questions.api.filters import BankFilter, KnowledgePointFilter
from apps.questions.models import Bank, KnowledgePoint
from apps.questions.services import banks, knowledge

ORG_UNIT_REQUIRED = "请选择所属单位"


def _default_unit(request, unit: OrgUnit | None) -> OrgUnit:
    unit = unit or request.user.org_unit
    if unit is None:
        raise InvalidInput(ORG_UNIT_REQUIRED, {"org_unit": [ORG_UNIT_REQUIRED]})
    return unit


class BankListView(ListAPIView):
    serializer_class = s.BankSerializer
    queryset = Bank.objects.none()  # for the schema; the real one is scoped
    filterset_class = BankFilter

    def get_queryset(self):
        qs = selectors.with_question_counts(selectors.usable_banks(self.request.user))
        return qs.order_by("org_unit__path", "name")

    @extend_schema(request=s.BankSerializer, responses={201: s.BankSerializer})
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden()
        data = s.BankSerializer(data=request.data, context={"request": request})
        data.is_valid(raise_exception=True)
        v = data.validated_data
        bank = banks.create_bank(
            actor=request.user,
            name=v["name"],
            org_unit=v["org_unit"],
            description=v.get("description", ""),
            shared_down=v.get("shared_down", True),
        )
        bank.question_count = 0  # a new bank holds no question yet
        return Response(
            s.BankSerializer(bank, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class BankDetailView(APIView):
    @extend_schema(responses=s.BankSerializer)
    def get(self, request, pk: int):
        usable = selectors.with_question_counts(selectors.usable_banks(request.user))
        bank = get_object_or_404(usable, pk=pk)
        return Response(s.BankSerializer(bank, context={"request": request}).data)

    @extend_schema(request=s.BankSerializer, responses=s.BankSerializer)
    def patch(self, request, pk: int):
        bank = get_in_scope_or_404(Bank.objects.select_related("org_unit"), request.user, pk=pk)
        data = s.BankSerializer(bank, data=request.data, partial=True, context={"request": request})
        data.is_valid(raise_exception=True)
        bank = banks.update_bank(actor=request.user, bank=bank, data=data.validated_data)
        bank = selectors.with_question_counts(Bank.objects.filter(pk=bank.pk)).get()
        return Response(s.BankSerializer(bank, context={"request": request}).data)


def _kp_tree(items: list[KnowledgePoint]) -> list[dict]:
    nodes = {kp.pk: {**s.KnowledgePointSerializer(kp).data, "children": []} for kp in items}
    roots = []
    for kp in items:
        parent = nodes.get(kp.parent_id)
        (parent["children"] if parent else roots).append(nodes[kp.pk])
    return roots


class KnowledgePointListView(APIView):
    @extend_schema(
        parameters=filter_parameters(KnowledgePointFilter),
        responses=s.KnowledgePointSerializer(many=True),
    )
    def get(self, request):
        qs = selectors.visible_knowledge_points(request.user).prefetch_related("passages")
        filters = valid_filters(KnowledgePointFilter, request, qs)
        qs = filters.qs
        items = list(qs.order_by("org_unit__path", "name"))
        if filters.form.cleaned_data.get("tree"):
            return Response(_kp_tree(items))
        return Response(s.KnowledgePointSerializer(items, many=True).data)

    @extend_schema(request=s.KnowledgePointInput, responses={201: s.KnowledgePointSerializer})
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden()
        data = s.KnowledgePointInput(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        kp = knowledge.create_knowledge_point(
            actor=request.user,
            org_unit=_default_unit(request, v.get("org_unit")),
            name=v["name"],
            parent=v.get("parent"),
            description=v.get("description", ""),
            passages=v.get("passages", []),
        )
        return Response(s.KnowledgePointSerializer(kp).data, status=status.HTTP_201_CREATED)


class KnowledgePointDetailView(APIView):
    def _managed(self, request, pk):
        if not request.user.is_org_admin:
            raise Forbidden()
        return get_in_scope_or_404(
            KnowledgePoint.objects.select_related("org_unit"), request.user, pk=pk
        )

    @extend_schema(responses=s.KnowledgePointSerializer)
    def get(self, request, pk: int):
        kp = get_object_or_404(selectors.visible_knowledge_points(request.user), pk=pk)
        return Response(s.KnowledgePointSerializer(kp).data)

    @extend_schema(request=s.KnowledgePointInput, responses=s.KnowledgePointSerializer)
    def patch(self, request, pk: int):
        kp = self._managed(request, pk)
        data = s.KnowledgePointInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        kp = knowledge.update_knowledge_point(actor=request.user, kp=kp, data=data.validated_data)
        return Response(s.KnowledgePointSerializer(kp).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        self._managed(request, pk).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class KnowledgePointConfirmView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses=s.KnowledgePointSerializer)
    def post(self, request, pk: int):
        kp = get_in_scope_or_404(KnowledgePoint.objects.all(), request.user, pk=pk)
        return Response(s.KnowledgePointSerializer(knowledge.confirm(kp=kp)).data)


class KnowledgePointMergeView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.KnowledgePointMergeInput,
        responses=s.KnowledgePointSerializer,
        description="把该知识点合并到 target：试题、段落、下级知识点、组卷规则随之转移，原知识点删除。",
    )
    def post(self, request, pk: int):
        data = s.KnowledgePointMergeInput(data=request.data)
        data.is_valid(raise_exception=True)
        scoped = KnowledgePoint.objects.select_related("org_unit", "parent")
        source = get_in_scope_or_404(scoped, request.user, pk=pk)
        target = get_in_scope_or_404(scoped, request.user, pk=data.validated_data["target"])
        kp = knowledge.merge(actor=request.user, source=source, target=target)
        return Response(s.KnowledgePointSerializer(kp).data)
