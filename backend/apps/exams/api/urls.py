from django.urls import path

from apps.common.permissions import IsOrgAdminOrReadOnly
from apps.exams.api import fast_save
from apps.exams.api import views_admin as admin
from apps.exams.api import views_cadre as cadre
from apps.exams.api import views_review as review


class ExamCollectionView(cadre.ExamListView, admin.ExamCreateView):
    permission_classes = [IsOrgAdminOrReadOnly]


class ExamItemView(cadre.ExamDetailView, admin.ExamUpdateView):
    permission_classes = [IsOrgAdminOrReadOnly]


urlpatterns = [
    path("papers/", admin.PaperListView.as_view(), name="paper-list"),
    path("papers/<int:pk>", admin.PaperDetailView.as_view(), name="paper-detail"),
    path("papers/availability", admin.RuleAvailabilityView.as_view(), name="paper-availability"),
    path("papers/<int:pk>/copy", admin.PaperCopyView.as_view(), name="paper-copy"),
    path("papers/<int:pk>/preview", admin.PaperPreviewView.as_view(), name="paper-preview"),
    path("exams/", ExamCollectionView.as_view(), name="exam-list"),
    path("exams/<int:pk>", ExamItemView.as_view(), name="exam-detail"),
    path("exams/audience-count", admin.AudienceCountView.as_view(), name="exam-audience-count"),
    path("exams/<int:pk>/attempts", cadre.StartAttemptView.as_view(), name="exam-start"),
    path(
        "exams/<int:pk>/progress",
        admin.ExamReportView.as_view(report="progress"),
        name="exam-progress",
    ),
    path("exams/<int:pk>/publish", admin.ExamPublishView.as_view(), name="exam-publish"),
    path("exams/<int:pk>/extend", admin.ExamExtendView.as_view(), name="exam-extend"),
    path("exams/<int:pk>/extra-time", admin.ExamExtraTimeView.as_view(), name="exam-extra-time"),
    path("exams/<int:pk>/close", admin.ExamCloseView.as_view(), name="exam-close"),
    path("exams/<int:pk>/cancel", admin.ExamCancelView.as_view(), name="exam-cancel"),
    path(
        "exams/<int:pk>/monitor",
        admin.ExamConsoleReportView.as_view(report="monitor"),
        name="exam-monitor",
    ),
    path(
        "exams/<int:pk>/history",
        admin.ExamConsoleReportView.as_view(report="history"),
        name="exam-history",
    ),
    path("exams/<int:pk>/grading", admin.GradingProgressView.as_view(), name="exam-grading"),
    path(
        "exams/<int:pk>/not-started.xlsx",
        admin.NotStartedXlsxView.as_view(),
        name="exam-not-started-xlsx",
    ),
    path(
        "exams/<int:pk>/score-sheet.docx",
        admin.ScoreSheetView.as_view(),
        name="exam-score-sheet",
    ),
    path(
        "exams/<int:pk>/items/<int:question_id>/flag",
        admin.ItemFlagOneView.as_view(),
        name="exam-item-flag",
    ),
    path("exams/<int:pk>/graders", admin.ExamGradersView.as_view(), name="exam-graders"),
    path("exams/<int:pk>/stats", admin.ExamReportView.as_view(report="stats"), name="exam-stats"),
    path("exams/<int:pk>/items", admin.ExamReportView.as_view(report="items"), name="exam-items"),
    path("exams/<int:pk>/items/flag", admin.ItemFlagView.as_view(), name="exam-items-flag"),
    path("exams/<int:pk>/results.xlsx", admin.ResultsXlsxView.as_view(), name="exam-results-xlsx"),
    path("attempts/<int:pk>", cadre.AttemptView.as_view(), name="attempt-detail"),
    path(
        "attempts/<int:pk>/answers/batch", cadre.SaveBatchView.as_view(), name="attempt-save-batch"
    ),
    path(
        "attempts/<int:pk>/answers/<int:question_id>",
        fast_save.save_answer,
        name="attempt-save",
    ),
    path("attempts/<int:pk>/clock", cadre.AttemptClockView.as_view(), name="attempt-clock"),
    path("attempts/<int:pk>/submit", cadre.SubmitView.as_view(), name="attempt-submit"),
    path("attempts/<int:pk>/events", cadre.EventView.as_view(), name="attempt-events"),
    path("attempts/<int:pk>/flags", cadre.MarksView.as_view(), name="attempt-flags"),
    path("regrades/", admin.RegradeView.as_view(), name="regrade-list"),
    path("grading-tasks/", review.GradingTaskListView.as_view(), name="grading-task-list"),
    path("grading-tasks/<int:pk>", review.GradingTaskView.as_view(), name="grading-task-detail"),
    path("grading-tasks/<int:pk>/grade", review.GradeView.as_view(), name="grading-task-grade"),
]
