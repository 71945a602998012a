"""Issue 14 item 8: the role × scope matrix.

Every GET operation of the OpenAPI schema (generated in-process) is called as a cadre of 甲镇,
a cadre of 乙镇, a reviewer, 甲镇's admin and the county admin, with real ids from a world of
objects in both townships and the county (tests/backend/scope_world.py). For each call:

- the status is what the tables below say: 2xx for an object the role may read, 403 or 404
  for anything else (never a 5xx);
- the body holds no marker of an object the role may not see (【乙私】 for 甲镇's people, ...),
  which catches a list that forgets its scope;
- the body carries no answer key except of the questions the role may know (the county's
  open exam holds its bank from both cadres).

An operation missing from the tables fails the suite: a new endpoint must be added here,
with the scope it promises. The cross-boundary writes of issue 14 are checked at the end.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from apps.cases.models import (
    Case,
    CaseCall,
    CaseScore,
    ReviewAssignment,
    Rubric,
    RubricCriterion,
)
from apps.exams.models import Attempt, Exam, ExamLog, ExtraTime, Paper
from apps.notices.models import Notice
from apps.questions.models import GenerationBatch, KnowledgePoint, Material, Question
from apps.records.models import ComponentScore, Period
from tests import factories
from tests.backend import scope_world
from tests.backend.exams.test_held_keys import KEY_FIELDS

pytestmark = pytest.mark.django_db

NONE = ""
ALL = "cadre_a cadre_b reviewer admin_a county"
ADMINS = "admin_a county"

# GET operations with an {id}: the objects tried, then which of them each role reads (2xx).
# A role may read nothing ("") and then gets 403 or 404 for every object.
DETAIL: dict[str, tuple[str, dict[str, str]]] = {
    "attempts/{id}": (
        "attempt_a attempt_b",
        {"cadre_a": "attempt_a", "cadre_b": "attempt_b"},
    ),
    "attempts/{id}/clock": (
        "attempt_a attempt_b",
        {"cadre_a": "attempt_a", "cadre_b": "attempt_b"},
    ),
    "banks/{id}/": (
        "bank_c bank_free bank_a bank_b",
        {
            "cadre_a": "bank_c bank_free",
            "cadre_b": "bank_c bank_free",
            "reviewer": "bank_c bank_free",
            "admin_a": "bank_c bank_free bank_a",
            "county": "bank_c bank_free bank_a bank_b",
        },
    ),
    "case-calls/{id}": ("call_c", {role: "call_c" for role in ALL.split()}),
    # Stats and open assignments (SAME_AS): 甲镇's admin follows their part of the county's
    # call without the reviewers' names (no workload table, 评审员1… on open tasks).
    "case-calls/{id}/stats": ("call_c", {"admin_a": "call_c", "county": "call_c"}),
    "case-library/{id}": (
        "case_library case_a",
        {role: "case_library" for role in ALL.split()},
    ),
    "case-rubrics/{id}": ("rubric", {role: "rubric" for role in ALL.split()}),
    "cases/{id}": (
        "case_a case_b",
        {"cadre_a": "case_a", "cadre_b": "case_b", "admin_a": "case_a", "county": "case_a case_b"},
    ),
    # Its reviewers: by name for the call's organizer (the county); 甲镇's admin reads their
    # own people's case with the reviewers as 评审员1, 评审员2… (the 【评审人】 marker checks it).
    "cases/{id}/reviewers": ("case_a case_b", {"admin_a": "case_a", "county": "case_a case_b"}),
    # The call's reviewer pool, for picking one: only the call's organizer (the county).
    "cases/{id}/candidates": ("case_a case_b", {"county": "case_a case_b"}),
    "exams/{id}": (
        "exam_c exam_a exam_b exam_old",
        {
            "cadre_a": "exam_c exam_a exam_old",
            "cadre_b": "exam_c exam_b exam_old",
            # An admin follows (reads) an exam their people take, as its reports do.
            "admin_a": "exam_c exam_a exam_old",
            "county": "exam_c exam_a exam_b exam_old",
        },
    ),
    "exams/{id}/graders": (
        "exam_c exam_a exam_b",
        {"admin_a": "exam_a", "county": "exam_c exam_a exam_b"},
    ),
    "generation-batches/{id}/": (
        "batch_a batch_b",
        {"admin_a": "batch_a", "county": "batch_a batch_b"},
    ),
    "grading-tasks/{id}": ("grading_task", {"reviewer": "grading_task", "county": "grading_task"}),
    "knowledge-points/{id}/": (
        "kp_c kp_c_suggested kp_a kp_b",
        {
            "cadre_a": "kp_c kp_a",
            "cadre_b": "kp_c kp_b",
            "reviewer": "kp_c",
            "admin_a": "kp_c kp_a",
            "county": "kp_c kp_c_suggested kp_a kp_b",
        },
    ),
    "materials/{id}/": (
        "material_c material_a material_b",
        {
            "cadre_a": "material_c material_a",
            "cadre_b": "material_c material_b",
            "reviewer": "material_c",
            "admin_a": "material_a",
            "county": "material_c material_a material_b",
        },
    ),
    "notices/{id}": ("notice_c notice_b", {"county": "notice_c notice_b"}),
    "org-units/{id}/": (
        "unit_county unit_a unit_b",
        {
            "cadre_a": "unit_county unit_a",
            "cadre_b": "unit_county unit_b",
            "reviewer": "unit_county",
            "admin_a": "unit_a",
            "county": "unit_county unit_a unit_b",
        },
    ),
    "papers/{id}": (
        "paper_c paper_a paper_b",
        {"admin_a": "paper_a", "county": "paper_c paper_a paper_b"},
    ),
    "periods/{id}/": (
        "period_c period_b",
        {
            "cadre_a": "period_c",
            "cadre_b": "period_c",
            "reviewer": "period_c",
            "admin_a": "period_c",
            "county": "period_c period_b",
        },
    ),
    "practice/{id}/": ("practice_a practice_b", {"cadre_a": "practice_a", "cadre_b": "practice_b"}),
    "questions/{id}/": (
        "q_c q_free q_a q_b",
        {
            "cadre_a": "q_c q_free",
            "cadre_b": "q_c q_free",
            "reviewer": "q_c q_free",
            "admin_a": "q_c q_free q_a",
            "county": "q_c q_free q_a q_b",
        },
    ),
    "questions/{id}/history": ("q_c q_a q_b", {"admin_a": "q_c q_a", "county": "q_c q_a q_b"}),
    "records/{id}/": (
        "record_a record_b",
        {
            "cadre_a": "record_a",
            "cadre_b": "record_b",
            "admin_a": "record_a",
            "county": "record_a record_b",
        },
    ),
    "reviews/{id}": ("review", {"reviewer": "review"}),
    "users/{id}/": ("user_a user_b", {"admin_a": "user_a", "county": "user_a user_b"}),
    "wrong-book/{id}/": ("wrong_a wrong_b", {"cadre_a": "wrong_a", "cadre_b": "wrong_b"}),
}
# Operations that read the same objects as another one, under the same rule.
SAME_AS = {
    "exams/{id}/grading": "exams/{id}/graders",
    "exams/{id}/history": "exams/{id}/progress",
    "exams/{id}/items": "exams/{id}/progress",
    "exams/{id}/monitor": "exams/{id}/progress",
    "exams/{id}/not-started.xlsx": "exams/{id}/progress",
    "exams/{id}/score-sheet.docx": "exams/{id}/progress",
    "exams/{id}/stats": "exams/{id}/progress",
    "exams/{id}/results.xlsx": "exams/{id}/progress",
    "materials/{id}/passages/": "materials/{id}/",
    "papers/{id}/preview": "papers/{id}",
    "periods/{id}/adjustments": "periods/{id}/table",
    "periods/{id}/distribution": "periods/{id}/table",
    "periods/{id}/indicators/template.xlsx": "periods/{id}/table",
    "periods/{id}/records.xlsx": "periods/{id}/table",
    "periods/{id}/readiness": "periods/{id}/table",
    "case-calls/{id}/assignments": "case-calls/{id}/stats",
    "records/{id}/history": "records/{id}/",
}
DETAIL.update(
    {
        # Reports: an admin follows an exam their people take, limited to those people.
        "exams/{id}/progress": (
            "exam_c exam_a exam_b exam_old",
            {"admin_a": "exam_c exam_a exam_old", "county": "exam_c exam_a exam_b exam_old"},
        ),
        # A township admin reads (their part of) the county's period, not another township's.
        "periods/{id}/table": (
            "period_c period_b",
            {"admin_a": "period_c", "county": "period_c period_b"},
        ),
    }
)

# GET operations without an {id}: the roles that get 2xx (the rest 403), and the query.
LISTS: dict[str, tuple[str, str]] = {
    "audit-log/": (ADMINS, "?page_size=200"),
    "audit-log/catalogue": (ADMINS, ""),
    "audit-log/export.xlsx": (ADMINS, ""),
    "auth/csrf": (ALL, ""),
    "auth/me": (ALL, ""),
    "banks/": (ALL, ""),
    "case-calls/": (ALL, ""),
    "case-library/": (ALL, ""),
    "case-rubrics/": (ALL, ""),
    "case-reviewers/": (ADMINS, ""),
    "cases/": (ALL, ""),
    "console/dashboard": (ADMINS, ""),
    "daily-quiz/": ("cadre_a cadre_b", ""),
    "exams/": (ALL, ""),
    "generation-batches/": (ADMINS, ""),
    "generator/stats": (ADMINS, ""),
    "grading-tasks/": ("reviewer admin_a county", "?pending=0"),
    "knowledge-points/": (ALL, ""),
    "materials/": (ALL, ""),
    "notices/": (ADMINS, ""),
    "notices/mine": (ALL, ""),
    "objections/": (ADMINS, ""),
    "org-units/": (ALL, ""),
    "papers/": (ADMINS, ""),
    "periods/": (ALL, ""),
    "practice/": ("cadre_a cadre_b", ""),
    "practice/options": ("cadre_a cadre_b", ""),
    "practice/passages": ("cadre_a cadre_b", "?material={material_c}"),
    "questions/": (ALL, "?page_size=200"),
    "questions/duplicates": ("county", "?bank={bank_b}"),
    "questions/export": (ADMINS, "?format=json"),
    "questions/template.xlsx": (ALL, ""),
    "records/": (ADMINS, ""),
    "records/me": (ALL, ""),
    "regrades/": (ADMINS, ""),
    "reviews/": ("reviewer admin_a county", ""),
    "study-needs/": ("cadre_a cadre_b", ""),
    "study-needs/ranking": (ADMINS, ""),
    "users/": (ADMINS, ""),
    "users/export.xlsx": (ADMINS, ""),
    "users/template.xlsx": (ADMINS, ""),
    "wrong-book/": ("cadre_a cadre_b", ""),
    "wrong-book/summary": ("cadre_a cadre_b", ""),
}


def get_operations() -> list[str]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return sorted(p.removeprefix("/api/v1/") for p, ops in schema["paths"].items() if "get" in ops)


def body_text(response) -> str:
    """The response as text: JSON and text as they are, a spreadsheet cell by cell."""
    content_type = response.get("Content-Type", "")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" in content_type:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        cells = (
            c for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row
        )
        return "\n".join(str(c) for c in cells if c is not None)
    return content.decode("utf-8", errors="replace")


def keyed_questions(body) -> set[int]:
    """Ids of question-like JSON objects that carry a key field with a value."""
    found: set[int] = set()

    def walk(node):
        if isinstance(node, dict):
            qid = node.get("question_id")
            if not isinstance(qid, int) and ("stem" in node or "stem_html" in node):
                qid = node.get("id")
            if isinstance(qid, int) and any(
                node.get(f) not in (None, "", [], {}) for f in KEY_FIELDS
            ):
                found.add(qid)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(body)
    return found


class Matrix:
    def __init__(self, world):
        self.world = world
        self.clients = {role: factories.client_for(u) for role, u in world.users.items()}
        self.problems: list[str] = []
        self.requests = 0

    def call(self, role: str, path: str, want_ok: bool) -> None:
        response = self.clients[role].get(f"/api/v1/{path}")
        self.requests += 1
        status = response.status_code
        where = f"{role:8} GET {path} → {status}"
        if (
            status >= 500
            or (want_ok and status >= 300)
            or (not want_ok and status not in (403, 404))
        ):
            self.problems.append(f"{where}, expected {'2xx' if want_ok else '403/404'}")
        if status >= 300:
            return
        text = body_text(response)
        for marker in scope_world.FORBIDDEN_MARKERS[role]:
            if marker in text:
                self.problems.append(f"{where}: shows {marker}")
        if response.get("Content-Type", "").startswith("application/json"):
            keyed = keyed_questions(response.json()) - self.world.may_know_keys[role]
            if keyed:
                self.problems.append(f"{where}: keys of questions {sorted(keyed)}")


def fill(template: str, world) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(world.id(m.group(1))), template)


@pytest.fixture
def world():
    return scope_world.build()


def test_every_get_operation_is_scoped_for_every_role(world):
    operations = get_operations()
    unknown = [
        op for op in operations if op not in DETAIL and op not in SAME_AS and op not in LISTS
    ]
    assert not unknown, f"GET operations missing from the scope matrix (add them): {unknown}"

    matrix = Matrix(world)
    for op in operations:
        if op in LISTS:
            roles, query = LISTS[op]
            for role in scope_world.ROLES:
                matrix.call(role, op + fill(query, world), role in roles.split())
            continue
        names, readable = DETAIL[SAME_AS.get(op, op)]
        for role in scope_world.ROLES:
            for name in names.split():
                want = name in readable.get(role, NONE).split()
                matrix.call(role, op.replace("{id}", str(world.id(name))), want)
    assert not matrix.problems, "\n".join(matrix.problems)
    # The closing note's figures: operations covered and requests made.
    print(f"scope matrix: {len(operations)} GET operations, {matrix.requests} requests, 5 roles")


# --- cross-boundary writes: refused, and nothing changed ---------------------------------
def _paper(world, **changes) -> dict:
    return {"title": "越权试卷", "mode": "rules", "org_unit": world.id("unit_a"), **changes}


def _exam(world, **changes) -> dict:
    now = timezone.now()
    return {
        "title": "越权考试",
        "org_unit": world.id("unit_a"),
        "paper": world.id("paper_a"),
        "opens_at": now.isoformat(),
        "closes_at": (now + timezone.timedelta(hours=2)).isoformat(),
        "duration_minutes": 30,
        "audience_units": [world.id("unit_a")],
        **changes,
    }


# (case, role, method, path, body, expected status, error field)
WRITES = [
    (
        "paper rule from another township's bank",
        "admin_a",
        "post",
        "papers/",
        lambda w: _paper(w, rules=[{"bank": w.id("bank_b"), "count": 1, "points": "1"}]),
        400,
        "rules.0.bank",
    ),
    (
        "paper item from another township's bank",
        "admin_a",
        "post",
        "papers/",
        lambda w: _paper(w, mode="fixed", items=[{"question_id": w.id("q_b"), "points": "1"}]),
        400,
        "items.0",
    ),
    (
        "paper rule on another township's knowledge point",
        "admin_a",
        "post",
        "papers/",
        lambda w: _paper(
            w,
            rules=[
                {"bank": w.id("bank_a"), "count": 1, "points": "1", "knowledge_point": w.id("kp_b")}
            ],
        ),
        400,
        "rules.0.knowledge_point",
    ),
    (
        "exam for the county",
        "admin_a",
        "post",
        "exams/",
        lambda w: _exam(w, audience_units=[w.id("unit_county")]),
        400,
        "audience_units.0",
    ),
    (
        "exam for another township",
        "admin_a",
        "post",
        "exams/",
        lambda w: _exam(w, audience_units=[w.id("unit_a"), w.id("unit_b")]),
        400,
        "audience_units.1",
    ),
    (
        "exam naming another township's cadre",
        "admin_a",
        "post",
        "exams/",
        lambda w: _exam(w, audience_users=[w.id("user_b")]),
        400,
        "audience_users.0",
    ),
    (
        "exam on the county's paper",
        "admin_a",
        "post",
        "exams/",
        lambda w: _exam(w, paper=w.id("paper_c")),
        400,
        "paper",
    ),
    (
        "moving one's exam to another township",
        "admin_a",
        "patch",
        "exams/{exam_a}",
        lambda w: {"audience_units": [w.id("unit_b")]},
        400,
        "audience_units.0",
    ),
    (
        "adjusting a record of the county's period",
        "admin_a",
        "post",
        "records/{record_a}/adjust",
        lambda w: {
            "component": w["period_c"].components.get(kind="adjust").pk,
            "adjustment": "5",
            "reason": "越权",
        },
        403,
        None,
    ),
    (
        "arbitrating another township's case",
        "admin_a",
        "post",
        "cases/{case_b}/arbitrate",
        lambda w: {"score": "50", "reason": "越权"},
        404,
        None,
    ),
    (
        "deciding an objection on the county's period",
        "admin_a",
        "post",
        "objections/{objection_a}/resolve",
        lambda w: {"action": "reject", "reply": "驳回"},
        403,
        None,
    ),
    (
        "graders of the county's exam",
        "admin_a",
        "put",
        "exams/{exam_c}/graders",
        lambda w: {"graders": []},
        404,
        None,
    ),
    (
        "a grader outside one's scope",
        "admin_a",
        "put",
        "exams/{exam_a}/graders",
        lambda w: {"graders": [w.users["reviewer"].pk]},
        400,
        "graders.0",
    ),
    (
        "a grader who is no reviewer",
        "county",
        "put",
        "exams/{exam_c}/graders",
        lambda w: {"graders": [w.users["cadre_a"].pk]},
        400,
        "graders.0",
    ),
    (
        "moving one's material to another township",
        "admin_a",
        "patch",
        "materials/{material_a}/",
        lambda w: {"org_unit": w.id("unit_b")},
        400,
        "org_unit",
    ),
    (
        "renaming another township's material",
        "admin_a",
        "patch",
        "materials/{material_b}/",
        lambda w: {"title": "越权改名"},
        404,
        None,
    ),
    (
        "re-ingesting another township's material",
        "admin_a",
        "post",
        "materials/{material_b}/reingest",
        lambda w: {},
        404,
        None,
    ),
    (
        "generating into another township's bank",
        "admin_a",
        "post",
        "materials/{material_a}/generate",
        lambda w: {"bank": w.id("bank_b"), "counts": {"single": 1}},
        404,
        None,
    ),
    (
        "merging another township's knowledge point",
        "admin_a",
        "post",
        "knowledge-points/{kp_b}/merge",
        lambda w: {"target": w.id("kp_a")},
        404,
        None,
    ),
    (
        "merging into another township's knowledge point",
        "admin_a",
        "post",
        "knowledge-points/{kp_a}/merge",
        lambda w: {"target": w.id("kp_b")},
        404,
        None,
    ),
    (
        "marking questions on another cadre's answer sheet",
        "cadre_a",
        "put",
        "attempts/{attempt_b}/flags",
        lambda w: {"question_ids": []},
        404,
        None,
    ),
    (
        "retiring another township's question in a batch",
        "admin_a",
        "post",
        "questions/review-batch",
        lambda w: {"ids": [w.id("q_b")], "action": "retire"},
        200,
        None,
    ),
    (
        "closing the county's exam",
        "admin_a",
        "post",
        "exams/{exam_c}/close",
        lambda w: {"reason": "越权"},
        404,
        None,
    ),
    (
        "cancelling another township's exam",
        "admin_a",
        "post",
        "exams/{exam_b}/cancel",
        lambda w: {"reason": "越权"},
        404,
        None,
    ),
    (
        "extending another township's exam",
        "admin_a",
        "post",
        "exams/{exam_b}/extend",
        lambda w: {"closes_at": "2099-01-01T00:00:00Z", "reason": "越权"},
        404,
        None,
    ),
    (
        "extra time for another township's cadre",
        "admin_a",
        "post",
        "exams/{exam_a}/extra-time",
        lambda w: {"user": w.users["cadre_b"].pk, "minutes": 10, "reason": "越权"},
        404,
        None,
    ),
    (
        "extra time before start in the county's exam, for one's own cadre",
        "admin_a",
        "post",
        "exams/{exam_c}/extra-time",
        lambda w: {"user": w.users["cadre_a"].pk, "minutes": 10, "reason": "越权"},
        404,
        None,
    ),
    (
        "extra time before start in another township's exam",
        "admin_a",
        "post",
        "exams/{exam_b}/extra-time",
        lambda w: {"user": w.users["cadre_b"].pk, "minutes": 10, "reason": "越权"},
        404,
        None,
    ),
    (
        "a notice naming another township's cadre",
        "admin_a",
        "post",
        "notices/",
        lambda w: {"title": "越权", "body": "正文", "audience_users": [w.users["cadre_b"].pk]},
        400,
        "audience_users",
    ),
    (
        "editing another township's notice",
        "admin_a",
        "patch",
        "notices/{notice_b}",
        lambda w: {"title": "越权", "audience_units": [w.id("unit_a")]},
        404,
        None,
    ),
    (
        "withdrawing the county's notice",
        "admin_a",
        "post",
        "notices/{notice_c}/withdraw",
        lambda w: {},
        404,
        None,
    ),
    (
        "withdrawing another township's notice",
        "admin_a",
        "post",
        "notices/{notice_b}/withdraw",
        lambda w: {},
        404,
        None,
    ),
    (
        "a notice's reach in another township",
        "admin_a",
        "post",
        "notices/reach",
        lambda w: {"audience_units": [w.id("unit_b")]},
        400,
        "audience_units",
    ),
    (
        "a notice's reach naming another township's cadre",
        "admin_a",
        "post",
        "notices/reach",
        lambda w: {"audience_users": [w.users["cadre_b"].pk]},
        400,
        "audience_users",
    ),
    (
        "flagging an item of the county's exam",
        "admin_a",
        "post",
        "exams/{exam_c}/items/{q_c}/flag",
        lambda w: {"reason": "越权"},
        404,
        None,
    ),
    (
        "copying another township's paper",
        "admin_a",
        "post",
        "papers/{paper_b}/copy",
        lambda w: {},
        404,
        None,
    ),
    (
        "head count of another township",
        "admin_a",
        "post",
        "exams/audience-count",
        lambda w: {"org_unit": w.id("unit_a"), "audience_units": [w.id("unit_b")]},
        400,
        "audience_units.0",
    ),
    (
        "a new question citing another township's material",
        "admin_a",
        "post",
        "questions/",
        lambda w: {
            "bank": w.id("bank_a"),
            "type": "single",
            "stem": "越权引用",
            "options": scope_world.ABCD,
            "answer": "A",
            "source_passage": w["material_b"].passages.get().pk,
        },
        400,
        "source_passage",
    ),
    (
        "re-citing one's question to another township's material",
        "admin_a",
        "patch",
        "questions/{q_a}/",
        lambda w: {"source_passage": w["material_b"].passages.get().pk},
        400,
        "source_passage",
    ),
    # Probe 17: the refusal named the knowledge point, so trying ids read every township's.
    (
        "a new question on another township's knowledge point",
        "admin_a",
        "post",
        "questions/",
        lambda w: {
            "bank": w.id("bank_a"),
            "type": "single",
            "stem": "越权知识点",
            "options": scope_world.ABCD,
            "answer": "A",
            "knowledge_points": [w.id("kp_b")],
        },
        400,
        "knowledge_points",
    ),
    (
        "tagging one's question with another township's knowledge point",
        "admin_a",
        "patch",
        "questions/{q_a}/",
        lambda w: {"knowledge_points": [w.id("kp_a"), w.id("kp_b")]},
        400,
        "knowledge_points",
    ),
    (
        "a period counting another township's exam",
        "admin_a",
        "post",
        "periods/",
        lambda w: {**_period_body(w), "exams": [w.id("exam_a"), w.id("exam_b")]},
        400,
        "exams.1",
    ),
    (
        "a period component naming another township's exam",
        "admin_a",
        "post",
        "periods/",
        lambda w: {
            **_period_body(w),
            "exams": [w.id("exam_a")],
            "components": [
                {"name": "考试", "kind": "exam", "weight": "100", "exams": [w.id("exam_b")]}
            ],
        },
        400,
        "components.0.exams",
    ),
    (
        "reassigning a review of the county's call (one's own township's case)",
        "admin_a",
        "post",
        "reviews/{review}/reassign",
        lambda w: {"reviewer": _spare_reviewer(w).pk},
        403,
        None,
    ),
    (
        "adding a reviewer to one's own township's case in the county's call",
        "admin_a",
        "post",
        "cases/{case_a}/reviewers",
        lambda w: {"reviewer": _spare_reviewer(w).pk},
        403,
        None,
    ),
    (
        "deciding one's own township's case in the county's call",
        "admin_a",
        "post",
        "cases/{case_a}/arbitrate",
        lambda w: {"score": "99", "reason": "本镇案例"},
        403,
        None,
    ),
    (
        "adjusting the score of one's own township's case in the county's call",
        "admin_a",
        "post",
        "cases/{case_a}/score",
        lambda w: {"score": "99", "reason": "本镇案例"},
        403,
        None,
    ),
    (
        "publishing one's own township's case of the county's call",
        "admin_a",
        "post",
        "cases/{case_a}/publish",
        lambda w: {},
        403,
        None,
    ),
    (
        "rewriting the criteria of the county call's rubric",
        "admin_a",
        "put",
        "case-rubrics/{rubric}",
        lambda w: {"name": "改过的标准", "criteria": [{"name": "关系", "max_score": "100"}]},
        403,
        None,
    ),
]


def _spare_reviewer(w):
    """A reviewer from 乙镇, free to review 甲镇's case."""
    return factories.make_user(w["unit_b"], is_cadre=False, is_reviewer=True, real_name="乙评审")


