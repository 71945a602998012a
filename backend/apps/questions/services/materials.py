"""Materials: an upload (or pasted text) becomes a Material, then passages.

Extraction runs at once, so a malformed, empty or unsupported file is refused with a
Chinese 400 before anything is stored; cleaning and structuring (the slow part on a
long document) runs in the ingestion task, in the background when Redis is set.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet

from apps.accounts.models import OrgUnit, User
from apps.common import scoping
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.common.services import model_update
from apps.questions import conf
from apps.questions.models import Material
from apps.questions.services import passages as passage_store
from question_bank.document import Document
from question_bank.document import Passage as DocPassage
from question_bank.errors import QuestionBankError
from question_bank.extract import extract
from question_bank.ingest import ingest_text

log = logging.getLogger(__name__)

FILE_TOO_LARGE = "文件过大：{size} MB，上限为 {limit} MB"
TEXT_REQUIRED = "请上传文件，或填写标题和正文"
TITLE_REQUIRED = "请填写材料标题"
TEXT_EMPTY = "正文不能为空"
UNTITLED = "未命名材料"
INGEST_FAILED = "材料处理失败：{message}"
ALREADY_PROCESSING = "材料正在处理中，请稍后再试"
AUDIENCE_OUT_OF_SCOPE = "可见范围只能选择您管理范围内的单位"


def default_audience(actor: User) -> OrgUnit | None:
    """The top of what the admin administers (their subtree's root), not their own
    department: a county admin's upload reaches every township and village by default."""
    top = scoping.scope_units(actor).order_by("depth", "path").first()
    if top is None and actor.is_superuser:
        top = OrgUnit.objects.filter(parent=None).order_by("path").first()
    return top or actor.org_unit


def _unit_for(actor: User, org_unit: OrgUnit | None) -> OrgUnit:
    unit = org_unit or default_audience(actor)
    if unit is None or not scoping.unit_in_scope(actor, unit):
        raise NotFound()
    return unit


def check_size(size: int) -> None:
    limit = conf.material_max_bytes()
    if size > limit:
        message = FILE_TOO_LARGE.format(
            size=round(size / 1024 / 1024, 1), limit=limit // (1024 * 1024)
        )
        raise InvalidInput(message, {"file": [message]})


def create_from_upload(
    *, actor: User, data: bytes, filename: str, title: str = "", org_unit: OrgUnit | None = None
) -> Material:
    check_size(len(data))
    unit = _unit_for(actor, org_unit)
    try:
        extracted = extract(data, filename)
    except QuestionBankError as exc:
        raise InvalidInput(exc.message, {"file": [exc.message]}) from exc
    auto = not title.strip()
    title = (
        title.strip()
        or (getattr(extracted, "title", None) or "")
        or PurePath(filename).stem
        or UNTITLED
    )
    material = Material(
        title=title[:200],
        org_unit=unit,
        original_name=filename[:255],
        file_kind=extracted.kind,
        raw_text=extracted.text,
        created_by=actor,
        title_is_auto=auto,
    )
    material.file.save(PurePath(filename).name or "material", ContentFile(data), save=False)
    material.save()
    _start_ingestion(material)
    material.refresh_from_db()  # ingestion may have run already (no Redis)
    return material


def create_from_text(
    *, actor: User, title: str, text: str, org_unit: OrgUnit | None = None
) -> Material:
    errors = {}
    if not title.strip():
        errors["title"] = [TITLE_REQUIRED]
    if not text.strip():
        errors["text"] = [TEXT_EMPTY]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors)
    check_size(len(text.encode()))
    unit = _unit_for(actor, org_unit)
    material = Material.objects.create(
        title=title.strip()[:200], org_unit=unit, file_kind="text", raw_text=text, created_by=actor
    )
    _start_ingestion(material)
    material.refresh_from_db()  # ingestion may have run already (no Redis)
    return material


