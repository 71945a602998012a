from django.urls import path

from apps.notices.api import views

urlpatterns = [
    path("notices/", views.NoticeListView.as_view(), name="notice-list"),
    path("notices/mine", views.MyNoticeListView.as_view(), name="notice-mine"),
    path("notices/preview", views.NoticePreviewView.as_view(), name="notice-preview"),
    path("notices/reach", views.NoticeReachView.as_view(), name="notice-reach"),
    path("notices/<int:pk>", views.NoticeDetailView.as_view(), name="notice-detail"),
    path("notices/<int:pk>/withdraw", views.NoticeWithdrawView.as_view(), name="notice-withdraw"),
]
