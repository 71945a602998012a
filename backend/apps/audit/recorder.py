"""From a finished request to an operation log entry: which requests count, and what
the entry says about them.

Recorded: every write (POST, PUT, PATCH, DELETE) by staff (org admins, superusers,
Django-admin staff, reviewers), in the API and in the Django admin, successful or
refused; the downloads in actions.ACTIONS and any other API attachment a staff member
downloads; password changes by anyone. Not recorded: a candidate's own exam, practice
and case writing (actions.PERSONAL_ROUTES), and reads.
"""

from __future__ import annotations

from django.apps import apps
from django.urls import ResolverMatch

from apps.accounts.models import User
from apps.audit import actions, services
from apps.audit.actions import Action

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
ADMIN_NAMESPACE = "admin"
ADMIN_SKIPPED = frozenset({"login", "index", "jsi18n", "autocomplete", "view_on_site"})
SECRET_KEYS = frozenset(
    {
        "password",
        "old_password",
        "new_password",
        "new_password1",
        "new_password2",
        "password1",
        "password2",
        "token",
        "initial_password",
        "initial_passwords",
        "csrfmiddlewaretoken",
    }
)
MAX_VALUE_CHARS = 100
MAX_KEYS = 40
MAX_LIST_ITEMS = 20
LOCKED_CODE = "locked"


def is_staff(user) -> bool:
    return bool(user.is_staff or user.is_superuser or user.is_reviewer or user.is_org_admin)


def wants_object_name_first(request) -> bool:
    """A delete: the object's name must be read before the view removes it."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    if match.namespace == ADMIN_NAMESPACE:
        return request.method == "POST" and (match.url_name or "").endswith("_delete")
    return request.method == "DELETE"


def object_name(match: ResolverMatch) -> str:
    """str() of the object the route names, or "" when there is none (or it is gone)."""
    model = _model_for(match)
    object_id = _object_id(match)
    if model is None or not object_id:
        return ""
    found = model._default_manager.filter(pk=object_id).first()
    return str(found)[:200] if found is not None else ""


def record_request(request, response) -> None:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return
    url_name = match.url_name or ""
    if match.namespace == ADMIN_NAMESPACE:
        _record_admin(request, response, match)
        return
    if url_name in ("auth-login", "auth-token"):
        _record_refusal_while_locked(request, response)
        return
    if url_name in actions.NEVER_RECORDED or url_name in actions.PERSONAL_ROUTES:
        return
    method = request.method
    if method in SAFE_METHODS and not _is_download(request, response, url_name):
        return
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    if url_name not in actions.ALWAYS_RECORDED and not is_staff(user):
        return
    action = actions.for_route(url_name, method)
    object_id = _object_id(match) or _created_id(response)
    repr_ = getattr(request, "audit_object_name", None)
    if repr_ is None and object_id and 200 <= response.status_code < 300:
        repr_ = _name_of(action.object_type, object_id)
    services.record(
        action,
        request=request,
        actor=user,
        object_id=object_id,
        object_repr=repr_ or "",
        status_code=response.status_code,
        succeeded=200 <= response.status_code < 400,
        detail=_detail(request, response),
    )


def _record_admin(request, response, match: ResolverMatch) -> None:
    url_name = match.url_name or ""
    if request.method in SAFE_METHODS or url_name in ADMIN_SKIPPED:
        return
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return
    model = _model_for(match)
    if url_name == "logout":
        action = actions.ACTIONS[("auth-logout", "POST")]
    elif url_name.endswith("_password_change"):
        action = actions.ADMIN_PASSWORD_CHANGE
    elif model is None:
        action = Action(f"admin.{url_name}", f"管理后台操作：{url_name}")
    else:
        action = actions.for_admin(url_name, model._meta.label)
    object_id = _object_id(match)
    repr_ = getattr(request, "audit_object_name", None)
    if repr_ is None and object_id:
        repr_ = object_name(match)
    detail = {}
    if url_name.endswith("_changelist"):
        detail = {
            "admin_action": request.POST.get("action", ""),
            "selected": request.POST.getlist("_selected_action")[:MAX_LIST_ITEMS],
        }
    # The admin redirects after a change it accepted and shows the form again otherwise.
    succeeded = response.status_code in (301, 302, 303)
    if succeeded and (change := _admin_change_message(user, object_id)):
        detail["change"] = change
    services.record(
        action,
        request=request,
        actor=user,
        object_id=object_id,
        object_repr=repr_ or "",
        status_code=response.status_code,
        succeeded=succeeded,
        detail=detail,
    )


def _admin_change_message(user, object_id: str) -> str:
    """What the admin itself noted about this change ("已修改 评审员 和 管理范围。")."""
    from django.contrib.admin.models import LogEntry

    entry = LogEntry.objects.filter(user_id=user.pk).order_by("-action_time", "-id").first()
    if entry is None or (object_id and entry.object_id != object_id):
        return ""
    return entry.get_change_message()[:500]


def _record_refusal_while_locked(request, response) -> None:
    """While an account is locked, django-axes is asked before authenticating, so no
    login signal fires; the refusal is logged here (once per request)."""
    data = getattr(response, "data", None)
    if response.status_code != 403 or not isinstance(data, dict) or data.get("code") != LOCKED_CODE:
        return
    if getattr(request, "audit_recorded", False):
        return  # the failure that locked the account was logged by the signals
    typed = _request_data(response).get("username") or ""
    typed = typed if isinstance(typed, str) else ""
    services.record(
        actions.LOGIN_REFUSED_LOCKED,
        request=request,
        actor=find_user(typed),
        actor_username=typed,
        status_code=403,
        succeeded=False,
    )


def find_user(identifier: str) -> User | None:
    """The account a login form's identifier names (工号 or mobile), if any."""
    if not identifier:
        return None
    return (
        User.objects.filter(username=identifier).first()
        or User.objects.filter(mobile=identifier).first()
    )


