"""Writing entries as TOML (toml_text) and merging an import into the glossary files (merge)
without losing a byte."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import interchange_strategies as S
from xlate.errors import FormatError, GlossaryError
from xlate.glossary.load import load_glossary, parse_glossary_text
from xlate.glossary.merge import fit_locales, merge_glossary
from xlate.glossary.tbx import export_tbx, read_tbx, read_tbx_import
from xlate.glossary.toml_text import entry_to_toml
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

DATA = Path(__file__).parent / "data" / "interchange"
FOLDER = DATA / "glossary"


P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN


def _files(folder: Path = FOLDER) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.toml"))}


def _load(files: dict[str, str]) -> dict[str, Entry]:
    entries = {}
    for path, text in sorted(files.items()):
        for entry in parse_glossary_text(text, path).entries:
            entries.setdefault(entry.id, entry)
    return entries


# --- entry_to_toml ------------------------------------------------------------------------------

DOC_EXAMPLE = Entry(
    id="wi_sung_lac", kind=Kind.PERSON,
    forms=(Form("Wi Sung-lac", P), Form("Sung-lac Wi", A), Form("Wi Seong-rak", D),
           Form("Wi Sung-lak", F)),
    renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위 실장", A), Form("위성낙", F)),
                                note="Second reference: 위 실장."),
                "ja": Rendering("ja", (Form("魏聖洛", P),)),
                "fr": Rendering("fr", (Form("Wi Sung-lac", P),))},
    hangul="위성락", hanja="魏聖洛", see=("nsa_kr",),
    note="Why this canonical form; sources; date validity.\nSecond line.")


def test_entry_to_toml_writes_the_documented_layout():
    assert entry_to_toml(DOC_EXAMPLE) == '''\
[[term]]
id = "wi_sung_lac"
kind = "person"
canonical = "Wi Sung-lac"
admitted = ["Sung-lac Wi"]
deprecated = ["Wi Seong-rak"]
forbidden = ["Wi Sung-lak"]
hangul = "위성락"
hanja = "魏聖洛"
see = ["nsa_kr"]
note = """
Why this canonical form; sources; date validity.
Second line.
"""

[term.ko]
approved = "위성락"
admitted = ["위 실장"]
forbidden = ["위성낙"]
note = "Second reference: 위 실장."

[term.ja]
approved = "魏聖洛"

[term.fr]
approved = "Wi Sung-lac"
'''


def test_entry_to_toml_dated_forms_defaults_and_hostile_strings():
    entry = Entry(
        id="office", kind=Kind.BODY, case_sensitive=False,
        forms=(Form('the "office"\\', P, note="quote \" and back\\slash"),),
        renderings={"zh-Hant": Rendering("zh-Hant", (
            Form("大統領室", P, valid_until=dt.date(2025, 12, 28)),
            Form("青瓦臺", P, valid_from=dt.date(2025, 12, 29), note="moved"))),
            "x y": Rendering("x y", (Form("z", P),))},
        note='three """ quotes\r\nand a bell \x07')
    text = entry_to_toml(entry)
    assert 'canonical = { text = "the \\"office\\"\\\\", note = "quote \\" and back\\\\slash" }' \
        in text
    assert "case_sensitive = false" in text and "hangul" not in text and "see" not in text
    assert '[term.zh-Hant]\napproved = [\n  { text = "大統領室", until = 2025-12-28 },\n' \
           '  { text = "青瓦臺", from = 2025-12-29, note = "moved" },\n]\n' in text
    assert '[term."x y"]' in text
    assert 'note = """\nthree ""\\" quotes\\r\nand a bell \\u0007\n"""' in text
    data = tomllib.loads(text)["term"][0]
    assert data["note"] == 'three """ quotes\r\nand a bell \x07\n'
    assert data["canonical"]["text"] == 'the "office"\\'


def test_long_variant_lists_go_one_form_per_line():
    forms = (Form("x", P),) + tuple(Form(f"variant number {i}", A) for i in range(8))
    text = entry_to_toml(Entry(id="x", kind=Kind.TERM, forms=forms))
    assert 'admitted = [\n  "variant number 0",\n' in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entry=S.entries())
