"""JSON (lossless, versioned) and Weblate CSV forms of the glossary. Pure: str out/in.

CSV is written here and read back by `glossary.csvread`, which says what it cannot carry.

The JSON document, version 1::

    {
      "format": "xlate-glossary",
      "version": 1,
      "source_locale": "en",
      "entries": [
        {
          "id": "wi_sung_lac",
          "kind": "person",
          "forms": [{"text": "Wi Sung-lac", "status": "preferred", "valid_from": null,
                     "valid_until": null, "note": ""}, ...],
          "renderings": {"ko": {"forms": [...], "note": "..."}, ...},
          "case_sensitive": true,
          "hangul": "위성락",
          "hanja": null,
          "see": ["nsa_kr"],
          "note": "..."
        }
      ]
    }

`forms` are the source-language forms in glossary order; statuses are `preferred`, `admitted`,
`deprecated`, `forbidden`; dates are ISO `YYYY-MM-DD` or null; `renderings` are keyed by target
locale and written in locale order. Every key is always written. A reader of a newer `version`
refuses rather than guesses. Output is deterministic: fixed key order, UTF-8 text
(`ensure_ascii=False`), two-space indent, one trailing newline.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any

from xlate.errors import FormatError
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

FORMAT = "xlate-glossary"
VERSION = 1
_ENTRY_KEYS = {"id", "kind", "forms", "renderings", "case_sensitive", "hangul", "hanja", "see",
               "note", "source_locale"}
_FORM_KEYS = {"text", "status", "valid_from", "valid_until", "note"}


# --- JSON ---------------------------------------------------------------------------------------

def form_to_dict(form: Form) -> dict[str, Any]:
    return {"text": form.text, "status": form.status.value,
            "valid_from": form.valid_from.isoformat() if form.valid_from else None,
            "valid_until": form.valid_until.isoformat() if form.valid_until else None,
            "note": form.note}


def entry_to_dict(entry: Entry, *, source_locale: str | None = None) -> dict[str, Any]:
    """One entry as plain JSON data; with `source_locale`, the dict also says which locale
    `forms` are in (for a standalone entry; the export says it once at the top)."""
    data: dict[str, Any] = {"id": entry.id, "kind": entry.kind.value}
    if source_locale is not None:
        data["source_locale"] = source_locale
    data["forms"] = [form_to_dict(f) for f in entry.forms]
    data["renderings"] = {
        locale: {"forms": [form_to_dict(f) for f in entry.renderings[locale].forms],
                 "note": entry.renderings[locale].note}
        for locale in sorted(entry.renderings)}
    data.update(case_sensitive=entry.case_sensitive, hangul=entry.hangul, hanja=entry.hanja,
                see=list(entry.see), note=entry.note)
    return data


def export_json(glossary: Glossary, *, source_locale: str = "en") -> str:
    """The whole glossary as the versioned JSON document described in the module docstring."""
    document = {"format": FORMAT, "version": VERSION, "source_locale": source_locale,
                "entries": [entry_to_dict(e) for e in glossary]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def read_json(text: str, *, path: str = "<json>") -> Glossary:
    """Parse an xlate JSON glossary. Invalid JSON or a wrong shape raises FormatError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno,
                          column=exc.colno) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FormatError(f'not an xlate glossary: expected an object with "format": "{FORMAT}"',
                          path=path, line=1)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise FormatError(f"`version` must be a positive integer, not {version!r}", path=path)
    if version > VERSION:
        raise FormatError(f"version {version} is newer than this xlate reads ({VERSION})",
                          path=path)
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise FormatError("`entries` must be a list", path=path)
    result = []
    for index, raw in enumerate(entries):
        try:
            result.append(_entry_from_dict(raw, f"entries[{index}]"))
        except _Shape as exc:
            line = _line_of_id(text, raw.get("id") if isinstance(raw, dict) else None)
            raise FormatError(str(exc), path=path, line=line) from None
    return Glossary(tuple(result))