def _period_body(w) -> dict:
    return {
        "name": "甲镇考核",
        "kind": "year",
        "start_date": "2026-01-01",
        "end_date": "2026-12-31",
        "org_unit": w.id("unit_a"),
        "components": [{"name": "考试", "kind": "exam", "weight": "100"}],
    }


def _state(world) -> tuple:
    exam_a = world["exam_a"]
    return (
        Paper.objects.count(),
        Exam.objects.count(),
        sorted(exam_a.audience_units.values_list("pk", flat=True)),
        list(ComponentScore.objects.values_list("adjustment", flat=True).order_by("pk")),
        world["objection_a"].__class__.objects.get(pk=world.id("objection_a")).status,
        sorted(world["exam_c"].graders.values_list("pk", flat=True)),
        sorted(exam_a.graders.values_list("pk", flat=True)),
        list(Material.objects.values_list("pk", "title", "org_unit", "status").order_by("pk")),
        list(KnowledgePoint.objects.values_list("pk", "name", "status").order_by("pk")),
        list(Question.objects.values_list("pk", "status").order_by("pk")),
        GenerationBatch.objects.count(),
        list(Exam.objects.values_list("pk", "status", "closes_at").order_by("pk")),
        list(Attempt.objects.values_list("pk", "status", "deadline").order_by("pk")),
        list(Attempt.objects.values_list("pk", "flagged").order_by("pk")),
        list(ExtraTime.objects.values_list("exam", "user", "minutes").order_by("pk")),
        list(Notice.objects.values_list("pk", "title", "expires_at").order_by("pk")),
        list(Notice.audience_units.through.objects.values_list("notice", "orgunit")),
        list(Question.objects.values_list("pk", "source_passage").order_by("pk")),
        list(Period.objects.values_list("pk", "exams").order_by("pk", "exams")),
        list(ReviewAssignment.objects.values_list("pk", "reviewer", "status").order_by("pk")),
        list(Case.objects.values_list("pk", "status", "published_at").order_by("pk")),
        list(CaseScore.objects.values_list("case", "score").order_by("pk")),
        list(CaseCall.objects.values_list("pk", "rubric").order_by("pk")),
        list(RubricCriterion.objects.values_list("rubric", "name", "max_score").order_by("pk")),
        list(Rubric.objects.values_list("pk", "name").order_by("pk")),
    )


