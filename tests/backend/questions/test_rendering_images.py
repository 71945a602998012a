"""Markdown is sanitized on the server; images are re-encoded within limits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from apps.common.errors import InvalidInput
from apps.common.images import IMAGE_TOO_LARGE, IMAGE_TOO_MANY_PIXELS, NOT_AN_IMAGE, reencode_image
from apps.common.markdown import render_markdown
from apps.questions.services.rendering import render_question_text

MB = 1024 * 1024


@pytest.mark.parametrize(
    "source, forbidden",
    [
        ("<script>alert(1)</script>题干", "<script"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ("[点我](javascript:alert(1))", "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<div onclick="steal()">x</div>', "onclick"),
        ("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:"),
    ],
)
def test_markdown_xss_is_stripped(source, forbidden):
    assert forbidden.lower() not in render_markdown(source).lower()


def test_markdown_keeps_ordinary_formatting():
    html = render_markdown("**重点**：见[通知](https://example.org/a)\n\n- 一\n- 二")
    assert "<strong>重点</strong>" in html
    assert 'href="https://example.org/a"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert "<li>一</li>" in html


def test_fill_in_blanks_stay_literal():
    assert render_question_text("____") == "<p>____</p>"
    assert "每月____次" in render_question_text("每月____次，____日内")


def _jpeg_with_exif(size=(3000, 1000)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x8825] = {2: (30.0, 15.0, 0.0)}  # GPS info
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_image_is_reencoded_shrunk_and_exif_stripped():
    data = _jpeg_with_exif()
    assert b"SecretCam" in data
    main, thumb, width, height, fmt = reencode_image(
        data, max_bytes=5 * MB, max_side=2048, thumb_side=200
    )
    assert (width, height, fmt) == (2048, 683, "JPEG")
    assert b"SecretCam" not in main
    assert not Image.open(io.BytesIO(main)).getexif()
    assert max(Image.open(io.BytesIO(thumb)).size) == 200


def test_not_an_image_is_refused():
    with pytest.raises(InvalidInput) as caught:
        reencode_image(b"<svg onload=alert(1)>", max_bytes=5 * MB, max_side=2048)
    assert caught.value.message == NOT_AN_IMAGE


def test_too_large_file_is_refused_before_decoding():
    with pytest.raises(InvalidInput) as caught:
        reencode_image(b"\xff\xd8\xff" + b"0" * (5 * MB), max_bytes=5 * MB, max_side=2048)
    assert caught.value.message == IMAGE_TOO_LARGE.format(mb=5)


def test_decompression_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # tiny file, 400 million pixels
    assert len(buffer.getvalue()) < 5 * MB
    with pytest.raises(InvalidInput) as caught:
        reencode_image(buffer.getvalue(), max_bytes=5 * MB, max_side=2048)
    assert caught.value.message in (
        IMAGE_TOO_MANY_PIXELS.format(width=20000, height=20000),
        IMAGE_TOO_MANY_PIXELS.format(width="?", height="?"),
    )


def test_question_image_upload_endpoint(client_for, county_admin, town_b_admin, bank):
    upload = SimpleUploadedFile("photo.jpg", _jpeg_with_exif((800, 600)))
    response = client_for(county_admin).post(
        "/api/v1/questions/images", {"file": upload, "bank": bank.pk}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["width"], body["height"]) == (800, 600)
    assert body["markdown"] == f"![]({body['url']})"
    other = client_for(town_b_admin).post(
        "/api/v1/questions/images",
        {"file": SimpleUploadedFile("p.jpg", _jpeg_with_exif((10, 10))), "bank": bank.pk},
        format="multipart",
    )
    assert other.status_code == 404


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="走访台账回访，。；：“”（）%0123456789.、ab \n", max_size=60))
def test_plain_text_shortcut_renders_like_the_markdown_parser(text):
    from apps.common import markdown

    slow = (
        markdown.sanitize_html(markdown._renderer().reset().convert(text)) if text.strip() else ""
    )
    assert markdown.render_markdown(text) == slow


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="走访，。____（）12 \n*", max_size=40))
def test_question_text_shortcut_matches_the_escaped_parser_path(text):
    from apps.common import markdown
    from apps.questions.services import rendering

    escaped = rendering._BLANK.sub(lambda m: "\\_" * len(m.group()), text)
    slow = (
        markdown.sanitize_html(markdown._renderer().reset().convert(escaped))
        if text.strip()
        else ""
    )
    assert rendering.render_question_text(text) == slow
