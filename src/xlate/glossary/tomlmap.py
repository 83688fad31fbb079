"""Line numbers for the keys of a glossary TOML file.

`tomllib` gives values but no positions. Glossary findings must name the line, so this module
scans the text once and records where each `[[term]]` entry, each sub-table and each key starts.
It understands the subset of TOML layout that matters for that (table headers, keys, multi-line
strings and arrays); values themselves are always taken from `tomllib`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*(\]\]?)\s*(?:#.*)?$")
_KEY_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")  # a bare, basic or literal key
_KEY = re.compile(rf"^\s*((?:{_KEY_PART.pattern})(?:\s*\.\s*(?:{_KEY_PART.pattern}))*)\s*=")

_BARE = re.compile(r"[A-Za-z0-9_-]+")
# Single-line strings, removed before counting brackets (a "[" inside a string is text).
_STRINGS = re.compile(r""""(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")


def _split_key(raw: str) -> tuple[str, ...]:
    if _BARE.fullmatch(raw):
        return (raw,)
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in _KEY_PART.findall(raw))


@dataclass
class EntrySpan:
    """Where one `[[term]]` entry lies, and where its keys are."""

    header_line: int
    end_line: int = 0
    keys: dict[tuple[str, ...], int] = field(default_factory=dict)


@dataclass
class TomlMap:
    """Positions in one glossary file: entries in file order, plus stray top-level tables/keys."""

    lines: list[str]
    entries: list[EntrySpan] = field(default_factory=list)
    other: dict[tuple[str, ...], int] = field(default_factory=dict)

    def key_line(self, index: int, *path: str) -> int:
        """Line of the deepest recorded prefix of `path` in entry `index` (its header if none)."""
        span = self.entries[index]
        for cut in range(len(path), 0, -1):
            if path[:cut] in span.keys:
                return span.keys[path[:cut]]
        return span.header_line

    def text_line(self, index: int, text: str, *path: str) -> int:
        """Line where the string `text` is written inside entry `index`, near `path` if possible."""
        span = self.entries[index]
        start = self.key_line(index, *path) if path else span.header_line
        needles = {json.dumps(text, ensure_ascii=False), f"'{text}'"}
        for number in list(range(start, span.end_line + 1)) + list(range(span.header_line, start)):
            line = self.lines[number - 1]
            if any(n in line for n in needles):
                return number
        return start


_TERM_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*term[ \t]*\]\][ \t\r]*(?:#.*)?$", re.M)


class LazyTomlMap:
    """The positions of one file, scanned only when a position inside an entry is asked for.

    A clean glossary needs only the line of each entry's header, which one regex finds; the
    full scan (1.4 s for 100,000 entries) waits for a finding to place. The regex is trusted
    only when it finds as many headers as TOML has entries (a `[[term]]` line inside a
    multi-line string, or `term = [...]` written inline, fall back to the full scan).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._map: TomlMap | None = None

    @property
    def full(self) -> TomlMap:
        if self._map is None:
            self._map = map_toml(self.text)
        return self._map

    def header_lines(self, count: int) -> list[int]:
        """The header line of each of the file's `count` entries."""
        if self._map is None:
            lines, line, position = [], 1, 0
            for match in _TERM_HEADER.finditer(self.text):
                line += self.text.count("\n", position, match.start())
                position = match.start()
                lines.append(line)
            if len(lines) == count:
                return lines
        spans = self.full.entries
        while len(spans) < count:  # `term = [...]` written inline: no per-entry lines
            spans.append(EntrySpan(header_line=self.full.other.get(("term",), 1),
                                   end_line=len(self.full.lines)))
        return [span.header_line for span in spans[:count]]

    @property
    def other(self) -> dict[tuple[str, ...], int]:
        return self.full.other

    def key_line(self, index: int, *path: str) -> int:
        return self.full.key_line(index, *path)

    def text_line(self, index: int, text: str, *path: str) -> int:
        return self.full.text_line(index, text, *path)


def map_toml(text: str) -> TomlMap:
    """Scan `text` and record the line of every entry header, sub-table and key."""
    # TOML breaks lines at LF (or CRLF) only: str.splitlines would also break inside a string
    # holding U+0085, U+2028 or a form feed, and shift every line number after it.
    lines = [line.removesuffix("\r") for line in text.removesuffix("\n").split("\n")] \
        if text else []
    result = TomlMap(lines=lines)
    table: tuple[str, ...] = ()
    current: EntrySpan | None = None
    in_string: str | None = None
    depth = 0  # bracket depth of a multi-line array or inline table value
    for number, line in enumerate(lines, start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if depth > 0:
            depth = max(0, depth + _bracket_delta(line))
            continue
        header = _HEADER.match(line) if line.lstrip().startswith("[") else None
        if header and not _KEY.match(line):
            name = _split_key(header.group(2))
            is_array = header.group(1) == "[["
            if is_array and name == ("term",):
                if current is not None:
                    current.end_line = number - 1
                current = EntrySpan(header_line=number)
                result.entries.append(current)
                table = ()
            elif name[:1] == ("term",) and current is not None:
                table = name[1:]
                current.keys.setdefault(table, number)
            else:
                if current is not None:
                    current.end_line = number - 1
                    current = None
                table = name
                result.other.setdefault(name, number)
            continue
        key = _KEY.match(line)
        if key:
            path = table + _split_key(key.group(1))
            if current is not None:
                current.keys.setdefault(path, number)
            else:
                result.other.setdefault(path, number)
            rest = line[key.end():]
            in_string = _open_multiline(rest)
            if in_string is None:
                depth = max(0, _bracket_delta(rest))
    if current is not None:
        current.end_line = len(lines)
    return result


def _open_multiline(text: str) -> str | None:
    """The multi-line string delimiter left open at the end of a value, if any."""
    if '"""' not in text and "'''" not in text:
        return None  # most values: a glossary of 100,000 terms has hundreds of thousands
    i = 0
    while i < len(text):
        char = text[i]
        if char == "#":
            return None
        for quote in ('"""', "'''"):
            if text.startswith(quote, i):
                close = text.find(quote, i + 3)
                if close < 0:
                    return quote
                i = close + 3
                break
        else:
            if char == '"':
                i += 1
                while i < len(text) and text[i] != '"':
                    i += 2 if text[i] == "\\" else 1
            elif char == "'":
                close = text.find("'", i + 1)
                i = len(text) if close < 0 else close
            i += 1
    return None


def _bracket_delta(text: str) -> int:
    """Net count of opening brackets outside strings and comments on one line."""
    if "[" not in text and "]" not in text and "{" not in text and "}" not in text:
        return 0
    code = _STRINGS.sub("", text).split("#", 1)[0]
    return code.count("[") + code.count("{") - code.count("]") - code.count("}")
