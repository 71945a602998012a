"""Uploaded files, served only to those who may see what they belong to.

Case photos show villagers and their homes, so `/media/` is never a public folder.
Each app registers the top folder its files are stored under and a check that
answers "may this user read this stored file?"; a file no check vouches for is a
404, whether it exists or not.

The bytes go out through Django in the embedded mode, or through nginx's
X-Accel-Redirect when `MEDIA_ACCEL_REDIRECT` names nginx's internal location.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join

from apps.accounts.models import User

MediaCheck = Callable[[User, str], bool]

_checks: dict[str, MediaCheck] = {}

# A stored file is data, never a page of this site: no scripts, no frames, no forms.
SANDBOX_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


def register(folder: str, can_read: MediaCheck) -> None:
    """`folder` is the first part of the stored name, e.g. "cases" for cases/12/a.jpg."""
    _checks[folder] = can_read


def clean_name(path: str) -> str | None:
    """The stored name a URL path points at, or None when it tries to leave MEDIA_ROOT."""
    name = posixpath.normpath(path)
    if not path or name.startswith(("/", "..")) or "\\" in name or "\x00" in name:
        return None
    return name


def can_read(user: User, name: str) -> bool:
    check = _checks.get(name.split("/", 1)[0])
    return check is not None and check(user, name)


def file_response(name: str) -> HttpResponse:
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    inline = content_type.startswith("image/")
    accel_prefix = settings.MEDIA_ACCEL_REDIRECT
    if accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + quote(name)
        if not inline:
            response["Content-Disposition"] = (
                f"attachment; filename*=UTF-8''{quote(Path(name).name)}"
            )
    else:
        try:
            full_path = Path(safe_join(settings.MEDIA_ROOT, name))
            handle = full_path.open("rb")
        except (OSError, ValueError) as exc:
            raise Http404 from exc
        response = FileResponse(handle, content_type=content_type, as_attachment=not inline)
    # Private: a shared cache between the phone and us must not hand it to someone else.
    response["Cache-Control"] = "private, max-age=86400"
    response["Content-Security-Policy"] = SANDBOX_POLICY
    return response
