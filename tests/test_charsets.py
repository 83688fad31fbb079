"""Catalogues in the charsets translators' tools still write (EUC-KR, Shift_JIS, ISO-8859-1):
every command honours the charset the header declares, as msgfmt, msgmerge and Poedit do.
`update` keeps it when it can write every character and turns the catalogue into UTF-8 (header
included) when it cannot, as msgmerge does; `compile` writes a .mo in that charset that GNU's
own msgunfmt reads back; `check` finds in it what it finds in the UTF-8 original."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from conftest import run_xlate as xlate

pytestmark = pytest.mark.skipif(shutil.which("msgconv") is None or shutil.which("msgunfmt")
                                is None, reason="GNU gettext is not installed")

ARTICLE = ("President Lee Jae Myung met NATO Secretary General Mark Rutte in The Hague on "
           "June 25.\n\nNATO leaders agreed to raise defence spending.\n")
TRANSLATIONS = {
    "ko": ["이재명 대통령은 6월 25일 헤이그에서 마르크 뤼터 나토 사무총장을 만났다.",
           "나토 정상들은 국방비를 늘리기로 합의했다."],
    "ja": ["李在明大統領は6月25日、ハーグでマルク・ルッテNATO事務総長と会談した。",
           "NATO首脳は国防費の引き上げで合意した。"],
    "fr": ["Le président Lee Jae Myung a rencontré le secrétaire général de l'OTAN, Mark Rutte, "
           "le 25 juin à La Haye.", "Les dirigeants de l'OTAN sont convenus d'augmenter les "
           "dépenses de défense."],
}
CHARSETS = {"ko": "EUC-KR", "ja": "SHIFT_JIS", "fr": "ISO-8859-1"}


@pytest.fixture(scope="module")
def projects(tmp_path_factory) -> dict[str, Path]:
    """One small project per language, its catalogue translated (then converted by GNU msgconv
    in each test). One language each: a catalogue carries the glossary hints of every target
    locale of its project, and Japanese hints have no place in an EUC-KR catalogue."""
    import polib

    made = {}
    for locale, texts in TRANSLATIONS.items():
        root = tmp_path_factory.mktemp(f"charsets-{locale}")
        shutil.copytree(ROOT / "glossary", root / "glossary")
        (root / "articles").mkdir()
        (root / "articles" / "hague.txt").write_text(ARTICLE, encoding="utf-8")
        (root / "articles" / "manifest.toml").write_text(
            '[[article]]\nid = "hague"\nfile = "hague.txt"\ntitle = "The Hague"\n'
            'date = 2025-06-25\npublisher = "Desk"\nlanguage = "en"\n', encoding="utf-8")
        (root / "xlate.toml").write_text(
            'glossary = "glossary"\nsources = ["articles/*.txt"]\n'
            'manifest = "articles/manifest.toml"\ncatalogs = "locales"\n'
            f'target_locales = ["{locale}"]\n', encoding="utf-8")
        assert xlate("extract", cwd=root).returncode == 0
        assert xlate("init", locale, cwd=root).returncode == 0
        po_path = root / "locales" / locale / "LC_MESSAGES" / "articles.po"
        catalogue = polib.pofile(str(po_path))
        for entry, text in zip(catalogue, texts, strict=True):
            entry.msgstr = text
        catalogue.save()
        assert xlate("update", locale, cwd=root).returncode == 0  # xlate's own layout
        shutil.copy(po_path, root / f"{locale}.utf8.po")
        made[locale] = root
    return made


def convert(project: Path, locale: str) -> Path:
    po = project / "locales" / locale / "LC_MESSAGES" / "articles.po"
    shutil.copy(project / f"{locale}.utf8.po", po)
    done = subprocess.run(["msgconv", f"--to-code={CHARSETS[locale]}", str(po), "-o", str(po)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and CHARSETS[locale] in po.read_bytes().decode("ascii",
                                                                               "replace")
    return po


@pytest.mark.parametrize("locale", ["ko", "ja", "fr"])
def test_update_keeps_a_charset_that_can_write_everything(projects, locale):
    project = projects[locale]
    po = convert(project, locale)
    before = po.read_bytes()
    done = xlate("update", locale, cwd=project)
    assert done.returncode == 0, done.stderr
    # msgconv wraps as msgcat does, and xlate writes what msgcat writes: no change at all.
    assert po.read_bytes() == before
    assert "up to date" in done.stderr


@pytest.mark.parametrize("locale", ["ko", "ja", "fr"])
def test_check_finds_in_another_charset_what_it_finds_in_utf8(projects, locale):
    project = projects[locale]
    po = convert(project, locale)
    theirs = xlate("check", "--format", "json", str(po), cwd=project)
    utf8 = xlate("check", "--format", "json", f"{locale}.utf8.po", cwd=project)
    assert theirs.returncode == utf8.returncode == 0, theirs.stderr + utf8.stderr

    def codes(done):
        return [(f["code"], f["line"]) for f in json.loads(done.stdout)["findings"]]

    assert codes(theirs) == codes(utf8)


@pytest.mark.parametrize("locale", ["ko", "ja", "fr"])
def test_compile_writes_a_mo_that_gnu_reads_in_that_charset(projects, locale):
    project = projects[locale]
    po = convert(project, locale)
    assert xlate("compile", locale, cwd=project).returncode == 0
    done = subprocess.run(["msgunfmt", str(po.with_suffix(".mo"))], capture_output=True)
    assert done.returncode == 0
    text = done.stdout.decode(CHARSETS[locale].lower().replace("shift_jis", "shift_jis"))
    assert f"charset={CHARSETS[locale]}" in text
    for translation in TRANSLATIONS[locale]:
        assert translation.replace("'", "\\'")[:12] in text.replace('"\n"', "")


def test_update_turns_a_catalogue_into_utf8_when_its_charset_cannot_write_the_template(projects):
    """A new sentence with a curly apostrophe and an em dash: ISO-8859-1 has neither. msgmerge
    converts the catalogue to UTF-8; so does xlate, and the header says so."""
    project = projects["fr"]
    po = convert(project, "fr")
    article = project / "articles" / "hague.txt"
    original = article.read_text(encoding="utf-8")
    try:
        article.write_text(original + "\nRutte’s reply — brief.\n", encoding="utf-8")
        assert xlate("extract", cwd=project).returncode == 0
        done = xlate("update", "fr", cwd=project)
        assert done.returncode == 0, done.stderr
        text = po.read_bytes().decode("utf-8")
        assert "charset=UTF-8" in text and "ISO-8859-1" not in text
        assert "Rutte’s reply — brief." in text
        assert "dépenses de défense" in text  # the translations survive the conversion
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)]).returncode == 0
    finally:
        article.write_text(original, encoding="utf-8")
        assert xlate("extract", cwd=project).returncode == 0
