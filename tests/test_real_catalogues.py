"""xlate on the world's catalogues, not our fixtures: the 1,296 `.po` files of the Django 5.2.19
and Sphinx 9.0.4 wheels (tests/corpus.py), judged by GNU msgfmt (tests/msgfmt_judge.py).

Skipped, with the reason, when the wheels cannot be downloaded or msgfmt is not installed.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

import corpus as corpus_module
import msgfmt_judge

# The session fixtures corpus, msgfmt_verdict and babel_hostile.
pytest_plugins = ["corpus_fixtures"]

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "glossary"
SCHEMA = Path(__file__).parent / "data" / "schemas" / "sarif-2.1.0-rtm.5.json"
PLURAL_ERRORS = {"C502", "C505"}
SAMPLE = 40  # at most this many babel-hostile files per run of test (b)
SHOWN = 40  # at most this many files per section of a failure report

_HEADER_HALF = re.compile(r"^nplurals = (\d+)\.\.\.$")   # msgfmt's header half of a mismatch
_ENTRY_HALF = re.compile(r"^\.\.\.but some messages have ")


def xlate(args: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """`python -m xlate ARGS` as a real process, run from `cwd` (outside the repository, so
    that the repository's [tool.xlate] configuration does not apply)."""
    return subprocess.run([sys.executable, "-m", "xlate", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


def _resolve(path: str, cwd: Path) -> Path:
    return (cwd / path).resolve()


def _findings(stdout: str) -> list[dict]:
    # babel prints `WARNING: ...` lines to stdout on some of these catalogues; that corruption
    # is test (b)'s business, so this test reads the JSON document around it.
    kept = "\n".join(line for line in stdout.splitlines() if not line.startswith("WARNING: "))
    return json.loads(kept)["findings"]


def _nplurals(path: Path, messages: list[msgfmt_judge.Message]) -> int | None:
    for _, message, _ in messages:
        if match := _HEADER_HALF.match(message):
            return int(match.group(1))
    match = re.search(r"nplurals\s*=\s*(\d+)", path.read_text(encoding="utf-8", errors="replace"))
    return int(match.group(1)) if match else None


def _msgstr_count_at(lines: list[str], line: int) -> int | None:
    """How many msgstr[i] the entry whose `msgstr[0]` is on `line` has (None if it is not)."""
    if not 1 <= line <= len(lines) or not lines[line - 1].startswith("msgstr[0]"):
        return None
    count = 0
    for text in lines[line - 1:]:
        if text.startswith("msgstr["):
            count += 1
        elif not text.startswith('"'):
            break
    return count


def _line_problems(path: Path, ours: list[dict], theirs: list[msgfmt_judge.Message]) -> list[str]:
    """Where xlate's plural errors and msgfmt's plural reasons disagree on lines, for one file.

    msgfmt writes some reasons as a pair of lines (msgfmt_judge.reasons). For a count mismatch
    it names the header ("nplurals = N...") and only the first entry with the fewest or most
    translations ("...but some messages have ..."). So:
    - a count mismatch's entry line must carry an xlate plural error (C505 is the entry's);
    - every other reason must carry one on at least one of its lines (when it names any);
    - every xlate plural error must be on a line msgfmt names, except a C505 on another
      entry's msgstr[0] line whose msgstr[] count really differs from the header's nplurals
      (msgfmt stops at the first such entry).
    """
    problems = []
    named = {line for line, _, _ in theirs if line is not None}
    lines_ours = {finding["line"] for finding in ours}
    for reason in msgfmt_judge.reasons(theirs):
        located = [(line, message) for line, message, _ in reason if line is not None]
        entry_half = [(line, message) for line, message in located if _ENTRY_HALF.match(message)]
        wanted = entry_half or located
        if wanted and not any(line in lines_ours for line, _ in wanted):
            where = " or ".join(f"line {line} ({message})" for line, message in wanted)
            problems.append(f"  msgfmt {where}: no xlate plural error there")
    lines = None
    nplurals = _nplurals(path, theirs)
    for finding in ours:
        if finding["line"] in named:
            continue
        if finding["code"] == "C505":
            if lines is None:
                lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
            count = _msgstr_count_at(lines, finding["line"])
            if count is not None and nplurals is not None and count != nplurals:
                continue  # a later mismatched entry, which msgfmt does not list
        problems.append(f"  xlate {finding['code']} at line {finding['line']} "
                        f"({finding['message']}) is at no line msgfmt names "
                        f"{sorted(named) or '(none)'}")
    return problems


def _section(title: str, rows: dict[Path, list[str]], base: Path) -> list[str]:
    if not rows:
        return []
    out = [f"{title}: {len(rows)} files"]
    for path in sorted(rows)[:SHOWN]:
        out.append(f"{path.relative_to(base)}")
        out.extend(rows[path])
    if len(rows) > SHOWN:
        out.append(f"... and {len(rows) - SHOWN} more files")
    return out


def test_corpus_is_the_two_wheels(corpus):
    base = corpus_module.corpus_root()
    counts = Counter(path.relative_to(base).parts[0].split("-")[0] for path in corpus)
    assert dict(counts) == corpus_module.EXPECTED


def test_plural_errors_are_exactly_what_msgfmt_rejects(corpus, msgfmt_verdict, tmp_path):
    """The files with an error-severity C502 (header: invalid Plural-Forms or expression,
    nplurals < 1, plural entries without Plural-Forms) or C505 (an entry with a msgstr[] count
    other than nplurals) are exactly those msgfmt --check rejects for plural reasons, on the
    lines msgfmt names (see _line_problems). Warnings (C506: a formula not among the known
    ones for the language) are allowed anywhere."""
    done = xlate(["check", "--glossary", str(GLOSSARY), "--select", "C5", "--format", "json",
                  *map(str, corpus)], cwd=tmp_path)
    assert done.returncode in (0, 1), f"exit {done.returncode}\n{done.stderr[-3000:]}"
    findings = _findings(done.stdout)

    ours: dict[Path, list[dict]] = {}
    for finding in findings:
        if finding["code"] in PLURAL_ERRORS and finding["severity"] == "error":
            ours.setdefault(_resolve(finding["path"], tmp_path), []).append(finding)
    verdict = {path.resolve(): messages for path, messages in msgfmt_verdict.items()}
    theirs = msgfmt_judge.plural_rejects(verdict)
    rejected_otherwise = set(verdict) - set(theirs)
    assert set(ours) <= {path.resolve() for path in corpus}, "xlate reported unknown paths"

    def show_ours(path: Path) -> list[str]:
        return [f"  xlate {f['code']} line {f['line']}: {f['message']}"
                for f in sorted(ours[path], key=lambda f: f["line"])][:8]

    def show_theirs(path: Path) -> list[str]:
        return [f"  msgfmt line {line}: {message}" for line, message, _ in theirs[path]]

    only_ours = {p: show_ours(p) + (["  (msgfmt rejects it, for other reasons: "
                                     f"{[m for _, m, _ in verdict[p]][:2]})"]
                                    if p in rejected_otherwise else ["  (msgfmt accepts it)"])
                 for p in set(ours) - set(theirs)}
    only_theirs = {p: show_theirs(p) for p in set(theirs) - set(ours)}
    misplaced = {p: show_theirs(p) + problems for p in set(ours) & set(theirs)
                 if (problems := _line_problems(p, ours[p], theirs[p]))}

    base = corpus_module.corpus_root().resolve()
    codes = Counter((f["code"], f["severity"]) for f in findings)
    report = [f"xlate: plural errors in {len(ours)} files; msgfmt: plural rejections in "
              f"{len(theirs)} files (and {len(rejected_otherwise)} rejected for other reasons) "
              f"of {len(corpus)}; xlate findings by code: {dict(sorted(codes.items()))}"]
    report += _section("Flagged by xlate only", only_ours, base)
    report += _section("Rejected by msgfmt for plural reasons, not flagged by xlate",
                       only_theirs, base)
    report += _section("Both, but the lines disagree", misplaced, base)
    assert not (only_ours or only_theirs or misplaced), "\n".join(report)


FORMATS = ["text", "json", "sarif", "github", "junit"]


def _parses(fmt: str, stdout: str) -> None:
    if fmt == "text":
        bad = [line for line in stdout.splitlines() if line.startswith("WARNING:")]
        assert not bad, f"{len(bad)} stray lines in the text report, e.g. {bad[:3]}"
    elif fmt == "json":
        document = json.loads(stdout)
        assert document["findings"], "no findings on catalogues msgfmt rejects"
        for finding in document["findings"]:
            assert finding["path"] and isinstance(finding["line"], int), finding
    elif fmt == "sarif":
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(json.loads(stdout), json.loads(SCHEMA.read_text(encoding="utf-8")))
    elif fmt == "github":
        bad = [line for line in stdout.splitlines() if line.strip()
               and not line.startswith(("::error ", "::warning ", "::notice "))]
        assert not bad, f"{len(bad)} lines are no workflow commands, e.g. {bad[:3]}"
    elif fmt == "junit":
        root = ET.fromstring(stdout)
        assert root.tag in ("testsuites", "testsuite"), root.tag


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_over_catalogues_that_made_babel_print(fmt, babel_hostile,
                                                                   tmp_path):
    if not babel_hostile:
        pytest.skip("babel prints nothing on this corpus: no hostile sample")
    sample = sorted(babel_hostile)[:SAMPLE]
    done = xlate(["check", "--glossary", str(GLOSSARY), "--format", fmt, *map(str, sample)],
                 cwd=tmp_path)
    assert done.returncode in (0, 1), f"exit {done.returncode}\n{done.stderr[-3000:]}"
    try:
        _parses(fmt, done.stdout)
    except (ValueError, ET.ParseError) as error:  # json.JSONDecodeError is a ValueError
        lines = done.stdout.splitlines()
        pytest.fail(f"--format {fmt} over {len(sample)} files does not parse: {error}\n"
                    f"first lines of stdout: {lines[:4]}")
