"""Locale knowledge from CLDR via babel: validation, plural forms, names, date formats."""

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


def plural_forms(code: str) -> str:
    """The Plural-Forms header value for `code`, from CLDR (ko: nplurals=1; plural=0;)."""
    from babel.messages.plurals import get_plural

    parse(code)
    return get_plural(code.replace("-", "_")).plural_forms


def language_name(code: str) -> str:
    """The language's English name (Korean, Japanese, French)."""
    return parse(code).get_display_name("en") or code


def sentence_joiner(code: str) -> str:
    """What goes between two sentences of a paragraph."""
    return "" if parse(code).language in _NO_SPACE else " "


def format_month_day(day: dt.date, code: str) -> str:
    """A month and day as news copy writes them in `code` (June 26 -> 6월 26일, 26 juin)."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMd", day, locale=parse(code))


def format_month(day: dt.date, code: str) -> str:
    """The month alone as `code` writes it in running text (6월, 6月, juin)."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMM", day, locale=parse(code))
