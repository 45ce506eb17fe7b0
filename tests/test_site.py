"""The built site: both languages, the language switcher, shared checklists, sources, no third parties."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import SITE_URL
from site_pages import CJK, all_pages, country_pages, snippet_heading

PAGES = all_pages()
COUNTRIES = country_pages()
SNIPPETS = ("myths.md", "before-closing.md", "after-closing.md", "scams.md")


def ids(pages):
    return [p.src for p in pages]


def test_the_built_site_has_a_home_page_a_countries_index_and_the_first_two_guides_in_both_languages(site):
    for path in ("", "countries/", "countries/us/", "countries/kw/"):
        for language in ("", "en/"):
            html = site / language / path / "index.html"
            assert html.is_file(), f"{language}{path} was not built"
            assert "<article" in html.read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_every_page_is_built_in_its_language_with_the_right_html_lang(site, page):
    html = page.html(site)
    assert html.html["lang"] == page.lang
    assert html.find("h1").get_text(strip=True) == page.meta["title"]


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_the_language_switcher_goes_to_the_same_page_in_the_other_language(site, page):
    html = page.html(site)
    links = {a["hreflang"]: a["href"] for a in html.select("a.md-select__link[hreflang]")}
    here = "https://site.test/" + page.url
    assert urljoin(here, links[page.twin.lang]) == "https://site.test/" + page.twin.url
    assert urljoin(here, links[page.lang]) == here


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_the_site_name_navigation_and_interface_are_in_the_page_language(site, page):
    html = page.html(site)
    nav = html.select_one("nav.md-nav--primary")
    # the navigation's own labels, not the page's table of contents that Material nests in it
    labels = [a for a in nav.select("a, label") if not a.find_parent("nav", class_="md-nav--secondary")]
    nav_text = " ".join(a.get_text(" ", strip=True) for a in labels)
    site_name = html.select_one(".md-header__topic").get_text(strip=True)
    placeholder = html.select_one("input.md-search__input")["placeholder"]
    if page.lang == "en":
        assert not CJK.search(nav_text), nav_text
        assert not CJK.search(site_name) and not CJK.search(placeholder)
    else:
        assert CJK.search(site_name) and CJK.search(placeholder)
        assert CJK.search(nav_text)


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_each_page_has_its_canonical_address_under_the_site_url(site, page):
    canonical = page.html(site).find("link", rel="canonical")["href"]
    assert canonical == SITE_URL + page.url


def external_asset_urls(html):
    """URLs a browser would fetch on its own when the page loads (not links a reader clicks)."""
    for tag in html.find_all(["script", "img", "iframe", "source", "audio", "video", "embed"], src=True):
        yield tag["src"]
    for tag in html.find_all("link", href=True):
        if not {"canonical", "alternate"} & set(tag.get("rel", [])):
            yield tag["href"]


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_no_page_loads_anything_from_a_third_party_host(site, page):
    html = page.html(site)
    foreign = [url for url in external_asset_urls(html) if urlsplit(url).netloc]
    assert foreign == []


def test_no_stylesheet_or_script_of_the_site_reaches_a_third_party_host(site):
    offenders = []
    for path in site.rglob("*"):
        if path.suffix in (".css", ".js") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            offenders += [f"{path.name}: {m}" for m in re.findall(r"@import\s+url\(\s*['\"]?https?://[^)]+", text)]
            offenders += [f"{path.name}: {m}" for m in re.findall(r"fonts\.(?:googleapis|gstatic)\.com", text)]
    assert offenders == []


@pytest.mark.parametrize("page", COUNTRIES, ids=ids(COUNTRIES))
def test_every_country_guide_includes_the_shared_checklists_of_its_language(site, page):
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.html(site).find_all("h2")]
    for name in SNIPPETS:
        assert snippet_heading(page.lang, name) in headings


@pytest.mark.parametrize("page", COUNTRIES, ids=ids(COUNTRIES))
def test_every_country_guide_renders_its_sources_and_last_verified_date(site, page):
    html = page.html(site)
    items = html.select(".guide-sources ol > li")
    assert [li.a["href"] for li in items] == [s["url"] for s in page.meta["sources"]]
    assert [li.time["datetime"] for li in items] == [s["checked"].isoformat() for s in page.meta["sources"]]
    kinds = {
        "zh": {"official": "官方", "community": "社区或促销页面", "secondary": "二手来源"},
        "en": {"official": "official", "community": "community or promotion page", "secondary": "secondary source"},
    }
    assert [li.select_one(".guide-source-kind").get_text(strip=True) for li in items] == [
        kinds[page.lang][s["kind"]] for s in page.meta["sources"]
    ]
    verified = html.select_one(".guide-verified time")
    assert verified["datetime"] == page.meta["last_verified"].isoformat()


@pytest.mark.parametrize("page", COUNTRIES, ids=ids(COUNTRIES))
def test_every_country_guide_opens_with_an_at_a_glance_row_per_carrier(site, page):
    rows = page.html(site).select(".guide-glance tbody tr")
    assert [row.th.get_text(strip=True).split("[")[0] for row in rows] == [c["name"] for c in page.meta["carriers"]]


@pytest.mark.parametrize("page", PAGES, ids=ids(PAGES))
def test_every_citation_points_at_a_listed_source(site, page):
    html = page.html(site)
    ids = {element["id"] for element in html.find_all(id=True)}
    for link in html.select("sup.cite a"):
        assert link["href"].removeprefix("#") in ids, link


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_home_page_and_the_countries_index_list_every_country_guide(site, lang):
    index_pages = [p for p in PAGES if p.src in ("index.md", "countries/index.md") or p.src.endswith("index.en.md")]
    for index in (p for p in index_pages if p.lang == lang and p.src.count("/") <= 1):
        html = index.html(site)
        here = "https://site.test/" + index.url
        targets = {urljoin(here, a["href"]) for a in html.select("article a[href]")}
        for country in (c for c in COUNTRIES if c.lang == lang):
            assert "https://site.test/" + country.url in targets, (index.src, country.src)
            assert country.meta["title"] in html.article.get_text()


def test_every_link_and_asset_within_the_site_exists(site):
    """No broken internal link: every relative href and src of every page names a built file."""
    broken = []
    for html_file in site.rglob("*.html"):
        page_url = "https://site.test/" + html_file.relative_to(site).as_posix()
        text = html_file.read_text(encoding="utf-8")
        for target in re.findall(r"""(?:href|src)="([^"#?]+)[^"]*\"""", text):
            if urlsplit(target).scheme or target.startswith("//"):
                continue
            path = urlsplit(urljoin(page_url, target)).path.removeprefix("/")
            built = site / path
            if not (built.is_file() or (built / "index.html").is_file()):
                broken.append(f"{html_file.relative_to(site)}: {target}")
    assert broken == []
