"""Discovering what a text names that the glossary lacks (pure).

The text is cut into sentences (Moses rules, `english.segment`) and words; runs of capitalised
words, with the lower-case words that join the parts of one name ("Ministry *of* Foreign
Affairs", "Ursula *von der* Leyen"), are read as names and taken apart by their shape:

- a title before a name ("Deputy Secretary General Radmila Shekerinska", "presidential
  spokesperson Kang Yu-jung"), with what qualifies the title ("NATO", "U.S.") read on its own;
- a Korean name by its romanised shape: a one-syllable surname and a two-syllable given name,
  hyphenated, spaced or joined ("Kang Yu-jung", "Lee Jae Myung"), or a known surname and a
  one-syllable given name ("Cho Hyun"); its Hangul is proposed by `english.hangulize`;
- an organisation by its head word ("... Administration", "Ministry of ..."), with the acronym
  that follows it in brackets ("Defense Acquisition Program Administration (DAPA)");
- a programme or event by its head word ("... Initiative", "... Dialogue"), also in lower case
  after the name ("the Freedom Shield exercise");
- a place that CLDR names (countries, the cities of time zones), or a name with a place head;
- otherwise two or three capitalised words are a person's name, better believed when the
  surname recurs alone ("Rutte"), and a lone capitalised word is kept only when it recurs in
  mid-sentence.

Never proposed: sentence-initial words that are not names, weekdays and months (CLDR), words of
a Title Case headline that the body does not repeat, and anything the glossary already has:
a name inside a glossary term is known; one that the glossary's matcher reads as another
spelling of an entry (a romanisation, a near miss, a hyphen/space form, another case) is a
*variant* of that entry, reported as such and never as a new concept.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from xlate.english.hangulize import (
    Reading,
    is_known_surname,
    name_readings,
)
from xlate.english.match import How, Matcher
from xlate.english.segment import sentence_spans
from xlate.english.textmap import LineIndex
from xlate.model import Entry, Kind, Status
from xlate.suggest import lexicon as lx
from xlate.suggest.names import (
    POSSESSIVE,
    WORD,
    Mention,
    Token,
    analyse,
    compound_of_names,
    korean_notes,
    runs,
    surface,
)

_QUOTE_START = re.compile(r"(?:^|(?<=[\s(\[—–-]))[\"“‘'«(\[]+(?=\w)")
_DATELINE_CITY = re.compile(r"^[ \t*_>]*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}),[ \t]",
                            re.MULTILINE)
_SPACES = re.compile(r"\s+")
# Where Markdown starts a block: a heading, a list item, a quotation, a table cell.
_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}|[*+-]|\d{1,3}[.)]|>)[ \t]+(?:\*\*|__)?", re.M)
# What is no prose: code spans and blocks, addresses, e-mail.
_HIDDEN = re.compile(r"```.*?```|`[^`\n]+`|\b(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+",
                     re.S)
_VARIANT_HOWS = {How.ROMANISED: "an unlisted romanisation", How.NEAR: "a near miss",
                 How.SPELLING: "another spelling", How.CASE: "another case"}
# Base scores: how sure the shape makes a proposal; occurrences add log2(count).
_SCORES = {"org+acronym": 3.5, "titled person": 3.0, "korean": 3.0, "korean spaced": 2.5,
           "korean joined": 2.0, "korean short": 1.5, "organisation": 2.5, "programme": 2.5,
           "event": 2.5, "lower head": 2.0, "cldr place": 2.5, "title": 2.0, "place": 1.5,
           "acronym": 1.5, "titled reference": 1.5, "person": 1.0, "single": 0.5,
           "multiword": 0.5}


@dataclass(frozen=True)
class Text:
    """A piece of English to read and where it starts in its file. When `exact` is false (a
    msgid over several quoted lines), every position in it is reported at (line, column)."""

    path: str
    text: str
    line: int = 1
    column: int = 1
    exact: bool = True


@dataclass(frozen=True)
class Occurrence:
    path: str
    line: int
    column: int
    found: str
    sentence: str


@dataclass
class Candidate:
    """A concept the glossary lacks, with the evidence for it."""

    key: str
    kind: Kind
    canonical: str
    forms: Counter[str] = field(default_factory=Counter)
    occurrences: list[Occurrence] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    acronym: str | None = None
    hangul: list[Reading] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    see: list[str] = field(default_factory=list)      # glossary ids
    related: list[str] = field(default_factory=list)  # keys of other candidates
    renderings: dict[str, str] = field(default_factory=dict)  # CLDR's names, to confirm
    references: Counter[str] = field(default_factory=Counter)  # short references (surname)
    base: float = 0.0
    first: tuple[int, int] = (0, 0)

    @property
    def count(self) -> int:
        return sum(self.forms.values()) + sum(self.references.values())

    @property
    def score(self) -> float:
        return round(self.base + math.log2(1 + self.count), 2)

    @property
    def admitted(self) -> list[str]:
        """The other spellings seen, most frequent first."""
        return [form for form, _ in self.forms.most_common() if form != self.canonical]


@dataclass
class Variant:
    """A spelling in the text that the glossary's matcher reads as another form of an entry."""

    found: str
    entry_id: str
    canonical: str
    how: str
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.occurrences)