def _is_download(request, response, url_name: str) -> bool:
    if not 200 <= response.status_code < 300:
        return False
    if (url_name, request.method) in actions.ACTIONS:
        return True
    disposition = response.get("Content-Disposition", "")
    return request.path.startswith("/api/") and disposition.startswith("attachment")


def _object_id(match: ResolverMatch) -> str:
    # The API names it pk; the admin object_id, and id on its password form.
    value = match.kwargs.get("pk") or match.kwargs.get("object_id") or match.kwargs.get("id")
    return str(value) if value is not None else ""


def _created_id(response) -> str:
    data = getattr(response, "data", None)
    if response.status_code == 201 and isinstance(data, dict) and "id" in data:
        return str(data["id"])
    return ""


def _model_for(match: ResolverMatch):
    if match.namespace == ADMIN_NAMESPACE:
        prefix = (match.url_name or "").rsplit("_", 1)[0]
        for model in apps.get_models():
            if f"{model._meta.app_label}_{model._meta.model_name}" == prefix:
                return model
        return None
    label = actions.OBJECT_TYPES.get(actions.object_type_for_route(match.url_name or ""))
    return apps.get_model(label[1]) if label and label[1] else None


def _name_of(object_type: str, object_id: str) -> str:
    label = actions.OBJECT_TYPES.get(object_type, ("", None))[1]
    if not label:
        return ""
    found = apps.get_model(label)._default_manager.filter(pk=object_id).first()
    return str(found)[:200] if found is not None else ""


def _request_data(response) -> dict:
    """The parsed body of a DRF request (DRF keeps it on the response's context)."""
    drf_request = getattr(response, "renderer_context", {}).get("request")
    if drf_request is None:
        return {}
    try:
        data = drf_request.data
    except Exception:  # an unparsable body was already refused by the view
        return {}
    return data if hasattr(data, "keys") else {}


def _field_names(data) -> list[str]:
    return sorted(str(key) for key in data if key not in SECRET_KEYS)[:MAX_KEYS]


def _short(value):
    """A value worth keeping in the log: a short scalar, or a short list of them."""
    if isinstance(value, bool | int | float) or value is None:
        return value
    if isinstance(value, str) and len(value) <= MAX_VALUE_CHARS:
        return value
    if isinstance(value, list) and len(value) <= MAX_LIST_ITEMS:
        items = [_short(item) for item in value]
        if all(item is not _OMITTED for item in items) and not any(
            isinstance(item, list) for item in items
        ):
            return items
    return _OMITTED


_OMITTED = object()


def _detail(request, response) -> dict:
    """Which fields were sent (with short values, never secrets), the query string, the
    files uploaded, the counts an import answered with, and the error if refused."""
    detail: dict = {}
    data = _request_data(response)
    if data:
        fields = {}
        for key in _field_names(data):
            value = data.getlist(key) if hasattr(data, "getlist") else data[key]
            if isinstance(value, list) and len(value) == 1 and hasattr(data, "getlist"):
                value = value[0]
            short = _short(value)
            fields[key] = "…" if short is _OMITTED else short
        detail["fields"] = fields
    if request.GET:
        detail["query"] = {key: request.GET.get(key) for key in list(request.GET)[:MAX_KEYS]}
    if request.FILES:
        detail["files"] = [upload.name for upload in request.FILES.values()][:MAX_LIST_ITEMS]
    body = getattr(response, "data", None)
    if isinstance(body, dict):
        if response.status_code >= 400 and isinstance(body.get("detail"), str):
            detail["error"] = body["detail"][:200]
        counts = {
            key: value
            for key, value in body.items()
            if isinstance(value, int) and not isinstance(value, bool) and key != "id"
        }
        if counts and response.status_code < 400:
            detail["result"] = dict(list(counts.items())[:MAX_KEYS])
    return detail
