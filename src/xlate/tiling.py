"""Choosing among overlapping matches: the tiling that covers the most words (pure, generic).

Candidates are (start token, [(length, payload), ...] longest first) pairs in token order;
`resolve(payload, start, length)` turns a chosen candidate into its outcome or None (not a
match after all).
"""

from __future__ import annotations

import bisect
from typing import Any, Iterable


def best_tiling(candidates: Iterable[tuple[int, list[tuple[int, Any]]]],
                 resolve) -> list[tuple[int, int, Any]]:
    """Non-overlapping matches covering the most tokens, then fewest matches, then leftmost:
    (start token, length, resolution) for each, in order.

    Candidates arrive in token order and fall into clusters of overlapping spans, each settled
    as soon as the next candidate starts past it: a cluster of one position takes its longest
    match, and only real overlaps go through the dynamic programme. Candidates are resolved
    only when chosen; one that resolves to nothing ("us" for "US") is dropped and its cluster
    tiled again.
    """
    moves: list[tuple[int, int, Any]] = []
    cluster: dict[int, list[tuple[int, Any]]] | None = None  # only once spans overlap
    first, first_options, end = -1, None, -1
    for position, options in candidates:
        if position >= end:  # past every span so far: settle what is open
            if cluster is not None:
                _settle(cluster, resolve, moves)
                cluster = None
            elif first_options is not None:
                for length, payload in first_options:  # alone: the longest that resolves
                    outcome = resolve(payload, first, length)
                    if outcome is not None:
                        moves.append((first, length, outcome))
                        break
            first, first_options, end = position, options, position + options[0][0]
            continue
        if cluster is None:
            cluster = {first: first_options}
        cluster[position] = options
        if position + options[0][0] > end:
            end = position + options[0][0]
    if cluster is None and first_options is not None:
        cluster = {first: first_options}
    if cluster is not None:
        _settle(cluster, resolve, moves)
    return moves


def _settle(cluster: dict[int, list[tuple[int, Any]]], resolve,
            moves: list[tuple[int, int, Any]]) -> None:
    """Tile one cluster of overlapping candidates, dropping any that do not resolve."""
    cluster = {p: list(options) for p, options in cluster.items()}
    while cluster:
        if len(cluster) == 1:
            only, options = next(iter(cluster.items()))
            picked = [(only, *options[0])]
        else:
            picked = list(tile_cluster(sorted(cluster), cluster))
        resolved = []
        for start, length, payload in picked:
            outcome = resolve(payload, start, length)
            if outcome is None:
                options = [o for o in cluster[start] if o[0] != length]
                if options:
                    cluster[start] = options
                else:
                    del cluster[start]
                break
            resolved.append((start, length, outcome))
        else:
            moves.extend(resolved)
            return


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
