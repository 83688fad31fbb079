"""xlate.po.read against polib and GNU gettext.

(a) Differential, on the 1,296 catalogues of the Django and Sphinx wheels (tests/corpus.py):
the reader yields what `polib.pofile` yields for every entry, obsolete ones included, and the
same metadata; where they differ, GNU msgcat is the judge and the case is named in DIFFERENCES.
(b) Properties, with hypothesis: what `format_catalog` writes the reader reads back exactly,
and it reads msgcat's rewriting of that file to the same values.
(c) The reader's fast path (`xlate.po.scan`) reads every corpus file and every generated or
mutated catalogue exactly as the full reader does, or leaves it to the full reader.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.errors import PoSyntaxError
from xlate.po.read import PoEntry, _Parser, decode, read_po
from xlate.po.scan import scan
from xlate.po.write import format_catalog

# The session fixture corpus.
pytest_plugins = ["corpus_fixtures"]

# {corpus path suffix: why the reader and polib differ there, and what msgcat says}. Empty: on
# all 1,296 files the two agree on every field; the cases where polib departs from GNU gettext
# (`##` and trailing blanks in comments, `#,` flags separated by blanks, `#~|` previous fields,
# `\a` and octal escapes, strings polib truncates) occur in none of them. Keep each new case
# here with its reason, e.g. "polib keeps 'X'; msgcat reads 'Y'".
DIFFERENCES: dict[str, str] = {}


def _polib_values(entry: polib.POEntry) -> tuple:
    plural = bool(entry.msgid_plural)
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None,
            "" if plural else entry.msgstr,
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)) if plural else (),
            tuple(entry.flags), entry.tcomment, entry.comment,
            tuple(f"{path}:{line}" if line else path for path, line in entry.occurrences),
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural,
            bool(entry.obsolete))


def _values(entry: PoEntry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, entry.msgstr_plural,
            entry.flags, entry.tcomment, entry.comment, entry.occurrences,
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural,
            entry.obsolete)


def _difference(path: Path, data: bytes) -> str | None:
    ours = read_po(data, str(path))
    theirs = polib.pofile(str(path))
    if ours.metadata != theirs.metadata:
        return f"metadata: {ours.metadata} != {theirs.metadata}"
    header = ours.header.tcomment if ours.header else ""
    if header != theirs.header:
        return f"header comment {header!r} != {theirs.header!r}"
    if len(ours.entries) != len(theirs):
        return f"{len(ours.entries)} entries != {len(theirs)}"
    for index, (entry, other) in enumerate(zip(ours.entries, theirs, strict=True)):
        if _values(entry) != _polib_values(other):
            return f"entry {index} (line {entry.line}): {_values(entry)} != {_polib_values(other)}"
        if index and entry.line != other.linenum:  # polib numbers its first entry 0
            return f"entry {index}: line {entry.line} != polib's {other.linenum}"
    return None


def test_reader_agrees_with_polib_on_the_corpus(corpus):
    found = {}
    for path in corpus:
        difference = _difference(path, path.read_bytes())
        key = "/".join(path.parts[-5:])
        if difference is not None and key not in DIFFERENCES:
            found[key] = difference
    assert not found, "\n".join(f"{key}: {why}" for key, why in sorted(found.items())[:20])
    stale = set(DIFFERENCES) - {"/".join(path.parts[-5:]) for path in corpus}
    assert not stale, f"DIFFERENCES names files the corpus lacks: {sorted(stale)}"


# (b) Properties: writer then reader is lossless; the reader agrees with msgcat.

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",),
                              exclude_characters="\0\x04"), max_size=40)
_RICH = st.one_of(_TEXT, st.sampled_from(['"', "\\", "\n", "\t", "a\\n", 'say "hi"\n', "위성락",
                                          "line\nline\n", "\\\"", "\r", "\u2028\u0085"]))
# Comments as format_catalog writes them: one line each, no edge blanks (it strips them).
_COMMENT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp", "Cc")),
                   max_size=30).map(str.strip).filter(lambda text: not text.endswith("\\"))
# (A backslash at the end of a line joins the next line in GNU's lexer, comments included, and
# the reader does the same; a comment written with one could not be read back by any tool.)
_FLAG = st.sampled_from(["fuzzy", "python-format", "c-format", "no-wrap"])
_REF = st.from_regex(r"[a-z]{1,8}(/[a-z]{1,8})?\.py:[1-9][0-9]{0,3}", fullmatch=True)


@st.composite
def _entries(draw) -> polib.POEntry:
    plural = draw(st.booleans())
    obsolete = draw(st.booleans())
    entry = polib.POEntry(msgid=draw(_RICH.filter(bool)), obsolete=obsolete)
    entry.msgctxt = draw(st.none() | _RICH)
    if plural:
        entry.msgid_plural = draw(_RICH.filter(bool))
        entry.msgstr_plural = {i: draw(_RICH) for i in range(draw(st.integers(1, 4)))}
    else:
        entry.msgstr = draw(_RICH)
    entry.tcomment = "\n".join(draw(st.lists(_COMMENT, max_size=2)))
    if not obsolete:  # GNU writes neither extracted comments nor references for obsolete ones
        entry.comment = "\n".join(draw(st.lists(_COMMENT.filter(bool), max_size=2)))
        entry.occurrences = [tuple(ref.split(":")) for ref in
                             dict.fromkeys(draw(st.lists(_REF, max_size=3)))]
    entry.flags = sorted(set(draw(st.lists(_FLAG, max_size=2))), key=lambda f: (f != "fuzzy", f))
    if not (entry.msgstr_plural.get(0) if plural else entry.msgstr):
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]  # GNU drops it there
    if draw(st.booleans()):
        entry.previous_msgid = draw(_RICH)
        entry.previous_msgctxt = draw(st.none() | _RICH)
    return entry


@st.composite
def _catalogues(draw) -> polib.POFile:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ko"}
    keys = set()
    for entry in draw(st.lists(_entries(), max_size=6)):
        if (entry.msgctxt, entry.msgid) not in keys:  # duplicates are no catalogue
            keys.add((entry.msgctxt, entry.msgid))
            catalogue.append(entry)
    return catalogue


def _expected(catalogue: polib.POFile) -> list[tuple]:
    actives = [entry for entry in catalogue if not entry.obsolete]
    return [_polib_values(entry) for entry in actives + [e for e in catalogue if e.obsolete]]


def _written(catalogue: polib.POFile) -> bytes:
    return format_catalog(catalogue).encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(_catalogues())
def test_what_the_writer_writes_the_reader_reads_back(catalogue):
    read = read_po(_written(catalogue))
    assert [_values(entry) for entry in read.entries] == _expected(catalogue)
    assert read.metadata == catalogue.metadata


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="GNU msgcat is not installed")
@settings(max_examples=25, deadline=None)
@given(_catalogues())
def test_the_reader_agrees_with_msgcat(catalogue):
    written = _written(catalogue)
    done = subprocess.run(["msgcat", "--force-po", "-"], input=written, capture_output=True)
    assert done.returncode == 0, (written.decode(), done.stderr.decode())
    ours = read_po(written)
    gnu = read_po(done.stdout)
    # msgcat drops obsolete entries whose first msgstr is empty (msgl-cat.c): a writing
    # choice, not a reading one.
    kept = [entry for entry in ours.entries
            if not entry.obsolete or (entry.msgstr_plural or (entry.msgstr,))[0]]
    def unordered(entry: PoEntry) -> tuple:  # msgcat orders flags its own way
        return (*_values(entry), sorted(entry.flags))[:5] + _values(entry)[6:]

    assert [unordered(e) for e in gnu.entries] == [unordered(e) for e in kept]
    assert [sorted(e.flags) for e in gnu.entries] == [sorted(e.flags) for e in kept]
    assert gnu.metadata == ours.metadata


# (c) The fast path (xlate.po.scan) against the full reader: it reads a text exactly as the full
# reader does, or passes it on (None); it never accepts what the full reader rejects.

def _full(text: str) -> list[PoEntry]:
    return list(_Parser(text, "<po>", "utf-8").full_entries())


def test_the_fast_path_reads_the_corpus_as_the_full_reader_does(corpus):
    passed = []
    for path in corpus:
        text, _ = decode(path.read_bytes())
        fast = scan(text)
        if fast is None:
            passed.append(path.name)
        else:
            assert fast == _full(text), path
    # Every file of the corpus is one the fast path reads: what real tools write.
    assert not passed, passed[:10]


def _mutate(text: str, edits: list[tuple[int, int, str]]) -> str:
    lines = text.split("\n")
    for kind, at, piece in edits:
        at %= len(lines)
        if kind == 0:
            del lines[at]
        elif kind == 1:
            lines.insert(at, lines[at])
        elif kind == 2:
            lines[at] = piece + lines[at]
        else:
            cut = len(lines[at]) // 2
            lines[at] = lines[at][:cut] + piece + lines[at][cut:]
        if not lines:
            lines = [""]
    return "\n".join(lines)


_PIECES = st.sampled_from(['"', "\\", " ", "\t", "#", "#~ ", "#| ", "#, ", "\r", "\0", "x",
                           'msgid "z"', 'msgstr "z"', "msgstr[1] ", "msgctxt ", "\\x41", "\\101"])


@settings(max_examples=300, deadline=None)
@given(_catalogues(), st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), _PIECES),
                               max_size=3))
def test_the_fast_path_never_reads_a_text_differently(catalogue, edits):
    text = _mutate(_written(catalogue).decode("utf-8"), edits)
    fast = scan(text)
    try:
        full = _full(text)
    except PoSyntaxError:
        assert fast is None, text
        return
    assert fast is None or fast == full, text
