"""Hypothesis strategies for gettext catalogues (polib models), shared by the property tests of
writing, reading and merging (test_properties_roundtrip.py, test_properties_update.py).

Imported by name (tests/ is on sys.path, as for interchange_strategies). The catalogues hold
what real ones hold: msgctxt, plurals, obsolete entries (#~), previous msgids (#|), translator
and extracted comments, references and flags, and text that trips writers and readers up:
combining marks, right-to-left text and controls, emoji sequences, NBSP, U+2028 and U+0085
(line breaks for str.splitlines, not for PO files), tabs, CR, quotes and backslashes.

What no tool can write is left out, and why is said where: NUL and EOT (msgfmt refuses them),
lone surrogates (no UTF-8), a comment line ending in a backslash (GNU's lexer joins it with the
next line) or in CR (a CRLF file's line end).
"""

from __future__ import annotations

import polib
from hypothesis import strategies as st

from xlate.po.read import PoEntry

# Pieces that have broken PO writers and readers, mixed into arbitrary text.
ODD = [
    "e\u0301", "\u0301", "\u0915\u094d\u0937",        # combining acute; a Devanagari conjunct
    "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",  # Hebrew, Arabic
    "\u200f", "\u202e", "\u2066x\u2069",                # RLM, RLO, an isolate
    "😀", "👩\u200d👩\u200d👧", "🇰🇷", "\ufe0f",        # emoji, ZWJ sequence, flag, VS16
    "\u00a0", "\u202f", "\u2028", "\u2029", "\u0085", "\u200b", "\ufeff",
    "\t", "\r", "\n", "\r\n", " ", "  ",
    '"', "\\", "\\n", '\\"', "\\\\", "'", "\u201c\u201d", "\u00ab \u00bb",
    "위성락", "李在明（イ・ジェミョン）", "「大統領」、", "Lee Jae Myung",
    "%d", "%(name)s", "{0}", "#", "#~", "#|", "msgid", 'msgstr ""', "\x7f", "\x01",
]
_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\0\x04")
# A value: arbitrary text, odd pieces, and long runs that the writer must wrap.
TEXT = st.lists(st.one_of(st.text(_CHARS, max_size=8), st.sampled_from(ODD),
                          st.sampled_from(["word " * 9, "긴문장" * 12, "a" * 90])),
                max_size=6).map("".join)
# One comment line: anything but LF; not ending in a backslash or CR (see the docstring).
_COMMENT_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",),
                               exclude_characters="\0\x04\n")
_COMMENT_LINE = st.lists(st.one_of(st.text(_COMMENT_CHARS, max_size=8),
                                   st.sampled_from([p for p in ODD if "\n" not in p])),
                         max_size=4).map("".join).filter(
                             lambda line: not line.endswith(("\\", "\r")))
COMMENT = st.lists(_COMMENT_LINE, max_size=3).map("\n".join)
# Flags, in the order GNU gettext writes them (fuzzy, format flags by language, wrapping), never
# contradicting each other (msgcat resolves `c-format, no-c-format` its own way).
GNU_FLAG_ORDER = ["fuzzy", "c-format", "no-c-format", "python-format", "no-python-format",
                  "python-brace-format", "no-wrap"]
FLAGS = st.lists(st.sampled_from(GNU_FLAG_ORDER), max_size=3, unique=True).filter(
    lambda flags: not any(f"no-{flag}" in flags for flag in flags)).map(
        lambda flags: sorted(flags, key=GNU_FLAG_ORDER.index))
REF = st.builds(lambda folder, name, line: (f"{folder}{name}.txt", line),
                st.sampled_from(["", "seeds/", "src/ü/"]),
                st.text("abcdefghijklmnopqrstuvwxyz_-", min_size=1, max_size=10),
                st.sampled_from(["", "1", "7", "42", "1234"]))


@st.composite
def entries(draw, *, msgid=None, msgctxt=None, obsolete=None, text=None) -> polib.POEntry:
    """One entry with any of the fields a catalogue entry may carry."""
    strings = TEXT if text is None else text
    obsolete = draw(st.booleans()) if obsolete is None else obsolete
    entry = polib.POEntry(msgid=draw(strings.filter(bool)) if msgid is None else msgid,
                          obsolete=obsolete)
    entry.msgctxt = draw(st.none() | strings) if msgctxt is None else msgctxt
    if draw(st.integers(0, 4)) == 0:
        entry.msgid_plural = draw(strings.filter(bool))
        entry.msgstr_plural = {i: draw(strings) for i in range(draw(st.integers(1, 4)))}
    else:
        entry.msgstr = draw(strings)
    entry.tcomment = draw(COMMENT)
    if not obsolete:  # GNU writes neither extracted comments nor references for obsolete ones
        entry.comment = draw(COMMENT)
        entry.occurrences = list(dict.fromkeys(draw(st.lists(REF, max_size=4))))
    entry.flags = draw(FLAGS)
    if draw(st.booleans()):
        entry.previous_msgid = draw(strings)
        entry.previous_msgctxt = draw(st.none() | strings)
        if entry.msgid_plural and draw(st.booleans()):
            entry.previous_msgid_plural = draw(strings)
    return entry


