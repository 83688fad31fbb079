"""The catalogue commands end to end, on a copy of the repository as a new user would use it."""

from __future__ import annotations

import json
import shutil
import subprocess

import polib
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from xlate.cli import app

runner = CliRunner()
LOCALES = ("ko", "ja", "fr")
MSGFMT = shutil.which("msgfmt")


def run(*args):
    return runner.invoke(app, list(args))


def po(project, locale):
    return project / "locales" / locale / "LC_MESSAGES" / "articles.po"


def snapshot(project):
    return {p.relative_to(project): p.read_bytes() for p in (project / "locales").rglob("*.po*")}


def test_shipped_catalogues_are_current_and_second_runs_change_nothing(project):
    before = snapshot(project)
    assert run("extract", "--check").exit_code == 0
    assert run("update", "--check").exit_code == 0
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    assert snapshot(project) == before


def test_new_user_flow_renders_the_first_article_in_korean(project):
    for command in (["extract"], ["update"], ["compile"]):
        assert run(*command).exit_code == 0
    result = run("render", "ko")
    assert result.exit_code == 0
    first = result.stdout.split("\n\n")
    assert first[0] == "외교"
    assert "위성락 국가안보실장" in result.stdout and "마르크 뤼터" in result.stdout
    assert "fell back" not in result.stderr
    one = run("render", "ko", "djournal-wi-letter")
    assert one.stdout.strip().endswith("후속 논의다.")


def test_editing_one_seed_sentence_makes_exactly_that_entry_fuzzy(project):
    seed = project / "seeds" / "000_ce24f1a5671597a8.txt"
    old = "Meanwhile, Wi also attended an official welcome dinner"
    seed.write_text(seed.read_text(encoding="utf-8").replace(
        old, "Meanwhile, Wi later attended an official welcome dinner"), encoding="utf-8")
    before = {loc: polib.pofile(str(po(project, loc))) for loc in LOCALES}
    assert run("extract", "--check").exit_code == 1
    assert run("extract").exit_code == 0
    assert run("update", "--check").exit_code == 1
    assert run("update").exit_code == 0
    for locale in LOCALES:
        after = polib.pofile(str(po(project, locale)))
        fuzzy = [e for e in after if e.fuzzy and not e.obsolete]
        assert len(fuzzy) == 1 and fuzzy[0].previous_msgid.startswith(old)
        assert fuzzy[0].msgid.startswith("Meanwhile, Wi later attended")
        old_entry = before[locale].find(fuzzy[0].previous_msgid, msgctxt="djournal-wi-letter")
        assert fuzzy[0].msgstr == old_entry.msgstr
        for entry in before[locale]:  # no translation and no translator comment is lost
            survivors = [e for e in after if e.msgid == entry.msgid and e.msgstr == entry.msgstr]
            assert survivors and survivors[0].tcomment == entry.tcomment
    result = run("compile")
    assert result.exit_code == 0
    rendered = run("render", "ko", "djournal-wi-letter")
    assert "1 of 19 sentence(s) fell back to English" in rendered.stderr
    assert "Meanwhile, Wi later attended" in rendered.stdout


def test_glossary_change_makes_catalogues_stale(project):
    people = project / "glossary" / "people.toml"
    people.write_text(people.read_text(encoding="utf-8").replace(
        'approved = "마르크 뤼터"', 'approved = "마르크 뤼테"'), encoding="utf-8")
    # The template carries the renderings (so that msgmerge passes them on): it is stale first.
    assert run("extract", "--check").exit_code == 1
    assert run("extract").exit_code == 0
    result = run("update", "--check")
    assert result.exit_code == 1 and "ko/LC_MESSAGES/articles.po: stale" in result.stderr
    assert run("update").exit_code == 0
    assert "glossary: Mark Rutte -> ko 마르크 뤼테" in po(project, "ko").read_text(encoding="utf-8")


