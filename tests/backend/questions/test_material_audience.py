"""Materials in the console: the default audience, changing it, the duplicate warning,
passage kinds in Chinese, and re-ingesting without breaking any question's citation."""

from apps.questions.models import Material, Passage, Question
from apps.questions.services import materials
from apps.questions.services.materials import AUDIENCE_OUT_OF_SCOPE
from tests.factories import client_for as _client
from tests.factories import make_user

URL = "/api/v1/materials/"
TEXT = """# 清水镇网格员工作守则

一、日常巡查

网格员每日巡查责任网格不少于一次，发现安全隐患当即拍照上报。

二、信息更新

住户变动信息应在三日内录入系统，并告知村务监督委员会。
"""


def _paste(client, title="网格员守则", text=TEXT, **extra):
    return client.post(URL, {"title": title, "text": text, **extra}, format="json")


def test_county_upload_defaults_to_the_whole_county_not_the_admins_department(
    client_for, county_admin, tree
):
    body = _paste(client_for(county_admin)).json()
    # The admin sits in 县民政局 but administers the county: the material reaches everyone.
    assert body["org_unit"] == tree.county.pk
    cadre = make_user(tree.village_a1, real_name="村干部")
    listed = _client(cadre).get(URL).json()["results"]
    assert [m["id"] for m in listed] == [body["id"]]


def test_audience_can_be_changed_later_and_township_cadres_then_see_it(
    client_for, county_admin, tree
):
    body = _paste(client_for(county_admin), org_unit=tree.department.pk).json()
    cadre = make_user(tree.village_b1, real_name="乙镇村干部")
    assert _client(cadre).get(URL).json()["count"] == 0
    changed = client_for(county_admin).patch(
        f"{URL}{body['id']}/", {"org_unit": tree.county.pk}, format="json"
    )
    assert changed.status_code == 200 and changed.json()["org_unit"] == tree.county.pk
    assert _client(cadre).get(URL).json()["count"] == 1


