"""每日一练 and the Leitner schedule behind it; time is passed in, never slept through."""

import datetime as dt

import pytest

from apps.common.errors import Conflict
from apps.training import selectors
from apps.training.models import AnswerSource, DailyQuiz, DailyQuizItem, ReviewCard
from apps.training.services import daily_quiz, leitner
from apps.training.services.answers import record_answer
from tests import factories
from tests.backend.training.conftest import ANSWER_FIELDS, at, right_response, wrong_response

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 3, 2)


def _practise(user, question, response, day):
    record_answer(
        user=user, question=question, response=response, source=AnswerSource.PRACTICE, now=at(day)
    )


def _finish_quiz(user, day, right=True):
    quiz = daily_quiz.today_quiz(user, now=at(day, 8))
    for item in quiz.items.filter(answer__isnull=True).select_related("question"):
        q = item.question
        daily_quiz.answer(
            user, q.id, right_response(q) if right else wrong_response(q), now=at(day, 9)
        )
    return quiz


class TestLeitnerSchedule:
    def test_right_on_schedule_climbs_one_box_and_waits_longer(self):
        assert leitner.next_state(1, DAY, True, DAY) == (2, DAY + dt.timedelta(days=2))
        assert leitner.next_state(2, DAY, True, DAY) == (3, DAY + dt.timedelta(days=4))
        assert leitner.next_state(5, DAY, True, DAY) == (5, DAY + dt.timedelta(days=16))

    def test_wrong_sends_the_card_back_to_box_one_for_tomorrow(self):
        assert leitner.next_state(4, DAY + dt.timedelta(days=3), False, DAY) == (
            1,
            DAY + dt.timedelta(days=1),
        )

    def test_right_before_the_due_date_changes_nothing(self):
        due = DAY + dt.timedelta(days=3)
        assert leitner.next_state(3, due, True, DAY) == (3, due)

    def test_cards_follow_answers(self, cadre, content):
        question = content.questions[0]
        _practise(cadre, question, right_response(question), DAY)
        assert not ReviewCard.objects.exists()  # right first time: nothing to review
        _practise(cadre, question, wrong_response(question), DAY)
        card = ReviewCard.objects.get(user=cadre)
        assert (card.box, card.due_on) == (1, DAY + dt.timedelta(days=1))
        _practise(cadre, question, right_response(question), DAY + dt.timedelta(days=1))
        card.refresh_from_db()
        assert (card.box, card.due_on) == (2, DAY + dt.timedelta(days=3))


