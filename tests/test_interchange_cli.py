"""`xlate glossary export` and `import` end to end on the repository's glossary."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from conftest import ROOT, toml_snapshot
from xlate.cli import app
from xlate.glossary.load import load_glossary

runner = CliRunner()


@pytest.fixture(name="project")
def _project(glossary_project):
    return glossary_project


@pytest.mark.parametrize("fmt,suffix", [("tbx", "tbx"), ("tbx2", "tbx"), ("json", "json")])
def test_export_then_import_into_an_empty_glossary_is_lossless(project, fmt, suffix):
    out = project / f"export.{suffix}"
    exported = runner.invoke(app, ["glossary", "export", "--format", fmt, "-o", str(out)])
    assert exported.exit_code == 0
    result = runner.invoke(app, ["glossary", "import", str(out), "--glossary", "fresh"])
    assert result.exit_code == 0, result.output
    original = load_glossary(project / "glossary").glossary
    assert load_glossary(project / "fresh").glossary == original
    again = runner.invoke(app, ["glossary", "export", "--format", fmt, "--glossary", "fresh"])
    assert again.stdout_bytes == out.read_bytes()


def test_import_of_own_export_changes_no_byte(project):
    before = toml_snapshot(project / "glossary")
    runner.invoke(app, ["glossary", "export", "--format", "tbx", "-o", "g.tbx"])
    result = runner.invoke(app, ["glossary", "import", "g.tbx"])
    assert result.exit_code == 0 and "0 files changed" in result.stdout
    assert toml_snapshot(project / "glossary") == before


def test_import_merges_new_forms_and_entries_dry_run_first(project):
    tbx = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="mark_rutte">
 <langSec xml:lang="en"><termSec><term>Mark Rutte</term>
  <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
  <termSec><term>Marc Rutte</term>
  <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry>
<conceptEntry id="hague_summit_venue">
 <langSec xml:lang="en"><termSec><term>World Forum</term></termSec></langSec>
 <langSec xml:lang="ko"><termSec><term>월드포럼</term></termSec></langSec>
 <langSec xml:lang="ja"><termSec><term>ワールドフォーラム</term></termSec></langSec>
 <langSec xml:lang="fr"><termSec><term>World Forum</term></termSec></langSec>
</conceptEntry>
</body></text></tbx>
"""
    (project / "new.tbx").write_text(tbx, encoding="utf-8")
    before = toml_snapshot(project / "glossary")
    dry = runner.invoke(app, ["glossary", "import", "new.tbx", "--dry-run"])
    assert dry.exit_code == 0 and "nothing written" in dry.stdout
    assert toml_snapshot(project / "glossary") == before
    result = runner.invoke(app, ["glossary", "import", "new.tbx"])
    assert result.exit_code == 0, result.output
    # Another tool's id names nothing here: the new entry's id comes from its English form.
    assert "added world_forum (was hague_summit_venue)" in result.stdout
    glossary = load_glossary(project / "glossary").glossary
    rutte = glossary.get("mark_rutte")
    assert "Marc Rutte" in {f.text for f in rutte.forms}
    assert rutte.renderings["ko"].approved().text == "마르크 뤼터"  # kept
    assert glossary.get("world_forum").renderings["ko"].approved().text == "월드포럼"
    comments = [line for line in (project / "glossary" / "people.toml").read_text(
        encoding="utf-8").splitlines() if line.startswith("#")]
    assert comments == [line for line in before["people.toml"].decode("utf-8").splitlines()
                        if line.startswith("#")]


def _tbx(*concepts: str) -> str:
    return ('<tbx type="TBX-Basic" style="dca" xml:lang="en" '
            'xmlns="urn:iso:std:iso:30042:ed-2"><text><body>' + "".join(concepts)
            + "</body></text></tbx>\n")


def _concept(cid: str, **terms: str) -> str:
    return f'<conceptEntry id="{cid}">' + "".join(
        f'<langSec xml:lang="{lang}"><termSec><term>{text}</term></termSec></langSec>'
        for lang, text in terms.items()) + "</conceptEntry>"


