"""Org-admin endpoints: papers, exams, live progress, statistics, item analysis, regrade."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.common import scoping
from apps.common.errors import NotFound
from apps.common.permissions import IsOrgAdmin
from apps.exams import analytics, held_keys, reports, selectors
from apps.exams.api import serializers as s
from apps.exams.api.filters import PaperFilter
from apps.exams.held_keys import NOTHING_HELD
from apps.exams.models import Paper, RegradeRun
from apps.exams.services import exams as exam_services
from apps.exams.services import graders, item_flags, lifecycle, papers, regrade
from apps.questions.models import Question

OUT_OF_SCOPE_UNIT = "所选单位不在您的管理范围内"


def _check_unit(user, unit) -> None:
    if not scoping.unit_in_scope(user, unit):
        from apps.common.errors import InvalidInput

        raise InvalidInput(OUT_OF_SCOPE_UNIT, errors={"org_unit": [OUT_OF_SCOPE_UNIT]})


class PaperListView(ListAPIView):
    permission_classes = [IsOrgAdmin]
    serializer_class = s.PaperSerializer
    filterset_class = PaperFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Paper.objects.none()
        return selectors.papers_for_admin(self.request.user)

    @extend_schema(request=s.PaperInputSerializer, responses=s.PaperSerializer)
    def post(self, request):
        data = s.PaperInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        _check_unit(request.user, values["org_unit"])
        paper = papers.save_paper(
            paper=None,
            data=values,
            items=values.pop("items"),
            rules=values.pop("rules"),
            user=request.user,
        )
        paper = selectors.papers_for_admin(request.user).get(pk=paper.pk)
        return Response(s.PaperSerializer(paper).data, status=status.HTTP_201_CREATED)


class PaperDetailView(APIView):
    permission_classes = [IsOrgAdmin]

    def _paper(self, request, pk):
        return scoping.get_in_scope_or_404(
            selectors.papers_for_admin(request.user), request.user, pk=pk
        )

    @extend_schema(responses=s.PaperSerializer)
    def get(self, request, pk):
        return Response(s.PaperSerializer(self._paper(request, pk)).data)

    @extend_schema(request=s.PaperInputSerializer, responses=s.PaperSerializer)
    def put(self, request, pk):
        paper = self._paper(request, pk)
        data = s.PaperInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        _check_unit(request.user, values["org_unit"])
        paper = papers.save_paper(
            paper=paper,
            data=values,
            items=values.pop("items"),
            rules=values.pop("rules"),
            user=request.user,
        )
        paper = selectors.papers_for_admin(request.user).get(pk=paper.pk)
        return Response(s.PaperSerializer(paper).data)


class PaperPreviewView(PaperDetailView):
    http_method_names = ["get", "head", "options"]  # only reads: saving is PUT papers/{id}

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        return Response(selectors.paper_preview(self._paper(request, pk), request.user))


class ExamCreateView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.ExamInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request):
        data = s.ExamInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _check_unit(request.user, data.validated_data["org_unit"])
        exam = exam_services.save_exam(exam=None, data=data.validated_data, user=request.user)
        selectors.annotate_cards([exam], request.user)
        selectors.mark_managed([exam], request.user)
        selectors.mark_shared_pools([exam], request.user)
        return Response(s.ExamAdminSerializer(exam).data, status=status.HTTP_201_CREATED)


def admin_exam(request, pk):
    exam = selectors.exams_for_admin(request.user).filter(pk=pk).first()
    if exam is None:
        raise NotFound()
    return exam


def reported_exam(request, pk):
    """An exam the admin may read reports of (limited to their people); see exams_for_reports."""
    exam = selectors.exams_for_reports(request.user).filter(pk=pk).first()
    if exam is None:
        raise NotFound()
    return exam


class ExamUpdateView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.ExamInputSerializer, responses=s.ExamAdminSerializer)
    def patch(self, request, pk):
        exam = admin_exam(request, pk)
        data = s.ExamInputSerializer(exam, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        if "org_unit" in data.validated_data:
            _check_unit(request.user, data.validated_data["org_unit"])
        exam = exam_services.save_exam(exam=exam, data=data.validated_data, user=request.user)
        selectors.annotate_cards([exam], request.user)
        selectors.mark_managed([exam], request.user)
        selectors.mark_shared_pools([exam], request.user)
        return Response(s.ExamAdminSerializer(exam).data)


class ExamGradersView(APIView):
    """GET/PUT exams/{id}/graders: the reviewers who grade this exam's subjective answers.

    Only the exam's owner admins (whose scope holds its organizing unit) read or set it."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=s.GradersSerializer)
    def get(self, request, pk):
        exam = admin_exam(request, pk)
        return Response(_graders_body(exam, graders.graders_of(exam)))

    @extend_schema(request=s.GradersInputSerializer, responses=s.GradersSerializer)
    def put(self, request, pk):
        exam = admin_exam(request, pk)
        data = s.GradersInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        chosen = graders.set_graders(
            exam=exam, user_ids=data.validated_data["graders"], actor=request.user
        )
        return Response(_graders_body(exam, chosen))


