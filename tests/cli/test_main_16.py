"""Small command-line items of #16."""

from __future__ import annotations

from compare.cli.main import build_parser
from compare.ingest.discover import ARTICLE_SUFFIXES


def test_report_help_lists_every_input_kind():
    report = build_parser()._subparsers._group_actions[0].choices["report"]
    text = " ".join(report.format_help().split())
    for suffix in ARTICLE_SUFFIXES:
        assert suffix in text, suffix
    assert ".docx" in text and ".pdf" in text


def test_make_report_says_why_the_date_is_fixed() -> None:
    """``make report`` explains the fixed generated date (SOURCE_DATE_EPOCH) when it prints it.

    The recipe line is read from the Makefile and run by ``sh`` as make would
    (``$$`` is make's escape for ``$``), so the test needs no ``make``.
    """
    import subprocess
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\nreport:") :].split("\n\n", 1)[0]
    line = next(x for x in recipe.splitlines()[1:] if "SOURCE_DATE_EPOCH" in x)
    command = line.strip().removeprefix("@").replace("$$", "$")
    shown = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        check=True,
        env={"SOURCE_DATE_EPOCH": "1603152000", "PATH": "/usr/bin:/bin"},
    ).stdout
    assert shown.startswith("report dated 20 Oct 2020 from SOURCE_DATE_EPOCH=1603152000")
    assert "identical files" in shown
