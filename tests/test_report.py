"""The JSON findings shape shared by every reporting command, and the text format."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.model import Finding, Severity
from xlate.report.formats import render_json, render_text

F = Finding(code="G202", rule="form-in-two-entries", severity=Severity.ERROR,
            message="form 'X' is also a form of 'y'", path="glossary/a.toml", line=4, column=1,
            term="x", found="X")


def test_json_shape():
    data = json.loads(render_json([F, Finding(code="G205", rule="r", severity=Severity.WARNING,
                                              message="m", path="p")]))
    assert set(data) == {"findings", "summary"}
    assert data["summary"] == {"error": 1, "warning": 1, "info": 0}
    record = data["findings"][0]
    assert list(record) == ["path", "line", "column", "end_line", "end_column", "code", "rule",
                            "severity", "message", "term", "found", "expected", "msgid"]
    assert record["severity"] == "error" and record["end_line"] == 4 and record["msgid"] is None


def test_json_keeps_non_ascii():
    text = render_json([Finding(code="G", rule="r", severity=Severity.INFO, message="위성락",
                                path="p")])
    assert "위성락" in text


def test_text_line_format_and_summary():
    out = render_text([F])
    assert out.splitlines()[0] == ("glossary/a.toml:4:1: G202 [form-in-two-entries] "
                                   "form 'X' is also a form of 'y'")
    assert out.splitlines()[-1] == "Found 1 finding: 1 error."
    assert "\x1b[" not in out and "\x1b[" in render_text([F], color=True)
    assert render_text([]) == "No findings.\n"


def test_github_escapes_data_and_properties():
    from xlate.report.formats import render_github

    f = Finding(code="T101", rule="r", severity=Severity.INFO, message="50% of a\nb",
                path="dir,a:b.txt", line=2, column=3)
    assert render_github([f]) == ("::notice file=dir%2Ca%3Ab.txt,line=2,col=3,"
                                  "title=T101 [r]::50%25 of a%0Ab\n")


def test_junit_escapes_markup():
    import xml.etree.ElementTree as ET

    from xlate.report.formats import render_junit

    f = Finding(code="T1", rule="r", severity=Severity.ERROR, message='<script>&"', path="a&b")
    root = ET.fromstring(render_junit([f], files=["a&b", "clean.txt"]))
    assert root.find(".//failure").get("message") == '<script>&"'
    assert [c.get("classname") for c in root.iter("testcase")] == ["a&b", "clean.txt"]


_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.builds(
    Finding, code=st.sampled_from(["T101", "C502"]), rule=_TEXT,
    severity=st.sampled_from(list(Severity)), message=_TEXT, path=_TEXT,
    line=st.integers(1, 10**6), column=st.integers(1, 500),
    end_line=st.none() | st.integers(1, 10**6), end_column=st.none() | st.integers(1, 500),
    term=st.none() | _TEXT, found=st.none() | _TEXT, expected=st.none() | _TEXT,
    msgid=st.none() | _TEXT), max_size=4))
def test_json_is_exactly_what_json_dumps_writes(findings):
    """render_json builds its output by hand for speed; the bytes are json.dumps's."""
    from xlate.report.formats import finding_dict, summary

    payload = {"findings": [finding_dict(f) for f in findings], "summary": summary(findings)}
    assert render_json(findings) == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_json_in_pieces_across_batches_is_still_json_dumps():
    """iter_json yields findings in batches of 500; the joins between batches are exact."""
    from xlate.report.formats import finding_dict, iter_json, summary

    findings = [Finding(code="C101", rule="r", severity=Severity.WARNING, message=f"m{n}",
                        path="a.po", line=n + 1, msgid=None if n % 2 else "위")
                for n in range(1001)]
    pieces = list(iter_json(findings))
    assert len(pieces) == 5  # three batches, the closing bracket, the summary
    payload = {"findings": [finding_dict(f) for f in findings], "summary": summary(findings)}
    assert "".join(pieces) == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
