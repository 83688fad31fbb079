"""What the PO reader yields: an entry as written, with the line of each keyword, and a whole
catalogue (pure data)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PoEntry:
    """One message as written; `line` is its first line, comments included."""

    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    tcomment: str = ""
    comment: str = ""
    occurrences: tuple[str, ...] = ()
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    previous_msgid_plural: str | None = None
    obsolete: bool = False
    line: int = 0
    msgctxt_line: int | None = None
    msgid_line: int = 0
    msgstr_line: int = 0
    msgstr_lines: tuple[int, ...] = ()

    @property
    def references(self) -> tuple[str, ...]:
        return self.occurrences

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def translated(self) -> bool:
        """As gettext uses it: not obsolete, not fuzzy, and every msgstr filled (polib's rule)."""
        if self.obsolete or self.fuzzy:
            return False
        if self.msgstr_plural:
            return all(self.msgstr_plural)
        return self.msgstr != ""


@dataclass(slots=True)
class PoFile:
    """A whole catalogue: the header entry apart, the other entries in file order."""

    path: str
    encoding: str
    header: PoEntry | None = None
    entries: list[PoEntry] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)  # header field -> its line
