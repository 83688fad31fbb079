"""File writing that never loses work: no half-written file, no silent overwrite.

Every file xlate writes goes through `atomic_write`:
- the new content goes to a temporary file in the same folder (`.NAME.XXXXXXXX.tmp`), is
  flushed to disk, takes the mode (and, for root, the owner) of the file it replaces, and is
  renamed over it: afterwards the old content or the new one is there, never a mix;
- a read-only file is not replaced (`msgmerge -U` and editors refuse it too): make it
  writable to let xlate change it. (root may write anything, as with msgmerge);
- writers of one folder take turns (an advisory lock on the folder, where the system has
  `flock`), and a caller that read the file first passes what it read as `expected`: when
  another program changed the file in between, nothing is written and the error says so, so
  two `xlate update` runs, or an editor saving during one, never lose each other's work;
- a temporary file left by a run that was killed is removed by the next write to that file.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from xlate.errors import XlateError


def atomic_write(path: str | os.PathLike[str], data: bytes | str, *,
                 expected: bytes | None = None, new: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    `expected`: the bytes the caller read from `path` before computing `data`; when the file
    no longer holds them, another program changed it meanwhile, and nothing is written.
    `new`: `path` must not exist; the file appears whole (a hard link of the temporary file,
    which fails rather than replace a file another program made meanwhile).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise XlateError(f"cannot write: {exc.strerror or exc}", path=str(target)) from exc
    with _turn(folder):
        _remove_leftovers(folder, target.name)
        try:
            current = os.stat(target)
        except FileNotFoundError:
            current = None
        except OSError as exc:
            raise XlateError(f"cannot write: {exc.strerror or exc}", path=str(target)) from exc
        if new and current is not None:
            raise _exists(str(target))
        if current is not None and not os.access(target, os.W_OK):
            raise XlateError("read-only: not changed (make it writable to let xlate write "
                             "it)", path=str(target))
        if expected is not None and _content(target) != expected:
            raise XlateError("changed by another program while xlate was working on it: not "
                             "written, run the command again", path=str(target))
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise XlateError(f"cannot write: {exc.strerror or exc}", path=str(target)) from exc
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, current.st_mode & 0o7777 if current is not None else 0o644)
            if current is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
                with contextlib.suppress(OSError):  # root keeps the translator's ownership
                    os.chown(tmp, current.st_uid, current.st_gid)
            if new:
                try:
                    os.link(tmp, target)
                except FileExistsError:
                    raise _exists(str(target)) from None
                os.unlink(tmp)
            else:
                os.replace(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise XlateError(f"cannot write: {exc.strerror or exc}",
                                 path=str(target)) from exc
            raise


def check_new(path: Path, shown: str) -> None:
    """Refuse, before any work, a path for `atomic_write(new=True)` that exists or whose
    folder does not (the write checks existence again, atomically)."""
    if path.exists() or path.is_symlink():
        raise _exists(shown)
    folder = path.parent
    if not folder.exists():
        raise XlateError(f"no such folder: {folder.as_posix()}", path=shown)
    if not folder.is_dir():
        raise XlateError(f"not a folder: {folder.as_posix()}", path=shown)


def _exists(shown: str) -> XlateError:
    return XlateError("already exists: not changed (xlate writes this to a new file only; "
                      "choose another name)", path=shown)


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


@contextlib.contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold the folder's advisory lock (flock on the folder itself: no lock file is left
    behind); where there is no flock (Windows) or the folder cannot be opened, go on."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _remove_leftovers(folder: Path, name: str) -> None:
    """Temporary files of `name` left by a killed run. Writers make theirs while holding the
    folder's lock, which the caller holds now, so any such file is a leftover."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if pattern.fullmatch(entry.name):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
