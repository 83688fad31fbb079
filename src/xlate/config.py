"""One frozen `Config`: `[tool.xlate]` in pyproject.toml, or the top level of xlate.toml.

The project root is the folder of the first `xlate.toml`, or of the first `pyproject.toml` with a
`[tool.xlate]` table, found walking up from the working directory; `--config PATH` names the file
directly. Without any, the defaults apply with the working directory as root. Relative paths in
the configuration are relative to the root. Unknown keys are an error that names the key.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from xlate.errors import ConfigError
from xlate.model import Severity

DEFAULTS: dict[str, Any] = {
    "glossary": "glossary",
    "sources": ["seeds/*.txt"],
    "manifest": "seeds/manifest.toml",
    "catalogs": "locales",
    "source_locale": "en",
    "target_locales": ["ko", "ja", "fr"],
    "fail_on": "warning",
    "baseline": "",
    "select": [],
    "ignore": [],
    "severity": {},
    "plural_forms": {},
}


@dataclass(frozen=True)
class Config:
    """Where things live and which rules apply; paths are absolute."""

    root: Path
    file: Path | None
    glossary: Path
    sources: tuple[str, ...]
    manifest: Path
    catalogs: Path
    source_locale: str
    target_locales: tuple[str, ...]
    fail_on: Severity
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    baseline: Path | None = None
    plural_forms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def display(self, path: Path) -> str:
        """`path` relative to the root when it lies below it, for messages and reports (so a
        finding reads the same, and matches its baseline entry, from any folder); elsewhere
        as given, an absolute path without `..` segments."""
        try:  # the name as given (a symbolic link is shown as itself, not its target)
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root)).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, RuntimeError, OSError):  # elsewhere, or a symbolic link loop
            if path.is_absolute():
                return Path(os.path.normpath(path)).as_posix()
            return path.as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest xlate.toml, or pyproject.toml with [tool.xlate], at or above `start`."""
    for folder in (start, *start.parents):
        candidate = folder / "xlate.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject)[0].get("tool")
            if isinstance(tool, dict) and "xlate" in tool:
                return pyproject
    return None


def require_project(config: Config, *, glossary_given: bool = False,
                    glossary_option: bool = True) -> Config:
    """`config`, unless it is the defaults of a folder outside any project and no --glossary
    says where the glossary is: then one line saying how to point xlate at one (the defaults
    alone would send the user looking for a `glossary` folder they never made)."""
    if config.file is not None or glossary_given:
        return config
    how = "pass --glossary PATH, create an xlate.toml, or add [tool.xlate] to pyproject.toml" \
        if glossary_option else "create an xlate.toml, or add [tool.xlate] to pyproject.toml"
    raise ConfigError(f"not inside an xlate project (no xlate.toml or pyproject.toml with "
                      f"[tool.xlate] here or above): {how}")


def _read(path: Path) -> tuple[dict[str, Any], str]:
    """The TOML table of a configuration file, and its text (to find a key's line)."""
    from xlate.errors import XlateError, utf8_text, why_unreadable

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {why_unreadable(path, exc)}",
                          path=str(path)) from exc
    try:
        text = utf8_text(data, str(path))
    except XlateError as exc:
        raise ConfigError(f"cannot read configuration: {exc.message}", path=str(path),
                          line=exc.line) from exc
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise ConfigError(f"invalid TOML: {exc}", path=str(path),
                          line=int(match.group(1)) if match else None) from exc