@dataclass
class Suggestions:
    candidates: list[Candidate]
    variants: list[Variant]
    known: int  # occurrences of glossary terms in the texts


@dataclass
class _Reader:
    """State of one reading: the texts' mentions, then their merge into candidates."""

    matcher: Matcher | None
    locales: tuple[str, ...]
    candidates: dict[str, Candidate] = field(default_factory=dict)
    singles: dict[str, list[tuple[Mention, Occurrence, tuple[int, int]]]] = \
        field(default_factory=dict)
    titled: list[tuple[Mention, Occurrence, tuple[int, int]]] = field(default_factory=list)
    variants: dict[tuple[str, str], Variant] = field(default_factory=dict)
    known: int = 0


def suggest(texts: Iterable[Text], matcher: Matcher | None = None, *,
            locales: Sequence[str] = ()) -> Suggestions:
    """What `texts` name that the glossary of `matcher` lacks, best first, and the spellings
    it reads as variants of its entries. Without a matcher, every name is new."""
    reader = _Reader(matcher, tuple(locales))
    for number, text in enumerate(texts):
        _read(reader, number, text)
    _resolve_singles(reader)
    _resolve_titled(reader)
    candidates = _mergekorean_shape(reader, list(reader.candidates.values()))
    listed = {key_of(form.text) for entry in matcher.entries for form in entry.forms} \
        if matcher is not None else set()
    # a listed form the matcher cannot find in running text ("Jay Y. Lee": it reads the full
    # stop as punctuation) is still the glossary's own
    candidates = [c for c in candidates if c.forms and c.key not in listed]
    for candidate in candidates:
        _finish(candidate, reader)
    candidates.sort(key=lambda c: (-c.score, c.first))
    variants = sorted(reader.variants.values(), key=lambda v: (-v.count, v.entry_id, v.found))
    return Suggestions(candidates, variants, reader.known)


def key_of(text: str) -> str:
    """The spelling-blind key of a name: case, hyphens, spaces, dots and apostrophes aside."""
    text = text.casefold()
    if text.startswith("the "):
        text = text[4:]
    return re.sub(r"[\s\-'’.]+", "", text)


# --- reading one text -------------------------------------------------------------------------

