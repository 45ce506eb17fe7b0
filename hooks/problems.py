"""How the hooks stop a build: every problem they found at once, counted, one per line.

Not a hook itself: content_model, country_pages and link_policy import it.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def fail_if_any(check: str, problems: list[str]) -> None:
    """Raise one PluginError listing every problem (each names its file), or do nothing."""
    if problems:
        raise PluginError(f"{check} found {plural(len(problems), 'problem')}:\n  " + "\n  ".join(problems))
