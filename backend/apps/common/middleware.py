"""Request checks that hold for every path, before any view runs."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpResponseBadRequest, JsonResponse

from apps.common.api.exceptions import json_error, refused_request
from apps.common.api.parsers import PARSED_JSON, InputRefused, clean_querydict, parse_json

API_PREFIX = "/api/"


def _has_json_body(request) -> bool:
    json_type = request.content_type == "application/json" or request.content_type.endswith("+json")
    return json_type and request.method not in ("GET", "HEAD", "OPTIONS") and bool(request.body)


class RequestInputMiddleware:
    """Refuses a NUL in any query string (naming the parameter), and parses every JSON
    body sent to the API once, with the nesting limit and the same cleaning as the DRF
    parsers, so hand-written views get the same protection. Oversized bodies get the
    Chinese 413 instead of Django's English 400 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path.startswith(API_PREFIX)
        try:
            if "%00" in request.META.get("QUERY_STRING", ""):
                clean_querydict(request.GET)
            if api and _has_json_body(request):
                data, changed = parse_json(request.body)
                setattr(request, PARSED_JSON, data)
                if changed:  # views that read request.body themselves see the clean text too
                    request._body = json.dumps(data, ensure_ascii=False).encode()
        except InputRefused as refused:
            if api:
                return json_error(400, refused.message, refused.code, refused.errors)
            return HttpResponseBadRequest(
                f"{refused.field}：{refused.message}", content_type="text/plain; charset=utf-8"
            )
        except SuspiciousOperation as exc:  # RequestDataTooBig from request.body
            status, body = refused_request(exc)
            return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Our Content-Security-Policy on every response, including the files WhiteNoise
    serves (the app shell, the service worker), unless a view set its own (uploaded
    files get a sandbox); and `Cache-Control: no-store` on every API response, which
    carry personal data, unless a view chose its own caching."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.policy)
        if request.path.startswith(API_PREFIX):
            response.setdefault("Cache-Control", "no-store")
        return response