@pytest.mark.parametrize(
    ("case", "role", "method", "path", "body", "status", "field"),
    WRITES,
    ids=[w[0] for w in WRITES],
)
def test_cross_boundary_writes_are_refused_and_change_nothing(
    world, case, role, method, path, body, status, field
):
    before = _state(world)
    client = factories.client_for(world.users[role])
    response = getattr(client, method)(f"/api/v1/{fill(path, world)}", body(world), format="json")
    assert response.status_code == status, response.content.decode()
    if field:
        assert field in response.json()["errors"], response.json()
    assert _state(world) == before
    # A refusal names nothing the caller may not see (an exam's title, a person's name):
    # ids can be guessed, so naming them would tell who or what sits behind each one.
    text = response.content.decode()
    leaked = [m for m in scope_world.FORBIDDEN_MARKERS[role] if m in text]
    assert not leaked, text


# Admin-only POSTs that read nothing of a unit (previews, counts): other roles get 403.
ADMIN_ONLY_POSTS = [
    ("notices/preview", lambda w: {"body": "正文"}),
    ("notices/reach", lambda w: {}),
    ("notices/{notice_c}/withdraw", lambda w: {}),
]


@pytest.mark.parametrize(("path", "body"), ADMIN_ONLY_POSTS, ids=[p[0] for p in ADMIN_ONLY_POSTS])
def test_admin_only_posts_refuse_cadres_and_reviewers(world, path, body):
    before = _state(world)
    for role in ("cadre_a", "cadre_b", "reviewer"):
        client = factories.client_for(world.users[role])
        response = client.post(f"/api/v1/{fill(path, world)}", body(world), format="json")
        assert response.status_code == 403, (role, response.content.decode())
    assert _state(world) == before


