"""Plural forms as GNU gettext judges them (pure): the header's formula, each entry's count.

`msgfmt --check` judges a catalogue by its own header, not by any table of languages: the header
must carry `nplurals=INTEGER` and `plural=EXPRESSION` once a catalogue has plural entries, the
expression must parse and, for n = 0..1000, neither divide by zero, go negative nor reach nplurals,
and every translated, non-fuzzy plural entry must have exactly nplurals `msgstr[i]`. `judge`
reports exactly those as errors (C502 for the header, C505 for an entry, at the entry's line).

Which formula a language *should* use is a matter of convention, and the conventions differ:
GNU gettext's table gives French `nplurals=2; plural=(n > 1);`, CLDR (babel 2.19 and newer) gives
it a third form for whole millions. Like Weblate, xlate accepts any formula known for the
language (GNU gettext's, babel's legacy table, CLDR's; `plural_table`) and warns (C506) only when
the header's formula behaves like none of them. `conventional` is the one formula `xlate init`
writes: GNU gettext's where it has one, pinned here so that it never depends on the babel release.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from xlate.po import plural_table

# The numbers at which formulas are compared: msgfmt's 0..1000, and the large round numbers
# where CLDR's "many" categories (French, Spanish, Catalan millions) differ from the rest.
_SAMPLES = tuple(range(1001)) + tuple(m * 10 ** k for k in range(3, 10) for m in (1, 2, 5)) + (
    1000001, 1100000, 2000001, 10 ** 6 + 10 ** 3)
_DEFAULT = "nplurals=2; plural=(n != 1);"  # gettext's Germanic default, babel's too
_SOURCES = (("GNU gettext", plural_table.GNU), ("babel <= 2.18", plural_table.BABEL_LEGACY),
            ("CLDR", plural_table.CLDR))


@dataclass(frozen=True)
class Problem:
    """One plural-forms finding: a rule code, its message, and the entry's line (None: header)."""

    code: str
    message: str
    line: int | None = None


@dataclass(frozen=True)
class PluralEntry:
    """What the check needs of a plural entry: where it is, and how many msgstr[i] it has."""

    line: int
    count: int


def expression_of(header: str) -> str | None:
    """The text after the header's `plural=`, up to `;` or the end of its line, as msgfmt reads
    it; None without `plural=`."""
    start = header.find("plural=")
    if start < 0:
        return None
    return re.split(r"[;\n]", header[start + 7:], maxsplit=1)[0].strip()


def nplurals_of(header: str) -> int | str | None:
    """The header's nplurals: an int, None when absent, "" when present but not a number."""
    start = header.find("nplurals=")
    if start < 0:
        return None
    digits = re.match(r"\s*(\d+)", header[start + 9:])
    return int(digits.group(1)) if digits else ""


@lru_cache(maxsize=256)
def _compiled(expression: str) -> Callable[[int], int] | None:
    try:
        return gettext.c2py(expression)
    except (ValueError, SyntaxError, RecursionError):
        return None


@lru_cache(maxsize=256)
def evaluate(expression: str, nplurals: int) -> tuple[tuple[int, ...] | None, str | None]:
    """The formula's value at every sample number, or None and what msgfmt would say of it."""
    function = _compiled(expression)
    if function is None:
        return None, "invalid plural expression"
    values = []
    for n in _SAMPLES:
        try:
            value = function(n)
        except ZeroDivisionError:
            return None, "plural expression can produce division by zero"
        except (RecursionError, OverflowError, MemoryError):
            return None, "plural expression can produce stack overflow"
        if n <= 1000 and value < 0:
            return None, "plural expression can produce negative values"
        if n <= 1000 and value >= nplurals:
            return None, (f"nplurals = {nplurals} but plural expression can produce values as "
                          f"large as {value}")
        values.append(value)
    return tuple(values), None


