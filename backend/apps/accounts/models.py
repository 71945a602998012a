from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from apps.common.models import TimeStampedModel

ROLE_CADRE = "cadre"
ROLE_REVIEWER = "reviewer"
ROLE_ORG_ADMIN = "org_admin"
ROLE_SUPERUSER = "superuser"
MOVE_INTO_OWN_SUBTREE = "不能把单位移到它自己或它的下级单位之下"
ROLE_LABELS = {
    ROLE_CADRE: "干部",
    ROLE_REVIEWER: "评审员",
    ROLE_ORG_ADMIN: "组织部管理员",
    ROLE_SUPERUSER: "超级管理员",
}


TREE_FIELDS = ("path", "depth", "full_name")


class OrgUnit(TimeStampedModel):
    """A node of the org tree. `path` ("12/40/77/") makes a subtree one prefix query."""

    class Kind(models.TextChoices):
        COUNTY = "county", "县（区）"
        TOWNSHIP = "township", "乡镇（街道）"
        DEPARTMENT = "department", "部门"
        VILLAGE = "village", "村"
        COMMUNITY = "community", "社区"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("树路径", max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField("层级", default=0, editable=False)
    full_name = models.CharField("全称", max_length=500, db_index=True, editable=False, default="")
    sort_order = models.PositiveIntegerField("排序", default=0)

    class Meta:
        verbose_name = "组织单位"
        verbose_name_plural = "组织单位"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="orgunit_unique_name_per_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.name

    def clean(self) -> None:
        super().clean()
        if self.creates_cycle():
            raise ValidationError({"parent": [MOVE_INTO_OWN_SUBTREE]})

    def creates_cycle(self) -> bool:
        """True when the chosen parent is this unit or lies in its subtree."""
        if self.pk is None or self.parent_id is None:
            return False
        if self.parent_id == self.pk:
            return True
        return bool(self.path) and self.parent.path.startswith(self.path)

    def save(self, *args, **kwargs):
        # A unit under its own descendant would rebuild paths forever (RecursionError).
        if self.creates_cycle():
            raise ValidationError({"parent": [MOVE_INTO_OWN_SUBTREE]})
        old_path, old_full_name = self.path, self.full_name
        if self.pk is None:
            super().save(*args, **kwargs)  # the path is built from the new id
            kwargs = {}
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *TREE_FIELDS}
        self._refresh_tree_fields()
        super().save(*args, **kwargs)
        # Moved or renamed: carry the subtree's paths and full names along.
        if old_path and (old_path != self.path or old_full_name != self.full_name):
            for child in self.children.all():
                child.save()

    def _refresh_tree_fields(self) -> None:
        if self.parent_id:
            parent = self.parent
            self.path = f"{parent.path}{self.pk}/"
            self.depth = parent.depth + 1
            self.full_name = f"{parent.full_name}/{self.name}"
        else:
            self.path = f"{self.pk}/"
            self.depth = 0
            self.full_name = self.name

    def descendants(self, include_self: bool = True) -> models.QuerySet[OrgUnit]:
        qs = OrgUnit.objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)

    def ancestor_ids(self) -> list[int]:
        return path_ids(self.path)[:-1]

    def ancestors(self) -> models.QuerySet[OrgUnit]:
        return OrgUnit.objects.filter(pk__in=self.ancestor_ids())

    def is_within(self, other: OrgUnit) -> bool:
        """True when self is other or lies in other's subtree."""
        return self.path.startswith(other.path)

    def is_related_to(self, other: OrgUnit) -> bool:
        """Same unit, an ancestor or a descendant: the conflict-of-interest rule."""
        return self.is_within(other) or other.is_within(self)


