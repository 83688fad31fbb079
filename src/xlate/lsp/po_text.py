"""Where each character of a PO string is written in the file (pure: lines in, positions out).

xlate's PO reader gives each keyword's line; a finding inside a msgstr, a hover over a term of
a msgid, need the character. A string field is its keyword's quoted string and the quoted
strings on the lines after it; escapes (`\\n`, `\\"`, octal, hex) are one character of the
value written as several of the file. Columns here are 0-based code points of the line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}
_OCTAL = re.compile(r"[0-7]{1,3}")
_HEX = re.compile(r"x[0-9a-fA-F]+")


@dataclass(frozen=True)
class StringMap:
    """A field's value and, for each of its characters, (0-based line, first column, end
    column) of what writes it."""

    value: str
    spans: tuple[tuple[int, int, int], ...]

    def span(self, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """(line, column) of the start and the end of value[start:end]; None when empty."""
        if not self.spans or start >= end or end > len(self.spans):
            return None
        first, last = self.spans[start], self.spans[end - 1]
        return (first[0], first[1]), (last[0], last[2])

    def whole(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        return self.span(0, len(self.spans))

    def at(self, line: int, column: int) -> int | None:
        """The index in `value` of the character written at (line, column), if any."""
        for index, (where, start, end) in enumerate(self.spans):
            if where == line and start <= column < end:
                return index
        return None


def _quoted(line: str, start: int, number: int, value: list[str],
            spans: list[tuple[int, int, int]]) -> bool:
    """Read the quoted string that opens at `start` in `line`; False when there is none."""
    if start >= len(line) or line[start] != '"':
        return False
    index = start + 1
    while index < len(line) and line[index] != '"':
        if line[index] == "\\" and index + 1 < len(line):
            after = line[index + 1:]
            octal = _OCTAL.match(after)
            hexa = _HEX.match(after)
            if after[0] in _ESCAPES:
                value.append(_ESCAPES[after[0]])
                length = 2
            elif octal:
                value.append(chr(int(octal.group(), 8)))
                length = 1 + len(octal.group())
            elif hexa:
                value.append(chr(int(hexa.group()[1:], 16) & 0xFF))
                length = 1 + len(hexa.group())
            else:
                value.append(after[0])
                length = 2
            spans.append((number, index, index + length))
            index += length
            continue
        value.append(line[index])
        spans.append((number, index, index + 1))
        index += 1
    return True


def field(lines: Sequence[str], keyword_line: int, keyword: str) -> StringMap | None:
    """The string of `keyword` (msgid, msgstr, msgstr[1] ...) on 1-based `keyword_line` and
    its continuation lines; None when the keyword is not there."""
    number = keyword_line - 1
    if not 0 <= number < len(lines):
        return None
    line = lines[number]
    match = re.match(rf"\s*{re.escape(keyword)}\s*", line)
    if match is None:
        return None
    value: list[str] = []
    spans: list[tuple[int, int, int]] = []
    if not _quoted(line, match.end(), number, value, spans):
        return None
    for later in range(number + 1, len(lines)):
        text = lines[later]
        stripped = len(text) - len(text.lstrip())
        if not _quoted(text, stripped, later, value, spans):
            break
    return StringMap("".join(value), tuple(spans))


def is_translator_comment(line: str) -> bool:
    """`# text` or a bare `#`: not `#.`, `#:`, `#,`, `#|` or `#~`."""
    stripped = line.rstrip("\r")
    return stripped == "#" or stripped.startswith(("# ", "#\t"))


def ignore_insertion_line(lines: Sequence[str], entry_line: int) -> int:
    """The 0-based line before which a new translator comment of the entry starting on
    1-based `entry_line` goes: after the translator comments it has, before its other
    comments (`#.`, `#:`, `#,`, `#|`), as GNU gettext orders them."""
    number = entry_line - 1
    last = None
    while 0 <= number < len(lines) and lines[number].startswith("#"):
        if is_translator_comment(lines[number]):
            last = number
        number += 1
    return entry_line - 1 if last is None else last + 1
