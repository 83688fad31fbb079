"""Word sequences found in a text and the tiling that covers the most words (pure, generic).

A `WordTrie` maps word-key sequences to payloads. `WordTrie.tile` finds them in a text's word
keys and keeps the non-overlapping matches that cover the most words; `resolve(payload, start,
length)` turns a chosen match into its outcome, or None when it is not a match after all (the
caller's check of the written surface).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any


class WordTrie:
    """Sequences of word keys -> payloads: a trie of dicts, each node `(children or None,
    payload or None)`. Nodes are tuples, not lists or objects, so that a big trie is data the
    cyclic garbage collector stops tracking once it has seen it."""

    def __init__(self) -> None:
        self.root: dict[str, tuple[dict | None, Any]] = {}

    def __bool__(self) -> bool:
        return bool(self.root)

    def insert(self, keys: Sequence[str], payload: Any) -> None:
        """Map `keys` (one or more words) to `payload`, replacing any payload it had."""
        if not keys:
            raise ValueError("a key sequence needs at least one word")
        level = self.root
        for key in keys[:-1]:
            node = level.get(key)
            children = None if node is None else node[0]
            if children is None:
                children = {}
                level[key] = (children, None if node is None else node[1])
            level = children
        node = level.get(keys[-1])
        level[keys[-1]] = (None if node is None else node[0], payload)

    def tile(self, keys: Sequence[str], run_end: Sequence[int],
             resolve) -> list[tuple[int, int, Any]]:
        """Non-overlapping matches covering the most tokens, then fewest matches, then leftmost:
        (start token, length, resolution) for each, in order.

        `run_end[i]` is the last token a match starting at token `i` may reach (punctuation
        ends a term). The walk and the tiling are one loop, since this is the per-word cost of
        a lint, written to allocate nothing in the common cases: candidates fall into clusters
        of overlapping spans, each settled as soon as the walk passes its end. A one-word match
        with nothing open is resolved on the spot, a lone longer one takes its longest reading
        that resolves, and only real overlaps go through the dynamic programme. Candidates are
        resolved only when chosen; one that resolves to nothing ("us" for "US") is dropped and
        its cluster tiled again.
        """
        moves: list[tuple[int, int, Any]] = []
        append = moves.append
        get = self.root.get
        end = 0  # the first token past every span of the open cluster
        # The open cluster while it has one member: its start, longest reading and payload, and
        # its shorter readings (shortest first) or None.
        first, first_length, first_payload, first_shorter = -1, 0, None, None
        cluster: dict[int, list[tuple[int, Any]]] | None = None  # once members overlap
        for i, key in enumerate(keys):
            node = get(key)
            if node is None:
                continue
            children, payload = node
            shorter = None
            if children and i != run_end[i]:
                length, j, last = 1, i, run_end[i]
                while j < last:
                    j += 1
                    node = children.get(keys[j])
                    if node is None:
                        break
                    children, found = node
                    if found is not None:
                        if payload is not None:
                            if shorter is None:
                                shorter = [(length, payload)]
                            else:
                                shorter.append((length, payload))
                        length, payload = j - i + 1, found
                    if not children:
                        break
                if payload is None:
                    continue
            elif payload is None:
                continue
            else:
                length = 1
            if i < end:  # overlaps the open cluster
                if cluster is None:
                    cluster = {first: _readings(first_length, first_payload, first_shorter)}
                cluster[i] = _readings(length, payload, shorter)
                if i + length > end:
                    end = i + length
                continue
            if cluster is not None:
                _settle(cluster, resolve, moves)
                cluster = None
            elif first_payload is not None:  # a lone match: its longest reading, mostly
                outcome = resolve(first_payload, first, first_length)
                if outcome is not None:
                    append((first, first_length, outcome))
                elif first_shorter:
                    _settle_alone(first, *first_shorter.pop(), first_shorter, resolve, append)
            if length == 1:  # one word, and nothing can overlap it from the left
                first_payload = None
                outcome = resolve(payload, i, 1)
                if outcome is not None:
                    append((i, 1, outcome))
                end = i + 1
                continue
            first, first_length, first_payload, first_shorter = i, length, payload, shorter
            end = i + length
        if cluster is not None:
            _settle(cluster, resolve, moves)
        elif first_payload is not None:
            _settle_alone(first, first_length, first_payload, first_shorter, resolve, append)
        return moves


def _readings(length: int, payload: Any, shorter: list | None) -> list[tuple[int, Any]]:
    """A candidate's readings, longest first."""
    return [(length, payload)] + shorter[::-1] if shorter else [(length, payload)]


