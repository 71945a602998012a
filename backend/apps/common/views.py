"""The single-page app's entry, and uploaded files behind their owners' checks."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

from apps.common import media

FRONTEND_MISSING = "前端尚未构建，请先运行 make install"


@ensure_csrf_cookie
def spa_index(request, *args, **kwargs):
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return HttpResponse(FRONTEND_MISSING, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    # The shell must be revalidated so a new build is picked up; hashed assets are cached.
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def media_file(request, path: str):
    """An uploaded file, for a logged-in user whom the owning app lets read it; else 404."""
    name = media.clean_name(path)
    if name is None or not request.user.is_authenticated or not media.can_read(request.user, name):
        raise Http404
    return media.file_response(name)
