"""Which rules apply, at what severity: `--select`/`--ignore` by code prefix, longest prefix wins."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from xlate.model import Finding, Severity


def _longest(code: str, prefixes: Iterable[str]) -> str | None:
    matches = [p for p in prefixes if code.startswith(p)]
    return max(matches, key=len) if matches else None


@dataclass(frozen=True)
class Selection:
    """A rule filter. An empty `select` selects every rule."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        chosen = _longest(code, self.select) if self.select else ""
        if chosen is None:
            return False
        dropped = _longest(code, self.ignore)
        # The more specific prefix wins; on a tie (same prefix in both), ignore wins.
        return dropped is None or len(chosen) > len(dropped)

    def severity_of(self, finding: Finding) -> Severity:
        key = _longest(finding.code, self.severity)
        return self.severity[key] if key is not None else finding.severity

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """The enabled findings, with configured severities, sorted by position."""
        result = []
        for finding in findings:
            if not self.enabled(finding.code):
                continue
            level = self.severity_of(finding)
            if level is not finding.severity:
                finding = _replace(finding, severity=level)
            result.append(finding)
        return sorted(result, key=Finding.sort_key)


def _replace(finding: Finding, **changes: object) -> Finding:
    from dataclasses import replace

    return replace(finding, **changes)


def worst_exit(findings: Iterable[Finding], fail_on: Severity) -> int:
    """0 when nothing is at or above `fail_on`, else 1."""
    return 1 if any(f.severity.rank >= fail_on.rank for f in findings) else 0
