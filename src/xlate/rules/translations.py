"""Rules about translations in catalogues: terms (C1xx), consistency (C2xx), numbers (C3xx),
catalogue state (C4xx), gettext validity (C5xx), suppressions (C9xx).

Examples are PO entries checked against the repository's glossary (Korean unless the example's
header says otherwise); lines `--- NAME` separate two catalogues.
"""

from __future__ import annotations

from xlate.model import Severity
from xlate.rules.registry import Rule

_H = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _po(body: str, lang: str = "ko") -> str:
    return _H.format(lang=lang) + body


RULES = (
    Rule(
        "C101", "missing-approved-rendering", Severity.ERROR,
        "Flags an entry whose source names a glossary concept but whose translation contains "
        "neither its approved rendering nor an admitted one (for the article's date).",
        "The approved rendering is the reason the glossary exists: a translator who paraphrases "
        "a name or title makes the article inconsistent with everything else the desk publishes.",
        _po('msgctxt "a"\nmsgid "NATO Secretary General Mark Rutte spoke."\n'
            'msgstr "나토 사무총장이 발언했다."\n'),
        _po('msgctxt "a"\nmsgid "NATO Secretary General Mark Rutte spoke."\n'
            'msgstr "마르크 뤼터 나토 사무총장이 발언했다."\n'),
        "po",
    ),
    Rule(
        "C102", "forbidden-rendering", Severity.ERROR,
        "Flags a rendering the glossary forbids for a concept named in the source.",
        "Forbidden renderings are known mistakes: 국가안보보좌관 is the US post, not the South "
        "Korean National Security Adviser's title.",
        _po('msgctxt "a"\nmsgid "National Security Adviser Wi Sung-lac arrived."\n'
            'msgstr "위성락 국가안보보좌관이 도착했다."\n'),
        _po('msgctxt "a"\nmsgid "National Security Adviser Wi Sung-lac arrived."\n'
            'msgstr "위성락 국가안보실장이 도착했다."\n'),
        "po",
    ),
    Rule(
        "C103", "deprecated-rendering", Severity.WARNING,
        "Flags a rendering the glossary deprecates for a concept named in the source, or an "
        "approved rendering used outside its dates (청와대 in an article of June 2025).",
        "Two transcriptions of one name (마크 루터, 마르크 뤼터) read as two people; a name used "
        "before it existed is an anachronism.",
        _po('msgctxt "a"\nmsgid "Mark Rutte spoke."\nmsgstr "마크 루터가 발언했다."\n'),
        _po('msgctxt "a"\nmsgid "Mark Rutte spoke."\nmsgstr "마르크 뤼터가 발언했다."\n'),
        "po",
    ),
    Rule(
        "C104", "rendering-in-compound", Severity.WARNING,
        "Flags a Korean approved rendering found only inside a longer word (나토군), never on its "
        "own or followed by particles only.",
        "A compound usually means another concept (나토군 is NATO forces), so the term itself is "
        "probably missing.",
        _po('msgctxt "a"\nmsgid "NATO agreed."\nmsgstr "나토군이 합의했다."\n'),
        _po('msgctxt "a"\nmsgid "NATO agreed."\nmsgstr "나토가 합의했다."\n'),
        "po",
    ),
    Rule(
        "C105", "particle-mismatch", Severity.ERROR,
        "Flags a Korean particle that does not agree with the final consonant of the term it "
        "follows (은/는, 이/가, 을/를, 과/와, 으로/로 ...).",
        "Swapping one rendering for another (대통령실 for 청와대, 마크 루터 for 마르크 뤼터) "
        "leaves the old particle behind: 청와대은 is ungrammatical.",
        _po('msgctxt "a"\nmsgid "Mark Rutte spoke."\nmsgstr "마르크 뤼터은 발언했다."\n'),
        _po('msgctxt "a"\nmsgid "Mark Rutte spoke."\nmsgstr "마르크 뤼터는 발언했다."\n'),
        "po",
    ),
    Rule(
        "C106", "missing-elision", Severity.WARNING,
        "Flags a French rendering that begins with a vowel after a word that elides before one "
        "(le, la, de, que, ne, se, ce, jusque ...): `la OTAN` for `l'OTAN`. Not before h, whose "
        "elision depends on the word (la Haye).",
        "Swapping one rendering for another (l'Alliance for la Alliance, after an edit) leaves "
        "the article unelided: a reader sees a typo, and a desk editor a careless translation.",
        _po('msgctxt "a"\nmsgid "NATO agreed."\nmsgstr "La OTAN a accepté."\n', "fr"),
        _po('msgctxt "a"\nmsgid "NATO agreed."\nmsgstr "L\'OTAN a accepté."\n', "fr"),
        "po",
    ),
    Rule(
        "C201", "inconsistent-rendering", Severity.WARNING,
        "Flags a concept rendered in two ways within one catalogue: the approved rendering and "
        "a deprecated one, or one rendering with different spacing or middle dots (방산 협의체 / "
        "방산협의체). Admitted alternatives (a second reference) do not count.",
        "Readers take two spellings for two things, and translation memories split.",
        _po('msgctxt "a"\nmsgid "NATO summit."\nmsgstr "나토 정상회의."\n\n'
            'msgctxt "a"\nmsgid "The NATO summit ended."\nmsgstr "나토정상회의가 끝났다."\n'),
        _po('msgctxt "a"\nmsgid "NATO summit."\nmsgstr "나토 정상회의."\n\n'
            'msgctxt "a"\nmsgid "The NATO summit ended."\nmsgstr "나토 정상회의가 끝났다."\n'),
        "po",
    ),
    Rule(
        "C202", "divergent-translations", Severity.WARNING,
        "Flags one source sentence translated differently in two catalogues of the same locale.",
        "Shared sentences (datelines, boilerplate, quotes) should read the same wherever they "
        "are published.",
        "--- one.po\n" + _po('msgctxt "a"\nmsgid "Seoul, June 26"\nmsgstr "(서울=IANS) 6월 26일"\n')
        + "--- two.po\n" + _po('msgctxt "a"\nmsgid "Seoul, June 26"\nmsgstr "서울, 6월 26일"\n'),
        "--- one.po\n" + _po('msgctxt "a"\nmsgid "Seoul, June 26"\nmsgstr "(서울=IANS) 6월 26일"\n')
        + "--- two.po\n"
        + _po('msgctxt "a"\nmsgid "Seoul, June 26"\nmsgstr "(서울=IANS) 6월 26일"\n'),
        "po",
    ),
    Rule(
        "C301", "missing-number", Severity.WARNING,
        "Flags a number or a date of the source that the translation does not contain. Dates "
        "are expected in the locale's CLDR form (June 26: 6월 26일, 6月26日, 26 juin); a month "
        "written once for a range (6월 24~25일) counts for both days; in Korean and "
        "Japanese a day alone with its marker (26일, 26日, 24~25일) counts when the date is in "
        "the month of the article's date, as Yonhap and Kyodo write it. Digits of any script "
        "count (৮ is 8); a numeric character reference (&#169;) is no number; an hour on the "
        "12-hour clock may be written on the 24-hour clock (6 p.m.: 18 h, 오후 6시).",
        "Numbers and dates are the facts of a news story; a dropped or changed one is the most "
        "damaging kind of mistranslation, and the easiest to check.",
        _po('msgctxt "a"\nmsgid "They met on June 25."\nmsgstr "이들은 24일 만났다."\n'),
        _po('msgctxt "a"\nmsgid "They met on June 25."\nmsgstr "이들은 6월 25일 만났다."\n'),
        "po",
    ),
    Rule(
        "C401", "untranslated", Severity.WARNING,
        "Flags an entry with no translation.",
        "Untranslated sentences fall back to English in the rendered article.",
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr ""\n'),
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr "이들은 만났다."\n'),
        "po",
    ),
    Rule(
        "C402", "fuzzy", Severity.WARNING,
        "Flags an entry marked fuzzy: its translation was carried over from a changed source "
        "sentence and needs review.",
        "Fuzzy translations are not used (the rendered article falls back to English) and may "
        "say something the new source no longer says.",
        _po('#, fuzzy\n#| msgid "They met on Monday."\nmsgctxt "a"\nmsgid "They met."\n'
            'msgstr "이들은 월요일 만났다."\n'),
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr "이들은 만났다."\n'),
        "po",
    ),
    Rule(
        "C403", "below-min-translated", Severity.ERROR,
        "Flags a catalogue whose share of translated entries is below `--min-translated`.",
        "A release gate: an article must not ship half translated.",
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr ""\n'),
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr "이들은 만났다."\n'),
        "po",
    ),
    Rule(
        "C404", "stale-catalogue", Severity.ERROR,
        "Flags a template that no longer matches the sources (run `xlate extract`) or a "
        "catalogue that no longer matches the template or the glossary (run `xlate update`): "
        "entries, references, flags, extracted comments (the glossary hints) or previous "
        "msgids differ. A translator's edit of a msgstr or a translator comment never makes "
        "a catalogue stale, and neither does layout (C405).",
        "Translators would be translating yesterday's article, with yesterday's glossary hints.",
        "$ xlate check   # after editing a seed without running xlate extract\n"
        "locales/articles.pot:1:1: C404 [stale-catalogue] the template is out of date",
        "$ xlate extract && xlate update && xlate check",
        "sh",
    ),
    Rule(
        "C405", "catalogue-layout", Severity.INFO,
        "Flags a template or catalogue whose content is current but whose text is laid out "
        "otherwise than GNU gettext writes it: a long line a translator's editor did not wrap, "
        "entries or comment kinds in another order. `xlate update` (or `xlate extract`) "
        "rewrites it without changing a word.",
        "Nothing is wrong with the translation; the next `xlate update` would rewrap the file, "
        "and that diff clutters a review. Info only: it never fails a check.",
        "$ xlate check   # after adding a word to a msgstr in a text editor\n"
        "locales/ko/LC_MESSAGES/articles.po:1:1: C405 [catalogue-layout] laid out otherwise "
        "than GNU gettext writes it (line wrapping, order); the content is current: "
        "`xlate update` rewrites it",
        "$ xlate update && xlate check",
        "sh",
    ),
    Rule(
        "C501", "broken-format-string", Severity.ERROR,
        "Flags a translation whose format placeholders do not match the source's (babel's "
        "python-format checker), on entries flagged as format strings.",
        "A missing or renamed placeholder crashes the program that formats the message, or "
        "prints the wrong value.",
        _po('#, python-format\nmsgctxt "a"\nmsgid "%(count)d partners"\n'
            'msgstr "%(nombre)d개 파트너"\n'),
        _po('#, python-format\nmsgctxt "a"\nmsgid "%(count)d partners"\n'
            'msgstr "%(count)d개 파트너"\n'),
        "po",
    ),
    Rule(
        "C502", "broken-plural-forms", Severity.ERROR,
        "Flags a Plural-Forms header that `msgfmt --check` refuses: plural entries without "
        "`nplurals=` or `plural=` (or without a header), an nplurals that is not a number, an "
        "expression that does not parse, or one that for some n from 0 to 1000 divides by zero, "
        "goes negative or reaches nplurals (nplurals=0 included).",
        "gettext picks the plural translation with that expression; a broken one shows the wrong "
        "sentence or none, and msgfmt will not compile the catalogue.",
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=n%10;\\n"\n\n'
        'msgctxt "a"\nmsgid "one partner"\nmsgid_plural "%d partners"\n'
        'msgstr[0] "un partenaire"\nmsgstr[1] "%d partenaires"\n',
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgctxt "a"\nmsgid "one partner"\nmsgid_plural "%d partners"\n'
        'msgstr[0] "un partenaire"\nmsgstr[1] "%d partenaires"\n',
        "po",
    ),
    Rule(
        "C503", "duplicate-message", Severity.ERROR,
        "Flags a message defined twice in one catalogue (same msgctxt and msgid).",
        "gettext keeps one of the two translations at random; `msgfmt` refuses the file.",
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr "이들은 만났다."\n\n'
            'msgctxt "a"\nmsgid "They met."\nmsgstr "그들은 만났다."\n'),
        _po('msgctxt "a"\nmsgid "They met."\nmsgstr "이들은 만났다."\n\n'
            'msgctxt "b"\nmsgid "They met."\nmsgstr "그들은 만났다."\n'),
        "po",
    ),
    Rule(
        "C504", "line-break-mismatch", Severity.ERROR,
        "Flags a translation that does not begin and end with a line break exactly where its "
        "source does (the check `msgfmt --check` makes).",
        "Line breaks at the edges are layout the program relies on; msgfmt rejects the "
        "catalogue.",
        _po('msgctxt "a"\nmsgid "They met.\\n"\nmsgstr "이들은 만났다."\n'),
        _po('msgctxt "a"\nmsgid "They met.\\n"\nmsgstr "이들은 만났다.\\n"\n'),
        "po",
    ),
    Rule(
        "C505", "plural-count-mismatch", Severity.ERROR,
        "Flags a translated plural entry whose number of `msgstr[i]` differs from the header's "
        "nplurals, at the entry's line (what `msgfmt --check` refuses). The header, not a table "
        "of languages, decides: the catalogue says how many forms it has.",
        "gettext indexes the translations with the plural expression: a missing form shows the "
        "English text or nothing, an extra one is never shown; msgfmt will not compile the "
        "catalogue.",
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgctxt "a"\nmsgid "one partner"\nmsgid_plural "%d partners"\n'
        'msgstr[0] "un partenaire"\nmsgstr[1] "%d partenaires"\nmsgstr[2] "%d de partenaires"\n',
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgctxt "a"\nmsgid "one partner"\nmsgid_plural "%d partners"\n'
        'msgstr[0] "un partenaire"\nmsgstr[1] "%d partenaires"\n',
        "po",
    ),
    Rule(
        "C506", "unknown-plural-formula", Severity.WARNING,
        "Flags a valid Plural-Forms formula that behaves like none of the formulas known for the "
        "catalogue's language: GNU gettext's conventional table, babel's legacy table, CLDR's "
        "rules (pinned in xlate) and the installed babel's. Formulas are compared by the form "
        "they choose for every n from 0 to 1000 and for large round numbers, not as text. The "
        "message names the known ones.",
        "gettext accepts any valid formula, so a formula copied from another language (English's "
        "`n != 1` in a French catalogue, which treats 0 as plural) compiles and silently picks "
        "the wrong sentence for some numbers.",
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n',
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n',
        "po",
    ),
    Rule(
        "C901", "ignore-without-reason", Severity.ERROR,
        "Flags a translator comment `xlate: ignore CODE` without a reason after `--`; the "
        "finding it meant to silence is reported too.",
        "A silenced finding must say why, so that reviewers can judge it; the reason is shown "
        "in every report.",
        _po('# xlate: ignore C103\nmsgctxt "a"\nmsgid "Mark Rutte spoke."\n'
            'msgstr "마크 루터가 발언했다."\n'),
        _po('# xlate: ignore C103 -- quoting the Presidential Office release verbatim\n'
            'msgctxt "a"\nmsgid "Mark Rutte spoke."\nmsgstr "마크 루터가 발언했다."\n'),
        "po",
    ),
)
