"""How a written surface relates to the glossary form it matched (pure).

The index finds candidates by lower-cased word keys; whether "US" there is the acronym or the
pronoun, "Nato" a miscased NATO, "Jae Myung" another spelling of "Jae-myung" or "presidents" a
plural of a listed "president" is decided here, on the surface as written, for each candidate
the tiling chooses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from xlate.english.textmap import normalize
from xlate.model import Entry, Form, Kind, Status

PROPER_KINDS = frozenset({Kind.PERSON, Kind.ORGANISATION, Kind.PLACE, Kind.OFFICE,
                          Kind.PROGRAMME, Kind.EVENT})


class How(Enum):
    """How a surface relates to the form it matched."""

    EXACT = "exact"          # the form as listed (case and inflection aside where allowed)
    CASE = "case"            # the form in another case, in a case-sensitive entry
    SPELLING = "spelling"    # another hyphen/space/joined spelling, or U.S./US
    ROMANISED = "romanised"  # a generated romanisation of the entry's Hangul
    NEAR = "near"            # a capitalised name within one edit of a form: a probable typo


class Target(NamedTuple):
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
           romanised: bool = False) -> Target:
        text = normalize(form.text).text if form is not None else ""
        letters = "".join(filter(str.isalpha, text))
        return Target(entry_no, form_no, romanised, romanised, text, len(letters),
                       len(letters) >= 2 and all(map(str.isupper, letters)),
                       entry.case_sensitive, entry.kind in PROPER_KINDS)


def plural_variants(word: str) -> set[str]:
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


def resolve(bucket: Sequence[tuple], surface: str, length: int, entries: Sequence[Entry],
             forms: Sequence[Form]) -> tuple[Form | None, How, Entry] | None:
    """Which target of a bucket a surface stands for, and how; None when it stands for none."""
    best: tuple[tuple[int, int], Target, How] | None = None
    for row in bucket:
        target = Target._make(row)
        how = classify(surface, target, length)
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


def classify(surface: str, target: Target, length: int) -> How | None:
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
    return a == b or a in plural_variants(b) or b in plural_variants(a)
