"""Materials: upload or paste, ingestion, passages, refusal of bad files, scope."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.questions.models import Material, Passage
from apps.questions.services.materials import FILE_TOO_LARGE
from question_bank.errors import EMPTY_FILE, UNKNOWN_FILE_TYPE
from tests.backend.questions.conftest import SAMPLE_TEXT

URL = "/api/v1/materials/"


def _upload(client, name, data, **fields):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **fields}, format="multipart")


def test_uploaded_text_file_is_ingested_into_passages(client_for, county_admin):
    response = _upload(client_for(county_admin), "rules.txt", SAMPLE_TEXT.encode("gb18030"))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "ready" and body["error"] == ""
    assert body["title"] == "青山县联系服务群众工作规则"
    material = Material.objects.get(pk=body["id"])
    assert material.file.read() == SAMPLE_TEXT.encode("gb18030")  # the original is kept as sent
    passages = client_for(county_admin).get(f"{URL}{body['id']}/passages/").json()["results"]
    texts = [p["text"] for p in passages]
    assert "驻村干部每月至少入户走访20户，走访情况当天记入民情台账。" in texts
    first = passages[0]
    assert material.text[first["start"] : first["end"]] == first["text"]


def test_pasted_text_becomes_a_material(client_for, county_admin):
    response = client_for(county_admin).post(
        URL, {"title": "回访规则", "text": SAMPLE_TEXT}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["passage_count"] >= 6


def test_empty_file_is_refused_and_nothing_stored(client_for, county_admin):
    response = _upload(client_for(county_admin), "empty.txt", b"")
    assert response.status_code == 400
    assert response.json()["detail"] == EMPTY_FILE
    assert not Material.objects.exists()


def test_malformed_docx_is_refused_with_chinese_message(client_for, county_admin):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document><broken")
    response = _upload(client_for(county_admin), "bad.docx", buffer.getvalue())
    assert response.status_code == 400
    assert response.json()["errors"]["file"]
    assert not Material.objects.exists() and not Passage.objects.exists()


def test_truncated_pdf_is_refused(client_for, county_admin):
    response = _upload(client_for(county_admin), "cut.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    assert response.status_code == 400
    assert not Material.objects.exists()


def test_image_disguised_as_txt_is_refused_by_content(client_for, county_admin):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    response = _upload(client_for(county_admin), "notes.txt", png)
    assert response.status_code == 400
    assert response.json()["detail"] == UNKNOWN_FILE_TYPE


def test_fifty_megabyte_upload_is_refused(client_for, county_admin):
    data = b"a" * (50 * 1024 * 1024)
    response = _upload(client_for(county_admin), "big.txt", data)
    assert response.status_code == 400
    assert response.json()["detail"].startswith(FILE_TOO_LARGE.split("：")[0])
    assert "上限为 20 MB" in response.json()["errors"]["file"][0]
    assert not Material.objects.exists()


def test_cadre_cannot_upload_and_other_township_admin_gets_404(
    client_for, cadre, town_a_admin, town_b_admin
):
    assert (
        client_for(cadre).post(URL, {"title": "x", "text": "内容"}, format="json").status_code
        == 403
    )
    created = (
        client_for(town_a_admin)
        .post(URL, {"title": "甲镇材料", "text": SAMPLE_TEXT}, format="json")
        .json()
    )
    assert client_for(town_b_admin).get(f"{URL}{created['id']}/").status_code == 404
    assert client_for(town_b_admin).get(f"{URL}{created['id']}/passages/").status_code == 404
    assert client_for(town_a_admin).get(f"{URL}{created['id']}/").status_code == 200


def test_failed_ingestion_is_visible_on_the_material(client_for, county_admin, monkeypatch):
    from question_bank.errors import NoTextFoundError

    def boom(*args, **kwargs):
        raise NoTextFoundError()

    monkeypatch.setattr("apps.questions.services.materials.ingest_text", boom)
    body = client_for(county_admin).post(URL, {"title": "x", "text": "内容"}, format="json").json()
    assert body["status"] == "failed"
    assert "没有可提取的文字" in body["error"]


def test_service_refuses_a_file_just_over_the_limit(county_admin, settings):
    import pytest

    from apps.common.errors import InvalidInput
    from apps.questions.services.materials import create_from_upload

    settings.MAX_UPLOAD_BYTES = 1024
    with pytest.raises(InvalidInput) as caught:
        create_from_upload(actor=county_admin, data=b"x" * 1025, filename="a.txt")
    assert caught.value.message == FILE_TOO_LARGE.format(size=0.0, limit=0)
    assert not Material.objects.exists()


def test_cadre_reads_ready_materials_of_units_above_only(client_for, county_admin, cadre, tree):
    county = (
        client_for(county_admin)
        .post(
            URL,
            {"title": "县级材料", "text": SAMPLE_TEXT, "org_unit": tree.county.pk},
            format="json",
        )
        .json()
    )
    other_town = (
        client_for(county_admin)
        .post(
            URL,
            {"title": "乙镇材料", "text": SAMPLE_TEXT, "org_unit": tree.town_b.pk},
            format="json",
        )
        .json()
    )
    listed = [m["id"] for m in client_for(cadre).get(URL).json()["results"]]
    assert listed == [county["id"]]
    assert client_for(cadre).get(f"{URL}{other_town['id']}/passages/").status_code == 404


def test_admin_cannot_file_a_material_under_a_unit_outside_scope(client_for, town_a_admin, tree):
    response = client_for(town_a_admin).post(
        URL, {"title": "越权", "text": SAMPLE_TEXT, "org_unit": tree.town_b.pk}, format="json"
    )
    assert response.status_code == 404
    assert not Material.objects.exists()
