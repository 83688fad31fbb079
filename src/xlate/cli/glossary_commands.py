"""`xlate glossary validate/show/list/export/import`."""

from __future__ import annotations

from pathlib import Path

import typer

from xlate.cli.base import (
    FAIL_ON_OPTION,
    FORMAT_OPTION,
    GLOSSARY_OPTION,
    LIST_FORMAT_OPTION,
    OUT_FORMAT_OPTION,
    ExportFormat,
    Level,
    ListFormat,
    OutFormat,
    ReportFormat,
    _config,
    _exit_for,
    _load_glossary,
    emit,
    emit_bytes,
    emit_report,
    emit_table,
    glossary_app,
    handles_errors,
    input_errors,
)
from xlate.errors import XlateError


@glossary_app.command("validate")
@handles_errors
def glossary_validate(
    ctx: typer.Context,
    glossary: Path | None = GLOSSARY_OPTION,
    output: ReportFormat = FORMAT_OPTION,
    fail_on: Level | None = FAIL_ON_OPTION,
) -> None:
    """Check the glossary: schema, duplicate ids and forms, missing renderings, references.

    Exit 0 when clean, 1 on findings at or above --fail-on, 2 when a file cannot be read.
    """
    from xlate.rules.select import Selection

    config, parsed = _load_glossary(ctx, glossary, keep_going=True)
    findings = Selection(config.select, config.ignore, config.severity).apply(parsed.findings)
    emit_report(output.value, findings)
    input_errors(parsed.errors)  # the files that could not be read, after the others' report
    _exit_for(findings, fail_on, config)


