"""Page 1's key tables: "Key figures" and "Who says so", ready for the templates to print.

Why a module of its own: both tables are already data on the Report
(``key_figures``, ``who_says_so``); this module only selects, formats and
clips them, and points every cell at the finding card that quotes its text,
so the templates loop and print.  Long text is clipped at a word boundary
here, the full text kept beside it for the HTML's tooltip and the finding
one click away.  Rows past ``PRINT_ROWS`` still appear in the HTML but not
in the PDF, so page 1 keeps to one page; a note says how many were left out.
When page 1 holds more (the outlets' headlines, a long title), fewer rows
print: ``report.view.page_one`` decides how many.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from compare.model import FigureCell, KeyFigure, SaysRow
from compare.report.view.model import KeyTable, OutletView, TableCell, TableRow
from compare.report.view.text import clip, elide, iso_date

PRINT_ROWS = 3  # rows of each table the PDF prints on page 1, at most
CLAIM_CHARS = 70  # a claim's words in the first column: two printed lines
CELL_WIDTH = 100  # characters the outlet columns share: two lines of each cell
VERB_WORDS = 3  # quoted words printed beside a source: the reporting verb, not the claim
MIN_CELL = 14  # characters of a cell however many outlets there are
FIGURES = 3  # line references listed in one cell
_STATUS_TEXT = {"credited": "", "fact": "as fact", "absent": "absent"}


def cell_chars(outlets: int) -> int:
    """Characters an outlet's cell holds before clipping: narrower with more outlets.

    >>> cell_chars(4), cell_chars(12)
    (25, 14)
    """
    return max(MIN_CELL, CELL_WIDTH // max(outlets, 1))


def _day(value: str | None) -> str:
    """A column's date, short: "17 Oct" ("undated" when there is none)."""
    day = iso_date(value)
    return "undated" if day is None else f"{day.day} {day:%b}"


def _figures(cells: Sequence[FigureCell], chars: int) -> tuple[str, str]:
    """An outlet's figures as written, clipped to whole figures within ``chars``, and in full.

    A unit is added to a bare number ("3" + "metres"); text that ends in a
    word or sign ("80%", "3 metres", "dozens") already says what it counts.
    """
    words = []
    for c in cells:
        bare = c.text.rstrip()[-1:].isdigit()
        words.append(f"{c.text} {c.unit}" if c.unit and bare else c.text)
    full = " · ".join(words)
    shown = words[:1]
    for w in words[1:]:
        if len(" · ".join([*shown, w, "…"])) > chars:
            break
        shown.append(w)
    short = " · ".join(shown) + (" · …" if len(shown) < len(words) else "")
    return clip(short, chars), full


def _verb(source: str, quote: str) -> str:
    """The quoted words beside the source, when short: "said", "accused", "announced by".

    >>> _verb("Police", "Police said"), _verb("Police", "Police said the man, who was 40, fled")
    ('said', '')
    """
    rest = " ".join(quote.replace(source, " ").split()).strip(" ,")
    return rest if 0 < len(rest.split()) <= VERB_WORDS else ""


def _lines(cells: Sequence[FigureCell]) -> str:
    lines = sorted({c.span.line for c in cells})
    return "" if not lines else f"l. {', '.join(str(n) for n in lines[:FIGURES])}"


def _table(
    title: str,
    anchor: str,
    heading: str,
    outlets: Sequence[OutletView],
    dates: Sequence[str],
    rows: list[TableRow],
) -> KeyTable | None:
    if not rows:
        return None
    return KeyTable(
        title,
        anchor,
        heading,
        tuple(outlets),
        tuple(dates),
        tuple(rows),
        sum(not r.printed for r in rows),
    )


def figures_table(
    rows: Sequence[KeyFigure],
    *,
    ids: Sequence[str],
    outlets: Sequence[OutletView],
    published: Mapping[str, str | None],
    anchors: Mapping[str, str],
    limit: int,
) -> KeyTable | None:
    """The "Key figures" table: what was counted × outlet; None when nothing was counted.

    ``anchors`` maps a finding id to its card's anchor; ``limit`` is the
    longest token printed (``Options.max_token_chars``).
    """
    out, chars = [], cell_chars(len(ids))
    for number, row in enumerate(rows):
        finding = row.finding if row.finding in anchors else None
        href = "" if finding is None else f"#{anchors[finding]}"
        cells = []
        for aid in ids:
            figures = row.cells.get(aid, ())
            text, full = _figures(figures, chars)
            text, full = elide(text, limit), elide(full, limit)
            cells.append(
                TableCell(
                    text if figures else "–",
                    full if figures else "no figure given",
                    href if figures else "",
                    "figure" if figures else "none",
                    _lines(figures),
                )
            )
        out.append(
            TableRow(
                clip(elide(row.what, limit), CLAIM_CHARS),
                elide(row.what, limit),
                href,
                finding or "",
                row.discrepancy,
                tuple(cells),
                number < PRINT_ROWS,
            )
        )
    dates = [_day(published.get(aid)) for aid in ids]
    return _table("Key figures", "key-figures", "What was counted", outlets, dates, out)


def says_table(
    rows: Sequence[SaysRow],
    *,
    ids: Sequence[str],
    outlets: Sequence[OutletView],
    published: Mapping[str, str | None],
    anchors: Mapping[str, str],
    line_of: Callable[[str, str], str],
    limit: int,
) -> KeyTable | None:
    """The "Who says so" table: claim × outlet; None when no attribution differs.

    ``line_of(article_id, finding_id)`` gives the line reference of the
    text the finding quotes from that outlet ("" when it quotes none).
    """
    out, chars = [], cell_chars(len(ids))
    for number, row in enumerate(rows):
        by_id = {c.article_id: c for c in row.cells}
        findings = [c.finding_id for c in row.cells if c.finding_id is not None]
        findings = [f for f in findings if f in anchors]
        href = f"#{anchors[findings[0]]}" if findings else ""
        cells = []
        for aid in ids:
            cell = by_id.get(aid)
            if cell is None or cell.status == "absent":
                cells.append(TableCell("–", "absent: the outlet does not carry it", "", "absent"))
                continue
            source = elide(cell.source, limit)
            quote = elide(cell.quote, limit)
            text = source or _STATUS_TEXT.get(cell.status, cell.status)
            found = cell.finding_id if cell.finding_id is not None else None
            found = found if found in anchors else None
            detail = _verb(source, quote) if cell.status == "credited" else ""
            cells.append(
                TableCell(
                    clip(text, chars),
                    f"{text}: “{quote}”" if quote else text,
                    f"#{anchors[found]}" if found else "",
                    cell.status,
                    line_of(aid, found) if found else "",
                    clip(detail, chars),
                )
            )
        out.append(
            TableRow(
                clip(elide(row.claim, limit), CLAIM_CHARS),
                elide(row.claim, limit),
                href,
                findings[0] if findings else "",
                len({(c.status, c.source.casefold()) for c in row.cells if c.status != "absent"})
                > 1,
                tuple(cells),
                number < PRINT_ROWS,
            )
        )
    dates = [_day(published.get(aid)) for aid in ids]
    return _table("Who says so", "who-says-so", "Claim", outlets, dates, out)
