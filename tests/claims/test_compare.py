"""claims.compare, classify.numbers_claims: figures compared story-wide, as intervals, by scope."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.compare import compare_pair, relation
from compare.claims.quantities import sentence_claims
from compare.model import Kind, Sentence

from classify_helpers import of_kind, run


def claims(text: str, aid: str = "a"):
    out = []
    for k, part in enumerate(text.split(" | ")):
        out.extend(sentence_claims(aid, Sentence(aid, k, 0, 0, len(part), 1, part, tokenize(part))))
    return out


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Nearly 50 aftershocks followed.", "More than 50 aftershocks followed.", "conflict"),
        ("At least 30 people died.", "31 people died.", "consistent"),
        ("The wall was 2 metres high.", "The wall was 8 feet high.", "conflict"),
        ("The wall was 4 metres high.", "The wall was 13 feet high.", "consistent"),
        ("Fewer than 20 people died.", "20 people died.", "conflict"),
        ("Up to 20 people died.", "20 people died.", "consistent"),
        ("Hundreds of people fled.", "600 people fled.", "precision"),
        ("About 40 people died.", "60 people died.", "conflict"),
    ],
)
def test_relation_as_intervals(a: str, b: str, expected: str) -> None:
    (x,), (y,) = claims(a), claims(b, "b")
    assert relation(x, y) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different periods
        ("Police arrested 300 people tonight.", "Police have arrested 4,100 people since March."),
        # parts of a whole
        (
            "Three people are missing in one province.",
            "Five people are missing in another province.",
        ),
        # different places
        ("Floods killed 12 people in Kent.", "Floods killed 5 people in Surrey."),
        # different things counted
        ("Floods killed 12 people.", "Floods injured 30 people."),
        ("Troops took 13 villages in the north.", "Troops took seven villages."),
        # an article that also gives the other's figure agrees
        ("The storm killed 12 people. | Later 3 more died.", "The storm killed 12 people."),
        # a bare figure says nothing about what it counts
        ("The score was 12.", "The score was 15."),
    ],
)
def test_not_compared_or_agreeing(a: str, b: str) -> None:
    assert compare_pair(claims(a), claims(b, "b")) == []


STORY_A = (
    "Rescuers worked through the night in the valley. "
    "Officials said the quake has claimed 21 lives. "
    "Roads into the town were closed."
)
STORY_B = (
    "Roads into the town were closed by landslides. "
    "Aid began arriving on trucks from the capital. "
    "The quake hit before dawn, killing 27 people."
)


def test_toll_in_other_words_and_paragraph_is_one_finding() -> None:
    found = of_kind(run({"a": STORY_A, "b": STORY_B}), Kind.NUMBER_DISCREPANCY)
    assert len(found) == 1
    assert {s.text for ss in found[0].spans.values() for s in ss} == {"21", "27"}
    assert found[0].confidence >= 0.7


def test_three_outlets_one_finding_listing_each_figure() -> None:
    third = (
        "Aid arrived. Crews searched the valley. The toll rose as 24 people were confirmed dead."
    )
    found = of_kind(run({"a": STORY_A, "b": STORY_B, "c": third}), Kind.NUMBER_DISCREPANCY)
    quoted = sorted(s.text for f in found for ss in f.spans.values() for s in ss)
    assert quoted == ["21", "24", "27"]


def test_an_earlier_figure_gets_a_time_note() -> None:
    dates = {"a": "2026-03-01", "b": "2026-03-04"}
    (f,) = of_kind(run({"a": STORY_A, "b": STORY_B}, dates=dates), Kind.NUMBER_DISCREPANCY)
    assert f.time_note is not None and "earlier figure" in f.explanation


def test_uncertain_finding_is_never_a_headline() -> None:
    # Two values in one article for the same count: the rules cannot tell which is meant.
    a = "Roads shut. Officials counted nearly 50 aftershocks. They later counted 20 aftershocks."
    b = "Officials counted 80 aftershocks. Floods killed 12 people."
    c = "Floods killed 15 people. Roads were shut."
    found = run({"a": a, "b": b, "c": c})
    nums = of_kind(found, Kind.NUMBER_DISCREPANCY)
    uncertain = [f for f in nums if f.confidence < 0.7]
    certain = [f for f in found if f.confidence >= 0.7]
    assert uncertain, "the aftershock counts should be an uncertain finding"
    # Fewer certain findings than headline slots: every certain one ranks first.
    assert len(certain) < 5
    assert max(found.index(f) for f in certain) < min(found.index(f) for f in uncertain)


def test_scope_guard_drops_a_passage_finding_of_different_periods() -> None:
    found = run(
        {
            "a": "Police arrested 300 people in the old town tonight.",
            "b": "Police arrested 4,100 people in the old town since March.",
        }
    )
    assert of_kind(found, Kind.NUMBER_DISCREPANCY) == []


def test_shares_of_different_groups_are_not_compared() -> None:
    # A poll's share for one group is not its share for everyone, nor for another group.
    young = "Among young voters, the mayor won 9 percent in the poll."
    for other in (
        "The mayor won 11 percent in the poll.",
        "Among older voters, the mayor won 11 percent in the poll.",
    ):
        assert of_kind(run({"a": other, "b": young}), Kind.NUMBER_DISCREPANCY) == []
    same = "Among young voters, the mayor won 11 percent in the poll."
    (found,) = of_kind(run({"a": same, "b": young}), Kind.NUMBER_DISCREPANCY)
    assert found.label == '"9 percent" vs "11 percent"'


@pytest.mark.parametrize(
    ("a", "b", "severity", "words"),
    [
        # the same amount, rounded: low
        ("The dam cost $3.18 billion.", "The dam cost $3.2 billion.", 4, "rounded"),
        # a bound the exact figure lies within: not critical
        ("At least 30 people died in the fire.", "31 people died in the fire.", 2, "both be true"),
        # disjoint: critical, no remark
        ("The quake killed 40 people.", "The quake killed 52 people.", 1, None),
    ],
)
def test_passage_findings_judged_again(a: str, b: str, severity: int, words: str | None) -> None:
    (f,) = of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)
    assert int(f.severity) == severity
    if words is None:
        assert "both be true" not in f.explanation and "rounded" not in f.explanation
    else:
        assert words in f.explanation


def test_qualifiers_that_exclude_each_other_are_a_discrepancy_not_a_hedge() -> None:
    found = run(
        {
            "a": "Nearly 50 aftershocks followed the quake.",
            "b": "More than 50 aftershocks followed.",
        }
    )
    assert of_kind(found, Kind.HEDGE_CHANGE) == []
    (f,) = of_kind(found, Kind.NUMBER_DISCREPANCY)
    assert {s.text for ss in f.spans.values() for s in ss} == {"Nearly 50", "More than 50"}


@pytest.mark.parametrize(
    ("b", "conflict"),
    [
        ("Fires burnt 7 million acres of bush.", True),  # vs its own "7.4 million acres"
        ("Fires burnt 7.4 million acres of bush.", False),
    ],
)
def test_a_conversion_in_brackets_is_compared_as_written(b: str, conflict: bool) -> None:
    a = "Fires burnt 3 million hectares (7.4 million acres) of bush."
    assert bool(of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)) is conflict


@pytest.mark.parametrize(
    ("a", "b", "certain"),
    [
        # the same word governs both figures: sure
        ("The firm paid $43 million in tax.", "The firm paid $49 million in tax.", True),
        # a casualty count: sure
        ("The blast killed 12 miners.", "The blast killed 15 miners.", True),
        # different words govern two close amounts in paired sentences: maybe different amounts
        ("The firm paid $43 million in tax.", "The firm owed $49 million in tax.", False),
    ],
)
def test_aligned_figures_the_claims_cannot_anchor_are_uncertain(
    a: str, b: str, certain: bool
) -> None:
    (f,) = of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)
    assert (f.confidence >= 0.7) is certain
    assert (int(f.severity) <= 2) is certain


def test_hedge_before_a_currency_sign_qualifies_the_amount() -> None:
    (x,), (y,) = (
        claims("The ad cost more than $1 million."),
        claims("The ad cost $1.1 million.", "b"),
    )
    assert x.qualifier == "min" and relation(x, y) == "consistent"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The club paid $12 million in wages.", "The club earned $40 million in wages."),
        ("He gave 10 percent of his pay away.", "His tax rate was 41 percent of his pay."),
    ],
)
def test_unanchored_figures_far_apart_are_two_amounts(a: str, b: str) -> None:
    """Aligned, but governed by different words and more than 1.5 times apart: no finding."""
    assert of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY) == []


def test_figures_a_third_outlet_gives_side_by_side_are_two_amounts() -> None:
    a = "The city's property levy was 2.1 percent last year."
    b = "The city's property levy was 3.4 percent last year."
    c = "The property levy was 2.1 percent, while the combined levy was 3.4 percent."
    assert of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)
    assert of_kind(run({"a": a, "b": b, "c": c}), Kind.NUMBER_DISCREPANCY) == []


def test_a_toll_a_third_outlet_updates_is_still_a_discrepancy() -> None:
    a = "The storm killed 12 people in the valley."
    b = "The storm killed 15 people in the valley."
    c = "The toll from the storm rose to 15 people from 12 people on Monday."
    found = of_kind(run({"a": a, "b": b, "c": c}), Kind.NUMBER_DISCREPANCY)
    assert any({"a", "b"} <= set(f.spans) for f in found)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # read blind: a later outlet's revised count was taken for the same "about" figure
        ("About 31,000 passengers were affected.", "About 38,500 passengers were affected.",
         "conflict"),
        ("About 50 people were hurt.", "About 48 people were hurt.", "consistent"),
        ("About 31,000 people were hurt.", "About 30,000 people were hurt.", "consistent"),
        # two ranges for one estimate, read blind as "can both be true"
        ("Losses were between 12 million and 15 million crowns.",
         "Losses were between 12 million and 18 million crowns.", "conflict"),
    ],
)  # fmt: skip
def test_two_estimates_that_no_rounding_makes_one(a: str, b: str, expected: str) -> None:
    (x,), (y,) = claims(a), claims(b, "b")
    assert relation(x, y) == expected


def test_a_figure_reported_after_said_is_compared_by_its_own_verb() -> None:
    a = "Flights were cancelled, affecting about 31,000 passengers, the airline said."
    b = (
        "In revised figures released on Tuesday, Skyrell said about 38,500 passengers had "
        "been affected in total."
    )
    (found,) = compare_pair(claims(a), claims(b, "b"))
    assert {found.a.text, found.b.text} == {"about 31,000", "about 38,500"}


def test_a_village_count_is_no_count_of_people_evacuated() -> None:
    # read blind: "two of the evacuated villages" was set against "Thousands" evacuated
    (x,) = claims("Sirens failed to sound in two of the evacuated villages.")
    assert x.noun == "villag" and x.counted != "people"


@pytest.mark.parametrize(
    "sentence",
    [
        "Four of the rescued were taken to hospital in Karak with fractures.",
        "Three of the dead were children, the ministry said.",
    ],
)
def test_a_part_of_a_group_its_event_names_is_no_count_of_the_group(sentence: str) -> None:
    # read blind (nineteenth round): "Four of the rescued were taken to hospital" was a
    # rescue count of four, set against another outlet's "More than 20 people had been
    # rescued"
    (x,) = claims(sentence)
    assert x.what is None


def test_figures_governed_by_one_verb_with_an_object_between_are_one_amount() -> None:
    # read blind: "will cost 1.4 billion" / "will cost the state 1.9 billion" were "not sure
    # to count the same thing"
    found = of_kind(
        run(
            {
                "a": "Ministers agreed. The settlement will cost 1.4 billion florins.",
                "b": "Ministers agreed. The package will cost the state 1.9 billion florins.",
            }
        ),
        Kind.NUMBER_DISCREPANCY,
    )
    assert [f.label for f in found] == ['"1.4 billion" vs "1.9 billion"']
    assert found[0].confidence >= 0.7


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # read blind: within a fifth of "around 540,000", 610,000 was "can both be true"
        ("Around 540,000 customers hold accounts.", "610,000 customers hold accounts.",
         "conflict"),
        ("About 50 people were hurt.", "48 people were hurt.", "consistent"),
        ("About 31,000 people were hurt.", "30,500 people were hurt.", "consistent"),
    ],
)  # fmt: skip
def test_an_exact_figure_that_does_not_round_to_the_estimate(a: str, b: str, expected: str) -> None:
    (x,), (y,) = claims(a), claims(b, "b")
    assert relation(x, y) == expected


def test_a_participle_after_the_counted_noun_is_not_its_head() -> None:
    # read blind (seventh round): "Nine guards taken hostage" counted hostages, so it was
    # never set against "freed seven guards"
    (nine,) = claims("Nine guards taken hostage during the riot walked free on Tuesday.")
    (troops,) = claims("The army sent 200 ground troops.")
    assert (nine.noun, troops.noun) == ("guard", "troop")


def test_money_in_a_currency_named_in_words_counts_what_it_is_in() -> None:
    # read blind (seventh round): 25 million / 52 million crowns "in compensation" were
    # never compared: "crowns" was no currency and the money counted nothing
    a = "The union is demanding 25 million crowns in compensation for lost harvests."
    b = "The union is demanding 52 million crowns in compensation for lost harvests."
    (x,), (y,) = claims(a), claims(b, "b")
    assert (x.unit, x.noun) == ("crown", "compens")
    assert relation(x, y) == "conflict" and compare_pair([x], [y])


def test_an_if_after_the_figure_makes_no_hypothetical() -> None:
    (demand,) = claims("The union is demanding 25 million crowns and will sue if it is not paid.")
    (unless,) = claims("The union will sue unless it is paid 25 million crowns.")
    (could,) = claims("As many as 25 people could die.")
    assert (demand.scope.hypothetical, unless.scope.hypothetical, could.scope.hypothetical) == (
        False,
        True,
        True,
    )


def test_vague_amounts_that_agree_do_not_hide_precise_ones_that_differ() -> None:
    # read blind: both ledes' "tens of thousands of passengers" hid 31,000 / 38,500
    lede = "The outage left tens of thousands of passengers stranded."
    a = f"{lede} | Flights were cancelled, affecting about 31,000 passengers."
    b = f"{lede} | Skyrell said about 38,500 passengers had been affected."
    (found,) = compare_pair(claims(a), claims(b, "b"))
    assert {found.a.text, found.b.text} == {"about 31,000", "about 38,500"}
    assert found.confidence >= 0.6


def test_vague_amounts_that_agree_still_hide_a_difference_of_precision() -> None:
    a = "Hundreds of people fled the town. | Some 600 people fled the town."
    assert compare_pair(claims(a), claims("Hundreds of people fled the town.", "b")) == []


def test_a_measure_with_its_own_conversion_agrees_with_that_conversion() -> None:
    # read blind (twenty-fourth round): "about 25 miles (40 kilometers)" was scaled by the
    # written 25, not by its length in metres, and set against "40km" as a conflict
    from compare.model import Kind

    from classify_helpers import of_kind, run

    found = run(
        {
            "a": "Rescuers pulled 61 survivors from the sea about 25 miles (40 kilometers) north "
            "of the port.",
            "b": "Rescuers pulled 61 survivors from the sea 40km north of the port.",
        }
    )
    assert of_kind(found, Kind.NUMBER_DISCREPANCY) == []
