"""Small command-line items of #16."""

from __future__ import annotations

from compare.cli import build_parser
from compare.discover import ARTICLE_SUFFIXES


def test_report_help_lists_every_input_kind():
    report = build_parser()._subparsers._group_actions[0].choices["report"]
    text = " ".join(report.format_help().split())
    for suffix in ARTICLE_SUFFIXES:
        assert suffix in text, suffix
    assert ".docx" in text and ".pdf" in text


def test_make_report_says_why_the_date_is_fixed() -> None:
    """``make report`` explains the fixed generated date (SOURCE_DATE_EPOCH) when it prints it."""
    import shutil
    import subprocess
    from pathlib import Path

    import pytest

    if shutil.which("make") is None:  # pragma: no cover - make is what runs this suite
        pytest.fail("make is needed")
    root = Path(__file__).resolve().parents[1]
    recipe = subprocess.run(
        ["make", "-n", "report"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    line = next(x for x in recipe.splitlines() if "SOURCE_DATE_EPOCH" in x)
    shown = subprocess.run(
        ["sh", "-c", line],
        capture_output=True,
        text=True,
        check=True,
        env={"SOURCE_DATE_EPOCH": "1603152000", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert shown.startswith("report dated 20 Oct 2020 from SOURCE_DATE_EPOCH=1603152000")
    assert "identical files" in shown