class User(AbstractUser):
    """A cadre, reviewer or administrator. `username` is the 工号 (staff number)."""

    username = models.CharField(
        "工号", max_length=64, unique=True, error_messages={"unique": "该工号已存在"}
    )
    real_name = models.CharField("姓名", max_length=50, blank=True)
    mobile = models.CharField("手机号", max_length=11, unique=True, null=True, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name="所属单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    position = models.CharField("职务", max_length=100, blank=True)
    is_cadre = models.BooleanField("干部", default=True)
    is_reviewer = models.BooleanField("评审员", default=False)
    must_change_password = models.BooleanField("首次登录须改密码", default=False)

    objects = UserManager()
    # Roles, unit, activation and staff status keep their history (who changed what and
    # when); the password hash never goes into it.
    history = HistoricalRecords(
        excluded_fields=["password", "last_login"], verbose_name="用户变更记录"
    )

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        ordering = ["username"]

    def __str__(self) -> str:
        return f"{self.real_name or self.username}（{self.username}）"

    def save(self, *args, **kwargs):
        # set_password() leaves the new raw password in _password until the save.
        password_changed = self._password is not None
        # A login only stamps last_login: nothing worth a history row.
        if set(kwargs.get("update_fields") or ()) == {"last_login"}:
            self.skip_history_when_saving = True
        try:
            super().save(*args, **kwargs)
        finally:
            self.__dict__.pop("skip_history_when_saving", None)
        # Every path that changes a password or deactivates a user (the API, the Django
        # admin, a service) ends here, so each one revokes the user's API tokens
        # (apps.accounts.services.auth.revoke_tokens does the same for a caller).
        if password_changed or not self.is_active:
            AuthToken.objects.filter(user=self).delete()

    @property
    def display_name(self) -> str:
        return self.real_name or self.username

    @property
    def admin_unit_paths(self) -> list[str]:
        """Paths of the subtrees this user administers; cached on the instance."""
        if not hasattr(self, "_admin_unit_paths"):
            # A list of people prefetches their scopes: no query per person for `roles`.
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("admin_scopes")
            if prefetched is not None:
                self._admin_unit_paths = [scope.org_unit.path for scope in prefetched]
            else:
                self._admin_unit_paths = list(
                    self.admin_scopes.values_list("org_unit__path", flat=True)
                )
        return self._admin_unit_paths

    @property
    def is_org_admin(self) -> bool:
        return self.is_superuser or bool(self.admin_unit_paths)

    @property
    def roles(self) -> list[str]:
        roles = []
        if self.is_cadre:
            roles.append(ROLE_CADRE)
        if self.is_reviewer:
            roles.append(ROLE_REVIEWER)
        if self.is_org_admin:
            roles.append(ROLE_ORG_ADMIN)
        if self.is_superuser:
            roles.append(ROLE_SUPERUSER)
        return roles


class AdminScope(models.Model):
    """Makes a user an org admin of one subtree; a user may hold several."""

    user = models.ForeignKey(
        User, verbose_name="管理员", on_delete=models.CASCADE, related_name="admin_scopes"
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="管理范围", on_delete=models.CASCADE, related_name="admin_scopes"
    )
    history = HistoricalRecords(verbose_name="管理范围变更记录")

    class Meta:
        verbose_name = "管理范围"
        verbose_name_plural = "管理范围"
        constraints = [
            models.UniqueConstraint(fields=["user", "org_unit"], name="adminscope_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} 管理 {self.org_unit}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Appointing an admin is all it takes to open the Django admin: staff status
        # follows, and the permissions come from OrgAdminPermissionBackend.
        User.objects.filter(pk=self.user_id, is_staff=False).update(is_staff=True)


def path_ids(path: str) -> list[int]:
    """The units on a materialized path, root first: "1/12/5/" → [1, 12, 5]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def subtree_q(paths: list[str], field: str = "org_unit") -> Q:
    """Q matching rows whose `field` unit lies in any of the subtrees given by paths;
    with field="" the rows are the units themselves."""
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{lookup: path})
    return condition


class AuthTokenQuerySet(models.QuerySet):
    def live(self) -> AuthTokenQuerySet:
        return self.filter(expires_at__gt=timezone.now())


class AuthToken(models.Model):
    """One login's API token (`Authorization: Token <key>`), for scripts and load tests.

    Each login gets its own token, valid until `expires_at`. Only the SHA-256 digest of
    the key is stored, so a copy of the database holds no usable token.
    """

    digest = models.CharField("摘要", max_length=64, primary_key=True, editable=False)
    user = models.ForeignKey(
        User, verbose_name="用户", on_delete=models.CASCADE, related_name="auth_tokens"
    )
    created_at = models.DateTimeField("签发时间", default=timezone.now)
    expires_at = models.DateTimeField("过期时间", db_index=True)

    objects = AuthTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} 的令牌（{self.expires_at:%Y-%m-%d %H:%M} 过期）"

    @staticmethod
    def digest_of(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def build(cls, user: User, lifetime: timedelta) -> tuple[AuthToken, str]:
        """An unsaved token for `user` and its key, which is shown once and never stored."""
        key = secrets.token_hex(20)
        now = timezone.now()
        token = cls(digest=cls.digest_of(key), user=user, created_at=now, expires_at=now + lifetime)
        return token, key
