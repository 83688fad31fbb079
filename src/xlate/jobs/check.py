"""The `xlate check` job: read catalogues, check them, plus gettext validity and staleness."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from xlate.check.engine import (
    Catalogue,
    CheckOptions,
    Divergence,
    Translation,
    check_catalogue,
    translations,
)
from xlate.check.gettext import gettext_findings
from xlate.config import Config
from xlate.english.match import Matcher
from xlate.errors import XlateError
from xlate.jobs import catalogues as catalogs
from xlate.jobs import workers
from xlate.jobs.sources import read_file_bytes
from xlate.manifest import load_manifest
from xlate.model import Finding, Glossary, Location
from xlate.po.plurals import installed_plurals
from xlate.po.read import PoFile, read_po
from xlate.rules import REGISTRY
from xlate.rules.select import Selection
from xlate.timing import phase


@dataclass
class CheckOutcome:
    findings: list[Finding]
    suppressed: list[tuple[Finding, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[XlateError] = field(default_factory=list)  # catalogues that could not be read


def locale_of(po: PoFile, path: Path, fallback: str | None) -> str:
    """The catalogue's language: its header's `Language`, else --locale (which is for files
    whose header names none, and never overrides one that does), else its LC_MESSAGES folder."""
    language = (po.metadata.get("Language") or "").strip()
    if language:
        return language
    if fallback:
        return fallback
    if path.parent.name == "LC_MESSAGES":
        return path.parent.parent.name
    raise XlateError("cannot tell the catalogue's language: no Language header (pass --locale)",
                     path=str(path))


def load(paths: Sequence[Path], config: Config, locale: str | None = None) -> list[Catalogue]:
    """Each file read once, as bytes, by xlate's own reader (its charset honoured, its syntax
    judged as msgfmt judges it)."""
    return [read_catalogue(path, config, locale) for path in paths]


def read_catalogue(path: Path, config: Config, locale: str | None = None) -> Catalogue:
    shown = config.display(path)
    po = read_po(read_file_bytes(path, shown), shown)
    return Catalogue(shown, locale_of(po, path, locale), po)


def _catalogue_files(config: Config, paths: Sequence[str]) -> list[Path]:
    """The PO files named, or every catalogue of the project."""
    if paths:
        return [Path(p) for p in paths]
    folder = catalogs.Paths(config.catalogs)
    return [folder.po(locale) for locale in folder.locales()]


def stale_findings(config: Config, glossary: Glossary,
                   locales_checked: Sequence[str]) -> list[Finding]:
    """C404 for a template or catalogue of this project whose content is out of date (entries,
    references, flags, glossary hints); C405 for one laid out otherwise than xlate writes it
    (a translator's editor wrapped a line differently), which `xlate update` rewrites."""
    out = []
    template = catalogs.extract(config, glossary, check=True)
    if template.stale:
        out.append(REGISTRY.finding("C404", "the template is out of date with the sources or the "
                                    f"glossary ({'; '.join(template.stale)}): run "
                                    "`xlate extract`", Location(template.shown, 1, 1)))
        return out  # catalogues are judged against a current template only
    if template.layout_only:
        out.append(_layout(template.shown, "xlate extract"))
    for written in catalogs.update(config, locales_checked, glossary, check=True):
        if written.stale:
            out.append(REGISTRY.finding("C404", "the catalogue is out of date with the template "
                                        f"or the glossary ({'; '.join(written.stale)}): run "
                                        "`xlate update`", Location(written.shown, 1, 1)))
        elif written.layout_only:
            out.append(_layout(written.shown, "xlate update"))
    return out


def _layout(shown: str, command: str) -> Finding:
    return REGISTRY.finding("C405", "laid out otherwise than GNU gettext writes it (line "
                            f"wrapping, order); the content is current: `{command}` rewrites "
                            "it", Location(shown, 1, 1))


def run_check(config: Config, glossary: Glossary, paths: Sequence[str], *, selection: Selection,
              locale: str | None = None, min_translated: float | None = None,
              stale: bool = True, jobs: int | None = 1,
              progress: Callable[[int, int, int], None] | None = None) -> CheckOutcome:
    """Check each catalogue once, in one pass: read, checked, released; only what the
    cross-catalogue rule needs is kept. `jobs` worker processes (None: one per core) share the
    files; the outcome is the same whatever their number. `progress` is told (files done,
    their entries, all files) as they are done."""
    project = not paths
    files = _catalogue_files(config, paths)
    if project and not files:
        raise XlateError("no catalogues found (run `xlate init LOCALE`)",
                         path=config.display(config.catalogs))
    dates = {}
    if config.manifest.is_file():
        dates = {a.id: a.date for a in load_manifest(config.manifest)}
    options = CheckOptions(dates=dates, min_translated=min_translated,
                           source_locale=config.source_locale)
    with phase("build"):
        shared = _Worker(config, Matcher(glossary), options, locale)

    def done(chunk: list[tuple | XlateError]) -> None:
        assert progress is not None
        progress(len(chunk), sum(wire[-1] for wire in chunk if isinstance(wire, tuple)),
                 len(files))

    with phase("check"):
        wires = workers.run(files, _check_files, processes=workers.count(jobs, len(files)),
                            shared=shared, done=done if progress else None)
    errors: list[XlateError] = [wire for wire in wires if isinstance(wire, XlateError)]
    results = [_rebuilt(wire) for wire in wires if not isinstance(wire, XlateError)]
    findings: list[Finding] = []
    suppressed: list[tuple[Finding, str]] = []
    divergence = Divergence(REGISTRY)
    for result in results:  # in file order, whatever the number of workers
        findings += result.findings
        suppressed += result.suppressed
        findings += divergence.add(result.translations)
    checked = [r.path for r in results]
    if stale and project and (config.catalogs / f"{catalogs.DOMAIN}.pot").is_file():
        try:  # judged on the catalogues that could be read
            findings.extend(stale_findings(config, glossary, [r.locale for r in results]))
        except XlateError as error:  # an unreadable article: the template cannot be judged
            errors.append(error)
    return CheckOutcome(selection.apply(findings), suppressed, checked, errors)


@dataclass
class _Worker:
    """What every file's check needs, shared with the worker processes (`jobs.workers`)."""

    config: Config
    matcher: Matcher
    options: CheckOptions
    locale: str | None
    concepts: dict = field(default_factory=dict)
    formats: dict = field(default_factory=dict)  # python-format verdicts, see gettext.py


@dataclass
class _FileResult:
    path: str
    locale: str
    findings: list[Finding]
    suppressed: list[tuple[Finding, str]]
    translations: list[Translation]
    entries: int


def _check_file(path: Path) -> _FileResult:
    """One catalogue read, checked (glossary, gettext validity) and released."""
    state: _Worker = workers.state()
    catalogue = read_catalogue(path, state.config, state.locale)
    one = check_catalogue(catalogue, state.matcher, REGISTRY, state.options, state.concepts)
    findings = one.findings + gettext_findings(catalogue, installed_plurals(catalogue.locale),
                                               state.formats)
    return _FileResult(catalogue.path, catalogue.locale, findings, one.suppressed,
                       translations(catalogue), len(catalogue.po.entries))


def _check_files(paths: list[Path]) -> list[tuple | XlateError]:
    """A worker's share, as plain tuples: pickled and rebuilt they cost a third of what the
    Finding objects cost to cross the pipe."""
    out: list = []
    for path in paths:
        try:
            r = _check_file(path)
        except XlateError as error:  # this file is reported; the others are still checked
            out.append(error)
            continue
        out.append((r.path, r.locale, [_fields(f) for f in r.findings],
                    [(_fields(f), why) for f, why in r.suppressed], r.translations, r.entries))
    return out


_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))


