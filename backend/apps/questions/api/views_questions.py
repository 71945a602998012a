from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common.api.parsers import FormParser, MultiPartParser
from apps.common.errors import Forbidden, InvalidInput
from apps.common.filters import apply_filters, filter_parameters
from apps.common.permissions import IsOrgAdmin
from apps.common.scoping import get_in_scope_or_404
from apps.exams import held_keys
from apps.exams.services.regrade import KEY_CORRECTION
from apps.questions import conf, selectors
from apps.questions.api import question_serializers as s
from apps.questions.api.filters import QuestionFilter
from apps.questions.models import Bank, Question
from apps.questions.services import banks, question_export, question_import, questions, review
from apps.questions.services.rendering import render_question_text

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
}
CHANGES_INVALID = "修改内容有误"
NOT_FOUND = "试题不存在或无权操作"
HELD_COMMENT = "（该题正用于您尚未结束的考试，更正内容在考试结束后可见）"


def _serialize(request, question: Question, **extra) -> dict:
    if request.user.is_org_admin:
        return {**s.QuestionSerializer(question, context={"request": request}).data, **extra}
    return s.QuestionPublicSerializer(question).data


def _managed_bank(request, pk: int) -> Bank:
    return get_in_scope_or_404(Bank.objects.select_related("org_unit"), request.user, pk=pk)


class QuestionListView(ListAPIView):
    """Admins get full questions; a cadre gets published questions of shared banks without
    answers, explanations, scoring points or source quotes."""

    filterset_class = QuestionFilter

    def get_serializer_class(self):
        user = self.request.user
        return (
            s.QuestionSerializer
            if user.is_authenticated and user.is_org_admin
            else s.QuestionPublicSerializer
        )

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Question.objects.none()
        return selectors.visible_questions(self.request.user)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page is not None and self.request.user.is_org_admin:
            selectors.attach_usage(page)
        return page

    @extend_schema(responses=s.question_view(many=True))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.QuestionInput, responses={201: s.QuestionWithSimilarSerializer})
    def post(self, request):
        if not request.user.is_org_admin:
            raise Forbidden()
        data = s.QuestionInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        bank = fields.pop("bank")
        question = questions.create_question(actor=request.user, bank=bank, data=fields)
        similar = questions.find_similar(question)
        return Response(
            _serialize(request, question, similar=similar), status=status.HTTP_201_CREATED
        )


class QuestionDetailView(APIView):
    def _get(self, request, pk):
        return get_object_or_404(selectors.visible_questions(request.user), pk=pk)

    @extend_schema(responses=s.question_view())
    def get(self, request, pk: int):
        return Response(_serialize(request, self._get(request, pk)))

    @extend_schema(
        request=s.QuestionInput,
        responses=s.QuestionWithSimilarSerializer,
        description="编辑试题；已发布（或停用）的试题会生成新版本，返回新版本。",
    )
    def patch(self, request, pk: int):
        if not request.user.is_org_admin:
            raise Forbidden()
        question = self._get(request, pk)
        data = s.QuestionInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = {k: v for k, v in data.validated_data.items() if k != "bank" and k in request.data}
        question = questions.update_question(actor=request.user, question=question, data=fields)
        return Response(_serialize(request, question, similar=questions.find_similar(question)))

    @extend_schema(responses={204: None}, description="删除草稿或待审试题；已发布的试题只能停用。")
    def delete(self, request, pk: int):
        if not request.user.is_org_admin:
            raise Forbidden()
        questions.delete_question(actor=request.user, question=self._get(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class QuestionReviewView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.QuestionReviewInput,
        responses=s.QuestionSerializer,
        description="审核操作：submit/approve/reject/retire/restore；approve 可带 changes（先改后过）；"
        "reject 必须带 reason（ungrammatical/wrong_answer/weak_distractors/trivial/duplicate/other）。",
    )
    def post(self, request, pk: int):
        question = get_object_or_404(selectors.visible_questions(request.user), pk=pk)
        data = s.QuestionReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        changes = data.validated_data.get("changes")
        if changes:
            checked = s.QuestionInput(data=changes, partial=True)
            if not checked.is_valid():
                raise InvalidInput(
                    CHANGES_INVALID,
                    {f"changes.{k}": [str(m) for m in v] for k, v in checked.errors.items()},
                )
            changes = {
                k: v for k, v in checked.validated_data.items() if k != "bank" and k in changes
            }
        question = review.review_question(
            actor=request.user,
            question=question,
            action=data.validated_data["action"],
            comment=data.validated_data["comment"],
            reason=data.validated_data["reason"],
            changes=changes,
        )
        return Response(s.QuestionSerializer(question, context={"request": request}).data)


class QuestionPreviewView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.PreviewInput,
        responses=s.PreviewOutput,
        description="按服务器的方式渲染题干和解析（Markdown → 净化后的 HTML），与手机端显示一致；不保存。",
    )
    def post(self, request):
        data = s.PreviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(
            {
                "stem_html": render_question_text(data.validated_data["stem"]),
                "explanation_html": render_question_text(data.validated_data["explanation"]),
            }
        )


