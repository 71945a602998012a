"""Case photos are served only to those who may see the case: /media/ is not a public folder."""

from apps.cases.models import CaseImage
from apps.cases.services import cases, results
from tests import factories
from tests.backend.cases.conftest import BODY, open_assignments
from tests.backend.cases.test_images import jpeg_with_gps, upload
from tests.backend.cases.test_results import finish


def photo_of(case, cadre, client_for) -> CaseImage:
    response = upload(client_for(cadre), case.pk, jpeg_with_gps(size=(400, 300)))
    assert response.status_code == 201, response.json()
    return CaseImage.objects.get(pk=response.json()["id"])


def fetch(client, name: str):
    return client.get(f"/media/{name}")


def test_the_author_sees_the_photo_and_its_thumbnail(call, cadre, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    for name in (image.file.name, image.thumbnail.name):
        response = fetch(client_for(cadre), name)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"].startswith("private")
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_a_stranger_a_neighbour_and_a_logged_out_visitor_get_404(call, cadre, tree, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    neighbour = factories.make_user(tree.village_a1, real_name="同村干部")
    other_town_admin = factories.make_user(tree.town_b, admin_of=[tree.town_b])
    for client in (client_for(neighbour), client_for(other_town_admin), client_for()):
        assert fetch(client, image.file.name).status_code == 404


def test_admin_over_the_author_and_assigned_reviewers_see_it(
    call, cadre, reviewers, town_a_admin, client_for
):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    case = cases.submit_case(case.pk, cadre)
    assigned = [a.reviewer for a in open_assignments(case)]
    outsider = next(r for r in reviewers if r not in assigned)
    assert fetch(client_for(town_a_admin), image.file.name).status_code == 200
    for reviewer in assigned:
        assert fetch(client_for(reviewer), image.file.name).status_code == 200
    assert fetch(client_for(outsider), image.file.name).status_code == 404


def test_a_published_case_is_seen_by_its_call_audience(call, cadre, tree, reviewers, client_for):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    finish(cases.submit_case(case.pk, cadre))
    reader = factories.make_user(tree.village_b1, real_name="乙镇读者")
    assert fetch(client_for(reader), image.file.name).status_code == 404
    results.publish(case.pk)
    assert fetch(client_for(reader), image.file.name).status_code == 200


def test_paths_outside_stored_files_are_404(call, cadre, client_for, settings):
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    (settings.MEDIA_ROOT / "secret.txt").write_text("机密")
    client = client_for(cadre)
    folder = image.file.name.rsplit("/", 1)[0]
    for name in (
        f"{folder}/../../secret.txt",
        "secret.txt",
        f"{folder}/not-stored.jpg",
        "%2e%2e/secret.txt",
    ):
        assert fetch(client, name).status_code == 404, name


def test_behind_nginx_the_bytes_are_left_to_x_accel_redirect(call, cadre, client_for, settings):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    case = cases.start_case(call, cadre, title="t", body=BODY)
    image = photo_of(case, cadre, client_for)
    response = fetch(client_for(cadre), image.file.name)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{image.file.name}"
    assert response.content == b""
