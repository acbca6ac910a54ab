"""Finding input files and reading their bytes without being tricked.

Why so careful: inputs come from other people's folders.  A FIFO or
``/dev/zero`` named ``x.txt`` would hang or exhaust memory, a 200 MB file
would take an hour to lay out, and a non-UTF-8 file name would crash the
report writers later.

Policy:

* A folder expands to the article files directly inside it (``*.txt``,
  ``*.md``, saved web pages ``*.html``/``*.htm``, article records ``*.json``
  and JSON Lines archives ``*.jsonl``), sorted by name; sub-folders (hidden
  or not) are never searched.  Dotfiles,
  ``*.tmp`` (our own interrupted writes), our own outputs (``report.html``
  and friends) and sources manifests are never articles.  A file named on
  the command line is read whatever its extension, unless it is one of those.
* Symbolic links are followed to regular files, wherever the target lives
  (the user pointed at the link).  A link loop, a broken link and anything
  that is not a regular file after following links (FIFO, socket, device,
  directory) is listed as a problem **without being opened**: ``os.stat``
  then ``S_ISREG`` decide before ``open``, which also uses ``O_NONBLOCK`` and
  re-checks with ``fstat`` in case the file was swapped in between.
* Size is checked with ``stat`` before reading and again while reading, so a
  file that grows cannot get past the cap.  A JSON Lines archive has its own,
  larger file cap (``ingest.records``) and the article cap per record, so it
  is opened with ``open_regular`` and streamed instead of read whole.
* The same file reached twice (two arguments, a hard link) is read once.
  Article ids are file names without extension; equal ids from different
  folders get ``-2``, ``-3`` … in sorted path order, with a notice.
* Names are shown with undecodable bytes as ``\\xNN`` and control
  characters escaped, so every later writer can encode them.
"""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from compare.errors import UsageError
from compare.model import InputProblem, Notice

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".docx", ".pdf")
ARTICLE_PATTERNS = ", ".join(f"*{s}" for s in ARTICLE_SUFFIXES)
OUTPUT_NAMES = frozenset(
    {
        "report.html",
        "report.json",
        "report.pdf",
        "handout.pdf",
        "stories.json",
        "index.html",
        "review.json",
    }
)
MANIFEST_NAMES = ("sources.yaml", "sources.yml", "sources.csv")
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True)
class Candidate:
    """A file to try as an article: where to open it, how to show it, its id."""

    path: Path
    display: str
    id: str


@dataclass(frozen=True)
class Discovery:
    """Files to read, in sorted order, and what was noticed while listing."""

    candidates: tuple[Candidate, ...]
    folders: tuple[Path, ...]  # where a sources manifest may sit
    problems: tuple[InputProblem, ...] = ()
    notices: tuple[Notice, ...] = ()


