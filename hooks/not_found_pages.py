"""Keep a 404 page per language: site/404.html in Chinese and site/en/404.html in English.

mkdocs-static-i18n builds every language into the same folder, so the last language's 404.html
replaces the first's (upstream issues #284 and #326). This hook keeps the Chinese one and moves
each other language's to its own folder. Their links are absolute (site_url), so they work
wherever the host serves them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

_default_page: str | None = None


@event_priority(-50)  # before mkdocs-static-i18n starts the next language's build
def on_post_build(config):
    global _default_page
    page = Path(config.site_dir) / "404.html"
    if not config.plugins["i18n"].building:
        _default_page = page.read_text(encoding="utf-8")
    elif _default_page is not None:
        target = Path(config.site_dir) / config.theme["language"] / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
        page.write_text(_default_page, encoding="utf-8")