def _graders_body(exam, users) -> dict:
    return s.GradersSerializer({"exam": exam.pk, "graders": list(users)}).data


class ExamReportView(APIView):
    """GET exams/{id}/progress | stats | items."""

    permission_classes = [IsOrgAdmin]
    report = "progress"
    REPORTS = {
        "progress": analytics.progress,
        "stats": analytics.stats,
        "items": analytics.item_analysis,
    }

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        return Response(self.REPORTS[self.report](reported_exam(request, pk), request.user))


class ItemFlagView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=None, responses=OpenApiTypes.OBJECT)
    def post(self, request, pk):
        return Response(
            {"flagged": item_flags.flag_low_discrimination(admin_exam(request, pk), request.user)}
        )


class ResultsXlsxView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(
        responses={
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiTypes.BINARY
        }
    )
    def get(self, request, pk):
        exam = reported_exam(request, pk)
        response = HttpResponse(
            analytics.results_xlsx(exam, request.user),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="exam-{exam.pk}-results.xlsx"'
        return response


class RegradeView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.RegradeInputSerializer, responses=OpenApiTypes.OBJECT)
    def post(self, request):
        data = s.RegradeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = scoping.get_in_scope_or_404(
            Question.objects.all(),
            request.user,
            "bank__org_unit",
            pk=data.validated_data["question_id"],
        )
        run = regrade.correct_key(
            question, data.validated_data["answer"], data.validated_data["reason"], request.user
        )
        return Response(_run_payload(run, NOTHING_HELD), status=status.HTTP_201_CREATED)

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request):
        runs = scoping.scope_queryset(
            RegradeRun.objects.select_related("question"), request.user, "question__bank__org_unit"
        )[:100]
        held = held_keys.held_for(request.user)
        return Response({"results": [_run_payload(r, held) for r in runs]})


def _run_payload(run: RegradeRun, held) -> dict:
    hidden = held.holds(run.question)
    return {
        "id": run.pk,
        "question_id": run.question_id,
        "old_answer": None if hidden else run.old_answer,
        "new_answer": None if hidden else run.new_answer,
        "key_held": hidden,
        "reason": run.reason,
        "attempts_rescored": run.attempts_rescored,
        "scores_changed": run.scores_changed,
        "created_at": run.created_at,
    }


# --- console: papers ------------------------------------------------------------------------
class PaperCopyView(PaperDetailView):
    http_method_names = ["post", "options"]

    @extend_schema(request=None, responses=s.PaperSerializer)
    def post(self, request, pk):
        copy = papers.copy_paper(self._paper(request, pk), request.user)
        copy = selectors.papers_for_admin(request.user).get(pk=copy.pk)
        return Response(s.PaperSerializer(copy).data, status=status.HTTP_201_CREATED)


