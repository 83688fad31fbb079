"""Line breaking as GNU gettext does it, so that xlate's PO files are a fixed point of `msgcat`.

GNU gettext wraps PO strings with libunistring: break opportunities from the Unicode line
breaking algorithm (UAX #14, pair-table form), widths in terminal columns (East Asian wide and
fullwidth characters count 2), and a greedy fill. Korean is therefore broken between any two
syllables and Japanese between any two ideographs or kana, which is what translators see after
running msgmerge or Poedit; matching it exactly means no diff noise when tools alternate.

This module implements that for the characters news copy uses (Latin, Hangul, kana, CJK
ideographs and the punctuation around them, Hebrew and Arabic letters with their bidi controls,
emoji, flags and ZWJ sequences, the line separators U+2028, U+2029 and NEL); the tests compare
it with the real `msgcat` (tests/test_properties_roundtrip.py generates such text). The
pair table was calibrated against GNU gettext 0.21 (Debian's, with libunistring 1.0), whose
rules are older than the current UAX #14 in three places: no LB29 (a full stop or comma may be
followed by a break before a letter), LB16 for CL only, and no break before an ellipsis at all.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Line breaking classes used here (UAX #14).
_ASCII = {
    "!": "EX", '"': "QU", "#": "AL", "$": "PR", "%": "PO", "&": "AL", "'": "QU", "(": "OP",
    ")": "CP", "*": "AL", "+": "PR", ",": "IS", "-": "HY", ".": "IS", "/": "SY", ":": "IS",
    ";": "IS", "<": "AL", "=": "AL", ">": "AL", "?": "EX", "@": "AL", "[": "OP", "\\": "PR",
    "]": "CP", "^": "AL", "_": "AL", "`": "AL", "{": "OP", "|": "BA", "}": "CL", "~": "AL",
    " ": "SP",
}
_SPECIAL = {
    "\u00a0": "GL", "\u202f": "GL", "\u2007": "GL", "\u2011": "GL", "\u0f0c": "GL",
    "\u00ab": "QU", "\u00bb": "QU", "\u2018": "QU", "\u2019": "QU", "\u201a": "OP",
    "\u201b": "QU", "\u201c": "QU", "\u201d": "QU", "\u201e": "OP", "\u201f": "QU",
    "\u2039": "QU", "\u203a": "QU",
    "\u2010": "BA", "\u2012": "BA", "\u2013": "BA", "\u2014": "B2", "\u2026": "IN",
    "\u2025": "IN", "\u00ad": "BA", "\u2027": "BA", "\u00b4": "BB", "\u02c8": "BB",
    "\u00b0": "PO", "\u2030": "PO", "\u2032": "PO", "\u2033": "PO", "\u00a2": "PO",
    "\u00a3": "PR", "\u00a5": "PR", "\u20ac": "PR", "\u00b1": "PR", "\u2116": "PR",
    "\u200b": "ZW", "\u2060": "WJ", "\ufeff": "WJ",
    "\u3001": "CL", "\u3002": "CL", "\uff0c": "CL", "\uff0e": "CL", "\ufe50": "CL",
    "\ufe52": "CL", "\uff61": "CL", "\uff64": "CL",
    "\u300c": "OP", "\u300d": "CL", "\u300e": "OP", "\u300f": "CL", "\u3008": "OP",
    "\u3009": "CL", "\u300a": "OP", "\u300b": "CL", "\u3010": "OP", "\u3011": "CL",
    "\u3014": "OP", "\u3015": "CL", "\uff08": "OP", "\uff09": "CL", "\uff3b": "OP",
    "\uff3d": "CL", "\uff5b": "OP", "\uff5d": "CL", "\uff62": "OP", "\uff63": "CL",
    "\u30fb": "NS", "\uff65": "NS", "\u301c": "NS", "\u30a0": "NS", "\u30fc": "NS",
    "\u30fd": "NS", "\u30fe": "NS", "\u309d": "NS", "\u309e": "NS", "\u3005": "NS",
    "\u303b": "NS", "\u309b": "NS", "\u309c": "NS", "\uff70": "NS", "\uff9e": "NS",
    "\uff9f": "NS", "\u203c": "NS", "\u2047": "NS", "\u2048": "NS", "\u2049": "NS",
    "\uff01": "EX", "\uff1f": "EX", "\uff1a": "NS", "\uff1b": "NS", "\uff0f": "ID",
    "\u3000": "BA", "\u00b7": "AL", "\u318d": "AL",
    "\u00a1": "OP", "\u00bf": "OP", "\u00a4": "PR",  # inverted marks, the currency sign
    # Fullwidth currency and percent signs keep their prefix and postfix classes (they are no
    # ideographs: msgcat writes ＄ and ￥ with the word they precede).
    "\uff04": "PR", "\uffe1": "PR", "\uffe5": "PR", "\uffe6": "PR",
    "\uff05": "PO", "\uffe0": "PO",
    # Mandatory breaks (LB4, LB5) that the writer leaves unescaped; `fill` starts a new piece at
    # column 0 after them, as libunistring does, without writing a line break there.
    "\u2028": "BK", "\u2029": "BK", "\x0b": "BK", "\x0c": "BK", "\x85": "NL",
    "\u200d": "ZWJ",
    # Bidirectional controls and ZWNJ combine like marks (right-to-left text is full of them).
    "\u200c": "CM", "\u200e": "CM", "\u200f": "CM", "\u202a": "CM", "\u202b": "CM",
    "\u202c": "CM", "\u202d": "CM", "\u202e": "CM", "\u2066": "CM", "\u2067": "CM",
    "\u2068": "CM", "\u2069": "CM",
}
_SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎゕゖ"  # hiragana
                  "ァィゥェォッャュョヮヵヶ"  # katakana
                  "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"  # katakana phonetic extensions
                  "ｧｨｩｪｫｬｭｮｯ")  # halfwidth katakana


@lru_cache(maxsize=4096)
def line_class(char: str) -> str:
    """The UAX #14 class of `char`, resolved as libunistring does outside CJK encodings
    (AI, SA, XX -> AL; CJ -> NS)."""
    if char in _ASCII:
        return _ASCII[char]
    if char in _SPECIAL:
        found = _SPECIAL[char]
        return "OPW" if found == "OP" and _wide(char) else found
    code = ord(char)
    if char in _SMALL_KANA:
        return "NS"  # CJ, resolved to NS
    if 0xAC00 <= code <= 0xD7A3:
        return "H2" if (code - 0xAC00) % 28 == 0 else "H3"
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return "JL"
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return "JV"
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return "JT"
    if 0x05D0 <= code <= 0x05F2 or 0xFB1D <= code <= 0xFB4F:
        return "HL"  # Hebrew letters: an AL but for LB21a
    if 0x1F1E6 <= code <= 0x1F1FF:
        return "RI"  # regional indicators: a flag is a pair (LB30a)
    if 0x1F3FB <= code <= 0x1F3FF:
        return "EM"  # skin tones: an ID, kept with the emoji they modify (LB30b)
    if 0x1F000 <= code <= 0x1FAFF:
        return "ID"  # emoji and pictographs
    category = unicodedata.category(char)
    if category in ("Mn", "Mc", "Me", "Cc"):
        return "CM"  # controls other than tab and line ends are CM (UAX #14)
    if category == "Nd":
        return "NU" if unicodedata.east_asian_width(char) not in ("W", "F") else "ID"
    if (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFD
            or 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF00 <= code <= 0xFFEF
            or 0x3130 <= code <= 0x318F):
        return "ID"
    if category == "Zs":
        return "BA"
    if category == "Ps":
        return "OPW" if _wide(char) else "OP"
    if category == "Pe":
        return "CL"
    if category in ("Pi", "Pf"):
        return "QU"
    if category == "Pd":
        return "BA"
    return "AL"


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def width(char: str) -> int:
    """Terminal columns as libunistring's uc_width counts them: 2 for East Asian wide and
    fullwidth, 0 for non-spacing marks, format and control characters, line separators and
    conjoining Hangul vowels and finals, else 1."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc", "Zl", "Zp") or \
            0x1160 <= ord(char) <= 0x11FF or 0xD7B0 <= ord(char) <= 0xD7FF:
        return 0  # spacing marks (Mc) take their columns; conjoining vowels and finals none
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


