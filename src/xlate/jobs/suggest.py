"""The `xlate glossary suggest` job: read the texts, run the suggester, write stubs to a new
file (I/O around `xlate.suggest`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlate.config import Config
from xlate.english.match import Matcher
from xlate.errors import XlateError
from xlate.fsutil import atomic_write, check_new
from xlate.jobs.sources import inputs, read_documents
from xlate.model import Glossary
from xlate.suggest.discover import Suggestions, Text, suggest
from xlate.suggest.stubs import stubs_toml


@dataclass
class SuggestOutcome:
    suggestions: Suggestions
    files: list[str]
    errors: list[XlateError] = field(default_factory=list)  # inputs that could not be read
    written: str | None = None


def run_suggest(config: Config, glossary: Glossary | None, paths: Sequence[str], *,
                write: Path | None = None, limit: int | None = None) -> SuggestOutcome:
    """Suggest entries for what the files (default: the configured sources) name that
    `glossary` lacks (None: an empty glossary); with `write`, write the stubs to that new
    file."""
    if write is not None:
        check_new(write, config.display(write))
    files, errors = inputs(paths, config.sources, config.root, config.display)
    documents, read_errors = read_documents(files, display=config.display)
    errors += read_errors
    texts = [Text(document.path, segment.text, segment.line, segment.column, segment.exact)
             for document in documents for segment in document.segments]
    matcher = Matcher(glossary) if glossary is not None else None
    suggestions = suggest(texts, matcher, locales=config.target_locales)
    shown = [document.path for document in documents]
    outcome = SuggestOutcome(suggestions, shown, errors)
    if write is not None and not errors and suggestions.candidates:
        # not from a partial run (an input could not be read), and no empty file
        entries = list(glossary) if glossary is not None else []
        text = stubs_toml(suggestions, locales=config.target_locales,
                          taken_ids=[e.id for e in entries],
                          taken_forms=[f.text for e in entries for f in e.forms],
                          sources=shown, limit=limit)
        atomic_write(write, text, new=True)
        outcome.written = config.display(write)
    return outcome

