"""What a contributor relies on: the scaffold for a new country, and the pre-commit checks."""

from __future__ import annotations

import shutil
import subprocess
import sys

import yaml
from conftest import ROOT, build


def test_the_scaffold_writes_a_page_pair_that_the_build_refuses_until_sources_are_filled_in(broken_project):
    shutil.copytree(ROOT / "scripts", broken_project / "scripts")
    result = subprocess.run(
        [sys.executable, "scripts/new_country.py", "kr", "--region", "东亚"], cwd=broken_project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    for name in ("kr.md", "kr.en.md"):
        text = (broken_project / "docs/countries" / name).read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        assert front["country"] == "KR" and front["carriers"] and front["sources"]
        assert '--8<-- "' in text
    assert "countries/kr.md" in (broken_project / "mkdocs.yml").read_text(encoding="utf-8")
    built = build(broken_project)
    assert not built.ok and "docs/countries/kr.md" in built.output and "replace-with-the-page-you-read" in built.output


def test_pre_commit_runs_the_fast_checks_of_the_test_suite():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = " ".join(hook["entry"] for repo in config["repos"] for hook in repo["hooks"])
    for check in ("ruff check", "ruff format", "scripts/check_front_matter.py", "test_content.py"):
        assert check in entries


def test_the_front_matter_check_passes_on_the_project_and_names_a_broken_file(broken_project):
    ok = subprocess.run([sys.executable, "scripts/check_front_matter.py"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copytree(ROOT / "scripts", broken_project / "scripts")
    page = broken_project / "docs/countries/jp.md"
    page.write_text(page.read_text(encoding="utf-8").replace("country: JP", "country: XX"), encoding="utf-8")
    bad = subprocess.run([sys.executable, "scripts/check_front_matter.py"], cwd=broken_project, capture_output=True, text=True)
    assert bad.returncode == 1 and "docs/countries/jp.md" in bad.stdout + bad.stderr