def judge(header: str | None, entries: Sequence[PluralEntry]) -> list[Problem]:
    """What msgfmt --check refuses about plurals. `header` is the header entry's msgstr (None
    when the catalogue has none); `entries` the translated, non-fuzzy, non-obsolete plural
    entries."""
    first = entries[0].line if entries else None
    if header is None:
        if entries:
            return [Problem("C502", "plural translations but no header entry with "
                            "'Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;'", first)]
        return []
    expression, nplurals = expression_of(header), nplurals_of(header)
    problems = []
    if entries and expression is None:
        problems.append(Problem("C502", "plural translations but the header has no "
                                "'plural=EXPRESSION'"))
    if entries and nplurals is None:
        problems.append(Problem("C502", "plural translations but the header has no "
                                "'nplurals=INTEGER'"))
    if expression is None or nplurals is None:
        return problems
    if not isinstance(nplurals, int):
        problems.append(Problem("C502", "invalid nplurals value in Plural-Forms"))
        if _compiled(expression) is None:
            problems.append(Problem("C502", f"Plural-Forms: invalid plural expression "
                                    f"({expression!r})"))
        return problems
    _, error = evaluate(expression, nplurals)
    if error:
        problems.append(Problem("C502", f"Plural-Forms: {error} ({expression!r})"))
    if problems:
        return problems
    for entry in entries:
        if entry.count != nplurals:
            problems.append(Problem(
                "C505", f"this entry has {entry.count} plural translation"
                f"{'s' if entry.count != 1 else ''} (msgstr[0]..msgstr[{entry.count - 1}]), but "
                f"Plural-Forms says nplurals={nplurals}", entry.line))
    return problems


def language_keys(language: str) -> tuple[str, ...]:
    """The table keys to try for a locale, most specific first (pt-BR: pt_BR, pt)."""
    code = language.strip().replace("-", "_")
    base = re.split(r"[_@.]", code, maxsplit=1)[0].lower()
    return (code, base) if code != base else (base,)


def known_formulas(language: str, extra: Iterable[tuple[str, str]] = ()
                   ) -> list[tuple[str, list[str]]]:
    """The distinct formulas known for `language`, each with the sources that give it
    (behaviourally equal formulas are one). `extra` adds (source, formula) pairs, such as the
    installed babel's."""
    found: list[tuple[str, str]] = []
    for source, table in _SOURCES:
        formula = _lookup(table, language)
        if formula:
            found.append((source, formula))
    found.extend(extra)
    merged: list[tuple[str, list[str]]] = []
    for source, formula in found:
        for known, sources in merged:
            if same_formula(known, formula):
                if source not in sources:
                    sources.append(source)
                break
        else:
            merged.append((formula, [source]))
    return merged


def _lookup(table: Mapping[str, str], language: str) -> str | None:
    return next((table[k] for k in language_keys(language) if k in table), None)


def parse_formula(formula: str) -> tuple[int, str] | None:
    """(nplurals, expression) of a valid Plural-Forms value, else None."""
    nplurals, expression = nplurals_of(formula), expression_of(formula)
    if not isinstance(nplurals, int) or not expression:
        return None
    values, _ = evaluate(expression, nplurals)
    return (nplurals, expression) if values is not None else None


def same_formula(a: str, b: str) -> bool:
    """True when two Plural-Forms values give every sample number the same index."""
    left, right = parse_formula(a), parse_formula(b)
    if left is None or right is None:
        return a.strip() == b.strip()
    return left[0] == right[0] and \
        evaluate(left[1], left[0])[0] == evaluate(right[1], right[0])[0]


def unknown_formula(header: str, language: str, extra: Iterable[tuple[str, str]] = ()
                    ) -> Problem | None:
    """C506 when the header's valid formula behaves like none known for `language`."""
    nplurals, expression = nplurals_of(header), expression_of(header)
    if not isinstance(nplurals, int) or not expression:
        return None
    formula = f"nplurals={nplurals}; plural={expression};"
    if parse_formula(formula) is None:
        return None
    known = known_formulas(language, extra)
    if not known or any(same_formula(formula, k) for k, _ in known):
        return None
    listed = "; ".join(f"'{k}' ({', '.join(s)})" for k, s in known)
    return Problem("C506", f"Plural-Forms '{formula}' matches none of the formulas known for "
                           f"{language}: {listed}")


def conventional(language: str, overrides: Mapping[str, str] | None = None) -> str:
    """The one Plural-Forms value `xlate init` writes for `language`: a configured override,
    else GNU gettext's conventional formula, else babel's legacy one, else CLDR's (all pinned)."""
    for key in language_keys(language):
        if overrides and key in overrides:
            return overrides[key]
    for _, table in _SOURCES:
        formula = _lookup(table, language)
        if formula:
            return formula
    return _DEFAULT


@lru_cache(maxsize=64)
def installed_plurals(code: str) -> tuple[tuple[str, str], ...]:
    """The installed babel's Plural-Forms for `code` as ((source, formula),), or () when its
    table does not list the language: a newer CLDR than xlate's pinned one is accepted too,
    never required."""
    from babel import __version__
    from babel.messages.plurals import PLURALS

    for key in language_keys(code):
        if key in PLURALS:
            nplurals, expression = PLURALS[key]
            return ((f"babel {__version__}", f"nplurals={nplurals}; plural={expression};"),)
    return ()
