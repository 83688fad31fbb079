"""Reading PO text: the one parser of gettext catalogues (pure: bytes in, values out).

It owns decoding (a UTF-8 BOM, CRLF, the charset the header declares), the lexing of strings
as GNU gettext 0.21's `po-lex.c` does (escapes `\\n \\t \\b \\r \\f \\v \\a \\\\ \\"`, octal
`\\NNN` and hex `\\xHH` as bytes of the file's charset; `\\?` and `\\'` are errors there too),
the grammar of an entry as `po-gram.y` has it, and line numbers (1-based, counted at LF only).

Where polib and GNU gettext read a file differently, this reader follows GNU: comments keep
their trailing blanks, `#,` flags split at commas and blanks, `#~|` previous fields are read,
and whatever msgfmt rejects as syntax raises `PoSyntaxError` (path, line, msgfmt's wording);
nothing is silently repaired. Stricter than GNU in one place: a NUL byte in a string (raw or
escaped) raises, where msgfmt keeps the string up to it and drops the rest without a word.
Duplicate messages (same msgctxt and msgid) are not syntax here:
they are kept, in file order, for the check that reports them (C503). Not supported: the
`domain` directive (msgfmt ignores it and fails when writing one file; split such a catalogue
by domain) and charsets Python has no codec for: both raise.

Longer than 300 lines: the lexer and the grammar share one state and one pass, on purpose.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import NoReturn

from xlate.errors import PoSyntaxError
from xlate.po.entry import PoEntry, PoFile
from xlate.po.scan import scan

__all__ = ["PoEntry", "PoFile", "decode", "iter_po", "metadata", "read_po"]

_BLANK = " \t\r\f\v"
_ESCAPES = {"n": "\n", "t": "\t", "b": "\b", "r": "\r", "f": "\f", "v": "\v", "a": "\a",
            "\\": "\\", '"': '"'}
_KEYWORDS = ("msgctxt", "msgid", "msgid_plural", "msgstr")
_OCTAL = "01234567"
_HEX = "0123456789abcdefABCDEF"
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FLAG_SEPARATORS = re.compile(r"[,\s]+")
_INDEX = re.compile(r"[ \t\r\f\v]*\[[ \t\r\f\v]*([0-9]+)[ \t\r\f\v]*\]")
_FIRST_MSGID = re.compile(rb"^[ \t]*msgid[ \t]*(.*)$", re.M)
_CHARSET = re.compile(rb"Content-Type:[^\n\"]*?charset=[ \t]*([^\s\"\\;]+)", re.I)
# Entry phases: what the grammar has seen of the entry being read.
_COMMENTS, _PREVIOUS, _CONTEXT, _MSGID, _PLURAL, _MSGSTR, _MSGSTRS = range(7)


def read_po(data: bytes, path: str = "<po>") -> PoFile:
    """The catalogue in `data`; raises PoSyntaxError on text msgfmt would reject."""
    text, encoding = decode(data, path)
    po = PoFile(path=path, encoding=encoding)
    for entry in _Parser(text, path, encoding).entries():
        if po.header is None and entry.is_header:
            po.header = entry
            po.metadata = metadata(entry.msgstr)
            po.field_lines = _field_lines(text, entry.msgstr_line)
        else:
            po.entries.append(entry)
    return po


def _field_lines(text: str, msgstr_line: int) -> dict[str, int]:
    """The line on which each `Key:` of the header's msgstr is written, so that a finding about
    one field (Plural-Forms) names its line; the header is the first entry, so this reads only
    the top of the file."""
    found: dict[str, int] = {}
    position, number = 0, 1
    while number < msgstr_line and position >= 0:
        position = text.find("\n", position) + 1 or -1
        number += 1
    while position >= 0:
        end = text.find("\n", position)
        line = text[position:end if end >= 0 else len(text)].strip()
        if number > msgstr_line and not line.startswith('"'):
            break
        name, colon, _ = line[line.find('"') + 1:].partition(":")
        if colon and name and '"' not in name:
            found.setdefault(name, number)
        position, number = (end + 1 if end >= 0 else -1), number + 1
    return found


def iter_po(data: bytes, path: str = "<po>") -> Iterator[PoEntry]:
    """The entries of `data` in file order (the header entry first when it comes first)."""
    text, encoding = decode(data, path)
    return _Parser(text, path, encoding).entries()


def metadata(header: str) -> dict[str, str]:
    """`Key: value` lines of a header msgstr, as polib reads them (continuations joined)."""
    found: dict[str, str] = {}
    key = None
    lines = header.split("\n")
    if lines[-1] == "":
        lines.pop()
    for line in lines:
        name, colon, value = line.partition(":")
        if colon:
            key = name
            found[key] = value.strip()
        elif key is not None:
            found[key] += "\n" + line.strip()
    return found


def decode(data: bytes, path: str = "<po>") -> tuple[str, str]:
    """The text of `data` and the codec it was decoded with (the header's charset, else UTF-8).

    The charset is sniffed from the bytes (the header is ASCII in every charset gettext
    allows), then the whole file is decoded once.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    encoding = "utf-8"
    first = _FIRST_MSGID.search(data)
    if first and first.group(1).strip() == b'""':
        later = _FIRST_MSGID.search(data, first.end())
        found = _CHARSET.search(data, first.end(), later.start() if later else len(data))
        if found and found.group(1).upper() != b"CHARSET":
            name = found.group(1).decode("ascii", "replace")
            try:
                encoding = codecs.lookup(name).name
            except LookupError:
                line = data.count(b"\n", 0, found.start()) + 1
                raise PoSyntaxError(f"charset {name!r} is not supported (Python has no codec "
                                    "for it)", path, line) from None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise PoSyntaxError(f"invalid multibyte sequence for charset {encoding}",
                            path, line) from None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines of `text` and their numbers. Lines end at LF only (str.splitlines would also
    end them at U+2028 and U+0085). A backslash at the end of a line joins the next line to it,
    both removed, anywhere in the file, as GNU's lexer (`lex_getc`) reads it; the joined line
    carries the number of its first line, and the lines after it keep theirs."""
    lines = text.split("\n")
    if "\\\n" not in text:
        yield from enumerate(lines, 1)
        return
    number = 0
    while number < len(lines):
        first, line = number + 1, lines[number]
        while line.endswith("\\") and number + 1 < len(lines):
            number += 1
            line = line[:-1] + lines[number]
        number += 1
        yield first, line


class _Parser:
    """One pass over the lines; each keyword or string advances the entry being read."""

    def __init__(self, text: str, path: str, encoding: str) -> None:
        self.text, self.path, self.encoding = text, path, encoding
        self.lineno = 0

    def error(self, message: str, line: int | None = None,
              column: int | None = None) -> NoReturn:
        raise PoSyntaxError(message, self.path, line or self.lineno, column)

    def entries(self) -> Iterator[PoEntry]:
        """The entries, through the fast path (`scan`) when it can read the text."""
        fast = scan(self.text)
        if fast is not None:
            return iter(fast)
        return self.full_entries()

    def full_entries(self) -> Iterator[PoEntry]:
        """The entries as GNU's lexer and grammar read them, every line through them."""
        self._reset(0)
        for lineno, raw in _lines(self.text):
            self.lineno = lineno
            line = raw.rstrip(_BLANK)
            start = len(line) - len(line.lstrip(_BLANK))
            if start == len(line):
                continue
            head = line[start]
            if head == "#":  # comments keep their trailing blanks, as in GNU gettext
                done = self._comment(raw[:-1] if raw[-1] == "\r" else raw, start)
            elif (line[-1] == '"' and line.count('"', start) == 2 and "\\" not in line
                  and "\0" not in line):  # the common case: one string with no escape
                quote = line.index('"', start)
                if quote == start:
                    self._string_token(line[quote + 1:-1], False, False)
                    continue
                keyword = line[start:quote].rstrip(_BLANK)
                number = None
                if keyword.startswith("msgstr[") and keyword[7:-1].isdigit() \
                        and keyword[-1] == "]":
                    keyword, number = "msgstr", int(keyword[7:-1])
                elif keyword not in _KEYWORDS:
                    done = self._tokens(line, start, False, False)
                    if done is not None:
                        yield done
                    continue
                done = self._keyword(keyword, number, False, False)
                self._string_token(line[quote + 1:-1], False, False)
            else:
                done = self._tokens(line, start, False, False)
            if done is not None:
                yield done
        last = self._finish()
        if last is not None:
            yield last

    def _reset(self, line: int) -> None:
        self.phase = _COMMENTS
        self.first = line
        self.tcomments: list[str] = []
        self.comments: list[str] = []
        self.refs: list[str] = []
        self.flags: list[str] = []
        self.fields: dict[str, str] = {}
        self.lines: dict[str, int] = {}
        self.msgstrs: list[str] = []
        self.msgstr_lines: list[int] = []
        self.current = ""  # the field strings go to; "" when none may follow
        self.pending = 0  # the line of a keyword still waiting for its first string
        self.obsolete: bool | None = None

    def _finish(self) -> PoEntry | None:
        """The entry read so far, if complete; an error if it stopped half-way."""
        self._need_string()
        phase = self.phase
        if phase in (_MSGID, _PLURAL):
            what = "msgstr[]" if phase == _PLURAL else "msgstr"
            self.error(f"missing '{what}' section", self.lines["msgid"])
        if phase in (_PREVIOUS, _CONTEXT):
            self.error("missing 'msgid' section")
        if phase == _COMMENTS:  # trailing comments belong to no message
            return None
        fields, lines = self.fields, self.lines
        plural = phase == _MSGSTRS
        return PoEntry(
            msgid=fields["msgid"], msgctxt=fields.get("msgctxt"),
            msgid_plural=fields.get("msgid_plural"),
            msgstr="" if plural else self.msgstrs[0],
            msgstr_plural=tuple(self.msgstrs) if plural else (),
            flags=tuple(self.flags), tcomment="\n".join(self.tcomments),
            comment="\n".join(self.comments), occurrences=tuple(self.refs),
            previous_msgctxt=fields.get("#msgctxt"), previous_msgid=fields.get("#msgid"),
            previous_msgid_plural=fields.get("#msgid_plural"), obsolete=bool(self.obsolete),
            line=self.first, msgctxt_line=lines.get("msgctxt"), msgid_line=lines["msgid"],
            msgstr_line=self.msgstr_lines[0], msgstr_lines=tuple(self.msgstr_lines))

    def _need_string(self) -> None:
        if self.pending:
            self.error("syntax error: a keyword without its string", self.pending)

    def _boundary(self) -> PoEntry | None:
        """A comment or an opening keyword: after a complete entry, a new one begins."""
        self._need_string()
        if self.phase >= _MSGSTR:
            done = self._finish()
            self._reset(self.lineno)
            return done
        if self.phase == _COMMENTS and not self.first:
            self.first = self.lineno
        return None

    def _comment(self, line: str, start: int) -> PoEntry | None:
        mark = line[start + 1:start + 2]
        if mark == "~":
            rest = start + 2
            if line[rest:rest + 1] == "|":
                return self._tokens(line, rest + 1, True, True)
            while rest < len(line) and line[rest] in _BLANK:
                rest += 1
            if rest == len(line):
                return None
            if line[rest] == "#":  # `#~ # text`: GNU reads a plain comment
                return self._comment(line, rest)
            return self._tokens(line, rest, True, False)
        if mark == "|":
            return self._tokens(line, start + 2, False, True)
        if self.pending or _PREVIOUS <= self.phase <= _PLURAL:
            self._finish()  # raises: a comment cannot come inside a message
        done = self._boundary()
        body = line[start + 2:]
        if mark in (",", "!"):
            self.flags.extend(flag for flag in _FLAG_SEPARATORS.split(body) if flag)
        elif mark == ":":
            self.refs.extend(body.split())
        elif mark == ".":
            self.comments.append(body[1:] if body.startswith(" ") else body)
        else:
            body = line[start + 1:]
            self.tcomments.append(body[1:] if body.startswith(" ") else body)
        return done

    def _tokens(self, line: str, index: int, obsolete: bool, previous: bool) -> PoEntry | None:
        done = None
        size = len(line)
        while index < size:
            char = line[index]
            if char in _BLANK:
                index += 1
            elif char == '"':
                value, index = self._string(line, index)
                self._string_token(value, obsolete, previous)
            else:
                word = _WORD.match(line, index)
                if word is None:
                    self.error("syntax error", column=index + 1)
                keyword = word.group()
                index = word.end()
                number = None
                if keyword == "msgstr" and (bracket := _INDEX.match(line, index)):
                    number = int(bracket.group(1))
                    index = bracket.end()
                if keyword == "domain" and not obsolete and not previous:
                    self.error("the 'domain' directive is not supported: msgfmt ignores it "
                               "when writing one file; split the catalogue by domain",
                               column=word.start() + 1)
                if keyword not in _KEYWORDS:
                    self.error(f'keyword "{keyword}" unknown', column=word.start() + 1)
                started = self._keyword(keyword, number, obsolete, previous)
                done = done or started
        return done

    def _keyword(self, keyword: str, number: int | None, obsolete: bool,
                 previous: bool) -> PoEntry | None:
        done = None
        phase = self.phase
        if previous:
            if keyword not in ("msgctxt", "msgid", "msgid_plural") or number is not None:
                self.error(f"syntax error: '#| {keyword}' is no previous field")
            done = self._boundary() if phase >= _MSGSTR or phase == _COMMENTS else None
            self._need_string()
            if self.phase not in (_COMMENTS, _PREVIOUS) or ("#" + keyword) in self.fields:
                self.error(f"syntax error: '#| {keyword}' out of order")
            self.phase = _PREVIOUS
            self._open("#" + keyword)
            return done
        if keyword in ("msgctxt", "msgid"):
            if phase in (_MSGID, _PLURAL):
                self.error(f"missing '{'msgstr[]' if phase == _PLURAL else 'msgstr'}' section",
                           self.lines["msgid"])
            done = self._boundary()
            if self.phase == _CONTEXT:
                if keyword == "msgctxt":
                    self.error("syntax error: msgctxt without msgid")
                if obsolete != self.obsolete:
                    self.error("inconsistent use of #~")
            self.phase = _CONTEXT if keyword == "msgctxt" else _MSGID
            self.obsolete = obsolete
        else:
            self._need_string()
            if self.obsolete is not None and obsolete != self.obsolete:
                self.error("inconsistent use of #~")
            if keyword == "msgid_plural":
                if phase != _MSGID:
                    self.error("syntax error: msgid_plural without msgid")
                self.phase = _PLURAL
            elif number is None:
                if phase == _PLURAL:
                    self.error("syntax error: msgstr in a plural message (msgstr[0] expected)")
                if phase != _MSGID:
                    self.error("syntax error: msgstr without msgid")
                self.phase = _MSGSTR
            else:
                if phase == _MSGID:
                    self.error("missing 'msgid_plural' section")
                if phase not in (_PLURAL, _MSGSTRS):
                    self.error("syntax error: msgstr[] without msgid_plural")
                if phase == _PLURAL and number != 0:
                    self.error("first plural form has nonzero index")
                if number != len(self.msgstrs):
                    self.error("plural form has wrong index")
                self.phase = _MSGSTRS
        if keyword == "msgstr":
            self.msgstrs.append("")
            self.msgstr_lines.append(self.lineno)
            self.current = "msgstr"
            self.pending = self.lineno
        else:
            self._open(keyword)
        return done

    def _open(self, name: str) -> None:
        self.fields[name] = ""
        self.lines[name] = self.lineno
        self.current = name
        self.pending = self.lineno

    def _string_token(self, value: str, obsolete: bool, previous: bool) -> None:
        current = self.current
        if not current or previous != current.startswith("#"):
            self.error("syntax error: a string without its keyword")
        if not previous and obsolete != self.obsolete:
            self.error("inconsistent use of #~")
        self.pending = 0
        if "\x04" in value:
            self.error("context separator <EOT> within string")
        if current == "msgstr":
            self.msgstrs[-1] += value
        else:
            self.fields[current] += value

    def _string(self, line: str, index: int) -> tuple[str, int]:
        """The value of the string opening at `index`, and the index after its closing quote."""
        begin = index + 1
        close = line.find('"', begin)
        slash = line.find("\\", begin)
        if close >= 0 and (slash < 0 or slash > close):
            value = line[begin:close]
            if "\0" in value:
                self._nul(value)
            return value, close + 1
        parts: list[str | bytes] = []
        index = begin
        while True:
            close = line.find('"', index)
            slash = line.find("\\", index)
            if close < 0 and slash < 0:
                at_end = self.lineno > self.text.count("\n")  # no LF after this line
                self.error("end-of-file within string" if at_end
                           else "end-of-line within string")
            if slash < 0 or 0 <= close < slash:
                parts.append(line[index:close])
                break
            parts.append(line[index:slash])
            char = line[slash + 1:slash + 2]
            index = slash + 2
            if char in _ESCAPES:
                parts.append(_ESCAPES[char])
            elif char and char in _OCTAL:
                end = slash + 2
                while end < slash + 4 and end < len(line) and line[end] in _OCTAL:
                    end += 1
                parts.append(bytes([int(line[slash + 1:end], 8) & 0xFF]))
                index = end
            elif char == "x" and line[index:index + 1] and line[index] in _HEX:
                end = index
                while end < len(line) and line[end] in _HEX:
                    end += 1
                parts.append(bytes([int(line[index:end], 16) & 0xFF]))
                index = end
            else:
                self.error("invalid control sequence", column=slash + 2)
        return self._join(parts), close + 1

    def _join(self, parts: list[str | bytes]) -> str:
        """Escaped bytes are bytes of the file's charset, as in GNU gettext."""
        if any(isinstance(part, bytes) for part in parts):
            raw = b"".join(part if isinstance(part, bytes) else part.encode(self.encoding)
                           for part in parts)
            try:
                value = raw.decode(self.encoding)
            except UnicodeDecodeError:
                self.error(f"invalid multibyte sequence for charset {self.encoding}")
        else:
            value = "".join(part for part in parts if isinstance(part, str))
        if "\0" in value:
            self._nul(value)
        return value

    def _nul(self, value: str) -> NoReturn:
        """A NUL byte (raw or escaped) in a string. GNU gettext keeps the string up to it and
        silently drops the rest (msgfmt and msgcat both accept the file); a translation that
        loses its end without a word is what this reader exists to prevent, so it refuses."""
        kept, _, lost = value.partition("\0")
        self.error(f"a NUL byte inside a string: gettext would keep {kept[-20:]!r} and silently "
                   f"drop {lost[:20]!r} after it; remove the byte")
