"""The whole `xlate lint` command at glossary scale, as a user runs it: a new process that reads
a 100,000-term glossary from TOML files, validates it, compiles the matcher and lints 1,000,000
words, timed against the same command with the 100-term glossary.

The glossaries and texts are those of `lint_scale.py` (stdlib docstrings, read with `ast`),
written as ten TOML files in the glossary format (entries whose forms would collide once
case and hyphens are folded are skipped, since `xlate` rightly refuses such a glossary). Each
command runs in a fresh process, interleaved with its reference; `XLATE_TIMINGS=1` makes the
CLI print the time of each phase to standard error.

Usage: python bench/cli_scale.py [--words 1000000] [--terms 100000] [--runs 3]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lint_scale import build_glossary, scale_arguments, scale_corpus

from xlate.glossary.toml_text import entry_to_toml
from xlate.model import Glossary

_PHASE = re.compile(r"^xlate-timing (\w+) ([0-9.]+)$", re.M)


def distinct_glossary(paragraphs: list[str], terms: int) -> Glossary:
    """`terms` entries none of whose forms fold to another entry's (G202 would refuse them)."""
    pool = build_glossary(paragraphs, terms + terms // 20)
    seen: set[str] = set()
    entries = []
    for entry in pool.entries:
        keys = {" ".join(f.text.casefold().replace("-", " ").split()) for f in entry.forms}
        if keys & seen:
            continue
        seen |= keys
        entries.append(entry)
    if len(entries) < terms:
        raise SystemExit(f"only {len(entries):,} distinct terms; ask for fewer")
    return Glossary(tuple(entries[:terms]))


def write_project(folder: Path, glossary: Glossary, texts: dict[str, str]) -> None:
    (folder / "glossary").mkdir(parents=True)
    size = max(1, len(glossary.entries) // 10)
    for number in range(0, len(glossary.entries), size):
        chunk = glossary.entries[number:number + size]
        (folder / "glossary" / f"part{number // size}.toml").write_text(
            "\n".join(entry_to_toml(e) for e in chunk), encoding="utf-8")
    (folder / "xlate.toml").write_text('glossary = "glossary"\ntarget_locales = []\n',
                                       encoding="utf-8")
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def run(folder: Path, text: str) -> tuple[float, dict[str, float]]:
    env = dict(os.environ, XLATE_TIMINGS="1")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "xlate", "lint", "--format", "json",
                           f"{text}.txt"], cwd=folder, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"xlate lint failed ({done.returncode}): {done.stderr.strip()}")
    return wall, {name: float(value) for name, value in _PHASE.findall(done.stderr)}


def main() -> int:
    args = scale_arguments(__doc__)
    terms_from, _, texts = scale_corpus(args.words)
    big = distinct_glossary(terms_from, args.terms)
    glossaries = {"small": Glossary(big.entries[:args.small]), "big": big}
    times: dict[tuple[str, str], list[tuple[float, dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, glossary in glossaries.items():
            write_project(Path(tmp) / name, glossary, texts)
        for _ in range(args.runs):
            for text in texts:
                for name in glossaries:
                    times.setdefault((text, name), []).append(run(Path(tmp) / name, text))
    phases = ("load", "build", "lint", "output")
    print("| text | glossary | terms | " + " | ".join(f"{p} s" for p in phases)
          + " | whole command s |")
    print("|---|---|---:|" + "---:|" * (len(phases) + 1))
    for text in texts:
        for name, glossary in glossaries.items():
            runs = times[(text, name)]
            cells = [statistics.median(r[1].get(p, 0.0) for r in runs) for p in phases]
            wall = statistics.median(r[0] for r in runs)
            print(f"| {text} | {name} | {len(glossary.entries):,} | "
                  + " | ".join(f"{c:.2f}" for c in cells) + f" | {wall:.2f} |")
    print(f"\nmedians of {args.runs} interleaved runs, each a new process")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
