"""GNU msgfmt as the judge of what a catalogue is: `msgfmt --check -o /dev/null FILE`.

`judge(paths)` runs msgfmt on every file (two threads) and returns, for each file msgfmt
*rejects* (exit status not 0), its fatal messages as `(line, message, kind)`: `line` is the
LINE of msgfmt's `FILE:LINE: message` (None when msgfmt names no line), `kind` is "plural" for
everything msgfmt says about Plural-Forms, nplurals, plural expressions and the number of
msgstr[] translations, else "other" (format strings, header fields, line breaks, syntax,
duplicates...). Files msgfmt accepts are absent. msgfmt's warnings (`FILE:LINE: warning: ...`,
exit status 0, e.g. "header field 'Last-Translator' still has the initial default value") and
its summary line ("msgfmt: found 1 fatal error") are not reasons to reject, and are left out.

Seen over the corpus (Django 5.2.19 + Sphinx 9.0.4 wheels, 1,296 files; msgfmt (GNU
gettext-tools) 0.21), exactly these messages, the count being the number of lines printed:

  plural (36 files rejected, all Django, each with one pair of lines; 33 with N=2 and
  "have 3" (es, es_AR, fr, it, pt, pt_BR), 3 with N=4 and "have only 3" (he)):
    "nplurals = 2..."                                     33  (at the header's msgstr line)
    "nplurals = 4..."                                      3  (at the header's msgstr line)
    "...but some messages have 3 plural forms"            33  (at the msgstr[0] line of the
                                                               first entry with most forms)
    "...but some messages have only 3 plural forms"        3  (... fewest forms)
  other (3 files rejected: Django humanize sr_Latn, Sphinx el and fa):
    "a format specification for argument 'count' doesn't exist in 'msgstr[0]'"      6
    "'msgstr' is not a valid Python brace format string, unlike 'msgid'. Reason: In the
     directive number 0, there is an unterminated format directive."                 1
    "a format specification for argument 'current.__name__' doesn't exist in 'msgstr'" 1
    "a format specification for argument 'default.__name__' doesn't exist in 'msgstr'" 1
  warnings (exit status 0, not reasons; 20 Sphinx files):
    "warning: header field 'Last-Translator' still has the initial default value"  20

msgfmt reports a catalogue's plural mismatch once: the header line ("nplurals = N...") and
the first entry with the fewest (if fewer than N) or else the most (if more than N) msgstr[]
translations, not every such entry.

The plural vocabulary below is the whole of msgfmt 0.21's (from libgettextsrc-0.21's
strings), not only what the corpus shows, so that a new catalogue is classified right too.
Format-string messages that merely name `msgstr[0]` are not plural reasons. Seen on small
broken catalogues written by hand (not in the corpus), all classified "plural":

    FILE:2: invalid plural expression                      (+ "Try using the following, ...")
    FILE:2: nplurals = 2 but plural expression can produce values as large as 2
    FILE:2: nplurals = 0 but plural expression can produce values as large as 0
    FILE:8: message catalog has plural form translations...  (first plural entry's msgstr)
    FILE:2: ...but header entry lacks a "plural=EXPRESSION" attribute   (no Plural-Forms, or
    FILE:2: ...but header entry lacks a "nplurals=INTEGER" attribute     one without a part)
    FILE:9: first plural form has nonzero index
    FILE:10: plural form has wrong index

Lines: msgfmt names an entry by its msgstr (msgstr[0]) line, the header by its `msgstr ""`
line (not the Plural-Forms line).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

# msgfmt 0.21's messages about plural forms (the "%lu" filled in), as prefixes or fragments.
PLURAL_PATTERNS = [
    re.compile(p) for p in (
        r"^nplurals = \d+\.\.\.",                      # header half of a count mismatch
        r"^\.\.\.but some messages have (only )?(\d+|one) plural forms?",
        r"^nplurals = \d+ but plural expression can produce values as large as \d+",
        r"^plural expression can produce ",            # negative values, division by zero,
                                                       # integer overflow, arithmetic exceptions
        r"^invalid nplurals value",
        r"^invalid plural expression",
        r"^\.\.\.but header entry lacks a \"(nplurals=INTEGER|plural=EXPRESSION)\" attribute",
        r"^message catalog has plural form translations",  # ..., but lacks a header entry with
                                                           # "Plural-Forms: ..."
        r"^Try using the following, valid for ",      # msgfmt's suggestion after the above
        r"^\"Plural-Forms: ",                          # ... and the suggested header line
        r"^first plural form has nonzero index",
        r"^plural form has wrong index",
        r"^missing 'msgstr\[\]' section",
        r"^missing 'msgid_plural' section",
        r"^msgid '.*' is used without plural and with plural\.",
        r"^plural handling is a GNU gettext extension",
    )
]

_LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$")
_SUMMARY = re.compile(r"^(?:\S*/)?msgfmt: found \d+ fatal errors?$")  # argv[0] may be a path
_PROGRAM = re.compile(r"^(?:\S*/)?msgfmt: ")

Message = tuple[int | None, str, str]


def msgfmt() -> str:
    """The msgfmt executable; skips the calling test when GNU gettext is not installed."""
    found = shutil.which("msgfmt")
    if found is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    return found


def classify(message: str) -> str:
    """"plural" for msgfmt's messages about plural forms, else "other"."""
    text = message.strip().splitlines()[0] if message.strip() else ""
    return "plural" if any(p.search(text) for p in PLURAL_PATTERNS) else "other"


