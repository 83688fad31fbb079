"""Phase timings for benchmarks: with `XLATE_TIMINGS=1` in the environment, each timed phase
prints `xlate-timing NAME SECONDS` to standard error (bench/cli_scale.py reads them). Without
it, a phase costs one dictionary lookup."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def phase(name: str) -> Iterator[None]:
    if not os.environ.get("XLATE_TIMINGS"):
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        print(f"xlate-timing {name} {time.perf_counter() - start:.4f}", file=sys.stderr)
