"""Who may see which banks, materials, knowledge points and questions.

An org admin manages what their subtrees own. A bank marked `shared_down` may also be
used (read) by admins and cadres below its unit. Cadres read published questions of
those shared banks only, and never their answers (the serializer leaves them out).
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from apps.accounts.models import User, path_ids
from apps.common import scoping
from apps.questions.models import Bank, KnowledgePoint, Material, Question, QuestionImage
from question_bank import similarity


def _ancestor_ids(user: User) -> set[int]:
    """Units at or above the user's own unit and the units they administer."""
    paths = list(user.admin_unit_paths)
    if user.org_unit_id:
        paths.append(user.org_unit.path)
    return {unit_id for path in paths for unit_id in path_ids(path)}


def managed_banks(user: User) -> QuerySet[Bank]:
    return scoping.scope_queryset(Bank.objects.select_related("org_unit"), user)


def usable_banks(user: User) -> QuerySet[Bank]:
    if user.is_superuser:
        return Bank.objects.select_related("org_unit")
    shared = Q(shared_down=True, org_unit_id__in=_ancestor_ids(user))
    if user.is_org_admin:
        shared |= scoping.unit_scope_q(user)
    return Bank.objects.filter(shared).select_related("org_unit")


def with_question_counts(banks: QuerySet[Bank]) -> QuerySet[Bank]:
    """Each bank with the number of its current published questions (`question_count`)."""
    published = Q(questions__is_current=True, questions__status=Question.Status.PUBLISHED)
    return banks.annotate(question_count=Count("questions", filter=published))


def attach_usage(questions: list[Question]) -> list[Question]:
    """Set `times_used` and `facility` on a page of questions (one aggregate query)."""
    from apps.exams.usage import usage_by_lineage  # exams builds on questions, not back

    usage = usage_by_lineage(list({q.lineage for q in questions}))
    for question in questions:
        found = usage.get(question.lineage, {})
        question.times_used = found.get("times_used", 0)
        question.facility = found.get("facility")
    return questions


def can_manage_bank(user: User, bank: Bank) -> bool:
    return scoping.unit_in_scope(user, bank.org_unit)


def visible_materials(user: User) -> QuerySet[Material]:
    """Admins: materials in their subtrees; others: ready materials of units above them."""
    qs = Material.objects.select_related("org_unit")
    if user.is_org_admin:
        return scoping.scope_queryset(qs, user)
    return qs.filter(org_unit_id__in=_ancestor_ids(user), status=Material.Status.READY)


def citable_materials(user: User) -> QuerySet[Material]:
    """Materials whose passages a question written by this admin may cite: those they manage,
    and the ready materials of the units above them (what their own cadres read)."""
    if user.is_superuser:
        return Material.objects.all()
    above = Q(org_unit_id__in=_ancestor_ids(user), status=Material.Status.READY)
    return Material.objects.filter(above | scoping.unit_scope_q(user))


def attach_duplicates(user: User, materials: list[Material]) -> list[Material]:
    """Set `duplicates` on each material: the others in the user's view with the same
    cleaned text (one query for the whole page)."""
    hashes = {m.content_hash for m in materials if m.content_hash}
    same: dict[str, list[Material]] = {}
    if hashes:
        rows = (
            visible_materials(user)
            .filter(content_hash__in=hashes)
            .select_related(None)
            .only("id", "title", "content_hash")
            .order_by("created_at", "id")
        )
        for row in rows:
            same.setdefault(row.content_hash, []).append(row)
    for material in materials:
        material.duplicates = [
            m for m in same.get(material.content_hash, []) if m.pk != material.pk
        ]
    return materials


def visible_knowledge_points(user: User) -> QuerySet[KnowledgePoint]:
    """Confirmed points of the units above; an admin also every point of their subtrees
    (suggested ones included: confirming them is their job, not a township's)."""
    qs = KnowledgePoint.objects.select_related("org_unit")
    above = Q(org_unit_id__in=_ancestor_ids(user), status=KnowledgePoint.Status.CONFIRMED)
    if user.is_superuser:
        return qs
    if user.is_org_admin:
        return qs.filter(above | scoping.unit_scope_q(user))
    return qs.filter(above)


def visible_questions(user: User) -> QuerySet[Question]:
    qs = Question.objects.select_related("bank", "source_passage").prefetch_related(
        "knowledge_points"
    )
    banks = usable_banks(user)
    if not user.is_org_admin:
        return qs.filter(bank__in=banks, status=Question.Status.PUBLISHED, is_current=True)
    managed = Q(bank__in=managed_banks(user))
    shared_published = Q(bank__in=banks, status=Question.Status.PUBLISHED)
    return qs.filter(managed | shared_published)


def duplicate_clusters(bank: Bank, threshold: float) -> list[dict]:
    """Groups of current questions in a bank that are near-duplicates of each other."""
    rows = list(
        Question.objects.filter(bank=bank, is_current=True).values_list(
            "pk", "stem", "options", "status"
        )
    )
    sets = {
        pk: similarity.shingles(similarity.question_text(stem, options))
        for pk, stem, options, _ in rows
    }
    index = similarity.SimilarityIndex(threshold)
    index.build({}, extra=sets.values())
    parent = {pk: pk for pk in sets}
    best: dict[int, float] = {}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for pk, tokens in sets.items():
        for other, score in index.query(tokens):
            parent[root(pk)] = root(other)
            best[pk] = max(best.get(pk, 0), score)
            best[other] = max(best.get(other, 0), score)
        index.add(pk, tokens)
    info = {pk: {"id": pk, "stem": stem[:80], "status": status} for pk, stem, _, status in rows}
    groups: dict[int, list[int]] = {}
    for pk in sets:
        groups.setdefault(root(pk), []).append(pk)
    clusters = [
        {
            "score": max(best[pk] for pk in members),
            "questions": [info[pk] for pk in sorted(members)],
        }
        for members in groups.values()
        if len(members) > 1
    ]
    return sorted(clusters, key=lambda c: -c["score"])


def can_read_material_file(user: User, name: str) -> bool:
    """Media check for stored names under materials/: the uploaded original."""
    return visible_materials(user).filter(file=name).exists()


def can_read_question_image(user: User, name: str) -> bool:
    """Media check for stored names under question-images/.

    Any signed-in user: the images sit in question text that every cadre taking an
    exam or practising is shown, and those paths do not go through bank visibility.
    """
    return QuestionImage.objects.filter(Q(image=name) | Q(thumbnail=name)).exists()
