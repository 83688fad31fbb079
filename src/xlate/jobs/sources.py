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

from xlate.errors import XlateError
from xlate.lint.engine import Document, Segment
from xlate.manifest import Article

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
CATALOG_SUFFIXES = (".po", ".pot")


def read_file_bytes(path: Path, shown: str) -> bytes:
    """A file's bytes; errors name the file as `shown`."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise XlateError("is a folder, not a file", path=shown) from None
    except OSError as exc:
        raise XlateError(f"cannot read: {exc.strerror or exc}", path=shown) from exc


def read_text_file(path: Path, shown: str) -> str:
    """UTF-8 text with line endings as they are; errors name the file (and line)."""
    data = read_file_bytes(path, shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise XlateError("not UTF-8 text", path=shown, line=line) from exc


def catalog_document(text: str, shown: str) -> Document:
    """The msgids of a PO/POT file, each a segment at its `msgid` line (xlate's reader)."""
    from xlate.po.read import read_po

    catalog = read_po(text.encode("utf-8"), shown)
    segments = tuple(Segment(entry.msgid, line=entry.msgid_line, exact=False,
                             context=entry.msgid)
                     for entry in catalog.entries if entry.msgid and not entry.obsolete)
    return Document(shown, segments)


def expand(patterns: Sequence[str], root: Path) -> list[Path]:
    """Files named by paths, folders or glob patterns, in order, each once."""
    seen: dict[Path, None] = {}
    for pattern in patterns:
        candidate = Path(pattern)
        base = candidate if candidate.is_absolute() else root / candidate
        if any(ch in pattern for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(str(base), recursive=True))
            if not matches:
                raise XlateError(f"no file matches '{pattern}'")
            for match in matches:
                if match.is_file():
                    seen.setdefault(match, None)
        elif base.is_dir():
            for match in sorted(base.rglob("*")):
                if match.is_file() and match.suffix.lower() in TEXT_SUFFIXES + CATALOG_SUFFIXES:
                    seen.setdefault(match, None)
        elif base.exists():
            seen.setdefault(base, None)
        else:
            raise XlateError("no such file or folder", path=pattern)
    return list(seen)


def read_documents(paths: Iterable[Path], *, display, articles: Sequence[Article] = (),
                   manifest_dir: Path | None = None, stdin: TextIO | None = None,
                   stdin_name: str = "<stdin>") -> list[Document]:
    """Documents for the given files; `Path('-')` reads standard input."""
    dated = {}
    if manifest_dir is not None:
        dated = {(manifest_dir / a.file).resolve(): a.date for a in articles}
    documents = []
    for path in paths:
        if str(path) == "-":
            text = (stdin or sys.stdin).read()
            documents.append(Document(stdin_name, (Segment(text),)))
            continue
        shown = display(path)
        text = read_text_file(path, shown)
        if path.suffix.lower() in CATALOG_SUFFIXES:
            documents.append(catalog_document(text, shown))
        else:
            documents.append(Document(shown, (Segment(text),), dated.get(path.resolve())))
    return documents
