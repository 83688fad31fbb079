"""Reading the glossary: TOML text -> `Entry` values, schema findings with file and line.

`parse_glossary_text` is pure (text in, values out); `load_glossary` reads a folder. A file that is
not valid TOML, not UTF-8 or unreadable raises `GlossaryError` (exit status 2); everything else
that is wrong becomes a finding, and entries that are usable despite it are still loaded.

One module, over 300 lines: parsing an entry and placing each schema finding on its line
change together.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from xlate.errors import GlossaryError, utf8_text, why_unreadable
from xlate.glossary.tomlmap import LazyTomlMap
from xlate.glossary.validate import validate
from xlate.model import Entry, Finding, Form, Glossary, Kind, Location, Rendering, Status
from xlate.rules import REGISTRY

ENTRY_KEYS = ("id", "kind", "canonical", "admitted", "deprecated", "forbidden", "case_sensitive",
              "hangul", "hanja", "see", "note")
LOCALE_KEYS = ("approved", "admitted", "deprecated", "forbidden", "note")
FORM_KEYS = ("text", "from", "until", "note")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_VARIANT_KEYS = (("admitted", Status.ADMITTED), ("deprecated", Status.DEPRECATED),
                 ("forbidden", Status.FORBIDDEN))


@dataclass
class ParsedGlossary:
    """Entries of one or more files, the schema findings, and a way to locate keys."""

    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    maps: dict[str, LazyTomlMap] = field(default_factory=dict)
    _index: dict[int, tuple[str, int]] = field(default_factory=dict)  # id(entry) -> (path, n)
    errors: list[GlossaryError] = field(default_factory=list)  # files that could not be read

    @property
    def glossary(self) -> Glossary:
        return Glossary(tuple(self.entries))

    def locate(self, entry: Entry, *path: str, text: str | None = None) -> Location:
        """File position of `path` (e.g. ("ko", "forbidden")) in `entry`, or of `text` there."""
        where = self._index.get(id(entry))
        if where is None:
            return entry.origin or Location("<glossary>")
        file, number = where
        toml_map = self.maps[file]
        if text is not None:
            return Location(file, toml_map.text_line(number, text, *path))
        return Location(file, toml_map.key_line(number, *path))

    def extend(self, other: ParsedGlossary) -> None:
        self.entries.extend(other.entries)
        self.findings.extend(other.findings)
        self.maps.update(other.maps)
        self._index.update(other._index)


class _Problems:
    """Collects schema findings for one entry of one file."""

    def __init__(self, path: str, toml_map: LazyTomlMap, number: int,
                 sink: list[Finding]) -> None:
        self.path, self.map, self.number, self.sink = path, toml_map, number, sink
        self.id: str | None = None

    def __call__(self, code: str, message: str, *key: str, found: object = None) -> None:
        line = self.map.key_line(self.number, *key) if self.number >= 0 else \
            self.map.other.get(key, 1)
        self.sink.append(REGISTRY.finding(
            code, message, Location(self.path, line), term=self.id,
            found=None if found is None else str(found)))


def parse_glossary_text(text: str, path: str = "<glossary>") -> ParsedGlossary:
    """Parse one glossary file's text. Raises GlossaryError when it is not valid TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        column = int(match.group(2)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) or "invalid TOML"
        raise GlossaryError(f"invalid TOML: {reason}", path=path, line=line, column=column) from exc
    toml_map = LazyTomlMap(text)
    result = ParsedGlossary(maps={path: toml_map})
    for key in data:
        if key != "term":
            _Problems(path, toml_map, -1, result.findings)(
                "G101", f"unknown top-level key '{key}' (entries are [[term]] tables)", key,
                found=key)
    terms = data.get("term", [])
    if not isinstance(terms, list):
        _Problems(path, toml_map, -1, result.findings)(
            "G103", "`term` must be an array of tables: write [[term]], not [term]", "term")
        return result
    headers = toml_map.header_lines(len(terms))
    for number, raw in enumerate(terms):
        problems = _Problems(path, toml_map, number, result.findings)
        entry = _parse_entry(raw, problems, Location(path, headers[number]))
        if entry is not None:
            result.entries.append(entry)
            result._index[id(entry)] = (path, number)
    return result


