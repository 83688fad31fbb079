"""The seed articles are the shared originals, byte for byte, and the manifest lists them."""

from __future__ import annotations

import pytest

from conftest import ROOT, SHARED
from xlate.errors import XlateError
from xlate.manifest import load_manifest, parse_manifest


def test_manifest_lists_every_seed_file():
    articles = load_manifest(ROOT / "seeds" / "manifest.toml")
    files = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
    assert sorted(a.file for a in articles) == files
    assert all(a.language == "en" and a.date.year == 2025 for a in articles)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the checkout")
def test_seeds_are_byte_identical_to_shared():
    shared = {p.name: p.read_bytes() for p in (SHARED / "seeds").glob("*.txt")}
    ours = {p.name: p.read_bytes() for p in (ROOT / "seeds").glob("*.txt")}
    assert ours == shared


@pytest.mark.parametrize("text,words", [
    ('[[article]]\nid = "a"\n', "article has no `file`"),
    ('[[article]]\nid = "a"\nfile = "f"\ntitle = "t"\ndate = "2025"\npublisher = "p"\n'
     'language = "en"\n', "`date` must be a date"),
    ('[[article]]\nid = "A b"\nfile = "f"\ntitle = "t"\ndate = 2025-01-01\npublisher = "p"\n'
     'language = "en"\n', "must be lower case"),
    ('[[article]]\nid = "a"\nfile = "f"\ntitle = "t"\ndate = 2025-01-01\npublisher = "p"\n'
     'language = "en"\nlang = "x"\n', "unknown key 'lang'"),
    ('x = 1\n', "unknown key 'x'"),
])
def test_bad_manifest(text, words):
    with pytest.raises(XlateError, match=words):
        parse_manifest(text, "m.toml")


def test_missing_file_is_reported(tmp_path):
    path = tmp_path / "manifest.toml"
    path.write_text('[[article]]\nid = "a"\nfile = "gone.txt"\ntitle = "t"\ndate = 2025-01-01\n'
                    'publisher = "p"\nlanguage = "en"\n', encoding="utf-8")
    with pytest.raises(XlateError, match=r"missing file 'gone\.txt'"):
        load_manifest(path)
