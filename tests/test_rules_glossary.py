"""Every glossary rule fires on its bad example and stays quiet on its good one, and every
message the loader and validator can produce has a case that makes it fire."""

from __future__ import annotations

import textwrap

import pytest

from xlate.errors import GlossaryError
from xlate.glossary.load import load_glossary, parse_glossary_text
from xlate.glossary.validate import validate
from xlate.rules import REGISTRY

TARGETS = ("ko", "ja", "fr")
GLOSSARY_RULES = [r for r in REGISTRY if r.code.startswith("G")]


def check(text: str, targets=TARGETS):
    parsed = parse_glossary_text(textwrap.dedent(text).lstrip("\n"), "g.toml")
    found = parsed.findings + validate(parsed.glossary, REGISTRY, target_locales=targets,
                                       locate=parsed.locate)
    return sorted(found, key=lambda f: (f.line, f.code))


@pytest.mark.parametrize("rule", GLOSSARY_RULES, ids=lambda r: r.code)
def test_bad_example_fires(rule):
    codes = {f.code for f in check(rule.bad)}
    assert rule.code in codes


@pytest.mark.parametrize("rule", GLOSSARY_RULES, ids=lambda r: r.code)
def test_good_example_is_clean(rule):
    assert check(rule.good) == []


def test_every_rule_is_documented():
    for rule in REGISTRY:
        assert rule.name == rule.name.lower() and " " not in rule.name
        for part in (rule.summary, rule.why, rule.bad, rule.good):
            assert part.strip()
        assert "## Use instead" in rule.doc()


E = '[[term]]\nid = "x"\nkind = "term"\ncanonical = "X"\n'
KO_JA_FR = '[term.ko]\napproved = "가"\n[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n'

