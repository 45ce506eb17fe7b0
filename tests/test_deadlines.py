"""The deadline calculator, its calendar reminders and the exit plan, as a reader uses them.

Every expected date is worked out here in Python (dateutil's relativedelta) from the pages' own
front matter, never written down by hand, and compared with what the page's script shows.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, ReusedTab
from dateutil.relativedelta import relativedelta
from icalendar import Calendar
from site_pages import SourcePage, country_pages

STRINGS = yaml.safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
EXIT_PLAN = yaml.safe_load((ROOT / "data" / "exit-plan.yml").read_text(encoding="utf-8"))
TODAY = dt.date(2026, 12, 3)  # the browser's clock is set to this day
HOST = "baohaoka-guide.github.io"
WITH_TIMELINE = [p for p in country_pages() if any(c.get("timeline") for c in p.meta["carriers"])]
OWN_PAGES = [SourcePage("guides/deadlines.md"), SourcePage("guides/deadlines.en.md")]
ACCOUNTS = {"zh": SourcePage("guides/accounts.md"), "en": SourcePage("guides/accounts.en.md")}


def later(day: dt.date, after: dict) -> dt.date:
    return day + (relativedelta(months=after["value"]) if after["unit"] == "months" else dt.timedelta(days=after["value"]))


def expected_dates(timeline: dict, event: dt.date) -> dict[str, dt.date | None]:
    """Each stage's date: its length after the event or after the stage it counts from; None when unknown."""
    dates: dict[str, dt.date | None] = {"event": event}
    for stage in timeline["stages"]:
        since = dates[stage["since"]]
        dates[stage["stage"]] = later(since, stage["after"]) if since and stage["after"] else None
    return {k: v for k, v in dates.items() if k != "event"}


def days_left_text(day: dt.date | None, lang: str) -> str:
    s = STRINGS[lang]
    if day is None:
        return s["deadlines_unknown_date"]
    left = (day - TODAY).days
    if left == 0:
        return s["deadlines_today"]
    return s["deadlines_left"].format(days=left) if left > 0 else s["deadlines_past"].format(days=-left)


@pytest.fixture(scope="module")
def tabs_at_noon_today(browser):
    lender = ReusedTab(browser)
    yield lender
    lender.close()


@pytest.fixture
def tab(tabs_at_noon_today):
    """A tab whose clock says noon on TODAY once open_at_today() has opened a page in it: the tabs
    of these tests are not lent to others, since a faked clock stays with its tab."""
    yield tabs_at_noon_today.lend()
    tabs_at_noon_today.take_back()


def open_at_today(page, url: str) -> None:
    page.clock.set_fixed_time(dt.datetime.combine(TODAY, dt.time(12)))
    page.goto(url, wait_until="load")
    page.wait_for_selector(".guide-deadlines__form:not([hidden])")


def calculate(page, day: str, country: str | None = None, carrier: str | None = None) -> None:
    if country:
        page.select_option("#deadlines-country", country)
    if carrier:
        page.select_option("#deadlines-carrier", carrier)
    page.fill("#deadlines-date", day)
    page.locator(".guide-deadlines form button[type=submit]").click()


def page_data(page) -> dict:
    return json.loads(page.locator(".guide-deadlines__data").text_content())


# The date arithmetic: the page's own script against dateutil.

MONTH_CASES = [
    ("2024-02-29", 1), ("2024-02-29", 12), ("2024-02-29", 48), ("2023-08-31", 6), ("2025-08-31", 6),
    ("2024-01-31", 1), ("2025-01-31", 1), ("2025-03-31", 1), ("2025-05-31", 6), ("2025-10-31", 4),
    ("2025-12-31", 1), ("2025-12-31", 2), ("2025-12-31", 12), ("2025-12-15", 1), ("2026-11-30", 3),
    ("1999-12-31", 2), ("2026-01-01", 120),
]  # fmt: skip
DAY_CASES = [
    ("2023-02-28", 1), ("2024-02-28", 1), ("2024-02-28", 2), ("2025-12-31", 1), ("2024-12-31", 60),
    ("2024-01-01", 366), ("2026-03-28", 90), ("2026-10-24", 7), ("2025-12-01", 31),
]  # fmt: skip


