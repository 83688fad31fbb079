"""Finding glossary entries by id or by any form, in any language, and describing them."""

from __future__ import annotations

from xlate.glossary.validate import fold_form
from xlate.model import Entry, Form, Glossary, Status


def _keys(entry: Entry) -> list[tuple[str, str]]:
    """(folded text, where) for everything an entry can be found by."""
    keys = [(entry.id, "id")]
    keys += [(f.text, f"en {f.status.value}") for f in entry.forms]
    for locale, rendering in entry.renderings.items():
        keys += [(f.text, f"{locale} {f.status.value}") for f in rendering.forms]
    keys += [(v, k) for k, v in (("hangul", entry.hangul), ("hanja", entry.hanja)) if v]
    return [(fold_form(text, casefold=True), where) for text, where in keys]


def find_entries(glossary: Glossary, query: str) -> tuple[list[Entry], bool]:
    """Entries that have `query` as id or form (exact, ignoring case, dashes and apostrophes).

    When nothing matches exactly, entries containing `query` in one of those are returned and the
    second value is False.
    """
    needle = fold_form(query, casefold=True)
    if not needle:
        return [], True
    exact = [e for e in glossary if any(k == needle for k, _ in _keys(e))]
    if exact:
        return exact, True
    # Hyphen, space and joined spellings of one name are the same query ("Jae-myung" / "Jae Myung").
    squeezed = needle.replace("-", "").replace(" ", "")
    loose = [e for e in glossary
             if any(k.replace("-", "").replace(" ", "") == squeezed for k, _ in _keys(e))]
    if loose:
        return loose, True
    return [e for e in glossary if any(needle in k for k, _ in _keys(e))], False


def _form_line(form: Form) -> str:
    text = form.text
    dates = []
    if form.valid_from:
        dates.append(f"from {form.valid_from.isoformat()}")
    if form.valid_until:
        dates.append(f"until {form.valid_until.isoformat()}")
    if dates:
        text += f" ({', '.join(dates)})"
    if form.note:
        text += f"  -- {form.note}"
    return text


_LABELS = {Status.PREFERRED: "canonical", Status.ADMITTED: "admitted",
           Status.DEPRECATED: "deprecated", Status.FORBIDDEN: "forbidden"}


def describe(entry: Entry, *, where: str | None = None) -> str:
    """A plain-text card for one entry, as `xlate glossary show` prints it."""
    out = [f"{entry.id}  ({entry.kind.value})" + (f"  {where}" if where else "")]
    for status in Status:
        forms = entry.with_status(status)
        if forms:
            out.append(f"  {_LABELS[status] + ':':<12}" + "; ".join(_form_line(f) for f in forms))
    if not entry.case_sensitive:
        out.append(f"  {'case:':<12}insensitive")
    for key in ("hangul", "hanja"):
        value = getattr(entry, key)
        if value:
            out.append(f"  {key + ':':<12}{value}")
    if entry.see:
        out.append(f"  {'see:':<12}{', '.join(entry.see)}")
    for locale, rendering in entry.renderings.items():
        out.append(f"  [{locale}]")
        for status in Status:
            forms = rendering.with_status(status)
            label = "approved" if status is Status.PREFERRED else status.value
            if forms:
                out.append(f"    {label + ':':<12}" + "; ".join(_form_line(f) for f in forms))
        if rendering.note:
            out.append(f"    {'note:':<12}{rendering.note}")
    if entry.note:
        out.append("  note:")
        out.extend(f"    {line}" if line else "" for line in entry.note.splitlines())
    return "\n".join(out) + "\n"
