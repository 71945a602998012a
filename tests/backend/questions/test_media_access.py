"""Uploaded originals and question images go out only through their permission checks."""

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.questions.models import Material, QuestionImage
from tests.backend.questions.conftest import SAMPLE_TEXT
from tests.backend.questions.test_rendering_images import _jpeg_with_exif


def test_an_uploaded_material_is_a_download_for_those_who_see_the_material(
    client_for, county_admin, cadre, town_b_admin, tree
):
    upload = SimpleUploadedFile("rules.html", f"<p>{SAMPLE_TEXT}</p>".encode())
    response = client_for(county_admin).post(
        "/api/v1/materials/", {"file": upload, "org_unit": tree.county.pk}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    name = Material.objects.get(pk=response.json()["id"]).file.name

    downloaded = client_for(cadre).get(f"/media/{name}")
    assert downloaded.status_code == 200
    # An uploaded web page must never render as a page of this site.
    assert downloaded["Content-Disposition"].startswith("attachment")
    assert "sandbox" in downloaded["Content-Security-Policy"]
    assert client_for(town_b_admin).get(f"/media/{name}").status_code == 404
    assert client_for().get(f"/media/{name}").status_code == 404


def test_question_images_need_a_login(client_for, county_admin, cadre, bank):
    upload = SimpleUploadedFile("photo.jpg", _jpeg_with_exif((80, 60)))
    response = client_for(county_admin).post(
        "/api/v1/questions/images", {"file": upload, "bank": bank.pk}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    image = QuestionImage.objects.get()
    assert client_for(cadre).get(response.json()["url"]).status_code == 200
    assert client_for(cadre).get(f"/media/{image.thumbnail.name}").status_code == 200
    assert client_for().get(response.json()["url"]).status_code == 404
    assert client_for(cadre).get("/media/question-images/2026/11/none.jpg").status_code == 404


def test_a_folder_no_app_registered_is_never_served(client_for, county_admin, settings):
    (settings.MEDIA_ROOT / "exports").mkdir(parents=True)
    (settings.MEDIA_ROOT / "exports" / "roster.xlsx").write_bytes(b"PK")
    assert client_for(county_admin).get("/media/exports/roster.xlsx").status_code == 404


def test_question_image_names_cannot_be_guessed(client_for, county_admin, bank):
    """Any signed-in cadre may open a question image by its URL (exams show them), so the
    first image of a month must not be plainly question-images/<year>/<month>/q.jpg."""
    names = set()
    for _ in range(2):
        upload = SimpleUploadedFile("photo.jpg", _jpeg_with_exif((80, 60)))
        response = client_for(county_admin).post(
            "/api/v1/questions/images", {"file": upload, "bank": bank.pk}, format="multipart"
        )
        assert response.status_code == 201, response.content.decode()
        image = QuestionImage.objects.get(pk=response.json()["id"])
        for name in (image.image.name, image.thumbnail.name):
            stem = name.rsplit("/", 1)[1].split(".")[0].removesuffix("_t")
            assert len(stem) == 32, name
            names.add(name)
    assert len(names) == 4
