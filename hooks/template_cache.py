"""Compile each template once per process, not once per language.

mkdocs-static-i18n builds every language as a build of its own, each with a new Jinja
environment, so every theme template was parsed and compiled twice (and again on every rebuild
of `mkdocs serve`). Jinja's bytecode cache, kept in memory, lets the second environment load
what the first compiled; a template whose source changes gets a new checksum and is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache


class InMemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = InMemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env
