"""Dates in news copy and their house style ("Sept. 27" / "September 27" / "27 September").

Why outside the token diff: a reordered date ("Sept. 27" vs "27 September")
comes out of the diff as two separate edits; reading dates straight from the
sentence text finds them whole, with exact offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from compare.text import lexicons


@dataclass(frozen=True)
class DateMention:
    """One written date: its value, its style and where it is in the article."""

    month: int
    day: int | None
    start: int
    end: int
    text: str
    abbreviated: bool
    order: str  # "month first" | "day first" | "month only"

    @property
    def value(self) -> tuple[int, int | None]:
        """(month, day) - what the date means, whatever its style."""
        return self.month, self.day

    @property
    def style(self) -> tuple[bool, str, str]:
        """What the house style decides: abbreviation, order, and the month's spelling."""
        month_word = re.match(
            r"[^\W\d_]+\.?", self.text.split()[0 if self.order != "day first" else -1]
        )
        return self.abbreviated, self.order, month_word.group() if month_word else ""

    def describe(self) -> str:
        """Plain words for this date's style, e.g. 'month abbreviated, month first'."""
        month = "month abbreviated" if self.abbreviated else "month in full"
        return month if self.order == "month only" else f"{month}, {self.order}"


@cache
def _months() -> dict[str, tuple[int, bool]]:
    out = {}
    for number, row in enumerate(lexicons.rows("variants_months.txt"), start=1):
        out[row[0]] = (number, False)
        for abbreviation in row[1:]:
            out[abbreviation] = (number, True)
    return out


@cache
def _pattern() -> re.Pattern[str]:
    names = "|".join(sorted(_months(), key=len, reverse=True))
    month = rf"(?P<m{{i}}>{names})(?P<dot{{i}}>\.)?"
    day = r"(?P<d{i}>[0-3]?\d)(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:{month.format(i=1)}\s+{day.format(i=1)}(?!\d)"
        rf"|{day.format(i=2)}\s+(?:of\s+)?{month.format(i=2)}"
        rf"|{month.format(i=3)})(?![\w])"
    )


def dates(text: str, *, offset: int = 0) -> list[DateMention]:
    """Dates written with a month name, with offsets shifted by ``offset``.

    >>> [(d.value, d.order, d.abbreviated) for d in dates("On Sept. 27 and 9 October")]
    [((9, 27), 'month first', True), ((10, 9), 'day first', False)]
    """
    out = []
    months = _months()
    for m in _pattern().finditer(text):
        for i, order in ((1, "month first"), (2, "day first"), (3, "month only")):
            if m.group(f"m{i}") is None:
                continue
            month, abbreviated = months[m.group(f"m{i}")]

            word = m.group(f"m{i}")
            if order == "month only" and not (m.group(f"dot{i}") or len(word) >= 6):
                # Alone, "May", "March", "June" or "Jan" may be a verb or a name.
                break
            day = int(m.group(f"d{i}")) if order != "month only" else None
            if day is not None and not 1 <= day <= 31:
                break
            end = m.end() - (1 if m.group().endswith(".") and not abbreviated else 0)
            out.append(
                DateMention(
                    month=month,
                    day=day,
                    start=offset + m.start(),
                    end=offset + end,
                    text=m.group()[: end - m.start()],
                    abbreviated=abbreviated,
                    order=order,
                )
            )
            break
    return out
