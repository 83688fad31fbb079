"""Session fixtures over the world's catalogues (see corpus.py), for test modules to load as a
plugin (rather than import, which shadows the fixtures with the test functions' parameters):

    pytest_plugins = ["corpus_fixtures"]

Each is computed once per session; a test using one is skipped, with the reason, when the
wheels cannot be downloaded or msgfmt is not installed.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

import corpus as _corpus
import msgfmt_judge


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    """Every `.po` file of the Django 5.2.19 and Sphinx 9.0.4 wheels, sorted."""
    try:
        return _corpus.corpus_files()
    except _corpus.CorpusUnavailable as error:
        pytest.skip(f"corpus unavailable: {error}")


@pytest.fixture(scope="session")
def msgfmt_verdict(corpus) -> dict[Path, list[msgfmt_judge.Message]]:
    """{path: [(line, message, kind)]} for the corpus files `msgfmt --check` rejects."""
    return msgfmt_judge.judge(corpus)


@pytest.fixture(scope="session")
def babel_hostile(corpus) -> dict[Path, str]:
    """The corpus files on which babel's `read_po(f, abort_invalid=False)` prints to stdout
    (its `WARNING: ...` lines), with what it printed."""
    from babel.messages.pofile import read_po

    printed = {}
    for path in corpus:
        out = io.StringIO()
        # Any exception is suppressed: only what babel prints matters here.
        with (contextlib.redirect_stdout(out), path.open("rb") as handle,
              contextlib.suppress(Exception)):
            read_po(handle, abort_invalid=False)
        if out.getvalue():
            printed[path] = out.getvalue()
    return printed
