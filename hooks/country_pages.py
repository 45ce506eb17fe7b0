"""Turn the validated page data into Markdown: source citations and the generated country list.

- `[S3]` in a page's text becomes a link to the third entry of its `sources`; a citation of a
  source the page does not list, or a listed source that nothing cites, fails the build.
- Every country guide includes the four shared checklists in its own language.
- `<!-- country-list -->` becomes a table of every country guide in the page's language, built
  from the guides' front matter (published by content_model.py), so it is never copied by hand.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError

CITATION = re.compile(r"\[S(\d+)\]")
COUNTRY_LIST = "<!-- country-list -->"
SNIPPET = re.compile(r'^-{1,}8<-{1,}[ \t]+"([^"]+)"', re.MULTILINE)
COUNTRY_SNIPPETS = ("myths.md", "before-closing.md", "after-closing.md", "scams.md")

STRINGS = {
    "zh": {
        "country": "国家 / 地区",
        "carriers": "收录的运营商",
        "verified": "最后核实",
        "sep": "、",
        "source": "来源",
    },
    "en": {
        "country": "Country or territory",
        "carriers": "Carriers covered",
        "verified": "Last verified",
        "sep": ", ",
        "source": "Source",
    },
}


def language_of(src_path: str) -> str:
    return "en" if src_path.endswith(".en.md") else "zh"


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    lang = language_of(src)
    shown = f"{config.docs_dir.rsplit('/', 1)[-1]}/{src}"
    check_snippets(markdown, shown, lang, is_country=bool(page.meta.get("country")))
    markdown = link_citations(markdown, page, shown, lang)
    if COUNTRY_LIST in markdown:
        markdown = markdown.replace(COUNTRY_LIST, country_table(config.extra["countries"][lang], src, lang))
    return markdown


def check_snippets(markdown: str, shown: str, lang: str, is_country: bool) -> None:
    included = SNIPPET.findall(markdown)
    problems = [
        f"{shown}: includes the snippet {path}, which is not in its language ({lang}/...)"
        for path in included
        if not path.startswith(f"{lang}/")
    ]
    if is_country:
        problems += [
            f"{shown}: a country guide must include the shared snippet \"{lang}/{name}\""
            for name in COUNTRY_SNIPPETS
            if f"{lang}/{name}" not in included
        ]
    if problems:
        raise PluginError("Snippet check failed:\n  " + "\n  ".join(problems))


def link_citations(markdown: str, page, shown: str, lang: str) -> str:
    sources = page.meta.get("sources") or []
    cited = {n for carrier in page.meta.get("carriers") or [] for n in carrier["sources"]}
    problems = []

    def cite(match: re.Match) -> str:
        n = int(match.group(1))
        if not 1 <= n <= len(sources):
            problems.append(f"{shown}: citation [S{n}] names a source the page does not list ({len(sources)} listed)")
        cited.add(n)
        label = f"{STRINGS[lang]['source']} {n}"
        return f'<sup class="cite"><a href="#source-{n}" title="{label}">[{n}]</a></sup>'

    markdown = CITATION.sub(cite, markdown)
    problems += [
        f"{shown}: source {n} ({sources[n - 1]['url']}) is listed but never cited with [S{n}]"
        for n in range(1, len(sources) + 1)
        if n not in cited
    ]
    if problems:
        raise PluginError("Citation check failed:\n  " + "\n  ".join(problems))
    return markdown


def country_table(countries: list[dict], from_src: str, lang: str) -> str:
    text = STRINGS[lang]
    rows = [f"| {text['country']} | {text['carriers']} | {text['verified']} |", "| --- | --- | --- |"]
    for country in countries:
        link = posixpath.relpath(country["src"], posixpath.dirname(from_src) or ".")
        carriers = text["sep"].join(carrier["name"] for carrier in country["carriers"])
        rows.append(f"| [{country['title']}]({link}) | {carriers} | {country['last_verified'].isoformat()} |")
    return "\n".join(rows) + "\n"
