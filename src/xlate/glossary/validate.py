"""Validating a parsed glossary: its forms (G2xx) and its renderings (G3xx); pure.

The schema rules (G1xx) fire while a file is parsed (`xlate.glossary.load`); the rules here run
over the parsed `Glossary`. A `Locator` turns (entry, key, text) into a file position. The rules'
documentation lives in `xlate.rules.glossary`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from xlate.model import Entry, Finding, Glossary, Kind, Location, Status
from xlate.rules.registry import Registry

_HANGUL = re.compile(r"^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f ·\-]+$")
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f 、・]+$")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                       "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "})


class Locator(Protocol):
    """Turns a place in an entry into a file position."""

    def __call__(self, entry: Entry, *path: str, text: str | None = None) -> Location: ...


def origin_locator(entry: Entry, *path: str, text: str | None = None) -> Location:
    """The fallback locator: the entry's own header."""
    return entry.origin or Location("<glossary>")


_FOLDED = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def fold_form(text: str, *, casefold: bool) -> str:
    """The comparison key of a form: NFC, folded white space, apostrophes and dashes."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _FOLDED.search(text):  # translate() looks every character up: only when it must
        text = text.translate(_FOLD)
    key = " ".join(text.split())
    return key.casefold() if casefold else key


def validate(glossary: Glossary, registry: Registry, *, target_locales: Iterable[str] = (),
             locate: Locator = origin_locator) -> list[Finding]:
    """Run the G2xx and G3xx rules over a parsed glossary."""
    targets = tuple(target_locales)
    checks: tuple[Callable[..., Iterator[Finding]], ...] = (
        _duplicate_ids, _forms_in_two_entries, _entry_forms, _renderings_in_two_entries,
        _missing_renderings, _scripts, _references,
    )
    findings: list[Finding] = []
    for check in checks:
        findings.extend(check(glossary, registry, locate, targets))
    return findings


def _duplicate_ids(glossary, registry, locate, targets):
    first: dict[str, Entry] = {}
    for entry in glossary:
        if entry.id in first:
            where = first[entry.id].origin
            yield registry.finding(
                "G201", f"id '{entry.id}' is already used by the entry at {where}",
                locate(entry, "id"), term=entry.id, found=entry.id)
        else:
            first[entry.id] = entry


def _forms_in_two_entries(glossary, registry, locate, targets):
    exact: dict[str, tuple[Entry, str]] = {}
    folded: dict[str, tuple[Entry, str]] = {}
    for entry in glossary:
        seen_here: set[str] = set()
        for form in entry.forms:
            key = fold_form(form.text, casefold=False)
            loose = key.casefold()  # what fold_form(casefold=True) gives, without folding twice
            if key in seen_here:
                continue
            seen_here.add(key)
            other = exact.get(key)
            if other is None and loose in folded:
                candidate = folded[loose]
                if not (entry.case_sensitive and candidate[0].case_sensitive):
                    other = candidate
            if other is not None and other[0].id != entry.id:
                yield registry.finding(
                    "G202", f"form '{form.text}' is also a form of '{other[0].id}' ('{other[1]}')",
                    locate(entry, form.status.value, text=form.text), term=entry.id,
                    found=form.text)
                continue
            exact.setdefault(key, (entry, form.text))
            folded.setdefault(loose, (entry, form.text))


def _entry_forms(glossary, registry, locate, targets):
    for entry in glossary:
        yield from _form_set(entry, (), entry.forms, not entry.case_sensitive, registry, locate)
        for locale, rendering in entry.renderings.items():
            yield from _form_set(entry, (locale,), rendering.forms, False, registry, locate)


def _form_set(entry, path, forms, casefold, registry, locate):
    preferred = [f for f in forms if f.status is Status.PREFERRED]
    preferred_keys = {fold_form(f.text, casefold=casefold) for f in preferred}
    where_name = f"locale '{path[0]}'" if path else "the source forms"
    word = "approved" if path else "canonical"
    for i, a in enumerate(preferred):
        for b in preferred[i + 1:]:
            if a.overlaps(b):
                yield registry.finding(
                    "G206", f"{word} forms '{a.text}' and '{b.text}' are valid on the same days; "
                    "give them `from`/`until` dates that do not overlap",
                    locate(entry, *path, "approved" if path else "canonical", text=b.text),
                    term=entry.id, found=b.text)
    seen: dict[str, str] = {}
    for form in forms:
        if form.status is Status.PREFERRED:
            continue
        key = fold_form(form.text, casefold=casefold)
        if key in preferred_keys:
            what = f"the approved {path[0]} rendering" if path else "the canonical form"
            yield registry.finding(
                "G203", f"{form.status.value} form '{form.text}' is also {what}",
                locate(entry, *path, form.status.value, text=form.text), term=entry.id,
                found=form.text)
        elif key in seen:
            yield registry.finding(
                "G204", f"form '{form.text}' is listed as {seen[key]} and again as "
                f"{form.status.value} in {where_name}",
                locate(entry, *path, form.status.value, text=form.text), term=entry.id,
                found=form.text)
        else:
            seen[key] = form.status.value


def _renderings_in_two_entries(glossary, registry, locate, targets):
    owners: dict[tuple[str, str], str] = {}
    for entry in glossary:
        for locale, rendering in entry.renderings.items():
            mine: set[str] = set()
            for form in rendering.forms:
                if form.status not in (Status.PREFERRED, Status.ADMITTED):
                    continue
                key = fold_form(form.text, casefold=False)
                if key in mine:
                    continue
                mine.add(key)
                owner = owners.setdefault((locale, key), entry.id)
                if owner != entry.id:
                    yield registry.finding(
                        "G205",
                        f"{locale} rendering '{form.text}' is also a rendering of '{owner}'",
                        locate(entry, locale, form.status.value if form.status is Status.ADMITTED
                               else "approved", text=form.text),
                        term=entry.id, found=form.text)


def _missing_renderings(glossary, registry, locate, targets):
    for entry in glossary:
        if entry.kind is Kind.SPELLING:
            continue
        for locale in targets:
            rendering = entry.renderings.get(locale)
            if rendering is None or not rendering.with_status(Status.PREFERRED):
                yield registry.finding(
                    "G301", f"no approved {locale} rendering for '{entry.canonical}'",
                    locate(entry, locale) if rendering else locate(entry),
                    term=entry.id, expected=None)


def _scripts(glossary, registry, locate, targets):
    for entry in glossary:
        for key, value, pattern, script in (("hangul", entry.hangul, _HANGUL, "Hangul"),
                                            ("hanja", entry.hanja, _HAN, "Han characters")):
            if value is not None and not pattern.match(value):
                yield registry.finding(
                    "G302", f"`{key}` is '{value}', which is not written in {script}",
                    locate(entry, key), term=entry.id, found=value)


def _references(glossary, registry, locate, targets):
    ids = {entry.id for entry in glossary}
    for entry in glossary:
        for ref in entry.see:
            if ref not in ids:
                yield registry.finding(
                    "G303", f"`see` names '{ref}', which is not an entry of the glossary",
                    locate(entry, "see", text=ref), term=entry.id, found=ref)

