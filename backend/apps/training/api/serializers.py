"""Serializers for training. Question output never carries the key, explanation or source:
those only travel inside the feedback that follows an answer."""

from django.utils.html import escape
from rest_framework import serializers

from apps.common.api.serializers import id_field
from apps.questions.models import Question, confirmed_points
from apps.questions.services.rendering import render_question_text
from apps.training.models import PracticeSession, StudyTopic, StudyVote, WrongBookEntry
from question_bank import question_types


class QuestionPublicSerializer(serializers.ModelSerializer):
    type_label = serializers.CharField(source="get_type_display")
    blanks = serializers.SerializerMethodField()
    options = serializers.SerializerMethodField()
    stem_html = serializers.SerializerMethodField()
    knowledge_points = serializers.SerializerMethodField()

    class Meta:
        model = Question
        fields = [
            "id",
            "lineage",
            "type",
            "type_label",
            "stem",
            "stem_html",
            "options",
            "blanks",
            "difficulty",
            "knowledge_points",
        ]

    def get_stem_html(self, obj) -> str:
        return obj.stem_html or render_question_text(obj.stem)

    def get_options(self, obj) -> list[dict]:
        # Same shape as the exams' questions: the stored HTML, else the escaped plain text.
        return [
            {
                "key": o.get("key"),
                "text": o.get("text", ""),
                "html": o.get("html") or escape(o.get("text", "")),
            }
            for o in obj.options or []
        ]

    def get_blanks(self, obj) -> int:
        return question_types.get(obj.type).blank_count(obj.stem, obj.answer)

    def get_knowledge_points(self, obj) -> list[dict]:
        return [{"id": kp.id, "name": kp.name} for kp in confirmed_points(obj)]


class SourceSerializer(serializers.Serializer):
    quote = serializers.CharField(allow_blank=True)
    passage_id = serializers.CharField(allow_null=True)
    material_id = serializers.IntegerField(allow_null=True)


class FeedbackSerializer(serializers.Serializer):
    question_id = id_field()
    is_correct = serializers.BooleanField()
    score = serializers.DecimalField(max_digits=6, decimal_places=2)
    max_score = serializers.DecimalField(max_digits=6, decimal_places=2)
    response = serializers.JSONField()
    correct_answer = serializers.JSONField(allow_null=True)
    accepted_answers = serializers.JSONField(allow_null=True)
    explanation = serializers.CharField(allow_blank=True)
    explanation_html = serializers.CharField(allow_blank=True)
    source = SourceSerializer()
    key_held = serializers.BooleanField(
        help_text="答案正被尚未结束的考试保留：答案、解析和出处为空，考试结束后再看"
    )


class AnswerInSerializer(serializers.Serializer):
    question_id = id_field()
    response = serializers.JSONField(allow_null=True)


class RetryInSerializer(serializers.Serializer):
    response = serializers.JSONField(allow_null=True)


class PracticeStartSerializer(serializers.Serializer):
    knowledge_point = id_field(required=False, allow_null=True)
    bank = id_field(required=False, allow_null=True)
    material = id_field(required=False, allow_null=True)
    passage = serializers.IntegerField(required=False, allow_null=True)
    count = serializers.IntegerField(required=False, allow_null=True)


class PracticeSessionSerializer(serializers.ModelSerializer):
    knowledge_point_name = serializers.CharField(
        source="knowledge_point.name", default=None, allow_null=True
    )
    bank_name = serializers.CharField(source="bank.name", default=None, allow_null=True)
    total = serializers.SerializerMethodField()
    answered = serializers.IntegerField(read_only=True, default=None)
    correct = serializers.IntegerField(read_only=True, default=None)

    class Meta:
        model = PracticeSession
        fields = [
            "id",
            "knowledge_point",
            "knowledge_point_name",
            "bank",
            "bank_name",
            "total",
            "answered",
            "correct",
            "created_at",
        ]

    def get_total(self, obj) -> int:
        return len(obj.question_ids)


class WrongBookEntrySerializer(serializers.ModelSerializer):
    question = serializers.SerializerMethodField()
    first_source_label = serializers.CharField(source="get_first_source_display")

    class Meta:
        model = WrongBookEntry
        fields = [
            "id",
            "question",
            "first_source",
            "first_source_label",
            "wrong_count",
            "right_streak",
            "last_response",
            "last_wrong_at",
            "resolved_at",
        ]

    def get_question(self, obj) -> dict:
        # The view resolves the version to show (the current one) into `display_question`.
        return QuestionPublicSerializer(getattr(obj, "display_question", obj.question)).data


class KnowledgePointCountSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    count = serializers.IntegerField()


class WrongBookSummarySerializer(serializers.Serializer):
    total = serializers.IntegerField()
    by_knowledge_point = KnowledgePointCountSerializer(many=True)


class StudyTopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = StudyTopic
        fields = ["id", "title", "description", "created_at"]


class StudyTopicInSerializer(serializers.Serializer):
    title = serializers.CharField(allow_blank=True, max_length=200)
    description = serializers.CharField(required=False, allow_blank=True, default="")


class StudyVoteInSerializer(serializers.Serializer):
    knowledge_point = id_field(required=False, allow_null=True)
    topic = id_field(required=False, allow_null=True)


class StudyVoteSerializer(serializers.ModelSerializer):
    knowledge_point_name = serializers.CharField(
        source="knowledge_point.name", default=None, allow_null=True
    )
    topic_title = serializers.CharField(source="topic.title", default=None, allow_null=True)

    class Meta:
        model = StudyVote
        fields = [
            "id",
            "knowledge_point",
            "knowledge_point_name",
            "topic",
            "topic_title",
            "created_at",
        ]


class RankingRowSerializer(serializers.Serializer):
    rank = serializers.IntegerField()
    kind = serializers.CharField(help_text="knowledge_point 或 topic")
    id = serializers.IntegerField()
    name = serializers.CharField()
    votes = serializers.IntegerField()
    units = serializers.IntegerField()


class PracticeOptionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    question_count = serializers.IntegerField()


class PracticeItemSerializer(serializers.Serializer):
    question = QuestionPublicSerializer()
    feedback = FeedbackSerializer(allow_null=True)


class DailyItemSerializer(serializers.Serializer):
    position = serializers.IntegerField()
    reason = serializers.CharField()
    reason_label = serializers.CharField()
    question = QuestionPublicSerializer()
    feedback = FeedbackSerializer(allow_null=True)


class StreakSerializer(serializers.Serializer):
    current = serializers.IntegerField()
    best = serializers.IntegerField()
    today_done = serializers.BooleanField()
    total_days = serializers.IntegerField()


class StudyNeedKnowledgePointSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    my_vote = serializers.IntegerField(allow_null=True)


class PassagePracticeSerializer(serializers.Serializer):
    passage = serializers.IntegerField()
    key = serializers.CharField()
    question_count = serializers.IntegerField()


class PracticeMaterialQuerySerializer(serializers.Serializer):
    material = id_field()
