"""The trie walk and tiling: against a brute-force reference on random texts and glossaries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xlate.english.tiling import WordTrie

WORDS = "abcdefgh"


def make_trie(terms: list[tuple[str, ...]]) -> WordTrie:
    trie = WordTrie()
    for number, keys in reversed(list(enumerate(terms))):  # the first of duplicates wins
        trie.insert(keys, number)
    return trie


def reference(terms, keys, run_end, refused) -> tuple[int, int]:
    """The best (tokens covered, -matches) by dynamic programming over every valid match."""
    matches = {(i, len(t)) for t in set(terms) for i in range(len(keys))
               if tuple(keys[i:i + len(t)]) == t and i + len(t) - 1 <= run_end[i]
               and (i, len(t)) not in refused}
    best = [(0, 0)] * (len(keys) + 1)
    for i in range(len(keys) - 1, -1, -1):
        best[i] = best[i + 1]
        for start, length in matches:
            if start == i:
                covered, count = best[i + length]
                best[i] = max(best[i], (covered + length, count - 1))
    return best[0]


@st.composite
def cases(draw):
    """Texts of a few words and terms cut mostly from the text itself, so that matches are dense
    and overlap in chains, with some readings refused and some full stops."""
    words = st.sampled_from(WORDS[:draw(st.integers(2, len(WORDS)))])
    keys = draw(st.lists(words, max_size=30))
    cut = st.tuples(st.integers(0, max(len(keys) - 1, 0)), st.integers(1, 4)).map(
        lambda c: tuple(keys[c[0]:c[0] + c[1]]))
    terms = draw(st.lists(cut | st.lists(words, min_size=1, max_size=4).map(tuple), max_size=12))
    terms = [t for t in terms if t]
    breaks = draw(st.sets(st.integers(0, 30), max_size=4))  # a full stop after these tokens
    run_end = list(range(len(keys)))
    for i in range(len(keys) - 2, -1, -1):
        run_end[i] = i if i in breaks else run_end[i + 1]
    refused = draw(st.sets(st.tuples(st.integers(0, 30), st.integers(1, 4)), max_size=10))
    return terms, keys, run_end, refused


@settings(max_examples=600, deadline=None)
@given(cases())
def test_tiling_is_a_best_set_of_valid_matches(case):
    terms, keys, run_end, refused = case
    trie = make_trie(terms)
    calls = []

    def resolve(payload, i, length):
        calls.append((i, length))
        assert terms[payload] == tuple(keys[i:i + length])
        return None if (i, length) in refused else ("outcome", payload)

    moves = trie.tile(keys, run_end, resolve)
    position = 0
    for start, length, outcome in moves:
        assert start >= position, "matches overlap or are out of order"
        assert start + length - 1 <= run_end[start], "a match crosses a full stop"
        assert (start, length) not in refused
        assert outcome == ("outcome", terms.index(tuple(keys[start:start + length])))
        position = start + length
    score = (sum(length for _, length, _ in moves), -len(moves))
    assert score == reference(terms, keys, run_end, refused)
    assert len(calls) == len(set(calls)), "a candidate was resolved twice"


def test_longest_match_wins_and_readings_covering_more_words_win():
    terms = [("nato",), ("nato", "secretary", "general"), ("secretary", "general"),
             ("president", "lee"), ("lee", "jae", "myung")]
    trie = make_trie(terms)
    keys = "the nato secretary general met president lee jae myung".split()
    run_end = [len(keys) - 1] * len(keys)
    moves = trie.tile(keys, run_end, lambda payload, i, n: payload)
    assert [(i, n, terms[p]) for i, n, p in moves] == [
        (1, 3, ("nato", "secretary", "general")),
        (6, 3, ("lee", "jae", "myung")),  # not "President Lee" + a stray "jae myung"
    ]


def test_between_equal_readings_the_leftmost_wins():
    trie = make_trie([("a", "b"), ("b", "c")])
    assert trie.tile(["a", "b", "c"], [2] * 3, lambda p, i, n: p) == [(0, 2, 0)]
    assert trie.tile(["x", "a", "b", "c", "y"], [4] * 5, lambda p, i, n: p) == [(1, 2, 0)]


def test_a_lone_match_takes_its_longest_reading():
    trie = make_trie([("a",), ("a", "b"), ("a", "b", "c")])
    assert trie.tile(["a", "b", "c", "d"], [3] * 4, lambda p, i, n: p) == [(0, 3, 2)]
    assert trie.tile(["a", "b", "d"], [2] * 3, lambda p, i, n: p) == [(0, 2, 1)]
    assert trie.tile(["a", "b", "c"], [1] * 3, lambda p, i, n: p) == [(0, 2, 1)]  # a full stop


def test_a_refused_reading_gives_way_to_the_next_best():
    terms = [("us",), ("us", "forces")]
    trie = make_trie(terms)
    keys = ["us", "forces"]
    moves = trie.tile(keys, [1, 1], lambda p, i, n: None if n == 2 else p)
    assert moves == [(0, 1, 0)]
    assert trie.tile(keys, [0, 1], lambda p, i, n: p) == [(0, 1, 0)]  # a full stop
    nested = make_trie([("a",), ("a", "b"), ("a", "b", "c")])
    assert nested.tile(["a", "b", "c"], [2] * 3, lambda p, i, n: None if n == 3 else p) == \
        [(0, 2, 1)]  # the next longest, not the shortest
    assert nested.tile(["a", "b", "c", "a"], [3] * 4, lambda p, i, n: None if n == 3 else p) == \
        [(0, 2, 1), (3, 1, 0)]  # the same, settled when the next match begins


def test_nothing_to_find():
    assert WordTrie().tile(["a", "b"], [1, 1], lambda *a: a) == []
    assert make_trie([("a", "b")]).tile([], [], lambda *a: a) == []
    assert make_trie([("a",)]).tile(["a"], [0], lambda p, i, n: p) == [(0, 1, 0)]


def test_an_empty_key_sequence_is_refused():
    with pytest.raises(ValueError):
        WordTrie().insert((), 0)


@st.composite
def pairs(draw):
    """Two overlapping starts with their readings (longest first) and some refused readings."""
    p = draw(st.integers(0, 3))
    q = p + draw(st.integers(1, 3))
    first = sorted(draw(st.sets(st.integers(1, 6), min_size=1, max_size=3)), reverse=True)
    if p + first[0] <= q:
        first[0] = q - p + draw(st.integers(1, 3))
        first = sorted(set(first), reverse=True)
    second = sorted(draw(st.sets(st.integers(1, 6), min_size=1, max_size=3)), reverse=True)
    refused = draw(st.sets(st.sampled_from([(p, n) for n in first] + [(q, n) for n in second])))
    return p, first, q, second, refused


@settings(max_examples=500, deadline=None)
@given(pairs())
def test_the_two_start_shortcut_decides_as_the_dynamic_programme(case):
    from xlate.english import tiling

    p, first, q, second, refused = case

    def settle(general: bool):
        cluster = {p: [(n, f"a{n}") for n in first], q: [(n, f"b{n}") for n in second]}
        moves, calls = [], []

        def resolve(payload, i, n):
            calls.append((i, n))
            return None if (i, n) in refused else payload

        tiling._settle(cluster, resolve, moves, {} if general else None)
        assert len(calls) == len(set(calls))
        return moves

    assert settle(general=False) == settle(general=True)
