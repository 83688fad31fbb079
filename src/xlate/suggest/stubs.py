"""Proposals as `[[term]]` tables in the glossary's own format, to review and fill (pure).

Each stub has the kind, the canonical form (the spelling seen most), the other spellings seen as
`admitted`, the acronym, `see` links, and a note with the evidence, the Hangul candidates of a
Korean name and where the name was first seen. Every configured target locale gets an empty
`approved = ""`: `xlate glossary validate` refuses the file (G103) until a translator has filled
each one, so a stub cannot slip into the glossary unreviewed. CLDR's name of a country or city
is given beside it as a comment, to confirm, never as the rendering.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from xlate.glossary.toml_text import array_value, basic_string, note_value
from xlate.model import Kind
from xlate.suggest.discover import Candidate, Suggestions

_ID_CHARS = re.compile(r"[^a-z0-9]+")


def stub_id(text: str, taken: set[str]) -> str:
    """A glossary id made from `text` (lower case, digits, _), not among `taken`."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    base = _ID_CHARS.sub("_", ascii_text.lower()).strip("_")[:48].strip("_") or "term"
    if not base[0].isalpha():
        base = f"t_{base}"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    taken.add(candidate)
    return candidate


def stubs_toml(suggestions: Suggestions, *, locales: Sequence[str], taken_ids: Iterable[str],
               taken_forms: Iterable[str] = (), sources: Sequence[str] = (),
               limit: int | None = None) -> str:
    """The TOML text of the stubs for `suggestions.candidates` (the first `limit`), with ids
    that are not in `taken_ids` and no form that is in `taken_forms` (the glossary's) or in an
    earlier stub."""
    taken = set(taken_ids)
    forms_used = {f.casefold() for f in taken_forms}
    chosen = suggestions.candidates[:limit] if limit is not None else suggestions.candidates
    ids = {c.key: stub_id(c.canonical, taken) for c in chosen}
    header = [
        "# Glossary entries proposed by `xlate glossary suggest`"
        + (f" from {', '.join(sources)}" if sources else "") + ".",
        "# Review each one: check its kind and canonical form, fill every `approved` rendering",
        "# (`xlate glossary validate` refuses an empty one), uncomment a Hangul line you have",
        "# confirmed, and delete the entries you do not want.",
    ]
    blocks = ["\n".join(header) + "\n"]
    for rank, candidate in enumerate(chosen, start=1):
        blocks.append(_stub(rank, candidate, ids, forms_used, locales))
    if suggestions.variants:
        lines = ["# Spellings that are variants of glossary entries, not new concepts: add",
                 "# them by hand to the entry's admitted, deprecated or forbidden forms."]
        for variant in suggestions.variants:
            first = variant.occurrences[0]
            lines.append(f"#   {variant.found!r}: variant of {variant.entry_id} "
                         f"({variant.canonical!r}), {variant.how}; {variant.count}x, first at "
                         f"{first.path}:{first.line}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def _stub(rank: int, candidate: Candidate, ids: dict[str, str], forms_used: set[str],
          locales: Sequence[str]) -> str:
    forms = [candidate.canonical, *candidate.admitted]
    if candidate.acronym and candidate.acronym not in forms:
        forms.append(candidate.acronym)
    kept = []
    for form in forms:
        if form.casefold() not in forms_used:
            forms_used.add(form.casefold())
            kept.append(form)
    canonical, admitted = (kept[0], kept[1:]) if kept else (candidate.canonical, [])
    lines = [f"# {rank}. {candidate.kind.value}, seen {candidate.count} time"
             f"{'s' if candidate.count != 1 else ''}: {'; '.join(candidate.evidence)}",
             "[[term]]", f"id = {basic_string(ids[candidate.key])}",
             f"kind = {basic_string(candidate.kind.value)}",
             f"canonical = {basic_string(canonical)}"]
    if admitted:
        lines.append(f"admitted = {array_value([basic_string(f) for f in admitted])}")
    if canonical == canonical.lower() and candidate.kind is not Kind.PERSON:
        lines.append("case_sensitive = false")
    if candidate.hangul:
        lines.append(f"# hangul = {basic_string(candidate.hangul[0].hangul)}  "
                     "# the best reading: confirm, then uncomment")
    see = [*candidate.see, *(ids[k] for k in candidate.related if k in ids)]
    if see:
        lines.append(f"see = {array_value([basic_string(s) for s in see])}")
    lines.append(f"note = {note_value(_note(candidate))}")
    text = "\n".join(lines) + "\n"
    for locale in locales:
        suggestion = candidate.renderings.get(locale)
        comment = f"  # CLDR: {suggestion}" if suggestion else ""
        text += f"\n[term.{locale}]\napproved = \"\"{comment}\n"
    return text


def _note(candidate: Candidate) -> str:
    lines = ["Proposed by xlate glossary suggest; to review."]
    if candidate.hangul:
        readings = ", ".join(r.hangul for r in candidate.hangul)
        lines.append(f"Hangul candidates, best first: {readings}.")
    lines.extend(f"{note[0].upper()}{note[1:]}" + ("" if note.endswith(("?", "!", "."))
                                                    else ".") for note in candidate.notes)
    if candidate.references:
        refs = ", ".join(f"{r} ({n}x)" for r, n in candidate.references.most_common())
        lines.append(f"Also referred to as: {refs}.")
    first = candidate.occurrences[0]
    lines.append(f"First seen at {first.path}:{first.line}: \"{first.sentence}\"")
    return "\n".join(lines)
