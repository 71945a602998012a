"""How questions fared in exams, for the bank's question list: in how many exams each was
answered and its facility (share of graded answers that were right), per question lineage
(every version of a question counts), computed in one aggregate query for a whole page.

An attempt's per-question grades live in its `item_scores` JSON keyed by question id
(`{"<id>": {"s": "2.00", "c": true}}`), so the facility reads the key of each answer's own
question inside the database: the expression below does that on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid

from django.db.models import Avg, Count, F, FloatField, Func

from apps.exams.models import Answer, Attempt


class ItemCorrect(Func):
    """1.0 when the attempt graded this answer's question right, 0.0 wrong, NULL ungraded."""

    output_field = FloatField()

    def __init__(self):
        super().__init__(F("attempt__item_scores"), F("question_id"))

    def _parts(self, compiler, connection):
        scores, qid = (compiler.compile(e) for e in self.get_source_expressions())
        return scores, qid

    def as_sqlite(self, compiler, connection, **extra):
        (scores, p1), (qid, p2) = self._parts(compiler, connection)
        sql = (
            f"(CASE json_extract({scores}, '$.\"' || {qid} || '\".c') "
            "WHEN 1 THEN 1.0 WHEN 0 THEN 0.0 END)"
        )
        return sql, (*p1, *p2)

    def as_postgresql(self, compiler, connection, **extra):
        (scores, p1), (qid, p2) = self._parts(compiler, connection)
        sql = (
            f"(CASE ({scores} -> ({qid})::text ->> 'c') "
            "WHEN 'true' THEN 1.0 WHEN 'false' THEN 0.0 END)"
        )
        return sql, (*p1, *p2)

    def as_sql(self, compiler, connection, **extra):  # other databases are not supported
        raise NotImplementedError(connection.vendor)


def usage_by_lineage(lineages: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    """{lineage: {"times_used": exams, "facility": 0..1 or None}} for submitted attempts."""
    if not lineages:
        return {}
    rows = (
        Answer.objects.filter(
            question__lineage__in=lineages, attempt__status=Attempt.Status.SUBMITTED
        )
        .values("question__lineage")
        .annotate(exams=Count("attempt__exam", distinct=True), facility=Avg(ItemCorrect()))
        .order_by()
    )
    return {
        row["question__lineage"]: {
            "times_used": row["exams"],
            "facility": None if row["facility"] is None else round(row["facility"], 3),
        }
        for row in rows
    }
