"""Shared fixtures: the repository root and a helper to write small glossaries."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Renderings that make an entry complete for the default targets, to append to test snippets.
FULL = '[term.ko]\napproved = "가"\n[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n'


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Every test caches glossaries in a folder of its own, never in the user's cache."""
    monkeypatch.setenv("XLATE_CACHE_DIR", str(tmp_path_factory.mktemp("xlate-cache")))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def write(tmp_path):
    """Write dedented text to a file under tmp_path and return its path."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A scratch copy of the repository (seeds, glossary, catalogues, configuration), as the
    working directory."""
    import shutil

    for name in ("seeds", "glossary", "locales"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def glossary_project(tmp_path, monkeypatch):
    """A scratch project of the repository's glossary alone (xlate.toml), as the working
    directory: for the glossary commands."""
    import shutil

    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    (tmp_path / "xlate.toml").write_text('glossary = "glossary"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def toml_snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every TOML file of a folder, to show that a command changed none."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.toml"))}


def run_xlate(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python -m xlate ARGS` as a real process, as a user or a CI job runs it (no colour,
    a wide terminal)."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "xlate", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, input=stdin)
