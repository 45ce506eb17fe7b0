"""Build the site with MkDocs 1.6.1 and with ProperDocs, its maintained fork, and compare the output.

    make properdocs-check

MkDocs 1.6.1 gets no more releases and MkDocs 2 drops plugins; ProperDocs continues 1.6 and reads
the same mkdocs.yml. This proves that the site can move: both build the same project (pages and
search, both languages) from copies, and every file must be the same byte for byte, except the
generator <meta> tag that names the tool. Prints the differences and exits 1 when there are any.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "docs", "snippets", "overrides", "hooks", "data")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(tool: str, folder: Path) -> Path:
    project = folder / tool
    project.mkdir()
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, project / name)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ENABLE_PDF_EXPORT": "0", "ENABLE_OFFLINE_ARCHIVE": "0"}
    command = [str(Path(sys.executable).parent / tool), "build", "--strict", "--quiet", "-f", "mkdocs.yml", "-d", "site"]
    subprocess.run(command, cwd=project, env=env, check=True)
    return project / "site"


def differences(left: Path, right: Path) -> list[str]:
    found = []
    files = {p.relative_to(site) for site in (left, right) for p in site.rglob("*") if p.is_file()}
    for path in sorted(files):
        a, b = left / path, right / path
        if not (a.is_file() and b.is_file()):
            found.append(f"{path}: built by only one of them")
        elif not filecmp.cmp(a, b, shallow=False) and GENERATOR.sub(b"", a.read_bytes()) != GENERATOR.sub(b"", b.read_bytes()):
            found.append(f"{path}: differs")
    return found


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        mkdocs_site, properdocs_site = build("mkdocs", Path(folder)), build("properdocs", Path(folder))
        files = sum(1 for p in mkdocs_site.rglob("*") if p.is_file())
        found = differences(mkdocs_site, properdocs_site)
    print("\n".join(found) or f"MkDocs and ProperDocs built the same {files} files (the generator tag aside).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