_HANGUL = {"JL", "JV", "JT", "H2", "H3"}


@lru_cache(maxsize=8192)
def _pair(before: str, after: str) -> str:
    """'^' never break, '%' break only across spaces, '_' break allowed (UAX #14 pair table).

    OPW is an East Asian wide opening bracket (「, （): an OP everywhere except in LB30.
    """
    wide_open = after == "OPW"
    before = {"EM": "ID", "HL": "AL"}.get(before, before)
    after = {"EM": "ID", "HL": "AL"}.get(after, after)
    before = "OP" if before == "OPW" else before
    after = "OP" if after == "OPW" else after
    if after in ("CL", "CP", "EX", "IS", "SY") or before == "OP":
        return "^"  # LB13, LB14
    if (before == "QU" and after == "OP") or (before == "CL" and after == "NS") or \
            (before == "B2" and after == "B2"):
        return "^"  # LB15, LB16 (CL only, as libunistring has it), LB17
    if after == "WJ":
        return "^"  # LB11: no break before a word joiner, not even after spaces
    if before == "GL" or before == "WJ":
        return "%"  # LB11, LB12
    if after == "GL":
        return "_" if before in ("BA", "HY") else "%"  # LB12a
    if before == "QU" or after == "QU":
        return "%"  # LB19
    if after in ("BA", "HY", "NS") or before == "BB":
        return "%"  # LB21
    if after == "IN":
        return "%"  # LB22 in its older, general form: never break before an ellipsis
    if (before, after) in (("AL", "NU"), ("NU", "AL"), ("PR", "ID"), ("ID", "PO"),
                           ("PR", "AL"), ("PO", "AL"), ("AL", "PR"), ("AL", "PO")):
        return "%"  # LB23, LB23a, LB24
    if (before in ("CL", "CP", "NU") and after in ("PO", "PR")) or \
            (before in ("PO", "PR") and after == "OP") or \
            (before in ("PO", "PR", "HY", "IS", "NU", "SY") and after == "NU"):
        return "%"  # LB25
    if (before == "JL" and after in ("JL", "JV", "H2", "H3")) or \
            (before in ("JV", "H2") and after in ("JV", "JT")) or \
            (before in ("JT", "H3") and after == "JT"):
        return "%"  # LB26
    if (before in _HANGUL and after in ("IN", "PO")) or (before == "PR" and after in _HANGUL):
        return "%"  # LB27
    if (before, after) in (("AL", "AL"), ("CP", "AL"), ("CP", "NU")) or \
            (before in ("AL", "NU") and after == "OP" and not wide_open):
        return "%"  # LB28, LB30 (libunistring has no LB29: "a.|b" may break)
    return "_"  # LB31


