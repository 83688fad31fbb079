"""`xlate report --html`: one self-contained page (no scripts, no external files) (pure).

A page a reviewer works through: a chart and a summary per locale (coverage, compliance,
findings by severity), the catalogue-level findings (header, staleness, layout, plural forms)
at the top, an index of every finding by locale and article linking to it; then each article
side by side, source and translation, glossary terms highlighted (each highlight's title names
its glossary id; where highlights overlap the longest rendering wins: 대통령실, not 대통령
inside it), and the words a finding is about marked in place with the expected form beside
them. Every piece of text from the sources, catalogues or glossary is HTML-escaped, so a
msgstr containing `<script>` shows as text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from xlate.model import Finding, Severity
from xlate.target import match as tg

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin-top:1.5em}
table.pair{border-collapse:collapse;width:100%}
table.pair td{vertical-align:top;padding:.4em .6em;border-top:1px solid #eee;width:50%}
tr.finding td{background:#fff4f4}
mark{background:#fde68a;padding:0 .1em;border-radius:2px}
mark.target{background:#bfdbfe}
mark.found{background:none;border-bottom:3px solid #dc2626;border-radius:0}
.exp{font-size:.85em;color:#166534;background:#dcfce7;padding:0 .3em;margin-left:.2em;
border-radius:2px}
.f{display:block;font-size:.85em;margin-top:.3em;color:#7f1d1d}
.f.warning{color:#92400e}.f.info{color:#1e3a8a}
.f:target{outline:2px solid #dc2626;background:#fff}
.code{font-family:ui-monospace,monospace;font-weight:600}
.where{color:#555}
table.summary td,table.summary th{padding:.2em .8em;text-align:right}
table.summary td:first-child,table.summary th:first-child{text-align:left}
ul.index{padding-left:1.2em}ul.index a.code{margin-right:.4em}
.legend{font-size:.9em;color:#444}
"""

# Findings about the catalogue as a whole: its header (plural forms), its staleness or layout,
# its share of translated entries; listed at the top rather than on a sentence.
CATALOGUE_CODES = frozenset({"C403", "C404", "C405", "C502", "C505", "C506"})


def catalogue_level(finding: Finding) -> bool:
    """A finding about the catalogue rather than one of its sentences: a catalogue-level code,
    or one placed on the catalogue's first line (its header) or on no message."""
    return finding.code in CATALOGUE_CODES or finding.line <= 1 or not finding.msgid


@dataclass(frozen=True)
class Span:
    """A highlighted glossary term: offsets in the text, its glossary id and what it stands for
    (shown as the highlight's tooltip)."""

    start: int
    end: int
    term: str = ""
    label: str = ""


@dataclass
class Row:
    """One sentence: source and translation, with highlight spans and its findings."""

    source: str
    target: str
    source_spans: list[Span] = field(default_factory=list)
    target_spans: list[Span] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


@dataclass
class LocaleSection:
    locale: str
    name: str
    total: int
    translated: int
    fuzzy: int
    compliant: int  # translated entries without an error finding
    articles: list[tuple[str, list[Row]]] = field(default_factory=list)
    path: str = ""
    catalogue_findings: list[Finding] = field(default_factory=list)

    def findings(self) -> list[Finding]:
        return self.catalogue_findings + [f for _, rows in self.articles for r in rows
                                          for f in r.findings]


def longest_first(spans: Iterable[Span]) -> list[Span]:
    """The highlights to show, in text order: where two overlap, the longer wins (대통령실
    over the 대통령 inside it); two over the same words are shown as one, naming both terms."""
    same: dict[tuple[int, int], list[Span]] = {}
    for span in spans:
        if span.end > span.start:
            same.setdefault((span.start, span.end), []).append(span)
    chosen: list[Span] = []
    for (start, end), group in sorted(same.items(), key=lambda i: (i[0][0] - i[0][1], i[0][0])):
        if any(start < c.end and c.start < end for c in chosen):
            continue
        terms = list(dict.fromkeys(s.term for s in group if s.term))
        labels = list(dict.fromkeys(s.label for s in group if s.label))
        chosen.append(Span(start, end, ", ".join(terms), "; ".join(labels)))
    return sorted(chosen, key=lambda s: s.start)


