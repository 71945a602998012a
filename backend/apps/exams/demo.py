"""Demo exams for 青山县: an open formal exam (rule-based paper) and a mock exam (fixed paper)
from the bank 应知应会基础题库, with finished attempts so statistics have something to show.
cadre01 is left without attempts so the demo login can sit both exams."""

from __future__ import annotations

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from apps.accounts.models import OrgUnit, User
from apps.exams.models import Attempt, Exam, Paper, PaperItem, PaperRule
from apps.exams.services import attempts, graders, review
from apps.exams.services.papers import paper_totals
from apps.questions.models import Bank, Question
from question_bank import question_types

BANK_NAME = "应知应会基础题库"
COUNTY = "青山县"
FORMAL_TITLE = "2026年度应知应会知识测试（正式）"
MOCK_TITLE = "应知应会模拟练习卷"
FORMAL_RULES = [
    ("一、单选题", "single", 10, "3"),
    ("二、多选题", "multiple", 5, "4"),
    ("三、判断题", "true_false", 5, "2"),
    ("四、填空题", "fill_in", 3, "4"),
    ("五、简答题", "short_answer", 1, "8"),
]


def load(stdout) -> None:
    bank = Bank.objects.filter(name=BANK_NAME).first()
    county = OrgUnit.objects.filter(name=COUNTY, parent=None).first()
    admin = User.objects.filter(username="admin").first()
    if bank is None or county is None:
        stdout.write(f"  考试：未找到题库「{BANK_NAME}」或{COUNTY}，跳过示例考试")
        return
    published = Question.objects.filter(bank=bank, status="published", is_current=True)
    counts = {t: published.filter(type=t).count() for _, t, _, _ in FORMAL_RULES}
    now = timezone.now()
    formal_paper = Paper.objects.create(
        title="年度测试组卷规则", mode=Paper.Mode.RULES, org_unit=county, created_by=admin
    )
    for i, (section, qtype, count, points) in enumerate(FORMAL_RULES, start=1):
        if counts[qtype]:
            PaperRule.objects.create(
                paper=formal_paper,
                section=section,
                position=i,
                bank=bank,
                type=qtype,
                count=min(count, counts[qtype]),
                points=Decimal(points),
            )
    formal = _exam(
        FORMAL_TITLE,
        Exam.Kind.FORMAL,
        formal_paper,
        county,
        admin,
        now,
        answer_release=Exam.Release.AFTER_CLOSE,
        attempts_allowed=1,
        focus_loss_limit=5,
        shuffle_questions=True,
        shuffle_options=True,
        rules="请在规定时间内独立作答；切出页面超过 5 次将自动交卷。",
    )
    mock_paper = Paper.objects.create(
        title="模拟练习卷", mode=Paper.Mode.FIXED, org_unit=county, created_by=admin
    )
    objective = list(
        published.filter(type__in=["single", "multiple", "true_false"]).order_by("id")[:15]
    )
    for i, question in enumerate(objective, start=1):
        PaperItem.objects.create(
            paper=mock_paper, position=i, question=question, points=Decimal("4")
        )
    mock = _exam(
        MOCK_TITLE,
        Exam.Kind.MOCK,
        mock_paper,
        county,
        admin,
        now,
        answer_release=Exam.Release.IMMEDIATE,
        attempts_allowed=3,
        multiple_policy=Exam.MultiplePolicy.PARTIAL,
        duration_minutes=30,
    )
    rng = random.Random(2026)
    sitters = list(
        User.objects.filter(is_cadre=True, username__startswith="cadre")
        .exclude(username="cadre01")
        .order_by("username")[:24]
    )
    for index, user in enumerate(sitters):
        skill = 0.45 + 0.5 * rng.random()
        _sit(formal, user, skill, rng)
        if index % 2 == 0:
            _sit(mock, user, skill, rng)
    chosen = _graders(formal)
    reviewer = chosen[0] if chosen else None
    graded = 0
    if reviewer:
        for task in review.reviewer_tasks(reviewer).filter(score__isnull=True).order_by("id")[:16]:
            review.grade(
                task.pk,
                reviewer,
                str(
                    (task.points * Decimal(rng.choice(["0.5", "0.75", "1"]))).quantize(
                        Decimal("0.01")
                    )
                ),
                "示例评分",
            )
            graded += 1
    done = Attempt.objects.filter(status="submitted").count()
    stdout.write(f"  考试：2 场（正式、模拟），{done} 份已交答卷，{graded} 道主观题已评分")


def _exam(title, kind, paper, county, admin, now, **extra) -> Exam:
    values = {
        "duration_minutes": 60,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=14),
        # 60% of the paper's total, whatever the bank could fill
        "pass_mark": (paper_totals(paper)[1] * Decimal("0.6")).quantize(Decimal("0.01")),
        "description": "面向全县干部的应知应会知识考试。",
        "audience_roles": ["cadre"],
        **extra,
    }
    exam = Exam.objects.create(
        title=title, kind=kind, paper=paper, org_unit=county, created_by=admin, **values
    )
    exam.audience_units.set([county])
    return exam


def _graders(exam: Exam) -> list[User]:
    """The county's reviewers who do not sit the exam (reviewer3 is a cadre too: not them)."""
    reviewers = User.objects.filter(is_reviewer=True, username__startswith="reviewer")
    chosen = [user for user in reviewers.order_by("username") if not graders.sits_exam(exam, user)]
    exam.graders.set(chosen)
    return chosen


def _sit(exam: Exam, user: User, skill: float, rng: random.Random) -> None:
    attempt, _, _ = attempts.start_or_resume(exam, user)
    questions = Question.objects.in_bulk(attempt.question_ids)
    for seq, entry in enumerate(attempt.layout, start=1):
        question = questions[entry["q"]]
        response = _response(question, entry.get("o"), rng.random() < skill, rng)
        attempts.save_answer(attempt.pk, user, question.pk, response, seq)
    attempts.submit(attempt)


SUBJECTIVE_RESPONSE = "结合本村实际，先摸清情况，再依法依规分类处理，并及时向群众反馈结果。"


def _response(question: Question, order, right: bool, rng: random.Random):
    kind = question_types.get(question.type)
    if kind.subjective:
        return SUBJECTIVE_RESPONSE
    if right:
        return kind.right_response(question.answer, order)
    return kind.wrong_response(question.answer, len(question.options or []), order)