class QuestionBatchReviewView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.BatchReviewInput,
        responses=s.BatchReviewOutput,
        description="对多道试题执行同一审核操作（批量通过等）；逐题成功或失败，失败的给出原因。",
    )
    def post(self, request):
        data = s.BatchReviewInput(data=request.data)
        data.is_valid(raise_exception=True)
        ids = data.validated_data["ids"]
        found = {q.pk: q for q in selectors.visible_questions(request.user).filter(pk__in=ids)}
        missing = [{"id": pk, "detail": NOT_FOUND} for pk in ids if pk not in found]
        result = review.review_many(
            actor=request.user,
            questions=[found[pk] for pk in dict.fromkeys(ids) if pk in found],
            action=data.validated_data["action"],
        )
        result["failed"] = missing + result["failed"]
        return Response(result)


class QuestionHistoryView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        responses=s.QuestionReviewLogSerializer(many=True), description="该试题所有版本的审核记录"
    )
    def get(self, request, pk: int):
        question = get_object_or_404(selectors.visible_questions(request.user), pk=pk)
        from apps.questions.models import QuestionReview

        logs = list(
            QuestionReview.objects.filter(question__lineage=question.lineage).select_related(
                "actor"
            )
        )
        if held_keys.held_for(request.user).holds(question):
            for log in logs:  # a key correction's note names the old and new keys
                if log.action == KEY_CORRECTION:
                    log.comment = HELD_COMMENT
        return Response(s.QuestionReviewLogSerializer(logs, many=True).data)


class QuestionImportView(APIView):
    permission_classes = [IsOrgAdmin]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        parameters=[s.ImportQuery],
        request={"multipart/form-data": s.QuestionImportInput},
        responses={200: s.QuestionImportReport},
        description="导入到题库 bank（必填，查询参数或表单字段）：xlsx/CSV（本平台模板、CMMLU、云帆考试模板）"
        "或 JSON；?dry_run=1 试运行，?strict=1 有错则全部不导入。题干、选项、答案完全相同的试题默认跳过"
        "（skipped 列出行号；?skip_duplicates=0 则照常导入）。表头无法识别时，试运行返回 needs_mapping、"
        "文件的 headers 与建议的 suggested_mapping，再带上 mapping 导入。",
    )
    def post(self, request):
        params = request.query_params.copy()
        if "bank" not in params and request.data.get("bank"):
            params["bank"] = request.data["bank"]  # also accepted as a form field
        if not params.get("bank"):
            raise InvalidInput(s.BANK_REQUIRED, {"bank": [s.BANK_REQUIRED]})
        query = s.ImportQuery(data=params)
        query.is_valid(raise_exception=True)
        options = dict(query.validated_data)
        bank = _managed_bank(request, options.pop("bank"))
        upload = s.QuestionImportInput(data=request.data)
        upload.is_valid(raise_exception=True)
        report = question_import.import_questions(
            actor=request.user,
            bank=bank,
            data=upload.validated_data["file"].read(),
            mapping=upload.validated_data.get("mapping"),
            **options,
        )
        return Response(report.to_dict())


def _file(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename=\"{name}\"; filename*=UTF-8''{name}"
    return response


class _FileNegotiation(DefaultContentNegotiation):
    """`?format=` names the file format here, not a DRF renderer."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class QuestionExportView(APIView):
    permission_classes = [IsOrgAdmin]
    content_negotiation_class = _FileNegotiation

    @extend_schema(
        parameters=[s.ExportQuery, *filter_parameters(QuestionFilter)],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request):
        query = s.ExportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        fmt = query.validated_data["format"]
        qs = apply_filters(QuestionFilter, request, selectors.visible_questions(request.user))
        # Questions an exam holds from this admin (a candidate too) stay out of the file.
        qs = qs.exclude(held_keys.held_for(request.user).q()).prefetch_related("knowledge_points")
        writer = {
            "xlsx": question_export.export_xlsx,
            "csv": question_export.export_csv,
            "json": question_export.export_json,
        }
        stamp = timezone.localtime().strftime("%Y%m%d%H%M")
        return _file(writer[fmt](qs), fmt, f"questions-{stamp}.{fmt}")


class QuestionTemplateView(APIView):
    @extend_schema(responses={(200, CONTENT_TYPES["xlsx"]): OpenApiTypes.BINARY})
    def get(self, request):
        return _file(question_export.template_xlsx(), "xlsx", "question-template.xlsx")


class QuestionDuplicatesView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(parameters=[s.BankQuery], responses=s.DuplicateClusterSerializer(many=True))
    def get(self, request):
        query = s.BankQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        bank = _managed_bank(request, query.validated_data["bank"])
        return Response(selectors.duplicate_clusters(bank, conf.duplicate_threshold()))


class QuestionImageView(APIView):
    permission_classes = [IsOrgAdmin]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        request={"multipart/form-data": s.BankUploadInput},
        responses={201: s.QuestionImageSerializer},
    )
    def post(self, request):
        data = s.BankUploadInput(data=request.data)
        data.is_valid(raise_exception=True)
        bank = _managed_bank(request, data.validated_data["bank"])
        image = banks.upload_image(
            actor=request.user,
            bank=bank,
            data=data.validated_data["file"].read(conf.image_max_bytes() + 1),
        )
        return Response(s.QuestionImageSerializer(image).data, status=status.HTTP_201_CREATED)
