"""Dates as each target language writes them, from CLDR: the same on the oldest babel we declare
and on today's (CI runs the suite on both), full month names as news copy writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from xlate.target.locales import date_pattern, month_day_forms, month_forms, month_number

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]


@pytest.mark.parametrize("month", range(1, 13))
def test_month_and_day_in_every_target_language(month):
    day = dt.date(2025, month, 14)
    assert month_day_forms(day, "ko")[0] == f"{month}월 14일"
    assert month_day_forms(day, "ja")[0] == f"{month}月14日"
    assert month_day_forms(day, "fr")[0] == f"14 {MONTHS[month - 1]}"
    assert month_forms(day, "ko")[0] == f"{month}월"
    assert month_forms(day, "ja")[0] == f"{month}月"
    assert month_forms(day, "fr")[0] == MONTHS[month - 1]


def test_french_abbreviations_are_accepted_after_the_full_form():
    day = dt.date(2025, 7, 14)
    assert month_day_forms(day, "fr") == ("14 juillet", "14 juil.")
    assert month_forms(day, "fr") == ("juillet", "juil.")
    assert month_day_forms(dt.date(2025, 6, 26), "fr") == ("26 juin",)


@pytest.mark.parametrize("code, text, found, month", [
    ("en", "on June 24 and 25,", "June 24 and 25", 6),
    ("en", "on June 24-25,", "June 24-25", 6),
    ("en", "by Sept. 3", "Sept. 3", 9),
    ("en", "on 3 September", "3 September", 9),
    ("en", "since Aug. 15", "Aug. 15", 8),
    ("fr", "le 14 juillet", "14 juillet", 7),
    ("fr", "juin 24 et 25", "juin 24 et 25", 6),
    ("de", "am 3. Oktober", None, None),     # German writes "3." : no bare day before the month
    ("de", "Oktober 3 und 4", "Oktober 3 und 4", 10),
])
def test_dates_in_the_source_language_come_from_cldr(code, text, found, month):
    match = date_pattern(code).search(text)
    assert (match.group(0) if match else None) == found
    if match:
        assert month_number(match.group("month") or match.group("month2"), code) == month


@pytest.mark.parametrize("text", ["Mayday 5", "maybe 5 people", "Junes 5", "the 5 Marches"])
def test_month_names_are_whole_words(text):
    assert date_pattern("en").search(text) is None
