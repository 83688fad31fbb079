"""The `xlate` command line: thin typer commands that load, call one function, render, exit.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.
Heavy modules (babel, polib, sacremoses, XML) are imported inside the commands that need them, so
that `xlate --version` and `xlate --help` start fast.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Callable, Optional, TypeVar

import typer

from xlate import __version__
from xlate.errors import XlateError

F = TypeVar("F", bound=Callable[..., object])

app = typer.Typer(
    name="xlate",
    help="One terminology glossary drives the translation of news articles: lint the English "
         "sources, keep the gettext catalogues, check every translation against the glossary.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
glossary_app = typer.Typer(
    help="Validate, search, list, export and import the glossary.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


@dataclass
class State:
    config: Optional[Path] = None
    debug: bool = False


_STATE = State()


class OutFormat(str, Enum):
    text = "text"
    json = "json"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    tbx = "tbx"
    tbx2 = "tbx2"
    csv = "csv"
    json = "json"


class Level(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xlate {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Optional[Path] = typer.Option(
        None, "--config", metavar="PATH",
        help="Configuration file (xlate.toml, or pyproject.toml with [tool.xlate]); by default "
             "the nearest one above the working directory."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors."),
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = State(config=config, debug=debug)
    _STATE.debug = debug


def handles_errors(func: F) -> F:
    """Turn XlateError into one line on stderr and exit 2; other exceptions into exit 3."""

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        debug = _STATE.debug
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except XlateError as exc:
            if debug:
                raise
            typer.echo(f"xlate: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug, not bad input: say so, distinguishably
            if debug:
                raise
            typer.echo(f"xlate: internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for a traceback)", err=True)
            raise typer.Exit(3) from None

    return wrapper  # type: ignore[return-value]


def _config(ctx: typer.Context):
    from xlate.config import load_config

    return load_config(ctx.find_root().obj.config)


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _load_glossary(ctx: typer.Context, glossary: Optional[Path]):
    from xlate.glossary import load_glossary

    config = _config(ctx)
    folder = glossary if glossary is not None else config.glossary
    return config, load_glossary(folder, target_locales=config.target_locales,
                                 display_root=config.root)


GLOSSARY_OPTION = typer.Option(None, "--glossary", "-g", metavar="PATH",
                               help="Glossary folder or file (default: from the configuration).")


@glossary_app.command("validate")
@handles_errors
def glossary_validate(
    ctx: typer.Context,
    glossary: Optional[Path] = GLOSSARY_OPTION,
    output: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
    fail_on: Optional[Level] = typer.Option(
        None, "--fail-on", help="Lowest severity that makes the exit status 1 "
                                "(default: fail_on from the configuration, else warning)."),
) -> None:
    """Check the glossary: schema, duplicate ids and forms, missing renderings, references.

    Exit 0 when clean, 1 on findings at or above --fail-on, 2 when a file cannot be read.
    """
    from xlate.rules.select import Selection

    config, parsed = _load_glossary(ctx, glossary)
    findings = Selection(config.select, config.ignore, config.severity).apply(parsed.findings)
    typer.echo(_render(output.value, findings), nl=False)
    _exit_for(findings, fail_on, config)


@glossary_app.command("show")
@handles_errors
def glossary_show(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="An id, or any form in any language "
                                          "(\"Lee Jae Myung\", 위성락, Otan)."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
    output: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Find entries by id or by any surface form and print them. Exit 1 when none matches."""
    from xlate.lookup import describe, find_entries

    config, parsed = _load_glossary(ctx, glossary)
    entries, exact = find_entries(parsed.glossary, query)
    if not entries:
        typer.echo(f"xlate: no glossary entry matches '{query}'", err=True)
        raise typer.Exit(1)
    if output is OutFormat.json:
        import json

        from xlate.exchange import entry_to_dict

        payload = [entry_to_dict(e, source_locale=config.source_locale) for e in entries]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    if not exact:
        typer.echo(f"No entry has the form '{query}'; entries containing it:", err=True)
    cards = [describe(e, where=str(parsed.locate(e))) for e in entries]
    typer.echo("\n".join(cards), nl=False)


