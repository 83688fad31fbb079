"""`xlate report --html`: self-contained, escaped, and judged by a real browser (headless
Chromium) when one is installed (.ci/run installs Debian's chromium)."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cli import app
from xlate.model import Finding, Severity
from xlate.report.html import LocaleSection, Row, Span, render_html

runner = CliRunner()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
PAYLOAD = "<script>document.body.setAttribute('data-pwned','1')</script>"


@pytest.fixture
def report(project):
    tmp_path = project
    ko = tmp_path / "locales" / "ko" / "LC_MESSAGES" / "articles.po"
    text = ko.read_text(encoding="utf-8")
    ko.write_text(text.replace('msgstr "외교"', f'msgstr "외교 {PAYLOAD}"', 1)
                  .replace("마르크 뤼터 나토 사무총장과", "나토 사무총장과", 1)
                  .replace('"대통령실에 따르면', '"청와대에 따르면', 1), encoding="utf-8")
    result = runner.invoke(app, ["report", "--html", "out/report.html"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "report.html"


def test_report_is_self_contained_and_escaped(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "<svg" in page and "<mark data-term=" in page and 'class="target"' in page
    assert "C101" in page and 'class="finding"' in page
    for section in ("French (fr)", "Japanese (ja)", "Korean (ko)"):
        assert section in page


def chromium(*args, cwd):
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-quic", "--no-first-run", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={cwd / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, cwd=cwd)


def png_pixels(path: Path):
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium writes) into rows."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    assert depth == 8 and color in (2, 6) and interlace == 0
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 0xFF
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, channels)])
        previous = line
    return rows


@needs_chromium
def test_chromium_renders_the_chart_and_never_runs_the_payload(report, tmp_path):
    dom = chromium("--dump-dom", report.as_uri(), cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-500:]
    assert "data-pwned" not in dom.stdout.split("<body")[1].split(">")[0]
    assert "&lt;script&gt;document.body" in dom.stdout
    shot = tmp_path / "shot.png"
    done = chromium("--window-size=1000,700", f"--screenshot={shot}", report.as_uri(), cwd=tmp_path)
    assert shot.is_file(), done.stderr[-500:]
    rows = png_pixels(shot)
    assert len(rows) == 700 and len(rows[0]) == 1000
    colours = {pixel for row in rows[:300] for pixel in row}
    assert (0x16, 0xA3, 0x4A) in colours  # the green "translated" bars of the chart
    assert (0x25, 0x63, 0xEB) in colours  # the blue "without errors" bars


class Dom(HTMLParser):
    """The page as the browser serialised it: ids, in-page links, and each <mark> with its
    attributes, its text (nested marks included) and where it is (inside the catalogue-level
    list at the top, or not)."""

    def __init__(self, page: str):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.marks: list[dict] = []
        self.open: list[dict] = []
        self.closed: dict | None = None  # the mark just closed, to see the text after it
        self.stack: list[str] = []
        self.notes: dict[str, str] = {}  # finding anchor -> its text
        self.note: list | None = None
        self.top = ""  # the text of the catalogue-level list
        self.in_top = False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append(a["href"][1:])
        if tag == "ul" and "catalogue" in (a.get("class") or "").split():
            self.in_top = True
        if tag == "span" and "f" in (a.get("class") or "").split():
            self.note = [a["id"], ""]
        if tag == "mark":
            mark = {"class": a.get("class") or "", "title": a.get("title") or "",
                    "term": a.get("data-term") or "", "text": "", "after": ""}
            if mark["title"] != "legend":
                self.marks.append(mark)
            self.open.append(mark)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack:
            closed = self.stack.pop()
            if closed == "mark":
                self.closed = self.open.pop()
            if closed == tag:
                break
        if tag == "ul" and self.in_top and "ul" not in self.stack[2:]:
            self.in_top = False

    def handle_data(self, data):
        if self.closed is not None:
            self.closed["after"] = data
            self.closed = None
        for mark in self.open:
            mark["text"] += data
        if self.note is not None:
            self.note[1] += data
            self.notes[self.note[0]] = self.note[1]
        if self.in_top:
            self.top += data


@needs_chromium
def test_chromium_page_links_marks_and_names_every_finding(report, tmp_path):
    dom = chromium("--dump-dom", report.as_uri(), cwd=tmp_path)
    assert dom.returncode == 0, dom.stderr[-500:]
    page = Dom(dom.stdout)
    # anchors: every in-page link has its target, and every finding is linked to
    assert len(page.links) > 10 and len(set(page.ids)) == len(page.ids)
    assert set(page.links) <= set(page.ids)
    findings = [i for i in page.ids if re.search(r"-l\d+-c\d+(?:-\d+)?$", i)]
    assert len(findings) == 3 and set(findings) <= set(page.links)
    # the found words of a finding are inside a <mark>, the expected form beside them
    found = [m for m in page.marks if m["class"] == "found"]
    assert [m["text"] for m in found] == ["청와대"]
    assert "C103" in found[0]["title"] and "대통령실" in found[0]["title"]
    assert "→ 대통령실" in dom.stdout
    # each highlight names its glossary id; the longest rendering wins
    terms = [m for m in page.marks if m["class"] == "target"]
    assert terms and all(f"glossary: {m['term']}" in m["title"] for m in terms)
    office = [m for m in terms if m["term"] == "presidential_office_kr"]
    assert {"대통령실", "大統領室"} <= {m["text"] for m in office}
    assert not any((m["text"].endswith("대통령") and m["after"].startswith("실")) or
                   (m["text"].endswith("大統領") and m["after"].startswith("室")) for m in terms)
    # the catalogue-level finding (the edited catalogue's layout) at the top, and counted
    assert "C405" in page.top and "locales/ko/LC_MESSAGES/articles.po" in page.top
    summary = dom.stdout.split('<table class="summary">')[1].split("</table>")[0]
    ko = summary.split("ko (Korean)")[1].split("</tr>")[0]
    assert '">3</a>' in ko


def test_stale_catalogue_is_listed_at_the_top_and_counted(project):
    fr = project / "locales" / "fr" / "LC_MESSAGES" / "articles.po"
    lines = fr.read_text(encoding="utf-8").splitlines(keepends=True)
    hint = next(i for i, line in enumerate(lines) if line.startswith("#. glossary:"))
    fr.write_text("".join(lines[:hint] + lines[hint + 1:]), encoding="utf-8")
    assert runner.invoke(app, ["check"]).exit_code == 1
    result = runner.invoke(app, ["report", "--html", "out/report.html"])
    assert result.exit_code == 0, result.output
    page = (project / "out" / "report.html").read_text(encoding="utf-8")
    top = page.split('<h2 id="project">Catalogue findings</h2>')[1].split("<h2")[0]
    assert "C404" in top and "locales/fr/LC_MESSAGES/articles.po" in top
    fr_row = page.split("fr (French)")[1].split("</tr>")[0]
    assert 'class="count"><a href="#loc-fr-index">1</a>' in fr_row


def test_header_findings_go_to_the_top_and_overlaps_keep_the_longest():
    def finding(code, line, msgid=None, found=None, expected=None):
        return Finding(code, "rule", Severity.ERROR, f"<b>{code}</b>", "ko.po", line,
                       found=found, expected=expected, msgid=msgid)

    plural = finding("C505", 40, msgid="one file")
    header = finding("C502", 1)
    particle = finding("C105", 12, "The Presidential Office", "대통령실가", "대통령실이")
    row = Row("The Presidential Office", "대통령실가 밝혔다",
              [Span(4, 23, "presidential_office_kr", "Presidential Office")],
              [Span(0, 3, "president_kr", "President → 대통령"),
               Span(0, 4, "presidential_office_kr", "Presidential Office → 대통령실")],
              [particle])
    section = LocaleSection("ko", "Korean", 1, 1, 0, 0, [("<i>Article</i>", [row])], "ko.po",
                            [header, plural])
    page = render_html("t", [section])
    top = page.split('<ul class="catalogue">')[1].split("</ul></li></ul>")[0]
    assert "C505" in top and "C502" in top and "C105" not in top
    assert '<td class="count"><a href="#loc-ko-index">3</a></td>' in page
    assert ('<mark class="found" title="C105 rule: expected 대통령실이"><mark class="target" '
            'data-term="presidential_office_kr" title="glossary: presidential_office_kr '
            '(Presidential Office → 대통령실)">대통령실</mark>가</mark>'
            '<span class="exp" title="expected">→ 대통령실이</span>') in page
    assert "president_kr" not in page and "<b>" not in page and "&lt;i&gt;Article" in page


def test_a_findings_anchor_does_not_move_when_another_finding_appears():
    """Ids name what they point at (locale, article, code, line, column): a link to a
    finding, shared or bookmarked, still points at it after the next report."""
    def section(findings_before):
        late = Finding("C101", "rule", Severity.ERROR, "late", "ko.po", 30, 5)
        early = [Finding("C301", "rule", Severity.ERROR, "early", "ko.po", 10, 1)]
        rows = [Row("A", "가", [], [], early if findings_before else []),
                Row("B", "나", [], [], [late])]
        return LocaleSection("ko", "Korean", 2, 2, 0, 0, [("Article one", rows)], "ko.po", [])

    first = render_html("t", [section(False)])
    second = render_html("t", [section(True)])
    ids = [re.findall(r'<span class="f error" id="([^"]+)"', page) for page in (first, second)]
    assert ids[0] == ["loc-ko-article-one-c101-l30-c5"]
    assert ids[1] == ["loc-ko-article-one-c301-l10-c1", "loc-ko-article-one-c101-l30-c5"]