@pytest.mark.parametrize("locale,plural", [("de", "nplurals=2; plural=(n != 1);"),
                                           ("zh_TW", "nplurals=1; plural=0;"),
                                           ("es", "nplurals=2; plural=(n != 1);"),
                                           ("pt_BR", "nplurals=2; plural=(n > 1);"),
                                           ("ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 "
                                                  ": n%10>=2 && n%10<=4 && (n%100<10 || "
                                                  "n%100>=20) ? 1 : 2);")])
def test_init_writes_a_correct_header(project, locale, plural):
    result = run("init", locale)
    assert result.exit_code == 0, result.output
    created = polib.pofile(str(po(project, locale)))
    assert created.metadata["Language"] == locale and created.metadata["Plural-Forms"] == plural
    assert created.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert len([e for e in created if not e.translated()]) == 32
    if MSGFMT:
        check = subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(po(project, locale))],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr


def test_init_formula_does_not_depend_on_the_installed_babel(project, monkeypatch):
    """babel 2.19 gives French CLDR's three forms; xlate init writes gettext's two all the same."""
    from babel.messages import plurals as babel_plurals

    cldr = (3, "(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2")
    for french in (cldr, (2, "(n > 1)")):
        table = {**babel_plurals.PLURALS, "fr": french}
        monkeypatch.setattr(babel_plurals, "PLURALS", table)
        po(project, "fr").unlink()
        assert run("init", "fr").exit_code == 0
        created = polib.pofile(str(po(project, "fr")))
        assert created.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


def test_init_formula_can_be_configured_per_locale(project):
    cldr = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    pyproject = project / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")

    def configure(formula):  # inside [tool.xlate], whatever tables follow it
        pyproject.write_text(text.replace("[tool.xlate]\n", "[tool.xlate]\nplural_forms = "
                                          f'{{ fr = "{formula}" }}\n'), encoding="utf-8")

    configure(cldr)
    po(project, "fr").unlink()
    assert run("init", "fr").exit_code == 0
    assert polib.pofile(str(po(project, "fr"))).metadata["Plural-Forms"] == cldr
    assert run("compile", "fr").exit_code == 0  # any valid formula compiles
    configure("nplurals=2; plural=n%10;")
    result = run("init", "de")
    assert result.exit_code == 2 and "plural_forms.fr" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_init_refuses_unknown_locale_and_existing_catalogue(project):
    result = run("init", "xx")
    assert result.exit_code == 2 and "unknown locale 'xx'" in result.stderr
    result = run("init", "ko")
    assert result.exit_code == 2 and "exists already" in result.stderr


def test_compile_refuses_broken_plural_forms_without_leaving_a_file(project):
    """compile refuses what msgfmt --check refuses: here an entry with more translations than
    the header's nplurals, then an expression that does not parse."""
    path = po(project, "fr")
    path.write_text(path.read_text(encoding="utf-8") + (
        '\nmsgctxt "extra"\nmsgid "one partner"\nmsgid_plural "%d partners"\n'
        'msgstr[0] "un partenaire"\nmsgstr[1] "%d partenaires"\nmsgstr[2] "%d de partenaires"\n'),
        encoding="utf-8")
    result = run("compile", "fr")
    assert result.exit_code == 2
    line = path.read_text(encoding="utf-8").splitlines().index('msgstr[0] "un partenaire"') + 1
    assert f"fr/LC_MESSAGES/articles.po:{line}:" in result.stderr
    assert "3 plural translations" in result.stderr and "nplurals=2" in result.stderr
    assert not path.with_suffix(".mo").exists()
    path.write_text(path.read_text(encoding="utf-8").replace(
        "nplurals=2; plural=(n > 1);", "nplurals=2; plural=(n > ;"), encoding="utf-8")
    result = run("compile", "fr")
    assert result.exit_code == 2 and "invalid plural expression" in result.stderr
    assert not path.with_suffix(".mo").exists()


