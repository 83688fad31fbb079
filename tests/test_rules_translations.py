"""Every C rule fires on its documented bad example and not on its good one, and each term rule
fires and stays quiet in Korean, Japanese and French (against the repository's glossary)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from xlate.check.engine import Catalogue, CheckOptions, check
from xlate.check.gettext import gettext_findings
from xlate.english.match import Matcher
from xlate.glossary.load import load_glossary
from xlate.po.read import read_po
from xlate.rules import REGISTRY

C_RULES = [r for r in REGISTRY if r.code.startswith("C") and r.example_lang == "po"]
JUNE = {"a": dt.date(2025, 6, 26)}


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_glossary(ROOT / "glossary").glossary)


def catalogues(text: str, locale: str | None = None):
    parts = re.split(r"^--- (\S+)\n", text, flags=re.M)
    files = ([("example.po", text)] if len(parts) == 1
             else list(zip(parts[1::2], parts[2::2], strict=True)))
    out = []
    for name, body in files:
        po = read_po(body.encode("utf-8"), name)
        out.append(Catalogue(name, locale or po.metadata.get("Language", "ko"), po))
    return out


def codes(matcher, text, locale=None, min_translated=100.0):
    loaded = catalogues(text, locale)
    result = check(loaded, matcher, REGISTRY, CheckOptions(dates=JUNE,
                                                           min_translated=min_translated))
    found = list(result.findings)
    for catalogue in loaded:
        found += gettext_findings(catalogue)
    return sorted(f.code for f in found)


@pytest.mark.parametrize("rule", C_RULES, ids=lambda r: r.code)
def test_bad_example_fires(matcher, rule):
    assert rule.code in codes(matcher, rule.bad)


@pytest.mark.parametrize("rule", C_RULES, ids=lambda r: r.code)
def test_good_example_is_clean(matcher, rule):
    assert codes(matcher, rule.good) == []


def po(msgid, msgstr, lang, tcomment=""):
    comment = "".join(f"# {line}\n" for line in tcomment.splitlines())
    return (f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
            f'"Content-Type: text/plain; charset=UTF-8\\n"\n\n{comment}msgctxt "a"\n'
            f'msgid "{msgid}"\nmsgstr "{msgstr}"\n')


CASES = [
    # Korean: particles, spacing, compounds, forbidden, deprecated, dated renderings.
    ("ko", "President Lee Jae Myung spoke.", "이재명 대통령은 말했다.", []),
    ("ko", "NATO agreed.", "나토와 합의했다.", []),
    ("ko", "They set up a director-general-level South Korea-NATO defense industry consultation "
           "body.", "한-나토 국장급 방산 협의체를 신설했다.", []),
    ("ko", "They set up a director-general-level South Korea-NATO defense industry consultation "
           "body.", "한-나토 국장급 방산협의체를 신설했다.", []),
    ("ko", "They set up a director-general-level South Korea-NATO defense industry consultation "
           "body.", "한-나토 실무급 협의체를 신설했다.", ["C102"]),
    ("ko", "The Presidential Office said.", "청와대은 밝혔다.", ["C103", "C105"]),
    ("ko", "The Presidential Office said.", "대통령실는 밝혔다.", ["C105"]),
    ("ko", "The Presidential Office said.", "대통령실은 밝혔다.", []),
    ("ko", "Mark Rutte spoke.", "마크 루터는 말했다.", ["C103"]),
    ("ko", "Mark Rutte spoke.", "뤼터 사무총장이 말했다.", ["C101"]),
    ("ko", "NATO agreed.", "나토군이 합의했다.", ["C104"]),
    ("ko", "Wi met Rubio on June 25.", "위 실장은 6월 25일 루비오 장관을 만났다.", []),
    ("ko", "Wi met Rubio on June 25.", "위 실장은 25일 루비오 장관을 만났다.", []),  # Yonhap
    ("ko", "Wi met Rubio on June 25.", "위 실장은 6월 24일 루비오 장관을 만났다.", ["C301"]),
    # Japanese: no word boundaries, middle dots and fullwidth folded.
    ("ja", "Mark Rutte spoke.", "マルク･ルッテ氏は述べた。", []),
    ("ja", "Mark Rutte spoke.", "マーク・ルッテ氏は述べた。", ["C103"]),
    ("ja", "NATO agreed.", "ＮＡＴＯは合意した。", []),
    ("ja", "NATO agreed.", "北大西洋同盟は合意した。", ["C101"]),
    ("ja", "On June 26, they met.", "6月26日、両者は会談した。", []),
    ("ja", "On June 26, they met.", "26日、両者は会談した。", []),  # Kyodo: the month dropped
    # French: case, elision, plural and feminine forms.
    ("fr", "NATO agreed.", "L'OTAN a accepté.", []),
    ("fr", "NATO agreed.", "L’Otan a accepté.", []),
    ("fr", "NATO agreed.", "L'Alliance a accepté.", ["C101"]),
    ("fr", "On June 26, they met.", "Le 26 juin, ils se sont rencontrés.", []),
    ("fr", "On June 26, they met.", "Le 26, ils se sont rencontrés.", ["C301"]),
    ("fr", "National Security Adviser Wi Sung-lac arrived.",
     "Le conseiller à la sécurité nationale Wi Sung-lac est arrivé.", []),
    ("fr", "Mark Rubio arrived.", "Mark Rubio est arrivé.", ["C101"]),
    # Forbidden and inconsistent renderings in Japanese and French too.
    ("ja", "They set up a director-general-level South Korea-NATO defense industry consultation "
           "body.", "実務級協議体を新設した。", ["C102"]),
    ("ja", "The NATO summit ended.", "NATO 首脳会議が閉幕した。", []),
    ("fr", "They set up a director-general-level South Korea-NATO defense industry consultation "
           "body.", "Ils ont créé un organe de concertation sur l'industrie de défense de niveau "
           "opérationnel.", ["C102"]),
    ("fr", "The Presidential Office said.", "La présidence l'a annoncé.", []),
    # Suppression with a reason, and without one.
    ("ko", "Mark Rutte spoke.", "마크 루터는 말했다.", []),
    ("ko", "Mark Rutte spoke.", "마크 루터는 말했다.", ["C103", "C901"]),
    # (Below the suppression cases, which COMMENTS names by index.)
    # French months in full (CLDR's MMMd skeleton abbreviates them: juil.), abbreviations admitted.
    ("fr", "On July 14, they met.", "Le 14 juillet, ils se sont rencontrés.", []),
    ("fr", "On July 14, they met.", "Le 14 juil., ils se sont rencontrés.", []),
    ("fr", "On July 14, they met.", "Le 15 juillet, ils se sont rencontrés.", ["C301"]),
    ("fr", "From December 1 to 3, they met.", "Du 1er au 3 décembre, ils se sont rencontrés.",
     []),
    ("ja", "On June 26, they met.", "27日、両者は会談した。", ["C301"]),
]
COMMENTS = {31: "xlate: ignore C103 -- the Presidential Office's own spelling, quoted",
            32: "xlate: ignore C103"}


@pytest.mark.parametrize("index", range(len(CASES)))
def test_fires_and_stays_quiet(matcher, index):
    locale, msgid, msgstr, expected = CASES[index]
    text = po(msgid, msgstr, locale, COMMENTS.get(index, ""))
    assert codes(matcher, text) == sorted(expected), (locale, msgid, msgstr)


# C301 on the world's catalogues (Django, Sphinx): digits of other scripts, numeric character
# references and the 24-hour clock are the same numbers; each with a decoy that must still fire.
NUMBER_CASES = [
    ("bn", "Big (8 byte) integer", "বিগ (৮ বাইট) ইন্টিজার", []),
    ("bn", "Big (8 byte) integer", "বিগ (৭ বাইট) ইন্টিজার", ["C301"]),
    ("fa", "That page number is less than 1", "شمارهٔ صفحه کوچکتر از ۱ است", []),
    ("ne", "Server error (500)", "सर्भर त्रुटि (५००)", []),
    ("ne", "Server error (500)", "सर्भर त्रुटि (५०)", ["C301"]),
    ("ko", "&#169; 2025 Yonhap", "© 2025 연합뉴스", []),
    ("ko", "&#169; 2025 Yonhap", "© 2024 연합뉴스", ["C301"]),
    ("fr", "&#x2014; 2025", "— 2025", []),
    ("fr", "The talks end at 6 p.m.", "Les pourparlers s'achèvent à 18 h.", []),
    ("fr", "The talks end at 6 p.m.", "Les pourparlers s'achèvent à 19 h.", ["C301"]),
    ("ko", "The talks end at 6 p.m.", "회담은 오후 6시에 끝난다.", []),
    ("ja", "They met at 6:30 a.m.", "両者は午前6時30分に会った。", []),
    ("ja", "They met at 6:30 a.m.", "両者は午前06:30に会った。", []),
    ("ja", "They met at 6:30 a.m.", "両者は午前6時に会った。", ["C301"]),
    ("fr", "It starts at 12 a.m.", "Cela commence à 0 h.", []),
    ("fr", "It starts at 12 p.m.", "Cela commence à 12 h.", []),
    ("fr", "It starts at 12 p.m.", "Cela commence à 0 h.", ["C301"]),
    ("fr", "They bought 6 amplifiers.", "Ils ont acheté 18 amplificateurs.", ["C301"]),
]


@pytest.mark.parametrize("locale,msgid,msgstr,expected", NUMBER_CASES)
def test_numbers_as_other_scripts_and_clocks_write_them(matcher, locale, msgid, msgstr,
                                                         expected):
    assert codes(matcher, po(msgid, msgstr, locale)) == expected


def test_suppressed_findings_keep_their_reason(matcher):
    text = po("Mark Rutte spoke.", "마크 루터는 말했다.", "ko", COMMENTS[31])
    result = check(catalogues(text), matcher, REGISTRY, CheckOptions(dates=JUNE))
    assert [(f.code, reason) for f, reason in result.suppressed] == [
        ("C103", "the Presidential Office's own spelling, quoted")]


def test_finding_points_at_the_msgstr_line(matcher):
    text = po("Mark Rutte spoke.", "마크 루터는 말했다.", "ko")
    finding = check(catalogues(text), matcher, REGISTRY, CheckOptions(dates=JUNE)).findings[0]
    assert finding.line == text.splitlines().index('msgstr "마크 루터는 말했다."') + 1
    assert (finding.term, finding.found, finding.expected, finding.msgid) == (
        "mark_rutte", "마크 루터", "마르크 뤼터", "Mark Rutte spoke.")


@pytest.mark.parametrize("locale,first,second", [
    ("ko", "나토 정상회의가 열렸다.", "나토정상회의가 끝났다."),
    ("ja", "NATO首脳会議が開かれた。", "NATO 首脳会議が閉幕した。"),
    ("fr", "Lee Jae Myung a parlé.", "Lee Jae myung a parlé."),
])
def test_inconsistent_rendering_in_each_language(matcher, locale, first, second):
    source = "Lee Jae Myung spoke." if locale == "fr" else "The NATO summit opened."
    body = (f'msgctxt "a"\nmsgid "{source}"\nmsgstr "{first}"\n\n'
            f'msgctxt "b"\nmsgid "{source}"\nmsgstr "{second}"\n')
    text = f'msgid ""\nmsgstr ""\n"Language: {locale}\\n"\n\n' + body
    found = codes(matcher, text)
    assert "C201" in found, found
    same = text.replace(second, first.replace("開かれた", "閉幕した").replace("열렸다", "끝났다")
                        .replace("Lee", "Ainsi, Lee"))
    assert "C201" not in codes(matcher, same)


def test_sentence_initial_capital_is_not_an_inconsistency(matcher):
    text = ('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgctxt "a"\nmsgid "A personal letter."\n'
            'msgstr "Lettre personnelle."\n\nmsgctxt "a"\nmsgid "His personal letter."\n'
            'msgstr "Sa lettre personnelle."\n')
    assert codes(matcher, text) == []


@pytest.mark.parametrize("locale,one,two", [("ja", "ソウル6月26日", "ソウル、6月26日"),
                                            ("fr", "Séoul, 26 juin", "Séoul (26 juin)")])
def test_divergent_translations_in_each_language(matcher, locale, one, two):
    entry = 'msgctxt "a"\nmsgid "Seoul, June 26"\nmsgstr "{}"\n'
    head = f'msgid ""\nmsgstr ""\n"Language: {locale}\\n"\n\n'
    text = f"--- one.po\n{head}{entry.format(one)}--- two.po\n{head}{entry.format(two)}"
    assert "C202" in codes(matcher, text)
    same = f"--- one.po\n{head}{entry.format(one)}--- two.po\n{head}{entry.format(one)}"
    assert "C202" not in codes(matcher, same)


def test_dates_are_read_in_the_source_language(matcher):
    """A French source: its month names come from CLDR for fr, not from English literals."""
    text = po("Réunion le 14 juillet.", "7월 15일 회의.", "ko")
    loaded = catalogues(text)
    found = check(loaded, matcher, REGISTRY, CheckOptions(source_locale="fr")).findings
    assert [(f.code, f.expected) for f in found] == [("C301", "7월 14일")]
    english = check(loaded, matcher, REGISTRY, CheckOptions()).findings
    assert [f.code for f in english] == ["C301"]  # 14 is still a number that must survive


def test_a_date_without_a_year_takes_the_catalogues_year():
    """February 29 exists in 2024 (the template's year) and must then be rendered."""
    from xlate.english.match import Matcher
    from xlate.model import Glossary

    header = 'msgid ""\nmsgstr ""\n"POT-Creation-Date: {year}-01-10 00:00+0000\\n"\n' \
             '"Language: ko\\n"\n\n'
    body = 'msgctxt "x"\nmsgid "They met on February 29."\nmsgstr "2월 28일에 만났다."\n'
    empty = Matcher(Glossary(()))
    for year, expected in ((2024, ("C301", "2월 29일")), (2025, ("C301", "29"))):
        loaded = catalogues(header.format(year=year) + body)
        assert loaded[0].year == year
        found = check(loaded, empty, REGISTRY, CheckOptions()).findings
        assert [(f.code, f.expected) for f in found] == [expected], year  # 2025: a number


def test_an_impossible_date_is_a_number_not_a_crash(matcher):
    text = po("They met on June 31.", "6월 30일에 만났다.", "ko")
    found = check(catalogues(text), matcher, REGISTRY, CheckOptions(dates=JUNE)).findings
    assert [(f.code, f.found) for f in found] == [("C301", "31")]


# Detection classes that new texts exposed (issue 13, part 4), each with the near misses that
# must stay quiet.
CLASS_CASES = [
    # Dates whose day number is the month's: the 6 of 6月 is no day.
    ("ja", "They met on June 6.", "両者は6月6日に会った。", []),
    ("ja", "They met on June 6.", "両者は6月7日に会った。", ["C301"]),
    ("ko", "They met on June 6.", "양측은 6월 6일 만났다.", []),
    ("ko", "They met on June 6.", "양측은 6월 7일 만났다.", ["C301"]),
    ("fr", "They met on June 6.", "Ils se sont rencontrés le 6 juin.", []),
    ("fr", "They met on June 6.", "Ils se sont rencontrés le 7 juin.", ["C301"]),
    ("ja", "They met on June 24 and 25.", "両者は6月24、25両日に会った。", []),
    ("ja", "They met on June 24 and 25.", "両者は6月23、25両日に会った。", ["C301"]),
    # Katakana names need a boundary: ルッテ is not the name inside a longer katakana word.
    ("ja", "Mark Rutte spoke.", "マルク・ルッテ氏は述べた。", []),
    ("ja", "Mark Rutte spoke.", "マルク・ルッテー氏は述べた。", ["C104"]),
    ("ja", "Mark Rutte spoke.", "マルク・ルッテン氏は述べた。", ["C104"]),
    ("ja", "Mark Rutte spoke.", "アマルク・ルッテ氏は述べた。", ["C101"]),
    # French: an admitted form that differs only in case is no inconsistency; elision.
    ("fr", "NATO agreed.", "La OTAN a accepté.", ["C106"]),
    ("fr", "NATO agreed.", "Le chef de OTAN a parlé.", ["C106"]),
    ("fr", "NATO agreed.", "L'OTAN a accepté.", []),
    ("fr", "NATO agreed.", "Cela a été accepté par l'OTAN.", []),
    ("fr", "The Hague hosted it.", "La Haye l'a accueilli.", []),
]


@pytest.mark.parametrize("locale,msgid,msgstr,expected", CLASS_CASES)
def test_detection_classes(matcher, locale, msgid, msgstr, expected):
    assert codes(matcher, po(msgid, msgstr, locale)) == expected


def test_an_admitted_form_that_differs_in_case_is_no_inconsistency(matcher):
    body = ('msgctxt "a"\nmsgid "NATO agreed."\nmsgstr "L\'Otan a accepté."\n\n'
            'msgctxt "b"\nmsgid "NATO met."\nmsgstr "L\'OTAN s\'est réunie."\n')
    text = f'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n{body}'
    assert "C201" not in codes(matcher, text)


def test_an_inconsistency_is_reported_as_written(matcher):
    body = ('msgctxt "a"\nmsgid "Lee Jae Myung spoke."\nmsgstr "Lee Jae Myung a parlé."\n\n'
            'msgctxt "b"\nmsgid "Lee Jae Myung spoke."\nmsgstr "Puis Lee Jae myung a parlé."\n')
    text = f'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n{body}'
    result = check(catalogues(text), matcher, REGISTRY, CheckOptions(dates=JUNE))
    (finding,) = [f for f in result.findings if f.code == "C201"]
    assert finding.message == ("lee_jae_myung is written 'Lee Jae myung' here but "
                               "'Lee Jae Myung' elsewhere in this catalogue")


# Wire style drops the article's own month (Yonhap: 26일, Kyodo: 26日, 24、25両日): accepted
# when the date is in the month of the article's date (June 26, 2025 here), never in French.
DAY_ONLY = [
    ("ko", "They met on June 26.", "양측은 26일 만났다.", []),
    ("ko", "They met on June 26.", "양측은 27일 만났다.", ["C301"]),
    ("ko", "The summit was held June 24-25.", "정상회의는 24~25일 열렸다.", []),
    ("ko", "The summit was held June 24-25.", "정상회의는 23~25일 열렸다.", ["C301"]),
    ("ja", "They met on June 26.", "両者は26日に会った。", []),
    ("ja", "The summit was held June 24-25.", "首脳会議は24、25両日に開かれた。", []),
    ("ko", "They met on May 26.", "양측은 26일 만났다.", ["C301"]),  # another month: say it
    ("fr", "They met on June 26.", "Ils se sont rencontrés le 26.", ["C301"]),
]


@pytest.mark.parametrize("locale,msgid,msgstr,expected", DAY_ONLY)
def test_a_wire_dateline_drops_the_articles_own_month(matcher, locale, msgid, msgstr, expected):
    assert codes(matcher, po(msgid, msgstr, locale)) == expected