def test_audience_outside_the_admins_scope_is_refused_and_nothing_changes(
    client_for, town_a_admin, tree
):
    body = _paste(client_for(town_a_admin)).json()
    assert body["org_unit"] == tree.town_a.pk
    refused = client_for(town_a_admin).patch(
        f"{URL}{body['id']}/", {"org_unit": tree.county.pk}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json()["errors"]["org_unit"] == [AUDIENCE_OUT_OF_SCOPE]
    assert Material.objects.get(pk=body["id"]).org_unit == tree.town_a


def test_another_townships_material_cannot_be_changed_or_reingested(
    client_for, county_admin, town_b_admin, tree
):
    body = _paste(client_for(county_admin), org_unit=tree.town_a.pk).json()
    other = client_for(town_b_admin)
    assert other.patch(f"{URL}{body['id']}/", {"title": "改名"}, format="json").status_code == 404
    assert other.post(f"{URL}{body['id']}/reingest").status_code == 404
    cadre = make_user(tree.village_a1, real_name="村干部")
    assert (
        _client(cadre).patch(f"{URL}{body['id']}/", {"title": "x"}, format="json").status_code
        == 403
    )
    assert Material.objects.get(pk=body["id"]).title == "网格员守则"


def test_same_text_uploaded_twice_names_the_material_it_duplicates(client_for, county_admin):
    first = _paste(client_for(county_admin), title="第一次").json()
    assert first["duplicate_of"] == []
    # The same text with other line breaks and spacing is still the same text.
    second = _paste(
        client_for(county_admin), title="第二次", text=TEXT.replace("\n\n", "\n\n\n") + "  "
    ).json()
    assert second["duplicate_of"] == [{"id": first["id"], "title": "第一次"}]
    listed = {m["id"]: m for m in client_for(county_admin).get(URL).json()["results"]}
    assert listed[first["id"]]["duplicate_of"] == [{"id": second["id"], "title": "第二次"}]


def test_duplicates_in_another_scope_are_not_named(client_for, town_a_admin, town_b_admin):
    _paste(client_for(town_a_admin), title="甲镇的")
    body = _paste(client_for(town_b_admin), title="乙镇的").json()
    assert body["duplicate_of"] == []


def test_passage_kinds_are_given_in_chinese(client_for, county_admin):
    body = _paste(client_for(county_admin)).json()
    passages = client_for(county_admin).get(f"{URL}{body['id']}/passages/").json()["results"]
    labels = {p["kind"]: p["kind_label"] for p in passages}
    assert labels["heading"] == "标题" and labels["paragraph"] == "段落"


def _cite(material, bank, admin, text):
    from apps.questions.services.questions import create_question

    passage = material.passages.get(text=text)
    question = create_question(
        actor=admin,
        bank=bank,
        data={
            "type": "true_false",
            "stem": "网格员每日巡查不少于一次。",
            "answer": True,
            "source_passage": passage,
            "source_quote": "每日巡查责任网格不少于一次",
        },
        status=Question.Status.PUBLISHED,
    )
    return passage, question


def test_reingest_keeps_passage_ids_and_citations(client_for, county_admin, bank):
    body = _paste(client_for(county_admin)).json()
    material = Material.objects.get(pk=body["id"])
    sentence = "网格员每日巡查责任网格不少于一次，发现安全隐患当即拍照上报。"
    passage, question = _cite(material, bank, county_admin, sentence)
    ids_before = set(material.passages.values_list("pk", flat=True))

    response = client_for(county_admin).post(f"{URL}{body['id']}/reingest")

    assert response.status_code == 202
    after = response.json()
    assert after["status"] == "ready"
    assert after["ingest_report"]["kept"] == len(ids_before)
    assert after["ingest_report"]["questions_unlinked"] == 0
    assert set(material.passages.values_list("pk", flat=True)) == ids_before
    question.refresh_from_db()
    assert question.source_passage_id == passage.pk


def test_reingest_relinks_a_question_when_its_passage_changed(county_admin, bank):
    material = materials.create_from_text(actor=county_admin, title="守则", text=TEXT)
    sentence = "网格员每日巡查责任网格不少于一次，发现安全隐患当即拍照上报。"
    old, question = _cite(material, bank, county_admin, sentence)
    # The pipeline now keeps a longer passage: its id (text digest) changes, the quote stays.
    longer = TEXT.replace("当即拍照上报。", "当即拍照上报，并跟踪整改到位。")
    Material.objects.filter(pk=material.pk).update(raw_text=longer)
    materials.ingest(material.pk)
    question.refresh_from_db()
    new = question.source_passage
    assert new is not None and "跟踪整改到位" in new.text
    material.refresh_from_db()
    quote = "每日巡查责任网格不少于一次"
    assert material.text[question.source_start : question.source_end] == quote
    assert material.ingest_report["questions_relinked"] == 1
    assert not Passage.objects.filter(pk=old.pk, text=sentence).exists()


def test_reingest_keeps_the_quote_when_the_text_is_gone(county_admin, bank):
    material = materials.create_from_text(actor=county_admin, title="守则", text=TEXT)
    sentence = "网格员每日巡查责任网格不少于一次，发现安全隐患当即拍照上报。"
    _, question = _cite(material, bank, county_admin, sentence)
    Material.objects.filter(pk=material.pk).update(
        raw_text=TEXT.replace(sentence, "每周例会一次。")
    )
    materials.ingest(material.pk)
    question.refresh_from_db()
    assert question.source_passage is None
    assert question.source_quote == "每日巡查责任网格不少于一次"  # still shown as the source
    material.refresh_from_db()
    assert material.ingest_report["questions_unlinked"] == 1
    assert material.ingest_report["unlinked_ids"] == [question.pk]


def test_audience_change_and_reingest_are_in_the_operation_log_but_previews_are_not(
    client_for, county_admin, tree
):
    from apps.audit.models import AuditEntry

    client = client_for(county_admin)
    body = _paste(client, org_unit=tree.department.pk).json()
    client.patch(f"{URL}{body['id']}/", {"org_unit": tree.county.pk}, format="json")
    client.post(f"{URL}{body['id']}/reingest")
    client.post("/api/v1/questions/preview", {"stem": "**草稿**"}, format="json")
    entries = AuditEntry.objects.exclude(action="auth.login").order_by("pk")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["material.upload", "material.update", "material.reingest"]