def test_entry_to_toml_reads_back_through_the_loader(entry):
    text = entry_to_toml(entry)
    tomllib.loads(text)  # valid TOML for any text
    (loaded,) = parse_glossary_text(text, "x.toml").entries
    assert loaded == entry


def test_fixture_folder_entries_rewrite_to_equal_entries():
    for entry in load_glossary(FOLDER).glossary:
        assert parse_glossary_text(entry_to_toml(entry)).entries == [entry]


# --- merge: nothing new -------------------------------------------------------------------------

def test_merging_the_glossary_into_itself_changes_nothing():
    files = _files()
    glossary = load_glossary(FOLDER).glossary
    result = merge_glossary(files, glossary, new_file="imported.toml")
    assert (dict(result.files), result.added, result.updated, result.conflicts) == ({}, (), (), ())
    assert "0 added, 0 updated, 0 conflicts, 0 files changed" in result.describe()


@pytest.mark.parametrize("dialect", ["v3", "v2"])
def test_importing_our_own_tbx_export_changes_nothing(dialect):
    glossary = load_glossary(FOLDER).glossary
    incoming = read_tbx(export_tbx(glossary, dialect=dialect))
    result = merge_glossary(_files(), incoming, new_file="imported.toml")
    assert not result.changed and not result.conflicts


def _real_copy(tmp_path: Path) -> Path:
    real = Path(__file__).resolve().parents[1] / "glossary"
    if not any(real.glob("*.toml")):
        pytest.skip("the glossary folder has no files yet")
    copy = tmp_path / "glossary"
    shutil.copytree(real, copy)
    return copy


def test_real_glossary_folder_copy_survives_a_no_op_merge(tmp_path):
    copy = _real_copy(tmp_path)
    glossary = load_glossary(copy).glossary
    files = _files(copy)
    for incoming in (glossary, read_tbx(export_tbx(glossary))):
        result = merge_glossary(files, incoming, new_file="imported.toml")
        assert not result.changed and not result.added


def test_real_glossary_folder_copy_takes_an_import_and_keeps_its_comments(tmp_path):
    copy = _real_copy(tmp_path)
    files = _files(copy)
    original = load_glossary(copy).glossary
    first = original.entries[0]
    changed = Entry(id=first.id, kind=first.kind, case_sensitive=first.case_sensitive,
                    forms=(Form(first.canonical + " (imported)", P), Form("xlate test form", A)))
    foreign = read_tbx((DATA / "foreign_v3.tbx").read_bytes()).entries
    incoming = Glossary((changed, *foreign))
    result = merge_glossary(files, incoming, new_file="imported.toml")
    assert [c.field for c in result.conflicts if c.id == first.id] == ["canonical"]
    after = {**files, **result.files}
    for path, text in files.items():
        comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
        kept = iter(after[path].splitlines())
        assert all(any(line == c for line in kept) for c in comments), path
    for name, text in after.items():
        (copy / name).write_text(text, encoding="utf-8")
    merged = load_glossary(copy).glossary
    for entry in original:
        assert set(entry.forms) <= set(merged.get(entry.id).forms)
    assert merged.get(first.id).canonical == first.canonical
    assert {e.id for e in foreign} <= {e.id for e in merged}
    assert not merge_glossary(after, incoming, new_file="imported.toml").changed


# --- merge: additions ---------------------------------------------------------------------------

NEW = Entry(id="speaker", kind=Kind.OFFICE, forms=(Form("Speaker", P),),
            renderings={"ko": Rendering("ko", (Form("국회의장", P),))})


def test_new_ids_go_to_a_new_file_and_nothing_else_changes():
    files = _files()
    result = merge_glossary(files, Glossary((NEW,)), new_file="imported.toml")
    assert set(result.files) == {"imported.toml"} and result.added == ("speaker",)
    assert result.files["imported.toml"] == entry_to_toml(NEW)
    assert _load(dict(result.files))["speaker"] == NEW


def test_new_ids_are_appended_to_an_existing_file_after_a_blank_line():
    files = _files()
    result = merge_glossary(files, Glossary((NEW,)), new_file="places.toml")
    text = result.files["places.toml"]
    assert text.startswith(files["places.toml"])
    assert text[len(files["places.toml"]):] == "\n" + entry_to_toml(NEW)
    assert _load(dict(result.files))["speaker"] == NEW


