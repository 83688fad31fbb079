"""The English matcher: forms, spellings, plurals, romanisations, near misses, and decoys."""

from __future__ import annotations

import pytest

from conftest import ROOT
from xlate.english.match import How, Matcher
from xlate.english.romanize import name_variants, split_name
from xlate.glossary.load import load_glossary, parse_glossary_text

SMALL = '''
[[term]]
id = "lee"
kind = "person"
canonical = "Lee Jae Myung"
deprecated = ["Lee Jae-myung"]
hangul = "이재명"

[[term]]
id = "lee_kap_soo"
kind = "person"
canonical = "Lee Kap-soo"

[[term]]
id = "president"
kind = "title"
canonical = "President"
case_sensitive = false

[[term]]
id = "president_lee"
kind = "person"
canonical = "President Lee"

[[term]]
id = "secgen"
kind = "title"
canonical = "Secretary General"
deprecated = ["NATO Secretary-General"]

[[term]]
id = "nato"
kind = "organisation"
canonical = "NATO"
deprecated = ["Nato"]

[[term]]
id = "rutte"
kind = "person"
canonical = "Mark Rutte"

[[term]]
id = "us"
kind = "place"
canonical = "United States"
admitted = ["U.S."]
deprecated = ["US"]

[[term]]
id = "office"
kind = "office"
canonical = "Presidential Office"

[[term]]
id = "hvp"
kind = "programme"
canonical = "High Visibility Project"

[[term]]
id = "capability"
kind = "term"
canonical = "defense capability"
deprecated = ["defence capability"]
case_sensitive = false

[[term]]
id = "wifi"
kind = "term"
canonical = "Wi-Fi"
'''


@pytest.fixture(scope="module")
def matcher():
    return Matcher(parse_glossary_text(SMALL, "g.toml").glossary)


def hits(matcher, text):
    return [(h.entry.id, h.how, h.found) for h in matcher.find(text)]


@pytest.mark.parametrize("text,expected", [
    ("President Lee Jae-myung spoke", [("president", How.EXACT, "President"),
                                       ("lee", How.EXACT, "Lee Jae-myung")]),
    ("President Lee spoke", [("president_lee", How.EXACT, "President Lee")]),
    ("Lee Jae Myung", [("lee", How.EXACT, "Lee Jae Myung")]),
    ("Lee Jaemyung", [("lee", How.SPELLING, "Lee Jaemyung")]),
    ("Lee Jae‑Myung", [("lee", How.EXACT, "Lee Jae‑Myung")]),  # the deprecated form, other caps
    ("Yi Jae-myeong", [("lee", How.ROMANISED, "Yi Jae-myeong")]),
    ("Jae-myung Rhee", [("lee", How.ROMANISED, "Jae-myung Rhee")]),
    ("LEE JAE MYUNG", [("lee", How.EXACT, "LEE JAE MYUNG")]),  # headline capitals
    ("Lee jae myung", [("lee", How.CASE, "Lee jae myung")]),
    ("By Lee Kap-soo", [("lee_kap_soo", How.EXACT, "Lee Kap-soo")]),
    ("NATO's High Visibility Projects", [("nato", How.EXACT, "NATO"),
                                         ("hvp", How.EXACT, "High Visibility Projects")]),
    ("Nato allies", [("nato", How.EXACT, "Nato")]),
    ("the U.S. and the US", [("us", How.EXACT, "U.S."), ("us", How.EXACT, "US")]),
    ("tell us", []),
    ("the presidential office", [("office", How.CASE, "presidential office")]),
    ("the president", [("president", How.EXACT, "president")]),
    ("Defence capabilities", [("capability", How.EXACT, "Defence capabilities")]),
    ("NATO Secretary General Mark Rutte", [("secgen", How.EXACT, "NATO Secretary General"),
                                           ("rutte", How.EXACT, "Mark Rutte")]),
    ("Mark Rute said", [("rutte", How.NEAR, "Mark Rute")]),
    ("Wi-Fi works", [("wifi", How.EXACT, "Wi-Fi")]),
    ("NATO. Secretary General", [("nato", How.EXACT, "NATO"),
                                 ("secgen", How.EXACT, "Secretary General")]),
    ("Presidential\nOffice", [("office", How.EXACT, "Presidential\nOffice")]),
    ("Presidential\n\nOffice", []),
])
def test_matches(matcher, text, expected):
    assert hits(matcher, text) == expected


def test_offsets_point_into_original_text(matcher):
    text = "South Korea\u2019s President\u00a0Lee Jae\u2011myung -- and Mark Rutte"
    for hit in matcher.find(text):
        assert text[hit.start:hit.end] == hit.found
    assert [h.found for h in matcher.find(text)][-1] == "Mark Rutte"