def test_a_township_admin_grants_extra_time_before_start_to_own_cadre_only(world):
    """A grant in scope is kept, logged and shown in the person's monitor row to both admins
    who see that person; grants across the boundary are in WRITES above."""
    exam_a, cadre_a = world["exam_a"], world.users["cadre_a"]
    admin_a = factories.client_for(world.users["admin_a"])
    response = admin_a.post(
        f"/api/v1/exams/{exam_a.pk}/extra-time",
        {"user": cadre_a.pk, "minutes": 10, "reason": "老花眼"},
        format="json",
    )
    assert response.status_code == 200, response.content.decode()
    assert ExtraTime.objects.get(exam=exam_a).user == cadre_a
    assert ExamLog.objects.get(exam=exam_a, kind="extra_time").actor == world.users["admin_a"]
    for role in ("admin_a", "county"):
        people = factories.client_for(world.users[role]).get(f"/api/v1/exams/{exam_a.pk}/monitor")
        row = next(p for p in people.json()["people"] if p["user_id"] == cadre_a.pk)
        assert row["extra_minutes"] == 10


def test_the_owner_sets_graders_and_a_township_admin_its_own(world):
    county = factories.client_for(world.users["county"])
    reviewer = world.users["reviewer"]
    response = county.put(
        f"/api/v1/exams/{world.id('exam_c')}/graders", {"graders": [reviewer.pk]}, format="json"
    )
    assert response.status_code == 200
    assert [g["id"] for g in response.json()["graders"]] == [reviewer.pk]
    assert (
        county.get(f"/api/v1/exams/{world.id('exam_c')}/graders").json()["graders"][0]["username"]
        == reviewer.username
    )
    assert Decimal(0) == Decimal(0)


