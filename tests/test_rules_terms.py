"""Every T rule fires on its documented bad example and not on its good one (against the
repository's glossary), plus near misses and decoys for each."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from xlate.english.match import Matcher
from xlate.glossary.load import load_glossary
from xlate.lint.engine import Document, Segment, documents_from_text, lint
from xlate.rules import REGISTRY

TERM_RULES = [r for r in REGISTRY if r.code.startswith("T")]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossary(ROOT / "glossary").glossary)


def documents(example: str):
    parts = re.split(r"^--- (\S+)\n", example, flags=re.M)
    if len(parts) == 1:
        return documents_from_text([("example.txt", example)])
    return documents_from_text(zip(parts[1::2], parts[2::2], strict=True))


def codes(matcher, text):
    return [f.code for f in lint(documents(text), matcher, REGISTRY).findings]


@pytest.mark.parametrize("rule", TERM_RULES, ids=lambda r: r.code)
def test_bad_example_fires(matcher, rule):
    assert rule.code in codes(matcher, rule.bad)


@pytest.mark.parametrize("rule", TERM_RULES, ids=lambda r: r.code)
def test_good_example_is_clean(matcher, rule):
    assert codes(matcher, rule.good) == []


@pytest.mark.parametrize("text,expected", [
    # T101 and its decoys
    ("Lee Jae-myung and Lee Jae-Myung", ["T101", "T101", "T201"]),
    ("Lee Kap-soo reports from Seoul.", []),
    ("Lee said so.", []),
    # T102
    ("Mark Rubio met Wi.", ["T102"]),
    ("Marco Rubio met Wi.", []),
    # T103: generated spellings, both orders; not other people with the same surname
    ("Rhee Jae-myung and Jaemyeong Yi", ["T103", "T103", "T201"]),
    ("Lee Min-ho and Lee Jae-yong", []),
    # T104 and decoys: one edit away, names only, long enough
    ("Marko Rubio", ["T104"]),
    ("Wi-Fi was down. Mark Twain wrote.", []),
    # T105: proper names in other case; a common noun in lower case is fine
    ("the seoul office", ["T105"]),
    ("SEOUL, June 26 -- the office", []),
    ("South Korean and Korean officials, and the Trumps", []),
    ("a president and the president of NATO", []),
    # T106: joined spelling of a listed hyphenated form
    ("Jaemyung Lee", ["T106"]),
    # T201 needs two different non-admitted forms of one concept in one document
    ("South Korea, or Korea, the Republic of Korea", []),
    ("Defense and defense", []),
    # T301: house spelling wherever it stands, but not inside an accepted name
    ("defence, Defence and DEFENCE", ["T301", "T301", "T301"]),
    ("the defense sector", []),
])
def test_fires_and_stays_quiet(matcher, text, expected):
    assert codes(matcher, text) == expected


# Romanisations the tables did not generate, and near misses of listed variants (issue 13,
# part 4), with the decoys that must stay quiet.
@pytest.mark.parametrize("text,expected", [
    ("Ri Jae-myung spoke.", ["T103"]),        # North Korean spelling, no initial-sound rule
    ("Ni Jae-myung spoke.", ["T103"]),
    ("Wee Sung-lac spoke.", ["T103"]),        # a long-vowel surname with his own given name
    ("Sung-lac Wee spoke.", ["T103"]),
    ("Wi Sung-lac spoke.", []),               # the listed form itself
    ("Ri and Wee spoke.", []),                # the syllables alone are no name
    ("Wi Sung Lack met them.", ["T104"]),     # one letter added to a deprecated variant
    ("Lee Jae-myungg spoke.", ["T104"]),
    ("The Koreans met.", []),                 # derived words are no misspellings
    ("The Trumps met.", []),
])
def test_unlisted_romanisations_and_near_misses(matcher, text, expected):
    assert codes(matcher, text) == expected


# A title the glossary links with other people, before a person it links with other titles.
@pytest.mark.parametrize("text,expected", [
    ("Secretary General Wi Sung-lac met them.", ["T107"]),
    ("National Security Adviser Mark Rutte spoke.", ["T107"]),
    ("President Marco Rubio spoke.", ["T107"]),
    ("Secretary General Mark Rutte spoke.", []),           # his own title
    ("National Security Adviser Wi Sung-lac spoke.", []),
    ("President Donald Trump spoke.", []),                 # part of his own: U.S. President
    ("U.S. President Donald Trump spoke.", []),
    ("They met the Secretary General. Wi Sung-lac spoke.", []),  # two sentences
])
def test_a_title_of_another_person(matcher, text, expected):
    assert codes(matcher, text) == expected


def test_t301_inside_a_flagged_term_defers_to_the_term(matcher):
    found = codes(matcher, "the defence industry")
    assert found == ["T101"]


def test_seeds_report_what_the_issue_names(matcher):
    docs = documents_from_text((f"seeds/{p.name}", p.read_text(encoding="utf-8"))
                               for p in sorted((ROOT / "seeds").glob("*.txt")))
    findings = lint(docs, matcher, REGISTRY).findings
    summary = {(f.code, f.term, f.found) for f in findings}
    assert ("T202", "lee_jae_myung", "Lee Jae-myung") in summary
    assert ("T101", "lee_jae_myung", "Lee Jae-myung") in summary
    assert ("T101", "presidential_office_kr", "presidential office") in summary
    assert ("T102", "kr_nato_defind_body",
            "working-level consultative body on defence industry cooperation") in summary
    assert ("T101", "kr_nato_defind_body",
            "director-level defense industry consultation body") in summary
    assert any(c == "T201" and t == "spelling_defense" for c, t, _ in summary)
    assert not any(f.found and "Kap-soo" in f.found for f in findings)
    mixed = next(f for f in findings if f.code == "T201" and f.term == "spelling_defense")
    assert "'defence' (7x), 'defense' (2x)" in mixed.message


def test_positions_in_segments(matcher):
    doc = Document("a.po", (Segment("hello\nPresident Lee Jae-myung", line=10, column=8),
                            Segment("Lee Jae-myung", line=20, exact=False)))
    findings = [f for f in lint([doc], matcher, REGISTRY).findings if f.code == "T101"]
    assert [(f.line, f.column, f.end_column) for f in findings] == [(11, 11, 24), (20, 1, 1)]
