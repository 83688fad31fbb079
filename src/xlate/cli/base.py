"""The `xlate` command line: thin typer commands that load, call one function, render, exit.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage, 3 internal error.
Heavy modules (babel, polib, sacremoses, XML) are imported inside the commands that need them, so
that `xlate --version` and `xlate --help` start fast. This module holds the application, the
shared options and helpers; the commands live in the modules beside it.
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


def _load_glossary(ctx: typer.Context, glossary: Optional[Path], *, renderings: bool = True):
    """The configuration and the parsed glossary. Without `renderings`, the glossary is read
    for its English side only: no target locale is required of it (G301)."""
    from xlate.glossary import load_glossary

    config = _config(ctx)
    folder = glossary if glossary is not None else config.glossary
    return config, load_glossary(folder, target_locales=config.target_locales if renderings
                                 else (), display_root=config.root)


SELECT_OPTION = typer.Option(None, "--select", metavar="CODES",
                             help="Comma-separated rule codes or prefixes to run.")
IGNORE_OPTION = typer.Option(None, "--ignore", metavar="CODES",
                             help="Comma-separated rule codes or prefixes to skip "
                                  "(the longest matching prefix wins).")
FAIL_ON_OPTION = typer.Option(None, "--fail-on",
                              help="Lowest severity that makes the exit status 1 (default: "
                                   "fail_on from the configuration, else warning).")
FORMAT_OPTION = typer.Option(ReportFormat.text, "--format", "-f", help="Output format.")
GLOSSARY_OPTION = typer.Option(None, "--glossary", "-g", metavar="PATH",
                               help="Glossary folder or file (default: from the configuration).")


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


def _load_clean_glossary(ctx: typer.Context, glossary: Optional[Path], *,
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
