"""An open document analysed as the command line analyses the file: `xlate lint` for text and
Markdown, `xlate check` for a catalogue, on the editor's text rather than the file on disk.

Nothing here decides what is a finding: the engines do (`xlate.lint.engine`,
`xlate.check.engine`, `xlate.check.gettext`), with the project's selection, severities and
lint baseline. This module places each finding in the text (string offsets) for the server.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xlate.check.engine import Catalogue, CheckOptions, check_catalogue
from xlate.check.gettext import gettext_findings
from xlate.errors import XlateError
from xlate.jobs.check import locale_of
from xlate.jobs.sources import CATALOG_SUFFIXES, TEXT_SUFFIXES
from xlate.lint.baseline import filter_new
from xlate.lint.engine import Document, Segment, lint
from xlate.lint.fix import Edit, plan
from xlate.lsp import po_text
from xlate.lsp.positions import LineMap
from xlate.lsp.project import Project
from xlate.model import Entry, Finding
from xlate.po.plurals import installed_plurals
from xlate.po.read import PoEntry, decode, read_po
from xlate.rules import REGISTRY
from xlate.rules.select import Selection

LINTED = TEXT_SUFFIXES
CHECKED = tuple(s for s in CATALOG_SUFFIXES if s != ".pot")


@dataclass(frozen=True)
class Placed:
    """A finding and the span of the text it is about (string offsets, end exclusive);
    `ignorable` when an `xlate: ignore` comment on its entry would silence it."""

    finding: Finding
    start: int
    end: int
    ignorable: bool = False


def kind_of(path: Path) -> str | None:
    """"lint", "check", or None for a document xlate does not analyse."""
    suffix = path.suffix.lower()
    if suffix in LINTED:
        return "lint"
    if suffix in CHECKED:
        return "check"
    return None


def _selection(project: Project) -> Selection:
    assert project.config is not None
    config = project.config
    return Selection(config.select, config.ignore, config.severity)


def _offset(lines: LineMap, line: int, column: int) -> int:
    """The string offset of xlate's 1-based (line, column)."""
    number = max(0, min(line - 1, lines.lines - 1))
    return lines.starts[number] + min(max(0, column - 1), len(lines.line(number)))


def lint_text(project: Project, path: Path, text: str) -> list[Placed]:
    """`xlate lint FILE`'s findings on `text` (the configured baseline applied)."""
    assert project.config is not None and project.matcher is not None
    config = project.config
    document = Document(config.display(path), (Segment(text),),
                        project.dates.get(path.resolve()))
    findings = _selection(project).apply(lint([document], project.matcher, REGISTRY).findings)
    if project.baseline is not None:
        findings, _ = filter_new(findings, project.baseline)
    lines = LineMap(text)
    placed = []
    for finding in findings:
        start = _offset(lines, finding.line, finding.column)
        end = _offset(lines, finding.end_line or finding.line,
                      finding.end_column or finding.column)
        placed.append(Placed(finding, start, max(start, end)))
    return placed


def fixes(project: Project, path: Path, text: str) -> list[Edit]:
    """The edits `xlate lint --fix` would make to `text`; none for a published article of
    the manifest, which is quoted verbatim and never rewritten."""
    if project.matcher is None or path.resolve() in project.dates:
        return []
    return plan(project.matcher.find(text), None)


def po_bytes(text: str) -> bytes:
    """The editor's text of a catalogue as the bytes of the file, in the charset its header
    declares (the reader decodes them again, judging them as msgfmt does)."""
    try:
        _, encoding = decode(text.encode("ascii", "replace"))
    except XlateError:
        encoding = "utf-8"
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8")  # the reader names the line the charset cannot hold


def read_catalogue(project: Project, path: Path, text: str) -> Catalogue:
    """The editor's text read as `xlate check` reads the file; raises XlateError (a syntax
    error, no language) as it does."""
    assert project.config is not None
    shown = project.config.display(path)
    po = read_po(po_bytes(text), shown)
    return Catalogue(shown, locale_of(po, path, None), po)