def _read(reader: _Reader, number: int, text: Text) -> None:
    body = text.text
    spans = sentence_spans(body) or [(0, len(body))]
    starts = {a for a, _ in spans}
    starts |= {m.end() for m in _QUOTE_START.finditer(body)}
    starts |= {m.end() for m in _BLOCK_START.finditer(body)}  # headings, list items
    hidden = [(m.start(), m.end()) for m in _HIDDEN.finditer(body)]
    headline = _headline_ranges(body)
    index = LineIndex(body) if text.exact else None
    known, variant_spans = _glossary_spans(reader, body, text, index, spans)
    datelines = {m.start(1) for m in _DATELINE_CITY.finditer(body)
                 if re.match(r"[ \t]*[A-Z][a-z]{2,}\.?[ \t]+\d", body[m.end():])}
    tokens = []
    for match in WORD.finditer(body):
        word = match.group()
        possessive = word.endswith(POSSESSIVE)
        if possessive:
            word = word[:-2]
        end = match.start() + len(word)
        if match.start() in datelines:
            continue  # "SEOUL, Aug. 5 (Yonhap) --": the wire's dateline, not the story
        if body[match.start() - 1:match.start()] in ("#", "@") or _in(match.start(), hidden):
            continue  # a hashtag, a handle, code, an address
        tokens.append(Token(word, match.start(), end, match.start() in starts, possessive,
                            body[end:end + 1] == "." and not possessive))
    covered = known + variant_spans

    def where(start: int, end: int) -> tuple[Occurrence, tuple[int, int]]:
        return _occurrence(text, index, spans, start, end), (number, start)

    for run in runs(body, tokens):
        in_headline = _in(run[0].start, headline)
        for mention in analyse(run, body):
            start, end = mention.tokens[0].start, mention.tokens[-1].end
            name_known = any(a <= start and end <= b for a, b in covered)
            if mention.title:
                start = min(start, mention.title[0].start)
                if any(a <= start and end <= b for a, b in covered):
                    continue  # "President Lee", a glossary entry of its own
            elif name_known:
                continue
            occurrence, first = where(start, end)
            _record(reader, mention, body, occurrence, first, in_headline, covered,
                    name_known=name_known)


def _record(reader: _Reader, mention: Mention, body: str, occurrence: Occurrence,
            first: tuple[int, int], in_headline: bool, covered: list[tuple[int, int]], *,
            name_known: bool = False) -> None:
    if mention.title is not None:
        title_text = surface(body, mention.title)
        title_start, title_end = mention.title[0].start, mention.title[-1].end
        if not any(a <= title_start and title_end <= b for a, b in covered):
            title = _candidate(reader, title_text, Kind.TITLE, "title", occurrence, first,
                               in_headline, surface=title_text)
            if title is not None:
                name = surface(body, mention.tokens)
                _add_evidence(title, f"before a name: {title_text} {name}")
    if name_known and not mention.single:
        return  # the glossary's own name, after a new title
    if mention.single:
        if in_headline:
            return  # a headline's lone capitalised word is no evidence of a name
        if mention.title is not None:
            reader.titled.append((mention, occurrence, first))
        else:
            reader.singles.setdefault(key_of(mention.tokens[0].text), []).append(
                (mention, occurrence, first))
        return
    text = surface(body, mention.tokens)
    assert mention.kind is not None  # only singles are left unclassified
    candidate = _candidate(reader, text, mention.kind, mention.shape, occurrence, first,
                           in_headline, surface=text)
    if candidate is None:
        return
    if mention.acronym and not candidate.acronym:
        candidate.acronym = mention.acronym
    if mention.korean and not candidate.hangul:
        surname, given, shape = mention.korean
        candidate.hangul = name_readings(surname, given)
        candidate.notes.extend(korean_notes(surname, given, shape, candidate.hangul))
    if mention.title is not None:
        _add_evidence(candidate, f"titled: {surface(body, mention.title)}")
        candidate.base = max(candidate.base, _SCORES["titled person"])


