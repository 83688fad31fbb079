"""The `xlate` command line (see `xlate.cli.base`); importing the command modules registers
their commands on the application."""

from __future__ import annotations

import gc
import sys

# Registration order is the order of `xlate --help`: checks, catalogues, glossary; so these
# imports are not sorted, and are imported for their effect only.
# isort: off
from xlate.cli import check_commands  # noqa: F401
from xlate.cli import catalogue_commands  # noqa: F401
from xlate.cli import glossary_commands  # noqa: F401
from xlate.cli import lsp_command  # noqa: F401
# isort: on
from xlate.cli.base import app

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Console entry point.

    A command is a short-lived process that builds large, long-lived structures (a glossary of
    100,000 terms is about two million objects) and makes almost no reference cycles. The
    cyclic garbage collector, left on, traversed them again and again: 2.1 s of a 13 s lint
    with such a glossary, including a full collection at interpreter exit. So it is off while
    a command runs (reference counting still frees everything else), and what is left is
    frozen before it is switched back on, so that the exit collection has nothing to traverse.
    """
    args = sys.argv[1:] if argv is None else argv
    collecting = gc.isenabled()
    gc.disable()
    try:
        app(args=args, prog_name="xlate", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    return 0