def check_text(project: Project, path: Path, text: str) -> list[Placed]:
    """`xlate check FILE`'s findings on `text`. A text the reader refuses is one finding-like
    error at its line, as the command reports it."""
    assert project.config is not None and project.matcher is not None
    lines = LineMap(text)
    catalogue = read_catalogue(project, path, text)
    options = CheckOptions(dates=project.article_dates,
                           source_locale=project.config.source_locale)
    selection = _selection(project)
    glossary = selection.apply(check_catalogue(catalogue, project.matcher, REGISTRY,
                                               options).findings)
    gettext = selection.apply(gettext_findings(catalogue, installed_plurals(catalogue.locale),
                                               {}))
    entries = {(e.msgid, catalogue.msgstr_line(e)): e for e in catalogue.po.entries
               if e.msgid and not e.obsolete}
    rows = [lines.line(n) for n in range(lines.lines)]
    placed = []
    for findings, ignorable in ((glossary, True), (gettext, False)):
        for finding in findings:
            entry = entries.get((finding.msgid or "", finding.line))
            start, end = _po_span(lines, rows, finding, entry)
            placed.append(Placed(finding, start, end, ignorable and entry is not None))
    placed.sort(key=lambda p: (p.start, p.finding.code))
    return placed


def msgstr_maps(rows: list[str], entry: PoEntry) -> list[po_text.StringMap]:
    """The entry's translations as written: its msgstr, or each msgstr[N]."""
    if entry.msgid_plural:
        found = [po_text.field(rows, line, f"msgstr[{n}]")
                 for n, line in enumerate(entry.msgstr_lines)]
    else:
        found = [po_text.field(rows, entry.msgstr_line, "msgstr")]
    return [m for m in found if m is not None]


def _po_span(lines: LineMap, rows: list[str], finding: Finding,
             entry: PoEntry | None) -> tuple[int, int]:
    """Where a catalogue finding is: the text it found in the translation, else the whole
    translation, else its line."""
    def offsets(span) -> tuple[int, int]:
        (line, column), (end_line, end_column) = span
        return lines.starts[line] + column, lines.starts[end_line] + end_column

    if entry is not None:
        maps = msgstr_maps(rows, entry)
        if finding.found:
            for string in maps:
                at = string.value.find(finding.found)
                span = string.span(at, at + len(finding.found)) if at >= 0 else None
                if span:
                    return offsets(span)
        for string in maps:
            span = string.whole()
            if span:
                return offsets(span)
    number = max(0, min(finding.line - 1, lines.lines - 1))
    return lines.starts[number], lines.starts[number] + len(lines.line(number))


def error_line(error: XlateError) -> int:
    """The 0-based line an error names (0 when it names none)."""
    return max(0, (error.line or 1) - 1)


def term_at(project: Project, path: Path, text: str, offset: int) -> Entry | None:
    """The glossary entry of the term at string offset `offset`: an English term of a text,
    or a term of a catalogue's msgid or one of the renderings in its msgstr."""
    if project.matcher is None:
        return None
    if kind_of(path) == "lint":
        return _english_at(project, text, offset)
    try:
        catalogue = read_catalogue(project, path, text)
    except XlateError:
        return None
    lines = LineMap(text, "utf-32")
    where = lines.position(offset)  # a code-point column: the LineMap counts in UTF-32
    number, column = where.line, where.character
    rows = [lines.line(n) for n in range(lines.lines)]
    # the entry the line belongs to: the last one that starts at or before it
    entry = None
    for candidate in catalogue.po.entries:
        if candidate.line > number + 1:
            break
        entry = candidate
    if entry is None or not entry.msgid or entry.obsolete:
        return None
    source = po_text.field(rows, entry.msgid_line, "msgid")
    index = source.at(number, column) if source else None
    if source is not None and index is not None:
        return _english_at(project, source.value, index)
    for string in msgstr_maps(rows, entry):
        index = string.at(number, column)
        if index is not None:
            return _rendering_at(project, entry.msgid, string.value, index, catalogue.locale)
    return None


def _english_at(project: Project, text: str, offset: int) -> Entry | None:
    assert project.matcher is not None
    for hit in project.matcher.find(text):
        if hit.start <= offset < hit.end:
            return hit.entry
    return None


def _rendering_at(project: Project, msgid: str, msgstr: str, offset: int,
                  locale: str) -> Entry | None:
    """The concept of the msgid whose rendering (any status) is written at `offset`."""
    from xlate.check.engine import concepts_in
    from xlate.target import match as tg

    assert project.matcher is not None
    for concept in concepts_in(msgid, project.matcher):
        rendering = concept.renderings.get(locale) or \
            concept.renderings.get(locale.split("_")[0].split("-")[0])
        for form in rendering.forms if rendering else ():
            if any(h.start <= offset < h.end for h in tg.find(form.text, msgstr, locale)):
                return concept
    return None
