"""Banks (题库): owned by an org unit, managed by admins of that subtree."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile

from apps.accounts.models import OrgUnit, User
from apps.common import scoping
from apps.common.errors import InvalidInput, NotFound
from apps.common.images import reencode_image
from apps.common.services import model_update
from apps.questions import conf, selectors
from apps.questions.models import Bank, QuestionImage

NAME_REQUIRED = "请填写题库名称"


def create_bank(
    *, actor: User, name: str, org_unit: OrgUnit, description: str = "", shared_down: bool = True
) -> Bank:
    if not scoping.unit_in_scope(actor, org_unit):
        raise NotFound()
    if not name.strip():
        raise InvalidInput(NAME_REQUIRED, {"name": [NAME_REQUIRED]})
    return Bank.objects.create(
        name=name.strip(),
        org_unit=org_unit,
        description=description,
        shared_down=shared_down,
        created_by=actor,
    )


def update_bank(*, actor: User, bank: Bank, data: dict) -> Bank:
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    if "org_unit" in data and not scoping.unit_in_scope(actor, data["org_unit"]):
        raise NotFound()
    if "name" in data and not data["name"].strip():
        raise InvalidInput(NAME_REQUIRED, {"name": [NAME_REQUIRED]})
    bank, _ = model_update(bank, data, ["name", "description", "shared_down", "org_unit"])
    return bank


def upload_image(*, actor: User, bank: Bank, data: bytes) -> QuestionImage:
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    main, thumb, width, height, fmt = reencode_image(
        data, max_bytes=conf.image_max_bytes(), max_side=conf.image_max_side(), thumb_side=320
    )
    ext = "png" if fmt == "PNG" else "jpg"
    image = QuestionImage(bank=bank, created_by=actor)
    # Random names: any signed-in user may open a question image by its URL, so the URL must
    # not be guessable (the month's first upload was once plainly q.jpg, explanations too).
    stem = uuid.uuid4().hex
    image.image.save(f"{stem}.{ext}", ContentFile(main), save=False)
    if thumb:
        image.thumbnail.save(f"{stem}_t.{ext}", ContentFile(thumb), save=False)
    image.width, image.height = width, height
    image.save()
    return image
