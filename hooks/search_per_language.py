"""Give each language its own search index, so a search on a Chinese page finds only Chinese pages.

mkdocs-static-i18n merges both languages into one search/search_index.json. After it has done
so (this hook runs last), the merged index is split: Chinese entries stay in search/, English
entries move to en/search/ with their locations made relative to /en/, and English pages point
the search at /en/ (see overrides/main.html). English keeps Lunr's stemmer out of the pipeline:
the theme searches by prefix ("cancel" also finds "cancelling"), which stems would break. When
the offline plugin has written search_index.js for file:// reading, it is split the same way.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

SEARCH_SETTINGS = {
    # Words are split at spaces and punctuation, as the theme does for Chinese, and also where Latin
    # letters or digits meet Chinese characters: "PAC码" and "eSIM卡" are searched as "PAC 码".
    "zh": {
        "lang": ["zh"],
        "separator": r"[\s\u200b\u3000\-、。，．？！；]+|(?<=[A-Za-z0-9])(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])",
        "pipeline": ["stopWordFilter"],
    },
    "en": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["trimmer", "stopWordFilter"]},
}


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    if config.plugins["i18n"].building:
        return  # a per-language build inside the whole build: the merged index is written later
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
        index = {"config": {**merged["config"], **SEARCH_SETTINGS[lang]}, "docs": docs}
        write_index(folder, index, offline=(merged_file.parent / "search_index.js").exists())


def write_index(folder: Path, index: dict, offline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if offline:
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
