"""`xlate report --html`: self-contained, escaped, and judged by a real browser (headless
Chromium) when one is installed (.ci/run installs Debian's chromium)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlate.cli import app

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
                  .replace("마르크 뤼터 나토 사무총장과", "나토 사무총장과", 1), encoding="utf-8")
    result = runner.invoke(app, ["report", "--html", "out/report.html"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "report.html"


def test_report_is_self_contained_and_escaped(report):
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert "<svg" in page and "<mark>" in page and 'class="target"' in page
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
