from django.urls import path

from apps.cases.api import views_calls as calls
from apps.cases.api import views_cases as cases
from apps.cases.api import views_library as library
from apps.cases.api import views_reviews as reviews

urlpatterns = [
    path("case-rubrics/", calls.RubricListView.as_view(), name="case-rubrics"),
    path("case-rubrics/<int:pk>", calls.RubricDetailView.as_view(), name="case-rubric"),
    path("case-calls/", calls.CallListView.as_view(), name="case-calls"),
    path("case-calls/<int:pk>", calls.CallDetailView.as_view(), name="case-call"),
    path("case-calls/<int:pk>/assign", calls.CallAssignView.as_view(), name="case-call-assign"),
    path("case-calls/<int:pk>/stats", calls.CallStatsView.as_view(), name="case-call-stats"),
    path(
        "case-calls/<int:pk>/assignments",
        calls.CallAssignmentsView.as_view(),
        name="case-call-assignments",
    ),
    path("case-reviewers/", calls.ReviewerListView.as_view(), name="case-reviewers"),
    path("cases/", cases.CaseListView.as_view(), name="cases"),
    path("cases/<int:pk>", cases.CaseDetailView.as_view(), name="case"),
    path("cases/<int:pk>/images", cases.CaseImageView.as_view(), name="case-images"),
    path(
        "cases/<int:pk>/images/<int:image_id>",
        cases.CaseImageDetailView.as_view(),
        name="case-image",
    ),
    path("cases/<int:pk>/submit", cases.CaseSubmitView.as_view(), name="case-submit"),
    path("cases/<int:pk>/withdraw", cases.CaseWithdrawView.as_view(), name="case-withdraw"),
    path("cases/<int:pk>/reviewers", cases.CaseReviewersView.as_view(), name="case-reviewers"),
    path("cases/<int:pk>/publish", cases.CasePublishView.as_view(), name="case-publish"),
    path("cases/<int:pk>/score", cases.CaseScoreView.as_view(), name="case-score"),
    path("cases/<int:pk>/candidates", cases.CaseCandidatesView.as_view(), name="case-candidates"),
    path("cases/<int:pk>/arbitrate", cases.CaseArbitrateView.as_view(), name="case-arbitrate"),
    path("reviews/", reviews.ReviewListView.as_view(), name="reviews"),
    path("reviews/<int:pk>", reviews.ReviewDetailView.as_view(), name="review"),
    path("reviews/<int:pk>/submit", reviews.ReviewSubmitView.as_view(), name="review-submit"),
    path("reviews/<int:pk>/claim", reviews.ReviewClaimView.as_view(), name="review-claim"),
    path("reviews/<int:pk>/decline", reviews.ReviewDeclineView.as_view(), name="review-decline"),
    path("reviews/<int:pk>/reassign", reviews.ReviewReassignView.as_view(), name="review-reassign"),
    path("case-library/", library.LibraryListView.as_view(), name="case-library"),
    path("case-library/<int:pk>", library.LibraryDetailView.as_view(), name="case-library-item"),
]
