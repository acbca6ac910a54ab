"""hedges: word hedges added, removed or swapped."""

from __future__ import annotations

import pytest

from compare.classify.pairs import WRITTEN_TOGETHER, CellPair
from compare.model import Kind, Severity

from classify_helpers import of_kind, run, the_finding


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "The suspect allegedly stole the car.",
            "The suspect stole the car.",
            '"allegedly" vs no hedge',
        ),
        (
            "The striker reportedly signed a new deal.",
            "The striker signed a new deal.",
            '"reportedly" vs no hedge',
        ),
        ("The so-called reform passed.", "The reform passed.", '"so-called" vs no hedge'),
        # read blind (fifteenth round): "the suspected ringleader" / "the ringleader"
        (
            "Prosecutors identified the suspected ringleader as Jon Vale, 31.",
            "Prosecutors identified the ringleader as Jon Vale, 31.",
            '"suspected" vs no hedge',
        ),
        # read blind (seventeenth round): "dozens more are feared trapped" / "still trapped"
        (
            "Eleven people died and dozens more are feared trapped in the rubble.",
            "Eleven people died and dozens more are trapped in the rubble.",
            '"are feared" vs no hedge',
        ),
        (
            "The group listed so-called illegal dumps.",
            "The group listed alleged illegal dumps.",
            '"alleged" vs "so-called"',
        ),
        (
            "The comet apparently broke apart.",
            "The comet reportedly broke apart.",
            '"apparently" vs "reportedly"',
        ),
        (
            "Warmer seas may be making the storms stronger.",
            "Warmer seas are making the storms stronger.",
            '"may be" vs no hedge',
        ),
        # an accusation in the passive names no accuser: the other version states the act
        (
            "The government has been accused of rigging the election.",
            "The government rigged the election.",
            '"accused of" vs no hedge',
        ),
        (
            "The company is accused of dumping waste in the river.",
            "The company dumped waste in the river.",
            '"accused of" vs no hedge',
        ),
    ],
)
def test_hedge_changes(a: str, b: str, label: str) -> None:
    finding = the_finding(a, b, Kind.HEDGE_CHANGE, label)
    assert set(finding.spans) == {"a", "b"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The suspect allegedly stole the car.", "Allegedly, the suspect stole the car."),  # moved
        (
            "The minister alleged that aides lied.",
            "The minister said aides lied.",
        ),  # a verb: attribution
        ("The storm killed at least 13 people.", "The storm killed 14 people."),  # numbers own it
        ("Prices rose sharply.", "Prices rose steeply."),
        ("The vote is due in May.", "The vote is due in June."),  # a month, not a modal
        # "suspected" as a verb reports a belief; "suspected of" is a charge's
        ("Police suspected the driver was drunk.", "Police thought the driver was drunk."),
        # the other version weighs the odds in words the hedge list does not hold
        (
            "The savings would likely come from lower payments to providers.",
            "The savings were expected to come from lower payments to providers.",
        ),
        (
            "Reports said she may have violated federal records law.",
            "Reports raised the possibility that she violated federal records law.",
        ),
        # a charge is no more the writer's finding than an accusation
        ("The man is accused of killing his wife.", "The man is charged with killing his wife."),
        # read blind (seventh round): a rule, not odds; and a cap is a maximum
        (
            "Under the rules, gardens may not be watered and cars may not be washed.",
            "Under the rules, watering gardens and washing cars are banned.",
        ),
        (
            "The administrators have capped withdrawals at 500 crowns a day.",
            "The administrators allow withdrawals of no more than 500 crowns a day.",
        ),
    ],
)
def test_not_hedge_changes(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE) == []


def test_explanation_says_claim_reads_as_fact() -> None:
    (f,) = of_kind(run({"a": "He reportedly resigned.", "b": "He resigned."}), Kind.HEDGE_CHANGE)
    assert "second-hand" in f.explanation and "established fact" in f.explanation
    assert f.spans["a"][0].text == "reportedly resigned"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the qualified words ("harassment", "mentally ill") are not in the other version:
        # it does not state the claim as fact, it does not state it at all
        (
            "She acted because of the alleged harassment by her employer, the officer said.",
            "She acted because of her employer, the officer said.",
        ),
        (
            "The officer said the driver may have been mentally ill.",
            "The officer said the driver was new to the town.",
        ),
        # "any role" does not state that there was one
        (
            "The families want the kingdom held to account for its alleged role in the plot.",
            "The families want the kingdom held to account for any role in the plot.",
        ),
        (
            "The firm denied the alleged payments to the official.",
            "The firm denied making any direct payments to the official.",
        ),
    ],
)
def test_no_hedge_finding_when_the_other_version_lacks_the_claim(a: str, b: str) -> None:
    assert not of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)


