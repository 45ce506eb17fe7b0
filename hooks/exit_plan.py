"""Render the personal exit plan on the accounts guide from data/exit-plan.yml.

`<!-- exit-plan -->` on the page becomes a section, hidden until docs/assets/javascripts/exit-plan.js
runs it: a checkbox per service, buttons to make, print and forget the checklist, a live region
for the checklist, and the services as a JSON block (each with its section of the page and its
official help links, taken from the page's own sources). The build fails, naming the file and the
field, when a service's heading is not on the page or a help link is not an official source that
the service's section cites.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import yaml
from mkdocs.utils import get_relative_url
from problems import fail_if_any

PLACEHOLDER = "<!-- exit-plan -->"
PLAN_FILE = Path(__file__).resolve().parent.parent / "data" / "exit-plan.yml"
PLAN = yaml.load(PLAN_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
STRING_PREFIXES = ("exit_", "stage_")
HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', re.DOTALL)


def language_of(src_path: str) -> str:
    return "en" if src_path.endswith(".en.md") else "zh"


def on_page_content(html_text, page, config, files):
    if page.file.src_uri.replace(".en.md", ".md") != PLAN["page"] or PLACEHOLDER not in html_text:
        return html_text
    lang = language_of(page.file.src_uri)
    services, problems = plan_services(html_text, page.meta.get("sources") or [], lang, f"docs/{page.file.src_uri}")
    fail_if_any("Exit plan check", problems)
    calculator = files.get_file_from_path("guides/deadlines.en.md" if lang == "en" else "guides/deadlines.md")
    to_calculator = get_relative_url(calculator.url, page.url) if calculator else ""
    return html_text.replace(PLACEHOLDER, section(services, config.extra["strings"][lang], to_calculator))


def plan_services(html_text: str, sources: list[dict], lang: str, shown: str) -> tuple[list[dict], list[str]]:
    """Each service with its name, its section's anchor and its official help links; and the problems."""
    headings = [
        (m.start(), m.group(1), html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()) for m in HEADING.finditer(html_text)
    ]
    services, problems = [], []
    for i, service in enumerate(PLAN["services"]):
        name = service["heading"][lang]
        where = f"data/exit-plan.yml: field 'services[{i}]"
        found = [(start, anchor) for start, anchor, text in headings if text == name]
        if not found:
            problems.append(f"{where}.heading.{lang}': {shown} has no section headed {name!r}")
            continue
        start, anchor = found[0]
        following = [s for s, _, _ in headings if s > start]
        body = html_text[start : following[0] if following else len(html_text)]
        links = []
        for n in service["sources"]:
            source = sources[n - 1] if 1 <= n <= len(sources) else None
            if source is None or source["kind"] != "official" or f'href="#source-{n}"' not in body:
                problems.append(
                    f"{where}.sources': source {n} of {shown} is not an official source cited in the section {name!r}"
                )
            else:
                links.append({"title": source["title"], "url": source["url"]})
        services.append({"id": service["id"], "name": name, "anchor": "#" + anchor, "help": links})
    return services, problems


def section(services: list[dict], text: dict, to_calculator: str) -> str:
    e = html.escape
    boxes = "".join(
        f'<li><input type="checkbox" id="exit-plan-{s["id"]}" value="{s["id"]}"> '
        f'<label for="exit-plan-{s["id"]}">{e(s["name"])}</label></li>'
        for s in services
    )
    data = {
        "strings": {k: v for k, v in text.items() if k.startswith(STRING_PREFIXES)},
        "services": services,
        "calculator": to_calculator,
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        '<section class="guide-exit-plan" aria-labelledby="exit-plan" data-search-exclude hidden>'
        f'<h2 id="exit-plan" data-search-exclude>{e(text["exit_title"])}</h2><p>{e(text["exit_intro"])}</p>'
        f'<form class="guide-exit-plan__form"><fieldset><legend>{e(text["exit_accounts"])}</legend><ul>{boxes}</ul></fieldset>'
        f'<p><button type="submit" class="md-button md-button--primary">{e(text["exit_make"])}</button> '
        f'<button type="button" class="md-button guide-exit-plan__print">{e(text["exit_print"])}</button> '
        f'<button type="button" class="md-button guide-exit-plan__forget">{e(text["exit_forget"])}</button></p></form>'
        '<div class="guide-exit-plan__result" aria-live="polite"></div>'
        f'<script type="application/json" class="guide-exit-plan__data">{payload}</script>'
        "</section>\n"
    )
