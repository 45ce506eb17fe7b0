"""The offline archive: the whole site in both languages, opened from disk, with working search."""

from __future__ import annotations

import zipfile

import pytest
from test_search import search

ARCHIVE = "downloads/baohaoka-guide-offline.zip"


@pytest.fixture(scope="module")
def unpacked(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(site / ARCHIVE) as archive:
        archive.extractall(folder)
    return folder / "baohaoka-guide"


def test_the_home_page_in_each_language_links_the_offline_archive(site):
    for home in ("index.html", "en/index.html"):
        assert "baohaoka-guide-offline.zip" in (site / home).read_text(encoding="utf-8")


def test_the_archive_holds_every_page_in_both_languages_as_plain_files(site, unpacked):
    online = {p.relative_to(site).as_posix() for p in site.rglob("index.html") if "downloads" not in p.parts}
    for page in online:
        offline = page.removesuffix("/index.html") + ".html" if page != "index.html" and page != "en/index.html" else page
        assert (unpacked / offline).is_file() or (unpacked / page).is_file(), page


@pytest.mark.parametrize(("start", "query", "language_prefix"), [("index.html", "注销", ""), ("en/index.html", "refund", "en/")])
def test_the_archive_opened_from_disk_searches_its_own_language(page, unpacked, start, query, language_prefix):
    url = (unpacked / start).as_uri()
    results = search(page, url, query)
    assert results, f"no result for {query} from {url}"
    root = unpacked.as_uri().split("://", 1)[1]
    relative = [r.removeprefix(root.lstrip("/")).lstrip("/") for r in results]
    assert all(r.startswith(language_prefix) and (language_prefix or not r.startswith("en/")) for r in relative), relative


def test_the_archive_opened_from_disk_requests_nothing_from_the_network(page, unpacked):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((unpacked / "en/countries/us.html").as_uri(), wait_until="networkidle")
    page.locator("input.md-search__input").click()
    # Ready: the search worker has loaded the whole index, every request it needed has been made.
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && m.textContent.trim() && !/初始化|Initializing/.test(m.textContent); }",
        timeout=15000,
    )
    page.wait_for_load_state("networkidle")
    assert any("search_index" in url for url in requested), "the search index was never loaded"
    assert [url for url in requested if not url.startswith("file://")] == []


def test_the_deadline_calculator_works_from_disk_and_its_calendar_file_downloads(page, unpacked):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((unpacked / "en/guides/deadlines.html").as_uri(), wait_until="load")
    page.fill("#deadlines-date", "2025-12-31")
    page.locator(".guide-deadlines form button[type=submit]").click()
    source_link = page.locator(".guide-deadlines__date a").first
    target = source_link.evaluate("a => a.href").split("#")[0]
    assert target.startswith("file://") and target.endswith(".html")
    with page.expect_download() as download:
        page.locator(".guide-deadlines__ics").click()
    assert open(download.value.path(), "rb").read().startswith(b"BEGIN:VCALENDAR\r\n")
    assert [url for url in requested if not url.startswith(("file://", "blob:"))] == []
    source_link.click()
    page.wait_for_load_state()
    assert page.locator("article h1").is_visible() and "#source-" in page.url
