"""Plural forms as GNU gettext judges them: the header decides, any known formula is accepted, and
the formula `xlate init` writes is pinned, whatever babel is installed."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from xlate.po import plural_table, plurals
from xlate.po.plurals import PluralEntry, judge

FR_GNU = "Plural-Forms: nplurals=2; plural=(n > 1);\n"
FR_CLDR = ("Plural-Forms: nplurals=3; plural=(n == 0 || n == 1) ? 0 : "
           "n != 0 && n % 1000000 == 0 ? 1 : 2;\n")


def codes(header, counts=(), language="fr"):
    problems = judge(header, [PluralEntry(10 * (i + 1), c) for i, c in enumerate(counts)])
    if header is not None and not problems:
        unknown = plurals.unknown_formula(header, language)
        problems += [unknown] if unknown else []
    return [p.code for p in problems]


@pytest.mark.parametrize("header, counts, expected", [
    # What msgfmt --check refuses.
    (FR_GNU, (2, 3), ["C505"]),
    (FR_GNU, (1,), ["C505"]),
    ("Plural-Forms: nplurals=0; plural=0;\n", (), ["C502"]),
    ("Plural-Forms: nplurals=2; plural=n%10;\n", (), ["C502"]),
    ("Plural-Forms: nplurals=2; plural=n/(n-1);\n", (), ["C502"]),   # divides by zero at n=1
    ("Plural-Forms: nplurals=2; plural=n-1;\n", (), ["C502"]),       # negative at n=0
    ("Plural-Forms: nplurals=2; plural=(n > ;\n", (), ["C502"]),
    ("Plural-Forms: nplurals=two; plural=(n > 1);\n", (), ["C502"]),
    ("Language: fr\n", (2,), ["C502", "C502"]),                      # no nplurals=, no plural=
    (None, (2,), ["C502"]),                                           # no header at all
    # Near misses msgfmt accepts.
    (FR_GNU, (2, 2), []),
    (FR_CLDR, (3, 3), []),
    ("Plural-Forms: nplurals=2; plural=n>1\n", (2,), []),            # no final semicolon
    ("Plural-Forms:nplurals=2;plural=(n>1);\n", (2,), []),           # no spaces
    ("Language: fr\n", (), []),                                       # no plural entries
    (None, (), []),
    ("Plural-Forms: nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;\n", (3,), ["C506"]),
])
def test_judged_as_msgfmt_judges(header, counts, expected):
    assert codes(header, counts) == expected


def test_count_mismatch_names_each_entry_and_its_line():
    problems = judge(FR_GNU, [PluralEntry(7, 2), PluralEntry(12, 3), PluralEntry(20, 1)])
    assert [(p.code, p.line) for p in problems] == [("C505", 12), ("C505", 20)]
    assert "3 plural translations" in problems[0].message
    assert "nplurals=2" in problems[0].message


@pytest.mark.parametrize("language, header, known", [
    ("fr", "Plural-Forms: nplurals=2; plural=(n>1);", True),        # spacing is not behaviour
    ("fr", "Plural-Forms: nplurals=2; plural=n > 1 ? 1 : 0;", True),
    ("fr", FR_CLDR, True),
    ("fr", "Plural-Forms: nplurals=2; plural=(n != 1);", False),    # English's formula
    ("fr_CA", "Plural-Forms: nplurals=2; plural=(n > 1);", True),   # falls back to fr
    ("pt_BR", "Plural-Forms: nplurals=2; plural=(n > 1);", True),
    ("pt-BR", "Plural-Forms: nplurals=2; plural=(n > 1);", True),
    ("ko", "Plural-Forms: nplurals=1; plural=0;", True),
    ("ko", "Plural-Forms: nplurals=2; plural=(n != 1);", False),
    ("es", "Plural-Forms: nplurals=2; plural=(n != 1);", True),     # gettext's and babel's
    ("xx", "Plural-Forms: nplurals=5; plural=n%5;", True),          # nothing known: no opinion
])
def test_known_formulas(language, header, known):
    assert (plurals.unknown_formula(header, language) is None) is known


def test_unknown_formula_names_the_known_ones_with_their_sources():
    problem = plurals.unknown_formula("Plural-Forms: nplurals=2; plural=(n != 1);", "fr")
    assert problem.code == "C506"
    assert "'nplurals=2; plural=(n > 1);' (GNU gettext, babel <= 2.18)" in problem.message
    assert "(CLDR)" in problem.message


def test_a_newer_babel_formula_is_accepted_too():
    newer = ("babel 9.9", "nplurals=2; plural=(n >= 3);")
    header = "Plural-Forms: nplurals=2; plural=(n >= 3);"
    assert plurals.unknown_formula(header, "fr") is not None
    assert plurals.unknown_formula(header, "fr", [newer]) is None


@pytest.mark.parametrize("language, expected", [
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("pt_BR", "nplurals=2; plural=(n > 1);"),
    ("pt", "nplurals=2; plural=(n != 1);"),
    ("ko", "nplurals=1; plural=0;"),
    ("ja", "nplurals=1; plural=0;"),
    ("de_AT", "nplurals=2; plural=(n != 1);"),
    ("zh_Hant", "nplurals=1; plural=0;"),                            # babel's legacy table
])
def test_conventional_formula_is_pinned(language, expected):
    assert plurals.conventional(language) == expected


def test_conventional_formula_can_be_overridden_per_locale():
    cldr = FR_CLDR.split(": ", 1)[1].strip()
    assert plurals.conventional("fr", {"fr": cldr}) == cldr
    assert plurals.conventional("fr_CA", {"fr": cldr}) == cldr
    assert plurals.conventional("de", {"fr": cldr}) == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("table", ["GNU", "BABEL_LEGACY", "CLDR"])
def test_every_pinned_formula_is_valid_and_judged_clean(table):
    for language, formula in getattr(plural_table, table).items():
        parsed = plurals.parse_formula(formula)
        assert parsed is not None, (table, language, formula)
        header = f"Plural-Forms: {formula}\n"
        assert judge(header, [PluralEntry(1, parsed[0])]) == [], (table, language)
        assert plurals.unknown_formula(header, language) is None, (table, language)


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
def test_gnu_table_is_what_msgfmt_itself_suggests(tmp_path):
    """msgfmt names its conventional formula when a header lacks one: ours must be the same."""
    checked = 0
    for language, formula in plural_table.GNU.items():
        path = tmp_path / f"{language}.po"
        path.write_text(f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n'
                        '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                        'msgid "a"\nmsgid_plural "b"\nmsgstr[0] "c"\n', encoding="utf-8")
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True, env={"LC_ALL": "C"})
        suggested = [line for line in result.stderr.splitlines() if "Plural-Forms:" in line]
        assert result.returncode != 0
        if suggested:  # an older msgfmt may not know every language of today's table
            value = suggested[0].split("Plural-Forms:", 1)[1].strip().strip('"')
            assert value.replace("\\n", "").strip() == formula, language
            checked += 1
    assert checked >= 30
