"""Shared write helpers."""

from __future__ import annotations

from typing import Any

from django.db import models


def model_update(
    instance: models.Model, data: dict[str, Any], fields: list[str]
) -> tuple[models.Model, bool]:
    """Set the given fields from data and save only those that changed."""
    changed = []
    for field in fields:
        if field in data and getattr(instance, field) != data[field]:
            setattr(instance, field, data[field])
            changed.append(field)
    if changed:
        instance.full_clean()
        if any(f.name == "updated_at" for f in instance._meta.get_fields()):
            changed.append("updated_at")
        instance.save(update_fields=changed)
    return instance, bool(changed)