@pytest.mark.parametrize("extra", [[], ["--dry-run"]])
def test_an_import_that_would_make_the_glossary_invalid_writes_nothing(project, extra):
    # A new concept without the ja and fr renderings the project requires (G301), and a form
    # given to mark_rutte (matched by id) that belongs to nato (G202): errors, so no file is
    # touched.
    (project / "new.tbx").write_text(_tbx(
        _concept("world_forum", en="World Forum", ko="월드포럼"),
        _concept("alliance", en="Alliance", ko="동맹", ja="同盟", fr="Alliance"),
        _concept("mark_rutte", en="North Atlantic Treaty Organization"),
    ), encoding="utf-8")
    before = toml_snapshot(project / "glossary")
    result = runner.invoke(app, ["glossary", "import", "new.tbx", *extra])
    assert result.exit_code == 2, result.output
    assert "added world_forum" in result.stdout  # what the import would have done
    lines = result.stderr.splitlines()
    assert lines[-1] == "xlate: error: the merged glossary would have 3 errors; nothing was written"
    errors = lines[:-1]
    assert sorted(line.split(": ")[1].split()[0] for line in errors) == ["G202", "G301", "G301"]
    assert "glossary/imported.toml:1:1: G301 [missing-rendering] no approved ja rendering for " \
        "'World Forum'" in errors
    assert any("G202" in line and "'North Atlantic Treaty Organization'" in line
               for line in errors), errors
    assert toml_snapshot(project / "glossary") == before
    assert not (project / "glossary" / "imported.toml").exists()


def test_warnings_in_the_merged_glossary_do_not_block(project):
    # The same Korean rendering for a second concept is a warning (G205), not an error.
    (project / "new.tbx").write_text(_tbx(
        _concept("nato_summit_2025", en="NATO summit in The Hague", ko="헤이그",
                 ja="ハーグ首脳会議", fr="sommet de La Haye")), encoding="utf-8")
    result = runner.invoke(app, ["glossary", "import", "new.tbx"])
    assert result.exit_code == 0, result.output
    assert "warning" in result.stderr and "nothing was written" not in result.stderr
    glossary = load_glossary(project / "glossary").glossary
    assert glossary.get("nato_summit_in_the_hague") is not None


@pytest.mark.parametrize("payload,words", [
    ('<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tbx>&b;</tbx>', "unsafe"),
    ('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
     '<tbx>&e;</tbx>', "unsafe"),
    ("<tbx><text>", "bad.tbx:1: not well-formed XML"),
    ("{broken", "invalid JSON"),
])
def test_unsafe_or_broken_files_exit_2(project, payload, words):
    suffix = "json" if payload.startswith("{") else "tbx"
    (project / f"bad.{suffix}").write_text(payload, encoding="utf-8")
    before = toml_snapshot(project / "glossary")
    result = runner.invoke(app, ["glossary", "import", f"bad.{suffix}"])
    assert result.exit_code == 2, result.output
    assert words.lower() in result.stderr.lower() and f"bad.{suffix}" in result.stderr
    assert "Traceback" not in result.output
    assert toml_snapshot(project / "glossary") == before


def test_csv_export_needs_a_locale(project):
    result = runner.invoke(app, ["glossary", "export", "--format", "csv"])
    assert result.exit_code == 2 and "--locale" in result.stderr
    result = runner.invoke(app, ["glossary", "export", "--format", "csv", "--locale", "ko"])
    assert result.exit_code == 0 and result.stdout.splitlines()[0].startswith('"source","target"')
    assert "마르크 뤼터" in result.stdout


BAD_TBX = ROOT / "tests" / "data" / "bad" / "tbx"


@pytest.mark.parametrize("name", sorted(p.name for p in BAD_TBX.glob("*.tbx")))
@pytest.mark.parametrize("extra", [[], ["--dry-run"], ["--glossary", "fresh"]])
def test_bad_tbx_files_exit_2_with_one_line_and_write_nothing(project, name, extra):
    shutil.copy(BAD_TBX / name, project / name)
    before = toml_snapshot(project / "glossary")
    result = runner.invoke(app, ["glossary", "import", name, *extra])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"xlate: error: {name}:"), lines
    assert result.stdout == "" and "Traceback" not in result.output
    assert toml_snapshot(project / "glossary") == before
    assert not (project / "glossary" / "imported.toml").exists()
    assert not (project / "fresh").exists()


def test_unknown_namespace_message_names_what_was_found_and_expected(project):
    shutil.copy(BAD_TBX / "foreign_namespace.tbx", project / "x.tbx")
    result = runner.invoke(app, ["glossary", "import", "x.tbx"])
    assert result.stderr == (
        "xlate: error: x.tbx:2: not a TBX file: root element {urn:example:not-tbx}tbx "
        "(expected TBX v3 'tbx' in urn:iso:std:iso:30042:ed-2, or TBX v2 'martif')\n")
