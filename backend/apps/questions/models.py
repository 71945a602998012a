"""The stored side of the question bank: materials and passages, knowledge points,
banks, and questions with versions and a review status."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from apps.accounts.models import OrgUnit
from apps.common.models import TimeStampedModel
from question_bank import question_types

# The six types are defined once, in question_bank.question_types; these are their
# Django choices (QuestionType.SINGLE == "single", .label == "单选").
QuestionType = models.TextChoices(
    "QuestionType",
    [(code.upper(), (code, label)) for code, label in question_types.LABELS.items()],
)
OBJECTIVE_TYPES = set(question_types.OBJECTIVE)
SUBJECTIVE_TYPES = set(question_types.SUBJECTIVE)


class Material(TimeStampedModel):
    """A policy document; its cleaned text is split into passages."""

    class Status(models.TextChoices):
        PENDING = "pending", "等待处理"
        PROCESSING = "processing", "处理中"
        READY = "ready", "已完成"
        FAILED = "failed", "处理失败"

    title = models.CharField("标题", max_length=200)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="materials"
    )
    file = models.FileField("原始文件", upload_to="materials/%Y/%m/", blank=True)
    original_name = models.CharField("原文件名", max_length=255, blank=True)
    file_kind = models.CharField("文件类型", max_length=20, blank=True)
    raw_text = models.TextField("提交的文本", blank=True)
    text = models.TextField("清洗后文本", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.PENDING)
    error = models.TextField("错误信息", blank=True)
    # No title was given: ingestion replaces the file name with the document's own title.
    title_is_auto = models.BooleanField("标题取自文档", default=False)
    # sha256 of the cleaned text: the same text uploaded again is pointed out.
    content_hash = models.CharField("正文指纹", max_length=64, blank=True, db_index=True)
    # What the last (re-)ingestion did to passages and the questions citing them.
    ingest_report = models.JSONField("处理报告", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "学习材料"
        verbose_name_plural = "学习材料"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Passage(models.Model):
    material = models.ForeignKey(
        Material, verbose_name="材料", on_delete=models.CASCADE, related_name="passages"
    )
    key = models.CharField("段落编号", max_length=40)  # the pipeline's stable passage id
    position = models.PositiveIntegerField("顺序")
    kind = models.CharField("类型", max_length=20)
    heading_path = models.JSONField("标题路径", default=list)
    text = models.TextField("内容")
    start = models.PositiveIntegerField("起始位置")
    end = models.PositiveIntegerField("结束位置")

    class Meta:
        verbose_name = "段落"
        verbose_name_plural = "段落"
        ordering = ["material", "position"]
        constraints = [
            models.UniqueConstraint(fields=["material", "key"], name="passage_unique_key")
        ]

    def __str__(self) -> str:
        return f"{self.material_id}:{self.key}"


class KnowledgePoint(TimeStampedModel):
    """A named topic (知识点) in a tree, linked to passages and questions."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "建议"
        CONFIRMED = "confirmed", "已确认"

    name = models.CharField("名称", max_length=100)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级知识点",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="knowledge_points"
    )
    description = models.TextField("说明", blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    passages = models.ManyToManyField(
        Passage, verbose_name="关联段落", blank=True, related_name="knowledge_points"
    )

    class Meta:
        verbose_name = "知识点"
        verbose_name_plural = "知识点"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "parent", "name"], name="kp_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


def confirmed_points(question: Question) -> list[KnowledgePoint]:
    """The question's knowledge points a cadre may see: suggested ones never leave the
    console (works on a prefetched `knowledge_points`)."""
    return [
        kp for kp in question.knowledge_points.all() if kp.status == KnowledgePoint.Status.CONFIRMED
    ]