class _Shape(Exception):
    """A value of the wrong type or an unknown key, named by its JSON path."""


def _entry_from_dict(raw: Any, where: str) -> Entry:
    raw = _object(raw, where, _ENTRY_KEYS, required=("id", "kind", "forms"))
    kind = _string(raw["kind"], f"{where}.kind")
    if kind not in Kind._value2member_map_:
        raise _Shape(f"{where}.kind: unknown kind {kind!r}")
    renderings = {}
    for locale, value in _object(raw.get("renderings", {}), f"{where}.renderings").items():
        value = _object(value, f"{where}.renderings.{locale}", {"forms", "note"}, ("forms",))
        renderings[locale] = Rendering(
            locale, _forms(value["forms"], f"{where}.renderings.{locale}.forms"),
            _string(value.get("note", ""), f"{where}.renderings.{locale}.note"))
    case_sensitive = raw.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        raise _Shape(f"{where}.case_sensitive: must be true or false")
    see = raw.get("see", [])
    if not isinstance(see, list):
        raise _Shape(f"{where}.see: must be a list of ids")
    return Entry(
        id=_string(raw["id"], f"{where}.id"), kind=Kind(kind),
        forms=_forms(raw["forms"], f"{where}.forms"), renderings=renderings,
        case_sensitive=case_sensitive,
        hangul=_string(raw.get("hangul"), f"{where}.hangul", optional=True),
        hanja=_string(raw.get("hanja"), f"{where}.hanja", optional=True),
        see=tuple(_string(s, f"{where}.see[{i}]") for i, s in enumerate(see)),
        note=_string(raw.get("note", ""), f"{where}.note"))


def _forms(raw: Any, where: str) -> tuple[Form, ...]:
    if not isinstance(raw, list):
        raise _Shape(f"{where}: must be a list of forms")
    forms = []
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        item = _object(item, here, _FORM_KEYS, required=("text", "status"))
        status = _string(item["status"], f"{here}.status")
        if status not in Status._value2member_map_:
            raise _Shape(f"{here}.status: unknown status {status!r}")
        forms.append(Form(_string(item["text"], f"{here}.text"), Status(status),
                          _date(item.get("valid_from"), f"{here}.valid_from"),
                          _date(item.get("valid_until"), f"{here}.valid_until"),
                          _string(item.get("note", ""), f"{here}.note")))
    return tuple(forms)


def _object(raw: Any, where: str, keys: set[str] | None = None,
            required: tuple[str, ...] = ()) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _Shape(f"{where}: must be an object")
    for key in raw:
        if keys is not None and key not in keys:
            raise _Shape(f"{where}: unknown key {key!r}")
    for key in required:
        if key not in raw:
            raise _Shape(f"{where}: missing {key!r}")
    return raw


def _string(raw: Any, where: str, *, optional: bool = False) -> Any:
    if raw is None and optional:
        return None
    if not isinstance(raw, str):
        raise _Shape(f"{where}: must be a string{' or null' if optional else ''}")
    return raw


def _date(raw: Any, where: str) -> dt.date | None:
    if raw is None:
        return None
    try:
        return dt.date.fromisoformat(_string(raw, where))
    except ValueError:
        raise _Shape(f"{where}: {raw!r} is not a date like 2025-06-17") from None


def _line_of_id(text: str, entry_id: Any) -> int | None:
    if not isinstance(entry_id, str):
        return None
    for spelled in {json.dumps(entry_id, ensure_ascii=False), json.dumps(entry_id)}:
        match = re.search(r'"id"\s*:\s*' + re.escape(spelled), text)
        if match:
            return text.count("\n", 0, match.start()) + 1
    return None


# --- Weblate CSV --------------------------------------------------------------------------------

CSV_COLUMNS = ("source", "target", "context", "developer_comments")
_SPREADSHEET_FORMULA = ("=", "+", "-", "@", "|", "%")