def test_one_sided_hedge_quotes_the_qualified_word_in_the_other_version() -> None:
    found = the_finding(
        "Crews allegedly dumped waste.",
        "Crews dumped waste.",
        Kind.HEDGE_CHANGE,
        '"allegedly" vs no hedge',
    )
    assert [s.text for s in found.spans["b"]] == ["dumped"]


@pytest.mark.parametrize(
    ("a", "b", "unhedged"),
    [
        # Nothing in the hedge's place: the claim with its auxiliary is quoted.
        (
            "Talks between the union and the board appeared to have stalled on Monday.",
            "Talks between the union and the board have stalled on Monday.",
            "have stalled",
        ),
        # The claim stands elsewhere in the other version: the claim itself is quoted.
        (
            "The ferry service reportedly stopped after the storm.",
            "After the storm the ferry service stopped, the port said.",
            "stopped",
        ),
    ],
)
def test_the_unhedged_side_quotes_the_claim_it_states(a: str, b: str, unhedged: str) -> None:
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert [s.text for s in finding.spans["b"]] == [unhedged]


def test_hedge_its_own_outlet_drops_elsewhere_is_minor_and_never_a_headline() -> None:
    hedged = "The clerk who allegedly stole the ledger was arrested. He stole the ledger in May."
    plain = "The clerk who stole the ledger was arrested. Police recovered it on Friday."
    (finding,) = of_kind(run({"a": hedged, "b": plain}), Kind.HEDGE_CHANGE)
    assert finding.severity == Severity.LOW and finding.confidence < 0.7
    assert "without a hedge elsewhere" in finding.explanation


def test_hedge_kept_throughout_its_outlet_stays_certain() -> None:
    hedged = "The clerk who allegedly stole the ledger was arrested. Police recovered it in May."
    plain = "The clerk who stole the ledger was arrested. Police recovered it on Friday."
    (finding,) = of_kind(run({"a": hedged, "b": plain}), Kind.HEDGE_CHANGE)
    assert finding.severity == Severity.MEDIUM and finding.confidence == 1.0


def test_so_called_against_the_label_in_quotation_marks_is_no_hedge_change() -> None:
    a = "Couples will now face the so-called marriage penalty on their taxes."
    b = "Couples will now face the \u201cmarriage penalty\u201d on their taxes."
    assert of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE) == []
    plain = "Couples will now face the marriage penalty on their taxes."
    assert of_kind(run({"a": a, "b": plain}), Kind.HEDGE_CHANGE), "without the quotes it is one"


def test_a_hedge_only_the_earlier_article_has_is_uncertain_and_says_why() -> None:
    """A preview's "likely to include" against "includes" once the plan is out: timing."""
    hedged = "The plan is likely to include a ban on the sale of fireworks."
    plain = "The plan includes a ban on the sale of fireworks."
    texts = {"a": hedged, "b": plain}
    (earlier,) = of_kind(
        run(texts, dates={"a": "2024-03-04", "b": "2024-03-06"}), Kind.HEDGE_CHANGE
    )
    assert earlier.confidence < 0.7 and "published earlier" in earlier.explanation
    # the hedge in the later article is a choice of words: certain
    (later,) = of_kind(run(texts, dates={"a": "2024-03-06", "b": "2024-03-04"}), Kind.HEDGE_CHANGE)
    assert later.confidence == 1.0 and "published earlier" not in later.explanation
    (same_day,) = of_kind(
        run(texts, dates={"a": "2024-03-06", "b": "2024-03-06"}), Kind.HEDGE_CHANGE
    )
    assert same_day.confidence == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the hedge is the quoted speaker's word, not the outlet's
        (
            '"Your budget appears to reflect the values of Ayn Rand," says the letter.',
            '"Your budget reflects the values of Ayn Rand," said the priest.',
        ),
        # the unhedged claim is a quoted speaker's: credited, not stated as fact
        (
            "The ad will reportedly air in Miami and Tampa next week.",
            '"The ad will air in Miami and Tampa next week," a Republican said.',
        ),
        # a hedge in a quoted fragment against another quotation of the same words
        (
            'The minister said the fire "appears to have been set deliberately" on Monday.',
            'The minister said the fire "had been set deliberately" on Monday.',
        ),
    ],
)
def test_no_hedge_change_against_words_in_quotation_marks(a: str, b: str) -> None:
    cells = {"p1": {"a": (0,), "b": (0,)}}
    assert of_kind(run({"a": a, "b": b}, cells=cells), Kind.HEDGE_CHANGE) == []


