"""The `xlate` command line: thin typer commands that load, call one function, render, exit.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.
Heavy modules (babel, polib, sacremoses, XML) are imported inside the commands that need them, so
that `xlate --version` and `xlate --help` start fast. This module holds the application, the
shared options and helpers; the commands live in the modules beside it.

One module, over 300 lines: the application, the options every command shares and the output
helpers (closed pipes, the stdout guard, tables) that must behave the same everywhere.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

import typer
from typer.core import TyperArgument, TyperGroup

from xlate import __version__
from xlate.errors import XlateError

F = TypeVar("F", bound=Callable[..., object])

class _Root(TyperGroup):
    """The root group: `--debug` is accepted after the subcommand too (`xlate lint --debug x`),
    as ruff and pre-commit users type it. It is moved in front of the subcommand, where the
    root option reads it; after `--` it is left alone (a file may be called that)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _plain_arguments(self)

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        cut = args.index("--") if "--" in args else len(args)
        if "--debug" in args[:cut]:
            args = ["--debug", *(a for a in args[:cut] if a != "--debug"), *args[cut:]]
        return super().parse_args(ctx, args)


class _Argument(TyperArgument):
    """An argument shown by its metavar alone (PATH, LOCALE): typer would add the Python type
    (`<list[str]>`) and brace required ones (`{locale}`), which reads as syntax to type."""

    def display_type_rich(self, ctx):
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


def _plain_arguments(group) -> None:
    """Give every argument of `group` and its subgroups `_Argument`'s display."""
    for command in group.commands.values():
        if hasattr(command, "commands"):
            _plain_arguments(command)
        for param in command.params:
            if type(param) is TyperArgument:
                param.__class__ = _Argument


