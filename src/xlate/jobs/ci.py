"""`xlate ci`: every check of the project in one run, with a summary and one exit status.

A stage runs only when the project has its inputs: a project with a glossary and sources but
no catalogues yet passes on what it has, and the summary shows the other stages as skipped
(with the command that would give them their input), instead of failing on a missing file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from xlate.config import Config
from xlate.errors import XlateError
from xlate.model import Finding, Severity
from xlate.rules.select import Selection, worst_exit


@dataclass
class Stage:
    name: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    note: str = ""
    skipped: bool = False

    def status(self, fail_on: Severity) -> int:
        if self.error is not None:
            return 2
        return worst_exit(self.findings, fail_on)

    def result(self, fail_on: Severity) -> str:
        """The word of the summary table: ok, findings, failed or skipped."""
        if self.skipped:
            return "skipped"
        return {0: "ok", 1: "findings", 2: "failed"}[self.status(fail_on)]


class _Skip(Exception):
    """A stage whose input the project does not have; the message says which."""


def _has_sources(config: Config) -> bool:
    """Whether any configured source pattern names an existing file or folder."""
    import glob

    for pattern in config.sources:
        base = config.root / pattern
        if any(ch in pattern for ch in "*?["):
            if glob.glob(str(base), recursive=True):
                return True
        elif base.exists():
            return True
    return False


def _unread(stage: Stage, errors: list[XlateError]) -> None:
    """A stage that could not read some of its inputs failed, whatever the others' findings
    (which it still reports): each unread input is named in its error."""
    if errors:
        stage.error = "; ".join(str(error) for error in errors)


def run_ci(config: Config, *, selection: Selection | None = None,
           min_translated: float | None = None) -> list[Stage]:
    """Glossary validation, lint against the baseline, template and catalogues up to date,
    translations checked; each stage runs even when an earlier one fails, and a stage whose
    input is absent is skipped."""
    from xlate.jobs.catalogues import Paths
    from xlate.jobs.check import run_check, stale_findings
    from xlate.jobs.glossary import load as load_glossary
    from xlate.jobs.lint import run_lint

    if selection is None:
        selection = Selection(config.select, config.ignore, config.severity)
    stages: list[Stage] = []
    state: dict[str, object] = {}
    catalogues = Paths(config.catalogs)

    def stage(name: str, job: Callable[[Stage], None]) -> None:
        current = Stage(name)
        try:
            job(current)
        except _Skip as skip:
            current.skipped, current.note = True, str(skip)
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
        if not _has_sources(config):
            raise _Skip("no sources match `sources` in the configuration")
        outcome = run_lint(config, need_glossary(), [], selection=selection,
                           baseline=config.baseline)
        current.findings = outcome.findings
        current.note = "; ".join(outcome.notes)
        _unread(current, outcome.errors)

    def catalogue_stage(current: Stage) -> None:
        if not catalogues.pot.is_file():
            raise _Skip(f"no template {config.display(catalogues.pot)} (`xlate extract` "
                        "writes it)")
        current.findings = selection.apply(stale_findings(config, need_glossary(), []))

    def check_stage(current: Stage) -> None:
        if not catalogues.locales():
            raise _Skip(f"no catalogues under {config.display(config.catalogs)} (`xlate init "
                        "LOCALE` creates one)")
        outcome = run_check(config, need_glossary(), [], selection=selection, stale=False,
                            min_translated=min_translated)
        current.findings = outcome.findings
        _unread(current, outcome.errors)
        if outcome.suppressed:
            current.note = f"{len(outcome.suppressed)} finding(s) ignored with a reason"
        state["suppressed"] = outcome.suppressed

    stage("glossary validate", glossary_stage)
    stage("lint (sources, against the baseline)", lint_stage)
    stage("extract --check / update --check", catalogue_stage)
    stage("check (translations)", check_stage)
    return stages
