"""One bad input never hides the others (issue 12, point 2): every command that reads several
files reports each one it cannot read on a line of its own (`xlate: error: path[:line]: what`),
still checks, lints, merges or compiles all the others, prints their report, and exits 2 at
the end, without a traceback. Run in real processes, as a user or a CI job runs them."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT
from conftest import run_xlate as xlate

EXE = [sys.executable, "-m", "xlate"]

GOOD_KO = ('msgid ""\nmsgstr ""\n"Language: ko\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Plural-Forms: nplurals=1; plural=0;\\n"\n\nmsgid "Mark Rutte spoke."\n'
           'msgstr "마크 루터는 말했다."\n')


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("xlate: error: ")]


@pytest.fixture
def bad_files(tmp_path):
    """A good catalogue with one finding, and every kind of file that cannot be read."""
    (tmp_path / "good.po").write_text(GOOD_KO, encoding="utf-8")
    (tmp_path / "folder.po").mkdir()
    (tmp_path / "loop1.po").symlink_to("loop2.po")
    (tmp_path / "loop2.po").symlink_to("loop1.po")
    (tmp_path / "dangling.po").symlink_to("nowhere.po")
    (tmp_path / "syntax.po").write_text('msgid "Wi Sung-lac\nmsgstr "위성락"\n', encoding="utf-8")
    (tmp_path / "not_utf8.po").write_bytes(GOOD_KO.encode("utf-8")
                                         .replace("마크".encode(), b"\xff\xfe"))
    (tmp_path / "last.po").write_text(GOOD_KO, encoding="utf-8")
    return tmp_path


EXPECTED = [
    "xlate: error: folder.po: is a folder, not a file",
    "xlate: error: loop1.po: a symbolic link loop",
    "xlate: error: dangling.po: a broken symbolic link (what it points to does not exist)",
    "xlate: error: syntax.po:1: end-of-line within string",
    "xlate: error: not_utf8.po:8: invalid multibyte sequence for charset utf-8",
    "xlate: error: missing.po: no such file or folder",
    "xlate: error: 6 inputs could not be processed; the report covers the others",
]
ORDER = ["good.po", "folder.po", "loop1.po", "dangling.po", "syntax.po", "not_utf8.po",
         "missing.po", "last.po"]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_check_reports_every_bad_catalogue_and_checks_the_others(bad_files, jobs, fmt):
    done = xlate("check", "--glossary", str(ROOT / "glossary"), "--jobs", jobs,
                 "--format", fmt, *ORDER, cwd=bad_files)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert errors(done.stderr) == EXPECTED
    if fmt == "text":
        reported = [line.split(":")[0] for line in done.stdout.splitlines() if ": C1" in line]
    elif fmt == "json":
        reported = [f["path"] for f in json.loads(done.stdout)["findings"] if f["code"] == "C103"]
    else:
        results = json.loads(done.stdout)["runs"][0]["results"]
        reported = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in results if r["ruleId"] == "C103"]
    assert reported == ["good.po", "last.po"]  # both good files, around the bad ones


def test_debug_shows_where_each_error_was_raised(bad_files):
    done = xlate("--debug", "check", "--glossary", str(ROOT / "glossary"), "--jobs", "1",
                 "good.po", "syntax.po", "missing.po", cwd=bad_files)
    assert done.returncode == 2
    assert done.stderr.count("Traceback (most recent call last)") >= 2
    assert errors(done.stderr)[-1].startswith("xlate: error: 2 inputs")


def test_lint_reports_every_bad_source_and_lints_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("President Lee Jae-myung spoke.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"Lee Jae Myung \xff spoke.\n")
    (tmp_path / "c.txt").write_text("President Lee Jae-myung spoke.\n", encoding="utf-8")
    done = xlate("lint", "--glossary", str(ROOT / "glossary"), "--format", "json",
                 "a.txt", "b.txt", "gone.txt", "*.md", "c.txt", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert errors(done.stderr) == [
        "xlate: error: no file matches '*.md'",
        "xlate: error: b.txt:1: not UTF-8 text",
        "xlate: error: gone.txt: no such file or folder",
        "xlate: error: 3 inputs could not be processed; the report covers the others"]
    paths = {f["path"] for f in json.loads(done.stdout)["findings"]}
    assert paths == {"a.txt", "c.txt"}


def test_a_baseline_is_not_written_from_a_partial_lint(tmp_path):
    (tmp_path / "a.txt").write_text("President Lee Jae-myung spoke.\n", encoding="utf-8")
    done = xlate("lint", "--glossary", str(ROOT / "glossary"), "--write-baseline", "base.json",
                 "a.txt", "gone.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "baseline not written: 1 input(s) could not be read" in done.stderr
    assert not (tmp_path / "base.json").exists()


@pytest.fixture
def broken_project(project):
    """The repository's project with its Japanese catalogue broken and its template changed,
    so that update has work to do on the other two."""
    ja = project / "locales" / "ja" / "LC_MESSAGES" / "articles.po"
    text = ja.read_text(encoding="utf-8")
    ja.write_text(text.replace('msgstr "', 'msgstr "\\q', 1), encoding="utf-8")
    return project


def test_update_merges_the_good_catalogues_and_leaves_the_broken_one_alone(broken_project):
    ja = broken_project / "locales" / "ja" / "LC_MESSAGES" / "articles.po"
    before = ja.read_bytes()
    seed = broken_project / "seeds" / "000_ce24f1a5671597a8.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing line.\n",
                    encoding="utf-8")
    assert xlate("extract", cwd=broken_project).returncode == 0
    done = xlate("update", cwd=broken_project)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert [line.split(":")[0] for line in done.stderr.splitlines()
            if line.endswith(("new, 0 obsolete)", "obsolete)"))] == [
        "locales/fr/LC_MESSAGES/articles.po", "locales/ko/LC_MESSAGES/articles.po"]
    assert errors(done.stderr) == [
        "xlate: error: locales/ja/LC_MESSAGES/articles.po:2:10: invalid control sequence"]
    assert ja.read_bytes() == before
    for locale in ("fr", "ko"):
        po = broken_project / "locales" / locale / "LC_MESSAGES" / "articles.po"
        assert "A new closing line." in po.read_text(encoding="utf-8")


def test_compile_and_stats_go_on_past_a_broken_catalogue(broken_project):
    done = xlate("compile", cwd=broken_project)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert len(errors(done.stderr)) == 1
    for locale, written in (("fr", True), ("ko", True), ("ja", False)):
        mo = broken_project / "locales" / locale / "LC_MESSAGES" / "articles.mo"
        assert mo.exists() == written
    stats = xlate("stats", "--format", "json", cwd=broken_project)
    assert stats.returncode == 2 and len(errors(stats.stderr)) == 1
    assert {row["locale"] for row in json.loads(stats.stdout)} == {"fr", "ko"}


def test_ci_fails_the_stage_that_could_not_read_a_catalogue(broken_project):
    done = xlate("ci", cwd=broken_project)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith("check (trans"))
    assert "failed" in row
    assert "locales/ja/LC_MESSAGES/articles.po:2:10: invalid control sequence" in done.stdout
