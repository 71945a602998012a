from django.db.models import Count
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.api.parsers import FormParser, JSONParser, MultiPartParser
from apps.common.errors import Forbidden
from apps.common.permissions import IsOrgAdmin
from apps.common.scoping import get_in_scope_or_404
from apps.common.uploads import declared_file_bytes
from apps.questions import selectors
from apps.questions.api import serializers as s
from apps.questions.api.filters import MaterialFilter
from apps.questions.models import Bank, KnowledgePoint, Material
from apps.questions.services import generation, knowledge, materials

ADMIN_ONLY = "仅组织部管理员可以上传材料"


class MaterialListView(ListAPIView):
    serializer_class = s.MaterialSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    queryset = Material.objects.none()  # for the schema; the real one is scoped
    filterset_class = MaterialFilter

    def get_queryset(self):
        qs = selectors.visible_materials(self.request.user).annotate(
            passage_count=Count("passages")
        )
        return qs.order_by("-created_at", "-id")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return selectors.attach_duplicates(self.request.user, page)

    @extend_schema(
        request={
            "multipart/form-data": s.MaterialUploadInput,
            "application/json": s.MaterialTextInput,
        },
        responses={201: s.MaterialSerializer},
        description="上传文件（multipart，字段 file，上限 20 MB，类型按内容识别），或提交 JSON {title, text}。",
    )
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden(ADMIN_ONLY)
        # Refuse an oversized body before Django spools it to disk.
        materials.check_size(declared_file_bytes(request))
        if request.content_type.startswith("multipart/"):
            data = s.MaterialUploadInput(data=request.data)
            data.is_valid(raise_exception=True)
            upload = data.validated_data["file"]
            materials.check_size(upload.size)
            material = materials.create_from_upload(
                actor=request.user,
                data=upload.read(),
                filename=upload.name or "",
                title=data.validated_data.get("title", ""),
                org_unit=data.validated_data.get("org_unit"),
            )
        else:
            data = s.MaterialTextInput(data=request.data)
            data.is_valid(raise_exception=True)
            material = materials.create_from_text(actor=request.user, **data.validated_data)
        material.passage_count = material.passages.count()
        selectors.attach_duplicates(request.user, [material])
        return Response(s.MaterialSerializer(material).data, status=status.HTTP_201_CREATED)


def _material_out(request, pk: int) -> dict:
    qs = selectors.visible_materials(request.user).annotate(passage_count=Count("passages"))
    material = get_object_or_404(qs, pk=pk)
    selectors.attach_duplicates(request.user, [material])
    return s.MaterialDetailSerializer(material).data


class MaterialDetailView(APIView):
    @extend_schema(responses=s.MaterialDetailSerializer)
    def get(self, request, pk: int):
        return Response(_material_out(request, pk))

    @extend_schema(
        request=s.MaterialUpdateInput,
        responses=s.MaterialDetailSerializer,
        description="修改标题或可见范围（org_unit：该单位及其下级的干部可以看到材料和练一练）。",
    )
    def patch(self, request, pk: int):
        if not request.user.is_org_admin:
            raise Forbidden()
        material = materials.get_material_in_scope(request.user, pk)
        data = s.MaterialUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        materials.update_material(actor=request.user, material=material, data=data.validated_data)
        return Response(_material_out(request, pk))

    @extend_schema(responses={204: None})
    def delete(self, request, pk: int):
        if not request.user.is_org_admin:
            raise Forbidden()
        materials.get_material_in_scope(request.user, pk).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class MaterialReingestView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=None,
        responses={202: s.MaterialDetailSerializer},
        description="用当前的处理流程重新清洗、分段（处理流程改进后）。段落编号稳定："
        "文本未变的段落保留原编号，引用它们的试题不受影响；其余试题改指向包含其原文摘录的新段落，"
        "找不到时保留摘录、解除段落关联（见 ingest_report）。轮询 GET materials/{id}/ 查看进度。",
    )
    def post(self, request, pk: int):
        material = materials.get_material_in_scope(request.user, pk)
        materials.reingest(actor=request.user, material=material)
        return Response(_material_out(request, pk), status=status.HTTP_202_ACCEPTED)


class MaterialPassagesView(ListAPIView):
    serializer_class = s.PassageSerializer
    filter_backends: list = []

    def get_queryset(self):
        material = get_object_or_404(
            selectors.visible_materials(self.request.user), pk=self.kwargs["pk"]
        )
        return material.passages.order_by("position")


class MaterialSuggestView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=None,
        responses={201: s.KnowledgePointSerializer(many=True)},
        description="从材料的标题层级和关键词（jieba TF-IDF/TextRank）生成建议知识点，待管理员确认。",
    )
    def post(self, request, pk: int):
        material = materials.get_material_in_scope(request.user, pk)
        created = knowledge.suggest_for_material(material=material)
        ids = [kp.pk for kp in created]
        qs = KnowledgePoint.objects.filter(pk__in=ids).prefetch_related("passages")
        return Response(
            s.KnowledgePointSerializer(qs, many=True).data, status=status.HTTP_201_CREATED
        )


class MaterialGenerateView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.GenerateInput,
        responses={201: s.GenerationBatchSerializer},
        description="从材料生成待审试题（一个审核批次）。生成在后台进行（未配置 Redis 时在本进程内完成）："
        "轮询 GET generation-batches/{id}/ 直到 status 为 done 或 failed。",
    )
    def post(self, request, pk: int):
        material = materials.get_material_in_scope(request.user, pk)
        data = s.GenerateInput(data=request.data)
        data.is_valid(raise_exception=True)
        bank = get_in_scope_or_404(
            Bank.objects.select_related("org_unit"),
            request.user,
            pk=data.validated_data.pop("bank"),
        )
        batch = generation.start_generation(
            actor=request.user, material=material, bank=bank, **data.validated_data
        )
        batch.pending_count = batch.questions.count()
        return Response(s.GenerationBatchSerializer(batch).data, status=status.HTTP_201_CREATED)
