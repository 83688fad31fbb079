"""What a catalogue says, apart from how it is laid out (pure).

A catalogue is *stale* when what it says differs from what the template and the glossary call
for: an entry added, removed or made obsolete, another msgid or msgctxt, references, flags,
extracted comments (the glossary hints among them), previous msgids. A translator's edit of a
msgstr or of a translator comment is neither: the merge keeps those as they are. How the text
is laid out (where long lines wrap, the order of entries or of comment kinds, blank lines)
is *layout*: a different finding, which `xlate update` fixes without touching content.

The header is left out: tools own parts of it (Poedit writes PO-Revision-Date, Last-Translator
and X-Generator on every save), and the parts the template owns change only with the entries.
"""

from __future__ import annotations

from xlate.po.entry import PoEntry, PoFile

# (msgctxt, msgid, obsolete) -> what the entry says.
Content = dict[tuple[str | None, str, bool], tuple]


def content(po: PoFile) -> Content:
    """Every entry's content, keyed by its identity; flags as a set (their order is layout)."""
    return {(e.msgctxt, e.msgid, e.obsolete): _says(e) for e in po.entries}


def _says(entry: PoEntry) -> tuple:
    return (entry.msgid_plural, entry.msgstr, entry.msgstr_plural, frozenset(entry.flags),
            _words(entry.tcomment), _words(entry.comment), entry.occurrences,
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)


def _words(comment: str) -> str:
    """A comment without its blanks: where its lines break is layout, and polib rewraps long
    comments, also after a hyphen (`빌럼-` / `알렉산더르`), so line breaks cannot be told from
    spaces."""
    return "".join(comment.split())


_PARTS = ("msgid_plural", "msgstr", "msgstr[]", "flags", "translator comments",
          "extracted comments", "references", "previous msgctxt", "previous msgid",
          "previous msgid_plural")


def differences(current: PoFile, wanted: PoFile, *, limit: int = 3) -> list[str]:
    """How `current` says something else than `wanted`, in words (at most `limit` entries
    named, then a count); empty when only the layout differs."""
    have, want = content(current), content(wanted)
    found: list[str] = []
    for key in want.keys() - have.keys():
        found.append(f"{_name(key)} is missing")
    for key in have.keys() - want.keys():
        found.append(f"{_name(key)} is not in the template" if not key[2]
                     else f"{_name(key)} should not be obsolete")
    for key in have.keys() & want.keys():
        if have[key] != want[key]:
            parts = [part for part, a, b in zip(_PARTS, have[key], want[key], strict=True)
                     if a != b]
            found.append(f"{_name(key)}: {', '.join(parts)} differ")
    found.sort()
    if len(found) > limit:
        return [*found[:limit], f"and {len(found) - limit} more"]
    return found


def _name(key: tuple[str | None, str, bool]) -> str:
    context, msgid, obsolete = key
    text = msgid if len(msgid) <= 40 else msgid[:37] + "..."
    where = f" ({context})" if context else ""
    return f"{'obsolete ' if obsolete else ''}entry {text!r}{where}"
