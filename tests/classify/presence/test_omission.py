"""omission: omitted and added passages, weighted by content, briefs noted."""

from __future__ import annotations

import pytest

from compare.classify.presence import omission
from compare.model import Finding, Kind, Severity
from compare.util.options import Options

from classify_helpers import of_kind, run

LONG = "The council met on Monday. A landslide killed 7 hikers. The mayor spoke briefly. "


def test_passage_most_outlets_carry_is_omitted_by_the_other() -> None:
    slide = "A landslide killed 7 hikers."
    texts = {"a": slide, "b": slide, "c": "The mayor spoke briefly."}
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}}
    found = run(texts, cells=cells)
    (omitted,) = of_kind(found, Kind.OMITTED_PASSAGE)
    assert omitted.passage_id == "p1" and omitted.spans["c"] == ()
    assert [s.text for s in omitted.spans["a"]] == [slide]
    (added,) = of_kind(found, Kind.ADDED_PASSAGE)
    assert added.passage_id == "p2" and list(added.spans) == ["c"]


@pytest.mark.parametrize("tiny", ["\u201cHow are you?\u201d", "Why?", "Details here."])
def test_a_passage_that_says_little_is_neither_omitted_nor_added(tiny: str) -> None:
    slide = "A landslide killed 7 hikers."
    texts = {"a": f"{slide} {tiny}", "b": f"{slide} {tiny}", "c": slide}
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    assert of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE) == []
    texts = {"a": f"{slide} {tiny}", "b": slide, "c": slide}
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": (1,)}}
    assert of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE) == []


def test_a_fragment_inside_a_longer_run_stays_in_it() -> None:
    own = "The mayor spoke briefly. Why? She left at noon."
    texts = {"a": f"A landslide killed 7 hikers. {own}", "b": "A landslide killed 7 hikers."}
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1, 2, 3)}}
    (added,) = of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)
    assert "Why?" in " ".join(s.text for s in added.spans["a"])


def test_casualty_passage_ranks_above_background() -> None:
    shared = "Rescuers searched the slopes until dark."
    texts = {
        "a": f"A landslide killed 7 hikers. {shared} The valley is known for its orchards.",
        "b": f"A landslide killed 7 hikers. {shared} The valley is known for its orchards.",
        "c": f"{shared} Rain fell on the valley for most of the week and the old orchards flooded.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,)},
        "p2": {"a": (1,), "b": (1,), "c": (0,)},
        "p3": {"a": (2,), "b": (2,)},
        "p4": {"c": (1,)},
    }
    omitted = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert [(f.passage_id, f.severity) for f in omitted] == [
        ("p1", Severity.HIGH),
        ("p3", Severity.LOW),
    ]
    assert "casualty" in omitted[0].explanation


def test_a_toll_the_omitter_gives_elsewhere_does_not_grade_the_omission() -> None:
    shared = "Rescuers searched the slopes until dark."
    cut = "The governor said the landslide killed 7 hikers and hurt 12 more on the trail."
    texts = {
        "a": f"{cut} {shared}",
        "b": f"{cut} {shared}",
        "c": f"{shared} Seven hikers died and a dozen were injured when the hillside gave way.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,)},
        "p2": {"a": (1,), "b": (1,), "c": (0,)},
        "p3": {"c": (1,)},
    }
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.severity > Severity.HIGH and "casualty" not in omitted.explanation
    texts["c"] = f"{shared} The hillside gave way after a week of rain in the valley."
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.severity == Severity.HIGH and "casualty" in omitted.explanation


@pytest.mark.parametrize(
    ("a_quote", "b_quote", "omitted"),
    [
        (  # two people's different words on one theme: no one passage
            "\u201cThe district has never had a leader who listens,\u201d Mayor Ana Holm said.",
            "\u201cOur schools need money and teachers now,\u201d Senator Karl Reyes said.",
            False,
        ),
        (  # one speaker, two excerpts of one statement: still one passage
            "\u201cThe district has never had a leader who listens,\u201d Mayor Ana Holm said.",
            "\u201cNobody in this district listens to parents,\u201d Holm said of the board.",
            True,
        ),
        (  # the same words quoted by both
            "\u201cThe district has never had a leader who listens,\u201d Mayor Ana Holm said.",
            "\u201cThe district has never had a leader who listens,\u201d Holm said on Monday.",
            True,
        ),
    ],
)
def test_carriers_quoting_different_people_make_no_omission(
    a_quote: str, b_quote: str, omitted: bool
) -> None:
    shared = "The school board voted to close four schools in the district on Monday night."
    texts = {"a": f"{shared} {a_quote}", "b": f"{shared} {b_quote}", "c": shared}
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    found = of_kind(
        run(texts, cells=cells, options=Options(sentence_meanings=False)), Kind.OMITTED_PASSAGE
    )
    assert bool(found) is omitted


