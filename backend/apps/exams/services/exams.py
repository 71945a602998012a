"""Creating exams and deciding who is in an exam's audience."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from apps.common import scoping
from apps.common.errors import Conflict, InvalidInput
from apps.exams.models import Attempt, Exam

WINDOW_ORDER = "结束时间必须晚于开始时间"
PAPER_LOCKED = "已有考生开始作答，不能更换试卷"
PAPER_NOT_USABLE = "试卷不存在或不在您的管理范围内"
STARTED_READ_ONLY = "考试已开始，只能延长考试时间、为个人延时、提前结束或取消考试"
CANCELLED_READ_ONLY = "考试已取消，不能再修改"
# By position, not name: the caller may not know that unit or person (ids can be guessed).
AUDIENCE_UNIT_OUT_OF_SCOPE = "第{index}个参考单位不存在或不在您的管理范围内"
AUDIENCE_USER_OUT_OF_SCOPE = "第{index}位指定人员不存在或不在您的管理范围内"
EXAM_FIELDS = [
    "title",
    "description",
    "rules",
    "kind",
    "org_unit",
    "paper",
    "opens_at",
    "closes_at",
    "duration_minutes",
    "attempts_allowed",
    "pass_mark",
    "shuffle_questions",
    "shuffle_options",
    "score_release",
    "answer_release",
    "multiple_policy",
    "focus_loss_limit",
    "audience_roles",
    "include_subunits",
]


def audience_facts(exam: Exam) -> dict:
    """Unit paths, whether their sub-units count, named user ids and roles of the audience,
    cached per exam version (the key holds updated_at, and every exam save, audience
    included, touches it)."""
    key = f"exams:audience:v2:{exam.pk}:{exam.updated_at.timestamp()}"  # v2: "subunits"
    facts = cache.get(key)
    if facts is None:
        facts = {
            "users": set(exam.audience_users.values_list("pk", flat=True)),
            "paths": [u.path for u in exam.audience_units.all()],
            "subunits": exam.include_subunits,
            "roles": set(exam.audience_roles or []),
            "owner": exam.org_unit.path,
        }
        cache.set(key, facts, 30)  # M2M edits outside save_exam show within 30 s
    return facts


# Who counts as 应考, in the monitor's words (the console's wizard picks 干部 by default).
AUDIENCE_RULE = (
    "应考：参考单位（{scope}）中在岗的人员，选了参考角色时只算该角色的人员，另加指定人员；"
    "未选角色时组织部工作人员和评审员也计入"
)
SUBUNITS_WORDS = {True: "含下级单位", False: "不含下级单位，只算本单位人员"}


def audience_rule(exam: Exam) -> str:
    """AUDIENCE_RULE for this exam's subtree setting."""
    return AUDIENCE_RULE.format(scope=SUBUNITS_WORDS[exam.include_subunits])


ROLE_WORDS = {"cadre": "干部", "reviewer": "评审员"}


def audience_summary(exam: Exam) -> str:
    """The audience in words for the console, e.g. "参考单位：某县/甲镇（不含下级单位，只算本单位
    人员）；角色：干部；指定人员 2 人" (reads the prefetched units and users)."""
    units = [u.full_name for u in exam.audience_units.all()]
    roles = [ROLE_WORDS.get(r, r) for r in exam.audience_roles or []]
    parts = []
    if units or roles:
        where = "、".join(units) or f"主办单位{exam.org_unit.full_name}"
        parts.append(f"参考单位：{where}（{SUBUNITS_WORDS[exam.include_subunits]}）")
        parts.append(f"角色：{'、'.join(roles) or '不限'}")
    named = len(exam.audience_users.all())
    if named:
        parts.append(f"指定人员 {named} 人")
    return "；".join(parts) or "未选参考人员"


def sitting_over(exam: Exam, now=None) -> bool:
    """The window has closed and nobody is still answering: extra time can run an attempt
    past the close, and "after the exam" (answers, scores, the wrong-question book) waits
    for that person too, or those who finished could pass the keys on."""
    return exam.pk in sittings_over([exam], now)


def sittings_over(exams, now=None) -> set[int]:
    """sitting_over for several exams, with one query for those still being answered."""
    now = now or timezone.now()
    closed = {exam.pk for exam in exams if exam.state(now) == "closed"}
    if not closed:
        return set()
    answering = Attempt.objects.filter(
        exam_id__in=closed, status=Attempt.Status.IN_PROGRESS, deadline__gt=now
    ).values_list("exam_id", flat=True)
    return closed - set(answering)


