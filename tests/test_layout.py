"""How pages look on a phone and on paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_pages import all_pages

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-results" / "screenshots"
PHONE = {"width": 375, "height": 812}
PAGES = [
    p
    for p in all_pages()
    if p.src in ("index.md", "index.en.md", "compare.md", "countries/us.md", "countries/hk.en.md", "guides/accounts.md")
]


@pytest.mark.parametrize("source", PAGES, ids=[p.src for p in PAGES])
def test_a_page_fits_a_375_pixel_phone_screen_without_sideways_scrolling(browser, served_site, source):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(served_site + source.url, wait_until="load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"phone-{source.src.replace('/', '-')}.png", full_page=True)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


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
