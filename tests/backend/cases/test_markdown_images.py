"""Rendered Markdown loads images only from our own media: no tracking pixel in a case
body, a question stem or a notice can tell an outside server who opened it, and when."""

import pytest

from apps.cases.services import cases
from apps.common.markdown import render_markdown
from apps.questions.services.rendering import render_question_text

pytestmark = pytest.mark.django_db

OUTSIDE = [
    "![p](https://evil.example/t.gif)",
    "![p](http://evil.example/t.gif)",
    "![p](//evil.example/t.gif)",
    "![p](/\\evil.example/t.gif)",
    '<img src="https://evil.example/t.gif">',
    '<img src="//evil.example/t.gif" alt="x">',
    '<img src=" //evil.example/t.gif">',
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">',
    '<img src="/media/../static/x.png">',
    '<img src="/api/v1/auth/logout">',
    '<img src="https://evil.example/media/cases/1/a.jpg">',
    '<img src="javascript:alert(1)//media/">',
]


@pytest.mark.parametrize("text", OUTSIDE)
def test_images_from_anywhere_but_our_media_are_dropped(text):
    html = render_markdown(f"看图：{text}")
    assert "<img" not in html
    assert "evil.example" not in html
    assert "看图" in html


def test_our_own_media_images_stay():
    html = render_markdown("![现场照片](/media/cases/12/photo.jpg)")
    assert 'src="/media/cases/12/photo.jpg"' in html and 'alt="现场照片"' in html


def test_our_media_by_one_of_our_own_host_names_stays_as_a_path(settings):
    settings.ALLOWED_HOSTS = ["ks.example.gov.cn", ".example.gov.cn"]
    html = render_markdown("![照片](https://ks.example.gov.cn:8443/media/cases/3/a.jpg)")
    assert 'src="/media/cases/3/a.jpg"' in html
    assert "<img" not in render_markdown("![照片](https://x.example.gov.cn/media/cases/3/a.jpg)")


def test_a_case_body_with_a_tracking_pixel_renders_without_it(call, cadre, client_for):
    case = cases.start_case(call, cadre, title="t", body="")
    response = client_for(cadre).patch(
        f"/api/v1/cases/{case.pk}",
        {"body": "走访记录\n\n![p](https://evil.example/t.gif)"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert "走访记录" in response.json()["body_html"]
    assert "<img" not in response.json()["body_html"]


def test_a_question_stem_cannot_call_out_either():
    assert "evil.example" not in render_question_text("下列说法正确的是 ![](//evil.example/p.gif)")
