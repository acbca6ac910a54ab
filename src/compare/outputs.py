"""The only code that writes files: atomically, with normal permissions.

Why: a report that people attach to a review must never be half written.
Each file goes to a temp file in the same folder, is fsynced, given the
permissions a plain ``open`` would give (``mkstemp`` makes 0600), then
``os.replace``d over the old one, and the folder is fsynced.  A killed run
leaves only a ``.NAME.PID.XXXX.tmp`` file, which the next run sweeps when
its process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from compare.errors import OutputError

_TEMP = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


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
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
        raise
    _fsync_dir(folder)


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
    """Remove temp files left by killed runs (their process is gone); return them."""
    swept: list[Path] = []
    if not folder.is_dir():
        return swept
    for entry in folder.rglob(".*.tmp"):
        match = _TEMP.match(entry.name)
        if match and entry.is_file() and not _pid_alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                entry.unlink()
                swept.append(entry)
    return swept


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
