"""negation: the same words with and without a negation are opposite statements."""

from __future__ import annotations

import pytest

from compare.model import Kind, Severity

from classify_helpers import of_kind, run

NEGATION = "with and without a negation"


def _negations(a: str, b: str) -> list[str]:
    found = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    return [f.label for f in found if NEGATION in f.explanation]


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Investigators are examining whether the cameras had been working at the time.",
            "Investigators are examining whether the cameras had not been working at the time.",
            '"cameras had not been working" vs "cameras had been working"',
        ),
        (
            "The company said the plant hadn't been damaged in the blast.",
            "The company said the plant had been damaged in the blast.",
            '"the plant hadn\'t been damaged" vs "the plant had been damaged"',
        ),
        (
            "Officials said the driver did not see the signal before the crash.",
            "Officials said the driver saw the signal before the crash.",
            '"the driver did not see the signal" vs "the driver saw the signal"',
        ),
        (
            "The minister said the army would never return to the valley.",
            "The minister said the army would return to the valley.",
            '"army would never return to" vs "army would return to"',
        ),
    ],
)
def test_a_negation_added_to_shared_words_is_reported(a: str, b: str, label: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    flips = [f for f in found if NEGATION in f.explanation]
    assert [f.label for f in flips] == [label]
    assert flips[0].severity == Severity.HIGH
    assert set(flips[0].spans) == {"a", "b"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a negation that only frames the clause
        (
            "It was not only the largest fire in the city's history but also the deadliest.",
            "It was the largest fire in the city's history but also the deadliest.",
        ),
        (
            "Police will decide whether or not to charge the driver next week.",
            "Police will decide whether to charge the driver next week.",
        ),
        # the other version denies the same thing in another place
        (
            "The mayor did not say when the bridge would reopen to traffic.",
            "The mayor said nothing about when the bridge would reopen to traffic.",
        ),
        # the clause after the negation differs: a different statement is denied
        (
            'He admitted he "used money that shouldn\'t have been used," the court heard.',
            "He admitted he used money that should have been used for his campaign.",
        ),
        # no negation at all
        (
            "The driver saw the signal before the crash, officials said.",
            "The driver ignored the signal before the crash, officials said.",
        ),
    ],
)
def test_no_negation_finding_without_a_denied_statement(a: str, b: str) -> None:
    assert _negations(a, b) == []


def test_three_outlets_give_one_finding() -> None:
    found = of_kind(
        run(
            {
                "a": "The guards had not been told about the transfer until Friday.",
                "b": "The guards had been told about the transfer until Friday.",
                "c": "The guards had not been told about the transfer until Friday.",
            }
        ),
        Kind.WORDING_CHANGE,
    )
    flips = [f for f in found if NEGATION in f.explanation]
    assert len(flips) == 1
    assert set(flips[0].spans) == {"a", "b", "c"}