def _candidate(reader: _Reader, text: str, kind: Kind, shape: str, occurrence: Occurrence,
               first: tuple[int, int], in_headline: bool, *, surface: str) -> Candidate | None:
    key = key_of(text)
    if not key:
        return None
    candidate = reader.candidates.get(key)
    if candidate is None:
        if in_headline:
            return None  # a headline's words count only for names the body has too
        candidate = reader.candidates[key] = Candidate(key, kind, text, first=first)
    score = _SCORES[shape]
    if score > candidate.base:
        candidate.base, candidate.kind = score, kind
    _describe(candidate, shape)
    candidate.forms[surface] += 1
    candidate.occurrences.append(occurrence)
    return candidate


_EVIDENCE = {
    "org+acronym": "organisation name with its acronym",
    "korean": "Korean name shape (surname, hyphenated given name)",
    "korean spaced": "Korean name shape (surname, spaced given name)",
    "korean joined": "Korean name shape (given name written as one word)",
    "korean short": "Korean name shape (surname, one-syllable given name)",
    "organisation": "organisation head word", "programme": "programme head word",
    "event": "event head word", "lower head": "name before an event or programme noun",
    "cldr place": "a place CLDR names", "place": "place", "acronym": "acronym",
    "person": "capitalised words", "multiword": "capitalised words", "title": "title",
    "titled person": "title before it", "titled reference": "title and surname",
    "single": "capitalised word in mid-sentence",
}


def _describe(candidate: Candidate, shape: str) -> None:
    _add_evidence(candidate, _EVIDENCE[shape])


def _add_evidence(candidate: Candidate, line: str) -> None:
    """Up to four reasons per proposal, each once."""
    if line not in candidate.evidence and len(candidate.evidence) < 4:
        candidate.evidence.append(line)


def _glossary_spans(reader: _Reader, body: str, text: Text, index: LineIndex | None,
                    spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]],
                                                          list[tuple[int, int]]]:
    """Spans of glossary terms (any listed form) and of variants of entries; variants are
    recorded as such."""
    if reader.matcher is None:
        return [], []
    known: list[tuple[int, int]] = []
    variants: list[tuple[int, int]] = []
    for hit in reader.matcher.find(body):
        how = _VARIANT_HOWS.get(hit.how)
        if how is None:
            known.append((hit.start, hit.end))
            reader.known += 1
            continue
        variants.append((hit.start, hit.end))
        found = _SPACES.sub(" ", hit.found)
        entry = hit.entry
        preferred = entry.preferred() or (entry.forms[0] if entry.forms else None)
        variant = reader.variants.get((entry.id, found))
        if variant is None:
            variant = reader.variants[(entry.id, found)] = Variant(
                found, entry.id, preferred.text if preferred else entry.id, how)
        variant.occurrences.append(_occurrence(text, index, spans, hit.start, hit.end))
    return known, variants


def _headline_ranges(body: str) -> list[tuple[int, int]]:
    """Lines written in Title Case (every word of four letters or more capitalised) without
    closing punctuation: a headline's capitals, or a user-interface label's ("Show Source",
    "Create Makefile" in a catalogue), say nothing about names. A table row, a line in
    brackets (a byline) or a sentence with a verb in lower case is no headline."""
    ranges = []
    offset = 0
    lines = body.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if re.match(r"[ \t]*\|", line) and number + 1 < len(lines) \
                and re.match(r"[ \t]*\|?[ \t]*:?-{3,}", lines[number + 1]):
            ranges.append((offset, offset + len(line)))  # a table's header row
            offset += len(line)
            continue
        stripped = line.strip().lstrip("#").strip().strip("*_")
        bare = stripped.rstrip("\"'”’»)]*_ ")
        every = re.findall(r"[^\W\d_][\w'’-]*", stripped)
        words = [w for w in every if len(w) > 3]
        if len(words) >= 2 and not bare.endswith((".", "?", "!", ":", ",", ";")) \
                and not stripped.startswith(("By ", "(", "|")) and "|" not in stripped \
                and all(w[0].isupper() for w in words) \
                and (len(words) >= 3 or len(every) <= 5):
            ranges.append((offset, offset + len(line)))
        offset += len(line)
    return ranges


