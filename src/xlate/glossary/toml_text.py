"""One glossary entry as TOML text, in the layout of docs/glossary-format.md; pure.

The canonical text of an entry: what `xlate glossary import` appends for a new entry and what the
benchmarks write. Merging into existing files, which must keep their layout, is `merge`'s work.
"""

from __future__ import annotations

import re

from xlate.model import Entry, Form, Rendering, Status

ENTRY_KEYS = ("id", "kind", "canonical", "admitted", "deprecated", "forbidden", "case_sensitive",
              "hangul", "hanja", "see", "note")
LOCALE_KEYS = ("approved", "admitted", "deprecated", "forbidden", "note")
LIST_KEYS = {Status.ADMITTED: "admitted", Status.DEPRECATED: "deprecated",
              Status.FORBIDDEN: "forbidden"}
STATUS_OF_KEY = {v: k for k, v in LIST_KEYS.items()}
_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"',
            "\\": "\\\\"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_LINE = 100  # a list of plain forms longer than this is written one form per line


def entry_to_toml(entry: Entry, *, source_locale: str = "en") -> str:
    """The `[[term]]` table of `entry` in the layout of docs/glossary-format.md.

    Keys in the documented order, defaults and empty values left out, forms grouped by status
    (in their order within a status), dated or annotated forms as inline tables, notes with line
    breaks as `\"\"\"` strings. `source_locale` is the language of `entry.forms`; the format keeps
    it implicit, so it only documents the call.
    """
    lines = ["[[term]]", f"id = {basic_string(entry.id)}",
             f"kind = {basic_string(entry.kind.value)}"]
    lines += _form_lines(entry.forms, "canonical")
    if not entry.case_sensitive:
        lines.append("case_sensitive = false")
    for key in ("hangul", "hanja"):
        if getattr(entry, key):
            lines.append(f"{key} = {basic_string(getattr(entry, key))}")
    if entry.see:
        lines.append("see = " + array_value([basic_string(s) for s in entry.see]))
    if entry.note:
        lines.append(f"note = {note_value(entry.note)}")
    text = "\n".join(lines) + "\n"
    for locale, rendering in entry.renderings.items():
        text += "\n" + locale_to_toml(locale, rendering)
    return text


def locale_to_toml(locale: str, rendering: Rendering) -> str:
    """The `[term.<locale>]` table of one rendering."""
    lines = [f"[term.{_key(locale)}]", *_form_lines(rendering.forms, "approved")]
    if rendering.note:
        lines.append(f"note = {note_value(rendering.note)}")
    return "\n".join(lines) + "\n"


def _form_lines(forms: tuple[Form, ...] | list[Form], preferred_key: str) -> list[str]:
    lines = []
    preferred = [f for f in forms if f.status is Status.PREFERRED]
    if preferred:
        lines.append(f"{preferred_key} = {preferred_value(preferred)}")
    for status, key in LIST_KEYS.items():
        chosen = [f for f in forms if f.status is status]
        if chosen:
            lines.append(f"{key} = {array_value([form_value(f) for f in chosen])}")
    return lines


def preferred_value(forms: list[Form]) -> str:
    if len(forms) == 1:
        return form_value(forms[0])
    return array_value([form_value(f) for f in forms], multiline=True)


def form_value(form: Form) -> str:
    if form.valid_from is None and form.valid_until is None and not form.note:
        return basic_string(form.text)
    parts = [f"text = {basic_string(form.text)}"]
    if form.valid_from is not None:
        parts.append(f"from = {form.valid_from.isoformat()}")
    if form.valid_until is not None:
        parts.append(f"until = {form.valid_until.isoformat()}")
    if form.note:
        parts.append(f"note = {basic_string(form.note)}")
    return "{ " + ", ".join(parts) + " }"


def array_value(items: list[str], *, multiline: bool = False) -> str:
    one_line = "[" + ", ".join(items) + "]"
    if not multiline and len(one_line) <= _LINE and not any(i.startswith("{") for i in items):
        return one_line
    return "[\n" + "".join(f"  {item},\n" for item in items) + "]"


def basic_string(text: str) -> str:
    """A TOML basic string: any text, escaped so that every TOML parser reads it back."""
    return '"' + "".join(_escape(c) for c in text) + '"'


def note_value(text: str) -> str:
    if "\n" not in text:
        return basic_string(text)
    body = "".join(c if c in '\n"' else _escape(c) for c in text)
    return '"""\n' + body.replace('"""', '""\\"') + '\n"""'


def _escape(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return f"\\u{ord(char):04X}"
    return char


def _key(name: str) -> str:
    return name if _BARE_KEY.match(name) else basic_string(name)


