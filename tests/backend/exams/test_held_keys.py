"""Issue 14 item 1 and 3: no key of a formal exam's pool reaches anyone who could still sit it.

The reproduction: before a cadre's formal attempt, collect every key visible to that cadre
through every endpoint (practice, daily quiz, wrong book, mock result, the reader's 练一练,
grading tasks, the bank, paper preview, export), then assert that none of the questions the
formal attempt draws is among them. The cadre here is also a reviewer and a township admin,
so the staff endpoints are walked too.
"""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.exams import held_keys
from apps.exams.models import Attempt, Exam, Paper, PaperItem, PaperRule, SubjectiveGrade
from apps.exams.services import papers
from apps.questions.models import Bank, KnowledgePoint, Material, Passage, Question
from apps.training.services import daily_quiz
from tests import factories
from tests.backend.training.conftest import make_question, wrong_response

pytestmark = pytest.mark.django_db

# Fields that carry a key; an entry naming a question with one of these filled is a leak.
KEY_FIELDS = (
    "answer",
    "correct_answer",
    "accepted_answers",
    "reference_answer",
    "scoring_points",
    "explanation",
    "explanation_html",
    "source_quote",
    "quote",
    "old_answer",
    "new_answer",
)
ID_FIELDS = ("question_id", "id")


def keyed_question_ids(body, known_ids: set[int]) -> set[int]:
    """Question ids of every JSON object that names a known question and carries a key."""
    found: set[int] = set()

    def walk(node, parent_id=None):
        if isinstance(node, dict):
            qid = next((node[f] for f in ID_FIELDS if isinstance(node.get(f), int)), None)
            qid = qid if qid in known_ids else parent_id
            if qid is not None and any(node.get(f) not in (None, "", [], {}) for f in KEY_FIELDS):
                found.add(qid)
            for value in node.values():
                walk(value, qid)
        elif isinstance(node, list):
            for value in node:
                walk(value, parent_id)

    walk(body)
    return found


def _exam(tree, paper, **extra) -> Exam:
    now = timezone.now()
    values = {
        "title": "正式考试",
        "org_unit": tree.county,
        "paper": paper,
        "opens_at": now - timedelta(hours=1),
        "closes_at": now + timedelta(hours=3),
        "duration_minutes": 60,
        "answer_release": Exam.Release.AFTER_CLOSE,
        **extra,
    }
    exam = Exam.objects.create(**values)
    exam.audience_units.set([tree.county])
    return exam