def _only_insertions(before: str, after: str) -> list[str]:
    """The lines `after` adds; fails if any line of `before` was changed or removed."""
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
            None, before.splitlines(True), after.splitlines(True), autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, before.splitlines(True)[i1:i2])
        added += after.splitlines(True)[j1:j2]
    return added


def test_missing_values_forms_and_locales_are_added_and_every_old_byte_stays():
    files = _files()
    incoming = Entry(
        id="nsa_kr", kind=Kind.OFFICE, case_sensitive=False,
        forms=(Form("National Security Adviser", P), Form("NSA", A),
               Form("National Security Advisor", D, note="US spelling")),
        renderings={"ko": Rendering("ko", (Form("국가안보실장", P), Form("안보실장", A))),
                    "zh-Hant": Rendering("zh-Hant", (Form("國家安保室長", P),), note="Taiwan")},
        hangul="국가안보실장", see=("wi_sung_lac",), note="Heads the National Security Office.")
    result = merge_glossary(files, Glossary((incoming,)), new_file="imported.toml")
    assert set(result.files) == {"people.toml"} and not result.conflicts
    (update,) = result.updated
    assert update.added == ("hangul", "see wi_sung_lac", "note",
                            'deprecated "National Security Advisor"', 'ko.admitted "안보실장"',
                            "zh-Hant: new locale")
    added = _only_insertions(files["people.toml"], result.files["people.toml"])
    assert 'hangul = "국가안보실장"\n' in added and "[term.zh-Hant]\n" in added
    merged = _load({**files, **result.files})["nsa_kr"]
    assert merged.forms[-1] == Form("National Security Advisor", D, note="US spelling")
    assert merged.renderings["ko"].forms[-1] == Form("안보실장", A)
    assert merged.renderings["zh-Hant"] == Rendering("zh-Hant", (Form("國家安保室長", P),),
                                                     "Taiwan")
    assert (merged.hangul, merged.see, merged.note) == \
        ("국가안보실장", ("wi_sung_lac",), "Heads the National Security Office.")
    # The new keys sit where the format puts them, before the entry's locale tables.
    text = result.files["people.toml"]
    nsa = text[text.index('id = "nsa_kr"'):]
    assert nsa.index("\ncase_sensitive") < nsa.index("\nhangul") < nsa.index("\nsee = ") \
        < nsa.index("\nnote = ") < nsa.index("[term.ko]")


def test_appending_to_a_list_changes_only_that_line():
    files = _files()
    entry = load_glossary(FOLDER).glossary.get("wi_sung_lac")
    incoming = Entry(id=entry.id, kind=entry.kind, forms=entry.forms + (Form("Sung-lac", A),))
    result = merge_glossary(files, Glossary((incoming,)), new_file="imported.toml")
    before, after = files["people.toml"].splitlines(), result.files["people.toml"].splitlines()
    # Lengths are compared next, with a clearer failure than zip(strict=True) would give.
    changed = [(b, a) for b, a in zip(before, after, strict=False) if b != a]
    assert len(before) == len(after) and changed == [
        ('admitted = ["Sung-lac Wi"]', 'admitted = ["Sung-lac Wi", "Sung-lac"]')]


def test_a_later_dated_rendering_extends_the_approved_succession():
    files = _files()
    incoming = Entry(id="presidential_office", kind=Kind.BODY, case_sensitive=False,
                     forms=(Form("presidential office", P),),
                     renderings={"ja": Rendering("ja", (
                         Form("大統領府", P, valid_from=dt.date(2025, 12, 29)),))})
    result = merge_glossary(files, Glossary((incoming,)), new_file="imported.toml")
    assert not result.conflicts
    merged = _load({**files, **result.files})["presidential_office"]
    assert merged.renderings["ja"].forms == (
        Form("大統領室", P, valid_until=dt.date(2025, 12, 28)),
        Form("大統領府", P, valid_from=dt.date(2025, 12, 29)))
    text = result.files["places.toml"]
    assert "# Places and bodies." in text and "The office moved back to Cheong Wa Dae." in text
    assert '  { text = "대통령실", until = 2025-12-28 },\n' in text  # untouched, byte for byte


