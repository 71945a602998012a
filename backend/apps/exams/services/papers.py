"""Composing papers: fixed items or drawing rules, checked against the published bank."""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from apps.common.errors import Conflict, InvalidInput
from apps.exams import conf
from apps.exams.models import Attempt, Paper, PaperItem, PaperRule
from apps.exams.services.local_cache import LocalLRU
from apps.exams.services.presentation import Shown, shown_questions
from apps.questions.models import Question, QuestionType
from apps.questions.selectors import usable_banks, visible_knowledge_points

RULE_SHORT = "{rule}只有 {available} 道已发布试题，不足 {count} 道"
QUESTION_NOT_PUBLISHED = "第{position}题（编号 {qid}）不存在或未发布"
BANK_NOT_USABLE = "第{position}条规则的题库不存在或不在您的使用范围内"
KNOWLEDGE_POINT_NOT_USABLE = "第{position}条规则的知识点不存在或不在您的使用范围内"
PAPER_EMPTY = "试卷至少需要一道题目或一条抽题规则"
PAPER_IN_USE = "已有考生开始作答，试卷题目不能再修改；如需更正答案请使用重新评分"
DRAW_SHORT = "抽题时可用试题不足（多条规则抽到了相同的题目），请调整试卷规则"
DRAW_SHORT_HELD = "可抽的试题不足：其余试题正用于您尚未结束的考试，请在该考试结束后再来"

PAPER_FIELDS = ["title", "description", "mode", "org_unit"]
# A drawn paper's true/false questions: at most this many keyed "对" per "错" (75%), so
# "对" is no safe guess.
TRUE_PER_FALSE = 3


def published_questions():
    return Question.objects.filter(status=Question.Status.PUBLISHED, is_current=True)


def rule_candidates_qs(rule: PaperRule):
    qs = published_questions().filter(
        bank_id=rule.bank_id,
        difficulty__gte=rule.difficulty_min,
        difficulty__lte=rule.difficulty_max,
    )
    if rule.type:
        qs = qs.filter(type=rule.type)
    if rule.knowledge_point_id:
        qs = qs.filter(knowledge_points=rule.knowledge_point_id)
    return qs


def rule_candidate_ids(rule: PaperRule) -> list[int]:
    """Ids of published questions a rule may draw (tags: every listed tag present)."""
    if rule.tags:
        wanted = set(rule.tags)
        rows = rule_candidates_qs(rule).values_list("id", "tags")
        return [qid for qid, tags in rows if wanted <= set(tags or [])]
    return list(rule_candidates_qs(rule).values_list("id", flat=True))


def rule_true_false_keys(rule: PaperRule) -> tuple[frozenset[int], frozenset[int]]:
    """(ids keyed "对", ids keyed "错") among the true/false questions a rule may draw; none
    read for a rule of another type."""
    if rule.type and rule.type != QuestionType.TRUE_FALSE:
        return frozenset(), frozenset()
    rows = rule_candidates_qs(rule).filter(type=QuestionType.TRUE_FALSE)
    keys = dict(rows.values_list("id", "answer"))
    return (
        frozenset(qid for qid, key in keys.items() if key is True),
        frozenset(qid for qid, key in keys.items() if key is False),
    )


@dataclass(frozen=True, slots=True)
class Pool:
    """A rule's candidates as drawn from: a list to sample, a set to test membership, and
    its true/false questions by key (a draw keeps "对" from outnumbering "错" 3 to 1)."""

    ids: list[int]
    members: frozenset[int]
    keyed_true: frozenset[int] = frozenset()
    keyed_false: frozenset[int] = frozenset()


def make_pool(rule: PaperRule) -> Pool:
    ids = rule_candidate_ids(rule)
    members = frozenset(ids)
    keyed_true, keyed_false = rule_true_false_keys(rule)
    return Pool(ids, members, keyed_true & members, keyed_false & members)


# Per process, so a start reads neither the rules nor a pool that grows with the bank: a
# paper's rules per version (saving a paper touches updated_at; a paper in use is never
# changed), each rule's pool for EXAM_RULE_CACHE_SECONDS (a question published or retired
# meanwhile shows after that).
_RULES = LocalLRU(max_entries=512, ttl_seconds=3600)
_POOLS = LocalLRU(max_entries=2048, ttl_seconds=60)


def _paper_version(paper: Paper) -> tuple:
    return (paper.pk, paper.updated_at.timestamp())


def _rules(paper: Paper) -> list[PaperRule]:
    key = _paper_version(paper)
    rules = _RULES.get(key)
    if rules is None:
        rules = list(paper.rules.all())
        _RULES.set(key, rules)
    return rules


def rule_pool(rule: PaperRule, paper: Paper) -> Pool:
    key = (*_paper_version(paper), rule.pk)
    pool = _POOLS.get(key)
    if pool is None:
        pool = make_pool(rule)
        _POOLS.set(key, pool, ttl_seconds=conf.rule_cache_seconds())
    return pool


