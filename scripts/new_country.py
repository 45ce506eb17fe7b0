"""Create a country guide's page pair from the template, with the front matter filled in.

    .venv/bin/python scripts/new_country.py KR --region 东亚

writes docs/countries/kr.md and kr.en.md (country code, names, today's date, the sections and
the shared checklists) and lists the page in mkdocs.yml under the region. The placeholder
carrier and source make the build fail until they are replaced by what you have read: that is
on purpose. Then run `make test`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import json
import re
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER_URL = "https://example.org/replace-with-the-page-you-read"

SECTIONS = {
    "zh": ["常见的保号卡", "如何注销", "如果只是不再充值", "余额能退吗", "携号转出"],
    "en": [
        "Carriers people keep",
        "How to close the line",
        "If you just stop topping up",
        "Your remaining balance",
        "Porting the number out instead",
    ],
}
PLACEHOLDERS = {
    "zh": {
        "carrier": "运营商名称",
        "keep_alive": "保号条件（按来源写）",
        "counted_from": "起算点",
        "port_out": "转出所需的代码或步骤",
        "source": "来源页面的标题",
        "description": "{name}保号卡怎样注销、停用或携号转出，余额和号码回收的规定。",
        "intro": "本页介绍{name}常见的保号卡运营商。（待写：最要紧的一条提醒。）",
        "todo": "（待写，每个事实都要有来源 [S1]。）",
    },
    "en": {
        "carrier": "Carrier name",
        "keep_alive": "What keeps the number (as the source says)",
        "counted_from": "from when",
        "port_out": "the code or step needed to port out",
        "source": "Title of the page you read",
        "description": "How to close, let lapse or port out a number-retention SIM in {name}: balances and number recycling.",
        "intro": "This page covers the carriers people keep in {name}. (To write: the single most important warning.)",
        "todo": "(To write: every fact with its source [S1].)",
    },
}


def page(lang: str, code: str, name: str) -> str:
    text = {key: value.format(name=name) for key, value in PLACEHOLDERS[lang].items()}
    quoted = {key: json.dumps(value, ensure_ascii=False) for key, value in text.items()}  # JSON strings are YAML
    today = dt.date.today().isoformat()
    sections = "\n\n".join(f"## {title}\n\n{text['todo']}" for title in SECTIONS[lang])
    snippets = "\n".join(f'--8<-- "{lang}/{snippet}.md"' for snippet in ("myths", "before-closing", "after-closing", "scams"))
    return f"""---
title: {json.dumps(name, ensure_ascii=False)}
description: {quoted["description"]}
country: {code}
last_verified: {today}
carriers:
  - name: {quoted["carrier"]}
    keep_alive: {quoted["keep_alive"]}
    lost_after:
      value: 1
      unit: months
      counted_from: {quoted["counted_from"]}
    refund: unknown
    port_out: {quoted["port_out"]}
    sources: [1]
sources:
  - title: {quoted["source"]}
    url: {PLACEHOLDER_URL}
    kind: official
    checked: {today}
---

{text["intro"]}

{sections}

{snippets}
"""


def names(code: str) -> dict[str, str]:
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        sys.exit(f"{code} is not an ISO 3166-1 alpha-2 country code")
    chinese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext(country.name)
    return {"zh": chinese, "en": getattr(country, "common_name", country.name)}


def add_to_navigation(code: str, region: str) -> None:
    config = ROOT / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    match = re.search(rf"^(\s*)- {re.escape(region)}:\n((?:\1    - .*\n)+)", text, re.MULTILINE)
    if not match:
        sys.exit(f"mkdocs.yml has no navigation section {region!r}")
    entry = f"{match.group(1)}    - countries/{code.lower()}.md\n"
    config.write_text(text[: match.end()] + entry + text[match.end() :], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", type=str.upper, help="ISO 3166-1 alpha-2 code, e.g. KR")
    parser.add_argument("--region", required=True, help="the navigation section in mkdocs.yml, e.g. 东亚")
    args = parser.parse_args()
    country_names = names(args.code)
    for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
        target = ROOT / "docs" / "countries" / f"{args.code.lower()}{suffix}"
        if target.exists():
            sys.exit(f"{target.relative_to(ROOT)} exists already")
        target.write_text(page(lang, args.code, country_names[lang]), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)} ({country_names[lang]}: check the name)")
    add_to_navigation(args.code, args.region)
    print(f"listed countries/{args.code.lower()}.md under {args.region} in mkdocs.yml")


if __name__ == "__main__":
    main()