def test_a_locale_table_goes_after_the_entry_before_the_next_entrys_comment():
    files = {"a.toml": '[[term]]\nid = "a"\nkind = "term"\ncanonical = "A"\n\n'
                       '# The next entry\n[[term]]\nid = "b"\nkind = "term"\ncanonical = "B"'}
    incoming = Entry(id="a", kind=Kind.TERM, forms=(Form("A", P),),
                     renderings={"ko": Rendering("ko", (Form("에이", P),))})
    result = merge_glossary(files, Glossary((incoming,)), new_file="new.toml")
    assert result.files["a.toml"] == (
        '[[term]]\nid = "a"\nkind = "term"\ncanonical = "A"\n\n[term.ko]\napproved = "에이"\n\n'
        '# The next entry\n[[term]]\nid = "b"\nkind = "term"\ncanonical = "B"\n')


def test_inline_locale_tables_are_edited_in_place():
    files = {"a.toml": '[[term]]\nid = "a"\nkind = "term"\ncanonical = "A"\n'
                       'ko = { approved = "에이" }\n'}
    incoming = Entry(id="a", kind=Kind.TERM, forms=(Form("A", P),),
                     renderings={"ko": Rendering("ko", (Form("에이", P), Form("에이이", F)))})
    result = merge_glossary(files, Glossary((incoming,)), new_file="new.toml")
    assert 'ko = { approved = "에이", forbidden = ["에이이"] }\n' in result.files["a.toml"]


# --- merge: conflicts ---------------------------------------------------------------------------

def test_conflicts_keep_the_glossary_and_are_reported():
    files = _files()
    incoming = Entry(
        id="wi_sung_lac", kind=Kind.TITLE,
        forms=(Form("Wi Sung-rak", P), Form("Wi Seong-rak", F), Form("Sung-lac Wi", A,
                                                                    note="rare")),
        renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위 실장", A)),
                                    note="Another note."),
                    "fr": Rendering("fr", (Form("Wi Seong-rak", P),))},
        hangul="위승락", note="A different note.")
    result = merge_glossary(files, Glossary((incoming,)), new_file="imported.toml")
    report = {(c.field, c.existing, c.incoming, c.resolution) for c in result.conflicts}
    kept = "kept the glossary's value"
    assert report == {
        ("kind", '"person"', '"title"', kept),
        ("hangul", '"위성락"', '"위승락"', kept),
        ("note", '"Romanisation as used by the person himself.\\n"', '"A different note."', kept),
        ("canonical", '"Wi Sung-lac"', '"Wi Sung-rak"',
         'kept "Wi Sung-lac"; added "Wi Sung-rak" as admitted'),
        ('"Wi Seong-rak"', '"deprecated"', '"forbidden"', kept),
        ('"Sung-lac Wi" note', '""', '"rare"', kept),
        ("ko.note", '"Second reference: 위 실장."', '"Another note."', kept),
        ("fr.approved", '"Wi Sung-lac"', '"Wi Seong-rak"',
         'kept "Wi Sung-lac"; added "Wi Seong-rak" as admitted'),
    }
    merged = _load({**files, **result.files})["wi_sung_lac"]
    original = load_glossary(FOLDER).glossary.get("wi_sung_lac")
    assert merged.kind is Kind.PERSON and merged.canonical == "Wi Sung-lac"
    assert set(merged.forms) == set(original.forms) | {Form("Wi Sung-rak", A)}
    assert merged.renderings["fr"].forms == (Form("Wi Sung-lac", P), Form("Wi Seong-rak", A))
    assert "conflict wi_sung_lac: kind: glossary has \"person\"" in result.describe()


def test_merging_twice_is_a_no_op_the_second_time():
    files = _files()
    incoming = read_tbx((DATA / "foreign_v2.tbx").read_bytes())
    first = merge_glossary(files, incoming, new_file="imported.toml")
    assert first.added == ("c_12", "speaker")
    second = merge_glossary({**files, **first.files}, incoming, new_file="imported.toml")
    assert not second.changed and second.added == ()


def test_a_duplicate_id_in_the_import_is_reported_and_skipped():
    result = merge_glossary({}, Glossary((NEW, NEW)), new_file="new.toml")
    assert result.added == ("speaker",)
    assert [c.resolution for c in result.conflicts] == ["skipped the second"]


