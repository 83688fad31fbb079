"""`xlate glossary import`: read a TBX or JSON glossary and merge it into the TOML files.

The I/O around the pure pieces: `glossary.tbx.read_tbx` / `glossary.jsoncsv.read_json` parse,
`glossary.merge.merge_glossary` merges texts, and this module reads the files and writes the
changed ones atomically (nothing when `dry_run`).
"""

from __future__ import annotations

from pathlib import Path

from xlate.errors import FormatError, XlateError
from xlate.fsutil import atomic_write
from xlate.glossary.jsoncsv import read_json
from xlate.glossary.load import glossary_files, read_text
from xlate.glossary.merge import merge_glossary
from xlate.glossary.tbx import read_tbx
from xlate.model import Glossary


def read_interchange(path: Path, *, source_locale: str = "en") -> Glossary:
    """A glossary from a TBX (v3 or v2 martif) or xlate JSON file, by extension or content."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XlateError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    suffix = path.suffix.lower()
    if suffix == ".json" or (suffix not in (".tbx", ".xml") and head in (b"{", b"[")):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError("not UTF-8 text", path=str(path),
                              line=data[:exc.start].count(b"\n") + 1) from exc
        return read_json(text, path=str(path))
    if suffix in (".tbx", ".xml") or head == b"<":
        return read_tbx(data, path=str(path), source_locale=source_locale)
    raise FormatError("not a TBX or JSON glossary (expected .tbx, .xml or .json)",
                      path=str(path))


def import_file(path: Path, folder: Path, *, into: Path | None = None,
                source_locale: str = "en", dry_run: bool = False) -> str:
    """Merge the glossary in `path` into the TOML files of `folder`; return a report."""
    incoming = read_interchange(path, source_locale=source_locale)
    if folder.exists() and not folder.is_dir():
        raise XlateError("the glossary must be a folder to import into", path=str(folder))
    files = {str(p): read_text(p) for p in glossary_files(folder)} if folder.is_dir() else {}
    target = into if into is not None else folder / "imported.toml"
    if target.exists():
        files.setdefault(str(target), read_text(target))
    result = merge_glossary(files, incoming, new_file=str(target))
    if not dry_run:
        for name, text in result.files.items():
            atomic_write(Path(name), text)
    report = result.describe()
    if dry_run:
        report += "dry run: nothing written\n"
    return report
