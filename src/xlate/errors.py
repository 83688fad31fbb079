"""One user-facing error type: a clear one-line message, exit status 2, no traceback."""

from __future__ import annotations


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


class GlossaryError(XlateError):
    """A glossary file cannot be read or parsed at all."""


class FormatError(XlateError):
    """An interchange file (TBX, CSV, JSON) cannot be read safely."""


class PoSyntaxError(XlateError):
    """A PO file GNU gettext would reject as text: `path:line: message`, in msgfmt's words."""
