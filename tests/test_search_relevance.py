"""Search puts the right answer first: the queries readers type (tests/data/search-relevance.yml)
run against the built site's index in a real browser, through the theme's own search worker."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from test_search import search

RELEVANCE_SET = yaml.safe_load((Path(__file__).parent / "data" / "search-relevance.yml").read_text(encoding="utf-8"))
REPORTS = Path(__file__).resolve().parent.parent / "test-results"
REQUIRED_FIRST_HITS = 0.90
START_PAGE = {"zh": "countries/us/", "en": "en/countries/us/"}
INDEX = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}

# The theme's search worker, fed the language's index exactly as the theme feeds it; each query
# returns the result groups (one per page, best first) as the theme lists them: the page first,
# then its sections by score.
RUN_QUERIES = """
async ({indexUrl, queries}) => {
  const theme = JSON.parse(document.getElementById("__config").textContent);
  const index = await (await fetch(indexUrl)).json();
  const worker = new Worker(new URL(theme.search, location.href));
  const ask = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const answers = [];
  for (const query of queries) {
    const started = performance.now();
    const {data} = await ask({type: 2, data: query});
    const took = performance.now() - started;
    answers.push({took, groups: data.items.slice(0, 3).map(group => {
      const article = group.find(doc => !doc.location.includes("#")) || group[0];
      return [article.location, ...group.filter(doc => doc !== article).map(doc => doc.location)];
    })});
  }
  worker.terminate();
  return answers;
}
"""


def first_hit(groups: list[list[str]]) -> tuple[str, str]:
    """The first page listed, and that page with the first of its sections listed ('' if none)."""
    if not groups:
        return "", ""
    page, *sections = groups[0]
    return page, sections[0] if sections else page


def comes_first(expect: str | list[str], groups: list[list[str]], parents: dict[str, str]) -> bool:
    """Whether the first result is what `expect` names; a subsection (h3) counts as its section
    (h2): "Singtel" under "How to close the line" answers "Singapore cancel"."""
    page, section = first_hit(groups)
    patterns = [expect] if isinstance(expect, str) else expect
    return any(
        fnmatch.fnmatchcase(page, pattern)
        if "#" not in pattern
        else fnmatch.fnmatchcase(section, pattern) or fnmatch.fnmatchcase(parents.get(section, ""), pattern)
        for pattern in patterns
    )


HEADING = re.compile(r'<h([23]) id="([^"]+)"')


def section_parents(site: Path, lang: str) -> dict[str, str]:
    """Each subsection's location mapped to its section's, from the built pages' headings."""
    root = site / "en" if lang == "en" else site
    parents = {}
    for html_file in root.rglob("index.html"):
        location = html_file.parent.relative_to(root).as_posix() + "/"
        if location.startswith(("en/", "assets/", "downloads/")):
            continue
        section = ""
        for level, anchor in HEADING.findall(html_file.read_text(encoding="utf-8")):
            anchor = unquote(anchor)
            if level == "2":
                section = f"{location}#{anchor}"
            elif section:
                parents[f"{location}#{anchor}"] = section
    return parents


def run_queries(page, served_site: str, lang: str, queries: list[str]) -> list[dict]:
    page.goto(served_site + START_PAGE[lang])
    return page.evaluate(RUN_QUERIES, {"indexUrl": served_site + INDEX[lang], "queries": queries})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_queries_readers_type_find_the_right_section_first(page, served_site, site, lang):
    cases = RELEVANCE_SET[lang]
    parents = section_parents(site, lang)
    assert len(cases) >= 40, f"the relevance set needs at least 40 {lang} queries, it has {len(cases)}"
    answers = run_queries(page, served_site, lang, [case["q"] for case in cases])
    lines, misses = [], []
    for case, answer in zip(cases, answers, strict=True):
        hit = comes_first(case["expect"], answer["groups"], parents)
        shown = " > ".join(first_hit(answer["groups"])) or "(no results)"
        line = f"{'ok  ' if hit else 'MISS'} {case['q']!r}: first {shown}; expected {case['expect']} ({answer['took']:.0f} ms)"
        lines.append(line)
        misses += [] if hit else [line]
    share = 1 - len(misses) / len(cases)
    took = sorted(answer["took"] for answer in answers)
    summary = (
        f"{lang}: {len(cases) - len(misses)} of {len(cases)} first ({share:.0%}); "
        f"worker time per query: median {took[len(took) // 2]:.0f} ms, slowest {took[-1]:.0f} ms"
    )
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"search-relevance-{lang}.txt").write_text("\n".join([summary, *lines]) + "\n", encoding="utf-8")
    assert share >= REQUIRED_FIRST_HITS, "\n".join([summary, *misses])


@pytest.mark.parametrize(
    ("lang", "query"), [("zh", "PAC码"), ("zh", "香港 实名登记"), ("en", "delete eSIM"), ("en", "SIM block scam")]
)
def test_the_search_box_lists_what_the_relevance_check_measures(page, served_site, lang, query):
    """The check above talks to the theme's worker directly; typed into the search box, the same
    query shows the same page first and the same section under it."""
    [answer] = run_queries(page, served_site, lang, [query])
    expected_page, expected_section = first_hit(answer["groups"])
    shown = [link.removeprefix("en/") for link in search(page, served_site + START_PAGE[lang], query)]
    assert shown[:2] == [expected_page, expected_section][: len(shown[:2])], shown[:5]