def _table(path: Path) -> tuple[dict[str, Any], str]:
    data, text = _read(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("xlate") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError("no [tool.xlate] table", path=str(path))
        if not isinstance(table, dict):
            raise ConfigError("'tool.xlate' must be a table ([tool.xlate] and its keys), not "
                              f"{type(table).__name__}", path=str(path),
                              line=_key_line(text, "xlate", pyproject=False))
        return table, text
    return data, text


def _key_line(text: str, key: str, *, pyproject: bool) -> int | None:
    """The line where `key` is set in the configuration (in pyproject.toml, below
    [tool.xlate]), or where its table starts; None when it cannot be found."""
    lines = text.split("\n")
    start = 0
    if pyproject:
        start = next((n for n, line in enumerate(lines)
                      if re.match(r"\s*\[\s*tool\s*\.\s*xlate\s*[\].]", line)), 0)
    dotted = key.split(".")
    assign = re.compile(rf"\s*[\"']?{re.escape(dotted[0])}[\"']?\s*[=.]")
    header = re.compile(rf"\s*\[\s*(?:tool\s*\.\s*xlate\s*\.\s*)?{re.escape(dotted[0])}\s*\]")
    for number in range(start, len(lines)):
        if assign.match(lines[number]) or header.match(lines[number]):
            return number + 1
    return None


def load_config(explicit: Path | None = None, *, cwd: Path | None = None) -> Config:
    """Find and read the configuration (or use the defaults), validating every key."""
    cwd = (cwd or Path.cwd()).resolve()
    if explicit is not None:
        resolved = explicit.resolve()
        if resolved.is_dir():
            raise ConfigError("is a folder, not a configuration file (name the xlate.toml or "
                              "pyproject.toml in it)", path=str(explicit))
        if not resolved.is_file():
            raise ConfigError("configuration file not found", path=str(explicit))
        path: Path | None = resolved
    else:
        path = find_config(cwd)
    raw, text = _table(path) if path else ({}, "")
    root = path.parent if path else cwd
    return build_config(raw, root=root, file=path, text=text)


def build_config(raw: Mapping[str, Any], *, root: Path, file: Path | None = None,
                 text: str = "") -> Config:
    """A Config from a raw table; every problem is a ConfigError naming the key and, given
    the file's `text`, the line where it is set."""
    try:
        return _build(raw, root, file)
    except ConfigError as error:
        if error.line is None and error.key and text:
            error.line = _key_line(text, error.key,
                                   pyproject=file is not None and file.name == "pyproject.toml")
        raise


def _build(raw: Mapping[str, Any], root: Path, file: Path | None) -> Config:
    where = str(file) if file else None
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        hint = ", ".join(sorted(DEFAULTS))
        raise _keyed(ConfigError(f"unknown configuration key '{unknown[0]}' (known keys: "
                                 f"{hint})", path=where), unknown[0])
    values = {**DEFAULTS, **raw}

    def need(key: str, kind: type[Any], item: type | None = None) -> Any:
        value = values[key]
        if not isinstance(value, kind) or (item and not all(isinstance(v, item) for v in value)):
            label = "a list of strings" if item else \
                "a string" if kind is str else "a table" if kind is dict else "a list"
            raise _keyed(ConfigError(f"'{key}' must be {label} (not {value!r})", path=where),
                         key)
        return value

    for key in ("glossary", "manifest", "catalogs", "source_locale", "fail_on", "baseline"):
        need(key, str)
    for key in ("sources", "target_locales", "select", "ignore"):
        need(key, list, str)
    need("severity", dict)
    plural_forms = _keyed_call("plural_forms", _plural_forms, need("plural_forms", dict), where)
    fail_on = _keyed_call("fail_on", _severity, values["fail_on"], "fail_on", where)
    severity = {}
    for code, level in values["severity"].items():
        severity[_keyed_call("severity", _code, code, "'severity' key", where)] = _keyed_call(
            "severity", _severity, level, f"severity.{code}", where)
    chosen = {key: tuple(_keyed_call(key, _code, code, f"'{key}' entry", where)
                         for code in values[key]) for key in ("select", "ignore")}
    locales = tuple(values["target_locales"])
    _keyed_call("source_locale", check_locale, values["source_locale"], where)
    for locale in locales:
        _keyed_call("target_locales", check_locale, locale, where)
    return Config(
        root=root, file=file, glossary=root / values["glossary"],
        sources=tuple(values["sources"]), manifest=root / values["manifest"],
        catalogs=root / values["catalogs"], source_locale=values["source_locale"],
        target_locales=locales, fail_on=fail_on, select=chosen["select"],
        ignore=chosen["ignore"], severity=MappingProxyType(severity),
        baseline=root / values["baseline"] if values["baseline"] else None,
        plural_forms=MappingProxyType(plural_forms))


def _keyed(error: ConfigError, key: str) -> ConfigError:
    """`error`, remembering the key it is about (build_config finds that key's line)."""
    error.key = key
    return error


def _keyed_call(key: str, check, *args):
    try:
        return check(*args)
    except ConfigError as error:
        raise _keyed(error, key) from None


def _code(code: str, what: str, where: str | None) -> str:
    """A rule code or prefix of the registry, in upper case; anything else is an error, since
    an unknown code in `select` would switch every check off without a word."""
    from xlate.rules.select import check_code

    return check_code(code, what, path=where, error=ConfigError)


def _plural_forms(table: Mapping[str, Any], where: str | None) -> dict[str, str]:
    """`plural_forms = { fr = "nplurals=2; plural=(n > 1);" }`: the formula `xlate init` writes
    for a locale, each one valid as msgfmt judges it."""
    from xlate.po.plurals import parse_formula

    result = {}
    for locale, formula in table.items():
        check_locale(locale, where)  # a typo in the key would never be used, silently
        if not isinstance(formula, str) or parse_formula(formula) is None:
            raise ConfigError(f"'plural_forms.{locale}' must be a valid Plural-Forms value such "
                              f"as \"nplurals=2; plural=(n != 1);\" (not {formula!r})",
                              path=where)
        result[locale.replace("-", "_")] = formula.strip()
    return result


def _severity(value: Any, key: str, where: str | None) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"'{key}' must be one of error, warning, info (not {value!r})",
                          path=where) from None


def check_locale(code: str, where: str | None = None) -> str:
    """`code` if CLDR knows it, else a ConfigError (babel is imported only here)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError, TypeError):
        raise ConfigError(f"unknown locale '{code}' (not in CLDR)", path=where) from None
    return code


def normalise_locale(code: str, where: str | None = None) -> str:
    """A locale as gettext spells it (`KO` -> ko, `zh-Hant` -> zh_Hant, `pt-br` -> pt_BR),
    refused unless CLDR knows it.

    Only the spelling changes: babel's own parse would also add likely subtags (zh_TW ->
    zh_Hant_TW, iw -> he_IL), which would not name the folder the user meant.
    """
    base, at, modifier = code.strip().replace("-", "_").partition("@")
    language, *rest = base.split("_")
    parts = [language.lower()]
    parts += [p.title() if len(p) == 4 and p.isalpha() else p.upper() for p in rest]
    name = "_".join(parts) + (f"@{modifier.lower()}" if at else "")
    if not all(parts) or not (language.isalpha() and 2 <= len(language) <= 3):
        raise ConfigError(f"unknown locale '{code}' (not in CLDR)", path=where)
    check_locale(name, where)
    return name
