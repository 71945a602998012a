from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.db.models import Case, IntegerField, Q, Value, When

from apps.accounts.services import login_throttle
from apps.common.net import client_ip


def find_login_user(identifier: str):
    """The user a login name means: a 工号, else a mobile number (a 工号 wins a tie)."""
    User = get_user_model()
    return (
        User.objects.filter(Q(username=identifier) | Q(mobile=identifier))
        .order_by(
            Case(When(username=identifier, then=Value(0)), default=1, output_field=IntegerField())
        )
        .first()
    )


def login_account(identifier: str) -> str:
    """The account a typed login name stands for: its 工号 whichever identifier was typed,
    so failures by 工号 and by mobile count for the same person."""
    identifier = (identifier or "").strip()
    user = find_login_user(identifier) if identifier else None
    return user.username if user else identifier


def axes_username(request, credentials) -> str:
    """AXES_USERNAME_CALLABLE: django-axes counts and locks the account, not the text typed."""
    credentials = credentials or {}
    typed = credentials.get("username") or getattr(request, "POST", {}).get("username", "")
    return login_account(typed)


class UsernameOrMobileBackend(ModelBackend):
    """Log in with the 工号 (username) or the mobile number."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        user = find_login_user(username)
        if user is None:
            get_user_model()().set_password(password)  # same cost as a real check
            login_throttle.record_failure(username)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            if request is not None:
                login_throttle.record_success(user.username, client_ip(request))
            return user
        login_throttle.record_failure(user.username)
        return None


# What an org admin may do in the Django admin; every admin page also limits the rows
# to the admin's subtrees (apps.common.admin.ScopedAdminMixin). Writes are granted only
# where the admin form cannot step around a service rule: questions get versions, exams
# freeze, scores and records keep their history, so those change through the API.
VIEW, ADD, CHANGE, DELETE = "view", "add", "change", "delete"
ORG_ADMIN_ACTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "accounts": {"orgunit": (VIEW, ADD, CHANGE), "user": (VIEW, ADD, CHANGE)},
    "questions": {
        "material": (VIEW,),
        "passage": (VIEW,),
        "knowledgepoint": (VIEW, ADD, CHANGE),
        "bank": (VIEW, ADD, CHANGE),
        "question": (VIEW,),
        "generationbatch": (VIEW,),
        "questionreview": (VIEW,),
        "questionimage": (VIEW,),
    },
    "exams": {
        model: (VIEW,)
        for model in (
            "paper",
            "paperitem",
            "paperrule",
            "exam",
            "attempt",
            "subjectivegrade",
            "scorechange",
            "regraderun",
        )
    },
    "training": {
        "practicesession": (VIEW,),
        "wrongbookentry": (VIEW,),
        "reviewcard": (VIEW,),
        "dailyquiz": (VIEW,),
        "studytopic": (VIEW, ADD, CHANGE),
        "studyvote": (VIEW,),
    },
    "cases": {
        model: (VIEW,)
        for model in (
            "rubric",
            "rubriccriterion",
            "casecall",
            "case",
            "caseversion",
            "caseimage",
            "casescore",
            "reviewassignment",
            "reviewscore",
        )
    },
    "records": {
        model: (VIEW,)
        for model in (
            "period",
            "component",
            "record",
            "componentscore",
            "indicatorimport",
            "indicatorvalue",
            "adjustment",
            "objection",
        )
    },
    "notices": {"notice": (VIEW, ADD, CHANGE, DELETE)},
}
ORG_ADMIN_PERMISSIONS = frozenset(
    f"{app}.{action}_{model}"
    for app, models in ORG_ADMIN_ACTIONS.items()
    for model, actions in models.items()
    for action in actions
)


class OrgAdminPermissionBackend(BaseBackend):
    """Grants the org-admin role its admin permissions, so that appointing someone an
    admin of a subtree (an AdminScope) is all it takes; nothing to keep in step by hand."""

    def get_all_permissions(self, user_obj, obj=None) -> frozenset[str]:
        if not user_obj.is_active or user_obj.is_anonymous or not user_obj.is_org_admin:
            return frozenset()
        return ORG_ADMIN_PERMISSIONS

    def has_module_perms(self, user_obj, app_label: str) -> bool:
        return any(p.startswith(f"{app_label}.") for p in self.get_all_permissions(user_obj))