def _parse_entry(raw: dict[str, Any], problem: _Problems, origin: Location) -> Entry | None:
    entry_id = raw.get("id")
    if isinstance(entry_id, str):
        problem.id = entry_id
    ok = True
    for key in ("id", "kind", "canonical"):
        if key not in raw:
            problem("G102", f"entry has no `{key}`")
            ok = False
    if "id" in raw and not (isinstance(entry_id, str) and _ID.match(entry_id)):
        problem("G103", f"id {entry_id!r} must be lower case letters, digits and _ "
                "(starting with a letter)", "id", found=entry_id)
        ok = False
    kind = raw.get("kind")
    if "kind" in raw and kind not in Kind._value2member_map_:
        kinds = ", ".join(k.value for k in Kind)
        problem("G104", f"unknown kind {kind!r}; use one of: {kinds}", "kind", found=kind)
        ok = False
    forms: list[Form] = []
    if "canonical" in raw:
        forms.extend(_forms(raw["canonical"], Status.PREFERRED, problem, ("canonical",),
                            allow_single=True))
        if not forms:
            ok = False
    for key, status in _VARIANT_KEYS:
        if key in raw:
            forms.extend(_forms(raw[key], status, problem, (key,), allow_single=False))
    case_sensitive = raw.get("case_sensitive", True)
    if not isinstance(case_sensitive, bool):
        problem("G103", "`case_sensitive` must be true or false", "case_sensitive",
                found=case_sensitive)
        case_sensitive = True
    scalars = {}
    for key in ("hangul", "hanja", "note"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            problem("G103", f"`{key}` must be a string", key, found=value)
            value = None
        scalars[key] = value
    see = raw.get("see", [])
    if not (isinstance(see, list) and all(isinstance(s, str) for s in see)):
        problem("G103", "`see` must be a list of entry ids", "see", found=see)
        see = []
    renderings: dict[str, Rendering] = {}
    for key, value in raw.items():
        if key in ENTRY_KEYS:
            continue
        if isinstance(value, (dict, list)) and key not in ENTRY_KEYS and _is_locale(key):
            rendering = _parse_rendering(key, value, problem)
            if rendering is not None:
                renderings[key] = rendering
        elif isinstance(value, (dict, list)) and _looks_like_locale(key):
            problem("G105", f"'{key}' is not a locale known to CLDR", key, found=key)
        else:
            problem("G101", f"unknown key '{key}' in entry", key, found=key)
    if not ok:
        return None
    assert isinstance(entry_id, str) and kind is not None  # else `ok` is False
    return Entry(
        id=entry_id, kind=Kind(kind), forms=tuple(forms), renderings=renderings,
        case_sensitive=case_sensitive, hangul=scalars["hangul"], hanja=scalars["hanja"],
        see=tuple(see), note=(scalars["note"] or "").strip(), origin=origin)


def _parse_rendering(locale: str, raw: Any, problem: _Problems) -> Rendering | None:
    if not isinstance(raw, dict):
        problem("G103", f"[term.{locale}] must be a table", locale)
        return None
    forms: list[Form] = []
    if "approved" not in raw:
        problem("G102", f"[term.{locale}] has no `approved` rendering", locale)
    else:
        forms.extend(_forms(raw["approved"], Status.PREFERRED, problem, (locale, "approved"),
                            allow_single=True))
    for key, status in _VARIANT_KEYS:
        if key in raw:
            forms.extend(_forms(raw[key], status, problem, (locale, key), allow_single=False))
    note = raw.get("note", "")
    if not isinstance(note, str):
        problem("G103", f"`note` in [term.{locale}] must be a string", locale, "note", found=note)
        note = ""
    for key in raw:
        if key not in LOCALE_KEYS:
            problem("G101", f"unknown key '{key}' in [term.{locale}]", locale, key, found=key)
    return Rendering(locale=locale, forms=tuple(forms), note=note.strip())


def _forms(raw: Any, status: Status, problem: _Problems, key: tuple[str, ...], *,
           allow_single: bool) -> list[Form]:
    name = key[-1]
    if isinstance(raw, (str, dict)) and allow_single:
        items = [raw]
    elif isinstance(raw, list):
        items = raw
    else:
        expected = "a form or a list of dated forms" if allow_single else "a list of forms"
        problem("G103", f"`{name}` must be {expected}", *key, found=raw)
        return []
    forms = []
    for item in items:
        form = _form(item, status, problem, key)
        if form is not None:
            forms.append(form)
    return forms


def _form(item: Any, status: Status, problem: _Problems, key: tuple[str, ...]) -> Form | None:
    name = key[-1]
    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        problem("G103", f"each form in `{name}` must be a string or an inline table",
                *key, found=item)
        return None
    for extra in item:
        if extra not in FORM_KEYS:
            problem("G101", f"unknown key '{extra}' in a form of `{name}` "
                    f"(allowed: {', '.join(FORM_KEYS)})", *key, found=extra)
    text = item.get("text")
    if text is None:
        problem("G102", f"a dated form in `{name}` has no `text`", *key)
        return None
    if not isinstance(text, str) or not text.strip():
        problem("G103", f"a form in `{name}` is empty or not a string", *key, found=text)
        return None
    if text != text.strip() or "\n" in text or "\t" in text:
        problem("G103", f"form {text!r} in `{name}` has leading, trailing or line-break "
                "white space", *key, found=text)
        return None
    dates = {}
    for bound in ("from", "until"):
        value = item.get(bound)
        if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
            problem("G103", f"`{bound}` of '{text}' must be a date like 2025-06-17", *key,
                    found=value)
            value = None
        dates[bound] = value
    if dates["from"] and dates["until"] and dates["from"] > dates["until"]:
        problem("G103", f"'{text}' is valid from {dates['from']} until {dates['until']}, "
                "which is no day at all", *key, found=text)
    note = item.get("note", "")
    if not isinstance(note, str):
        problem("G103", f"`note` of '{text}' must be a string", *key, found=note)
        note = ""
    return Form(text=text, status=status, valid_from=dates["from"], valid_until=dates["until"],
                note=note.strip())


@lru_cache(maxsize=256)
def _is_locale(code: str) -> bool:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError, TypeError):
        return False
    return True


