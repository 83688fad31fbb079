"""Writing PO files exactly as GNU gettext does (pure: a polib catalogue in, text out).

polib reads and models PO files; its writer wraps lines differently from `msgcat` (it counts
characters, not columns, and breaks only at spaces), so a catalogue saved by polib changes the
moment a translator runs msgmerge or Poedit. This writer follows GNU gettext's `write-po.c`:
the same field order, escapes, comment layout, reference wrapping, and string wrapping at 79
columns with libunistring's line breaking (see `linebreak`). A file it writes is a fixed point
of `msgcat` (tested with the real tool).
"""

from __future__ import annotations

from collections.abc import Iterable

import polib

from xlate.po.linebreak import fill

PAGE_WIDTH = 79
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\a": "\\a",
            "\b": "\\b", "\f": "\\f", "\v": "\\v"}


def escape(text: str) -> str:
    return "".join(_ESCAPES.get(char, char) for char in text)


def wrap_string(keyword: str, value: str, prefix: str = "",
                page_width: int = PAGE_WIDTH, wrap: bool = True) -> list[str]:
    """The lines of `keyword "value"`, wrapped as GNU gettext wraps them; with `wrap` false
    (the entry's `no-wrap` flag), broken after each newline only."""
    # Portions end after each newline of the value; each is wrapped on its own.
    portions: list[str] = []
    start = 0
    for index, char in enumerate(value):
        if char == "\n":
            portions.append(value[start:index + 1])
            start = index + 1
    if start < len(value) or not portions:
        portions.append(value[start:])
    lines: list[str] = []
    first = True
    after_break = len(prefix) + 1          # a continuation line starts after prefix and quote
    limit = page_width - 1 - after_break   # room for the closing quote
    for number, portion in enumerate(portions):
        escaped = escape(portion)
        # No break inside an escape sequence, nor just before the final "\n".
        forbid = set()
        i = 0
        while i < len(escaped):
            if escaped[i] == "\\":
                forbid.add(i + 1)
                i += 2
            else:
                i += 1
        if escaped.endswith("\\n") and len(escaped) >= 2:
            forbid.add(len(escaped) - 2)
        more = number < len(portions) - 1
        while True:
            column = len(prefix) + (len(keyword) + 1 if first else 0) + 1 - after_break
            breaks = fill(escaped, limit, column, forbid) if wrap else []
            if first and escaped and (more or (wrap and column > limit) or breaks):
                lines.append(f'{prefix}{keyword} ""')
                first = False
                continue
            break
        head = f"{prefix}{keyword} " if first else prefix
        first = False
        pieces = []
        last = 0
        for cut in breaks:
            pieces.append(escaped[last:cut])
            last = cut
        pieces.append(escaped[last:])
        lines.append(f'{head}"{pieces[0]}"')
        lines.extend(f'{prefix}"{piece}"' for piece in pieces[1:])
    return lines


def _references(occurrences: Iterable[tuple[str, str]], page_width: int) -> list[str]:
    lines: list[str] = []
    current = "#:"
    size = 2  # write-po.c measures the line in bytes (strlen), not in columns
    for path, line in dict.fromkeys(occurrences):  # GNU gettext lists a position once
        item = f"{path}:{line}" if line else path
        length = len(item.encode("utf-8"))
        if current != "#:" and size + 1 + length > page_width:
            lines.append(current)
            current, size = "#:", 2
        current += " " + item
        size += 1 + length
    if current != "#:":
        lines.append(current)
    return lines


def _comment_lines(marker: str, text: str) -> list[str]:
    # As write-po.c: each line as it is, trailing blanks kept (the reader keeps them too).
    return [f"{marker} {line}" if line else marker for line in text.split("\n")]


def format_entry(entry: polib.POEntry, page_width: int = PAGE_WIDTH) -> list[str]:
    """One entry, in GNU gettext's layout (obsolete entries with `#~`)."""
    lines: list[str] = []
    if entry.tcomment:
        lines += _comment_lines("#", entry.tcomment)
    if entry.comment and not entry.obsolete:
        lines += _comment_lines("#.", entry.comment)
    if entry.occurrences and not entry.obsolete:
        lines += _references(entry.occurrences, page_width)
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    wrap = "no-wrap" not in entry.flags  # GNU breaks such entries after newlines only
    prefix = "#~ " if entry.obsolete else ""
    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        lines += wrap_string("msgctxt", entry.previous_msgctxt, previous, page_width, wrap)
    if entry.previous_msgid is not None:
        lines += wrap_string("msgid", entry.previous_msgid, previous, page_width, wrap)
    if entry.previous_msgid_plural is not None:
        lines += wrap_string("msgid_plural", entry.previous_msgid_plural, previous, page_width,
                             wrap)
    if entry.msgctxt is not None:
        lines += wrap_string("msgctxt", entry.msgctxt, prefix, page_width, wrap)
    lines += wrap_string("msgid", entry.msgid, prefix, page_width, wrap)
    if entry.msgid_plural:
        lines += wrap_string("msgid_plural", entry.msgid_plural, prefix, page_width, wrap)
        for index in sorted(entry.msgstr_plural, key=int):
            lines += wrap_string(f"msgstr[{index}]", entry.msgstr_plural[index], prefix,
                                 page_width, wrap)
    else:
        lines += wrap_string("msgstr", entry.msgstr, prefix, page_width, wrap)
    return lines


def format_catalog(catalog: polib.POFile, page_width: int = PAGE_WIDTH) -> str:
    """The whole catalogue: header entry, active entries, then obsolete ones."""
    blocks: list[list[str]] = []
    header = polib.POEntry(msgid="", msgstr=_header_text(catalog))
    header.tcomment = catalog.header
    header.flags = ["fuzzy"] if getattr(catalog, "metadata_is_fuzzy", False) else []
    blocks.append(format_entry(header, page_width))
    for entry in catalog:
        if not entry.obsolete:
            blocks.append(format_entry(entry, page_width))
    for entry in catalog:
        if entry.obsolete:
            blocks.append(format_entry(entry, page_width))
    return "\n".join("\n".join(block) + "\n" for block in blocks)


def _header_text(catalog: polib.POFile) -> str:
    return "".join(f"{key}: {value}\n" for key, value in catalog.ordered_metadata())
