from django.urls import path

from apps.accounts.api import views, views_auth

urlpatterns = [
    path("auth/csrf", views_auth.CsrfView.as_view(), name="auth-csrf"),
    path("auth/login", views_auth.LoginView.as_view(), name="auth-login"),
    path("auth/logout", views_auth.LogoutView.as_view(), name="auth-logout"),
    path("auth/me", views_auth.MeView.as_view(), name="auth-me"),
    path("auth/password", views_auth.PasswordView.as_view(), name="auth-password"),
    path("auth/token", views_auth.TokenView.as_view(), name="auth-token"),
    path("org-units/", views.OrgUnitListView.as_view(), name="org-unit-list"),
    path("org-units/<int:pk>/", views.OrgUnitDetailView.as_view(), name="org-unit-detail"),
    path("users/", views.UserListView.as_view(), name="user-list"),
    path("users/import", views.RosterImportView.as_view(), name="user-import"),
    path("users/template.xlsx", views.RosterTemplateView.as_view(), name="user-template"),
    path("users/export.xlsx", views.UserExportView.as_view(), name="user-export"),
    path("users/passwords.xlsx", views.PasswordSheetView.as_view(), name="user-passwords"),
    path("users/<int:pk>/", views.UserDetailView.as_view(), name="user-detail"),
    path(
        "users/<int:pk>/deactivate",
        views.UserActionView.as_view(action="deactivate"),
        name="user-deactivate",
    ),
    path(
        "users/<int:pk>/activate",
        views.UserActionView.as_view(action="activate"),
        name="user-activate",
    ),
    path(
        "users/<int:pk>/reset-password",
        views.UserPasswordResetView.as_view(),
        name="user-reset-password",
    ),
    path("users/<int:pk>/unlock", views_auth.UserUnlockView.as_view(), name="user-unlock"),
]
