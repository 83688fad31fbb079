"""`xlate check` and `xlate ci` end to end, as a new user would try them."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from xlate.cli import app

runner = CliRunner()
KO = ROOT / "locales" / "ko" / "LC_MESSAGES" / "articles.po"


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    """A scratch project with only a copy of the Korean catalogue and no configuration."""
    shutil.copy(KO, tmp_path / "ko.po")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def check_json(*args):
    result = run("check", *args, "--glossary", str(ROOT / "glossary"), "--format", "json")
    return result, json.loads(result.stdout)


def test_scratch_copy_is_clean(scratch):
    result, data = check_json("ko.po")
    assert result.exit_code == 0, result.output
    assert data["findings"] == []


def test_forbidden_title_is_reported_on_that_entry(scratch):
    edit(scratch / "ko.po", "위성락 국가안보실장이 이재명", "위성락 국가안보보좌관이 이재명")
    result, data = check_json("ko.po")
    assert result.exit_code == 1
    [finding] = [f for f in data["findings"] if f["code"] == "C102"]
    assert finding["found"] == "국가안보보좌관" and finding["expected"] == "국가안보실장"
    assert finding["msgid"].startswith("Acting on behalf of South Korea")


def test_removing_the_approved_name_is_a_missing_rendering(scratch):
    edit(scratch / "ko.po", "마르크 뤼터 나토 사무총장과", "나토 사무총장과")
    result, data = check_json("ko.po")
    assert result.exit_code == 1
    assert [(f["code"], f["term"]) for f in data["findings"]] == [("C101", "mark_rutte")]


def test_particle_left_behind_after_a_swap(scratch):
    edit(scratch / "ko.po", "대통령실은 같은 날", "청와대은 같은 날")
    _, data = check_json("ko.po")
    assert "C105" in {f["code"] for f in data["findings"]}


def test_other_projects_po_with_locale_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.po").write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"'
                                   '\n\nmsgid "NATO agreed."\nmsgstr "L\'Alliance a accepté."\n',
                                   encoding="utf-8")
    assert run("check", "x.po", "--glossary", str(ROOT / "glossary")).exit_code == 2
    result = run("check", "x.po", "--locale", "fr", "--glossary", str(ROOT / "glossary"))
    assert result.exit_code == 1 and "C101" in result.stdout


def test_untranslated_gate(scratch):
    text = (scratch / "ko.po").read_text(encoding="utf-8")
    (scratch / "ko.po").write_text(text.replace('msgstr "외교"', 'msgstr ""', 1), encoding="utf-8")
    _, data = check_json("ko.po", "--min-translated", "100")
    assert {f["code"] for f in data["findings"]} == {"C401", "C403"}
    _, data = check_json("ko.po", "--select", "C4", "--ignore", "C401")
    assert {f["code"] for f in data["findings"]} == set()


def test_broken_catalogue_exits_2(scratch):
    (scratch / "bad.po").write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    result = run("check", "bad.po", "--glossary", str(ROOT / "glossary"))
    assert result.exit_code == 2 and "bad.po" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_other_formats(scratch, fmt):
    edit(scratch / "ko.po", "마르크 뤼터 나토 사무총장과", "나토 사무총장과")
    result = run("check", "ko.po", "--glossary", str(ROOT / "glossary"), "--format", fmt)
    assert result.exit_code == 1 and "C101" in result.stdout


def test_ci_passes_on_the_repository(project):
    result = run("ci", env={"GITHUB_ACTIONS": "false"})
    assert result.exit_code == 0, result.output
    assert "xlate ci: passed (exit 0)" in result.stdout
    for stage in ("glossary validate", "lint", "extract --check", "check (translations)"):
        assert stage in result.stdout


def test_ci_fails_on_a_stale_catalogue_and_a_bad_translation(project):
    edit(project / "seeds" / "000_ce24f1a5671597a8.txt", "Meanwhile, Wi also attended",
         "Meanwhile, Wi later attended")
    edit(project / "locales" / "fr" / "LC_MESSAGES" / "articles.po", "Otan, Mark Rutte, lors",
         "Otan, Mark Rute, lors")
    result = run("ci", env={"GITHUB_ACTIONS": "false"})
    assert result.exit_code == 1
    assert "C404" in result.stdout and "C101" in result.stdout
    assert "xlate ci: failed (exit 1)" in result.stdout


def test_ci_writes_github_annotations_on_actions(project):
    edit(project / "locales" / "fr" / "LC_MESSAGES" / "articles.po", "Otan, Mark Rutte, lors",
         "Otan, Mark Rute, lors")
    result = run("ci", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert "::error file=locales/fr/LC_MESSAGES/articles.po,line=" in result.stdout


def test_ci_reports_a_broken_glossary_as_exit_2(project):
    (project / "glossary" / "broken.toml").write_text("[[term]\n", encoding="utf-8")
    result = run("ci", env={"GITHUB_ACTIONS": "false"})
    assert result.exit_code == 2 and "failed" in result.stdout


def test_a_catalogue_msgfmt_rejects_is_refused_not_repaired(project):
    """`msgid "Wi Sung-lac` without its closing quote: polib kept 'Wi Sung-la' and went on;
    xlate's reader says what msgfmt says, and update refuses to write the damage back."""
    path = project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    before = path.read_text(encoding="utf-8")
    broken = before + '\nmsgctxt "extra"\nmsgid "Wi Sung-lac\nmsgstr "위성락"\n'
    path.write_text(broken, encoding="utf-8")
    line = len(before.splitlines()) + 3
    for command in (["check"], ["update"], ["compile", "ko"], ["stats"]):
        result = run(*command)
        assert result.exit_code == 2, command
        assert f"locales/ko/LC_MESSAGES/articles.po:{line}:" in result.stderr, command
        assert "end-of-line within string" in result.stderr, command
    assert path.read_text(encoding="utf-8") == broken