def _start_ingestion(material: Material) -> None:
    from apps.questions.tasks import ingest_material_task

    if getattr(settings, "CELERY_TASK_ALWAYS_EAGER", False):
        ingest_material_task.delay(material.pk)  # in-process: the row is visible already
    else:  # a worker must not look for the row before it is committed
        transaction.on_commit(lambda: ingest_material_task.delay(material.pk))


def ingest(material_id: int) -> Material:
    """Clean and structure the material's text into passages (the task's body)."""
    material = Material.objects.get(pk=material_id)
    Material.objects.filter(pk=material.pk).update(status=Material.Status.PROCESSING, error="")
    try:
        title = None if material.title_is_auto else material.title
        document = ingest_text(material.raw_text, title=title)
    except QuestionBankError as exc:
        return _fail(material, exc.message)
    except Exception:  # a pipeline bug must not leave the material "processing" forever
        log.exception("ingestion of material %s failed", material.pk)
        return _fail(material, "内部错误")
    with transaction.atomic():
        report = passage_store.store(material, document)
        material.text = document.text
        material.content_hash = content_hash(document.text)
        if material.title_is_auto and document.title and document.title != UNTITLED:
            material.title = document.title[:200]
        material.status = Material.Status.READY
        material.error = ""
        material.ingest_report = report.to_dict()
        material.save(
            update_fields=[
                "text",
                "content_hash",
                "title",
                "status",
                "error",
                "ingest_report",
                "updated_at",
            ]
        )
    return material


def content_hash(text: str) -> str:
    """The same cleaned text gives the same hash, whatever its file or line endings."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def reingest(*, actor: User, material: Material) -> Material:
    """Run the current pipeline over the stored text again (after a pipeline improvement).

    Passages keep their database ids where their text survives, so questions, knowledge
    points and the reader keep working (see services/passages.py)."""
    if not scoping.unit_in_scope(actor, material.org_unit):
        raise NotFound()
    if material.status in (Material.Status.PENDING, Material.Status.PROCESSING):
        raise Conflict(ALREADY_PROCESSING)
    Material.objects.filter(pk=material.pk).update(status=Material.Status.PENDING, error="")
    _start_ingestion(material)
    material.refresh_from_db()
    return material


def update_material(*, actor: User, material: Material, data: dict) -> Material:
    """Rename, or change the audience (the unit whose subtree may read it)."""
    if not scoping.unit_in_scope(actor, material.org_unit):
        raise NotFound()
    unit = data.get("org_unit")
    if unit is not None and not scoping.unit_in_scope(actor, unit):
        raise InvalidInput(AUDIENCE_OUT_OF_SCOPE, {"org_unit": [AUDIENCE_OUT_OF_SCOPE]})
    if "title" in data and not data["title"].strip():
        raise InvalidInput(TITLE_REQUIRED, {"title": [TITLE_REQUIRED]})
    if "title" in data:
        data = {**data, "title": data["title"].strip()[:200], "title_is_auto": False}
    material, _ = model_update(material, data, ["title", "title_is_auto", "org_unit"])
    return material


def duplicates_of(material: Material) -> QuerySet[Material]:
    """Other materials in the same scope with the same cleaned text."""
    if not material.content_hash:
        return Material.objects.none()
    return Material.objects.filter(content_hash=material.content_hash).exclude(pk=material.pk)


def _fail(material: Material, message: str) -> Material:
    material.status = Material.Status.FAILED
    material.error = INGEST_FAILED.format(message=message)
    material.save(update_fields=["status", "error", "updated_at"])
    return material


def as_document(material: Material) -> Document:
    """Rebuild the pipeline's Document from the stored passages (for the generator)."""
    passages = [
        DocPassage(
            id=p.key,
            kind=p.kind,
            heading_path=tuple(p.heading_path),
            text=p.text,
            start=p.start,
            end=p.end,
        )
        for p in material.passages.order_by("position")
    ]
    return Document(title=material.title, text=material.text, passages=passages)


def get_material_in_scope(actor: User, pk: int) -> Material:
    return scoping.get_in_scope_or_404(Material.objects.select_related("org_unit"), actor, pk=pk)
