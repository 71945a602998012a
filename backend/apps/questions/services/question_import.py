"""Import questions from our xlsx/CSV template, CMMLU CSV, the yf-exam layout or our JSON.

Rows go through the shared import runner (per-row Chinese errors, dry_run, strict).
Near-duplicates, of questions already in the bank or of earlier rows, are flagged in
the report with the similar question and a score; they are still imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from apps.accounts.models import User
from apps.common.api.parsers import InputRefused, loads_json
from apps.common.errors import InvalidInput, NotFound
from apps.common.imports import ImportReport, RowInvalid, read_upload, run_import
from apps.exams import held_keys
from apps.questions import conf, selectors
from apps.questions.models import Bank, KnowledgePoint, Question, QuestionReview
from apps.questions.services.questions import check_not_held_from, prepare_question
from question_bank import column_mapping, similarity
from question_bank.format_exchange import group_yf_rows, parse_yf_group, question_from_json
from question_bank.formats import (
    JSON_FORMAT,
    QuestionData,
    QuestionProblems,
    detect_format,
    parse_cmmlu_row,
    parse_template_row,
)
from question_bank.tables import TableRow

UNKNOWN_LAYOUT = (
    "无法识别表格格式：请使用本平台模板（题型、题干、答案等列），"
    "或 CMMLU 格式（Question、A、B、C、D、Answer），或云帆考试导入模板；"
    "其他系统导出的表格可以先试运行（dry_run），再把各列对应到本平台模板的列（mapping）"
)
MAPPING_INVALID = "列对应关系有误：{problems}"
BAD_JSON = "JSON 文件格式不正确：{error}"
JSON_NOT_QUESTIONS = (
    f"JSON 文件应为试题数组，或包含 questions 数组的对象（format 为 {JSON_FORMAT}）"
)
YF_HEADERS = ("题目序号", "题目类型", "题目内容", "是否正确项", "选项内容")
TOO_MANY_QUESTIONS = "试题超过 {limit} 道的上限，请分批导入"
TOO_LONG = "内容过长（{length} 字，最多 {limit} 字）"
# The same bounds as the question API's fields, and the knowledge point's name.
OPTION_MAX = 1000
EXPLANATION_MAX = 10000
POINT_MAX = 500
TAG_MAX = 50
KNOWLEDGE_POINT_MAX = 100


@dataclass
class ParsedQuestion:
    row: int
    data: QuestionData


def _json_rows(data: bytes) -> list[TableRow]:
    try:
        payload = loads_json(data.removeprefix(b"\xef\xbb\xbf"))
    except InputRefused as exc:
        where = f"（{exc.field}）" if exc.field else ""
        message = BAD_JSON.format(error=exc.message + where)
        raise InvalidInput(message, {"file": [message]}) from exc
    items = payload.get("questions") if isinstance(payload, dict) else payload
    if not isinstance(items, list) or not items:
        raise InvalidInput(JSON_NOT_QUESTIONS, {"file": [JSON_NOT_QUESTIONS]})
    if len(items) > conf.import_max_rows():
        message = TOO_MANY_QUESTIONS.format(limit=conf.import_max_rows())
        raise InvalidInput(message, {"file": [message]})
    return [TableRow(number=i, values={"_json": item}) for i, item in enumerate(items, start=1)]


class LayoutUnknown(InvalidInput):
    """The file's headers match none of our layouts: the admin can map its columns."""

    def __init__(self, headers: list[str]):
        super().__init__(UNKNOWN_LAYOUT, {"file": [UNKNOWN_LAYOUT]}, code="unknown_layout")
        self.headers = headers


def _mapped(table, mapping: dict[str, str]):
    problems = column_mapping.check(mapping, table.headers)
    if problems:
        raise InvalidInput(
            MAPPING_INVALID.format(problems="；".join(problems)), {"mapping": problems}
        )
    return table.rows, lambda row: parse_template_row(column_mapping.apply(row.values, mapping))


