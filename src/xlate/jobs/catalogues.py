"""The catalogue jobs behind `xlate extract/init/update/compile/render/stats` (files in, files out).

Layout under the configured `catalogs` folder (GNU gettext's, so Python's `gettext` and every
PO tool find the files): `DOMAIN.pot`, and `LOCALE/LC_MESSAGES/DOMAIN.po` with its compiled
`.mo` beside it. Every write is atomic and only happens when the bytes change.
"""

from __future__ import annotations

import gettext
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from xlate.config import Config
from xlate.english.match import Matcher
from xlate.english.segment import segment
from xlate.errors import XlateError
from xlate.fsutil import atomic_write
from xlate.jobs.sources import read_file_bytes, read_text_file
from xlate.manifest import Article, load_manifest
from xlate.model import Glossary
from xlate.po import catalogue as cat
from xlate.po import plurals
from xlate.po.compare import differences
from xlate.po.convert import to_polib
from xlate.po.read import PoFile, read_po
from xlate.po.write import format_catalog
from xlate.target import locales

DOMAIN = "articles"


@dataclass(frozen=True)
class Paths:
    root: Path

    @property
    def pot(self) -> Path:
        return self.root / f"{DOMAIN}.pot"

    def po(self, locale: str) -> Path:
        return self.root / locale / "LC_MESSAGES" / f"{DOMAIN}.po"

    def mo(self, locale: str) -> Path:
        return self.po(locale).with_suffix(".mo")

    def locales(self) -> list[str]:
        """Locales that have a catalogue, in name order."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / "LC_MESSAGES" /
                                                              f"{DOMAIN}.po").is_file())


def _sources(config: Config) -> list[cat.Source]:
    articles = load_manifest(config.manifest)
    folder = config.manifest.parent
    return [cat.Source(a, read_text_file(folder / a.file, config.display(folder / a.file)),
                       config.display(folder / a.file)) for a in articles]


def read_catalog(path: Path, shown: str) -> polib.POFile:
    """A PO file through polib, which writes it back (see `read_both`)."""
    return read_both(path, shown)[1]


def read_both(path: Path, shown: str, data: bytes | None = None
              ) -> tuple[PoFile, polib.POFile]:
    """A PO file read once (or its `data`, when the caller has read it) by xlate's reader,
    which judges its syntax as msgfmt does and decodes the charset the header declares, and
    the same values as a polib object, which the merge edits and polib writes as a .mo. polib
    never reads the file: it repairs some errors silently (an unterminated string loses its
    last character) and misreads valid text (U+2028, `\\a`, a comment's trailing blanks)."""
    if data is None:
        data = read_file_bytes(path, shown)
    checked = read_po(data, shown)
    return checked, to_polib(checked)


def encoded(text: str, encoding: str) -> bytes:
    """A catalogue's text in its own charset, as msgmerge writes it: when the charset cannot
    write every character (a Korean name in an ISO-8859-1 catalogue, an emoji in EUC-KR), the
    whole catalogue becomes UTF-8, its header saying so."""
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return _CHARSET.sub(r"\1UTF-8", text, count=1).encode("utf-8")


_CHARSET = re.compile(r'^("Content-Type:[^"\n]*?charset=)[^\s"\\;]+', re.M | re.I)


def _write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write(path, text)
    return True


@dataclass(frozen=True)
class Written:
    """What a write (or, with `check`, the write it would make) does to one file."""

    shown: str
    changed: bool  # its bytes differ from what xlate writes
    stale: tuple[str, ...] = ()  # how its content differs, in words; () when only layout does
    report: cat.MergeReport | None = None

    @property
    def layout_only(self) -> bool:
        return self.changed and not self.stale


def extract(config: Config, glossary: Glossary, *, check: bool = False) -> Written:
    """Write the template. With `check`, write nothing and say whether it is stale (its
    entries, references or comments differ) or only laid out otherwise."""
    paths = Paths(config.catalogs)
    pot = cat.template(_sources(config), Matcher(glossary), language=config.source_locale,
                       locales=config.target_locales)
    text = format_catalog(pot)
    shown = config.display(paths.pot)
    current = paths.pot.read_bytes() if paths.pot.is_file() else None
    if check:
        if current is None:
            return Written(shown, True, ("there is no template",))
        if current == text.encode("utf-8"):
            return Written(shown, False)
        return Written(shown, True, _stale(current, text.encode("utf-8"), shown))
    return Written(shown, _write_if_changed(paths.pot, text))


def _stale(current: bytes, wanted: bytes, shown: str) -> tuple[str, ...]:
    """How the content of `current` differs from `wanted` (both PO text), in words."""
    return tuple(differences(read_po(current, shown), read_po(wanted, shown)))


def _template(config: Config) -> polib.POFile:
    paths = Paths(config.catalogs)
    if not paths.pot.is_file():
        raise XlateError("no template yet: run `xlate extract` first",
                         path=config.display(paths.pot))
    return read_catalog(paths.pot, config.display(paths.pot))


def init(config: Config, locale: str, glossary: Glossary, *, force: bool = False) -> str:
    """A new catalogue for `locale` with a correct header; refuses to overwrite one."""
    locales.parse(locale)
    paths = Paths(config.catalogs)
    target = paths.po(locale)
    if target.exists() and not force:
        raise XlateError("a catalogue exists already (`xlate update` merges into it; --force "
                         "replaces it)", path=config.display(target))
    pot = _template(config)
    empty = polib.POFile()
    empty.metadata = dict(pot.metadata)
    empty.metadata.update({
        "PO-Revision-Date": pot.metadata.get("POT-Creation-Date", ""),
        "Last-Translator": "",
        "Language-Team": locales.language_name(locale),
        "Language": locale,
        "Plural-Forms": plurals.conventional(locale, config.plural_forms),
    })
    merged, _ = cat.merge(empty, pot)
    atomic_write(target, format_catalog(merged))
    return config.display(target)


def update(config: Config, locale_list: Sequence[str], glossary: Glossary, *,
           check: bool = False, errors: list[XlateError] | None = None) -> list[Written]:
    """Merge the template into each catalogue. With `check`, write nothing and say of each
    whether it is stale or only laid out otherwise. With an `errors` list, a catalogue that
    cannot be read or written is added to it and the others are still merged; without one,
    the first such error is raised."""
    pot = _template(config)
    paths = Paths(config.catalogs)
    wanted = list(locale_list) or paths.locales()
    results = []
    for locale in wanted:
        path = paths.po(locale)
        shown = config.display(path)
        try:
            if not path.is_file():
                raise XlateError(f"no catalogue for '{locale}': run `xlate init {locale}`",
                                 path=shown)
            current = read_file_bytes(path, shown)
            checked, po = read_both(path, shown, current)
            merged, report = cat.merge(po, pot)
            payload = encoded(format_catalog(merged), checked.encoding)
            changed = payload != current
            stale = _stale(current, payload, shown) if changed and check else ()
            if changed and not check:  # refused if an editor saved it meanwhile
                atomic_write(path, payload, expected=current)
        except XlateError as error:
            if errors is None:
                raise
            errors.append(error)
            continue
        results.append(Written(shown, changed, stale, report))
    return results


def compile_catalogs(config: Config, locale_list: Sequence[str],
                     errors: list[XlateError] | None = None) -> list[str]:
    """Check and compile each catalogue to its `.mo`; returns the written paths. With an
    `errors` list, a catalogue that cannot be compiled is added to it (its old `.mo`, if any,
    left as it was) and the others are still compiled."""
    paths = Paths(config.catalogs)
    written = []
    for locale in list(locale_list) or paths.locales():
        path = paths.po(locale)
        shown = config.display(path)
        try:
            checked, po = read_both(path, shown)
            check_catalog(checked, locale)
            atomic_write(paths.mo(locale), po.to_binary())
        except XlateError as error:
            if errors is None:
                raise
            errors.append(error)
            continue
        written.append(config.display(paths.mo(locale)))
    return written


def check_catalog(po: PoFile, locale: str) -> None:
    """Refuse a catalogue that msgfmt --check would refuse (plural forms, duplicates, line
    breaks) or whose python-format strings are broken: the first C5xx error as an XlateError."""
    from xlate.check.engine import Catalogue
    from xlate.check.gettext import gettext_findings

    for finding in gettext_findings(Catalogue(po.path, locale, po)):
        if finding.severity.value == "error":
            raise XlateError(finding.message, path=finding.path, line=finding.line)


@dataclass
class Rendered:
    text: str
    fallbacks: int
    segments: int


def render(config: Config, locale: str, article_id: str | None, fmt: str = "text") -> Rendered:
    """The translated article(s), read through Python's gettext from the compiled `.mo`."""
    paths = Paths(config.catalogs)
    mo, po = paths.mo(locale), paths.po(locale)
    if not mo.is_file():
        raise XlateError(f"no compiled catalogue for '{locale}': run `xlate compile`",
                         path=config.display(mo))
    if po.is_file() and po.stat().st_mtime > mo.stat().st_mtime:
        raise XlateError("the .mo is older than its .po: run `xlate compile`",
                         path=config.display(mo))
    translation = gettext.GNUTranslations(mo.open("rb"))
    known = getattr(translation, "_catalog", {})
    sources = _sources(config)
    if article_id is not None:
        sources = [s for s in sources if s.article.id == article_id]
        if not sources:
            ids = ", ".join(s.article.id for s in _sources(config))
            raise XlateError(f"no article '{article_id}' (articles: {ids})")
    joiner = locales.sentence_joiner(locale)
    blocks: list[str] = []
    fallbacks = total = 0
    for source in sources:
        rows: list[tuple[str, str]] = []
        current_paragraph: int | None = None
        pieces: list[str] = []
        originals: list[str] = []
        for sentence in segment(source.text, config.source_locale):
            key = f"{source.article.id}\x04{sentence.text}"
            translated = translation.pgettext(source.article.id, sentence.text)
            total += 1
            if key not in known:
                fallbacks += 1
            if sentence.paragraph != current_paragraph and pieces:
                rows.append((" ".join(originals), _join(pieces, joiner)))
                pieces, originals = [], []
            current_paragraph = sentence.paragraph
            pieces.append(translated)
            originals.append(sentence.text)
        if pieces:
            rows.append((" ".join(originals), _join(pieces, joiner)))
        blocks.append(_format(source.article, rows, locale, fmt))
    return Rendered("\n".join(blocks), fallbacks, total)


def _join(pieces: list[str], joiner: str) -> str:
    return joiner.join(p.strip() for p in pieces)


def _format(article: Article, rows: list[tuple[str, str]], locale: str, fmt: str) -> str:
    if fmt == "text":
        return "\n\n".join(target for _, target in rows) + "\n"
    name = locales.language_name(locale)
    if fmt == "md":
        out = [f"## {article.title}", "", f"| English | {name} |", "|---|---|"]
        out += [f"| {_md(src)} | {_md(dst)} |" for src, dst in rows]
        return "\n".join(out) + "\n"
    cells = "\n".join(f"<tr><td lang=\"en\">{html.escape(src)}</td>"
                      f"<td lang=\"{html.escape(locale)}\">{html.escape(dst)}</td></tr>"
                      for src, dst in rows)
    return (f"<section><h2>{html.escape(article.title)}</h2>\n<table>\n"
            f"<tr><th>English</th><th>{html.escape(name)}</th></tr>\n{cells}\n</table>"
            f"</section>\n")


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def stats(config: Config, errors: list[XlateError] | None = None) -> list[cat.Stats]:
    """Progress rows of every catalogue; with an `errors` list, an unreadable catalogue is
    added to it and left out of the rows."""
    paths = Paths(config.catalogs)
    rows: list[cat.Stats] = []
    for locale in paths.locales():
        path = paths.po(locale)
        try:
            rows += cat.statistics(read_catalog(path, config.display(path)), locale)
        except XlateError as error:
            if errors is None:
                raise
            errors.append(error)
    return rows
