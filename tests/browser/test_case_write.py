"""A cadre writes a case on the phone, adds a photo from the camera roll and submits it."""

import re

import pytest
from playwright.sync_api import expect

from apps.cases.models import Case
from tests.backend.cases.conftest import BODY
from tests.browser.builders import WAIT, log_in, open_call, png_file
from tests.factories import make_tree, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_cadre_writes_a_case_with_a_photo_and_submits_it(live_server, phone, tmp_path):
    tree = make_tree()
    admin = make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    cadre = make_user(tree.village_a1, username="cadre51", real_name="赵村官")
    call = open_call(tree, admin)
    page = phone

    log_in(page, live_server.url, "cadre51", landing="/cases")
    page.get_by_test_id(f"write-case-{call.pk}").click()
    page.wait_for_url(re.compile(r"/cases/\d+$"), timeout=WAIT)
    case = Case.objects.get(author=cadre, call=call)
    assert case.status == Case.Status.DRAFT

    page.get_by_test_id("case-title").fill("水管维修费用分摊调解记")
    body = page.get_by_test_id("case-body")
    body.fill(BODY)
    page.get_by_test_id("case-photo-input").set_input_files(str(png_file(tmp_path)))
    # The compressed photo is uploaded and its Markdown is inserted into the body.
    expect(body).to_have_value(re.compile(r"!\[[^\]]*\]\([^)]+\)"), timeout=WAIT)
    expect(page.get_by_test_id("case-save-state")).to_contain_text("已保存", timeout=WAIT)
    # The preview shows the photo: the protected /media/ view lets its author read it.
    page.get_by_role("tab", name="预览").click()
    photo = page.locator(".case-view__body img")
    expect(photo).to_be_visible(timeout=WAIT)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )
    page.get_by_role("tab", name="编辑").click()

    page.get_by_test_id("case-submit").click()
    page.get_by_role("button", name="确认提交").click()
    expect(page.get_by_text("案例已提交")).to_be_visible(timeout=WAIT)

    case.refresh_from_db()
    assert case.status != Case.Status.DRAFT and case.submitted_at is not None
    assert case.title == "水管维修费用分摊调解记"
    assert "驻村干部上门走访" in case.body
    image = case.images.get()
    assert image.width == 320 and image.height == 240
    assert re.search(r"!\[[^\]]*\]\([^)]+\)", case.body)
