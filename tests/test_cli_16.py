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
