"""claims.says_table: the "Who says so" rows, read from attribution findings of invented stories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare import jsonio
from compare.claims.says_table import credited_to, who_says_so
from compare.model import Passage, SaysCell, SaysRow
from compare.segment import tokenize

from builders import story_from_texts
from classify_helpers import run
from sample_report import build_report

RAIN = "Heavy rain hit the coast on Monday."


def _rows(texts: dict[str, str]) -> tuple[SaysRow, ...]:
    """The table for invented articles, sentence i of each forming passage p{i+1} (as ``run``)."""
    story = story_from_texts(texts)
    n = max(len(a.sentences) for a in story.articles)
    passages = [
        Passage(f"p{i + 1}", {a.id: (i,) for a in story.articles if i < len(a.sentences)})
        for i in range(n)
    ]
    return who_says_so(story.articles, run(texts), passages)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Police said the driver fled the scene.", "Police"),
        ("The driver fled the scene, said the county sheriff.", "the county sheriff"),
        ("The plan was announced by the ministry on Monday.", "the ministry"),
        ("According to officials, twelve people died.", "officials"),
        ("The plan was announced on Monday.", ""),  # no speaker named
        ("The driver fled the scene.", ""),  # no reporting verb
    ],
)
def test_who_a_sentence_credits(sentence: str, source: str) -> None:
    assert credited_to(tokenize(sentence), 0, len(sentence)) == source


def test_credited_fact_and_absent_cells_link_to_the_finding() -> None:
    rows = _rows(
        {
            "a": f"{RAIN} Police said the driver fled the scene.",
            "b": f"{RAIN} The driver fled the scene.",
            "c": RAIN,
        }
    )
    [row] = rows
    assert row.claim == "The driver fled the scene"
    a, b, c = row.cells
    assert (a.status, a.source, a.quote) == ("credited", "Police", "Police said")
    assert (b.status, b.source, b.quote) == ("fact", "", "The driver fled the scene")
    assert (c.status, c.quote, c.finding_id) == ("absent", "", None)
    assert a.finding_id == b.finding_id is not None


def test_an_outlet_carrying_the_passage_unquoted_gets_its_status_read() -> None:
    # b and c differ from a only by the verb: the finding quotes the verbs
    # it compares; every outlet credits the senator.
    [row] = _rows(
        {
            "a": "The senator claimed the bill was rushed.",
            "b": "The senator said the bill was rushed.",
            "c": "The senator said the bill was rushed.",
        }
    )
    assert [c.status for c in row.cells] == ["credited"] * 3
    assert {c.source for c in row.cells} == {"The senator"}
    assert row.claim == "The senator claimed the bill was rushed."


def test_a_finding_quoting_only_the_sources_reads_them_as_credited() -> None:
    # A source change quotes the two sources, not their verb.
    [row] = _rows({"a": "Researchers said the drug works.", "b": "Regulators said the drug works."})
    assert [(c.status, c.source) for c in row.cells] == [
        ("credited", "Researchers"),
        ("credited", "Regulators"),
    ]


def test_no_attribution_finding_no_rows() -> None:
    assert _rows({"a": f"{RAIN} Roads shut.", "b": f"{RAIN} Roads shut."}) == ()


def test_round_trips_in_report_json_and_old_json_reads_as_empty() -> None:
    report = build_report()
    assert report.who_says_so  # the sample has attribution findings
    text = jsonio.dump(report)
    assert jsonio.load(text) == report
    data = json.loads(text)
    first = data["who_says_so"][0]
    assert set(first) == {"claim", "cells"}
    assert set(first["cells"][0]) == {"article", "status", "source", "quote", "finding"}
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
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    report = build_report()
    data = jsonio.to_dict(report)
    fields = set(data) | set(data["findings"][0]) | set(data["who_says_so"][0]["cells"][0])
    fields |= set(data["key_figures"][0]) | set(data["key_figures"][0]["cells"]["gazette"][0])
    missing = {f for f in fields if f"`{f}`" not in readme and f'"{f}"' not in readme}
    assert not missing, f"report.json fields not in the README: {sorted(missing)}"