# (snippet, code, line, words in the message)
CASES = [
    ('name = "x"\n' + E + KO_JA_FR, "G101", 1, "unknown top-level key 'name'"),
    (E + 'variants = ["Y"]\n' + KO_JA_FR, "G101", 5, "unknown key 'variants' in entry"),
    (E + KO_JA_FR + 'preferred = "b"\n', "G101", 11, "unknown key 'preferred' in [term.fr]"),
    (E + 'admitted = [{ text = "Y", since = 2020-01-01 }]\n' + KO_JA_FR, "G101", 5,
     "unknown key 'since' in a form of `admitted`"),
    ('[[term]]\nkind = "term"\ncanonical = "X"\n' + KO_JA_FR, "G102", 1, "entry has no `id`"),
    ('[[term]]\nid = "x"\ncanonical = "X"\n' + KO_JA_FR, "G102", 1, "entry has no `kind`"),
    ('[[term]]\nid = "x"\nkind = "term"\n' + KO_JA_FR, "G102", 1, "entry has no `canonical`"),
    (E + '[term.ko]\nadmitted = ["가"]\n[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n',
     "G102", 5, "[term.ko] has no `approved`"),
    (E + 'admitted = [{ from = 2020-01-01 }]\n' + KO_JA_FR, "G102", 5, "has no `text`"),
    ('[[term]]\nid = "X-1"\nkind = "term"\ncanonical = "X"\n' + KO_JA_FR, "G103", 2,
     "must be lower case letters"),
    ('[[term]]\nid = "x"\nkind = "term"\ncanonical = ""\n' + KO_JA_FR, "G103", 4, "empty"),
    ('[[term]]\nid = "x"\nkind = "term"\ncanonical = "X "\n' + KO_JA_FR, "G103", 4,
     "trailing or line-break"),
    (E + 'admitted = "Y"\n' + KO_JA_FR, "G103", 5, "`admitted` must be a list of forms"),
    ('[[term]]\nid = "x"\nkind = "term"\ncanonical = 3\n' + KO_JA_FR, "G103", 4,
     "`canonical` must be a form"),
    (E + 'admitted = [3]\n' + KO_JA_FR, "G103", 5, "must be a string or an inline table"),
    (E + 'admitted = [{ text = "Y", from = "2020" }]\n' + KO_JA_FR, "G103", 5,
     "`from` of 'Y' must be a date"),
    (E + 'admitted = [{ text = "Y", from = 2021-01-01, until = 2020-01-01 }]\n' + KO_JA_FR,
     "G103", 5, "which is no day at all"),
    (E + 'admitted = [{ text = "Y", note = 1 }]\n' + KO_JA_FR, "G103", 5, "`note` of 'Y'"),
    (E + 'case_sensitive = "yes"\n' + KO_JA_FR, "G103", 5, "`case_sensitive` must be true"),
    (E + 'hangul = 1\n' + KO_JA_FR, "G103", 5, "`hangul` must be a string"),
    (E + 'see = "y"\n' + KO_JA_FR, "G103", 5, "`see` must be a list of entry ids"),
    (E + KO_JA_FR + 'note = 3\n', "G103", 11, "`note` in [term.fr] must be a string"),
    (E + 'ko = "가"\n' + '[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n', "G101", 5,
     "unknown key 'ko' in entry"),
    (E + 'ko = ["가"]\n' + '[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n', "G103", 5,
     "[term.ko] must be a table"),
    ('[term]\nid = "x"\n', "G103", 1, "write [[term]], not [term]"),
    ('[[term]]\nid = "x"\nkind = "thing"\ncanonical = "X"\n' + KO_JA_FR, "G104", 3,
     "unknown kind 'thing'"),
    (E + KO_JA_FR + '[term.xx]\napproved = "b"\n', "G105", 11, "'xx' is not a locale"),
    (E + KO_JA_FR + '\n' + E + KO_JA_FR, "G201", 13, "id 'x' is already used"),
    (E + KO_JA_FR + '[[term]]\nid = "y"\nkind = "term"\ncanonical = "Z"\nadmitted = ["X"]\n'
     + KO_JA_FR, "G202", 15, "form 'X' is also a form of 'x'"),
    (E + 'deprecated = ["X"]\n' + KO_JA_FR, "G203", 5,
     "deprecated form 'X' is also the canonical form"),
    (E + 'admitted = ["Y"]\nforbidden = ["Y"]\n' + KO_JA_FR, "G204", 6,
     "listed as admitted and again as forbidden"),
    (E + KO_JA_FR + '[[term]]\nid = "y"\nkind = "term"\ncanonical = "Y"\n' + KO_JA_FR, "G205", 16,
     "ko rendering '가' is also a rendering of 'x'"),
    ('[[term]]\nid = "x"\nkind = "term"\ncanonical = ["X", "Y"]\n' + KO_JA_FR, "G206", 4,
     "canonical forms 'X' and 'Y' are valid on the same days"),
    (E + '[term.ko]\napproved = "가"\n', "G301", 1, "no approved ja rendering for 'X'"),
    (E + 'hangul = "Wi"\n' + KO_JA_FR, "G302", 5,
     "`hangul` is 'Wi', which is not written in Hangul"),
    (E + 'hanja = "위성락"\n' + KO_JA_FR, "G302", 5, "not written in Han characters"),
    (E + 'see = ["nope"]\n' + KO_JA_FR, "G303", 5, "`see` names 'nope'"),
]


@pytest.mark.parametrize("text,code,line,words", CASES, ids=[f"{c[1]}-{i}" for i, c in
                                                               enumerate(CASES)])
def test_message_fires_at_line(text, code, line, words):
    hits = [f for f in check(text) if f.code == code]
    assert hits, f"{code} did not fire; got {[(f.code, f.message) for f in check(text)]}"
    assert any(words in f.message and f.line == line for f in hits), \
        [(f.line, f.message) for f in hits]
    assert all(f.path == "g.toml" and f.rule == REGISTRY.get(code).name for f in hits)


def test_missing_rendering_names_locale_table_line_when_table_exists():
    text = E + '[term.ko]\napproved = "가"\n[term.ja]\nadmitted = ["ア"]\n' \
        '[term.fr]\napproved = "a"\n'
    hits = [f for f in check(text) if f.code == "G301"]
    assert [(f.line, "ja" in f.message) for f in hits] == [(7, True)]


