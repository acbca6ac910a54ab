"""report.json: the contract's fields, and load(dump(r)) == r."""

from __future__ import annotations

import json

from compare.model import SCHEMA_VERSION
from compare.report import jsonio

from sample_report import build_report


def test_round_trip_is_exact() -> None:
    report = build_report()
    assert jsonio.load(jsonio.dump(report)) == report


def test_dump_is_stable_bytes() -> None:
    assert jsonio.dump(build_report()) == jsonio.dump(build_report())


def test_contract_fields_and_types() -> None:
    data = json.loads(jsonio.dump(build_report()))
    assert data["schema"] == SCHEMA_VERSION
    article = data["articles"][0]
    assert isinstance(article["words"], int) and len(article["sha256"]) == 64
    assert article["published"] is None or len(article["published"]) == 10
    finding = data["findings"][0]
    assert isinstance(finding["severity"], int)
    assert finding["passage"] is None or finding["passage"].startswith("p")
    for spans in finding["spans"].values():
        for span in spans:
            assert set(span) == {"text", "start", "end", "line"}


def test_reports_written_before_extensions_still_load() -> None:
    data = json.loads(jsonio.dump(build_report()))
    for article in data["articles"]:
        article.pop("text_origin", None)
    data["scores"].pop("partial", None)
    report = jsonio.load(json.dumps(data))
    assert all(a.text_origin == "file" for a in report.story.articles)
    assert report.scores.partial == ()
