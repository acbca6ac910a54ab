"""Vote tallies compared story-wide (``compare.classify.numbers.tallies``)."""

from __future__ import annotations

from compare.model import Kind

from classify_helpers import of_kind, run


def test_tallies_written_apart_are_compared_by_value() -> None:
    # read blind (eighth round): "voted 9-6" / "voting 10-5" / "by nine votes to six"
    texts = {
        "a": "Councillors in Westmarch have voted 9-6 to close five libraries.\n\n"
        "About 250 protesters gathered outside the Guildhall.",
        "b": "The plan passed after a long debate, with councillors voting 10-5 in favour.\n\n"
        "Campaigners say they will fight on.",
        "c": "The closures went through, with the motion passing by nine votes to six.",
    }
    (finding,) = [
        f for f in of_kind(run(texts), Kind.NUMBER_DISCREPANCY) if "tall" in f.explanation
    ]
    assert finding.label == '"9-6" vs "10-5"'
    assert '9 to 6 ("9-6", "nine votes to six")' in finding.explanation
    assert {a: [s.text for s in ss] for a, ss in finding.spans.items()} == {
        "a": ["9-6"],
        "b": ["10-5"],
        "c": ["nine votes to six"],
    }


def _tally_findings(texts: dict[str, str]) -> list[str]:
    found = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    return [f.label for f in found if "tallies" in f.explanation]


def test_no_tally_finding_for_scores_or_two_votes_in_one_article() -> None:
    scores = {"a": "City won 2-1 on Saturday.", "b": "City won 3-1 on Saturday after a goal."}
    assert _tally_findings(scores) == []
    two_votes = {
        "a": "The bill passed its first reading by 9-6. A week later the final vote was 10-5.",
        "b": "Councillors voted 10-5 to pass the bill on Tuesday.",
    }
    assert _tally_findings(two_votes) == []


def test_a_side_of_a_tally_counts_nothing() -> None:
    # "close five libraries" / "by nine votes to six" read as five against six libraries
    texts = {
        "a": "Councillors voted to close five libraries, the motion passing by nine votes to six.",
        "b": "Councillors voted to close five libraries on Tuesday night.",
    }
    assert of_kind(run(texts), Kind.NUMBER_DISCREPANCY) == []


def test_one_tally_in_two_styles_is_no_rewording() -> None:
    a = "The act, which the assembly passed by 34 votes to 21 in 2022, sets drought levels."
    b = "The act, which the assembly passed 34-21 in 2022, sets drought levels."
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []
