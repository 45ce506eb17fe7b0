"""Put a carrier's timeline (validated by content_model.py) into words, the one way every page shows it.

The at-a-glance box, the comparison table and the deadline calculator's table all read a
timeline through these functions, so that none of them can state another length than the
timeline does. Not a hook itself: country_pages.py and deadlines.py import it.
"""

from __future__ import annotations

DAYS_PER_UNIT = {"days": 1, "months": 30}  # only to sort the comparison table, never to compute a date


def length(after: dict, strings: dict) -> str:
    """'12 months', '1 month', '12 个月'."""
    unit = after["unit"] if after["value"] != 1 else after["unit"] + "_1"
    return f"{after['value']}{strings['unit_' + unit]}"


def when(stage: dict, event: str, strings: dict) -> str:
    """When a stage comes, in words: '12 months after your last top-up', '1 month after “Suspended”'."""
    if stage["after"] is None:
        return strings["stage_unknown"]
    if stage["since"] == "event":
        return strings["after_event"].format(length=length(stage["after"], strings), event=strings["event_" + event])
    return strings["after_stage"].format(length=length(stage["after"], strings), stage=strings["stage_" + stage["since"]])


def steps_to(timeline: dict, name: str) -> list[dict] | None:
    """The lengths from the event to the stage, first step first; None when the stage is missing or
    any step on the way is unknown."""
    by_name = {s["stage"]: s for s in timeline["stages"]}
    steps, current = [], by_name.get(name)
    while current is not None and current["after"] is not None:
        steps.insert(0, current["after"])
        if current["since"] == "event":
            return steps
        current = by_name[current["since"]]
    return None


def until_lost(carrier: dict, strings: dict) -> tuple[str, int | None]:
    """The time until the number is lost, in words, and in rough days for sorting (None: unknown).

    With a timeline it is read from the timeline: one unit is added up ('13 months'); mixed units
    are listed ('90 days + 1 month'), since a month has no fixed number of days."""
    timeline = carrier.get("timeline")
    if timeline:
        steps = steps_to(timeline, "number_lost")
    else:
        steps = [carrier["lost_after"]] if carrier["lost_after"] else None
    if not steps:
        return strings["unknown"], None
    days = sum(step["value"] * DAYS_PER_UNIT[step["unit"]] for step in steps)
    if len({step["unit"] for step in steps}) == 1:
        return length({"value": sum(step["value"] for step in steps), "unit": steps[0]["unit"]}, strings), days
    return " + ".join(length(step, strings) for step in steps), days
