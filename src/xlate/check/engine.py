"""Checking translations against the glossary and the catalogues against themselves (pure).

For each entry of each catalogue, every glossary concept the English msgid names (found by the
English matcher, so a deprecated "Lee Jae Myung" still maps to its entry) must appear in the
msgstr in a rendering approved for the article's date; forbidden and deprecated renderings and
Korean particle errors are reported; numbers and dates must survive; the catalogue set must be
consistent. A translator silences one finding on one entry with the translator comment
`xlate: ignore CODE -- reason`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from xlate.english.match import How, Matcher
from xlate.model import Entry, Finding, Form, Kind, Location, Status
from xlate.po.read import PoEntry, PoFile
from xlate.rules.registry import Registry
from xlate.target import match as tg
from xlate.target.locales import date_pattern, month_day_forms, month_forms, month_number

_IGNORE = re.compile(r"xlate:\s*ignore\s+([A-Z0-9, ]+?)\s*(?:--\s*(.*\S))?\s*$")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
_DIGIT = re.compile(r"\d")  # what every date and number pattern needs at least once
# A numeric character reference (&#169; &#x2014;) is markup, not a number of the story.
_CHAR_REFERENCE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);")
# An hour on the 12-hour clock: "6 p.m.", "6:30 a.m.", "6pm" (the number is the hour).
_CLOCK = re.compile(r"(?::[0-5]\d)?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)


def _ascii_digits(text: str) -> str:
    """`text` with every decimal digit written in ASCII: ৮ (Bengali), ۱ (Persian), ८ (Devanagari)
    and the other scripts' digits are the same numbers as 8, 1 and 8."""
    if text.isascii():
        return text
    return _DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(0))), text)


# The day marker of the languages whose wire services drop the current month (Yonhap writes
# 26일 for June 26 in a June story, Kyodo 26日); French and English copy never do.
_DAY_MARKERS = {"ko": "일", "ja": "日", "zh": "日"}


def _day_only(number: str, text: str, locale: str) -> bool:
    """Whether `text` writes the day `number` alone with its day marker (26일), or as part of a
    range that ends in one (24~25일, 24、25両日)."""
    marker = _DAY_MARKERS.get(locale.replace("-", "_").split("_")[0].lower())
    if marker is None:
        return False
    joiner = r"\s*(?:~|〜|∼|-|–|、|,|・)\s*"
    pattern = rf"(?<!\d){number}(?:{joiner}\d{{1,2}})*\s*(?:両|양)?{marker}"
    return re.search(pattern, text) is not None


def _hour_forms(number: str, msgid: str, end: int) -> set[str]:
    """The ways a translation may write the hour `number` when the source gives it on the
    12-hour clock right after `end`: as given, zero-padded, and on the 24-hour clock
    (6 p.m.: 6, 06, 18; 12 a.m.: 12, 0, 00, 24). Empty when no a.m. or p.m. follows."""
    clock = _CLOCK.match(msgid, end)
    if clock is None or not number.isdigit() or not 1 <= int(number) <= 12:
        return set()
    hour = int(number)
    forms = {number, f"{hour:02d}"}
    if clock.group(1).lower() == "p":
        forms.add(str(hour + 12 if hour < 12 else 12))
    elif hour == 12:
        forms |= {"0", "00", "24"}
    return forms


@dataclass
class Catalogue:
    """One PO file to check: its path, locale, parsed entries, and text for line numbers."""

    path: str
    locale: str
    po: PoFile

    @cached_property
    def year(self) -> int | None:
        """The year of the catalogue's POT-Creation-Date (when the template was made)."""
        match = re.match(r"\s*(\d{4})-", self.po.metadata.get("POT-Creation-Date", ""))
        return int(match.group(1)) if match else None

    @cached_property
    def month(self) -> tuple[int, int] | None:
        """(year, month) of the catalogue's POT-Creation-Date, which xlate sets to the newest
        article's date: the month wire copy leaves unsaid when no article date is known."""
        match = re.match(r"\s*(\d{4})-(\d{2})-", self.po.metadata.get("POT-Creation-Date", ""))
        return (int(match.group(1)), int(match.group(2))) if match else None

    def msgstr_line(self, entry: PoEntry) -> int:
        """The line of the entry's first msgstr, the line msgfmt names too."""
        return entry.msgstr_line or entry.line or 1