def _in(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)


def _occurrence(text: Text, index: LineIndex | None, spans: list[tuple[int, int]], start: int,
                end: int) -> Occurrence:
    if index is None:
        line, column = text.line, text.column
    else:
        line, column = index.position(start)
        if line == 1:
            column += text.column - 1
        line += text.line - 1
    a, b = next(((a, b) for a, b in spans if a <= start < b), (0, len(text.text)))
    sentence = text.text[a:b]
    if len(sentence) > 240:  # a long paragraph that no full stop ends: the words around
        at = start - a
        left, right = max(0, at - 100), at + 140
        left = sentence.find(" ", left) + 1 if left else 0
        right = sentence.rfind(" ", 0, right) if right < len(sentence) else len(sentence)
        sentence = ("…" if left else "") + sentence[left:right] + (
            "…" if right < len(sentence) else "")
    sentence = _SPACES.sub(" ", sentence).strip()
    return Occurrence(text.path, line, column, _SPACES.sub(" ", text.text[start:end]),
                      sentence)


# --- resolving what one text alone cannot say ------------------------------------------------

def _reference_tokens(reader: _Reader) -> dict[str, list[str]]:
    """surname key -> keys of the person candidates it may refer to (Rutte -> Mark Rutte;
    Wi -> Wi Sung-lac), and glossary people as 'glossary:<id>'."""
    refs: dict[str, list[str]] = {}
    for candidate in reader.candidates.values():
        if candidate.kind is not Kind.PERSON:
            continue
        words = candidate.canonical.split()
        if len(words) < 2:
            continue
        if candidate.hangul or _korean_words(words):
            surnames = [words[0]]  # Korean order: Cho Hyun -> Cho
        elif len(words) == 2 and not lx.is_demonym(words[0]):
            surnames = [words[-1], words[0]]  # Mark Rutte -> Rutte; Wang Yi -> Wang
        else:
            surnames = [words[-1]]
        for surname in surnames:
            refs.setdefault(key_of(surname), []).append(candidate.key)
    if reader.matcher is not None:
        for entry in reader.matcher.entries:
            if entry.kind is not Kind.PERSON:
                continue
            for form in entry.forms:
                words = form.text.split()
                if len(words) >= 2 and form.status in (Status.PREFERRED, Status.ADMITTED):
                    for word in (words[0], words[-1]):
                        target = f"glossary:{entry.id}"
                        listed = refs.setdefault(key_of(word), [])
                        if target not in listed:
                            listed.append(target)
    return refs


def _korean_words(words: list[str]) -> bool:
    return len(words) >= 2 and is_known_surname(words[0]) and (
        "-" in words[1] or len(words) == 3)


def _resolve_singles(reader: _Reader) -> None:
    refs = _reference_tokens(reader)
    for key, uses in reader.singles.items():
        targets = refs.get(key, [])
        people = [t for t in targets if not t.startswith("glossary:")]
        if targets:
            if len(set(targets)) == 1 and people:
                person = reader.candidates[people[0]]
                for mention, occurrence, _ in uses:
                    person.references[mention.tokens[0].text] += 1
                    person.occurrences.append(occurrence)
            continue  # a short reference to a glossary person, or an ambiguous one
        mention = uses[0][0]
        if key in reader.candidates:
            candidate = reader.candidates[key]
            for _, occurrence, _ in uses:
                candidate.forms[occurrence.found] += 1
                candidate.occurrences.append(occurrence)
            continue
        if mention.kind is Kind.ORGANISATION:  # an acronym
            merged = next((c for c in reader.candidates.values()
                           if c.acronym and key_of(c.acronym) == key), None)
            if merged is not None:
                for _, occurrence, _ in uses:
                    merged.forms[occurrence.found] += 1
                    merged.occurrences.append(occurrence)
                continue
            shape = "acronym"
        else:
            if all(m.tokens[0].initial for m, _, _ in uses) or compound_of_names(
                    mention.tokens[0]):
                continue  # capitalised only where every word is; or names joined
            shape = "single"
        kind = Kind.ORGANISATION if shape == "acronym" else Kind.TERM
        for number, (_, occurrence, first) in enumerate(uses):
            made = _candidate(reader, occurrence.found, kind, shape, occurrence, first, False,
                              surface=occurrence.found)
            if number == 0 and made is not None and shape == "single":
                made.notes.append("kind unknown: one capitalised word; set the kind")


