"""A record's component sources in plain Chinese, one line each, for the phone and the console.

The stored inputs are machine dicts (attempt ids, percents); people read these lines instead.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from apps.records.models import Component, ComponentScore


def _num(text) -> str:
    try:
        return format(Decimal(str(text)).normalize(), "f")
    except (InvalidOperation, ValueError):
        return str(text)


def _exam(item: dict) -> str | None:
    kind = item.get("type")
    if kind == "attempt":
        return (
            f"考试“{item['exam']}”：得 {_num(item['score'])} 分（满分 {_num(item['max_score'])}），"
            f"折合 {_num(item['percent'])} 分"
        )
    if kind == "exam_missed":
        counted = "计 0 分" if item.get("counted") == "0" else "不计入"
        return f"考试“{item['exam']}”：未参加，{counted}"
    if kind == "exam_open":
        return f"考试“{item['exam']}”尚未结束（{item['closes_at']} 结束），成绩待定"
    if kind == "exam_grading":
        return f"考试“{item['exam']}”的答卷还在评分中，成绩待定"
    return None


def _case(item: dict) -> str | None:
    kind = item.get("type")
    if kind == "case":
        return (
            f"案例“{item['title']}”（{item['call']}）：得 {_num(item['score'])} 分"
            f"（满分 {_num(item['max_score'])}），折合 {_num(item['percent'])} 分"
        )
    if kind == "case_in_review":
        return f"案例“{item['title']}”（{item['call']}）还在评审中，得分待定"
    if kind == "call_open":
        return f"案例征集“{item['call']}”尚未截止（{item['closes_at']} 截止），得分待定"
    if kind == "case_missing":
        return "未提交案例"
    return None


def _indicator(item: dict, component: Component) -> str | None:
    kind = item.get("type")
    if kind == "indicator":
        whose = f"（{item['unit']}的数值）" if item.get("unit") else ""
        if component.mapping == Component.Mapping.BANDS:
            how = "按分档计分"
        else:
            how = f"按 {_num(component.value_min)}–{_num(component.value_max)} 线性换算"
        return f"{component.name}：{_num(item['value'])}{whose}，{how}"
    if kind == "indicator_missing":
        return f"{component.name}：尚未导入数值，得分待定"
    return None


def _adjustment(item: dict) -> str | None:
    if item.get("type") != "adjustment":
        return None
    points = Decimal(str(item["points"]))
    sign = "加" if points > 0 else "减"
    by = f"（{item['by']}录入）" if item.get("by") else ""
    return f"{sign} {_num(abs(points))} 分：{item['reason']}{by}"


def lines(row: ComponentScore) -> list[str]:
    component = row.component
    result: list[str] = []
    for item in row.inputs or []:
        if component.kind == Component.Kind.EXAM:
            line = _exam(item)
        elif component.kind == Component.Kind.CASE:
            line = _case(item)
        elif component.kind == Component.Kind.INDICATOR:
            line = _indicator(item, component)
        else:
            line = _adjustment(item)
        if line:
            result.append(line)
    if row.adjustment:
        verb = "加" if row.adjustment > 0 else "减"
        why = f"：{row.adjustment_reason}" if row.adjustment_reason else ""
        result.append(f"人工调整，{verb} {_num(abs(row.adjustment))} 分{why}")
    if row.status == ComponentScore.Status.EXCLUDED and not result:
        result.append("本项不计入总分")
    if component.kind == Component.Kind.ADJUST and not result:
        result.append("无加减分")
    return result