def export_csv(glossary: Glossary, *, locale: str, source_locale: str = "en") -> str:
    """A glossary CSV for one target locale, in the columns Weblate reads (RFC 4180, CRLF).

    Weblate reads CSV through translate-toolkit: a header row naming `source`, `target`,
    `context`, `developer_comments` (and others we leave out). One row per usable source form
    (preferred, admitted, deprecated; forbidden source forms are typos, not terms) of every
    entry with a rendering in `locale`: the approved rendering in force now is the `target`, the
    entry id the `context` (so entries sharing a spelling stay apart in Weblate).

    Weblate's CSV cannot carry its glossary flags (`forbidden`, `read-only`), and a forbidden
    rendering in a row would be offered to translators as *the* translation. So forbidden and
    deprecated renderings, admitted alternatives, dated approvals and the notes go into
    `developer_comments` (Weblate's string description) instead; for real forbidden flags,
    give Weblate the TBX export. Weblate sniffs the CSV dialect from the file, which line breaks
    and straight quotes inside cells mislead (it then splits on spaces): so every cell is
    quoted, comments stay on one line, and their quotes are made curly.

    Lossy: one locale; target statuses, dates, hangul/hanja, `see` and note layout are
    flattened or dropped (`glossary.csvread` reads back what is left, and an export read back
    into an empty glossary exports the same bytes). Cells a spreadsheet would run as a formula are
    escaped as Weblate's own CSV export does (`'=...'`), which Weblate's importer undoes.
    `source_locale` is the language of the `source` column (implicit in the file).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for entry in glossary:
        rendering = entry.renderings.get(locale)
        target = _csv_target(rendering) if rendering is not None else None
        if rendering is None or target is None:
            continue
        canonical = entry.canonical
        seen = set()
        for form in entry.forms:
            if form.status is Status.FORBIDDEN or form.text in seen:
                continue
            seen.add(form.text)
            writer.writerow((_cell(form.text), _cell(target.text), entry.id,
                             _comment(entry, form, canonical, rendering, target)))
    return out.getvalue()


def _csv_target(rendering: Rendering) -> Form | None:
    return rendering.approved() or next(iter(rendering.with_status(Status.ADMITTED)), None)


def _comment(entry: Entry, form: Form, canonical: str, rendering: Rendering, target: Form) -> str:
    parts = [entry.kind.value]
    if form.status is Status.ADMITTED and canonical:
        parts.append(f"variant of “{canonical}”")
    elif form.status is Status.DEPRECATED and canonical:
        parts.append(f"deprecated source spelling, house form “{canonical}”")
    approved = rendering.with_status(Status.PREFERRED)
    if len(approved) > 1 or any(f.valid_from or f.valid_until for f in approved):
        parts.append("approved " + ", ".join(f"{f.text} ({_period(f)})" for f in approved))
    for status, label in ((Status.ADMITTED, "also fine"), (Status.DEPRECATED, "avoid"),
                          (Status.FORBIDDEN, "never use")):
        texts = [f.text for f in rendering.with_status(status) if f is not target]
        if texts:
            parts.append(f"{label}: {', '.join(texts)}")
    parts.extend(n for n in (rendering.note, entry.note) if n)
    return _typographic(" | ".join(" ".join(p.split()) for p in parts))


def _typographic(text: str) -> str:
    """“Curly” quotes for straight ones: Weblate sniffs the CSV dialect, and a few quoted words
    in a comment cell are enough for Python's csv.Sniffer to take space for the delimiter."""
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text).replace('"', "\u201d")
    return text.replace("'", "\u2019")


def _period(form: Form) -> str:
    start = form.valid_from.isoformat() if form.valid_from else "…"
    end = form.valid_until.isoformat() if form.valid_until else "…"
    return f"{start} to {end}"


def _cell(text: str) -> str:
    if text[:1] in _SPREADSHEET_FORMULA:
        return "'{}'".format(text.replace("|", "\\|"))
    return text
