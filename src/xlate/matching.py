"""Finding glossary terms in English text: one compiled index, cost per token independent of size.

The text is normalised (`textmap`), cut into word tokens, and looked up in a token n-gram index
built once from the glossary: at each token, a dict lookup per distinct form length that starts
with that token, longest first. So the cost per token does not grow with the number of terms.

Each form is indexed with the spellings a writer may use for it:
- hyphen, space and joined spellings (`Jae-myung`, `Jae Myung`, `Jaemyung`) are the same tokens
  (or a joined token), so they meet in one key; the surface decides whether it is the listed form;
- plurals of the last word (`High Visibility Project` / `Projects`, `capability` / `capabilities`);
  possessives need nothing (`NATO's` is the token `NATO` then `s`);
- for Korean names with `hangul`, every plausible romanisation (`romanize.name_variants`), in
  both orders.

A hit says which entry and form matched and how the surface relates to that form: the form
itself, the form in another case, another spelling of it, or a generated romanisation.
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from itertools import compress
from operator import itemgetter
from typing import Iterable, NamedTuple, Sequence

from xlate.model import Entry, Form, Glossary, Kind, Status
from xlate.nearmiss import NearIndex
from xlate.romanize import name_variants
from xlate.textmap import normalize
from xlate.tiling import WordTrie

# Word tokens: abbreviations with dots (U.S.), else runs of letters and digits.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
# What may stand between two words of one term: spaces (one line break at most), one hyphen or
# apostrophe. Anything else (a full stop, a comma, a blank line) ends a term.
_WHITESPACE = re.compile(r"\s+")
_JOINABLE = re.compile(r"(?:[ ]*\n?[ ]*)(?:[-'][ ]*\n?[ ]*)?")
# Near misses are looked for only among names: a typo in a common noun is a spell checker's job.
_NAME_KINDS = {Kind.PERSON, Kind.ORGANISATION, Kind.PLACE}
_PROPER_KINDS = {Kind.PERSON, Kind.ORGANISATION, Kind.PLACE, Kind.OFFICE, Kind.PROGRAMME,
                 Kind.EVENT}


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector while scanning.

    A compiled glossary of 100,000 terms is millions of long-lived objects; the allocations of a
    scan trigger collections that traverse all of them, which made scans slower as glossaries
    grew (profiled at 30-40% of the lint time at 100,000 terms). A scan creates no cycles, so
    reference counting frees everything meanwhile.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class How(Enum):
    """How a surface relates to the form it matched."""

    EXACT = "exact"          # the form as listed (case and inflection aside where allowed)
    CASE = "case"            # the form in another case, in a case-sensitive entry
    SPELLING = "spelling"    # another hyphen/space/joined spelling, or U.S./US
    ROMANISED = "romanised"  # a generated romanisation of the entry's Hangul
    NEAR = "near"            # a capitalised name within one edit of a form: a probable typo


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary term found in a text. Offsets are in the original text."""

    entry: Entry
    form: Form | None          # None for generated romanisations
    how: How
    start: int
    end: int
    found: str


@dataclass(frozen=True, slots=True)
class _Token:
    key: str
    start: int
    end: int


