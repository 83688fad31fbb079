"""The PO writer matches GNU gettext byte for byte (judged by the real msgcat) and loses
nothing polib can read back."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from xlate.po.write import format_catalog, wrap_string

MSGCAT = shutil.which("msgcat")
needs_msgcat = pytest.mark.skipif(MSGCAT is None, reason="GNU gettext (msgcat) is not installed")

WORDS = ["NATO", "Lee", "Jae-myung", "defense", "U.S.", "summit", "(IP4)", "24~25", "100%",
         "“quoted”", "‘x’", "«\u202fguillemets\u202f»", "l'Otan", "M.\u00a0Wi", "—", "--",
         "위성락", "국가안보실장은", "한-나토", "방위·방산", "“높이", "평가한다”며", "6월", "26일",
         "李在明（イ・ジェミョン）大統領は", "「NATO首脳会議」に", "、", "。",
         "ウィレム＝アレクサンダー",
         "\\", '"', "\t", "x" * 90, "위" * 50, "a,b", "end.", "?!", "$5", "[1]", "a/b"]
# Single characters from the scripts and punctuation of news copy in en/ko/ja/fr.
CHARS = st.sampled_from(list("aZ09 .,;:!?()[]{}-/%$+&*'\"\\~|_=<>#@") + list(
    "가각힣ㄱㆍ·あアァー・〜「」『』（）、。月日国ＡＢ１２　—–‘’“”«»…\u00a0\u202f°€é"))
TEXT = st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join) | \
    st.lists(st.sampled_from(WORDS + ["\n"]), max_size=30).map("".join) | \
    st.text(CHARS, max_size=200)
LONG_NAME = "seeds/a-rather-long-file-name-for-wrapping.txt"  # wraps the reference comments


def catalog(entries):
    po = polib.POFile()
    po.metadata = {"Project-Id-Version": "t", "MIME-Version": "1.0",
                   "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    seen = set()
    for number, (msgid, msgstr, comment) in enumerate(entries):
        key = f"ctx{number}"
        if key in seen:
            continue
        seen.add(key)
        po.append(polib.POEntry(msgctxt=key, msgid=msgid or "x", msgstr=msgstr,
                                comment=comment, tcomment="note",
                                occurrences=[(LONG_NAME, str(n))
                                             for n in (number, number + 100, number + 200)]))
    return po


def msgcat(text, tmp_path):
    source = tmp_path / "in.po"
    source.write_text(text, encoding="utf-8")
    done = subprocess.run([MSGCAT, str(source), "-o", "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@needs_msgcat
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(TEXT, TEXT, st.sampled_from(["", "glossary: a -> b", "p 1"])),
                min_size=1, max_size=12))
def test_msgcat_changes_no_byte(tmp_path, entries):
    text = format_catalog(catalog(entries))
    assert msgcat(text, tmp_path) == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TEXT, TEXT, st.just("c")), min_size=1, max_size=8))
def test_polib_reads_back_what_was_written(entries):
    original = catalog(entries)
    again = polib.pofile(format_catalog(original))
    assert [(e.msgctxt, e.msgid, e.msgstr, e.comment, e.tcomment, e.occurrences)
            for e in again] == [(e.msgctxt, e.msgid, e.msgstr, e.comment, e.tcomment,
                                 e.occurrences) for e in original]
    assert again.metadata == original.metadata


def test_short_strings_stay_on_one_line_and_long_ones_start_empty():
    assert wrap_string("msgid", "NATO") == ['msgid "NATO"']
    lines = wrap_string("msgid", "word " * 20)
    assert lines[0] == 'msgid ""' and all(len(line) <= 79 for line in lines)


def test_korean_breaks_between_syllables_by_width():
    lines = wrap_string("msgstr", "가" * 60)
    assert lines[0] == 'msgstr ""'
    assert lines[1] == '"' + "가" * 38 + '"'  # 76 columns: one more would pass 77


def test_newlines_end_lines():
    assert wrap_string("msgid", "a\nb") == ['msgid ""', '"a\\n"', '"b"']


@needs_msgcat
@pytest.mark.parametrize("name", ["articles.pot", "ko/LC_MESSAGES/articles.po",
                                  "ja/LC_MESSAGES/articles.po", "fr/LC_MESSAGES/articles.po"])
def test_shipped_catalogues_are_msgcat_fixed_points(name, tmp_path):
    path = ROOT / "locales" / name
    text = path.read_text(encoding="utf-8")
    assert msgcat(text, tmp_path) == text
