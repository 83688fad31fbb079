"""Choosing among overlapping matches: the tiling that covers the most words (pure, generic).

Candidates are (length, payload) lists per start token, longest first; `resolve(payload, start,
length)` turns a chosen candidate into its outcome or None (not a match after all).
"""

from __future__ import annotations

import bisect
from typing import Any


def best_tiling(candidates: dict[int, list[tuple[int, Any]]],
                 resolve) -> list[tuple[int, int, Any]]:
    """Non-overlapping matches covering the most tokens, then fewest matches, then leftmost:
    (start token, length, resolution) for each, in order.

    Candidates fall into clusters of overlapping spans; a cluster of one position takes its
    longest match, and only real overlaps go through the dynamic programme. Candidates are
    resolved only when chosen; one that resolves to nothing ("us" for "US") is dropped and its
    cluster tiled again.
    """
    positions = sorted(candidates)
    moves: list[tuple[int, int, object]] = []
    k, total = 0, len(positions)
    while k < total:
        i = positions[k]
        end = i + candidates[i][0][0]
        last = k + 1
        while last < total and positions[last] < end:
            end = max(end, positions[last] + candidates[positions[last]][0][0])
            last += 1
        if last == k + 1:  # no overlap: the longest option that resolves
            for length, targets in candidates[i]:
                outcome = resolve(targets, i, length)
                if outcome is not None:
                    moves.append((i, length, outcome))
                    break
            k = last
            continue
        cluster = {p: list(candidates[p]) for p in positions[k:last]}
        while cluster:
            if len(cluster) == 1:
                only, options = next(iter(cluster.items()))
                picked = [(only, *options[0])]
            else:
                picked = list(tile_cluster(sorted(cluster), cluster))
            rejected = False
            resolved = []
            for start, length, targets in picked:
                outcome = resolve(targets, start, length)
                if outcome is None:
                    options = [o for o in cluster[start] if o[0] != length]
                    if options:
                        cluster[start] = options
                    else:
                        del cluster[start]
                    rejected = True
                    break
                resolved.append((start, length, outcome))
            if not rejected:
                moves.extend(resolved)
                break
        k = last
    return moves


def tile_cluster(positions: list[int], candidates: dict[int, list[tuple[int, Any]]]):
    """Dynamic programming from the right over one cluster of overlapping candidates."""
    score: dict[int, tuple[int, int]] = {}
    move: dict[int, tuple[int, object] | None] = {}

    def score_from(i: int) -> tuple[int, int]:
        k = bisect.bisect_left(positions, i)
        return score[positions[k]] if k < len(positions) else (0, 0)

    for k in range(len(positions) - 1, -1, -1):
        i = positions[k]
        skip = score[positions[k + 1]] if k + 1 < len(positions) else (0, 0)
        best, chosen = None, None
        for length, outcome in candidates[i]:  # longest first
            tail = score_from(i + length)
            value = (length + tail[0], tail[1] - 1)
            if best is None or value > best:
                best, chosen = value, (length, outcome)
        if best >= skip:
            score[i], move[i] = best, chosen
        else:
            score[i], move[i] = skip, None
    k = 0
    while k < len(positions):
        i = positions[k]
        step = move[i]
        if step is None:
            k += 1
            continue
        yield i, step[0], step[1]
        k = bisect.bisect_left(positions, i + step[0], k + 1)
