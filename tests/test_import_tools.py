"""Term bases written by other tools (tests/data/interchange/tools) import into a copy of the
repository's glossary without a second entry for any concept it has, and the result validates."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from xlate.cli import app
from xlate.glossary.load import load_glossary
from xlate.glossary.tbx import read_tbx_import
from xlate.model import Form, Status

TOOLS = ROOT / "tests" / "data" / "interchange" / "tools"
runner = CliRunner()

CASES = {  # file -> (extra options, existing entries it must merge into, ids it adds)
    "csv2tbx.tbx": (["--locale", "ko"],
                    ["nato", "nato", "mark_rutte", "the_hague", "lee_jae_myung", "wi_sung_lac"],
                    set()),
    "weblate.tbx": ([], ["nato", "mark_rutte", "mark_rutte", "lee_jae_myung", "the_hague"],
                    set()),
    "multiterm.tbx": ([], ["nato", "the_hague", "mark_rutte"], {"collective_defense"}),
}


@pytest.fixture(name="project")
def _project(glossary_project):
    return glossary_project


def test_every_tool_file_has_a_case():
    assert sorted(p.name for p in TOOLS.glob("*.tbx")) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_tool_file_is_read_as_foreign_concepts(name):
    glossary, foreign = read_tbx_import((TOOLS / name).read_bytes(), path=name)
    assert len(glossary) == len(CASES[name][1]) + len(CASES[name][2])
    assert foreign == {e.id for e in glossary}  # none of them is ours


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_tool_file_merges_into_existing_entries_and_validates(project, name):
    options, matched, new = CASES[name]
    before = load_glossary(project / "glossary").glossary
    result = runner.invoke(app, ["glossary", "import", str(TOOLS / name), *options])
    assert result.exit_code == 0, result.output
    assert [line.rsplit(" to ", 1)[1].split()[0] for line in result.stdout.splitlines()
            if line.startswith("matched ")] == matched
    after = load_glossary(project / "glossary").glossary
    assert {e.id for e in after} - {e.id for e in before} == new
    for entry in before:  # nothing lost
        assert set(entry.forms) <= set(after.get(entry.id).forms)
        for locale, rendering in entry.renderings.items():
            assert set(rendering.forms) <= set(after.get(entry.id).renderings[locale].forms)
    validate = runner.invoke(app, ["glossary", "validate"])
    assert validate.exit_code == 0 and validate.stdout == "No findings.\n", validate.output
    again = runner.invoke(app, ["glossary", "import", str(TOOLS / name), *options])
    assert again.exit_code == 0 and "0 added" in again.stdout and "0 files changed" in again.stdout


def test_the_multiterm_concept_that_is_new_gets_an_id_from_its_english(project):
    result = runner.invoke(app, ["glossary", "import", str(TOOLS / "multiterm.tbx")])
    assert "added collective_defense (was c3)" in result.stdout
    entry = load_glossary(project / "glossary").glossary.get("collective_defense")
    assert entry.forms == (Form("collective defense", Status.PREFERRED),
                           Form("collective defence", Status.ADMITTED))
    assert {loc: r.approved().text for loc, r in entry.renderings.items()} == {
        "ko": "집단방위", "ja": "集団防衛", "fr": "défense collective"}  # ko-KR filed under ko
    assert entry.note.startswith("The principle that an attack on one ally")


def test_csv2tbx_placeholder_language_needs_a_locale(project):
    result = runner.invoke(app, ["glossary", "import", str(TOOLS / "csv2tbx.tbx")])
    assert result.exit_code == 2
    assert result.stderr.endswith("csv2tbx.tbx: the target language is written 'xx', which "
                                  "names no language: pass --locale to say which it is\n")


def test_weblates_forbidden_term_is_reported_against_the_glossarys_status(project):
    result = runner.invoke(app, ["glossary", "import", str(TOOLS / "weblate.tbx")])
    assert 'conflict mark_rutte: ko."마크 루터": glossary has "deprecated", import has ' \
        '"forbidden"' in result.stdout