def test_a_value_that_is_not_a_list_is_never_overwritten():
    files = {"a.toml": '[[term]]\nid = "a"\nkind = "term"\ncanonical = "A"\nadmitted = "Aa"\n'}
    incoming = Entry(id="a", kind=Kind.TERM, forms=(Form("A", P), Form("Ab", A)))
    result = merge_glossary(files, Glossary((incoming,)), new_file="new.toml")
    assert not result.changed
    assert result.conflicts[0].resolution.startswith("not added")


def test_invalid_toml_is_a_glossary_error_with_a_line():
    with pytest.raises(GlossaryError) as info:
        merge_glossary({"bad.toml": '[[term]]\nid = "a"\nkind = \n'}, Glossary(), new_file="x")
    assert info.value.path == "bad.toml" and info.value.line == 3


# --- merge: any glossary ------------------------------------------------------------------------

@st.composite
def _merge_case(draw):
    existing = draw(st.lists(S.entries(), min_size=1, max_size=3, unique_by=lambda e: e.id))
    ids = [e.id for e in existing]
    incoming = draw(st.lists(S.entries(id_strategy=st.sampled_from(ids) | S.ids), max_size=3,
                             unique_by=lambda e: e.id))
    return existing, incoming


def _form_keys(forms):
    return {(f.text, f.status, f.valid_from, f.valid_until, f.note) for f in forms}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_merge_case())
def test_a_merge_keeps_everything_and_adds_every_form(case):
    existing, incoming = case
    files = {"a.toml": "# a comment\n\n" + "\n".join(entry_to_toml(e) for e in existing)}
    result = merge_glossary(files, Glossary(tuple(incoming)), new_file="new.toml")
    after = {**files, **result.files}
    merged = _load(after)
    for old in existing:
        new = merged[old.id]
        assert (new.kind, new.case_sensitive) == (old.kind, old.case_sensitive)
        assert new.note == old.note or not old.note  # an empty note may be filled in
        assert new.hangul == old.hangul or old.hangul is None
        assert _form_keys(old.forms) <= _form_keys(new.forms)
        assert set(old.see) <= set(new.see)
        for locale, rendering in old.renderings.items():
            assert _form_keys(rendering.forms) <= _form_keys(new.renderings[locale].forms)
            assert new.renderings[locale].note == rendering.note or not rendering.note
    known = {e.id for e in existing}
    for entry in incoming:
        got = merged[entry.id]
        if entry.id not in known:
            assert got == entry
            continue
        assert {f.text for f in entry.forms} <= {f.text for f in got.forms}
        for locale, rendering in entry.renderings.items():
            assert {f.text for f in rendering.forms} <= \
                {f.text for f in got.renderings[locale].forms}
    assert after["a.toml"].startswith("# a comment\n\n")
    again = merge_glossary(after, Glossary(tuple(incoming)), new_file="new.toml")
    assert not again.changed


# --- merge: foreign entries, matched by their terms ---------------------------------------------

def _foreign(entry_id: str, *forms: Form, **renderings: tuple[Form, ...]) -> Entry:
    return Entry(id=entry_id, kind=Kind.TERM, forms=forms,
                 renderings={loc: Rendering(loc, fs) for loc, fs in renderings.items()})


def _merge_foreign(*entries: Entry, files: dict[str, str] | None = None):
    files = _files() if files is None else files
    result = merge_glossary(files, Glossary(entries), new_file="imported.toml",
                            foreign={e.id for e in entries})
    return result, _load({**files, **result.files})


def test_a_foreign_concept_is_merged_into_the_entry_that_has_its_term():
    # Another tool's numeric id; the English term spelt as the glossary's lookup would still
    # find it: other case, a space for the hyphen.
    result, merged = _merge_foreign(_foreign("1", Form("wi sung lac", P),
                                             ko=(Form("위성락", P), Form("위 안보실장", A))))
    assert result.added == () and "1" not in merged and "term_1" not in merged
    assert result.matched == (("1", "wi_sung_lac"),)
    entry = merged["wi_sung_lac"]
    assert Form("위 안보실장", A) in entry.renderings["ko"].forms
    assert {f.text for f in entry.forms} == {"Wi Sung-lac", "Sung-lac Wi", "Wi Seong-rak",
                                             "Wi Sung-lak"}  # no second spelling added
    assert [(c.field, c.existing, c.incoming) for c in result.conflicts] == [
        ('"Wi Sung-lac" spelling', '"Wi Sung-lac"', '"wi sung lac"')]
    assert "matched 1 to wi_sung_lac by its terms" in result.describe()


