"""xlate's glossary checks as a `babel.checkers` plugin, for projects that compile with pybabel.

`pybabel compile` (and anything that calls babel's `Catalog.check()`) runs every checker
registered under the `babel.checkers` entry point on each message. xlate registers `glossary`:
for a translated, non-fuzzy message it runs the checks of one entry that `xlate check` runs
(approved, forbidden and deprecated renderings, Korean particles, French elision, numbers and
dates), with the configuration found from the working directory as the CLI finds it, and
raises babel's TranslationError with the findings at or above the configuration's `fail_on`;
pybabel prints each as `error: FILE:LINE: CODE [rule] message`. Translator comments
`# xlate: ignore CODE -- reason` are honoured. Outside an xlate project it checks nothing.
Rules over a whole catalogue (consistency, staleness, plural forms) stay `xlate check`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlate.check.engine import Catalogue, CheckOptions, check_catalogue
from xlate.config import Config, load_config
from xlate.english.match import Matcher
from xlate.errors import XlateError
from xlate.manifest import load_manifest
from xlate.model import Severity
from xlate.po.entry import PoEntry, PoFile
from xlate.rules import REGISTRY

_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass
class _Project:
    config: Config
    matcher: Matcher
    options: CheckOptions


_LOADED: dict[Path, _Project | None] = {}
_REPORTED: set[Path] = set()


def glossary(catalog: Any, message: Any) -> None:
    """babel checker: the glossary findings of one message, as one TranslationError."""
    from babel.messages.catalog import TranslationError

    if catalog is None or catalog.locale is None or not message.id or message.fuzzy:
        return
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    if not any(strings):
        return
    cwd = Path.cwd()
    try:
        project = _project(cwd)
    except XlateError as error:
        if cwd in _REPORTED:
            return
        _REPORTED.add(cwd)  # once, not once a message
        raise TranslationError(f"xlate cannot check the glossary: {error}") from None
    if project is None:
        return
    found = [f for f in check_catalogue(_catalogue(catalog, message), project.matcher, REGISTRY,
                                        project.options).findings
             if _RANK[f.severity] >= _RANK[project.config.fail_on]]
    if found:
        raise TranslationError("; ".join(f"{f.code} [{f.rule}] {f.message}" for f in found))


def _project(cwd: Path) -> _Project | None:
    """The project of `cwd`, loaded once per process; None outside a project."""
    if cwd not in _LOADED:
        from xlate.jobs.glossary import load

        config = load_config(cwd=cwd)
        if config.file is None:
            _LOADED[cwd] = None
        else:
            parsed = load(config.glossary, target_locales=config.target_locales,
                          display_root=config.root)
            dates = {}
            if config.manifest.is_file():
                dates = {a.id: a.date for a in load_manifest(config.manifest)}
            _LOADED[cwd] = _Project(config, Matcher(parsed.glossary),
                                    CheckOptions(dates=dates,
                                                 source_locale=config.source_locale))
    return _LOADED[cwd]


def _catalogue(catalog: Any, message: Any) -> Catalogue:
    """One babel message as the one entry of a catalogue xlate's engine checks."""
    plural = isinstance(message.id, (list, tuple))
    strings = tuple(message.string) if plural else ()
    entry = PoEntry(
        msgid=message.id[0] if plural else message.id, msgctxt=message.context,
        msgid_plural=message.id[1] if plural else None,
        msgstr="" if plural else message.string, msgstr_plural=strings,
        flags=tuple(message.flags), tcomment="\n".join(message.user_comments),
        comment="\n".join(message.auto_comments), line=message.lineno or 1,
        msgid_line=message.lineno or 1, msgstr_line=message.lineno or 1)
    metadata = {"Language": str(catalog.locale)}
    creation = getattr(catalog, "creation_date", None)
    if creation is not None and hasattr(creation, "strftime"):
        metadata["POT-Creation-Date"] = creation.strftime("%Y-%m-%d %H:%M%z")
    return Catalogue("<babel>", str(catalog.locale),
                     PoFile(path="<babel>", encoding="utf-8", entries=[entry],
                            metadata=metadata))