def in_audience(exam: Exam, user) -> bool:
    """Named users always; otherwise members of the audience units (the organizing unit when
    only roles are given), with their sub-units unless the exam leaves them out, holding one
    of the audience roles, if any."""
    return audience_includes(audience_facts(exam), user)


def audience_includes(facts: dict, user) -> bool:
    """in_audience on facts already read (see audience_facts for their shape)."""
    if user.pk in facts["users"]:
        return True
    unit_paths, roles = facts["paths"], facts["roles"]
    if not unit_paths and not roles:
        return False
    unit_paths = unit_paths or [facts["owner"]]
    unit = user.org_unit
    if unit is None:
        return False
    if facts["subunits"]:
        in_units = any(unit.path.startswith(p) for p in unit_paths)
    else:
        in_units = unit.path in unit_paths
    return in_units and (not roles or bool(roles & set(user.roles)))


def audience_users_qs(exam: Exam):
    """Everyone the exam is meant for (for progress: who has not started)."""
    return audience_qs(
        unit_paths=[u.path for u in exam.audience_units.all()],
        roles=set(exam.audience_roles or []),
        named=exam.audience_users.values("pk"),
        owner_path=exam.org_unit.path,
        subunits=exam.include_subunits,
    )


def audience_units_q(paths: list[str], subunits: bool):
    """Users of these units, and of their sub-units when `subunits`."""
    from django.db.models import Q

    from apps.accounts.models import subtree_q

    return subtree_q(paths, "org_unit") if subunits else Q(org_unit__path__in=paths)


def audience_qs(
    *, unit_paths: list[str], roles: set[str], named, owner_path: str, subunits: bool = True
):
    """The people of an audience (see in_audience), also before it is saved (head count)."""
    from django.db.models import Q

    from apps.accounts.models import User
    from apps.accounts.selectors import people_of_units_q

    condition = Q(pk__in=named)
    if unit_paths or roles:
        condition |= people_of_units_q(unit_paths or [owner_path], subunits=subunits, roles=roles)
    return User.objects.filter(condition, is_active=True).select_related("org_unit")


def check_exam_scope(data: dict, user) -> None:
    """An exam uses only papers of the author's scope and targets only units and people
    inside it (the organizing unit is checked by the view, like every unit field)."""
    errors: dict[str, list[str]] = {}
    paper = data.get("paper")
    if paper is not None and not scoping.unit_in_scope(user, paper.org_unit):
        errors["paper"] = [PAPER_NOT_USABLE]
    for index, unit in enumerate(data.get("audience_units") or []):
        if not scoping.unit_in_scope(user, unit):
            message = AUDIENCE_UNIT_OUT_OF_SCOPE.format(index=index + 1)
            errors[f"audience_units.{index}"] = [message]
    for index, person in enumerate(data.get("audience_users") or []):
        if not scoping.unit_in_scope(user, person.org_unit):
            message = AUDIENCE_USER_OUT_OF_SCOPE.format(index=index + 1)
            errors[f"audience_users.{index}"] = [message]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)


@transaction.atomic
def save_exam(*, exam: Exam | None, data: dict, user) -> Exam:
    check_exam_scope(data, user)
    creating = exam is None
    if not creating:
        state = exam.state()
        if state == Exam.Status.CANCELLED:
            raise Conflict(CANCELLED_READ_ONLY, code="exam_cancelled")
        if state in ("open", "closed"):  # see services.lifecycle for what may still change
            raise Conflict(STARTED_READ_ONLY, code="exam_started")
    # Made through the API an exam starts as a draft: no cadre sees it until it is published.
    exam = exam or Exam(created_by=user, status=Exam.Status.DRAFT)
    if (
        not creating
        and "paper" in data
        and data["paper"].pk != exam.paper_id
        and Attempt.objects.filter(exam=exam).exists()
    ):
        raise Conflict(PAPER_LOCKED, code="paper_locked")
    for field in EXAM_FIELDS:
        if field in data:
            setattr(exam, field, data[field])
    if exam.closes_at <= exam.opens_at:
        raise InvalidInput(WINDOW_ORDER, errors={"closes_at": [WINDOW_ORDER]})
    exam.save()
    if "audience_units" in data:
        exam.audience_units.set(data["audience_units"])
    if "audience_users" in data:
        exam.audience_users.set(data["audience_users"])
    return exam
