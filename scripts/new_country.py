"""Create a country guide's page pair from the template, with the front matter filled in.

    .venv/bin/python scripts/new_country.py KR --region 东亚        (or --region "East Asia")

writes docs/countries/kr.md and kr.en.md (country code, names, today's date, the sections and
the shared checklists) and lists the page in mkdocs.yml under the region. Every argument is
checked before anything is written, so a wrong one leaves nothing behind. The placeholders
(data/scaffold.yml) make the build fail, naming each one, until they are replaced by what you
have read: that is on purpose. Then run `make test`.
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
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCAFFOLD = yaml.safe_load((ROOT / "data" / "scaffold.yml").read_text(encoding="utf-8"))
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


def page(lang: str, code: str, name: str) -> str:
    text = {key: value.format(name=name) for key, value in SCAFFOLD[lang].items()}
    quoted = {key: json.dumps(value, ensure_ascii=False) for key, value in text.items()}  # JSON strings are YAML
    lost = SCAFFOLD["placeholder_lost_after"]
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
      value: {lost["value"]}
      unit: {lost["unit"]}
      counted_from: {quoted["counted_from"]}
    refund: unknown
    port_out: {quoted["port_out"]}
    sources: [1]
    timeline:
      event: last_top_up
      stages:
        - stage: number_lost
          after: {{value: {lost["value"]}, unit: {lost["unit"]}}}
          since: event
          sources: [1]
sources:
  - title: {quoted["source"]}
    url: {SCAFFOLD["placeholder_url"]}
    kind: official
    checked: {today}
---

{text["intro"]}

{sections}

{snippets}
"""


def names(code: str) -> dict[str, str]:
    country = pycountry.countries.get(alpha_2=code)
    chinese = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"]).gettext(country.name)
    return {"zh": chinese, "en": getattr(country, "common_name", country.name)}


def regions() -> list[tuple[str, str]]:
    """The navigation's regions under 国家和地区, as (Chinese name, English name) pairs."""
    sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs does while it loads a hook
    from country_pages import navigation_regions

    return [(region, english) for region, (english, _) in navigation_regions().items()]


def add_to_navigation(code: str, region: str) -> None:
    config = ROOT / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    match = re.search(rf"^(\s*)- {re.escape(region)}:\n((?:\1    - .*\n)+)", text, re.MULTILINE)
    entry = f"{match.group(1)}    - countries/{code.lower()}.md\n"
    config.write_text(text[: match.end()] + entry + text[match.end() :], encoding="utf-8")


def check_arguments(code: str, region: str) -> tuple[list[str], str | None]:
    """Every problem with the arguments, and the region's name in the navigation."""
    problems = []
    if pycountry.countries.get(alpha_2=code) is None:
        problems.append(f"{code!r} is not an ISO 3166-1 alpha-2 country code (for example KR, IE, NZ)")
    known = regions()
    chosen = next((zh for zh, en in known if region in (zh, en) or region.casefold() == en.casefold()), None)
    if chosen is None:
        listed = ", ".join(f"{zh} ({en})" for zh, en in known)
        problems.append(f"{region!r} is not a region of the navigation; use one of: {listed}")
    for suffix in (".md", ".en.md"):
        target = ROOT / "docs" / "countries" / f"{code.lower()}{suffix}"
        if target.exists():
            problems.append(f"{target.relative_to(ROOT)} exists already")
    return problems, chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("code", type=str.upper, help="ISO 3166-1 alpha-2 code, e.g. KR")
    parser.add_argument(
        "--region", required=True, help="the region in the navigation, in Chinese or English, e.g. 东亚 or 'East Asia'"
    )
    args = parser.parse_args()
    problems, region = check_arguments(args.code, args.region.strip())
    if problems:
        sys.exit("Nothing was written:\n  " + "\n  ".join(problems))
    country_names = names(args.code)
    for lang, suffix in (("zh", ".md"), ("en", ".en.md")):
        target = ROOT / "docs" / "countries" / f"{args.code.lower()}{suffix}"
        target.write_text(page(lang, args.code, country_names[lang]), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)} ({country_names[lang]}: check the name)")
    add_to_navigation(args.code, region)
    print(f"listed countries/{args.code.lower()}.md under {region} in mkdocs.yml")


if __name__ == "__main__":
    main()
