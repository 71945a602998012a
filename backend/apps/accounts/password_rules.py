"""Password rules beyond Django's own validators, with Chinese messages.

A password needs 8+ characters with both letters and digits, and must not be built on a
common word, on a name tied to this site (the system, its org units and places, which an
attacker reads off the login page), or on the user's own name, 工号 or mobile number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
)
from django.core.exceptions import ValidationError
from pypinyin import lazy_pinyin

TOO_SHORT = "密码长度太短。密码必须包含至少 {count} 个字符。"
LETTERS_AND_DIGITS = "密码必须同时包含字母和数字"
COMMON_WORD = "密码以常见单词为主体，容易被猜到，请换一个"
SITE_WORD = "密码不能包含本系统、单位或地名的名称或拼音：{word}"
PERSONAL_WORD = "密码不能包含您的姓名、工号或手机号"
FIRST_LOGIN_NOTICE = "首次登录或密码被重置后，请先修改密码再使用管理后台"

MIN_PINYIN = 4  # shorter pinyin (li, wang) is too common inside unrelated passwords
MIN_HAN = 2
# An org unit's name without its level, so 青山县 gives 青山 / qingshan.
_UNIT_SUFFIX = re.compile(r"(街道办事处|办事处|街道|社区|委员会|自治县|县|区|市|镇|乡|村|组)$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_NOT_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]")


def _compact(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


def _name_words(name: str) -> set[str]:
    """The name itself (if Chinese) and its pinyin, when long enough to mean something."""
    name = name.strip()
    words = {name} if len(_HAN.findall(name)) >= MIN_HAN else set()
    spelled = _compact("".join(lazy_pinyin(name)))
    if len(spelled) >= MIN_PINYIN:
        words.add(spelled)
    return words


def site_words() -> set[str]:
    """The system's names (PASSWORD_SITE_WORDS) and every org unit's name, in Chinese and
    pinyin."""
    from apps.accounts.models import OrgUnit

    words: set[str] = set()
    for word in settings.PASSWORD_SITE_WORDS:
        words |= _name_words(word) if _HAN.search(word) else {_compact(word)}
    for name in OrgUnit.objects.values_list("name", flat=True).distinct():
        words |= _name_words(_UNIT_SUFFIX.sub("", name) or name)
    return {w for w in words if w}


def personal_words(user) -> set[str]:
    if user is None:
        return set()
    words = _name_words(user.real_name or "")
    for value in (user.username, user.mobile):
        value = _compact(value or "")
        if len(value) >= MIN_PINYIN:
            words.add(value)
    return words


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    return frozenset(CommonPasswordValidator().passwords)


class ChineseMinimumLengthValidator(MinimumLengthValidator):
    """Django's own rule; its Chinese translation no longer matches the English text."""

    def get_error_message(self) -> str:
        return TOO_SHORT.format(count=self.min_length)

    def get_help_text(self) -> str:
        return TOO_SHORT.format(count=self.min_length)


class LettersAndDigitsValidator:
    def validate(self, password: str, user=None) -> None:
        if not (any(c.isalpha() for c in password) and any(c.isdigit() for c in password)):
            raise ValidationError(LETTERS_AND_DIGITS, code="password_letters_and_digits")

    def get_help_text(self) -> str:
        return LETTERS_AND_DIGITS


class CommonWordValidator:
    """A common password with digits or symbols around it (Password2026, qwerty123)."""

    def validate(self, password: str, user=None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        if len(letters) >= MIN_PINYIN and letters in _common_passwords():
            raise ValidationError(COMMON_WORD, code="password_common_word")

    def get_help_text(self) -> str:
        return COMMON_WORD


class SiteWordValidator:
    def validate(self, password: str, user=None) -> None:
        compact = _compact(password)
        for word in sorted(personal_words(user), key=len, reverse=True):
            if word in compact:
                raise ValidationError(PERSONAL_WORD, code="password_personal_word")
        for word in sorted(site_words(), key=len, reverse=True):
            if word in compact:
                raise ValidationError(SITE_WORD.format(word=word), code="password_site_word")

    def get_help_text(self) -> str:
        return SITE_WORD.format(word="……")
