"""Checking a response's shape against its question type before it is stored."""

from __future__ import annotations

from apps.common.errors import InvalidInput
from question_bank import question_types

BAD_SEQ = "seq 应为非负整数"
BAD_DEVICE = "device 应为不超过 40 个字符的字母、数字、- 或 _"


def check_response(spec: list, response, field: str = "response") -> None:
    """Raise InvalidInput naming the field when the response does not fit the question;
    `spec` is answer_store.question_spec's [type, option count, blank count]."""
    if response is None:
        return  # clearing an answer is allowed
    qtype, option_count, blanks = spec
    message = question_types.get(qtype).response_problem(response, option_count, blanks)
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
