"""Linting English sources against the glossary: matcher hits become findings (pure).

A `Document` is one source (an article, a Markdown file, the msgids of a catalogue) made of
`Segment`s of text with their position in the file. The rules of `xlate.rules.terms` are
applied here; the CLI only reads files and renders the findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from xlate.english.match import Hit, How, Matcher, gc_paused
from xlate.english.textmap import LineIndex
from xlate.model import Entry, Finding, Kind, Status
from xlate.rules.registry import Registry

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Segment:
    """A piece of text and where it starts in its file. When `exact` is false (a msgid spread
    over several quoted lines), every position inside it is reported at (line, column)."""

    text: str
    line: int = 1
    column: int = 1
    exact: bool = True
    context: str | None = None  # the msgid, for catalogue findings


@dataclass(frozen=True)
class Document:
    path: str
    segments: tuple[Segment, ...]
    date: dt.date | None = None


@dataclass
class _Use:
    """The first use of one form of a concept in a document, for the consistency rules: plain
    values, so that a worker process can send it back."""

    label: str
    line: int
    column: int
    end_line: int
    end_column: int
    entry_id: str
    found: str
    msgid: str | None


@dataclass
class DocumentLint:
    """One document's findings (T1xx, T201, T3xx), its term occurrences, and the first use of
    each form of each concept (entry id -> form -> use) for the cross-document rule T202."""

    findings: list[Finding]
    occurrences: int
    firsts: dict[str, dict[str, _Use]]


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    occurrences: dict[str, int] = field(default_factory=dict)  # glossary terms found per path


def _preferred(entry: Entry, day: dt.date | None) -> str:
    form = entry.preferred(day) or entry.preferred()
    return form.text if form else entry.id


def _where(segment: Segment, index: LineIndex | None, start: int,
           end: int) -> tuple[int, int, int, int]:
    if not segment.exact or index is None:
        return segment.line, segment.column, segment.line, segment.column
    line, column = index.position(start)
    end_line, end_column = index.position(max(start, end - 1))
    if line == 1:
        column += segment.column - 1
    if end_line == 1:
        end_column += segment.column - 1
    return line + segment.line - 1, column, end_line + segment.line - 1, end_column + 1


def _hit_finding(hit: Hit, day: dt.date | None) -> tuple[str, str, str] | None:
    """(code, message, expected) for a hit that is a problem by itself, else None."""
    entry, form = hit.entry, hit.form
    if hit.how is How.EXACT and (form is None or form.status in (Status.PREFERRED,
                                                                 Status.ADMITTED)):
        return None
    found = _SPACES.sub(" ", hit.found)
    canonical = _preferred(entry, day)
    if hit.how is How.EXACT:
        assert form is not None  # an exact hit without a form returned above
        if form.status is Status.FORBIDDEN:
            return ("T102", f"'{found}' is a forbidden form of '{canonical}' ({entry.id})",
                    canonical)
        if entry.kind is Kind.SPELLING:
            return "T301", f"'{found}' is not the house spelling; use '{canonical}'", canonical
        return ("T101", f"'{found}' is a deprecated variant of '{canonical}' ({entry.id})",
                canonical)
    if hit.how is How.ROMANISED:
        script = f", {entry.hangul}" if entry.hangul else ""
        return ("T103", f"'{found}' is an unlisted romanisation of '{canonical}' "
                f"({entry.id}{script})", canonical)
    if hit.how is How.NEAR:
        target = form.text if form and form.status in (Status.PREFERRED, Status.ADMITTED) \
            else canonical
        return "T104", f"'{found}' looks like a misspelling of '{target}' ({entry.id})", target
    if hit.how is How.CASE:
        target = form.text if form else canonical
        return "T105", f"'{found}' should be written '{target}' ({entry.id})", target
    return ("T106", f"'{found}' is an unlisted spelling of '{canonical}' ({entry.id})",
            canonical)


def _label(hit: Hit) -> str | None:
    """The form a use counts as for consistency; None for admitted forms and near misses."""
    if hit.how is How.NEAR:
        return None
    if hit.how is How.EXACT and hit.form is not None:
        if hit.form.status is Status.ADMITTED:
            return None
        return hit.form.text
    return _SPACES.sub(" ", hit.found)


def lint(documents: Sequence[Document], matcher: Matcher, registry: Registry) -> LintResult:
    """Findings of every T rule over `documents` (in the given order, which T202 depends on)."""
    with gc_paused():
        parts = [lint_document(document, matcher, registry) for document in documents]
        return combine(documents, parts, {e.id: e for e in matcher.entries}, registry)


def combine(documents: Sequence[Document], parts: Sequence[DocumentLint],
            entries: Mapping[str, Entry], registry: Registry) -> LintResult:
    """The documents' own findings, in order, and the cross-document rule (T202) over them."""
    result = LintResult()
    across: dict[str, dict[int, dict[str, _Use]]] = {}  # entry id -> document -> form -> use
    for number, (document, part) in enumerate(zip(documents, parts, strict=True)):
        result.findings.extend(part.findings)
        result.occurrences[document.path] = result.occurrences.get(document.path, 0) + \
            part.occurrences
        for entry_id, firsts in part.firsts.items():
            across.setdefault(entry_id, {})[number] = firsts
    result.findings.extend(_mixed_across(across, documents, entries, registry))
    result.findings.sort(key=Finding.sort_key)
    return result


