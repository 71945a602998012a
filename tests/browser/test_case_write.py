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
    page.wait_for_url(re.compile(r"/cases/write/\d+$"), timeout=WAIT)
    expect(page.get_by_test_id("case-title")).to_be_visible(timeout=WAIT)
    page.wait_for_timeout(2500)  # longer than the autosave delay
    assert not Case.objects.filter(author=cadre).exists()  # tapping 写案例 stores nothing

    page.get_by_test_id("case-title").fill("水管维修费用分摊调解记")
    expect(page.get_by_test_id("case-save-state")).to_contain_text("已保存", timeout=WAIT)
    case = Case.objects.get(author=cadre, call=call)
    assert case.status == Case.Status.DRAFT
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
    editor_count = int(re.search(r"正文 (\d+) 字", page.inner_text(".case-edit__count")).group(1))

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
    # stored as a path on our own site, so it shows under any address
    assert re.search(r"!\[[^\]]*\]\(/media/[^)]+\)", case.body), case.body
    assert case.versions.get().char_count == editor_count
    expect(page.locator(".yz-muted", has_text="提交于")).to_contain_text(f"{editor_count} 字")

    # Under another address of the same site the photo still shows (the body holds a path).
    host = "127.0.0.1" if "localhost" in live_server.url else "localhost"
    other = re.sub(r"//[^:/]+", f"//{host}", live_server.url)
    log_in(page, other, "cadre51", landing=f"/cases/{case.pk}")
    photo = page.locator(".case-view__body img")
    expect(photo).to_be_visible(timeout=WAIT)
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=photo.element_handle()
    )


def test_the_editor_toolbar_fits_a_360_px_phone(live_server, browser):
    tree = make_tree()
    admin = make_user(tree.department, is_cadre=False, admin_of=[tree.county])
    make_user(tree.village_a1, username="cadre52")
    call = open_call(tree, admin)
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    log_in(page, live_server.url, "cadre52", landing=f"/cases/write/{call.pk}")
    photo = page.get_by_test_id("case-photo")
    expect(photo).to_be_visible(timeout=WAIT)
    box = photo.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    page.screenshot(path="/tmp/h15_toolbar_360.png")
    context.close()