def _settle_alone(start: int, length: int, payload: Any, shorter: list | None, resolve,
                  append) -> None:
    """A match overlapping no other: its longest reading that resolves."""
    outcome = resolve(payload, start, length)
    if outcome is not None:
        append((start, length, outcome))
        return
    for length, payload in reversed(shorter or ()):
        outcome = resolve(payload, start, length)
        if outcome is not None:
            append((start, length, outcome))
            return


def _settle(cluster: dict[int, list[tuple[int, Any]]], resolve,
            moves: list[tuple[int, int, Any]],
            known: dict[tuple[int, int], Any] | None = None) -> None:
    """Tile one cluster of overlapping candidates, dropping any that do not resolve (each is
    resolved once, however often the cluster is tiled again). Consumes `cluster`."""
    if known is None:
        if len(cluster) == 2:
            _settle_pair(cluster, resolve, moves)
            return
        known = {}
    while cluster:
        if len(cluster) == 1:
            only, options = next(iter(cluster.items()))
            picked = [(only, *options[0])]
        else:
            picked = tile_cluster(list(cluster), cluster)  # in token order already
        resolved = []
        for start, length, payload in picked:
            outcome = known.get((start, length), known)
            if outcome is known:
                outcome = known[start, length] = resolve(payload, start, length)
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


def _settle_pair(cluster: dict[int, list[tuple[int, Any]]], resolve,
                 moves: list[tuple[int, int, Any]]) -> None:
    """The commonest cluster, two overlapping starts, tiled directly: the decisions of
    `tile_cluster` for two positions (four in five clusters of a dense text), without its
    tables. Falls back to `_settle` when a chosen reading does not resolve."""
    (p, readings), (q, later) = cluster.items()
    later_length, later_payload = later[0]  # alone, the longest reading at q is best
    best, take = (later_length, -1), None  # taking only q's reading
    for length, payload in readings:  # longest first: a tie keeps the longer, then the left
        value = (length + later_length, -2) if p + length <= q else (length, -1)
        if value >= best if take is None else value > best:
            best, take = value, (length, payload)
    known: dict[tuple[int, int], Any] = {}
    first = None
    if take is not None:
        outcome = known[p, take[0]] = resolve(take[1], p, take[0])
        if outcome is None:
            _settle(cluster, resolve, moves, known)
            return
        if p + take[0] > q:
            moves.append((p, take[0], outcome))
            return
        first = (p, take[0], outcome)
    outcome = known[q, later_length] = resolve(later_payload, q, later_length)
    if outcome is None:
        _settle(cluster, resolve, moves, known)
        return
    if first is not None:
        moves.append(first)
    moves.append((q, later_length, outcome))


def tile_cluster(positions: list[int], candidates: dict[int, list[tuple[int, Any]]]
                 ) -> list[tuple[int, int, Any]]:
    """Dynamic programming from the right over one cluster of overlapping candidates:
    `positions` sorted, `candidates[position]` its readings longest first."""
    count = len(positions)
    score = [(0, 0)] * (count + 1)  # best (tokens covered, -matches) from the k-th position on
    move: list[tuple[int, Any] | None] = [None] * count
    for k in range(count - 1, -1, -1):
        i = positions[k]
        best, chosen = score[k + 1], None  # skipping this position
        for length, payload in candidates[i]:  # longest first, so it wins a tie
            tail = score[bisect.bisect_left(positions, i + length, k + 1)]
            value = (length + tail[0], tail[1] - 1)
            if value >= best if chosen is None else value > best:  # a tie goes to the left
                best, chosen = value, (length, payload)
        score[k], move[k] = best, chosen
    out = []
    k = 0
    while k < count:
        step = move[k]
        if step is None:
            k += 1
            continue
        i = positions[k]
        out.append((i, step[0], step[1]))
        k = bisect.bisect_left(positions, i + step[0], k + 1)
    return out