def every_day(first: dt.date, last: dt.date) -> list[str]:
    return [(first + dt.timedelta(days=n)).isoformat() for n in range((last - first).days + 1)]


def test_months_are_added_as_dateutil_adds_them_clamped_to_the_last_day_of_a_shorter_month(page, served_site):
    cases = MONTH_CASES + [(day, n) for day in every_day(dt.date(2023, 1, 1), dt.date(2024, 12, 31)) for n in (1, 6, 12, 13)]
    page.goto(served_site + OWN_PAGES[1].url, wait_until="load")
    shown = page.evaluate("cases => cases.map(([day, n]) => guideDeadlines.addMonths(day, n))", cases)
    expected = [(dt.date.fromisoformat(day) + relativedelta(months=n)).isoformat() for day, n in cases]
    assert shown == expected
    assert dict(zip(MONTH_CASES, shown, strict=False))[("2025-08-31", 6)] == "2026-02-28"
    assert dict(zip(MONTH_CASES, shown, strict=False))[("2023-08-31", 6)] == "2024-02-29"


def test_days_are_added_across_month_and_year_ends(page, served_site):
    cases = DAY_CASES + [(day, n) for day in every_day(dt.date(2023, 12, 1), dt.date(2024, 3, 31)) for n in (1, 30, 90, 365)]
    page.goto(served_site + OWN_PAGES[1].url, wait_until="load")
    shown = page.evaluate("cases => cases.map(([day, n]) => guideDeadlines.addDays(day, n))", cases)
    assert shown == [(dt.date.fromisoformat(day) + dt.timedelta(days=n)).isoformat() for day, n in cases]


def test_a_stage_counts_from_the_stage_it_names_and_is_unknown_after_an_unknown_stage(page, served_site):
    timeline = {
        "event": "last_top_up",
        "stages": [
            {"stage": "warning", "after": {"value": 90, "unit": "days"}, "since": "event"},
            {"stage": "suspended", "after": {"value": 1, "unit": "months"}, "since": "warning"},
            {"stage": "disconnected", "after": None, "since": "suspended"},
            {"stage": "number_lost", "after": {"value": 6, "unit": "months"}, "since": "disconnected"},
            {"stage": "reassignable", "after": {"value": 6, "unit": "months"}, "since": "suspended"},
        ],
    }
    page.goto(served_site + OWN_PAGES[1].url, wait_until="load")
    for event in ("2025-12-02", "2024-11-30", "2025-08-31"):
        shown = page.evaluate("([carrier, day]) => guideDeadlines.stageDates(carrier, day)", [timeline, event])
        expected = expected_dates(timeline, dt.date.fromisoformat(event))
        assert shown == [d.isoformat() if d else None for d in expected.values()]
        assert shown[2] is None and shown[3] is None and shown[4] is not None


@pytest.mark.parametrize(
    ("typed", "expected"), [("2026-02-03", "2026-02-03"), ("2026/2/3", "2026-02-03"), ("2026年2月3日", "2026-02-03"),
                            ("2026-02-30", None), ("2025-02-29", None), ("2024-02-29", "2024-02-29"), ("3 Feb 2026", None)],
)  # fmt: skip
def test_a_typed_date_is_read_only_when_it_is_a_real_day(page, served_site, typed, expected):
    page.goto(served_site + OWN_PAGES[0].url, wait_until="load")
    assert page.evaluate("typed => guideDeadlines.parseDate(typed)", typed) == expected


# The built pages: the calculator is made from the validated front matter.


