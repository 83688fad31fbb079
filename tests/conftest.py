"""Shared fixtures: the repository root and a helper to write small glossaries."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Renderings that make an entry complete for the default targets, to append to test snippets.
FULL = '[term.ko]\napproved = "가"\n[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n'


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