@pytest.fixture
def world(tree):
    """A held bank (the formal exam's pool), a free bank, a material, a mock and an old exam."""
    held_bank = Bank.objects.create(name="应知应会题库", org_unit=tree.county)
    free_bank = Bank.objects.create(name="自学题库", org_unit=tree.county)
    material = Material.objects.create(
        title="学习材料", org_unit=tree.county, text="正文", status=Material.Status.READY
    )
    passage = Passage.objects.create(
        material=material, key="p1", position=1, kind="paragraph", text="正文", start=0, end=2
    )
    kp = KnowledgePoint.objects.create(name="基层治理", org_unit=tree.county)
    held = [
        make_question(held_bank, qtype, kps=[kp])
        for qtype in ("single", "multiple", "true_false", "fill_in") * 3
    ]
    free = [make_question(free_bank, qtype, kps=[kp]) for qtype in ("single", "true_false")]
    for question in [*held, *free]:
        question.source_passage = passage
        question.save()
    subjective = make_question(held_bank, "short_answer", kps=[kp])
    subjective.scoring_points = [{"point": "要点", "score": "4.00"}]
    subjective.save()

    formal_paper = Paper.objects.create(title="正式卷", org_unit=tree.county, mode="rules")
    PaperRule.objects.create(
        paper=formal_paper, position=1, bank=held_bank, type="short_answer", count=1, points=5
    )
    PaperRule.objects.create(
        paper=formal_paper, position=2, bank=held_bank, count=8, points=Decimal(2)
    )
    formal = _exam(tree, formal_paper, attempts_allowed=1)

    mock_paper = Paper.objects.create(title="模拟卷", org_unit=tree.county)
    for position, question in enumerate([held[0], free[0]], start=1):
        PaperItem.objects.create(paper=mock_paper, position=position, question=question, points=2)
    mock = _exam(
        tree,
        mock_paper,
        title="模拟考试",
        kind=Exam.Kind.MOCK,
        attempts_allowed=3,
        answer_release=Exam.Release.IMMEDIATE,
    )

    # A closed exam whose subjective answer waits for grading, the question from the pool.
    old_paper = Paper.objects.create(title="上月卷", org_unit=tree.county)
    PaperItem.objects.create(paper=old_paper, position=1, question=subjective, points=5)
    now = timezone.now()
    old = _exam(
        tree,
        old_paper,
        title="上月考试",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=29),
    )
    other = factories.make_user(tree.village_b1)
    attempt = Attempt.objects.create(
        exam=old,
        user=other,
        status="submitted",
        started_at=old.opens_at,
        deadline=old.closes_at,
        submitted_at=old.opens_at,
        layout=[{"q": subjective.pk, "p": "5.00", "o": [], "s": ""}],
    )
    SubjectiveGrade.objects.create(attempt=attempt, question=subjective, points=5)
    return {
        "held_bank": held_bank,
        "free_bank": free_bank,
        "material": material,
        "kp": kp,
        "held": [*held, subjective],
        "free": free,
        "formal": formal,
        "mock": mock,
        "old": old,
    }


def _collect_visible_keys(client, world) -> tuple[set[int], list[str]]:
    """Walk every endpoint that can show a key; returns keyed question ids and the paths."""
    known = set(Question.objects.values_list("id", flat=True))
    seen: set[int] = set()
    walked: list[str] = []

    def look(response, path):
        assert response.status_code < 500, (path, response.status_code)
        walked.append(f"{path} → {response.status_code}")
        if response.status_code < 300 and response.get("Content-Type", "").startswith(
            "application/json"
        ):
            seen.update(keyed_question_ids(response.json(), known))

    # Practice by bank, knowledge point, material and passage, answering every question.
    for target in (
        {"bank": world["held_bank"].pk},
        {"bank": world["free_bank"].pk},
        {"knowledge_point": world["kp"].pk},
        {"material": world["material"].pk},
    ):
        started = client.post("/api/v1/practice/", {**target, "count": 50}, format="json")
        look(started, f"POST practice {target}")
        if started.status_code != 201:
            continue
        session = started.json()["session"]["id"]
        for item in started.json()["items"]:
            question = Question.objects.get(pk=item["question"]["id"])
            look(
                client.post(
                    f"/api/v1/practice/{session}/answers",
                    {"question_id": question.pk, "response": wrong_response(question)},
                    format="json",
                ),
                "POST practice answer",
            )
        look(client.get(f"/api/v1/practice/{session}/"), "GET practice session")
    look(client.get("/api/v1/practice/options"), "GET practice options")
    look(client.get(f"/api/v1/practice/passages?material={world['material'].pk}"), "练一练")

    quiz = client.get("/api/v1/daily-quiz/")
    look(quiz, "GET daily quiz")
    for item in quiz.json()["items"]:
        question = Question.objects.get(pk=item["question"]["id"])
        look(
            client.post(
                "/api/v1/daily-quiz/answers",
                {"question_id": question.pk, "response": wrong_response(question)},
                format="json",
            ),
            "POST daily quiz answer",
        )
    look(client.get("/api/v1/daily-quiz/"), "GET daily quiz again")

    book = client.get("/api/v1/wrong-book/?page_size=200")
    look(book, "GET wrong book")
    for entry in book.json()["results"]:
        look(client.get(f"/api/v1/wrong-book/{entry['id']}/"), "GET wrong book entry")
        question = Question.objects.get(pk=entry["question"]["id"])
        look(
            client.post(
                f"/api/v1/wrong-book/{entry['id']}/retry",
                {"response": wrong_response(question)},
                format="json",
            ),
            "POST wrong book retry",
        )

    mock = client.post(f"/api/v1/exams/{world['mock'].pk}/attempts")
    look(mock, "POST mock attempt")
    look(client.post(f"/api/v1/attempts/{mock.json()['id']}/submit"), "POST mock submit")
    look(client.get(f"/api/v1/attempts/{mock.json()['id']}"), "GET mock result")

    # Staff endpoints: grading, the bank, a paper of one's own drawing from the pool, export.
    tasks = client.get("/api/v1/grading-tasks/?pending=0")
    look(tasks, "GET grading tasks")
    for task in SubjectiveGrade.objects.all():
        look(client.get(f"/api/v1/grading-tasks/{task.pk}"), "GET grading task")
    look(client.get("/api/v1/questions/?page_size=200"), "GET questions")
    for question in world["held"]:
        look(client.get(f"/api/v1/questions/{question.pk}/"), "GET question")
    exported = client.get("/api/v1/questions/export?format=json")
    walked.append(f"GET questions export → {exported.status_code}")
    seen.update(q["id"] for q in json.loads(exported.content)["questions"] if q.get("answer"))
    own = client.post(
        "/api/v1/papers/",
        {
            "title": "自拟卷",
            "mode": "rules",
            "org_unit": world["town"].pk,
            "rules": [{"bank": world["held_bank"].pk, "count": 13, "points": "1"}],
        },
        format="json",
    )
    look(own, "POST paper")
    look(client.get(f"/api/v1/papers/{own.json()['id']}/preview"), "GET paper preview")
    return seen, walked


