"""Turn the validated page data into page content: citations, the country list, the comparison table.

- `[S3]` in a page's text becomes a link to the third entry of its `sources`; a citation of a
  source the page does not list, or a listed source that nothing cites, fails the build.
- Every country guide includes the four shared checklists, in its own language.
- `<!-- country-list -->` becomes a table of every country guide in the page's language, and
  `<!-- comparison-table -->` a sortable table with one row per country and carrier. Both are
  built from the guides' front matter (published by content_model.py), never copied by hand,
  and follow the order of the navigation. Each has a filter box (docs/assets/javascripts/tables.js)
  that also finds a country by its name in the other language and by its region.
- The interface strings in data/strings.yml are published to the templates as config.extra.strings.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import yaml
from problems import fail_if_any
from timelines import until_lost

CITATION = re.compile(r"\[S(\d+)\]")
SNIPPET = re.compile(r'^-{1,}8<-{1,}[ \t]+"([^"]+)"', re.MULTILINE)
COUNTRY_SNIPPETS = ("myths.md", "before-closing.md", "after-closing.md", "scams.md")
COUNTRY_LIST = "<!-- country-list -->"
COMPARISON = "<!-- comparison-table -->"
ROOT = Path(__file__).parent.parent
SNIPPETS_DIR = ROOT / "snippets"
STRINGS = yaml.load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
SNIPPET_HEADINGS = {  # the <h2> that opens each shared checklist, as a country guide renders it
    lang: re.compile(
        r"<h2 (id=\"[^\"]*\")>(?=(?:"
        + "|".join(
            re.escape(html.escape(re.search(r"^## (.+)$", (SNIPPETS_DIR / lang / name).read_text(encoding="utf-8"), re.M)[1]))
            for name in COUNTRY_SNIPPETS
        )
        + ")<)"
    )
    for lang in ("zh", "en")
}


def navigation_regions() -> dict[str, tuple[str, list[str]]]:
    """The navigation's regions under 国家和地区 (mkdocs.yml), each with its English name and its guides."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    section = next(item["国家和地区"] for item in config["nav"] if isinstance(item, dict) and "国家和地区" in item)
    english = next(
        language.get("nav_translations", {})
        for plugin in config["plugins"]
        if isinstance(plugin, dict) and "i18n" in plugin
        for language in plugin["i18n"]["languages"]
        if language["locale"] == "en"
    )
    return {
        region: (english.get(region, region), pages)
        for item in section
        if isinstance(item, dict)
        for region, pages in item.items()
    }


def _regions() -> dict[str, tuple[str, str]]:
    """Each country guide's region, in Chinese and in English."""
    return {src: (region, english) for region, (english, pages) in navigation_regions().items() for src in pages}


REGIONS = _regions()


def language_of(src_path: str) -> str:
    return "en" if src_path.endswith(".en.md") else "zh"


def on_config(config):
    config.extra["strings"] = STRINGS
    return config


def on_nav(nav, config, files):
    """Order the country data as the navigation orders the guides (by region)."""
    position = {page.file.src_uri.replace(".en.md", ".md"): i for i, page in enumerate(nav.pages)}
    for countries in config.extra["countries"].values():
        countries.sort(key=lambda c: position.get(c["src"].replace(".en.md", ".md"), len(position)))
    return nav


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    lang = language_of(src)
    shown = f"{Path(config.docs_dir).name}/{src}"
    check_snippets(markdown, shown, lang, is_country="country" in page.meta)
    check_citations(markdown, page, shown)
    return markdown


_problems: list[str] = []  # of every page of this language's build, reported together in on_env


def on_pre_build(config):
    _problems.clear()


def on_env(env, config, files):
    fail_if_any("Snippet and citation check", _problems)
    return env


def check_snippets(markdown: str, shown: str, lang: str, is_country: bool) -> None:
    included = SNIPPET.findall(markdown)
    problems = [
        f"{shown}: includes the snippet {path}, which is not in its language ({lang}/...)"
        for path in included
        if not path.startswith(f"{lang}/")
    ]
    if is_country:
        problems += [
            f'{shown}: a country guide must include the shared snippet "{lang}/{name}"'
            for name in COUNTRY_SNIPPETS
            if f"{lang}/{name}" not in included
        ]
    _problems.extend(problems)


def check_citations(markdown: str, page, shown: str) -> None:
    """Every [S3] names a listed source, and every listed source is cited (in the text or the at-a-glance box)."""
    sources = page.meta.get("sources") or []
    cited = {n for carrier in page.meta.get("carriers") or [] for n in carrier["sources"]}
    problems = []
    for n in sorted({int(n) for n in CITATION.findall(markdown)}):
        if not 1 <= n <= len(sources):
            problems.append(f"{shown}: citation [S{n}] names a source the page does not list ({len(sources)} listed)")
        cited.add(n)
    problems += [
        f"{shown}: source {n} ({sources[n - 1]['url']}) is listed but never cited with [S{n}]"
        for n in range(1, len(sources) + 1)
        if n not in cited
    ]
    _problems.extend(problems)