def test_the_django_admin_shows_a_township_admin_nothing_outside_their_scope(world, client):
    """Every changelist of /admin/, filters included (the question list's bank filter once
    named every bank), as 甲镇's admin."""
    from django.contrib import admin

    client.force_login(world.users["admin_a"])
    pages = 0
    for model in admin.site._registry:
        meta = model._meta
        response = client.get(f"/admin/{meta.app_label}/{meta.model_name}/")
        if response.status_code == 403:
            continue
        pages += 1
        assert response.status_code == 200, (meta.label, response.status_code)
        text = response.content.decode()
        for marker in scope_world.FORBIDDEN_MARKERS["admin_a"]:
            assert marker not in text, (meta.label, marker)
    assert pages >= 10


def test_a_period_links_the_exams_and_calls_its_admin_follows(world):
    """The county links 乙镇's exam to 乙镇's period; 甲镇's admin links the county's exam (their
    people sit it) but not a call of 乙镇's; a link the county set stays when 甲镇 edits."""
    county = factories.client_for(world.users["county"])
    response = county.patch(
        f"/api/v1/periods/{world.id('period_b')}/", {"exams": [world.id("exam_b")]}, format="json"
    )
    assert response.status_code == 200, response.content.decode()
    assert response.json()["exams"] == [world.id("exam_b")]

    call_b = CaseCall.objects.create(
        title="乙镇征集" + scope_world.B_PRIVATE,
        theme="主题",
        opens_at=world["call_c"].opens_at,
        closes_at=world["call_c"].closes_at,
        org_unit=world["unit_b"],
        rubric=world["rubric"],
    )
    call_b.audience_units.add(world["unit_b"])
    admin_a = factories.client_for(world.users["admin_a"])
    body = {**_period_body(world), "exams": [world.id("exam_c")]}
    refused = admin_a.post("/api/v1/periods/", {**body, "case_calls": [call_b.pk]}, format="json")
    assert refused.status_code == 400
    assert "case_calls.0" in refused.json()["errors"]
    assert scope_world.B_PRIVATE not in refused.content.decode()
    created = admin_a.post(
        "/api/v1/periods/", {**body, "case_calls": [world.id("call_c")]}, format="json"
    )
    assert created.status_code == 201, created.content.decode()

    period = Period.objects.get(pk=created.json()["id"])
    period.exams.add(world["exam_b"])  # as the county would have linked it
    kept = admin_a.patch(
        f"/api/v1/periods/{period.pk}/",
        {"name": "改名", "exams": [world.id("exam_c"), world.id("exam_b")]},
        format="json",
    )
    assert kept.status_code == 200, kept.content.decode()


