"""`xlate lint/check/ci/report/rule`: the checks and their documentation."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from xlate.cli.base import (
    FAIL_ON_OPTION,
    FORMAT_OPTION,
    GLOSSARY_OPTION,
    IGNORE_OPTION,
    LOCALE_OPTION,
    MIN_TRANSLATED_OPTION,
    OUT_FORMAT_OPTION,
    SELECT_OPTION,
    Level,
    OutFormat,
    ReportFormat,
    _config,
    _exit_for,
    _load_clean_glossary,
    _render,
    _selection,
    app,
    emit,
    emit_report,
    handles_errors,
    input_errors,
    output_width,
    progress_bar,
)
from xlate.errors import XlateError

JOBS_OPTION = typer.Option(
    None, "--jobs", "-j", metavar="N", min=1,
    help="Worker processes sharing the files (default: one per core once there are 8 files for "
         "each; 1: in this process). The output does not depend on it.")


@app.command("lint")
@handles_errors
def lint_command(
    ctx: typer.Context,
    paths: list[str] | None = typer.Argument(
        None, metavar="PATH",
        help="Files, folders or glob patterns (.txt, .md, .po, .pot); - for standard "
             "input. Default: the configured sources."),
    select: str | None = SELECT_OPTION,
    ignore: str | None = IGNORE_OPTION,
    fail_on: Level | None = FAIL_ON_OPTION,
    output: ReportFormat = FORMAT_OPTION,
    fix: bool = typer.Option(False, "--fix", help="Rewrite deprecated variants to the "
                                                   "canonical form, in place (atomically)."),
    diff: bool = typer.Option(False, "--diff", help="With --fix: print the changes as a "
                                                     "unified diff and write nothing."),
    baseline: Path | None = typer.Option(None, "--baseline", metavar="FILE",
                                            help="Report only findings not recorded in FILE "
                                                 "(default: `baseline` from the configuration)."),
    no_baseline: bool = typer.Option(False, "--no-baseline", help="Ignore any baseline."),
    write_baseline: Path | None = typer.Option(None, "--write-baseline", metavar="FILE",
                                                  help="Record the current findings in FILE."),
    glossary: Path | None = GLOSSARY_OPTION,
    jobs: int | None = JOBS_OPTION,
) -> None:
    """Lint English sources against the glossary: variants, forbidden forms, romanisations of
    Korean names, misspelt names, case, house spelling, and mixed forms within and across
    documents.

    Exit 0 when nothing is at or above --fail-on, 1 when something is, 2 on bad input.
    """
    from xlate.jobs.lint import run_lint
    from xlate.timing import phase

    with phase("load"):
        config, parsed = _load_clean_glossary(ctx, glossary, renderings=False)
    use_baseline = None if no_baseline else (baseline or config.baseline)
    outcome = run_lint(config, parsed.glossary, _from_cwd(paths), selection=_selection(
        config, select, ignore), fix=fix, diff=diff, baseline=use_baseline, jobs=jobs,
        write_baseline=write_baseline)
    with phase("output"):
        for line in outcome.notes:
            typer.echo(line, err=True)
        if outcome.diff is not None:
            emit(outcome.diff, nl=False)
        emit_report(output.value, outcome.findings, files=outcome.files)
    input_errors(outcome.errors)
    _exit_for(outcome.findings, fail_on, config)


def _from_cwd(paths: list[str] | None) -> list[str]:
    """Paths typed on the command line, made absolute from the working directory (as every
    command reads them); only the configured `sources` are relative to the project root. A
    path that names nothing is reported by the lint, beside the other files' findings."""
    return [path if path == "-" or os.path.isabs(path) else os.path.abspath(path)
            for path in paths or []]


