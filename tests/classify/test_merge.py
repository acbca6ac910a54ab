"""Merging candidates into findings: one finding per figure of a passage."""

from __future__ import annotations

from compare.classify.base import Candidate
from compare.classify.merge import merge
from compare.model import Kind, Severity, Span


def _figure(key: str, confidence: float, **quoted: tuple[int, int, str]) -> Candidate:
    spans = {aid: (Span(aid, s, e, 1, text),) for aid, (s, e, text) in quoted.items()}
    return Candidate(
        Kind.NUMBER_DISCREPANCY, Severity.HIGH, "p30", key, spans, "e", key, confidence=confidence
    )


def test_two_number_findings_quoting_one_figure_are_one() -> None:
    # read blind (seventh round): the claim layer's "around 540,000" / "610,000" and the
    # passage's "around 540,000" / "some 610,000" were two findings for one discrepancy
    story = _figure("claims", 0.9, t=(10, 24, "around 540,000"), v=(5, 12, "610,000"))
    passage = _figure("passage", 0.5, t=(10, 24, "around 540,000"), m=(3, 15, "some 610,000"))
    (merged,) = merge([story, passage])
    assert merged.best.key == "claims"
    assert sorted(merged.spans) == ["m", "t", "v"]


def test_number_findings_on_different_figures_stay_apart() -> None:
    dead = _figure("dead", 0.9, a=(0, 2, "12"), b=(0, 2, "14"))
    hurt = _figure("hurt", 0.9, a=(20, 22, "30"), b=(20, 22, "35"))
    assert len(merge([dead, hurt])) == 2
