"""Markup fixes the theme and the extensions leave undone, for valid HTML and assistive technology.

- A checklist item's checkbox gets the item's text (its bold lead, when it has one) as its
  accessible name: pymdownx.tasklist renders the checkbox inside an empty label.
- Material writes `autocomplete` on checkbox toggles and an empty `tabindex` on section labels
  of the navigation; the HTML standard allows neither, so the validator reports both.
"""

from __future__ import annotations

import html
import re

TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")([^>]*>)(.*?)</li>', re.DOTALL
)
CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
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


def on_post_page(output, page, config):
    output = CHECKBOX.sub(lambda m: m.group(0).replace(' autocomplete="off"', ""), output)
    return output.replace(' tabindex=""', "")


def on_post_template(output_content, template_name, config):
    """The same fixes for pages made from a theme template alone, such as 404.html."""
    return on_post_page(output_content, None, config) if template_name.endswith(".html") else output_content
