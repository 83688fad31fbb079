"""Positions as the Language Server Protocol counts them (pure: text in, numbers out).

xlate reports 1-based lines and 1-based columns in code points; LSP wants 0-based lines and a
`character` counted in the units of the position encoding client and server agreed on:
UTF-16 code units by default (an emoji or another astral character is two), UTF-8 bytes (a
Hangul syllable is three), or UTF-32 code points. Lines end at LF, as xlate counts them (a CR
before it stays out of every range); a lone CR is not a line break here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF8, UTF16, UTF32)


def width(char: str, encoding: str) -> int:
    """How many units of `encoding` one code point takes."""
    point = ord(char)
    if encoding == UTF16:
        return 2 if point > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    return 1


def units(text: str, encoding: str) -> int:
    """The length of `text` in units of `encoding`."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


@dataclass(frozen=True)
class Position:
    line: int  # 0-based
    character: int  # in units of the encoding


class LineMap:
    """A text's lines, to move between string offsets, xlate's (line, column) and LSP
    positions in one encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r}")
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, number: int) -> str:
        """The text of 0-based line `number`, without its line ending ('' past the end)."""
        if not 0 <= number < len(self.starts):
            return ""
        start = self.starts[number]
        if number + 1 == len(self.starts):
            return self.text[start:]
        text = self.text[start:self.starts[number + 1] - 1]
        return text[:-1] if text.endswith("\r") else text  # CRLF: the CR is the line's end

    @property
    def lines(self) -> int:
        return len(self.starts)

    def position(self, offset: int) -> Position:
        """The LSP position of string offset `offset` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        number = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[number]
        before = self.text[start:offset]
        limit = len(self.line(number))
        return Position(number, units(before[:limit], self.encoding))

    def offset(self, position: Position) -> int:
        """The string offset of an LSP position. A line past the end is the end of the text; a
        character past the line's end is its end, and one inside a character (half of a
        surrogate pair, a byte inside a UTF-8 sequence) that character's start."""
        if position.line >= len(self.starts):
            return len(self.text)
        start = self.starts[max(0, position.line)]
        text = self.line(max(0, position.line))
        if self.encoding == UTF32 or text.isascii():
            return start + max(0, min(position.character, len(text)))
        count = 0
        for index, char in enumerate(text):
            count += width(char, self.encoding)
            if count > position.character:
                return start + index
        return start + len(text)

    def from_xlate(self, line: int, column: int) -> Position:
        """The LSP position of xlate's 1-based line and 1-based code-point column."""
        number = max(0, min(line - 1, len(self.starts) - 1))
        text = self.line(number)
        return Position(number, units(text[:max(0, column - 1)], self.encoding))

    def line_end(self, number: int) -> Position:
        """The end of 0-based line `number`."""
        return Position(number, units(self.line(number), self.encoding))
