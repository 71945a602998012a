"""Photos: re-encoded by Pillow, EXIF/GPS gone, bounded; bad files refused with nothing stored."""

import io
import struct
import zlib

from PIL import Image

from apps.cases import errors
from apps.cases.models import CaseImage
from apps.cases.services import cases, images
from apps.common import images as common_images
from apps.common.errors import InvalidInput
from tests import factories

GPS_IFD = 0x8825


def jpeg_with_gps(size=(3000, 1500)) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "测试相机"
    exif[GPS_IFD] = {1: "N", 2: (30.0, 15.0, 10.0), 3: "E", 4: (120.0, 5.0, 3.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def huge_png(side=60000) -> bytes:
    """A PNG whose header claims side×side pixels, with a tiny compressed body."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def upload(client, case_id, data: bytes, name="photo.jpg", **extra):
    file = io.BytesIO(data)
    file.name = name
    return client.post(
        f"/api/v1/cases/{case_id}/images", {"file": file}, format="multipart", **extra
    )


def media_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_photo_is_reencoded_without_exif_and_bounded(call, cadre, client_for, settings):
    case = cases.start_case(call, cadre, title="t")
    response = upload(client_for(cadre), case.pk, jpeg_with_gps())
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["width"], body["height"]) == (2048, 1024)
    stored = CaseImage.objects.get(case=case)
    with Image.open(stored.file.path) as saved:
        assert max(saved.size) == 2048
        assert not saved.getexif().get_ifd(GPS_IFD)
        assert "exif" not in saved.info
    with Image.open(stored.thumbnail.path) as thumb:
        assert max(thumb.size) <= 320
    assert "photo" not in stored.file.name  # the uploaded name never reaches reviewers


def test_text_file_named_jpg_is_refused_and_nothing_stored(call, cadre, client_for, settings):
    case = cases.start_case(call, cadre, title="t")
    response = upload(
        client_for(cadre), case.pk, b"<html><script>alert(1)</script></html>", name="x.jpg"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["file"] == [common_images.NOT_AN_IMAGE]
    assert not CaseImage.objects.exists()
    assert media_files(settings) == []


def test_declared_100mb_upload_is_refused_before_reading(call, cadre, client_for):
    case = cases.start_case(call, cadre, title="t")
    response = upload(
        client_for(cadre), case.pk, jpeg_with_gps((10, 10)), CONTENT_LENGTH=str(100 * 1024 * 1024)
    )
    assert response.status_code == 400
    assert response.json()["detail"] == errors.IMAGE_TOO_LARGE.format(limit_mb=10)
    assert not CaseImage.objects.exists()


def test_declared_100mb_upload_is_refused_before_the_csrf_check_reads_it(call, cadre):
    from rest_framework.test import APIClient

    case = cases.start_case(call, cadre, title="t")
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(cadre)
    response = upload(
        client, case.pk, jpeg_with_gps((10, 10)), CONTENT_LENGTH=str(100 * 1024 * 1024)
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"file": [errors.IMAGE_TOO_LARGE.format(limit_mb=10)]}


def test_oversized_bytes_are_refused_by_the_service(call, cadre):
    case = cases.start_case(call, cadre, title="t")
    try:
        images.add_image(case.pk, cadre, b"\xff\xd8" + b"0" * (10 * 1024 * 1024 + 1))
    except InvalidInput as exc:
        assert exc.message == errors.IMAGE_TOO_LARGE.format(limit_mb=10)
    else:
        raise AssertionError("oversized image accepted")
    assert not CaseImage.objects.exists()


def test_decompression_bomb_png_is_refused(call, cadre, client_for, settings):
    case = cases.start_case(call, cadre, title="t")
    response = upload(client_for(cadre), case.pk, huge_png(), name="map.png")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("图片像素过多")
    assert not CaseImage.objects.exists()
    assert media_files(settings) == []


def test_photo_beyond_the_limit_is_refused(call, cadre, client_for, settings):
    from apps.cases import conf

    assert conf.images_per_case() == 20
    settings.CASE_IMAGES_PER_CASE = 2
    case = cases.start_case(call, cadre, title="t")
    client = client_for(cadre)
    small = jpeg_with_gps((40, 30))
    assert upload(client, case.pk, small).status_code == 201
    assert upload(client, case.pk, small).status_code == 201
    third = upload(client, case.pk, small)
    assert third.status_code == 400
    assert third.json()["detail"] == errors.IMAGE_TOO_MANY.format(limit=2)
    assert CaseImage.objects.count() == 2


def test_someone_elses_case_cannot_take_photos(call, cadre, tree, client_for):
    case = cases.start_case(call, cadre, title="t")
    other = client_for(factories.make_user(tree.village_a2))
    assert upload(other, case.pk, jpeg_with_gps((40, 30))).status_code == 404


def test_removing_a_photo_keeps_it_for_the_submitted_version(call, cadre, client_for):
    from tests.backend.cases.conftest import BODY

    case = cases.start_case(call, cadre, title="t", body=BODY)
    client = client_for(cadre)
    image_id = upload(client, case.pk, jpeg_with_gps((40, 30))).json()["id"]
    cases.submit_case(case.pk, cadre)
    cases.withdraw_case(case.pk, cadre)
    assert client.delete(f"/api/v1/cases/{case.pk}/images/{image_id}").status_code == 204
    assert client.get(f"/api/v1/cases/{case.pk}").json()["images"] == []
    assert case.versions.get(number=1).image_ids == [image_id]
    assert CaseImage.objects.filter(pk=image_id).exists()
    cases.submit_case(case.pk, cadre)
    assert case.versions.get(number=2).image_ids == []
