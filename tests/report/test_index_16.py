"""index.html (#16): newest story first, a PDF link, and articles no other outlet covered."""

from __future__ import annotations

from pathlib import Path

from compare.cli.batch import StoryResult
from compare.cli.commands import _write_index
from compare.report.view.handout import IndexEntry
from compare.util.options import Options

from cli_runs import FIRE, FLOOD, run_main, write_articles

LONE = {
    "lone.txt": """---
title: Library extends opening hours
outlet: Quay Post
date: 2021-03-12
---
The Northfield library will open until 9 p.m. on weekdays from April, the council said.
""",
}


def _entry(title: str, latest: str) -> IndexEntry:
    return IndexEntry(title, f"{title}/report.html", ("A", "B"), "", 1, (), latest, "")


def test_index_lists_newest_first(tmp_path: Path) -> None:
    results = [
        StoryResult(t, t, entry=_entry(t, d))
        for t, d in (("older", "2021-03-01"), ("undated", ""), ("newer", "2021-03-09"))
    ]
    _write_index(results, [], Options(out_dir=tmp_path))
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert html.index("newer/report.html") < html.index("older/report.html")
    assert html.index("older/report.html") < html.index("undated/report.html")


def test_index_links_pdf_and_lists_single_outlet_articles(tmp_path: Path, capsys) -> None:
    inputs = write_articles(tmp_path / "in", {**FIRE, **FLOOD, **LONE})
    out = tmp_path / "out"
    code, _err = run_main(
        ["report", inputs, "--out", out, "--format", "pdf,json"], capsys, inputs=[inputs]
    )
    assert code == 3
    html = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="flood-closes-millbrook-bridge/report.pdf"' in html
    assert html.index("flood-closes-millbrook-bridge/") < html.index("fire-destroys-harlow")
    singles = html[html.index('id="singles"') :]
    assert "Library extends opening hours" in singles and "Quay Post" in singles