@pytest.mark.parametrize(
    ("b", "hedged"),
    [
        # an accuser's or a doubted claim is as unproven as "allegedly": no hedge dropped
        ("Lawmakers accused the protesters of hurling racial slurs at them.", False),
        ("Lawmakers claimed the protesters were hurling racial slurs at them.", False),
        # a neutral source still asserts it; an accusation after the claim carries nothing
        ("Lawmakers said the protesters were hurling racial slurs at them.", True),
        ("The protesters were hurling racial slurs at lawmakers, who accused them.", True),
    ],
)
def test_a_claim_an_accusation_carries_is_not_stated_as_fact(b: str, hedged: bool) -> None:
    a = "The protesters allegedly were hurling racial slurs at lawmakers."
    found = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert any(f.label == '"allegedly" vs no hedge' for f in found) is hedged


@pytest.mark.parametrize(
    ("b", "hedged"),
    [
        # read blind (twenty-first round): the plain present "accuse" credits the claim too
        ("He was met by the mayor, whom prosecutors accuse of taking bribes.", False),
        ("He was met by the mayor. Prosecutors accuse him of taking bribes.", False),
        # a neutral verb asserts it; an accusation after the claim carries nothing
        ("He was met by the mayor, who was taking bribes, officials said.", True),
        ("He was met by the mayor, who was taking bribes, as critics accuse.", True),
    ],
)
def test_the_plain_present_accuse_credits_the_claim(b: str, hedged: bool) -> None:
    a = "He was met by the mayor, who is accused of taking bribes."
    found = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert any(f.label == '"accused of" vs no hedge' for f in found) is hedged


@pytest.mark.parametrize(
    ("hedged", "label", "shared", "found"),
    [
        ("likely fled", '"likely" vs no hedge', 0.5, True),
        ("likely fled", '"likely" vs no hedge', 0.3, False),  # the writer's odds, written apart
        ("reportedly fled", '"reportedly" vs no hedge', 0.3, False),
        ("allegedly fled", '"allegedly" vs no hedge', 0.3, True),  # a doubt on a charge stays
    ],
)
def test_odds_and_hearsay_are_compared_only_in_sentences_written_together(
    monkeypatch: pytest.MonkeyPatch, hedged: str, label: str, shared: float, found: bool
) -> None:
    assert WRITTEN_TOGETHER > 0.3
    monkeypatch.setattr(CellPair, "shared_share", lambda _self: shared)
    a, b = f"The suspect {hedged} the city on Monday.", "The suspect fled the city on Monday."
    labels = [f.label for f in of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)]
    assert (label in labels) is found


