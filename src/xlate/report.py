"""Renderers of findings: one small function per format, all fed the same sorted records."""

from __future__ import annotations

import json
from typing import Callable, Sequence

from xlate.model import Finding, Severity

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


def render_json(findings: Sequence[Finding]) -> str:
    """`{"findings": [...], "summary": {...}}`, the shape every reporting command shares."""
    payload = {"findings": [finding_dict(f) for f in findings], "summary": summary(findings)}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_text(findings: Sequence[Finding], *, color: bool = False) -> str:
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
