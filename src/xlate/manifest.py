"""The seed manifest: which articles the project translates, with their metadata."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xlate.errors import XlateError, utf8_text, why_unreadable

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
REQUIRED = ("id", "file", "title", "date", "publisher", "language")
OPTIONAL = ("author", "url", "note")


@dataclass(frozen=True, slots=True)
class Article:
    """One source article as listed in the manifest."""

    id: str
    file: str
    title: str
    date: dt.date
    publisher: str
    language: str
    author: str = ""
    url: str = ""
    note: str = ""


def parse_manifest(text: str, path: str = "manifest.toml") -> tuple[Article, ...]:
    """Articles of a manifest; any problem is an XlateError naming the file and line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"at line (\d+)", str(exc))
        raise XlateError(f"invalid TOML: {exc}", path=path,
                         line=int(match.group(1)) if match else None) from exc
    lines = [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "[[article]]"]
    unknown = set(data) - {"article"}
    if unknown:
        raise XlateError(f"unknown key '{sorted(unknown)[0]}' (articles are [[article]] tables)",
                         path=path)
    articles: list[Article] = []
    for number, raw in enumerate(data.get("article", [])):
        line = lines[number] if number < len(lines) else None
        for key in REQUIRED:
            if key not in raw:
                raise XlateError(f"article has no `{key}`", path=path, line=line)
        extra = set(raw) - set(REQUIRED) - set(OPTIONAL)
        if extra:
            raise XlateError(f"unknown key '{sorted(extra)[0]}' in article", path=path, line=line)
        if not isinstance(raw["date"], dt.date) or isinstance(raw["date"], dt.datetime):
            raise XlateError("`date` must be a date like 2025-06-26", path=path, line=line)
        for key in set(raw) - {"date"}:
            if not isinstance(raw[key], str):
                raise XlateError(f"`{key}` must be a string", path=path, line=line)
        if not _ID.match(raw["id"]):
            raise XlateError(
                f"article id {raw['id']!r} must be lower case letters, digits, - and _",
                path=path, line=line)
        if any(a.id == raw["id"] for a in articles):
            raise XlateError(f"article id '{raw['id']}' is used twice", path=path, line=line)
        fields: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v
                                  for k, v in raw.items()}
        articles.append(Article(**fields))
    return tuple(articles)


def load_manifest(path: Path) -> tuple[Article, ...]:
    """Read the manifest at `path` and check that every listed file exists beside it."""
    try:
        text = utf8_text(path.read_bytes(), str(path))
    except OSError as exc:
        raise XlateError(f"cannot read the manifest: {why_unreadable(path, exc)}",
                         path=str(path)) from exc
    articles = parse_manifest(text, str(path))
    for article in articles:
        if not (path.parent / article.file).is_file():
            raise XlateError(f"article '{article.id}' names a missing file '{article.file}'",
                             path=str(path))
    return articles
