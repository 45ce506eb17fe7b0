"""How pages look on a phone and on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ReusedTab
from site_pages import all_pages

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-results" / "screenshots"
PHONE = {"width": 375, "height": 812}
PAGES = [
    p
    for p in all_pages()
    if p.src in ("index.md", "index.en.md", "compare.md", "countries/us.md", "countries/hk.en.md", "guides/accounts.md")
]


OVERFLOWING = """() => {
  // What a reader would miss: text, images, tables or inputs that reach past the right edge of the
  // screen, are shown (not transparent or hidden) and are not inside a box that scrolls sideways.
  const width = document.documentElement.clientWidth;  // the layout viewport: a phone zooms out to show wider pages
  const shown = e => { for (let a = e; a; a = a.parentElement) { const s = getComputedStyle(a);
    if (s.visibility === "hidden" || s.opacity === "0" || s.display === "none") return false; } return true; };
  const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  const name = e => e.tagName.toLowerCase() + (e.classList.length ? "." + e.classList[0] : "");
  const found = [];
  const range = document.createRange();
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    if (!node.textContent.trim()) continue;
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width && box.right > width + 1 && shown(node.parentElement) && !scrolls(node)) found.push(name(node.parentElement));
  }
  for (const e of document.querySelectorAll("img, table, pre, input, video, svg")) {
    if (e.getClientRects().length && e.getBoundingClientRect().right > width + 1 && shown(e) && !scrolls(e)) found.push(name(e));
  }
  return [...new Set(found)].slice(0, 10);
}"""
PHONE_VIEWS = [
    (lang, scheme, view)
    for lang in ("zh", "en")
    for scheme in ("light", "dark")
    for view in ("home", "country", "compare", "search", "deadlines")
]


def open_view(page, served_site: str, lang: str, view: str) -> None:
    prefix = "" if lang == "zh" else "en/"
    path = {
        "home": "",
        "country": "countries/us/",
        "compare": "compare/",
        "search": "countries/gb/",
        "deadlines": "guides/deadlines/",
    }
    page.goto(served_site + prefix + path[view], wait_until="load")
    if view == "deadlines":  # the calculator with its widest content: a result table and the calendar button
        page.fill("#deadlines-date", "2025-12-31")
        page.locator(".guide-deadlines form button[type=submit]").click()
        page.wait_for_selector(".guide-deadlines__ics")
    if view == "search":
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("PAC" if lang == "en" else "携号转出")
        box.press("End")
        page.wait_for_selector(".md-search-result__item")


@pytest.fixture(scope="module")
def phone_tabs(browser):
    lender = ReusedTab(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    yield lender
    lender.close()


@pytest.fixture
def phone(phone_tabs):
    yield phone_tabs.lend()
    phone_tabs.take_back()


@pytest.mark.parametrize(("lang", "scheme", "view"), PHONE_VIEWS, ids=["-".join(v) for v in PHONE_VIEWS])
def test_on_a_375_pixel_phone_nothing_reaches_past_the_screen_except_inside_a_scrolling_box(
    phone, served_site, lang, scheme, view
):
    page = phone
    page.emulate_media(color_scheme=scheme)
    open_view(page, served_site, lang, view)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=SCREENSHOTS / f"phone-{lang}-{scheme}-{view}.png"
    )  # the first screen: a full page of the comparison is 70,000 px
    dark = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    page_overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    overflowing = page.evaluate(OVERFLOWING)
    assert dark == ("slate" if scheme == "dark" else "default")
    assert page_overflow <= 0 and overflowing == []


@pytest.mark.parametrize("source", [p for p in PAGES if p.is_country], ids=lambda p: p.src)
def test_printing_a_country_guide_leaves_out_navigation_and_search(page, served_site, source):
    page.goto(served_site + source.url, wait_until="load")
    page.emulate_media(media="print")
    for selector in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".md-footer",
        ".md-content__button",
    ):
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} would be printed"
    assert page.locator("article h1").is_visible()
    assert page.locator(".guide-glance").is_visible() and page.locator(".guide-sources").is_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=SCREENSHOTS / f"print-{source.src.replace('/', '-')}.pdf")
