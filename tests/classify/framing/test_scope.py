"""Quantifiers of another scope in one sentence edited (``compare.classify.framing.scope``)."""

from __future__ import annotations

import pytest

from compare.model import Kind, Severity

from classify_helpers import of_kind, run


def test_some_against_all_in_one_sentence_edited() -> None:
    # read blind (eighth round): planted in wire copy and missed
    a = "Brightwater said some ticket holders would be offered full refunds."
    b = "Brightwater said all ticket holders would be offered full refunds."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    assert finding.label == '"all ticket holders" vs "some ticket holders"'
    assert finding.severity is Severity.MEDIUM
    assert "only part of them" in finding.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one scope in two words
        ("Each player was tested on Monday.", "Every player was tested on Monday."),
        # written apart around the quantifier: no one edit
        ("Some fans were refunded at once.", "All the organisers said was sorry."),
    ],
)
def test_no_scope_change_without_another_scope_in_one_copy(a: str, b: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    assert not [f for f in found if "covers" in f.explanation]


def test_a_quantifier_opening_the_sentence_is_read() -> None:
    # a stress test of the new rules: "All" / "Some" at the sentence's start was missed
    a = "All members of the Green Alliance backed the coalition deal on Tuesday."
    b = "Some members of the Green Alliance backed the coalition deal on Tuesday."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    assert finding.label == '"All members" vs "Some members"'


def test_one_scope_in_two_words_is_no_rewording_either() -> None:
    a = "Many roads into the town were closed by the flooding on Monday."
    b = "Several roads into the town were closed by the flooding on Monday."
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []
