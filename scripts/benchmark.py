"""Measure what a reader and a maintainer feel: build time, size, and a country page's first load.

Prints, for the real site and for generated sites of 50, 100 and 200 countries in both languages:
the clean build time (median of several builds), the number of pages and the total size; the
ratio of the real build (pages and search) to plain Material building the same Markdown with the
same plugins but without the project's front matter, snippets, templates and hooks, both timed
in turn in one run; and, for a country page of the real site, the requests and bytes of its first
load, compressed with gzip as a static host would serve them. Not a test: it prints figures for
benchmarks.md.

    .venv/bin/python scripts/benchmark.py [--runs 3] [--sizes 50 100 200] [--only-ratio | --only-search]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "snippets", "overrides", "hooks", "data")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def timed_build(project: Path, env: dict[str, str]) -> tuple[float, Path]:
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start, site


def plain_material(project: Path) -> Path:
    """The same Markdown built by plain Material with the same plugins: no front matter, the shared
    checklists written into each page instead of included as snippets, no template overrides, no
    hooks. What is left is the cost of rendering the same text; the ratio is what the project adds."""
    snippets = project / "snippets"
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"\A---\n.*?\n---\n", "", text, count=1, flags=re.S)
        text = re.sub(r'^-{1,}8<-{1,}\s+"([^"]+)"\s*$', lambda m: (snippets / m[1]).read_text(encoding="utf-8"), text, flags=re.M)
        page.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^  custom_dir: .*\n", "", text, flags=re.M)
    config.write_text(text, encoding="utf-8")
    return project


def build_ratio(folder: Path, runs: int) -> None:
    """Time the real build and plain Material's in turn, so both see the same machine load."""
    real = copy_project(folder / "ratio-real")
    plain = plain_material(copy_project(folder / "ratio-plain"))
    env = {"ENABLE_OFFLINE_ARCHIVE": "0", "ENABLE_PDF_EXPORT": "0"}
    timed_build(plain, env)  # warm the file cache and jieba's model cache for both
    times: dict[Path, list[tuple[float, float]]] = {real: [], plain: []}
    for _ in range(max(runs, 5)):
        for project in times:
            cpu_before = cpu_of_children()
            wall = timed_build(project, env)[0]
            times[project].append((wall, cpu_of_children() - cpu_before))
    # The fastest of several builds is the least disturbed by whatever else the machine is doing.
    for i, measure in enumerate(("wall-clock", "CPU")):
        for name, summary in (("fastest", min), ("median", statistics.median)):
            mine, theirs = (summary(t[i] for t in times[project]) for project in (real, plain))
            print(
                f"build ratio (pages + search, {measure} time, {name} of {len(times[real])} builds each, taken in turn): "
                f"{mine / theirs:.2f}x (this project {mine:.2f} s, plain Material on the same Markdown {theirs:.2f} s)"
            )


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def describe(site: Path) -> tuple[int, int]:
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return pages, size


def describe_pdfs(site: Path) -> str:
    """Pages and sizes of the whole-guide PDFs, and the range of the country PDFs' sizes."""
    from pypdf import PdfReader

    lines = []
    for folder in (site / "pdf", site / "en/pdf"):
        guide, *countries = sorted(folder.glob("*.pdf"), key=lambda path: len(path.name))
        sizes = sorted(path.stat().st_size for path in countries)
        lines.append(
            f"{guide.name}: {len(PdfReader(guide).pages)} pages, {guide.stat().st_size / 1e6:.2f} MB; "
            f"{len(countries)} country PDFs: {sizes[0] / 1e3:.0f}-{sizes[-1] / 1e3:.0f} KB, {sum(sizes) / 1e6:.1f} MB in all"
        )
    return "\n".join(lines)


def add_generated_countries(project: Path, count: int) -> None:
    """Copies of the US guide under other country codes, listed in the navigation."""
    used = {p.name.split(".")[0].upper() for p in (project / "docs/countries").glob("*.md")}
    codes = [c.alpha_2 for c in pycountry.countries if c.alpha_2 not in used][: count - len(used) + 1]
    nav_lines = []
    for code in codes:
        for suffix in (".md", ".en.md"):
            text = (project / f"docs/countries/us{suffix}").read_text(encoding="utf-8")
            text = re.sub(r"^country: US$", f"country: {code}", text, count=1, flags=re.M)
            text = re.sub(r"^title: .*$", f"title: Generated {code}", text, count=1, flags=re.M)
            (project / f"docs/countries/{code.lower()}{suffix}").write_text(text, encoding="utf-8")
        nav_lines.append(f"          - countries/{code.lower()}.md")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("      - 大洋洲:\n", "      - 大洋洲:\n" + "\n".join(nav_lines) + "\n", 1)
    config.write_text(text, encoding="utf-8")


