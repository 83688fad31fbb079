"""Glossary hints that survive the tools translators use (issue 13, part 2).

The approved renderings of every term a sentence names, in every target locale, are the
template's extracted comments (`#. glossary: NATO -> ko 나토 | ja NATO | fr Otan`). msgmerge,
Poedit's "Update from POT" and Weblate give a catalogue the template's extracted comments, so a
translator who never runs xlate still sees them, and the catalogue msgmerge writes is the one
`xlate update` writes: checked here with the real msgmerge, byte for byte."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_xlate as xlate

pytestmark = pytest.mark.skipif(shutil.which("msgmerge") is None,
                                reason="GNU msgmerge is not installed")
LOCALES = ("ko", "ja", "fr")


def msgmerge(project: Path, locale: str) -> None:
    po = project / "locales" / locale / "LC_MESSAGES" / "articles.po"
    done = subprocess.run(["msgmerge", "--quiet", "--previous", "--update", "--backup=none",
                           str(po), str(project / "locales" / "articles.pot")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def catalogue(project: Path, locale: str) -> bytes:
    return (project / "locales" / locale / "LC_MESSAGES" / "articles.po").read_bytes()


@pytest.mark.parametrize("locale", LOCALES)
def test_msgmerge_leaves_a_current_catalogue_byte_identical(project, locale):
    before = catalogue(project, locale)
    msgmerge(project, locale)
    assert catalogue(project, locale) == before


def test_after_a_new_sentence_msgmerge_writes_what_xlate_update_writes(project):
    seed = project / "seeds" / "000_ce24f1a5671597a8.txt"
    seed.write_text(seed.read_text(encoding="utf-8")
                    + "\nNATO leaders met in The Hague on Wednesday.\n", encoding="utf-8")
    assert xlate("extract", cwd=project).returncode == 0
    for locale in LOCALES:
        msgmerge(project, locale)  # what Poedit, Weblate or a pipeline runs
        merged = catalogue(project, locale)
        text = merged.decode("utf-8")
        entry = text[text.index('msgid "NATO leaders met'):]
        hints = text[:text.index('msgid "NATO leaders met')].rsplit("\n\n", 1)[-1]
        # The translator sees the approved renderings of the new sentence's terms...
        assert "#. glossary: NATO -> ko 나토" in hints and "| fr Otan" in hints
        assert "#. glossary: The Hague -> ko 헤이그 | ja ハーグ | fr La Haye" in hints
        assert entry.startswith('msgid "NATO leaders met in The Hague on Wednesday."')
        # ... and xlate finds the catalogue current and would write the same bytes.
        check = xlate("update", "--check", locale, cwd=project)
        assert check.returncode == 0 and "up to date (" in check.stderr, check.stderr
        assert xlate("update", locale, cwd=project).returncode == 0
        assert catalogue(project, locale) == merged


def test_the_hints_follow_the_glossary_through_the_template(project):
    """A changed rendering reaches the catalogues through `xlate extract`, as any change of
    the template does; until then the template is stale (C404), not the catalogues."""
    terms = project / "glossary" / "places.toml"
    text = terms.read_text(encoding="utf-8")
    assert 'approved = "헤이그"' in text
    terms.write_text(text.replace('approved = "헤이그"', 'approved = "덴하흐"', 1),
                     encoding="utf-8")
    done = xlate("extract", "--check", cwd=project)
    assert done.returncode == 1 and "extracted comments differ" in done.stderr
    assert xlate("extract", cwd=project).returncode == 0
    msgmerge(project, "ko")
    assert "#. glossary: The Hague -> ko 덴하흐" in catalogue(project, "ko").decode("utf-8")


def _babel_reads_an_empty_language() -> bool:
    """Old babel (2.14, our declared minimum) cannot read a template whose Language header is
    empty, as GNU's and xlate's templates write it (ValueError in Locale.parse)."""
    import io

    from babel.messages.pofile import read_po

    try:
        read_po(io.BytesIO(b'msgid ""\nmsgstr ""\n"Language: \\n"\n'))
    except ValueError:
        return False
    return True


def test_pybabel_update_changes_only_the_layout(project):
    """pybabel update (Flask and Django projects run it) rewraps at 76 columns and rewrites
    the header: layout, reported as C405 (info), never as a stale catalogue."""
    if not _babel_reads_an_empty_language():
        pytest.skip("this babel cannot read a template with an empty Language header")
    done = subprocess.run([sys.executable, "-m", "babel.messages.frontend", "update",
                           "-i", "locales/articles.pot", "-d", "locales", "-D", "articles",
                           "-l", "ko"], cwd=project, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    check = xlate("check", cwd=project)
    assert check.returncode == 0, check.stdout
    assert "C405" in check.stdout and "C404" not in check.stdout
    assert xlate("update", "--check", "ko", cwd=project).returncode == 0