def test_decoy_surname_alone_and_other_person(matcher):
    assert hits(matcher, "Lee said. Lee Kap-soo wrote. Lee Min-ho acted.") == [
        ("lee_kap_soo", How.EXACT, "Lee Kap-soo")]


def test_cost_does_not_depend_on_matching_everything():
    """A glossary of 5,000 extra terms changes nothing for text that contains none of them."""
    extra = "".join(f'[[term]]\nid = "t{i}"\nkind = "term"\ncanonical = "zz{i} term"\n'
                    for i in range(5000))
    big = Matcher(parse_glossary_text(SMALL + extra, "g.toml").glossary)
    assert [(h.entry.id, h.found) for h in big.find("Mark Rutte and NATO")] == [
        ("rutte", "Mark Rutte"), ("nato", "NATO")]


def test_romanisation_counts_match_the_research():
    assert split_name("이재명") == ("이", "재명")
    assert split_name("남궁민수") == ("남궁", "민수")
    # The research's 24 (reference section 3.5), plus Ri and Ni, the spellings without the
    # initial-sound rule (North Korean, older South Korean): 6 surnames x 6 given names.
    assert len(name_variants("이재명")) == 36
    assert (("ri",), ("jae", "myung")) in name_variants("이재명")
    assert len(name_variants("위성락")) == 18  # x2 orders = 36
    assert (("yi",), ("chae", "myong")) in name_variants("이재명", 1)
    assert (("wi",), ("seong", "rak")) in name_variants("위성락", 0)
    assert name_variants("Lee") == ()


def test_seeds_against_repository_glossary():
    glossary = load_glossary(ROOT / "glossary").glossary
    matcher = Matcher(glossary)
    a1 = (ROOT / "seeds" / "000_ce24f1a5671597a8.txt").read_text(encoding="utf-8")
    found = {(h.entry.id, h.found) for h in matcher.find(a1)}
    assert ("lee_jae_myung", "Lee Jae-myung") in found
    assert ("lee_kap_soo", "Lee Kap-soo") in found
    assert not any(h.entry.id == "lee_jae_myung" and "Kap" in h.found for h in matcher.find(a1))


def test_a_rejected_longer_candidate_leaves_the_shorter_one():
    """'us navy' is not the acronym 'US NAVY', so the overlapping 'navy' must still be found."""
    text = ('[[term]]\nid = "usn"\nkind = "organisation"\ncanonical = "US NAVY"\n'
            '[[term]]\nid = "navy"\nkind = "term"\ncanonical = "navy"\ncase_sensitive = false\n')
    matcher = Matcher(parse_glossary_text(text, "g.toml").glossary)
    assert [(h.entry.id, h.found) for h in matcher.find("the us navy sailed")] == [
        ("navy", "navy")]
    assert [(h.entry.id, h.found) for h in matcher.find("the US NAVY sailed")] == [
        ("usn", "US NAVY")]


def test_scan_counts_every_occurrence_once_as_find_lists_them():
    """Terms, house spellings inside or outside them, and near misses: `scan` counts what
    `find` returns, whatever mix of them a text holds."""
    text = ('[[term]]\nid = "mod"\nkind = "organisation"\ncanonical = "Ministry of Defense"\n'
            '[[term]]\nid = "defense"\nkind = "spelling"\ncanonical = "defense"\n'
            'deprecated = ["defence"]\n'
            '[[term]]\nid = "rutte"\nkind = "person"\ncanonical = "Mark Rutte"\n')
    matcher = Matcher(parse_glossary_text(text, "g.toml").glossary)
    for sample in ("Mark Rute spoke of defence at the Ministry of Defense.",
                   "Ministry of Defense, Ministry of Defense and defence, defence, defense.",
                   "Nothing to see here."):
        assert matcher.scan(sample).occurrences == len(matcher.find(sample))
    assert len(matcher.find("Mark Rute spoke of defence at the Ministry of Defense.")) == 3


def test_a_name_with_an_initial_and_its_full_stop():
    """The full stop after an initial belongs to the name ("Jay Y. Lee"): before, the matcher
    read it as punctuation and a glossary form with an initial never matched its text."""
    text = ('[[term]]\nid = "jay_y_lee"\nkind = "person"\ncanonical = "Jay Y. Lee"\n'
            '[[term]]\nid = "bush"\nkind = "person"\ncanonical = "George W. Bush"\n')
    matcher = Matcher(parse_glossary_text(text, "g.toml").glossary)
    assert hits(matcher, "Chairman Jay Y. Lee met George W.\nBush.") == [
        ("jay_y_lee", How.EXACT, "Jay Y. Lee"), ("bush", How.EXACT, "George W.\nBush")]
    assert hits(matcher, "Jay Y Lee came.") == [("jay_y_lee", How.SPELLING, "Jay Y Lee")]
    # a sentence that ends in a capital letter is no initial of a listed name
    assert hits(matcher, "It was plan Y. Lee said so.") == []
