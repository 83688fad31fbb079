"""Properties of `xlate update` (issue 12, points 2 and 3), over generated templates and
catalogues whose translated entries may or may not still be in the template:

- every msgid with a non-empty translation survives, with its translation and its translator
  comment: active if the template still has it, obsolete (#~) otherwise, never dropped; fuzzy
  as msgmerge sets it (kept on an unchanged entry, set on one seeded from a similar msgid,
  never on an untranslated one);
- with an unchanged template the catalogue does not change by a byte, whatever a translator
  did to it in between; updating twice changes nothing after the first update.

Through the pure pipeline `xlate update` runs (xlate's reader, `catalogue.merge`,
`format_catalog` writes), then through the real command in a scratch project (fewer
examples). The generators still build their catalogues with polib objects, which cannot hold
some valid text (`POLIB_LOSSES` below), so the generated text leaves those out; the tests at
the end hold each such case against `xlate update` directly (it no longer reads with polib).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import catalogue_strategies as S
from conftest import ROOT
from xlate.cli import app
from xlate.po.catalogue import merge
from xlate.po.read import PoEntry, read_po
from xlate.po.write import format_catalog

# What polib (the reader of `xlate update`) cannot read back: str.splitlines breaks lines at
# VT, FF, FS, GS, RS, NEL, LS and PS (VT and FF are escaped by the writer, the others are not);
# it unescapes `\a` as a backslash and an `a`; it strips comment lines and drops empty ones; it
# reads `#| msgid ""` as no previous msgid, and skips `#~|` previous fields altogether.
POLIB_LOSSES = "\x1c\x1d\x1e\x85\u2028\u2029\x07"
ARTICLES = ("djournal-wi-letter", "ians-defence-body")  # the repository's, with their dates
SENTENCES = ["Wi met Rutte in The Hague on Tuesday.", "Wi met Rutte in The Hague on Monday.",
             "The two sides agreed on defense industry cooperation.",
             "The two sides agreed on defence industry cooperation.",
             "Lee Jae Myung attended the NATO summit.", "Lee Jae-myung attended the summit.",
             "위성락 국가안보실장은 “높이 평가한다”며", "Support rose 5% to 40%."]
_SAFE = S.TEXT.map(lambda text: "".join(c for c in text if c not in POLIB_LOSSES))
MSGIDS = st.one_of(st.sampled_from(SENTENCES), _SAFE.filter(bool))
CONTEXTS = st.one_of(st.sampled_from(ARTICLES), st.none(), _SAFE)
_COMMENT = st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl",
                                                                            "Zp")),
                            max_size=20).map(str.strip).filter(
                                lambda line: line and not line.endswith("\\")),
                    max_size=2).map("\n".join)  # polib drops empty comment lines
TERMS = st.sampled_from(["term: Mark Rutte [mark_rutte]", "term: Wi Sung-lac [wi_sung_lac]",
                         "term: NATO [nato]", "term: Unknown [no_such_id]"])


def _polib_safe(entry: polib.POEntry) -> polib.POEntry:
    for name in ("msgid", "msgctxt", "msgid_plural", "msgstr", "previous_msgid",
                 "previous_msgctxt", "previous_msgid_plural"):
        value = getattr(entry, name)
        if value:
            setattr(entry, name, "".join(c for c in value if c not in POLIB_LOSSES))
    entry.msgstr_plural = {k: "".join(c for c in v if c not in POLIB_LOSSES)
                           for k, v in entry.msgstr_plural.items()}
    # polib reads `#| msgid ""` as no previous msgid at all
    entry.previous_msgid = entry.previous_msgid or None
    entry.previous_msgctxt = entry.previous_msgctxt if entry.previous_msgid else None
    entry.previous_msgid_plural = entry.previous_msgid_plural or None
    return entry


@st.composite
def templates(draw) -> polib.POFile:
    pot = polib.POFile()
    pot.metadata = {"Project-Id-Version": "xlate articles",
                    "POT-Creation-Date": draw(st.sampled_from(["2025-06-26 00:00+0000",
                                                               "2025-07-01 00:00+0000"])),
                    "Content-Type": "text/plain; charset=UTF-8"}
    seen = set()
    for ctx, msgid in draw(st.lists(st.tuples(CONTEXTS, MSGIDS), max_size=7)):
        if (ctx, msgid) in seen or not msgid:
            continue
        seen.add((ctx, msgid))
        comment = "\n".join([f"paragraph 1, sentence {len(seen)}"] + draw(
            st.lists(TERMS, max_size=2, unique=True)))
        pot.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr="", comment=comment,
                                 occurrences=[("seeds/a.txt", str(len(seen)))],
                                 flags=["no-c-format", "no-python-format"] if "%" in msgid
                                 else []))
    return pot


@st.composite
def catalogues(draw, pot: polib.POFile) -> polib.POFile:
    """A catalogue for `pot`'s project: some of its entries (translated or not, fuzzy or not,
    with comments and flags of their own), others the template no longer has, obsolete ones."""
    po = polib.POFile()
    po.header = draw(_COMMENT)
    po.metadata = {"Project-Id-Version": "xlate articles", "Language": "ko",
                   "Content-Type": "text/plain; charset=UTF-8",
                   "Plural-Forms": "nplurals=1; plural=0;"}
    keys = [(e.msgctxt, e.msgid) for e in pot]
    key_plural = {(e.msgctxt, e.msgid): bool(e.msgid_plural) for e in pot}
    chosen = draw(st.lists(st.sampled_from(keys), unique=True)) if keys else []
    others = draw(st.lists(st.tuples(CONTEXTS, MSGIDS), max_size=5))
    seen = set()
    for ctx, msgid in chosen + others:
        if (ctx, msgid) in seen:
            continue
        seen.add((ctx, msgid))
        entry = draw(S.entries(msgid=msgid, msgctxt=ctx))
        entry = _polib_safe(entry)
        entry.tcomment = draw(_COMMENT)
        entry.comment = "" if entry.obsolete else draw(_COMMENT)
        if key_plural.get((ctx, msgid)) is not None and \
                bool(entry.msgid_plural) != key_plural[(ctx, msgid)]:
            continue  # see test_update_keeps_a_plural_translation_the_template_has_singular
        if draw(st.booleans()):
            entry.msgstr = draw(st.sampled_from(["", "번역", "翻訳 %d", "traduction « x »"]))
        po.append(entry)
    return po


def _translated(entry: PoEntry) -> bool:
    return bool(entry.msgstr or any(entry.msgstr_plural))


def _update(old_text: str, pot_text: str) -> str:
    """What `xlate update` writes, without a glossary: polib reads, merge, the writer."""
    merged, _ = merge(polib.pofile(old_text), polib.pofile(pot_text))
    return format_catalog(merged)


def _check_survivors(old_text: str, pot: polib.POFile, new_text: str) -> None:
    old, new = read_po(old_text.encode("utf-8")), read_po(new_text.encode("utf-8"))
    in_template = {(e.msgctxt, e.msgid) for e in pot}
    active = {(e.msgctxt, e.msgid): e for e in new.entries if not e.obsolete}
    obsolete = {(e.msgctxt, e.msgid): e for e in new.entries if e.obsolete}
    # Every template entry once, active; no key twice (msgfmt refuses duplicates).
    assert set(active) == in_template
    assert len(active) + len(obsolete) == len(new.entries)
    for entry in old.entries:
        key = (entry.msgctxt, entry.msgid)
        if not _translated(entry):
            if entry.tcomment and key not in in_template:  # a translator's note is kept too
                assert obsolete[key].tcomment == entry.tcomment
            continue
        survivor = active.get(key) if key in in_template else obsolete.get(key)
        assert survivor is not None, f"{key} was dropped"
        assert (survivor.msgid_plural, survivor.msgstr, survivor.msgstr_plural) == \
            (entry.msgid_plural, entry.msgstr, entry.msgstr_plural), key
        assert survivor.tcomment == entry.tcomment, key
        assert survivor.fuzzy == entry.fuzzy, key  # msgmerge keeps the old entry's flag
        if entry.fuzzy and key in in_template and not entry.obsolete:  # polib drops `#~|`
            assert (survivor.previous_msgctxt, survivor.previous_msgid) == \
                (entry.previous_msgctxt, entry.previous_msgid), key
    old_keys = {(e.msgctxt, e.msgid) for e in old.entries}
    lenders = {(e.msgid, e.msgstr) for e in old.entries if e.msgstr}
    for key, entry in active.items():
        if key in old_keys:
            continue
        if _translated(entry):  # seeded from a similar old msgid: fuzzy, and says which one
            assert entry.fuzzy and entry.previous_msgid is not None, key
            assert (entry.previous_msgid, entry.msgstr) in lenders, key
        else:
            assert not entry.fuzzy and entry.previous_msgid is None, key


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.data())
def test_update_keeps_every_translated_msgid(data):
    pot = data.draw(templates())
    old_text = format_catalog(data.draw(catalogues(pot)))
    new_text = _update(old_text, format_catalog(pot))
    _check_survivors(old_text, pot, new_text)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.data())
def test_update_twice_is_update_once(data):
    pot = data.draw(templates())
    pot_text = format_catalog(pot)
    once = _update(format_catalog(data.draw(catalogues(pot))), pot_text)
    assert _update(once, pot_text) == once


@st.composite
def translator_edits(draw, catalogue: polib.POFile) -> polib.POFile:
    """What a translator does between two updates: translate, review (no longer fuzzy, the
    previous msgid gone, as Poedit does), leave notes, mark an entry fuzzy."""
    for entry in catalogue:
        if entry.obsolete or entry.msgid_plural:
            continue
        action = draw(st.sampled_from(["none", "translate", "review", "note", "doubt"]))
        if action == "translate":
            entry.msgstr = draw(st.sampled_from(["번역", "訳 “x”", "\\ \"q\"", "a\tb"]))
        elif action == "review" and "fuzzy" in entry.flags:
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
            entry.previous_msgid = entry.previous_msgctxt = None
        elif action == "note":
            entry.tcomment = draw(_COMMENT)
        elif action == "doubt" and entry.msgstr and "fuzzy" not in entry.flags:
            entry.flags = ["fuzzy", *entry.flags]
    return catalogue


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.data())
def test_update_with_an_unchanged_template_changes_no_byte(data):
    pot = data.draw(templates())
    pot_text = format_catalog(pot)
    once = _update(format_catalog(data.draw(catalogues(pot))), pot_text)
    edited = format_catalog(data.draw(translator_edits(polib.pofile(once))))
    assert _update(edited, pot_text) == edited


# The real command, in a scratch copy of the repository (its glossary gives the hints).

runner = CliRunner()


@contextlib.contextmanager
def _scratch_project():
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("seeds", "glossary"):
            shutil.copytree(ROOT / name, root / name)
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
        (root / "locales" / "ko" / "LC_MESSAGES").mkdir(parents=True)
        with contextlib.chdir(root):
            yield root


@settings(max_examples=10, deadline=None, derandomize=True)
@given(st.data())
def test_xlate_update_keeps_translations_and_is_idempotent(data):
    pot = data.draw(templates())
    old_text = format_catalog(data.draw(catalogues(pot)))
    with _scratch_project() as root:
        (root / "locales" / "articles.pot").write_text(format_catalog(pot), encoding="utf-8")
        path = root / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
        path.write_text(old_text, encoding="utf-8")
        result = runner.invoke(app, ["update", "ko"])
        assert result.exit_code == 0, result.output
        new_text = path.read_text(encoding="utf-8")
        _check_survivors(old_text, pot, new_text)
        assert runner.invoke(app, ["update", "--check", "ko"]).exit_code == 0
        assert runner.invoke(app, ["update", "ko"]).exit_code == 0
        assert path.read_text(encoding="utf-8") == new_text
    # The extracted comments (the glossary hints among them) are the template's, as msgmerge
    # writes them.
    wanted = {(e.msgctxt, e.msgid): e.comment for e in pot}
    for entry in read_po(new_text.encode("utf-8")).entries:
        if not entry.obsolete:
            assert entry.comment == wanted[(entry.msgctxt, entry.msgid)]


# What polib loses, so that `xlate update` (src/xlate/jobs/catalogues.py, `read_catalog` reads
# with polib) refuses or rewrites a valid catalogue. Each is a minimal reproduction.

HEADER = ('msgid ""\nmsgstr ""\n"POT-Creation-Date: 2025-06-26 00:00+0000\\n"\n"Language: ko\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')


def _update_file(po_text: str, pot_text: str) -> tuple[int, str, str]:
    with _scratch_project() as root:
        (root / "locales" / "articles.pot").write_text(pot_text, encoding="utf-8")
        path = root / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
        path.write_bytes(po_text.encode("utf-8"))
        result = runner.invoke(app, ["update", "ko"])
        return result.exit_code, result.output, path.read_bytes().decode("utf-8")


POT = ('msgid ""\nmsgstr ""\n"POT-Creation-Date: 2025-06-26 00:00+0000\\n"\n'
       '"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr ""\n')


def test_update_reads_a_line_separator_in_a_translation():
    po = HEADER + 'msgid "a"\nmsgstr "x\u2028y"\n'
    code, output, written = _update_file(po, POT)
    assert code == 0, output
    assert written == po


def test_update_keeps_a_bell_escape():
    po = HEADER + 'msgid "a"\nmsgstr "x\\ay"\n'
    code, output, written = _update_file(po, POT)
    assert code == 0, output
    assert written == po


def test_update_keeps_trailing_blanks_of_a_translator_comment():
    po = HEADER + '# note \nmsgid "a"\nmsgstr "b"\n'
    code, output, written = _update_file(po, POT)
    assert code == 0, output
    assert written == po


def test_a_plural_translation_the_template_has_singular_keeps_its_first_form_as_msgmerge():
    """A plural message that became singular: msgmerge keeps msgstr[0] as the msgstr, marks
    the entry fuzzy and records the old msgid and msgid_plural; so does xlate update."""
    po = HEADER + '# note\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n'
    (entry,) = read_po(_update(po, POT).encode("utf-8")).entries
    assert (entry.msgid, entry.msgid_plural, entry.msgstr) == ("a", None, "x")
    assert entry.fuzzy and entry.tcomment == "note"
    assert (entry.previous_msgid, entry.previous_msgid_plural) == ("a", "as")
    if shutil.which("msgmerge"):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "ko.po").write_text(po, encoding="utf-8")
            (Path(folder) / "t.pot").write_text(POT, encoding="utf-8")
            done = subprocess.run(["msgmerge", "-q", "--previous", "ko.po", "t.pot"],
                                  cwd=folder, capture_output=True, check=True)
        (gnu,) = read_po(done.stdout).entries
        assert (gnu.msgstr, gnu.fuzzy, gnu.previous_msgid_plural) == ("x", True, "as")