# Near misses and decoys: things that look like problems and are not.
CLEAN = [
    # Same letters, different case, both entries case-sensitive: two concepts.
    E.replace('"X"', '"US"') + KO_JA_FR + '[[term]]\nid = "y"\nkind = "term"\ncanonical = "us"\n'
    + KO_JA_FR.replace("가", "나").replace("ア", "イ").replace('"a"', '"b"'),
    # Case variant of its own canonical form in a case-sensitive entry is a real variant.
    E.replace('"X"', '"Presidential Office"') + 'deprecated = ["presidential office"]\n' + KO_JA_FR,
    # Dated approved renderings that follow each other.
    E + '[term.ko]\napproved = [{ text = "가", until = 2025-12-28 }, { text = "나", '
    'from = 2025-12-29 }]\n[term.ja]\napproved = "ア"\n[term.fr]\napproved = "a"\n',
    # A spelling convention needs no renderings.
    '[[term]]\nid = "defense"\nkind = "spelling"\ncanonical = "defense"\ndeprecated = ["defence"]\n'
    'case_sensitive = false\n',
    # The same text forbidden in one entry and approved in another (the classic confusion).
    E + KO_JA_FR.replace('approved = "가"', 'approved = "가"\nforbidden = ["나"]') +
    '[[term]]\nid = "y"\nkind = "term"\ncanonical = "Y"\n' +
    KO_JA_FR.replace("가", "나").replace("ア", "イ").replace('"a"', '"b"'),
    # Hangul with a space, Hanja with several characters.
    E + 'hangul = "위 성락"\nhanja = "魏聖洛"\n' + KO_JA_FR,
    # A multi-line note containing text that looks like keys and tables.
    E + 'note = """\nid = "x"\n[[term]]\nkind = "nope"\n"""\n' + KO_JA_FR,
    # A locale with a region.
    E + KO_JA_FR + '[term.pt_BR]\napproved = "x"\n',
]


@pytest.mark.parametrize("text", CLEAN, ids=range(len(CLEAN)))
def test_near_misses_are_clean(text):
    assert check(text) == []


def test_case_insensitive_entry_collides_with_other_case():
    text = ('[[term]]\nid = "x"\nkind = "term"\ncanonical = "joint statement"\n'
            'case_sensitive = false\n' + KO_JA_FR + '[[term]]\nid = "y"\nkind = "term"\n'
            'canonical = "Joint Statement"\n' + KO_JA_FR.replace("가", "나").replace("ア", "イ")
            .replace('"a"', '"b"'))
    assert [f.code for f in check(text)] == ["G202"]


def test_forms_fold_apostrophes_and_dashes():
    text = (E.replace('"X"', '"King\u2019s Day"') + KO_JA_FR + '[[term]]\nid = "y"\nkind = "term"\n'
            'canonical = "King\'s Day"\n' + KO_JA_FR.replace("가", "나").replace("ア", "イ")
            .replace('"a"', '"b"'))
    assert [f.code for f in check(text)] == ["G202"]


def test_invalid_toml_is_an_error_with_line():
    with pytest.raises(GlossaryError) as info:
        parse_glossary_text('[[term]]\nid = "x"\nkind = \n', "bad.toml")
    assert info.value.path == "bad.toml" and info.value.line == 3
    assert str(info.value).startswith("bad.toml:3:")


def test_not_utf8_is_an_error(tmp_path):
    (tmp_path / "a.toml").write_bytes(b'[[term]]\nid = "x"\ncanonical = "\xff"\n')
    with pytest.raises(GlossaryError, match="not UTF-8"):
        load_glossary(tmp_path)


def test_duplicate_id_across_files(tmp_path):
    (tmp_path / "a.toml").write_text(E + KO_JA_FR, encoding="utf-8")
    (tmp_path / "b.toml").write_text(E.replace('"X"', '"Y"') + KO_JA_FR.replace("가", "나")
                                     .replace("ア", "イ").replace('"a"', '"b"'), encoding="utf-8")
    parsed = load_glossary(tmp_path, target_locales=TARGETS, display_root=tmp_path)
    assert [(f.code, f.path, f.line) for f in parsed.findings] == [("G201", "b.toml", 2)]
    assert "a.toml:1" in parsed.findings[0].message


def test_invalid_entry_is_left_out_but_others_load():
    parsed = parse_glossary_text('[[term]]\nid = "x"\nkind = "nope"\ncanonical = "X"\n'
                                 + '[[term]]\nid = "y"\nkind = "term"\ncanonical = "Y"\n', "g.toml")
    assert [e.id for e in parsed.entries] == ["y"]


def test_a_clean_glossary_is_validated_without_scanning_key_positions(root):
    """Positions are looked up only to place a finding: the repository's clean glossary (70
    entries, every rule run) never needs the full line-by-line scan of its files."""
    parsed = load_glossary(root / "glossary", target_locales=("ko", "ja", "fr"))
    assert parsed.findings == [] and parsed.maps
    assert all(m._map is None for m in parsed.maps.values())
