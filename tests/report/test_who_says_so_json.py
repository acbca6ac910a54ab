"""The "Who says so" rows in report.json: fields, round trip, documentation.

The builder (claims/attributed_table.py) is tested in test_claims_attributed.py;
these tests hold the JSON contract the table is rendered from.
"""

from __future__ import annotations

import json
from pathlib import Path

from compare.model import SaysCell
from compare.report import jsonio

from sample_report import build_report

RAIN = "Heavy rain hit the coast on Monday."


def test_round_trips_in_report_json_and_old_json_reads_as_empty() -> None:
    report = build_report()
    assert report.who_says_so  # the sample has attribution findings
    text = jsonio.dump(report)
    assert jsonio.load(text) == report
    data = json.loads(text)
    first = data["who_says_so"][0]
    assert set(first) == {"claim", "cells"}
    assert set(first["cells"][0]) == {"article", "status", "source", "quote", "finding", "span"}
    del data["who_says_so"]
    assert jsonio.load(json.dumps(data)).who_says_so == ()


def test_cells_hold_exactly_the_agreed_fields() -> None:
    cell = SaysCell("a", "fact", "", "The driver fled", "f1")
    assert (cell.article_id, cell.status, cell.source, cell.quote, cell.finding_id) == (
        "a",
        "fact",
        "",
        "The driver fled",
        "f1",
    )


def test_readme_documents_every_report_json_field() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    report = build_report()
    data = jsonio.to_dict(report)
    fields = set(data) | set(data["findings"][0]) | set(data["who_says_so"][0]["cells"][0])
    fields |= set(data["key_figures"][0]) | set(data["key_figures"][0]["cells"]["gazette"][0])
    missing = {f for f in fields if f"`{f}`" not in readme and f'"{f}"' not in readme}
    assert not missing, f"report.json fields not in the README: {sorted(missing)}"
