"""What `msgfmt --check` refuses in a catalogue, and broken python-format strings (C5xx); pure.

Plural forms are judged by the catalogue's own header (`xlate.po.plurals`), duplicates and line
breaks at the edges as msgfmt judges them, format strings by babel's python-format checker on
the entries flagged python-format.
"""

from __future__ import annotations

from collections.abc import Sequence

from xlate.check.engine import Catalogue
from xlate.model import Finding, Location
from xlate.po import plurals
from xlate.po.read import PoEntry


def gettext_findings(catalogue: Catalogue, known_plurals: Sequence[tuple[str, str]] = (),
                     format_cache: dict | None = None) -> list[Finding]:
    """What msgfmt --check refuses (plural forms, duplicates, line breaks at the edges), broken
    python-format strings (babel's checker), and a Plural-Forms formula known for none of the
    conventions of the catalogue's language (`known_plurals` adds formulas, such as the
    installed babel's). `format_cache` keeps babel's verdicts across the catalogues of a run."""
    from xlate.rules import REGISTRY

    found = []
    po = catalogue.po
    header_line = po.field_lines.get("Plural-Forms") or \
        (po.header.msgstr_line if po.header else 1)

    def add(code: str, message: str, line: int, msgid: str | None = None) -> None:
        found.append(REGISTRY.finding(code, message, Location(catalogue.path, line, 1),
                                      msgid=msgid))

    for problem in plural_problems(catalogue, known_plurals):
        add(problem.code, problem.message, problem.line or header_line)
    seen: set[tuple[str | None, str]] = set()
    for entry in po.entries:
        if not entry.msgid or entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            add("C503", "this message is defined twice (same msgctxt and msgid)",
                catalogue.msgstr_line(entry), entry.msgid)
        seen.add(key)
        translations = entry.msgstr_plural if entry.msgid_plural else (entry.msgstr,)
        for text in (t for t in translations if t):
            for edge, test in (("begin", str.startswith), ("end", str.endswith)):
                if test(entry.msgid, "\n") != test(text, "\n"):
                    add("C504", f"the source and the translation do not both {edge} with a "
                        "line break", catalogue.msgstr_line(entry), entry.msgid)
        if "python-format" in entry.flags and "fuzzy" not in entry.flags:
            error = python_format_error(entry, format_cache)
            if error:
                add("C501", error, catalogue.msgstr_line(entry), entry.msgid)
    return found


def plural_problems(catalogue: Catalogue, known_plurals: Sequence[tuple[str, str]] = ()
                    ) -> list[plurals.Problem]:
    """The catalogue's plural forms judged as msgfmt --check judges them, then against the
    formulas known for its language."""
    header = catalogue.po.header.msgstr if catalogue.po.header else None
    # msgfmt counts the translated, non-fuzzy plural entries: msgstr[0] filled.
    entries = [plurals.PluralEntry(catalogue.msgstr_line(e), len(e.msgstr_plural))
               for e in catalogue.po.entries
               if e.msgid_plural and not e.obsolete and not e.fuzzy and e.msgstr_plural
               and e.msgstr_plural[0]]
    problems = plurals.judge(header, entries)
    if header is not None and not any(p.code == "C502" for p in problems):
        unknown = plurals.unknown_formula(header, catalogue.locale, known_plurals)
        if unknown:
            problems.append(unknown)
    return problems


def python_format_error(entry: PoEntry, cache: dict | None = None) -> str | None:
    """babel's python-format checker on an entry flagged python-format, as msgfmt decides
    which entries are format strings: by their flag, never by guessing from the text.

    babel's verdict depends only on the placeholders its PYTHON_FORMAT pattern finds in each
    string and on which msgstrs are empty, so with a `cache` it is asked once per msgid and
    such a signature of the translations (the same placeholders in 100 locales: one call).
    """
    from babel.messages.catalog import PYTHON_FORMAT

    msgstrs = entry.msgstr_plural if entry.msgid_plural else (entry.msgstr,)
    key = (entry.msgid, entry.msgid_plural,
           tuple((s != "", tuple(PYTHON_FORMAT.findall(s))) for s in msgstrs))
    if cache is not None and key in cache:
        return cache[key]
    verdict = _babel_python_format(entry)
    if cache is not None:
        cache[key] = verdict
    return verdict


def _babel_python_format(entry: PoEntry) -> str | None:
    from babel.messages.catalog import Message, TranslationError
    from babel.messages.checkers import python_format

    if entry.msgid_plural:
        message = Message((entry.msgid, entry.msgid_plural), entry.msgstr_plural)
    else:
        message = Message(entry.msgid, entry.msgstr)
    message.flags = set(entry.flags)
    try:
        python_format(None, message)
    except TranslationError as error:
        return str(error)
    return None
