"""Writes that cannot lose work (issue 12, point 3): atomic replacement keeping the file's mode,
read-only files refused as msgmerge refuses them (tested as an unprivileged user), temporary
files of killed runs removed by the next run, and a file changed by another program while
xlate worked on it never overwritten."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from xlate.errors import XlateError
from xlate.fsutil import atomic_write

NOBODY = 65534


def as_nobody(job) -> tuple[int, str]:
    """Run `job()` in a forked child as the unprivileged user `nobody`: (exit status, what
    it reported). Needs root to switch user; skipped otherwise (then the suite already runs
    unprivileged, and the tests below that need no switch cover the same code)."""
    if not hasattr(os, "fork") or os.geteuid() != 0:
        pytest.skip("switching to an unprivileged user needs root")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        os.close(read)
        status = 0
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            message = job() or ""
        except BaseException as exc:  # reported to the parent
            message, status = f"{type(exc).__name__}: {exc}", 1
        os.write(write, str(message).encode())
        os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), message


@pytest.fixture
def shared_dir():
    """A folder anyone may write in (pytest's own tmp folders are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="xlate-shared-"))
    folder.chmod(0o777)
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_a_read_only_catalogue_is_refused_for_an_unprivileged_user(shared_dir):
    target = shared_dir / "articles.po"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o444)

    def job():
        try:
            atomic_write(target, "new\n")
        except XlateError as error:
            return str(error)
        return "written"

    status, message = as_nobody(job)
    assert status == 0, message
    assert message == f"{target}: read-only: not changed (make it writable to let xlate write it)"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in shared_dir.iterdir()] == ["articles.po"]  # no temporary file left


def test_a_writable_catalogue_is_replaced_for_an_unprivileged_user(shared_dir):
    target = shared_dir / "articles.po"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o640)

    def job():
        atomic_write(target, "new\n")
        return oct(stat.S_IMODE(target.stat().st_mode))

    status, message = as_nobody(job)
    assert (status, message) == (0, "0o640")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_read_only_folder_cannot_be_written_into_by_an_unprivileged_user(shared_dir):
    folder = shared_dir / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("old\n", encoding="utf-8")
    os.chown(folder / "a.txt", NOBODY, NOBODY)
    folder.chmod(0o555)

    def job():
        try:
            atomic_write(folder / "a.txt", "new\n")
        except XlateError as error:
            return str(error)
        return "written"

    status, message = as_nobody(job)
    assert status == 0 and message.endswith("cannot write: Permission denied"), message
    assert (folder / "a.txt").read_text(encoding="utf-8") == "old\n"


def test_root_writes_as_msgmerge_does_and_keeps_mode_and_owner(tmp_path):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("what root may do")
    target = tmp_path / "articles.po"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o444)
    atomic_write(target, "new\n")
    info = target.stat()
    assert target.read_text(encoding="utf-8") == "new\n"
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (0o444, NOBODY, NOBODY)


def test_a_file_changed_by_another_program_meanwhile_is_not_overwritten(tmp_path):
    target = tmp_path / "articles.po"
    target.write_bytes(b"as read\n")
    read = target.read_bytes()
    target.write_bytes(b"saved by Poedit meanwhile\n")
    with pytest.raises(XlateError, match="changed by another program while xlate was working"):
        atomic_write(target, "merged\n", expected=read)
    assert target.read_bytes() == b"saved by Poedit meanwhile\n"
    atomic_write(target, "merged\n", expected=b"saved by Poedit meanwhile\n")
    assert target.read_bytes() == b"merged\n"


def test_leftovers_of_a_killed_run_are_removed_by_the_next_write(tmp_path):
    target = tmp_path / "articles.po"
    target.write_text("old\n", encoding="utf-8")
    leftovers = [".articles.po.k3j_9x0q.tmp", ".articles.po.abcdefgh.tmp"]
    decoys = [".articles.po.short.tmp", ".other.po.abcdefgh.tmp", "articles.po.abcdefgh.tmp",
              ".articles.po.abcdefgh.tmp.bak"]
    for name in leftovers + decoys:
        (tmp_path / name).write_text("half", encoding="utf-8")
    atomic_write(target, "new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["articles.po", *decoys])


def _stale_project(project: Path) -> Path:
    seed = project / "seeds" / "000_ce24f1a5671597a8.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new closing line.\n",
                    encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "xlate", "extract"], cwd=project,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return project / "locales" / "ko" / "LC_MESSAGES" / "articles.po"


def test_killed_updates_leave_the_old_or_the_new_catalogue_and_no_leftover(project):
    po = _stale_project(project)
    old = po.read_bytes()
    done = subprocess.run([sys.executable, "-m", "xlate", "update", "ko"], cwd=project,
                          capture_output=True)
    assert done.returncode == 0
    new = po.read_bytes()
    assert new != old
    seen = set()
    for delay in (0.05, 0.15, 0.25, 0.35, 0.45, 0.6):
        po.write_bytes(old)
        child = subprocess.Popen([sys.executable, "-m", "xlate", "update", "ko"], cwd=project,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        content = po.read_bytes()
        assert content in (old, new)
        seen.add(content == new)
    done = subprocess.run([sys.executable, "-m", "xlate", "update", "ko"], cwd=project,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert po.read_bytes() == new
    assert not [p.name for p in po.parent.iterdir() if p.name.endswith(".tmp")]


def test_two_updates_of_one_catalogue_never_interleave(project):
    po = _stale_project(project)
    reference = project.parent / "reference"
    subprocess.run(["cp", "-r", str(project), str(reference)], check=True)
    done = subprocess.run([sys.executable, "-m", "xlate", "update", "ko"], cwd=reference,
                          capture_output=True)
    assert done.returncode == 0
    expected = (reference / "locales" / "ko" / "LC_MESSAGES" / "articles.po").read_bytes()
    runs = [subprocess.Popen([sys.executable, "-m", "xlate", "update", "ko"], cwd=project,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(3)]
    results = [(run.wait(), run.stderr.read()) for run in runs]  # type: ignore[union-attr]
    for status, stderr in results:
        assert status == 0 or (status == 2 and "changed by another program" in stderr), stderr
    assert po.read_bytes() == expected
    assert not [p.name for p in po.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_new_file_is_never_written_over_an_existing_one(tmp_path):
    """`atomic_write(new=True)` (glossary suggest --write): an existing file is refused and
    left as it was, a new one appears whole, and no temporary file is left either way."""
    from xlate.errors import XlateError
    from xlate.fsutil import atomic_write

    target = tmp_path / "stubs.toml"
    atomic_write(target, "[[term]]\n", new=True)
    assert target.read_text(encoding="utf-8") == "[[term]]\n"
    with pytest.raises(XlateError, match="already exists"):
        atomic_write(target, "other\n", new=True)
    assert target.read_text(encoding="utf-8") == "[[term]]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stubs.toml"]
