"""Page 1 says how the report was made (#16): reference, filter, outliers, review."""

from __future__ import annotations

from dataclasses import replace

from compare.model import Outlier, Story
from compare.report.html import render_html
from compare.report.view.build import build_view
from compare.util.options import Options

from sample_report import build_report


def _page_one(report) -> str:
    html = render_html(build_view(report, (), options=Options()))
    return " ".join(html[: html.index('id="contents"')].split())


def test_page_one_names_reference_filter_and_outliers():
    report = build_report()
    settings = {**report.settings, "reference": "wire", "min_severity": "2"}
    story = report.story
    outlier = Outlier("valley", "published 9 days before the others; another event")
    report = replace(report, settings=settings, story=replace(story, outliers=(outlier,)))
    text = _page_one(report)
    assert "How this report was made" in text
    assert "Reference article: B Coastal Wire Service (article wire)" in text
    assert "only findings of severity 2 (high) or more serious are listed" in text
    assert "--min-severity 2" in text
    assert "1 article set aside, not compared as covering a different event: D" in text
    assert "another event" in text


def test_page_one_without_options_says_nothing_was_filtered():
    report = build_report()
    report = replace(report, settings={**report.settings, "reference": "none", "min_severity": "5"})
    text = _page_one(report)
    assert "No reference article: every outlet is compared with every other." in text
    assert "Filter: none; findings of every severity are listed." in text
    assert "dismissed by the reviewer" not in text
    assert isinstance(report.story, Story)