METADATA_VALUE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl",
                                                                          "Zp")),
                         max_size=20).map(str.strip)


@st.composite
def catalogues(draw, *, max_entries: int = 8, text=None) -> polib.POFile:
    """A catalogue: a header (comment, fuzzy or not, metadata) and entries, no two with the
    same msgctxt and msgid (that is no catalogue: msgfmt refuses it)."""
    catalogue = polib.POFile()
    catalogue.header = draw(COMMENT)
    catalogue.metadata_is_fuzzy = draw(st.booleans())
    catalogue.metadata = {"Project-Id-Version": draw(METADATA_VALUE),
                          "Language": draw(st.sampled_from(["ko", "ja", "fr", "ar", "he"])),
                          "MIME-Version": "1.0",
                          "Content-Type": "text/plain; charset=UTF-8",
                          "Content-Transfer-Encoding": "8bit",
                          "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    if draw(st.booleans()):
        catalogue.metadata["X-Note"] = draw(METADATA_VALUE)
    keys = set()
    for entry in draw(st.lists(entries(text=text), max_size=max_entries)):
        if (entry.msgctxt, entry.msgid) not in keys:
            keys.add((entry.msgctxt, entry.msgid))
            catalogue.append(entry)
    return catalogue


def polib_values(entry: polib.POEntry) -> tuple:
    """An entry's values in the order of `values` (references as `path:line`)."""
    plural = bool(entry.msgid_plural)
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None,
            "" if plural else entry.msgstr,
            tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural, key=int))
            if plural else (),
            tuple(entry.flags), entry.tcomment, entry.comment,
            tuple(f"{path}:{line}" if line else path for path, line in entry.occurrences),
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural,
            bool(entry.obsolete))


def values(entry: PoEntry) -> tuple:
    """What xlate's reader read of an entry, without line numbers."""
    return (entry.msgctxt, entry.msgid, entry.msgid_plural, entry.msgstr, entry.msgstr_plural,
            entry.flags, entry.tcomment, entry.comment, entry.occurrences,
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural,
            entry.obsolete)


def in_file_order(catalogue: polib.POFile) -> list[polib.POEntry]:
    """The entries as the writer orders them: active ones, then obsolete ones."""
    return [e for e in catalogue if not e.obsolete] + [e for e in catalogue if e.obsolete]


def to_polib(entry: PoEntry) -> polib.POEntry:
    """xlate's reading of an entry as a polib entry, for the writer."""
    out = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, tcomment=entry.tcomment,
                        comment=entry.comment, flags=list(entry.flags), obsolete=entry.obsolete,
                        occurrences=[tuple(ref.rsplit(":", 1)) if ":" in ref else (ref, "")
                                     for ref in entry.occurrences],
                        previous_msgctxt=entry.previous_msgctxt,
                        previous_msgid=entry.previous_msgid,
                        previous_msgid_plural=entry.previous_msgid_plural)
    if entry.msgid_plural is not None:
        out.msgid_plural = entry.msgid_plural
        out.msgstr_plural = dict(enumerate(entry.msgstr_plural))
    else:
        out.msgstr = entry.msgstr
    return out


# Text in the scripts that `xlate.po.linebreak` models (Latin, Greek, Cyrillic, Hangul, kana,
# CJK, fullwidth forms, general punctuation, emoji) with Hebrew and Arabic letters and the odd
# pieces above; for comparing line breaks with msgcat, which also knows Thai dictionaries,
# unassigned code points and every other script's classes.
_RANGES = [(0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x5D0, 0x5EA), (0x620, 0x64A),
           (0x3000, 0x30FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFF01, 0xFF9F),
           (0x1F300, 0x1F64F)]
_NEWS_CHARS = st.one_of([st.characters(min_codepoint=low, max_codepoint=high,
                                       exclude_categories=("Cn", "Co", "Cs", "Cc"))
                         for low, high in _RANGES] + [st.sampled_from("‐‑–—‘’“”„«»‹›…‥′″‰€")])
NEWS_TEXT = st.lists(st.one_of(st.text(_NEWS_CHARS, max_size=8), st.sampled_from(ODD),
                               st.sampled_from(["word " * 9, "긴문장" * 12, "a" * 90])),
                     max_size=8).map("".join)