def _rows_and_parser(data: bytes, mapping: dict[str, str] | None = None):
    if data.lstrip(b"\xef\xbb\xbf \r\n\t")[:1] in (b"{", b"["):
        return _json_rows(data), lambda row: question_from_json(row.values["_json"])
    table = read_upload(data, max_rows=conf.import_max_rows())
    if mapping:
        return _mapped(table, mapping)
    layout = detect_format(table.headers)
    if layout is None:  # yf-exam puts a title row above its header
        try:
            table = read_upload(data, required_headers=YF_HEADERS, max_rows=conf.import_max_rows())
            layout = detect_format(table.headers)
        except InvalidInput:
            layout = None
    if layout == "template":
        return table.rows, lambda row: parse_template_row(row.values)
    if layout == "cmmlu":
        return table.rows, lambda row: parse_cmmlu_row(row.values)
    if layout == "yf":
        groups = group_yf_rows([(row.number, row.values) for row in table.rows])
        by_number = {g.number: g for g in groups}
        rows = [TableRow(number=g.number, values={}) for g in groups]
        return rows, lambda row: parse_yf_group(by_number[row.number])
    raise LayoutUnknown(table.headers)


def _too_long(d: QuestionData) -> list[tuple[str, str]]:
    """Every format ends in QuestionData; its texts are held to the API's limits, named
    by the template's columns (the stem is checked with the question's shape)."""
    texts = [("解析", d.explanation or "", EXPLANATION_MAX)]
    texts += [(f"选项{o['key']}", o.get("text", ""), OPTION_MAX) for o in d.options]
    texts += [("知识点", name, KNOWLEDGE_POINT_MAX) for name in d.knowledge_points]
    texts += [("标签", tag, TAG_MAX) for tag in d.tags]
    texts += [("评分要点", p.get("point", ""), POINT_MAX) for p in d.scoring_points]
    return [
        (column, TOO_LONG.format(length=len(text), limit=limit))
        for column, text, limit in texts
        if isinstance(text, str) and len(text) > limit
    ]


class QuestionImport:
    def __init__(self, actor: User, bank: Bank, parse, publish: bool, skip_duplicates: bool):
        self.actor, self.bank, self.parse_data, self.publish = actor, bank, parse, publish
        self.skip_duplicates = skip_duplicates

    def parse(self, row: TableRow) -> ParsedQuestion:
        try:
            data = self.parse_data(row)
        except QuestionProblems as exc:
            raise RowInvalid(exc.problems) from exc
        if problems := _too_long(data):
            raise RowInvalid(problems)
        return ParsedQuestion(row.number, data)

    def _knowledge_points(self, names: set[str], report: ImportReport) -> dict[str, KnowledgePoint]:
        found: dict[str, KnowledgePoint] = {}
        for kp in (
            selectors.visible_knowledge_points(self.actor)
            .filter(name__in=names)
            .order_by("-org_unit__depth")
        ):
            found.setdefault(kp.name, kp)
        missing = [n for n in sorted(names) if n not in found]
        created = KnowledgePoint.objects.bulk_create(
            [KnowledgePoint(name=n[:100], org_unit=self.bank.org_unit) for n in missing]
        )
        found.update({kp.name: kp for kp in created})
        report.extra["knowledge_points_created"] = missing
        return found

    def _flag_duplicates(self, rows: list[ParsedQuestion], report: ImportReport) -> None:
        existing = Question.objects.filter(bank=self.bank, is_current=True).values_list(
            "pk", "stem", "options"
        )
        stems, items, exact = {}, {}, {}
        for pk, stem, options in existing.iterator():
            text = similarity.question_text(stem, options)
            items[("q", pk)] = similarity.shingles(text)
            exact.setdefault(text, ("q", pk))
            stems[pk] = stem
        texts = [similarity.question_text(r.data.stem, r.data.options) for r in rows]
        new_sets = [similarity.shingles(text) for text in texts]
        index = similarity.SimilarityIndex(conf.duplicate_threshold())
        index.build(items, extra=new_sets)
        flagged = []
        for parsed, text, tokens in zip(rows, texts, new_sets, strict=True):
            # An identical text is the best possible match: no need to search.
            matches = [(exact[text], 1.0)] if text in exact else index.query(tokens)
            if matches:
                (kind, ref), score = matches[0]
                entry = {"row": parsed.row, "score": score}
                if kind == "q":
                    entry["similar_question"] = {"id": ref, "stem": stems[ref][:80]}
                else:
                    entry["similar_row"] = ref
                flagged.append(entry)
            if text not in exact:
                exact[text] = ("row", parsed.row)
                index.add(("row", parsed.row), tokens)
        report.extra["duplicates"] = flagged

    def _skip_exact(self, rows: list[ParsedQuestion], report: ImportReport) -> list[ParsedQuestion]:
        """Leave out rows whose content (stem, options, answer) the bank already holds, or an
        earlier row of the file has: importing the same file twice adds nothing."""
        seen: dict[str, dict] = {}
        # The match compares keys: a question an exam holds from the importer (a candidate
        # too) is left out, or a dry run with every possible answer would name its key.
        held = held_keys.held_for(self.actor)
        existing = (
            Question.objects.filter(bank=self.bank, is_current=True)
            .exclude(held.q())
            .values_list("pk", "type", "stem", "options", "answer")
        )
        for pk, qtype, stem, options, answer in existing.iterator():
            seen.setdefault(similarity.content_key(qtype, stem, options, answer), {"question": pk})
        kept, skipped = [], []
        for parsed in rows:
            d = parsed.data
            key = similarity.content_key(d.type, d.stem, d.options, d.answer)
            if key in seen:
                skipped.append({"row": parsed.row, **seen[key]})
            else:
                seen[key] = {"same_row": parsed.row}
                kept.append(parsed)
        report.extra["skipped"] = skipped
        report.unchanged = len(skipped)
        return kept

    def apply(self, rows: list[ParsedQuestion], report: ImportReport) -> None:
        if self.skip_duplicates:
            rows = self._skip_exact(rows, report)
        else:
            report.extra["skipped"] = []
        self._flag_duplicates(rows, report)
        kps = self._knowledge_points({n for r in rows for n in r.data.knowledge_points}, report)
        status = Question.Status.PUBLISHED if self.publish else Question.Status.DRAFT
        questions = [self._build(r.data, status) for r in rows]
        Question.objects.bulk_create(questions, batch_size=1000)
        through = Question.knowledge_points.through
        through.objects.bulk_create(
            [
                through(question_id=q.pk, knowledgepoint_id=kps[name].pk)
                for q, r in zip(questions, rows, strict=True)
                for name in dict.fromkeys(r.data.knowledge_points)
            ],
            batch_size=2000,
        )
        QuestionReview.objects.bulk_create(
            [
                QuestionReview(
                    question=q, action="import", from_status="", to_status=status, actor=self.actor
                )
                for q in questions
            ],
            batch_size=2000,
        )
        report.created = len(questions)

    def _build(self, d: QuestionData, status: str) -> Question:
        data = {
            "type": d.type,
            "stem": d.stem,
            "options": d.options,
            "answer": d.answer,
            "explanation": d.explanation,
            "difficulty": d.difficulty,
            "default_points": d.default_points,
            "tags": d.tags,
            "scoring_points": d.scoring_points,
            "source_quote": d.source_quote,
        }
        return prepare_question(bank=self.bank, data=data, status=status, actor=self.actor)


