"""Check the links of the given Markdown files against the link policy, as the build does.

    .venv/bin/python scripts/check_link_policy.py docs/countries/us.md snippets/en/scams.md

Every http(s) address in a file, in its text or its front matter, must be allowed by
data/link-policy.yml (hooks/link_policy.py): no seller contacts, link shorteners or trackers, and
only reviewed hosts, over https. Prints one line per problem and exits 1 when there is any; run by
pre-commit on the pages a commit changes, so the problem shows before the build.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = re.compile(r"\bhttps?://[^\s<>\"'()\[\]]+", re.IGNORECASE)


def main(paths: list[str]) -> int:
    sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs does while it loads a hook
    spec = importlib.util.spec_from_file_location("link_policy", ROOT / "hooks" / "link_policy.py")
    link_policy = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(link_policy)
    problems = [
        f"{path}:{number}: link {url} is not allowed ({reason})"
        for path in paths
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1)
        for url in ADDRESS.findall(line)
        if (reason := link_policy.violation(url.rstrip(".,;:!?，。；：")))
    ]
    print("\n".join(problems) or f"{len(paths)} {'file' if len(paths) == 1 else 'files'} checked: every link is allowed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
