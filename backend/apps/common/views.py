"""The single-page app's entry: every non-API path returns the built index.html."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie

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
