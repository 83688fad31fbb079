"""Lint speed at glossary scale: 1,000,000 words against 100 terms and against 100,000 terms.

Both the text and the glossary come from real English: the docstrings of the Python standard
library, read with `ast` (nothing is imported). The glossary is distinct 2- to 5-word n-grams
(and capitalised single words) of the docstrings of every other stdlib file that neither start
nor end with a function word (term-extraction practice: "default value", not "of the"). Two
texts of 1M words: "docs", the paragraphs of the remaining stdlib files in a fixed shuffled
order, where shared phrasing makes a term occur every few words (the worst case for reporting
cost); and "news", the repository's seed articles repeated, where few of the terms occur. The
glossary sizes run interleaved, several times, and medians are compared, because the machine
is shared and noisy.

Usage: python bench/lint_scale.py [--words 1000000] [--terms 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import ast
import gc
import random
import re
import statistics
import sys
import sysconfig
import time
from pathlib import Path

from xlate.english.match import Matcher
from xlate.lint.engine import documents_from_text, lint
from xlate.model import Entry, Form, Glossary, Kind, Status
from xlate.rules import REGISTRY

SKIP = {"test", "tests", "idlelib", "lib2to3", "site-packages", "ensurepip", "__pycache__", "xlate"}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Term candidates neither start nor end with a function word, as in term-extraction practice
# (a glossary has "default value", not "of the").
STOP = frozenset("""a an the of to in on at by for from with as is are was were be been being
it its this that these those and or not no if then else than so such but into onto over under
which who whom whose what when where how why can may must should would will shall do does did
has have had all any each every some one two""".split())


def _docstrings(path: Path) -> set[str]:
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError, ValueError, OSError):
        return set()
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node)
            if doc:
                found.update(" ".join(p.split()) for p in doc.split("\n\n") if len(p.split()) > 8)
    return found


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py")
                  if not any(part in SKIP for part in p.relative_to(folder).parts))


def corpus_paragraphs() -> tuple[list[str], list[str]]:
    """Docstring paragraphs of the standard library read with `ast` (nothing is imported): the
    text comes from every other file, the glossary from the remaining files. Only the stdlib is
    read, so the corpus depends on the Python version alone, not on what else is installed."""
    terms: set[str] = set()
    text: set[str] = set()
    for number, path in enumerate(_python_files(Path(sysconfig.get_paths()["stdlib"]))):
        (text if number % 2 else terms).update(_docstrings(path))
    return sorted(terms - text), sorted(text)


def build_text(paragraphs: list[str], words: int) -> str:
    rng = random.Random(20250626)
    out, count = [], 0
    while count < words:
        paragraph = rng.choice(paragraphs)
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out)


def build_glossary(paragraphs: list[str], terms: int) -> Glossary:
    """`terms` distinct term candidates in a fixed shuffled order (every 10th with a variant)."""
    candidates: dict[str, None] = {}
    for paragraph in paragraphs:
        words = WORD.findall(paragraph)
        for n in (1, 2, 3, 4, 5):
            for start in range(len(words) - n + 1):
                gram = words[start:start + n]
                if n == 1 and not gram[0][0].isupper():
                    continue
                if {gram[0].lower(), gram[-1].lower()} & STOP or len(" ".join(gram)) <= 3:
                    continue
                candidates.setdefault(" ".join(gram), None)
    pool = list(candidates)
    if len(pool) < terms:
        raise SystemExit(f"only {len(pool):,} term candidates in the corpus; ask for fewer")
    random.Random(42).shuffle(pool)
    entries = []
    for number, gram in enumerate(pool[:terms]):
        forms = [Form(gram, Status.PREFERRED)]
        if number % 10 == 0:  # some deprecated variants, as real glossaries have
            forms.append(Form(gram + " variant", Status.DEPRECATED))
        entries.append(Entry(f"t{number}", Kind.TERM, tuple(forms), case_sensitive=number % 3 == 0))
    return Glossary(tuple(entries))


def news_text(words: int) -> str:
    """The repository's two seed articles, repeated to `words` words: text in which few of the
    docstring terms occur, to isolate the per-word cost of the index from the per-hit cost."""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    articles = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    out, count = [], 0
    while count < words:
        for article in articles:
            out.append(article)
            count += len(article.split())
    return "\n\n".join(out)


class _GcClock:
    """Time spent in cyclic garbage collections (a `gc.callbacks` hook), so that a collection
    landing in a timed lint shows in the figures instead of passing for matcher cost."""

    def __init__(self) -> None:
        self.total = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.total += time.perf_counter() - self._started


def scale_arguments(description: str | None) -> argparse.Namespace:
    """The options both scale benchmarks take."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args()


def scale_corpus(words: int) -> tuple[list[str], list[str], dict[str, str]]:
    """The glossary's paragraphs, the text's paragraphs, and the two texts of `words` words."""
    terms_from, text_from = corpus_paragraphs()
    return terms_from, text_from, {"docs": build_text(text_from, words),
                                   "news": news_text(words)}


def main() -> int:
    args = scale_arguments(__doc__)
    terms_from, text_from, texts = scale_corpus(args.words)
    big = build_glossary(terms_from, args.terms)
    small = Glossary(big.entries[:args.small])
    print(f"corpus: {len(terms_from)} + {len(text_from)} docstring paragraphs; "
          f"docs text {len(texts['docs'].split()):,} words, news text "
          f"{len(texts['news'].split()):,} words", file=sys.stderr)
    timings: dict[tuple[str, str, str], list[float]] = {}
    found: dict[tuple[str, str], tuple[int, int]] = {}
    collector = _GcClock()
    gc.callbacks.append(collector)
    for _ in range(args.runs):
        for text_name, text in texts.items():
            for name, glossary in (("small", small), ("big", big)):
                start = time.perf_counter()
                matcher = Matcher(glossary)
                built = time.perf_counter()
                collector.total = 0.0
                result = lint(documents_from_text([("bench.txt", text)]), matcher, REGISTRY)
                done = time.perf_counter()
                timings.setdefault((text_name, name, "build"), []).append(built - start)
                timings.setdefault((text_name, name, "lint"), []).append(done - built)
                timings.setdefault((text_name, name, "gc"), []).append(collector.total)
                hits = sum(result.occurrences.values())
                found[(text_name, name)] = (hits, len(result.findings))
    med = {k: statistics.median(v) for k, v in timings.items()}
    print("| text | glossary | terms | build s | lint s | of which GC s | total s "
          "| term occurrences | findings |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for text_name in texts:
        for name, size in (("small", args.small), ("big", args.terms)):
            build, run = med[(text_name, name, "build")], med[(text_name, name, "lint")]
            hits, findings = found[(text_name, name)]
            collecting = med[(text_name, name, "gc")]
            print(f"| {text_name} | {name} | {size:,} | {build:.2f} | {run:.2f} | "
                  f"{collecting:.2f} | {build + run:.2f} | {hits:,} | {findings:,} |")
    print()
    for text_name in texts:
        ratio = med[(text_name, "big", "lint")] / med[(text_name, "small", "lint")]
        each = [b / s for b, s in zip(timings[(text_name, "big", "lint")],
                                      timings[(text_name, "small", "lint")], strict=True)]
        print(f"{text_name}: lint time {args.terms:,} terms / {args.small} terms = {ratio:.2f}x "
              f"(median of {args.runs} interleaved runs; run by run "
              f"{', '.join(f'{r:.2f}' for r in each)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
