"""The glossary as commands load it: parsed and validated once per content, then from a cache.

Loading a 100,000-term glossary means parsing 9 MB of TOML and validating it: 2.4 s, most of a
command's start. The result depends only on the files' bytes, the paths shown in findings, the
target locales, and the versions of xlate and Python, so it is cached under that key: one file
per glossary folder in the user's cache directory (`$XLATE_CACHE_DIR`, else
`$XDG_CACHE_HOME/xlate`, else `~/.cache/xlate`), holding the key it was made for. A changed
byte, an added or removed file, another xlate: another key, a miss, the file rewritten. So the
cache is never stale and always safe to delete; `XLATE_NO_CACHE=1` turns it off, and a cache
that cannot be read or written is passed over without a word.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from xlate import __version__
from xlate.errors import GlossaryError, XlateError
from xlate.fsutil import atomic_write
from xlate.glossary import snapshot
from xlate.glossary.load import (
    ParsedGlossary,
    decode_text,
    display_path,
    glossary_files,
    parse_and_validate,
    read_bytes,
)


def cache_dir() -> Path:
    """Where cached glossaries live."""
    if os.environ.get("XLATE_CACHE_DIR"):
        return Path(os.environ["XLATE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xlate"


def load(folder: Path, *, target_locales: Iterable[str] = (),
         display_root: Path | None = None, keep_going: bool = False) -> ParsedGlossary:
    """The parsed and validated glossary of `folder`, from the cache when its key matches.

    A file that cannot be read, decoded or parsed is raised as an error; with `keep_going`,
    every such file is listed in the result's `errors` and the others are still validated
    (such a glossary is never cached)."""
    locales = tuple(target_locales)
    files: list[tuple[str, bytes]] = []
    errors: list[GlossaryError] = []
    for path in glossary_files(folder):
        shown = display_path(path, display_root)
        try:
            files.append((shown, read_bytes(path)))
        except GlossaryError as error:
            error.path = shown
            errors.append(error)
    if errors or os.environ.get("XLATE_NO_CACHE"):
        return _checked(_parse(files, locales, errors), errors, keep_going)
    key = _key(files, locales)
    where = cache_dir() / f"glossary-{_digest(str(folder.resolve()).encode())[:16]}.bin"
    cached = _read(where, key)
    if cached is not None:
        return cached
    parsed = _parse(files, locales, errors)
    if not errors:
        with contextlib.suppress(XlateError, OSError):  # unwritable: the next run is slower
            atomic_write(where, key + b"\n" + snapshot.dump(parsed))
    return _checked(parsed, errors, keep_going)


def _checked(parsed: ParsedGlossary, errors: list[GlossaryError],
             keep_going: bool) -> ParsedGlossary:
    errors.sort(key=lambda error: (str(error.path), error.line or 0))
    if errors and not keep_going:
        raise errors[0]
    parsed.errors = errors
    return parsed


def _parse(files: list[tuple[str, bytes]], locales: tuple[str, ...],
           errors: list[GlossaryError]) -> ParsedGlossary:
    texts = []
    for shown, data in files:
        try:
            texts.append((shown, decode_text(data, shown)))
        except GlossaryError as error:
            errors.append(error)
    return parse_and_validate(texts, target_locales=locales, errors=errors)


def _key(files: list[tuple[str, bytes]], locales: tuple[str, ...]) -> bytes:
    parts = [f"xlate {__version__}", sys.version, f"snapshot {snapshot.FORMAT}",
             "locales " + ",".join(locales)]
    parts += [f"{shown}\0{_digest(data)}" for shown, data in files]
    return _digest("\n".join(parts).encode()).encode()


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(where: Path, key: bytes) -> ParsedGlossary | None:
    try:
        data = where.read_bytes()
    except OSError:
        return None
    stored, _, body = data.partition(b"\n")
    if stored != key:
        return None
    try:
        return snapshot.load(body)
    except ValueError:
        return None
