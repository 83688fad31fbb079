"""The `xlate lint` job: read sources, lint, fix, apply a baseline (I/O around `lint`)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlate.config import Config
from xlate.english.match import Matcher, gc_paused
from xlate.errors import XlateError, utf8_text
from xlate.fsutil import atomic_write
from xlate.jobs import workers
from xlate.jobs.sources import (
    CATALOG_SUFFIXES,
    inputs,
    read_documents,
    read_file_bytes,
    read_text_file,
)
from xlate.lint.baseline import dump_baseline, filter_new, load_baseline
from xlate.lint.engine import Document, DocumentLint, combine, lint_document
from xlate.lint.fix import apply, plan
from xlate.manifest import Article, load_manifest
from xlate.model import Finding, Glossary
from xlate.rules import REGISTRY
from xlate.rules.select import Selection
from xlate.timing import phase


@dataclass
class LintOutcome:
    findings: list[Finding]
    files: list[str]
    notes: list[str] = field(default_factory=list)
    diff: str | None = None
    errors: list[XlateError] = field(default_factory=list)  # inputs that could not be read


def _articles(config: Config) -> tuple[Article, ...]:
    return load_manifest(config.manifest) if config.manifest.is_file() else ()


def run_lint(config: Config, glossary: Glossary, paths: Sequence[str], *, selection: Selection,
             fix: bool = False, diff: bool = False, baseline: Path | None = None,
             write_baseline: Path | None = None, jobs: int | None = 1) -> LintOutcome:
    """Lint the files (default: the configured sources), in `jobs` worker processes (None: one
    per core once there are enough documents); the outcome does not depend on their number."""
    if diff and not fix:
        raise XlateError("--diff goes with --fix")
    articles = _articles(config)
    files, errors = inputs(paths, config.sources, config.root, config.display)
    with phase("build"):
        matcher = Matcher(glossary)
    notes: list[str] = []
    patch = None
    if fix:
        patch, notes = _fix(config, files, matcher, articles, write=not diff, errors=errors)
    documents, unread = read_documents(files, display=config.display, articles=articles,
                                       manifest_dir=config.manifest.parent)
    errors += unread
    with phase("lint"), gc_paused():
        parts = workers.run(documents, _lint_documents,
                            processes=workers.count(jobs, len(documents)), shared=matcher)
        result = combine(documents, parts, {e.id: e for e in matcher.entries}, REGISTRY)
        findings = selection.apply(result.findings)
    if write_baseline is not None and errors:
        raise XlateError(f"baseline not written: {len(errors)} input(s) could not be read, and "
                         "a baseline must hold every file's findings", path=str(write_baseline))
    if write_baseline is not None:
        atomic_write(write_baseline, dump_baseline(findings))
        notes.append(f"wrote {len(findings)} finding(s) to {write_baseline}")
    if baseline is not None:
        if not baseline.is_file():
            raise XlateError("baseline file not found", path=str(baseline))
        recorded = load_baseline(read_text_file(baseline, str(baseline)), str(baseline))
        findings, covered = filter_new(findings, recorded)
        if covered:
            notes.append(f"{covered} known finding(s) not shown: recorded in "
                         f"{config.display(baseline)}")
    return LintOutcome(findings, [d.path for d in documents], notes, patch, errors)


def _lint_documents(documents: list[Document]) -> list[DocumentLint]:
    """A worker's share of the documents, linted with the shared matcher."""
    matcher: Matcher = workers.state()
    return [lint_document(document, matcher, REGISTRY) for document in documents]


def _fix(config: Config, files: Sequence[Path], matcher: Matcher,
         articles: Sequence[Article], *, write: bool,
         errors: list[XlateError]) -> tuple[str, list[str]]:
    """Fix each text file in place (or only diff it); a file that cannot be read is left to
    the lint's own report of it, a file that cannot be written is added to `errors`."""
    seeds = {(config.manifest.parent / a.file).resolve() for a in articles}
    dated = {(config.manifest.parent / a.file).resolve(): a.date for a in articles}
    notes: list[str] = []
    diffs: list[str] = []
    for path in files:
        shown = config.display(path)
        if str(path) == "-" or path.suffix.lower() in CATALOG_SUFFIXES:
            notes.append(f"{shown}: not fixed (only text files are rewritten)")
            continue
        if path.resolve() in seeds:
            notes.append(f"{shown}: not fixed: a published article listed in the manifest is "
                         "quoted verbatim, never rewritten")
            continue
        try:
            original = read_file_bytes(path, shown)
            text = utf8_text(original, shown)
        except XlateError:
            continue  # reported once, by read_documents
        edits = plan(matcher.find(text), dated.get(path.resolve()))
        if not edits:
            continue
        new = apply(text, edits)
        diffs.extend(difflib.unified_diff(text.splitlines(keepends=True),
                                          new.splitlines(keepends=True),
                                          fromfile=f"a/{shown}", tofile=f"b/{shown}"))
        if write:
            try:
                atomic_write(path, new.encode("utf-8"), expected=original)
            except XlateError as error:
                error.path = shown
                errors.append(error)
                continue
            notes.append(f"{shown}: fixed {len(edits)} deprecated variant(s)")
    return "".join(diffs), notes
