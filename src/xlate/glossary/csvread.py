"""Reading a glossary CSV: Weblate's columns, as `jsoncsv.export_csv` writes them. Pure: bytes in.

The header names the columns; `source` and `target` are required, `context` and
`developer_comments` are read, any other (Weblate's `location`, `id`, `fuzzy`,
`translator_comments` ...) is ignored. Instead of `source` / `target`, columns may be named by
their locales (`en,ko`): the source locale's column is the source, and the target is the column
named by the target locale given, or else the one other column named like a locale. The target
locale comes from that header or from the caller (`xlate glossary import --locale`).

Rows we exported (their `context` is an entry id and their comment starts with a kind) are read
back as entries under that id: one row per source form, the comment telling admitted and
deprecated forms from the canonical one, the kind, the dated approvals, the other renderings
(`also fine`, `avoid`, `never use`) and the notes. Any other row is another tool's term: rows
with the same context and the same source (as the lookup compares them) are one concept, its
first target approved and other targets admitted, its comments the note; the merge matches such
concepts through their terms (`glossary.merge`).

So an export read back into an empty glossary exports the same CSV again. What a CSV cannot
carry, and so does not come back: forbidden source forms (never exported); dates and notes of
source forms (a second dated canonical form comes back admitted); the statuses of renderings
beyond what the comment names (a target that was only admitted comes back approved); dates of
renderings other than approved ones; notes of single forms; which note was the entry's and which
the rendering's (both come back as the entry's note, joined by ` | `, on one line, with curly
quotes); `case_sensitive`, `hangul`, `hanja`, `see`; and every other target locale.

Bad input is a FormatError naming the line: not UTF-8 (the line of the first bad byte), an empty
file, missing columns (named), a row with another number of cells than the header, broken
quoting.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

from xlate.errors import FormatError
from xlate.glossary.merge import match_key
from xlate.model import Entry, Form, Glossary, Kind, Rendering, Status

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_FORMULA = ("=", "+", "-", "@", "|", "%")  # what jsoncsv.export_csv escapes as '...'
_ADMITTED = "variant of “"
_DEPRECATED = "deprecated source spelling, house form “"
_DATED = re.compile(r"(.+?) \((\d{4}-\d{2}-\d{2}|…) to (\d{4}-\d{2}-\d{2}|…)\)(?:, |$)")
_LISTS = (("also fine: ", Status.ADMITTED), ("avoid: ", Status.DEPRECATED),
          ("never use: ", Status.FORBIDDEN))


def read_csv(data: bytes, *, path: str = "<csv>", locale: str | None = None,
             source_locale: str = "en") -> tuple[Glossary, frozenset[str]]:
    """The glossary of a CSV file, and the ids of its foreign entries (not ours; see above)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError("not UTF-8 text", path=path,
                          line=data[:exc.start].count(b"\n") + 1) from None
    rows = _rows(text, path)
    header_line, header = next(rows, (1, []))
    if not any(cell.strip() for cell in header):
        raise FormatError("empty file: expected a header row naming the columns source and "
                          "target", path=path, line=header_line)
    names = [cell.strip().lower() for cell in header]
    src, tgt, locale = _columns(names, locale, source_locale, path, header_line)
    locale = header[tgt].strip() if locale == names[tgt] else locale  # as the header spells it
    context = names.index("context") if "context" in names else None
    comment = names.index("developer_comments") if "developer_comments" in names else None
    groups: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
    first_line: dict[tuple[str, ...], int] = {}
    ours: set[tuple[str, ...]] = set()
    for line, row in rows:
        if len(row) != len(names):
            raise FormatError(f"row has {len(row)} cells, header has {len(names)}", path=path,
                              line=line)
        source = _unescape(row[src]).strip()
        if not source:
            continue
        target = _unescape(row[tgt]).strip()
        ctx = _unescape(row[context]).strip() if context is not None else ""
        note = row[comment].strip() if comment is not None else ""
        if _ID.match(ctx) and note.split(" | ")[0] in Kind._value2member_map_:
            key: tuple[str, ...] = ("id", ctx)
            ours.add(key)
        else:
            key = ("row", ctx, match_key(source))
        groups.setdefault(key, []).append((source, target, note))
        first_line.setdefault(key, line)
    entries: list[Entry] = []
    foreign: set[str] = set()
    for key, group in groups.items():
        if key in ours:
            entries.append(_our_entry(key[1], group, locale))
            continue
        # No glossary id has a hyphen: this one can only be matched by terms (the merge
        # gives a new entry an id made from its canonical form).
        entry_id = f"line-{first_line[key]}"
        foreign.add(entry_id)
        entries.append(_foreign_entry(entry_id, group, locale))
    return Glossary(tuple(entries)), frozenset(foreign)


