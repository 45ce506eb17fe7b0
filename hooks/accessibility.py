"""Markup fixes for readers of assistive technology that the extensions leave undone.

A checklist item's checkbox gets the item's text (its bold lead, when it has one) as its
accessible name: pymdownx.tasklist renders the checkbox inside an empty label.
"""

from __future__ import annotations

import html
import re

TASK_ITEM = re.compile(r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")([^>]*>)(.*?)</li>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def checkbox_name(item_html: str) -> str:
    lead = re.search(r"<strong>(.*?)</strong>", item_html, re.DOTALL)
    text = TAG.sub("", lead.group(1) if lead else item_html)
    return " ".join(html.unescape(text).split()).rstrip("。.：:")


def on_page_content(content, page, config, files):
    return TASK_ITEM.sub(
        lambda m: f'{m.group(1)} aria-label="{html.escape(checkbox_name(m.group(3)))}"{m.group(2)}{m.group(3)}</li>',
        content,
    )
