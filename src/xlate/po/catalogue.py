"""Gettext catalogues of the articles: template, merge, glossary hints, statistics (pure).

polib models the catalogues; `xlate.po.write` writes them as GNU gettext does. Nothing here
reads or writes files: `xlate.jobs.catalogues` does, and the CLI calls it.

- The template (`.pot`) has one entry per sentence: `msgctxt` is the article id (stable when
  paragraphs move), a `#.` comment names the paragraph and sentence, `#:` points at the source
  line, and `#. term:` lines list the glossary concepts the sentence contains.
- A catalogue (`.po`) carries the same entries plus, for its locale, `#. glossary:` hints: the
  approved rendering of every concept in force on the article's date, the admitted ones and the
  ones to avoid, so that translators see them in Poedit's and Weblate's comment panes.
- `merge` is msgmerge's behaviour without losing anything: unchanged entries keep translation,
  comments and flags; a changed sentence keeps its old translation, marked fuzzy, with the old
  msgid as `#| msgid`; a vanished entry becomes obsolete (`#~`), never deleted. Unlike
  msgmerge, an old entry that seeded a fuzzy one is kept as obsolete too, so that every
  translated msgid survives verbatim until a translator purges it (`msgattrib --no-obsolete`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import polib

from xlate.english.match import Matcher
from xlate.english.segment import segment
from xlate.manifest import Article
from xlate.model import Entry, Kind, Status

HINT_PREFIX = "glossary: "
_FUZZY_CUTOFF = 0.6


@dataclass(frozen=True)
class Source:
    """An article and its text, with the path shown in references."""

    article: Article
    text: str
    path: str


def template(sources: Sequence[Source], matcher: Matcher, *, project: str = "xlate articles",
             language: str = "en", locales: Sequence[str] = ()) -> polib.POFile:
    """The `.pot`: every sentence of every article, in reading order, each with the glossary's
    approved renderings of the terms it names in every target locale (`#. glossary:` lines).

    The hints live in the template, as extracted comments, because that is where every gettext
    tool takes them from: msgmerge, Poedit's "Update from POT" and Weblate replace a
    catalogue's extracted comments with the template's, so a translator who never runs xlate
    still sees the approved renderings, and a catalogue merged by any of them is the one
    `xlate update` writes."""
    pot = polib.POFile()
    newest = max((s.article.date for s in sources), default=dt.date(1970, 1, 1))
    pot.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        # The newest source's date, not the clock: a second run must change no byte.
        "POT-Creation-Date": f"{newest.isoformat()} 00:00+0000",
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    index: dict[tuple[str, str], polib.POEntry] = {}
    for source in sources:
        for sentence in segment(source.text, language):
            key = (source.article.id, sentence.text)
            where = f"{source.article.id}, paragraph {sentence.paragraph}, sentence " \
                    f"{sentence.number}" + (" (dateline)" if sentence.kind == "dateline" else "")
            if key in index:  # the same sentence twice in one article: one entry
                entry = index[key]
                entry.occurrences.append((source.path, str(sentence.line)))
                entry.comment = entry.comment.replace("\n", f"; {where}\n", 1) \
                    if "\n" in entry.comment else f"{entry.comment}; {where}"
                continue
            hints = hint_lines(concepts(sentence.text, matcher), locales, source.article.date)
            entry = polib.POEntry(msgctxt=source.article.id, msgid=sentence.text, msgstr="",
                                  comment="\n".join([where] + hints),
                                  occurrences=[(source.path, str(sentence.line))],
                                  flags=flags_for(sentence.text))
            index[key] = entry
            pot.append(entry)
    return pot


def flags_for(text: str) -> list[str]:
    """Flags due on a sentence: prose with a percent sign ("rose 5% to", "100%d") is marked
    as no format string, so that gettext tools, babel and Weblate never check it as one."""
    return ["no-c-format", "no-python-format"] if "%" in text else []


def concepts(text: str, matcher: Matcher) -> list[Entry]:
    """The glossary entries a sentence contains, once each, in order of first appearance
    (house-spelling conventions are English style, not something to translate)."""
    seen: dict[str, Entry] = {}
    for hit in matcher.find(text):
        if hit.entry.kind is not Kind.SPELLING:
            seen.setdefault(hit.entry.id, hit.entry)
    return list(seen.values())


def hint_lines(entries: Iterable[Entry], locales: Sequence[str],
               day: dt.date | None) -> list[str]:
    """`glossary: EN -> ko APPROVED (also: ...) (not: ...) | ja ... | fr ...`, one line for each
    entry with a rendering in one of `locales` (on the article's `day`)."""
    lines = []
    for entry in entries:
        parts = [f"{locale} {hint}" for locale in locales
                 if (hint := _rendering_hint(entry, locale, day)) is not None]
        if parts:
            lines.append(f"{HINT_PREFIX}{entry.canonical} -> {' | '.join(parts)}")
    return lines


def _rendering_hint(entry: Entry, locale: str, day: dt.date | None) -> str | None:
    """`APPROVED (also: ...) (not: ...)` in `locale`, or None without a rendering there."""
    rendering = entry.renderings.get(locale)
    if rendering is None:
        return None
    approved = rendering.approved(day)
    if approved is None:
        return None
    also = [f.text for f in rendering.forms if f.status is Status.ADMITTED and f.valid_on(day)]
    avoid = [f.text for f in rendering.forms
             if f.status in (Status.DEPRECATED, Status.FORBIDDEN) and f.valid_on(day)]
    avoid += [f.text for f in rendering.forms if f.status is Status.PREFERRED
              and f is not approved and not f.valid_on(day)]
    hint = approved.text
    if also:
        hint += f" (also: {', '.join(also)})"
    if avoid:
        hint += f" (not: {', '.join(avoid)})"
    return hint


@dataclass
class MergeReport:
    kept: int = 0
    fuzzy: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)