# A date written without a year is read in the article's year, else the catalogue's; with
# neither, in a leap year, so that February 29 still exists (the forms compared show no year).
_ANY_YEAR = 2000


@dataclass
class CheckOptions:
    dates: dict[str, dt.date] = field(default_factory=dict)  # msgctxt -> article date
    min_translated: float | None = None
    source_locale: str = "en"  # the language of the msgids: month names and day ranges


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)


def check(catalogues: Sequence[Catalogue], matcher: Matcher, registry: Registry,
          options: CheckOptions | None = None) -> CheckResult:
    """Every catalogue checked, then the set for consistency (C202), findings sorted."""
    options = options or CheckOptions()
    result = CheckResult()
    concepts: dict[str, list[Entry]] = {}  # msgid -> concepts: catalogues repeat their msgids
    divergence = Divergence(registry)
    for catalogue in catalogues:
        one = check_catalogue(catalogue, matcher, registry, options, concepts)
        result.findings.extend(one.findings)
        result.suppressed.extend(one.suppressed)
        result.findings.extend(divergence.add(translations(catalogue)))
    result.findings.sort(key=Finding.sort_key)
    return result


def check_catalogue(catalogue: Catalogue, matcher: Matcher, registry: Registry,
                    options: CheckOptions, concepts: dict[str, list[Entry]] | None = None
                    ) -> CheckResult:
    """One catalogue's findings (suppressions applied); `concepts` caches matches by msgid
    across the catalogues of a run. The cross-catalogue rule is `Divergence`'s."""
    result = CheckResult()
    raw = list(_check_catalogue(catalogue, matcher, registry, options,
                                {} if concepts is None else concepts))
    result.findings.extend(_apply_ignores(catalogue, raw, registry, result))
    return result


# What C202 keeps of a translated entry once its catalogue is released: (locale, msgctxt,
# msgid), path, msgstr line, msgstr. A plain tuple: worker processes send 145,000 of them on the
# corpus, and tuples cross a pipe three times faster than any class.
Translation = tuple[tuple[str, str | None, str], str, int, str]


def translations(catalogue: Catalogue) -> list[Translation]:
    """The catalogue's translated entries, as the cross-catalogue rule needs them."""
    return [((catalogue.locale, entry.msgctxt, entry.msgid), catalogue.path,
             catalogue.msgstr_line(entry), entry.msgstr)
            for entry in catalogue.po.entries
            if entry.msgid and not entry.obsolete and entry.translated()]