def _looks_like_locale(code: str) -> bool:
    return bool(re.match(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]+)*$", code))


def glossary_files(folder: Path) -> list[Path]:
    """The glossary's files: every `*.toml` in `folder`, in name order."""
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise GlossaryError("glossary folder not found", path=str(folder))
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def read_bytes(path: Path) -> bytes:
    """A glossary file's bytes, or a one-line GlossaryError."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GlossaryError(why_unreadable(path, exc), path=str(path)) from exc


def read_text(path: Path) -> str:
    """A file's text as UTF-8, or a one-line GlossaryError."""
    return decode_text(read_bytes(path), str(path))


def decode_text(data: bytes, path: str) -> str:
    """A glossary file's bytes as text (UTF-8, with or without a BOM), or a GlossaryError."""
    return utf8_text(data, path, GlossaryError)


def load_glossary(folder: Path, *, target_locales: Iterable[str] = (),
                  display_root: Path | None = None) -> ParsedGlossary:
    """Read and validate every file of the glossary. Findings are sorted by position."""
    texts = [(display_path(path, display_root), read_text(path))
             for path in glossary_files(folder)]
    return parse_and_validate(texts, target_locales=target_locales)


def parse_and_validate(texts: Iterable[tuple[str, str]], *,
                       target_locales: Iterable[str] = (),
                       errors: list[GlossaryError] | None = None) -> ParsedGlossary:
    """Parse each (shown path, text) and validate the whole; findings sorted by position.
    With an `errors` list, a file that is not valid TOML is added to it and the others are
    still parsed and validated; without one, its error is raised."""
    result = ParsedGlossary()
    for shown, text in texts:
        try:
            result.extend(parse_glossary_text(text, shown))
        except GlossaryError as error:
            if errors is None:
                raise
            errors.append(error)
    result.findings.extend(validate(result.glossary, REGISTRY, target_locales=target_locales,
                                    locate=result.locate))
    result.findings.sort(key=Finding.sort_key)
    return result


def display_path(path: Path, root: Path | None) -> str:
    """`path` as reports show it: relative to `root` when it lies below it."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