@app.command("check")
@handles_errors
def check_command(
    ctx: typer.Context,
    paths: list[str] | None = typer.Argument(
        None, metavar="PATH",
        help="PO files (default: every catalogue under the configured `catalogs`, plus "
             "the staleness check of the template and catalogues)."),
    locale: str | None = LOCALE_OPTION,
    select: str | None = SELECT_OPTION,
    ignore: str | None = IGNORE_OPTION,
    fail_on: Level | None = FAIL_ON_OPTION,
    min_translated: float | None = MIN_TRANSLATED_OPTION,
    output: ReportFormat = FORMAT_OPTION,
    glossary: Path | None = GLOSSARY_OPTION,
    jobs: int | None = JOBS_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar (there is none unless stderr is a "
                                    "terminal)."),
) -> None:
    """Check every translation against the glossary: approved renderings present, forbidden
    and deprecated ones absent, Korean particles, numbers and dates, consistency, untranslated
    and fuzzy entries, stale catalogues, format strings and plural forms.

    Silence one finding on one entry with a translator comment
    `# xlate: ignore CODE -- reason`. Exit 0/1/2 as for `xlate lint`.
    """
    from xlate.jobs.check import run_check
    from xlate.timing import phase

    min_translated = _percent(min_translated)
    locale = _locale(locale)
    with phase("load"):
        config, parsed = _load_clean_glossary(ctx, glossary)
    with progress_bar("checking", quiet=quiet) as advance:
        outcome = run_check(config, parsed.glossary, paths or [],
                            selection=_selection(config, select, ignore), locale=locale,
                            min_translated=min_translated, jobs=jobs, progress=advance)
    with phase("output"):
        emit_report(output.value, outcome.findings, files=outcome.files)
    for finding, reason in outcome.suppressed:
        typer.echo(f"{finding.path}:{finding.line}: {finding.code} ignored: {reason}", err=True)
    input_errors(outcome.errors)
    _exit_for(outcome.findings, fail_on, config)


