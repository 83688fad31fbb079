"""The command-line contract ruff and pre-commit users rely on: unknown rule codes refused,
closed pipes quiet, --debug anywhere without changing the status, paths from the working
directory, a clear word outside a project, `xlate ci` on a project that has only some inputs,
locales normalised, help without Python types, tables that fit the terminal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from xlate.cli import app

runner = CliRunner()
LINT_DATA = Path(__file__).parent / "data" / "lint"
EXE = shutil.which("xlate", path=str(ROOT / ".venv" / "bin")) or shutil.which("xlate")
needs_exe = pytest.mark.skipif(EXE is None, reason="xlate is not installed")


def run(*args, input=None, env=None):
    return runner.invoke(app, list(args), input=input, env=env)


def one_line_error(result, code=2) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("xlate: error: "), result.stderr
    return lines[0]


@pytest.fixture
def sources_only(tmp_path, monkeypatch):
    """A scratch project with a glossary and sources only: no manifest, template or
    catalogues (tests/data/lint)."""
    for name in ("glossary.toml", "xlate.toml", "article.txt"):
        shutil.copy(LINT_DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def nowhere(tmp_path, monkeypatch):
    """A folder outside any project."""
    folder = tmp_path / "empty"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# 1. Unknown rule codes and prefixes are an error, not a silent "select nothing".

@pytest.mark.parametrize("option,value,nearest", [
    ("--select", "T9", "T1, T2, T3"),
    ("--ignore", "X101", "C101, G101, T101"),
    ("--select", "T1,T108", "T105, T106, T107"),
])
def test_unknown_code_on_the_command_line_exits_2_naming_the_nearest(sources_only, option,
                                                                     value, nearest):
    line = one_line_error(run("lint", option, value))
    bad = value.split(",")[-1]
    assert f"{option}: unknown rule code or prefix '{bad}'" in line
    assert line.endswith(f"(nearest known: {nearest})")


@pytest.mark.parametrize("prefix", ["T", "T1", "t10", "T101"])
def test_every_registered_prefix_is_valid_in_any_case(sources_only, prefix):
    result = run("lint", "--select", prefix, "--format", "json")
    assert result.exit_code == 1 and '"code": "T101"' in result.stdout


@pytest.mark.parametrize("key,value", [
    ("select", '["T9"]'), ("ignore", '["T1", "Q"]'), ("severity", '{ T99 = "error" }')])
def test_unknown_code_in_the_configuration_stops_every_command(sources_only, key, value):
    with open("xlate.toml", "a", encoding="utf-8") as handle:
        handle.write(f"{key} = {value}\n")
    for command in (["ci"], ["lint"], ["glossary", "validate"]):
        line = one_line_error(run(*command))
        assert "xlate.toml" in line and f"'{key}'" in line and "nearest known: " in line


def test_name_instead_of_code_says_which_code(sources_only):
    line = one_line_error(run("lint", "--ignore", "deprecated-variant"))
    assert line.endswith("(that is the name of T101: use the code)")


# 2. A reader that closes the pipe early: quiet, with the usual status.

def _read_one_line_and_close(args, cwd):
    proc = subprocess.Popen([EXE, *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode("utf-8")
    proc.stderr.close()
    return first, proc.wait(timeout=60), stderr


@needs_exe
@pytest.mark.parametrize("attempt", range(4))
def test_closed_pipe_is_quiet_and_keeps_the_status(sources_only, attempt):
    # Far more output than a pipe buffers, so the writer always meets the closed pipe.
    (sources_only / "long.txt").write_text("Yi Jae-myeong met Mark Rute.\n" * 3000,
                                           encoding="utf-8")
    first, status, stderr = _read_one_line_and_close(["lint", "long.txt"], sources_only)
    assert first.startswith(b"long.txt:1:1: T103")
    assert (status, stderr) == (1, "")
    first, status, stderr = _read_one_line_and_close(["rule"], sources_only)
    assert first.startswith(b"C101") and (status, stderr) == (0, "")


@needs_exe
def test_closed_pipe_through_a_shell_pipeline(project):
    for _ in range(3):
        done = subprocess.run(f"'{EXE}' lint --no-baseline | head -1; "
                              f"echo \"status=${{PIPESTATUS[0]}}\"", shell=True, cwd=project,
                              capture_output=True, text=True, executable="/bin/bash")
        assert done.stdout.splitlines()[-1] == "status=1"
        assert done.stderr == ""


# 3. --debug before or after the subcommand; the status never changes.

@pytest.mark.parametrize("args", [["--debug", "lint", "nope.txt"], ["lint", "--debug", "nope.txt"],
                                  ["lint", "nope.txt", "--debug"],
                                  ["glossary", "validate", "--debug", "--glossary", "missing"]])
def test_debug_anywhere_shows_a_traceback_and_keeps_exit_2(sources_only, args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("xlate: error: ")


def test_debug_keeps_exit_3_for_an_internal_error(sources_only, monkeypatch):
    import xlate.jobs.lint

    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(xlate.jobs.lint, "run_lint", boom)
    plain = run("lint")
    assert plain.exit_code == 3 and "Traceback" not in plain.stderr
    debug = run("lint", "--debug")
    assert debug.exit_code == 3 and "Traceback" in debug.stderr
    assert "RuntimeError: bug" in debug.stderr.splitlines()[-1]


def test_debug_after_double_dash_is_a_path(sources_only):
    (sources_only / "--debug").write_text("Lee Jae-myung.\n", encoding="utf-8")
    result = run("lint", "--", "--debug")
    assert result.exit_code == 1 and result.stdout.startswith("--debug:1:1: T101")


@needs_exe
def test_debug_after_the_subcommand_in_a_real_process(sources_only):
    done = subprocess.run([EXE, "lint", "--debug", "nope.txt"], cwd=sources_only,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" in done.stderr
    assert done.stderr.splitlines()[-1] == "xlate: error: nope.txt: no such file or folder"


# 4. Paths on the command line are relative to the working directory.

def test_lint_paths_from_a_subfolder(project, monkeypatch):
    monkeypatch.chdir(project / "seeds")
    result = run("lint", "000_ce24f1a5671597a8.txt", "--no-baseline")
    assert result.exit_code == 1
    assert result.stdout.startswith("seeds/000_ce24f1a5671597a8.txt:")  # shown from the root
    # ... so the baseline, recorded from the root, still matches from here
    result = run("lint", "*.txt")
    assert result.exit_code == 0 and result.stdout == "No findings.\n"
    assert "known finding(s) not shown" in result.stderr


def test_check_and_lint_agree_on_paths_from_a_subfolder(project, monkeypatch):
    monkeypatch.chdir(project / "locales" / "ko" / "LC_MESSAGES")
    for command in ("check", "lint"):
        result = run(command, "articles.po", "--format", "json")
        assert result.exit_code in (0, 1), (command, result.output)
    assert run("check", "nope.po").exit_code == 2


def test_configured_paths_stay_relative_to_the_configuration(sources_only, monkeypatch):
    (sources_only / "sub").mkdir()
    monkeypatch.chdir(sources_only / "sub")
    result = run("lint", "--format", "json")
    assert result.exit_code == 1 and '"path": "article.txt"' in result.stdout


# 5. Outside a project: one line saying how to point xlate at a glossary.

@pytest.mark.parametrize("command", [["lint", "x.txt"], ["glossary", "validate"], ["check"],
                                     ["glossary", "list"]])
def test_outside_a_project_says_how_to_name_a_glossary(nowhere, command):
    line = one_line_error(run(*command))
    assert "not inside an xlate project" in line
    for hint in ("--glossary PATH", "xlate.toml", "[tool.xlate] to pyproject.toml"):
        assert hint in line


@pytest.mark.parametrize("command", [["stats"], ["ci"], ["compile"], ["render", "ko"]])
def test_outside_a_project_commands_without_glossary_option(nowhere, command):
    line = one_line_error(run(*command))
    assert "not inside an xlate project" in line and "--glossary" not in line
    assert run(*command).stdout == ""


def test_outside_a_project_with_glossary_works(nowhere):
    result = run("lint", "-", "--glossary", str(LINT_DATA / "glossary.toml"),
                 input="Lee Jae-myung.\n")
    assert result.exit_code == 1 and result.stdout.startswith("<stdin>:1:1: T101")


# 6. `xlate ci` takes the check options and runs the stages the project has inputs for.

def test_ci_on_sources_only_skips_catalogue_stages(sources_only):
    result = run("ci", "--fail-on", "error", "--ignore", "T102", env={"GITHUB_ACTIONS": "false"})
    assert result.exit_code == 0, result.output
    summary = {line.split("  ")[0]: line for line in result.stdout.splitlines()}
    assert " skipped " in summary["extract --check / update --check"]
    assert " skipped " in summary["check (translations)"]
    assert "Errno" not in result.output
    assert result.stdout.rstrip().endswith("xlate ci: passed (exit 0)")


def test_ci_fail_on_and_select(sources_only):
    assert run("ci", env={"GITHUB_ACTIONS": "false"}).exit_code == 1  # T102 is an error
    assert run("ci", "--fail-on", "error", env={"GITHUB_ACTIONS": "false"}).exit_code == 1
    assert run("ci", "--select", "T3", env={"GITHUB_ACTIONS": "false"}).exit_code == 1
    assert run("ci", "--select", "G", env={"GITHUB_ACTIONS": "false"}).exit_code == 0
    one_line_error(run("ci", "--select", "T9"))


@pytest.mark.parametrize("value", ["-1", "100.5", "800"])
def test_min_translated_is_a_percentage(project, value):
    for command in ("ci", "check"):
        line = one_line_error(run(command, "--min-translated", value))
        assert "--min-translated must be a percentage from 0 to 100" in line


def test_ci_min_translated_gates_the_catalogues(project):
    ko = project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    text = ko.read_text(encoding="utf-8")
    start = text.index('msgstr "', text.index("msgctxt", 0)) + len('msgstr "')
    end = text.index("\n\n", start)
    ko.write_text(text[:start] + '"' + text[end:], encoding="utf-8")
    lenient = run("ci", "--ignore", "C401", "--min-translated", "50",
                  env={"GITHUB_ACTIONS": "false"})
    assert "C403" not in lenient.stdout
    strict = run("ci", "--ignore", "C401", "--min-translated", "100",
                 env={"GITHUB_ACTIONS": "false"})
    assert strict.exit_code == 1 and "C403" in strict.stdout


# 8. Locales as gettext spells them.

@pytest.mark.parametrize("typed,folder", [("DE", "de"), ("pt-br", "pt_BR"),
                                          ("zh-Hant", "zh_Hant"), ("zh_tw", "zh_TW")])
def test_init_normalises_the_locale(project, typed, folder):
    result = run("init", typed)
    assert result.exit_code == 0, result.output
    po = project / "locales" / folder / "LC_MESSAGES" / "articles.po"
    assert f'"Language: {folder}\\n"' in po.read_text(encoding="utf-8")
    assert run("update", typed, "--check").exit_code == 0


@pytest.mark.parametrize("typed", ["xx", "C", "en_", "ko!"])
def test_unknown_locale_is_refused_in_one_line(project, typed):
    line = one_line_error(run("init", typed))
    assert f"unknown locale '{typed}'" in line
    assert not (project / "locales" / typed).exists()


def test_locale_options_are_normalised_and_checked(project):
    ko = project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    result = run("check", str(ko), "--locale", "KO", "--format", "json")
    assert result.exit_code == 0, result.output
    line = one_line_error(run("check", str(ko), "--locale", "xx"))
    assert "unknown locale 'xx' (not in CLDR)" in line
    csv = run("glossary", "export", "--format", "csv", "--locale", "KO")
    assert csv.exit_code == 0 and "이재명" in csv.stdout


# 7. Help without Python types, one name for the human format, completion, 80 columns.

def _commands():
    import typer.main

    root = typer.main.get_command(app)
    yield [], root
    for name, command in root.commands.items():
        yield [name], command
        for sub in getattr(command, "commands", {}):
            yield [name, sub], command.commands[sub]


@pytest.mark.parametrize("path", [p for p, _ in _commands()], ids=" ".join)
def test_help_shows_metavars_not_python_types(path):
    result = run(*path, "--help", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    for python in ("<", "{", "list[", "str>", "[default: table]"):
        assert python not in result.stdout, (path, python, result.stdout)


def test_every_value_option_has_an_upper_case_metavar():
    for path, command in _commands():
        for param in command.params:
            if getattr(param, "is_flag", False) or param.name in ("help",):
                continue
            assert param.metavar and param.metavar.isupper(), (path, param.name)


def test_human_format_is_text_everywhere_and_table_still_works(project):
    for path, command in _commands():
        for param in command.params:
            if "--format" in getattr(param, "opts", ()) and param.default is not None:
                assert getattr(param.default, "value", param.default) == "text", path
    for command in (["glossary", "list"], ["stats"]):
        text, table = run(*command, "--format", "text"), run(*command, "-f", "table")
        assert text.exit_code == table.exit_code == 0 and text.stdout == table.stdout


def test_completion_can_be_installed():
    result = run("--help")
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize("command", [["glossary", "list"], ["stats"], ["ci"], ["rule"],
                                     ["glossary", "list", "--kind", "person"]])
def test_tables_fit_80_columns(project, command):
    result = run(*command, env={"COLUMNS": "80", "GITHUB_ACTIONS": "false"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80, result.stdout
    wide = run(*command, env={"COLUMNS": "300", "GITHUB_ACTIONS": "false"}).stdout
    for word in wide.split():  # nothing is cut: every short word comes back, at most folded
        if len(word) < 12 and word.isascii():
            assert word in result.stdout, word


def test_ci_summary_wraps_notes_under_their_row(project):
    result = run("ci", env={"COLUMNS": "80", "GITHUB_ACTIONS": "false"})
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("lint (sources"))
    assert lines[at + 1].startswith("  22 known finding(s) not shown")


NOISY_LIBRARY = '''
import sys
import xlate.target.match
from xlate.cli import main

real = xlate.target.match.find
def noisy(*args, **kwargs):
    print("WARNING: a library talking on stdout")   # what babel's read_po did
    sys.stdout.write("more noise\\n")
    return real(*args, **kwargs)
xlate.target.match.find = noisy  # called by the check engine for every rendering it looks for
sys.exit(main(sys.argv[1:]))
'''


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "text"])
def test_nothing_but_the_renderer_writes_to_stdout(project, fmt):
    """A library that prints while a command runs lands on stderr; the report still parses."""
    import json
    import sys
    import xml.etree.ElementTree as ET

    po = project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    po.write_text(po.read_text(encoding="utf-8").replace("마르크 뤼터", "마크 루터", 1),
                  encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", NOISY_LIBRARY, "check", "--format", fmt],
                          capture_output=True, text=True, cwd=project)
    assert done.returncode == 1, done.stderr
    assert "WARNING: a library talking on stdout" in done.stderr and "more noise" in done.stderr
    assert "WARNING" not in done.stdout and "noise" not in done.stdout
    if fmt in ("json", "sarif"):
        assert json.loads(done.stdout)
    elif fmt == "junit":
        assert ET.fromstring(done.stdout).tag in ("testsuites", "testsuite")
    elif fmt == "github":
        assert all(line.startswith("::") for line in done.stdout.splitlines() if line)
