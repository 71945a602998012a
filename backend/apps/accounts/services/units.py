"""Org-unit writes and look-ups by path (某县/某镇/某村)."""

from __future__ import annotations

from apps.accounts.models import OrgUnit
from apps.common.errors import InvalidInput

UNIT_PATH_SEPARATORS = ("/", "／", ">", "＞", "\\")


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


def create_unit(
    *, name: str, parent: OrgUnit | None, kind: str | None = None, sort_order: int = 0
) -> OrgUnit:
    name = name.strip()
    if not name:
        raise InvalidInput("单位名称不能为空", {"name": ["单位名称不能为空"]})
    if OrgUnit.objects.filter(parent=parent, name=name).exists():
        raise InvalidInput("同一上级下已有同名单位", {"name": ["同一上级下已有同名单位"]})
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
