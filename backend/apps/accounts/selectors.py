from django.db.models import Q, QuerySet

from apps.accounts.models import OrgUnit, User
from apps.common import scoping


def user_list(actor: User, params) -> QuerySet[User]:
    qs = scoping.scope_queryset(User.objects.select_related("org_unit"), actor)
    if unit_id := params.get("org_unit"):
        unit = OrgUnit.objects.filter(pk=unit_id).first()
        qs = qs.filter(org_unit__path__startswith=unit.path) if unit else qs.none()
    if search := params.get("search", "").strip():
        qs = qs.filter(
            Q(real_name__contains=search)
            | Q(username__contains=search)
            | Q(mobile__contains=search)
        )
    role = params.get("role")
    if role == "cadre":
        qs = qs.filter(is_cadre=True)
    elif role == "reviewer":
        qs = qs.filter(is_reviewer=True)
    return qs.order_by("org_unit__path", "username")