def on_page_content(html_text, page, config, files):
    """[S3] becomes a link to the third source once the page is HTML: as raw HTML in the Markdown,
    the thousand-odd citations would cost the Markdown parser more than the rest of the page.
    A country guide's copies of the shared checklists are left out of the search index: each is
    indexed once, on its own page, instead of once per country."""
    lang = language_of(page.file.src_uri)
    title = STRINGS[lang]["source"]
    html_text = CITATION.sub(
        lambda m: f'<sup class="cite"><a href="#source-{m.group(1)}" title="{title} {m.group(1)}">[{m.group(1)}]</a></sup>',
        html_text,
    )
    if "country" in page.meta:
        html_text = SNIPPET_HEADINGS[lang].sub(r"<h2 \1 data-search-exclude>", html_text)
    # The generated tables go into the HTML: in the Markdown, the parser would read all of them again.
    countries = config.extra["countries"][lang]
    other = {c["country"]: c["title"] for c in config.extra["countries"]["en" if lang == "zh" else "zh"]}
    if COMPARISON in html_text:
        html_text = html_text.replace(COMPARISON, comparison_table(countries, page.file.src_uri, lang, other))
    if COUNTRY_LIST in html_text:
        html_text = html_text.replace(COUNTRY_LIST, country_list(countries, page.file.src_uri, lang, other))
    return html_text


def country_list(countries: list[dict], from_src: str, lang: str, names: dict[str, str]) -> str:
    """Raw HTML, for the filter: each row also carries the country's name in the other language
    and its region in both, so "Kuwait", "科威特" or "中东" finds it on either language's page."""
    text = STRINGS[lang]
    head = "".join(f'<th scope="col">{html.escape(text[h])}</th>' for h in ("country", "region", "carriers", "verified"))
    rows = []
    for country in countries:
        carriers = text["list_separator"].join(carrier["name"] for carrier in country["carriers"])
        link = html.escape(posixpath.relpath(page_url(country["src"]), page_url(from_src)) + "/")
        regions = REGIONS.get(country["src"].replace(".en.md", ".md"), ("", ""))
        also = " ".join([names.get(country["country"], ""), *regions])
        cells = (
            f'<a href="{link}">{html.escape(country["title"])}</a>',
            html.escape(regions[0] if lang == "zh" else regions[1]),
            html.escape(carriers),
            country["last_verified"].isoformat(),
        )
        rows.append(f'<tr data-also="{html.escape(also)}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (
        f'{filter_for("countries", lang)}<div class="guide-countries"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>\n"
    )


def filter_for(table: str, lang: str) -> str:
    """The filter box above a table; hidden until tables.js, which works it, shows it."""
    text = STRINGS[lang]
    return (
        '<div class="guide-filter" hidden>'
        f'<label for="guide-filter-{table}">{html.escape(text["compare_filter"])}</label> '
        f'<input id="guide-filter-{table}" type="search" autocomplete="off"'
        f' placeholder="{html.escape(text["filter_hint_" + table])}"'
        f' aria-describedby="guide-filter-{table}-shown" data-shown="{html.escape(text["compare_shown"])}">'
        f'<span id="guide-filter-{table}-shown" role="status"></span></div>'
    )


def page_url(src: str) -> str:
    """The directory URL a source file is built to, relative to the site root."""
    stem = src.removesuffix(".en.md").removesuffix(".md")
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return ("en/" if language_of(src) == "en" else "") + path


def comparison_table(countries: list[dict], from_src: str, lang: str, names: dict[str, str]) -> str:
    """Raw HTML, because sorting, filtering and the phone layout need attributes on rows and cells
    that a Markdown table cannot carry. Only the country and carrier names are links. Each row
    carries its words in the other language too (`names`: country code -> the other language's
    title), so that the filter finds "Kuwait" on the Chinese page and "科威特" on the English one."""
    text = STRINGS[lang]
    headings = ("country", "carrier", "keep_alive", "lost_after", "refund", "port_out")
    head = "".join(f'<th scope="col">{html.escape(text[h])}</th>' for h in headings)
    rows = []
    for country in countries:
        guide = html.escape(posixpath.relpath(page_url(country["src"]), page_url(from_src)) + "/")
        for carrier in country["carriers"]:
            lost, lost_days = until_lost(carrier, text)  # read from the timeline when there is one
            cells = [
                (f'<a href="{guide}">{html.escape(country["title"])}</a>', None),
                (f'<a href="{guide}#at-a-glance">{html.escape(carrier["name"])}</a>', None),
                (html.escape(carrier["keep_alive"]), None),
                (html.escape(lost), lost_days if lost_days is not None else 99999),
                (html.escape(text[f"refund_{carrier['refund']}"]), None),
                (html.escape(carrier["port_out"]), None),
            ]
            row = "".join(
                f'<td data-label="{html.escape(text[heading])}"{f" data-sort={sort}" if sort is not None else ""}>{value}</td>'
                for heading, (value, sort) in zip(headings, cells, strict=True)
            )
            rows.append(f'<tr data-also="{html.escape(names.get(country["country"], ""))}">{row}</tr>')
    filter_box = filter_for("compare", lang)
    return (
        f'{filter_box}<div class="md-typeset__scrollwrap"><div class="md-typeset__table guide-compare">'
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f'</div></div>\n\n<p class="guide-note">{html.escape(text["compare_note"])}</p>\n'
    )
