"""Merging catalogues never loses a translation or a translator comment (pure tests)."""

from __future__ import annotations

import datetime as dt

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.glossary.load import parse_glossary_text
from xlate.po.catalogue import hint_lines, merge, statistics
from xlate.po.write import format_catalog


def pot_of(pairs):
    pot = polib.POFile()
    for ctx, msgid in pairs:
        pot.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr="", comment="a, paragraph 1",
                                 occurrences=[("seeds/a.txt", "1")]))
    return pot


def po_of(triples):
    po = polib.POFile()
    po.metadata = {"Language": "ko", "Content-Type": "text/plain; charset=UTF-8"}
    for ctx, msgid, msgstr in triples:
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr, tcomment=f"why {msgid}"))
    return po


def run(po, pot):
    return merge(po, pot)


def test_unchanged_entries_keep_translation_comment_and_flags():
    po = po_of([("a", "One.", "하나.")])
    po[0].flags = ["no-wrap"]
    merged, report = run(po, pot_of([("a", "One.")]))
    entry = merged.find("One.", msgctxt="a")
    assert (entry.msgstr, entry.tcomment, report.kept) == ("하나.", "why One.", 1)
    assert entry.flags == ["no-wrap"]


def test_changed_sentence_becomes_fuzzy_with_previous_msgid():
    old = po_of([("a", "The two sides agreed on Monday.", "양측은 월요일 합의했다.")])
    merged, report = run(old, pot_of([("a", "The two sides agreed on Tuesday.")]))
    entry = merged.find("The two sides agreed on Tuesday.", msgctxt="a")
    assert entry.fuzzy and entry.msgstr == "양측은 월요일 합의했다."
    assert entry.flags[0] == "fuzzy"  # first, as GNU gettext writes it
    assert entry.previous_msgid == "The two sides agreed on Monday."
    assert entry.tcomment == "why The two sides agreed on Monday."
    assert report.fuzzy == ["The two sides agreed on Tuesday."]
    kept = [e for e in merged if e.obsolete]  # the old translation also survives verbatim
    assert [(e.msgid, e.msgstr) for e in kept] == [("The two sides agreed on Monday.",
                                                    "양측은 월요일 합의했다.")]


def test_vanished_entry_becomes_obsolete_and_comes_back():
    po = po_of([("a", "Gone sentence here.", "사라진 문장.")])
    merged, report = run(po, pot_of([("a", "Something completely different")]))
    gone = [e for e in merged if e.obsolete]
    assert [(e.msgid, e.msgstr, e.tcomment) for e in gone] == [
        ("Gone sentence here.", "사라진 문장.", "why Gone sentence here.")]
    assert report.obsolete == ["Gone sentence here."]
    again, report = run(polib.pofile(format_catalog(merged)),
                        pot_of([("a", "Gone sentence here.")]))
    entry = again.find("Gone sentence here.", msgctxt="a")
    assert entry.msgstr == "사라진 문장." and not entry.obsolete and not entry.fuzzy
    assert report.revived == ["Gone sentence here."]


def test_glossary_hints_follow_the_article_date():
    glossary = parse_glossary_text(
        '[[term]]\nid = "office"\nkind = "office"\ncanonical = "Presidential Office"\n'
        '[term.ko]\napproved = [{ text = "대통령실", until = 2025-12-28 }, '
        '{ text = "청와대", from = 2025-12-29 }]\n'
        'admitted = [{ text = "청와대 측", from = 2025-12-29 }]\n'
        'forbidden = ["대통령 비서실"]\n', "g.toml").glossary
    june = hint_lines(glossary, ["ko"], dt.date(2025, 6, 26))
    assert june == ["glossary: Presidential Office -> ko 대통령실 (not: 대통령 비서실, 청와대)"]
    later = hint_lines(glossary, ["ko"], dt.date(2026, 1, 5))
    assert later == ["glossary: Presidential Office -> ko 청와대 (also: 청와대 측) "
                     "(not: 대통령 비서실, 대통령실)"]


def test_statistics_per_article():
    po = po_of([("a", "One.", "하나."), ("a", "Two.", ""), ("b", "Three.", "셋.")])
    po[2].flags = ["fuzzy"]
    po.append(polib.POEntry(msgctxt="b", msgid="Old.", msgstr="옛.", obsolete=True))
    rows = {r.article: r for r in statistics(po, "ko")}
    assert (rows["a"].total, rows["a"].translated, rows["a"].untranslated) == (2, 1, 1)
    assert (rows["b"].fuzzy, rows["b"].obsolete, rows["b"].percent) == (1, 1, 0.0)


SENTENCE = st.lists(st.sampled_from(["NATO", "agreed", "the", "two", "sides", "on", "Monday",
                                     "Wi", "met", "Rutte", "in", "The Hague", "."]),
                    min_size=1, max_size=8).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(old=st.lists(st.tuples(st.sampled_from("ab"), SENTENCE, st.sampled_from(["", "번역"])),
                    max_size=8, unique_by=lambda t: (t[0], t[1])),
       new=st.lists(st.tuples(st.sampled_from("ab"), SENTENCE), max_size=8,
                    unique_by=lambda t: t))
def test_update_never_drops_a_translation(old, new):
    po = po_of(old)
    merged, _ = run(polib.pofile(format_catalog(po)), pot_of(new))
    reread = polib.pofile(format_catalog(merged))
    for ctx, msgid, msgstr in old:
        if not msgstr:
            continue
        active = reread.find(msgid, msgctxt=ctx)
        obsolete = [e for e in reread if e.obsolete and e.msgid == msgid and e.msgctxt == ctx
                    and e.msgstr == msgstr]
        assert (active is not None and active.msgstr == msgstr) or obsolete
    for _, msgid, _ in old:  # translator comments are never lost either
        assert any(e.tcomment == f"why {msgid}" for e in reread) or not any(
            m == msgid and s for _, m, s in old)


def test_percent_signs_in_prose_are_flagged_as_no_format():
    import datetime as dt

    from xlate.english.match import Matcher
    from xlate.manifest import Article
    from xlate.po.catalogue import Source, template

    article = Article("a", "a.txt", "t", dt.date(2025, 6, 26), "p", "en")
    pot = template([Source(article, "Support rose 5% to 40%. Nothing else.\n", "a.txt")],
                   Matcher([]))
    assert [e.flags for e in pot] == [["no-c-format", "no-python-format"], []]


def test_a_translated_plural_entry_that_vanishes_is_kept_obsolete():
    po = po_of([])
    po.append(polib.POEntry(msgctxt="a", msgid="one partner", msgid_plural="%d partners",
                            msgstr_plural={0: "파트너 %d곳"}, tcomment="kept"))
    merged, _ = run(po, pot_of([("a", "Other.")]))
    reread = polib.pofile(format_catalog(merged))
    [gone] = [e for e in reread if e.obsolete]
    assert gone.msgid_plural == "%d partners" and gone.msgstr_plural == {0: "파트너 %d곳"}
    assert gone.tcomment == "kept"
