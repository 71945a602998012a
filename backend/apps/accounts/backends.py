from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend, ModelBackend
from django.db.models import Q


class UsernameOrMobileBackend(ModelBackend):
    """Log in with the 工号 (username) or the mobile number."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        User = get_user_model()
        user = User.objects.filter(Q(username=username) | Q(mobile=username)).first()
        if user is None:
            User().set_password(password)  # same cost as a real check, against timing probes
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
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
