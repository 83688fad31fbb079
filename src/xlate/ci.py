"""`xlate ci`: every check of the project in one run, with a summary and one exit status."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from xlate.config import Config
from xlate.errors import XlateError
from xlate.model import Finding
from xlate.rules.select import Selection, worst_exit


@dataclass
class Stage:
    name: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    note: str = ""

    def status(self, config: Config) -> int:
        if self.error is not None:
            return 2
        return worst_exit(self.findings, config.fail_on)


def run_ci(config: Config) -> list[Stage]:
    """Glossary validation, lint against the baseline, template and catalogues up to date,
    translations checked; each stage runs even when an earlier one fails."""
    from xlate.checking import run_check, stale_findings
    from xlate.glossary import load_glossary
    from xlate.linting import run_lint

    selection = Selection(config.select, config.ignore, config.severity)
    stages: list[Stage] = []
    state: dict[str, object] = {}

    def stage(name: str, job: Callable[[Stage], None]) -> None:
        current = Stage(name)
        try:
            job(current)
        except XlateError as exc:
            current.error = str(exc)
        stages.append(current)

    def glossary_stage(current: Stage) -> None:
        parsed = load_glossary(config.glossary, target_locales=config.target_locales,
                               display_root=config.root)
        current.findings = selection.apply(parsed.findings)
        if any(f.severity.value == "error" for f in parsed.findings):
            raise XlateError("the glossary has errors; later stages need a valid glossary")
        state["glossary"] = parsed.glossary

    def need_glossary():
        if "glossary" not in state:
            raise XlateError("skipped: the glossary did not load")
        return state["glossary"]

    def lint_stage(current: Stage) -> None:
        outcome = run_lint(config, need_glossary(), [], selection=selection,
                           baseline=config.baseline)
        current.findings = outcome.findings
        current.note = "; ".join(outcome.notes)

    def catalogue_stage(current: Stage) -> None:
        current.findings = selection.apply(stale_findings(
            config, need_glossary(), []))

    def check_stage(current: Stage) -> None:
        outcome = run_check(config, need_glossary(), [], selection=selection, stale=False)
        current.findings = outcome.findings
        if outcome.suppressed:
            current.note = f"{len(outcome.suppressed)} finding(s) ignored with a reason"
        state["suppressed"] = outcome.suppressed

    stage("glossary validate", glossary_stage)
    stage("lint (sources, against the baseline)", lint_stage)
    stage("extract --check / update --check", catalogue_stage)
    stage("check (translations)", check_stage)
    return stages
