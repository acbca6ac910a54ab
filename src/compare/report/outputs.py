"""The only code that writes files: atomically, with normal permissions, never through links.

Why: a report that people attach to a review must never be half written.
Each file goes to a temp file in the same folder, is fsynced, given the
permissions a plain ``open`` would give, then ``os.replace``d over the old
one, and the folder is fsynced.  ``atomic_write_many`` writes one story's
files as a set: every temp file first, then the renames with SIGINT/SIGTERM
held back, so an interrupt never leaves a mix of old and new files of one
story.

Links (issue #19): below the output folder the caller names as ``root``,
every folder is created and opened without following symbolic links
(``O_NOFOLLOW`` on a folder descriptor, then ``*at`` calls relative to it),
so an existing ``OUT/<story>`` link to an input folder or anywhere else is
refused, never written through; the file itself is replaced by a rename,
which replaces a link rather than following it.

Temp names: ``.NAME.HOST.PID.RANDOM.tmp``, where HOST is a short token of
this machine and PID namespace.  A killed run leaves such a file; the next
run sweeps it when it is provably this host's and its process is gone, or
when it is older than ``STALE_AGE_S`` (a temp lives for seconds, so a day
is generous), and never a live writer's temp from another host sharing
the folder (``--scheduler``).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import re
import secrets
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from compare.errors import OutputError
from compare.util import interrupt

_OUR_NAMES = (
    r"report\.pdf|report\.html|report\.json|handout\.pdf|findings\.csv|index\.html"
    r"|stories\.json|probe|review\.json"
)
# ``.report.pdf.1a2b3c4d.1234.k3j_x9.tmp`` (host token, PID, random); older
# versions wrote ``.report.pdf.1234.k3j_x9.tmp`` or no PID at all.
_TEMP = re.compile(rf"^\.(?:{_OUR_NAMES})\.(?:(?P<host>[0-9a-f]{{8}})\.(?P<pid>\d+)\.)?[^/]+\.tmp$")
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM}
STALE_AGE_S = 24 * 3600  # a temp of another host (or an older version) is swept after this
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NEW_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


@functools.cache
def host_token() -> str:
    """Eight hex digits naming this machine and PID namespace, for temp names.

    Why more than the host name: two containers may share a host name but not
    their PIDs; the kernel's boot id and the PID namespace's inode tell them
    apart, so a PID in a temp name is only ever checked where it means
    something.

    >>> len(host_token()), host_token() == host_token()
    (8, True)
    """
    parts = [socket.gethostname()]
    for source in ("/proc/sys/kernel/random/boot_id",):
        with contextlib.suppress(OSError):
            parts.append(Path(source).read_text(encoding="ascii").strip())
    with contextlib.suppress(OSError):
        parts.append(str(os.stat("/proc/self/ns/pid").st_ino))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "replace")).hexdigest()[:8]


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


def atomic_write(path: Path, data: bytes, *, root: Path | None = None) -> None:
    """Replace ``path`` with ``data`` all at once, or raise ``OutputError``.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> atomic_write(p, b"hi"); p.read_bytes()
    b'hi'
    """
    atomic_write_many([(path, data)], root=root)


def atomic_write_many(files: Sequence[tuple[Path, bytes]], *, root: Path | None = None) -> None:
    """Write every file to a temp first, then rename them all; or raise ``OutputError``.

    ``root`` is the folder the user chose (``--out``): it may itself be a
    link, but every folder between it and a file is created and entered
    without following links (a link there is an ``OutputError``).  Without
    ``root``, each file's own folder is the root.  On any failure or
    interrupt before the renames, every temp is removed and every old file
    is left as it was.  The renames run with SIGINT and SIGTERM held back
    (delivered right after), so they are never half done.
    """
    folders: dict[Path, int] = {}
    temps: list[tuple[int, str, Path]] = []
    try:
        for path, data in files:
            if path.parent not in folders:
                folders[path.parent] = _open_folder(path, root)
            dir_fd = folders[path.parent]
            temps.append((dir_fd, _write_temp(path, data, dir_fd), path))
        interrupt.check()  # a Ctrl-C swallowed earlier still means: replace nothing
        with _signals_held():
            for dir_fd, tmp, path in temps:
                try:
                    os.replace(tmp, path.name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
                except OSError as exc:
                    raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
        for dir_fd in folders.values():
            with contextlib.suppress(OSError):
                os.fsync(dir_fd)
    except BaseException:
        for dir_fd, tmp, _path in temps:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=dir_fd)
        raise
    finally:
        for dir_fd in folders.values():
            with contextlib.suppress(OSError):
                os.close(dir_fd)


def _open_folder(path: Path, root: Path | None) -> int:
    """A descriptor of ``path``'s folder, made and entered below ``root`` without links."""
    top = path.parent if root is None else root
    try:
        parts = path.parent.relative_to(top).parts
    except ValueError:
        top, parts = path.parent, ()
    try:
        top.mkdir(parents=True, exist_ok=True)
        fd = os.open(top, _FOLDER_FLAGS)
    except OSError as exc:
        raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
    here = top
    for part in parts:
        here = here / part
        try:
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, 0o777, dir_fd=fd)
            child = os.open(part, _FOLDER_FLAGS | _NOFOLLOW, dir_fd=fd)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.ELOOP, errno.ENOTDIR) and os.path.islink(here):
                raise OutputError(
                    f"could not write {path}: {here} is a symbolic link; compare never "
                    "writes through links (remove it or choose another --out)"
                ) from exc
            raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
        os.close(fd)
        fd = child
    return fd


def temp_name(name: str) -> str:
    """A fresh temp file name for ``name``: ``.NAME.HOST.PID.RANDOM.tmp``.

    >>> bool(_TEMP.match(temp_name("report.pdf")))
    True
    """
    return f".{name}.{host_token()}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _write_temp(path: Path, data: bytes, dir_fd: int) -> str:
    """A complete, fsynced temp file beside ``path`` with plain-``open`` permissions.

    Created with ``O_EXCL | O_NOFOLLOW`` and mode 0o666 less the umask, as a
    plain ``open`` would (``mkstemp`` makes 0600).
    """
    while True:
        tmp = temp_name(path.name)
        try:
            fd = os.open(tmp, _NEW_FILE_FLAGS, 0o666, dir_fd=dir_fd)
            break
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"could not write {path}: {_reason(exc)}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
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


def sweep_stale_temps(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove temp files left by killed runs; return them.

    Looks only where ``compare`` writes: ``folder`` and its story folders one
    level down (never following links), and only at our own temp names.  A
    temp is stale when this host wrote it and its process is gone, or when it
    is older than ``STALE_AGE_S``; a young temp of another host (a shared
    folder) or of an older version's naming is left alone.
    """
    swept: list[Path] = []
    now = time.time() if now is None else now
    here = host_token()
    for place in [folder, *_subfolders(folder)]:
        try:
            entries = sorted(os.scandir(place), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            match = _TEMP.match(entry.name)
            if not match or not entry.is_file(follow_symlinks=False):
                continue
            try:
                age = now - entry.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            dead_here = match["host"] == here and not _pid_alive(int(match["pid"]))
            if not dead_here and age < STALE_AGE_S:
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
    if folder.is_symlink() and not folder.exists():
        raise OutputError(
            f"output folder {folder} is a symbolic link to {os.readlink(folder)}, which does not "
            "exist; create that folder or choose another --out"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(
            prefix=f".probe.{host_token()}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"output folder {folder} is not writable: {_reason(exc)}") from exc
