"""C501's python-format verdicts are babel's, asked once per msgid and placeholder signature:
the cache must give, for every entry, exactly what asking babel afresh gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.check.gettext import _babel_python_format, python_format_error
from xlate.po.entry import PoEntry

_PIECE = st.sampled_from(["%s", "%d", "%i", "%r", "%%", "%(n)s", "%(n)d", "%(m)s", "%*d",
                          "%5.2f", "%(n)", "% d", "files", "위", " ", "%"])
_FORMAT = st.lists(_PIECE, max_size=4).map("".join)


@st.composite
def _entries(draw) -> PoEntry:
    msgid = draw(_FORMAT)
    if draw(st.booleans()):
        return PoEntry(msgid=msgid or "x", msgid_plural=draw(_FORMAT),
                       msgstr_plural=tuple(draw(st.lists(_FORMAT, min_size=1, max_size=3))),
                       flags=("python-format",))
    return PoEntry(msgid=msgid or "x", msgstr=draw(_FORMAT), flags=("python-format",))


@settings(max_examples=300, deadline=None)
@given(st.lists(_entries(), min_size=1, max_size=12))
def test_cached_verdicts_are_babels(entries):
    cache: dict = {}
    for entry in entries:
        assert python_format_error(entry, cache) == _babel_python_format(entry)


def test_one_msgid_two_translations_two_verdicts():
    cache: dict = {}
    good = PoEntry(msgid="%(n)s files", msgstr="%(n)s fichiers", flags=("python-format",))
    bad = PoEntry(msgid="%(n)s files", msgstr="%s fichiers", flags=("python-format",))
    assert python_format_error(good, cache) is None
    assert python_format_error(bad, cache) == "the format strings are of different kinds"
    assert python_format_error(good, cache) is None
    assert len(cache) == 2
