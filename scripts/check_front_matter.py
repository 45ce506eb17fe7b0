"""Check every page's front matter and its twin, as the build does, in a fraction of a second.

    .venv/bin/python scripts/check_front_matter.py

Prints one line per problem (file and field) and exits 1 when there is any; used by pre-commit.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT / "hooks"))  # as MkDocs does while it loads a hook
    spec = importlib.util.spec_from_file_location("content_model", ROOT / "hooks" / "content_model.py")
    content_model = sys.modules["content_model"] = importlib.util.module_from_spec(spec)  # pydantic resolves its types there
    spec.loader.exec_module(content_model)
    pages, problems = content_model.validate(ROOT / "docs")
    for problem in problems:
        print(problem)
    from problems import plural

    print(f"{plural(len(pages), 'page')} checked, {plural(len(problems), 'problem')}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