def test_no_key_of_the_formal_pool_is_visible_before_the_attempt(tree, client_for, world):
    world["town"] = tree.town_a
    cadre = factories.make_user(tree.village_a1, is_reviewer=True, admin_of=[tree.town_a])
    world["old"].graders.add(cadre)
    client = client_for(cadre)

    seen, walked = _collect_visible_keys(client, world)

    # The walk did reach keys: the free bank's, shown after each practice answer.
    assert {q.pk for q in world["free"]} <= seen, walked
    attempt = client.post(f"/api/v1/exams/{world['formal'].pk}/attempts")
    assert attempt.status_code == 201, attempt.json()
    drawn = {q["id"] for q in attempt.json()["questions"]}
    assert len(drawn) == 9
    leaked = drawn & seen
    assert not leaked, (leaked, walked)
    # Nor any other question of the pool: the whole held bank stayed hidden.
    assert not {q.pk for q in world["held"]} & seen, walked


def test_practice_skips_held_questions_and_mock_draws_only_unheld(tree, client_for, world):
    cadre = factories.make_user(tree.village_a1)
    client = client_for(cadre)
    refused = client.post("/api/v1/practice/", {"bank": world["held_bank"].pk}, format="json")
    assert refused.status_code == 400
    free_only = client.post(
        "/api/v1/practice/", {"knowledge_point": world["kp"].pk, "count": 50}, format="json"
    )
    # free[0] sits on the mock exam's fixed paper, which the cadre may still sit three times.
    assert {i["question"]["id"] for i in free_only.json()["items"]} == {world["free"][1].pk}
    for bank, count in ((world["free_bank"], 1), (world["held_bank"], 1)):
        paper = Paper.objects.create(title="规则模拟卷", org_unit=tree.county, mode="rules")
        PaperRule.objects.create(paper=paper, position=1, bank=bank, count=count, points=2)
        _exam(tree, paper, title=f"模拟{bank.pk}", kind=Exam.Kind.MOCK, attempts_allowed=3)
    free_mock, held_mock = (
        Exam.objects.filter(title__startswith="模拟").exclude(pk=world["mock"].pk).order_by("pk")
    )
    drawn = client.post(f"/api/v1/exams/{free_mock.pk}/attempts").json()["questions"]
    assert [q["id"] for q in drawn] == [world["free"][1].pk]
    refused = client.post(f"/api/v1/exams/{held_mock.pk}/attempts")
    assert refused.status_code == 409 and refused.json()["detail"] == papers.DRAW_SHORT_HELD


