"""tests/data/bad/: one file for each way an input can be broken, and README.md's table of what
xlate must do with it (issue 12). The table is the test: every row is parsed from README.md and
run as a real process, in a scratch copy of the folder (plus the files the table says are
created at run time), asserting the exit status, the one-line message on stderr, no traceback,
and that standard output is a whole JSON document (or empty, for a command that could not
start). A row whose "Known bug" cell is filled is run as xfail(strict=True) for that part, so
the table says what xlate should do and the test turns green the day it does."""

from __future__ import annotations

import fnmatch
import glob
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "bad"
HEADER = ["File", "What is wrong", "Command", "Exit", "Expected message", "Findings",
          "Stdout", "Known bug"]
FOLDERS = ("po", "glossary", "config", "articles", "tbx", "csv")
ERROR = "xlate: error: "
NONE = ("", "—", "-")
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass(frozen=True)
class Row:
    file: str
    what: str
    command: str
    exit: int
    message: str
    findings: str
    stdout: str
    bug: str

    @property
    def id(self) -> str:
        return self.file

    @property
    def aspect(self) -> str | None:
        """Which part the known bug breaks: run (all of it), message, or stdout."""
        match = re.match(r"\[(run|message|stdout)\]", self.bug)
        assert match or not self.bug, f"{self.file}: a known bug starts with [run], " \
                                      f"[message] or [stdout]: {self.bug!r}"
        return match.group(1) if match else None

    @property
    def pattern(self) -> bool:
        return "*" in self.file


def _cells(line: str) -> list[str]:
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _code(cell: str) -> str:
    return cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == "`" else cell


def parse_table(text: str) -> list[Row]:
    """The rows of every table of README.md whose header is HEADER."""
    rows, inside = [], False
    for line in text.splitlines():
        if not line.startswith("|"):
            inside = False
            continue
        cells = _cells(line)
        if cells == HEADER:
            inside = True
        elif inside and not set(line) <= set("|-: "):
            assert len(cells) == len(HEADER), f"README.md: a row needs {len(HEADER)} cells: {line}"
            file, what, command, status, message, findings, stdout, bug = cells
            rows.append(Row(_code(file), what, _code(command), int(status), _code(message),
                            findings, stdout, bug))
    return rows


ROWS = parse_table((DATA / "README.md").read_text(encoding="utf-8"))

# --- the files the table says are created at run time, not committed --------------------------

BIG_HEADER = ('msgid ""\nmsgstr ""\n"Language: ko\\n"\n'
              '"Content-Type: text/plain; charset=UTF-8\\n"\n'
              '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n')
BIG_NOTE = "#. " + "background " * 90 + "\n"


def _big(path: Path) -> None:
    """A 50 MB catalogue: 9,967 entries, each under five long extracted comments, and last an
    entry the glossary finds fault with, so that a report proves the whole file was read."""
    parts, size, number = [BIG_HEADER], len(BIG_HEADER), 0
    while size < 50_000_000:
        part = BIG_NOTE * 5 + f'msgid "Statement {number}."\nmsgstr "성명 {number}."\n\n'
        parts.append(part)
        size += len(part.encode())
        number += 1
    parts.append('msgid "Mark Rutte spoke."\nmsgstr "뤼터는 말했다."\n')
    path.write_text("".join(parts), encoding="utf-8")


def _unreadable(path: Path) -> None:
    shutil.copyfile(DATA / "po" / "crlf.po", path)
    path.chmod(0)


GENERATED = {
    "po/big.po": _big,
    "po/x.po": Path.mkdir,
    "po/unreadable.po": _unreadable,
    "po/loop.po": lambda path: path.symlink_to(path.name),
    "po/dangling.po": lambda path: path.symlink_to("nowhere.po"),
}
NEEDS_NON_ROOT = {"po/unreadable.po"}  # root reads a file whatever its mode


# --- running the rows ------------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str  # with the scratch folder's absolute prefix removed

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith(ERROR)]


def _argv(command: str, scratch: Path, glossary: Path) -> tuple[list[str], Path]:
    cwd = scratch
    words = shlex.split(command.replace("$GLOSSARY", str(glossary)))
    if words[0] == "cd":
        assert words[2] == "&&", command
        cwd, words = scratch / words[1], words[3:]
    assert words[0] == "xlate", command
    args: list[str] = []
    for word in words[1:]:
        if "*" in word:
            matches = sorted(glob.glob(word, root_dir=cwd))
            assert matches, f"{word} matches nothing in {cwd}"
            args.extend(matches)
        else:
            args.append(word)
    return [sys.executable, "-m", "xlate", *args], cwd


def _run(row: Row, scratch: Path, glossary: Path, env: dict[str, str]) -> Run:
    argv, cwd = _argv(row.command, scratch, glossary)
    done = subprocess.run(argv, cwd=cwd, capture_output=True, env=env, timeout=300)
    stderr = done.stderr.decode("utf-8", "replace")
    for prefix in {str(scratch.resolve()), str(scratch)}:
        stderr = stderr.replace(prefix + "/", "")
    return Run(done.returncode, done.stdout.decode("utf-8", "replace"), stderr)