@pytest.mark.parametrize("source", WITH_TIMELINE, ids=lambda p: p.src)
def test_a_country_guide_with_a_timeline_has_the_calculator_under_the_at_a_glance_box(site, source):
    html = source.html(site)
    article = html.select_one("article")
    sections = [s for s in article.find_all("section", recursive=True) if "guide-glance" in s.get("class", [])]
    calculator = article.select_one("section.guide-deadlines")
    assert sections and calculator and sections[0].find_next("section") is calculator
    data = json.loads(calculator.select_one("script.guide-deadlines__data").string)
    carriers = [c for c in source.meta["carriers"] if c.get("timeline")]
    shown = data["countries"][0]["carriers"]
    assert [c["name"] for c in shown] == [c["name"] for c in carriers]
    for carrier, in_page in zip(carriers, shown, strict=True):
        assert in_page["event"] == carrier["timeline"]["event"]
        assert [(s["stage"], s["after"], s["since"]) for s in in_page["stages"]] == [
            (s["stage"], s["after"], s["since"]) for s in carrier["timeline"]["stages"]
        ]
    assert "deadlines.js" in str(html.find_all("script", src=True)[-1])


@pytest.mark.parametrize("source", WITH_TIMELINE, ids=lambda p: p.src)
def test_the_at_a_glance_box_and_the_comparison_state_the_timeline_of_each_carrier(site, source):
    strings = STRINGS[source.lang]
    glance = source.html(site).select_one("section.guide-glance")
    compare = SourcePage("compare.md" if source.lang == "zh" else "compare.en.md").html(site)
    for carrier in source.meta["carriers"]:
        if not carrier.get("timeline"):
            continue
        row = next(r for r in glance.select("tbody tr") if r.th.get_text().startswith(carrier["name"]))
        stages = [li.strong.get_text() for li in row.select("ol.guide-stages li")]
        assert stages == [strings["stage_" + s["stage"]] for s in carrier["timeline"]["stages"]]
        until_lost = row.select("td")[1].contents[0].strip()
        compare_row = next(
            r for r in compare.select(".guide-compare tbody tr")
            if r.select("td")[0].get_text() == source.meta["title"] and r.select("td")[1].get_text() == carrier["name"]
        )  # fmt: skip
        assert compare_row.select("td")[3].get_text() == until_lost