@glossary_app.command("list")
@handles_errors
def glossary_list(
    ctx: typer.Context,
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="Only entries of this kind."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
    output: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
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

        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*rows[0].keys() if rows else ("id",), box=None, pad_edge=False,
                  show_edge=False, header_style="bold")
    for row in rows:
        table.add_row(*row.values())
    console = Console(width=None if sys.stdout.isatty() else 200, no_color=not _use_color(),
                      highlight=False)
    console.print(table)
    console.print(f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}")


@glossary_app.command("export")
@handles_errors
def glossary_export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(..., "--format", "-f",
                                     help="tbx: TBX-Basic v3 (ISO 30042:2019); tbx2: the older "
                                          "martif layout; csv: Weblate glossary CSV (one target "
                                          "locale); json: xlate's own lossless JSON."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l",
                                         help="Target locale of a CSV export."),
    output_path: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                               help="Write here (atomically) instead of stdout."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Export the glossary as TBX (v3 or v2), Weblate CSV or JSON."""
    config, parsed = _load_glossary(ctx, glossary)
    data: bytes
    if fmt in (ExportFormat.tbx, ExportFormat.tbx2):
        from xlate.tbx import export_tbx

        data = export_tbx(parsed.glossary, source_locale=config.source_locale,
                          dialect="v3" if fmt is ExportFormat.tbx else "v2")
    elif fmt is ExportFormat.json:
        from xlate.exchange import export_json

        data = export_json(parsed.glossary, source_locale=config.source_locale).encode("utf-8")
    else:
        from xlate.exchange import export_csv

        if locale is None:
            raise XlateError("a CSV export holds one target locale: pass --locale "
                             + "|".join(config.target_locales))
        from xlate.config import check_locale

        check_locale(locale)
        data = export_csv(parsed.glossary, locale=locale,
                          source_locale=config.source_locale).encode("utf-8")
    if output_path is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from xlate.fsutil import atomic_write

        atomic_write(output_path, data)
        typer.echo(f"wrote {output_path} ({len(parsed.glossary)} entries)", err=True)


@glossary_app.command("import")
@handles_errors
def glossary_import(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A TBX (v3 or v2 martif) or xlate JSON file."),
    into: Optional[Path] = typer.Option(None, "--into", metavar="FILE",
                                        help="Glossary file for new entries "
                                             "(default: imported.toml in the glossary folder)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report what would change; write nothing."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Merge a TBX or JSON glossary into the glossary files, by id, losing nothing there."""
    from xlate.interchange import import_file

    config = _config(ctx)
    folder = glossary if glossary is not None else config.glossary
    report = import_file(file, folder, into=into, source_locale=config.source_locale,
                         dry_run=dry_run)
    typer.echo(report, nl=False)


def _render(fmt: str, findings, *, files=()) -> str:
    from xlate.report import RENDERERS
    from xlate.rules import REGISTRY

    return RENDERERS[fmt](findings, color=_use_color(), rules=list(REGISTRY), files=list(files))


def _exit_for(findings, fail_on: Optional["Level"], config) -> None:
    """Exit 1 when a finding is at or above --fail-on (else the configured fail_on), else 0."""
    from xlate.model import Severity
    from xlate.rules.select import worst_exit

    level = Severity(fail_on.value) if fail_on else config.fail_on
    raise typer.Exit(worst_exit(findings, level))


def _selection(config, select: Optional[str], ignore: Optional[str]):
    from xlate.rules.select import Selection

    def split(value: Optional[str], default: tuple[str, ...]) -> tuple[str, ...]:
        if value is None:
            return default
        return tuple(p.strip().upper() for p in value.split(",") if p.strip())

    return Selection(split(select, config.select), split(ignore, config.ignore), config.severity)


