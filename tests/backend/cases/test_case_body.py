"""A case body keeps its photos as site paths, and counts the words a reader sees."""

from apps.cases.body import render_body, site_relative_images, visible_chars


def test_own_site_photo_addresses_become_paths():
    body = "前言\n\n![现场](http://127.0.0.1:8000/media/cases/2026/a.jpg)\n\n![外链](https://x.cn/p.png)"
    stored = site_relative_images(body)
    assert "](/media/cases/2026/a.jpg)" in stored and "127.0.0.1" not in stored
    assert "](https://x.cn/p.png)" in stored  # not our media: left as written
    assert 'src="/media/cases/2026/a.jpg"' in render_body(body)


def test_the_count_leaves_out_image_links_and_markdown_marks():
    body = "## 做法\n\n- **上门**走访\n\n![现场照片](/media/cases/2026/a-very-long-file-name.jpg)"
    assert visible_chars(body) == len("做法上门走访")