def _fields(finding: Finding) -> tuple:
    return tuple(getattr(finding, name) for name in _FIELDS)


def _rebuilt(wire: tuple) -> _FileResult:
    path, locale, findings, suppressed, translated, entries = wire
    return _FileResult(path, locale, [Finding(*f) for f in findings],
                       [(Finding(*f), why) for f, why in suppressed], translated, entries)


def build_report(config: Config, glossary: Glossary, paths: Sequence[str] = (),
                 locale: str | None = None) -> str:
    """The HTML report of the catalogues: coverage, compliance, catalogue-level findings,
    articles side by side with every finding linked from the summary."""
    from xlate.report.html import LocaleSection, Row, catalogue_level, render_html
    from xlate.target.locales import language_name

    outcome = run_check(config, glossary, paths, selection=Selection(config.select, config.ignore,
                                                                     config.severity),
                        locale=locale)
    files = _catalogue_files(config, paths)
    titles = {}
    if config.manifest.is_file():
        titles = {a.id: a.title for a in load_manifest(config.manifest)}
    matcher = Matcher(glossary)
    sections = []
    placed: set[int] = set()  # ids of the findings shown in a section
    for catalogue in load(files, config, locale):
        mine = [f for f in outcome.findings if f.path == catalogue.path]
        on_catalogue = [f for f in mine if catalogue_level(f)]
        longer_ones = _longer_renderings(glossary, catalogue.locale)
        articles: dict[str, list[Row]] = {}
        total = translated = fuzzy = compliant = 0
        for entry in catalogue.po.entries:
            if not entry.msgid or entry.obsolete:
                continue
            total += 1
            done = entry.translated() and not entry.fuzzy
            translated += done
            fuzzy += entry.fuzzy
            findings = [f for f in mine if f.msgid == entry.msgid and not catalogue_level(f)
                        and f.line == catalogue.msgstr_line(entry)]
            placed.update(id(f) for f in findings)
            if done and not any(f.severity.value == "error" for f in findings):
                compliant += 1
            source, target = _report_spans(entry.msgid, entry.msgstr, catalogue.locale, matcher,
                                           longer_ones)
            article = titles.get(entry.msgctxt or "", entry.msgctxt or "")
            articles.setdefault(article, []).append(
                Row(entry.msgid, entry.msgstr, source, target, findings))
        # what no sentence shows (a message defined twice, say) is listed with the catalogue's
        on_catalogue += [f for f in mine if id(f) not in placed and f not in on_catalogue]
        placed.update(id(f) for f in mine)
        try:
            name = language_name(catalogue.locale)
        except XlateError:
            name = catalogue.locale
        sections.append(LocaleSection(catalogue.locale, name, total, translated, fuzzy, compliant,
                                      list(articles.items()), catalogue.path, on_catalogue))
    elsewhere = [f for f in outcome.findings if id(f) not in placed]  # the template's
    return render_html("xlate report: translations against the glossary", sections, elsewhere)