_PROHIBITED, _POSSIBLE, _MANDATORY = 0, 1, 2


def opportunities(text: str) -> list[bool]:
    """For each index i, whether a line may break just before text[i] (never before the first)."""
    return [state == _POSSIBLE for state in _states(text)]


def _states(text: str) -> list[int]:
    """For each index i: a break may come before text[i] (_POSSIBLE), text[i] is a line break
    character (_MANDATORY: LS, PS, NEL, VT, FF; no break before it, LB6), or neither."""
    result = [_PROHIBITED] * len(text)
    last = None  # class of the last non-space character; None at the start of a line
    before_last = None  # the class before it
    spaces = False
    joined = False  # the last character was a ZWJ: no break after it (LB8a)
    regional = 0  # regional indicators in a row: a flag is a pair (LB30a)
    for i, char in enumerate(text):
        cls = line_class(char)
        if cls in ("BK", "NL"):
            result[i] = _MANDATORY  # LB4, LB5, LB6
            last, before_last, spaces, joined, regional = None, None, False, False, 0
            continue
        if cls == "SP":
            spaces = True  # LB7: no break before a space
            continue
        if cls in ("CM", "ZWJ"):
            if last is None or spaces or last == "ZW":
                cls = "AL"  # LB10: a lone combining mark (after a space too) is a letter
            else:
                joined = cls == "ZWJ"
                continue  # LB9: it takes the class of what it combines with
        if cls == "ZW":
            last, spaces, joined = "ZW", False, False
            continue
        if last is not None and not joined:
            if last == "ZW":
                result[i] = _POSSIBLE  # LB8
            elif last == "RI" and cls == "RI" and not spaces:
                result[i] = _PROHIBITED if regional % 2 else _POSSIBLE
            elif before_last == "HL" and last in ("HY", "BA") and not spaces:
                result[i] = _PROHIBITED  # LB21a: no break after a Hebrew letter's hyphen
            elif cls == "EM" and not spaces and 0x1F000 <= ord(text[i - 1]) <= 0x1FAFF:
                result[i] = _PROHIBITED  # LB30b (every emoji counts as a base here)
            else:
                rule = _pair(last, cls)
                result[i] = _POSSIBLE if rule == "_" or (rule == "%" and spaces) \
                    else _PROHIBITED
        regional = regional + 1 if cls == "RI" and last == "RI" and not spaces else \
            int(cls == "RI")
        before_last, last, spaces, joined = last, cls, False, cls == "ZWJ"
    return result


def fill(text: str, limit: int, start: int = 0, forbid: set[int] | None = None) -> list[int]:
    """Greedy fill: the indices before which to break so that no line exceeds `limit`
    columns when the first line starts at column `start` (libunistring's width algorithm:
    after a line break character the next piece starts at column 0, with no break written)."""
    states = _states(text)
    for index in forbid or ():
        if 0 <= index < len(states) and states[index] == _POSSIBLE:
            states[index] = _PROHIBITED
    breaks: list[int] = []
    last_break: int | None = None
    column = start
    piece = 0
    for i, char in enumerate(text):
        state = states[i]
        if state != _PROHIBITED and last_break is not None and column + piece > limit:
            breaks.append(last_break)
            column = 0
        if state == _MANDATORY:
            last_break, column, piece = None, 0, 0
            continue
        if state == _POSSIBLE:
            last_break = i
            column += piece
            piece = 0
        piece += width(char)
    if last_break is not None and column + piece > limit:
        breaks.append(last_break)
    return breaks
