"""The glossary cache: the same values as a fresh parse, never stale, safe to delete or damage."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings

import interchange_strategies as S
from conftest import ROOT
from xlate.glossary import snapshot
from xlate.glossary.load import ParsedGlossary, load_glossary
from xlate.jobs import glossary as cached
from xlate.model import Glossary

LOCALES = ("ko", "ja", "fr")


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", target)
    return target


def same(a: ParsedGlossary, b: ParsedGlossary) -> bool:
    origins = [e.origin for e in a.entries] == [e.origin for e in b.entries]
    return a.entries == b.entries and a.findings == b.findings and origins


def cache_files():
    return sorted(cached.cache_dir().glob("glossary-*.bin"))


def test_a_warm_load_gives_what_a_fresh_parse_gives(folder):
    fresh = load_glossary(folder, target_locales=LOCALES, display_root=folder.parent)
    cold = cached.load(folder, target_locales=LOCALES, display_root=folder.parent)
    assert len(cache_files()) == 1
    warm = cached.load(folder, target_locales=LOCALES, display_root=folder.parent)
    assert same(fresh, cold) and same(fresh, warm)
    assert warm.entries and warm.locate(warm.entries[0]) == warm.entries[0].origin


def test_findings_come_back_too(folder):
    people = folder / "people.toml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        'canonical = "Mark Rutte"', 'canonical = "Mark Rutte"\nhangul = "Rutte"'),
        encoding="utf-8")
    fresh = load_glossary(folder, target_locales=LOCALES)
    assert {f.code for f in fresh.findings} == {"G302"}
    cached.load(folder, target_locales=LOCALES)
    assert same(fresh, cached.load(folder, target_locales=LOCALES))


def test_never_stale(folder):
    first = cached.load(folder, target_locales=LOCALES)
    places = folder / "places.toml"
    places.write_text(places.read_text(encoding="utf-8").replace('"헤이그"', '"덴하흐"', 1),
                      encoding="utf-8")
    edited = cached.load(folder, target_locales=LOCALES)
    assert edited.entries != first.entries
    assert same(edited, load_glossary(folder, target_locales=LOCALES))
    (folder / "extra.toml").write_text('[[term]]\nid = "x"\nkind = "term"\ncanonical = "x"\n',
                                       encoding="utf-8")
    assert len(cached.load(folder, target_locales=LOCALES).entries) == len(edited.entries) + 1
    # Other target locales: other findings (G301 for de), another key.
    assert any(f.code == "G301" for f in cached.load(folder, target_locales=("de",)).findings)
    assert len(cache_files()) == 1  # one file per glossary folder, rewritten


def test_a_damaged_or_unwritable_cache_is_passed_over(folder, monkeypatch, tmp_path):
    fresh = load_glossary(folder, target_locales=LOCALES)
    cached.load(folder, target_locales=LOCALES)
    (cache,) = cache_files()
    cache.write_bytes(cache.read_bytes()[:200])  # cut short
    assert same(fresh, cached.load(folder, target_locales=LOCALES))
    key, _, _ = cache.read_bytes().partition(b"\n")
    cache.write_bytes(key + b"\nnot marshal data")  # right key, garbage body
    assert same(fresh, cached.load(folder, target_locales=LOCALES))
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XLATE_CACHE_DIR", str(blocked / "cache"))
    assert same(fresh, cached.load(folder, target_locales=LOCALES))


def test_no_cache_when_asked(folder, monkeypatch):
    monkeypatch.setenv("XLATE_NO_CACHE", "1")
    cached.load(folder, target_locales=LOCALES)
    assert cache_files() == []


@settings(max_examples=40, deadline=None)
@given(S.glossaries())
def test_snapshot_round_trip(glossary: Glossary):
    parsed = ParsedGlossary(entries=list(glossary.entries))
    back = snapshot.load(snapshot.dump(parsed))
    assert back.entries == parsed.entries


def test_snapshot_refuses_what_it_did_not_write():
    for data in (b"", b"\x00\x01", snapshot.dump(ParsedGlossary())[:-1]):
        with pytest.raises(ValueError):
            snapshot.load(data)
