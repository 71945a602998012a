"""Role checks shared by every app. Scope (which units) is applied by apps.common.scoping."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

PASSWORD_CHANGE_REQUIRED = "首次登录请先修改初始密码"


class IsAuthenticatedAndReady(BasePermission):
    """Logged in, and not holding an initial password that must be changed first.

    Views that must stay reachable before the change (me, password, logout) set
    `allow_pending_password_change = True`.
    """

    message = "请先登录"

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if user.must_change_password and not getattr(view, "allow_pending_password_change", False):
            self.message = PASSWORD_CHANGE_REQUIRED
            self.code = "password_change_required"
            return False
        return True


class IsOrgAdmin(IsAuthenticatedAndReady):
    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "仅组织部管理员可以执行此操作"
        return request.user.is_org_admin


class IsOrgAdminOrReadOnly(IsAuthenticatedAndReady):
    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "仅组织部管理员可以修改"
        return request.method in SAFE_METHODS or request.user.is_org_admin


class IsReviewer(IsAuthenticatedAndReady):
    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "仅评审员可以执行此操作"
        return request.user.is_reviewer or request.user.is_org_admin


class IsCadre(IsAuthenticatedAndReady):
    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "仅干部可以执行此操作"
        return request.user.is_cadre


class IsStaff(IsAuthenticatedAndReady):
    """Staff of the platform (org admins are made staff when appointed, and superusers)."""

    def has_permission(self, request, view) -> bool:
        if not super().has_permission(request, view):
            return False
        self.message = "仅管理人员可以访问"
        return self.is_staff(request.user)

    @staticmethod
    def is_staff(user) -> bool:
        return user.is_active and (user.is_staff or user.is_superuser)