def display_path(path: Path | str) -> str:
    r"""A printable, encodable form of a path.

    >>> display_path(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    out = []
    for ch in str(path):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, via surrogateescape
            out.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        elif code < 0x20 or 0x7F <= code <= 0x9F:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    return "".join(out)


def discover(paths: Sequence[Path]) -> Discovery:
    """List the candidate article files under ``paths``.

    Raises ``UsageError`` only for a path that does not exist at all.
    """
    found: list[Path] = []
    folders: list[Path] = []
    problems: list[InputProblem] = []
    notices: list[Notice] = []
    for given in paths:
        given = Path(given)
        unreachable = _lstat_error(given)
        if unreachable is not None and not isinstance(unreachable, PermissionError):
            what = "file" if given.suffix.lower() in ARTICLE_SUFFIXES else "folder"
            raise UsageError(f"input {what} '{display_path(given)}' not found")
        if unreachable is not None:
            # A folder on its way cannot be searched: an unreadable input is listed,
            # never the end of the run for the others.
            message = f"cannot be reached: {reason(unreachable)}"
            problems.append(InputProblem(display_path(given), message))
            continue
        if given.is_dir():
            folders.append(given)
            listed = _list_folder(given, problems)
            if listed is not None and not listed:
                msg = f"no article files ({ARTICLE_PATTERNS}) in {display_path(given)}"
                notices.append(Notice(display_path(given), msg))
            found.extend(listed or [])
        elif (why := _not_article(given.name)) is not None:
            notices.append(Notice(display_path(given), f"skipped: {why}"))
        else:
            folders.append(given.parent)
            found.append(given)
    candidates = _unique(sorted(found, key=display_path), notices)
    return Discovery(
        tuple(candidates), tuple(dict.fromkeys(folders)), tuple(problems), tuple(notices)
    )


def input_missing(path: Path) -> bool:
    """Is there nothing at ``path``?  Not so when a folder on its way cannot be searched.

    Why not ``os.path.lexists``: it answers False for a file behind a folder
    without search permission, which then read as a mistyped path (exit 2)
    instead of an input that cannot be read (listed, the rest reported).
    """
    error = _lstat_error(path)
    return error is not None and not isinstance(error, PermissionError)


def _lstat_error(path: Path) -> OSError | None:
    """Why ``path`` itself cannot be looked at (not followed if a link), or None."""
    try:
        os.lstat(path)
    except OSError as exc:
        return exc
    return None


def _not_article(name: str) -> str | None:
    low = name.lower()
    if low.endswith(".tmp"):
        return "a temporary file"
    if low.startswith("."):
        return "a hidden file"
    if low in OUTPUT_NAMES:
        return "an output of compare, not an article"
    if low in MANIFEST_NAMES:
        return "a sources manifest, not an article"
    return None


def _list_folder(folder: Path, problems: list[InputProblem]) -> list[Path] | None:
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        problems.append(InputProblem(display_path(folder), f"cannot list folder: {reason(exc)}"))
        return None
    return [
        folder / name
        for name in names
        if os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES and _not_article(name) is None
    ]


READ_ONCE = "read once"  # the end of the notice for a file reached twice


def check_sources_file(path: Path | None) -> None:
    """Raise ``UsageError`` when a ``--sources`` file is given and does not exist."""
    if path is not None and not Path(path).exists():
        raise UsageError(f"sources file '{display_path(path)}' not found")


def _unique(paths: list[Path], notices: list[Notice]) -> list[Candidate]:
    """One candidate per file, with distinct ids; deterministic for a set of paths."""
    seen: dict[tuple[int, int], str] = {}
    repeats: Counter[str] = Counter()  # the very same path given again: one notice
    taken: set[str] = set()
    out: list[Candidate] = []
    for path in sorted(paths, key=lambda p: (_stem(p), display_path(p))):
        shown = display_path(path)
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = None  # reading will report why
        if key is not None and key in seen:
            if seen[key] == shown:
                repeats[shown] += 1
            else:
                notices.append(Notice(shown, f"same file as '{seen[key]}'; {READ_ONCE}"))
            continue
        if key is not None:
            seen[key] = shown
        article_id = base = _stem(path)
        n = 1
        while article_id in taken:
            n += 1
            article_id = f"{base}-{n}"
        if article_id != base:
            notices.append(Notice(shown, f"another file is also named '{base}'; id '{article_id}'"))
        taken.add(article_id)
        out.append(Candidate(path, shown, article_id))
    for shown, extra in sorted(repeats.items()):
        notices.append(Notice(shown, f"given {extra + 1} times; {READ_ONCE}"))
    return sorted(out, key=lambda c: c.display)


def _stem(path: Path) -> str:
    return display_path(os.path.splitext(path.name)[0] or path.name)


def size_text(n: int) -> str:
    """``1048576`` -> ``1 MiB``: how limits are shown to people."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n:,} bytes"


TOO_BIG_HINT = "use --max-article-bytes"


def open_regular(
    path: Path, *, max_bytes: int, hint: str = TOO_BIG_HINT
) -> tuple[int, os.stat_result] | str:
    """An open descriptor of a regular file no larger than ``max_bytes`` and its
    ``fstat``, or a message saying why it was not opened.  The caller closes it.
    """
    try:
        before = os.stat(path)
    except OSError as exc:
        return reason(exc, path)
    if (why := _refuse(before, max_bytes, hint)) is not None:
        return why
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return reason(exc, path)
    try:
        opened = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        return reason(exc, path)
    if (why := _refuse(opened, max_bytes, hint)) is not None:
        os.close(fd)
        return f"changed between listing and reading: {why}"
    return fd, opened


def changed_since(fd: int, opened: os.stat_result) -> bool:
    """Whether the open file's size or modification time moved since ``opened``."""
    after = os.fstat(fd)
    return (after.st_size, after.st_mtime_ns) != (opened.st_size, opened.st_mtime_ns)


def read_regular(path: Path, *, max_bytes: int, hint: str = TOO_BIG_HINT) -> bytes | str:
    """The bytes of a regular file, or a message saying why it was not read."""
    result = open_regular(path, max_bytes=max_bytes, hint=hint)
    if isinstance(result, str):
        return result
    fd, opened = result
    try:
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes and (chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
        changed = changed_since(fd, opened)
    except OSError as exc:
        return reason(exc, path)
    finally:
        os.close(fd)
    if total > max_bytes:
        return f"larger than {size_text(max_bytes)} limit; {TOO_BIG_HINT}"
    if changed:
        return "changed while it was being read; try again"
    return b"".join(chunks) if total else "empty file"


def _refuse(st: os.stat_result, max_bytes: int, hint: str = TOO_BIG_HINT) -> str | None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((name for test, name in _KINDS if test(st.st_mode)), "not a regular file")
        return f"not a regular file ({kind}); skipped without opening"
    if st.st_size > max_bytes:
        return f"larger than {size_text(max_bytes)} limit; {hint}"
    if st.st_size == 0:
        return "empty file"
    return None


def reason(exc: OSError, path: Path | None = None) -> str:
    """A short, plain reason for an ``OSError`` met while listing or reading."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        if path is not None and os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        return "vanished (removed after it was listed)"
    return f"cannot read: {exc.strerror or type(exc).__name__}"
