"""How much of page 1's key tables the PDF prints, and the tables built for a Report.

Why a budget: the view cannot measure the page WeasyPrint will lay out, yet
page 1 must stay one page while the blocks on it vary from story to story
(a long title, the outlets' headlines side by side, "Not compared" boxes,
more outlets).  So page 1's room is counted in printed table rows (about
7 mm each at 7.5 pt), each varying block is charged what it takes, and the
tables print what is left: at most ``PRINT_ROWS`` each, at least one.  The
figures were measured on the seeds' and the real sets' PDFs, and err on
the side of printing a row less; the HTML shows every row regardless.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from compare.model import Report
from compare.report.view.model import KeyTable, OutletView
from compare.report.view.tables import PRINT_ROWS, figures_table, says_table
from compare.report.view.text import Source

PAGE_ROOM = 12.0  # page 1's room for what varies, in printed table rows
TABLE_COST = 1.5  # a table's heading and column heads
OUTLIER_COST = 2.0  # a "Not compared" box
HEADLINES_COST = 1.0  # the "Headlines" heading
HEADLINE_ROW_COST = 1.5  # one outlet's headline beside the others
OUTLET_COST = 0.7  # an outlet row past the fourth in "What was compared"
TITLE_LINE_COST = 1.1  # a title line past the second
TITLE_LINE_CHARS = 40  # characters of the title on one printed line


def print_rows(
    sizes: Sequence[int], *, outlets: int, outliers: int, headlines: int, title: str = ""
) -> list[int]:
    """Rows of each table page 1 prints: at most ``PRINT_ROWS``, at least one, within its room.

    ``sizes`` are the tables' row counts; ``headlines`` the outlets'
    headlines page 1 sets side by side (0 when it shows none).  The later
    table gives up a row first when two are as long.

    >>> print_rows([6, 4], outlets=4, outliers=1, headlines=0)
    [3, 3]
    >>> print_rows([6, 4], outlets=4, outliers=0, headlines=4)
    [1, 1]
    >>> print_rows([1, 5], outlets=3, outliers=0, headlines=3)
    [1, 2]
    """
    room = PAGE_ROOM - OUTLIER_COST * outliers - OUTLET_COST * max(0, outlets - 4)
    room -= TITLE_LINE_COST * max(0, math.ceil(len(title) / TITLE_LINE_CHARS) - 2)
    room -= (HEADLINES_COST + HEADLINE_ROW_COST * headlines) if headlines else 0
    room -= TABLE_COST * len(sizes)
    counts = [min(PRINT_ROWS, n) for n in sizes]
    while sum(counts) > room and max(counts, default=0) > 1:
        widest = max(counts)
        counts[len(counts) - 1 - counts[::-1].index(widest)] -= 1
    return counts


def _printing(table: KeyTable, count: int) -> KeyTable:
    """The table with only its first ``count`` rows marked for print."""
    rows = tuple(replace(r, printed=n < count) for n, r in enumerate(table.rows))
    return replace(table, rows=rows, not_printed=sum(not r.printed for r in rows))


def tables_of(
    report: Report,
    *,
    ids: Sequence[str],
    outlets: Sequence[OutletView],
    anchors: Mapping[str, str],
    sources: Mapping[str, Source],
    limit: int,
    headlines: int = 0,
) -> tuple[KeyTable, ...]:
    """Page 1's "Key figures" and "Who says so" tables, each left out when it has no rows.

    ``ids`` and ``outlets`` are the compared articles and their views, in
    column order; ``anchors`` maps a listed finding's id to its card;
    ``headlines`` counts the outlets' headlines page 1 also shows.
    """
    findings = {f.id: f for f in report.findings}

    def line_of(aid: str, finding_id: str) -> str:
        spans = findings[finding_id].spans.get(aid, ()) if finding_id in findings else ()
        source = sources.get(aid)
        if not spans or source is None:
            return ""
        lines = source.line_range(min(s.start for s in spans), max(s.end for s in spans))
        return lines.replace("lines ", "l. ").replace("line ", "l. ")

    published = {a.id: a.published for a in report.story.articles}
    tables = (
        figures_table(
            report.key_figures,
            ids=ids,
            outlets=outlets,
            published=published,
            anchors=anchors,
            limit=limit,
        ),
        says_table(
            report.who_says_so,
            ids=ids,
            outlets=outlets,
            published=published,
            anchors=anchors,
            line_of=line_of,
            limit=limit,
        ),
    )
    shown = [t for t in tables if t is not None]
    counts = print_rows(
        [len(t.rows) for t in shown],
        outlets=len(ids),
        outliers=len(report.story.outliers),
        headlines=headlines,
        title=report.story.title,
    )
    return tuple(_printing(t, n) for t, n in zip(shown, counts, strict=True))
