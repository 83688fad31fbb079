"""xlate's glossary checks inside pybabel (issue 14, part 2): the real `pybabel compile`, run in
a copy of the repository's project with a mutated Korean catalogue, reports the glossary
errors as `error: FILE:LINE: ...` and exits 1; the shipped catalogue compiles clean (its one
finding is ignored with a reason, and the plugin honours that); outside a project nothing is
checked."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

KO = Path("locales") / "ko" / "LC_MESSAGES" / "articles.po"


PYBABEL = Path(sys.executable).with_name("pybabel")  # the real command, beside this Python


def pybabel_compile(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(PYBABEL), "compile", *args], cwd=cwd, capture_output=True,
                          text=True)


def test_the_checker_is_registered_for_babel():
    names = {e.name: e.value for e in entry_points(group="babel.checkers")}
    assert names.get("xlate_glossary") == "xlate.jobs.babel_checker:glossary"
    assert {"num_plurals", "python_format"} <= set(names)  # babel's own still run


def test_pybabel_compile_reports_glossary_errors(project):
    path = project / KO
    text = path.read_text(encoding="utf-8")
    assert text.count("위성락 국가안보실장이 이재명") == 1
    assert text.count("마르크 뤼터 나토 사무총장과") == 1
    path.write_text(text.replace("위성락 국가안보실장이 이재명", "위성락 국가안보보좌관이 이재명")
                    .replace("마르크 뤼터 나토 사무총장과", "마크 루터 나토 사무총장과"),
                    encoding="utf-8")
    done = pybabel_compile(project, "-d", "locales", "-D", "articles", "-l", "ko")
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert [line.split(": ")[2].split()[0] for line in errors] == ["C102", "C103"]
    assert errors[0].startswith(f"error: {KO.as_posix()}:")
    assert "'국가안보보좌관' is a forbidden rendering of 'National Security Adviser' (nsa_kr); " \
           "use '국가안보실장'" in errors[0]


def test_the_shipped_catalogues_compile_clean(project):
    for locale in ("ko", "ja", "fr"):
        done = pybabel_compile(project, "-d", "locales", "-D", "articles", "-l", locale)
        assert done.returncode == 0, done.stderr
        assert "error:" not in done.stderr


def test_outside_a_project_nothing_is_checked(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    po = outside / "ko.po"
    text = (project / KO).read_text(encoding="utf-8")
    po.write_text(text.replace("마르크 뤼터 나토 사무총장과", "마크 루터 나토 사무총장과"),
                  encoding="utf-8")
    done = pybabel_compile(outside, "-i", "ko.po", "-o", "ko.mo", "-l", "ko")
    assert done.returncode == 0 and "error:" not in done.stderr, done.stderr


@pytest.mark.parametrize("broken", ["[[term]]\nid = ", "\xff"])
def test_a_broken_glossary_is_said_once(project, broken):
    (project / "glossary" / "zz_broken.toml").write_bytes(broken.encode("latin-1"))
    done = pybabel_compile(project, "-d", "locales", "-D", "articles", "-l", "ko")
    errors = [line for line in done.stderr.splitlines() if "xlate cannot check" in line]
    assert len(errors) == 1 and "zz_broken.toml" in errors[0], done.stderr
