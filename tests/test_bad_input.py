"""Broken content must stop the build with a message that names the file and the problem.

Each case breaks a fresh copy of the project in one way, builds it, and checks the message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import Build, build, built_once

US = "docs/countries/us.md"
US_EN = "docs/countries/us.en.md"
NZ = "docs/countries/nz.md"  # Skinny, its fourth carrier, has a timeline: suspended, then number_lost
NZ_EN = "docs/countries/nz.en.md"
SKINNY = "carriers[3]"


def edit(project: Path, path: str, change) -> None:
    file = project / path
    new = change(file.read_text(encoding="utf-8"))
    assert new != file.read_text(encoding="utf-8"), f"the edit did not change {path}"
    file.write_text(new, encoding="utf-8")


def field(name: str, value: str):
    """Replace the first `name: ...` line of the front matter."""
    return lambda text: re.sub(rf"^{name}:.*$", f"{name}: {value}", text, count=1, flags=re.MULTILINE)


def append(line: str):
    return lambda text: text.rstrip("\n") + "\n\n" + line + "\n"


def in_both(project: Path, change, *paths: str) -> None:
    for path in paths or (NZ, NZ_EN):
        edit(project, path, change)


def first_source_url(new_url: str):
    return lambda text: re.sub(r"^(\s+url:) \S+$", rf"\1 {new_url}", text, count=1, flags=re.MULTILINE)


CASES = {
    # 2. a missing translation
    "missing English translation": (lambda p: (p / US_EN).unlink(), [US, "missing English translation"]),
    "missing Chinese translation": (
        lambda p: (p / "docs/countries/index.md").unlink(),
        ["docs/countries/index.en.md", "missing Chinese translation"],
    ),
    # 4. a missing snippet, a snippet of the wrong language, a guide without the shared checklists
    "missing snippet": (
        lambda p: edit(p, "docs/index.md", append('--8<-- "zh/no-such-checklist.md"')),
        ["index.md", "zh/no-such-checklist.md", "could not be found"],
    ),
    "snippet of the other language": (
        lambda p: edit(p, US, lambda t: t.replace('"zh/scams.md"', '"en/scams.md"')),
        [US, "en/scams.md", "not in its language"],
    ),
    "guide without a shared checklist": (
        lambda p: edit(p, US_EN, lambda t: t.replace('--8<-- "en/myths.md"', "")),
        [US_EN, "must include the shared snippet", "en/myths.md"],
    ),
    "citation of a source the page does not list": (
        lambda p: edit(p, US, append("这句话引用了不存在的来源 [S99]。")),
        [US, "[S99]"],
    ),
    # 5b. a carrier's timeline
    "timeline stages out of order": (
        lambda p: in_both(p, lambda t: t.replace("stage: suspended", "stage: reassignable")),
        [NZ, f"'{SKINNY}.timeline'", "stage 'number_lost' comes after 'reassignable'"],
    ),
    "timeline stage counted since an unknown stage": (
        lambda p: in_both(p, lambda t: t.replace("since: suspended", "since: warning")),
        [NZ, f"'{SKINNY}.timeline'", "counts since 'warning'", "use 'event' or an earlier stage"],
    ),
    "timeline length without a source": (
        lambda p: in_both(p, lambda t: t.replace("since: event\n          sources: [9]\n", "since: event\n")),
        [NZ, f"'{SKINNY}.timeline.stages[0]'", "gives a length but cites no source"],
    ),
    "timeline that disagrees with lost_after": (
        lambda p: in_both(p, lambda t: t.replace("      value: 13\n", "      value: 14\n")),
        [NZ, f"'{SKINNY}'", "lost_after is 14 months but the timeline reaches 'number_lost' after 13 months"],
    ),
    "twins with different timelines": (
        lambda p: edit(
            p, NZ_EN, lambda t: t.replace("since: event\n          sources: [9]", "since: event\n          sources: [10]")
        ),
        [NZ, NZ_EN, f"'{SKINNY}.timeline.stages (without notes)' differs", "'sources': [10]"],
    ),
    "exit plan service without its section on the page": (
        lambda p: edit(p, "data/exit-plan.yml", lambda t: t.replace("en: Apple Account}", "en: Apple ID}")),
        ["data/exit-plan.yml", "'services[1].heading.en'", "docs/guides/accounts.en.md has no section headed 'Apple ID'"],
    ),
    "exit plan help link that is not an official source": (
        lambda p: edit(p, "data/exit-plan.yml", lambda t: t.replace("sources: [2]}", "sources: [3]}")),
        ["data/exit-plan.yml", "'services[2].sources'", "source 3 of docs/guides/accounts", "not an official source"],
    ),
}


@pytest.mark.parametrize("breakage", CASES, ids=list(CASES))
def test_broken_content_fails_the_build_naming_the_file_and_the_problem(broken_project, breakage):
    breaking, expected = CASES[breakage]
    breaking(broken_project)
    result = build(broken_project)
    assert not result.ok, f"the build passed despite: {breakage}"
    for fragment in expected:
        assert fragment in result.output, f"{fragment!r} missing from:\n{result.output[-3000:]}"


# 5. the content model. It checks the front matter of every page before the build starts and names
# every problem at once, so these breakages, each on a page of its own, share one build.
def guide(code: str, lang: str = "zh") -> str:
    return f"docs/countries/{code}.md" if lang == "zh" else f"docs/countries/{code}.en.md"


FRONT_MATTER_CASES = {
    "malformed front matter": (
        lambda p: edit(p, guide("ae"), field("title", "[unclosed")),
        [guide("ae"), "malformed front matter"],
    ),
    "no front matter": (
        lambda p: edit(p, "docs/countries/index.en.md", lambda t: t.split("---", 2)[2]),
        ["docs/countries/index.en.md", "no front matter"],
    ),
    "missing field": (
        lambda p: edit(p, guide("au"), lambda t: re.sub(r"^country: .*\n", "", t, flags=re.MULTILINE)),
        [guide("au"), "'country'", "Field required"],
    ),
    "unknown country code": (
        lambda p: edit(p, guide("ca"), field("country", "XY")),
        [guide("ca"), "'country'", "not an ISO 3166-1 alpha-2 country code"],
    ),
    "date that is not a date": (
        lambda p: edit(p, guide("cn"), field("last_verified", "2026-02-30")),
        [guide("cn"), "'last_verified'", "valid date", "'2026-02-30'"],
    ),
    "date in the future": (
        lambda p: edit(p, guide("de"), field("last_verified", "2999-01-01")),
        [guide("de"), "'last_verified'", "lies in the future"],
    ),
    "source of an unknown kind": (
        lambda p: edit(p, guide("es"), lambda t: t.replace("kind: official", "kind: forum", 1)),
        [guide("es"), "'sources[", ".kind'", "'official', 'community' or 'secondary'", "'forum'"],
    ),
    "source that is not https": (
        lambda p: [edit(p, path, first_source_url("http://example.org/terms")) for path in (guide("fr"), guide("fr", "en"))],
        [guide("fr"), "'sources[0].url'", "not an https:// URL"],
    ),
    "twin with another country code": (
        lambda p: edit(p, guide("gb", "en"), field("country", "CA")),
        [guide("gb"), guide("gb", "en"), "'country' differs", f"{guide('gb')} has 'GB'", f"{guide('gb', 'en')} has 'CA'"],
    ),
    "twin with other source URLs": (
        lambda p: edit(p, guide("hk", "en"), first_source_url("https://example.org/other")),
        [guide("hk"), guide("hk", "en"), "'sources' has different URLs", "https://example.org/other"],
    ),
}


@pytest.fixture(scope="module")
def build_with_bad_front_matter(tmp_path_factory, worker_id) -> Build:
    def break_front_matter(project: Path) -> None:
        for breaking, _ in FRONT_MATTER_CASES.values():
            breaking(project)

    return built_once(tmp_path_factory, worker_id, "bad-front-matter", break_front_matter, exports=False)


@pytest.mark.parametrize("breakage", FRONT_MATTER_CASES, ids=list(FRONT_MATTER_CASES))
def test_a_front_matter_problem_fails_the_build_on_one_line_naming_the_file_and_the_problem(
    build_with_bad_front_matter, breakage
):
    _, expected = FRONT_MATTER_CASES[breakage]
    output = build_with_bad_front_matter.output
    assert not build_with_bad_front_matter.ok, "the build passed despite the broken front matter"
    assert any(all(fragment in line for fragment in expected) for line in output.splitlines()), (
        f"no line holds all of {expected!r}:\n{output[-3000:]}"
    )


# 6. promotion and unsafe links. The link policy reads the built pages of both languages and names
# every problem of every page at once, so all these breakages share one build.
LINK_CASES = {
    "Telegram seller contact": (US, "[联系卖家](https://t.me/simseller)", "https://t.me/simseller", "Telegram contact link"),
    "WhatsApp contact": (US_EN, "[Order here](https://wa.me/15550100)", "https://wa.me/15550100", "WhatsApp contact link"),
    "link shortener": ("docs/index.en.md", "[More](https://bit.ly/3abcd)", "https://bit.ly/3abcd", "link shortener"),
    "tracking parameter": (
        "docs/countries/jp.md",
        "[Tello](https://tello.com/?utm_source=guide)",
        "https://tello.com/?utm_source=guide",
        "tracking parameter 'utm_source'",
    ),
    "link to a host that is not on the allowlist": (
        "docs/countries/kw.md",
        "[便宜的卡](https://cheap-sims.example/buy)",
        "https://cheap-sims.example/buy",
        "host cheap-sims.example is not on the reviewed allowlist",
    ),
    "plain http link": (
        "docs/countries/gb.en.md",
        "[giffgaff](http://www.giffgaff.com/)",
        "http://www.giffgaff.com/",
        "must be https",
    ),
    # a snippet's link is checked on every page that includes it
    "referral parameter in a snippet": (
        "snippets/en/scams.md",
        "[Shop](https://example.org/plans?ref=abc)",
        "https://example.org/plans?ref=abc",
        "tracking parameter 'ref'",
    ),
}


@pytest.fixture(scope="module")
def build_with_bad_links(tmp_path_factory, worker_id) -> Build:
    def break_links(project: Path) -> None:
        for path, markdown, _, _ in LINK_CASES.values():
            edit(project, path, append(markdown))

    return built_once(tmp_path_factory, worker_id, "bad-links", break_links, exports=False)


@pytest.mark.parametrize("breakage", LINK_CASES, ids=list(LINK_CASES))
def test_a_promotional_or_unsafe_link_fails_the_build_naming_the_page_the_link_and_the_reason(build_with_bad_links, breakage):
    path, _, url, reason = LINK_CASES[breakage]
    assert not build_with_bad_links.ok, "the build passed despite the bad links"
    pages = [US_EN, "docs/countries/gb.en.md"] if path.startswith("snippets/") else [path]
    output = build_with_bad_links.output
    for page in pages:
        line = f"{page}: link {url} is not allowed ("
        reported = [text for text in output.splitlines() if line in text]
        assert reported and reason in reported[0], f"{line!r} with {reason!r} missing from:\n{output[-3000:]}"


def test_an_unbroken_copy_builds(site):
    """The control case: a copy of the project, made as each case above makes its own, builds when
    nothing is broken (the real site's shared build is that copy); so each failure above is the breakage's."""
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()


def test_one_build_names_every_problem_of_every_page_and_counts_them(broken_project):
    """Contributors see all their mistakes at once, not one layer per build."""
    edit(broken_project, US, field("last_verified", "2026-13-01"))
    edit(broken_project, "docs/countries/jp.en.md", lambda t: t.replace("kind: official", "kind: officail", 1))
    edit(broken_project, "docs/countries/kw.md", field("country", "KX"))
    edit(broken_project, "docs/countries/kw.en.md", lambda t: re.sub(r"^    keep_alive: .*\n", "", t, count=1, flags=re.M))
    result = build(broken_project)
    assert not result.ok
    for fragment in (
        f"{US}: front matter field 'last_verified'",
        "'2026-13-01'",
        "docs/countries/jp.en.md: front matter field 'sources[",
        "'officail'",
        "docs/countries/kw.md: front matter field 'country'",
        "docs/countries/kw.en.md: front matter field 'carriers[0].keep_alive'",
        "front matter field 'country' differs: docs/countries/kw.md has 'KX'",  # compared although both have problems
    ):
        assert fragment in result.output, f"{fragment!r} missing from:\n{result.output[-3000:]}"
    assert re.search(r"Content model check found \d+ problems:", result.output)


def test_a_single_problem_is_counted_in_the_singular(broken_project):
    edit(broken_project, US, field("last_verified", "2999-01-01"))
    edit(broken_project, US_EN, field("last_verified", "2999-01-01"))
    result = build(broken_project)
    assert "Content model check found 2 problems:" in result.output
    edit(broken_project, US_EN, field("last_verified", "2026-01-01"))
    edit(broken_project, US, field("last_verified", "2026-01-01"))
    edit(broken_project, "docs/countries/jp.md", append("这句话引用了不存在的来源 [S99]。"))
    result = build(broken_project)
    assert "Snippet and citation check found 1 problem:" in result.output, result.output[-2000:]


def test_snippet_and_citation_problems_of_several_pages_are_named_together(broken_project):
    edit(broken_project, US, append("这句话引用了不存在的来源 [S99]。"))
    edit(broken_project, "docs/countries/jp.md", lambda t: t.replace('"zh/scams.md"', '"en/scams.md"'))
    result = build(broken_project)
    assert not result.ok
    assert f"{US}: citation [S99]" in result.output and "docs/countries/jp.md: includes the snippet en/scams.md" in result.output


def test_one_build_names_and_counts_the_link_problems_of_every_page_in_both_languages(build_with_bad_links):
    output = build_with_bad_links.output
    reported = [line.strip() for line in output.splitlines() if re.match(r"\s+docs/\S+: link \S+ is not allowed \(", line)]
    assert f"Link policy check found {len(reported)} problems:" in output
    assert any(line.startswith(f"{US}: ") for line in reported) and any(line.startswith(f"{US_EN}: ") for line in reported)