def test_without_javascript_a_table_of_the_stages_shows_and_the_forms_stay_hidden(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    source = WITH_TIMELINE[0]
    page.goto(served_site + source.url)
    stages = sum(len(c["timeline"]["stages"]) for c in source.meta["carriers"] if c.get("timeline"))
    assert page.locator(".guide-deadlines__static tbody tr").count() == stages
    assert page.locator(".guide-deadlines__static").is_visible()
    assert not page.locator(".guide-deadlines__form").is_visible()
    page.goto(served_site + ACCOUNTS["en"].url)
    assert not page.locator(".guide-exit-plan").is_visible()
    assert page.locator("h2#apple-account").is_visible()
    context.close()


def test_the_calculator_adds_at_most_15_kb_compressed_to_a_country_guide(site):
    script = gzip.compress((site / "assets/javascripts/deadlines.js").read_bytes(), 9)
    for source in WITH_TIMELINE:
        text = (site / source.url / "index.html").read_text(encoding="utf-8")
        section = re.search(r'<section class="guide-deadlines".*?</section>', text, re.DOTALL).group(0)
        grown = len(gzip.compress(text.encode(), 9)) - len(gzip.compress(text.replace(section, "").encode(), 9))
        assert grown + len(script) <= 15 * 1024, f"{source.src}: {grown} + {len(script)} bytes"


# A reader enters a date.

CALCULATOR_PAGES = [next(p for p in WITH_TIMELINE if p.lang == lang) for lang in ("zh", "en")]  # one guide per language


def pick(source: SourcePage) -> tuple[SourcePage, dict, str | None]:
    """The country page and carrier to try, and the country code to choose on the calculator's own page."""
    if source.is_country:
        carrier = [c for c in source.meta["carriers"] if c.get("timeline")][-1]
        return source, carrier, None
    guide = [p for p in WITH_TIMELINE if p.lang == source.lang][-1]
    return guide, [c for c in guide.meta["carriers"] if c.get("timeline")][-1], guide.meta["country"].lower()


@pytest.mark.parametrize("source", CALCULATOR_PAGES + OWN_PAGES, ids=lambda p: p.src)
def test_entering_a_date_shows_each_stage_with_its_date_days_left_action_and_source(tab, served_site, source):
    guide, carrier, country = pick(source)
    strings = STRINGS[source.lang]
    open_at_today(tab, served_site + source.url)
    data = page_data(tab)
    entry = next(c for c in data["countries"] if c["name"] == guide.meta["title"])
    carrier_id = next(c["id"] for c in entry["carriers"] if c["name"] == carrier["name"])
    if country:
        tab.select_option("#deadlines-country", country)
    tab.select_option("#deadlines-carrier", carrier_id)
    label = strings["deadlines_date_label"].format(event=strings["event_" + carrier["timeline"]["event"]])
    assert tab.get_by_label(label).is_visible(), "the date's label names the event in the page's language"
    event = dt.date(2025, 12, 31)
    calculate(tab, event.isoformat())
    expected = expected_dates(carrier["timeline"], event)
    result = tab.locator(".guide-deadlines__result")
    assert result.get_attribute("aria-live") == "polite"
    for stage in carrier["timeline"]["stages"]:
        row = result.locator(f"tr[data-stage={stage['stage']}]")
        day = expected[stage["stage"]]
        assert row.locator("th").inner_text() == strings["stage_" + stage["stage"]]
        assert row.locator(".guide-deadlines__date").inner_text() == (day.isoformat() if day else strings["stage_unknown"])
        assert row.locator(".guide-deadlines__left").inner_text() == days_left_text(day, source.lang)
        assert row.locator("td").last.inner_text() == strings["action_" + stage["stage"]]
        if stage.get("sources"):
            href = row.locator(".guide-deadlines__date a").get_attribute("href")
            to_guide = "" if source.is_country else "../../countries/" + guide.meta["country"].lower() + "/"
            assert href == f"{to_guide}#source-{stage['sources'][0]}"


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "deadlines_error_empty"), ("2026-02-30", "deadlines_error_invalid"), ("soon", "deadlines_error_invalid"),
     ((TODAY + dt.timedelta(days=1)).isoformat(), "deadlines_error_future")],
    ids=["empty", "a day February lacks", "not a date", "tomorrow"],
)  # fmt: skip
@pytest.mark.parametrize("source", OWN_PAGES, ids=lambda p: p.lang)
def test_a_bad_date_shows_a_clear_message_in_the_page_language_and_no_dates(tab, served_site, source, typed, message):
    open_at_today(tab, served_site + source.url)
    calculate(tab, "2025-01-01")
    assert tab.locator(".guide-deadlines__result time").count() > 0
    calculate(tab, typed)
    result = tab.locator(".guide-deadlines__result")
    assert result.inner_text().strip() == STRINGS[source.lang][message]
    assert result.locator("time, table, button").count() == 0
    assert tab.locator("#deadlines-date").get_attribute("aria-invalid") == "true"


# Calendar reminders.


def download_calendar(tab) -> bytes:
    with tab.expect_download() as download:
        tab.locator(".guide-deadlines__ics").click()
    assert download.value.suggested_filename.endswith(".ics")
    return open(download.value.path(), "rb").read()


@pytest.mark.parametrize("source", CALCULATOR_PAGES[:2], ids=lambda p: p.src)
def test_the_calendar_file_has_an_all_day_event_per_known_stage_with_two_reminders(tab, served_site, source):
    guide, carrier, _ = pick(source)
    strings = STRINGS[source.lang]
    open_at_today(tab, served_site + source.url)
    entry = page_data(tab)["countries"][0]
    carrier_id = next(c["id"] for c in entry["carriers"] if c["name"] == carrier["name"])
    tab.select_option("#deadlines-carrier", carrier_id)
    event = dt.date(2026, 1, 31)
    calculate(tab, event.isoformat())
    raw = download_calendar(tab)
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = Calendar.from_ical(raw)
    assert str(calendar["VERSION"]) == "2.0" and calendar.get("PRODID")
    known = {k: v for k, v in expected_dates(carrier["timeline"], event).items() if v}
    events = calendar.walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == list(known.values())
    for vevent, (stage, _) in zip(events, known.items(), strict=True):
        assert str(vevent["UID"]) == f"{entry['code']}-{carrier_id}-{stage}@{HOST}"
        assert vevent.get("DTSTAMP") is not None
        assert strings["stage_" + stage] in str(vevent["SUMMARY"]) and carrier["name"] in str(vevent["SUMMARY"])
        source_number = next(s for s in carrier["timeline"]["stages"] if s["stage"] == stage)["sources"][0]
        description = str(vevent["DESCRIPTION"])
        assert strings["action_" + stage] in description
        assert guide.meta["sources"][source_number - 1]["url"] in description
        alarms = vevent.walk("VALARM")
        assert [a.decoded("TRIGGER") for a in alarms] == [dt.timedelta(days=-14), dt.timedelta(days=-3)]
        assert all(str(a["ACTION"]) == "DISPLAY" and str(a["DESCRIPTION"]) for a in alarms)
    again = Calendar.from_ical(download_calendar(tab))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in events], "re-importing updates"


