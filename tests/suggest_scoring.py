"""Scoring `glossary suggest` against curated concepts: precision, recall, and what was missed.

Shared by tests/test_suggest_quality.py (which holds the figures above a floor) and
tools/suggest_quality.py (which prints them for the session notes).

A proposal matches a curated concept when one of its spellings (canonical, the other spellings
seen, its acronym) is one of the concept's forms, case, hyphens, spaces, dots and a plural -s
aside. A proposal of a title with a surname ("Defense Minister Ahn") matches when its title
and its surname match curated concepts. Variants of glossary entries are not proposals.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from xlate.model import Kind
from xlate.suggest.discover import Candidate, key_of
from xlate.suggest.lexicon import LOWER_EVENT_HEADS


def _key(text: str) -> str:
    key = key_of(text)
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


@dataclass
class Concept:
    kind: str
    canonical: str
    forms: set[str]
    hangul: str | None = None


@dataclass
class Score:
    proposals: int = 0
    matched: int = 0
    concepts: int = 0
    found: int = 0
    names: int = 0        # concepts of every kind but "term"
    names_found: int = 0
    false: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    korean: int = 0       # Korean names proposed whose Hangul the curator gave
    hangul_first: int = 0  # ... whose best reading is that Hangul
    hangul_listed: int = 0  # ... whose readings include it

    @property
    def precision(self) -> float:
        return self.matched / self.proposals if self.proposals else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.concepts if self.concepts else 1.0

    @property
    def name_recall(self) -> float:
        return self.names_found / self.names if self.names else 1.0


def gold_concepts(path: Path) -> list[Concept]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Concept(c["kind"], c["canonical"], {c["canonical"], *c.get("forms", [])},
                    c.get("hangul"))
            for c in data.get("concept", [])]


def _spellings(candidate: Candidate) -> set[str]:
    """A proposal's spellings; a name proposed with the lower-case noun that followed it
    ("the Freedom Edge exercise") also matches the name alone, which is how some curators
    list it (the project's glossary lists "NATO summit" with its noun)."""
    out = set(candidate.forms)
    if candidate.acronym:
        out.add(candidate.acronym)
    for form in list(out):
        name, _, noun = form.rpartition(" ")
        if name and noun.islower() and noun in LOWER_EVENT_HEADS:
            out.add(name)
    return out


def score(candidates: list[Candidate], concepts: list[Concept]) -> Score:
    index: dict[str, list[int]] = {}
    for number, concept in enumerate(concepts):
        for form in concept.forms:
            index.setdefault(_key(form), []).append(number)
    result = Score(proposals=len(candidates), concepts=len(concepts))
    hit: set[int] = set()
    for candidate in candidates:
        numbers = {n for s in _spellings(candidate) for n in index.get(_key(s), [])}
        if not numbers and candidate.kind is Kind.PERSON and " " in candidate.canonical:
            # a title with a surname: both parts curated
            title, _, surname = candidate.canonical.rpartition(" ")
            titles = [n for n in index.get(_key(title), []) if concepts[n].kind == "title"]
            people = [n for n in index.get(_key(surname), []) if concepts[n].kind == "person"]
            if titles and people:
                numbers = set(titles)
        if numbers:
            result.matched += 1
            hit |= numbers
            golds = {concepts[n].hangul.replace(" ", "") for n in numbers
                     if concepts[n].hangul and concepts[n].kind == "person"}
            if candidate.hangul and golds:
                readings = [r.hangul for r in candidate.hangul]
                result.korean += 1
                result.hangul_first += readings[0] in golds
                result.hangul_listed += bool(golds & set(readings))
        else:
            result.false.append(f"{candidate.kind.value}:{candidate.canonical}")
    for number, concept in enumerate(concepts):
        named = concept.kind != "term"
        result.names += named
        if number in hit:
            result.found += 1
            result.names_found += named
        else:
            result.missed.append(f"{concept.kind}:{concept.canonical}")
    return result


def glossary_concepts(entries, texts: list[str], matcher) -> list[Concept]:
    """The curated concepts of a glossary that occur in `texts` (its spelling conventions
    aside): the recall set for the seeds."""
    present = {hit.entry.id for text in texts for hit in matcher.find(text)}
    return [Concept(e.kind.value, e.canonical, {f.text for f in e.forms}, e.hangul)
            for e in entries
            if e.id in present and e.kind is not Kind.SPELLING]


def summary(name: str, result: Score) -> str:
    return (f"{name}: {result.proposals} proposals, {result.matched} right "
            f"(precision {result.precision:.0%}); {result.found}/{result.concepts} curated "
            f"concepts found (recall {result.recall:.0%}), names {result.names_found}/"
            f"{result.names} ({result.name_recall:.0%}); Hangul of {result.korean} Korean "
            f"names: best reading right {result.hangul_first}, among the candidates "
            f"{result.hangul_listed}")





def table_row(name: str, result: Score) -> str:
    """The README's table row for one text (the seeds' row gives the names' share too)."""
    names = f"{result.names_found} of {result.names}"
    if name.startswith("the seeds"):
        names += f" ({result.name_recall:.0%})"
    return (f"| {name} | {result.proposals} | {result.matched} ({result.precision:.0%}) | "
            f"{result.found} of {result.concepts} ({result.recall:.0%}) | {names} | "
            f"{result.hangul_first} / {result.hangul_listed} of {result.korean} |")