app = typer.Typer(
    name="xlate",
    cls=_Root,
    help="One terminology glossary drives the translation of news articles: lint the English "
         "sources, keep the gettext catalogues, check every translation against the glossary.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
glossary_app = typer.Typer(
    help="Validate, search, list, export and import the glossary.", no_args_is_help=True)
app.add_typer(glossary_app, name="glossary")


@dataclass
class State:
    config: Path | None = None
    debug: bool = False


_STATE = State()


class OutFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


class ListFormat(StrEnum):
    """`text` like every other command's human format; `table`, its old name, still works."""

    text = "text"
    json = "json"
    table = "table"


class ExportFormat(StrEnum):
    tbx = "tbx"
    tbx2 = "tbx2"
    csv = "csv"
    json = "json"


class Level(StrEnum):
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
    config: Path | None = typer.Option(
        None, "--config", metavar="FILE",
        help="Configuration file (xlate.toml, or pyproject.toml with [tool.xlate]); by default "
             "the nearest one above the working directory."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback on errors (also "
                                                      "accepted after the command)."),
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = State(config=config, debug=debug)
    _STATE.debug = debug


def handles_errors(func: F) -> F:
    """Turn XlateError into one line on stderr and exit 2; other exceptions into exit 3.

    --debug adds the traceback but never changes the status: a script that runs with --debug
    must see the same 2 (bad input) or 3 (a bug). A reader that closes the pipe early ends the
    output quietly (see `emit`).
    """

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        import contextlib

        _STDOUT.append(sys.stdout)
        try:
            with contextlib.redirect_stdout(sys.stderr):
                return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BrokenPipeError:
            _stdout_closed()
            raise typer.Exit(1) from None
        except XlateError as exc:
            _traceback()
            typer.echo(f"xlate: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug, not bad input: say so, distinguishably
            _traceback()
            hint = "" if _STATE.debug else " (run with --debug for a traceback)"
            typer.echo(f"xlate: internal error: {type(exc).__name__}: {exc}{hint}", err=True)
            raise typer.Exit(3) from None
        finally:
            _STDOUT.pop()

    return wrapper  # type: ignore[return-value]


# The real stdout while a command runs. Nothing but xlate's renderers may write there: machine
# output must parse. So a command runs with sys.stdout pointed at stderr, and whatever a library
# prints (babel's parser printed "WARNING: ..." into JSON reports) lands there; `emit` writes
# to the saved stream.
_STDOUT: list = []


def stdout():
    """Where command output goes: the real stdout, even while a command runs."""
    return _STDOUT[-1] if _STDOUT else sys.stdout


def _traceback() -> None:
    """With --debug, the traceback of the exception being handled, on stderr."""
    if _STATE.debug:
        import traceback

        typer.echo(traceback.format_exc().rstrip("\n"), err=True)


def _stdout_closed() -> None:
    """The reader of stdout went away (`xlate rule | head -1`). As the Python documentation
    recommends, stdout is pointed at devnull, so that neither the rest of the output nor the
    flush at exit raises again; the command then ends with its usual status."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stdout().fileno())
        os.close(devnull)
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        pass


def emit(text: str = "", *, nl: bool = True) -> None:
    """Write command output to stdout; a closed pipe ends the output, not the command."""
    try:
        typer.echo(text, nl=nl, file=stdout())
    except BrokenPipeError:
        _stdout_closed()


def emit_bytes(data: bytes) -> None:
    """Write bytes to stdout (exports), with `emit`'s closed-pipe behaviour."""
    try:
        stdout().buffer.write(data)
        stdout().flush()
    except BrokenPipeError:
        _stdout_closed()


def _config(ctx: typer.Context, glossary: Path | None = None, *,
            glossary_option: bool = False):
    """The configuration; outside a project only when --glossary names the glossary (pass
    `glossary_option` for a command that has that option, so the error can suggest it)."""
    from xlate.config import load_config, require_project

    return require_project(load_config(ctx.find_root().obj.config),
                           glossary_given=glossary is not None, glossary_option=glossary_option)


def _use_color() -> bool:
    return stdout().isatty() and "NO_COLOR" not in os.environ


def output_width() -> int | None:
    """The width tables must fit: COLUMNS when set (as every terminal tool honours it), else
    the terminal's; None when piped without COLUMNS, so that scripts get one row a line."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    if stdout().isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return None


def emit_table(table, *footer: str) -> None:
    """Print a rich table, its cells wrapped to fit `output_width()`, then footer lines."""
    import io

    from rich.console import Console

    for column in table.columns:  # wrap, never cut: every character of a cell stays visible
        column.overflow = "fold"
    buffer = io.StringIO()
    width = output_width()
    console = Console(file=buffer, width=width or 200, force_terminal=_use_color(),
                      no_color=not _use_color(), highlight=False, soft_wrap=False)
    console.print(table)
    for line in footer:
        console.print(line)
    emit("\n".join(line.rstrip() for line in buffer.getvalue().split("\n")), nl=False)


def _load_glossary(ctx: typer.Context, glossary: Path | None, *, renderings: bool = True,
                   keep_going: bool = False):
    """The configuration and the parsed glossary. Without `renderings`, the glossary is read
    for its English side only: no target locale is required of it (G301). A file of it that
    cannot be read is reported with every other such file, and the command exits 2; with
    `keep_going` (validate), the caller reports them after the other files' findings."""
    from xlate.jobs.glossary import load

    config = _config(ctx, glossary, glossary_option=True)
    folder = glossary if glossary is not None else config.glossary
    parsed = load(folder, target_locales=config.target_locales if renderings else (),
                  display_root=config.root, keep_going=True)
    if not keep_going:
        input_errors(parsed.errors)
    return config, parsed


SELECT_OPTION = typer.Option(None, "--select", metavar="CODES",
                             help="Comma-separated rule codes or prefixes to run.")
IGNORE_OPTION = typer.Option(None, "--ignore", metavar="CODES",
                             help="Comma-separated rule codes or prefixes to skip "
                                  "(the longest matching prefix wins).")
FAIL_ON_OPTION = typer.Option(None, "--fail-on", metavar="LEVEL",
                              help="error, warning or info: the lowest severity that makes the "
                                   "exit status 1 (default: fail_on from the configuration, "
                                   "else warning).")
MIN_TRANSLATED_OPTION = typer.Option(
    None, "--min-translated", metavar="PERCENT",
    help="Fail (C403) a catalogue with fewer translated entries than this percentage (0-100).")
FORMAT_OPTION = typer.Option(ReportFormat.text, "--format", "-f", metavar="FORMAT",
                             help="text, json, sarif, github or junit.")
LIST_FORMAT_OPTION = typer.Option(ListFormat.text, "--format", "-f", metavar="FORMAT",
                                  help="text (a table) or json.")
OUT_FORMAT_OPTION = typer.Option(OutFormat.text, "--format", "-f", metavar="FORMAT",
                                 help="text or json.")
LOCALE_OPTION = typer.Option(None, "--locale", "-l", metavar="LOCALE",
                             help="Language of PO files whose header has none (ko, ja, fr ...).")
GLOSSARY_OPTION = typer.Option(None, "--glossary", "-g", metavar="PATH",
                               help="Glossary folder or file (default: from the configuration).")


def _render(fmt: str, findings, *, files=()) -> str:
    from xlate.report.formats import RENDERERS
    from xlate.rules import REGISTRY

    return RENDERERS[fmt](findings, color=_use_color(), rules=list(REGISTRY), files=list(files))


def emit_report(fmt: str, findings, *, files=()) -> None:
    """The report on stdout, written piece by piece where the format allows (JSON)."""
    from xlate.report.formats import STREAMS

    stream = STREAMS.get(fmt)
    if stream is None:
        emit(_render(fmt, findings, files=files), nl=False)
        return
    out = stdout()
    try:
        for piece in stream(findings):
            typer.echo(piece, nl=False, file=out)  # click's encoding rules, as emit has them
    except BrokenPipeError:
        _stdout_closed()


def input_errors(errors) -> None:
    """The inputs a command could not process, one line each on stderr, after the report of
    all the others; then exit 2. Nothing when there were none."""
    if not errors:
        return
    for error in errors:
        if _STATE.debug:  # where it was raised (in this process; a worker's is not kept)
            import traceback

            typer.echo("".join(traceback.format_exception(error)).rstrip("\n"), err=True)
        typer.echo(f"xlate: error: {error}", err=True)
    if len(errors) > 1:
        typer.echo(f"xlate: error: {len(errors)} inputs could not be processed; the report "
                   "covers the others", err=True)
    raise typer.Exit(2)


def _exit_for(findings, fail_on: Level | None, config) -> None:
    """Exit 1 when a finding is at or above --fail-on (else the configured fail_on), else 0."""
    from xlate.model import Severity
    from xlate.rules.select import worst_exit

    level = Severity(fail_on.value) if fail_on else config.fail_on
    raise typer.Exit(worst_exit(findings, level))


def _selection(config, select: str | None, ignore: str | None):
    from xlate.rules.select import Selection

    return Selection(_codes(select, "--select", config.select),
                     _codes(ignore, "--ignore", config.ignore), config.severity)


def _codes(value: str | None, option: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """The comma-separated codes of an option, checked against the registry (upper case)."""
    from xlate.rules.select import check_code

    if value is None:
        return default
    return tuple(check_code(p, option) for p in value.split(",") if p.strip())


def _load_clean_glossary(ctx: typer.Context, glossary: Path | None, *,
                         renderings: bool = True):
    """The configuration and glossary, refusing a glossary with errors (run validate). Pass
    `renderings=False` for a command that reads English only (lint): a glossary whose
    translations are still being written is complete enough for it."""
    config, parsed = _load_glossary(ctx, glossary, renderings=renderings)
    errors = [f for f in parsed.findings if f.severity.value == "error"]
    if errors:
        first = errors[0]
        raise XlateError(f"the glossary has {len(errors)} error(s), first: {first.message} "
                         "(run `xlate glossary validate`)", path=first.path, line=first.line)
    return config, parsed


@contextlib.contextmanager
def progress_bar(what: str, *, quiet: bool = False
                 ) -> Iterator[Callable[[int, int, int], None] | None]:
    """A progress bar on stderr for a long run: files done of all, entries per second, time
    left. The callback takes (files just done, their entries, all files). Nothing when stderr
    is not a terminal or with --quiet; hidden for fewer than 20 files."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task):
            elapsed = task.elapsed or 0.0
            entries = task.fields.get("entries", 0)
            return Text(f"{entries / elapsed:,.0f} entries/s" if elapsed > 0.2 else "")

    columns = (TextColumn(what), BarColumn(), MofNCompleteColumn(), Rate(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None, entries=0, visible=False)

        def advance(files: int, entries: int, total: int) -> None:
            done = bar.tasks[task].fields["entries"] + entries
            bar.update(task, advance=files, total=total, entries=done, visible=total >= 20)

        yield advance