@app.command("lint")
@handles_errors
def lint_command(
    ctx: typer.Context,
    paths: Optional[list[str]] = typer.Argument(
        None, help="Files, folders or glob patterns (.txt, .md, .po, .pot); - for standard "
                   "input. Default: the configured sources."),
    select: Optional[str] = typer.Option(None, "--select", metavar="CODES",
                                         help="Comma-separated rule codes or prefixes to run."),
    ignore: Optional[str] = typer.Option(None, "--ignore", metavar="CODES",
                                         help="Comma-separated rule codes or prefixes to skip "
                                              "(the longest matching prefix wins)."),
    fail_on: Optional[Level] = typer.Option(None, "--fail-on",
                                            help="Lowest severity that makes the exit status 1."),
    output: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f",
                                        help="Output format."),
    fix: bool = typer.Option(False, "--fix", help="Rewrite deprecated variants to the "
                                                   "canonical form, in place (atomically)."),
    diff: bool = typer.Option(False, "--diff", help="With --fix: print the changes as a "
                                                     "unified diff and write nothing."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE",
                                            help="Report only findings not recorded in FILE "
                                                 "(default: `baseline` from the configuration)."),
    no_baseline: bool = typer.Option(False, "--no-baseline", help="Ignore any baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", metavar="FILE",
                                                  help="Record the current findings in FILE."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Lint English sources against the glossary: variants, forbidden forms, romanisations of
    Korean names, misspelt names, case, house spelling, and mixed forms within and across
    documents.

    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on bad input.
    """
    from xlate.linting import run_lint

    config, parsed = _load_clean_glossary(ctx, glossary)
    use_baseline = None if no_baseline else (baseline or config.baseline)
    outcome = run_lint(config, parsed.glossary, paths or [], selection=_selection(
        config, select, ignore), fix=fix, diff=diff, baseline=use_baseline,
        write_baseline=write_baseline)
    for line in outcome.notes:
        typer.echo(line, err=True)
    if outcome.diff is not None:
        typer.echo(outcome.diff, nl=False)
    typer.echo(_render(output.value, outcome.findings, files=outcome.files), nl=False)
    _exit_for(outcome.findings, fail_on, config)


@app.command("extract")
@handles_errors
def extract_command(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when the template "
                                                       "is stale."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Segment the sources into sentences and write the gettext template (.pot).

    The output is byte-stable: a second run with unchanged inputs changes no byte.
    """
    from xlate.catalogs import extract

    config, parsed = _load_clean_glossary(ctx, glossary)
    changed, shown = extract(config, parsed.glossary, check=check)
    if check:
        typer.echo(f"{shown}: {'stale (run `xlate extract`)' if changed else 'up to date'}",
                   err=True)
        raise typer.Exit(1 if changed else 0)
    typer.echo(f"{shown}: {'written' if changed else 'unchanged'}", err=True)


@app.command("init")
@handles_errors
def init_command(
    ctx: typer.Context,
    locale: str = typer.Argument(..., help="A CLDR locale code: ko, ja, fr, pt_BR ..."),
    force: bool = typer.Option(False, "--force", help="Replace an existing catalogue."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Create the catalogue of a new locale from the template, with Language and Plural-Forms
    from CLDR and the glossary's hints."""
    from xlate.catalogs import init

    config, parsed = _load_clean_glossary(ctx, glossary)
    typer.echo(f"{init(config, locale, parsed.glossary, force=force)}: created", err=True)


@app.command("update")
@handles_errors
def update_command(
    ctx: typer.Context,
    locales: Optional[list[str]] = typer.Argument(None, help="Locales (default: every catalogue)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when a catalogue "
                                                       "is stale."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Merge the template into the catalogues: translations and comments kept, changed
    sentences fuzzy with their previous msgid, vanished ones obsolete, glossary hints refreshed."""
    from xlate.catalogs import update

    config, parsed = _load_clean_glossary(ctx, glossary)
    stale = False
    for shown, changed, report in update(config, locales or [], parsed.glossary, check=check):
        stale |= changed
        state = ("stale" if check else "updated") if changed else "up to date"
        detail = f"{report.kept} kept, {len(report.fuzzy)} fuzzy, {len(report.new)} new, " \
                 f"{len(report.obsolete)} obsolete"
        typer.echo(f"{shown}: {state} ({detail})", err=True)
    raise typer.Exit(1 if check and stale else 0)


@app.command("compile")
@handles_errors
def compile_command(
    ctx: typer.Context,
    locales: Optional[list[str]] = typer.Argument(None, help="Locales (default: every catalogue)."),
) -> None:
    """Compile the catalogues to .mo files, refusing broken plural forms or format strings."""
    from xlate.catalogs import compile_catalogs

    for shown in compile_catalogs(_config(ctx), locales or []):
        typer.echo(f"{shown}: written", err=True)


class RenderFormat(str, Enum):
    text = "text"
    md = "md"
    html = "html"


@app.command("render")
@handles_errors
def render_command(
    ctx: typer.Context,
    locale: str = typer.Argument(..., help="The locale to render."),
    article: Optional[str] = typer.Argument(None, help="An article id (default: every article)."),
    fmt: RenderFormat = typer.Option(RenderFormat.text, "--format", "-f",
                                     help="text: the translation; md, html: bilingual, side by "
                                          "side."),
) -> None:
    """Print a translated article, read through Python's gettext from the compiled .mo.

    Untranslated and fuzzy sentences fall back to English and are counted on stderr.
    """
    from xlate.catalogs import render

    result = render(_config(ctx), locale, article, fmt.value)
    out = result.text
    if fmt is RenderFormat.html:
        import html as _html

        out = (f'<!DOCTYPE html>\n<html lang="{_html.escape(locale)}"><head><meta charset="utf-8">'
               f"<title>xlate: {_html.escape(locale)}</title></head><body>\n{out}</body></html>\n")
    typer.echo(out, nl=False)
    if result.fallbacks:
        typer.echo(f"{result.fallbacks} of {result.segments} sentence(s) fell back to English "
                   "(untranslated or fuzzy)", err=True)


@app.command("stats")
@handles_errors
def stats_command(
    ctx: typer.Context,
    output: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Translation progress per locale and article."""
    from xlate.catalogs import stats

    rows = stats(_config(ctx))
    records = [{"locale": r.locale, "article": r.article, "total": r.total,
                "translated": r.translated, "fuzzy": r.fuzzy, "untranslated": r.untranslated,
                "obsolete": r.obsolete, "percent": r.percent} for r in rows]
    if output is ListFormat.json:
        import json

        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in ("locale", "article", "total", "translated", "fuzzy", "untranslated",
                 "obsolete", "percent"):
        table.add_column(name, justify="left" if name in ("locale", "article") else "right")
    for record in records:
        table.add_row(*(f"{v:.1f}%" if k == "percent" else str(v) for k, v in record.items()))
    Console(width=None if sys.stdout.isatty() else 200, no_color=not _use_color(),
            highlight=False).print(table)


def _load_clean_glossary(ctx: typer.Context, glossary: Optional[Path]):
    """The configuration and glossary, refusing a glossary with errors (run validate)."""
    config, parsed = _load_glossary(ctx, glossary)
    errors = [f for f in parsed.findings if f.severity.value == "error"]
    if errors:
        first = errors[0]
        raise XlateError(f"the glossary has {len(errors)} error(s), first: {first.message} "
                         "(run `xlate glossary validate`)", path=first.path, line=first.line)
    return config, parsed


@app.command("check")
@handles_errors
def check_command(
    ctx: typer.Context,
    paths: Optional[list[str]] = typer.Argument(
        None, help="PO files (default: every catalogue under the configured `catalogs`, plus "
                   "the staleness check of the template and catalogues)."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l",
                                         help="Language of the given PO files when their "
                                              "header has none."),
    select: Optional[str] = typer.Option(None, "--select", metavar="CODES",
                                         help="Comma-separated rule codes or prefixes to run."),
    ignore: Optional[str] = typer.Option(None, "--ignore", metavar="CODES",
                                         help="Comma-separated rule codes or prefixes to skip."),
    fail_on: Optional[Level] = typer.Option(None, "--fail-on",
                                            help="Lowest severity that makes the exit status 1."),
    min_translated: Optional[float] = typer.Option(
        None, "--min-translated", metavar="PERCENT",
        help="Fail (C403) a catalogue with fewer translated entries than this."),
    output: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f",
                                        help="Output format."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Check every translation against the glossary: approved renderings present, forbidden
    and deprecated ones absent, Korean particles, numbers and dates, consistency, untranslated
    and fuzzy entries, stale catalogues, format strings and plural forms.

    Silence one finding on one entry with a translator comment
    `# xlate: ignore CODE -- reason`. Exit 0/1/2 as for `xlate lint`.
    """
    from xlate.checking import run_check

    config, parsed = _load_clean_glossary(ctx, glossary)
    outcome = run_check(config, parsed.glossary, paths or [],
                        selection=_selection(config, select, ignore), locale=locale,
                        min_translated=min_translated)
    typer.echo(_render(output.value, outcome.findings, files=outcome.files), nl=False)
    for finding, reason in outcome.suppressed:
        typer.echo(f"{finding.path}:{finding.line}: {finding.code} ignored: {reason}", err=True)
    _exit_for(outcome.findings, fail_on, config)


@app.command("ci")
@handles_errors
def ci_command(
    ctx: typer.Context,
    output: Optional[ReportFormat] = typer.Option(
        None, "--format", "-f", help="Format of the findings (default: text, or github "
                                     "annotations when GITHUB_ACTIONS=true)."),
) -> None:
    """Run every check of the project: glossary validation, lint of the sources against their
    baseline, template and catalogues up to date, translations checked against the glossary.

    Prints the findings and a summary table; exits with the worst status of the stages (0 clean,
    1 findings at or above fail_on, 2 a stage could not run).
    """
    from xlate.ci import run_ci

    config = _config(ctx)
    stages = run_ci(config)
    fmt = output.value if output else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    findings = [f for s in stages for f in s.findings]
    if fmt == "text":
        for s in stages:
            if s.findings:
                typer.echo(_render("text", s.findings).rsplit("\n", 2)[0])
    else:
        typer.echo(_render(fmt, findings), nl=False)
    lines = [f"{'stage':<40}{'result':<10}{'errors':>7}{'warnings':>9}{'info':>6}  note"]
    for s in stages:
        counts = {lvl: sum(1 for f in s.findings if f.severity.value == lvl)
                  for lvl in ("error", "warning", "info")}
        result = {0: "ok", 1: "findings", 2: "failed"}[s.status(config)]
        note = s.error or s.note
        lines.append(f"{s.name:<40}{result:<10}{counts['error']:>7}{counts['warning']:>9}"
                     f"{counts['info']:>6}  {note}".rstrip())
    worst = max(s.status(config) for s in stages)
    lines.append(f"xlate ci: {'passed' if worst == 0 else 'failed'} (exit {worst})")
    typer.echo("\n".join(lines), err=fmt != "text")
    raise typer.Exit(worst)


@app.command("report")
@handles_errors
def report_command(
    ctx: typer.Context,
    html_out: Path = typer.Option(..., "--html", metavar="OUT",
                                  help="Write the report to this HTML file (atomically)."),
    paths: Optional[list[str]] = typer.Argument(None, help="PO files (default: every "
                                                           "catalogue)."),
    locale: Optional[str] = typer.Option(None, "--locale", "-l",
                                         help="Language of PO files whose header has none."),
    glossary: Optional[Path] = GLOSSARY_OPTION,
) -> None:
    """Write a self-contained HTML report: coverage and glossary compliance per locale (a
    chart), and the articles side by side with glossary terms highlighted and every finding
    marked on its sentence."""
    from xlate.checking import build_report
    from xlate.fsutil import atomic_write

    config, parsed = _load_clean_glossary(ctx, glossary)
    atomic_write(html_out, build_report(config, parsed.glossary, paths or [], locale))
    typer.echo(f"wrote {html_out}", err=True)


@app.command("rule")
@handles_errors
def rule(
    code: Optional[str] = typer.Argument(None, help="A rule code (G201) or name (duplicate-id)."),
    output: OutFormat = typer.Option(OutFormat.text, "--format", "-f", help="Output format."),
) -> None:
    """Print a rule's documentation, or list every rule when no code is given."""
    from xlate.rules import REGISTRY

    if code is None:
        rules = list(REGISTRY)
        if output is OutFormat.json:
            import json

            typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                    "summary": r.summary} for r in rules], indent=2))
            return
        for r in rules:
            typer.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {r.summary.split('. ')[0]}")
        return
    found = REGISTRY.get(code)
    if found is None:
        raise XlateError(f"no rule '{code}' (see `xlate rule` for the list)")
    if output is OutFormat.json:
        import json

        typer.echo(json.dumps({"code": found.code, "name": found.name,
                               "severity": found.severity.value, "summary": found.summary,
                               "why": found.why, "bad": found.bad, "good": found.good},
                              ensure_ascii=False, indent=2))
        return
    typer.echo(found.doc(), nl=False)


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    args = sys.argv[1:] if argv is None else argv
    try:
        app(args=args, prog_name="xlate", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0
