"""Importing a Weblate glossary CSV: what `export_csv` writes comes back; bad files are refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT, toml_snapshot
from xlate.cli import app
from xlate.errors import FormatError
from xlate.glossary.csvread import read_csv
from xlate.glossary.jsoncsv import export_csv
from xlate.glossary.load import load_glossary
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN
BAD = Path(__file__).parent / "data" / "bad" / "csv"
runner = CliRunner()

SAMPLE = Glossary((
    Entry(id="wi_sung_lac", kind=Kind.PERSON,
          forms=(Form("Wi Sung-lac", P), Form("Sung-lac Wi", A), Form("Wi Seong-rak", D),
                 Form("Wi Sung-lak", F)),
          renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위 실장", A),
                                             Form("위성낙", F)), note="Second reference.")},
          note='Romanisation "used" by him.'),
    Entry(id="presidential_office", kind=Kind.BODY, forms=(Form("presidential office", P),),
          renderings={"ko": Rendering("ko", (
              Form("대통령실", P, valid_until=dt.date(2025, 12, 28)),
              Form("청와대", P, valid_from=dt.date(2025, 12, 29)), Form("청와 대", D)))}),
    Entry(id="formula", kind=Kind.TERM, forms=(Form("=SUM(A1)", P), Form("-30% | rate", A)),
          renderings={"ko": Rendering("ko", (Form("+합계", P),))}),
))


def _read(text: str, **options) -> tuple[Glossary, frozenset[str]]:
    return read_csv(text.encode("utf-8"), path="x.csv", **options)


# --- reading our own export ---------------------------------------------------------------------

def test_our_export_reads_back_as_entries_under_their_ids():
    glossary, foreign = _read(export_csv(SAMPLE, locale="ko"), locale="ko")
    assert foreign == frozenset()
    wi, office, formula = glossary.entries
    assert wi == Entry(
        id="wi_sung_lac", kind=Kind.PERSON,
        forms=(Form("Wi Sung-lac", P), Form("Sung-lac Wi", A), Form("Wi Seong-rak", D)),
        renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위 실장", A),
                                           Form("위성낙", F)))},
        note="Second reference. | Romanisation “used” by him.")
    assert office.renderings["ko"].forms == (
        Form("대통령실", P, valid_until=dt.date(2025, 12, 28)),
        Form("청와대", P, valid_from=dt.date(2025, 12, 29)), Form("청와 대", D))
    assert formula.forms == (Form("=SUM(A1)", P), Form("-30% | rate", A))  # unescaped
    assert formula.renderings["ko"].approved().text == "+합계"


def test_export_read_export_is_stable():
    first = export_csv(SAMPLE, locale="ko")
    assert export_csv(_read(first, locale="ko")[0], locale="ko") == first


def test_the_target_locale_can_come_from_the_header():
    glossary, foreign = _read("en,ko\r\nsummit,정상회의\r\n")
    assert glossary.entries[0].renderings["ko"].approved().text == "정상회의"
    assert foreign == {"line-2"}
    glossary, _ = _read("source,ko-KR,note\r\nsummit,정상회의,x\r\n")
    assert list(glossary.entries[0].renderings) == ["ko-KR"]


def test_without_a_target_locale_the_reader_asks_for_one():
    with pytest.raises(FormatError, match=r"x\.csv:1: no target locale: pass --locale"):
        _read("source,target\r\nsummit,정상회의\r\n")


def test_another_tools_rows_are_foreign_concepts_grouped_by_context_and_source():
    text = ('"source","target","context","developer_comments"\r\n'
            '"summit","정상회의","","multilateral"\r\n'
            '"Summit","정상회담","","bilateral"\r\n'
            '"summit","sommet","noun",""\r\n'
            '"Blue House","청와대","",""\r\n')
    glossary, foreign = _read(text, locale="ko")
    # Ids that no glossary id can be (the merge matches them by their terms, or makes ids
    # from their English).
    assert [e.id for e in glossary] == ["line-2", "line-4", "line-5"]
    assert foreign == {"line-2", "line-4", "line-5"}
    first = glossary.entries[0]
    assert first.forms == (Form("summit", P), Form("Summit", A))
    assert first.renderings["ko"].forms == (Form("정상회의", P), Form("정상회담", A))
    assert first.note == "multilateral\nbilateral" and first.kind is Kind.TERM


def test_a_valid_id_as_context_is_not_ours_without_our_comment():
    # Weblate users put "noun" in a context: that is no entry id of ours.
    glossary, foreign = _read('source,target,context\r\nsummit,정상회의,noun\r\n', locale="ko")
    assert foreign == {"line-2"} and glossary.entries[0].id == "line-2"


# --- bad files ----------------------------------------------------------------------------------

BAD_FILES = {
    "empty.csv": "empty.csv:1: empty file: expected a header row naming the columns source "
                 "and target",
    "blank_lines.csv": "blank_lines.csv:1: empty file",
    "missing_columns.csv": "missing_columns.csv:1: missing required columns: source, target "
                           "(the header has: term, translation, comment)",
    "missing_target.csv": "missing_target.csv:1: missing required column: target (the header "
                          "has: source, context)",
    "ragged.csv": "ragged.csv:3: row has 3 cells, header has 4",
    "ragged_after_multiline.csv": "ragged_after_multiline.csv:4: row has 5 cells, header has 4",
    "latin1.csv": "latin1.csv:3: not UTF-8 text",
    "broken_quote.csv": "broken_quote.csv:2: broken CSV: ",
}


def test_every_bad_csv_file_has_an_expected_message():
    assert sorted(p.name for p in BAD.glob("*.csv")) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_csv_files_are_one_line_errors(name):
    with pytest.raises(FormatError) as info:
        read_csv((BAD / name).read_bytes(), path=name, locale="ko")
    assert str(info.value).startswith(BAD_FILES[name]) and "\n" not in str(info.value)


# --- the command --------------------------------------------------------------------------------

@pytest.fixture(name="project")
def _project(glossary_project):
    return glossary_project


def test_csv_round_trip_through_an_empty_glossary_is_stable(project):
    # One target locale is all a CSV holds: the project asks for that one only.
    (project / "xlate.toml").write_text('glossary = "glossary"\ntarget_locales = ["ko"]\n',
                                        encoding="utf-8")
    exported = runner.invoke(app, ["glossary", "export", "--format", "csv", "--locale", "ko",
                                   "-o", "ko.csv"])
    assert exported.exit_code == 0
    result = runner.invoke(app, ["glossary", "import", "ko.csv", "--locale", "ko",
                                 "--glossary", "fresh"])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["glossary", "export", "--format", "csv", "--locale", "ko",
                                "--glossary", "fresh"])
    assert again.stdout_bytes == (project / "ko.csv").read_bytes()
    validate = runner.invoke(app, ["glossary", "validate", "--glossary", "fresh"])
    assert validate.exit_code == 0, validate.output


@pytest.mark.parametrize("locale", ["ko", "ja", "fr"])
def test_importing_our_own_csv_export_changes_no_byte(project, locale):
    before = toml_snapshot(project / "glossary")
    runner.invoke(app, ["glossary", "export", "--format", "csv", "--locale", locale,
                        "-o", "g.csv"])
    result = runner.invoke(app, ["glossary", "import", "g.csv", "--locale", locale])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("0 added, 0 updated, 0 conflicts, 0 files changed\n")
    assert toml_snapshot(project / "glossary") == before


def test_a_weblate_csv_from_elsewhere_merges_into_existing_entries(project):
    (project / "terms.csv").write_text(
        "source,target\r\nNATO,나토\r\nnato,북대서양조약기구\r\nMark Rutte,마르크 뤼터\r\n"
        "Lee Jae-myung,이재명 대통령\r\n", encoding="utf-8")
    result = runner.invoke(app, ["glossary", "import", "terms.csv", "--locale", "ko"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "matched line-2 to nato by its terms", "matched line-4 to mark_rutte by its terms",
        "matched line-5 to lee_jae_myung by its terms"]
    assert "0 added" in result.stdout
    assert 'nato: "NATO" spelling: glossary has "NATO", import has "nato"' in result.stdout
    glossary = load_glossary(project / "glossary").glossary
    original = load_glossary(ROOT / "glossary").glossary
    assert len(glossary) == len(original)
    assert glossary.get("nato").forms == original.get("nato").forms  # no "nato" added
    assert Form("이재명 대통령", A) in glossary.get("lee_jae_myung").renderings["ko"].forms


def test_a_csv_import_needs_its_locale(project):
    (project / "terms.csv").write_text("source,target\r\nNATO,나토\r\n", encoding="utf-8")
    result = runner.invoke(app, ["glossary", "import", "terms.csv"])
    assert result.exit_code == 2
    assert result.stderr == "xlate: error: terms.csv:1: no target locale: pass --locale, or " \
        "name the target column by its locale\n"


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_csv_files_exit_2_with_one_line_and_write_nothing(project, name):
    shutil.copy(BAD / name, project / name)
    before = toml_snapshot(project / "glossary")
    result = runner.invoke(app, ["glossary", "import", name, "--locale", "ko"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"xlate: error: {BAD_FILES[name]}")
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""
    assert toml_snapshot(project / "glossary") == before
