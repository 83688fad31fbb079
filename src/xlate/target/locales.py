"""Locale knowledge from CLDR via babel: validation, names, and dates as each language writes
them, the source language's included (month names, day ranges), so that no check carries
English literals."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from xlate.errors import XlateError

# Languages written without spaces between sentences.
_NO_SPACE = {"ja", "zh", "th", "lo", "km", "my"}


@lru_cache(maxsize=64)
def parse(code: str):
    """A babel Locale, or an XlateError naming the code."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError, TypeError):
        raise XlateError(f"unknown locale '{code}' (not in CLDR)") from None


def language_name(code: str) -> str:
    """The language's English name (Korean, Japanese, French)."""
    return parse(code).get_display_name("en") or code


def sentence_joiner(code: str) -> str:
    """What goes between two sentences of a paragraph."""
    return "" if parse(code).language in _NO_SPACE else " "


def month_day_forms(day: dt.date, code: str) -> tuple[str, ...]:
    """A month and day as news copy writes them in `code`, the usual form first (June 26: 6월 26일,
    6月26日, 26 juin; July 14: 14 juillet, or abbreviated, 14 juil.)."""
    from babel.dates import format_skeleton

    locale = parse(code)
    return tuple(dict.fromkeys(format_skeleton(s, day, locale=locale) for s in ("MMMMd", "MMMd")))


def month_forms(day: dt.date, code: str) -> tuple[str, ...]:
    """The month alone as `code` writes it in running text (6월, 6月, juillet or juil.)."""
    from babel.dates import format_date

    locale = parse(code)
    return tuple(dict.fromkeys(format_date(day, s, locale=locale) for s in ("LLLL", "LLL")))


@lru_cache(maxsize=16)
def month_names(code: str) -> tuple[tuple[str, ...], ...]:
    """Each month's wide names in `code`, format and stand-alone (en: ("June",), ...)."""
    months = parse(code).months
    return tuple(tuple(dict.fromkeys(months[context]["wide"][number]
                                     for context in ("format", "stand-alone")))
                 for number in range(1, 13))


@lru_cache(maxsize=16)
def date_pattern(code: str) -> re.Pattern[str]:
    """A month and a day, or a range of days, as `code` writes them, from CLDR: a month's wide
    name or an abbreviation of it with a dot (Sept., Aug.), before or after the day(s); a range
    joined by a dash, a tilde, CLDR's interval separator or the language's "and" (CLDR's list
    pattern: and, et, und). Groups: `month` and `days`, or `days2` and `month2`."""
    names = [name for forms in month_names(code) for name in forms]
    abbreviations = {name[:cut] + "." for name in names for cut in range(3, len(name))}
    alternatives = sorted({re.escape(n) for n in names} | {re.escape(a) for a in abbreviations},
                          key=len, reverse=True)
    month = "|".join(alternatives)
    locale = parse(code)
    joiners = {"-", "–", "~"}
    interval = locale.interval_formats.get(None)
    if isinstance(interval, str):
        joiners.add(interval.replace("{0}", "").replace("{1}", "").strip())
    pair = locale.list_patterns.get("standard", {}).get("2", "")
    joiners.add(pair.replace("{0}", "").replace("{1}", "").strip())
    joiner = "|".join(sorted((re.escape(j) for j in joiners if j), key=len, reverse=True))
    days = rf"\d{{1,2}}(?:\s*(?:{joiner})\s*\d{{1,2}})?"
    return re.compile(rf"(?<!\w)(?P<month>{month})(?!\w)\s+(?P<days>{days})\b"
                      rf"|\b(?P<days2>\d{{1,2}})\s+(?P<month2>{month})(?!\w)")


def month_number(written: str, code: str) -> int | None:
    """The month (1-12) that `written`, a wide name or a dotted abbreviation, names in `code`."""
    stem = written.rstrip(".")
    for number, forms in enumerate(month_names(code), 1):
        if any(name == written or (written.endswith(".") and name.startswith(stem))
               for name in forms):
            return number
    return None
