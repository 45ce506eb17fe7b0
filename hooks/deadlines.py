"""Render the deadline calculator from the carriers' timelines (validated by content_model.py).

- Under the at-a-glance box of every country guide with at least one carrier timeline, and on the
  page that holds `<!-- deadline-calculator -->` (docs/guides/deadlines.md, every country), a
  section with: a static table of the stages and their lengths (what readers without JavaScript
  and the PDFs see), a form hidden until docs/assets/javascripts/deadlines.js runs it, a live
  region for its results, and the data it computes with as a JSON block in the page. The
  section is made with the page's content but put in only once the page is written
  (on_post_page): the search, which leaves it out anyway, never has to read it.
- The templates get `until_lost` and `stage_when` (hooks/timelines.py), so that the at-a-glance
  box words a timeline as the tables do.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url
from timelines import until_lost, when

PLACEHOLDER = "<!-- deadline-calculator -->"
STRING_PREFIXES = ("stage_", "event_", "after_", "action_", "deadlines_", "ics_", "unit_")


def language_of(src_path: str) -> str:
    return "en" if src_path.endswith(".en.md") else "zh"


def on_env(env, config, files):
    env.globals["until_lost"] = until_lost
    env.globals["stage_when"] = when
    return env


_sections: dict[str, str] = {}  # a page's calculator, until the page is written


def on_page_content(html_text, page, config, files):
    lang = language_of(page.file.src_uri)
    if "country" in page.meta:
        countries = [c for c in config.extra["countries"][lang] if c["src"] == page.file.src_uri]
        section = calculator(countries, config, files, page, lang, own_page=False)
        if section:
            _sections[page.file.src_uri] = section
            return PLACEHOLDER + "\n" + html_text
    elif PLACEHOLDER in html_text:
        _sections[page.file.src_uri] = calculator(config.extra["countries"][lang], config, files, page, lang, own_page=True)
    return html_text


def on_post_page(output, page, config):
    section = _sections.pop(page.file.src_uri, None)
    return output if section is None else output.replace(PLACEHOLDER, section, 1)


def carrier_id(english_name: str) -> str:
    """The carrier's part of a calendar event's UID: 'Skinny' -> 'skinny', 'One NZ' -> 'one-nz'."""
    return re.sub(r"[^a-z0-9]+", "-", english_name.lower()).strip("-")


def calculator_data(countries: list[dict], config, files, page, lang: str, own_page: bool) -> dict:
    """What deadlines.js computes with: only carriers with a timeline, and only this language's strings."""
    strings = config.extra["strings"][lang]
    english = {c["country"]: c for c in config.extra["countries"]["en"]}
    site = config.site_url or "https://example.invalid/"
    data = {
        "lang": lang,
        "host": urlsplit(site).hostname,
        "strings": {k: v for k, v in strings.items() if k.startswith(STRING_PREFIXES)},
        "countries": [],
    }
    for country in countries:
        guide = files.get_file_from_path(country["src"])
        to_guide = get_relative_url(guide.url, page.url) if own_page else ""
        carriers = []
        for i, carrier in enumerate(country["carriers"]):
            if not carrier.get("timeline"):
                continue
            stages = [
                {
                    "stage": stage["stage"],
                    "after": stage["after"],
                    "since": stage["since"],
                    "note": stage.get("note") or "",
                    "source": f"{to_guide}#source-{stage['sources'][0]}" if stage["sources"] else "",
                    "source_url": country["sources"][stage["sources"][0] - 1]["url"] if stage["sources"] else "",
                }
                for stage in carrier["timeline"]["stages"]
            ]
            carriers.append(
                {
                    "id": carrier_id(english[country["country"]]["carriers"][i]["name"]),
                    "name": carrier["name"],
                    "event": carrier["timeline"]["event"],
                    "stages": stages,
                }
            )
        if carriers:
            data["countries"].append(
                {
                    "code": country["country"].lower(),
                    "name": country["title"],
                    "page": site.rstrip("/") + "/" + guide.url,
                    "carriers": carriers,
                }
            )
    return data