@pytest.fixture(scope="session")
def runs(tmp_path_factory) -> dict[Row, Run]:
    """Every row of the table, run once in a scratch copy of tests/data/bad (four at a time)."""
    base = tmp_path_factory.mktemp("bad-inputs")
    scratch = base / "bad"
    shutil.copytree(DATA, scratch, symlinks=True)
    glossary = base / "repository-glossary"  # an import that went wrong can touch only a copy
    shutil.copytree(ROOT / "glossary", glossary)
    for name, make in GENERATED.items():
        make(scratch / name)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200",
           "XLATE_CACHE_DIR": str(base / "cache")}
    env.pop("GITHUB_ACTIONS", None)
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            futures = {row: pool.submit(_run, row, scratch, glossary, env) for row in ROWS
                       if not (AS_ROOT and row.file in NEEDS_NON_ROOT)}
            return {row: future.result() for row, future in futures.items()}
    finally:
        (scratch / "po" / "unreadable.po").chmod(0o644)  # so that pytest can remove it


def _path_of(message: str) -> str:
    """The file an expected message names: `xlate: error: po/a.po:7: ...` -> po/a.po."""
    return message[len(ERROR):].split(":")[0]


def _expected_findings(row: Row) -> tuple[set[tuple[str, int, str]], bool]:
    """(path, line, code) of each finding the row names, and whether others may follow."""
    cell = row.findings
    if cell in NONE or cell == "none":
        return set(), False
    more = cell.endswith(("…", "..."))
    items = [item.strip().strip("`") for item in cell.rstrip(".…").split(";") if item.strip()]
    found = set()
    for item in items:
        where, code = item.rsplit(" ", 1)
        path, line = where.rsplit(":", 1)
        found.add((path, int(line), code))
    return found, more


def _reported(stdout: str) -> set[tuple[str, int, str]]:
    return {(f["path"], f["line"], f["code"]) for f in json.loads(stdout)["findings"]}


def _members(row: Row) -> list[Row]:
    """For a row over a glob (`po/*`): the rows of the files it matches that give the same
    command for their file alone, in the order the glob lists them."""
    pattern = row.file
    found = [other for other in ROWS if not other.pattern and "*absent*" not in other.what
             and fnmatch.fnmatch(other.file, pattern)
             and other.command == row.command.replace(pattern, other.file)]
    return sorted(found, key=lambda other: other.file)


def _summary(count: int) -> str:
    return f"{ERROR}{count} inputs could not be processed; the report covers the others"


def check(row: Row, run: Run, *, full: bool) -> None:
    """The row's expectations; with full=False, without the part its known bug breaks."""
    skip = None if full else row.aspect
    assert run.status == row.exit, run.stderr
    assert "Traceback" not in run.stderr
    if row.pattern:
        members = [m for m in _members(row) if not (AS_ROOT and m.file in NEEDS_NON_ROOT)]
        lines = [m.message for m in members if m.message not in NONE]
        assert row.message == _summary(len([m for m in _members(row)
                                            if m.message not in NONE])), "README.md"
        if skip == "message":  # the lines that are right, in order, among the others
            good = [m.message for m in members if m.message not in NONE and not m.bug]
            assert [line for line in run.errors if line in good] == good
        else:
            assert run.errors == [*lines, _summary(len(lines))]
        if skip != "stdout":
            reported = _reported(run.stdout)
            for member in members:
                if not member.bug:
                    assert _expected_findings(member)[0] <= reported, member.file
        return
    if row.message in NONE:
        assert run.errors == [], run.stderr
    elif skip == "message":
        assert any(line.startswith(ERROR + _path_of(row.message)) for line in run.errors), \
            run.stderr
    else:
        assert row.message in run.stderr.splitlines(), run.stderr
    if skip == "stdout":
        return
    if row.stdout == "empty":
        assert run.stdout == ""
    else:
        assert row.stdout == "json", f"README.md: Stdout is json or empty, not {row.stdout!r}"
        expected, more = _expected_findings(row)
        reported = _reported(run.stdout)
        assert expected <= reported if more else expected == reported


# --- the tests -------------------------------------------------------------------------------

def _params(rows):
    return [pytest.param(row, id=row.id) for row in rows]


@pytest.mark.parametrize("row", _params([row for row in ROWS if row.aspect != "run"]))
def test_row(row, runs):
    if row not in runs:
        pytest.skip("run as root, who reads any file whatever its mode")
    check(row, runs[row], full=False)


@pytest.mark.parametrize("row", [pytest.param(row, id=row.id, marks=pytest.mark.xfail(
    strict=True, reason=row.bug)) for row in ROWS if row.bug])
def test_known_bug(row, runs):
    check(row, runs[row], full=True)


def test_the_table_names_every_file_and_every_file_it_names_is_there(runs):
    named = {row.file for row in ROWS if not row.pattern}
    assert named, "README.md has no table"
    for row in ROWS:
        if not row.pattern and "*absent*" not in row.what:
            present = (DATA / row.file).exists() or os.path.lexists(DATA / row.file)
            assert present or row.file in GENERATED, f"{row.file} is neither committed nor made"
            assert not (present and row.file in GENERATED), f"{row.file} is made at run time"
    covered = {Path(name).parent for name in named if len(Path(name).parts) > 2}
    for folder in FOLDERS:
        for path in sorted((DATA / folder).rglob("*")):
            name = path.relative_to(DATA)
            if path.is_file() and not any(parent in covered for parent in name.parents):
                assert name.as_posix() in named, f"{name} has no row in README.md"
    for row in ROWS:
        if row.pattern:
            assert _members(row), f"{row.file} matches no row"