@pytest.mark.parametrize("text", ["Wi Seong-rak", "WI SEONGRAK", "Sung-lac Wi", "Wi Sung-lak"])
def test_any_source_form_of_an_entry_matches(text):
    result, _ = _merge_foreign(_foreign("c123", Form(text, P)))
    assert result.matched == (("c123", "wi_sung_lac"),) and result.added == ()


@pytest.mark.parametrize("text", ["Wi Sung-lack", "Wi Sung", "Sung-lac", "Wi Sung-lac Jr"])
def test_a_term_that_only_resembles_an_existing_form_is_a_new_entry(text):
    result, merged = _merge_foreign(_foreign("7", Form(text, P)))
    assert result.matched == ()
    (new,) = result.added
    assert new != "term_7" and merged[new].canonical == text
    assert set(merged["wi_sung_lac"].forms) == set(load_glossary(FOLDER).glossary.get(
        "wi_sung_lac").forms)


def test_a_foreign_entry_whose_id_is_ours_merges_by_id_whatever_its_terms():
    result, merged = _merge_foreign(_foreign("nsa_kr", Form("Wi Sung-lac", P)))
    assert result.matched == () and result.added == ()
    assert Form("Wi Sung-lac", A) in merged["nsa_kr"].forms  # by id, as the import said
    assert [c.field for c in result.conflicts] == ["canonical"]


def test_our_own_entries_are_never_matched_by_terms():
    # Not foreign: a new id is a new entry, even when its form is another entry's.
    files = _files()
    entry = Entry(id="wsl", kind=Kind.PERSON, forms=(Form("Wi Sung-lac", P),))
    result = merge_glossary(files, Glossary((entry,)), new_file="imported.toml")
    assert result.added == ("wsl",) and result.matched == ()


def test_kind_and_case_of_a_foreign_entry_are_no_conflict():
    # A foreign file does not say them: TERM and case-sensitive are the reader's defaults.
    result, _ = _merge_foreign(_foreign("1", Form("NSA", P)))
    assert result.matched == (("1", "nsa_kr"),)
    assert result.conflicts == () or all(c.field not in ("kind", "case_sensitive")
                                         for c in result.conflicts)


def test_new_foreign_concepts_get_ids_from_their_english_and_see_follows():
    a = _foreign("1", Form("Speaker of the National Assembly", P), ko=(Form("국회의장", P),))
    b = Entry(id="2", kind=Kind.TERM, forms=(Form("Deputy Speaker", P),), see=("1", "nsa_kr"))
    result, merged = _merge_foreign(a, b)
    assert result.added == ("speaker_of_the_national_assembly", "deputy_speaker")
    assert result.renamed == (("1", "speaker_of_the_national_assembly"),
                              ("2", "deputy_speaker"))
    assert merged["deputy_speaker"].see == ("speaker_of_the_national_assembly", "nsa_kr")
    assert "added deputy_speaker (was 2)" in result.describe()


def test_a_see_reference_to_a_matched_concept_names_the_entry_it_merged_into():
    a = _foreign("c1", Form("NSA", P))
    b = Entry(id="c2", kind=Kind.TERM, forms=(Form("Office of National Security", P),),
              see=("c1",))
    _, merged = _merge_foreign(a, b)
    assert merged["office_of_national_security"].see == ("nsa_kr",)


def test_a_new_id_never_takes_an_existing_one():
    # "NSA KR" shares no form with nsa_kr: a new entry, under another id.
    result, merged = _merge_foreign(_foreign("9", Form("NSA KR", P)))
    assert result.added == ("nsa_kr_2",) and merged["nsa_kr"].canonical != "NSA KR"


def test_a_concept_whose_terms_belong_to_two_entries_is_skipped_and_reported():
    result, _ = _merge_foreign(_foreign("5", Form("NSA", P), Form("Wi Sung-lac", A)))
    assert not result.changed and result.added == () and result.matched == ()
    (conflict,) = result.conflicts
    assert conflict.id == "5" and "nsa_kr and wi_sung_lac" in str(conflict)
    assert "skipped" in conflict.resolution


