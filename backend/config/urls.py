from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from apps.accounts import admin_auth
from apps.common.api.docs import SchemaView, swagger_ui
from apps.common.views import console_index, media_file, spa_index

handler400 = "apps.common.views.bad_request"
handler404 = "apps.common.views.not_found"
handler500 = "apps.common.views.server_error"

admin.site.site_header = "应知应会管理后台"
admin.site.site_title = "应知应会"
admin.site.index_title = "组织部管理"
admin.site.login_form = admin_auth.AdminLoginForm

api_v1 = [
    path("", include("apps.accounts.api.urls")),
    path("", include("apps.questions.api.urls")),
    path("", include("apps.exams.api.urls")),
    path("", include("apps.training.api.urls")),
    path("", include("apps.cases.api.urls")),
    path("", include("apps.records.api.urls")),
    path("", include("apps.notices.api.urls")),
    path("", include("apps.console.api.urls")),
    path("", include("apps.audit.api.urls")),
]

urlpatterns = [
    # Before admin.site.urls, so the admin's own change-password URL saves through our service.
    path(
        "admin/password_change/",
        admin.site.admin_view(admin_auth.password_change),
        name="admin-password-change",
    ),
    path("admin/", admin.site.urls),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", swagger_ui, name="swagger-ui"),
    path("api/v1/", include(api_v1)),
    re_path(r"^media/(?P<path>.+)$", media_file, name="media"),
    # The organization department's console: its own page, every client route included.
    path("console", RedirectView.as_view(url="/console/", permanent=False)),
    re_path(r"^console/.*$", console_index, name="console"),
]

# Every other path belongs to the single-page app's router.
urlpatterns.append(re_path(r"^(?!api/|admin/|static/|media/).*$", spa_index, name="spa"))