def _report_spans(msgid: str, msgstr: str, locale: str, matcher: Matcher,
                  longer_ones: dict[str, list]) -> tuple[list, list]:
    """The report's highlights: glossary terms in the source, and their approved or admitted
    renderings in the translation, each naming its glossary id."""
    from xlate.check.engine import concepts_in
    from xlate.model import Kind, Status
    from xlate.report.html import Span
    from xlate.target import match as tg

    source = [Span(h.start, h.end, h.entry.id, h.entry.canonical)
              for h in matcher.find(msgid) if h.entry.kind is not Kind.SPELLING]
    target = []
    for concept in concepts_in(msgid, matcher):
        rendering = concept.renderings.get(locale)
        for form in rendering.forms if rendering else ():
            if form.status in (Status.PREFERRED, Status.ADMITTED):
                label = f"{concept.canonical} → {form.text}" + (
                    "" if form.status is Status.PREFERRED else " (admitted)") + (
                    f" from {form.valid_from}" if form.valid_from else "") + (
                    f" until {form.valid_until}" if form.valid_until else "")
                hits = tg.find(form.text, msgstr, locale)
                target += [Span(h.start, h.end, concept.id, label) for h in hits]
                for other, longer in longer_ones.get(form.text, ()):
                    # 대통령실 around the 대통령 of "President": the longer rendering is shown,
                    # though the source names that concept otherwise ("the Office")
                    target += [Span(h.start, h.end, other.id, f"{other.canonical} → {longer} "
                                    "(not named so in the source)")
                               for h in tg.find(longer, msgstr, locale)
                               if any(h.start <= g.start and g.end <= h.end for g in hits)]
    return source, target


def _longer_renderings(glossary: Glossary, locale: str) -> dict[str, list]:
    """Each approved or admitted rendering in `locale` -> the (concept, rendering) pairs of
    the glossary whose rendering contains it (대통령 -> presidential_office_kr, 대통령실)."""
    from xlate.model import Status

    forms = [(entry, form.text) for entry in glossary
             for rendering in [entry.renderings.get(locale)] if rendering
             for form in rendering.forms if form.status in (Status.PREFERRED, Status.ADMITTED)]
    texts = {text for _, text in forms}
    return {short: [(e, text) for e, text in forms if short in text and short != text]
            for short in texts}
