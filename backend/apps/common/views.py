"""The single-page app's entry, uploaded files behind their owners' checks, and the
error pages (JSON under /api/, Chinese everywhere)."""

import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_safe

from apps.common import media, unavailable
from apps.common.api.exceptions import BAD_REQUEST, error_body, json_error, refused_request

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


API_PREFIX = "/api/"
ERROR_PAGE = (
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{title}</title>'
    "<h1>{title}</h1><p>{text}</p></html>"
)
BAD_REQUEST_TEXT = "请求无效，请返回上一页重试"
API_NOT_FOUND = "接口不存在"
SERVER_ERROR = "服务器内部错误，请稍后重试"


def _page(status: int, title: str, text: str) -> HttpResponse:
    return HttpResponse(ERROR_PAGE.format(title=title, text=text), status=status)


def bad_request(request, exception=None):
    """handler400: Django's refusals (body too large, too many fields, a bad Host) in
    Chinese, as the API's JSON error body under /api/."""
    status, body = (
        refused_request(exception)
        if isinstance(exception, SuspiciousOperation)
        else (400, error_body(BAD_REQUEST, "bad_request"))
    )
    if request.path.startswith(API_PREFIX):
        return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    return _page(status, body["detail"], BAD_REQUEST_TEXT)


def not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return json_error(404, API_NOT_FOUND, "not_found")
    return _page(404, "页面不存在", "请检查地址是否正确")


def server_error(request):
    exc = sys.exc_info()[1]  # handler500 runs while Django handles the exception
    if unavailable.is_database_down(exc):
        if request.path.startswith(API_PREFIX):
            return unavailable.response(request, exc)
        unavailable.note(request, exc)
        return unavailable.mark(_page(503, "服务暂时不可用", unavailable.DATABASE_UNAVAILABLE))
    if request.path.startswith(API_PREFIX):
        return json_error(500, SERVER_ERROR, "server_error")
    return _page(500, "服务器内部错误", SERVER_ERROR)
