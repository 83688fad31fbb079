"""What the server sends: diagnostics, code actions and hovers, built from placed findings,
fixes and glossary entries (lsprotocol values; no I/O)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from xlate.errors import XlateError
from xlate.glossary.lookup import describe
from xlate.lint.fix import Edit
from xlate.lsp import po_text
from xlate.lsp.analysis import Placed
from xlate.lsp.positions import LineMap
from xlate.lsp.ruledocs import link
from xlate.model import Entry, Location, Severity
from xlate.rules import REGISTRY

SOURCE = "xlate"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


def lsp_range(lines: LineMap, start: int, end: int) -> types.Range:
    first, last = lines.position(start), lines.position(end)
    return types.Range(types.Position(first.line, first.character),
                       types.Position(last.line, last.character))


def _file_uri(path: str) -> str:
    from pathlib import Path

    return Path(path).as_uri()


def diagnostic(placed: Placed, lines: LineMap, docs: str,
               glossary_place: Location | None = None) -> types.Diagnostic:
    """One finding as a diagnostic: the rule's code and a link to its documentation, the
    glossary id in the message, in `data` and (with where the entry is written) in the
    related information."""
    finding = placed.finding
    message = finding.message
    if finding.term and finding.term not in message:
        message += f" ({finding.term})"
    related = None
    if finding.term and glossary_place is not None:
        line = max(0, glossary_place.line - 1)
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=_file_uri(glossary_place.path),
                                    range=types.Range(types.Position(line, 0),
                                                      types.Position(line, 0))),
            message=f"glossary entry {finding.term}")]
    rule = REGISTRY.get(finding.code)
    return types.Diagnostic(
        range=lsp_range(lines, placed.start, placed.end),
        severity=_SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=link(docs, rule)) if rule else None,
        source=SOURCE,
        message=message,
        related_information=related,
        data={"rule": finding.rule, "term": finding.term, "found": finding.found,
              "expected": finding.expected, "msgid": finding.msgid, "line": finding.line,
              "ignorable": placed.ignorable},
    )


def error_diagnostic(error: XlateError, lines: LineMap, *, own: bool) -> types.Diagnostic:
    """An error that keeps the document from being checked: at its line when it is about the
    document itself (`own`, a syntax error), else at the top, naming the file and line."""
    if own:
        number = max(0, min((error.line or 1) - 1, lines.lines - 1))
        where = types.Range(types.Position(number, 0), lines_end(lines, number))
        message = error.message
    else:
        where = types.Range(types.Position(0, 0), lines_end(lines, 0))
        message = f"xlate cannot check this document: {error}"
    return types.Diagnostic(range=where, severity=types.DiagnosticSeverity.Error,
                            source=SOURCE, message=message)


def lines_end(lines: LineMap, number: int) -> types.Position:
    end = lines.line_end(number)
    return types.Position(end.line, end.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def _matching(context: Sequence[types.Diagnostic], where: types.Range,
              code: str | None = None) -> list[types.Diagnostic]:
    return [d for d in context if d.source == SOURCE and d.range == where
            and (code is None or d.code == code)]


def fix_actions(uri: str, lines: LineMap, edits: Sequence[Edit], wanted: types.Range,
                context: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """The replacements `xlate lint --fix` would make in the requested range, one quick fix
    each, and one action making all of them when there are several."""
    actions = []
    every = []
    for edit in edits:
        where = lsp_range(lines, edit.start, edit.end)
        change = types.TextEdit(range=where, new_text=edit.new)
        every.append(change)
        if not _overlaps(where, wanted):
            continue
        actions.append(types.CodeAction(
            title=f"Replace '{edit.old}' with '{edit.new}' ({edit.term})",
            kind=types.CodeActionKind.QuickFix, diagnostics=_matching(context, where) or None,
            edit=types.WorkspaceEdit(changes={uri: [change]}), is_preferred=True))
    if len(every) > 1 and actions:
        actions.append(types.CodeAction(
            title=f"Fix all {len(every)} deprecated variants (xlate lint --fix)",
            kind=types.CodeActionKind.SourceFixAll + ".xlate",
            edit=types.WorkspaceEdit(changes={uri: every})))
    return actions


IGNORE_REASON = "TODO: say why"


def ignore_actions(uri: str, lines: LineMap, placed: Sequence[Placed], entry_lines: dict,
                   wanted: types.Range,
                   context: Sequence[types.Diagnostic]) -> list[types.CodeAction]:
    """For each finding an `xlate: ignore` comment can silence in the requested range: insert
    `# xlate: ignore CODE -- TODO: say why` among the entry's translator comments.
    `entry_lines` maps (msgid, finding line) to the entry's first line."""
    rows = [lines.line(n) for n in range(lines.lines)]
    newline = "\r\n" if "\r\n" in lines.text else "\n"
    actions = []
    seen = set()
    for one in placed:
        finding = one.finding
        where = lsp_range(lines, one.start, one.end)
        first = entry_lines.get((finding.msgid, finding.line))
        if not one.ignorable or first is None or not _overlaps(where, wanted):
            continue
        if (first, finding.code) in seen:
            continue
        seen.add((first, finding.code))
        at = po_text.ignore_insertion_line(rows, first)
        comment = f"# xlate: ignore {finding.code} -- {IGNORE_REASON}{newline}"
        insert = types.TextEdit(range=types.Range(types.Position(at, 0), types.Position(at, 0)),
                                new_text=comment)
        actions.append(types.CodeAction(
            title=f"Ignore {finding.code} on this entry (# xlate: ignore {finding.code} -- "
                  "reason)",
            kind=types.CodeActionKind.QuickFix,
            diagnostics=_matching(context, where, finding.code) or None,
            edit=types.WorkspaceEdit(changes={uri: [insert]})))
    return actions


def hover(entry: Entry, where: str | None) -> types.Hover:
    """The glossary entry as `xlate glossary show` prints it, in Markdown."""
    card = describe(entry, where=where)
    text = f"**{entry.canonical}** · glossary entry `{entry.id}`\n\n```text\n{card}```\n"
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                    value=text))
