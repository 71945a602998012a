"""Demo training history: practice records, wrong-book entries, daily-quiz streaks and
study-needs votes for the demo cadres. Runs after the questions demo (its bank)."""

from __future__ import annotations

import contextlib
import datetime as dt

from django.utils import timezone

from apps.accounts.models import User
from apps.common.errors import Conflict
from apps.questions.models import Bank
from apps.training import selectors
from apps.training.models import DailyQuiz, WrongBookEntry
from apps.training.services import daily_quiz, practice, study_needs
from question_bank import question_types

# The practice bank: the formal exam holds the basic bank's keys while it is open.
DEMO_BANK = "日常练习题库"
PRACTICE_CADRES = [f"cadre{n:02d}" for n in range(1, 7)]
# Completed daily quizzes ending yesterday, per cadre: cadre01 has a four-day streak.
STREAKS = {"cadre01": 4, "cadre02": 2, "cadre03": 1}
VOTERS = [f"cadre{n:02d}" for n in range(1, 25)]
TOPICS = [
    ("cadre03", "农村电商与直播带货", "想了解村里农产品上网销售的做法和注意事项。"),
    ("cadre08", "防汛期间的应急处置流程", "汛期值守、转移群众的步骤。"),
    ("cadre12", "邻里矛盾纠纷怎么调解", "常见纠纷的调解方法和案例。"),
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _right(question):
    return question_types.get(question.type).right_response(question.answer)


def _wrong(question):
    kind = question_types.get(question.type)
    return kind.wrong_response(question.answer, len(question.options or []))


def _practice_history(cadres: list[User], bank: Bank, today: dt.date) -> int:
    sessions = 0
    for index, cadre in enumerate(cadres):
        if not selectors.practice_questions(cadre).filter(bank=bank).exists():
            continue
        session = practice.start_session(cadre, bank=bank.id, count=6, seed=index)
        sessions += 1
        for position, qid in enumerate(session.question_ids):
            question = selectors.practice_questions(cadre).get(pk=qid)
            response = _wrong(question) if (position + index) % 3 == 0 else _right(question)
            with contextlib.suppress(Conflict):  # e.g. the question sits on a demo exam
                practice.answer(
                    cadre, session.pk, qid, response, now=_at(today - dt.timedelta(days=5), 20)
                )
    return sessions


def _daily_history(cadres: list[User], today: dt.date) -> None:
    for cadre in cadres:
        days = STREAKS.get(cadre.username, 0)
        for back in range(days, 0, -1):
            day = today - dt.timedelta(days=back)
            quiz = daily_quiz.today_quiz(cadre, now=_at(day, 8))
            for n, item in enumerate(quiz.items.select_related("question")):
                question = item.question
                response = _wrong(question) if (n + back) % 4 == 0 else _right(question)
                with contextlib.suppress(Conflict):
                    daily_quiz.answer(cadre, question.pk, response, now=_at(day, 8 + n))


def _study_needs() -> int:
    users = {
        u.username: u for u in User.objects.filter(username__in=VOTERS).select_related("org_unit")
    }
    for username, title, description in TOPICS:
        if username in users:
            study_needs.propose(users[username], title=title, description=description)
    topics = list(study_needs.visible_topics(next(iter(users.values())))) if users else []
    votes = 0
    for index, username in enumerate(VOTERS):
        user = users.get(username)
        if user is None:
            continue
        points = list(selectors.votable_knowledge_points(user).order_by("name")[:4])
        # Skewed on purpose, so the ranking has a clear top.
        for kp in points[: 1 + index % 3]:
            study_needs.vote(user, knowledge_point=kp.id)
            votes += 1
        if topics and index % 2:
            topic = topics[index % len(topics)]
            if not topic.votes.filter(user=user).exists():
                study_needs.vote(user, topic=topic.id)
                votes += 1
    return votes


def load(stdout) -> None:
    today = timezone.localdate()
    votes = _study_needs()
    bank = Bank.objects.filter(name=DEMO_BANK).first()
    cadres = list(
        User.objects.filter(username__in=PRACTICE_CADRES)
        .select_related("org_unit")
        .order_by("username")
    )
    if bank is None or not any(
        selectors.practice_questions(c).filter(bank=bank).exists() for c in cadres
    ):
        stdout.write(
            f"  学习练习：演示题库「{DEMO_BANK}」没有可练习的已发布客观题，跳过练习、错题本和每日一练；学习需求投票 {votes} 条"
        )
        return
    sessions = _practice_history(cadres, bank, today)
    _daily_history(cadres, today)
    stdout.write(
        f"  学习练习：{sessions} 次练习，{WrongBookEntry.objects.filter(resolved_at__isnull=True).count()} 道错题，"
        f"{DailyQuiz.objects.filter(completed_at__isnull=False).count()} 次每日一练，学习需求投票 {votes} 条"
    )
