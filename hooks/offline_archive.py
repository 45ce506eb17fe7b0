"""Write the offline archive: the whole site, both languages, readable from disk (file://), zipped.

The archive is a second build of the same project with Material's offline plugin switched on
(no directory URLs, the search index inlined as a script, the iframe-worker shim served from the
site instead of a CDN). It runs in a subprocess, started as this build starts so that the two
share the machine's cores, and is zipped to site/downloads/ when both are done.
ENABLE_OFFLINE_ARCHIVE=0 skips it (make serve does, to reload fast).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ARCHIVE = "downloads/baohaoka-guide-offline.zip"
FOLDER_IN_ARCHIVE = "baohaoka-guide"
IS_OFFLINE_BUILD = os.environ.get("OFFLINE_BUILD") == "true"
_running: tuple[subprocess.Popen, tempfile.TemporaryDirectory] | None = None


def enabled() -> bool:
    return not IS_OFFLINE_BUILD and os.environ.get("ENABLE_OFFLINE_ARCHIVE", "1") != "0"


@event_priority(100)  # before the offline plugin, which would otherwise add a CDN copy of the shim
def on_config(config):
    global _running
    if IS_OFFLINE_BUILD:
        config.extra["polyfills"] = ["assets/javascripts/iframe-worker-shim.js"]
    elif enabled() and _running is None:  # once per build: per-language builds call on_config again
        config.extra["offline_archive"] = ARCHIVE
        folder = tempfile.TemporaryDirectory()
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "--config-file",
            config.config_file_path,
            "--site-dir",
            folder.name,
        ]
        env = {**os.environ, "OFFLINE_BUILD": "true", "ENABLE_PDF_EXPORT": "0", "NO_MKDOCS_2_WARNING": "1"}
        process = subprocess.Popen(
            command + (["--strict"] if config.strict else []),
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            preexec_fn=lambda: os.nice(10),  # it has time to spare; the PDF export, beside it, has not
        )
        _running = (process, folder)
    return config


@event_priority(-300)  # after every language is built and the search index is split
def on_post_build(config):
    global _running
    site = Path(config.site_dir)
    if _running is None or config.plugins["i18n"].building:
        return  # switched off, or a per-language build inside the whole build
    (process, folder), _running = _running, None
    with folder:
        output, _ = process.communicate()
        if process.returncode != 0:
            raise PluginError(f"The offline archive's build failed:\n{output}")
        write_zip(Path(folder.name), site / ARCHIVE)


def on_build_error(error):
    """Stop the archive's build when this one fails, so that nothing is left behind."""
    global _running
    if _running is not None:
        (process, folder), _running = _running, None
        process.kill()
        process.wait()
        folder.cleanup()


def write_zip(folder: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix not in (".map", ".gz"):
                archive.write(path, f"{FOLDER_IN_ARCHIVE}/{path.relative_to(folder).as_posix()}")
