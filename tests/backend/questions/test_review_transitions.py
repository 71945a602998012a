"""Flagging a question from an exam and correcting its key are review transitions of the
question service: checked by the type registry and logged like every other step."""

import pytest

from apps.common.errors import InvalidInput
from apps.questions.models import Bank, Question, QuestionReview
from apps.questions.services import review
from tests.backend.training.conftest import make_question

pytestmark = pytest.mark.django_db


def test_a_flag_sends_a_published_question_back_to_review_once(tree, county_admin):
    question = make_question(Bank.objects.create(name="库", org_unit=tree.county), "single")
    assert review.flag_question(question=question, actor=county_admin, reason="x", comment="复核")
    assert not review.flag_question(question=question, actor=county_admin, reason="x", comment="")
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING
    log = QuestionReview.objects.get(question=question, action=review.FLAG)
    assert (log.from_status, log.to_status, log.comment) == ("published", "pending", "复核")


def test_a_key_correction_is_checked_by_the_type_and_stored_in_its_shape(tree, county_admin):
    bank = Bank.objects.create(name="库", org_unit=tree.county)
    fill = make_question(bank, "fill_in", stem="每月走访____户。", answer=[["二十"]])
    old = review.correct_key(question=fill, answer=["20"], actor=county_admin, reason="补数字")
    fill.refresh_from_db()
    assert old == [["二十"]] and fill.answer == [["20"]]
    assert QuestionReview.objects.filter(question=fill, action=review.KEY_CORRECTION).exists()
    single = make_question(bank, "single")
    with pytest.raises(InvalidInput) as refused:
        review.correct_key(question=single, answer="E", actor=county_admin, reason="x")
    assert "answer" in refused.value.errors
    essay = make_question(bank, "short_answer")
    with pytest.raises(InvalidInput, match=review.SUBJECTIVE_KEY):
        review.correct_key(question=essay, answer="新答案", actor=county_admin, reason="x")
