"""Check every link that leaves the built site with LinkChecker, and report the dead ones.

    make linkcheck            (builds site/ first if needed)

Needs the internet, so it is not part of `make test`; offline it says so and checks nothing.
Exits 0 when every outbound URL answers, 1 when some are dead, 2 when it cannot go online.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
OWN_HOST = urlsplit(re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M).group(1)).hostname


def outbound_urls() -> list[str]:
    urls = set()
    for page in SITE.rglob("*.html"):
        for url in re.findall(r'href="(https?://[^"#]+)', page.read_text(encoding="utf-8")):
            if urlsplit(url).hostname != OWN_HOST:
                urls.add(url.replace("&amp;", "&"))
    return sorted(urls)


def online() -> bool:
    host = urlsplit(outbound_urls()[0]).hostname
    try:
        socket.create_connection((host, 443), timeout=5).close()
        return True
    except OSError:
        return False


def main() -> int:
    if not SITE.exists():
        print("site/ is missing: run `make build` first", file=sys.stderr)
        return 2
    urls = outbound_urls()
    if not online():
        print(f"Offline: cannot reach the internet, so none of the {len(urls)} outbound links was checked.")
        return 2
    checker = Path(sys.executable).parent / "linkchecker"
    result = subprocess.run(
        [checker, "--stdin", "--recursion-level=0", "--check-extern", "--no-status", "--output=text"],
        input="\n".join(urls),
        text=True,
    )
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
