"""Fail the build when a page links anywhere but to a reviewed host, over https, without trackers.

The rules live in data/link-policy.yml: every link that leaves the site must be https and go to
a host on the allowlist; seller contacts, link shorteners and tracking or referral parameters
are refused by name. Every href and src in the final HTML of every page is checked, so links
that come from snippets, front matter or templates are covered too.
"""

from __future__ import annotations

import fnmatch
import functools
import html
import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml
from mkdocs.plugins import event_priority
from problems import fail_if_any

# Only links that can leave the site: an http(s) or scheme-relative URL in an href or src. The
# pattern runs on the page's bytes in ASCII lower case (attribute names are case-blind; the
# lengths stay the same) and the address is read from the page as written: a literal, lower-case
# pattern scans five times faster than one with re.IGNORECASE.
LINK = re.compile(rb"""(?:href|src)\s*=\s*["']\s*((?:https?:)?//[^"']*)["']""")
POLICY_FILE = Path(__file__).parent.parent / "data" / "link-policy.yml"
POLICY = yaml.load(POLICY_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
ALLOWED = {host for group in POLICY["allowed_hosts"].values() for host in group}


def belongs_to(host: str, listed: str) -> bool:
    return host == listed or host.endswith("." + listed)


@functools.cache  # the same navigation and source links recur on every page of both languages
def violation(url: str, own_host: str = "") -> str | None:
    """Why the URL may not be linked, or None when it may."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") and not url.startswith("//"):
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    for rule, reason in POLICY["blocked"].items():
        rule_host, _, rule_path = rule.partition("/")
        if (host == rule_host or host.endswith("." + rule_host)) and (
            not rule_path or path == "/" + rule_path or path.startswith("/" + rule_path + "/")
        ):
            return reason
    for name, _ in parse_qsl(parts.query, keep_blank_values=True):
        if any(fnmatch.fnmatchcase(name.lower(), pattern) for pattern in POLICY["tracking_parameters"]):
            return f"tracking parameter '{name}'"
    if belongs_to(host, own_host):
        return None
    if parts.scheme != "https":
        return "a link that leaves the site must be https"
    if not any(belongs_to(host, listed) for listed in ALLOWED):
        return f"host {host} is not on the reviewed allowlist in data/link-policy.yml"
    return None


def links_leaving(page_html: str) -> list[str]:
    page = page_html.encode("utf-8")
    return [page[m.start(1) : m.end(1)].decode("utf-8") for m in LINK.finditer(page.lower())]


_problems: list[str] = []  # of every page of both languages, reported together once both are built


def on_pre_build(config):
    if not config.plugins["i18n"].building:  # the whole build starts, not the next language's
        _problems.clear()


def on_post_page(output, page, config):
    _problems.extend(
        f"{Path(config.docs_dir).name}/{page.file.src_uri}: link {url} is not allowed ({reason})"
        for url in dict.fromkeys(html.unescape(address) for address in links_leaving(output))
        if (reason := violation(url, own_host=urlsplit(config.site_url).hostname or ""))
    )
    return output


@event_priority(-120)  # after mkdocs-static-i18n has built the other language, before the PDFs
def on_post_build(config):
    if not config.plugins["i18n"].building:
        fail_if_any("Link policy check", _problems)
