"""Demo data: our own sample material for 青山县, ingested; the bank 应知应会基础题库 with
about 60 published questions of all six types tied to knowledge points and passages;
and one review batch of generated drafts waiting in 待审."""

from __future__ import annotations

import logging
from decimal import Decimal

from apps.accounts.models import OrgUnit, User
from apps.questions.demo_content.material import TEXT, TITLE
from apps.questions.demo_content.practice import PRACTICE_BANK_NAME, PRACTICE_QUESTIONS
from apps.questions.demo_content.questions import QUESTIONS, SUBJECTIVE_POINTS
from apps.questions.models import Bank, KnowledgePoint, Material, Question
from apps.questions.services import generation, knowledge, materials
from apps.questions.services.questions import create_question
from question_bank import question_types
from question_bank.formats import TYPE_LABELS, parse_template_row

log = logging.getLogger(__name__)
BANK_NAME = "应知应会基础题库"
COUNTY = "青山县"


def _scoring_points(stem: str, reference: str, total: Decimal) -> list[dict]:
    points = SUBJECTIVE_POINTS.get(stem) or [p for p in reference.rstrip("。").split("；") if p]
    share = (total / len(points)).quantize(Decimal("0.01"))
    items = [{"point": p, "score": str(share)} for p in points]
    items[-1]["score"] = str(total - share * (len(points) - 1))  # the parts add up exactly
    return items


def _question_data(entry, material: Material, kps: dict[str, KnowledgePoint]) -> dict:
    kp_name, qtype, stem, options, answer, quote, difficulty = entry
    values = {"题型": TYPE_LABELS[qtype], "题干": stem, "答案": answer, "难度": str(difficulty)}
    values.update(
        {
            f"选项{k}": text
            for k, text in zip("ABCDEFGH", options.split("|") if options else [], strict=False)
        }
    )
    parsed = parse_template_row(values)
    start = material.text.index(quote)
    passage = (
        material.passages.filter(start__lte=start, end__gte=start + len(quote))
        .exclude(kind="heading")
        .first()
    )
    data = {
        "type": parsed.type,
        "stem": parsed.stem,
        "options": parsed.options,
        "answer": parsed.answer,
        "difficulty": parsed.difficulty,
        "default_points": parsed.default_points,
        "explanation": f"依据《{TITLE}》：“{quote}”。",
        "knowledge_points": [kps[kp_name]],
        "source_passage": passage,
        "source_quote": quote,
        "source_start": start,
        "source_end": start + len(quote),
        "tags": ["示例", "联系服务群众"],
    }
    if qtype == "case_analysis":
        data["default_points"] = Decimal("15.00")  # a longer case than the bank's default
    if question_types.get(qtype).subjective:
        data["scoring_points"] = _scoring_points(stem, parsed.answer, data["default_points"])
    return data


def load(stdout) -> None:
    county = OrgUnit.objects.get(name=COUNTY, parent=None)
    admin = User.objects.get(username="admin")
    material = Material.objects.create(
        title=TITLE, org_unit=county, file_kind="text", raw_text=TEXT, created_by=admin
    )
    material = materials.ingest(material.pk)  # at once, so the questions below can cite passages
    suggested = knowledge.suggest_for_material(material=material)
    headings = {kp.name: kp for kp in suggested if kp.passages.filter(kind="heading").exists()}
    for kp in headings.values():
        knowledge.confirm(kp=kp)
    bank = Bank.objects.create(
        name=BANK_NAME,
        org_unit=county,
        shared_down=True,
        created_by=admin,
        description="青山县全体干部应知应会的基础知识，示例材料配套题库",
    )
    for entry in QUESTIONS:
        create_question(
            actor=admin,
            bank=bank,
            data=_question_data(entry, material, headings),
            status=Question.Status.PUBLISHED,
        )
    # Practice has its own bank: while the formal exam is open it holds the basic bank's keys.
    practice_bank = Bank.objects.create(
        name=PRACTICE_BANK_NAME,
        org_unit=county,
        shared_down=True,
        created_by=admin,
        description="供干部日常练习与模拟考试使用，不用于正式考试",
    )
    for entry in PRACTICE_QUESTIONS:
        create_question(
            actor=admin,
            bank=practice_bank,
            data=_question_data(entry, material, headings),
            status=Question.Status.PUBLISHED,
        )
    try:
        # The demo material is a county's own rules, where the strict default asks only what
        # a national source says; the broad range fills the review queue the demo shows.
        batch = generation.generate_for_material(
            actor=admin, material=material, bank=bank, max_per_type=4, mode=generation.BROAD
        )
        batch_note = f"待审生成批次 #{batch.pk}（{batch.candidate_count} 题）"
    except Exception as exc:  # a generator bug must not stop the other apps' demo data
        log.exception("demo generation batch failed")
        batch_note = f"生成示例批次失败：{exc!r}"
    stdout.write(
        f"  题库：材料《{TITLE}》{material.passages.count()} 段，知识点 {KnowledgePoint.objects.count()} 个"
        f"（{len(headings)} 个已确认），{BANK_NAME} 已发布 {len(QUESTIONS)} 题，"
        f"{PRACTICE_BANK_NAME} 已发布 {len(PRACTICE_QUESTIONS)} 题，{batch_note}"
    )
