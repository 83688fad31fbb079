"""Sharing inputs among worker processes: order kept, state inherited, one process when fork
is unavailable."""

from __future__ import annotations

import multiprocessing
import os

from xlate.jobs import workers


def _square_with_state(chunk):
    base = workers.state()
    return [(base + n * n, os.getpid()) for n in chunk]


def test_results_come_back_in_input_order_from_each_way_of_running():
    inputs = list(range(100))
    expected = [10 + n * n for n in inputs]
    for processes in (1, 2, 3):
        seen = []
        out = workers.run(inputs, _square_with_state, processes=processes, shared=10,
                          done=seen.extend)
        assert [value for value, _ in out] == expected
        assert seen == out
        pids = {pid for _, pid in out}
        assert (pids == {os.getpid()}) is (processes == 1)
    assert workers.state() is None  # nothing lingers after a run


def test_how_many_processes(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    assert workers.count(None, 3) == 1  # too few inputs to repay a process
    assert workers.count(None, 16) == 2
    assert workers.count(None, 1000) == 4
    assert workers.count(3, 2) == 2
    assert workers.count(1, 1000) == 1
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert workers.count(4, 1000) == 1  # no fork: the state could not be inherited


def test_nothing_to_do():
    assert workers.run([], _square_with_state, processes=2, shared=0) == []
