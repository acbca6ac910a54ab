"""``--reference`` (#16): an id, a file or an outlet label; never an article set aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import UsageError
from compare.model import Article
from compare.pipeline.reference import resolve_reference
from compare.pipeline.run import analyze, prepare
from compare.util.options import Options

from cli_runs import FLOOD, run_cli, write_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _article(aid: str, outlet: str) -> Article:
    return Article(aid, f"in/{aid}.txt", "", "", outlet, "", None, None, "")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("herald", "herald"),
        ("in/herald.txt", "herald"),
        ("Valley Herald", "herald"),
        ("  valley   HERALD ", "herald"),
    ],
)
def test_reference_by_id_file_or_outlet_label(given: str, expected: str) -> None:
    articles = [_article("herald", "Valley Herald"), _article("gazette", "Northfield Gazette")]
    assert resolve_reference(given, articles) == expected


def test_ambiguous_or_unknown_outlet_is_a_usage_error() -> None:
    articles = [_article("a", "Wire"), _article("b", "Wire"), _article("c", "Gazette")]
    with pytest.raises(UsageError, match=r"outlet of 2 articles \(a, b\)"):
        resolve_reference("wire", articles)
    with pytest.raises(UsageError, match="an outlet label: a \\(Wire\\)"):
        resolve_reference("Herald", articles)


def test_outlet_label_reaches_the_report(tmp_path: Path) -> None:
    inputs = write_articles(tmp_path / "in", FLOOD)
    options = Options(source_date_epoch=1603152000, reference="Valley Herald")
    [report] = analyze([inputs], options=options).reports
    assert report.settings["reference"] == "herald"


def test_reference_set_aside_as_another_event_is_an_error() -> None:
    prepared = prepare([SEEDS], options=Options(source_date_epoch=1603152000))
    [story] = prepared.stories
    assert story.outliers, "the seeds hold an article about an earlier event"
    outlier = story.outliers[0].article_id
    options = Options(source_date_epoch=1603152000, reference=outlier)
    with pytest.raises(UsageError, match=f"'{outlier}' was set aside as covering a different"):
        prepare([SEEDS], options=options)
    # compared anyway when asked to
    allowed = prepare([SEEDS], options=Options(reference=outlier, include_outliers=True))
    assert allowed.reference == outlier


def test_cli_reference_set_aside_exits_2_and_says_so(tmp_path: Path) -> None:
    prepared = prepare([SEEDS], options=Options(source_date_epoch=1603152000))
    outlier = prepared.stories[0].outliers[0].article_id
    done = run_cli(
        ["report", SEEDS, "--out", tmp_path / "out", "--reference", outlier], inputs=[SEEDS]
    )
    assert done.returncode == 2
    assert "set aside as covering a different event" in done.stderr
