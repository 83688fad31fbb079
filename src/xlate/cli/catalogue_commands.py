"""`xlate extract/init/update/compile/render/stats`: the gettext catalogues."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from xlate.cli.base import (
    GLOSSARY_OPTION,
    LIST_FORMAT_OPTION,
    ListFormat,
    _config,
    _load_clean_glossary,
    app,
    emit,
    emit_table,
    handles_errors,
    input_errors,
)


@app.command("extract")
@handles_errors
def extract_command(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when the template "
                                                       "is stale."),
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Segment the sources into sentences and write the gettext template (.pot).

    The output is byte-stable: a second run with unchanged inputs changes no byte.
    """
    from xlate.jobs.catalogues import extract

    config, parsed = _load_clean_glossary(ctx, glossary)
    written = extract(config, parsed.glossary, check=check)
    if check:
        if written.stale:
            state = f"stale ({'; '.join(written.stale)}): run `xlate extract`"
        elif written.layout_only:
            state = "up to date (laid out otherwise: `xlate extract` rewrites it)"
        else:
            state = "up to date"
        typer.echo(f"{written.shown}: {state}", err=True)
        raise typer.Exit(1 if written.stale else 0)
    typer.echo(f"{written.shown}: {'written' if written.changed else 'unchanged'}", err=True)