def test_a_held_question_leaves_the_hold_when_the_exam_closes(tree, client_for, world):
    cadre = factories.make_user(tree.village_a1)
    client = client_for(cadre)
    assert client.post("/api/v1/practice/", {"bank": world["held_bank"].pk}).status_code == 400
    Exam.objects.filter(pk=world["formal"].pk).update(closes_at=timezone.now())
    opened = client.post("/api/v1/practice/", {"bank": world["held_bank"].pk}, format="json")
    assert opened.status_code == 201


def test_a_candidate_who_handed_in_is_held_until_the_answers_are_out(tree, client_for, world):
    """Used up their one formal attempt (answers after the close) and the mock's three (answers
    at once): the formal pool stays held while colleagues may still sit, so practice and the
    daily quiz cannot hand the keys to someone who could pass them on; the mock's are out."""
    cadre = factories.make_user(tree.village_a1)
    now = timezone.now()
    for exam, count in ((world["formal"], 1), (world["mock"], 3)):
        for _ in range(count):
            Attempt.objects.create(
                exam=exam, user=cadre, status="submitted", started_at=now, deadline=now
            )
    client = client_for(cadre)
    held = client.post("/api/v1/practice/", {"bank": world["held_bank"].pk}, format="json")
    assert held.status_code == 400
    free = client.post("/api/v1/practice/", {"bank": world["free_bank"].pk}, format="json")
    assert free.status_code == 201
    # Answers released at hand-in: nothing left to keep back.
    world["formal"].answer_release = Exam.Release.IMMEDIATE
    world["formal"].save()
    opened = client.post("/api/v1/practice/", {"bank": world["held_bank"].pk}, format="json")
    assert opened.status_code == 201


def test_a_candidate_who_handed_in_gets_no_key_from_the_daily_quiz(tree, client_for, world):
    cadre = factories.make_user(tree.village_a1)
    now = timezone.now()
    Attempt.objects.create(
        exam=world["formal"], user=cadre, status="submitted", started_at=now, deadline=now
    )
    question = world["held"][0]
    assert held_keys.held_for(cadre).holds(question)
    quiz = daily_quiz.today_quiz(cadre, now)
    assert not quiz.items.filter(question__bank=world["held_bank"]).exists()


def test_a_cadre_outside_the_audience_is_not_held(tree, client_for, world):
    Exam.objects.filter(pk__in=[world["formal"].pk, world["mock"].pk]).update(
        updated_at=timezone.now()
    )
    for exam in (world["formal"], world["mock"]):
        exam.audience_units.set([tree.town_b])
        exam.save()
    cadre = factories.make_user(tree.village_a1)
    opened = client_for(cadre).post(
        "/api/v1/practice/", {"bank": world["held_bank"].pk}, format="json"
    )
    assert opened.status_code == 201


def test_a_grader_never_grades_an_exam_they_sit(tree, client_for, world):
    reviewer = factories.make_user(tree.department, is_cadre=False, is_reviewer=True)
    old = world["old"]
    old.audience_roles = ["cadre"]
    old.save()
    client = client_for(reviewer)
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 0  # not assigned
    old.graders.add(reviewer)
    # Still nothing: the subjective question is in the formal pool, which holds it from the
    # reviewer (the formal exam's audience is the whole county).
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 0
    world["formal"].audience_roles = ["cadre"]
    world["formal"].save()
    world["mock"].audience_roles = ["cadre"]
    world["mock"].save()
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 1
    old.audience_roles = []  # now the reviewer is in the old exam's audience
    old.save()
    assert client.get("/api/v1/grading-tasks/").json()["count"] == 0


