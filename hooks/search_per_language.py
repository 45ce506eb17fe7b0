"""Give each language its own search index, so a search on a Chinese page finds only Chinese pages.

mkdocs-static-i18n merges both languages into one search/search_index.json. After it has done
so (this hook runs last), the merged index is split: Chinese entries stay in search/, English
entries move to en/search/ with their locations made relative to /en/, and English pages point
the search at /en/ (see overrides/main.html). English keeps Lunr's stemmer out of the pipeline:
the theme searches by prefix ("cancel" also finds "cancelling"), which stems would break. When
the offline plugin has written search_index.js for file:// reading, it is split the same way.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ALIASES = yaml.safe_load((Path(__file__).parent.parent / "data" / "search-aliases.yml").read_text(encoding="utf-8"))
CJK = re.compile(r"[\u3400-\u9fff]")

SEARCH_SETTINGS = {
    # Words are split at spaces and punctuation, as the theme does for Chinese, and also where Latin
    # letters or digits meet Chinese characters: "PAC码" and "eSIM卡" are searched as "PAC 码".
    "zh": {
        "lang": ["zh"],
        "separator": r"[\s\u200b\u3000\-、。，．？！；]+|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])",
        "pipeline": ["stopWordFilter"],
    },
    # No stop-word filter in English: it drops "US", the name readers type for the United States.
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer"]},
}
# Every section also carries its page's keywords (the page title; for a country guide also the
# place's name in the other language, other names readers type and the carriers' names), so that
# "香港 实名登记" or "3HK refund" ranks the matching section of that guide first. Weighted below
# a section's own heading (1000), far above its text (1).
KEYWORDS_FIELD = {"keywords": {"boost": 500.0}}
# The other words readers use for a section heading (data/search-synonyms.yml), weighted as the
# heading itself.
SYNONYMS = yaml.safe_load((Path(__file__).parent.parent / "data" / "search-synonyms.yml").read_text(encoding="utf-8"))
SYNONYMS_FIELD = {"synonyms": {"boost": 1000.0}}
PAGE_ENTRY_BOOST = 0.5

# The theme's worker splits a Chinese query into the longest words of the index, but it never
# tries a word that runs to the query's last character: "新加坡" was searched as "新* 加*" (and
# found Canada, 加拿大), "香港" as "香*". One comparison, `<` where `<=` is meant, in the
# theme's pinned 9.8.1 worker.
SEGMENTER_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
SEGMENTER_LOOP_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a per-language build inside the whole build: the merged index is written later
    let_chinese_queries_match_whole_words(Path(config.site_dir))
    merged_file = Path(config.site_dir) / "search" / "search_index.json"
    merged = json.loads(merged_file.read_text(encoding="utf-8"))
    if not any(doc["location"].startswith("en/") for doc in merged["docs"]):
        return  # already split
    for lang, folder in (("zh", merged_file.parent), ("en", Path(config.site_dir) / "en" / "search")):
        docs = [
            {**doc, "location": doc["location"].removeprefix("en/")}
            for doc in merged["docs"]
            if doc["location"].startswith("en/") == (lang == "en")
        ]
        add_page_keywords(docs, config.extra["countries"], lang)
        add_synonyms(docs, lang)
        weigh_page_entries(docs)
        fields = {**merged["config"]["fields"], **KEYWORDS_FIELD, **SYNONYMS_FIELD}
        index = {"config": {**merged["config"], **SEARCH_SETTINGS[lang], "fields": fields}, "docs": docs}
        write_index(folder, index, offline=(merged_file.parent / "search_index.js").exists())


def write_index(folder: Path, index: dict, offline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if offline:
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def add_page_keywords(docs: list[dict], countries: dict[str, list[dict]], lang: str) -> None:
    """Give every section of a page the page's keywords (see KEYWORDS_FIELD)."""
    other = "en" if lang == "zh" else "zh"
    names_elsewhere = {c["country"]: c["title"] for c in countries[other]}
    by_page = {
        c["src"].split(".")[0] + "/": [  # countries/au.md and countries/au.en.md: countries/au/
            c["title"],
            names_elsewhere.get(c["country"], ""),
            *ALIASES[lang].get(c["country"], []),
            *(carrier["name"] for carrier in c["carriers"]),
        ]
        for c in countries[lang]
    }
    titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
    for doc in docs:
        page = doc["location"].split("#")[0]
        words = by_page.get(page) or [titles.get(page, "").replace("\u200b", ""), *ALIASES[lang].get(page, [])]
        doc["keywords"] = " ".join(segment(word, lang) for word in words if word)


def weigh_page_entries(docs: list[dict]) -> None:
    """The theme favours a page's own entry over its sections; a little less, so that the section
    that answers can lead."""
    for doc in docs:
        if "#" not in doc["location"]:
            doc["boost"] = doc.get("boost", 1) * PAGE_ENTRY_BOOST


def add_synonyms(docs: list[dict], lang: str) -> None:
    """Give each section whose heading data/search-synonyms.yml lists the words readers use for it."""
    for doc in docs:
        words = SYNONYMS[lang].get(doc["location"], []) + SYNONYMS[lang].get(doc["title"].replace("\u200b", ""), [])
        if words and "#" in doc["location"]:
            doc["synonyms"] = " ".join(segment(word, lang) for word in words)


@functools.cache  # each page's keywords recur in every one of its sections, each heading in every guide
def segment(text: str, lang: str) -> str:
    """Chinese split as the index splits it, with the shorter words inside longer ones too
    ("中国香港" also as "中国" and "香港")."""
    if lang != "zh" or not CJK.search(text):
        return text
    import jieba  # loaded already, with the project's dictionary, by the search plugin

    return "\u200b".join(word for word in jieba.cut_for_search(text) if word.strip())


def let_chinese_queries_match_whole_words(site_dir: Path) -> None:
    """Correct the theme's query splitting (see SEGMENTER_LOOP) in the built search worker."""
    for worker in (site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        code = worker.read_text(encoding="utf-8")
        if SEGMENTER_LOOP_FIXED in code:
            continue
        if code.count(SEGMENTER_LOOP) != 1:
            raise PluginError(
                f"{worker}: the theme's search worker has changed; hooks/search_per_language.py cannot find "
                "the loop it corrects (SEGMENTER_LOOP): check whether the new version still needs the correction"
            )
        worker.write_text(code.replace(SEGMENTER_LOOP, SEGMENTER_LOOP_FIXED), encoding="utf-8")
