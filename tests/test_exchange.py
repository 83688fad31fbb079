"""JSON (lossless, versioned) and Weblate CSV (written here; read back in test_import_csv)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from translate.storage import csvl10n

import interchange_strategies as S
from xlate.errors import FormatError
from xlate.glossary.jsoncsv import CSV_COLUMNS, entry_to_dict, export_csv, export_json, read_json
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

DATA = Path(__file__).parent / "data" / "interchange"


P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN

SAMPLE = Glossary((
    Entry(id="wi_sung_lac", kind=Kind.PERSON,
          forms=(Form("Wi Sung-lac", P), Form("Sung-lac Wi", A), Form("Wi Seong-rak", D),
                 Form("Wi Sung-lak", F)),
          renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위 실장", A),
                                             Form("위성낙", F)), note="Second reference: 위 실장."),
                      "fr": Rendering("fr", (Form("Wi Sung-lac", P),))},
          hangul="위성락", hanja="魏聖洛", see=("presidential_office",),
          note="Romanisation used by the person himself."),
    Entry(id="presidential_office", kind=Kind.BODY, forms=(Form("presidential office", P),),
          renderings={"ko": Rendering("ko", (
              Form("대통령실", P, valid_until=dt.date(2025, 12, 28)),
              Form("청와대", P, valid_from=dt.date(2025, 12, 29), note="Moved back."),
              Form("청와 대", D)))},
          case_sensitive=False),
    Entry(id="house_style", kind=Kind.SPELLING, forms=(Form("adviser", P), Form("advisor", D))),
    Entry(id="formula", kind=Kind.TERM, forms=(Form("=SUM(A1)", P), Form("-30% | rate", A)),
          renderings={"ko": Rendering("ko", (Form("+합계", P),))}),
))


# --- JSON ---------------------------------------------------------------------------------------

def test_json_document_shape():
    text = export_json(SAMPLE)
    data = json.loads(text)
    assert list(data) == ["format", "version", "source_locale", "entries"]
    assert (data["format"], data["version"], data["source_locale"]) == ("xlate-glossary", 1, "en")
    first = data["entries"][0]
    assert list(first) == ["id", "kind", "forms", "renderings", "case_sensitive", "hangul",
                           "hanja", "see", "note"]
    assert first["forms"][0] == {"text": "Wi Sung-lac", "status": "preferred", "valid_from": None,
                                 "valid_until": None, "note": ""}
    assert list(first["renderings"]) == ["fr", "ko"]  # locale order: the same bytes every time
    dated = data["entries"][1]["renderings"]["ko"]["forms"][1]
    assert (dated["valid_from"], dated["note"]) == ("2025-12-29", "Moved back.")


def test_json_is_utf8_text_deterministic_with_a_trailing_newline():
    text = export_json(SAMPLE)
    assert "위성락" in text and "\\u" not in text
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text == export_json(read_json(text, path="x.json"))


def test_json_round_trips_the_sample():
    assert read_json(export_json(SAMPLE), path="x.json") == SAMPLE


@settings(max_examples=40, deadline=None)
@given(glossary=S.glossaries(grouped=False))
def test_json_round_trips_any_glossary(glossary):
    text = export_json(glossary)
    assert read_json(text, path="x.json") == glossary
    assert export_json(read_json(text, path="x.json")) == text


def test_entry_to_dict_can_name_the_source_locale():
    data = entry_to_dict(SAMPLE.entries[0], source_locale="en")
    assert data["source_locale"] == "en" and data["id"] == "wi_sung_lac"
    assert json.dumps(data, ensure_ascii=False)  # plain JSON data, no dates or enums


def _doc(*entries) -> str:
    return json.dumps({"format": "xlate-glossary", "version": 1, "entries": list(entries)},
                      indent=2)


GOOD = {"id": "a", "kind": "term", "forms": [{"text": "A", "status": "preferred"}]}


def test_json_reader_fills_defaults_for_optional_keys():
    assert read_json(_doc(GOOD), path="x.json") == Glossary(
        (Entry(id="a", kind=Kind.TERM, forms=(Form("A", P),)),))


@pytest.mark.parametrize("text, message, line", [
    ('{"format": "xlate-glossary",\n "version": 1,\n "entries": [}', "invalid JSON", 3),
    ('[1, 2]', "not an xlate glossary", 1),
    ('{"format": "xlate-glossary", "version": 2, "entries": []}', "version 2 is newer", None),
    ('{"format": "xlate-glossary", "version": "1", "entries": []}', "positive integer", None),
    ('{"format": "xlate-glossary", "version": 1, "entries": {}}', "`entries` must be a list",
     None),
    (_doc(GOOD, {**GOOD, "id": "b", "kind": "robot"}), "entries[1].kind: unknown kind 'robot'",
     16),
    (_doc({**GOOD, "forms": [{"text": "A", "status": "canonical"}]}),
     "entries[0].forms[0].status: unknown status 'canonical'",6),
    (_doc({**GOOD, "colour": "blue"}), "entries[0]: unknown key 'colour'",6),
    (_doc({"id": "a", "kind": "term"}), "entries[0]: missing 'forms'",6),
    (_doc({**GOOD, "renderings": {"ko": {"forms": [{"text": 1, "status": "admitted"}]}}}),
     "entries[0].renderings.ko.forms[0].text: must be a string",6),
    (_doc({**GOOD, "forms": [{"text": "A", "status": "preferred", "valid_from": "soon"}]}),
     "is not a date",6),
    (_doc({**GOOD, "case_sensitive": "no"}), "case_sensitive: must be true or false",6),
])
def test_bad_json_is_a_format_error_with_a_place(text, message, line):
    with pytest.raises(FormatError) as info:
        read_json(text, path="bad.json")
    assert message in str(info.value)
    assert info.value.path == "bad.json" and info.value.line == line


# --- Weblate CSV --------------------------------------------------------------------------------

def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_weblates_columns_and_one_row_per_usable_source_form():
    text = export_csv(SAMPLE, locale="ko")
    assert text.startswith('"source","target","context","developer_comments"\r\n')
    rows = _rows(text)
    assert [(r["source"], r["target"], r["context"]) for r in rows] == [
        ("Wi Sung-lac", "위성락", "wi_sung_lac"),
        ("Sung-lac Wi", "위성락", "wi_sung_lac"),
        ("Wi Seong-rak", "위성락", "wi_sung_lac"),  # the forbidden source typo is no term
        ("presidential office", "청와대", "presidential_office"),  # approved now: the latest
        ("'=SUM(A1)'", "'+합계'", "formula"),
        ("'-30% \\| rate'", "'+합계'", "formula"),
    ]  # house_style has no Korean rendering: nothing to translate, no row


def test_csv_comments_carry_what_weblate_csv_cannot_flag():
    rows = _rows(export_csv(SAMPLE, locale="ko"))
    first = rows[0]["developer_comments"]
    assert first == ("person | also fine: 위 실장 | never use: 위성낙 | "
                     "Second reference: 위 실장. | Romanisation used by the person himself.")
    assert "위성낙" not in {r["target"] for r in rows}  # a forbidden rendering is never a target
    assert rows[1]["developer_comments"].startswith('person | variant of “Wi Sung-lac”')
    assert 'deprecated source spelling, house form “Wi Sung-lac”' in rows[2]["developer_comments"]
    office = rows[3]["developer_comments"]
    assert "approved 대통령실 (… to 2025-12-28), 청와대 (2025-12-29 to …)" in office
    assert "avoid: 청와 대" in office
    assert all("\n" not in r["developer_comments"] for r in rows)


def test_csv_quoting_is_rfc_4180():
    glossary = Glossary((Entry(id="q", kind=Kind.TERM, forms=(Form('say "hi", then', P),),
                               renderings={"fr": Rendering("fr", (Form("dire « salut »", P),),
                                                           note="line one\nline two")}),))
    text = export_csv(glossary, locale="fr")
    assert '"say ""hi"", then"' in text
    assert _rows(text)[0]["developer_comments"] == "term | line one line two"


def _weblate_view(text: str, sample_length: int) -> list[tuple[str, str, str]]:
    """(source, target, context) as Weblate reads a CSV: translate-toolkit's csvfile with the
    dialect sniffed from the first `sample_length` characters (Weblate: 40000), then Weblate's
    CSVUnit.unescape_csv undoing the spreadsheet escape of its own CSV export."""
    def unescape(value: str) -> str:
        if len(value) > 2 and value[0] == value[-1] == "'" and value[1] in "=+-@\\%":
            return value[1:-1].replace("\\|", "|")
        return value

    store = csvl10n.csvfile()
    store.parse(text.encode("utf-8"), sample_length=sample_length)
    assert store.fieldnames == list(CSV_COLUMNS)
    return [(unescape(u.source), unescape(u.target), unescape(u.getcontext()))
            for u in store.units]


def _expected_rows(glossary: Glossary, locale: str) -> list[tuple[str, str, str]]:
    rows = []
    for entry in glossary:
        rendering = entry.renderings.get(locale)
        target = rendering and (rendering.approved() or next(iter(rendering.with_status(A)), None))
        if target:
            texts = dict.fromkeys(f.text for f in entry.forms if f.status is not F)
            rows += [(text, target.text, entry.id) for text in texts]
    return rows


@pytest.mark.parametrize("sample_length", [1024, 40000])
def test_translate_toolkit_reads_the_csv_as_weblate_does(sample_length):
    text = export_csv(SAMPLE, locale="ko")
    assert _weblate_view(text, sample_length) == _expected_rows(SAMPLE, "ko")
    store = csvl10n.csvfile()
    store.parse(text.encode("utf-8"))
    assert "never use: 위성낙" in store.units[0].getnotes()


def test_quoted_words_in_notes_do_not_fool_weblates_dialect_sniffing():
    note = 'Use "Cheong Wa Dae", not "Blue House"; the desk\'s \'old\' style.'
    glossary = Glossary(tuple(
        Entry(id=f"e{i}", kind=Kind.TERM, forms=(Form(f"Term {i}", P), Form(f"T{i}", A)),
              renderings={"ko": Rendering("ko", (Form("용어", P),), note=note)}, note=note)
        for i in range(5)))
    text = export_csv(glossary, locale="ko")
    assert _weblate_view(text, 40000) == _expected_rows(glossary, "ko")
    assert "Use “Cheong Wa Dae”, not “Blue House”; the desk’s ’old’ style." in text


def _weblate_safe(text: str) -> bool:
    # Weblate's spreadsheet unescape is not injective: a text that already looks escaped
    # ('=x') cannot pass through it unchanged, whatever the exporter does.
    return not (len(text) > 2 and text[0] == text[-1] == "'")


@settings(max_examples=40, deadline=None)
@given(glossary=S.glossaries(grouped=False, max_size=4))
def test_weblate_reads_every_row_of_any_export_exactly(glossary):
    texts = [f.text for e in glossary for f in e.forms] + \
        [f.text for e in glossary for r in e.renderings.values() for f in r.forms]
    assume(all(_weblate_safe(t) for t in texts))
    text = export_csv(glossary, locale="ko")
    assert _weblate_view(text, 40000) == _expected_rows(glossary, "ko")


def test_csv_for_a_locale_nobody_has_is_just_the_header():
    assert export_csv(SAMPLE, locale="de") == '"source","target","context","developer_comments"\r\n'
