"""The one place request bodies become data: JSON with a nesting limit, and form and
multipart fields, all with NUL refused (naming the field) and invisible characters
stripped (apps.common.text).

`RequestInputMiddleware` parses every JSON body sent to /api/ with `loads_json` (so the
plain-Django answer-save view is covered too) and keeps the result on the request, where
the DRF `JSONParser` below picks it up instead of parsing again.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import QueryDict
from rest_framework import parsers
from rest_framework.exceptions import ParseError

from apps.common.text import NUL_REFUSED, NulCharacter, clean_text

MAX_JSON_DEPTH = 32
BAD_JSON = "请求内容不是有效的 JSON"
TOO_DEEP = "JSON 嵌套层级过深（最多 {limit} 层）"
BAD_ENCODING = "请求内容不是有效的 UTF-8 文本"
PARSED_JSON = "_parsed_json"  # the request attribute holding the middleware's result


class InputRefused(ValueError):
    """A body or query string the API will not take; `field` names where, if known."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message, self.field = message, field

    @property
    def errors(self) -> dict[str, list[str]]:
        return {self.field: [self.message]} if self.field else {}

    @property
    def code(self) -> str:
        return "invalid" if self.field else "parse_error"


def _clean(value: Any, path: str, depth: int, changed: list[bool]) -> Any:
    if depth > MAX_JSON_DEPTH:
        raise InputRefused(TOO_DEEP.format(limit=MAX_JSON_DEPTH))
    if isinstance(value, str):
        try:
            cleaned = clean_text(value)
        except NulCharacter:
            raise InputRefused(NUL_REFUSED, path or "non_field_errors") from None
        if cleaned != value:
            changed.append(True)
        return cleaned
    if isinstance(value, list):
        return [
            _clean(item, f"{path}.{i}" if path else str(i), depth + 1, changed)
            for i, item in enumerate(value)
        ]
    if isinstance(value, dict):
        cleaned_dict = {}
        for key, item in value.items():
            name = _clean(key, path, depth + 1, changed)
            cleaned_dict[name] = _clean(
                item, f"{path}.{name}" if path else name, depth + 1, changed
            )
        return cleaned_dict
    return value


def parse_json(raw: bytes) -> tuple[Any, bool]:
    """Parse and clean a JSON body: (data, whether cleaning changed any string).
    InputRefused (with a Chinese message) for bad JSON, nesting deeper than
    MAX_JSON_DEPTH, or a NUL in any string."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputRefused(BAD_ENCODING) from None
    try:
        data = json.loads(text)
    except RecursionError:  # far deeper than the limit: the decoder itself gave up
        raise InputRefused(TOO_DEEP.format(limit=MAX_JSON_DEPTH)) from None
    except ValueError:
        raise InputRefused(BAD_JSON) from None
    changed: list[bool] = []
    return _clean(data, "", 1, changed), bool(changed)


def loads_json(raw: bytes) -> Any:
    return parse_json(raw)[0]


class RefusedInput(ParseError):
    """A ParseError that keeps the field, for the common error body."""

    def __init__(self, refused: InputRefused):
        super().__init__(refused.message, code=refused.code)
        self.errors = refused.errors


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        request = (parser_context or {}).get("request")
        django_request = getattr(request, "_request", None)
        if hasattr(django_request, PARSED_JSON):
            return getattr(django_request, PARSED_JSON)
        try:
            return loads_json(stream.read() if stream is not None else b"")
        except InputRefused as refused:
            raise RefusedInput(refused) from None


def clean_querydict(data: QueryDict) -> QueryDict:
    """A copy of form fields (names and values) cleaned; InputRefused names the field."""
    cleaned = QueryDict(mutable=True)
    for name, values in data.lists():
        try:
            key = clean_text(name)
        except NulCharacter:
            raise InputRefused(NUL_REFUSED, name.replace("\x00", "\\0")) from None
        for value in values:
            try:
                cleaned.appendlist(key, clean_text(value))
            except NulCharacter:
                raise InputRefused(NUL_REFUSED, key) from None
    cleaned._mutable = False
    return cleaned


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return clean_querydict(super().parse(stream, media_type, parser_context))
        except InputRefused as refused:
            raise RefusedInput(refused) from None


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        try:
            data = clean_querydict(parsed.data)
            for name in parsed.files:
                if "\x00" in name:
                    raise InputRefused(NUL_REFUSED, name.replace("\x00", "\\0"))
        except InputRefused as refused:
            raise RefusedInput(refused) from None
        return parsers.DataAndFiles(data, parsed.files)
