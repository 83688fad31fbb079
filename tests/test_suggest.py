"""`xlate glossary suggest` (issue 14, part 1): term discovery that knows names.

The engine is tested on sentences that show each shape firing and quiet on its near misses and
decoys; the Hangul readings against the romanisation tables they reverse (a property: every
name the tables spell is read back); the command in real processes, with the stubs it writes
accepted by `glossary validate` once filled and refused before.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from conftest import run_xlate as xlate
from xlate.english.hangulize import (
    GIVEN_COMMON,
    GIVEN_USUAL,
    name_readings,
    split_joined,
    syllable_readings,
)
from xlate.english.match import Matcher
from xlate.english.romanize import SURNAMES, name_variants
from xlate.jobs.glossary import load
from xlate.model import Kind
from xlate.suggest.discover import Text, suggest

EXE = [sys.executable, "-m", "xlate"]


def found(text: str, matcher: Matcher | None = None):
    return suggest([Text("a.txt", text)], matcher, locales=("ko", "ja", "fr"))


def by_name(text: str, matcher: Matcher | None = None):
    return {c.canonical: c for c in found(text, matcher).candidates}


@pytest.fixture(scope="module")
def project_matcher() -> Matcher:
    return Matcher(load(ROOT / "glossary").glossary)


# --- Hangul readings ----------------------------------------------------------------------------

@pytest.mark.parametrize(("surname", "given", "hangul"), [
    ("Kang", ("Yu", "jung"), "강유정"),
    ("Lee", ("Jae", "myung"), "이재명"),
    ("Lee", ("Kap", "soo"), "이갑수"),
    ("Cho", ("Hyun",), "조현"),
    ("Han", ("Duck", "soo"), "한덕수"),       # duck: a reading-only spelling of 덕
    ("Ahn", ("Gyu", "back"), "안규백"),       # back: a reading-only spelling of 백
    ("Rhee", ("Chang", "yong"), "이창용"),
    ("Choi", ("Sang", "mok"), "최상목"),
    ("Namgung", ("Min",), "남궁민"),          # a two-syllable surname
])
def test_the_usual_reading_comes_first(surname, given, hangul):
    readings = name_readings(surname, tuple(g.lower() for g in given))
    assert readings[0].hangul == hangul


def test_readings_are_ranked_and_ambiguity_is_kept():
    readings = [r.hangul for r in name_readings("kang", ("yu", "jung"))]
    assert readings[:2] == ["강유정", "강유중"]  # jung: 정 as people spell it, 중 in RR
    costs = [r.cost for r in name_readings("kang", ("yu", "jung"))]
    assert costs == sorted(costs)


def test_what_is_no_romanised_syllable_has_no_reading():
    assert syllable_readings("xyz") == ()
    assert syllable_readings("strength") == ()
    assert name_readings("kang", ("yu", "qq")) == []


def test_a_joined_given_name_is_split_where_it_reads_best():
    assert split_joined("jaemyung")[0] == ("jae", "myung")
    assert split_joined("sukyeol")[0] == ("suk", "yeol")


# Names made of usual surnames and given-name syllables, ending in the finals names have.
_NAME_SYLLABLES = sorted(s for s in GIVEN_COMMON | GIVEN_USUAL
                         if (ord(s) - 0xAC00) % 28 in {0, 1, 4, 8, 16, 17, 21})


@settings(max_examples=300, deadline=None)
@given(surname=st.sampled_from(sorted(SURNAMES)),
       first=st.sampled_from(_NAME_SYLLABLES), second=st.sampled_from(_NAME_SYLLABLES),
       pick=st.randoms(use_true_random=False))
def test_every_spelling_the_tables_make_reads_back(surname, first, second, pick):
    """The reverse of `romanize`: any romanisation it generates (RR, McCune-Reischauer,
    popular) is read back to the name among its candidates."""
    hangul = surname + first + second
    variants = name_variants(hangul, 2)
    surname_tokens, given_tokens = pick.choice(variants)
    readings = name_readings(surname_tokens[0], given_tokens, limit=400)
    assert hangul in {r.hangul for r in readings}, (surname_tokens, given_tokens)


# --- names and their shapes ---------------------------------------------------------------------

def test_korean_names_by_their_romanised_shape():
    names = by_name("The talks were led by Kang Yu-jung and Lee Jae Myung on Friday, with "
                    "Yoon Sukyeol absent.")
    assert names["Kang Yu-jung"].kind is Kind.PERSON
    assert names["Kang Yu-jung"].hangul[0].hangul == "강유정"
    assert "given name written as two words" in " ".join(names["Lee Jae Myung"].notes)
    assert names["Yoon Sukyeol"].hangul[0].hangul in {"윤숙열", "윤석열"}
    assert any("one word" in note for note in names["Yoon Sukyeol"].notes)


def test_spellings_of_one_korean_name_are_one_concept():
    names = by_name("Lee Jae-myung spoke. Later Lee Jae Myung left, and Lee Jae-myung "
                    "returned.")
    assert list(names) == ["Lee Jae-myung"]
    assert names["Lee Jae-myung"].admitted == ["Lee Jae Myung"]


def test_a_shape_korean_names_share_is_flagged_when_its_syllables_are_rare():
    names = by_name("The late Lee Teng-hui was mentioned, and so was Chiang Kai-shek.")
    assert any("rare in Korean names" in note for note in names["Lee Teng-hui"].notes)
    assert names["Chiang Kai-shek"].hangul == []  # chiang is no romanised Korean syllable
    assert not any("rare" in note for note in by_name("Kang Yu-jung spoke.")[
        "Kang Yu-jung"].notes)


def test_titles_attached_to_names():
    names = by_name("NATO Deputy Secretary General Radmila Shekerinska met presidential "
                    "spokesperson Kang Yu-jung. Shekerinska said little.")
    assert names["Deputy Secretary General"].kind is Kind.TITLE
    assert names["presidential spokesperson"].kind is Kind.TITLE
    person = names["Radmila Shekerinska"]
    assert person.kind is Kind.PERSON and person.references["Shekerinska"] == 1
    assert "NATO" in names  # the qualifier, read on its own
    assert "NATO Deputy Secretary General Radmila Shekerinska" not in names


def test_a_title_with_a_surname_is_a_second_reference():
    names = by_name("Defense Minister Ahn Gyu-back arrived. Defense Minister Ahn spoke.")
    reference = names["Defense Minister Ahn"]
    assert reference.kind is Kind.PERSON
    assert reference.related == [names["Ahn Gyu-back"].key]


def test_organisations_with_their_acronyms():
    names = by_name("The Defense Acquisition Program Administration (DAPA) said on Monday "
                    "that DAPA would sign. The Ministry of Trade, Industry and Energy agreed.")
    dapa = names["Defense Acquisition Program Administration"]
    assert dapa.kind is Kind.ORGANISATION and dapa.acronym == "DAPA"
    assert dapa.forms["DAPA"] == 1 and dapa.count == 2
    assert names["Ministry of Trade, Industry and Energy"].kind is Kind.ORGANISATION
    assert "DAPA" not in names


def test_programmes_and_events():
    names = by_name("Seoul joined the Freedom Shield exercise and the Shangri-La Dialogue, "
                    "under the Korea-NATO Individually Tailored Partnership Programme.")
    assert names["Freedom Shield exercise"].kind is Kind.EVENT
    assert names["Shangri-La Dialogue"].kind is Kind.EVENT
    assert names["Korea-NATO Individually Tailored Partnership Programme"].kind \
        is Kind.PROGRAMME


def test_places_come_with_cldr_names_to_confirm():
    names = by_name("Officials met in Warsaw and The Hague, Netherlands.")
    assert names["Netherlands"].renderings == {"ko": "네덜란드", "ja": "オランダ",
                                               "fr": "Pays-Bas"}
    assert names["Warsaw"].kind is Kind.PLACE
    assert names["The Hague"].kind is Kind.PLACE


@pytest.mark.parametrize("text", [
    "However, the talks went on. Meanwhile, nothing changed. According to reports, it rained.",
    "The meeting is on Tuesday, Aug. 5, and again in September.",
    "Officials said GDP grew. The deal is worth US$6.5 billion. (END)",
    "South Korea-NATO ties and Korea-U.S. talks were discussed.",
    "Mr. Said spoke. Ms. Tuesday left.",
])
def test_decoys_are_never_proposed(text):
    names = by_name(text)
    for decoy in ("However", "Meanwhile", "According", "Tuesday", "Aug", "September", "GDP",
                  "US", "END", "South Korea-NATO", "Korea-NATO", "Korea-U.S.", "Said", "Mr"):
        assert decoy not in names


def test_a_title_case_headline_proposes_nothing_by_itself():
    text = ("Seoul Vows Closer Defense Ties With Warsaw Amid Growing Tank Orders\n\n"
            "SEOUL, Aug. 5 (Yonhap) -- The deal was signed.\n")
    names = by_name(text)
    assert not {"Vows", "Closer Defense Ties", "Growing Tank Orders", "Tank Orders"} & set(names)


def test_a_sentence_initial_word_is_kept_only_when_it_recurs_in_mid_sentence():
    assert "Hanwha" not in by_name("Hanwha won. It was big.")
    assert by_name("Hanwha won. Investors liked Hanwha.")["Hanwha"].count == 2


# --- the glossary's own forms and its variants --------------------------------------------------

def test_the_glossarys_forms_are_known(project_matcher):
    result = found("President Lee Jae Myung met NATO Secretary General Mark Rutte in The "
                   "Hague.", project_matcher)
    assert result.candidates == [] and result.variants == []
    assert result.known >= 4


def test_variants_of_entries_are_reported_as_such(project_matcher):
    result = found("Wee Sung-rak met Mark Rute. Later, Deputy Secretary General Radmila "
                   "Shekerinska spoke with Wi.", project_matcher)
    variants = {(v.found, v.entry_id) for v in result.variants}
    assert variants == {("Wee Sung-rak", "wi_sung_lac"), ("Mark Rute", "mark_rutte")}
    names = {c.canonical for c in result.candidates}
    assert "Wee Sung-rak" not in names and "Mark Rute" not in names and "Wi" not in names
    assert {"Deputy Secretary General", "Radmila Shekerinska"} <= names


def test_a_korean_name_read_as_an_entrys_hangul_is_a_variant(tmp_path):
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "people.toml").write_text(
        '[[term]]\nid = "ahn_gyu_back"\nkind = "person"\ncanonical = "Ahn Gyu-back"\n'
        'hangul = "안규백"\n', encoding="utf-8")
    matcher = Matcher(load(glossary).glossary)
    result = found("Defense Minister Ahn Kyu-baek spoke.", matcher)
    assert [(v.found, v.entry_id) for v in result.variants] == [("Ahn Kyu-baek",
                                                                  "ahn_gyu_back")]
    assert "Ahn Kyu-baek" not in {c.canonical for c in result.candidates}


# --- the command --------------------------------------------------------------------------------

@pytest.fixture
def scratch(project):
    (project / "new.txt").write_text(
        (ROOT / "tests/data/suggest/article_1.txt").read_text(encoding="utf-8"),
        encoding="utf-8")
    return project


def test_text_output_is_a_ranked_review_list(scratch):
    result = xlate("glossary", "suggest", "new.txt", "--limit", "3", cwd=scratch)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.match(r"\d+ new concepts and \d+ variants of glossary entries in 1 file",
                    lines[0])
    assert lines[3].startswith("1. ")
    assert "... and" in result.stdout


def test_json_output_parses_and_is_ranked(scratch):
    result = xlate("glossary", "suggest", "new.txt", "--format", "json", cwd=scratch)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["version"] == 1 and payload["files"] == ["new.txt"]
    ranks = [c["rank"] for c in payload["candidates"]]
    assert ranks == list(range(1, len(ranks) + 1))
    scores = [c["score"] for c in payload["candidates"]]
    assert scores == sorted(scores, reverse=True)
    kang = next(c for c in payload["candidates"] if c["canonical"] == "Kang Yu-jung")
    assert kang["hangul"][0]["text"] == "강유정"
    assert all({"path", "line", "column", "sentence"} <= set(o) for o in kang["occurrences"])


def test_the_stubs_are_refused_until_filled_then_accepted(scratch):
    stubs = scratch / "glossary" / "proposed.toml"
    listed = json.loads(xlate("glossary", "suggest", "new.txt", "-f", "json",
                              cwd=scratch).stdout)["candidates"]
    result = xlate("glossary", "suggest", "new.txt", "--write", str(stubs), cwd=scratch)
    assert result.returncode == 0, result.stderr
    data = tomllib.loads(stubs.read_text(encoding="utf-8"))
    terms = data["term"]
    assert [t["kind"] for t in terms] == [c["kind"] for c in listed]
    assert all(t["ko"]["approved"] == "" for t in terms)
    refused = xlate("glossary", "validate", cwd=scratch)
    assert refused.returncode == 1 and "G103" in refused.stdout
    text = stubs.read_text(encoding="utf-8")
    number = 0
    while 'approved = ""' in text:
        number += 1
        text = text.replace('approved = ""', f'approved = "번역 {number}"', 1)
    stubs.write_text(text, encoding="utf-8")
    accepted = xlate("glossary", "validate", cwd=scratch)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    # and the project, with the stubs in its glossary, no longer proposes them
    again = xlate("glossary", "suggest", "new.txt", "-f", "json", cwd=scratch)
    assert json.loads(again.stdout)["candidates"] == []


def test_write_never_replaces_a_file(scratch):
    target = scratch / "mine.toml"
    target.write_text("# my notes\n", encoding="utf-8")
    result = xlate("glossary", "suggest", "new.txt", "--write", "mine.toml", cwd=scratch)
    assert result.returncode == 2
    assert result.stderr.startswith("xlate: error: mine.toml: already exists")
    assert "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "# my notes\n"


def test_an_empty_glossary_proposes_the_seed_concepts(scratch):
    result = xlate("glossary", "suggest", "--no-glossary", "seeds", "-f", "json",
                   cwd=scratch)
    names = {c["canonical"] for c in json.loads(result.stdout)["candidates"]}
    assert {"Wi Sung-lac", "Mark Rutte", "The Hague", "People Power Party",
            "NATO summit"} <= names


def test_templates_markdown_and_standard_input(scratch):
    (scratch / "note.md").write_text("# Notes\n\nWe met *Kang Yu-jung* in Busan.\n",
                                     encoding="utf-8")
    result = xlate("glossary", "suggest", "locales/articles.pot", "note.md", "-f", "json",
                   cwd=scratch)
    assert result.returncode == 0, result.stderr
    names = {c["canonical"] for c in json.loads(result.stdout)["candidates"]}
    assert "Kang Yu-jung" in names
    piped = xlate("glossary", "suggest", "-", "-f", "json", cwd=scratch,
                  stdin="Officials met Radmila Shekerinska. Shekerinska smiled.")
    candidates = json.loads(piped.stdout)["candidates"]
    assert candidates[0]["canonical"] == "Radmila Shekerinska"
    assert candidates[0]["occurrences"][0]["path"] == "<stdin>"


def test_one_unreadable_input_does_not_hide_the_others(scratch):
    (scratch / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    result = xlate("glossary", "suggest", "bad.txt", "new.txt", "-f", "json", cwd=scratch)
    assert result.returncode == 2
    assert json.loads(result.stdout)["files"] == ["new.txt"]
    assert result.stderr.startswith("xlate: error: bad.txt")
    assert "Traceback" not in result.stderr


def test_user_interface_labels_are_no_names():
    """A catalogue of a program (Sphinx's, Django's) is full of Title Case labels; like a
    headline's, their capitals say nothing. A name in a sentence of it still counts."""
    texts = [Text("ui.po", label, line, 1, False) for line, label in enumerate(
        ["Show Source", "Create Makefile", "Server Error", "Complete Table of Contents",
         "Thanks to Georg Brandl for the first version."], start=10)]
    names = {c.canonical for c in suggest(texts).candidates}
    assert names == {"Georg Brandl"}


