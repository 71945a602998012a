from django.urls import path

from apps.records.api import views_periods as p
from apps.records.api import views_records as r

urlpatterns = [
    path("periods/", p.PeriodListView.as_view(), name="period-list"),
    path("periods/<int:pk>/", p.PeriodDetailView.as_view(), name="period-detail"),
    path(
        "periods/<int:pk>/indicators/import",
        p.IndicatorImportView.as_view(),
        name="period-indicator-import",
    ),
    path(
        "periods/<int:pk>/indicators/template.xlsx",
        p.IndicatorTemplateView.as_view(),
        name="period-indicator-template",
    ),
    path("periods/<int:pk>/compute", p.ComputeView.as_view(), name="period-compute"),
    path("periods/<int:pk>/readiness", p.ReadinessView.as_view(), name="period-readiness"),
    path("periods/<int:pk>/publish", p.PublishView.as_view(), name="period-publish"),
    path("periods/<int:pk>/lock", p.LockView.as_view(), name="period-lock"),
    path("periods/<int:pk>/unlock", p.UnlockView.as_view(), name="period-unlock"),
    path("periods/<int:pk>/table", p.TableView.as_view(), name="period-table"),
    path("periods/<int:pk>/records.xlsx", p.ExportView.as_view(), name="period-export"),
    path("periods/<int:pk>/distribution", p.DistributionView.as_view(), name="period-distribution"),
    path("periods/<int:pk>/adjustments", p.AdjustmentListView.as_view(), name="period-adjustments"),
    path("records/", r.RecordListView.as_view(), name="record-list"),
    path("records/me", r.MyRecordsView.as_view(), name="record-me"),
    path("records/<int:pk>/", r.RecordDetailView.as_view(), name="record-detail"),
    path("records/<int:pk>/history", r.RecordHistoryView.as_view(), name="record-history"),
    path("records/<int:pk>/objections", r.ObjectionCreateView.as_view(), name="record-objections"),
    path("records/<int:pk>/unlock", r.RecordUnlockView.as_view(), name="record-unlock"),
    path("records/<int:pk>/adjust", r.RecordAdjustView.as_view(), name="record-adjust"),
    path("objections/", r.ObjectionListView.as_view(), name="objection-list"),
    path("objections/<int:pk>/resolve", r.ObjectionResolveView.as_view(), name="objection-resolve"),
]