def test_the_calendar_escapes_text_and_folds_long_lines_without_splitting_a_character(tab, served_site):
    open_at_today(tab, served_site + OWN_PAGES[0].url)
    note = "号码回收；逗号, 分号; 反斜杠\\ 和换行\n第二行" * 4
    carrier = {"id": "x", "name": "测试, 运营商", "event": "last_top_up",
               "stages": [{"stage": "number_lost", "after": {"value": 1, "unit": "months"}, "since": "event",
                           "note": note, "source": "#source-1", "source_url": "https://example.org/terms"}]}  # fmt: skip
    country = {"code": "xx", "name": "某地", "tab": "https://example.org/"}
    text = tab.evaluate(
        "([carrier, country]) => guideDeadlines.calendar(JSON.parse(document.querySelector('.guide-deadlines__data')"
        ".textContent), country, carrier, guideDeadlines.stageDates(carrier, '2026-01-31'), new Date())",
        [carrier, country],
    )
    raw = text.encode("utf-8")  # a character cut in two would not decode
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    vevent = Calendar.from_ical(raw).walk("VEVENT")[0]
    assert note in str(vevent["DESCRIPTION"]) and "测试, 运营商" in str(vevent["SUMMARY"])
    assert vevent.decoded("DTSTART") == dt.date(2026, 2, 28)


# The exit plan on the accounts guide.