def forget() -> None:
    """Drop this process's rules and pools (tests call it between databases)."""
    _RULES.clear()
    _POOLS.clear()


def check_rules(rules: list[PaperRule]) -> None:
    """Name every rule for which the bank holds too few published questions."""
    errors = {}
    for index, rule in enumerate(rules):
        available = len(rule_candidate_ids(rule))
        if available < rule.count:
            errors[f"rules.{index}"] = [
                RULE_SHORT.format(rule=rule.describe(), available=available, count=rule.count)
            ]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)


def paper_in_use(paper: Paper) -> bool:
    return Attempt.objects.filter(exam__paper=paper).exists()


@transaction.atomic
def save_paper(
    *, paper: Paper | None, data: dict, items: list[dict], rules: list[dict], user
) -> Paper:
    """Create or replace a paper with its items or rules; nothing is saved if a check fails."""
    if paper is not None and paper_in_use(paper):
        raise Conflict(PAPER_IN_USE, code="paper_in_use")
    paper = paper or Paper(created_by=user)
    for field in PAPER_FIELDS:
        if field in data:
            setattr(paper, field, data[field])
    paper.save()
    paper.items.all().delete()
    paper.rules.all().delete()
    if paper.mode == Paper.Mode.FIXED:
        _save_items(paper, items, user)
    else:
        _save_rules(paper, rules, user)
    return paper


def _save_items(paper: Paper, items: list[dict], user) -> None:
    """Only published questions of banks the author may use (usable_banks)."""
    if not items:
        raise InvalidInput(PAPER_EMPTY, errors={"items": [PAPER_EMPTY]})
    wanted = [item["question_id"] for item in items]
    usable = published_questions().filter(bank__in=usable_banks(user))
    found = set(usable.filter(id__in=wanted).values_list("id", flat=True))
    errors = {
        f"items.{i}": [QUESTION_NOT_PUBLISHED.format(position=i + 1, qid=qid)]
        for i, qid in enumerate(wanted)
        if qid not in found
    }
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)
    PaperItem.objects.bulk_create(
        PaperItem(
            paper=paper,
            position=i + 1,
            question_id=item["question_id"],
            points=item["points"],
            section=item.get("section", ""),
        )
        for i, item in enumerate(items)
    )


def _save_rules(paper: Paper, rules: list[dict], user) -> None:
    if not rules:
        raise InvalidInput(PAPER_EMPTY, errors={"rules": [PAPER_EMPTY]})
    banks = set(usable_banks(user).values_list("pk", flat=True))
    points = set(visible_knowledge_points(user).values_list("pk", flat=True))
    errors = {}
    for index, rule in enumerate(rules):
        if rule["bank"].pk not in banks:
            errors[f"rules.{index}.bank"] = [BANK_NOT_USABLE.format(position=index + 1)]
        kp = rule.get("knowledge_point")
        if kp is not None and kp.pk not in points:
            message = KNOWLEDGE_POINT_NOT_USABLE.format(position=index + 1)
            errors[f"rules.{index}.knowledge_point"] = [message]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)
    objs = [PaperRule(paper=paper, position=i + 1, **rule) for i, rule in enumerate(rules)]
    check_rules(objs)
    PaperRule.objects.bulk_create(objs)


def paper_totals(paper: Paper) -> tuple[int, Decimal]:
    """(question count, total points), from prefetched items/rules when present."""
    if paper.mode == Paper.Mode.FIXED:
        items = list(paper.items.all())
        return len(items), sum((i.points for i in items), Decimal("0.00"))
    rules = list(paper.rules.all())
    return sum(r.count for r in rules), sum((r.points * r.count for r in rules), Decimal("0.00"))


def _held_out(pool: Pool, rule: PaperRule, held) -> set[int]:
    """The pool's questions whose keys another exam holds from the candidate: one query over
    the held lineages (a fixed paper's items), whatever the bank's size."""
    if not held.lineages:
        return set()
    rows = Question.objects.filter(bank_id=rule.bank_id, lineage__in=held.lineages)
    return {qid for qid in rows.values_list("id", flat=True) if qid in pool.members}