@app.command("init")
@handles_errors
def init_command(
    ctx: typer.Context,
    locale: str = typer.Argument(..., metavar="LOCALE",
                                 help="A CLDR locale code: ko, ja, fr, pt_BR, zh_Hant ..."),
    force: bool = typer.Option(False, "--force", help="Replace an existing catalogue."),
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Create the catalogue of a new locale from the template, with Language and Plural-Forms
    from CLDR and the glossary's hints."""
    from xlate.config import normalise_locale
    from xlate.jobs.catalogues import init

    locale = normalise_locale(locale)
    config, parsed = _load_clean_glossary(ctx, glossary)
    typer.echo(f"{init(config, locale, parsed.glossary, force=force)}: created", err=True)


@app.command("update")
@handles_errors
def update_command(
    ctx: typer.Context,
    locales: list[str] | None = typer.Argument(None, metavar="LOCALE",
                                                  help="Locales (default: every catalogue)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 when a catalogue "
                                                       "is stale."),
    glossary: Path | None = GLOSSARY_OPTION,
) -> None:
    """Merge the template into the catalogues: translations and comments kept, changed
    sentences fuzzy with their previous msgid, vanished ones obsolete, glossary hints refreshed."""
    from xlate.jobs.catalogues import update

    config, parsed = _load_clean_glossary(ctx, glossary)
    stale = False
    wanted = _catalogue_locales(config, locales or [])
    errors: list = []
    for written in update(config, wanted, parsed.glossary, check=check, errors=errors):
        report = written.report
        assert report is not None
        stale |= bool(written.stale)
        detail = f"{report.kept} kept, {len(report.fuzzy)} fuzzy, {len(report.new)} new, " \
                 f"{len(report.obsolete)} obsolete"
        if not check:
            state = "updated" if written.changed else "up to date"
        elif written.stale:
            state = f"stale: {'; '.join(written.stale)}"
        elif written.layout_only:
            state = "up to date, laid out otherwise (`xlate update` rewrites it)"
        else:
            state = "up to date"
        typer.echo(f"{written.shown}: {state} ({detail})", err=True)
    input_errors(errors)
    raise typer.Exit(1 if check and stale else 0)


@app.command("compile")
@handles_errors
def compile_command(
    ctx: typer.Context,
    locales: list[str] | None = typer.Argument(None, metavar="LOCALE",
                                                  help="Locales (default: every catalogue)."),
) -> None:
    """Compile the catalogues to .mo files, refusing broken plural forms or format strings."""
    from xlate.jobs.catalogues import compile_catalogs

    config = _config(ctx)
    errors: list = []
    for shown in compile_catalogs(config, _catalogue_locales(config, locales or []), errors):
        typer.echo(f"{shown}: written", err=True)
    input_errors(errors)


def _catalogue_locales(config, asked: list[str]) -> list[str]:
    """The catalogues' locales for the locales a user typed (`KO`, `pt-br`), each checked to
    have a catalogue; with none asked, every catalogue, of which there must be one. An error
    says what to run: `xlate init LOCALE` for a known locale without a catalogue."""
    from xlate.config import normalise_locale
    from xlate.errors import XlateError
    from xlate.jobs.catalogues import Paths

    paths = Paths(config.catalogs)
    existing = paths.locales()
    if not asked:
        if not existing:
            raise XlateError("no catalogues yet (`xlate init LOCALE` creates one)",
                             path=config.display(config.catalogs))
        return existing
    found = []
    for code in asked:
        if code in existing:  # a folder named outside CLDR's spelling is still the user's
            found.append(code)
            continue
        try:
            locale = normalise_locale(code)
        except XlateError as exc:
            raise XlateError(f"{exc.message}; the catalogues are: "
                             f"{', '.join(existing) or 'none'}") from None
        if locale not in existing:
            raise XlateError(f"no catalogue for '{locale}': run `xlate init {locale}`",
                             path=config.display(paths.po(locale)))
        found.append(locale)
    return found


def _ensure_compiled(config, locale: str) -> None:
    """Compile the .mo of `locale` when it is missing or older than its .po. The .mo files are
    git-ignored build artefacts, so a fresh clone has none: `xlate render ko` should still just
    work. The write is atomic and the catalogue is checked as `xlate compile` checks it."""
    from xlate.jobs.catalogues import Paths, compile_catalogs

    paths = Paths(config.catalogs)
    mo, po = paths.mo(locale), paths.po(locale)
    if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
        return
    for shown in compile_catalogs(config, [locale]):
        typer.echo(f"{shown}: compiled (it was missing or older than its .po)", err=True)


class RenderFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"


@app.command("render")
@handles_errors
def render_command(
    ctx: typer.Context,
    locale: str = typer.Argument(..., metavar="LOCALE", help="The locale to render."),
    article: str | None = typer.Argument(None, metavar="ARTICLE",
                                            help="An article id (default: every article)."),
    fmt: RenderFormat = typer.Option(RenderFormat.text, "--format", "-f", metavar="FORMAT",
                                     help="text: the translation; md, html: bilingual, side by "
                                          "side."),
) -> None:
    """Print a translated article, read through Python's gettext from the compiled .mo.

    Untranslated and fuzzy sentences fall back to English and are counted on stderr.
    """
    from xlate.jobs.catalogues import render

    config = _config(ctx)
    locale = _catalogue_locales(config, [locale])[0]
    _ensure_compiled(config, locale)
    result = render(config, locale, article, fmt.value)
    out = result.text
    if fmt is RenderFormat.html:
        import html as _html

        out = (f'<!DOCTYPE html>\n<html lang="{_html.escape(locale)}"><head><meta charset="utf-8">'
               f"<title>xlate: {_html.escape(locale)}</title></head><body>\n{out}</body></html>\n")
    emit(out, nl=False)
    if result.fallbacks:
        typer.echo(f"{result.fallbacks} of {result.segments} sentence(s) fell back to English "
                   "(untranslated or fuzzy)", err=True)


@app.command("stats")
@handles_errors
def stats_command(
    ctx: typer.Context,
    output: ListFormat = LIST_FORMAT_OPTION,
) -> None:
    """Translation progress per locale and article."""
    from xlate.jobs.catalogues import stats

    config = _config(ctx)
    _catalogue_locales(config, [])  # an empty table would read as "all done"
    errors: list = []
    rows = stats(config, errors)
    records = [{"locale": r.locale, "article": r.article, "total": r.total,
                "translated": r.translated, "fuzzy": r.fuzzy, "untranslated": r.untranslated,
                "obsolete": r.obsolete, "percent": r.percent} for r in rows]
    if output is ListFormat.json:
        import json

        emit(json.dumps(records, ensure_ascii=False, indent=2))
        input_errors(errors)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for name in ("locale", "article", "total", "translated", "fuzzy", "untranslated",
                 "obsolete", "percent"):
        table.add_column(name, justify="left" if name in ("locale", "article") else "right")
    for record in records:
        table.add_row(*(f"{v:.1f}%" if k == "percent" else str(v) for k, v in record.items()))
    emit_table(table)
    input_errors(errors)