def official_links(lang: str, service: dict) -> list[str]:
    sources = ACCOUNTS[lang].meta["sources"]
    return [sources[n - 1]["url"] for n in service["sources"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_exit_plan_lists_the_ticked_accounts_in_order_with_their_help_links_and_deadlines(tab, served_site, lang):
    strings = STRINGS[lang]
    source = [p for p in WITH_TIMELINE if p.lang == lang][0]
    carrier = [c for c in source.meta["carriers"] if c.get("timeline")][0]
    open_at_today(tab, served_site + source.url)
    calculate(tab, "2026-01-31")
    tab.goto(served_site + ACCOUNTS[lang].url, wait_until="load")
    services = EXIT_PLAN["services"]
    ticked = [services[-1], services[0], services[2]]  # ticked out of order
    for service in ticked:
        tab.get_by_label(service["heading"][lang], exact=True).check()
    tab.get_by_role("button", name=strings["exit_make"]).click()
    items = tab.locator(".guide-exit-plan__list > li")
    in_order = [s for s in services if s in ticked]
    assert items.first.inner_text() == strings["exit_first"] and items.last.inner_text() == strings["exit_last"]
    assert [items.nth(i + 1).get_attribute("data-service") for i in range(len(in_order))] == [s["id"] for s in in_order]
    for service in in_order:
        links = tab.locator(f"[data-service={service['id']}] a").evaluate_all("links => links.map(a => a.href)")
        assert [link for link in links if "#" not in link] == official_links(lang, service)
        if not service["sources"]:
            assert tab.locator(f"[data-service={service['id']}]").inner_text().endswith(strings["exit_no_official"])
    deadlines = tab.locator(".guide-exit-plan__deadlines").inner_text()
    for stage, day in expected_dates(carrier["timeline"], dt.date(2026, 1, 31)).items():
        assert (
            f"{strings['stage_' + stage]}{strings['stage_separator']}{day.isoformat() if day else strings['stage_unknown']}"
            in deadlines
        )

    tab.reload(wait_until="load")
    assert tab.locator(".guide-exit-plan__list > li").count() == len(in_order) + 3, "the ticks are remembered"
    tab.get_by_role("button", name=strings["exit_forget"]).click()
    stored = tab.evaluate("() => [localStorage.getItem('guide-exit-plan'), localStorage.getItem('guide-deadlines-last')]")
    assert stored == [None, None]
    assert tab.locator(".guide-exit-plan input:checked").count() == 0
    assert tab.locator(".guide-exit-plan__result").inner_text().strip() == strings["exit_forgotten"]


def test_without_a_calculator_result_the_exit_plan_points_to_the_calculator(page, served_site):
    page.goto(served_site + ACCOUNTS["en"].url, wait_until="load")
    page.get_by_label("Banks", exact=True).check()
    page.get_by_role("button", name=STRINGS["en"]["exit_make"]).click()
    page.get_by_role("link", name=STRINGS["en"]["exit_no_deadlines"]).click()
    page.wait_for_load_state()
    assert page.locator("article h1").inner_text() == OWN_PAGES[1].meta["title"]


def test_the_exit_plan_sends_nothing(page, served_site):
    requested = []
    page.goto(served_site + ACCOUNTS["en"].url, wait_until="networkidle")
    page.on("request", lambda request: requested.append(request.url))
    page.get_by_label("Banks", exact=True).check()
    page.get_by_role("button", name=STRINGS["en"]["exit_make"]).click()
    page.get_by_role("button", name=STRINGS["en"]["exit_forget"]).click()
    page.wait_for_timeout(200)
    assert requested == []


# Keyboard and screen readers.


def test_the_calculator_works_from_the_keyboard(tab, served_site):
    open_at_today(tab, served_site + OWN_PAGES[1].url)
    tab.locator("#deadlines-date").focus()
    tab.keyboard.type("2026-01-31")
    tab.keyboard.press("Enter")
    assert tab.locator(".guide-deadlines__result table").count() == 1
    for _ in range(10):  # past the button and the dates' source links, to the calendar button
        tab.keyboard.press("Tab")
        if tab.evaluate("() => document.activeElement.classList.contains('guide-deadlines__ics')"):
            break
    with tab.expect_download() as download:
        tab.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".ics")


@pytest.mark.parametrize("source", OWN_PAGES + list(ACCOUNTS.values()), ids=lambda p: p.src)
def test_axe_finds_no_serious_violation_in_the_calculator_or_the_exit_plan_in_use(tab, served_site, source):
    from test_quality import serious_violations

    if source in OWN_PAGES:
        open_at_today(tab, served_site + source.url)
        calculate(tab, "2026-01-31")
    else:
        tab.goto(served_site + source.url, wait_until="load")
        tab.locator(".guide-exit-plan input").first.check()
        tab.locator(".guide-exit-plan button[type=submit]").click()
    assert serious_violations(tab) == []


def test_the_calculator_page_is_in_the_navigation_after_the_close_or_lapse_guide():
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["nav"]
    topics = next(item["专题"] for item in nav if isinstance(item, dict) and "专题" in item)
    assert topics[topics.index("guides/decide.md") + 1] == "guides/deadlines.md"


ZH_EXAMPLE, EN_EXAMPLE = "8 月 31 日之后 6 个月是 2 月 28 日", "31 August + 6 months is 28 February"


@pytest.mark.parametrize(
    ("path", "example"),
    [("docs/guides/deadlines.md", ZH_EXAMPLE), ("CONTRIBUTING.md", ZH_EXAMPLE),
     ("docs/guides/deadlines.en.md", EN_EXAMPLE), ("CONTRIBUTING.en.md", EN_EXAMPLE)],
)  # fmt: skip
def test_the_month_rule_is_documented_on_the_page_and_in_both_contributing_guides(path, example):
    assert example in (ROOT / path).read_text(encoding="utf-8")


def test_the_pages_data_is_html_safe(site):
    for source in WITH_TIMELINE + OWN_PAGES:
        script = (site / source.url / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<script type="application/json" class="guide-deadlines__data">(.*?)</script>', script, re.DOTALL)
        assert block and "</" not in block.group(1)
        assert BeautifulSoup(script, "html.parser").select_one(".guide-deadlines__data")
