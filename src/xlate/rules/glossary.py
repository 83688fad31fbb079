"""Rules about the glossary itself: its schema (G1xx), its forms (G2xx), its renderings (G3xx).

The schema rules fire while a file is parsed (`xlate.glossary`); the others run over the parsed
`Glossary` here. Everything is pure: a `Locator` turns (entry, key, text) into a file position.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Iterator, Protocol

from xlate.model import Entry, Finding, Glossary, Kind, Location, Status
from xlate.rules.registry import Rule, Registry

RULES = (
    Rule(
        "G101", "unknown-key", "error",
        "Flags a key that the glossary format does not define, in an entry, a locale table or a "
        "dated form.",
        "A misspelt key (`deprecate` for `deprecated`) would otherwise be silently ignored, and the "
        "variants listed under it would never be checked.",
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\ndeprecate = ["Nato"]\n'
        '[term.ko]\napproved = "나토"\n[term.ja]\napproved = "NATO"\n[term.fr]\napproved = "Otan"\n',
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\ndeprecated = ["Nato"]\n'
        '[term.ko]\napproved = "나토"\n[term.ja]\napproved = "NATO"\n[term.fr]\napproved = "Otan"\n',
    ),
    Rule(
        "G102", "missing-key", "error",
        "Flags an entry without `id`, `kind` or `canonical`, a locale table without `approved`, or a "
        "dated form without `text`.",
        "Without them the entry cannot be matched or checked; it is left out of the glossary.",
        '[[term]]\nid = "seoul"\nkind = "place"\n[term.ko]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G103", "invalid-value", "error",
        "Flags a value of the wrong type or shape: an id that is not lower-case snake case, an empty "
        "form, a form with surrounding or embedded line-break white space, a `from` date after its "
        "`until` date, a non-boolean `case_sensitive`.",
        "Such values cannot be matched reliably, or mean nothing.",
        '[[term]]\nid = "The-Hague"\nkind = "place"\ncanonical = " The Hague"\n',
        '[[term]]\nid = "the_hague"\nkind = "place"\ncanonical = "The Hague"\n[term.ko]\n'
        'approved = "헤이그"\n[term.ja]\napproved = "ハーグ"\n[term.fr]\napproved = "La Haye"\n',
    ),
    Rule(
        "G104", "unknown-kind", "error",
        "Flags a `kind` that is not one of person, title, office, organisation, programme, event, "
        "place, body, term, spelling.",
        "Kinds drive which rules apply (spelling entries need no renderings, for instance); a typo "
        "would change behaviour silently.",
        '[[term]]\nid = "seoul"\nkind = "city"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G105", "unknown-locale", "error",
        "Flags a sub-table of an entry whose name is not a locale known to CLDR (`[term.kr]` for "
        "Korean, whose code is `ko`).",
        "Renderings under a wrong locale code are never used for that locale's catalogue.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.kr]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G201", "duplicate-id", "error",
        "Flags an id used by more than one entry, in the same file or in two files.",
        "Ids are how findings, baselines and imports refer to a concept; two entries with one id "
        "make every reference ambiguous.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n\n'
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul Metropolitan City"\n'
        '[term.ko]\napproved = "서울특별시"\n[term.ja]\napproved = "ソウル特別市"\n'
        '[term.fr]\napproved = "ville spéciale de Séoul"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n\n'
        '[[term]]\nid = "seoul_city"\nkind = "place"\ncanonical = "Seoul Metropolitan City"\n'
        '[term.ko]\napproved = "서울특별시"\n[term.ja]\napproved = "ソウル特別市"\n'
        '[term.fr]\napproved = "ville spéciale de Séoul"\n',
    ),
    Rule(
        "G202", "form-in-two-entries", "error",
        "Flags a source-language form (canonical, admitted, deprecated or forbidden) claimed by two "
        "entries. Forms are compared after folding white space, apostrophes and dashes, and "
        "ignoring case when either entry is case-insensitive.",
        "When a form belongs to two concepts the linter cannot tell which one the text means, nor "
        "which fix to offer.",
        '[[term]]\nid = "us"\nkind = "place"\ncanonical = "United States"\nadmitted = ["U.S."]\n'
        '[term.ko]\napproved = "미국"\n[term.ja]\napproved = "米国"\n[term.fr]\napproved = "États-Unis"\n\n'
        '[[term]]\nid = "us_adj"\nkind = "place"\ncanonical = "U.S."\n[term.ko]\napproved = "미"\n'
        '[term.ja]\napproved = "米"\n[term.fr]\napproved = "américain"\n',
        '[[term]]\nid = "us"\nkind = "place"\ncanonical = "United States"\nadmitted = ["U.S."]\n'
        '[term.ko]\napproved = "미국"\n[term.ja]\napproved = "米国"\n[term.fr]\napproved = "États-Unis"\n',
    ),
    Rule(
        "G203", "variant-equals-preferred", "error",
        "Flags an admitted, deprecated or forbidden form that is the same as the entry's canonical "
        "form (source side) or approved rendering (target side).",
        "A form cannot be both preferred and flagged; one of the two lists is wrong.",
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n[term.ko]\n'
        'approved = "나토"\nforbidden = ["나토"]\n[term.ja]\napproved = "NATO"\n[term.fr]\napproved = "Otan"\n',
        '[[term]]\nid = "nato"\nkind = "organisation"\ncanonical = "NATO"\n[term.ko]\n'
        'approved = "나토"\nadmitted = ["NATO"]\n[term.ja]\napproved = "NATO"\n[term.fr]\napproved = "Otan"\n',
    ),
    Rule(
        "G204", "form-listed-twice", "error",
        "Flags a form listed twice within one entry's source forms or one locale table, in the "
        "same list or in two (admitted and deprecated, say).",
        "A form has one status; listing it twice is a copy-paste slip or a contradiction.",
        '[[term]]\nid = "rubio"\nkind = "person"\ncanonical = "Marco Rubio"\n'
        'deprecated = ["Mark Rubio"]\nforbidden = ["Mark Rubio"]\n[term.ko]\napproved = "마코 루비오"\n'
        '[term.ja]\napproved = "マルコ・ルビオ"\n[term.fr]\napproved = "Marco Rubio"\n',
        '[[term]]\nid = "rubio"\nkind = "person"\ncanonical = "Marco Rubio"\n'
        'forbidden = ["Mark Rubio"]\n[term.ko]\napproved = "마코 루비오"\n'
        '[term.ja]\napproved = "マルコ・ルビオ"\n[term.fr]\napproved = "Marco Rubio"\n',
    ),
    Rule(
        "G205", "rendering-in-two-entries", "warning",
        "Flags an approved or admitted rendering that two entries share in the same locale.",
        "The translation check then cannot tell which concept a rendering stands for; usually one "
        "of the two entries needs a more specific rendering.",
        '[[term]]\nid = "summit"\nkind = "event"\ncanonical = "NATO summit"\n[term.ko]\n'
        'approved = "정상회의"\n[term.ja]\napproved = "NATO首脳会議"\n[term.fr]\napproved = "sommet de l\'Otan"\n\n'
        '[[term]]\nid = "summit_kr_us"\nkind = "event"\ncanonical = "South Korea-U.S. summit"\n'
        '[term.ko]\napproved = "정상회의"\n[term.ja]\napproved = "韓米首脳会談"\n'
        '[term.fr]\napproved = "sommet Séoul-Washington"\n',
        '[[term]]\nid = "summit"\nkind = "event"\ncanonical = "NATO summit"\n[term.ko]\n'
        'approved = "나토 정상회의"\n[term.ja]\napproved = "NATO首脳会議"\n[term.fr]\napproved = "sommet de l\'Otan"\n\n'
        '[[term]]\nid = "summit_kr_us"\nkind = "event"\ncanonical = "South Korea-U.S. summit"\n'
        '[term.ko]\napproved = "한미 정상회담"\n[term.ja]\napproved = "韓米首脳会談"\n'
        '[term.fr]\napproved = "sommet Séoul-Washington"\n',
    ),
    Rule(
        "G206", "overlapping-preferred-forms", "error",
        "Flags two canonical forms, or two approved renderings in one locale, that are valid on the "
        "same day. Several preferred forms are allowed only as a sequence of dated forms.",
        "On any given date exactly one form must be the one to use, or the fix is ambiguous.",
        '[[term]]\nid = "office"\nkind = "office"\ncanonical = "Presidential Office"\n[term.ko]\n'
        'approved = [{ text = "대통령실" }, { text = "청와대", from = 2025-12-29 }]\n'
        '[term.ja]\napproved = "大統領室"\n[term.fr]\napproved = "la présidence"\n',
        '[[term]]\nid = "office"\nkind = "office"\ncanonical = "Presidential Office"\n[term.ko]\n'
        'approved = [{ text = "대통령실", until = 2025-12-28 }, { text = "청와대", from = 2025-12-29 }]\n'
        '[term.ja]\napproved = "大統領室"\n[term.fr]\napproved = "la présidence"\n',
    ),
    Rule(
        "G301", "missing-rendering", "error",
        "Flags an entry with no approved rendering for a configured target locale. Entries of kind "
        "`spelling` (English house style) are exempt.",
        "Translators are shown the approved rendering and the check enforces it; without one, the "
        "term goes unchecked in that language.",
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n',
        '[[term]]\nid = "seoul"\nkind = "place"\ncanonical = "Seoul"\n[term.ko]\napproved = "서울"\n'
        '[term.ja]\napproved = "ソウル"\n[term.fr]\napproved = "Séoul"\n',
    ),
    Rule(
        "G302", "wrong-script", "error",
        "Flags a `hangul` value that is not written in Hangul, or a `hanja` value that is not "
        "written in Han characters.",
        "The original script is used to generate romanisations and to check Korean and Japanese "
        "renderings; a romanised or mixed value there breaks both.",
        '[[term]]\nid = "wi"\nkind = "person"\ncanonical = "Wi Sung-lac"\nhangul = "Wi Seong-rak"\n'
        '[term.ko]\napproved = "위성락"\n[term.ja]\napproved = "魏聖洛"\n[term.fr]\napproved = "Wi Sung-lac"\n',
        '[[term]]\nid = "wi"\nkind = "person"\ncanonical = "Wi Sung-lac"\nhangul = "위성락"\n'
        '[term.ko]\napproved = "위성락"\n[term.ja]\napproved = "魏聖洛"\n[term.fr]\napproved = "Wi Sung-lac"\n',
    ),
    Rule(
        "G303", "unknown-reference", "error",
        "Flags an id in `see` that names no entry of the glossary.",
        "Cross-references are followed by `xlate glossary show`; a dangling one is a renamed or "
        "deleted entry that was not updated everywhere.",
        '[[term]]\nid = "rutte"\nkind = "person"\ncanonical = "Mark Rutte"\nsee = ["nato_sg"]\n'
        '[term.ko]\napproved = "마르크 뤼터"\n[term.ja]\napproved = "マルク・ルッテ"\n'
        '[term.fr]\napproved = "Mark Rutte"\n',
        '[[term]]\nid = "rutte"\nkind = "person"\ncanonical = "Mark Rutte"\n'
        '[term.ko]\napproved = "마르크 뤼터"\n[term.ja]\napproved = "マルク・ルッテ"\n'
        '[term.fr]\napproved = "Mark Rutte"\n',
    ),
)

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
                    locate(entry, form.status.value, text=form.text), term=entry.id, found=form.text)
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
                        "G205", f"{locale} rendering '{form.text}' is also a rendering of '{owner}'",
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

