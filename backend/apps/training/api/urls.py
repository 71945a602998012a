from django.urls import path

from apps.training.api import daily_views, practice_views, study_views, wrong_book_views

urlpatterns = [
    path("practice/", practice_views.PracticeListView.as_view(), name="practice-list"),
    path("practice/options", practice_views.PracticeOptionsView.as_view(), name="practice-options"),
    path(
        "practice/passages",
        practice_views.PracticePassagesView.as_view(),
        name="practice-passages",
    ),
    path("practice/<int:pk>/", practice_views.PracticeDetailView.as_view(), name="practice-detail"),
    path(
        "practice/<int:pk>/answers",
        practice_views.PracticeAnswerView.as_view(),
        name="practice-answer",
    ),
    path("wrong-book/", wrong_book_views.WrongBookListView.as_view(), name="wrong-book-list"),
    path(
        "wrong-book/summary",
        wrong_book_views.WrongBookSummaryView.as_view(),
        name="wrong-book-summary",
    ),
    path(
        "wrong-book/<int:pk>/",
        wrong_book_views.WrongBookDetailView.as_view(),
        name="wrong-book-detail",
    ),
    path(
        "wrong-book/<int:pk>/retry",
        wrong_book_views.WrongBookRetryView.as_view(),
        name="wrong-book-retry",
    ),
    path("daily-quiz/", daily_views.DailyQuizView.as_view(), name="daily-quiz"),
    path("daily-quiz/answers", daily_views.DailyQuizAnswerView.as_view(), name="daily-quiz-answer"),
    path("study-needs/", study_views.StudyNeedsView.as_view(), name="study-needs"),
    path("study-needs/votes", study_views.StudyVoteView.as_view(), name="study-need-vote"),
    path(
        "study-needs/votes/<int:pk>",
        study_views.StudyVoteDetailView.as_view(),
        name="study-need-vote-detail",
    ),
    path("study-needs/topics", study_views.StudyTopicView.as_view(), name="study-need-topic"),
    path(
        "study-needs/ranking", study_views.StudyNeedRankingView.as_view(), name="study-need-ranking"
    ),
]
