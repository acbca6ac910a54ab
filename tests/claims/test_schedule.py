"""claims.schedule and classify.numbers_dates: when an activity starts or ends, outlet by outlet."""

from __future__ import annotations

import pytest

from compare.claims.schedule import compare_phases, phase_claims, read_when
from compare.model import Kind, Severity

from builders import story_from_texts
from classify_helpers import of_kind, run


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The trial will begin in March.", ("start", "trial", "begin in March")),
        ("The ferry strike ended in June, union leaders said.", ("end", "strike", "ended in June")),
        (
            "The pair are due to start rehearsals in Oslo early next month.",
            ("start", "rehears", "start rehearsals in Oslo early next month"),
        ),
        ("The inquiry is expected to begin on May 3.", ("start", "inquiri", "begin on May 3")),
        ("The festival ends sometime in August.", ("end", "festiv", "ends sometime in August")),
        (
            "She began her apprenticeship in 1998.",
            ("start", "apprenticeship", "began her apprenticeship in 1998"),
        ),
    ],
)
def test_phase_claims_read(text: str, read: tuple[str, str, str]) -> None:
    (article,) = story_from_texts({"a": text}).articles
    (claim,) = phase_claims(article)
    assert (claim.phase, claim.activity, article.text[claim.start : claim.end]) == read


@pytest.mark.parametrize(
    "text",
    [
        "The start of the season in March was delayed.",  # a noun, not the verb
        "Voting begins on Tuesday.",  # a weekday: left to claims.when
        "The talks began, and in March they stalled.",  # the date is in another clause
        "The club ended up selling him in 2004.",  # "end up": another verb
        "The coach hopes to end the 2024 season well.",  # a year naming a season, not a date
    ],
)
def test_no_phase_claim(text: str) -> None:
    (article,) = story_from_texts({"a": text}).articles
    assert phase_claims(article) == ()


def test_read_when_week_of_a_month() -> None:
    when, end = read_when(["from", "the", "last", "week", "of", "june"], 0) or (None, 0)
    assert when is not None and (when.month, when.first, when.last, end) == (6, 22, 31, 6)


@pytest.mark.parametrize(
    ("a", "b", "dates", "relation"),
    [
        ("The trial will begin in March.", "The trial will begin in May.", None, "conflict"),
        (
            "The trial will begin in March.",
            "The trial will begin in early March.",
            None,
            "precision",
        ),
        # a date relative to publication, resolved when the articles are dated
        (
            "Crews will start repairs later this month.",
            "Crews will start repairs in the second week of April.",
            {"a": "2026-04-02", "b": "2026-04-02"},
            "precision",
        ),
        (
            "Crews will start repairs next month.",
            "Crews will start repairs in the second week of April.",
            {"a": "2026-04-02", "b": "2026-04-02"},
            "conflict",
        ),
        # undated: only a difference of precision, and the finding says it was not checked
        (
            "Crews will start repairs later this month.",
            "Crews will start repairs in the second week of April.",
            None,
            "unchecked",
        ),
        # the same date in other words
        ("Crews will start repairs in April.", "Repairs will start in April.", None, None),
        # different activities
        ("The trial will begin in March.", "The strike will begin in May.", None, None),
        # two dates for the trial in one article: which one is meant is unknown
        (
            "The trial will begin in March. A second trial will begin in June.",
            "The trial will begin in May.",
            None,
            None,
        ),
        # "this month" against "in April" with no publication date: maybe the same month
        ("Crews start repairs this month.", "Crews start repairs in April.", None, None),
        # read blind (nineteenth round): the day a rate takes effect, counted from the
        # publication date (a Thursday): the coming Friday is not the coming Monday
        (
            "The new rate applies from Friday.",
            "The new rate takes effect Monday.",
            {"a": "2026-02-12", "b": "2026-02-12"},
            "conflict",
        ),
        (
            "The new rate applies from Friday.",
            "The new rate takes effect on Friday.",
            {"a": "2026-02-12", "b": "2026-02-12"},
            None,
        ),
        # undated, "Friday" and "Monday" may be days of different weeks: not compared
        ("The new rate applies from Friday.", "The new rate takes effect Monday.", None, None),
        (
            "The ban comes into force on 1 July 2026.",
            "The ban will take effect on July 1, 2026.",
            None,
            None,
        ),
        (
            "The ban comes into force on 1 July.",
            "The ban will take effect in June.",
            None,
            "conflict",
        ),
    ],
)
def test_phases_compared(
    a: str, b: str, dates: dict[str, str] | None, relation: str | None
) -> None:
    story = story_from_texts({"a": a, "b": b}, dates=dates)
    found = compare_phases({x.id: phase_claims(x) for x in story.articles})
    assert [c.relation for c in found] == ([relation] if relation else [])


def test_phase_findings_are_never_headlines() -> None:
    texts = {
        "a": "The orchestra will start rehearsals in Vienna this month. Roads were closed.",
        "b": "Roads shut. The band will begin rehearsals in Vienna from the second week of May.",
    }
    (found,) = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    # a difference of precision only ("this month" / "the second week of May"): listed last
    assert found.confidence < 0.7 and found.severity is Severity.COSMETIC
    assert sorted(s.text for ss in found.spans.values() for s in ss) == [
        "begin rehearsals in Vienna from the second week of May",
        "start rehearsals in Vienna this month",
    ]
    assert "cannot be checked" in found.explanation
    conflict = of_kind(
        run({"a": "The trial will begin in March.", "b": "The trial will begin in May."}),
        Kind.NUMBER_DISCREPANCY,
    )
    assert [f.severity for f in conflict] == [Severity.MEDIUM]
    assert conflict[0].confidence < 0.7


def test_start_dates_of_one_passage_are_compared() -> None:
    # read blind (eighteenth round): "From 1 January, no new short-term rental licences will
    # be granted" / "Starting March 1, no new short-term rental licenses will be issued"
    tail = "no new short-term rental licences will be granted in the old town."
    texts = {"a": f"From 1 January, {tail}", "b": f"Starting March 1, {tail}"}
    (found,) = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    assert found.label == '"From 1 January" vs "Starting March 1"'
    assert found.confidence < 0.7
    same = {"a": f"From 1 March, {tail}", "b": f"Starting March 1, {tail}"}
    assert of_kind(run(same), Kind.NUMBER_DISCREPANCY) == []
    other = {"a": f"From 1 January, {tail}", "b": "Prices rose from 5.75% in March, he said."}
    assert of_kind(run(other), Kind.NUMBER_DISCREPANCY) == []