def lint_document(document: Document, matcher: Matcher, registry: Registry) -> DocumentLint:
    """One document's findings and what the cross-document rule needs of it."""
    findings: list[Finding] = []
    occurrences = 0
    counts: dict[str, Counter[str]] = {}
    firsts_of: dict[str, dict[str, _Use]] = {}
    entries: dict[str, Entry] = {}
    for segment in document.segments:
        index = LineIndex(segment.text) if segment.exact else None
        scan = matcher.scan(segment.text)
        occurrences += scan.occurrences
        # (position, hit, label, count): uses in order of first appearance.
        uses: list[tuple[int, Hit, str, int]] = []
        for first, n in scan.accepted:
            assert first.form is not None  # an accepted hit is of a listed form
            uses.append((first.start, first, first.form.text, n))
        for hit, inside in scan.hits:
            if inside is not None and _acceptable(inside) and not _acceptable(hit):
                continue  # an accepted name keeps its own spelling ("Ministry of Defence")
            problem, label = _hit_finding(hit, document.date), _label(hit)
            if problem is not None and inside is None:
                line, column, end_line, end_column = _where(segment, index, hit.start, hit.end)
                code, message, expected = problem
                findings.append(registry.finding(
                    code, message, _loc(document.path, line, column), end_line=end_line,
                    end_column=end_column, term=hit.entry.id, found=hit.found,
                    expected=expected, msgid=segment.context))
            if label is not None:
                uses.append((hit.start, hit, label, 1))
        uses.sort(key=lambda use: use[0])
        for _, hit, label, n in uses:
            entry_id = hit.entry.id
            tally = counts.get(entry_id)
            if tally is None:
                tally = counts[entry_id] = Counter()
                entries[entry_id] = hit.entry
            tally[label] += n
            firsts = firsts_of.setdefault(entry_id, {})
            if label not in firsts:
                firsts[label] = _Use(label, *_where(segment, index, hit.start, hit.end),
                                     entry_id, hit.found, segment.context)
        for title, person in scan.titled:
            wrong = _wrong_title(title, person, matcher, segment.text)
            if wrong is not None:
                message, expected = wrong
                line, column, end_line, end_column = _where(segment, index, title.start,
                                                            person.end)
                findings.append(registry.finding(
                    "T107", message, _loc(document.path, line, column), end_line=end_line,
                    end_column=end_column, term=title.entry.id,
                    found=segment.text[title.start:person.end], expected=expected,
                    msgid=segment.context))
    findings.extend(_mixed_in_document(document, counts, firsts_of, entries, registry))
    return DocumentLint(findings, occurrences, firsts_of)


