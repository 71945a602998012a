"""Demo data: while the formal exam holds the basic bank's keys, cadres practise on the
separate practice bank, which no exam draws on."""

from io import StringIO

import pytest

from apps.accounts import demo as accounts_demo
from apps.accounts.models import User
from apps.exams import demo as exams_demo
from apps.exams import held_keys
from apps.exams.models import Exam
from apps.questions import demo as questions_demo
from apps.questions.demo_content.practice import PRACTICE_BANK_NAME
from apps.questions.models import Bank
from apps.training.selectors import practice_questions

pytestmark = pytest.mark.django_db


def test_cadres_practise_on_the_practice_bank_while_the_formal_exam_is_open(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
    for demo in (accounts_demo, questions_demo, exams_demo):
        demo.load(StringIO())
    cadre = User.objects.get(username="cadre01")  # has not sat the formal exam yet
    basic = Bank.objects.get(name=questions_demo.BANK_NAME)
    practice_bank = Bank.objects.get(name=PRACTICE_BANK_NAME)
    held = held_keys.held_for(cadre)
    assert basic.pk in held.bank_ids and practice_bank.pk not in held.bank_ids
    practisable = practice_questions(cadre)
    assert practisable.filter(bank=practice_bank).count() >= 15
    assert not practisable.filter(bank=basic).exists()
    for exam in Exam.objects.all():
        assert not exam.paper.items.filter(question__bank=practice_bank).exists()
        assert not exam.paper.rules.filter(bank=practice_bank).exists()