def test_appearing_to_is_a_hedge() -> None:
    # From a blind reading: "a file appearing to contain customer records" against "a file
    # containing customer records" was reported as a rewording that changes no facts.
    a = "A researcher said a file appearing to contain customer records was sold in January."
    b = "A researcher said a file containing customer records was sold in January."
    (found,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert "appearing to" in found.label


def test_is_expected_to_is_a_hedge() -> None:
    # From a blind reading: "is expected to open an investigation" / "will open".
    a = "The competition authority is expected to open an in-depth investigation."
    b = "The competition authority will open an in-depth investigation."
    (found,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert "is expected to" in found.label


def test_a_hedge_with_its_own_verb_in_one_edited_sentence_is_a_hedge_change() -> None:
    # From a blind reading: "appeared to originate in" / "struck" was the rewording
    # "originate in" vs "struck", and the hedge was lost.
    found = run(
        {
            "a": "The blast struck a storage unit at the chemical company site on the edge of "
            "town late on Monday.",
            "b": "The blast appeared to originate in a storage unit at the chemical company site "
            "on the edge of town late on Monday.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.HEDGE_CHANGE)] == ['"appeared to" vs no hedge']
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_a_hedge_on_an_irregular_verb_finds_its_other_form() -> None:
    # From a fifth blind reading: "may have begun" against "began" was missed (the stems
    # of the two forms differ).
    found = run(
        {
            "a": "The scheme may have begun as early as 2019, the report said.",
            "b": "The scheme began as early as 2019, according to the report.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.HEDGE_CHANGE)] == ['"may have" vs no hedge']


# read blind (eighth round): "will" / "could" in one sentence of wire copy, planted and missed
@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            '"Our teams could reach them by Thursday morning," Greveld said.',
            '"Our teams will reach them by Thursday morning," Greveld said.',
            '"could reach" vs "will reach"',
        ),
        (
            "Vidrek said the government would pay for the reconstruction of homes.",
            "Vidrek said the government could help pay for the reconstruction of homes.",
            '"could help pay" vs "would pay"',
        ),
    ],
)
def test_a_modal_of_another_force_in_one_sentence_edited(a: str, b: str, label: str) -> None:
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert finding.label == label
    assert "only as possible" in finding.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one force: "may" / "might" say the same
        (
            "The council may close the library next year.",
            "The council might close the library next year.",
        ),
        # written apart around the modal: a modal alone says too little
        ("She said campaigners could seek a review.", "She said the group will seek a review."),
    ],
)
def test_no_modal_change_without_another_force_in_one_copy(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE) == []


def test_is_reported_to_is_a_hedge_not_a_source() -> None:
    # read blind (eighth round): "is reported to have told" was read as Corveth reporting
    a = "Corveth is reported to have told pharmacy chains about the new price."
    b = "Corveth told pharmacy chains about the new price."
    found = run({"a": a, "b": b})
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
    (finding,) = of_kind(found, Kind.HEDGE_CHANGE)
    assert finding.label == '"is reported to" vs no hedge'


def test_a_hedge_whose_first_word_both_versions_share_is_still_read() -> None:
    # read blind (eighth round): "are believed to be sheltering" / "are sheltering", missed
    a = "The trapped miners are believed to be sheltering in a refuge chamber, he said."
    b = "The trapped miners are sheltering in a refuge chamber, he said."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert finding.label == '"are believed to" vs no hedge'


def test_a_modal_swap_is_one_finding_not_also_a_hedge_dropped() -> None:
    a = "The new coalition must present a budget to parliament within six weeks."
    b = "The new coalition may present a budget to parliament within six weeks."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert finding.label == '"may present" vs "must present"'


def test_may_only_of_a_rule_is_no_hedge() -> None:
    # read blind (eleventh round): "private land may only be searched with the owner's
    # permission" against "can be searched only with permission" was "may" vs no hedge
    found = run(
        {
            "a": "Private land may only be searched with the owner's permission, police said.",
            "b": "Private land can be searched only with the owner's permission, police said.",
        }
    )
    assert of_kind(found, Kind.HEDGE_CHANGE) == []


def test_a_paraphrase_that_drops_a_quoted_hedge_is_a_hedge_change() -> None:
    # read blind (seventeenth round): 'said the fire "appears to have been set deliberately"'
    # against "He said the fire had been set deliberately" (planted, missed)
    a = (
        'The minister, who flew in on Tuesday, said the fire "appears to have been set '
        'deliberately" and warned that anyone responsible would face the law.'
    )
    b = (
        "The minister, who flew in on Tuesday, said the fire had been set deliberately and "
        "warned that anyone responsible would face the law."
    )
    found = the_finding(a, b, Kind.HEDGE_CHANGE, '"appears to" vs no hedge')
    assert "paraphrase" in found.explanation


@pytest.mark.parametrize(
    ("b", "hedged"),
    [
        # read blind (twenty-second round): a schedule is a forecast too
        ("Schools were due to reopen on Friday.", False),
        # "due to" a cause is no forecast: the claim stands as fact there
        ("Schools reopen on Friday, due to the end of the strike.", True),
    ],
)
def test_a_schedule_weighs_the_odds_as_expected_does(b: str, hedged: bool) -> None:
    a = "Schools are expected to reopen on Friday."
    found = of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)
    assert any(f.label == '"are expected to" vs no hedge' for f in found) is hedged


def test_may_granting_a_permission_is_no_hedge_beside_able_to() -> None:
    # read blind (twenty-third round): "Schools may permit phones" / "will be able to permit"
    a = "Schools may permit phones for pupils with medical needs."
    b = "Schools will be able to permit phones for pupils with medical needs."
    assert of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE) == []
    b = "Schools will permit phones for pupils with medical needs."
    assert [f.label for f in of_kind(run({"a": a, "b": b}), Kind.HEDGE_CHANGE)] == [
        '"may" vs no hedge'
    ]
