from django.urls import path

from apps.console.api import views

urlpatterns = [
    path("console/dashboard", views.DashboardView.as_view(), name="console-dashboard"),
]