def test_a_key_correction_note_stays_hidden_from_a_candidate_admin(tree, client_for, world):
    for exam in (world["formal"], world["mock"]):
        exam.audience_roles = ["cadre"]  # the county admin below is no cadre: not held
        exam.save()
    county = factories.make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    question = world["held"][0]  # single choice, key B
    corrected = client_for(county).post(
        "/api/v1/regrades/",
        {"question_id": question.pk, "answer": "C", "reason": "原答案有误"},
        format="json",
    )
    assert corrected.status_code == 201
    candidate = factories.make_user(tree.village_a1, admin_of=[tree.town_a])
    history = client_for(candidate).get(f"/api/v1/questions/{question.pk}/history")
    assert history.status_code == 200
    notes = [log["comment"] for log in history.json()]
    assert notes and not any("'C'" in note or "'B'" in note for note in notes), notes
    # The county admin (no candidate) reads the note as written.
    own = client_for(county).get(f"/api/v1/questions/{question.pk}/history").json()
    assert any("'C'" in log["comment"] for log in own)


def test_reopening_a_practice_session_shows_no_key_while_an_attempt_is_open(
    tree, client_for, world
):
    cadre = factories.make_user(tree.village_a1)
    client = client_for(cadre)
    free = world["free"][1]
    started = client.post("/api/v1/practice/", {"bank": world["free_bank"].pk}, format="json")
    session = started.json()["session"]["id"]
    answered = client.post(
        f"/api/v1/practice/{session}/answers",
        {"question_id": free.pk, "response": wrong_response(free)},
        format="json",
    )
    assert answered.status_code == 200, answered.json()
    assert answered.json()["correct_answer"] is not None
    assert client.post(f"/api/v1/exams/{world['formal'].pk}/attempts").status_code == 201
    reopened = client.get(f"/api/v1/practice/{session}/").json()
    feedback = next(i["feedback"] for i in reopened["items"] if i["question"]["id"] == free.pk)
    assert feedback["key_held"] is True
    assert feedback["correct_answer"] is None and feedback["explanation"] == ""


def test_a_candidate_admin_reads_no_item_analysis_of_the_pool_held_from_them(
    tree, client_for, world
):
    """甲镇's admin is also a cadre in the county exam's audience. Their people who already sat
    it answered the pool; per question, the spread of their choices (e.g. all five chose B,
    facility 1.0) is the key. So the item analysis leaves out held questions until the
    exam's answers are out for the admin (here at the close, even after they sat it)."""
    for _ in range(2):
        client = client_for(factories.make_user(tree.village_a1))
        attempt = client.post(f"/api/v1/exams/{world['formal'].pk}/attempts").json()
        for item in attempt["questions"]:
            question = Question.objects.get(pk=item["id"])
            client.put(
                f"/api/v1/attempts/{attempt['id']}/answers/{question.pk}",
                {"response": wrong_response(question), "seq": 1},
                format="json",
            )
        assert client.post(f"/api/v1/attempts/{attempt['id']}/submit").status_code == 200
    candidate = client_for(factories.make_user(tree.village_a1, admin_of=[tree.town_a]))
    url = f"/api/v1/exams/{world['formal'].pk}/items"

    held = candidate.get(url)

    assert held.status_code == 200, held.content.decode()
    assert held.json()["items"] == [] and held.json()["held_out"] > 0
    own = candidate.post(f"/api/v1/exams/{world['formal'].pk}/attempts")
    assert own.status_code == 201
    candidate.post(f"/api/v1/attempts/{own.json()['id']}/submit")
    # Handed in, but the answers are out only after the close: still held till then.
    assert candidate.get(url).json()["items"] == []
    now = timezone.now()
    Exam.objects.filter(pk=world["formal"].pk).update(
        opens_at=now - timedelta(hours=2), closes_at=now - timedelta(hours=1)
    )
    assert candidate.get(url).json()["items"], "the sitting is over: nothing is held any more"


