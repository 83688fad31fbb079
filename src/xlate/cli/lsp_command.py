"""`xlate lsp`: the language server, for editors."""

from __future__ import annotations

import typer

from xlate.cli.base import app, handles_errors, stdout


@app.command("lsp")
@handles_errors
def lsp(
    stdio: bool = typer.Option(True, "--stdio", help="Talk JSON-RPC over standard input and "
                                                     "output (the only transport; the default)."),
) -> None:
    """Run the language server: lint and check findings as you type, quick fixes, glossary
    entries on hover (docs/editors.md sets it up in VS Code, Neovim and Helix)."""
    import gc
    import logging
    import sys

    # pygls is imported here, not at the top: other commands start without it.
    from xlate.lsp.server import serve

    gc.enable()  # a long-lived process: the collector a short command does without is needed
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s: %(message)s")
    # standard output carries the protocol alone; anything else printed while the server
    # runs goes to standard error, where handles_errors points sys.stdout
    serve(sys.stdin.buffer, stdout().buffer)
