"""Rule selection by code prefix: the longest prefix wins."""

from __future__ import annotations

from xlate.model import Finding, Severity
from xlate.rules.select import Selection, worst_exit


def finding(code, severity=Severity.ERROR):
    return Finding(code=code, rule="r", severity=severity, message="m", path="p")


def test_empty_select_enables_everything():
    assert Selection().enabled("G201")


def test_ignore_prefix_drops_family_but_longer_select_keeps_one():
    selection = Selection(select=("G", "G205"), ignore=("G2",))
    assert selection.enabled("G101")
    assert not selection.enabled("G201")
    assert selection.enabled("G205")


def test_longer_ignore_beats_shorter_select():
    selection = Selection(select=("G2",), ignore=("G20",))
    assert selection.enabled("G210") and not selection.enabled("G201")
    assert not selection.enabled("G101")


def test_same_prefix_in_both_ignores():
    assert not Selection(select=("G2",), ignore=("G2",)).enabled("G201")


def test_severity_override_by_longest_prefix():
    selection = Selection(severity={"G": Severity.INFO, "G205": Severity.ERROR})
    out = selection.apply([finding("G205", Severity.WARNING), finding("G201")])
    assert {f.code: f.severity for f in out} == {"G205": Severity.ERROR, "G201": Severity.INFO}


def test_exit_status_threshold():
    findings = [finding("G205", Severity.WARNING)]
    assert worst_exit(findings, Severity.ERROR) == 0
    assert worst_exit(findings, Severity.WARNING) == 1
    assert worst_exit([], Severity.INFO) == 0
