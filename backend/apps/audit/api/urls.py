from django.urls import path

from apps.audit.api import views

urlpatterns = [
    path("audit-log/", views.AuditLogListView.as_view(), name="audit-log-list"),
    path("audit-log/export.xlsx", views.AuditLogExportView.as_view(), name="audit-log-export"),
    path("audit-log/catalogue", views.AuditCatalogueView.as_view(), name="audit-log-catalogue"),
]