def _resolve_titled(reader: _Reader) -> None:
    """"President Lee", "Defense Minister Ahn": a title and a surname, a second reference
    that a translator renders its own way (이 대통령)."""
    refs = _reference_tokens(reader)
    for mention, occurrence, first in reader.titled:
        surname = mention.tokens[0]
        key = key_of(surname.text)
        if key in reader.candidates and reader.candidates[key].kind is not Kind.PERSON:
            continue
        if surname.acronym or lx.place(surname.text) or lx.is_demonym(surname.text):
            continue
        targets = refs.get(key, [])
        candidate = _candidate(reader, occurrence.found, Kind.PERSON, "titled reference",
                               occurrence, first, False, surface=occurrence.found)
        if candidate is None:
            continue
        for target in targets:
            if target.startswith("glossary:"):
                if target[9:] not in candidate.see:
                    candidate.see.append(target[9:])
            elif target not in candidate.related:
                candidate.related.append(target)


def _mergekorean_shape(reader: _Reader, candidates: list[Candidate]) -> list[Candidate]:
    """Korean names read as the same Hangul are one person in several spellings; one whose
    Hangul is a glossary person's is a variant of that entry."""
    by_hangul: dict[str, Candidate] = {}
    people: dict[str, Entry] = {}
    if reader.matcher is not None:
        people = {e.hangul: e for e in reader.matcher.entries
                  if e.kind is Kind.PERSON and e.hangul}
    kept = []
    for candidate in candidates:
        if not candidate.hangul:
            kept.append(candidate)
            continue
        entry = next((people[r.hangul] for r in candidate.hangul[:3] if r.hangul in people),
                     None)
        if entry is not None:
            preferred = entry.preferred()
            for form, count in candidate.forms.items():
                variant = reader.variants.setdefault(
                    (entry.id, form), Variant(form, entry.id,
                                              preferred.text if preferred else entry.id,
                                              f"the same Hangul ({entry.hangul})"))
                variant.occurrences.extend(o for o in candidate.occurrences
                                           if o.found == form)
                del count
            continue
        top = candidate.hangul[0].hangul
        same = by_hangul.get(top)
        if same is None:
            by_hangul[top] = candidate
            kept.append(candidate)
            continue
        same.forms.update(candidate.forms)
        same.references.update(candidate.references)
        same.occurrences.extend(candidate.occurrences)
        same.base = max(same.base, candidate.base)
        same.first = min(same.first, candidate.first)
        for line in candidate.evidence:
            _add_evidence(same, line)
    return kept


def _finish(candidate: Candidate, reader: _Reader) -> None:
    """Canonical form (the most frequent spelling, the first on a tie), places' CLDR names."""
    firsts: dict[str, int] = {}
    for number, occurrence in enumerate(candidate.occurrences):
        firsts.setdefault(occurrence.found, number)
    spelt_out = [f for f in candidate.forms if f != candidate.acronym]
    candidate.canonical = max(spelt_out or candidate.forms,
                              key=lambda f: (candidate.forms[f], -firsts.get(f, 0)))
    candidate.occurrences.sort(key=lambda o: (o.path, o.line, o.column))
    if candidate.kind is Kind.PLACE:
        where = lx.place(candidate.canonical)
        if where is not None:
            for locale in reader.locales:
                name = lx.place_name(where, locale)
                if name:
                    candidate.renderings[locale] = name
