"""每日一练: five questions per cadre per day, chosen once and then fixed.

Order of choice: due Leitner reviews (at most conf.daily_review_max()), then questions of the
weakest knowledge points, then any practisable question. Ties are broken by a random order
seeded with the cadre and the day, so the same cadre gets the same quiz all day.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.common.errors import Conflict, NotFound
from apps.questions.models import Question
from apps.training import conf, selectors
from apps.training.models import AnswerSource, DailyQuiz, DailyQuizItem, ReviewCard
from apps.training.services import exam_feed
from apps.training.services.answers import record_answer

DAILY_NOT_IN_QUIZ = "今天的每日一练中没有这道题"
DAILY_ALREADY_ANSWERED = "本题今天已作答"


def _seeded_order(ids, user: User, day: dt.date) -> list[int]:
    ordered = sorted(set(ids))
    random.Random(f"{user.pk}:{day.isoformat()}").shuffle(ordered)
    return ordered


def choose_questions(user: User, day: dt.date) -> list[tuple[int, str]]:
    """(question id, reason) pairs for the cadre's quiz on `day`; deterministic."""
    pool = selectors.practice_questions(user)
    size = conf.daily_quiz_size()
    chosen: list[tuple[int, str]] = []
    taken: set[int] = set()

    due = ReviewCard.objects.filter(user=user, due_on__lte=day).order_by("due_on", "box", "id")
    due_lineages = list(due.values_list("lineage", flat=True)[:200])
    current = dict(pool.filter(lineage__in=due_lineages).values_list("lineage", "id"))
    for lineage in due_lineages:
        if len(chosen) >= min(size, conf.daily_review_max()):
            break
        if lineage in current:
            chosen.append((current[lineage], DailyQuizItem.Reason.REVIEW))
            taken.add(current[lineage])

    mastery = selectors.mastery_by_knowledge_point(user)
    weak = sorted((m, kp) for kp, m in mastery.items() if m < selectors.UNTRIED_MASTERY)
    # Round-robin over the weakest points, so the weakest gets the first place of each round.
    weakest = [kp for _, kp in weak[:size]]
    by_kp: dict[int, list[int]] = {kp: [] for kp in weakest}
    rows = (
        pool.order_by().filter(knowledge_points__in=weakest).values_list("id", "knowledge_points")
    )
    for qid, kp in rows:
        by_kp[kp].append(qid)
    queues = [iter(_seeded_order(by_kp[kp], user, day)) for kp in weakest]
    while queues and len(chosen) < size:
        for queue in list(queues):
            qid = next((q for q in queue if q not in taken), None)
            if qid is None:
                queues.remove(queue)
                continue
            chosen.append((qid, DailyQuizItem.Reason.WEAK))
            taken.add(qid)
            if len(chosen) >= size:
                break

    if len(chosen) < size:
        for qid in _seeded_order(pool.order_by().values_list("id", flat=True), user, day):
            if len(chosen) >= size:
                break
            if qid not in taken:
                chosen.append((qid, DailyQuizItem.Reason.FILL))
                taken.add(qid)
    return chosen


def today_quiz(user: User, now: dt.datetime | None = None) -> DailyQuiz:
    """Today's quiz, created on the first request of the (local) day."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    quiz = DailyQuiz.objects.filter(user=user, day=day).first()
    if quiz is not None:
        return quiz
    exam_feed.apply_released(user, now)  # released exam mistakes become due reviews first
    picks = choose_questions(user, day)
    try:
        with transaction.atomic():
            quiz = DailyQuiz.objects.create(user=user, day=day, created_at=now)
            DailyQuizItem.objects.bulk_create(
                DailyQuizItem(quiz=quiz, position=i, question_id=qid, reason=reason)
                for i, (qid, reason) in enumerate(picks, start=1)
            )
    except IntegrityError:  # two first requests at once: the other one won
        quiz = DailyQuiz.objects.get(user=user, day=day)
    return quiz


def answer(user: User, question_id: int, response, now: dt.datetime | None = None) -> dict:
    now = now or timezone.now()
    quiz = today_quiz(user, now)
    with transaction.atomic():
        item = (
            DailyQuizItem.objects.select_for_update()
            .filter(quiz=quiz, question_id=question_id)
            .first()
        )
        if item is None:
            raise NotFound(DAILY_NOT_IN_QUIZ, errors={"question_id": [DAILY_NOT_IN_QUIZ]})
        if item.answer_id is not None:
            raise Conflict(DAILY_ALREADY_ANSWERED)
        question = Question.objects.select_related("source_passage").get(pk=question_id)
        result = record_answer(
            user=user, question=question, response=response, source=AnswerSource.DAILY_QUIZ, now=now
        )
        item.answer = result.answer
        item.save(update_fields=["answer"])
        if not quiz.items.filter(answer__isnull=True).exists():
            quiz.completed_at = now
            quiz.save(update_fields=["completed_at"])
    return result.feedback
