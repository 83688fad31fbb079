"""Renderers of findings: one small function per format, all fed the same sorted records."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from json.encoder import encode_basestring

from xlate.model import Finding, Severity
from xlate.rules.registry import Rule

FIELDS = ("path", "line", "column", "end_line", "end_column", "code", "rule", "severity",
          "message", "term", "found", "expected", "msgid")


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    counts = {s.value: 0 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts


def finding_dict(finding: Finding) -> dict[str, object]:
    record = {name: getattr(finding, name) for name in FIELDS}
    record["severity"] = finding.severity.value
    record["end_line"] = finding.end_line or finding.line
    record["end_column"] = finding.end_column or finding.column
    return record


def _scalar(value: object) -> str:
    """A finding's value (text, number or nothing) as json.dumps writes it, through json's C
    string encoder."""
    if value is None:
        return "null"
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value)


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _record(f: Finding) -> str:
    """One finding as `json.dumps(finding_dict(f), ensure_ascii=False, indent=2)` nests it in
    the report, each string through json's C encoder; bools never occur in a finding."""
    return (f'    {{\n      "path": {encode_basestring(f.path)},\n      "line": {int(f.line)},'
            f'\n      "column": {int(f.column)},\n      "end_line": {int(f.end_line or f.line)},'
            f'\n      "end_column": {int(f.end_column or f.column)},'
            f'\n      "code": {encode_basestring(f.code)},'
            f'\n      "rule": {encode_basestring(f.rule)},'
            f'\n      "severity": {encode_basestring(f.severity.value)},'
            f'\n      "message": {encode_basestring(f.message)},\n      "term": {_text(f.term)},'
            f'\n      "found": {_text(f.found)},\n      "expected": {_text(f.expected)},'
            f'\n      "msgid": {_text(f.msgid)}\n    }}')


def iter_json(findings: Sequence[Finding], **_: object) -> Iterator[str]:
    """`{"findings": [...], "summary": {...}}`, the shape every reporting command shares, in
    pieces a writer can send on as they come (500 findings each), so that a report of 56,000
    findings is never one 50 MB string, let alone three.

    The bytes of `json.dumps(payload, ensure_ascii=False, indent=2)`, built record by record:
    with `indent`, json falls back to its pure-Python encoder (2.1 s for 56,000 findings), while
    each string encoded alone takes the C path (a test holds the two outputs equal).
    """
    if not findings:
        yield '{\n  "findings": [],\n'
    else:
        for start in range(0, len(findings), 500):
            head = '{\n  "findings": [\n' if start == 0 else ",\n"
            yield head + ",\n".join(_record(f) for f in findings[start:start + 500])
        yield "\n  ],\n"
    counts = ",\n".join(f"    {_scalar(k)}: {v}" for k, v in summary(findings).items())
    yield '  "summary": {\n' + counts + "\n  }\n}\n"


def render_json(findings: Sequence[Finding], **options: object) -> str:
    """`iter_json` as one string."""
    return "".join(iter_json(findings, **options))


def render_text(findings: Sequence[Finding], *, color: bool = False, **_: object) -> str:
    """`path:line:col: CODE [rule] message`, then the found text and the fix, one finding a line."""
    lines = []
    for f in findings:
        code = f.code
        if color:
            tint = {"error": "31", "warning": "33", "info": "36"}[f.severity.value]
            code = f"\x1b[1;{tint}m{f.code}\x1b[0m"
        line = f"{f.path}:{f.line}:{f.column}: {code} [{f.rule}] {f.message}"
        if f.expected is not None and f.found is not None and f.expected not in f.message:
            line += f" (found '{f.found}', use '{f.expected}')"
        lines.append(line)
    counts = summary(findings)
    total = sum(counts.values())
    if total:
        parts = [f"{n} {name}{'s' if n != 1 else ''}" for name, n in counts.items() if n]
        lines.append(f"Found {total} finding{'s' if total != 1 else ''}: {', '.join(parts)}.")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[..., str]] = {"text": render_text, "json": render_json}


_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(findings: Sequence[Finding], *, rules: Iterable[Rule] = (),
                 **_: object) -> str:
    """SARIF 2.1.0: one run, rule metadata in tool.driver.rules, stable fingerprints."""
    from xlate import __version__

    rule_list = list(rules)
    index = {rule.code: number for number, rule in enumerate(rule_list)}
    driver = {
        "name": "xlate",
        "version": __version__,
        "informationUri": "https://pypi.org/project/xlate-glossary/",
        "rules": [{
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary.split(". ")[0].rstrip(".") + "."},
            "fullDescription": {"text": rule.summary},
            "help": {"text": rule.doc(), "markdown": rule.doc()},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity.value]},
        } for rule in rule_list],
    }
    results = []
    for f in findings:
        result: dict[str, object] = {
            "ruleId": f.code,
            "level": _SARIF_LEVEL[f.severity.value],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line or f.line,
                           "endColumn": f.end_column or f.column + 1},
            }}],
            "partialFingerprints": {"xlateFinding/v1": fingerprint(f)},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        properties = {k: getattr(f, k) for k in ("term", "found", "expected", "msgid")
                      if getattr(f, k) is not None}
        if properties:
            result["properties"] = properties
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results,
                  "columnKind": "unicodeCodePoints"}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:")


def fingerprint(finding: Finding) -> str:
    """A hash of what a finding is about, not where: rule, term, found text, file."""
    import hashlib

    key = "\x1f".join((finding.code, finding.term or "", finding.found or "", finding.path))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(findings: Sequence[Finding], **_: object) -> str:
    """GitHub Actions workflow commands: `::error file=...,line=...::message`, escaped."""
    lines = []
    for f in findings:
        props = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line:
            props.append(f"endLine={f.end_line}")
        if f.end_column:
            props.append(f"endColumn={f.end_column}")
        props.append(f"title={_escape_property(f'{f.code} [{f.rule}]')}")
        lines.append(f"::{_GITHUB_LEVEL[f.severity.value]} {','.join(props)}::"
                     f"{_escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)


def render_junit(findings: Sequence[Finding], *, files: Sequence[str] = (),
                 suite: str = "xlate", **_: object) -> str:
    """JUnit XML: one test case per finding (a failure), and one passing case per clean file."""
    from xml.sax.saxutils import escape, quoteattr

    failing = {f.path for f in findings}
    cases = []
    for f in findings:
        name = f"{f.code} {f.rule} at {f.line}:{f.column}"
        body = f"{f.path}:{f.line}:{f.column}: {f.message}"
        cases.append(
            f"    <testcase classname={quoteattr(f.path)} name={quoteattr(name)}>\n"
            f"      <failure type={quoteattr(f.code)} message={quoteattr(f.message)}>"
            f"{escape(body)}</failure>\n    </testcase>")
    for path in files:
        if path not in failing:
            cases.append(f"    <testcase classname={quoteattr(path)} name=\"no findings\"/>")
    total = len(cases)
    header = (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name={quoteattr(suite)} '
              f'tests="{total}" failures="{len(findings)}">\n  <testsuite name={quoteattr(suite)} '
              f'tests="{total}" failures="{len(findings)}" errors="0" skipped="0">\n')
    return header + "".join(c + "\n" for c in cases) + "  </testsuite>\n</testsuites>\n"


RENDERERS.update({"sarif": render_sarif, "github": render_github, "junit": render_junit})

# Formats whose output can be written as it is produced (the others are one string).
STREAMS: dict[str, Callable[..., Iterator[str]]] = {"json": iter_json}