def test_a_declared_charset_is_honoured(project, tmp_path):
    """A catalogue in ISO-8859-1, as its header declares: checked, not refused as non-UTF-8."""
    text = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
            '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
            'msgctxt "a"\nmsgid "NATO met in The Hague."\nmsgstr "L\'Otan s\'est réunie à '
            'Séoul."\n')
    latin = tmp_path / "latin.po"
    latin.write_bytes(text.encode("iso-8859-1"))
    result = run("check", str(latin), "--format", "json")
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["term"]) for f in found] == [("C101", "the_hague")]
    assert "not UTF-8" not in result.stderr


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_worker_processes_change_nothing_in_the_output(project, jobs):
    """The three catalogues, each also copied under another name (so that C202 compares
    across workers): the same bytes with --jobs 1 and with worker processes."""
    for locale in ("ko", "ja", "fr"):
        source = project / "locales" / locale / "LC_MESSAGES" / "articles.po"
        copy = project / f"copy-{locale}.po"
        copy.write_text(source.read_text(encoding="utf-8").replace("위성락 국가안보실장이",
                                                                   "위 실장이"),
                        encoding="utf-8")
    files = sorted(str(p) for p in project.rglob("*.po"))
    for fmt in ("json", "text", "sarif"):
        one = run("check", "--jobs", "1", "--format", fmt, *files)
        many = run("check", "--jobs", jobs, "--format", fmt, *files)
        assert (one.exit_code, one.stdout, one.stderr) == (many.exit_code, many.stdout,
                                                            many.stderr), fmt
    assert "C202" in one.stdout


def test_progress_stays_off_the_output_and_off_a_pipe(project):
    result = run("check", "--format", "json")
    assert "checking" not in result.stderr
    json.loads(result.stdout)


def test_progress_bar_on_a_terminal_with_stdout_still_clean(project):
    """stderr a terminal (a pseudo-terminal here), stdout a pipe: the bar is drawn on the
    terminal, the report on stdout parses; --quiet draws nothing."""
    import os
    import pty
    import subprocess
    import sys

    source = project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    for number in range(24):
        (project / f"ko-{number}.po").write_text(source.read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    files = sorted(str(p) for p in project.glob("ko-*.po"))

    def run_on_tty(*extra):
        import threading

        main, secondary = pty.openpty()
        drawn = bytearray()

        def drain():  # read while the command runs: a full terminal buffer would block it
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                drawn.extend(chunk)

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        done = subprocess.run([sys.executable, "-m", "xlate", "check", "--format", "json",
                               *extra, *files], cwd=project, stdout=subprocess.PIPE,
                              stderr=secondary, env={**os.environ, "COLUMNS": "100"},
                              timeout=120)
        os.close(secondary)
        reader.join(timeout=10)
        os.close(main)
        json.loads(done.stdout)
        return drawn.decode("utf-8", "replace")

    assert "24/24" in run_on_tty("--jobs", "1")
    assert "checking" not in run_on_tty("--jobs", "1", "--quiet")