def _rows(text: str, path: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) of each row that is not blank."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    end = 0
    while True:
        start = end + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FormatError(f"broken CSV: {exc}", path=path, line=reader.line_num) from None
        end = reader.line_num
        if row:
            yield start, row


def _columns(names: list[str], locale: str | None, source_locale: str, path: str,
             line: int) -> tuple[int, int, str]:
    """Indexes of the source and target columns, and the target locale."""
    def lang(name: str) -> str:
        return name.replace("_", "-").split("-")[0]

    def locale_like(name: str) -> bool:
        return bool(re.match(r"^[a-z]{2,3}([_-][a-z0-9]+)*$", name))

    src = names.index("source") if "source" in names else next(
        (i for i, n in enumerate(names) if locale_like(n) and lang(n) == lang(source_locale)),
        None)
    tgt: int | None = names.index("target") if "target" in names else None
    if tgt is None and locale is not None:
        tgt = next((i for i, n in enumerate(names)
                    if n.replace("_", "-") == locale.lower().replace("_", "-")), None)
    if tgt is None and locale is None:
        named = [i for i, n in enumerate(names) if i != src and locale_like(n)
                 and n not in ("id", "context", "location")]
        if len(named) == 1:
            tgt = named[0]
            locale = names[tgt]
    missing = [n for n, i in (("source", src), ("target", tgt)) if i is None]
    if missing:
        have = ", ".join(n for n in names if n) or "nothing"
        raise FormatError(f"missing required column{'s' if len(missing) > 1 else ''}: "
                          f"{', '.join(missing)} (the header has: {have})", path=path,
                          line=line)
    if locale is None:
        raise FormatError("no target locale: pass --locale, or name the target column by its "
                          "locale", path=path, line=line)
    assert src is not None and tgt is not None  # else `missing`
    return src, tgt, locale


def _unescape(value: str) -> str:
    """Undo the spreadsheet escape of `export_csv` (and of Weblate's CSV export)."""
    if len(value) > 2 and value[0] == value[-1] == "'" and value[1] in _FORMULA:
        return value[1:-1].replace("\\|", "|")
    return value


def _our_entry(entry_id: str, group: list[tuple[str, str, str]], locale: str) -> Entry:
    forms: list[Form] = []
    for source, _, note in group:
        marker = note.split(" | ")[1] if " | " in note else ""
        status = (Status.ADMITTED if marker.startswith(_ADMITTED) else
                  Status.DEPRECATED if marker.startswith(_DEPRECATED) else Status.PREFERRED)
        if status is Status.PREFERRED and any(f.status is status for f in forms):
            status = Status.ADMITTED  # a second (dated) canonical form: its dates are not here
        if all(f.text != source for f in forms):
            forms.append(Form(source, status))
    _, target, note = group[0]
    parts = note.split(" | ")
    kind = Kind(parts[0])
    i = 1
    if i < len(parts) and parts[i].startswith((_ADMITTED, _DEPRECATED)):
        i += 1
    approved: list[Form] = []
    if i < len(parts) and parts[i].startswith("approved "):
        dated = _DATED.findall(parts[i][len("approved "):])
        if dated:
            approved = [Form(text, Status.PREFERRED, _day(start), _day(end))
                        for text, start, end in dated]
            i += 1
    rendering: list[Form] = approved or ([Form(target, Status.PREFERRED)] if target else [])
    for label, status in _LISTS:
        if i < len(parts) and parts[i].startswith(label):
            have = {f.text for f in rendering}
            rendering += [Form(t, status) for t in dict.fromkeys(parts[i][len(label):]
                                                                 .split(", ")) if t not in have]
            i += 1
    renderings = {locale: Rendering(locale, tuple(rendering))} if target else {}
    return Entry(id=entry_id, kind=kind, forms=tuple(forms), renderings=renderings,
                 note=" | ".join(parts[i:]))


def _foreign_entry(entry_id: str, group: list[tuple[str, str, str]], locale: str) -> Entry:
    sources = list(dict.fromkeys(source for source, _, _ in group))
    targets = list(dict.fromkeys(target for _, target, _ in group if target))
    notes = list(dict.fromkeys(note for _, _, note in group if note))
    forms = tuple(Form(t, Status.PREFERRED if n == 0 else Status.ADMITTED)
                  for n, t in enumerate(sources))
    rendering = tuple(Form(t, Status.PREFERRED if n == 0 else Status.ADMITTED)
                      for n, t in enumerate(targets))
    return Entry(id=entry_id, kind=Kind.TERM, forms=forms,
                 renderings={locale: Rendering(locale, rendering)} if rendering else {},
                 note="\n".join(notes))


def _day(text: str) -> dt.date | None:
    return None if text == "…" else dt.date.fromisoformat(text)