def merge(catalog: polib.POFile, pot: polib.POFile) -> tuple[polib.POFile, MergeReport]:
    """A new catalogue: the template's entries with the translations of `catalog` carried
    over; as msgmerge does, the extracted comments (the glossary hints among them) are the
    template's."""
    report = MergeReport()
    old = [e for e in catalog if e.msgid]
    by_key = {(e.msgctxt, e.msgid): e for e in old}
    used: set[int] = set()
    merged = polib.POFile()
    merged.header = catalog.header
    merged.metadata = dict(catalog.metadata)
    merged.metadata_is_fuzzy = getattr(catalog, "metadata_is_fuzzy", False)
    merged.metadata["POT-Creation-Date"] = pot.metadata.get("POT-Creation-Date", "")
    unmatched: list[polib.POEntry] = []
    for source in pot:
        entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid, msgstr="",
                              comment=source.comment, occurrences=list(source.occurrences),
                              flags=[f for f in source.flags if f != "fuzzy"])
        previous = by_key.get((source.msgctxt, source.msgid))
        if previous is not None:
            used.add(id(previous))
            _carry(previous, entry, keep_fuzzy=True)
            if previous.obsolete:
                report.revived.append(source.msgid)
            else:
                report.kept += 1
        else:
            unmatched.append(entry)
        merged.append(entry)
    lent: set[int] = set()  # old entries whose translation now seeds a fuzzy entry
    for entry in unmatched:
        candidate = _closest(entry, [e for e in old if id(e) not in used and id(e) not in lent
                                     and e.msgstr])
        if candidate is not None:
            lent.add(id(candidate))
            _carry(candidate, entry, keep_fuzzy=False)
            entry.flags = _with_fuzzy(entry.flags)
            entry.previous_msgid = candidate.msgid
            if candidate.msgctxt != entry.msgctxt:
                entry.previous_msgctxt = candidate.msgctxt
            report.fuzzy.append(entry.msgid)
        else:
            report.new.append(entry.msgid)
    for previous in old:
        translated = previous.msgstr or any(previous.msgstr_plural.values())
        if id(previous) in used or not (translated or previous.tcomment):
            continue
        gone = polib.POEntry(msgctxt=previous.msgctxt, msgid=previous.msgid,
                             msgid_plural=previous.msgid_plural, msgstr=previous.msgstr,
                             msgstr_plural=dict(previous.msgstr_plural),
                             tcomment=previous.tcomment,
                             flags=[f for f in previous.flags if f == "fuzzy"], obsolete=True)
        merged.append(gone)
        if not previous.obsolete:
            report.obsolete.append(previous.msgid)
    return merged, report


def _carry(previous: polib.POEntry, entry: polib.POEntry, *, keep_fuzzy: bool) -> None:
    entry.tcomment = previous.tcomment
    # A translator's flags (no-wrap, a format flag set by hand) survive next to the template's.
    entry.flags = entry.flags + [f for f in previous.flags if f != "fuzzy" and f not in entry.flags]
    if bool(previous.msgid_plural) != bool(entry.msgid_plural):
        # A plural message that became singular (or the reverse): as msgmerge does, the first
        # form is carried over, marked fuzzy, with the old msgid and msgid_plural beside it.
        if entry.msgid_plural:
            entry.msgstr_plural = {0: previous.msgstr}
        else:
            entry.msgstr = previous.msgstr_plural.get(0, "")
        entry.flags = _with_fuzzy(entry.flags)
        entry.previous_msgid = previous.msgid
        entry.previous_msgid_plural = previous.msgid_plural or None
        return
    entry.msgstr = previous.msgstr
    if entry.msgid_plural:
        entry.msgstr_plural = dict(previous.msgstr_plural)
    if keep_fuzzy and "fuzzy" in previous.flags:
        entry.flags = _with_fuzzy(entry.flags)
        entry.previous_msgid = previous.previous_msgid
        entry.previous_msgctxt = previous.previous_msgctxt


def _with_fuzzy(flags: list[str]) -> list[str]:
    return ["fuzzy"] + [f for f in flags if f != "fuzzy"]


def _closest(entry: polib.POEntry, candidates: Sequence[polib.POEntry]) -> polib.POEntry | None:
    """The most similar old entry (same article first), if similar enough to help."""
    best, score = None, _FUZZY_CUTOFF
    for candidate in candidates:
        ratio = difflib.SequenceMatcher(None, candidate.msgid, entry.msgid, autojunk=False).ratio()
        if candidate.msgctxt == entry.msgctxt:
            ratio += 0.05
        if ratio > score:
            best, score = candidate, ratio
    return best


@dataclass(frozen=True)
class Stats:
    locale: str
    article: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    obsolete: int

    @property
    def percent(self) -> float:
        return round(100.0 * self.translated / self.total, 1) if self.total else 100.0


def statistics(catalog: polib.POFile, locale: str) -> list[Stats]:
    """Counts per article (msgctxt) of one catalogue."""
    rows: dict[str, list[int]] = {}
    for entry in catalog:
        if not entry.msgid:
            continue
        counts = rows.setdefault(entry.msgctxt or "", [0, 0, 0, 0, 0])
        if entry.obsolete:
            counts[4] += 1
            continue
        counts[0] += 1
        if "fuzzy" in entry.flags:
            counts[2] += 1
        elif entry.translated():
            counts[1] += 1
        else:
            counts[3] += 1
    return [Stats(locale, article, *counts) for article, counts in rows.items()]
