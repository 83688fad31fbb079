"""Lint speed at glossary scale: 1,000,000 words against 100 terms and against 100,000 terms.

Both the text and the glossary come from real English: the docstrings of the Python standard
library installed here. The glossary is distinct 2- to 4-word n-grams (and capitalised single
words) of the docstrings of one half of the modules, that neither start nor end with a function
word (term-extraction practice: "default value", not "of the");
the text is the paragraphs of the other half, in a fixed shuffled order until 1M words. Shared
phrasing ("the default value", "file object") means thousands of terms do occur in the text.
The two glossary sizes run interleaved, several times, and the medians are compared, because
the machine is shared and noisy.

Usage: python bench/lint_scale.py [--words 1000000] [--terms 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import random
import re
import statistics
import sys
import sysconfig
import time
import warnings

from xlate.lint import documents_from_text, lint
from xlate.matching import Matcher
from xlate.model import Entry, Form, Glossary, Kind, Status
from xlate.rules import REGISTRY

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Term candidates neither start nor end with a function word, as in term-extraction practice
# (a glossary has "default value", not "of the").
STOP = frozenset("""a an the of to in on at by for from with as is are was were be been being
it its this that these those and or not no if then else than so such but into onto over under
which who whom whose what when where how why can may must should would will shall do does did
has have had all any each every some one two""".split())


def corpus_paragraphs() -> tuple[list[str], list[str]]:
    """Docstring paragraphs of the standard library, split by module into two halves."""
    halves: tuple[list[str], list[str]] = ([], [])
    skip = ("test", "idlelib", "tkinter", "turtle", "antigravity", "this", "lib2to3", "ensurepip",
            "pydoc_data", "xxlimited", "webbrowser")
    stdlib = sysconfig.get_paths()["stdlib"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, info in enumerate(sorted(pkgutil.iter_modules([stdlib]), key=lambda i: i.name)):
            if info.name.startswith(("_",) + skip):
                continue
            paragraphs = halves[number % 2]
            try:
                module = importlib.import_module(info.name)
            except BaseException:  # noqa: BLE001 - any module that does not import is skipped
                continue
            for _, obj in inspect.getmembers(module):
                doc = inspect.getdoc(obj) if callable(obj) or inspect.ismodule(obj) else None
                if doc:
                    paragraphs.extend(p.strip() for p in doc.split("\n\n") if len(p.split()) > 8)
    return sorted(set(halves[0])), sorted(set(halves[1]))


def build_text(paragraphs: list[str], words: int) -> str:
    rng = random.Random(20250626)
    out, count = [], 0
    while count < words:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out)


def build_glossary(paragraphs: list[str], terms: int) -> Glossary:
    rng = random.Random(42)
    seen: dict[str, None] = {}
    words_of = [WORD.findall(p) for p in paragraphs]
    while len(seen) < terms:
        words = rng.choice(words_of)
        if not words:
            continue
        n = rng.choice((1, 2, 2, 3, 3, 4))
        start = rng.randrange(max(1, len(words) - n + 1))
        gram = " ".join(words[start:start + n])
        edges = {words[start].lower(), words[min(start + n, len(words)) - 1].lower()}
        if len(gram) > 3 and (n > 1 or gram[0].isupper()) and not edges & STOP:
            seen.setdefault(gram, None)
    entries = []
    for number, gram in enumerate(seen):
        forms = [Form(gram, Status.PREFERRED)]
        if number % 10 == 0:  # some deprecated variants, as real glossaries have
            forms.append(Form(gram + " variant", Status.DEPRECATED))
        entries.append(Entry(f"t{number}", Kind.TERM, tuple(forms), case_sensitive=number % 3 == 0))
    return Glossary(tuple(entries))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    terms_from, text_from = corpus_paragraphs()
    text = build_text(text_from, args.words)
    big = build_glossary(terms_from, args.terms)
    small = Glossary(big.entries[:args.small])
    print(f"corpus: {len(terms_from)} + {len(text_from)} docstring paragraphs; "
          f"text: {len(text.split()):,} words, "
          f"{len(text):,} characters", file=sys.stderr)
    results: dict[str, dict[str, list[float]]] = {"small": {}, "big": {}}
    hits: dict[str, int] = {}
    for _ in range(args.runs):
        for name, glossary in (("small", small), ("big", big)):
            start = time.perf_counter()
            matcher = Matcher(glossary)
            built = time.perf_counter()
            findings = lint(documents_from_text([("bench.txt", text)]), matcher, REGISTRY).findings
            done = time.perf_counter()
            results[name].setdefault("build", []).append(built - start)
            results[name].setdefault("lint", []).append(done - built)
            hits[name] = len(findings)
    med = {n: {k: statistics.median(v) for k, v in r.items()} for n, r in results.items()}
    print(f"| glossary | terms | build s | lint s | total s | findings |")
    print(f"|---|---:|---:|---:|---:|---:|")
    for name, size in (("small", args.small), ("big", args.terms)):
        m = med[name]
        print(f"| {name} | {size:,} | {m['build']:.2f} | {m['lint']:.2f} | "
              f"{m['build'] + m['lint']:.2f} | {hits[name]:,} |")
    ratio = med["big"]["lint"] / med["small"]["lint"]
    print(f"\nlint time ratio, {args.terms:,} terms / {args.small} terms: {ratio:.2f}x "
          f"(median of {args.runs} interleaved runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