def test_a_dry_run_import_is_no_oracle_for_a_held_key(tree, client_for, world):
    """The county exam draws 甲镇's bank, and 甲镇's admin is a cadre who will sit it. A dry run
    importing one of its questions four times, with the answers A to D, once reported the
    row whose answer equals the key as an exact duplicate ("skipped")."""
    from tests.backend.questions.test_import_export import _csv, _import

    town_bank = Bank.objects.create(name="甲镇题库", org_unit=tree.town_a)
    question = make_question(town_bank, "single")
    paper = Paper.objects.create(title="县卷", org_unit=tree.county, mode="rules")
    PaperRule.objects.create(paper=paper, position=1, bank=town_bank, count=1, points=2)
    _exam(tree, paper, title="县考试（抽甲镇题）")
    candidate = client_for(factories.make_user(tree.village_a1, admin_of=[tree.town_a]))
    options = {f"选项{o['key']}": o["text"] for o in question.options}
    rows = [
        {"题型": "单选", "题干": question.stem, **options, "答案": key}
        for key in "ABCD"[: len(options)]
    ]

    report = _import(candidate, town_bank, _csv(rows), dry_run=1).json()

    assert report["skipped"] == [], report
    # Still told that the bank holds the same question (stem and options, no key).
    assert {d["row"] for d in report["duplicates"]} >= {2}


def test_a_candidate_admin_cannot_write_the_questions_of_a_bank_held_from_them(
    tree, client_for, world
):
    """The county exam draws 甲镇's bank and 甲镇's admin will sit it. The keys are hidden
    from them, but a key they set, a draft they publish or a correction they make would not
    be: every write to that bank's questions waits until they can no longer sit the exam."""
    from tests.backend.questions.test_import_export import GOOD, _csv, _import

    town_bank = Bank.objects.create(name="甲镇题库", org_unit=tree.town_a)
    question = make_question(town_bank, "single")
    pending = make_question(town_bank, "true_false", status=Question.Status.PENDING)
    paper = Paper.objects.create(title="县卷", org_unit=tree.county, mode="rules")
    PaperRule.objects.create(paper=paper, position=1, bank=town_bank, count=1, points=2)
    exam = _exam(tree, paper, title="县考试（抽甲镇题）", attempts_allowed=1)
    candidate = client_for(factories.make_user(tree.village_a1, admin_of=[tree.town_a]))
    material = Material.objects.create(
        title="镇里的材料", org_unit=tree.town_a, text="正文。", status=Material.Status.READY
    )
    writes = {
        "edit": lambda: candidate.patch(
            f"/api/v1/questions/{question.pk}/", {"answer": "C"}, format="json"
        ),
        "create": lambda: candidate.post(
            "/api/v1/questions/",
            {
                "bank": town_bank.pk,
                "type": "true_false",
                "stem": "新增的判断题",
                "answer": True,
            },
            format="json",
        ),
        "publish": lambda: candidate.post(
            f"/api/v1/questions/{pending.pk}/review", {"action": "approve"}, format="json"
        ),
        "correct key": lambda: candidate.post(
            "/api/v1/regrades/",
            {"question_id": question.pk, "answer": "C", "reason": "原答案有误"},
            format="json",
        ),
        "import": lambda: _import(candidate, town_bank, _csv([GOOD])),
        "generate": lambda: candidate.post(
            f"/api/v1/materials/{material.pk}/generate", {"bank": town_bank.pk}, format="json"
        ),
    }
    for name, write in writes.items():
        refused = write()
        assert refused.status_code == 409, (name, refused.content.decode())
        assert "考试结束" in refused.json()["detail"], name
    question.refresh_from_db()
    pending.refresh_from_db()
    assert (question.answer, question.is_current, pending.status) == ("B", True, "pending")
    assert list(town_bank.questions.values_list("pk", flat=True).order_by("pk")) == [
        question.pk,
        pending.pk,
    ]

    # Once they have sat it (no attempt left), they are the bank's admin again.
    attempt = candidate.post(f"/api/v1/exams/{exam.pk}/attempts").json()
    assert candidate.post(f"/api/v1/attempts/{attempt['id']}/submit").status_code == 200
    assert writes["edit"]().status_code == 200