def locate(text: str, found: str, locale: str, taken: Sequence[tuple[int, int]] = ()
           ) -> tuple[int, int] | None:
    """Where a finding's found words are in the translation: the first occurrence not already
    `taken`, compared as written, then in the folded form the check compares (full-width
    letters, spaces), then ignoring case."""
    if not found or not text:
        return None
    candidates = [(text, found)]
    folded = tg.fold(text, locale)
    if len(folded) == len(text):
        candidates.append((folded, tg.fold(found, locale)))
        candidates.append((folded.casefold(), tg.fold(found, locale).casefold()))
    for haystack, needle in candidates:
        if len(haystack) != len(text) or not needle:
            continue
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(start < e and s < end for s, e in taken):
                return start, end
            start = haystack.find(needle, start + 1)
    return None


def _title(span: Span) -> str:
    name = f"glossary: {span.term}" if span.term else "glossary term"
    return f"{name} ({span.label})" if span.label else name


def _highlight(text: str, span: Span, css: str) -> str:
    attributes = f' class="{css}"' if css else ""
    if span.term:
        attributes += f' data-term="{html.escape(span.term)}"'
    return (f'<mark{attributes} title="{html.escape(_title(span))}">'
            f"{html.escape(text[span.start:span.end])}</mark>")


def _plain(text: str, low: int, high: int, spans: Sequence[Span], css: str) -> str:
    """text[low:high] escaped, with the highlights that lie wholly inside it."""
    out, last = [], low
    for span in spans:
        if span.start >= last and span.end <= high:
            out.append(html.escape(text[last:span.start]))
            out.append(_highlight(text, span, css))
            last = span.end
    out.append(html.escape(text[last:high]))
    return "".join(out)


def _marked(text: str, spans: Sequence[Span], css: str = "",
            found: Sequence[tuple[int, int, str, str]] = ()) -> str:
    """The text escaped, the found words of findings marked (start, end, tooltip, expected
    form) and glossary highlights inside or beside them."""
    chosen = longest_first(spans)
    out, last = [], 0
    for start, end, tooltip, expected in sorted(found):
        if start < last:
            continue
        out.append(_plain(text, last, start, chosen, css))
        out.append(f'<mark class="found" title="{html.escape(tooltip)}">'
                   f"{_plain(text, start, end, chosen, css)}</mark>")
        if expected:
            out.append(f'<span class="exp" title="expected">→ {html.escape(expected)}</span>')
        last = end
    out.append(_plain(text, last, len(text), chosen, css))
    return "".join(out)


def _counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _chart(sections: Sequence[LocaleSection], anchors: Sequence[str]) -> str:
    """Per locale, three bars each linking to its section: entries translated / fuzzy /
    untranslated, entries without an error finding, and findings by severity (scaled to the
    locale with most), each labelled with its counts."""
    counts = [_counts(s.findings()) for s in sections]
    most = max([sum(c.values()) for c in counts] + [1])
    bars = []
    y = 20
    for section, count, anchor in zip(sections, counts, anchors, strict=True):
        total = max(section.total, 1)
        done = 300 * section.translated / total
        fuzzy = 300 * section.fuzzy / total
        rest = 300 - done - fuzzy
        compliant = 300 * section.compliant / total
        label = html.escape(section.locale)
        group = [
            f'<text x="0" y="{y + 14}">{label} coverage</text>'
            f'<rect x="150" y="{y}" width="{done:.1f}" height="20" fill="#16a34a"/>'
            f'<rect x="{150 + done:.1f}" y="{y}" width="{fuzzy:.1f}" height="20" fill="#f59e0b"/>'
            f'<rect x="{150 + done + fuzzy:.1f}" y="{y}" width="{rest:.1f}" height="20" '
            f'fill="#d1d5db"/><text x="460" y="{y + 14}">{section.translated} of '
            f"{section.total} translated ({100 * section.translated / total:.0f}%)"
            f"{f', {section.fuzzy} fuzzy' if section.fuzzy else ''}</text>"]
        y += 26
        group.append(
            f'<text x="0" y="{y + 14}">{label} glossary</text>'
            f'<rect x="150" y="{y}" width="{compliant:.1f}" height="20" fill="#2563eb"/>'
            f'<rect x="{150 + compliant:.1f}" y="{y}" width="{300 - compliant:.1f}" height="20" '
            f'fill="#fecaca"/><text x="460" y="{y + 14}">{section.compliant} of '
            f"{section.total} without errors ({100 * section.compliant / total:.0f}%)</text>")
        y += 26
        x = 150.0
        group.append(f'<text x="0" y="{y + 14}">{label} findings</text>')
        for severity, colour in ((Severity.ERROR, "#dc2626"), (Severity.WARNING, "#ea580c"),
                                 (Severity.INFO, "#64748b")):
            width = 300 * count[severity] / most
            if width:
                group.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="20" '
                             f'fill="{colour}"/>')
            x += width
        summary = ", ".join(_plural(count[s], s.value) for s in
                            (Severity.ERROR, Severity.WARNING, Severity.INFO))
        group.append(f'<text x="460" y="{y + 14}">'
                     f"{summary if sum(count.values()) else 'no findings'}</text>")
        bars.append(f'<a href="#{anchor}">' + "".join(group) + "</a>")
        y += 40
    return (f'<svg role="img" aria-label="coverage, glossary compliance and findings per locale" '
            f'width="760" height="{y}" font-size="13" font-family="system-ui,sans-serif">'
            + "".join(bars) + "</svg>")