# --- what a first user found (issue 14 review) ---------------------------------------------------

def test_a_sentence_ending_in_a_quotation_is_read():
    names = by_name('Spokesperson Lim Soo-suk said: "The Ministry of Foreign Affairs (MOFA) '
                    'regrets it."')
    assert {"Lim Soo-suk", "Ministry of Foreign Affairs"} <= set(names)


def test_markdown_headings_lists_tables_and_code_are_read_as_such():
    text = ("# Vice Minister Hong Seok-in visits Hanoi\n\n## Key points\n\n"
            "* Hong met officials in Hanoi.\n1. Talks went well.\n\n"
            "| Name | Role |\n|---|---|\n| Noh Kyu-duk | Special Representative |\n\n"
            "See `Config Loader` and #APEC2025 or https://Example.org/Path.\n")
    names = by_name(text)
    assert {"Hong Seok-in", "Noh Kyu-duk", "Hanoi"} <= set(names)
    for noise in ("Key", "Name", "Role", "Config Loader", "APEC2025", "Example", "Path"):
        assert noise not in names
    assert names["Hong Seok-in"].references["Hong"] == 1


def test_shapes_a_reviewer_missed():
    names = by_name("European Commission President Ursula von der Leyen met SK hynix CEO "
                    "Kwak Noh-jung and U.N. Secretary-General Antonio Guterres. The K2 Black "
                    "Panther tanks joined the Ulchi Freedom Shield exercise. Talks in Beijing "
                    "followed, and Cho Hyun met Wang Yi. Cho said Wang agreed.")
    assert names["Ursula von der Leyen"].kind is Kind.PERSON
    assert names["European Commission"].kind is Kind.ORGANISATION
    assert names["Kwak Noh-jung"].kind is Kind.PERSON and names["CEO"].kind is Kind.TITLE
    assert names["U.N. Secretary-General"].kind is Kind.TITLE
    assert names["K2 Black Panther"].kind is Kind.TERM  # a thing: people have no digits
    assert "Ulchi Freedom Shield" not in names  # only the event
    assert names["Beijing"].kind is Kind.PLACE
    assert names["Cho Hyun"].references["Cho"] == 1
    assert names["Wang Yi"].references["Wang"] == 1


