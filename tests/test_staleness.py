"""Stale means stale (issue 13, part 1): a translator's valid edit never fails CI as "stale".

A catalogue is stale (C404, an error) when its entries, references, flags, extracted comments
(glossary hints) or previous msgids differ from what the template and glossary call for. A
catalogue whose content is current but whose text is laid out otherwise (a line a text editor
did not wrap, polib's or Poedit's way of wrapping, a header Poedit stamped) gets C405, info,
which `xlate update` fixes without changing a word. Edits are made as a text editor, polib and
Poedit make them; the real `xlate check`, `update --check` and `ci` judge them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from conftest import run_xlate as xlate

KO = Path("locales") / "ko" / "LC_MESSAGES" / "articles.po"


def codes(done: subprocess.CompletedProcess) -> list[str]:
    return sorted({line.split(": ")[1].split()[0] for line in done.stdout.splitlines()
                   if ": C40" in line})


def edit_as_text(project: Path) -> None:
    """The issue's own example: one word added to a msgstr in a text editor, which leaves
    the long line unwrapped."""
    path = project / KO
    text = path.read_text(encoding="utf-8")
    assert text.count("협의체를 신설하고") == 1
    path.write_text(text.replace("협의체를 신설하고", "협의체를 새로 신설하고"), encoding="utf-8")


def edit_with_polib(project: Path) -> None:
    """A script's edit: polib rewraps the whole file at 78 columns its own way."""
    catalogue = polib.pofile(str(project / KO), wrapwidth=78)
    entry = next(e for e in catalogue if "협의체를 신설하고" in e.msgstr)
    entry.msgstr = entry.msgstr.replace("협의체를 신설하고", "협의체를 새로 신설하고")
    catalogue.save()


def edit_as_poedit(project: Path) -> None:
    """What Poedit's save does besides the edit: it stamps the header (revision date, the
    translator, X-Generator) and writes the file with msgcat's wrapping."""
    edit_as_text(project)
    path = project / KO
    text = path.read_text(encoding="utf-8")
    text = text.replace('"Last-Translator: ', '"Last-Translator: Kim Translator <kim@example.org>',
                        1).replace('"Language: ko\\n"\n',
                                   '"Language: ko\\n"\n"X-Generator: Poedit 3.4.2\\n"\n', 1)
    path.write_text(text, encoding="utf-8")
    done = subprocess.run(["msgcat", "--width=79", "-o", str(path), str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("edit", [edit_as_text, edit_with_polib, edit_as_poedit],
                         ids=["text editor", "polib", "Poedit"])
def test_a_translators_edit_is_never_stale(project, edit):
    edit(project)
    check = xlate("check", cwd=project)
    assert "C404" not in codes(check), check.stdout
    assert check.returncode == 0, check.stdout + check.stderr
    assert xlate("update", "--check", cwd=project).returncode == 0
    ci = xlate("ci", cwd=project)
    assert ci.returncode == 0, ci.stdout + ci.stderr
    # xlate update rewrites the layout and keeps the edit.
    assert xlate("update", "ko", cwd=project).returncode == 0
    assert "협의체를 새로 신설하고" in (project / KO).read_text(encoding="utf-8")
    assert "C405" not in codes(xlate("check", cwd=project))


def test_layout_is_named_as_info(project):
    edit_as_text(project)
    check = xlate("check", cwd=project)
    assert codes(check) == ["C405"]
    assert "locales/ko/LC_MESSAGES/articles.po:1:1: C405 [catalogue-layout]" in check.stdout
    update = xlate("update", "--check", "ko", cwd=project)
    assert "up to date, laid out otherwise" in update.stderr


@pytest.mark.parametrize("change,why", [
    (lambda t: t.replace("#: seeds/000_ce24f1a5671597a8.txt:", "#: seeds/moved.txt:", 1),
     "references differ"),
    (lambda t: t.replace("#. glossary: ", "#. glossary (old): ", 1), "extracted comments differ"),
], ids=["a reference", "a glossary hint"])
def test_content_the_template_owns_is_stale(project, change, why):
    path = project / KO
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    check = xlate("check", cwd=project)
    assert "C404" in codes(check) and check.returncode == 1
    assert why in check.stdout
    update = xlate("update", "--check", "ko", cwd=project)
    assert update.returncode == 1 and why in update.stderr


def test_a_removed_entry_is_stale_and_named(project):
    path = project / KO
    catalogue = polib.pofile(str(path))
    gone = catalogue[3]
    catalogue.remove(gone)
    catalogue.save()
    update = xlate("update", "--check", "ko", cwd=project)
    assert update.returncode == 1
    assert f"entry {gone.msgid[:37]!r}" in update.stderr or "is missing" in update.stderr


def test_the_template_too(project):
    """A wrapped msgid of the template joined onto one line: the same content, not GNU's
    layout."""
    pot = project / "locales" / "articles.pot"
    lines = pot.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line == 'msgid ""'
                 and lines[n + 1].startswith('"'))
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith('"'))
    joined = 'msgid "' + "".join(line[1:-1] for line in lines[start + 1:end]) + '"'
    pot.write_text("\n".join([*lines[:start], joined, *lines[end:]]), encoding="utf-8")
    done = xlate("extract", "--check", cwd=project)
    assert done.returncode == 0 and "laid out otherwise" in done.stderr
    assert codes(xlate("check", cwd=project)) == ["C405"]
