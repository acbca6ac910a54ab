"""The law's words in reporting on charges: a status, an act of record, a charging source."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.legal import announces_act, legal_source
from compare.claims.sources import markers


def _verbs(text: str) -> list[str]:
    tokens = tokenize(text)
    return [" ".join(t.text for t in tokens[s:e]) for s, e, _ in markers(tokens)]


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        # a status the person faces: no one is credited with an accusation
        ("The couple are charged with converting campaign funds.", []),
        ("Twelve officers accused of hacking the emails were named.", []),
        ("He was charged with fraud, prosecutors said.", ["said"]),
        # an accuser named: the verb credits the accusation to someone
        ("She accused him of lying about the payments.", ["accused"]),
        ("Prosecutors charged him with fraud.", ["charged"]),
        ("He had been accused of harassment by a former aide.", ["accused"]),
    ],
)
def test_a_legal_status_is_no_reporting_verb(text: str, verbs: list[str]) -> None:
    assert _verbs(text) == verbs


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("The congressman and his wife were indicted on charges of fraud", True),
        ("The suspect was formally charged on Monday", True),
        ("Two men were arrested near the border", True),
        # the act in a relative clause is background, not the claim credited
        ("The man, who was arrested Tuesday, fired first", False),
        ("The gunman was wearing a wig", False),
        ("The company will cut 500 jobs", False),
    ],
)
def test_a_step_of_a_legal_process_is_an_act_of_record(text: str, act: bool) -> None:
    assert announces_act(tokenize(text)) is act


@pytest.mark.parametrize(
    ("source", "legal"),
    [
        ("the indictment", True),
        ("federal prosecutors", True),
        ("the DOJ document", True),
        ("a grand jury", True),
        ("the senator", False),
        ("officials", False),
    ],
)
def test_who_brings_a_charge(source: str, legal: bool) -> None:
    assert legal_source(tokenize(source)) is legal
