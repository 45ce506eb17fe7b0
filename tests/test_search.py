"""Searching the site in a real browser: each language finds its own pages, Chinese words are whole."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

import pytest


def search(page, url: str, query: str) -> list[str]:
    """Type a query into the page's search box like a reader; return the result links in order,
    as paths from the site root with their section anchors."""
    page.goto(url)
    page.wait_for_function("() => document.querySelector('.md-search__input') !== null")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup; filling text alone fires none
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/初始化|Initializing|键入|Type to/.test(m.textContent); }",
        timeout=15000,
    )
    hrefs, previous = None, []
    while hrefs != previous:  # results render in batches: read them once they stop changing
        previous = hrefs
        page.wait_for_timeout(150)
        hrefs = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return [
        unquote(urlsplit(href).path.removeprefix("/") + (f"#{urlsplit(href).fragment}" * bool(urlsplit(href).fragment)))
        for href in hrefs
    ]


CHINESE_QUERIES = ["注销", "保号卡", "携号转网", "余额", "停机", "实名登记"]
ENGLISH_QUERIES = ["cancel", "refund", "port", "balance", "recycled", "giffgaff"]


@pytest.mark.parametrize("query", CHINESE_QUERIES)
def test_a_chinese_search_finds_only_chinese_pages(page, served_site, query):
    results = search(page, served_site + "countries/us/", query)
    assert results, f"no result for {query}"
    assert [r for r in results if r.startswith("en/")] == []


@pytest.mark.parametrize("query", ENGLISH_QUERIES)
def test_an_english_search_finds_only_english_pages(page, served_site, query):
    results = search(page, served_site + "en/countries/us/", query)
    assert results, f"no result for {query}"
    assert [r for r in results if not r.startswith("en/")] == []


@pytest.mark.parametrize(("query", "inflected"), [("refund", "refunds"), ("cancel", "cancelling"), ("recycle", "recycled")])
def test_an_english_word_finds_its_inflected_forms(page, served_site, site, query, inflected):
    """The theme matches by prefix, so the base word finds pages that only use a longer form."""
    index = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    only_inflected = {
        doc["location"].split("#")[0]
        for doc in index["docs"]
        if inflected in doc["text"].lower() and f"{query} " not in doc["text"].lower()
    }
    assert only_inflected, f"no English page uses {inflected!r} without {query!r}: pick another pair"
    found = {r.removeprefix("en/").split("#")[0] for r in search(page, served_site + "en/", query)}
    assert found & only_inflected


@pytest.mark.parametrize("word", ["保号卡", "携号转网", "实名登记", "携号转出"])
def test_the_chinese_index_keeps_this_fields_words_whole(site, word):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    text = "\u200b".join(doc["title"] + "\u200b" + doc["text"] for doc in index["docs"])
    assert f"\u200b{word}\u200b" in text


def test_a_chinese_search_for_a_compound_word_finds_the_guides_that_use_it(page, served_site):
    results = search(page, served_site, "保号卡")
    assert any(r.startswith("countries/") for r in results)


@pytest.mark.parametrize(("joined", "apart"), [("PAC码", "PAC 码"), ("eSIM卡", "eSIM 卡"), ("giffgaff注销", "giffgaff 注销")])
def test_a_chinese_query_with_latin_letters_against_chinese_finds_what_the_words_apart_find(page, served_site, joined, apart):
    found = search(page, served_site + "countries/us/", joined)
    assert found, f"no result for {joined}"
    assert set(found) == set(search(page, served_site + "countries/us/", apart))
