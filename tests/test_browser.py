"""What a reader's browser does with the site: switching language, and requesting nothing from third parties."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from site_pages import all_pages

HOME_AND_GUIDES = [p for p in all_pages() if p.src in ("index.md", "index.en.md", "countries/us.md", "countries/kw.en.md")]


@pytest.mark.parametrize("source", HOME_AND_GUIDES, ids=[p.src for p in HOME_AND_GUIDES])
def test_a_page_loads_everything_from_the_site_itself(page, served_site, source):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + source.url, wait_until="networkidle")
    assert requested, "the browser recorded no request at all"
    own = urlsplit(served_site).netloc
    assert [url for url in requested if urlsplit(url).netloc not in (own, "")] == []


@pytest.mark.parametrize("source", HOME_AND_GUIDES, ids=[p.src for p in HOME_AND_GUIDES])
def test_a_page_loads_without_failed_requests_or_console_errors(page, served_site, source):
    failed, errors = [], []
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served_site + source.url, wait_until="networkidle")
    page.locator("input.md-search__input").click()  # starts the search worker, which loads the index
    page.wait_for_load_state("networkidle")
    assert failed == [] and errors == []


@pytest.mark.parametrize("source", HOME_AND_GUIDES, ids=[p.src for p in HOME_AND_GUIDES])
def test_choosing_the_other_language_opens_the_same_page_in_it(page, served_site, source):
    page.goto(served_site + source.url)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f'a.md-select__link[hreflang="{source.twin.lang}"]').click()
    page.wait_for_load_state()
    assert page.url == served_site + source.twin.url
    assert page.locator("html").get_attribute("lang") == source.twin.lang
    assert page.locator("article h1").inner_text() == source.twin.meta["title"]


def test_the_search_index_is_fetched_only_when_a_reader_opens_the_search(page, served_site):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served_site + "countries/us/", wait_until="networkidle")
    assert not [url for url in requested if "search_index" in url]
    page.locator("input.md-search__input").click()
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if url.endswith("/search/search_index.json")]


def test_the_comparison_table_sorts_by_a_column_when_its_heading_is_clicked(page, served_site):
    page.goto(served_site + "en/compare/", wait_until="load")
    page.wait_for_selector(".guide-compare th[role=columnheader]")  # the sorting script has set the table up

    def column(n: int, attribute: str) -> list:
        return page.eval_on_selector_all(f".guide-compare tbody td:nth-child({n})", f"cells => cells.map(c => c.{attribute})")

    carriers_before = column(2, "textContent")
    assert len(carriers_before) > 10, "the table has a row per carrier"
    heading = page.locator(".guide-compare th", has_text="Until the number is lost")
    heading.click()
    ascending = [float(v) for v in column(4, "dataset.sort")]
    assert ascending == sorted(ascending) and len(set(ascending)) > 1
    assert column(2, "textContent") != carriers_before, "sorting must reorder the rows"
    heading.click()
    descending = [float(v) for v in column(4, "dataset.sort")]
    assert descending == sorted(ascending, reverse=True)


@pytest.mark.parametrize(
    ("start", "typed", "country"),
    [("en/compare/", "giffgaff", "United Kingdom"), ("en/compare/", "科威特", "Kuwait"), ("compare/", "Kuwait", "科威特")],
    ids=["a carrier", "a country in Chinese on the English page", "a country in English on the Chinese page"],
)
def test_the_comparison_filter_narrows_the_rows_as_the_reader_types(page, served_site, start, typed, country):
    page.goto(served_site + start, wait_until="load")
    rows = page.locator(".guide-compare tbody tr")
    total = rows.count()
    box = page.get_by_role("searchbox")
    box.press_sequentially(typed)
    visible = page.locator(".guide-compare tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all(text.startswith(country) for text in visible.locator("td:first-child").all_inner_texts())
    assert str(visible.count()) in page.locator("#guide-filter-compare-shown").inner_text()
    box.fill("")
    box.press("Backspace")
    assert page.locator(".guide-compare tbody tr:not([hidden])").count() == total


def test_without_javascript_the_comparison_shows_the_whole_table_and_no_filter(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_site + "en/compare/")
    assert page.locator(".guide-compare tbody tr").count() > 10
    assert not page.locator(".guide-filter").is_visible()
    context.close()


def test_the_comparison_headings_stay_in_view_while_the_table_scrolls(page, served_site):
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(served_site + "en/compare/", wait_until="load")
    page.locator(".guide-compare.md-typeset__table").evaluate("box => box.scrollTop = 600")
    box_top = page.locator(".guide-compare.md-typeset__table").bounding_box()["y"]
    heading_top = page.locator(".guide-compare thead th").first.bounding_box()["y"]
    assert abs(heading_top - box_top) < 2


def test_on_a_phone_each_carrier_of_the_comparison_is_a_card_with_labelled_fields(browser, served_site):
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + "en/compare/", wait_until="load")
    table = page.locator(".guide-compare.md-typeset__table")
    assert table.evaluate("box => box.scrollWidth <= box.clientWidth"), "no sideways scrolling inside the table"
    first = page.locator(".guide-compare tbody tr").first
    assert first.evaluate("row => getComputedStyle(row).display") == "block"
    label = first.locator("td").nth(2).evaluate("cell => getComputedStyle(cell, '::before').content")
    assert "What keeps the number" in label
    context.close()


@pytest.mark.parametrize(
    ("start", "typed", "expected"),
    [("countries/", "Kuwait", ["科威特"]), ("en/countries/", "科威特", ["Kuwait"]), ("en/countries/", "中东", None)],
    ids=["English name on the Chinese index", "Chinese name on the English index", "a region in Chinese"],
)
def test_the_countries_index_filters_by_a_name_or_region_in_either_language(page, served_site, start, typed, expected):
    page.goto(served_site + start, wait_until="load")
    rows = page.locator(".guide-countries tbody tr")
    total = rows.count()
    page.locator("#guide-filter-countries").press_sequentially(typed)
    names = page.locator(".guide-countries tbody tr:not([hidden]) td:first-child").all_inner_texts()
    assert 0 < len(names) < total
    if expected:
        assert names == expected
    else:
        regions = page.locator(".guide-countries tbody tr:not([hidden]) td:nth-child(2)").all_inner_texts()
        assert set(regions) == {"Middle East"}
