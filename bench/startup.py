"""Start-up time of the `xlate` command, as a ratio to a bare Python start-up measured alongside.

The machine is shared and noisy, so each command is run interleaved with the reference, many
times, and medians are compared. Usage: python bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   cwd=ROOT)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    exe = shutil.which("xlate", path=str(ROOT / ".venv" / "bin") + os.pathsep
                       + os.environ.get("PATH", ""))
    if exe is None:
        print("xlate is not installed", file=sys.stderr)
        return 2
    reference = [sys.executable, "-c", "pass"]
    commands = {
        "xlate --version": [exe, "--version"],
        "xlate --help": [exe, "--help"],
        "xlate glossary validate": [exe, "glossary", "validate"],
        "xlate glossary list": [exe, "glossary", "list"],
    }
    print(f"{'command':<26}{'median s':>10}{'python -c pass':>16}{'ratio':>8}")
    for name, cmd in commands.items():
        ours, ref = [], []
        for _ in range(args.runs):
            ref.append(_time(reference))
            ours.append(_time(cmd))
        m_ours, m_ref = statistics.median(ours), statistics.median(ref)
        print(f"{name:<26}{m_ours:>10.3f}{m_ref:>16.3f}{m_ours / m_ref:>8.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
