"""What a contributor relies on: the scaffold for a new country, and the pre-commit checks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build, copy_project

SCAFFOLD = yaml.safe_load((ROOT / "data/scaffold.yml").read_text(encoding="utf-8"))
PLACEHOLDER_FIELDS = [
    "description",
    "carriers[0].name",
    "carriers[0].keep_alive",
    "carriers[0].lost_after",
    "carriers[0].lost_after.counted_from",
    "carriers[0].port_out",
    "sources[0].title",
    "sources[0].url",
]


def scaffold(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    if not (project / "scripts").exists():
        shutil.copytree(ROOT / "scripts", project / "scripts")
    return subprocess.run([sys.executable, "scripts/new_country.py", *arguments], cwd=project, capture_output=True, text=True)


def test_the_scaffold_writes_a_page_pair_listed_in_the_navigation(broken_project):
    result = scaffold(broken_project, "aq", "--region", "东亚")
    assert result.returncode == 0, result.stderr
    for name in ("aq.md", "aq.en.md"):
        text = (broken_project / "docs/countries" / name).read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---", 2)[1])
        assert front["country"] == "AQ" and front["carriers"] and front["sources"]
        assert '--8<-- "' in text
    assert "countries/aq.md" in (broken_project / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_placeholder_the_scaffold_writes_fails_the_build_naming_file_and_field(broken_project):
    assert scaffold(broken_project, "aq", "--region", "East Asia").returncode == 0
    built = build(broken_project)
    assert not built.ok
    for page in ("docs/countries/aq.md", "docs/countries/aq.en.md"):
        problems = [line for line in built.output.splitlines() if line.strip().startswith(page + ":")]
        for field in PLACEHOLDER_FIELDS:
            assert any(
                f"field '{field}'" in line and ("placeholder" in line or "example address" in line) for line in problems
            ), f"{page}: {field} not reported in:\n" + "\n".join(problems)
        unwritten = [line for line in problems if "placeholder text" in line]
        assert len(unwritten) == 6, "the opening paragraph and the five sections still to write"
        assert all(": line " in line for line in unwritten)


def test_a_placeholder_left_alone_in_an_otherwise_finished_page_fails_the_build(broken_project):
    page = broken_project / "docs/countries/jp.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.rstrip("\n") + f"\n\n{SCAFFOLD['en']['todo']}\n", encoding="utf-8")
    built = build(broken_project)
    assert not built.ok and "docs/countries/jp.en.md: line " in built.output and "(To write" in built.output


@pytest.mark.parametrize(
    ("arguments", "messages"),
    [
        (
            ["xx", "--region", "Mars"],
            ["'XX' is not an ISO 3166-1 alpha-2 country code", "'Mars' is not a region", "东亚 (East Asia)"],
        ),
        (["us", "--region", "北美"], ["docs/countries/us.md exists already", "docs/countries/us.en.md exists already"]),
        (["aq", "--region", "Asia"], ["'Asia' is not a region", "东南亚 (Southeast Asia)"]),
    ],
    ids=["bad code and region", "existing guide", "unknown region"],
)
def test_the_scaffold_checks_every_argument_before_writing_anything(broken_project, arguments, messages):
    before = {p: p.read_bytes() for p in [broken_project / "mkdocs.yml", *sorted((broken_project / "docs").rglob("*.md"))]}
    result = scaffold(broken_project, *arguments)
    assert result.returncode != 0
    for message in messages:
        assert message in result.stderr
    after = {p: p.read_bytes() for p in [broken_project / "mkdocs.yml", *sorted((broken_project / "docs").rglob("*.md"))]}
    assert after == before, "a refused scaffold must leave nothing behind"


def test_every_region_of_the_navigation_is_listed_in_both_contributing_guides():
    from importlib.util import module_from_spec, spec_from_file_location

    spec = spec_from_file_location("new_country", ROOT / "scripts/new_country.py")
    new_country = module_from_spec(spec)
    spec.loader.exec_module(new_country)
    for guide in ("CONTRIBUTING.md", "CONTRIBUTING.en.md"):
        text = (ROOT / guide).read_text(encoding="utf-8")
        for chinese, english in new_country.regions():
            assert chinese in text and english in text, (guide, chinese, english)


@pytest.fixture
def repository(tmp_path) -> Path:
    """A git repository holding a copy of the project, with pre-commit's hooks and the project's .venv."""
    repo = copy_project(tmp_path / "repo")
    for name in ("scripts", "tests"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in (".pre-commit-config.yaml", "pyproject.toml", "README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md"):
        shutil.copy2(ROOT / name, repo / name)
    (repo / ".venv").symlink_to(Path(sys.prefix))
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"]):
        subprocess.run(["git", *command], cwd=repo, check=True, capture_output=True)
    return repo


def pre_commit(repo: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run(
        [Path(sys.prefix) / "bin/pre-commit", "run", "--files", *files], cwd=repo, capture_output=True, text=True, env=env
    )


FORBIDDEN_LINKS = {
    "[联系卖家](https://t.me/simseller)": "Telegram contact link",
    "[更多](https://bit.ly/3abcd)": "link shortener",
    "[Tello](https://tello.com/?utm_source=guide)": "tracking parameter 'utm_source'",
    "[便宜的卡](https://cheap-sims.example/buy)": "not on the reviewed allowlist",
}


def test_pre_commit_refuses_a_changed_page_with_a_seller_contact_shortener_tracker_or_unlisted_host(repository):
    assert pre_commit(repository, "docs/countries/us.md").returncode == 0, "the unchanged page must pass"
    page = repository / "docs/countries/us.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + "\n".join(FORBIDDEN_LINKS) + "\n", encoding="utf-8")
    result = pre_commit(repository, "docs/countries/us.md")
    assert result.returncode != 0
    for reason in FORBIDDEN_LINKS.values():
        assert "docs/countries/us.md:" in result.stdout and reason in result.stdout, (reason, result.stdout)


def test_the_front_matter_check_passes_on_the_project_and_names_a_broken_file(broken_project):
    ok = subprocess.run([sys.executable, "scripts/check_front_matter.py"], cwd=ROOT, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    shutil.copytree(ROOT / "scripts", broken_project / "scripts")
    page = broken_project / "docs/countries/jp.md"
    page.write_text(page.read_text(encoding="utf-8").replace("country: JP", "country: XX"), encoding="utf-8")
    bad = subprocess.run([sys.executable, "scripts/check_front_matter.py"], cwd=broken_project, capture_output=True, text=True)
    assert bad.returncode == 1 and "docs/countries/jp.md" in bad.stdout + bad.stderr