def parse(stderr: str, path: Path) -> list[Message]:
    """msgfmt's fatal messages in `stderr`, classified; warnings and the summary left out.

    An indented line continues the message before it (msgfmt's "Try using the following,
    valid for French:" and its suggested Plural-Forms line) and is folded into it.
    """
    found: list[Message] = []
    name = str(path)
    warning = False
    for raw in stderr.splitlines():
        if not raw.strip() or _SUMMARY.match(raw.strip()):
            continue
        if raw[:1].isspace():  # a continuation line
            if found and not warning:
                line, message, kind = found[-1]
                found[-1] = (line, f"{message} {raw.strip()}", kind)
            continue
        located = _LOCATED.match(raw)
        if located and (located["file"] == name or Path(located["file"]) == path):
            line: int | None = int(located["line"])
            message = located["message"]
        else:
            line, message = None, _PROGRAM.sub("", raw).removeprefix(f"{name}: ")
        warning = message.startswith("warning: ")
        if not warning:
            found.append((line, message, classify(message)))
    return found


def reasons(messages: list[Message]) -> list[list[Message]]:
    """The messages grouped into reasons: msgfmt writes some reasons as a pair, "X..." then
    one or more "...but Y" (e.g. "nplurals = 2..." and "...but some messages have 3 plural
    forms"; "message catalog has plural form translations..." and "...but header entry lacks
    a "plural=EXPRESSION" attribute")."""
    groups: list[list[Message]] = []
    for message in messages:
        if groups and message[1].startswith("...") and groups[-1][0][1].endswith("..."):
            groups[-1].append(message)
        else:
            groups.append([message])
    return groups


def check(path: Path, executable: str | None = None) -> tuple[int, str]:
    """`msgfmt --check -o /dev/null PATH`: (exit status, stderr), in the C locale."""
    env = dict(os.environ, LC_ALL="C", LANGUAGE="")
    done = subprocess.run([executable or msgfmt(), "--check", "-o", os.devnull, str(path)],
                          capture_output=True, text=True, errors="replace", env=env, timeout=60)
    return done.returncode, done.stderr


def judge(paths: Iterable[Path], workers: int = 2) -> dict[Path, list[Message]]:
    """{path: [(line, message, kind)]} for every file msgfmt rejects (see the module's doc)."""
    executable = msgfmt()
    paths = list(paths)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: check(p, executable), paths))
    verdict: dict[Path, list[Message]] = {}
    for path, (status, stderr) in zip(paths, results, strict=True):
        if status != 0:
            messages = parse(stderr, path)
            verdict[path] = messages or [(None, stderr.strip() or f"exit status {status}",
                                          "other")]
    return verdict


def plural_rejects(verdict: dict[Path, list[Message]]) -> dict[Path, list[Message]]:
    """The files msgfmt rejects for at least one plural reason, with those reasons."""
    return {path: [m for m in messages if m[2] == "plural"]
            for path, messages in verdict.items() if any(m[2] == "plural" for m in messages)}
