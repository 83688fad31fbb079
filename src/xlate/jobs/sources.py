"""Reading the English sources to lint: text, Markdown, catalogue msgids, standard input.

The only module of the lint path that touches files. Paths may be files, folders (their .txt,
.md, .po and .pot files) or glob patterns; `-` is standard input.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from xlate.errors import XlateError, utf8_text, why_unreadable
from xlate.lint.engine import Document, Segment
from xlate.manifest import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
CATALOG_SUFFIXES = (".po", ".pot")


def read_file_bytes(path: Path, shown: str) -> bytes:
    """A file's bytes; errors name the file as `shown` and say what is wrong in words."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise XlateError(why_unreadable(path, exc), path=shown) from exc


def read_text_file(path: Path, shown: str) -> str:
    """UTF-8 text with line endings as they are; errors name the file (and line)."""
    return utf8_text(read_file_bytes(path, shown), shown)


def catalog_document(text: str, shown: str) -> Document:
    """The msgids of a PO/POT file, each a segment at its `msgid` line (xlate's reader)."""
    from xlate.po.read import read_po

    catalog = read_po(text.encode("utf-8"), shown)
    segments = tuple(Segment(entry.msgid, line=entry.msgid_line, exact=False,
                             context=entry.msgid)
                     for entry in catalog.entries if entry.msgid and not entry.obsolete)
    return Document(shown, segments)


def inputs(paths: Sequence[str], defaults: Sequence[str], root: Path,
           display=Path.as_posix) -> tuple[list[Path], list[XlateError]]:
    """The files a command reads: `-` alone for standard input, else the expansion of
    `paths` (or of `defaults` when there are none)."""
    if "-" in paths:
        if len(paths) > 1:
            raise XlateError("- (standard input) cannot be combined with files")
        return [Path("-")], []
    return expand(paths or defaults, root, display)


def expand(patterns: Sequence[str], root: Path,
           display=Path.as_posix) -> tuple[list[Path], list[XlateError]]:
    """Files named by paths, folders or glob patterns, in order, each once; and what could not
    be expanded (a pattern that matches nothing). A path that names nothing is kept: reading
    it says why (no such file, a symbolic link loop), beside the other files' reports."""
    seen: dict[Path, None] = {}
    errors: list[XlateError] = []
    for pattern in patterns:
        candidate = Path(pattern)
        base = candidate if candidate.is_absolute() else root / candidate
        if any(ch in pattern for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(str(base), recursive=True))
            if not matches:
                errors.append(XlateError(f"no file matches '{display(base)}'"))
            for match in matches:
                if match.is_file():
                    seen.setdefault(match, None)
        elif base.is_dir():
            for match in sorted(base.rglob("*")):
                if match.is_file() and match.suffix.lower() in TEXT_SUFFIXES + CATALOG_SUFFIXES:
                    seen.setdefault(match, None)
        else:
            seen.setdefault(base, None)
    return list(seen), errors


def read_documents(paths: Iterable[Path], *, display, articles: Sequence[Article] = (),
                   manifest_dir: Path | None = None, stdin: TextIO | None = None,
                   stdin_name: str = "<stdin>") -> tuple[list[Document], list[XlateError]]:
    """Documents for the given files (`Path('-')` reads standard input), and the errors of the
    files that could not be read: one bad file never keeps the others from being linted."""
    dated = {}
    if manifest_dir is not None:
        dated = {(manifest_dir / a.file).resolve(): a.date for a in articles}
    documents = []
    errors: list[XlateError] = []
    for path in paths:
        if str(path) == "-":
            stream = stdin or sys.stdin
            try:
                # bytes, decoded as files are: not UTF-8 is an error, not surrogates
                text = utf8_text(stream.buffer.read(), stdin_name) \
                    if hasattr(stream, "buffer") else stream.read()
                documents.append(Document(stdin_name, (Segment(text),)))
            except XlateError as error:
                errors.append(error)
            continue
        shown = display(path)
        try:
            text = read_text_file(path, shown)
            if path.suffix.lower() in CATALOG_SUFFIXES:
                documents.append(catalog_document(text, shown))
            else:
                documents.append(Document(shown, (Segment(text),), dated.get(path.resolve())))
        except XlateError as error:
            errors.append(error)
    return documents, errors
