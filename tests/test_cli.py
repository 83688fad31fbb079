"""The command line, through typer's CliRunner and as a real subprocess of the installed tool."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from xlate.cli import app

runner = CliRunner()

SMALL = '''
[[term]]
id = "wi_sung_lac"
kind = "person"
canonical = "Wi Sung-lac"
deprecated = ["Wi Seong-rak"]
hangul = "위성락"
hanja = "魏聖洛"
see = ["nato"]
note = "His own spelling."
[term.ko]
approved = "위성락"
[term.ja]
approved = "魏聖洛"
[term.fr]
approved = "Wi Sung-lac"

[[term]]
id = "nato"
kind = "organisation"
canonical = "NATO"
admitted = ["North Atlantic Treaty Organization"]
[term.ko]
approved = "나토"
admitted = ["NATO"]
[term.ja]
approved = "NATO"
[term.fr]
approved = "Otan"
admitted = ["OTAN"]

[[term]]
id = "office"
kind = "office"
canonical = "Presidential Office"
[term.ko]
approved = [{ text = "대통령실", until = 2025-12-28 }, { text = "청와대", from = 2025-12-29 }]
[term.ja]
approved = "大統領室"
[term.fr]
approved = "la présidence"
'''


@pytest.fixture
def project(tmp_path, write, monkeypatch):
    write("xlate.toml", 'glossary = "glossary"\n')
    write("glossary/main.toml", SMALL)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args):
    return runner.invoke(app, list(args))


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("xlate 0.")


def test_main_runs_without_the_cyclic_collector_and_restores_it(project, monkeypatch):
    import gc

    from xlate import cli

    seen = []
    monkeypatch.setattr(cli, "app", lambda **kw: seen.append(gc.isenabled()))
    assert cli.main(["glossary", "validate"]) == 0
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # a caller that had switched it off keeps it off
        cli.main(["--version"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for name in ("glossary", "rule"):
        assert name in result.output
    result = run("glossary", "--help")
    for name in ("validate", "show", "list", "export", "import"):
        assert name in result.output


def test_validate_clean_project(project):
    result = run("glossary", "validate")
    assert result.exit_code == 0, result.output
    assert result.output == "No findings.\n"


def test_validate_findings_exit_1_with_json(project, write):
    write("glossary/zz_extra.toml",
          '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n')
    result = run("glossary", "validate", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["G201", "G301", "G301", "G301"]  # same id: no G202 on top
    assert all(f["path"] == "glossary/zz_extra.toml" for f in data["findings"])
    assert data["summary"]["error"] == 4


def test_validate_fail_on_threshold(project, write):
    write("glossary/extra.toml", '[[term]]\nid = "nato2"\nkind = "term"\ncanonical = "Alliance"\n'
          '[term.ko]\napproved = "나토"\n[term.ja]\napproved = "同盟"\n'
          '[term.fr]\napproved = "Alliance"\n')
    assert run("glossary", "validate").exit_code == 1  # G205 is a warning; default fail_on warning
    assert run("glossary", "validate", "--fail-on", "error").exit_code == 0


def test_validate_broken_toml_exits_2_with_one_line(project, write):
    write("glossary/broken.toml", '[[term]]\nid = "x\n')
    result = run("glossary", "validate")
    assert result.exit_code == 2
    assert result.stderr.startswith("xlate: error: ") and "broken.toml:2" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_validate_missing_glossary_exits_2(project):
    result = run("glossary", "validate", "--glossary", "nowhere")
    assert result.exit_code == 2 and "glossary folder not found" in result.stderr


def test_unknown_config_key_exits_2(project, write):
    write("xlate.toml", 'glosary = "x"\n')
    result = run("glossary", "validate")
    assert result.exit_code == 2 and "unknown configuration key 'glosary'" in result.stderr


def test_config_option_overrides(tmp_path, write, monkeypatch):
    write("elsewhere/conf.toml", 'glossary = "g"\n')
    write("elsewhere/g/a.toml", SMALL)
    monkeypatch.chdir(tmp_path)
    result = run("--config", "elsewhere/conf.toml", "glossary", "show", "NATO")
    assert result.exit_code == 0 and "nato  (organisation)" in result.output


@pytest.mark.parametrize("query,entry", [
    ("Wi Sung-lac", "wi_sung_lac"), ("wi sung lac", "wi_sung_lac"), ("위성락", "wi_sung_lac"),
    ("魏聖洛", "wi_sung_lac"), ("Wi Seong-rak", "wi_sung_lac"), ("OTAN", "nato"),
    ("otan", "nato"), ("청와대", "office"), ("office", "office"),
])
def test_show_finds_by_any_form(project, query, entry):
    result = run("glossary", "show", query)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith(f"{entry}  (")


def test_show_prints_dates_and_locations(project):
    result = run("glossary", "show", "Presidential Office")
    assert "대통령실 (until 2025-12-28); 청와대 (from 2025-12-29)" in result.output
    assert "glossary/main.toml:" in result.output.splitlines()[0]


def test_show_substring_fallback_and_miss(project):
    result = run("glossary", "show", "Atlantic")
    assert result.exit_code == 0 and "nato  (" in result.stdout
    assert "entries containing it" in result.stderr
    result = run("glossary", "show", "Rutte")
    assert result.exit_code == 1 and "no glossary entry matches 'Rutte'" in result.stderr


def test_show_json(project):
    result = run("glossary", "show", "--format", "json", "NATO")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data[0]["id"] == "nato"


def test_list_and_kind_filter(project):
    result = run("glossary", "list")
    assert result.exit_code == 0
    assert "3 entries" in result.output and "위성락" in result.output and "청와대" in result.output
    result = run("glossary", "list", "--kind", "person", "--format", "json")
    assert [row["id"] for row in json.loads(result.stdout)] == ["wi_sung_lac"]
    result = run("glossary", "list", "--kind", "people")
    assert result.exit_code == 2 and "unknown kind 'people'" in result.stderr


def test_rule_doc_and_list():
    result = run("rule", "G201")
    assert result.exit_code == 0 and result.output.startswith("# G201 duplicate-id")
    assert run("rule", "duplicate-id").output == result.output
    listing = run("rule").output
    assert "G301  missing-rendering" in listing
    missing = run("rule", "Z999")
    assert missing.exit_code == 2 and "no rule 'Z999'" in missing.stderr


def test_internal_error_is_distinguishable(project, monkeypatch):
    import xlate.glossary.lookup

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(xlate.glossary.lookup, "find_entries", boom)
    result = run("glossary", "show", "NATO")
    assert result.exit_code == 3 and "internal error: RuntimeError: bug" in result.stderr


@pytest.mark.skipif(shutil.which("xlate") is None and not (ROOT / ".venv/bin/xlate").exists(),
                    reason="xlate is not installed")
def test_installed_console_script_runs(project):
    exe = shutil.which("xlate") or str(ROOT / ".venv/bin/xlate")
    out = subprocess.run([exe, "glossary", "show", "위성락"], capture_output=True, text=True,
                         cwd=project, check=False)
    assert out.returncode == 0 and out.stdout.startswith("wi_sung_lac")
    out = subprocess.run([sys.executable, "-m", "xlate", "--version"], capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0 and out.stdout.startswith("xlate ")


def test_validate_speaks_every_report_format(project, write):
    write("glossary/zz_extra.toml",
          '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n')
    for fmt, marker in (("sarif", '"ruleId": "G201"'),
                        ("github", "::error file=glossary/zz_extra.toml"),
                        ("junit", "<testsuites")):
        result = run("glossary", "validate", "--format", fmt)
        assert result.exit_code == 1 and marker in result.stdout, fmt
