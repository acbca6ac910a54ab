"""wordnet: synonyms in their common senses, from the derived WordNet 3.0 table."""

from __future__ import annotations

from importlib import resources

import pytest

from compare.text.wordnet import base_forms, synonyms


@pytest.mark.parametrize(
    ("a", "b"),
    [("medication", "medicine"), ("bought", "purchased"), ("began", "started"),
     ("shareholders", "stockholders"), ("halted", "stopped")],
)  # fmt: skip
def test_words_of_one_common_sense_are_synonyms(a: str, b: str) -> None:
    assert synonyms(a, b) and synonyms(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [("rose", "fell"), ("said", "claimed"), ("killed", "died"), ("home", "house"),
     ("medicine", "medicine"), ("protesters", "rioters")],
)  # fmt: skip
def test_other_words_or_a_rare_shared_sense_are_not(a: str, b: str) -> None:
    assert not synonyms(a, b)


def test_irregular_forms_come_from_the_exception_lists() -> None:
    assert "fall" in base_forms("fell", "v") and "buy" in base_forms("bought", "v")


def test_the_table_ships_with_wordnets_licence() -> None:
    folder = resources.files("compare").joinpath("data", "wordnet")
    assert "Princeton University" in folder.joinpath("LICENSE").read_text(encoding="utf-8")
    assert folder.joinpath("senses.tsv.gz").read_bytes()[:2] == b"\x1f\x8b"
