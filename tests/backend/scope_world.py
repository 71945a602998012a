"""A small county with objects in two townships and the county, for the role × scope matrix
and the schemathesis run.

Every object private to 乙镇 (or to its cadre) carries the marker 【乙私】 in its text, every
object private to 甲镇 (or to its cadre) carries 【甲私】, and the county's unconfirmed knowledge
point carries 【县建议】; the reviewer's name carries 【评审人】, which blind review keeps from
the cadres and from 甲镇's admin (not the organizer of the county's case call). A role that may not see such objects must never receive the marker
in any response, whatever the endpoint: that is how a list without scoping is caught.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from apps.accounts.models import User
from apps.audit import actions
from apps.audit import services as audit_services
from apps.cases.models import Case, CaseCall, ReviewAssignment, Rubric, RubricCriterion
from apps.cases.models.cases import CaseVersion
from apps.exams.models import (
    Attempt,
    Exam,
    Paper,
    PaperItem,
    PaperRule,
    RegradeRun,
    SubjectiveGrade,
)
from apps.notices.models import Notice
from apps.questions.models import (
    Bank,
    GenerationBatch,
    KnowledgePoint,
    Material,
    Passage,
    Question,
)
from apps.records.models import Objection
from apps.records.services import periods
from apps.records.services.compute import recompute
from apps.training.models import PracticeAnswer, PracticeSession, WrongBookEntry
from tests import factories

A_PRIVATE = "【甲私】"
B_PRIVATE = "【乙私】"
COUNTY_SUGGESTED = "【县建议】"
# The reviewer's name: blind review keeps it from the authors and their own unit's admin.
REVIEWER_NAME = "【评审人】"
# 甲镇's own reviewer; the log entry linking them to 甲镇's case names both (cases.Review-
# Assignment's str), and only the call's organizer (the county) may receive it.
A_REVIEWER = "二村评审员"
REVIEW_LINK = f"甲镇案例 ← {A_REVIEWER}"
ROLES = ("cadre_a", "cadre_b", "reviewer", "admin_a", "county")
# The markers each role must never receive.
FORBIDDEN_MARKERS = {
    "cadre_a": (B_PRIVATE, REVIEWER_NAME, REVIEW_LINK),
    "cadre_b": (A_PRIVATE, REVIEWER_NAME, REVIEW_LINK),
    "reviewer": (A_PRIVATE, B_PRIVATE, REVIEW_LINK),
    "admin_a": (B_PRIVATE, COUNTY_SUGGESTED, REVIEWER_NAME, REVIEW_LINK),
    "county": (),
}
COMPONENTS = [
    {"name": "理论考试", "kind": "exam", "weight": Decimal(50), "aggregation": "best"},
    {
        "name": "入户走访率",
        "kind": "indicator",
        "weight": Decimal(50),
        "level": "user",
        "value_min": Decimal(0),
        "value_max": Decimal(100),
        "mapping": "linear",
    },
    {"name": "加减分", "kind": "adjust", "weight": Decimal(0), "cap": Decimal(10)},
]
ABCD = [{"key": k, "text": f"选项{k}"} for k in "ABCD"]


@dataclass
class World:
    users: dict[str, User]
    objects: dict[str, object] = field(default_factory=dict)
    # Question ids whose keys each role may receive; any other key in a response is a leak.
    may_know_keys: dict[str, set[int]] = field(default_factory=dict)

    def __getitem__(self, name: str):
        return self.objects[name]

    def id(self, name: str) -> int:
        return self.objects[name].pk


def _question(bank, marker="", qtype="single", **extra) -> Question:
    defaults = {
        "single": ("B", ABCD),
        "short_answer": ("参考答案" + marker, []),
    }
    answer, options = defaults[qtype]
    return Question.objects.create(
        bank=bank,
        type=qtype,
        stem=f"{bank.name}的{qtype}题干{marker}",
        options=options,
        answer=answer,
        explanation=f"解析{marker}",
        source_quote=f"出处原文{marker}",
        scoring_points=[{"point": f"要点{marker}", "score": "4.00"}] if qtype != "single" else [],
        status=extra.pop("status", Question.Status.PUBLISHED),
        **extra,
    )


def build() -> World:
    now = timezone.now()
    tree = factories.make_tree()
    for unit in (tree.town_b, tree.village_b1):
        unit.name += B_PRIVATE
        unit.save()
    for unit in (tree.village_a1,):
        unit.name += A_PRIVATE
        unit.save()
    users = {
        "cadre_a": factories.make_user(tree.village_a1, real_name="甲干部" + A_PRIVATE),
        "cadre_b": factories.make_user(tree.village_b1, real_name="乙干部" + B_PRIVATE),
        "reviewer": factories.make_user(
            tree.department, is_cadre=False, is_reviewer=True, real_name="评审专家" + REVIEWER_NAME
        ),
        "admin_a": factories.make_user(
            tree.town_a, is_cadre=False, admin_of=[tree.town_a], real_name="甲镇管理员"
        ),
        "county": factories.make_user(
            tree.department, is_cadre=False, admin_of=[tree.county], real_name="县管理员"
        ),
    }
    w = World(users=users)
    o = w.objects
    o.update(unit_county=tree.county, unit_a=tree.town_a, unit_b=tree.town_b)
    o["user_a"], o["user_b"] = users["cadre_a"], users["cadre_b"]

    # --- the bank: a held county bank, a free one for practice, one private per township ---
    o["bank_c"] = Bank.objects.create(name="县考试题库", org_unit=tree.county)
    o["bank_free"] = Bank.objects.create(name="县练习题库", org_unit=tree.county)
    o["bank_a"] = Bank.objects.create(
        name="甲镇题库" + A_PRIVATE, org_unit=tree.town_a, shared_down=False
    )
    o["bank_b"] = Bank.objects.create(
        name="乙镇题库" + B_PRIVATE, org_unit=tree.town_b, shared_down=False
    )
    o["material_c"] = Material.objects.create(
        title="县学习材料", org_unit=tree.county, text="正文", status=Material.Status.READY
    )
    o["material_a"] = Material.objects.create(
        title="甲镇材料" + A_PRIVATE, org_unit=tree.town_a, text="正文", status="ready"
    )
    o["material_b"] = Material.objects.create(
        title="乙镇材料" + B_PRIVATE, org_unit=tree.town_b, text="正文", status="ready"
    )
    for name in ("material_c", "material_a", "material_b"):
        Passage.objects.create(
            material=o[name], key="p1", position=1, kind="paragraph", text="正文", start=0, end=2
        )
    o["kp_c"] = KnowledgePoint.objects.create(name="县知识点", org_unit=tree.county)
    o["kp_c_suggested"] = KnowledgePoint.objects.create(
        name="县建议知识点" + COUNTY_SUGGESTED, org_unit=tree.county, status="suggested"
    )
    o["kp_a"] = KnowledgePoint.objects.create(name="甲镇知识点" + A_PRIVATE, org_unit=tree.town_a)
    o["kp_b"] = KnowledgePoint.objects.create(name="乙镇知识点" + B_PRIVATE, org_unit=tree.town_b)
    passage_c = o["material_c"].passages.get()
    o["q_c"] = _question(o["bank_c"], source_passage=passage_c)
    o["q_c_subjective"] = _question(o["bank_c"], qtype="short_answer")
    o["q_free"] = _question(o["bank_free"], source_passage=passage_c)
    o["q_a"] = _question(o["bank_a"], A_PRIVATE)
    o["q_b"] = _question(o["bank_b"], B_PRIVATE)
    for name in ("q_c", "q_free", "q_c_subjective"):
        o[name].knowledge_points.add(o["kp_c"])
    o["batch_a"] = GenerationBatch.objects.create(material=o["material_a"], bank=o["bank_a"])
    o["batch_b"] = GenerationBatch.objects.create(material=o["material_b"], bank=o["bank_b"])
    _question(o["bank_b"], B_PRIVATE, status="draft", generation_batch=o["batch_b"])
    o["regrade_b"] = RegradeRun.objects.create(
        question=o["q_b"], old_answer="A", new_answer="B", reason="更正" + B_PRIVATE
    )

    # --- papers and exams: an open formal county exam (holds bank_c from cadres) ---
    o["paper_c"] = Paper.objects.create(title="县试卷", org_unit=tree.county, mode="rules")
    PaperRule.objects.create(
        paper=o["paper_c"], position=1, bank=o["bank_c"], type="single", count=1, points=2
    )
    o["paper_a"] = Paper.objects.create(title="甲镇试卷" + A_PRIVATE, org_unit=tree.town_a)
    PaperItem.objects.create(paper=o["paper_a"], position=1, question=o["q_a"], points=2)
    o["paper_b"] = Paper.objects.create(title="乙镇试卷" + B_PRIVATE, org_unit=tree.town_b)
    PaperItem.objects.create(paper=o["paper_b"], position=1, question=o["q_b"], points=2)
    o["paper_old"] = Paper.objects.create(title="上月试卷", org_unit=tree.county)
    PaperItem.objects.create(
        paper=o["paper_old"], position=1, question=o["q_c_subjective"], points=5
    )

    def exam(name, unit, paper, audience, opens, closes, **extra):
        o[name] = Exam.objects.create(
            title=extra.pop("title"),
            org_unit=unit,
            paper=paper,
            opens_at=now + opens,
            closes_at=now + closes,
            duration_minutes=60,
            audience_roles=["cadre"],
            **extra,
        )
        o[name].audience_units.set([audience])

    hour, day = timedelta(hours=1), timedelta(days=1)
    exam("exam_c", tree.county, o["paper_c"], tree.county, -hour, 3 * hour, title="县正式考试")
    exam("exam_a", tree.town_a, o["paper_a"], tree.town_a, -hour, 3 * hour, title="甲" + A_PRIVATE)
    exam("exam_b", tree.town_b, o["paper_b"], tree.town_b, -hour, 3 * hour, title="乙" + B_PRIVATE)
    exam("exam_old", tree.county, o["paper_old"], tree.county, -30 * day, -29 * day, title="旧")
    o["exam_old"].graders.add(users["reviewer"])
    layout = [{"q": o["q_c_subjective"].pk, "p": "5.00", "o": [], "s": ""}]
    o["attempt_a"] = Attempt.objects.create(
        exam=o["exam_old"],
        user=users["cadre_a"],
        status="submitted",
        started_at=now - 30 * day,
        deadline=now - 30 * day + hour,
        submitted_at=now - 30 * day,
        layout=layout,
        pending_review=True,
        max_score=5,
    )
    o["grading_task"] = SubjectiveGrade.objects.create(
        attempt=o["attempt_a"], question=o["q_c_subjective"], points=5
    )
    o["attempt_b"] = Attempt.objects.create(
        exam=o["exam_b"],
        user=users["cadre_b"],
        started_at=now,
        deadline=now + hour,
        layout=[{"q": o["q_b"].pk, "p": "2.00", "o": ["A", "B", "C", "D"], "s": ""}],
        max_score=2,
    )

    # --- training: a practice session with a wrong answer, per cadre ---
    for role in ("cadre_a", "cadre_b"):
        user = users[role]
        session = PracticeSession.objects.create(
            user=user, bank=o["bank_free"], question_ids=[o["q_free"].pk]
        )
        answer = PracticeAnswer.objects.create(
            user=user,
            session=session,
            source="practice",
            question=o["q_free"],
            lineage=o["q_free"].lineage,
            response="A",
            is_correct=False,
            score=0,
            answered_at=now,
        )
        o[f"practice_{role[-1]}"] = session
        o[f"wrong_{role[-1]}"] = WrongBookEntry.objects.create(
            user=user,
            lineage=o["q_free"].lineage,
            question=o["q_free"],
            first_source="practice",
            last_response=answer.response,
            last_wrong_at=now,
        )

    # --- cases: a county call, a case per township cadre, one assigned to the reviewer ---
    rubric = Rubric.objects.create(name="案例评分标准")
    RubricCriterion.objects.create(rubric=rubric, name="实效", max_score=Decimal(100))
    o["rubric"] = rubric
    o["call_c"] = CaseCall.objects.create(
        title="县案例征集",
        theme="群众工作",
        opens_at=now - day,
        closes_at=now + 7 * day,
        org_unit=tree.county,
        rubric=rubric,
    )
    o["call_c"].audience_units.add(tree.county)

    def case(name, author, title, **extra):
        o[name] = Case.objects.create(
            call=o["call_c"],
            author=author,
            author_unit=author.org_unit,
            title=title,
            body="走访记录",
            **extra,
        )
        if o[name].version:
            CaseVersion.objects.create(
                case=o[name], number=1, title=title, body="走访记录", submitted_at=now, char_count=4
            )

    case("case_a", users["cadre_a"], "甲镇案例", status="under_review", submitted_at=now, version=1)
    case("case_b", users["cadre_b"], "乙镇案例" + B_PRIVATE)
    case(
        "case_library",
        factories.make_user(tree.village_a2, real_name="入库作者"),
        "入库案例",
        status="finished",
        show_author_name=False,
        published_at=now,
        version=1,
    )
    o["review"] = ReviewAssignment.objects.create(
        case=o["case_a"],
        reviewer=users["reviewer"],
        rubric=rubric,
        round=1,
    )

    # A reviewer in 甲镇二村 (no conflict with 甲镇一村's author) submitted a review of
    # case_a: the operation log keeps it from 甲镇's admin, whose scope holds the reviewer.
    village_reviewer = factories.make_user(
        tree.village_a2, is_cadre=False, is_reviewer=True, real_name=A_REVIEWER
    )
    o["review_a"] = ReviewAssignment.objects.create(
        case=o["case_a"], reviewer=village_reviewer, rubric=rubric, round=1
    )
    audit_services.record(
        actions.ACTIONS[("review-submit", "POST")],
        actor=village_reviewer,
        object_id=o["review_a"].pk,
        object_repr=str(o["review_a"]),
    )

    # --- records: a county period in publicity, and one of 乙镇's own ---
    o["period_c"] = periods.create_period(
        actor=users["county"],
        data={
            "name": "年度考核",
            "kind": "year",
            "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31),
            "org_unit": tree.county,
        },
        components=COMPONENTS,
    )
    recompute(o["period_c"].pk)
    periods.publish_period(
        actor=users["county"], period=o["period_c"], override_reason="范围测试：指标未导入"
    )
    o["period_b"] = periods.create_period(
        actor=users["county"],
        data={
            "name": "乙镇考核" + B_PRIVATE,
            "kind": "year",
            "start_date": date(2026, 1, 1),
            "end_date": date(2026, 12, 31),
            "org_unit": tree.town_b,
        },
        components=COMPONENTS,
    )
    o["record_a"] = o["period_c"].records.get(user=users["cadre_a"])
    o["record_b"] = o["period_c"].records.get(user=users["cadre_b"])
    o["objection_a"] = Objection.objects.create(
        record=o["record_a"], filed_by=users["cadre_a"], reason="异议"
    )
    o["objection_b"] = Objection.objects.create(
        record=o["record_b"], filed_by=users["cadre_b"], reason="异议" + B_PRIVATE
    )

    # --- notices ---
    o["notice_c"] = Notice.objects.create(org_unit=tree.county, title="县通知", body="正文")
    o["notice_b"] = Notice.objects.create(
        org_unit=tree.town_b, title="乙镇通知" + B_PRIVATE, body="正文"
    )

    questions = {name: o[name].pk for name in ("q_c", "q_c_subjective", "q_free", "q_a", "q_b")}
    every = set(Question.objects.values_list("pk", flat=True))
    w.may_know_keys = {
        # Cadres: the free bank only; the county exam holds bank_c from them.
        "cadre_a": {questions["q_free"]},
        "cadre_b": {questions["q_free"]},
        # The reviewer grades the old exam's subjective question.
        "reviewer": {questions["q_c_subjective"]},
        # 甲镇's admin: their own bank, and the county's banks shared down to them.
        "admin_a": set(
            Question.objects.filter(
                bank__in=[o["bank_a"], o["bank_c"], o["bank_free"]]
            ).values_list("pk", flat=True)
        ),
        "county": every,
    }
    return w