class Divergence:
    """C202: one source sentence translated differently in two catalogues of one locale. Fed
    the catalogues' translations in order, it keeps only the first of each message."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.first: dict[tuple[str, str | None, str], Translation] = {}

    def add(self, translated: Sequence[Translation]) -> list[Finding]:
        found = []
        for item in translated:
            key, path, line, msgstr = item
            _, first_path, first_line, first_msgstr = self.first.setdefault(key, item)
            if first_path != path and first_msgstr != msgstr:
                found.append(self.registry.finding(
                    "C202", f"translated differently in {first_path}:{first_line} "
                    f"('{first_msgstr[:60]}')", Location(path, line, 1),
                    msgid=key[2], found=msgstr, expected=first_msgstr))
        return found


def _finding(registry: Registry, code: str, message: str, catalogue: Catalogue,
             entry: PoEntry | None, **extra) -> Finding:
    line = catalogue.msgstr_line(entry) if entry is not None else 1
    return registry.finding(code, message, Location(catalogue.path, line, 1),
                            msgid=entry.msgid if entry is not None else None, **extra)


def _check_catalogue(catalogue: Catalogue, matcher: Matcher, registry: Registry,
                     options: CheckOptions, concepts: dict[str, list[Entry]]):
    active = [e for e in catalogue.po.entries if e.msgid and not e.obsolete]
    translated = 0
    uses: dict[str, dict[str, tuple[PoEntry, str]]] = {}  # entry id -> surface -> first
    for entry in active:
        if entry.fuzzy:
            yield _finding(registry, "C402", "fuzzy: the translation needs review against the "
                           "changed source" + (f" (was: {entry.previous_msgid!r})"
                                               if entry.previous_msgid else ""),
                           catalogue, entry, found=entry.msgstr or None)
            continue
        if not entry.translated():
            yield _finding(registry, "C401", "not translated", catalogue, entry)
            continue
        translated += 1
        text = entry.msgstr if not entry.msgid_plural else " ".join(entry.msgstr_plural)
        day = options.dates.get(entry.msgctxt or "")
        for concept in concepts_in(entry.msgid, matcher, concepts):
            yield from _check_term(concept, text, catalogue, entry, day, registry, uses)
        yield from _check_numbers(entry.msgid, text, catalogue, entry, day, registry, options)
    if options.min_translated is not None and active:
        share = 100.0 * translated / len(active)
        if share < options.min_translated:
            yield _finding(registry, "C403", f"{share:.1f}% translated, below the required "
                           f"{options.min_translated:g}%", catalogue, None)


def concepts_in(msgid: str, matcher: Matcher,
                cache: dict[str, list[Entry]] | None = None) -> list[Entry]:
    """The glossary concepts `msgid` names (not house spellings, not near misses); with a
    `cache`, each distinct msgid is matched once (1,903 distinct msgids in Django's and Sphinx's
    145,705 entries)."""
    if cache is not None and msgid in cache:
        return cache[msgid]
    seen: dict[str, Entry] = {}
    for hit in matcher.find(msgid):
        if hit.entry.kind is Kind.SPELLING or hit.how is How.NEAR:
            continue
        seen.setdefault(hit.entry.id, hit.entry)
    found = list(seen.values())
    if cache is not None:
        cache[msgid] = found
    return found


def _check_term(concept: Entry, text: str, catalogue: Catalogue, entry: PoEntry,
                day: dt.date | None, registry: Registry, uses) -> list[Finding]:
    rendering = concept.renderings.get(catalogue.locale) or concept.renderings.get(
        catalogue.locale.split("_")[0].split("-")[0])
    if rendering is None:
        return []
    approved = rendering.approved(day)
    if approved is None:
        return []
    locale = catalogue.locale
    out: list[Finding] = []
    good = [f for f in rendering.forms if f.status in (Status.PREFERRED, Status.ADMITTED)
            and f.valid_on(day)]
    admitted = {tg.fold(f.text, locale) for f in good if f.status is Status.ADMITTED}
    present: list[tuple[Form, tg.TargetHit]] = []
    compound: list[tuple[Form, tg.TargetHit]] = []
    for form in good:
        for hit in tg.find(form.text, text, locale):
            (compound if hit.tail is tg.Tail.COMPOUND else present).append((form, hit))
    bad = [(f, Status.FORBIDDEN) for f in rendering.with_status(Status.FORBIDDEN)]
    bad += [(f, Status.DEPRECATED) for f in rendering.with_status(Status.DEPRECATED)]
    bad += [(f, Status.DEPRECATED) for f in rendering.with_status(Status.PREFERRED)
            if not f.valid_on(day)]
    flagged = False
    covered = [(h.start, h.end) for _, h in present]
    for form, status in bad:
        for hit in tg.find(form.text, text, locale):
            if any(a <= hit.start and hit.end <= b and (b - a) > (hit.end - hit.start)
                   for a, b in covered):
                continue  # part of a longer approved rendering
            flagged = True
            if status is Status.FORBIDDEN:
                out.append(_finding(registry, "C102", f"'{hit.found}' is a forbidden rendering of "
                           f"'{concept.canonical}' ({concept.id}); use '{approved.text}'",
                           catalogue, entry, term=concept.id, found=hit.found,
                           expected=approved.text))
            else:
                why = "" if form.status is not Status.PREFERRED else \
                    f" on {day.isoformat()}" if day else ""
                out.append(_finding(registry, "C103", f"'{hit.found}' is a deprecated rendering of "
                           f"'{concept.canonical}'{why} ({concept.id}); use '{approved.text}'",
                           catalogue, entry, term=concept.id, found=hit.found,
                           expected=approved.text))
            if locale.startswith("ko"):
                out.extend(_particles(form.text, hit, concept, catalogue, entry, registry))
    elided: set[int] = set()
    for form, hit in present:
        if locale.startswith("ko"):
            out.extend(_particles(form.text, hit, concept, catalogue, entry, registry))
        if locale.startswith("fr") and hit.start not in elided:
            elided.add(hit.start)  # once, though Otan and OTAN both match there
            out.extend(_elision(text, hit, concept, catalogue, entry, registry))
        surface = re.sub(r"\s+", " ", tg.fold(hit.found, locale))
        if surface in admitted:  # OTAN where Otan is preferred and OTAN admitted
            continue
        if tg.family(locale) == "latin":  # a capital at the start of a sentence is no variant
            surface = _first_lower(surface)
            if surface in {_first_lower(a) for a in admitted}:
                continue
        if form.status is Status.PREFERRED:
            uses.setdefault(concept.id, {}).setdefault(surface, (entry, hit.found))
    if not present and not flagged:
        if compound:
            form, hit = compound[0]
            out.append(_finding(registry, "C104", f"'{approved.text}' appears only inside "
                       f"'{hit.found}{hit.tail_text}' for '{concept.canonical}' ({concept.id})",
                       catalogue, entry, term=concept.id, found=hit.found + hit.tail_text,
                       expected=approved.text))
        else:
            out.append(_finding(registry, "C101", f"'{concept.canonical}' is in the source but "
                       f"'{approved.text}' is not in the translation ({concept.id})",
                       catalogue, entry, term=concept.id, expected=approved.text))
    surfaces = uses.get(concept.id, {})
    if len(surfaces) == 2 and entry is list(surfaces.values())[1][0]:
        (_, first), (_, second) = surfaces.values()  # as written, not as compared
        out.append(_finding(registry, "C201", f"{concept.id} is written '{second}' here but "
                   f"'{first}' elsewhere in this catalogue", catalogue, entry, term=concept.id,
                   found=second, expected=approved.text))
    return out


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


# French articles and words that elide before a vowel: la OTAN -> l'OTAN, de OTAN -> d'OTAN.
_ELIDING = re.compile(r"(?<![\w'’])(le|la|de|que|ne|se|ce|je|me|te|jusque|lorsque|puisque)"
                      r"\s+$", re.IGNORECASE)
_FRENCH_VOWELS = "aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ"


def _elision(text: str, hit: tg.TargetHit, concept: Entry, catalogue: Catalogue,
             entry: PoEntry, registry: Registry) -> list[Finding]:
    """C106: a French rendering that begins with a vowel after a word that must elide before
    it (`la OTAN`). Not before h: la Haye keeps its article (an aspirated h), and which h is
    mute is the dictionary's business, not a rule's."""
    if not hit.found or hit.found[0] not in _FRENCH_VOWELS:
        return []
    before = _ELIDING.search(text[:hit.start])
    if before is None:
        return []
    word = before.group(1)
    elided = word[:-1] + "'"
    return [_finding(registry, "C106", f"'{word} {hit.found}': French elides before a vowel: "
                     f"write '{elided}{hit.found}' ({concept.id})", catalogue, entry,
                     term=concept.id, found=f"{word} {hit.found}",
                     expected=f"{elided}{hit.found}")]


def _particles(form_text: str, hit: tg.TargetHit, concept: Entry, catalogue: Catalogue,
               entry: PoEntry, registry: Registry) -> list[Finding]:
    problem = tg.particle_agreement(hit.found, hit.tail_text)
    if problem is None:
        return []
    used, expected = problem
    return [_finding(registry, "C105", f"'{hit.found}{used}': the particle after '{hit.found}' "
                     f"should be '{expected}' ({concept.id})", catalogue, entry, term=concept.id,
                     found=hit.found + hit.tail_text, expected=hit.found + expected)]


def _check_numbers(msgid: str, msgstr: str, catalogue: Catalogue, entry: PoEntry,
                   day: dt.date | None, registry: Registry, options: CheckOptions):
    if _DIGIT.search(msgid) is None:
        return  # no date, no number: 62,000 of the corpus's 90,000 translated entries
    locale = catalogue.locale
    year = day.year if day else catalogue.year or _ANY_YEAR
    folded = _ascii_digits(tg.fold(msgstr, locale))
    numbers_in_dates: set[str] = set()
    for match in date_pattern(options.source_locale).finditer(msgid):
        month = month_number(match.group("month") or match.group("month2"),
                             options.source_locale)
        days = re.findall(r"\d+", match.group("days") or match.group("days2"))
        for number in days:
            try:
                when = dt.date(year, month or 1, int(number))
            except ValueError:
                continue  # "June 31" is no date: the number check below still wants it
            numbers_in_dates.add(number)
            forms = [_ascii_digits(tg.fold(form, locale))
                     for form in month_day_forms(when, locale)]
            expected = month_day_forms(when, locale)[0]
            months = [_ascii_digits(tg.fold(written, locale))
                      for written in month_forms(when, locale)]
            # The day must be a number of its own: in 6月7日 the 6 of 6月 is the month, and
            # would otherwise pass for June 6 (any month whose number is the day's).
            without_months = folded
            for written in months:
                without_months = without_months.replace(written, " " * len(written))
            has_day = re.search(rf"(?<!\d){number}(?!\d)", without_months)
            if any(form in folded for form in forms) or (has_day and any(
                    written in folded for written in months)):
                continue  # a range writes the month once: 6월 24~25일, 24 et 25 juin
            story = (day.year, day.month) if day is not None else catalogue.month
            if (when.year, when.month) == story and _day_only(number, without_months, locale):
                continue  # Yonhap and Kyodo drop the article's own month: 26일, 24~25日
            yield _finding(registry, "C301", f"the date '{match.group(0)}' should appear as "
                           f"'{expected}'", catalogue, entry, found=match.group(0),
                           expected=expected)
    plain_text = folded.replace(",", "").replace("\u202f", "").replace(" ", "")
    for match in _NUMBER.finditer(_CHAR_REFERENCE.sub(lambda m: " " * len(m.group(0)), msgid)):
        number = match.group(0)
        if number in numbers_in_dates:
            continue
        plain = number.replace(",", "")
        spellings = _hour_forms(number, msgid, match.end()) or {plain}
        if any(re.search(rf"(?<!\d){re.escape(form)}(?!\d)", plain_text) for form in spellings):
            continue
        yield _finding(registry, "C301", f"the number '{number}' of the source is missing",
                       catalogue, entry, found=number, expected=number)


def _ignores(entry: PoEntry) -> tuple[dict[str, str], list[str]]:
    """{code: reason} from `xlate: ignore` translator comments, and codes given no reason."""
    reasons: dict[str, str] = {}
    missing: list[str] = []
    for line in (entry.tcomment or "").splitlines():
        match = _IGNORE.search(line)
        if not match:
            continue
        codes = [c.strip() for c in match.group(1).split(",") if c.strip()]
        for code in codes:
            if match.group(2):
                reasons[code] = match.group(2)
            else:
                missing.append(code)
    return reasons, missing


def _apply_ignores(catalogue: Catalogue, findings: list[Finding], registry: Registry,
                   result: CheckResult) -> list[Finding]:
    # Only entries whose translator comment says `xlate: ignore` matter; found by key, never by
    # scanning the catalogue once per finding.
    annotated = {(e.msgid, catalogue.msgstr_line(e)): e for e in catalogue.po.entries
                 if e.msgid and not e.obsolete and "xlate:" in (e.tcomment or "")}
    if not annotated:
        return findings
    kept = []
    reported_missing: set[int] = set()
    for finding in findings:
        entry = annotated.get((finding.msgid or "", finding.line))
        if entry is None:
            kept.append(finding)
            continue
        reasons, missing = _ignores(entry)
        if missing and id(entry) not in reported_missing:
            reported_missing.add(id(entry))
            kept.append(_finding(registry, "C901", f"`xlate: ignore {', '.join(missing)}` needs "
                                 "a reason after `--`", catalogue, entry))
        if finding.code in reasons:
            result.suppressed.append((finding, reasons[finding.code]))
        else:
            kept.append(finding)
    return kept
