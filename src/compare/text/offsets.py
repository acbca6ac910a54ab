"""Line numbers for character offsets, counted the way editors and ``sed`` do.

Why our own: ``str.splitlines`` also breaks on FF, VT, U+0085, U+2028 and
U+2029, which would shift every line reference after such a character
(the coverage.py #360 class of bug).  Only ``\\n``, ``\\r\\n`` and a lone
``\\r`` end a line here.
"""

from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps offsets in one text to 1-based line numbers.

    >>> LineIndex("a\\r\\nb\\rc\\nd").line(7)
    4
    """

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def line(self, offset: int) -> int:
        """1-based line holding ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    @property
    def count(self) -> int:
        """Number of lines (a trailing break starts an empty last line)."""
        return len(self._starts)
