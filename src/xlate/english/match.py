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

One module, over 300 lines: building the index and scanning with it share one representation
of targets, tuned together for speed (bench/README.md).
"""

from __future__ import annotations

import bisect
import gc
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress, pairwise
from operator import itemgetter
from typing import Any

from xlate.english.nearmiss import NearIndex
from xlate.english.romanize import name_variants, surname_spellings
from xlate.english.surface import How, Target, plural_variants
from xlate.english.surface import resolve as resolve_surface
from xlate.english.textmap import normalize
from xlate.english.tiling import WordTrie
from xlate.model import Entry, Form, Glossary, Kind, Status

# Word tokens: abbreviations with dots (U.S.), else runs of letters and digits.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")
# What may stand between two words of one term: spaces (one line break at most), one hyphen or
# apostrophe. Anything else (a full stop, a comma, a blank line) ends a term.
_WHITESPACE = re.compile(r"\s+")
_JOINABLE = re.compile(r"(?:[ ]*\n?[ ]*)(?:[-'][ ]*\n?[ ]*)?")
# Near misses are looked for only among names: a typo in a common noun is a spell checker's job.
_NAME_KINDS = {Kind.PERSON, Kind.ORGANISATION, Kind.PLACE}


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


@dataclass(frozen=True, slots=True)
class Hit:
    """A glossary term found in a text. Offsets are in the original text."""

    entry: Entry
    form: Form | None          # None for generated romanisations
    how: How
    start: int
    end: int
    found: str


@dataclass
class Scan:
    """What `Matcher.scan` found: hits to look at one by one (with the term hit that encloses a
    spelling hit), and the first occurrence and count of each preferred form."""

    occurrences: int = 0
    hits: list[tuple[Hit, Hit | None]] = field(default_factory=list)
    accepted: list[tuple[Hit, int]] = field(default_factory=list)
    # A title immediately followed by a person ("Secretary General Mark Rutte"), for the rule
    # that a title belongs to its people (T107).
    titled: list[tuple[Hit, Hit]] = field(default_factory=list)


@dataclass(frozen=True)
class _Tiled:
    terms: list
    spelling: list
    near: list
    hit: Callable[[int, int, Any], Hit]  # (start word, word count, outcome) -> Hit


def tokenize(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The word keys of normalised text, lower case with dots dropped (U.S. -> us), and what
    stands between each two of them."""
    matches = list(_TOKEN.finditer(text))
    keys = tuple(m.group().replace(".", "").lower() for m in matches)
    return keys, tuple(text[a.end():b.start()] for a, b in pairwise(matches))


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

    def put(self, keys: tuple[str, ...], target: tuple) -> None:
        """Index `keys` for `target` (a `Target` written as a bare tuple)."""
        number = self.index.get(keys)
        if number is None:
            number = self.index[keys] = len(self.buckets)
            self.buckets.append((target,))
            self.trie.insert(keys, number)
            return
        bucket = self.buckets[number]
        if all(t[0] != target[0] or t[1] != target[1] for t in bucket):  # entry, form
            self.buckets[number] = bucket + (target,)

    def add_form(self, listed: Target, *, inflect: bool) -> None:
        """A listed form, its hyphen-joined spellings and (when `inflect`) their plurals."""
        keys, seps = tokenize(listed.text)
        if not keys:
            return
        generated = tuple(listed._replace(generated=True))
        self.put(keys, tuple(listed))
        variants = _join_variants(keys, seps)
        inflect = inflect and keys[-1].isalpha() and len(keys[-1]) > 2
        for base in {keys} | variants:
            if base != keys:
                self.put(base, generated)
            if inflect:
                for plural in plural_variants(base[-1]):
                    self.put(base[:-1] + (plural,), generated)

    def add_romanisations(self, hangul: str, target: Target, tier: int,
                          listed: Iterable[str] = ()) -> None:
        """Spellings of a Korean name generated from its Hangul, and mixed with the listed
        forms: a generated surname before the listed given name (Wee Sung-lac, Rim Jong-seok
        for Wi Sung-lac, Im Jong-seok), since official given names are personal spellings
        the tables cannot generate."""
        hangul = hangul.replace(" ", "")
        variants = set(name_variants(hangul, tier))
        surnames = surname_spellings(hangul, tier)
        for text in listed:
            keys, _ = tokenize(text)
            if len(keys) < 2:
                continue
            if keys[0] in surnames:  # surname first
                variants |= {((surname,), keys[1:]) for surname in surnames}
            elif keys[-1] in surnames:  # given name first
                variants |= {((surname,), keys[:-1]) for surname in surnames}
        for surname, given in sorted(variants):
            for first, second in ((surname, given), (given, surname)):
                keys = first + second
                seps = ("-",) * (len(keys) - 1)
                for variant in {keys} | _join_variants(keys, seps):
                    if variant not in self.index:
                        self.put(variant, tuple(target))


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

    @property
    def entries(self) -> list[Entry]:
        """The glossary's entries, in the order the matcher was given them."""
        return self._entries

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self._entries}

    @cached_property
    def titles_of(self) -> dict[str, frozenset[str]]:
        """person id -> the ids of the titles the glossary links with that person (`see`, in
        either direction)."""
        found: dict[str, set[str]] = defaultdict(set)
        by_id = self.by_id
        for entry in self._entries:
            for other_id in entry.see:
                other = by_id.get(other_id)
                if other is None:
                    continue
                if entry.kind is Kind.TITLE and other.kind is Kind.PERSON:
                    found[other.id].add(entry.id)
                elif entry.kind is Kind.PERSON and other.kind is Kind.TITLE:
                    found[entry.id].add(other.id)
        return {person: frozenset(titles) for person, titles in found.items()}

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
                target = Target.of(entry, entry_no, form, len(self._forms) - 1)
                layer.add_form(target, inflect=entry.kind is not Kind.PERSON)
                if near_misses and entry.kind in _NAME_KINDS and entry.case_sensitive:
                    self._near.add(form.text, (entry, form))
            if romanise and entry.kind is Kind.PERSON and entry.hangul:
                layer.add_romanisations(entry.hangul, Target.of(entry, entry_no, None, -1,
                                                                 romanised=True), tier,
                                        [form.text for form in entry.forms])

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

    def scan(self, text: str) -> Scan:
        """Like `find`, for linting large texts: occurrences of accepted forms are counted,
        not materialised (one Hit per preferred form, its first occurrence); every other hit
        comes with the term hit that encloses it, for spelling hits inside terms."""
        with gc_paused():
            return self._scan(text)

    def _scan(self, text: str) -> Scan:
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
        # The earliest wins: zipped in reverse, a later move is overwritten by an earlier one.
        firsts = dict(zip(map(id, reversed(outcomes)), reversed(terms), strict=True))
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
            k = bisect.bisect_right(term_starts, move[0]) - 1
            inside = None
            if k >= 0 and tiled.terms[k][0] + tiled.terms[k][1] >= move[0] + move[1]:
                inside = tiled.hit(*tiled.terms[k])
            result.hits.append((tiled.hit(*move), inside))
        result.hits += [(hit, None) for hit in tiled.near]
        result.hits.sort(key=lambda pair: (pair[0].start, -pair[0].end))
        result.accepted = [(tiled.hit(*first), count) for first, count in accepted.values()]
        for before, after in pairwise(terms):
            if before[0] + before[1] == after[0] and before[2][2].kind is Kind.TITLE and \
                    after[2][2].kind is Kind.PERSON:
                result.titled.append((tiled.hit(*before), tiled.hit(*after)))
        return result

    def _tile(self, text: str) -> _Tiled | None:
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
            if joinable(body, ends[i], starts[i + 1]) or (
                    # an initial and its full stop: "Jay Y. Lee", "George W. Bush"
                    ends[i] - starts[i] == 1 and body[ends[i]] == "."
                    and body[starts[i]].isupper()
                    and joinable(body, ends[i] + 1, starts[i + 1])):
                run_end[i] = run_end[i + 1]
            else:
                run_end[i] = i
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
                outcome = known[surface] = resolve_surface(buckets[number], written, length,
                                                           entries, forms)
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
