"""Named errors of the plain-Python question-bank pipeline.

Messages are Chinese module constants so callers and tests can import them.
The Django side maps `QuestionBankError` to a 400 with the message.
Other modules may append their own errors below; keep existing names.
"""

from __future__ import annotations

EMPTY_FILE = "文件为空"
UNKNOWN_FILE_TYPE = "无法识别的文件类型，请上传 txt、md、html、docx 或 pdf 文件"
CORRUPT_DOCUMENT = "文档已损坏或无法读取"
NO_TEXT_FOUND = "文档中没有可提取的文字"
UNDECODABLE_TEXT = "无法识别文本编码，请另存为 UTF-8 后重新上传"


class QuestionBankError(Exception):
    """Base of every error raised by question_bank; `message` is Chinese."""

    default_message = "题库处理失败"

    def __init__(self, message: str | None = None):
        self.message = message or self.default_message
        super().__init__(self.message)


class ExtractionError(QuestionBankError):
    """The uploaded bytes could not be turned into text."""

    default_message = CORRUPT_DOCUMENT


class EmptyDocumentError(ExtractionError):
    default_message = EMPTY_FILE


class UnsupportedFileTypeError(ExtractionError):
    default_message = UNKNOWN_FILE_TYPE


class CorruptDocumentError(ExtractionError):
    default_message = CORRUPT_DOCUMENT


class NoTextFoundError(ExtractionError):
    default_message = NO_TEXT_FOUND


class EncodingDetectionError(ExtractionError):
    default_message = UNDECODABLE_TEXT


# --- question generation (question_bank.generate) ---
UNKNOWN_QUESTION_TYPE = (
    "未知题型：{types}（可选：single、multiple、true_false、fill_in、short_answer）"
)
BAD_MAX_PER_TYPE = "每种题型的数量上限必须是正整数"
BAD_VARIANTS = "同一出处的题目数（variants）必须是正整数"
UNKNOWN_RULE = "未知出题规则：{rules}"


class GenerationOptionError(QuestionBankError):
    """Bad options passed to the question generator (unknown type, bad limit)."""

    default_message = BAD_MAX_PER_TYPE
