"""Validating and saving a period's scoring scheme (its weighted components)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from apps.common.errors import InvalidInput
from apps.records.models import Component, Period
from apps.records.services.scoring import plain

WEIGHTS_NOT_100 = "各组成部分权重合计须为 100%，当前为 {total}%"
NO_COMPONENTS = "评分方案至少需要一个组成部分"
WEIGHT_POSITIVE = "权重须大于 0"
ADJUST_WEIGHT = "加减分项直接计入总分，不参与权重，权重须为 0"
DUPLICATE_NAME = "组成部分名称重复：{name}"
BAD_AGGREGATION = "{kind}不支持该取分方式"
CAP_REQUIRED = "累计封顶方式须填写大于 0 的封顶分"
RANGE_INVALID = "指标上限须大于下限"
BANDS_REQUIRED = "分档计分须至少填写一档"
BAD_BAND = "第{index}档有误：须含 min（在指标范围内）和 points（0–100）"
UNKNOWN_COMPONENT = "该组成部分不属于本考核周期"
EXAM_NOT_LINKED = "考试“{exam}”不是本周期关联的考试，请先在“关联考试”中选择它"
NAME_AND_KIND_REQUIRED = "须填写名称和类型"

ALLOWED_AGGREGATIONS = {
    Component.Kind.EXAM: {"best", "latest", "mean"},
    Component.Kind.CASE: {"best", "mean", "capped_sum"},
}
FIELDS = [
    "name",
    "kind",
    "weight",
    "order",
    "aggregation",
    "missing",
    "cap",
    "level",
    "value_min",
    "value_max",
    "mapping",
    "bands",
]


def _check_bands(item: dict[str, Any], problems: list[str]) -> None:
    bands = item.get("bands") or []
    if not bands:
        problems.append(BANDS_REQUIRED)
        return
    low, high = item["value_min"], item["value_max"]
    for index, band in enumerate(bands, start=1):
        try:
            floor, points = Decimal(str(band["min"])), Decimal(str(band["points"]))
        except (KeyError, TypeError, InvalidOperation):
            problems.append(BAD_BAND.format(index=index))
            continue
        if not (low <= floor <= high and Decimal(0) <= points <= Decimal(100)):
            problems.append(BAD_BAND.format(index=index))


def _check_component(item: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    if not item.get("name") or item.get("kind") not in Component.Kind.values:
        return [NAME_AND_KIND_REQUIRED]
    kind, weight = item["kind"], item.get("weight", Decimal(0))
    if kind == Component.Kind.ADJUST:
        if weight != 0:
            problems.append(ADJUST_WEIGHT)
    elif weight <= 0:
        problems.append(WEIGHT_POSITIVE)
    aggregation = item.get("aggregation", "best")
    if kind in ALLOWED_AGGREGATIONS and aggregation not in ALLOWED_AGGREGATIONS[kind]:
        problems.append(BAD_AGGREGATION.format(kind=Component.Kind(kind).label))
    if (
        kind == Component.Kind.CASE
        and aggregation == "capped_sum"
        and not (item.get("cap") or 0) > 0
    ):
        problems.append(CAP_REQUIRED)
    if kind == Component.Kind.INDICATOR:
        item.setdefault("value_min", Decimal(0))
        item.setdefault("value_max", Decimal(100))
        if item["value_max"] <= item["value_min"]:
            problems.append(RANGE_INVALID)
        elif item.get("mapping") == Component.Mapping.BANDS:
            _check_bands(item, problems)
    return problems


def validate_components(items: list[dict[str, Any]]) -> None:
    """Raise InvalidInput naming each bad component; the weights must total exactly 100."""
    errors: dict[str, list[str]] = {}
    if not items:
        raise InvalidInput(NO_COMPONENTS, {"components": [NO_COMPONENTS]})
    seen: set[str] = set()
    for index, item in enumerate(items):
        problems = _check_component(item)
        if item.get("name") in seen:
            problems.append(DUPLICATE_NAME.format(name=item["name"]))
        seen.add(item.get("name"))
        if problems:
            errors[f"components.{index}"] = problems
    total = sum((item.get("weight", Decimal(0)) for item in items), Decimal(0))
    if total != Decimal(100):
        message = WEIGHTS_NOT_100.format(total=plain(total))
        errors.setdefault("components", []).append(message)
    if errors:
        first = next(iter(errors.values()))[0]
        raise InvalidInput(first, errors)


def save_components(period: Period, items: list[dict[str, Any]]) -> None:
    """Update components by id, create new ones, delete the ones left out (with their values).

    An item with an id may name only the fields it changes; the rest are taken from the stored
    component before validating, so a partial edit is checked as the whole it produces.
    """
    existing = {c.pk: c for c in period.components.all()}
    merged: list[dict[str, Any]] = []
    source: dict[int, dict[str, Any]] = {}  # merged item → the item as sent (for its exams)
    for order, item in enumerate(items):
        component_id = item.get("id")
        if component_id and component_id not in existing:
            raise InvalidInput(UNKNOWN_COMPONENT, {f"components.{order}.id": [UNKNOWN_COMPONENT]})
        stored = existing.get(component_id)
        base = {name: getattr(stored, name) for name in FIELDS} if stored else {"order": order}
        merged.append(
            {**base, **{k: v for k, v in item.items() if k in FIELDS}, "id": component_id}
        )
        source[id(merged[-1])] = item
    validate_components(merged)
    _check_exams(period, items)
    # Delete first, so a new component may reuse a removed one's name.
    period.components.exclude(pk__in=[item["id"] for item in merged if item["id"]]).delete()
    for item in merged:
        values = {name: item[name] for name in FIELDS if name in item}
        if item["id"]:
            component = existing[item["id"]]
            for name, value in values.items():
                setattr(component, name, value)
            component.save()
        else:
            component = Component.objects.create(period=period, **values)
        if "exams" in source[id(item)]:
            chosen = source[id(item)]["exams"] if component.kind == Component.Kind.EXAM else []
            component.exams.set(chosen)


def _check_exams(period: Period, items: list[dict[str, Any]]) -> None:
    """An exam component counts only exams the period links (the readiness check sees them)."""
    linked = set(period.exams.values_list("pk", flat=True))
    errors: dict[str, list[str]] = {}
    for index, item in enumerate(items):
        for exam in item.get("exams") or []:
            if exam.pk not in linked:
                errors[f"components.{index}.exams"] = [EXAM_NOT_LINKED.format(exam=exam.title)]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors)
