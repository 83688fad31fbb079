"""How a written surface relates to the form it matched: the decisions of
`xlate.english.surface`."""

from __future__ import annotations

import pytest

from xlate.english.surface import How, Target, classify, plural_variants, resolve
from xlate.model import Entry, Form, Kind, Status

NATO = Entry("nato", Kind.ORGANISATION, (Form("NATO", Status.PREFERRED),))
US = Entry("us", Kind.PLACE,
           (Form("United States", Status.PREFERRED), Form("US", Status.DEPRECATED)))
PRESIDENT = Entry("president", Kind.TITLE, (Form("President", Status.PREFERRED),))
CAPABILITY = Entry("capability", Kind.TERM, (Form("capability", Status.PREFERRED),),
                   case_sensitive=False)


def target(entry: Entry, form: int = 0, generated: bool = False) -> Target:
    listed = Target.of(entry, 0, entry.forms[form], form)
    return listed._replace(generated=True) if generated else listed


@pytest.mark.parametrize("surface, entry, form, generated, how", [
    ("NATO", NATO, 0, False, How.EXACT),
    ("Nato", NATO, 0, False, How.CASE),             # the acronym written as a name
    ("nato", NATO, 0, False, None),                 # lower case: another word
    ("US", US, 1, False, How.EXACT),
    ("us", US, 1, False, None),                     # the pronoun, not the acronym
    ("President", PRESIDENT, 0, False, How.EXACT),
    ("PRESIDENT", PRESIDENT, 0, False, How.EXACT),  # headline capitals are typography
    ("president", PRESIDENT, 0, False, None),       # alone in lower case: the common noun
    ("Presidents", PRESIDENT, 0, True, How.EXACT),  # a generated plural
    ("capabilities", CAPABILITY, 0, True, How.EXACT),  # a generated plural
    ("Capability", CAPABILITY, 0, False, How.EXACT),   # case-insensitive entry
])
def test_classify(surface, entry, form, generated, how):
    assert classify(surface, target(entry, form, generated), len(surface.split())) is how


def test_a_lone_lower_case_word_is_not_a_miscased_common_term():
    term = Entry("summit", Kind.TERM, (Form("Summit", Status.PREFERRED),))
    assert classify("summit", target(term), 1) is None
    assert classify("Summit", target(term), 1) is How.EXACT


def test_resolve_prefers_an_exact_preferred_form_and_names_its_entry():
    series = Entry("us_series", Kind.TERM, (Form("US", Status.PREFERRED),))  # same key, "us"
    entries, forms = [US, series], [*US.forms, *series.forms]
    bucket = (tuple(Target.of(US, 0, forms[1], 1)), tuple(Target.of(series, 1, forms[2], 2)))
    assert resolve(bucket, "US", 1, entries, forms) == (forms[2], How.EXACT, series)
    assert resolve(bucket[:1], "US", 1, entries, forms) == (forms[1], How.EXACT, US)
    assert resolve(bucket[:1], "us", 1, entries, forms) is None  # the pronoun


def test_plural_variants():
    assert "capabilities" in plural_variants("capability")
    assert "project" in plural_variants("projects") and "projects" in plural_variants("project")
