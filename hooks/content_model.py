"""Validate every page's front matter and its other-language twin before the build starts.

Each Markdown page under docs/ must come in a pair (`x.md` in Chinese, `x.en.md` in English) and
open with YAML front matter. Country guides (docs/countries/<cc>.md) follow the stricter
`CountryPage` model. Any problem stops the build with one message per problem, each naming the
file and the field. The validated country data is published as `config.extra["countries"]`
(one list per language) for the hooks and templates that render it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Literal

import pycountry
import yaml
from mkdocs.plugins import event_priority
from problems import fail_if_any
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
    model_validator,
)

LANGUAGES = ("zh", "en")
ROOT = Path(__file__).resolve().parent.parent


class _FrontMatterLoader(yaml.CSafeLoader):  # libyaml: the pure-Python parser is ten times slower
    """YAML as the model should judge it: dates stay text for the model to check, and only
    true/false are booleans (YAML 1.1 would read Norway's code NO, or an unquoted no, as false)."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FrontMatterLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)
COUNTRY_PAGE = re.compile(r"^countries/(?!index\b)[^/]+\.md$")


def _not_in_future(day: dt.date) -> dt.date:
    if day > dt.date.today():
        raise ValueError(f"{day.isoformat()} lies in the future")
    return day


def _iso_day(value: object) -> object:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date written as YYYY-MM-DD")
    return value


def _https(url: str) -> str:
    if not re.match(r"^https://[^/\s]+\.[^/\s]+", url):
        raise ValueError(f"{url!r} is not an https:// URL")
    return url


def _known_country(code: str) -> str:
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
    return code


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PastDate = Annotated[dt.date, BeforeValidator(_iso_day), AfterValidator(_not_in_future)]
HttpsUrl = Annotated[str, AfterValidator(_https)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$"), AfterValidator(_known_country)]


class Strict_(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict_):
    title: Text
    url: HttpsUrl
    kind: Literal["official", "community", "secondary"] = Field(
        description="official: the carrier's, regulator's or service's own terms and help pages; community: its forums, "
        "staff or member knowledge bases and promotion terms; secondary: anyone else (press, blogs, law firms)"
    )
    checked: PastDate


class LostAfter(Strict_):
    """How long the number survives without the keep-alive action, as the source states it."""

    value: Annotated[int, Strict(), Field(ge=1)]
    unit: Literal["days", "months"]
    counted_from: Text = Field(description="from when the time counts, in the page's language")


class Length(Strict_):
    value: Annotated[int, Strict(), Field(ge=1)]
    unit: Literal["days", "months"]


STAGES = ("warning", "suspended", "disconnected", "number_lost", "reassignable")
EVENTS = ("last_top_up", "last_chargeable_use", "last_payment", "validity_end", "bill_due")


class Stage(Strict_):
    """One step of what happens to a number nobody keeps alive, as the sources state it."""

    stage: Literal[STAGES] = Field(
        description="warning: the carrier warns; suspended: outgoing service stops or the line hibernates; "
        "disconnected: the line is cut off; number_lost: the number can no longer be recovered; "
        "reassignable: the earliest day the number may be given to someone else"
    )
    after: Length | None = Field(description="how long after `since`; null when no source gives it (the stage is unknown)")
    since: str = Field(description="'event' (the timeline's event) or the name of an earlier stage")
    sources: list[Annotated[int, Strict(), Field(ge=1)]] = []
    note: Text | None = Field(default=None, description="what happens at this stage, in the page's language")

    @model_validator(mode="after")
    def _known_needs_sources(self) -> Stage:
        if self.after is not None and not self.sources:
            raise ValueError(f"stage '{self.stage}' gives a length but cites no source: add `sources`, or set `after: null`")
        return self


class Timeline(Strict_):
    """What happens, stage by stage, after the event the reader can date (their last top-up…)."""

    event: Literal[EVENTS] = Field(description="the event the reader enters a date for")
    stages: list[Stage] = Field(min_length=1)

    @model_validator(mode="after")
    def _stages_in_order(self) -> Timeline:
        seen: list[str] = []
        for stage in self.stages:
            if seen and STAGES.index(stage.stage) <= STAGES.index(seen[-1]):
                raise ValueError(
                    f"stage '{stage.stage}' comes after '{seen[-1]}': list stages once each, in the order {', '.join(STAGES)}"
                )
            if stage.since != "event" and stage.since not in seen:
                earlier = ", ".join(seen) or "none yet"
                raise ValueError(
                    f"stage '{stage.stage}' counts since {stage.since!r}: use 'event' or an earlier stage ({earlier})"
                )
            seen.append(stage.stage)
        return self

    def total(self, name: str) -> Length | None:
        """The stage's distance from the event when every step is known and in one unit, else None."""
        by_name = {s.stage: s for s in self.stages}
        value, unit, current = 0, None, by_name.get(name)
        while current is not None:
            if current.after is None or unit not in (None, current.after.unit):
                return None
            value, unit = value + current.after.value, current.after.unit
            if current.since == "event":
                return Length(value=value, unit=unit)
            current = by_name[current.since]
        return None


class Carrier(Strict_):
    """One row of a country's at-a-glance box. Text fields are in the page's language."""

    name: Text
    keep_alive: Text = Field(description="what keeps the number alive")
    lost_after: LostAfter | None = Field(description="null when no source says")
    refund: Literal["yes", "no", "partial", "unknown"]
    port_out: Text = Field(description="the code or step needed to port the number out")
    sources: list[Annotated[int, Strict(), Field(ge=1)]] = Field(min_length=1)
    timeline: Timeline = Field(description="the stages, for the deadline calculator; unknown ones with `after: null`")

    @model_validator(mode="after")
    def _timeline_agrees(self) -> Carrier:
        if self.timeline is None:
            return self
        lost = next((s for s in self.timeline.stages if s.stage == "number_lost"), None)
        if self.lost_after is None and lost is not None and lost.after is not None:
            raise ValueError("timeline gives a length for 'number_lost' but lost_after is null: state it in both")
        if self.lost_after is not None and (lost is None or lost.after is None):
            raise ValueError("lost_after gives a length but the timeline's 'number_lost' stage is missing or unknown")
        total = self.timeline.total("number_lost")
        stated = (self.lost_after.value, self.lost_after.unit) if self.lost_after else None
        if stated is not None and total is not None and (total.value, total.unit) != stated:
            raise ValueError(
                f"lost_after is {self.lost_after.value} {self.lost_after.unit} but the timeline reaches 'number_lost' "
                f"after {total.value} {total.unit}"
            )
        return self


class Page(Strict_):
    """Every page: a title and a description (used for search results and link previews)."""

    title: Text
    description: Text
    last_verified: PastDate | None = None
    sources: list[Source] = []
    # Material's own page settings
    hide: list[str] = []
    template: str | None = None
    search: dict | None = None
    icon: str | None = None


class CountryPage(Page):
    country: CountryCode
    last_verified: PastDate
    carriers: list[Carrier] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _carrier_sources_exist(self) -> CountryPage:
        for i, carrier in enumerate(self.carriers):
            stage_sources = [n for stage in carrier.timeline.stages for n in stage.sources] if carrier.timeline else []
            for n in [*carrier.sources, *stage_sources]:
                if n > len(self.sources):
                    raise ValueError(f"carriers[{i}] cites source {n}, but the page lists {len(self.sources)}")
        return self


def language_of(src_path: str) -> str:
    return "en" if src_path.endswith(".en.md") else "zh"


def twin_of(src_path: str) -> str:
    return src_path[: -len(".en.md")] + ".md" if src_path.endswith(".en.md") else src_path[:-3] + ".en.md"


_front_matter_cache: dict[Path, tuple[tuple[int, int], dict | ValueError]] = {}


def read_front_matter(path: Path) -> dict:
    """Return the page's front matter; raise ValueError when it is missing or malformed.

    Each language's build validates every page, and `mkdocs serve` rebuilds on every change:
    a file is parsed again only when it has changed."""
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size)
    cached = _front_matter_cache.get(path)
    if cached is None or cached[0] != signature:
        try:
            cached = _front_matter_cache[path] = (signature, _parse_front_matter(path))
        except ValueError as error:
            cached = _front_matter_cache[path] = (signature, error)
    if isinstance(cached[1], ValueError):
        raise cached[1]
    return cached[1]  # shared, not copied: nothing changes the front matter it is given


def _parse_front_matter(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if not match:
        raise ValueError("no front matter: the page must open with a '---' line, YAML, and a closing '---' line")
    try:
        data = yaml.load(match.group(1) or "", Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        raise ValueError(f"malformed front matter: {error}".replace("\n", " ")) from None
    if not isinstance(data, dict):
        raise ValueError("malformed front matter: it must be a mapping of field: value")
    return data


def _field(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(front matter)"


def _message(error: dict) -> str:
    """pydantic's message, with the value that was found when it is a single value."""
    found = error.get("input")
    if isinstance(found, str | int | float | bool) and repr(found) not in error["msg"]:
        return f"{error['msg']} (found {found!r})"
    return error["msg"]


def validate(docs_dir: Path) -> tuple[dict[str, Page], list[str]]:
    """Validate every page under docs_dir; return the valid pages and every problem found, of
    every page, in one pass: a contributor sees them all in one build."""
    pages: dict[str, Page] = {}
    front_matter: dict[str, dict] = {}
    problems: list[str] = []
    sources = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md"))
    for src in sources:
        shown = f"{docs_dir.name}/{src}"
        if twin_of(src) not in sources:
            other = "English" if language_of(src) == "zh" else "Chinese"
            problems.append(f"{shown}: missing {other} translation {docs_dir.name}/{twin_of(src)}")
        try:
            data = front_matter[src] = read_front_matter(docs_dir / src)
        except ValueError as error:
            problems.append(f"{shown}: {error}")
            continue
        is_country = COUNTRY_PAGE.match(src.replace(".en.md", ".md"))
        try:
            pages[src] = (CountryPage if is_country else Page).model_validate(data)
        except ValidationError as error:
            problems += [f"{shown}: front matter field '{_field(e['loc'])}': {_message(e)}" for e in error.errors()]
        expected = Path(src).name.split(".")[0].upper()
        if is_country and isinstance(data.get("country"), str) and data["country"] != expected:
            problems.append(
                f"{shown}: front matter field 'country': {data['country']!r} does not match the file name (expected {expected!r})"
            )
        problems += [f"{shown}: {problem}" for problem in scaffold_placeholders(docs_dir / src, data)]
    for src, data in front_matter.items():
        if language_of(src) == "zh" and twin_of(src) in front_matter:
            problems += compare_twins(docs_dir, src, data, front_matter[twin_of(src)])
    return pages, problems


def compare_twins(docs_dir: Path, src: str, zh: dict, en: dict) -> list[str]:
    """The two languages of a page must state the same facts: code, dates, sources and numbers.
    Compared on the front matter as written, so that a page with other problems is compared too."""
    zh_file, en_file = f"{docs_dir.name}/{src}", f"{docs_dir.name}/{twin_of(src)}"
    problems = []

    def differs(field: str, zh_value, en_value) -> None:
        if zh_value != en_value:
            problems.append(
                f"{zh_file} and {en_file}: front matter field '{field}' differs: "
                f"{zh_file} has {zh_value!r}, {en_file} has {en_value!r}"
            )

    for field in ("country", "last_verified"):
        if field in zh or field in en:
            differs(field, zh.get(field), en.get(field))
    zh_carriers, en_carriers = _list(zh.get("carriers")), _list(en.get("carriers"))
    if len(zh_carriers) != len(en_carriers):
        problems.append(
            f"{zh_file} and {en_file}: front matter field 'carriers' lists {len(zh_carriers)} carriers in {zh_file}, "
            f"{len(en_carriers)} in {en_file}"
        )
    for i, (a, b) in enumerate(zip(zh_carriers, en_carriers, strict=False)):
        for name in ("refund", "sources", "lost_after.value", "lost_after.unit", "timeline.event"):
            differs(f"carriers[{i}].{name}", _get(a, name), _get(b, name))
        zh_stages, en_stages = _list(_get(a, "timeline.stages")), _list(_get(b, "timeline.stages"))
        differs(f"carriers[{i}].timeline.stages (without notes)", _without_notes(zh_stages), _without_notes(en_stages))
    zh_urls = [_get(s, "url") for s in _list(zh.get("sources"))]
    en_urls = [_get(s, "url") for s in _list(en.get("sources"))]
    if zh_urls != en_urls:
        only_zh = [url for url in zh_urls if url not in en_urls]
        only_en = [url for url in en_urls if url not in zh_urls]
        detail = (
            "; ".join(
                [f"only {zh_file} lists {', '.join(map(str, only_zh))}"] * bool(only_zh)
                + [f"only {en_file} lists {', '.join(map(str, only_en))}"] * bool(only_en)
            )
            or "the same URLs in another order"
        )
        problems.append(f"{zh_file} and {en_file}: front matter field 'sources' has different URLs: {detail}")
    return problems


def _without_notes(stages: list) -> list:
    """A timeline's stages as both languages must give them: the notes are in the page's language."""
    return [{k: v for k, v in stage.items() if k != "note"} if isinstance(stage, dict) else stage for stage in stages]


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _get(data, dotted: str):
    for key in dotted.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data


SCAFFOLD = yaml.load(
    (Path(__file__).parent.parent / "data" / "scaffold.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
)
SCAFFOLD_TEXT = re.compile(  # any of the scaffold's placeholder texts, either language, "{name}" matching any name
    "|".join(re.escape(text).replace(re.escape("{name}"), ".+?") for lang in LANGUAGES for key, text in SCAFFOLD[lang].items())
)
EXAMPLE_HOST = re.compile(r"^https?://([^/]*\.)?(example\.(com|org|net)|[^/]+\.(example|test|invalid|localhost))(/|$)", re.I)


def scaffold_placeholders(path: Path, front_matter: dict) -> list[str]:
    """What scripts/new_country.py wrote and nobody has replaced yet (data/scaffold.yml)."""
    problems = []

    def walk(value, loc: tuple) -> None:
        if isinstance(value, dict):
            if (
                loc[-1:] == ("lost_after",)
                and value.get("value") == SCAFFOLD["placeholder_lost_after"]["value"]
                and value.get("unit") == (SCAFFOLD["placeholder_lost_after"]["unit"])
            ):
                problems.append(
                    f"front matter field '{_field(loc)}': '1 months' is the scaffold's placeholder: write the length the "
                    "source gives, or null when no source gives one"
                )
            for key, item in value.items():
                walk(item, (*loc, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*loc, i))
        elif isinstance(value, str):
            if SCAFFOLD_TEXT.fullmatch(value.strip()):
                problems.append(f"front matter field '{_field(loc)}': {value!r} is the scaffold's placeholder: replace it")
            elif EXAMPLE_HOST.match(value):
                problems.append(f"front matter field '{_field(loc)}': {value!r} is an example address, not a page you read")

    walk(front_matter, ())
    text = path.read_text(encoding="utf-8")
    front = FRONT_MATTER.match(text)
    first_line = text.count("\n", 0, front.end()) + 1 if front else 1
    for number, line in enumerate(text[front.end() if front else 0 :].splitlines(), start=first_line):
        if any(marker in line for marker in SCAFFOLD["unwritten_markers"]):
            problems.append(f"line {number}: {line.strip()!r} is the scaffold's placeholder text: write it")
    return problems


_validated: dict[str, Page] = {}


_last_validation: tuple[tuple, tuple[dict[str, Page], list[str]]] | None = None


def validate_once(docs_dir: Path) -> tuple[dict[str, Page], list[str]]:
    """validate(), again only when a page has changed: each language's build asks, and so does
    every rebuild of `mkdocs serve`."""
    global _last_validation
    state = tuple((p, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(docs_dir.rglob("*.md")))
    if _last_validation is None or _last_validation[0] != state:
        _last_validation = (state, validate(docs_dir))
    return _last_validation[1]


@event_priority(100)  # before the plugins start: a broken page fails the build before the search loads its dictionary
def on_config(config):
    _, problems = validate_once(Path(config.docs_dir))
    if problems:
        fail_if_any("Content model check", problems)


def on_files(files, config):
    pages, _ = validate_once(Path(config.docs_dir))
    _validated.clear()
    _validated.update(pages)
    config.extra["build_date"] = dt.date.today()
    config.extra["countries"] = {
        lang: sorted(
            (
                {"src": src, **page.model_dump()}
                for src, page in pages.items()
                if isinstance(page, CountryPage) and language_of(src) == lang
            ),
            key=lambda c: c["country"],
        )
        for lang in LANGUAGES
    }
    return files


def on_page_read_source(page, config):
    """Hand MkDocs the page without its front matter, which on_files has parsed and validated
    already: MkDocs would parse the YAML once more for every page of every language."""
    text = page.file.content_string
    match = FRONT_MATTER.match(text)
    return "\n" + text[match.end() :] if match else text  # the blank line: MkDocs then looks for no other metadata


@event_priority(100)  # before the hooks and templates that read page.meta
def on_page_markdown(markdown, page, config, files):
    """Give MkDocs and the templates the validated values (MkDocs itself parses no front matter: see above)."""
    page.meta.update(_validated[page.file.src_uri].model_dump(exclude_defaults=True))
    return markdown
