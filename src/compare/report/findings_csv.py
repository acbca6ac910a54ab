"""findings.csv: the report's findings for spreadsheets, one row per quoted span.

Columns: severity is given as a number (1 most serious) and, in
``severity_name``, as a word ("critical" … "cosmetic").

Why long format: a story may have any number of outlets, so one row per
(finding, outlet, span) keeps the columns fixed.  An outlet that omits a
passage gets one row with an empty quote, so the omission stays visible.
Cells that a spreadsheet would run as a formula are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io

from compare.model import Report

COLUMNS = (
    "run_id",
    "finding",
    "kind",
    "severity",
    "severity_name",
    "passage",
    "article",
    "outlet",
    "line",
    "start",
    "end",
    "text",
    "label",
    "explanation",
    "time_note",
)
ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark, which Excel needs to read UTF-8
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text for one cell; a leading formula character is neutralised.

    >>> _cell("=HYPERLINK(1)"), _cell(None), _cell(3)
    ("'=HYPERLINK(1)", '', '3')
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(report: Report) -> str:
    """The findings as CSV text (header row first), in the report's rank order.

    ``findings.csv`` is written with a UTF-8 byte-order mark (``ENCODING``):
    without it Excel on Windows reads the file in the local code page and
    garbles curly quotes (#16).
    """
    outlets = {a.id: a.outlet for a in report.story.articles}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for finding in report.findings:
        common = (finding.label, finding.explanation, finding.time_note)
        for article_id, spans in finding.spans.items():
            head = (
                report.run_id,
                finding.id,
                finding.kind.value,
                int(finding.severity),
                finding.severity.name.lower(),
                finding.passage_id,
                article_id,
                outlets.get(article_id, article_id),
            )
            if not spans:
                writer.writerow([_cell(v) for v in (*head, None, None, None, "", *common)])
            for span in spans:
                row = (*head, span.line, span.start, span.end, span.text, *common)
                writer.writerow([_cell(v) for v in row])
    return out.getvalue()
