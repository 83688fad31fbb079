"""`xlate glossary import`: read a TBX, CSV or JSON glossary and merge it into the TOML files.

The I/O around the pure pieces: `glossary.tbx.read_tbx_import` / `glossary.csvread.read_csv` /
`glossary.jsoncsv.read_json` parse,
`glossary.merge.merge_glossary` merges texts, `glossary.load.parse_and_validate` checks the
merged texts in memory as `xlate glossary validate` would, and this module reads the files and
writes the changed ones atomically: only when the merged glossary has no error, and never
when `dry_run`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from xlate.errors import FormatError, XlateError
from xlate.fsutil import atomic_write
from xlate.glossary.csvread import read_csv
from xlate.glossary.jsoncsv import read_json
from xlate.glossary.load import display_path, glossary_files, parse_and_validate, read_text
from xlate.glossary.merge import fit_locales, merge_glossary
from xlate.glossary.tbx import read_tbx_import
from xlate.model import Finding, Glossary, Severity
from xlate.rules.select import Selection


@dataclass(frozen=True)
class ImportResult:
    """What an import did or would do: the merge report, and the findings of the merged
    glossary (selected and with severities as configured)."""

    report: str
    findings: tuple[Finding, ...] = ()
    written: bool = False

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)


def read_interchange(path: Path, *, source_locale: str = "en", locale: str | None = None
                     ) -> tuple[Glossary, frozenset[str]]:
    """A glossary from a TBX (v3 or v2 martif), Weblate CSV (`.csv`, target `locale` unless
    its header names it) or xlate JSON file, by extension or content, and the ids of its
    foreign entries (another tool's, matched by their terms when merged)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XlateError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(data, path=str(path), locale=locale, source_locale=source_locale)
    if suffix == ".json" or (suffix not in (".tbx", ".xml") and head in (b"{", b"[")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError("not UTF-8 text", path=str(path),
                              line=data[:exc.start].count(b"\n") + 1) from exc
        return read_json(text, path=str(path)), frozenset()
    if suffix in (".tbx", ".xml") or head == b"<":
        return read_tbx_import(data, path=str(path), source_locale=source_locale)
    raise FormatError("not a TBX, CSV or JSON glossary (expected .tbx, .xml, .csv or .json)",
                      path=str(path))


def import_file(path: Path, folder: Path, *, into: Path | None = None,
                source_locale: str = "en", target_locales: Iterable[str] = (),
                selection: Selection | None = None, display_root: Path | None = None,
                locale: str | None = None, dry_run: bool = False) -> ImportResult:
    """Merge the glossary in `path` into the TOML files of `folder`.

    Renderings are filed under the `target_locales` (`ko-KR` under `ko`; a placeholder
    language such as translate-toolkit's `xx` under `locale`, which is also the target locale
    of a CSV file whose header does not name it). The merged files are
    validated in memory first (`target_locales`, `selection`: as the project's
    `xlate glossary validate` runs); with an error among the findings nothing is written, and
    `ImportResult.errors` says why.
    """
    incoming, foreign = read_interchange(path, source_locale=source_locale, locale=locale)
    incoming = fit_locales(incoming, tuple(target_locales), placeholder=locale, path=str(path))
    if folder.exists() and not folder.is_dir():
        raise XlateError("the glossary must be a folder to import into", path=str(folder))
    files = {str(p): read_text(p) for p in glossary_files(folder)} if folder.is_dir() else {}
    target = into if into is not None else folder / "imported.toml"
    if target.exists():
        files.setdefault(str(target), read_text(target))
    csv = path.suffix.lower() == ".csv"
    unstated = ("case_sensitive", "note", "typography") if csv else ()
    result = merge_glossary(files, incoming, new_file=str(target), foreign=foreign,
                            unstated=unstated)
    findings: tuple[Finding, ...] = ()
    if result.changed:
        findings = _validate({**files, **result.files}, target_locales, selection, display_root)
    report = result.describe()
    blocked = any(f.severity is Severity.ERROR for f in findings)
    if not (dry_run or blocked):
        for name, text in result.files.items():
            atomic_write(Path(name), text)
    elif dry_run:
        report += "dry run: nothing written\n"
    return ImportResult(report, findings, written=not (dry_run or blocked) and result.changed)


def _validate(texts: Mapping[str, str], target_locales: Iterable[str],
              selection: Selection | None, display_root: Path | None) -> tuple[Finding, ...]:
    """The findings `xlate glossary validate` would report on these file texts."""
    shown = [(display_path(Path(name), display_root), text)
             for name, text in sorted(texts.items())]
    parsed = parse_and_validate(shown, target_locales=target_locales)
    findings = parsed.findings if selection is None else selection.apply(parsed.findings)
    return tuple(findings)