@dataclass
class Scan:
    """What `Matcher.scan` found: hits to look at one by one (with the term hit that encloses a
    spelling hit), and the first occurrence and count of each preferred form."""

    occurrences: int = 0
    hits: list[tuple[Hit, "Hit | None"]] = field(default_factory=list)
    accepted: list[tuple[Hit, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Tiled:
    terms: list
    spelling: list
    near: list
    hit: object


class _Target(NamedTuple):
    """What an index key stands for, as plain data: numbers into the matcher's tables of entries
    and forms, flags and a string. A glossary of 100,000 terms compiles to hundreds of thousands
    of these; tuples of atoms are dropped from the cyclic garbage collector's lists after its
    first pass, so later collections do not traverse the whole index again."""

    entry: int                 # position in the matcher's table of entries
    form: int                  # position in its table of forms; -1 for a romanisation
    generated: bool            # joined, inflected or romanised: not the listed token sequence
    romanised: bool
    text: str = ""             # the form, normalised
    letters: int = 0           # how many letters the form has
    acronym: bool = False      # all capitals (NATO, U.S.): other cases are usually other words
    case_sensitive: bool = True
    proper: bool = False       # a proper name or title: a lone word in lower case is not it

    @staticmethod
    def of(entry: Entry, entry_no: int, form: Form | None, form_no: int,
           romanised: bool = False) -> "_Target":
        text = normalize(form.text).text if form is not None else ""
        letters = [c for c in text if c.isalpha()]
        return _Target(entry_no, form_no, romanised, romanised, text, len(letters),
                       len(letters) >= 2 and all(c.isupper() for c in letters),
                       entry.case_sensitive, entry.kind in _PROPER_KINDS)


def tokenize(text: str) -> list[_Token]:
    """Word tokens of normalised text, with lower-case keys (dots dropped: U.S. -> us)."""
    return [_Token(m.group().replace(".", "").lower(), m.start(), m.end())
            for m in _TOKEN.finditer(text)]


def _plural_variants(word: str) -> set[str]:
    out = {word + "s", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        out.add(word[:-1] + "ies")
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.add(word[:-1])
    return out


def _join_variants(keys: tuple[str, ...], seps: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Key tuples with any subset of the hyphen-joined words written as one word."""
    hyphens = [i for i, sep in enumerate(seps) if "-" in sep]
    out = set()
    for mask in range(1, 2 ** min(len(hyphens), 4)):
        joined = {hyphens[b] for b in range(len(hyphens)) if mask >> b & 1}
        merged: list[str] = [keys[0]]
        for i, key in enumerate(keys[1:]):
            if i in joined:
                merged[-1] += key
            else:
                merged.append(key)
        out.add(tuple(merged))
    return out


class _Layer:
    """One token n-gram index: key tuples -> a bucket of targets, kept in a `WordTrie` for the
    scan (each step a dict lookup, no tuple built).

    The index is plain data, so that the cyclic garbage collector, having seen it once, stops
    traversing it (a tuple of numbers and strings is untracked; a dict, a list, an object or a
    tuple holding one stays tracked): the trie's payloads are bucket numbers, and buckets are
    tuples of targets written as bare tuples, in a list shared by the layers. Made of objects, a
    100,000-term index was 1.6 million tracked objects, and each collection during a lint
    traversed them all again (0.9 s)."""

    def __init__(self, buckets: list[tuple[tuple, ...]]) -> None:
        self.index: dict[tuple[str, ...], int] = {}  # key tuple -> bucket number
        self.buckets = buckets
        self.trie = WordTrie()

    def put(self, keys: tuple[str, ...], target: _Target) -> None:
        number = self.index.get(keys)
        if number is None:
            self.index[keys] = len(self.buckets)
            self.buckets.append((tuple(target),))
            self.trie.insert(keys, self.index[keys])
            return
        bucket = self.buckets[number]
        if all(t[0] != target.entry or t[1] != target.form for t in bucket):
            self.buckets[number] = bucket + (tuple(target),)

    def add_form(self, listed: _Target, *, inflect: bool) -> None:
        """A listed form, its hyphen-joined spellings and (when `inflect`) their plurals."""
        norm = listed.text
        tokens = tokenize(norm)
        if not tokens:
            return
        generated = listed._replace(generated=True)
        keys = tuple(t.key for t in tokens)
        seps = tuple(norm[a.end:b.start] for a, b in zip(tokens, tokens[1:]))
        self.put(keys, listed)
        variants = _join_variants(keys, seps)
        inflect = inflect and keys[-1].isalpha() and len(keys[-1]) > 2
        for base in {keys} | variants:
            if base != keys:
                self.put(base, generated)
            if inflect:
                for plural in _plural_variants(base[-1]):
                    self.put(base[:-1] + (plural,), generated)

    def add_romanisations(self, hangul: str, target: _Target, tier: int) -> None:
        for surname, given in name_variants(hangul.replace(" ", ""), tier):
            for first, second in ((surname, given), (given, surname)):
                keys = first + second
                seps = ("-",) * (len(keys) - 1)
                for variant in {keys} | _join_variants(keys, seps):
                    if variant not in self.index:
                        self.put(variant, target)


class Matcher:
    """A glossary compiled for matching English text. Build once, use for many texts.

    Spelling conventions (entries of kind `spelling`, such as defense/defence) are a layer of
    their own: they are found inside longer terms too ("defence" in "defence industry"), since a
    house spelling applies to every word wherever it stands.
    """

    def __init__(self, glossary: Glossary | Iterable[Entry], *, romanise: bool = True,
                 tier: int = 2, near_misses: bool = True) -> None:
        with gc_paused():  # millions of small objects for a big glossary, none of them cyclic
            self._build(glossary, romanise, tier, near_misses)

    def _build(self, glossary, romanise: bool, tier: int, near_misses: bool) -> None:
        self._entries: list[Entry] = []
        self._forms: list[Form] = []
        self._buckets: list[tuple[tuple, ...]] = []
        self._terms = _Layer(self._buckets)
        self._spelling = _Layer(self._buckets)
        self._near = NearIndex()
        for entry_no, entry in enumerate(glossary):
            self._entries.append(entry)
            layer = self._spelling if entry.kind is Kind.SPELLING else self._terms
            for form in entry.forms:
                self._forms.append(form)
                target = _Target.of(entry, entry_no, form, len(self._forms) - 1)
                layer.add_form(target, inflect=entry.kind is not Kind.PERSON)
                if near_misses and entry.kind in _NAME_KINDS and entry.case_sensitive:
                    self._near.add(form.text, (entry, form))
            if romanise and entry.kind is Kind.PERSON and entry.hangul:
                layer.add_romanisations(entry.hangul, _Target.of(entry, entry_no, None, -1,
                                                                 romanised=True), tier)

    def __len__(self) -> int:
        return len(self._terms.index) + len(self._spelling.index)

    def _near_hits(self, norm, starts: Sequence[int], ends: Sequence[int], keys: Sequence[str],
                   run_end: Sequence[int], covered: set[int], original: str) -> list[Hit]:
        """Capitalised names not in the glossary but one edit away from a name that is."""
        found = []
        for a, b, (entry, form) in self._near.scan(norm.text, starts, ends, keys, run_end,
                                                   covered):
            start = norm.to_original(starts[a])
            end = norm.to_original(ends[b] - 1) + 1
            found.append(Hit(entry, form, How.NEAR, start, end,
                             original[start:end]))
        return found

    def find(self, text: str) -> list[Hit]:
        """Every term in `text`, not overlapping, choosing the readings that cover the most words.

        "President Lee Jae-myung" reads as President + Lee Jae-myung rather than President Lee +
        a stray Jae-myung: among overlapping candidates, the set of hits covering the most tokens
        wins, then the one with fewer (longer) hits, then the leftmost.
        """
        with gc_paused():
            return self._find(text)

    def _find(self, text: str) -> list[Hit]:
        tiled = self._tile(text)
        if tiled is None:
            return []
        hits = [tiled.hit(*move) for move in tiled.terms]
        extra = [tiled.hit(*move) for move in tiled.spelling] + tiled.near
        if not extra:
            return hits  # the tiling is in order already
        return sorted(hits + extra, key=lambda h: (h.start, -h.end))

    def scan(self, text: str) -> "Scan":
        """Like `find`, for linting large texts: occurrences of accepted forms are counted,
        not materialised (one Hit per preferred form, its first occurrence); every other hit
        comes with the term hit that encloses it, for spelling hits inside terms."""
        with gc_paused():
            return self._scan(text)

    def _scan(self, text: str) -> "Scan":
        result = Scan()
        tiled = self._tile(text)
        if tiled is None:
            return result
        terms = tiled.terms
        result.occurrences = len(terms) + len(tiled.spelling) + len(tiled.near)
        # Outcomes are memoised, one object per term and spelling, so the count and first move
        # of each are taken in C (a text may hold hundreds of thousands of accepted forms), and
        # Python looks at each distinct outcome once.
        outcomes = list(map(itemgetter(2), terms))
        tally = Counter(map(id, outcomes))
        firsts = dict(zip(map(id, reversed(outcomes)), reversed(terms)))  # the earliest wins
        accepted: dict[int, list] = {}  # id of a preferred Form -> [first move, count]
        flagged: set[int] = set()
        for key, move in firsts.items():
            form, how, _ = move[2]
            if how is How.EXACT and form is not None and form.status is Status.ADMITTED:
                continue
            if how is not How.EXACT or form is None or form.status is not Status.PREFERRED:
                flagged.add(key)
                continue
            seen = accepted.get(id(form))
            if seen is None:
                accepted[id(form)] = [move, tally[key]]
            else:  # the same form in another case or inflection
                seen[1] += tally[key]
                if move[0] < seen[0][0]:
                    seen[0] = move
        if flagged:
            result.hits = [(tiled.hit(*move), None) for move in
                           compress(terms, map(flagged.__contains__, map(id, outcomes)))]
        term_starts = [move[0] for move in tiled.terms]
        for move in tiled.spelling:
            result.occurrences += 1
            k = bisect.bisect_right(term_starts, move[0]) - 1
            inside = None
            if k >= 0 and tiled.terms[k][0] + tiled.terms[k][1] >= move[0] + move[1]:
                inside = tiled.hit(*tiled.terms[k])
            result.hits.append((tiled.hit(*move), inside))
        result.hits += [(hit, None) for hit in tiled.near]
        result.occurrences += len(tiled.near)
        result.hits.sort(key=lambda pair: (pair[0].start, -pair[0].end))
        result.accepted = [(tiled.hit(*first), count) for first, count in accepted.values()]
        return result

    def _tile(self, text: str) -> "_Tiled | None":
        """Tokens, candidates and the chosen tiling of both layers, plus near misses."""
        norm = normalize(text)
        body = norm.text
        keys: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for match in _TOKEN.finditer(body):
            keys.append(match.group().replace(".", "").lower())
            starts.append(match.start())
            ends.append(match.end())
        count = len(keys)
        if not count:
            return None
        # run_end[i]: the last token that can belong to a term starting at i.
        run_end = [0] * count
        run_end[-1] = count - 1
        joinable = _JOINABLE.fullmatch
        for i in range(count - 2, -1, -1):
            run_end[i] = run_end[i + 1] if joinable(body, ends[i], starts[i + 1]) else i
        # bucket number -> surface -> outcome: a term recurs, mostly in the same few spellings.
        memo: defaultdict[int, dict[str, tuple[Form | None, How, Entry] | None]] = \
            defaultdict(dict)
        buckets, entries, forms = self._buckets, self._entries, self._forms

        def resolve(number: int, i: int, length: int):
            surface = body[starts[i]:ends[i + length - 1]]
            known = memo[number]
            outcome = known.get(surface, known)
            if outcome is known:
                written = _WHITESPACE.sub(" ", surface) if "\n" in surface or "  " in surface \
                    else surface
                outcome = known[surface] = _resolve(buckets[number], written, length, entries,
                                                    forms)
            return outcome

        identity = norm.is_identity
        to_original = norm.to_original

        def hit(i: int, length: int, outcome) -> Hit:
            form, how, entry = outcome
            if identity:
                start, end = starts[i], ends[i + length - 1]
            else:
                start = to_original(starts[i])
                end = to_original(ends[i + length - 1] - 1) + 1
            return Hit(entry, form, how, start, end, text[start:end])

        chosen = self._terms.trie.tile(keys, run_end, resolve)
        spelling = self._spelling.trie.tile(keys, run_end, resolve) if self._spelling.trie else []
        near: list[Hit] = []
        if self._near:
            covered = {t for i, length, _ in chosen for t in range(i, i + length)}
            near = self._near_hits(norm, starts, ends, keys, run_end, covered, text)
        return _Tiled(chosen, spelling, near, hit)


def _resolve(bucket: Sequence[tuple], surface: str, length: int, entries: Sequence[Entry],
             forms: Sequence[Form]) -> tuple[Form | None, How, Entry] | None:
    """Which target of a bucket a surface stands for, and how; None when it stands for none."""
    best: tuple[tuple[int, int], _Target, How] | None = None
    for row in bucket:
        target = _Target._make(row)
        how = _classify(surface, target, length)
        if how is None:
            continue
        form = forms[target.form] if target.form >= 0 else None
        rank = (0 if how is How.EXACT else 1 if how is How.CASE else 2,
                0 if form is not None and form.status is Status.PREFERRED else 1)
        if best is None or rank < best[0]:
            best = (rank, target, how)
            if rank == (0, 0):
                break
    if best is None:
        return None
    _, target, how = best
    form, entry = forms[target.form] if target.form >= 0 else None, entries[target.entry]
    if how is How.CASE and form is not None and form.status in (Status.DEPRECATED,
                                                                 Status.FORBIDDEN):
        how = How.EXACT  # a flagged form in other capitals is still that flagged form
    if how is How.SPELLING and form is not None and form.status in (Status.DEPRECATED,
                                                                      Status.FORBIDDEN):
        # Another spelling of a flagged form may be the accepted one in a longer phrase
        # ("NATO Secretary General" against a deprecated "NATO Secretary-General").
        accepted = _accepted_inside(surface, entry)
        if accepted is not None:
            form, how = accepted, How.EXACT
    return form, how, entry


def _accepted_inside(surface: str, entry: Entry) -> Form | None:
    """A preferred or admitted form of `entry` written exactly inside `surface`, on word edges."""
    for form in entry.forms:
        if form.status not in (Status.PREFERRED, Status.ADMITTED):
            continue
        text = normalize(form.text).text
        flags = 0 if entry.case_sensitive else re.IGNORECASE
        if re.search(rf"(?<![^\W_]){re.escape(text)}(?![^\W_])", surface, flags):
            return form
    return None


def _classify(surface: str, target: _Target, length: int) -> How | None:
    if target.romanised:
        return How.ROMANISED
    form = target.text
    if surface == form:
        return How.EXACT
    acronym = target.acronym
    if target.generated and _same_but_inflection(surface, form):
        return How.EXACT
    folded_equal = surface.lower() == form.lower() or (
        target.generated and _same_but_inflection(surface.lower(), form.lower()))
    if folded_equal:
        if not target.case_sensitive:
            return How.EXACT
        if acronym:
            # An acronym in another case is usually another word ("us"), unless capitalised
            # and long enough to be the acronym written as a name ("Nato").
            return How.CASE if surface[:1].isupper() and target.letters >= 3 else None
        if surface.isupper():
            return How.EXACT  # headline and dateline capitals (SEOUL, June 26): typography
        if length == 1 and not target.proper:
            return None  # "president" is a common noun, not a miscased "President"
        return How.CASE
    if acronym and not all(c.isupper() for c in surface if c.isalpha()):
        return None  # "us" is not a spelling of "U.S."
    if not target.case_sensitive or surface[:1].isupper() == form[:1].isupper() or \
            target.proper:
        return How.SPELLING
    return None


def _same_but_inflection(surface: str, form: str) -> bool:
    """True when the two differ only by a plural ending on the last word."""
    tail_s = re.search(r"[^\W_]+$", surface)
    tail_f = re.search(r"[^\W_]+$", form)
    if not tail_s or not tail_f or surface[:tail_s.start()] != form[:tail_f.start()]:
        return False
    a, b = tail_s.group(), tail_f.group()
    return a == b or a in _plural_variants(b) or b in _plural_variants(a)