@app.command("ci")
@handles_errors
def ci_command(
    ctx: typer.Context,
    select: str | None = SELECT_OPTION,
    ignore: str | None = IGNORE_OPTION,
    fail_on: Level | None = FAIL_ON_OPTION,
    min_translated: float | None = MIN_TRANSLATED_OPTION,
    output: ReportFormat | None = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help="text, json, sarif, github or junit (default: text, or github annotations when "
             "GITHUB_ACTIONS=true)."),
) -> None:
    """Run every check of the project: glossary validation, lint of the sources against their
    baseline, template and catalogues up to date, translations checked against the glossary.
    A stage whose input the project does not have yet (no template, no catalogues) is skipped.

    Prints the findings and a summary table; exits with the worst status of the stages (0 clean,
    1 findings at or above --fail-on, 2 a stage could not run).
    """
    from xlate.jobs.ci import run_ci
    from xlate.model import Severity

    config = _config(ctx)
    stages = run_ci(config, selection=_selection(config, select, ignore),
                    min_translated=_percent(min_translated))
    level = Severity(fail_on.value) if fail_on else config.fail_on
    fmt = output.value if output else (
        "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    findings = [f for s in stages for f in s.findings]
    if fmt == "text":
        for s in stages:
            if s.findings:
                emit(_render("text", s.findings).rsplit("\n", 2)[0])
    else:
        emit_report(fmt, findings)
    worst = max(s.status(level) for s in stages)
    lines = _summary(stages, level, output_width())
    lines.append(f"xlate ci: {'passed' if worst == 0 else 'failed'} (exit {worst})")
    if fmt == "text":
        emit("\n".join(lines))
    else:
        typer.echo("\n".join(lines), err=True)
    raise typer.Exit(worst)


def _summary(stages, fail_on, width: int | None) -> list[str]:
    """The summary table of `xlate ci`. A note that would make its row wider than the output
    goes on the lines below, wrapped, so that the table fits an 80-column terminal."""
    import textwrap

    lines = [f"{'stage':<40}{'result':<10}{'errors':>7}{'warnings':>9}{'info':>6}  note"]
    for s in stages:
        counts = {lvl: sum(1 for f in s.findings if f.severity.value == lvl)
                  for lvl in ("error", "warning", "info")}
        row = (f"{s.name:<40}{s.result(fail_on):<10}{counts['error']:>7}"
               f"{counts['warning']:>9}{counts['info']:>6}")
        note = s.error or s.note
        if not note or width is None or len(row) + 2 + len(note) <= width:
            lines.append(f"{row}  {note}".rstrip())
            continue
        lines.append(row)
        lines += textwrap.wrap(note, width=max(width, 20), initial_indent="  ",
                               subsequent_indent="  ", break_on_hyphens=False)
    return lines


def _rule_lines(rules, width: int | None) -> list[str]:
    """`xlate rule`'s list: code, name, severity and the summary's first sentence, which wraps
    under itself when the output is narrower than the line."""
    import textwrap

    lines = []
    for r in rules:
        head = f"{r.code}  {r.name:<28} {r.severity.value:<8} "
        summary = r.summary.split(". ")[0]
        if width is None or len(head) + len(summary) <= width:
            lines.append(head + summary)
            continue
        indent = " " * (len(head) if width - len(head) >= 30 else 6)
        lines += textwrap.wrap(summary, width=width, initial_indent=head,
                               subsequent_indent=indent, break_on_hyphens=False)
    return lines


def _locale(code: str | None) -> str | None:
    """--locale as gettext spells it (KO -> ko, pt-br -> pt_BR), refused when CLDR does not
    know it."""
    from xlate.config import normalise_locale

    return None if code is None else normalise_locale(code)


def _percent(value: float | None) -> float | None:
    """--min-translated, refused outside 0-100 (a typo such as 800 would fail every catalogue,
    and 0.8 meant as a fraction would pass everything)."""
    if value is not None and not 0 <= value <= 100:
        raise XlateError(f"--min-translated must be a percentage from 0 to 100, not {value:g}")
    return value


@app.command("report")
@handles_errors
def report_command(
    ctx: typer.Context,
    html_out: Path = typer.Option(..., "--html", metavar="FILE",
                                  help="Write the report to this HTML file (atomically)."),
    paths: list[str] | None = typer.Argument(None, metavar="PATH",
                                                help="PO files (default: every catalogue)."),
    locale: str | None = LOCALE_OPTION,
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Write a self-contained HTML report: coverage and glossary compliance per locale (a
    chart), and the articles side by side with glossary terms highlighted and every finding
    marked on its sentence."""
    from xlate.fsutil import atomic_write
    from xlate.jobs.check import build_report

    locale = _locale(locale)
    config, parsed = _load_clean_glossary(ctx, glossary)
    atomic_write(html_out, build_report(config, parsed.glossary, paths or [], locale))
    typer.echo(f"wrote {html_out}", err=True)


@app.command("rule")
@handles_errors
def rule(
    code: str | None = typer.Argument(None, metavar="CODE",
                                         help="A rule code (G201) or name (duplicate-id)."),
    output: OutFormat = OUT_FORMAT_OPTION,
) -> None:
    """Print a rule's documentation, or list every rule when no code is given."""
    from xlate.rules import REGISTRY

    if code is None:
        rules = list(REGISTRY)
        if output is OutFormat.json:
            import json

            emit(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                    "summary": r.summary} for r in rules], indent=2))
            return
        emit("\n".join(_rule_lines(rules, output_width())))
        return
    found = REGISTRY.get(code)
    if found is None:
        raise XlateError(f"no rule '{code}' (see `xlate rule` for the list)")
    if output is OutFormat.json:
        import json

        emit(json.dumps({"code": found.code, "name": found.name,
                               "severity": found.severity.value, "summary": found.summary,
                               "why": found.why, "bad": found.bad, "good": found.good},
                              ensure_ascii=False, indent=2))
        return
    emit(found.doc(), nl=False)