def _note(finding: Finding, anchor: str, where: str = "") -> str:
    expected = (f' <span class="exp">expected: {html.escape(finding.expected)}</span>'
                if finding.expected and not finding.found else "")
    term = (f' <span class="where">[glossary: {html.escape(finding.term)}]</span>'
            if finding.term else "")
    place = f'<span class="where">{html.escape(where)}</span> ' if where else ""
    return (f'<span class="f {finding.severity.value}" id="{anchor}">{place}'
            f'<span class="code">{html.escape(finding.code)}</span> '
            f"{html.escape(finding.message)}{term}{expected} "
            f'<a href="#summary" title="back to the summary">↑</a></span>')


def _found_marks(row: Row, locale: str) -> list[tuple[int, int, str, str]]:
    marks: list[tuple[int, int, str, str]] = []
    for finding in row.findings:
        if not finding.found:
            continue
        place = locate(row.target, finding.found, locale, [(s, e) for s, e, _, _ in marks])
        if place is None:
            continue
        tooltip = f"{finding.code} {finding.rule}" + (
            f" (glossary: {finding.term})" if finding.term else "") + (
            f": expected {finding.expected}" if finding.expected else "")
        expected = finding.expected if finding.expected and finding.expected != finding.found \
            else ""
        marks.append((place[0], place[1], tooltip, expected))
    return marks


