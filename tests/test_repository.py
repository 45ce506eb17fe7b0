"""What a fresh clone gets: the project's own files, nothing of one machine, and every prerequisite named."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT

BUILD_OUTPUT = re.compile(r"(^|/)(\.venv|site|__pycache__|\.pytest_cache|\.ruff_cache|[^/]*\.egg-info|test-results)(/|$)")


def tracked() -> list[tuple[str, str]]:
    """(mode, path) of every file git tracks."""
    listing = subprocess.run(["git", "ls-files", "-s", "-z"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [(entry.split(" ", 1)[0], entry.split("\t", 1)[1]) for entry in listing.split("\0") if entry]


@pytest.fixture(scope="module")
def files() -> list[tuple[str, str]]:
    if not (ROOT / ".git").exists():
        pytest.fail("these tests read the git checkout: run them in a clone of the repository")
    return tracked()


def test_no_tracked_path_is_a_symbolic_link(files):
    """A link to a folder of one machine dangles in every other clone (as .venv once did)."""
    assert [path for mode, path in files if mode == "120000"] == []


def test_no_tracked_path_is_build_output_a_virtual_environment_or_a_cache(files):
    assert [path for _, path in files if BUILD_OUTPUT.search(path)] == []


def test_no_tracked_path_is_one_that_gitignore_ignores(files):
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"],
        cwd=ROOT,
        input="\n".join(path for _, path in files),
        capture_output=True,
        text=True,
    )
    assert ignored.stdout.split() == []


@pytest.mark.parametrize("kind", ["folder", "file", "symbolic link"])
def test_gitignore_ignores_a_virtual_environment_whatever_its_kind(tmp_path, kind):
    """`.venv/` ignores folders only; a `.venv` link slipped in that way."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text((ROOT / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8")
    venv = tmp_path / ".venv"
    if kind == "folder":
        venv.mkdir()
        (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    elif kind == "file":
        venv.write_text("", encoding="utf-8")
    else:
        venv.symlink_to("/tmp/some-machine/.venv")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, capture_output=True, text=True
    )
    assert ".venv" not in status.stdout


def test_the_system_packages_script_installs_every_outside_prerequisite():
    """Java for the HTML validator, Chromium's headless shell for the browser tests, fonts and Pango
    for the PDFs, poppler for reading them: each is checked for and installed when missing."""
    script = (ROOT / "scripts/system-deps.sh").read_text(encoding="utf-8")
    packages = ("default-jre-headless", "chromium-headless-shell", "chromium", "fonts-noto-cjk", "fonts-noto-core")
    for package in (*packages, "libpango-1.0-0", "poppler-utils"):
        assert f"missing+=({package}" in script, package


@pytest.mark.parametrize("guide", ["README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_the_readme_and_contributing_guides_name_the_prerequisites(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    for prerequisite in ("Java", "Pango", "chromium-headless-shell", "fonts-noto-cjk", "poppler-utils"):
        assert prerequisite in text, f"{guide} does not name {prerequisite}"


def test_every_ci_runs_the_one_ci_script():
    """GitHub Actions runs .ci/run, which runs `make test`, like the project's own CI."""
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert "bash .ci/run" in workflow
    assert re.search(r"container: python:3\.\d+-(bookworm|trixie)\b", workflow), "a bare Debian/Python image"