def first_load(site: Path, path: str) -> tuple[int, int, int]:
    """Requests, raw bytes and gzip bytes of a page's first load in Chromium, search index included."""
    from playwright.sync_api import sync_playwright

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    files = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.on("requestfinished", lambda request: files.append(request.url))
        page.goto(base + path, wait_until="networkidle")
        browser.close()
    server.shutdown()
    raw = compressed = 0
    for url in files:
        local = site / url.removeprefix(base).split("?")[0].split("#")[0]
        local = local / "index.html" if local.is_dir() else local
        data = local.read_bytes()
        raw += len(data)
        compressed += len(gzip.compress(data, compresslevel=6))
    return len(files), raw, compressed


SEARCH_QUERIES = {
    "countries/us/": ["注销", "携号转网", "PAC码", "余额退款"],
    "en/countries/us/": ["cancel", "port out", "refund balance", "eSIM"],
}
TIME_RESULTS = """query => new Promise(resolve => {
  // From the key that ends the query to the first results on screen.
  const list = document.querySelector(".md-search-result__list");
  const input = document.querySelector("input.md-search__input");
  const start = performance.now();
  const seen = new MutationObserver(() => {
    if (list.childElementCount) { seen.disconnect(); resolve(performance.now() - start); }
  });
  seen.observe(list, { childList: true });
  input.value = query;
  input.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }));
})"""


def search_timings(site: Path, runs: int) -> None:
    """How long the search index takes to load once a reader opens the search, and how long each
    query then takes from its last keystroke to results on screen (medians of `runs` tries)."""
    from playwright.sync_api import sync_playwright

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for path, queries in SEARCH_QUERIES.items():
            loads, latencies = [], {query: [] for query in queries}
            for _ in range(runs):
                page = browser.new_page()
                page.goto(base + path, wait_until="networkidle")
                start = time.perf_counter()
                page.locator("input.md-search__input").click()
                page.wait_for_function(
                    "() => { const m = document.querySelector('.md-search-result__meta');"
                    " return m && m.textContent.trim() && !/初始化|Initializing/.test(m.textContent); }"
                )
                loads.append((time.perf_counter() - start) * 1000)
                for query in queries:
                    latencies[query].append(page.evaluate(TIME_RESULTS, query))
                    page.locator("input.md-search__input").fill("")
                page.close()
            print(f"search on /{path}: index loaded and ready {statistics.median(loads):.0f} ms after the search is opened")
            for query, times in latencies.items():
                print(f"  {query!r}: results {statistics.median(times):.0f} ms after the last keystroke")
        browser.close()
    server.shutdown()


def row(site: str, build: str, times: list[float], pages: int, size: int) -> str:
    return f"| {site} | {build} | {statistics.median(times):.2f} s | {pages} | {size / 1e6:.1f} MB |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[50, 100, 200])
    parser.add_argument("--only-ratio", action="store_true", help="print only the ratio to plain Material")
    parser.add_argument("--only-search", action="store_true", help="print only the search timings (builds the site once)")
    args = parser.parse_args()

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    print(f"machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print()
    if args.only_search:
        with tempfile.TemporaryDirectory() as folder:
            real = copy_project(Path(folder) / "real")
            timed_build(real, {"ENABLE_OFFLINE_ARCHIVE": "0", "ENABLE_PDF_EXPORT": "0"})
            search_timings(real / "site", max(args.runs, 5))
        return
    if args.only_ratio:
        with tempfile.TemporaryDirectory() as folder:
            build_ratio(Path(folder), args.runs)
        return
    variants = {
        "pages + search only": {"ENABLE_OFFLINE_ARCHIVE": "0", "ENABLE_PDF_EXPORT": "0"},
        "everything but the PDFs": {"ENABLE_PDF_EXPORT": "0"},
        "everything (make build)": {},
    }
    medians = {}
    print("| site | build | median clean build | pages | total size |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        real = copy_project(Path(folder) / "real")
        for name, env in variants.items():
            times = [timed_build(real, env)[0] for _ in range(args.runs)]
            medians[name] = statistics.median(times)
            pages, size = describe(real / "site")
            countries = len(list((real / "docs/countries").glob("*.en.md"))) - 1
            print(row(f"real ({countries} countries)", name, times, pages, size))
        pdf_sizes = describe_pdfs(real / "site")
        for count in args.sizes:
            project = copy_project(Path(folder) / f"generated-{count}")
            add_generated_countries(project, count)
            times = [timed_build(project, variants["pages + search only"])[0] for _ in range(args.runs)]
            pages, size = describe(project / "site")
            print(row(f"generated ({count} countries)", "pages + search only", times, pages, size))
        print()
        build_ratio(Path(folder), args.runs)
        pdf_step = medians["everything (make build)"] - medians["everything but the PDFs"]
        print(f"PDF step: adds {pdf_step:.2f} s to the clean build (medians).")
        print(pdf_sizes)
        print()
        timed_build(real, {})
        print("| first load of | requests | transferred (gzip) | uncompressed |")
        print("| --- | --- | --- | --- |")
        for path in ("countries/us/", "en/countries/us/", ""):
            requests, raw, compressed = first_load(real / "site", path)
            print(f"| /{path} | {requests} | {compressed / 1024:.0f} KB | {raw / 1024:.0f} KB |")
        print()
        search_timings(real / "site", max(args.runs, 5))


if __name__ == "__main__":
    main()
