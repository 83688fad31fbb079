"""`xlate report --html`: one self-contained page (no scripts, no external files) (pure).

Per locale: coverage and glossary compliance as an SVG bar chart; then each article side by
side, source and translation, glossary terms highlighted, and every finding marked on its
sentence. Every piece of text from the sources, catalogues or glossary is HTML-escaped, so a
msgstr containing `<script>` shows as text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from xlate.model import Finding

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:1200px;color:#222}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ccc}h3{margin-top:1.5em}
table.pair{border-collapse:collapse;width:100%}
table.pair td{vertical-align:top;padding:.4em .6em;border-top:1px solid #eee;width:50%}
tr.finding td{background:#fff4f4}
mark{background:#fde68a;padding:0 .1em;border-radius:2px}
mark.target{background:#bfdbfe}
.f{display:block;font-size:.85em;margin-top:.3em;color:#7f1d1d}
.f.warning{color:#92400e}.f.info{color:#1e3a8a}
.code{font-family:ui-monospace,monospace;font-weight:600}
table.summary td,table.summary th{padding:.2em .8em;text-align:right}
table.summary td:first-child,table.summary th:first-child{text-align:left}
"""


@dataclass
class Row:
    """One sentence: source and translation, with highlight spans and its findings."""

    source: str
    target: str
    source_spans: list[tuple[int, int]] = field(default_factory=list)
    target_spans: list[tuple[int, int]] = field(default_factory=list)
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


def _marked(text: str, spans: Sequence[tuple[int, int]], css: str = "") -> str:
    out, last = [], 0
    attribute = f' class="{css}"' if css else ""
    for start, end in sorted(set(spans)):
        if start < last:
            continue  # overlapping highlights: keep the first
        out.append(html.escape(text[last:start]))
        out.append(f"<mark{attribute}>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def _chart(sections: Sequence[LocaleSection]) -> str:
    """Horizontal bars per locale: translated, fuzzy, untranslated; and compliance."""
    height = 34 * len(sections) * 2 + 30
    bars = []
    y = 20
    for section in sections:
        total = max(section.total, 1)
        done = 300 * section.translated / total
        fuzzy = 300 * section.fuzzy / total
        rest = 300 - done - fuzzy
        compliant = 300 * section.compliant / total
        label = html.escape(section.locale)
        bars.append(
            f'<text x="0" y="{y + 14}">{label} coverage</text>'
            f'<rect x="150" y="{y}" width="{done:.1f}" height="20" fill="#16a34a"/>'
            f'<rect x="{150 + done:.1f}" y="{y}" width="{fuzzy:.1f}" height="20" fill="#f59e0b"/>'
            f'<rect x="{150 + done + fuzzy:.1f}" y="{y}" width="{rest:.1f}" height="20" '
            f'fill="#d1d5db"/><text x="460" y="{y + 14}">'
            f'{100 * section.translated / total:.0f}% translated</text>')
        y += 30
        bars.append(
            f'<text x="0" y="{y + 14}">{label} glossary</text>'
            f'<rect x="150" y="{y}" width="{compliant:.1f}" height="20" fill="#2563eb"/>'
            f'<rect x="{150 + compliant:.1f}" y="{y}" width="{300 - compliant:.1f}" height="20" '
            f'fill="#fecaca"/><text x="460" y="{y + 14}">'
            f'{100 * section.compliant / total:.0f}% without errors</text>')
        y += 38
    return (f'<svg role="img" aria-label="coverage and glossary compliance per locale" '
            f'width="640" height="{height}" font-size="13" font-family="system-ui,sans-serif">'
            + "".join(bars) + "</svg>")


def render_html(title: str, sections: Sequence[LocaleSection]) -> str:
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
             f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>", _chart(sections),
             '<table class="summary"><tr><th>locale</th><th>entries</th><th>translated</th>'
             "<th>fuzzy</th><th>without errors</th><th>findings</th></tr>"]
    for section in sections:
        count = sum(len(r.findings) for _, rows in section.articles for r in rows)
        parts.append(f"<tr><td>{html.escape(section.locale)} ({html.escape(section.name)})</td>"
                     f"<td>{section.total}</td><td>{section.translated}</td>"
                     f"<td>{section.fuzzy}</td><td>{section.compliant}</td><td>{count}</td></tr>")
    parts.append("</table>")
    for section in sections:
        parts.append(f'<h2 id="{html.escape(section.locale)}">{html.escape(section.name)} '
                     f"({html.escape(section.locale)})</h2>")
        for article, rows in section.articles:
            parts.append(f"<h3>{html.escape(article)}</h3><table class=\"pair\">")
            for row in rows:
                notes = "".join(
                    f'<span class="f {f.severity.value}"><span class="code">'
                    f"{html.escape(f.code)}</span> {html.escape(f.message)}</span>"
                    for f in row.findings)
                css = ' class="finding"' if row.findings else ""
                parts.append(f"<tr{css}><td lang=\"en\">{_marked(row.source, row.source_spans)}"
                             f"</td><td lang=\"{html.escape(section.locale)}\">"
                             f"{_marked(row.target, row.target_spans, 'target')}{notes}</td></tr>")
            parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