class Bank(TimeStampedModel):
    """A question bank (题库) owned by an org unit; `shared_down` lets its subtree use it."""

    name = models.CharField("名称", max_length=100)
    description = models.TextField("说明", blank=True)
    org_unit = models.ForeignKey(
        OrgUnit, verbose_name="所属单位", on_delete=models.PROTECT, related_name="banks"
    )
    shared_down = models.BooleanField("向下级共享", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "题库"
        verbose_name_plural = "题库"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GenerationBatch(TimeStampedModel):
    """Drafts proposed by the generator from one material, reviewed together."""

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "生成中"
        DONE = "done", "已完成"
        FAILED = "failed", "生成失败"

    material = models.ForeignKey(
        Material, verbose_name="材料", on_delete=models.CASCADE, related_name="generation_batches"
    )
    bank = models.ForeignKey(
        Bank, verbose_name="目标题库", on_delete=models.CASCADE, related_name="generation_batches"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="发起人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    params = models.JSONField("参数", default=dict)
    candidate_count = models.PositiveIntegerField("候选题数", default=0)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DONE)
    error = models.TextField("错误信息", blank=True)

    class Meta:
        verbose_name = "生成批次"
        verbose_name_plural = "生成批次"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"生成批次 #{self.pk}"


class Question(TimeStampedModel):
    """One version of a question. Editing a published question creates a new row with the
    same `lineage` and the next `version`; exams keep pointing at the row they froze."""

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PENDING = "pending", "待审"
        PUBLISHED = "published", "已发布"
        RETIRED = "retired", "停用"

    bank = models.ForeignKey(
        Bank, verbose_name="题库", on_delete=models.PROTECT, related_name="questions"
    )
    lineage = models.UUIDField("题目标识", default=uuid.uuid4, db_index=True)
    version = models.PositiveIntegerField("版本", default=1)
    is_current = models.BooleanField("当前版本", default=True)
    type = models.CharField("题型", max_length=20, choices=QuestionType.choices)
    stem = models.TextField("题干")  # Markdown; fill-in blanks are written as ____
    stem_html = models.TextField("题干（HTML）", blank=True)
    # [{"key": "A", "text": "..."}] for single and multiple choice; empty otherwise.
    options = models.JSONField("选项", default=list, blank=True)
    # single "B"; multiple ["A", "C"]; true_false true/false;
    # fill_in [["accepted", "synonym"], [...]] one list per blank; subjective: reference answer text.
    answer = models.JSONField("答案")
    # Subjective questions: [{"point": "...", "score": "2.00"}] for reviewers.
    scoring_points = models.JSONField("评分要点", default=list, blank=True)
    explanation = models.TextField("解析", blank=True)
    explanation_html = models.TextField("解析（HTML）", blank=True)
    difficulty = models.PositiveSmallIntegerField("难度", default=3)
    default_points = models.DecimalField("默认分值", max_digits=6, decimal_places=2, default=2)
    knowledge_points = models.ManyToManyField(
        KnowledgePoint, verbose_name="知识点", blank=True, related_name="questions"
    )
    tags = models.JSONField("标签", default=list, blank=True)
    source_passage = models.ForeignKey(
        Passage,
        verbose_name="出处段落",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    source_quote = models.TextField("出处原文", blank=True)
    source_start = models.PositiveIntegerField("出处起点", null=True, blank=True)
    source_end = models.PositiveIntegerField("出处终点", null=True, blank=True)
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    fingerprint = models.CharField("规范化指纹", max_length=64, blank=True, db_index=True)
    generation_batch = models.ForeignKey(
        GenerationBatch,
        verbose_name="生成批次",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    generation_rule = models.CharField("生成规则", max_length=64, blank=True)
    quality = models.JSONField("质量评估", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="创建人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "试题"
        verbose_name_plural = "试题"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["lineage", "version"], name="question_unique_version"),
            models.UniqueConstraint(
                fields=["lineage"], condition=Q(is_current=True), name="question_one_current"
            ),
            models.CheckConstraint(
                condition=Q(difficulty__gte=1, difficulty__lte=5), name="question_difficulty_1_5"
            ),
        ]

    def __str__(self) -> str:
        return f"[{self.get_type_display()}] {self.stem[:30]}"

    @property
    def is_objective(self) -> bool:
        return self.type in OBJECTIVE_TYPES


class QuestionReview(models.Model):
    """Every status change of a question: who, when, what, why."""

    question = models.ForeignKey(
        Question, verbose_name="试题", on_delete=models.CASCADE, related_name="reviews"
    )
    action = models.CharField("操作", max_length=20)
    from_status = models.CharField("原状态", max_length=20)
    to_status = models.CharField("新状态", max_length=20)
    reason = models.CharField("原因", max_length=40, blank=True)
    comment = models.TextField("意见", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.question_id} {self.action}: {self.from_status} → {self.to_status}"


class QuestionImage(TimeStampedModel):
    """An image for question Markdown, re-encoded by Pillow; referenced by URL in the text."""

    bank = models.ForeignKey(
        Bank, verbose_name="题库", on_delete=models.CASCADE, related_name="images"
    )
    image = models.ImageField(
        "图片", upload_to="question-images/%Y/%m/", width_field="width", height_field="height"
    )
    thumbnail = models.ImageField("缩略图", upload_to="question-images/%Y/%m/", blank=True)
    width = models.PositiveIntegerField("宽度", default=0)
    height = models.PositiveIntegerField("高度", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "试题图片"
        verbose_name_plural = "试题图片"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.image.name
