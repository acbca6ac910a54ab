"""Reporting verbs that credit a claim, and the same words when they credit none."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims import sources
from compare.claims.sources import markers


def _verbs(text: str) -> list[str]:
    tokens = tokenize(text)
    return [" ".join(t.text for t in tokens[s:e]) for s, e, _ in markers(tokens)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Lee, in a letter from his lawyers, rejected a subpoena for documents.",
        "The judge dismissed a lawsuit filed by the group.",
        "The board rejects an offer from the rival bidder.",
        "A florist who denied service to a couple was fined.",
        "He was denied bail.",
        # read blind (fifteenth round): set against another outlet's "said"
        "Whitcombe bought the club in 1994 and reportedly rejected two earlier approaches.",
        "The council rejected the offer from the developer.",
    ],
)
def test_a_thing_turned_down_credits_no_claim(text: str) -> None:
    assert _verbs(text) == []


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("He rejected a claim that he lied.", "rejected"),
        ("She dismissed a report as fake.", "dismissed"),
        ("He rejected the allegations.", "rejected"),
        ("The minister rejected the criticism of the plan.", "rejected"),
        ("The firm dismissed concerns that the bridge was unsafe.", "dismissed"),
        ("He denied an affair.", "denied"),
        ("The ministry denied that troops had crossed.", "denied"),
    ],
)
def test_a_claim_denied_is_still_credited(text: str, verb: str) -> None:
    assert _verbs(text) == [verb]


@pytest.mark.parametrize(
    ("text", "verb_at", "source"),
    [
        ("The fire spread fast, said Police Chief Ann Lee.", 5, "Police Chief Ann Lee"),
        ("The fire spread fast, police said.", 6, "police"),
        ("He left early, said the man had fled.", 4, ""),  # a clause, not a source
    ],
)
def test_a_source_named_after_its_verb_is_read(text: str, verb_at: int, source: str) -> None:
    from compare.claims.sources import source_range

    tokens = tokenize(text)
    assert tokens[verb_at].norm == "said"
    lo, hi = source_range(tokens, verb_at, verb_at + 1)
    assert " ".join(t.text for t in tokens[lo:hi]) == source


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("People face a higher risk, a major study published on Wednesday has found.", True),
        ("Sales slowed in May, the figures showed.", True),
        ("People face a higher risk, researchers have found.", True),
        # the verb closes an act, not a credited claim
        ("Two bodies were found.", False),
        ("The car, which was stolen, was found.", False),
        ("The study, published on Wednesday, found no link between the two.", False),
    ],
)
def test_a_finding_verb_closing_the_sentence_credits_it(text: str, found: bool) -> None:
    tokens = tokenize(text)
    verbs = {"found", "showed"}
    assert any(tokens[m[0]].norm in verbs for m in markers(tokens)) is found


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        # read blind: "has charged developers a commission" was a source for the sentence
        ("Since 2019, Lumora has charged developers a 30 per cent commission.", []),
        ("The bank charges customers a fee for every transfer.", []),
        ("Prosecutors charged him with fraud on Monday.", ["charged"]),
        ("The rebels charged that the vote had been rigged.", ["charged"]),
    ],
)
def test_charged_for_a_price_credits_no_claim(text: str, verbs: list[str]) -> None:
    assert _verbs(text) == verbs


@pytest.mark.parametrize(
    ("sentence", "demand"),
    [
        ("The union is demanding a pay rise and the restoration of salaries cut in 2010.", True),
        ("The federation, known by its initials PODE, is seeking a 15 percent rise.", True),
        ("Residents want the plant closed.", True),
        ("Thousands marched on Sunday, demanding the release of the prisoners.", False),
        ("Salaries were cut by a quarter after 2010, and the union wants them back.", False),
    ],
)
def test_a_sentence_telling_a_partys_demand(sentence: str, demand: bool) -> None:
    # read blind (twenty-second round): "It argues that salaries cut by a quarter have never
    # been restored" against "The union is demanding ... the restoration of salaries that
    # were slashed ..." was called a claim stated as fact
    assert sources.demands(tokenize(sentence)) is demand
