"""Sharing a command's inputs among worker processes, for `--jobs N`.

The workers are forked after `run` has set the shared state (a compiled matcher, the options),
so they inherit it: nothing is rebuilt and nothing large is sent through a pipe, only the
inputs, in small chunks, and the results, which come back in input order. Where processes
cannot be forked (Windows), and whenever one process is asked for or enough, the work runs
here, in this process, through the same function: the output never depends on the number.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

_STATE: Any = None


def state() -> Any:
    """What `run` was given to share, in this process or in a worker."""
    return _STATE


def count(jobs: int | None, inputs: int, *, per_process: int = 8) -> int:
    """How many processes: as asked, never more than there are inputs, one without fork. By
    default (None), one per core once there are `per_process` inputs for each to repay its
    start."""
    if jobs is None:
        jobs = min(os.cpu_count() or 1, inputs // per_process)
    if jobs <= 1 or inputs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(jobs, inputs)


def run(inputs: Sequence[In], work: Callable[[list[In]], list[Out]], *, processes: int,
        shared: Any, done: Callable[[list[Out]], None] | None = None) -> list[Out]:
    """`work` over `inputs` in chunks, in `processes` processes; results in input order.
    `work` is a module-level function (workers find it by name) that reads `state()`;
    `done` is told each chunk's results as they arrive (a progress bar)."""
    global _STATE
    _STATE = shared
    try:
        if processes <= 1:
            size = 1 if done else max(1, len(inputs))
            chunks = [list(inputs[i:i + size]) for i in range(0, len(inputs), size)]
            results = map(work, chunks)
            return _collect(results, done)
        from concurrent.futures import ProcessPoolExecutor

        # Small chunks: the workers stay busy to the end; map() keeps the order.
        size = max(1, min(16, len(inputs) // (processes * 8)))
        chunks = [list(inputs[i:i + size]) for i in range(0, len(inputs), size)]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            return _collect(pool.map(work, chunks), done)
    finally:
        _STATE = None


def _collect(chunks, done: Callable[[list[Out]], None] | None) -> list[Out]:
    out: list[Out] = []
    for chunk in chunks:
        out += chunk
        if done:
            done(chunk)
    return out