def test_consecutive_cut_sentences_are_one_omission() -> None:
    """A three-sentence statement one outlet cuts is one finding quoting all of it."""
    quote = (
        "\u201cI apologise to everyone I hurt,\u201d the mayor said. \u201cI will repay the "
        "money.\u201d \u201cIt will not happen again.\u201d"
    )
    texts = {
        "a": f"The mayor resigned on Friday. {quote} The council meets next week.",
        "b": f"The mayor resigned on Friday. {quote} The council meets next week.",
        "c": "The mayor resigned on Friday. The council meets next week. "
        "Its members will choose an acting mayor from among themselves before the summer.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,)},
        "p3": {"a": (2,), "b": (2,)},
        "p4": {"a": (3,), "b": (3,)},
        "p5": {"a": (4,), "b": (4,), "c": (1,)},
        "p6": {"c": (2,)},
    }
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.passage_id == "p2" and omitted.spans["c"] == ()
    assert [s.text for s in omitted.spans["a"]] == [quote]
    assert "carry these 3 sentences" in omitted.explanation
    assert omitted.severity == Severity.MEDIUM  # a quotation


def test_cuts_apart_in_a_carrier_stay_two_omissions() -> None:
    """Passages that do not follow each other in a carrier's text are separate cuts."""
    texts = {
        "a": "A bridge closed. Traffic was diverted. Trains ran late. Schools shut early.",
        "b": "A bridge closed. Schools shut early. Traffic was diverted. Trains ran late.",
        "c": "Traffic was diverted.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,)},
        "p2": {"a": (1,), "b": (2,), "c": (0,)},
        "p3": {"a": (2,), "b": (3,)},
        "p4": {"a": (3,), "b": (1,)},
    }
    omitted = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert sorted(f.passage_id for f in omitted) == ["p1", "p3", "p4"]


def test_brief_omissions_rank_lower_and_say_why() -> None:
    texts = {"a": LONG * 6, "b": LONG * 6, "c": "The council met on Monday."}
    found = run(texts)
    omitted = [f for f in of_kind(found, Kind.OMITTED_PASSAGE) if "c" in f.spans]
    assert omitted and all("much shorter" in f.explanation for f in omitted)
    assert all(f.severity >= Severity.MEDIUM for f in omitted)


def test_passage_in_one_of_three_not_omitted_by_minority() -> None:
    texts = {"a": "Rain flooded roads.", "b": "The mayor resigned.", "c": "The mayor has resigned."}
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,), "c": (0,)}}
    found = run(texts, cells=cells)
    assert [f.passage_id for f in of_kind(found, Kind.OMITTED_PASSAGE)] == ["p2"]
    assert [f.passage_id for f in of_kind(found, Kind.ADDED_PASSAGE)] == ["p1"]


