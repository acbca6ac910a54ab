"""Messages on stderr are best effort: a stream that cannot be written never changes the outcome.

Why: ``compare`` reports what happened through its exit code (documented in
``cli``) and its files; the stderr lines only explain.  When stderr is
closed (``2>&-``, so Python sets ``sys.stderr`` to None), on a full disk
(``2>>run.log``) or a pipe whose reader has gone, writing a progress line
raised, and a report that was written correctly ended as "internal error"
(exit 1), or a disk-full failure as 1 instead of 5.  Inside
``best_effort_streams`` such a stream drops what it cannot write instead.
Standard output is only replaced when it is closed: what a command prints
there is its data, and a failure to write it must still show (see
``cli.run``).
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from compare.model import InputProblem

# Characters a terminal acts on or that reorder or hide text: C0 controls but
# tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and
# isolates, line and paragraph separators, and other invisible format
# characters (category Cf) but the joiners scripts and emoji need.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e"
    "\u2060-\u206f\ufeff\ufff9-\ufffb]"
)


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: controls and bidi overrides shown, not obeyed.

    Why one function: article text (and file names) reach the terminal in
    ``compare diff`` and in stderr lines, and an ``ESC[2J`` there cleared the
    screen, ``ESC]52;…`` wrote the clipboard, and U+202E reversed the line.
    C0 controls become their Unicode control pictures (``␛`` for ESC), as
    rich does for the few it escapes; every other unsafe character becomes
    ``<U+XXXX>``.  Tab and newline are kept.

    >>> visible("a\\x1b[2Jb\\u202ec\\td")
    'a␛[2Jb<U+202E>c\\td'
    """
    return _UNSAFE.sub(_shown, text) if _UNSAFE.search(text) else text


def _shown(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"<U+{code:04X}>"


def report_problems(problems: Sequence[InputProblem]) -> None:
    """One parseable stderr line per skipped input.

    Why here: ``compare report``, ``stories`` and ``diff`` all print them, so
    the line's form lives below every command (issue #17: ``terminal`` had to
    import it from ``commands``, which imports ``terminal``).
    """
    for problem in problems:
        print(visible(f"compare: skipped: {problem.path}: {problem.message}"), file=sys.stderr)


def quiet_broken_pipe() -> None:
    """Point standard output at ``/dev/null`` after its reader went away (``| head``).

    Why: Python's own exit flushes stdout again and reports the broken pipe
    (exit 120); the reader has all it wanted, so the command ends quietly
    with the exit code it would have had.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class BestEffort(io.TextIOBase):
    """A text stream that forwards to ``stream`` until a write fails, then drops everything.

    >>> import io
    >>> class Full(io.StringIO):
    ...     def write(self, text):
    ...         raise OSError(28, "No space left on device")
    >>> out = BestEffort(Full())
    >>> out.write("compare: wrote report.pdf\\n"), out.failed, out.isatty()
    (26, True, False)
    >>> BestEffort(None).write("dropped")
    7
    """

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream
        self.failed = stream is None

    def write(self, text: str) -> int:
        if not self.failed and self._stream is not None:
            try:
                self._stream.write(text)
            except (OSError, ValueError):  # full, closed, or a broken pipe
                self.failed = True
        return len(text)

    def flush(self) -> None:
        if not self.failed and self._stream is not None:
            try:
                self._stream.flush()
            except (OSError, ValueError):
                self.failed = True

    def isatty(self) -> bool:
        try:
            return not self.failed and self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        """The wrapped stream's descriptor (a terminal check, ``faulthandler``)."""
        if self._stream is None:
            raise io.UnsupportedOperation("stderr is closed")
        return self._stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"


@contextlib.contextmanager
def best_effort_streams() -> Iterator[None]:
    """stderr as ``BestEffort`` (stdout too when it is closed) for the block; restored after."""
    saved = sys.stdout, sys.stderr
    sys.stderr = BestEffort(sys.stderr)
    if sys.stdout is None:
        sys.stdout = BestEffort(None)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
