"""Check that a training response has the shape its question type expects (DESIGN.md)."""

from __future__ import annotations

from apps.common.errors import InvalidInput
from apps.questions.models import Question, QuestionType

RESPONSE_REQUIRED = "请作答后再提交"
RESPONSE_BAD_OPTION = "选项「{key}」不存在"
RESPONSE_BAD_SHAPE = "{label}的作答格式不正确：{hint}"
HINTS = {
    QuestionType.SINGLE: '应为一个选项字母，如 "B"',
    QuestionType.MULTIPLE: '应为选项字母列表，如 ["A", "C"]',
    QuestionType.TRUE_FALSE: "应为 true 或 false",
    QuestionType.FILL_IN: "应为每空一项的文字列表",
}


def _bad(question: Question, message: str | None = None) -> InvalidInput:
    label = QuestionType(question.type).label
    message = message or RESPONSE_BAD_SHAPE.format(label=label, hint=HINTS.get(question.type, ""))
    return InvalidInput(message, errors={"response": [message]})


def validate_response(question: Question, response) -> None:
    if response is None or response == "" or response == []:
        raise _bad(question, RESPONSE_REQUIRED)
    keys = {option.get("key") for option in question.options or []}
    if question.type == QuestionType.SINGLE:
        if not isinstance(response, str):
            raise _bad(question)
        if response not in keys:
            raise _bad(question, RESPONSE_BAD_OPTION.format(key=response))
    elif question.type == QuestionType.MULTIPLE:
        if not isinstance(response, list) or not all(isinstance(k, str) for k in response):
            raise _bad(question)
        for key in response:
            if key not in keys:
                raise _bad(question, RESPONSE_BAD_OPTION.format(key=key))
    elif question.type == QuestionType.TRUE_FALSE:
        if not isinstance(response, bool):
            raise _bad(question)
    elif question.type == QuestionType.FILL_IN:
        blanks = len(question.answer or [])
        if (
            not isinstance(response, list)
            or len(response) != blanks
            or not all(isinstance(t, str) for t in response)
        ):
            raise _bad(question)
