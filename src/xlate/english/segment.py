"""Article text -> paragraphs -> sentences, with line numbers (pure).

Paragraphs are separated by blank lines, including lines that hold only no-break spaces or other
white space (the seeds use U+00A0 lines). Sentences are split the way the Moses sentence
splitter does (split-sentences.perl): after `.`, `?` or `!` (and any closing quotes or brackets)
followed by white space and a capital or an opening quote, except after a non-breaking prefix
from sacremoses' lists ("Gen.", "Mr."), an acronym with inner dots ("U.S."), or a single capital
letter. Two artefacts of published feeds are taken apart rather than left in a msgid:
- a scraper's metadata prefix at the start of the text (" date 2025-06-26 "), which is dropped;
- a dateline opening the first paragraph ("Seoul, June 26 South Korea and ..."), which becomes a
  segment of its own, since every language writes datelines its own way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_BLANK = re.compile(r"^[\s\u00a0\u2007\u202f\u200b\ufeff]*$")
_SCRAPER_PREFIX = re.compile(r"^[ \t\u00a0]*date[ \t]+\d{4}-\d{2}-\d{2}[ \t]+")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")
_DATELINE = re.compile(
    rf"^(?P<dateline>[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){{0,3}}, (?:{_MONTHS}) \d{{1,2}}"
    rf"(?: \([A-Za-z]+\))?)(?:\s+[-\u2013\u2014]+)?\s+(?=[\"\u201c'(\[]?[A-Z])")
# End of a sentence: punctuation, closing quotes/brackets, white space, then an opening
# quote/bracket or a capital (Moses' rule, with Unicode initial/final quotes).
_BOUNDARY = re.compile(
    r"(?P<end>[.?!]+[\"'\u2019\u201d\u00bb)\]]*)(?P<space>\s+)"
    r"(?=[\"'\u2018\u201c\u00ab(\[\u00bf\u00a1]*[A-Z\u00c0-\u00de])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One segment of an article: its text, paragraph and sentence numbers, and first line."""

    text: str
    paragraph: int
    number: int
    line: int
    kind: str = "sentence"  # or "dateline"


@lru_cache(maxsize=8)
def nonbreaking_prefixes(language: str = "en") -> tuple[frozenset[str], frozenset[str]]:
    """(prefixes, numeric-only prefixes) from sacremoses' Moses lists for `language`."""
    from sacremoses.corpus import NonbreakingPrefixes

    lists = NonbreakingPrefixes()
    words = set(lists.words(language))
    numeric = {w.split()[0] for w in lists.words(language) if "#NUMERIC_ONLY#" in w}
    return frozenset(w for w in words if "#" not in w), frozenset(numeric)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph; its lines are joined by single spaces."""
    out: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if _BLANK.match(line):
            if current:
                out.append((start, " ".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line.strip())
    if current:
        out.append((start, " ".join(current)))
    return out


def split_sentences(paragraph: str, language: str = "en") -> list[str]:
    """The sentences of one paragraph, Moses-style."""
    return [paragraph[start:end].strip() for start, end in _sentence_cuts(paragraph, language)]


def _sentence_cuts(paragraph: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, ends after their closing punctuation."""
    prefixes, numeric = nonbreaking_prefixes(language)
    cuts: list[tuple[int, int]] = []
    last = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.group("end")
        if end.startswith(".") and len(end.rstrip("\"'\u2019\u201d\u00bb)]")) == 1:
            before = paragraph[last:match.start()]
            last_word = re.search(r"([^\s\"'(\[\u201c\u2018]*)$", before)
            assert last_word is not None  # `[...]*$` matches every string
            word = last_word.group(1)
            if _keeps_going(word, paragraph[match.end():], prefixes, numeric):
                continue
        cuts.append((last, match.start() + len(end)))
        last = match.end()
    if paragraph[last:].strip():
        cuts.append((last, len(paragraph)))
    return cuts


def sentence_spans(text: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of every sentence, paragraph by paragraph (blank lines
    end paragraphs), with the surrounding white space left out. For finding where sentences
    start in text whose positions matter; `segment` gives the sentences themselves."""
    spans: list[tuple[int, int]] = []
    offset = 0
    chunk_start: int | None = None
    for line in text.splitlines(keepends=True):
        if _BLANK.match(line.rstrip("\r\n")):
            if chunk_start is not None:
                spans.extend(_spans_in(text, chunk_start, offset, language))
                chunk_start = None
        elif chunk_start is None:
            chunk_start = offset
        offset += len(line)
    if chunk_start is not None:
        spans.extend(_spans_in(text, chunk_start, len(text), language))
    return spans


def _spans_in(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    out = []
    for a, b in _sentence_cuts(text[start:end], language):
        piece = text[start + a:start + b]
        lead = len(piece) - len(piece.lstrip())
        out.append((start + a + lead, start + a + len(piece.rstrip())))
    return out


def _keeps_going(word: str, after: str, prefixes: frozenset[str], numeric: frozenset[str]) -> bool:
    """True when the full stop after `word` does not end the sentence."""
    if "." in word and re.search(r"[^\W\d_]", word):
        return True  # an acronym with inner dots: U.S., e.g.
    if word in prefixes:
        return True
    return word in numeric and after[:1].isdigit()


def segment(text: str, language: str = "en") -> list[Sentence]:
    """Every segment of an article, in reading order."""
    text = _SCRAPER_PREFIX.sub("", text, count=1)
    out: list[Sentence] = []
    for number, (line, paragraph) in enumerate(paragraphs(text), start=1):
        sentence_number = 1
        if number == 1:
            match = _DATELINE.match(paragraph)
            if match:
                out.append(Sentence(match.group("dateline"), number, 1, line, "dateline"))
                paragraph = paragraph[match.end():]
                sentence_number = 2
        for sentence in split_sentences(paragraph, language):
            out.append(Sentence(sentence, number, sentence_number, line))
            sentence_number += 1
    return out
