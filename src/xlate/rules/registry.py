"""The one table of rules: every code, its name, default severity and documentation.

Rules yield small results (code, message, place); `Registry.finding` attaches the rule's name and
severity, so no rule repeats its own metadata. Documentation is data here, printed by `xlate rule
CODE` and exercised by the tests (each rule's bad example must fire it, its good example must not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from xlate.model import Finding, Location, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    bad: str
    good: str
    example_lang: str = "toml"

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity(self.severity))

    def doc(self) -> str:
        """The rule's documentation in Markdown, with fixed headings."""
        return (
            f"# {self.code} {self.name}\n\n"
            f"Default severity: {self.severity}\n\n"
            f"## What it does\n{self.summary}\n\n"
            f"## Why is this bad?\n{self.why}\n\n"
            f"## Example\n```{self.example_lang}\n{self.bad.strip()}\n```\n\n"
            f"## Use instead\n```{self.example_lang}\n{self.good.strip()}\n```\n"
        )


class Registry:
    """Rules by code, in code order."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        self._rules: dict[str, Rule] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: Rule) -> None:
        if rule.code in self._rules:
            raise ValueError(f"rule code {rule.code} bound twice")
        if any(r.name == rule.name for r in self._rules.values()):
            raise ValueError(f"rule name {rule.name} bound twice")
        self._rules[rule.code] = rule

    def __iter__(self) -> Iterator[Rule]:
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __contains__(self, code: str) -> bool:
        return code in self._rules

    def get(self, code_or_name: str) -> Rule | None:
        key = code_or_name.strip()
        if key.upper() in self._rules:
            return self._rules[key.upper()]
        for rule in self._rules.values():
            if rule.name == key.lower():
                return rule
        return None

    def finding(self, code: str, message: str, where: Location, **extra: object) -> Finding:
        """A Finding of rule `code` at `where`, with the rule's name and default severity."""
        rule = self._rules[code]
        return Finding(
            code=rule.code, rule=rule.name, severity=rule.severity, message=message,
            path=where.path, line=where.line, column=where.column, **extra,  # type: ignore[arg-type]
        )
