"""Where each Markdown page of the project ends up in the built site, and how to read it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class SourcePage:
    src: str  # relative to docs/, e.g. countries/us.en.md

    @property
    def lang(self) -> str:
        return "en" if self.src.endswith(".en.md") else "zh"

    @property
    def twin(self) -> SourcePage:
        stem = self.src.removesuffix(".en.md").removesuffix(".md")
        return SourcePage(f"{stem}.md" if self.lang == "en" else f"{stem}.en.md")

    @property
    def url(self) -> str:
        """Site-relative URL, e.g. en/countries/us/."""
        stem = self.src.removesuffix(".en.md").removesuffix(".md")
        path = "" if stem == "index" else stem.removesuffix("/index") + "/"
        return ("en/" if self.lang == "en" else "") + path

    @cached_property
    def meta(self) -> dict:
        text = (DOCS / self.src).read_text(encoding="utf-8")
        return yaml.safe_load(text.split("---", 2)[1])

    @property
    def is_country(self) -> bool:
        return "country" in self.meta

    def html(self, site: Path) -> BeautifulSoup:
        """The built page, parsed once per test process: tests read it and never change it."""
        return parsed_html(site / self.url / "index.html")


@cache
def parsed_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_pages() -> list[SourcePage]:
    return [SourcePage(p.relative_to(DOCS).as_posix()) for p in sorted(DOCS.rglob("*.md"))]


def country_pages() -> list[SourcePage]:
    return [p for p in all_pages() if p.is_country]


def snippet_heading(lang: str, name: str) -> str:
    """The heading a shared snippet brings into every page that includes it."""
    text = (ROOT / "snippets" / lang / name).read_text(encoding="utf-8")
    return re.search(r"^## (.+)$", text, re.MULTILINE).group(1).strip()