def test_passage_half_the_outlets_carry_is_not_an_omission() -> None:
    texts = {
        "a": "The mayor resigned.",
        "b": "The mayor resigned.",
        "c": "Heavy rain flooded the stadium car park.",
        "d": "A new bakery opened on the high street.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}, "p3": {"d": (0,)}}
    found = run(texts, cells=cells)
    assert of_kind(found, Kind.OMITTED_PASSAGE) == []
    assert sorted(f.passage_id for f in of_kind(found, Kind.ADDED_PASSAGE)) == ["p2", "p3"]


def test_with_a_reference_consecutive_cuts_are_one_omission() -> None:
    texts = {
        "a": "The dam held overnight. Engineers inspected the spillway at dawn. "
        "They found two cracks in the concrete. Residents returned home on Friday.",
        "b": "The dam held overnight. Residents returned home on Friday.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,)},
        "p2": {"a": (1,)},
        "p3": {"a": (2,)},
        "p4": {"a": (3,), "b": (1,)},
    }
    found = run(texts, cells=cells, options=Options(reference="a"))
    (omitted,) = of_kind(found, Kind.OMITTED_PASSAGE)
    assert omitted.explanation.startswith(
        "The reference (a) carries these 2 sentences; b does not."
    )
    assert [s.text for s in omitted.spans["a"]] == [
        "Engineers inspected the spillway at dawn. They found two cracks in the concrete."
    ]


def test_an_article_published_before_the_others_omits_uncertainly_and_says_why() -> None:
    texts = {
        "a": "The vote is due on Friday. The bill passed by 61 votes to 39 on Friday.",
        "b": "The vote is due on Friday. The bill passed by 61 votes to 39 on Friday.",
        "c": "The vote is due on Friday. Senators are expected to approve it.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,)},
        "p3": {"c": (1,)},
    }
    dates = {"a": "2024-03-08", "b": "2024-03-09", "c": "2024-03-06"}
    (omitted,) = of_kind(run(texts, cells=cells, dates=dates), Kind.OMITTED_PASSAGE)
    assert omitted.confidence < 1.0
    assert omitted.time_note and "before the others" in omitted.time_note
    assert "6 Mar 2024" in omitted.time_note
    (added,) = of_kind(run(texts, cells=cells, dates=dates), Kind.ADDED_PASSAGE)
    assert added.time_note is None  # c is the earliest, not the latest
    # published on the same day as a carrier: no note, no doubt
    same = {"a": "2024-03-08", "b": "2024-03-09", "c": "2024-03-08"}
    (omitted,) = of_kind(run(texts, cells=cells, dates=same), Kind.OMITTED_PASSAGE)
    assert omitted.confidence == 1.0 and omitted.time_note is None


def test_an_article_published_after_the_others_says_its_own_material_may_be_later_news() -> None:
    texts = {
        "a": "The vote is due on Friday. Senators are expected to approve it.",
        "b": "The vote is due on Friday. The bill passed by 61 votes to 39 on Friday.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,)}, "p3": {"b": (1,)}}
    dates = {"a": "2024-03-06", "b": "2024-03-09"}
    added = {
        f.spans["b"][0].text: f
        for f in of_kind(run(texts, cells=cells, dates=dates), Kind.ADDED_PASSAGE)
        if "b" in f.spans
    }
    (late,) = added.values()
    assert late.time_note and "after the others" in late.time_note


def test_loosely_alike_carriers_and_an_omitter_close_to_them_give_no_omission(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two weak signals together: the carriers only loosely alike, the omitter near them."""
    slide = "A landslide killed 7 hikers near the old mill on Sunday."
    near = "Hikers walking near the old mill on Sunday were caught when the landslide came down."
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}}

    def omitted_with(agreement: float, omitter_text: str) -> list[Finding]:
        monkeypatch.setattr(omission, "carriers_agreement", lambda *_args: agreement)
        texts = {"a": slide, "b": slide, "c": omitter_text}
        return of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)

    (closely,) = omitted_with(0.7, near)
    assert closely.confidence < 1.0  # the omitter may tell it: uncertain
    assert omitted_with(0.55, near) == []
    # an omitter that tells nothing like it still omits it, however loosely the carriers agree
    (certain,) = omitted_with(0.55, "The mayor spoke briefly about the budget.")
    assert certain.confidence == 1.0
    # carriers that tell different things give no omission at all
    assert omitted_with(0.4, "The mayor spoke briefly about the budget.") == []


@pytest.mark.parametrize(("own", "graded"), [(6, Severity.MEDIUM), (5, Severity.LOW)])
def test_a_long_run_of_own_material_is_graded_as_its_omission_would_be(
    own: int, graded: Severity
) -> None:
    """Six sentences in a row only one outlet has are a piece of its own reporting."""
    shared = "The mayor resigned on Friday."
    extra = " ".join(
        f"\u201cThe {word} were my first concern,\u201d the mayor told reporters at length."
        for word in ("roads", "schools", "taxes", "parks", "buses", "libraries")[:own]
    )
    texts = {"a": f"{shared} {extra}", "b": shared, "c": shared}
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": tuple(range(1, own + 1))}}
    (added,) = of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)
    assert f"these {own} sentences" in added.explanation and "quotation" in added.explanation
    assert added.severity == graded


def test_a_measure_given_in_another_unit_is_no_passage_left_out() -> None:
    # read blind (twenty-fourth round): "The ground will take up 14 hectares" against another
    # outlet's "on 35 acres" was called left out (the figures' units were their counted words)
    from compare.align.segment import tokenize
    from compare.classify.presence import carried

    assert carried.figures(tokenize("The ground will take up 14 hectares of parkland.")) == {
        ("14", "area")
    }
    assert carried._anchored({("14", "area")}, frozenset({("35", "area")}))
