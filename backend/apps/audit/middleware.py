"""Records each finished request that counts (see apps.audit.recorder) in the log."""

import logging

from apps.audit import recorder

logger = logging.getLogger(__name__)


class AuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 503:  # the database is down: nothing changed, nothing to write
            return response
        try:
            recorder.record_request(request, response)
        except Exception:
            # The change itself is done; a log failure must not turn it into an error.
            logger.exception("operation log: could not record %s %s", request.method, request.path)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if recorder.wants_object_name_first(request):
            try:
                request.audit_object_name = recorder.object_name(request.resolver_match)
            except Exception:
                logger.exception("operation log: could not name the object of %s", request.path)
        return None
