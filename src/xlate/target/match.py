"""Finding glossary renderings in translations: Korean, Japanese, French and others (pure).

Each language writes a term differently from how a glossary lists it:
- **Korean**: particles and endings attach without a space (이재명 대통령은, 나토와); spaces
  inside a term are optional (방산 협의체 / 방산협의체); middle-dot look-alikes (·, ㆍ, ・) are
  one. A match must not start inside a longer Hangul word. What follows a match is classified:
  nothing (bare), particles only (the term is present), or anything else (a compound: 나토군).
- **Japanese**: no word boundaries; katakana middle dots and fullwidth Latin letters, digits and
  signs are folded.
- **French** (and other Latin-script languages): case-insensitive; elision (l'Otan, d'État); the
  plural and feminine endings of each word (présidents, conseillère).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

HANGUL = "\uac00-\ud7a3"
_DOTS = str.maketrans({"\u318d": "\u00b7", "\u30fb": "\u00b7", "\uff65": "\u00b7",
                       "\u2027": "\u00b7", "\u2219": "\u00b7", "\u2022": "\u00b7"})
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ",
                         "\u2019": "'", "\u2018": "'", "\u02bc": "'"})

# Korean particles and endings that attach to a noun (reference: korean-terminology.md 4.1).
# Pairs: (after a final consonant, after a vowel); 로 also follows a final ㄹ.
PAIRS = (("은", "는"), ("이", "가"), ("을", "를"), ("과", "와"), ("으로", "로"),
         ("으로서", "로서"), ("으로써", "로써"), ("으로부터", "로부터"), ("이나", "나"),
         ("이랑", "랑"), ("이라도", "라도"), ("이든지", "든지"), ("이야", "야"), ("이며", "며"),
         ("이자", "자"), ("이라고", "라고"), ("이라는", "라는"), ("이라며", "라며"),
         ("이었다", "였다"), ("이다", "다"), ("이었던", "였던"), ("이란", "란"), ("이나마", "나마"))
INVARIANT = ("의", "에", "에서", "에게", "께", "한테", "에게서", "한테서", "께서", "하고", "도",
             "만", "까지", "부터", "조차", "마저", "뿐", "밖에", "처럼", "같이", "보다", "만큼",
             "들", "인", "입니다", "이고", "이지만", "측", "간", "과의", "와의", "에서의", "에의",
             "으로의", "로의", "까지의", "부터의", "에게로", "마다", "씩", "대로", "이라", "라")
_ALL_PARTICLES = sorted({p for pair in PAIRS for p in pair} | set(INVARIANT), key=len,
                        reverse=True)
_PARTICLE_RUN = re.compile("(?:" + "|".join(_ALL_PARTICLES) + ")+")
# Korean readings of the last character of a Latin or digit term, for particle agreement:
# does the reading end in a consonant, and is that consonant ㄹ?
_READING_FINAL = {**dict.fromkeys("ABCDEFGHIJKOPQSTUVWXYZ", (False, False)),
                  "L": (True, True), "M": (True, False), "N": (True, False), "R": (True, True),
                  "0": (True, False), "1": (True, True), "2": (False, False), "3": (True, False),
                  "4": (False, False), "5": (False, False), "6": (True, False), "7": (True, True),
                  "8": (True, True), "9": (False, False)}
_READING_FINAL.update({"F": (False, False), "S": (False, False), "X": (False, False)})


class Tail(Enum):
    BARE = "bare"
    PARTICLE = "particle"
    COMPOUND = "compound"


@dataclass(frozen=True, slots=True)
class TargetHit:
    """A rendering found in a translation: offsets in the original text, and what follows."""

    start: int
    end: int
    found: str
    tail: Tail = Tail.BARE
    tail_text: str = ""


def family(locale: str) -> str:
    language = locale.replace("-", "_").split("_")[0].lower()
    if language == "ko":
        return "ko"
    if language in ("ja", "zh"):
        return "cjk"
    return "latin"


def fold(text: str, locale: str) -> str:
    """The comparison form of a translation; keeps one character per original character."""
    text = text.translate(_SPACES)
    if family(locale) != "latin":
        text = text.translate(_DOTS)
        text = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


@lru_cache(maxsize=8192)
def _pattern(form: str, locale: str) -> re.Pattern[str]:
    kind = family(locale)
    form = fold(form, locale).strip()
    if kind == "latin":
        words = re.split(r"(\s+|-|')", form)
        out = []
        for piece in words:
            if not piece:
                continue
            if piece.isspace():
                out.append(r"\s+")
            elif piece in ("-", "'"):
                out.append(re.escape(piece))
            else:
                out.append(_inflected(piece))
        body = "".join(out)
        return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)
    pieces = []
    previous = ""
    for char in form:
        if char.isspace():
            pieces.append(r"\s*")
        elif char in "\u00b7-":
            pieces.append(r"[\u00b7\-\s]?")
        else:
            if kind == "cjk" and previous and not previous.isspace() and \
                    (previous.isascii() and previous.isalnum()) \
                    != (char.isascii() and char.isalnum()):
                pieces.append(r"\s?")  # NATO首脳会議 = NATO 首脳会議
            pieces.append(re.escape(char))
        previous = char
    body = "".join(pieces)
    if kind == "ko":
        first_hangul = form[:1] and HANGUL[0] <= form[0] <= HANGUL[-1]
        left = f"(?<![{HANGUL}])" if first_hangul else r"(?<![^\W_])"
        return re.compile(f"{left}{body}(?P<tail>[{HANGUL}]*)")
    return re.compile(body)


# Endings of French (and most Romance) nouns and adjectives: masculine -> feminine and plurals.
_ENDINGS = (("eur", ("eur", "eurs", "rice", "rices", "euse", "euses")),
            ("er", ("er", "ers", "ère", "ères")), ("al", ("al", "aux", "ale", "ales")),
            ("if", ("if", "ifs", "ive", "ives")), ("en", ("en", "ens", "enne", "ennes")),
            ("on", ("on", "ons", "onne", "onnes")), ("el", ("el", "els", "elle", "elles")))


def _inflected(word: str) -> str:
    """A pattern for `word` in any of its plural and feminine forms."""
    if len(word) <= 2 or not word[-1].isalpha():
        return re.escape(word)
    for ending, forms in _ENDINGS:
        if word.lower().endswith(ending):
            stem = re.escape(word[:-len(ending)])
            return f"{stem}(?:{'|'.join(forms)})"
    return re.escape(word) + "(?:e|s|es|x)?"


def find(form: str, text: str, locale: str) -> list[TargetHit]:
    """Every occurrence of a rendering `form` in a translation `text`."""
    folded = fold(text, locale)
    if len(folded) != len(text):  # NFC changed lengths: fall back to folded offsets
        text = folded
    hits = []
    kind = family(locale)
    for match in _pattern(form, locale).finditer(folded):
        if kind == "ko":
            tail_text = match.group("tail")
            end = match.start("tail")
            tail = _classify_tail(tail_text)
        else:
            tail_text, end, tail = "", match.end(), Tail.BARE
            if kind == "cjk":
                if _KATAKANA.match(folded, max(match.start() - 1, 0)) and match.start() and \
                        _KATAKANA.fullmatch(folded[match.start()]):
                    continue  # the end of a longer katakana word (ルッテ in ブルッテ)
                if match.group(0) and _KATAKANA.fullmatch(folded[match.end() - 1]):
                    run = _KATAKANA_RUN.match(folded, match.end())
                    if run:  # ルッテー, ルッテン: a longer word, as 나토군 is in Korean
                        tail_text, tail = run.group(0), Tail.COMPOUND
        hits.append(TargetHit(match.start(), end, text[match.start():end], tail, tail_text))
    return hits


# Katakana letters, the long-vowel mark and iteration marks, full and halfwidth; not the
# middle dot ・ (U+30FB) nor ゠, which separate the words of a name (マルク・ルッテ).
_KATAKANA_CHARS = "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_KATAKANA = re.compile(f"[{_KATAKANA_CHARS}]")
_KATAKANA_RUN = re.compile(f"[{_KATAKANA_CHARS}]+")


def _classify_tail(tail: str) -> Tail:
    if not tail:
        return Tail.BARE
    return Tail.PARTICLE if _PARTICLE_RUN.fullmatch(tail) else Tail.COMPOUND


def final_consonant(word: str) -> tuple[bool, bool] | None:
    """(ends in a consonant, that consonant is ㄹ) for the last character of `word`, or None
    when it cannot be told (a symbol)."""
    for char in reversed(word.strip()):
        if HANGUL[0] <= char <= HANGUL[-1]:
            jong = (ord(char) - 0xAC00) % 28
            return jong != 0, jong == 8
        upper = char.upper()
        if upper in _READING_FINAL:
            return _READING_FINAL[upper]
        if char.isalnum():
            return None
    return None


def particle_agreement(term: str, tail: str) -> tuple[str, str] | None:
    """(used, expected) when the first particle of `tail` does not agree with the final
    consonant of `term` (청와대은 -> ('은', '는')); None when it agrees or cannot be told."""
    final = final_consonant(term)
    if final is None or not tail:
        return None
    consonant, rieul = final
    # The longest particle the tail starts with decides (이라고 before 이).
    candidates = [(used, pair) for pair in PAIRS for used in pair if tail.startswith(used)]
    if not candidates:
        return None
    used, (after_consonant, after_vowel) = max(candidates, key=lambda c: len(c[0]))
    if after_consonant.startswith("으로"):  # ㄹ-final nouns take 로, like vowel-final ones
        expected = after_vowel if (not consonant or rieul) else after_consonant
    else:
        expected = after_consonant if consonant else after_vowel
    return (used, expected) if used != expected else None
