"""Rules about the glossary itself: its schema (G1xx), its forms (G2xx), its renderings (G3xx).

Their documentation, bound in the registry; the schema rules fire while a file is parsed
(`xlate.glossary.load`), the others in `xlate.glossary.validate`.
"""

from __future__ import annotations

from xlate.model import Severity
from xlate.rules.registry import Rule

RULES = (
    Rule(
        "G101", "unknown-key", Severity.ERROR,
        "Flags a key that the glossary format does not define, in an entry, a locale table or a "
        "dated form.",
        "A misspelt key (`deprecate` for `deprecated`) would otherwise be silently ignored, and "
        "the variants listed under it would never be checked.",
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\ndeprecate = ["Nato"]\n'
        '[term.ko]\napproved = "나토"\n[term.ja]\napproved = "NATO"\n'
        '[term.fr]\napproved = "Otan"\n',
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\ndeprecated = ["Nato"]\n'
        '[term.ko]\napproved = "나토"\n[term.ja]\napproved = "NATO"\n'
        '[term.fr]\napproved = "Otan"\n',
    ),
    Rule(
        "G102", "missing-key", Severity.ERROR,
        "Flags an entry without `id`, `kind` or `canonical`, a locale table without `approved`, or "
        "a dated form without `text`.",
        "Without them the entry cannot be matched or checked; it is left out of the glossary.",
        '[[term]]\nid = "seoul"\nkind = "place"\n[term.ko]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G103", "invalid-value", Severity.ERROR,
        "Flags a value of the wrong type or shape: an id that is not lower-case snake case, an "
        "empty form, a form with surrounding or embedded line-break white space, a `from` date "
        "after its `until` date, a non-boolean `case_sensitive`.",
        "Such values cannot be matched reliably, or mean nothing.",
        '[[term]]\nid = "The-Hague"\nkind = "place"\ncanonical = " The Hague"\n',
        '[[term]]\nid = "the_hague"\nkind = "place"\ncanonical = "The Hague"\n[term.ko]\n'
        'approved = "헤이그"\n[term.ja]\napproved = "ハーグ"\n[term.fr]\napproved = "La Haye"\n',
    ),
    Rule(
        "G104", "unknown-kind", Severity.ERROR,
        "Flags a `kind` that is not one of person, title, office, organisation, programme, event, "
        "place, body, term, spelling.",
        "Kinds drive which rules apply (spelling entries need no renderings, for instance); a typo "
        "would change behaviour silently.",
        '[[term]]\nid = "seoul"\nkind = "city"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G105", "unknown-locale", Severity.ERROR,
        "Flags a sub-table of an entry whose name is not a locale known to CLDR (`[term.kr]` for "
        "Korean, whose code is `ko`).",
        "Renderings under a wrong locale code are never used for that locale's catalogue.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.kr]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G201", "duplicate-id", Severity.ERROR,
        "Flags an id used by more than one entry, in the same file or in two files.",
        "Ids are how findings, baselines and imports refer to a concept; two entries with one id "
        "make every reference ambiguous.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n\n'
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul Metropolitan City"\n'
        '[term.ko]\napproved = "서울특별시"\n[term.ja]\napproved = "ソウル特別市"\n'
        '[term.fr]\napproved = "ville spéciale de Séoul"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n\n'
        '[[term]]\nid = "seoul_city"\nkind = "place"\ncanonical = "Seoul Metropolitan City"\n'
        '[term.ko]\napproved = "서울특별시"\n[term.ja]\napproved = "ソウル特別市"\n'
        '[term.fr]\napproved = "ville spéciale de Séoul"\n',
    ),
    Rule(
        "G202", "form-in-two-entries", Severity.ERROR,
        "Flags a source-language form (canonical, admitted, deprecated or forbidden) claimed by "
        "two entries. Forms are compared after folding white space, apostrophes and dashes, and "
        "ignoring case when either entry is case-insensitive.",
        "When a form belongs to two concepts the linter cannot tell which one the text means, nor "
        "which fix to offer.",
        '[[term]]\nid = "us"\nkind = "place"\ncanonical = "United States"\nadmitted = ["U.S."]\n'
        '[term.ko]\napproved = "미국"\n[term.ja]\napproved = "米国"\n'
        '[term.fr]\napproved = "États-Unis"\n\n'
        '[[term]]\nid = "us_adj"\nkind = "place"\ncanonical = "U.S."\n[term.ko]\napproved = "미"\n'
        '[term.ja]\napproved = "米"\n[term.fr]\napproved = "américain"\n',
        '[[term]]\nid = "us"\nkind = "place"\ncanonical = "United States"\nadmitted = ["U.S."]\n'
        '[term.ko]\napproved = "미국"\n[term.ja]\napproved = "米国"\n'
        '[term.fr]\napproved = "États-Unis"\n',
    ),
    Rule(
        "G203", "variant-equals-preferred", Severity.ERROR,
        "Flags an admitted, deprecated or forbidden form that is the same as the entry's canonical "
        "form (source side) or approved rendering (target side).",
        "A form cannot be both preferred and flagged; one of the two lists is wrong.",
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n[term.ko]\n'
        'approved = "나토"\nforbidden = ["나토"]\n[term.ja]\napproved = "NATO"\n'
        '[term.fr]\napproved = "Otan"\n',
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n[term.ko]\n'
        'approved = "나토"\nadmitted = ["NATO"]\n[term.ja]\napproved = "NATO"\n'
        '[term.fr]\napproved = "Otan"\n',
    ),
    Rule(
        "G204", "form-listed-twice", Severity.ERROR,
        "Flags a form listed twice within one entry's source forms or one locale table, in the "
        "same list or in two (admitted and deprecated, say).",
        "A form has one status; listing it twice is a copy-paste slip or a contradiction.",
        '[[term]]\nid = "rubio"\nkind = "person"\ncanonical = "Marco Rubio"\n'
        'deprecated = ["Mark Rubio"]\nforbidden = ["Mark Rubio"]\n'
        '[term.ko]\napproved = "마코 루비오"\n'
        '[term.ja]\napproved = "マルコ・ルビオ"\n[term.fr]\napproved = "Marco Rubio"\n',
        '[[term]]\nid = "rubio"\nkind = "person"\ncanonical = "Marco Rubio"\n'
        'forbidden = ["Mark Rubio"]\n[term.ko]\napproved = "마코 루비오"\n'
        '[term.ja]\napproved = "マルコ・ルビオ"\n[term.fr]\napproved = "Marco Rubio"\n',
    ),
    Rule(
        "G205", "rendering-in-two-entries", Severity.WARNING,
        "Flags an approved or admitted rendering that two entries share in the same locale.",
        "The translation check then cannot tell which concept a rendering stands for; usually one "
        "of the two entries needs a more specific rendering.",
        '[[term]]\nid = "summit"\nkind = "event"\ncanonical = "NATO summit"\n[term.ko]\n'
        'approved = "정상회의"\n[term.ja]\napproved = "NATO首脳会議"\n'
        '[term.fr]\napproved = "sommet de l\'Otan"\n\n'
        '[[term]]\nid = "summit_kr_us"\nkind = "event"\ncanonical = "South Korea-U.S. summit"\n'
        '[term.ko]\napproved = "정상회의"\n[term.ja]\napproved = "韓米首脳会談"\n'
        '[term.fr]\napproved = "sommet Séoul-Washington"\n',
        '[[term]]\nid = "summit"\nkind = "event"\ncanonical = "NATO summit"\n[term.ko]\n'
        'approved = "나토 정상회의"\n[term.ja]\napproved = "NATO首脳会議"\n'
        '[term.fr]\napproved = "sommet de l\'Otan"\n\n'
        '[[term]]\nid = "summit_kr_us"\nkind = "event"\ncanonical = "South Korea-U.S. summit"\n'
        '[term.ko]\napproved = "한미 정상회담"\n[term.ja]\napproved = "韓米首脳会談"\n'
        '[term.fr]\napproved = "sommet Séoul-Washington"\n',
    ),
    Rule(
        "G206", "overlapping-preferred-forms", Severity.ERROR,
        "Flags two canonical forms, or two approved renderings in one locale, that are valid on "
        "the same day. Several preferred forms are allowed only as a sequence of dated forms.",
        "On any given date exactly one form must be the one to use, or the fix is ambiguous.",
        '[[term]]\nid = "office"\nkind = "office"\ncanonical = "Presidential Office"\n[term.ko]\n'
        'approved = [{ text = "대통령실" }, { text = "청와대", from = 2025-12-29 }]\n'
        '[term.ja]\napproved = "大統領室"\n[term.fr]\napproved = "la présidence"\n',
        '[[term]]\nid = "office"\nkind = "office"\ncanonical = "Presidential Office"\n[term.ko]\n'
        'approved = [{ text = "대통령실", until = 2025-12-28 }, '
        '{ text = "청와대", from = 2025-12-29 }]\n'
        '[term.ja]\napproved = "大統領室"\n[term.fr]\napproved = "la présidence"\n',
    ),
    Rule(
        "G301", "missing-rendering", Severity.ERROR,
        "Flags an entry with no approved rendering for a configured target locale. Entries of kind "
        "`spelling` (English house style) are exempt.",
        "Translators are shown the approved rendering and the check enforces it; without one, the "
        "term goes unchecked in that language.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n'
        '[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G302", "wrong-script", Severity.ERROR,
        "Flags a `hangul` value that is not written in Hangul, or a `hanja` value that is not "
        "written in Han characters.",
        "The original script is used to generate romanisations and to check Korean and Japanese "
        "renderings; a romanised or mixed value there breaks both.",
        '[[term]]\nid = "wi"\nkind = "person"\ncanonical = "Wi Sung-lac"\nhangul = "Wi Seong-rak"\n'
        '[term.ko]\napproved = "위성락"\n[term.ja]\napproved = "魏聖洛"\n'
        '[term.fr]\napproved = "Wi Sung-lac"\n',
        '[[term]]\nid = "wi"\nkind = "person"\ncanonical = "Wi Sung-lac"\nhangul = "위성락"\n'
        '[term.ko]\napproved = "위성락"\n[term.ja]\napproved = "魏聖洛"\n'
        '[term.fr]\napproved = "Wi Sung-lac"\n',
    ),
    Rule(
        "G303", "unknown-reference", Severity.ERROR,
        "Flags an id in `see` that names no entry of the glossary.",
        "Cross-references are followed by `xlate glossary show`; a dangling one is a renamed or "
        "deleted entry that was not updated everywhere.",
        '[[term]]\nid = "rutte"\nkind = "person"\ncanonical = "Mark Rutte"\nsee = ["nato_sg"]\n'
        '[term.ko]\napproved = "마르크 뤼터"\n[term.ja]\napproved = "マルク・ルッテ"\n'
        '[term.fr]\napproved = "Mark Rutte"\n',
        '[[term]]\nid = "rutte"\nkind = "person"\ncanonical = "Mark Rutte"\n'
        '[term.ko]\napproved = "마르크 뤼터"\n[term.ja]\napproved = "マルク・ルッテ"\n'
        '[term.fr]\napproved = "Mark Rutte"\n',
    ),
)
