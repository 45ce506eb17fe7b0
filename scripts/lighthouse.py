"""Run Lighthouse (mobile) on the built site, served compressed as a static host would; print scores.

    make build && .venv/bin/python scripts/lighthouse.py [site] [--runs 5]

Needs Node.js with npm (Lighthouse is fetched once by npx) and Debian's chromium. Not a test:
it prints the four category scores of the home page and a country page in each language, and
the audits that kept any category under 100, for benchmarks.md. One run's performance score
moves by a few points with the machine's load (its blocking time is measured, then scaled), so
each page is run several times and the run with the median performance score is reported, as
Lighthouse's own guide to variability advises, with the lowest and highest score beside it.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import os
import shutil
import subprocess
import tempfile
import threading
from functools import partial
from pathlib import Path

LIGHTHOUSE = "lighthouse@13.5.0"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
PAGES = ("", "countries/us/", "en/", "en/countries/gb/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: gzip for text files when the browser accepts it, and caching headers."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def lighthouse(url: str, report: Path) -> dict:
    flags = " ".join(
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        + ["--disable-component-update", "--disable-sync", "--no-first-run"]
    )
    subprocess.run(
        [
            "npx",
            "--yes",
            LIGHTHOUSE,
            url,
            "--quiet",
            f"--chrome-flags={flags}",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=" + ",".join(CATEGORIES),
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": shutil.which("chromium")},
    )
    return json.loads(report.read_text())


def score(result: dict, category: str) -> int:
    return round(result["categories"][category]["score"] * 100)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("site", nargs="?", default="site")
    arguments.add_argument("--runs", type=int, default=5, help="runs per page (the median is reported)")
    options = arguments.parse_args()
    site = Path(options.site).resolve()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(CompressingHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    print(f"median of {options.runs} runs per page (performance: median, then lowest-highest)")
    print("| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |")
    print("| --- | " + " | ".join("---" for _ in CATEGORIES) + " | --- | --- | --- | --- |")
    misses = {}
    with tempfile.TemporaryDirectory() as folder:
        for path in PAGES:
            runs = sorted(
                (lighthouse(base + path, Path(folder) / f"report-{n}.json") for n in range(options.runs)),
                key=lambda result: score(result, "performance"),
            )
            result = runs[len(runs) // 2]
            performance = [score(run, "performance") for run in runs]
            scores = [f"{score(result, 'performance')} ({performance[0]}-{performance[-1]})"]
            scores += [str(score(result, c)) for c in CATEGORIES[1:]]
            metrics = [result["audits"][m]["displayValue"] for m in METRICS]
            print(f"| /{path} | " + " | ".join([*scores, *metrics]) + " |")
            for category in CATEGORIES:
                for ref in result["categories"][category]["auditRefs"]:
                    audit = result["audits"][ref["id"]]
                    if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                        misses.setdefault(f"{category}: {audit['title']}", []).append(f"/{path}")
    server.shutdown()
    for miss, pages in sorted(misses.items()):
        print(f"- {miss} ({', '.join(pages)})")


if __name__ == "__main__":
    main()
