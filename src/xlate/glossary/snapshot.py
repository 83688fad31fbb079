"""A parsed and validated glossary as compact bytes, and back; pure.

What the glossary cache stores (`xlate.jobs.glossary`): the entries and the findings, as plain
tuples written with `marshal`, which reads back ten times faster than the TOML is parsed (a
100,000-term glossary: 0.04 s to unmarshal and 0.36 s to rebuild the values, against 2.4 s to
parse and validate). Key positions inside entries are not kept: findings are already placed, and
an entry's own position travels as its `origin`.

`marshal` is Python's own format and changes between Python versions: the cache key includes
the version, and `load` raises ValueError on anything it cannot read back.
"""

from __future__ import annotations

import datetime as dt
import marshal
from typing import Any

from xlate.glossary.load import ParsedGlossary
from xlate.model import Entry, Finding, Form, Kind, Location, Rendering, Severity, Status

FORMAT = 1  # raise when the layout of the tuples below changes
_KINDS = {kind.value: kind for kind in Kind}
_STATUSES = {status.value: status for status in Status}
_SEVERITIES = {severity.value: severity for severity in Severity}
_FINDING_FIELDS = ("code", "rule", "message", "path", "line", "column", "end_line", "end_column",
                   "term", "found", "expected", "msgid")


def dump(parsed: ParsedGlossary) -> bytes:
    """The entries and findings of `parsed` as bytes."""
    entries = [(e.id, e.kind.value, [_form(f) for f in e.forms],
                {k: (r.locale, [_form(f) for f in r.forms], r.note)
                 for k, r in e.renderings.items()},
                e.case_sensitive, e.hangul, e.hanja, list(e.see), e.note,
                (e.origin.path, e.origin.line, e.origin.column) if e.origin else None)
               for e in parsed.entries]
    findings = [(f.severity.value, *(getattr(f, name) for name in _FINDING_FIELDS))
                for f in parsed.findings]
    return marshal.dumps((FORMAT, entries, findings))


def load(data: bytes) -> ParsedGlossary:
    """The ParsedGlossary `dump` wrote; ValueError when `data` is not such a dump."""
    try:
        version, entries, findings = marshal.loads(data)
    except (EOFError, TypeError, ValueError) as exc:
        raise ValueError(f"not a glossary snapshot: {exc}") from exc
    if version != FORMAT:
        raise ValueError(f"glossary snapshot format {version}, not {FORMAT}")
    try:
        return ParsedGlossary(entries=[_entry(row) for row in entries],
                              findings=[_finding(row) for row in findings])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"damaged glossary snapshot: {exc!r}") from exc


def _form(form: Form) -> tuple[Any, ...]:
    return (form.text, form.status.value,
            form.valid_from.toordinal() if form.valid_from else None,
            form.valid_until.toordinal() if form.valid_until else None, form.note)


def _unform(row: tuple[Any, ...], day=dt.date.fromordinal) -> Form:
    text, status, valid_from, valid_until, note = row
    return Form(text, _STATUSES[status], day(valid_from) if valid_from else None,
                day(valid_until) if valid_until else None, note)


def _entry(row: tuple[Any, ...]) -> Entry:
    (id_, kind, forms, renderings, case_sensitive, hangul, hanja, see, note, origin) = row
    return Entry(id_, _KINDS[kind], tuple(_unform(f) for f in forms),
                 {k: Rendering(locale, tuple(_unform(f) for f in rforms), rnote)
                  for k, (locale, rforms, rnote) in renderings.items()},
                 case_sensitive, hangul, hanja, tuple(see), note,
                 Location(*origin) if origin else None)


def _finding(row: tuple[Any, ...]) -> Finding:
    severity, *values = row
    return Finding(severity=_SEVERITIES[severity], **dict(zip(_FINDING_FIELDS, values,
                                                              strict=True)))
