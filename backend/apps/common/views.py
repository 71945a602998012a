"""The single-page app's entry, and uploaded files behind their owners' checks."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

from apps.common import media

FRONTEND_MISSING = "前端尚未构建，请先运行 make install"


def _frontend_page(name: str) -> HttpResponse:
    page = settings.FRONTEND_DIST / name
    if not page.exists():
        return HttpResponse(FRONTEND_MISSING, status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(page.read_bytes(), content_type="text/html; charset=utf-8")
    # The shell must be revalidated so a new build is picked up; hashed assets are cached.
    response["Cache-Control"] = "no-cache"
    return response


@ensure_csrf_cookie
def spa_index(request, *args, **kwargs):
    """The phone app (index.html) for every path its router owns."""
    return _frontend_page("index.html")


@ensure_csrf_cookie
def console_index(request, *args, **kwargs):
    """The organization department's console (console.html) for /console/ and its routes.
    Who may use it is decided by the API it calls, like the phone app."""
    return _frontend_page("console.html")


@require_safe
def media_file(request, path: str):
    """An uploaded file, for a logged-in user whom the owning app lets read it; else 404."""
    name = media.clean_name(path)
    if name is None or not request.user.is_authenticated or not media.can_read(request.user, name):
        raise Http404
    return media.file_response(name)
