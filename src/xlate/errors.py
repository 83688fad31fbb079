"""One user-facing error type: a clear one-line message, exit status 2, no traceback."""

from __future__ import annotations

import errno
import os


class XlateError(Exception):
    """Bad input or usage: the command cannot do its job.

    Findings are never exceptions; this is for unreadable files, broken syntax, bad options.
    """

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self):  # a worker process's error crosses to the parent whole
        return (type(self), (self.message, self.path, self.line, self.column))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = str(self.path)
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        return f"{where}{self.message}"


class ConfigError(XlateError):
    """The configuration is missing, unreadable or has unknown keys."""

    key: str | None = None  # the configuration key it is about, when there is one


class GlossaryError(XlateError):
    """A glossary file cannot be read or parsed at all."""


class FormatError(XlateError):
    """An interchange file (TBX, CSV, JSON) cannot be read safely."""


class PoSyntaxError(XlateError):
    """A PO file GNU gettext would reject as text: `path:line: message`, in msgfmt's words."""


def why_unreadable(path: str | os.PathLike[str], exc: OSError) -> str:
    """What keeps `path` from being read, as a user would say it (not Python's errno text)."""
    if exc.errno == errno.ENOENT:
        if os.path.lexists(path):
            return "a broken symbolic link (what it points to does not exist)"
        return "no such file or folder"
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.EISDIR or os.path.isdir(path):
        return "is a folder, not a file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return f"cannot read: {exc.strerror or exc}"


def utf8_text(data: bytes, path: str, error: type[XlateError] = XlateError) -> str:
    """`data` as UTF-8 text (a BOM dropped). Refused, naming the line: bytes that are not
    UTF-8, and NUL bytes, which no text file holds (UTF-16 saved without a byte order mark
    reads as valid UTF-8 with a NUL after every ASCII letter). `error` is the kind raised."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise error("UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8",
                    path=path, line=1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise error("not UTF-8 text", path=path, line=line) from exc
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        raise error("not text: it holds NUL bytes (UTF-16 without a byte order mark, or a "
                    "binary file?)", path=path, line=line)
    return text