def test_the_django_admin_forms_offer_a_township_admin_nothing_outside_their_scope(world, client):
    """Every add form, and the change form of every row the admin may open: a select once
    listed every person of the county (a bank's 创建人, a topic's 提出人)."""
    from django.contrib import admin
    from django.test import RequestFactory

    admin_a = world.users["admin_a"]
    client.force_login(admin_a)
    request = RequestFactory().get("/admin/")
    request.user = admin_a
    forms = 0
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        base = f"/admin/{meta.app_label}/{meta.model_name}/"
        urls = [f"{base}add/"]
        urls += [
            f"{base}{pk}/change/"
            for pk in model_admin.get_queryset(request).values_list("pk", flat=True)[:20]
        ]
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue
            forms += 1
            text = response.content.decode()
            for marker in scope_world.FORBIDDEN_MARKERS["admin_a"]:
                assert marker not in text, (url, marker)
    assert forms >= 20


def test_the_django_admin_history_pages_stay_inside_the_scope(world, client):
    """django-simple-history's pages (a period, a record, a case score...) once showed any
    row's history by id, with names and scores, whatever the admin's scope."""
    from django.contrib import admin
    from simple_history.admin import SimpleHistoryAdmin

    client.force_login(world.users["admin_a"])
    pages = 0
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, SimpleHistoryAdmin):
            continue
        meta = model._meta
        for row in model.history.all()[:50]:
            base = f"/admin/{meta.app_label}/{meta.model_name}/{row.id}/history/"
            for url in (base, f"{base}{row.history_id}/"):
                response = client.get(url)
                assert response.status_code in (200, 403, 404), (url, response.status_code)
                if response.status_code == 200:
                    pages += 1
                    for marker in scope_world.FORBIDDEN_MARKERS["admin_a"]:
                        assert marker not in response.content.decode(), (url, marker)
    assert pages >= 2


def test_review_work_in_the_operation_log_reaches_the_organizer_only(world):
    """The marker check above is vacuous if the entry is missing: the county reads it."""
    query = {"object_type": "review", "page_size": 200}
    county = factories.client_for(world.users["county"]).get("/api/v1/audit-log/", query)
    assert scope_world.REVIEW_LINK in body_text(county)
    admin_a = factories.client_for(world.users["admin_a"]).get("/api/v1/audit-log/", query)
    assert admin_a.json()["count"] == 0
