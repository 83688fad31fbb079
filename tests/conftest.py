"""Shared fixtures: the repository root and a helper to write small glossaries."""

from __future__ import annotations

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
