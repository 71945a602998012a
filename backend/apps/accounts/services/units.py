"""Org-unit writes and look-ups by path (某县/某镇/某村).

An org admin adds, renames and moves units inside their own subtrees. The top unit of
each of their scopes belongs to whoever appointed them, so they cannot change it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from apps.accounts.models import MOVE_INTO_OWN_SUBTREE, OrgUnit, User
from apps.common import scoping
from apps.common.errors import Forbidden, InvalidInput
from apps.common.services import model_update

UNIT_PATH_SEPARATORS = ("/", "／", ">", "＞", "\\")
NAME_REQUIRED = "单位名称不能为空"
NAME_TAKEN = "同一上级下已有同名单位"
PARENT_REQUIRED = "请选择上级单位（只有超级管理员可以新建顶层单位）"
PARENT_OUT_OF_SCOPE = "上级单位不在您的管理范围内"
SCOPE_ROOT_LOCKED = "这是您管理范围的顶层单位，只能由上级管理员修改"
ONLY_ADMINS = "仅组织部管理员可以新建或修改单位"


def split_unit_path(text: str) -> list[str]:
    for separator in UNIT_PATH_SEPARATORS[1:]:
        text = text.replace(separator, "/")
    return [part.strip() for part in text.split("/") if part.strip()]


def guess_kind(name: str, depth: int) -> str:
    if name.endswith("社区"):
        return OrgUnit.Kind.COMMUNITY
    if name.endswith(("部", "局", "办", "委", "办公室", "中心")):
        return OrgUnit.Kind.DEPARTMENT
    if depth == 0:
        return OrgUnit.Kind.COUNTY
    if depth == 1 or name.endswith(("镇", "乡", "街道")):
        return OrgUnit.Kind.TOWNSHIP
    if name.endswith("村"):
        return OrgUnit.Kind.VILLAGE
    return OrgUnit.Kind.OTHER


def _clean_name(name: str, parent: OrgUnit | None, unit: OrgUnit | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput(NAME_REQUIRED, {"name": [NAME_REQUIRED]})
    siblings = OrgUnit.objects.filter(parent=parent, name=name)
    if unit is not None:
        siblings = siblings.exclude(pk=unit.pk)
    if siblings.exists():
        raise InvalidInput(NAME_TAKEN, {"name": [NAME_TAKEN]})
    return name


def _check_parent(actor: User, parent: OrgUnit | None) -> None:
    if parent is None:
        if not actor.is_superuser:
            raise InvalidInput(PARENT_REQUIRED, {"parent": [PARENT_REQUIRED]})
    elif not scoping.unit_in_scope(actor, parent):
        raise InvalidInput(PARENT_OUT_OF_SCOPE, {"parent": [PARENT_OUT_OF_SCOPE]})


def add_unit(*, actor: User, data: dict[str, Any]) -> OrgUnit:
    """An admin adds a unit below one of the units they administer."""
    if not actor.is_org_admin:
        raise Forbidden(ONLY_ADMINS)
    parent = data.get("parent")
    _check_parent(actor, parent)
    return create_unit(
        name=data.get("name", ""),
        parent=parent,
        kind=data.get("kind"),
        sort_order=data.get("sort_order", 0),
    )


@transaction.atomic
def update_unit(*, actor: User, unit: OrgUnit, data: dict[str, Any]) -> OrgUnit:
    """Rename, re-kind, reorder or move a unit; its subtree's paths and names follow."""
    if not actor.is_org_admin:
        raise Forbidden(ONLY_ADMINS)
    if not actor.is_superuser and unit.path in scoping.administered_paths(actor):
        raise Forbidden(SCOPE_ROOT_LOCKED)
    parent = data.get("parent", unit.parent)
    if "parent" in data:
        _check_parent(actor, parent)
        if parent is not None and parent.is_within(unit):
            raise InvalidInput(MOVE_INTO_OWN_SUBTREE, {"parent": [MOVE_INTO_OWN_SUBTREE]})
    values = {**data, "parent": parent}
    if "name" in data or "parent" in data:
        values["name"] = _clean_name(data.get("name", unit.name), parent, unit)
    unit, _changed = model_update(unit, values, ["name", "kind", "sort_order", "parent"])
    return unit


def create_unit(
    *, name: str, parent: OrgUnit | None, kind: str | None = None, sort_order: int = 0
) -> OrgUnit:
    name = _clean_name(name, parent)
    depth = parent.depth + 1 if parent else 0
    unit = OrgUnit(
        name=name, parent=parent, kind=kind or guess_kind(name, depth), sort_order=sort_order
    )
    unit.save()
    return unit


def ensure_unit_path(parts: list[str]) -> OrgUnit:
    """Return the unit at parts, creating the missing tail of the path."""
    parent = None
    unit = None
    for depth, name in enumerate(parts):
        unit = OrgUnit.objects.filter(parent=parent, name=name).first()
        if unit is None:
            unit = OrgUnit(name=name, parent=parent, kind=guess_kind(name, depth))
            unit.save()
        parent = unit
    assert unit is not None
    return unit
