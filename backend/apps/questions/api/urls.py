from django.urls import path

from apps.questions.api import views_banks as banks
from apps.questions.api import views_generation as gen
from apps.questions.api import views_materials as materials
from apps.questions.api import views_questions as questions

urlpatterns = [
    path("materials/", materials.MaterialListView.as_view(), name="material-list"),
    path("materials/<int:pk>/", materials.MaterialDetailView.as_view(), name="material-detail"),
    path(
        "materials/<int:pk>/passages/",
        materials.MaterialPassagesView.as_view(),
        name="material-passages",
    ),
    path(
        "materials/<int:pk>/reingest",
        materials.MaterialReingestView.as_view(),
        name="material-reingest",
    ),
    path(
        "materials/<int:pk>/generate",
        materials.MaterialGenerateView.as_view(),
        name="material-generate",
    ),
    path(
        "materials/<int:pk>/suggest-knowledge-points",
        materials.MaterialSuggestView.as_view(),
        name="material-suggest-kps",
    ),
    path("knowledge-points/", banks.KnowledgePointListView.as_view(), name="kp-list"),
    path("knowledge-points/<int:pk>/", banks.KnowledgePointDetailView.as_view(), name="kp-detail"),
    path(
        "knowledge-points/<int:pk>/confirm",
        banks.KnowledgePointConfirmView.as_view(),
        name="kp-confirm",
    ),
    path(
        "knowledge-points/<int:pk>/merge",
        banks.KnowledgePointMergeView.as_view(),
        name="kp-merge",
    ),
    path("banks/", banks.BankListView.as_view(), name="bank-list"),
    path("banks/<int:pk>/", banks.BankDetailView.as_view(), name="bank-detail"),
    path("questions/", questions.QuestionListView.as_view(), name="question-list"),
    path("questions/import", questions.QuestionImportView.as_view(), name="question-import"),
    path("questions/export", questions.QuestionExportView.as_view(), name="question-export"),
    path(
        "questions/template.xlsx",
        questions.QuestionTemplateView.as_view(),
        name="question-template",
    ),
    path(
        "questions/duplicates",
        questions.QuestionDuplicatesView.as_view(),
        name="question-duplicates",
    ),
    path("questions/preview", questions.QuestionPreviewView.as_view(), name="question-preview"),
    path(
        "questions/review-batch",
        questions.QuestionBatchReviewView.as_view(),
        name="question-review-batch",
    ),
    path("questions/images", questions.QuestionImageView.as_view(), name="question-images"),
    path("questions/<int:pk>/", questions.QuestionDetailView.as_view(), name="question-detail"),
    path(
        "questions/<int:pk>/review", questions.QuestionReviewView.as_view(), name="question-review"
    ),
    path(
        "questions/<int:pk>/history",
        questions.QuestionHistoryView.as_view(),
        name="question-history",
    ),
    path(
        "generation-batches/", gen.GenerationBatchListView.as_view(), name="generation-batch-list"
    ),
    path(
        "generation-batches/<int:pk>/",
        gen.GenerationBatchDetailView.as_view(),
        name="generation-batch-detail",
    ),
    path("generator/stats", gen.GeneratorStatsView.as_view(), name="generator-stats"),
]
