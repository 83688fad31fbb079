"""Which rules apply, at what severity: `--select`/`--ignore` by code prefix, longest prefix
wins."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from xlate.errors import XlateError
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
                finding = replace(finding, severity=level)
            result.append(finding)
        return sorted(result, key=Finding.sort_key)


def worst_exit(findings: Iterable[Finding], fail_on: Severity) -> int:
    """0 when nothing is at or above `fail_on`, else 1."""
    return 1 if any(f.severity.rank >= fail_on.rank for f in findings) else 0


def known_prefixes() -> set[str]:
    """Every code of the registry and every prefix of one (T, T1, T10, T101)."""
    from xlate.rules import REGISTRY

    return {r.code[:n] for r in REGISTRY for n in range(1, len(r.code) + 1)}


def check_code(code: str, what: str, *, path: str | None = None,
               error: type[XlateError] = XlateError) -> str:
    """`code` in upper case when it is a known rule code or a prefix of one, else `error`
    naming the nearest known ones.

    An unknown prefix would otherwise select nothing and silently pass every check (ruff and
    flake8 refuse one for the same reason).
    """
    key = code.strip().upper()
    known = known_prefixes()
    if key in known:
        return key
    from xlate.rules import REGISTRY

    named = REGISTRY.get(code) if code.strip() else None
    if named is not None:
        hint = f"that is the name of {named.code}: use the code"
    else:
        hint = "nearest known: " + ", ".join(sorted(nearest(key, known)))
    raise error(f"{what}: unknown rule code or prefix '{code}' ({hint})", path=path)


def nearest(key: str, known: Iterable[str], count: int = 3) -> list[str]:
    """The known codes or prefixes most like `key`: similar text (difflib), same length, same
    family letter, then the nearest number."""
    import difflib

    def score(candidate: str) -> tuple[float, int, str]:
        similar = difflib.SequenceMatcher(None, key, candidate).ratio()
        similar += 0.5 * (len(candidate) == len(key)) + 0.25 * (candidate[:1] == key[:1])
        return (-similar, _distance(key, candidate), candidate)

    return sorted(known, key=score)[:count]


def _distance(key: str, candidate: str) -> int:
    digits_a, digits_b = key.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), candidate[1:]
    if digits_a.isdigit() and digits_b.isdigit():
        return abs(int(digits_a) - int(digits_b))
    return 0
