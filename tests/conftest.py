"""Shared fixtures: build the real site once, build broken copies on demand, serve a site locally."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "snippets", "overrides", "hooks", "data")
SITE_URL = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_url"]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    return target


def build(
    project: Path, site: Path | None = None, exports: bool = False, pdfs: bool | None = None, shared: bool = False
) -> Build:
    """Run `mkdocs build --strict` in a project folder, as `make build` does; the PDFs and the
    offline archive only when asked for (`pdfs` alone: the PDFs only), since most checks need only the pages.
    A build that only one test waits for runs at a lower priority than a `shared` one, which many
    tests wait for: the machine's cores go first to the build that holds up the most tests."""
    site = site or project / "site"
    pdfs = exports if pdfs is None else pdfs
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "ENABLE_PDF_EXPORT": "1" if pdfs else "0",
        "ENABLE_OFFLINE_ARCHIVE": "1" if exports else "0",
    }
    lower_priority = [] if shared else ["nice", "-n", "10"]
    result = subprocess.run(
        [*lower_priority, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def built_once(tmp_path_factory, worker_id, name: str, prepare=lambda project: None, exports: bool = True) -> Build:
    """A copy of the project, changed by `prepare`, built once for the whole run. Under pytest-xdist
    the first worker to get here builds it and the others wait for it and read the same files."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    with FileLock(shared / f"{name}.lock"):
        project = shared / name
        outcome = shared / f"{name}.txt"
        if not outcome.exists():
            prepare(copy_project(project))
            result = build(project, exports=exports, shared=True)
            outcome.write_text(f"{result.returncode}\n{result.output}", encoding="utf-8")
        returncode, output = outcome.read_text(encoding="utf-8").split("\n", 1)
    return Build(int(returncode), output, project / "site")


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id) -> Path:
    """The real site with its PDFs and offline archive, built once for the whole run."""
    result = built_once(tmp_path_factory, worker_id, "real-project")
    assert result.ok, result.output
    return result.site


@pytest.fixture
def broken_project(tmp_path) -> Path:
    """A fresh copy of the project for a test to break."""
    return copy_project(tmp_path / "project")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(site) -> str:
    """The built site served over HTTP on the loopback interface; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


# Chromium's headless shell (Debian's chromium-headless-shell, the build Playwright itself runs for
# headless tests): the same Blink and V8 as `chromium` without the full browser around them, and
# about a quarter less CPU for the browser tests (benchmarks.md). Lighthouse and the benchmark's
# search timing use the full `chromium`, as readers do.
BROWSER = "chromium-headless-shell"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium headless shell driven by Playwright (Playwright's own browser download is not used)."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which(BROWSER)
    assert executable, f"Debian's {BROWSER} is not installed: run `make system-deps` (as root) first"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class ReusedTab:
    """One browser tab per test process, lent to one test at a time: opening a tab costs about
    0.7 s of CPU, most of what a short browser test costs. After each test it is put back as it
    was: the event listeners the test added, the data pages stored, cookies, viewport and
    emulated media are removed. A faked clock cannot be removed: tests that fake it borrow from a
    lender of their own, and all fake the same time (tests/test_deadlines.py)."""

    def __init__(self, browser, viewport: dict | None = None, **context_options):
        self.browser, self.tab = browser, None
        self.viewport = viewport or {"width": 1280, "height": 720}  # Playwright's default
        self.context_options = {"viewport": self.viewport, **context_options}

    def lend(self):
        if self.tab is None:
            self.tab = self.browser.new_context(**self.context_options).new_page()
        added = self.listeners = []
        tab = self.tab

        def on(event, handler):
            added.append((event, handler))
            type(tab).on(tab, event, handler)

        tab.on = on
        return tab

    def take_back(self) -> None:
        tab, self.tab = self.tab, None
        del tab.on
        try:
            for event, handler in self.listeners:
                tab.remove_listener(event, handler)
            tab.evaluate("try { localStorage.clear(); sessionStorage.clear() } catch (error) {}")
            tab.goto("about:blank")
            tab.context.clear_cookies()
            tab.set_viewport_size(self.viewport)
            tab.emulate_media(media="null", color_scheme="null")
        except Exception:  # a test that failed may leave the tab unusable: the next test gets a new one
            tab.context.close()
            return
        self.tab = tab

    def close(self) -> None:
        if self.tab is not None:
            self.tab.context.close()


@pytest.fixture(scope="session")
def reused_tab(browser):
    lender = ReusedTab(browser)
    yield lender
    lender.close()


@pytest.fixture
def page(reused_tab):
    yield reused_tab.lend()
    reused_tab.take_back()


def pytest_collection_modifyitems(items):
    """Tests that need no built site first: while one worker builds the site, the other has work."""
    items.sort(key=lambda item: "site" in getattr(item, "fixturenames", ()))
