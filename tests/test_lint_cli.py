"""`xlate lint` end to end: formats (golden files), exit codes, selection, baselines, fixes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cli import app

DATA = Path(__file__).parent / "data" / "lint"
GOLDEN = Path(__file__).parent / "golden"
runner = CliRunner()


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name in ("glossary.toml", "xlate.toml", "article.txt"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_golden_output(project, fmt):
    result = run("lint", "--format", fmt)
    assert result.exit_code == 1, result.output
    golden = GOLDEN / f"lint.{fmt}"
    if os.environ.get("XLATE_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_sarif_validates_against_the_schema(project):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent / "data" / "schemas" /
                         "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
    log = json.loads(run("lint", "--format", "sarif").stdout)
    jsonschema.validate(log, schema)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {"T101", "T102", "T104"} <= {r["id"] for r in rules}
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_github_escaping(project):
    out = run("lint", "--format", "github").stdout
    line = next(line for line in out.splitlines() if "working-level" in line)
    assert line.startswith("::error file=article.txt,line=2,col=15,")
    assert "title=T102 [forbidden-form]::" in line


def test_junit_is_xml(project):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run("lint", "--format", "junit").stdout)
    assert root.tag == "testsuites"
    failures = list(root.iter("failure"))
    assert len(failures) == int(root.get("failures")) > 0


def test_exit_codes_and_fail_on(project):
    assert run("lint").exit_code == 1
    assert run("lint", "--fail-on", "error").exit_code == 1  # T102 is an error
    assert run("lint", "--ignore", "T102", "--fail-on", "error").exit_code == 0
    assert run("lint", "--select", "T104").stdout.count("T104") == 1


def test_select_longest_prefix(project):
    out = run("lint", "--select", "T1", "--ignore", "T10", "--format", "json").stdout
    assert {f["code"] for f in json.loads(out)["findings"]} == set()
    out = run("lint", "--select", "T101", "--ignore", "T1", "--format", "json").stdout
    assert {f["code"] for f in json.loads(out)["findings"]} == {"T101"}


def test_stdin(project):
    result = run("lint", "-", input="Mark Rute arrived.\n")
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>:1:1: T104")


def test_po_msgids(project):
    (project / "a.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#: x:1\nmsgid "President Lee Jae-myung"\nmsgstr ""\n', encoding="utf-8")
    out = json.loads(run("lint", "a.po", "--format", "json").stdout)
    assert [(f["code"], f["line"], f["msgid"]) for f in out["findings"]] == [
        ("T101", 6, "President Lee Jae-myung")]


def test_bad_inputs_exit_2(project):
    result = run("lint", "missing.txt")
    assert result.exit_code == 2 and "missing.txt: no such file or folder" in result.stderr
    (project / "bad.txt").write_bytes(b"ok\n\xff\n")
    result = run("lint", "bad.txt")
    assert result.exit_code == 2 and "bad.txt:2: not UTF-8 text" in result.stderr
    (project / "bad.po").write_text('msgid "x"\nmsgstr "y"\nmsgid\n', encoding="utf-8")
    result = run("lint", "bad.po")
    assert result.exit_code == 2 and "bad.po" in result.stderr and "Traceback" not in result.output
    assert run("lint", "--diff").exit_code == 2


def test_lint_needs_no_translations_but_refuses_a_broken_glossary(project):
    """A glossary whose renderings are not written yet lints English; check still wants them."""
    config = (project / "xlate.toml").read_text(encoding="utf-8")
    (project / "xlate.toml").write_text(config.replace("target_locales = []",
                                                       'target_locales = ["ko"]'), encoding="utf-8")
    assert run("glossary", "validate").exit_code == 1  # G301: no approved ko rendering
    result = run("lint", "--format", "json")
    assert result.exit_code == 1 and "G301" not in result.output
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} >= {"T101", "T102"}
    glossary = project / "glossary.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + '\n[[term]]\nid = "rutte"\n'
                        'kind = "person"\ncanonical = "Mark Rutte II"\n', encoding="utf-8")
    result = run("lint")
    assert result.exit_code == 2 and "glossary.toml" in result.stderr and "G201" not in \
        result.stderr and "already used" in result.stderr


def test_baseline_round_trip_ignores_line_moves(project):
    assert run("lint", "--write-baseline", "base.json").exit_code == 1
    assert run("lint", "--baseline", "base.json").exit_code == 0
    article = project / "article.txt"
    article.write_text("A new first line.\n\n" + article.read_text(encoding="utf-8"),
                       encoding="utf-8")
    assert run("lint", "--baseline", "base.json").exit_code == 0
    with article.open("a", encoding="utf-8") as handle:
        handle.write("Lee Jae-myung again.\n")
    result = run("lint", "--baseline", "base.json")
    assert result.exit_code == 1
    assert result.stdout.count("T101") == 1 and "known finding(s) not shown" in result.stderr


def test_broken_baseline_exits_2(project):
    (project / "base.json").write_text("{", encoding="utf-8")
    result = run("lint", "--baseline", "base.json")
    assert result.exit_code == 2 and "base.json:1:2: invalid JSON" in result.stderr


def test_fix_rewrites_only_deprecated_variants(project):
    article = project / "article.txt"
    before = article.read_text(encoding="utf-8")
    preview = run("lint", "--fix", "--diff")
    assert "+President Lee Jae Myung met Mark Rute, said the Presidential Office." in preview.stdout
    assert article.read_text(encoding="utf-8") == before  # --diff writes nothing
    result = run("lint", "--fix")
    after = article.read_text(encoding="utf-8")
    assert after.splitlines()[0] == \
        "President Lee Jae Myung met Mark Rute, said the Presidential Office."
    assert "working-level consultation body on defense" in after  # forbidden: not auto-fixed
    assert "Yi Jae-myeong's" in after  # romanisation: a human decides
    assert len(after.splitlines()) == len(before.splitlines())
    assert "T102" in result.stdout and "T101" not in result.stdout


def test_fix_refuses_manifest_articles(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    shutil.copy(DATA / "glossary.toml", tmp_path / "glossary.toml")
    shutil.copy(DATA / "article.txt", tmp_path / "seeds" / "a.txt")
    (tmp_path / "xlate.toml").write_text('glossary = "glossary.toml"\nsources = ["seeds/*.txt"]\n'
                                         'target_locales = []\n', encoding="utf-8")
    (tmp_path / "seeds" / "manifest.toml").write_text(
        '[[article]]\nid = "a"\nfile = "a.txt"\ntitle = "t"\ndate = 2025-06-26\n'
        'publisher = "p"\nlanguage = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    before = (tmp_path / "seeds" / "a.txt").read_bytes()
    result = run("lint", "--fix")
    assert "never rewritten" in result.stderr
    assert (tmp_path / "seeds" / "a.txt").read_bytes() == before


def test_repository_seeds_pass_through_their_baseline(root, monkeypatch):
    monkeypatch.chdir(root)
    assert run("lint").exit_code == 0
    result = run("lint", "--no-baseline", "--format", "json")
    assert result.exit_code == 1
    assert not any("Kap-soo" in (f["found"] or "") for f in json.loads(result.stdout)["findings"])


def test_worker_processes_change_nothing_in_the_output(project):
    """Twelve documents whose concepts are written differently within and across them (T201,
    T202): the same bytes from one process and from several."""
    texts = ["President Lee Jae-myung met NATO Secretary General Mark Rutte.",
             "President Lee Jae Myung spoke of defence and defense industry.",
             "Wi Sung-lac and Wi Seong-rak went to The Hague.",
             "Lee Jae Myung, Lee Jae-myung and Yi Jae-myeong are one man."]
    for number in range(12):
        (project / f"doc{number:02}.txt").write_text(texts[number % 4] + "\n", encoding="utf-8")
    files = sorted(str(p) for p in project.glob("doc*.txt"))
    for fmt in ("json", "text", "sarif"):
        one = run("lint", "--no-baseline", "--jobs", "1", "--format", fmt, *files)
        many = run("lint", "--no-baseline", "--jobs", "3", "--format", fmt, *files)
        assert (one.exit_code, one.stdout) == (many.exit_code, many.stdout), fmt
    assert "T202" in one.stdout and "T201" in one.stdout