def test_compile_accepts_any_valid_formula_as_msgfmt_does(project):
    """CLDR's three French forms or gettext's two: both compile (C506 is only a warning)."""
    path = po(project, "fr")
    cldr = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "nplurals=2; plural=(n > 1);", cldr), encoding="utf-8")
    assert run("compile", "fr").exit_code == 0
    assert path.with_suffix(".mo").exists()


def test_compile_refuses_broken_format_strings(project):
    path = po(project, "ko")
    text = path.read_text(encoding="utf-8")
    text += ('\n#, python-format\nmsgctxt "extra"\nmsgid "Hello %(name)s"\n'
             'msgstr "안녕 %(nom)s"\n')
    path.write_text(text, encoding="utf-8")
    result = run("compile", "ko")
    assert result.exit_code == 2 and "ko/LC_MESSAGES/articles.po:" in result.stderr


def test_broken_po_file_is_a_clear_error(project):
    path = po(project, "ja")
    path.write_text('msgid "a"\nmsgstr "b"\nmsgid\n', encoding="utf-8")
    result = run("update", "ja")
    assert result.exit_code == 2 and "ja/LC_MESSAGES/articles.po" in result.stderr
    assert "Traceback" not in result.output


def test_render_compiles_what_a_fresh_clone_lacks(project):
    mo = project / "locales" / "ko" / "LC_MESSAGES" / "articles.mo"
    assert not mo.exists()  # .mo files are git-ignored build artefacts
    first = run("render", "ko", "djournal-wi-letter")
    assert first.exit_code == 0 and first.stdout.startswith("외교\n")
    assert "articles.mo: compiled" in first.stderr and mo.is_file()
    again = run("render", "KO", "djournal-wi-letter")  # up to date: not compiled twice
    assert again.stdout == first.stdout and "compiled" not in again.stderr
    assert list(mo.parent.glob(".*tmp")) == []


def test_compile_and_render_say_what_to_run(project):
    missing = run("compile", "de")
    assert missing.exit_code == 2
    assert missing.stderr.strip().endswith("no catalogue for 'de': run `xlate init de`")
    unknown = run("render", "xx")
    assert unknown.exit_code == 2 and len(unknown.stderr.splitlines()) == 1
    assert "unknown locale 'xx' (not in CLDR); the catalogues are: fr, ja, ko" in unknown.stderr
    shutil.rmtree(project / "locales")
    for command in (["compile"], ["stats"]):
        result = run(*command)
        assert result.exit_code == 2 and result.stdout == "", command
        assert "no catalogues yet (`xlate init LOCALE` creates one)" in result.stderr


def test_render_formats_escape_and_require_compile(project):
    assert run("compile").exit_code == 0
    md = run("render", "fr", "ians-defence-body", "--format", "md").stdout
    assert md.startswith("## South Korea, NATO agree") and "| English | French |" in md
    page = run("render", "ja", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "<td lang=\"ja\">" in page
    assert "&quot;" in page or "&#x27;" in page or "“" in page
    assert run("render", "ko", "nope").exit_code == 2


def test_stats(project):
    table = run("stats")
    assert table.exit_code == 0 and "100.0%" in table.stdout
    rows = json.loads(run("stats", "--format", "json").stdout)
    assert {(r["locale"], r["article"]) for r in rows} == {
        (loc, a) for loc in LOCALES for a in ("djournal-wi-letter", "ians-defence-body")}
    assert all(r["fuzzy"] == 0 and r["untranslated"] == 0 and r["percent"] == 100.0 for r in rows)


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("locale", LOCALES)
def test_shipped_catalogues_pass_msgfmt_check_complete(locale):
    path = ROOT / "locales" / locale / "LC_MESSAGES" / "articles.po"
    done = subprocess.run([MSGFMT, "--check", "--statistics", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("32 translated messages.")


@pytest.mark.skipif(MSGFMT is None, reason="GNU gettext (msgfmt) is not installed")
def test_template_passes_msgfmt_check():
    done = subprocess.run([MSGFMT, "--check", "-o", "/dev/null",
                           str(ROOT / "locales" / "articles.pot")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
