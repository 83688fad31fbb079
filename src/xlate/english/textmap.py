"""Normalised text that remembers where each character came from.

Matching runs on a normalised copy of the text (NFC, one apostrophe, one hyphen, plain spaces),
but every finding must point at the original line and column. `normalize` returns the copy with a
compact offset map: most folds keep the length, so the map only records the few places where the
copy gets shorter or longer (`--` as a dash, soft hyphens, NFC composition).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

# One-for-one look-alikes folded for matching.
_SAME_LENGTH = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\uff07": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-",
    "\uff0d": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\t": " ",
})
# Folds that change the length: `--` used as a dash, invisible characters.
_RESIZING = re.compile("--|[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class Normalized:
    """The normalised text; `to_original` maps its offsets back."""

    text: str
    _starts: tuple[int, ...] = (0,)   # normalised offsets where the shift changes
    _shifts: tuple[int, ...] = (0,)   # original = normalised + shift from there on

    @property
    def is_identity(self) -> bool:
        """True when every offset is its own original (nothing changed length)."""
        return len(self._starts) == 1 and self._shifts[0] == 0

    def to_original(self, offset: int) -> int:
        if len(self._starts) == 1:
            return offset + self._shifts[0]
        index = bisect.bisect_right(self._starts, offset) - 1
        return offset + self._shifts[index]


def normalize(text: str) -> Normalized:
    """NFC; curly quotes and apostrophes straight; hyphen look-alikes `-`; no-break and other
    spaces a plain space; `--` an em dash; soft hyphens and zero-width characters removed."""
    if not unicodedata.is_normalized("NFC", text):
        return _normalize_slowly(text)
    folded = text.translate(_SAME_LENGTH)
    if not _RESIZING.search(folded):
        return Normalized(folded)
    pieces: list[str] = []
    starts, shifts = [0], [0]
    removed = last = 0
    for match in _RESIZING.finditer(folded):
        replacement = "\u2014" if match.group() == "--" else ""
        pieces += [folded[last:match.start()], replacement]
        # After the replacement, the copy is shorter by what this match dropped.
        starts.append(match.start() - removed + len(replacement))
        removed += len(match.group()) - len(replacement)
        shifts.append(removed)
        last = match.end()
    pieces.append(folded[last:])
    return Normalized("".join(pieces), tuple(starts), tuple(shifts))


def _normalize_slowly(text: str) -> Normalized:
    """The general case (text not in NFC): NFC run by run, where a run ends before a character
    that neither combines nor composes with it (conjoining jamo compose without combining)."""
    out: list[str] = []
    origin: list[int] = []
    run = 0
    nfc = unicodedata.normalize
    for i in range(1, len(text) + 1):
        if i < len(text):
            char = text[i]
            if unicodedata.combining(char) != 0:
                continue
            head = nfc("NFC", text[run:i])
            if nfc("NFC", text[run:i + 1]) != head + nfc("NFC", char):
                continue
        for char in nfc("NFC", text[run:i]):
            out.append(char)
            origin.append(run)
        run = i
    composed = "".join(out)
    base = (normalize(composed) if unicodedata.is_normalized("NFC", composed)
            else Normalized(composed))
    starts, shifts = [0], [0]
    for n in range(len(base.text)):
        shift = origin[base.to_original(n)] - n
        if shift != shifts[-1]:
            starts.append(n)
            shifts.append(shift)
    return Normalized(base.text, tuple(starts), tuple(shifts))


class LineIndex:
    """Offsets to 1-based (line, column); columns count code points."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1
