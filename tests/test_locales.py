"""Dates as each target language writes them, from CLDR: the same on the oldest babel we declare
and on today's (CI runs the suite on both), full month names as news copy writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from xlate.target.locales import month_day_forms, month_forms

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