def calculator(countries: list[dict], config, files, page, lang: str, own_page: bool) -> str:
    """The section, or nothing when no carrier here has a timeline yet."""
    text = config.extra["strings"][lang]
    data = calculator_data(countries, config, files, page, lang, own_page)
    if not data["countries"]:
        return ""
    e = html.escape
    first = data["countries"][0]
    country_field = (
        f'<p><label for="deadlines-country">{e(text["deadlines_country"])}</label> <select id="deadlines-country">'
        + "".join(f'<option value="{c["code"]}">{e(c["name"])}</option>' for c in data["countries"])
        + "</select></p>"
        if own_page
        else ""
    )
    carrier_options = "".join(f'<option value="{c["id"]}">{e(c["name"])}</option>' for c in first["carriers"])
    event = text["event_" + first["carriers"][0]["event"]]
    form = (
        '<form class="guide-deadlines__form" hidden novalidate>'
        f"{country_field}"
        f'<p><label for="deadlines-carrier">{e(text["deadlines_carrier"])}</label> '
        f'<select id="deadlines-carrier">{carrier_options}</select></p>'
        f'<p><label for="deadlines-date" id="deadlines-date-label">{e(text["deadlines_date_label"].format(event=event))}</label> '
        '<input id="deadlines-date" type="text" autocomplete="off" spellcheck="false" placeholder="YYYY-MM-DD" '
        'aria-describedby="deadlines-date-hint"> '
        f'<button type="submit" class="md-button md-button--primary">{e(text["deadlines_show"])}</button></p>'
        f'<p class="guide-note" id="deadlines-date-hint">{e(text["deadlines_date_hint"])}</p>'
        "</form>"
    )
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        '<section class="guide-deadlines" aria-labelledby="deadline-calculator" data-search-exclude>'
        f'<h2 id="deadline-calculator" data-search-exclude>{e(text["deadlines_title"])}</h2>'
        f'<div class="guide-deadlines__static"><p>{e(text["deadlines_intro"])}</p>'
        f"{static_table(data, text, own_page)}</div>"
        f'{form}<div class="guide-deadlines__result" aria-live="polite"></div>'
        f'<p class="guide-note">{e(text["deadlines_rule"])}</p>'
        f'<script type="application/json" class="guide-deadlines__data">{payload}</script>'
        "</section>\n"
    )


def static_table(data: dict, text: dict, own_page: bool) -> str:
    """One row per stage: its length in words and its note, linked to its source."""
    e = html.escape
    headings = ("carrier", "deadlines_stage", "deadlines_when", "deadlines_note")
    head = "".join(f'<th scope="col">{e(text[h])}</th>' for h in headings)
    rows = []
    for country in data["countries"]:
        for carrier in country["carriers"]:
            name = f"{e(country['name'])} · {e(carrier['name'])}" if own_page else e(carrier["name"])
            for stage in carrier["stages"]:
                source_number = stage["source"].rsplit("source-", 1)[-1]
                kind = "cite-elsewhere" if own_page else "cite"  # a source of the country's guide, or of this page
                title = e(f"{country['name']}: {text['source']} {source_number}")
                link = f'<a href="{e(stage["source"])}" title="{title}">[{source_number}]</a>'
                cite = f'<sup class="{kind}">{link}</sup>' if stage["source"] else ""
                cells = (
                    name,
                    e(text["stage_" + stage["stage"]]),
                    e(when(stage, carrier["event"], text)) + cite,
                    e(stage["note"]),
                )
                rows.append(
                    "<tr>"
                    + "".join(f'<td data-label="{e(text[h])}">{cell}</td>' for h, cell in zip(headings, cells, strict=True))
                    + "</tr>"
                )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )
