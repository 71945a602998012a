"""Checking a response's shape against its question type before it is stored."""

from __future__ import annotations

from apps.common.errors import InvalidInput

BAD_CHOICE = "请选择一个有效选项"
BAD_MULTIPLE = "多选题的作答应为选项字母列表，且不能重复"
BAD_TRUE_FALSE = "判断题的作答应为 true 或 false"
BAD_FILL_IN = "填空题的作答应为每空一个文本的列表，共 {blanks} 空"
BAD_TEXT = "作答应为文本，且不超过 {limit} 字"
BAD_SEQ = "seq 应为非负整数"
BAD_DEVICE = "device 应为不超过 40 个字符的字母、数字、- 或 _"
TEXT_LIMIT = 20000


def _letters(count: int) -> set[str]:
    return {chr(ord("A") + i) for i in range(count)}


def check_response(spec: list, response, field: str = "response") -> None:
    """Raise InvalidInput naming the field when the response does not fit the question."""
    if response is None:
        return  # clearing an answer is allowed
    qtype, option_count, blanks = spec
    message = None
    if qtype == "single":
        # A list or an object is not a letter (and is not hashable: check the type first).
        if not isinstance(response, str) or response not in _letters(option_count):
            message = BAD_CHOICE
    elif qtype == "multiple":
        ok = (
            isinstance(response, list)
            and len(set(response)) == len(response)
            and all(isinstance(x, str) and x in _letters(option_count) for x in response)
        )
        message = None if ok else BAD_MULTIPLE
    elif qtype == "true_false":
        message = None if isinstance(response, bool) else BAD_TRUE_FALSE
    elif qtype == "fill_in":
        ok = (
            isinstance(response, list)
            and len(response) <= blanks
            and all(isinstance(x, str) and len(x) <= 500 for x in response)
        )
        message = None if ok else BAD_FILL_IN.format(blanks=blanks)
    elif not isinstance(response, str) or len(response) > TEXT_LIMIT:
        message = BAD_TEXT.format(limit=TEXT_LIMIT)
    if message:
        raise InvalidInput(message, errors={field: [message]})


def check_seq(seq, field: str = "seq") -> int:
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0 or seq > 2**62:
        raise InvalidInput(BAD_SEQ, errors={field: [BAD_SEQ]})
    return seq


def check_device(device, field: str = "device") -> str:
    """The sending device's id (the tiebreak between two devices' equal seqs)."""
    ok = isinstance(device, str) and len(device) <= 40
    ok = ok and all(ch.isascii() and (ch.isalnum() or ch in "-_") for ch in device)
    if not ok:
        raise InvalidInput(BAD_DEVICE, errors={field: [BAD_DEVICE]})
    return device
