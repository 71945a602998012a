"""The typed contract of taking an exam: the attempt, its questions, the answer PUT and its
acknowledgement, the batch save, submit, events and the result.

These serializers describe the payloads in the OpenAPI schema (and so the phone's
generated types); the payloads themselves are built as plain dicts by selectors and
services, so the hot paths (the answer PUT, starting under a rush) never pay for DRF
serialization. tests/backend/exams/test_contract.py checks that every payload the views
send validates against its component.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.exams.models import Attempt, Exam
from apps.questions.models import QuestionType

# single "B"; multiple ["A","C"]; true_false true/false; fill_in one text per blank;
# short answer and case analysis a text; null clears the answer.
RESPONSE_SCHEMA = {
    "oneOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "boolean"},
    ],
    "nullable": True,
}


@extend_schema_field(RESPONSE_SCHEMA)
class AnswerResponseField(serializers.JSONField):
    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)


# A key as the result shows it: like a response, but a fill-in key holds, per blank, the
# list of accepted answers.
KEY_SCHEMA = {
    "anyOf": [  # an empty list fits both list shapes
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
        {"type": "boolean"},
    ],
    "nullable": True,
}


@extend_schema_field(KEY_SCHEMA)
class AnswerKeyField(AnswerResponseField):
    pass


def _decimal(**kwargs):
    return serializers.DecimalField(max_digits=8, decimal_places=2, **kwargs)


SEQ_HELP = (
    "作答序号：手机以服务器时间为基础生成（开考后毫秒数×1000+计数），同一题只保留"
    " (seq, device) 最大的作答"
)
DEVICE_HELP = "发送作答的设备编号（字母、数字、- 或 _，至多 40 字符），seq 相同时按它排序"


class AnswerPutSerializer(serializers.Serializer):
    """PUT attempts/{id}/answers/{question_id}."""

    response = AnswerResponseField()
    seq = serializers.IntegerField(min_value=0, help_text=SEQ_HELP)
    device = serializers.CharField(
        max_length=40, required=False, allow_blank=True, help_text=DEVICE_HELP
    )


class AnswerItemSerializer(AnswerPutSerializer):
    question_id = serializers.IntegerField(min_value=1)


class BatchSaveSerializer(serializers.Serializer):
    """POST attempts/{id}/answers/batch: stored all together or not at all (409)."""

    answers = AnswerItemSerializer(many=True, max_length=500)


class AnswerAckSerializer(serializers.Serializer):
    """What the server holds for the question after a save. `accepted` false: this save was
    not stored, and response/seq/device are the answer the server keeps (show it)."""

    question_id = serializers.IntegerField()
    response = AnswerResponseField()
    seq = serializers.IntegerField()
    device = serializers.CharField(allow_blank=True)
    saved_at = serializers.DateTimeField()
    accepted = serializers.BooleanField()
    deadline = serializers.DateTimeField(
        required=False,
        help_text="答卷此刻的截止时间（管理员为本人延时后随之后移，手机倒计时据此更新）",
    )


class BatchSaveReplySerializer(serializers.Serializer):
    results = AnswerAckSerializer(many=True, help_text="与提交的作答一一对应、顺序相同")


class AttemptOptionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="显示的字母（打乱选项后的顺序）")
    html = serializers.CharField()


class AttemptQuestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    position = serializers.IntegerField()
    type = serializers.ChoiceField(choices=QuestionType.choices)
    stem_html = serializers.CharField()
    options = AttemptOptionSerializer(many=True)
    blanks = serializers.IntegerField(help_text="填空题的空数，其他题型为 0")
    points = _decimal()
    section = serializers.CharField(allow_blank=True)


class StoredAnswerSerializer(serializers.Serializer):
    response = AnswerResponseField()
    seq = serializers.IntegerField()
    saved_at = serializers.DateTimeField()


class AttemptExamSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    kind = serializers.ChoiceField(choices=Exam.Kind.choices)
    score_release = serializers.ChoiceField(choices=Exam.Release.choices)
    answer_release = serializers.ChoiceField(choices=Exam.Release.choices)


class SourceRefSerializer(serializers.Serializer):
    material_id = serializers.IntegerField()
    material_title = serializers.CharField()
    passage_id = serializers.IntegerField()
    passage_key = serializers.CharField()
    quote = serializers.CharField(allow_blank=True)


class ResultOptionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="这次作答显示的字母")
    text = serializers.CharField(allow_blank=True)


class ResultItemSerializer(serializers.Serializer):
    question_id = serializers.IntegerField()
    position = serializers.IntegerField()
    type = serializers.ChoiceField(choices=QuestionType.choices)
    stem_html = serializers.CharField()
    your_response = AnswerResponseField()
    correct = serializers.BooleanField(
        allow_null=True, help_text="null：待人工评分，或另一场考试保留了此题（key_held）"
    )
    score = _decimal(allow_null=True, help_text="另一场考试保留了此题（key_held）时为 null")
    points = _decimal()
    options = ResultOptionSerializer(
        many=True, help_text="选择题的选项，按这次作答显示的顺序；其他题型为空"
    )
    answer = AnswerKeyField(
        help_text="参考答案（按显示的字母；填空题每空一组可接受的答案）；被保留时为 null"
    )
    explanation_html = serializers.CharField(allow_blank=True)
    key_held = serializers.BooleanField(
        help_text="另一场您仍可参加的考试保留了此题答案：答案、解析与出处为空"
    )
    source = SourceRefSerializer(allow_null=True)


class KnowledgePointScoreSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    score = _decimal()
    max_score = _decimal()


class ResultSerializer(serializers.Serializer):
    score_visible = serializers.BooleanField(
        help_text="false：按考试的成绩公布设置暂不公布，或卷中有另一场您仍可参加的考试保留的试题"
        "（得分会泄露其对错）；得分、及格、排名与知识点都为空"
    )
    score = _decimal(allow_null=True)
    max_score = _decimal()
    passed = serializers.BooleanField(allow_null=True)
    pending_review = serializers.BooleanField()
    rank_in_unit = serializers.IntegerField(allow_null=True)
    unit_count = serializers.IntegerField(allow_null=True)
    knowledge_points = KnowledgePointScoreSerializer(many=True)
    answers_visible = serializers.BooleanField()
    items = ResultItemSerializer(many=True, help_text="按考试的成绩公布方式，未公布答案时为空")


class AttemptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    exam = AttemptExamSerializer()
    status = serializers.ChoiceField(choices=Attempt.Status.choices)
    started_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField()
    server_now = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    submit_reason = serializers.ChoiceField(choices=Attempt.SubmitReason.choices, allow_null=True)
    questions = AttemptQuestionSerializer(many=True)
    answers = serializers.DictField(
        child=StoredAnswerSerializer(), help_text="按试题编号：服务器已保存的作答"
    )
    flagged = serializers.ListField(
        child=serializers.IntegerField(), help_text="答题卡上标记的试题编号"
    )
    focus_loss_count = serializers.IntegerField()
    focus_loss_limit = serializers.IntegerField(allow_null=True)
    result = ResultSerializer(allow_null=True)


class SubmitReplySerializer(serializers.Serializer):
    """What the phone needs right after submitting; the result page loads the attempt
    (GET attempts/{id}) for the full result. Kept small: at the close every phone submits
    at once, and the reply is most of a submit's time in the request."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Attempt.Status.choices)
    submitted_at = serializers.DateTimeField(allow_null=True)
    submit_reason = serializers.ChoiceField(choices=Attempt.SubmitReason.choices, allow_null=True)
    score_visible = serializers.BooleanField(
        help_text="false：按考试的成绩公布设置暂不公布，score 与 passed 为空"
    )
    score = _decimal(allow_null=True)
    max_score = _decimal()
    passed = serializers.BooleanField(allow_null=True)
    pending_review = serializers.BooleanField(help_text="有主观题待人工评分，成绩待定")


class AttemptEventReplySerializer(serializers.Serializer):
    focus_loss_count = serializers.IntegerField()
    focus_loss_limit = serializers.IntegerField(allow_null=True)
    submitted = serializers.BooleanField()
    detail = serializers.CharField(allow_blank=True)


class AttemptClockSerializer(serializers.Serializer):
    """GET attempts/{id}/clock: what an open exam page needs to keep its countdown true."""

    status = serializers.ChoiceField(choices=Attempt.Status.choices)
    deadline = serializers.DateTimeField(help_text="交卷截止（含延时、延长考试时间、提前结束）")
    server_now = serializers.DateTimeField()