def draw(paper: Paper, *, use_cache: bool = True, held=None) -> list[tuple[int, Decimal, str]]:
    """The questions of one sitting: [(question id, points, section)] in paper order.

    Costs the paper's size, not the bank's: the pools are kept per process (`use_cache`),
    and what a rule may not take (drawn by an earlier rule, or held) is left out by
    sampling that many more. `held` (a HeldKeys) leaves out questions whose keys another
    exam holds from the candidate: a mock exam must not show them in its immediate results."""
    if paper.mode == Paper.Mode.FIXED:
        return [(i.question_id, i.points, i.section) for i in paper.items.all()]
    chosen: list[tuple[int, Decimal, str]] = []
    taken: set[int] = set()
    rules = _rules(paper) if use_cache else list(paper.rules.all())
    for rule in rules:
        pool = rule_pool(rule, paper) if use_cache else make_pool(rule)
        excluded = {qid for qid in taken if qid in pool.members}
        if held:
            if rule.bank_id in held.bank_ids:
                raise Conflict(DRAW_SHORT_HELD, code="draw_short_held")
            excluded |= _held_out(pool, rule, held)
            if len(pool.ids) - len(excluded) < rule.count:
                raise Conflict(DRAW_SHORT_HELD, code="draw_short_held")
        if len(pool.ids) - len(excluded) < rule.count:
            raise Conflict(DRAW_SHORT, code="draw_short")
        sample = random.sample(pool.ids, rule.count + len(excluded))
        picked = [qid for qid in sample if qid not in excluded][: rule.count]
        picked = balance_true_false(picked, pool, excluded)
        taken.update(picked)
        chosen.extend((qid, rule.points, rule.section) for qid in picked)
    return chosen


def balance_true_false(picked: list[int], pool: Pool, excluded: set[int]) -> list[int]:
    """At most TRUE_PER_FALSE "对" per "错" among the true/false questions a rule drew
    (at least one "对" allowed): the surplus "对" give way to "错" the rule did not draw,
    picked at random, in their places. Where the pool has no more "错", the draw stays as
    it is. The generator keeps every usable "对" of a law (round 17 of issue 16), so a
    bank may hold many more "对" than "错"; a paper must not make "对" the safe guess."""
    trues = [i for i, qid in enumerate(picked) if qid in pool.keyed_true]
    falses = sum(1 for qid in picked if qid in pool.keyed_false)
    allowed = max(1, TRUE_PER_FALSE * (len(trues) + falses) // (TRUE_PER_FALSE + 1))
    surplus = len(trues) - allowed
    if surplus <= 0:
        return picked
    chosen = set(picked)
    spare = [q for q in pool.keyed_false if q not in chosen and q not in excluded]
    if not spare:
        return picked
    replacements = random.sample(spare, min(surplus, len(spare)))
    balanced = list(picked)
    for index, qid in zip(random.sample(trues, len(replacements)), replacements, strict=True):
        balanced[index] = qid
    return balanced


def freeze_layout(exam, held=None) -> tuple[list[dict], dict[int, Shown]]:
    """One sitting's questions in display order with their option orders, frozen at start,
    and how each is shown. Once this process has seen the paper and its questions, no query."""
    drawn = draw(exam.paper, held=held)
    shown = shown_questions([qid for qid, _, _ in drawn])
    if exam.shuffle_questions:  # shuffle within each section, keeping sections in order
        sections: dict[str, list] = {}
        for row in drawn:
            sections.setdefault(row[2], []).append(row)
        drawn = []
        for rows in sections.values():
            random.shuffle(rows)
            drawn.extend(rows)
    layout = []
    for qid, points, section in drawn:
        keys = list(shown[qid].keys)
        if exam.shuffle_options and keys:
            random.shuffle(keys)
        layout.append({"q": qid, "p": str(points), "o": keys, "s": section})
    return layout, shown


COPY_SUFFIX = "（副本）"


@transaction.atomic
def copy_paper(paper: Paper, user) -> Paper:
    """A new paper with the same items or rules, free to change (a paper in use is not)."""
    copy = Paper.objects.create(
        title=(paper.title + COPY_SUFFIX)[:200],
        description=paper.description,
        mode=paper.mode,
        org_unit=paper.org_unit,
        created_by=user,
    )
    PaperItem.objects.bulk_create(
        PaperItem(
            paper=copy,
            position=i.position,
            question_id=i.question_id,
            points=i.points,
            section=i.section,
        )
        for i in paper.items.all()
    )
    PaperRule.objects.bulk_create(
        PaperRule(
            paper=copy,
            position=r.position,
            section=r.section,
            bank_id=r.bank_id,
            type=r.type,
            knowledge_point_id=r.knowledge_point_id,
            difficulty_min=r.difficulty_min,
            difficulty_max=r.difficulty_max,
            tags=r.tags,
            count=r.count,
            points=r.points,
        )
        for r in paper.rules.all()
    )
    return copy


def rule_availability(rules: list[dict], user) -> list[dict]:
    """For the rule builder, before saving: how many published questions each row may draw,
    and the shortfall (a bank the author may not use offers none)."""
    banks = set(usable_banks(user).values_list("pk", flat=True))
    out = []
    for index, values in enumerate(rules):
        rule = PaperRule(position=index + 1, **values)
        available = len(rule_candidate_ids(rule)) if rule.bank_id in banks else 0
        out.append(
            {
                "position": index + 1,
                "available": available,
                "count": rule.count,
                "shortfall": max(0, rule.count - available),
            }
        )
    return out
