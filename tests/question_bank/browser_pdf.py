"""Print an HTML page to PDF with Debian's Chromium, as a person does from a browser:
the page's date and title at the top of each page, its address and "第 x 页 / 共 y 页" at
the bottom. The page is served from memory at a made-up address (nothing is fetched).

Used by the PDF ingestion test and by bench/generator_report.py for the evaluation
set's HTML pages; it needs a CJK font (Debian: fonts-wqy-zenhei).
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE_URL = "https://www.example.gov.cn/zwgk/zcwj/202403/t20240318_1.html"
HEADER = (
    '<div style="font-size:8px;width:100%;padding:0 24px">'
    '<span class="date"></span>　<span class="title"></span></div>'
)
FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 24px"><span class="url"></span>　'
    '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>'
)


class BrowserUnavailable(RuntimeError):
    pass


def chromium_path() -> str | None:
    """Debian's Chromium (never a downloaded one); importable without Django settings."""
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def has_cjk_font() -> bool:
    try:
        out = subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.stdout.strip())


def print_pdf(html: str, url: str = PAGE_URL) -> bytes:
    executable = chromium_path()
    if executable is None:
        raise BrowserUnavailable("未安装 Debian chromium（/usr/bin/chromium）")
    if not has_cjk_font():
        raise BrowserUnavailable("缺少中文字体（apt-get install fonts-wqy-zenhei）")
    # Playwright's sync API refuses to start inside a running event loop (the browser
    # tests keep one for the whole session): print from a thread of our own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_print, executable, html, url).result()


def _print(executable: str, html: str, url: str) -> bytes:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page()

            def serve(route):
                if route.request.url == url:
                    route.fulfill(status=200, content_type="text/html; charset=utf-8", body=html)
                else:
                    route.abort()

            page.route("**/*", serve)
            page.goto(url)
            return page.pdf(
                format="A4",
                display_header_footer=True,
                header_template=HEADER,
                footer_template=FOOTER,
                margin={"top": "48px", "bottom": "48px", "left": "24px", "right": "24px"},
            )
        finally:
            browser.close()
