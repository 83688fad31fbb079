"""Baselines: today's findings recorded so that CI fails only on new ones.

Findings are matched by file, rule, term and found text, never by line, so edits elsewhere in a
file do not break the baseline; a recorded finding that occurs twice is recorded with count 2.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from xlate.errors import XlateError
from xlate.model import Finding

Key = tuple[str, str, str, str]
_SPACES = re.compile(r"\s+")


def key_of(finding: Finding) -> Key:
    return (finding.path, finding.code, finding.term or "", _SPACES.sub(" ", finding.found or ""))


def dump_baseline(findings: Iterable[Finding]) -> str:
    """The baseline file's text: sorted, one object per distinct finding, with a count."""
    counts = Counter(key_of(f) for f in findings)
    rows = [{"path": p, "code": c, "term": t or None, "found": f or None, "count": n}
            for (p, c, t, f), n in sorted(counts.items())]
    payload = {"format": "xlate-baseline", "version": 1, "findings": rows}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def load_baseline(text: str, path: str) -> Counter[Key]:
    """Parse a baseline file; a malformed one is an XlateError naming the file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise XlateError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno,
                         column=exc.colno) from exc
    if not isinstance(data, dict) or data.get("format") != "xlate-baseline":
        raise XlateError("not an xlate baseline (expected \"format\": \"xlate-baseline\")",
                         path=path)
    if data.get("version") != 1:
        raise XlateError(f"unsupported baseline version {data.get('version')!r}", path=path)
    counts: Counter[Key] = Counter()
    for number, row in enumerate(data.get("findings", [])):
        try:
            key = (row["path"], row["code"], row.get("term") or "", row.get("found") or "")
            count = int(row.get("count", 1))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise XlateError(f"baseline entry {number + 1} needs path, code and count",
                             path=path) from None
        counts[key] += count
    return counts


def filter_new(findings: Sequence[Finding], baseline: Counter[Key]) -> tuple[list[Finding], int]:
    """The findings not covered by the baseline, and how many were covered."""
    budget = Counter(baseline)
    fresh: list[Finding] = []
    covered = 0
    for finding in findings:
        key = key_of(finding)
        if budget[key] > 0:
            budget[key] -= 1
            covered += 1
        else:
            fresh.append(finding)
    return fresh, covered