def import_questions(
    *,
    actor: User,
    bank: Bank,
    data: bytes,
    dry_run: bool = False,
    strict: bool = False,
    publish: bool = False,
    skip_duplicates: bool = True,
    mapping: dict[str, str] | None = None,
) -> ImportReport:
    """Import a file into `bank`. Exact duplicates (same stem, options and answer as a
    question of the bank or an earlier row) are skipped and reported unless
    `skip_duplicates` is off. A file in an unknown layout answers a dry run with its headers
    and a suggested `mapping` onto our columns instead of an error."""
    if not selectors.can_manage_bank(actor, bank):
        raise NotFound()
    if not dry_run:  # a preview writes nothing and names no held key
        check_not_held_from(actor, bank)
    try:
        rows, parse = _rows_and_parser(data, mapping)
    except LayoutUnknown as unknown:
        if not dry_run:
            raise
        return _needs_mapping(unknown.headers)
    run = QuestionImport(actor, bank, parse, publish, skip_duplicates)
    report = run_import(rows, run.parse, run.apply, dry_run=dry_run, strict=strict)
    report.extra.setdefault("skipped", [])
    report.extra["needs_mapping"] = False
    return report


def _needs_mapping(headers: list[str]) -> ImportReport:
    report = ImportReport(dry_run=True)
    report.extra.update(
        {
            "needs_mapping": True,
            "message": UNKNOWN_LAYOUT,
            "headers": headers,
            "columns": list(column_mapping.TARGETS),
            "required_columns": list(column_mapping.REQUIRED),
            "suggested_mapping": column_mapping.suggest(headers),
            "skipped": [],
            "duplicates": [],
            "knowledge_points_created": [],
        }
    )
    return report
