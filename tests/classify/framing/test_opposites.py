"""opposites: "before" in one version where the other says "after" reverses the order."""

from __future__ import annotations

import pytest

from compare.model import Kind, Severity

from classify_helpers import of_kind, run

OPPOSITE = "the same words with opposite order"


def _opposites(a: str, b: str) -> list[str]:
    found = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    return [f.label for f in found if OPPOSITE in f.explanation]


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        # read blind (fourteenth round): both were missed
        (
            "Halloran, a neurologist who led the research group, resigned in March, before the "
            "panel had finalised its findings.",
            "Halloran, a neurologist who led the research group, stepped down in March after the "
            "panel had finalised its findings.",
            '"after the panel" vs "before the panel"',
        ),
        (
            "The cabin of the cable car came off its track shortly after 11 a.m. local time as "
            "it descended to the valley station.",
            "The cabin of the cable car came off its track shortly before 11 a.m. (1000 GMT) as "
            "it descended to the valley station.",
            '"after 11 a.m." vs "before 11 a.m."',
        ),
    ],
)
def test_a_swapped_before_or_after_is_one_high_finding(a: str, b: str, label: str) -> None:
    assert _opposites(a, b) == [label]
    (finding,) = [f for f in run({"a": a, "b": b}) if OPPOSITE in f.explanation]
    assert finding.severity == Severity.HIGH


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a different continuation: no swap of one phrase
        (
            "The cabin fell shortly after a support cable snapped at the upper station.",
            "The cabin fell shortly before 11 a.m. at the upper station, police said.",
        ),
        # one version tells both orders
        (
            "Talks resumed after the ceasefire and stalled before the ceasefire took hold.",
            "Talks resumed before the ceasefire and stalled after the ceasefire took hold.",
        ),
        # function words only after the swap
        (
            "The vote was held after it was agreed by the whole council on Monday.",
            "The vote was held before it was agreed by the whole council on Monday.",
        ),
    ],
)
def test_no_opposite_without_the_same_phrase_swapped(a: str, b: str) -> None:
    assert _opposites(a, b) == []
