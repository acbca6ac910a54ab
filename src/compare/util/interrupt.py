"""A stop request (Ctrl-C, SIGTERM) that is not lost when the exception is swallowed.

Why: the signal handler raises ``KeyboardInterrupt`` wherever the main
thread happens to be, and when that is a ``__del__`` method (the ``regex``
package frees its objects there) Python prints "Exception ignored" and goes
on: the run then finished and replaced the reports, exit 0, after a Ctrl-C.
The handler also records the request here; the writer checks it before it
renames anything (``outputs.atomic_write_many``) and the command line
before it reports success, so a stop request always ends the run unwritten.
"""

from __future__ import annotations

import signal

_requested: list[int] = []  # the signal numbers received, in order


def request(signum: int) -> None:
    """Record a stop request for ``signum`` and raise ``KeyboardInterrupt``."""
    _requested.append(signum)
    raise KeyboardInterrupt


def requested() -> int | None:
    """The first stop signal received in this process, or None."""
    return _requested[0] if _requested else None


def check() -> None:
    """Raise ``KeyboardInterrupt`` when a stop was requested (even if it was swallowed)."""
    if _requested:
        raise KeyboardInterrupt


def exit_code() -> int:
    """128 + the stop signal's number, the shell's convention (130 for Ctrl-C, 143 for SIGTERM)."""
    return 128 + (requested() or signal.SIGINT)


def forget() -> None:
    """Clear the record (tests, and a forked process that starts afresh)."""
    _requested.clear()