@glossary_app.command("show")
@handles_errors
def glossary_show(
    ctx: typer.Context,
    query: str = typer.Argument(..., metavar="QUERY", help="An id, or any form in any language "
                                          "(\"Lee Jae Myung\", 위성락, Otan)."),
    glossary: Path | None = GLOSSARY_OPTION,
    output: OutFormat = OUT_FORMAT_OPTION,
) -> None:
    """Find entries by id or by any surface form and print them. Exit 1 when none matches."""
    from xlate.glossary.lookup import describe, find_entries

    config, parsed = _load_glossary(ctx, glossary)
    entries, exact = find_entries(parsed.glossary, query)
    if not entries:
        typer.echo(f"xlate: no glossary entry matches '{query}'", err=True)
        raise typer.Exit(1)
    if output is OutFormat.json:
        import json

        from xlate.glossary.jsoncsv import entry_to_dict

        payload = [entry_to_dict(e, source_locale=config.source_locale) for e in entries]
        emit(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    if not exact:
        typer.echo(f"No entry has the form '{query}'; entries containing it:", err=True)
    cards = [describe(e, where=str(parsed.locate(e))) for e in entries]
    emit("\n".join(cards), nl=False)


@glossary_app.command("list")
@handles_errors
def glossary_list(
    ctx: typer.Context,
    kind: str | None = typer.Option(None, "--kind", "-k", metavar="KIND",
                                       help="Only entries of this kind (person, office ...)."),
    glossary: Path | None = GLOSSARY_OPTION,
    output: ListFormat = LIST_FORMAT_OPTION,
) -> None:
    """List the entries as a table: id, kind, canonical form and the approved renderings."""
    from xlate.model import Kind

    config, parsed = _load_glossary(ctx, glossary)
    if kind is not None and kind not in Kind._value2member_map_:
        raise XlateError(f"unknown kind '{kind}'; use one of: {', '.join(k.value for k in Kind)}")
    entries = [e for e in parsed.glossary if kind is None or e.kind.value == kind]
    rows = []
    for entry in entries:
        row = {"id": entry.id, "kind": entry.kind.value, "canonical": entry.canonical}
        for locale in config.target_locales:
            rendering = entry.renderings.get(locale)
            approved = rendering.approved() if rendering else None
            row[locale] = approved.text if approved else ""
        rows.append(row)
    if output is ListFormat.json:
        import json

        emit(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.table import Table

    table = Table(*rows[0].keys() if rows else ("id",), box=None, pad_edge=False,
                  show_edge=False, header_style="bold")
    for row in rows:
        table.add_row(*row.values())
    emit_table(table, f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}")


@glossary_app.command("export")
@handles_errors
def glossary_export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(..., "--format", "-f", metavar="FORMAT",
                                     help="tbx: TBX-Basic v3 (ISO 30042:2019); tbx2: the older "
                                          "martif layout; csv: Weblate glossary CSV (one target "
                                          "locale); json: xlate's own lossless JSON."),
    locale: str | None = typer.Option(None, "--locale", "-l", metavar="LOCALE",
                                         help="Target locale of a CSV export."),
    output_path: Path | None = typer.Option(None, "--output", "-o", metavar="FILE",
                                               help="Write here (atomically) instead of stdout."),
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Export the glossary as TBX (v3 or v2), Weblate CSV or JSON."""
    config, parsed = _load_glossary(ctx, glossary)
    data: bytes
    if fmt in (ExportFormat.tbx, ExportFormat.tbx2):
        from xlate.glossary.tbx import export_tbx

        data = export_tbx(parsed.glossary, source_locale=config.source_locale,
                          dialect="v3" if fmt is ExportFormat.tbx else "v2")
    elif fmt is ExportFormat.json:
        from xlate.glossary.jsoncsv import export_json

        data = export_json(parsed.glossary, source_locale=config.source_locale).encode("utf-8")
    else:
        from xlate.glossary.jsoncsv import export_csv

        if locale is None:
            raise XlateError("a CSV export holds one target locale: pass --locale "
                             + "|".join(config.target_locales))
        from xlate.config import normalise_locale

        locale = normalise_locale(locale)
        data = export_csv(parsed.glossary, locale=locale,
                          source_locale=config.source_locale).encode("utf-8")
    if output_path is None:
        emit_bytes(data)
    else:
        from xlate.fsutil import atomic_write

        atomic_write(output_path, data)
        typer.echo(f"wrote {output_path} ({len(parsed.glossary)} entries)", err=True)


@glossary_app.command("import")
@handles_errors
def glossary_import(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE",
                                help="A TBX (v3 or v2 martif), Weblate CSV (.csv) or xlate "
                                     "JSON file."),
    locale: str | None = typer.Option(None, "--locale", "-l", metavar="LOCALE",
                                         help="Target locale of a CSV file (unless its header "
                                              "names it), and of TBX terms in translate-"
                                              "toolkit's placeholder language xx."),
    into: Path | None = typer.Option(None, "--into", metavar="FILE",
                                        help="Glossary file for new entries "
                                             "(default: imported.toml in the glossary folder)."),
    dry_run: bool = typer.Option(False, "--dry-run",
                                 help="Report what would change; write nothing."),
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Merge a TBX, CSV or JSON glossary into the glossary files, losing nothing there.

    The merged glossary is validated first, as `xlate glossary validate` would: with errors,
    nothing is written, the errors are printed and the exit status is 2 (--dry-run too).
    """
    from xlate.jobs.glossary_import import import_file
    from xlate.rules.select import Selection

    config = _config(ctx, glossary, glossary_option=True)
    folder = glossary if glossary is not None else config.glossary
    if locale is not None:
        from xlate.config import normalise_locale

        locale = normalise_locale(locale)
    result = import_file(file, folder, into=into, source_locale=config.source_locale,
                         target_locales=config.target_locales,
                         selection=Selection(config.select, config.ignore, config.severity),
                         display_root=config.root, locale=locale, dry_run=dry_run)
    emit(result.report, nl=False)
    errors = result.errors
    if errors:
        for f in errors:
            typer.echo(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.rule}] {f.message}", err=True)
        typer.echo(f"xlate: error: the merged glossary would have {len(errors)} "
                   f"error{'s' if len(errors) != 1 else ''}; nothing was written", err=True)
        raise typer.Exit(2)
    warnings = len(result.findings)
    if warnings:
        typer.echo(f"xlate: the merged glossary has {warnings} warning"
                   f"{'s' if warnings != 1 else ''}; `xlate glossary validate` lists them",
                   err=True)


@glossary_app.command("suggest")
@handles_errors
def glossary_suggest(
    ctx: typer.Context,
    paths: list[str] | None = typer.Argument(
        None, metavar="PATH",
        help="English texts: files, folders or glob patterns (.txt, .md, .pot, .po msgids); - "
             "for standard input. Default: the configured sources."),
    glossary: Path | None = GLOSSARY_OPTION,
    no_glossary: bool = typer.Option(False, "--no-glossary",
                                     help="Propose everything, as with an empty glossary."),
    output: OutFormat = OUT_FORMAT_OPTION,
    write: Path | None = typer.Option(
        None, "--write", "-w", metavar="FILE",
        help="Write the proposals as [[term]] stubs (renderings left empty to fill) to FILE, "
             "which must not exist."),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, metavar="N",
                                     help="Only the N best proposals (listed and written)."),
) -> None:
    """Propose glossary entries for the names, titles, organisations, programmes, events and
    places the texts name and the glossary lacks, best first; spellings of existing entries
    are reported as their variants.

    Exit 0 when done (proposals are for review, not failures), 2 when an input cannot be read.
    """
    from xlate.jobs.suggest import run_suggest
    from xlate.suggest.render import render_text, to_json

    if no_glossary:
        if glossary is not None:
            raise XlateError("--no-glossary and --glossary exclude each other")
        config = _config(ctx, Path(), glossary_option=True)  # a project is not needed
        entries = None
    else:
        config, parsed = _load_glossary(ctx, glossary, renderings=False)
        entries = parsed.glossary
    outcome = run_suggest(config, entries, paths or [], write=write, limit=limit)
    if output is OutFormat.json:
        emit(to_json(outcome.suggestions, outcome.files, limit=limit))
    else:
        emit(render_text(outcome.suggestions, outcome.files, limit=limit), nl=False)
    if outcome.written:
        typer.echo(f"xlate: wrote {min(len(outcome.suggestions.candidates), limit or 10**9)} "
                   f"stubs to {outcome.written}: fill every approved rendering, then run "
                   "xlate glossary validate", err=True)
    elif write is not None:
        typer.echo(f"xlate: nothing written to {write}: "
                   + ("an input could not be read" if outcome.errors
                      else "there is nothing to propose"), err=True)
    input_errors(outcome.errors)
