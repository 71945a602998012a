"""Benchmark: the exam page's performance budget (issue 8).

(a) Gzipped size of the JavaScript and CSS needed to open the exam page: the entry in
    frontend/dist/index.html with its static imports and CSS, plus the attempt route chunk
    with its static imports and CSS (from the Vite manifest), against the 150 KB budget.
(b) Time from navigation start to the first question being visible on /attempts/<id>,
    under Chromium's emulated slow 4G (150 ms latency, 1.6 Mbit/s down, 750 kbit/s up)
    and 4× CPU slowdown, cold cache (a new browser context and no service worker) each run;
    median of N runs. Baseline: the same measurement for a tiny static HTML page served by
    the same server under the same throttling. Target: ≤ 3 s.

(c) The organization department's console (issue 11): the gzipped JS and CSS of its first
    screen (console.html's entry with its static imports and CSS, plus the layout and the
    工作台 route chunks), and its time to interactive on an unthrottled desktop (1366×768, no
    network or CPU throttling, cold cache): from navigation start to the 工作台's counts
    showing the API's numbers, logged in as an org admin; median of N runs. Baseline: the
    tiny static page, unthrottled. Target: ≤ 2 s.

The server is gunicorn on a temporary SQLite database (migrated, with one cadre and an open
exam of 20 questions, and an org admin of the county), started and stopped by this script.

    .venv/bin/python bench/frontend_perf.py [--runs 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "frontend" / "dist"
BUDGET_KB = 150
TARGET_MS = 3000
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-dev-shm-usage",
]
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
USERNAME, PASSWORD = "bench01", "Bench@pass2026"
ADMIN = "benchadmin"
CONSOLE_BUDGET_MS = 2000
DESKTOP = {"width": 1366, "height": 768}
CONSOLE_FIRST_SCREEN = [
    "src/console/layout/ConsoleLayout.vue",
    "src/console/views/dashboard/DashboardView.vue",
]
# Records when the first element matching the selector appears (performance.now() is
# measured from navigation start), without polling from outside the page.
MARK_SCRIPT = """
(() => {
  const sel = 'article.qcard, #bench-tiny';
  const mark = () => {
    if (window.__firstShown === undefined && document.querySelector(sel)) {
      window.__firstShown = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();
"""


# The 工作台 is interactive when its counts hold the API's numbers (not the '—' placeholder).
CONSOLE_MARK_SCRIPT = """
(() => {
  const ready = () => {
    const count = document.querySelector('[data-testid="count-exams_open"] .card-count');
    return count && /\\d/.test(count.textContent) ? count : null;
  };
  const mark = () => {
    if (window.__firstShown === undefined && (ready() || document.querySelector('#bench-tiny'))) {
      window.__firstShown = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();
"""


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_files(*keys: str) -> list[str]:
    """The files a page loads: each manifest entry with its static imports and CSS."""
    manifest = json.loads((DIST / ".vite" / "manifest.json").read_text())
    files: list[str] = []

    def walk(key: str) -> None:
        entry = manifest.get(key)
        if not entry or entry["file"] in files:
            return
        files.append(entry["file"])
        files.extend(css for css in entry.get("css", []) if css not in files)
        for dep in entry.get("imports", []):
            walk(dep)

    for key in keys:
        walk(key)
    return files


def exam_page_files() -> list[str]:
    return page_files("index.html", "src/views/exam/AttemptView.vue")


def console_size_figures() -> dict:
    files = page_files("console.html", *CONSOLE_FIRST_SCREEN)
    sizes = {f: gz_size(DIST / f) for f in files}
    js = sum(s for f, s in sizes.items() if f.endswith(".js"))
    css = sum(s for f, s in sizes.items() if f.endswith(".css"))
    print(
        f"console first screen: JS {js / 1024:.1f} KB + CSS {css / 1024:.1f} KB = "
        f"{(js + css) / 1024:.1f} KB gzipped in {len(files)} files"
    )
    return {
        "console_gzip_kb": round((js + css) / 1024, 1),
        "console_js_gzip_kb": round(js / 1024, 1),
        "console_css_gzip_kb": round(css / 1024, 1),
    }


def size_figures() -> dict:
    files = exam_page_files()
    sizes = {f: gz_size(DIST / f) for f in files}
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{size / 1024:8.1f} KB  {name}")
    js = sum(s for f, s in sizes.items() if f.endswith(".js"))
    css = sum(s for f, s in sizes.items() if f.endswith(".css"))
    html = gz_size(DIST / "index.html")
    total_kb = round((js + css) / 1024, 1)
    print(
        f"JS {js / 1024:.1f} KB + CSS {css / 1024:.1f} KB = {total_kb} KB gzipped "
        f"(budget {BUDGET_KB} KB, {total_kb / BUDGET_KB:.0%} of it); index.html {html / 1024:.1f} KB"
    )
    return {
        "exam_page_gzip_kb": total_kb,
        "js_gzip_kb": round(js / 1024, 1),
        "css_gzip_kb": round(css / 1024, 1),
    }


def build_data() -> int:
    """Migrate the temporary database; a cadre with an attempt in progress on a 20-question exam."""
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from django.contrib.auth.hashers import make_password

    from apps.accounts.models import AdminScope, User
    from apps.exams.models import Paper, PaperItem
    from apps.exams.services import attempts
    from apps.questions.models import Bank
    from tests.backend.exams.conftest import ABCD, make_exam, make_question
    from tests.factories import make_tree

    tree = make_tree()
    cadre = User.objects.create(
        username=USERNAME,
        real_name="基准干部",
        org_unit=tree.village_a1,
        is_cadre=True,
        password=make_password(PASSWORD),
    )
    bank = Bank.objects.create(name="基准题库", org_unit=tree.county)
    paper = Paper.objects.create(title="基准试卷", org_unit=tree.county, mode=Paper.Mode.FIXED)
    for i in range(1, 21):
        question = make_question(
            bank, "single", "B", options=ABCD, stem=f"第{i}题：关于村务公开的说法，哪一项正确？"
        )
        PaperItem.objects.create(paper=paper, position=i, question=question, points=5, section="")
    exam = make_exam(tree, paper, title="基准考试")
    attempt, _created, _meta = attempts.start_or_resume(exam, cadre)
    admin = User.objects.create(
        username=ADMIN,
        real_name="基准管理员",
        org_unit=tree.department,
        is_cadre=False,
        password=make_password(PASSWORD),
    )
    AdminScope.objects.create(user=admin, org_unit=tree.county)
    return attempt.pk


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen(
        [
            gunicorn,
            "frontend_perf_wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "-k",
            "gthread",
            "--threads",
            "4",
            "--chdir",
            str(ROOT / "backend"),
            "--pythonpath",
            f"{ROOT / 'bench'},{ROOT}",
            "--log-level",
            "warning",
        ],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode()[-2000:])
        try:
            httpx.get(f"{url}/bench/tiny", timeout=1)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in 30 s")


def log_in(context, url: str, username: str) -> None:
    context.request.get(f"{url}/api/v1/auth/csrf")
    token = next(c["value"] for c in context.cookies() if c["name"] == "csrftoken")
    reply = context.request.post(
        f"{url}/api/v1/auth/login",
        data={"username": username, "password": PASSWORD},
        headers={"X-CSRFToken": token, "Referer": url},
    )
    assert reply.ok, reply.text()


def measure(browser, url: str, path: str, login: bool) -> float:
    """One cold load of `path` under throttling; ms from navigation start to first content."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        service_workers="block",
    )
    try:
        if login:
            log_in(context, url, USERNAME)
        context.add_init_script(MARK_SCRIPT)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.clearBrowserCache")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(f"{url}{path}", wait_until="commit")
        page.locator("article.qcard, #bench-tiny").first.wait_for(state="visible", timeout=60_000)
        shown = page.evaluate("window.__firstShown")
        assert shown is not None, "the first question never appeared"
        return float(shown)
    finally:
        context.close()


def measure_console(browser, url: str, path: str, login: bool) -> float:
    """One cold, unthrottled desktop load; ms from navigation start until the 工作台 shows
    its counts (or the tiny page its heading)."""
    # bypass_csp: Playwright's wait_for_function evaluates its predicate, which the site's
    # Content-Security-Policy (script-src 'self') rightly forbids to page scripts.
    context = browser.new_context(
        viewport=DESKTOP, locale="zh-CN", service_workers="block", bypass_csp=True
    )
    try:
        if login:
            log_in(context, url, ADMIN)
        context.add_init_script(CONSOLE_MARK_SCRIPT)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.clearBrowserCache")
        page.goto(f"{url}{path}", wait_until="commit")
        page.wait_for_function("window.__firstShown !== undefined", timeout=60_000)
        return float(page.evaluate("window.__firstShown"))
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (DIST / ".vite" / "manifest.json").exists():
        sys.exit("frontend/dist is missing: run `cd frontend && npm run build` first")

    sizes = size_figures()
    console_sizes = console_size_figures()

    workdir = tempfile.mkdtemp(prefix="bench-frontend-")
    os.environ.update(
        {
            "VAR_DIR": workdir,
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "LOG_LEVEL": "WARNING",
        }
    )
    os.environ.pop("REDIS_URL", None)
    sys.path[:0] = [str(ROOT / "backend"), str(ROOT)]
    attempt_id = build_data()

    proc, url = start_server(dict(os.environ))
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            exam_runs, base_runs = [], []
            for i in range(args.runs):
                base_runs.append(measure(browser, url, "/bench/tiny", login=False))
                exam_runs.append(measure(browser, url, f"/attempts/{attempt_id}", login=True))
                print(
                    f"run {i + 1}: exam page first question {exam_runs[-1]:.0f} ms, tiny page {base_runs[-1]:.0f} ms"
                )
            console_runs, console_base = [], []
            for i in range(args.runs):
                console_base.append(measure_console(browser, url, "/bench/tiny", login=False))
                console_runs.append(measure_console(browser, url, "/console/", login=True))
                print(
                    f"run {i + 1}: console 工作台 interactive {console_runs[-1]:.0f} ms, "
                    f"tiny page {console_base[-1]:.0f} ms (unthrottled desktop)"
                )
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)

    exam_ms, base_ms = statistics.median(exam_runs), statistics.median(base_runs)
    ratio = exam_ms / base_ms
    print(
        f"first question visible: median {exam_ms:.0f} ms over {args.runs} cold runs "
        f"(target ≤ {TARGET_MS} ms: {'met' if exam_ms <= TARGET_MS else 'MISSED'})"
    )
    print(f"baseline tiny static page: median {base_ms:.0f} ms; ratio {ratio:.2f}×")
    print(
        f"exam page JS+CSS: {sizes['exam_page_gzip_kb']} KB gzipped (budget {BUDGET_KB} KB: "
        f"{'met' if sizes['exam_page_gzip_kb'] <= BUDGET_KB else 'MISSED'})"
    )
    console_ms, console_base_ms = statistics.median(console_runs), statistics.median(console_base)
    print(
        f"console 工作台 interactive: median {console_ms:.0f} ms over {args.runs} cold runs, unthrottled "
        f"(target ≤ {CONSOLE_BUDGET_MS} ms: {'met' if console_ms <= CONSOLE_BUDGET_MS else 'MISSED'}); "
        f"tiny page {console_base_ms:.0f} ms, ratio {console_ms / console_base_ms:.2f}×"
    )
    print(f"console first screen JS+CSS: {console_sizes['console_gzip_kb']} KB gzipped")
    print(
        json.dumps(
            {
                "exam_page_gzip_kb": sizes["exam_page_gzip_kb"],
                **console_sizes,
                "console_tti_ms_median": round(console_ms),
                "console_baseline_ms": round(console_base_ms),
                "console_ratio": round(console_ms / console_base_ms, 2),
                "console_target_ms": CONSOLE_BUDGET_MS,
                "budget_kb": BUDGET_KB,
                "first_question_ms_median": round(exam_ms),
                "baseline_ms": round(base_ms),
                "ratio": round(ratio, 2),
                "target_ms": TARGET_MS,
                "runs": args.runs,
            }
        )
    )


if __name__ == "__main__":
    main()
