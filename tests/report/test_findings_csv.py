"""findings.csv: one row per quoted span, formulas neutralised, omissions kept."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from compare.model import Kind
from compare.report.findings_csv import COLUMNS, render_csv

from sample_report import build_report


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render_csv(build_report()))))


def test_header_and_one_row_per_span(rows) -> None:
    report = build_report()
    expected = sum(max(1, len(spans)) for f in report.findings for spans in f.spans.values())
    assert len(rows) == expected
    assert tuple(rows[0]) == COLUMNS


def test_rows_quote_the_article_text_at_their_offsets(rows) -> None:
    texts = {a.id: a.text for a in build_report().story.articles}
    quoted = [r for r in rows if r["text"] and not r["text"].startswith("'")]
    assert quoted
    for row in quoted:
        assert texts[row["article"]][int(row["start"]) : int(row["end"])] == row["text"]


def test_omitting_outlet_has_a_row_with_empty_text() -> None:
    report = build_report()
    finding = next(f for f in report.findings if f.kind is Kind.OMITTED_PASSAGE)
    absent = next(a.id for a in report.story.articles if a.id not in finding.spans)
    changed = dataclasses.replace(finding, spans={**finding.spans, absent: ()})
    report = dataclasses.replace(report, findings=(changed,))
    rows = list(csv.DictReader(io.StringIO(render_csv(report))))
    (empty,) = [r for r in rows if r["article"] == absent]
    assert (empty["text"], empty["line"], empty["kind"]) == ("", "", "omitted_passage")


@pytest.mark.parametrize("danger", ["=1+1", "+SUM(A1)", "-2", "@cmd"])
def test_formula_like_text_is_neutralised(danger: str) -> None:
    from compare.report.findings_csv import _cell

    assert _cell(danger) == "'" + danger


def test_file_has_a_byte_order_mark_and_severity_words(tmp_path) -> None:
    """Excel on Windows needs the BOM to read UTF-8; severity reads as a word too (#16)."""
    from pathlib import Path

    from compare.report.documents import data_outputs
    from compare.util.options import Options, OutputFormat

    report = build_report()
    [(path, data)] = data_outputs(report, Path("s"), options=Options(formats=(OutputFormat.CSV,)))
    assert path.name == "findings.csv" and data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == COLUMNS
    words = {(r["severity"], r["severity_name"]) for r in rows}
    assert ("1", "critical") in words or ("2", "high") in words
    assert all(name in {"critical", "high", "medium", "low", "cosmetic"} for _, name in words)
