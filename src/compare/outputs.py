"""The only code that writes files: atomically, with normal permissions.

Why: a report that people attach to a review must never be half written.
Each file goes to a temp file in the same folder, is fsynced, given the
permissions a plain ``open`` would give (``mkstemp`` makes 0600), then
``os.replace``d over the old one, and the folder is fsynced.  A killed run
leaves only a ``.NAME.PID.XXXX.tmp`` file, which the next run sweeps when
its process is gone.  ``atomic_write_many`` writes one story's files as a
set: every temp file first, then the renames with SIGINT/SIGTERM held back,
so an interrupt never leaves a mix of old and new files of one story.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from compare.errors import OutputError

# ``.report.pdf.1234.k3j_x9.tmp``: our temp files (the PID is optional, as in
# files left by older versions); only these names are ever swept.
_OUR_NAMES = (
    r"report\.pdf|report\.html|report\.json|handout\.pdf|index\.html|stories\.json|probe"
    r"|review\.json|findings\.csv"
)
_TEMP = re.compile(rf"^\.(?:{_OUR_NAMES})\.(?:(\d+)\.)?[^./]+\.tmp$")
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or raise ``OutputError``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write(p, b"hi"); p.read_bytes()
    b'hi'
    """
    atomic_write_many([(path, data)])


def atomic_write_many(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write every file to a temp first, then rename them all; or raise ``OutputError``.

    On any failure or interrupt before the renames, every temp is removed and
    every old file is left as it was.  The renames run with SIGINT and SIGTERM
    held back (delivered right after), so they are never half done.
    """
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            temps.append((_write_temp(path, data, temps), path))
        with _signals_held():
            for tmp, path in temps:
                try:
                    os.replace(tmp, path)
                except OSError as exc:
                    raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
    except BaseException:
        for tmp, _path in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    for folder in dict.fromkeys(path.parent for _tmp, path in temps):
        _fsync_dir(folder)


def _write_temp(path: Path, data: bytes, temps: list[tuple[str, Path]]) -> str:
    """A complete, fsynced temp file beside ``path`` with plain-``open`` permissions."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
        raise
    return tmp


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Defer SIGINT/SIGTERM for the block; a signal received meanwhile is re-raised at its end.

    Why Python-level handlers rather than a signal mask: a mask only holds the
    signal for the calling thread, and a process signal may be delivered to any
    thread whose mask allows it; Python then runs its handler in the main
    thread anyway, in the middle of the renames.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    received: list[int] = []

    def hold(signum: int, _frame: object) -> None:
        received.append(signum)

    previous = {s: signal.signal(s, hold) for s in _HELD_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if received:
            signal.raise_signal(received[0])


def _reason(exc: OSError) -> str:
    if exc.errno == errno.EFBIG:
        return "File too large"
    return exc.strerror or str(exc)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sweep_stale_temps(folder: Path) -> list[Path]:
    """Remove temp files left by killed runs (their process is gone); return them.

    Looks only where ``compare`` writes: ``folder`` and its story folders one
    level down (never following links), and only at our own temp names.
    """
    swept: list[Path] = []
    for place in [folder, *_subfolders(folder)]:
        try:
            entries = sorted(os.scandir(place), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            match = _TEMP.match(entry.name)
            if not match or not entry.is_file(follow_symlinks=False):
                continue
            if match.group(1) is not None and _pid_alive(int(match.group(1))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                swept.append(Path(entry.path))
    return swept


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(Path(e.path) for e in os.scandir(folder) if e.is_dir(follow_symlinks=False))
    except OSError:
        return []


def check_writable(folder: Path) -> None:
    """Pre-flight: the output folder exists (or can be made) and takes a file."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"output folder {folder} is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=f".probe.{os.getpid()}.", suffix=".tmp", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"output folder {folder} is not writable: {_reason(exc)}") from exc
