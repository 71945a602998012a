"""Case photos: decoded and re-encoded by Pillow (EXIF/GPS gone, bounded size, a thumbnail);
the uploaded bytes are never stored."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.cases import conf, errors
from apps.cases.models import CaseImage
from apps.cases.services.cases import lock_own_case
from apps.common.errors import Conflict, InvalidInput, NotFound
from apps.common.images import reencode_image

EXTENSIONS = {"JPEG": "jpg", "PNG": "png"}


def too_large_error() -> InvalidInput:
    message = errors.IMAGE_TOO_LARGE.format(limit_mb=conf.image_max_bytes() // (1024 * 1024))
    return InvalidInput(message, {"file": [message]})


@transaction.atomic
def add_image(case_id: int, author: User, data: bytes) -> CaseImage:
    case = lock_own_case(case_id, author)
    if not case.is_editable:
        raise Conflict(errors.CASE_NOT_EDITABLE, code="not_editable")
    if case.images.filter(removed_at__isnull=True).count() >= conf.images_per_case():
        message = errors.IMAGE_TOO_MANY.format(limit=conf.images_per_case())
        raise InvalidInput(message, {"file": [message]})
    if len(data) > conf.image_max_bytes():
        raise too_large_error()
    main, thumb, width, height, fmt = reencode_image(
        data,
        max_bytes=conf.image_max_bytes(),
        max_side=conf.image_max_side(),
        thumb_side=conf.image_thumb_side(),
    )
    # Random names: nothing about the author or the original file reaches a reviewer.
    stem = uuid.uuid4().hex
    ext = EXTENSIONS.get(fmt, "jpg")
    image = CaseImage(case=case, width=width, height=height, format=fmt, size=len(main))
    image.file.save(f"{stem}.{ext}", ContentFile(main), save=False)
    image.thumbnail.save(f"{stem}_t.{ext}", ContentFile(thumb or main), save=False)
    image.save()
    return image


@transaction.atomic
def delete_image(case_id: int, author: User, image_id: int) -> None:
    case = lock_own_case(case_id, author)
    if not case.is_editable:
        raise Conflict(errors.CASE_NOT_EDITABLE, code="not_editable")
    image = case.images.filter(pk=image_id, removed_at__isnull=True).first()
    if image is None:
        raise NotFound()
    if any(image.pk in v.image_ids for v in case.versions.all()):
        image.removed_at = timezone.now()  # a submitted version still shows it
        image.save(update_fields=["removed_at"])
    else:
        image.delete()
