"""The project of a document, loaded as the command line loads it, and reloaded when its
files change.

A document's project is found from the document's folder upwards, as the command line finds
it from the working directory (`xlate.config.load_config`): the nearest xlate.toml, or
pyproject.toml with [tool.xlate]. Its configuration, glossary, manifest and lint baseline are
loaded once and kept, with the size and modification time of every file they came from; the
next analysis after one of those changes (or after the editor says so) loads them again.
A configuration or glossary that cannot be used is kept as the error that says why, with its
file and line, so that the server can say it and keep serving.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from xlate.config import Config, find_config, load_config
from xlate.english.match import Matcher
from xlate.errors import XlateError
from xlate.glossary.load import ParsedGlossary, glossary_files
from xlate.model import Entry, Finding, Location

Stamp = tuple[int, int] | None  # (mtime in ns, size), None for a file that is not there


def _stamp(path: Path) -> Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@dataclass
class Project:
    """What analysing a document of one project needs; `error` when it cannot be had."""

    config: Config | None
    stamps: dict[Path, Stamp] = field(default_factory=dict)
    error: XlateError | None = None
    english_error: XlateError | None = None  # lint's: a glossary without renderings is fine
    parsed: ParsedGlossary | None = None
    matcher: Matcher | None = None
    dates: dict[Path, dt.date] = field(default_factory=dict)  # article file -> date
    article_dates: dict[str, dt.date] = field(default_factory=dict)  # msgctxt -> date
    baseline: Counter | None = None

    def changed(self) -> bool:
        """Whether a file the project was loaded from changed since (size, time, presence),
        or a glossary file was added or removed."""
        if any(_stamp(path) != stamp for path, stamp in self.stamps.items()):
            return True
        if self.config is None:
            return False
        try:
            files = set(glossary_files(self.config.glossary))
        except XlateError:
            files = set()
        return not files <= set(self.stamps)

    def watches(self, path: Path) -> bool:
        """Whether `path` is one of the files the project was loaded from (or could be one
        of its glossary files)."""
        if path in self.stamps:
            return True
        glossary = self.config.glossary if self.config else None
        return glossary is not None and path.suffix == ".toml" and path.parent == glossary

    def entry_location(self, entry: Entry) -> Location | None:
        """Where the entry is written: an absolute path and its line."""
        if self.parsed is None or self.config is None:
            return None
        where = self.parsed.locate(entry)
        if where.path.startswith("<"):
            return None
        return Location(str(self.config.root / where.path), where.line, where.column)


def project_file(folder: Path) -> Path | None:
    """The configuration file of the project `folder` is in, or None outside any project."""
    try:
        return find_config(folder)
    except XlateError as error:  # a pyproject.toml that cannot be read is still the one
        return Path(error.path) if error.path else None


def load_project(folder: Path) -> Project:
    """The project of a document in `folder`; errors are kept, never raised."""
    config_path = project_file(folder)
    project = Project(config=None)
    if config_path is not None:
        project.stamps[config_path.resolve()] = _stamp(config_path)
    try:
        config = load_config(cwd=folder)
    except XlateError as error:
        project.error = project.english_error = error
        return project
    project.config = config
    if config.file is None:
        return project
    try:
        _load_glossary(project, config)
        _load_articles(project, config)
        _load_baseline(project, config)
    except XlateError as error:
        project.error = project.english_error = error
    return project


def _load_glossary(project: Project, config: Config) -> None:
    from xlate.jobs.glossary import load

    try:
        files = glossary_files(config.glossary)
    except XlateError as error:
        error.path = config.display(config.glossary)
        raise
    for path in files:
        project.stamps[path.resolve()] = _stamp(path)
    parsed = load(config.glossary, target_locales=config.target_locales,
                  display_root=config.root, keep_going=True)
    if parsed.errors:
        raise parsed.errors[0]
    errors = [f for f in parsed.findings if f.severity.value == "error"]
    english = [f for f in errors if f.code != "G301"]  # lint reads the English side only
    project.parsed = parsed
    project.matcher = Matcher(parsed.glossary)
    if errors:
        project.error = _glossary_error(errors)
    if english:
        project.english_error = _glossary_error(english)


def _glossary_error(errors: list[Finding]) -> XlateError:
    first = errors[0]
    return XlateError(f"the glossary has {len(errors)} error(s), first: {first.code} "
                      f"{first.message} (run `xlate glossary validate`)", path=first.path,
                      line=first.line)


def _load_articles(project: Project, config: Config) -> None:
    from xlate.manifest import load_manifest

    project.stamps[config.manifest.resolve()] = _stamp(config.manifest)
    if not config.manifest.is_file():
        return
    for article in load_manifest(config.manifest):
        project.dates[(config.manifest.parent / article.file).resolve()] = article.date
        project.article_dates[article.id] = article.date


def _load_baseline(project: Project, config: Config) -> None:
    from xlate.jobs.sources import read_text_file
    from xlate.lint.baseline import load_baseline

    if config.baseline is None:
        return
    project.stamps[config.baseline.resolve()] = _stamp(config.baseline)
    if not config.baseline.is_file():
        raise XlateError("baseline file not found", path=config.display(config.baseline))
    shown = config.display(config.baseline)
    project.baseline = load_baseline(read_text_file(config.baseline, shown), shown)


class Projects:
    """Every project the open documents belong to, by configuration file."""

    def __init__(self) -> None:
        self._loaded: dict[Path | None, Project] = {}
        self.reloads = 0  # how many times a loaded project was found changed and reloaded

    def of(self, path: Path) -> Project:
        """The project of the document at `path`, reloaded when its files changed."""
        folder = path.parent
        key = project_file(folder)
        key = key.resolve() if key is not None else None
        project = self._loaded.get(key)
        if project is None or project.changed():
            self.reloads += project is not None
            project = load_project(folder)
            self._loaded[key] = project
        return project

    def forget(self, changed: Path) -> bool:
        """Drop the projects that `changed` was loaded into; whether there was one."""
        changed = Path(os.path.abspath(changed))
        if changed.name in ("xlate.toml", "pyproject.toml"):  # may make or end a project
            dropped = list(self._loaded)
        else:
            dropped = [key for key, project in self._loaded.items()
                       if project.watches(changed) or project.watches(changed.resolve())]
        for key in dropped:
            del self._loaded[key]
        return bool(dropped)