class TestDailyFive:
    def test_five_questions_fixed_for_the_day_without_answers(self, cadre, content, client_for):
        first = daily_quiz.today_quiz(cadre, now=at(DAY, 7))
        again = daily_quiz.today_quiz(cadre, now=at(DAY, 22))
        assert first.pk == again.pk and first.items.count() == 5
        assert daily_quiz.choose_questions(cadre, DAY) == daily_quiz.choose_questions(cadre, DAY)
        body = client_for(cadre).get("/api/v1/daily-quiz/").json()
        assert len(body["items"]) == 5
        assert all(
            not ANSWER_FIELDS & set(i["question"]) and i["feedback"] is None for i in body["items"]
        )

    def test_choice_is_deterministic_per_cadre_and_day_but_differs_between_them(
        self, cadre, content, tree
    ):
        others = [factories.make_user(tree.village_a1) for _ in range(3)]
        picks = {tuple(daily_quiz.choose_questions(u, DAY)) for u in [cadre, *others]}
        days = {
            tuple(daily_quiz.choose_questions(cadre, DAY + dt.timedelta(days=n))) for n in range(4)
        }
        assert len(picks) > 1 and len(days) > 1

    def test_due_reviews_come_first_then_weak_knowledge_points(self, cadre, content):
        weak = [q for q in content.questions if content.kp_weak in q.knowledge_points.all()]
        strong = [q for q in content.questions if content.kp_strong in q.knowledge_points.all()]
        yesterday = DAY - dt.timedelta(days=1)
        _practise(cadre, weak[0], wrong_response(weak[0]), yesterday)  # due today in box 1
        _practise(cadre, weak[1], wrong_response(weak[1]), yesterday)
        for q in strong[:3]:
            _practise(cadre, q, right_response(q), yesterday)
        picks = daily_quiz.choose_questions(cadre, DAY)
        reasons = [reason for _, reason in picks]
        assert reasons[:2] == [DailyQuizItem.Reason.REVIEW] * 2
        assert {qid for qid, _ in picks[:2]} == {weak[0].id, weak[1].id}
        assert reasons[2:] == [DailyQuizItem.Reason.WEAK] * 3
        weak_ids = {q.id for q in weak}
        assert all(qid in weak_ids for qid, _ in picks)

    def test_no_history_means_a_seeded_mix(self, cadre, content):
        picks = daily_quiz.choose_questions(cadre, DAY)
        assert len(picks) == 5 and {r for _, r in picks} == {DailyQuizItem.Reason.FILL}

    def test_answering_gives_feedback_once_and_completes_the_day(self, cadre, content, client_for):
        quiz = daily_quiz.today_quiz(cadre, now=at(DAY))
        item = quiz.items.select_related("question").first()
        feedback = daily_quiz.answer(
            cadre, item.question_id, wrong_response(item.question), now=at(DAY, 11)
        )
        assert feedback["is_correct"] is False and feedback["explanation"]
        with pytest.raises(Conflict) as exc:
            daily_quiz.answer(
                cadre, item.question_id, right_response(item.question), now=at(DAY, 12)
            )
        assert exc.value.message == daily_quiz.DAILY_ALREADY_ANSWERED
        quiz.refresh_from_db()
        assert quiz.completed_at is None
        _finish_quiz(cadre, DAY)
        quiz.refresh_from_db()
        assert quiz.completed_at is not None

    def test_a_question_outside_todays_quiz_is_refused(self, cadre, content, client_for):
        quiz = daily_quiz.today_quiz(cadre)
        outside = next(q for q in content.questions if not quiz.items.filter(question=q).exists())
        response = client_for(cadre).post(
            "/api/v1/daily-quiz/answers",
            {"question_id": outside.id, "response": "B"},
            format="json",
        )
        assert response.status_code == 404
        assert response.json()["errors"]["question_id"] == [daily_quiz.DAILY_NOT_IN_QUIZ]

    def test_empty_pool_gives_an_empty_quiz_that_never_counts(self, cadre, tree):
        quiz = daily_quiz.today_quiz(cadre, now=at(DAY))
        assert quiz.items.count() == 0 and quiz.completed_at is None


class TestStreak:
    def test_consecutive_days_build_a_streak_and_a_gap_breaks_it(self, cadre, content):
        for n in range(3):
            _finish_quiz(cadre, DAY + dt.timedelta(days=n))
        third = DAY + dt.timedelta(days=2)
        assert selectors.streak(cadre, third) == {
            "current": 3,
            "best": 3,
            "today_done": True,
            "total_days": 3,
        }
        # The next morning, before answering, the streak still stands.
        assert selectors.streak(cadre, third + dt.timedelta(days=1))["current"] == 3
        # Skipping a whole day resets it; the best is kept.
        later = third + dt.timedelta(days=2)
        assert selectors.streak(cadre, later)["current"] == 0
        _finish_quiz(cadre, later)
        assert selectors.streak(cadre, later) == {
            "current": 1,
            "best": 3,
            "today_done": True,
            "total_days": 4,
        }

    def test_wrong_answers_still_complete_the_day(self, cadre, content):
        _finish_quiz(cadre, DAY, right=False)
        assert selectors.streak(cadre, DAY)["current"] == 1

    def test_a_half_done_day_does_not_count(self, cadre, content):
        quiz = daily_quiz.today_quiz(cadre, now=at(DAY))
        item = quiz.items.select_related("question").first()
        daily_quiz.answer(cadre, item.question_id, right_response(item.question), now=at(DAY))
        assert selectors.streak(cadre, DAY)["current"] == 0
        assert DailyQuiz.objects.get(user=cadre).completed_at is None

    def test_api_reports_the_streak_after_each_answer(self, cadre, content, client_for):
        client = client_for(cadre)
        items = client.get("/api/v1/daily-quiz/").json()["items"]
        body = None
        for item in items:
            qid = item["question"]["id"]
            question = next(q for q in content.questions if q.id == qid)
            body = client.post(
                "/api/v1/daily-quiz/answers",
                {"question_id": qid, "response": right_response(question)},
                format="json",
            ).json()
        assert body["completed"] is True and body["streak"]["current"] == 1
        again = client.get("/api/v1/daily-quiz/").json()
        assert again["completed"] and all(i["feedback"]["is_correct"] for i in again["items"])
