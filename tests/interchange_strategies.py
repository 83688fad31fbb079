"""Hypothesis strategies for glossaries, shared by the interchange tests (TBX, JSON, TOML).

Loaded by path (see `load_strategies` in the tests), so it needs no package. The values follow
what the TOML loader produces: form texts are non-empty, stripped and free of tabs and line
breaks; notes are stripped and may hold line breaks, tabs and CR. All characters are legal in
XML 1.0 (no C0 controls other than tab, LF, CR; no surrogates; no U+FFFE/U+FFFF), because XML can
hold no others and TOML glossaries are read from XML on import.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

_ILLEGAL = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
_SPICE = "<>&\"'\\;:=|#[]{} 위성락魏聖洛大統領É😀\u00a0\u200b"
_line_chars = st.one_of(st.characters(codec="utf-8", exclude_characters=_ILLEGAL + "\t\n\r"),
                        st.sampled_from(_SPICE))
_note_chars = st.one_of(_line_chars, st.sampled_from("\n\r\t"))
_TRICKY = ["xlate:kind=person", "xlate:", '"""', "]]>", "&amp;", "a\r\nb", "'''"]

texts = st.one_of(st.text(_line_chars, min_size=1, max_size=12),
                  st.sampled_from(_TRICKY[:5])).map(str.strip).filter(bool)
notes = st.one_of(st.just(""), st.text(_note_chars, max_size=24),
                  st.sampled_from(_TRICKY)).map(str.strip)
dates = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))
ids = st.builds(str.__add__, st.sampled_from("abcdefghijklmnopqrstuvwxyz"),
                st.text("abcdefghijklmnopqrstuvwxyz0123456789_", max_size=10))
LOCALES = ("ko", "ja", "fr", "zh-Hant", "pt-BR")
_ORDER = list(Status)


@st.composite
def forms(draw, *, grouped: bool = True, min_size: int = 1, preferred_first: bool = False):
    """A tuple of forms; `grouped` sorts them by status the way the TOML loader returns them."""
    items = draw(st.lists(st.builds(Form, texts, st.sampled_from(_ORDER), dates, dates, notes),
                          min_size=min_size, max_size=4))
    if preferred_first and items:
        first = items[0]
        items[0] = Form(first.text, Status.PREFERRED, first.valid_from, first.valid_until,
                        first.note)
    if grouped:
        items.sort(key=lambda f: _ORDER.index(f.status))
    return tuple(items)


@st.composite
def entries(draw, *, grouped: bool = True, id_strategy=ids):
    """An entry with a preferred source form (the TOML format requires `canonical`)."""
    locales = draw(st.lists(st.sampled_from(LOCALES), unique=True, max_size=3))
    renderings = {loc: Rendering(loc, draw(forms(grouped=grouped, min_size=0)), draw(notes))
                  for loc in locales}
    return Entry(
        id=draw(id_strategy),
        kind=draw(st.sampled_from(list(Kind))),
        forms=draw(forms(grouped=grouped, preferred_first=True)),
        renderings=renderings,
        case_sensitive=draw(st.booleans()),
        hangul=draw(st.one_of(st.none(), texts)),
        hanja=draw(st.one_of(st.none(), texts)),
        see=tuple(draw(st.lists(ids, max_size=3))),
        note=draw(notes))


def glossaries(*, grouped: bool = False, max_size: int = 3):
    return st.lists(entries(grouped=grouped), max_size=max_size,
                    unique_by=lambda e: e.id).map(lambda es: Glossary(tuple(es)))