class _Ids:
    """Element ids made from what they name (locale, article, rule code, line and column),
    not from their position, so that a link to a finding still points at it in the next
    report; the second of two equal ids gets -2."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, *parts: object) -> str:
        base = "-".join(re.sub(r"[^a-z0-9]+", "-", str(p).lower()).strip("-") or "x"
                        for p in parts)
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate

    def finding(self, where: str, finding: Finding) -> str:
        return self.make(where, finding.code, f"l{finding.line}", f"c{finding.column}")


def render_html(title: str, sections: Sequence[LocaleSection],
                project_findings: Sequence[Finding] = ()) -> str:
    """The page. `project_findings` are those about no catalogue of the sections (the
    template's staleness or layout)."""
    ids = _Ids()
    anchors = [ids.make("loc", section.locale) for section in sections]
    top: list[str] = []  # catalogue-level findings, at the top
    index: list[str] = []  # per locale and article: links to each finding
    body: list[str] = []
    project = [(f, ids.finding("project", f)) for f in project_findings]
    for f, anchor in project:
        top.append(f"<li>{_note(f, anchor, f'{f.path}:{f.line}')}</li>")
    for section, anchor in zip(sections, anchors, strict=True):
        locale = html.escape(section.locale)
        body.append(f'<h2 id="{anchor}"><span id="{locale}"></span>{html.escape(section.name)} '
                    f"({locale})</h2>")
        catalogue = [(f, ids.finding(anchor, f)) for f in section.catalogue_findings]
        links = []
        if catalogue:
            body.append(f'<p>Catalogue findings: {len(catalogue)}, listed '
                        f'<a href="#{anchor}-catalogue">at the top</a>.</p>')
            top.append(f'<li id="{anchor}-catalogue">{html.escape(section.path or section.locale)}'
                       "<ul>" + "".join(f"<li>{_note(f, a, f'line {f.line}')}</li>"
                                        for f, a in catalogue) + "</ul></li>")
            links.append(f'<li>catalogue: {_plural(len(catalogue), "finding")} '
                         + "".join(f'<a class="code" href="#{a}">{html.escape(f.code)}</a>'
                                   for f, a in catalogue) + "</li>")
        clean = 0
        for article, rows in section.articles:
            article_anchor = ids.make(anchor, article)
            body.append(f'<h3 id="{article_anchor}">{html.escape(article)}</h3>'
                        '<table class="pair">')
            found = []
            for row in rows:
                notes = []
                for finding in row.findings:
                    finding_anchor = ids.finding(article_anchor, finding)
                    found.append((finding, finding_anchor))
                    notes.append(_note(finding, finding_anchor))
                css = ' class="finding"' if row.findings else ""
                target = _marked(row.target, row.target_spans, "target",
                                 _found_marks(row, section.locale))
                body.append(f"<tr{css}><td lang=\"en\">{_marked(row.source, row.source_spans)}"
                            f"</td><td lang=\"{locale}\">{target}{''.join(notes)}</td></tr>")
            body.append("</table>")
            if found:
                links.append(f'<li><a href="#{article_anchor}">{html.escape(article)}</a>: '
                             f'{_plural(len(found), "finding")} '
                             + "".join(f'<a class="code" href="#{a}" '
                                       f'title="{html.escape(f.message)}">'
                                       f"{html.escape(f.code)}</a>" for f, a in found) + "</li>")
            else:
                clean += 1
        if clean:
            links.append(f"<li>{_plural(clean, 'article')} without findings</li>")
        index.append(f'<li id="{anchor}-index"><a href="#{anchor}">{html.escape(section.name)} '
                     f'({locale})</a><ul class="index">{"".join(links)}</ul></li>')

    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
             f'<h1 id="summary">{html.escape(title)}</h1>', _chart(sections, anchors),
             '<table class="summary"><tr><th>locale</th><th>entries</th><th>translated</th>'
             "<th>fuzzy</th><th>without errors</th><th>findings</th><th>errors</th>"
             "<th>warnings</th><th>info</th></tr>"]
    for section, anchor in zip(sections, anchors, strict=True):
        findings = section.findings()
        count = _counts(findings)
        parts.append(f'<tr><td><a href="#{anchor}">{html.escape(section.locale)} '
                     f"({html.escape(section.name)})</a></td>"
                     f"<td>{section.total}</td><td>{section.translated}</td>"
                     f"<td>{section.fuzzy}</td><td>{section.compliant}</td>"
                     f'<td class="count"><a href="#{anchor}-index">{len(findings)}</a></td>'
                     + "".join(f"<td>{count[s]}</td>" for s in
                               (Severity.ERROR, Severity.WARNING, Severity.INFO)) + "</tr>")
    if project:
        parts.append(f'<tr><td><a href="#project">project (template)</a></td><td></td><td></td>'
                     f'<td></td><td></td><td class="count">{len(project)}</td>'
                     + "".join(f"<td>{_counts(project_findings)[s]}</td>" for s in
                               (Severity.ERROR, Severity.WARNING, Severity.INFO)) + "</tr>")
    parts.append("</table>")
    if top:
        parts.append('<h2 id="project">Catalogue findings</h2><p class="legend">About a template '
                     "or catalogue as a whole: its header, plural forms, staleness or layout."
                     f'</p><ul class="catalogue">{"".join(top)}</ul>')
    parts.append('<h2 id="index">Findings by locale and article</h2>'
                 f'<ul>{"".join(index)}</ul>'
                 '<p class="legend"><mark title="legend">term</mark> a glossary term in the '
                 'source; <mark class="target" title="legend">rendering</mark> its rendering in '
                 'the translation (hover either for its glossary id); '
                 '<mark class="found" title="legend">words</mark>'
                 '<span class="exp">→ expected</span> the words a finding is about, and the '
                 "form the glossary expects.</p>")
    parts += body
    parts.append("</body></html>\n")
    return "\n".join(parts)