def test_foreign_concepts_sharing_a_new_term_become_one_entry():
    a = _foreign("1", Form("Cheong Wa Dae", P), ko=(Form("청와대", P),))
    b = _foreign("2", Form("Blue House", P), Form("Cheong Wa Dae", A), ja=(Form("青瓦台", P),))
    result, merged = _merge_foreign(a, b)
    assert result.added == ("cheong_wa_dae",) and result.matched == (("2", "cheong_wa_dae"),)
    entry = merged["cheong_wa_dae"]
    assert entry.forms == (Form("Cheong Wa Dae", P), Form("Blue House", A))
    assert set(entry.renderings) == {"ko", "ja"}


def test_two_foreign_concepts_for_one_entry_each_add_their_locale():
    a = _foreign("1", Form("NSA", P), de=(Form("Nationaler Sicherheitsberater", P),))
    b = _foreign("2", Form("National Security Adviser", P),
                 de=(Form("Sicherheitsberater", P),), es=(Form("asesor de seguridad", P),))
    result, merged = _merge_foreign(a, b)
    assert result.matched == (("1", "nsa_kr"), ("2", "nsa_kr")) and result.added == ()
    entry = merged["nsa_kr"]
    assert entry.renderings["de"].forms == (Form("Nationaler Sicherheitsberater", P),
                                            Form("Sicherheitsberater", A))
    assert entry.renderings["es"].approved().text == "asesor de seguridad"
    tomllib.loads(result.files["people.toml"])  # one [term.de] table, valid TOML


def test_importing_a_foreign_file_twice_changes_nothing_the_second_time():
    glossary, foreign = read_tbx_import((DATA / "foreign_v3.tbx").read_bytes())
    files = _files()
    first = merge_glossary(files, glossary, new_file="imported.toml", foreign=foreign)
    assert first.changed
    after = {**files, **first.files}
    second = merge_glossary(after, glossary, new_file="imported.toml", foreign=foreign)
    assert not second.changed and second.added == ()


# --- the locales of an import -------------------------------------------------------------------

def test_region_tags_are_filed_under_the_projects_locales():
    entry = _foreign("1", Form("summit", P), **{"ko-KR": (Form("정상회담", P),),
                                                 "ko": (Form("정상 회담", P),),
                                                 "fr-FR": (Form("sommet", P),),
                                                 "pt-BR": (Form("cúpula", P),),
                                                 "de-DE": (Form("Gipfel", P),)})
    fitted = fit_locales(Glossary((entry,)), ("ko", "fr", "pt_BR", "pt_PT"))
    (got,) = fitted.entries
    assert list(got.renderings) == ["ko", "fr", "pt_BR", "de-DE"]
    assert got.renderings["ko"].forms == (Form("정상회담", P), Form("정상 회담", A))


def test_a_placeholder_language_needs_a_locale():
    entry = _foreign("1", Form("summit", P), xx=(Form("정상회담", P),))
    with pytest.raises(FormatError, match="'xx', which names no language: pass --locale"):
        fit_locales(Glossary((entry,)), ("ko",), path="x.tbx")
    (got,) = fit_locales(Glossary((entry,)), ("ko",), placeholder="ko").entries
    assert list(got.renderings) == ["ko"]


def test_another_tools_id_that_would_slug_to_one_of_ours_is_no_id_match():
    # translate-toolkit's csv2tbx uses the source text as the id: "Wi Sung-lac" would slug to
    # wi_sung_lac. The concept below is another one; it must not merge into wi_sung_lac by id.
    data = (b'<martif type="TBX" xml:lang="en"><text><body>'
            b'<termEntry id="Wi Sung-lac"><langSet xml:lang="en"><tig><term>Wi Sung-lac Foundation'
            b'</term></tig></langSet></termEntry></body></text></martif>')
    glossary, foreign = read_tbx_import(data)
    assert [e.id for e in glossary] == ["Wi Sung-lac"] and foreign == {"Wi Sung-lac"}
    assert read_tbx(data).entries[0].id == "wi_sung_lac"  # the plain reader still slugs
    result = merge_glossary(_files(), glossary, new_file="imported.toml", foreign=foreign)
    assert result.added == ("wi_sung_lac_foundation",) and result.matched == ()
