"""Rewriting deprecated variants to their canonical form (pure: text and hits in, text out).

Only unambiguous edits are made: the found text is the deprecated form itself, perhaps with a
capital first letter (start of a sentence), in capitals throughout, or with a regular plural
ending that the canonical form can take the same way. Anything else is left for a human.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from xlate.english.match import Hit, How
from xlate.model import Kind, Status


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    old: str
    new: str
    term: str


def _inflect(found_last: str, form_last: str, canonical_last: str) -> str | None:
    """Apply to canonical_last the ending that turns form_last into found_last."""
    if found_last == form_last:
        return canonical_last
    for suffix in ("s", "es"):
        if found_last == form_last + suffix:
            return canonical_last + suffix
    if form_last.endswith("y") and found_last == form_last[:-1] + "ies" and \
            canonical_last.endswith("y"):
        return canonical_last[:-1] + "ies"
    return None


def replacement(found: str, form: str, canonical: str) -> str | None:
    """The canonical form written the way `found` writes `form`, or None when unclear."""
    if any(c in found for c in "\n\r\t"):
        return None
    candidates = [(found, form, canonical)]
    if found[:1].isupper() and not form[:1].isupper():
        candidates.append((found[:1].lower() + found[1:], form, canonical))
    for text, source, target in candidates:
        if text == source:
            result = target
        elif text.isupper() and text == source.upper():
            return canonical.upper()
        else:
            head_f, _, last_f = text.rpartition(" ")
            head_s, _, last_s = source.rpartition(" ")
            head_t, _, last_t = target.rpartition(" ")
            if head_f != head_s:
                continue
            last = _inflect(last_f, last_s, last_t)
            if last is None:
                continue
            result = (head_t + " " if head_t else "") + last
        if text is not found:  # the capitalised first letter goes back on
            result = result[:1].upper() + result[1:]
        return result
    return None


def plan(hits: Iterable[Hit], day: dt.date | None = None) -> list[Edit]:
    """Edits for the hits that are deprecated variants (house spellings included).

    A house spelling inside a term is left alone, as the lint leaves it unreported: inside an
    accepted name it is the name's own spelling, inside a flagged term (forbidden, or a
    variant whose fix is unclear) the term's finding is the one to act on; the fix changes
    only what the report shows."""
    hits = list(hits)
    terms = sorted((hit.start, hit.end) for hit in hits if hit.entry.kind is not Kind.SPELLING)
    term_starts = [start for start, _ in terms]
    edits = []
    for hit in hits:
        if hit.entry.kind is Kind.SPELLING:
            # Terms do not overlap: the one starting last at or before the hit is the only one
            # that can hold it (a bisection, not a scan of every term of a long text).
            k = bisect.bisect_right(term_starts, hit.start) - 1
            if k >= 0 and hit.end <= terms[k][1]:
                continue
        if hit.how is not How.EXACT or hit.form is None or hit.form.status is not Status.DEPRECATED:
            continue
        preferred = hit.entry.preferred(day) or hit.entry.preferred()
        if preferred is None:
            continue
        new = replacement(hit.found, hit.form.text, preferred.text)
        if new is not None and new != hit.found:
            edits.append(Edit(hit.start, hit.end, hit.found, new, hit.entry.id))
    return _without_overlaps(edits)


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    """Term edits win over spelling edits inside them; otherwise keep the leftmost."""
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


def apply(text: str, edits: Iterable[Edit]) -> str:
    out = []
    last = 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[last:edit.start])
        out.append(edit.new)
        last = edit.end
    out.append(text[last:])
    return "".join(out)


