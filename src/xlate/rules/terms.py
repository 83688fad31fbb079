"""Rules about terms in English sources (T1xx forms, T2xx consistency, T3xx house style).

Each rule's examples are English text checked against the repository's own glossary by the tests.
"""

from __future__ import annotations

from xlate.model import Severity
from xlate.rules.registry import Rule

RULES = (
    Rule(
        "T101", "deprecated-variant", Severity.WARNING,
        "Flags a deprecated variant of a glossary term: a spelling the glossary lists as replaced "
        "by its canonical form. `xlate lint --fix` rewrites it.",
        "One concept should be written one way throughout the copy; readers, search and the "
        "translation checks all rely on it. The glossary entry's note says why the canonical "
        "form was chosen (here, the Presidential Office's romanisation of 2025-06-17).",
        "President Lee Jae-myung sent a letter.",
        "President Lee Jae Myung sent a letter.",
        "text",
    ),
    Rule(
        "T102", "forbidden-form", Severity.ERROR,
        "Flags a form the glossary marks as forbidden: a known mistake, such as a wrong name or "
        "a wrong rank for a body.",
        "Forbidden forms are factual errors, not style: \"working-level\" misstates the rank of a "
        "body that is director-general level.",
        "They agreed to set up a working-level consultative body on defense industry cooperation.",
        "They agreed to set up a director-general-level South Korea-NATO defense industry "
        "consultation body.",
        "text",
    ),
    Rule(
        "T103", "unlisted-romanisation", Severity.WARNING,
        "Flags a romanisation of a Korean name that the glossary does not list, recognised from "
        "the entry's Hangul (Revised Romanization, McCune-Reischauer and popular spellings such as "
        "Lee/Yi/Rhee, in either name order).",
        "A name romanised several ways reads as several people, and no exact-match tool (search, "
        "a translation memory, Weblate's glossary) connects them.",
        "Rhee Jae-myung sent a letter.",
        "Lee Jae Myung sent a letter.",
        "text",
    ),
    Rule(
        "T104", "near-miss-name", Severity.WARNING,
        "Flags a capitalised name that is one edit (a letter added, dropped, changed or swapped) "
        "away from a name in the glossary: a probable misspelling.",
        "Misspelt names are the most embarrassing errors in news copy and spell checkers do not "
        "know proper names.",
        "Secretary General Mark Rute spoke first.",
        "Secretary General Mark Rutte spoke first.",
        "text",
    ),
    Rule(
        "T105", "wrong-case", Severity.WARNING,
        "Flags a case-sensitive term written in other capitals (a proper name in lower case, an "
        "acronym written as a word). All capitals, as in headlines and datelines, are typography "
        "and not flagged.",
        "Capitals carry meaning in English: \"the Presidential Office\" names an institution, "
        "\"a presidential office\" is any office.",
        "The agreement was announced by the Presidential office in Seoul.",
        "The agreement was announced by the Presidential Office in Seoul.",
        "text",
    ),
    Rule(
        "T106", "unlisted-spelling", Severity.WARNING,
        "Flags another hyphen, space or joined spelling of a glossary form (\"Jaemyung Lee\" for "
        "\"Jae-myung Lee\") that the glossary does not list.",
        "Such spellings escape exact-match search and translation-memory lookups, and they are "
        "almost always an oversight.",
        "A letter from Jaemyung Lee was delivered.",
        "A letter from Lee Jae Myung was delivered.",
        "text",
    ),
    Rule(
        "T107", "title-of-another-person", Severity.WARNING,
        "Flags a title written before a person when the glossary links that title with other "
        "people and that person with other titles (its `see` lists): 'Secretary General Wi "
        "Sung-lac'. Quiet when the glossary links either with nobody, and when the title is "
        "part of the person's own ('President' before 'Donald Trump', the U.S. President).",
        "A wrong title before a name is a factual error a reader cannot see through, and the "
        "translator renders it faithfully.",
        "Secretary General Wi Sung-lac met Mark Rutte.",
        "National Security Adviser Wi Sung-lac met Secretary General Mark Rutte.",
        "text",
    ),
    Rule(
        "T201", "mixed-forms-in-document", Severity.WARNING,
        "Flags a concept written in two or more different forms within one document (admitted "
        "alternatives such as abbreviations do not count). Reported once per concept and "
        "document, where the second form first appears.",
        "Mixing \"defense\" and \"defence\", or two spellings of one name, in one article looks "
        "careless and makes readers wonder whether two things are meant.",
        "The defense ministry spoke. Defence officials agreed.",
        "The defense ministry spoke. Defense officials agreed.",
        "text",
    ),
    Rule(
        "T202", "mixed-forms-across-documents", Severity.WARNING,
        "Flags a concept written in one form in one document and in another form in another "
        "document of the same lint run (admitted alternatives do not count). Reported once per "
        "concept, where a form not used before first appears.",
        "A set of articles is read and translated together; the translation of one is reused for "
        "the other, and a name spelt two ways across the set splits its translation memory.",
        "--- first.txt\nPresident Lee Jae Myung spoke.\n--- second.txt\nPresident Lee Jae-myung "
        "spoke.",
        "--- first.txt\nPresident Lee Jae Myung spoke.\n--- second.txt\nPresident Lee Jae Myung "
        "spoke.",
        "text",
    ),
    Rule(
        "T301", "house-spelling", Severity.WARNING,
        "Flags a spelling that the house style replaces (the glossary's `spelling` entries: "
        "\"defence\" for \"defense\", \"advisor\" for \"adviser\").",
        "A house style is one spelling convention applied everywhere; mixed conventions are the "
        "most visible inconsistency in agency copy.",
        "The defence minister arrived.",
        "The defense minister arrived.",
        "text",
    ),
)
