"""The `xlate` command line (see `xlate.cli.base`); importing the command modules registers
their commands on the application."""

from __future__ import annotations

import sys

# Registration order is the order of `xlate --help`: checks, catalogues, glossary.
from xlate.cli import check_commands  # noqa: F401, I001
from xlate.cli import catalogue_commands  # noqa: F401
from xlate.cli import glossary_commands  # noqa: F401
from xlate.cli.base import app

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Console entry point."""
    args = sys.argv[1:] if argv is None else argv
    try:
        app(args=args, prog_name="xlate", standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    return 0
