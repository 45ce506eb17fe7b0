"""The guide's content: coverage, the two languages agreeing, copy quality, freshness, the comparison."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from urllib.parse import urljoin, urlsplit

import autocorrect_py
import pytest
import yaml
from conftest import ROOT, build
from site_pages import DOCS, all_pages, country_pages

PAGES = all_pages()
COUNTRIES = country_pages()
ZH_PAGES = [p for p in PAGES if p.lang == "zh"]
REQUIRED = {
    *("US", "CA"),  # North America
    *("GB", "FR", "DE", "NL", "IE", "ES", "IT"),  # Europe
    *("CN", "HK", "MO", "TW", "JP", "KR"),  # East Asia, with the reader's own mainland number
    *("SG", "TH", "MY", "PH", "ID", "VN"),  # Southeast Asia
    *("KW", "AE"),  # Middle East
    *("AU", "NZ"),  # Oceania
}


def test_the_guide_covers_the_25_places_readers_keep_numbers_in():
    codes = {p.meta["country"] for p in COUNTRIES}
    assert sorted(REQUIRED - codes) == []
    assert len(REQUIRED) == 25


def article_links(page, site):
    """Where the article's links lead, written language-neutrally so that twins can be compared:
    our own pages without their language prefix or heading anchor (heading slugs are per language).
    Download links are left out: each language offers its own PDF."""
    here = "https://site.test/" + page.url
    links = set()
    for a in page.html(site).select("article a[href]:not(.headerlink):not(.md-content__button)"):
        if a.find_parent(class_="guide-downloads"):
            continue
        url = urljoin(here, a["href"])
        if url.startswith("https://site.test/"):
            parts = urlsplit(url)
            keep = parts.fragment if re.fullmatch(r"source-\d+|at-a-glance", parts.fragment) else ""
            url = "site:" + parts.path.removeprefix("/").removeprefix("en/") + "#" + keep
        links.add(url)
    return links


@pytest.mark.parametrize("page", ZH_PAGES, ids=[p.src for p in ZH_PAGES])
def test_both_languages_of_a_page_link_to_the_same_places(site, page):
    assert article_links(page, site) == article_links(page.twin, site)


@pytest.mark.parametrize("page", ZH_PAGES, ids=[p.src for p in ZH_PAGES])
def test_both_languages_of_a_page_cite_the_same_sources(page):
    assert [s["url"] for s in page.meta.get("sources", [])] == [s["url"] for s in page.twin.meta.get("sources", [])]


def numbers_of(carrier: dict) -> tuple:
    lost = carrier["lost_after"]
    return (lost and (lost["value"], lost["unit"]), carrier["refund"], carrier["sources"])


@pytest.mark.parametrize("page", [p for p in COUNTRIES if p.lang == "zh"], ids=lambda p: p.src)
def test_both_languages_of_a_guide_give_the_same_at_a_glance_numbers(page):
    assert [numbers_of(c) for c in page.meta["carriers"]] == [numbers_of(c) for c in page.twin.meta["carriers"]]


def chinese_copy(page) -> str:
    """The page's own Chinese prose: the body and front-matter text, but not source titles,
    which are quoted in their original language and spelling."""
    text = (DOCS / page.src).read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    meta = page.meta
    fields = [meta["title"], meta.get("description", "")]
    for carrier in meta.get("carriers", []):
        fields += [carrier["keep_alive"], carrier["port_out"]]
        if carrier["lost_after"]:
            fields.append(carrier["lost_after"]["counted_from"])
    return "\n\n".join(fields) + "\n\n" + body


CHINESE_FILES = [p.src for p in ZH_PAGES] + [f"../snippets/zh/{p.name}" for p in sorted((ROOT / "snippets/zh").glob("*.md"))]


@pytest.mark.parametrize("page", ZH_PAGES, ids=[p.src for p in ZH_PAGES])
def test_chinese_copy_passes_the_copy_linter(page):
    result = autocorrect_py.lint_for(chinese_copy(page), "md")
    assert [f"{line.old!r} -> {line.new!r}" for line in result.lines] == []


@pytest.mark.parametrize(
    "snippet", [*sorted((ROOT / "snippets/zh").glob("*.md")), ROOT / "CONTRIBUTING.md"], ids=lambda p: p.name
)
def test_chinese_snippets_and_the_contributing_guide_pass_the_copy_linter(snippet):
    result = autocorrect_py.lint_for(snippet.read_text(encoding="utf-8"), "md")
    assert [f"{line.old!r} -> {line.new!r}" for line in result.lines] == []


def test_english_prose_has_no_spelling_errors():
    english = [str(p) for p in DOCS.rglob("*.en.md")] + [str(p) for p in (ROOT / "snippets/en").glob("*.md")]
    english += [str(ROOT / "README.md"), str(ROOT / "CONTRIBUTING.en.md")]
    result = subprocess.run(
        [sys.executable, "-m", "codespell_lib", "--toml", str(ROOT / "pyproject.toml"), *english],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_guide_verified_more_than_twelve_months_ago_warns_that_it_may_be_out_of_date(broken_project):
    stale_day = (dt.date.today() - dt.timedelta(days=400)).isoformat()
    for name in ("us.md", "us.en.md"):
        path = broken_project / "docs/countries" / name
        path.write_text(
            re.sub(r"^last_verified: .*$", f"last_verified: {stale_day}", path.read_text(encoding="utf-8"), count=1, flags=re.M),
            encoding="utf-8",
        )
    result = build(broken_project)
    assert result.ok, result.output
    for url in ("countries/us/index.html", "en/countries/us/index.html"):
        html = (result.site / url).read_text(encoding="utf-8")
        assert "guide-stale" in html and stale_day in html
    fresh = (result.site / "countries/kw/index.html").read_text(encoding="utf-8")
    assert "guide-stale" not in fresh


@pytest.mark.parametrize("page", COUNTRIES, ids=lambda p: p.src)
def test_a_guide_verified_within_twelve_months_shows_no_staleness_warning(site, page):
    age = (dt.date.today() - page.meta["last_verified"]).days
    assert (page.html(site).select_one(".guide-stale") is not None) == (age > 365)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_comparison_table_has_a_row_per_country_and_carrier_whose_names_link_to_its_guide(site, lang):
    compare = next(p for p in PAGES if p.src == ("compare.md" if lang == "zh" else "compare.en.md"))
    rows = compare.html(site).select(".guide-compare tbody tr")
    guides = [p for p in COUNTRIES if p.lang == lang]
    expected = [(g.meta["title"], c["name"], g.url) for g in guides for c in g.meta["carriers"]]
    here = "https://site.test/" + compare.url
    seen = []
    for row in rows:
        cells = row.find_all("td")
        assert [bool(td.a) for td in cells] == [True, True, False, False, False, False], "only the two names are links"
        targets = {urlsplit(urljoin(here, td.a["href"])).path for td in cells[:2]}
        assert len(targets) == 1
        assert all(td.get("data-label") for td in cells), "every cell is labelled for the phone layout"
        seen.append((cells[0].get_text(), cells[1].get_text(), targets.pop().removeprefix("/")))
    assert sorted(seen) == sorted(expected)


def test_the_comparison_table_follows_the_navigation_order(site):
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    order = re.findall(r"countries/(\w\w)\.md", str(nav))
    compare = next(p for p in PAGES if p.src == "compare.md")
    rows = compare.html(site).select(".guide-compare tbody tr td:first-child a")
    codes = list(dict.fromkeys(urlsplit(a["href"]).path.strip("/").split("/")[-1] for a in rows))
    assert codes == order
