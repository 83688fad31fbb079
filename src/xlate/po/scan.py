"""The PO reader's fast path: catalogues as msgmerge, msgcat, Poedit, Weblate, Transifex and
polib write them, read in one tight loop (pure).

`scan(text)` reads what these tools write: LF line ends, comments of every kind, `#|` previous
fields, `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[N]`, each keyword followed by one
space and a string, continuation strings, the escapes `\\n \\t \\b \\r \\f \\v \\a \\\\ \\"`.
On anything else (CR, obsolete `#~` entries, octal or hex escapes, NUL or EOT anywhere, blanks
before a keyword, a keyword out of order, an unterminated string) it answers None, and
`read.py`'s full reader, which follows GNU gettext's lexer and grammar and reports its errors,
reads the file instead.
So the fast path never judges: it only accepts what the full reader reads the same way, and a
test holds the two equal on every file the corpus and the property tests give it.

Why it exists: the full reader dispatches every line through the grammar's methods, about
1.3 µs a line; the corpus of issue 11 (658,000 lines) spends 0.85 s there, more than half of
`xlate check`'s time with the repository's glossary.
"""

from __future__ import annotations

import re
from itertools import chain

from xlate.po.entry import PoEntry

_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}
# A whole string with only the simple escapes (a text with NUL or EOT goes to the full reader).
_STRING = re.compile(r'"((?:[^"\\]|\\[ntbrfva\\"])*)"')
_ESCAPE = re.compile(r"\\(.)")
_FLAG_SEPARATORS = re.compile(r"[,\s]+")
_BLANKS = " \t\r\f\v"
# States: what the entry being read has seen.
_START, _PREVIOUS, _CONTEXT, _MSGID, _PLURAL, _MSGSTR, _MSGSTRS = range(7)
_PREVIOUS_FIELDS = ("msgctxt", "msgid", "msgid_plural")


class _Pass(Exception):
    """The fast path cannot read this text; the full reader will."""


def _value(literal: str) -> str:
    """The value of `"..."` (the whole of `literal`); raises _Pass when it is anything else."""
    if "\\" not in literal:
        if literal.count('"') != 2 or literal[:1] != '"' or literal[-1] != '"':
            raise _Pass
        return literal[1:-1]
    match = _STRING.fullmatch(literal)
    if match is None:
        raise _Pass
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], match.group(1))


def scan(text: str) -> list[PoEntry] | None:
    """Every entry of `text` in file order, or None when the full reader must read it."""
    try:
        return _scan(text)
    except _Pass:
        return None


def _scan(text: str) -> list[PoEntry] | None:
    if "\r" in text or "#~" in text or "\x00" in text or "\x04" in text:
        return None
    found: list[PoEntry] = []
    append = found.append
    state = _START
    first = context_line = msgid_line = lineno = 0
    tcomments: list[str] = []
    comments: list[str] = []
    refs: list[str] = []
    flags: list[str] = []
    previous: dict[str, str] | None = None
    context: str | None = None
    msgid = ""
    plural: str | None = None
    msgstrs: list[str] = []
    msgstr_lines: list[int] = []
    current = ""  # the field a continuation string goes to ("#msgid" for a `#|` field)
    # A last "#" line after the text finishes the last entry where any comment would (a
    # trailing comment belongs to no entry), so an entry is built in one place only.
    for line in chain(text.split("\n"), ("#",)):
        lineno += 1
        if not line:
            continue
        head = line[0]
        if head == '"':
            if line[-1] == '"' and line.count('"') == 2 and "\\" not in line:
                value = line[1:-1]  # the common case, inline: one string, no escape
            else:
                value = _value(line.rstrip(_BLANKS))
            if current == "msgstr":
                msgstrs[-1] += value
            elif current == "msgid":
                msgid += value
            elif current == "msgctxt":
                context += value  # type: ignore[operator]
            elif current == "msgid_plural":
                plural += value  # type: ignore[operator]
            else:
                return None
            continue
        if head in _BLANKS:
            if line.strip(_BLANKS):
                return None
            continue
        if state >= _MSGSTR and line[:6] != "msgstr":  # the next entry begins
            is_plural = state == _MSGSTRS
            append(PoEntry(
                msgid, context, plural, "" if is_plural else msgstrs[0],
                tuple(msgstrs) if is_plural else (), tuple(flags), "\n".join(tcomments),
                "\n".join(comments), tuple(refs),
                *((previous.get("msgctxt"), previous.get("msgid"), previous.get("msgid_plural"))
                  if previous else (None, None, None)),
                False, first, context_line or None, msgid_line, msgstr_lines[0],
                tuple(msgstr_lines)))
            state, first, context_line = _START, 0, 0
            tcomments, comments, refs, flags, msgstrs, msgstr_lines = [], [], [], [], [], []
            previous, context, plural, current = None, None, None, ""
        if head == "#":
            mark = line[1:2]
            first = first or lineno
            if mark == "|":
                rest = line[2:]
                if rest[:1] != " " or state > _PREVIOUS:
                    return None
                if rest[1:2] == '"':
                    value = _value(rest[1:].rstrip(_BLANKS))
                    if previous is None or current[:1] != "#":
                        return None
                    previous[current[1:]] += value
                    continue
                keyword, space, literal = rest[1:].partition(" ")
                value = _value(literal.rstrip(_BLANKS))
                if not space or keyword not in _PREVIOUS_FIELDS \
                        or (previous is not None and keyword in previous):
                    return None
                if previous is None:
                    previous = {}
                previous[keyword] = value
                state, current = _PREVIOUS, "#" + keyword
                continue
            if state != _START:
                return None
            body = line[2:]
            if mark == "," or mark == "!":
                flags.extend(flag for flag in _FLAG_SEPARATORS.split(body) if flag)
            elif mark == ":":
                refs.extend(body.split())
            elif mark == ".":
                comments.append(body[1:] if body[:1] == " " else body)
            else:
                body = line[1:]
                tcomments.append(body[1:] if body[:1] == " " else body)
            continue
        keyword, space, literal = line.partition(" ")
        if literal[:1] == '"' and literal[-1] == '"' and literal.count('"') == 2 \
                and "\\" not in literal:
            value = literal[1:-1]  # the common case, inline
        else:
            value = _value(literal.rstrip(_BLANKS))
            if not space:
                return None
        if keyword == "msgid":
            if state > _CONTEXT:
                return None
            state, msgid, msgid_line, current = _MSGID, value, lineno, keyword
            first = first or lineno
        elif keyword == "msgstr":
            if state != _MSGID:
                return None
            state, current = _MSGSTR, keyword
            msgstrs.append(value)
            msgstr_lines.append(lineno)
        elif keyword == "msgctxt":
            if state > _PREVIOUS:
                return None
            state, context, context_line, current = _CONTEXT, value, lineno, keyword
            first = first or lineno
        elif keyword == "msgid_plural":
            if state != _MSGID:
                return None
            state, plural, current = _PLURAL, value, keyword
        elif keyword[:7] == "msgstr[" and keyword[-1] == "]" and keyword[7:-1].isdigit():
            number = int(keyword[7:-1])
            if not ((state == _PLURAL and number == 0)
                    or (state == _MSGSTRS and number == len(msgstrs))):
                return None
            state, current = _MSGSTRS, "msgstr"
            msgstrs.append(value)
            msgstr_lines.append(lineno)
        else:
            return None
    return found if state == _START else None
