"""Check that a training response has the shape its question type expects (DESIGN.md).

The shape rules are the question type registry's, the same the exam save path applies;
training adds only that an answer must be given (it is graded at once)."""

from __future__ import annotations

from apps.common.errors import InvalidInput
from apps.questions.models import Question
from question_bank import question_types

RESPONSE_REQUIRED = "请作答后再提交"
RESPONSE_BLANKS = "填空题应每空作答一项，共 {blanks} 空"


def validate_response(question: Question, response) -> None:
    if response is None or response == "" or response == []:
        raise InvalidInput(RESPONSE_REQUIRED, errors={"response": [RESPONSE_REQUIRED]})
    kind = question_types.get(question.type)
    blanks = kind.blank_count(question.stem, question.answer)
    message = kind.response_problem(response, len(question.options or []), blanks)
    if message is None and blanks and len(response) != blanks:
        message = RESPONSE_BLANKS.format(blanks=blanks)
    if message:
        raise InvalidInput(message, errors={"response": [message]})
