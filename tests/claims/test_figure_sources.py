"""claims.figure_sources: a toll credited in one outlet and stated as fact in another.

Every sentence here is invented; each row tests one condition of the rule.
"""

from __future__ import annotations

import pytest

from compare.claims.figure_sources import figure_diffs
from compare.model import Kind
from tests.claims.test_attributed import article

from classify_helpers import of_kind, run

CREDITED = (
    "Nine miners were killed when the shaft of the Orlen pit collapsed, the mine operator said."
)
FACT = "The collapse at the Orlen pit left nine miners dead, with rescue work halted overnight."


def test_a_toll_credited_in_one_outlet_and_stated_as_fact_in_another() -> None:
    a = article("a", CREDITED, "Families gathered at the gate.")
    b = article("b", "Rain slowed the rescue.", FACT)
    (diff,) = figure_diffs([a, b])
    assert (diff.kind, diff.credited.article_id, diff.other.article_id) == ("unsourced", "a", "b")


@pytest.mark.parametrize(
    "b_text",
    [
        # the outlet credits the toll elsewhere: it has sourced it
        f"{FACT} Nine miners were killed, the regional governor said.",
        # a count too far from the other to be the same one
        FACT.replace("nine miners", "forty miners"),
        # a vague amount says too little to be the same count
        FACT.replace("nine miners", "dozens of miners"),
        # hedged as hearsay: not the outlet's own voice
        FACT.replace("left nine", "reportedly left nine"),
        # another year: another event
        "A collapse at the Orlen pit in 1998 left nine miners dead.",
        # a toll in a relative clause describes the event; the news is elsewhere
        "Rescue work stopped at the Orlen pit, where nine miners died, for the night.",
        "Inspectors closed the Orlen pit after a collapse that left nine miners dead.",
    ],
)
def test_no_finding(b_text: str) -> None:
    assert figure_diffs([article("a", CREDITED), article("b", b_text)]) == []


def test_a_toll_the_speaker_is_not_credited_with_is_no_finding() -> None:
    a = article("a", "The operator said the collapse, in which nine miners died, was an accident.")
    assert figure_diffs([a, article("b", FACT)]) == []


def test_the_finding_quotes_both_sentences_and_names_the_figures() -> None:
    texts = {"a": CREDITED + " Families gathered at the gate.", "b": "Rain fell. " + FACT}
    found = [
        f for f in of_kind(run(texts), Kind.ATTRIBUTION_CHANGE) if "own voice" in f.explanation
    ]
    (f,) = found
    assert {aid: [s.text for s in ss] for aid, ss in f.spans.items()} == {
        "a": [CREDITED],
        "b": [FACT],
    }
    # it names the two figures and is never a headline: the victims are not compared
    assert '("Nine" and "nine")' in f.explanation
    assert f.confidence < 0.7
