"""Probable misspellings of names: capitalised words one edit away from a glossary name (pure).

Names are compared as skeletons (lower-case letters and digits, separators dropped). A deletion
index (each skeleton and every skeleton with one character deleted) finds candidates in a few
dict lookups whatever the glossary size; the real distance then decides.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from xlate.english.textmap import normalize

MIN_LENGTH = 6  # shortest skeleton worth a near-miss: "Wi-Fi" is not "Wi"
# Endings that make another word of a name (Korea-n, Trump-s, Japan-ese), not a misspelling of
# it; any other letter added to a name (Wi Sung Lack for Wi Sung Lac) is a typo.
_DERIVED = frozenset({"s", "es", "n", "an", "ian", "ns", "ans", "ians", "ese", "ite", "ites",
                      "ism", "ist", "ists"})


class NearIndex:
    """Skeletons of names, each with a payload, searchable within one edit."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[str, Any]]] = {}

    def __bool__(self) -> bool:
        return bool(self._index)

    def add(self, name: str, payload: Any) -> None:
        skeleton = _skeleton(name)
        if len(skeleton) < MIN_LENGTH:
            return
        for key in {skeleton} | _deletions(skeleton):
            self._index.setdefault(key, []).append((skeleton, payload))

    def scan(self, text: str, starts: Sequence[int], ends: Sequence[int], keys: Sequence[str],
             run_end: Sequence[int], covered: set[int]) -> Iterator[tuple[int, int, Any]]:
        """(first token, last token, payload) of each capitalised run of tokens, not covered by
        a match, that is one edit away from an indexed name; the closest, longest reading wins.
        A run is capitalised tokens, or lower-case ones joined by a hyphen (Sung-lak)."""
        count = len(keys)
        i = 0
        while i < count:
            if i in covered or not text[starts[i]].isupper():
                i += 1
                continue
            j = i
            while j + 1 <= run_end[i] and j + 1 not in covered and (
                    text[starts[j + 1]].isupper() or text[ends[j]:starts[j + 1]] == "-"):
                j += 1
            best = None
            for a in range(i, j + 1):
                for b in range(j, a - 1, -1):
                    skeleton = "".join(keys[a:b + 1])
                    if len(skeleton) < MIN_LENGTH:
                        continue
                    for key in {skeleton} | _deletions(skeleton):
                        for target_skeleton, payload in self._index.get(key, ()):
                            if skeleton.startswith(target_skeleton) and \
                                    skeleton[len(target_skeleton):] in _DERIVED:
                                continue  # a derived word, not a typo: Korean, Trumps
                            distance = _distance(skeleton, target_skeleton)
                            if 0 < distance <= 1 and (best is None or (distance, a - b) < best[0]):
                                best = ((distance, a - b), a, b, payload)
            if best is not None:
                yield best[1], best[2], best[3]
            i = j + 1


def _skeleton(text: str) -> str:
    """Lower-case letters and digits only: the spelling with separators and case dropped."""
    return "".join(c for c in normalize(text).text.lower() if c.isalnum())


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (edits, with adjacent transpositions), capped at 2."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
