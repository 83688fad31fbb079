"""Locale knowledge from CLDR via babel: validation, names, dates in the target languages."""

from __future__ import annotations

import datetime as dt
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
