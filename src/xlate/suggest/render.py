"""The review list of `xlate glossary suggest` as text and as JSON (pure)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from xlate.suggest.discover import Candidate, Occurrence, Suggestions

JSON_VERSION = 1


def _where(occurrence: Occurrence) -> str:
    return f"{occurrence.path}:{occurrence.line}:{occurrence.column}"


def _title(candidate: Candidate) -> str:
    name = candidate.canonical
    if candidate.acronym and candidate.acronym != name:
        name += f" ({candidate.acronym})"
    return name


def render_text(suggestions: Suggestions, files: Sequence[str], *, limit: int | None = None,
                examples: int = 2) -> str:
    candidates = suggestions.candidates
    shown = candidates[:limit] if limit is not None else candidates
    out = [f"{len(candidates)} new concept{'s' if len(candidates) != 1 else ''} and "
           f"{len(suggestions.variants)} variant{'s' if len(suggestions.variants) != 1 else ''}"
           f" of glossary entries in {len(files)} file{'s' if len(files) != 1 else ''} "
           f"({suggestions.known} glossary term{'s' if suggestions.known != 1 else ''} "
           "already known)."]
    if shown:
        out += ["", "New concepts, best first:"]
        width = len(str(len(shown)))
    for rank, candidate in enumerate(shown, start=1):
        out.append(f"{rank:>{width}}. {candidate.kind.value:<12} {_title(candidate)}  "
                   f"({candidate.count}x, score {candidate.score:g})")
        pad = " " * (width + 2)
        others = [f for f in candidate.admitted if f != candidate.acronym]
        if others:
            out.append(f"{pad}also written: {', '.join(others)}")
        if candidate.references:
            out.append(f"{pad}referred to as: "
                       + ", ".join(f"{r} ({n}x)" for r, n in candidate.references.most_common()))
        if candidate.hangul:
            out.append(f"{pad}Hangul: {', '.join(r.hangul for r in candidate.hangul)}")
        if candidate.renderings:
            out.append(f"{pad}CLDR: " + ", ".join(f"{locale} {name}" for locale, name
                                                  in candidate.renderings.items()))
        out.append(f"{pad}why: {'; '.join(candidate.evidence)}")
        for note in candidate.notes:
            out.append(f"{pad}note: {note}")
        if candidate.see or candidate.related:
            out.append(f"{pad}see: {', '.join(candidate.see + candidate.related)}")
        for occurrence in candidate.occurrences[:examples]:
            out.append(f"{pad}{_where(occurrence)}: {occurrence.sentence}")
    if limit is not None and len(candidates) > limit:
        out.append(f"... and {len(candidates) - limit} more (--limit {limit})")
    if suggestions.variants:
        out += ["", "Variants of glossary entries (not new concepts):"]
        for variant in suggestions.variants:
            out.append(f"  '{variant.found}' is {variant.how} of {variant.entry_id} "
                       f"('{variant.canonical}'), {variant.count}x: "
                       + ", ".join(_where(o) for o in variant.occurrences[:3]))
    return "\n".join(out) + "\n"


def _occurrence(occurrence: Occurrence) -> dict:
    return {"path": occurrence.path, "line": occurrence.line, "column": occurrence.column,
            "found": occurrence.found, "sentence": occurrence.sentence}


def to_json(suggestions: Suggestions, files: Sequence[str], *,
            limit: int | None = None) -> str:
    candidates = suggestions.candidates[:limit] if limit is not None \
        else suggestions.candidates
    payload = {
        "version": JSON_VERSION,
        "files": list(files),
        "known": suggestions.known,
        "candidates": [{
            "rank": rank, "kind": c.kind.value, "canonical": c.canonical,
            "forms": dict(c.forms.most_common()), "acronym": c.acronym,
            "references": dict(c.references.most_common()), "count": c.count,
            "score": c.score, "evidence": c.evidence, "notes": c.notes,
            "hangul": [{"text": r.hangul, "cost": r.cost} for r in c.hangul],
            "cldr": c.renderings, "see": c.see,
            "occurrences": [_occurrence(o) for o in c.occurrences],
        } for rank, c in enumerate(candidates, start=1)],
        "variants": [{
            "found": v.found, "entry": v.entry_id, "canonical": v.canonical, "how": v.how,
            "count": v.count, "occurrences": [_occurrence(o) for o in v.occurrences],
        } for v in suggestions.variants],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
