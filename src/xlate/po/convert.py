"""xlate's read catalogue as a polib object, for the merge and for polib's .mo writer (pure).

polib reads some catalogues wrongly (it breaks a string at U+2028, unescapes `\\a` as two
characters, strips the blanks that end a comment line): xlate's reader (`po.read`) reads every
catalogue, and polib only receives what it read.
"""

from __future__ import annotations

import polib

from xlate.po.entry import PoEntry, PoFile


def to_polib(po: PoFile) -> polib.POFile:
    """The catalogue `po` as a polib.POFile, every field as xlate's reader read it."""
    out = polib.POFile(encoding=po.encoding, check_for_duplicates=False)
    if po.header is not None:
        out.header = po.header.tcomment
        out.metadata_is_fuzzy = "fuzzy" in po.header.flags
    out.metadata = dict(po.metadata)
    for entry in po.entries:
        out.append(_entry(entry))
    return out


def _entry(entry: PoEntry) -> polib.POEntry:
    plural = entry.msgid_plural is not None
    return polib.POEntry(
        msgid=entry.msgid, msgctxt=entry.msgctxt, msgid_plural=entry.msgid_plural or "",
        msgstr="" if plural else entry.msgstr,
        msgstr_plural=dict(enumerate(entry.msgstr_plural)) if plural else {},
        flags=list(entry.flags), tcomment=entry.tcomment, comment=entry.comment,
        occurrences=[_reference(ref) for ref in entry.occurrences],
        previous_msgctxt=entry.previous_msgctxt, previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural, obsolete=entry.obsolete,
        linenum=entry.line)


def _reference(ref: str) -> tuple[str, str]:
    """`file:12` as polib keeps it, ("file", "12"); a reference without a line, (ref, "")."""
    path, colon, line = ref.rpartition(":")
    if colon and path and line.isdigit():
        return path, line
    return ref, ""
