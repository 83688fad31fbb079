#!/usr/bin/env python3
"""Precision and recall of `xlate glossary suggest`, for the notes and the README.

    python tools/suggest_quality.py [-v] [--table]

--table prints the rows of the README's table instead.

- the seeds, read with an empty glossary, against the project's own glossary (the concepts a
  translator curated, of those that occur in the seeds): recall;
- the seeds with the project's glossary: what is left to propose;
- tests/data/suggest/article_N.txt against gold_N.toml (texts written for this, annotated
  before the suggester read them; heldout/ written after it was tuned, never tuned on):
  precision and recall.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "src")]

from suggest_scoring import (  # noqa: E402
    glossary_concepts,
    gold_concepts,
    score,
    summary,
    table_row,
)
from xlate.english.match import Matcher  # noqa: E402
from xlate.jobs.glossary import load  # noqa: E402
from xlate.suggest.discover import Text, suggest  # noqa: E402


def main() -> int:
    verbose = "-v" in sys.argv
    glossary = load(ROOT / "glossary").glossary
    matcher = Matcher(glossary)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [path.read_text(encoding="utf-8") for path in seeds]
    curated = glossary_concepts(list(glossary), texts, matcher)
    empty = suggest([Text(p.name, t) for p, t in zip(seeds, texts, strict=True)])
    result = score(empty.candidates, curated)
    rows = [table_row("the seeds, empty glossary, against `glossary/`", result)]
    print(summary("seeds, empty glossary vs the project's glossary", result))
    if verbose:
        print("  missed:", ", ".join(result.missed))
        print("  not curated:", ", ".join(result.false))
    full = suggest([Text(p.name, t) for p, t in zip(seeds, texts, strict=True)], matcher)
    print(f"seeds, project glossary: {len(full.candidates)} proposals, "
          f"{len(full.variants)} variants of entries")
    if verbose:
        print("  proposals:", ", ".join(c.canonical for c in full.candidates))
    data = ROOT / "tests/data/suggest"
    for gold in sorted(data.glob("gold_*.toml")) + sorted((data / "heldout").glob("gold_*.toml")):
        article = gold.with_name(gold.name.replace("gold_", "article_").replace(".toml", ".txt"))
        found = suggest([Text(article.name, article.read_text(encoding="utf-8"))])
        result = score(found.candidates, gold_concepts(gold))
        name = f"`{article.relative_to(data).as_posix()}`"
        rows.append(table_row(f"`tests/data/suggest/{article.name}`" if not rows[1:] else name,
                              result))
        print(summary(article.name, result))
        if verbose:
            print("  missed:", ", ".join(result.missed))
            print("  false:", ", ".join(result.false))
    if "--table" in sys.argv:
        print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
