"""The glossary and findings as immutable values.

Nothing here does I/O or knows a file format: loaders build these values, rules read them, renderers
print them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class Kind(StrEnum):
    """What sort of concept a glossary entry names."""

    PERSON = "person"
    TITLE = "title"
    OFFICE = "office"
    ORGANISATION = "organisation"
    PROGRAMME = "programme"
    EVENT = "event"
    PLACE = "place"
    BODY = "body"
    TERM = "term"
    SPELLING = "spelling"


class Status(StrEnum):
    """How a form of a concept may be used.

    The glossary files say `canonical` (source side) or `approved` (target side) for PREFERRED.
    """

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"


class Severity(StrEnum):
    """How serious a finding is; ordered by `rank`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file: 1-based line and column."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Form:
    """One written form of a concept in one language, with its status and validity."""

    text: str
    status: Status
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    note: str = ""

    def valid_on(self, day: dt.date | None) -> bool:
        """True when the form is in force on `day` (always true when `day` is None)."""
        if day is None:
            return True
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_until is None or day <= self.valid_until

    def overlaps(self, other: Form) -> bool:
        """True when the two validity periods share at least one day."""
        lo = max(self.valid_from or dt.date.min, other.valid_from or dt.date.min)
        hi = min(self.valid_until or dt.date.max, other.valid_until or dt.date.max)
        return lo <= hi


def _preferred(forms: tuple[Form, ...], day: dt.date | None) -> Form | None:
    candidates = [f for f in forms if f.status is Status.PREFERRED]
    if day is not None:
        dated = [f for f in candidates if f.valid_on(day)]
        return dated[0] if dated else None
    # Undated question: the form valid today-or-latest, i.e. the one with the latest start.
    if not candidates:
        return None
    return max(candidates, key=lambda f: f.valid_from or dt.date.min)


@dataclass(frozen=True, slots=True)
class Rendering:
    """All forms of one concept in one target locale."""

    locale: str
    forms: tuple[Form, ...]
    note: str = ""

    def approved(self, on: dt.date | None = None) -> Form | None:
        """The approved form in force on `on` (the most recent one when `on` is None)."""
        return _preferred(self.forms, on)

    def with_status(self, status: Status) -> tuple[Form, ...]:
        return tuple(f for f in self.forms if f.status is status)


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept of the glossary."""

    id: str
    kind: Kind
    forms: tuple[Form, ...]
    renderings: Mapping[str, Rendering] = field(default_factory=lambda: MappingProxyType({}))
    case_sensitive: bool = True
    hangul: str | None = None
    hanja: str | None = None
    see: tuple[str, ...] = ()
    note: str = ""
    origin: Location | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.renderings, MappingProxyType):
            object.__setattr__(self, "renderings", MappingProxyType(dict(self.renderings)))

    def preferred(self, on: dt.date | None = None) -> Form | None:
        return _preferred(self.forms, on)

    @property
    def canonical(self) -> str:
        """The canonical source form in force now (the latest one)."""
        form = self.preferred()
        return form.text if form else ""

    def with_status(self, status: Status) -> tuple[Form, ...]:
        return tuple(f for f in self.forms if f.status is status)

    def __hash__(self) -> int:
        return hash(self.id)


@dataclass(frozen=True, slots=True)
class Glossary:
    """An ordered collection of entries; ids are unique once validated."""

    entries: tuple[Entry, ...] = ()

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        for entry in self.entries:
            if entry.id == entry_id:
                return entry
        return None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by a rule: where, what, and how to fix it."""

    code: str
    rule: str
    severity: Severity
    message: str
    path: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    term: str | None = None
    found: str | None = None
    expected: str | None = None
    msgid: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)