def test_standard_input_is_decoded_as_files_are(scratch):
    for command in (("glossary", "suggest"), ("lint",)):
        result = subprocess.run([*EXE, *command, "-f", "json", "-"], cwd=scratch,
                                input=b"\xff\xfeR\x00e\x00n\x00\xe9\x00", capture_output=True)
        assert result.returncode == 2, command
        json.loads(result.stdout)
        assert result.stderr.decode().startswith("xlate: error: <stdin>"), command


def test_standard_input_cannot_be_mixed_with_files(scratch):
    for command in (("glossary", "suggest"), ("lint",)):
        result = xlate(*command, "-", "new.txt", cwd=scratch, stdin="Text.")
        assert result.returncode == 2
        assert "- (standard input) cannot be combined with files" in result.stderr


def test_write_refuses_a_missing_folder_and_writes_nothing_from_a_partial_run(scratch):
    missing = xlate("glossary", "suggest", "new.txt", "--write", "nowhere/stubs.toml",
                    cwd=scratch)
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    assert not (scratch / "nowhere").exists()
    partial = xlate("glossary", "suggest", "new.txt", "gone.txt", "--write", "stubs.toml",
                    cwd=scratch)
    assert partial.returncode == 2 and not (scratch / "stubs.toml").exists()
    assert "nothing written" in partial.stderr
    (scratch / "plain.txt").write_text("nothing to see here.\n", encoding="utf-8")
    empty = xlate("glossary", "suggest", "plain.txt", "--write", "stubs.toml", cwd=scratch)
    assert empty.returncode == 0 and not (scratch / "stubs.toml").exists()