class RuleAvailabilityView(APIView):
    """POST papers/availability: the rule builder's live count per row, before saving."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(
        request=s.PaperRulesInputSerializer, responses=s.RuleAvailabilitySerializer(many=True)
    )
    def post(self, request):
        data = s.PaperRulesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(papers.rule_availability(data.validated_data["rules"], request.user))


# --- console: exam lifecycle --------------------------------------------------------------
class ExamActionView(APIView):
    """POST exams/{id}/publish | extend | extra-time | close | cancel (services.lifecycle)."""

    permission_classes = [IsOrgAdmin]
    input_class = s.ReasonInputSerializer

    def act(self, exam, request, values):
        raise NotImplementedError

    def post(self, request, pk):
        exam = admin_exam(request, pk)
        data = self.input_class(data=request.data)
        data.is_valid(raise_exception=True)
        self.act(exam, request, dict(data.validated_data))
        exam = admin_exam(request, pk)
        selectors.annotate_cards([exam], request.user)
        selectors.mark_managed([exam], request.user)
        selectors.mark_shared_pools([exam], request.user)
        return Response(s.ExamAdminSerializer(exam).data)


class ExamPublishView(ExamActionView):
    input_class = s.PublishInputSerializer

    @extend_schema(request=s.PublishInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, exam, request, values):
        lifecycle.publish(exam, request.user, **values)


class ExamExtendView(ExamActionView):
    input_class = s.ExtendInputSerializer

    @extend_schema(request=s.ExtendInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, exam, request, values):
        lifecycle.extend(exam, request.user, **values)


class ExamExtraTimeView(ExamActionView):
    input_class = s.ExtraTimeInputSerializer

    @extend_schema(request=s.ExtraTimeInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, exam, request, values):
        if not scoping.unit_in_scope(request.user, values["user"].org_unit):
            raise NotFound("考生不存在或不在您的管理范围内")
        lifecycle.extra_time(exam, request.user, **values)


class ExamCloseView(ExamActionView):
    @extend_schema(request=s.ReasonInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, exam, request, values):
        lifecycle.close_early(exam, request.user, **values)


class ExamCancelView(ExamActionView):
    @extend_schema(request=s.ReasonInputSerializer, responses=s.ExamAdminSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def act(self, exam, request, values):
        lifecycle.cancel(exam, request.user, **values)


# --- console: monitor, grading, history, downloads ---------------------------------------
class ExamConsoleReportView(APIView):
    """GET exams/{id}/monitor | history (the admin's people only)."""

    permission_classes = [IsOrgAdmin]
    report = "monitor"
    REPORTS = {"monitor": reports.monitor, "history": reports.score_history}

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        return Response(self.REPORTS[self.report](reported_exam(request, pk), request.user))


class GradingProgressView(APIView):
    """GET exams/{id}/grading: subjective grading per question and per grader (owners)."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request, pk):
        return Response(reports.grading_progress(admin_exam(request, pk)))


class ItemFlagOneView(APIView):
    """POST exams/{id}/items/{question_id}/flag: 退回复审, one item, with a reason."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(
        operation_id="v1_exams_item_flag_one",
        request=s.ItemFlagInputSerializer,
        responses=OpenApiTypes.OBJECT,
    )
    def post(self, request, pk, question_id):
        data = s.ItemFlagInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        question = item_flags.flag_exam_item(
            admin_exam(request, pk), question_id, request.user, data.validated_data["reason"]
        )
        return Response({"question_id": question.pk, "status": question.status})


def _unit_param(request) -> int | None:
    raw = request.query_params.get("unit") or ""
    if not raw:
        return None
    if not raw.isdigit():
        from apps.common.errors import InvalidInput

        raise InvalidInput("unit 应为单位编号", errors={"unit": ["unit 应为单位编号"]})
    return int(raw)


UNIT_PARAM = OpenApiParameter("unit", int, description="只看这个单位（本级）")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class NotStartedXlsxView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(parameters=[UNIT_PARAM], responses={(200, XLSX): OpenApiTypes.BINARY})
    def get(self, request, pk):
        exam = reported_exam(request, pk)
        body = reports.not_started_xlsx(exam, request.user, _unit_param(request))
        return _attachment(body, XLSX, f"exam-{exam.pk}-not-started.xlsx")


class ScoreSheetView(APIView):
    permission_classes = [IsOrgAdmin]

    @extend_schema(parameters=[UNIT_PARAM], responses={(200, DOCX): OpenApiTypes.BINARY})
    def get(self, request, pk):
        exam = reported_exam(request, pk)
        body = reports.score_sheet_docx(exam, request.user, _unit_param(request))
        return _attachment(body, DOCX, f"exam-{exam.pk}-score-sheet.docx")


class AudienceCountView(APIView):
    """POST exams/audience-count: the wizard's live head count, checked like a save."""

    permission_classes = [IsOrgAdmin]

    @extend_schema(request=s.AudienceCountInputSerializer, responses=s.AudienceCountSerializer)
    def post(self, request):
        data = s.AudienceCountInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        _check_unit(request.user, values["org_unit"])
        exam_services.check_exam_scope(values, request.user)
        people = exam_services.audience_qs(
            unit_paths=[u.path for u in values["audience_units"]],
            roles=set(values["audience_roles"]),
            named=[u.pk for u in values["audience_users"]],
            owner_path=values["org_unit"].path,
            subunits=values["include_subunits"],
        )
        by_unit = [
            {
                "unit": unit.pk,
                "name": unit.full_name,
                "count": people.filter(
                    exam_services.audience_units_q([unit.path], values["include_subunits"])
                ).count(),
            }
            for unit in values["audience_units"]
        ]
        return Response({"count": people.count(), "by_unit": by_unit})