def _wrong_title(title: Hit, person: Hit, matcher: Matcher,
                 text: str) -> tuple[str, str] | None:
    """(message, expected) when a title the glossary links with other people stands before a
    person it links with other titles ("Secretary General Wi Sung-lac"). Quiet whenever it is
    not unambiguous: a title or a person the glossary links with nobody, a title that is part
    of one of the person's own ("President" in "U.S. President Donald Trump"), anything but a
    space or a comma between the two."""
    if text[title.end:person.start].strip(" ,") or "\n" in text[title.end:person.start]:
        return None
    by_id = matcher.by_id
    holders = [by_id[i] for i in title.entry.see
               if i in by_id and by_id[i].kind is Kind.PERSON]
    if not holders or person.entry.id in {h.id for h in holders}:
        return None
    own = sorted(matcher.titles_of.get(person.entry.id, ()))
    if not own or title.entry.id in own:
        return None
    written = title.found.lower()
    if any(written in form.text.lower() for i in own for form in by_id[i].forms):
        return None
    theirs = by_id[own[0]].canonical
    return (f"'{title.found}' is the title of {holders[0].canonical} ({title.entry.id}), not of "
            f"{person.entry.canonical}, who is {theirs} ({own[0]})", f"{theirs} {person.found}")


def _acceptable(hit: Hit) -> bool:
    return hit.how is How.EXACT and hit.form is not None and \
        hit.form.status in (Status.PREFERRED, Status.ADMITTED)


def _loc(path: str, line: int, column: int):
    from xlate.model import Location

    return Location(path, line, column)


def _mixed_in_document(document: Document, counts: dict[str, Counter[str]],
                       firsts_of: dict[str, dict[str, _Use]], entries: Mapping[str, Entry],
                       registry: Registry):
    for entry_id, labels in counts.items():
        if len(labels) < 2:
            continue
        second = list(firsts_of[entry_id].values())[1]  # the first use of the second form
        canonical = _preferred(entries[entry_id], document.date)
        listing = ", ".join(f"'{label}' ({n}x)" for label, n in labels.most_common())
        yield registry.finding(
            "T201", f"{entry_id} is written {len(labels)} ways in this document: {listing}; "
            f"the glossary's form is '{canonical}'",
            _loc(document.path, second.line, second.column),
            end_line=second.end_line, end_column=second.end_column, term=entry_id,
            found=second.found, expected=canonical, msgid=second.msgid)


def _mixed_across(across: dict[str, dict[int, dict[str, _Use]]],
                  documents: Sequence[Document], entries: Mapping[str, Entry],
                  registry: Registry):
    """One finding per concept written differently in different documents, placed at the first
    use of a form other than the glossary's (or, failing that, the first form used)."""
    for entry_id, by_document in across.items():
        if len(by_document) < 2:
            continue
        union = set().union(*by_document.values())
        if len(union) < 2 or any(set(labels) == union for labels in by_document.values()):
            continue  # one form everywhere, or one document has every form (that is T201's)
        ordered = [(n, documents[n].path, use) for n in sorted(by_document)
                   for use in sorted(by_document[n].values(), key=lambda u: (u.line, u.column))]
        entry = entries[entry_id]
        canonical = _preferred(entry, documents[ordered[0][0]].date)
        target = canonical if canonical in union else ordered[0][2].label
        reference = next(((p, u) for _, p, u in ordered if u.label == target), None)
        _, path, other = next((n, p, u) for n, p, u in ordered if u.label != target)
        where = f"{reference[0]}:{reference[1].line}" if reference else "another document"
        yield registry.finding(
            "T202", f"{entry_id} is written '{other.label}' here but '{target}' in {where}; "
            f"the glossary's form is '{canonical}'", _loc(path, other.line, other.column),
            end_line=other.end_line, end_column=other.end_column, term=entry_id,
            found=other.found, expected=canonical, msgid=other.msgid)


def documents_from_text(items: Iterable[tuple[str, str]]) -> list[Document]:
    """Plain-text documents (path, text), one segment each."""
    return [Document(path, (Segment(text),)) for path, text in items]