def test_no_glossary_needs_no_project(tmp_path):
    (tmp_path / "story.txt").write_text("Officials met Radmila Shekerinska.\n",
                                        encoding="utf-8")
    result = xlate("glossary", "suggest", "--no-glossary", "story.txt", "-f", "json",
                   cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["candidates"][0]["canonical"] == "Radmila Shekerinska"
    both = xlate("glossary", "suggest", "--no-glossary", "-g", "glossary", "story.txt",
                 cwd=tmp_path)
    assert both.returncode == 2 and "exclude each other" in both.stderr


def _media_names():
    rows = (ROOT / "tests/data/suggest/korean_names.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in rows.splitlines()[5:] if line]


def test_media_spellings_of_public_figures_read_back():
    """182 names as the media spell them (Chey Tae-won, Kang Kyung-wha, Youn Yuh-jung): the
    Hangul is the best reading for most and among the five best for nearly all. North
    Korea's 리 is the 이 of the South (the tables read Ri as 이)."""
    first = listed = 0
    names = _media_names()
    for name, hangul in names:
        surname, given = name.lower().split(" ")
        readings = [r.hangul for r in name_readings(surname, tuple(given.split("-")))]
        expected = "이" + hangul[1:] if hangul.startswith("리") else hangul
        first += bool(readings) and readings[0] == expected
        listed += expected in readings
    assert len(names) == 182
    assert first >= 0.85 * len(names) and listed >= 0.95 * len(names), (first, listed)


def test_what_no_table_settles_stays_ambiguous():
    """The README's example: one spelling, two syllables, both kept."""
    readings = [r.hangul for r in name_readings("kim", ("jong", "un"))]
    assert readings[:2] == ["김종은", "김정은"]


def test_a_listed_form_the_matcher_cannot_find_is_still_known(tmp_path):
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "people.toml").write_text(
        '[[term]]\nid = "jay_y_lee"\nkind = "person"\ncanonical = "Jay Y. Lee"\n',
        encoding="utf-8")
    result = found("Samsung chairman Jay Y. Lee spoke.", Matcher(load(glossary).glossary))
    assert "Jay Y. Lee" not in {c.canonical for c in result.candidates}
