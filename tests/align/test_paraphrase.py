"""The learned paraphrase decision: features, shipped model, and its direction."""

from __future__ import annotations

import pytest

from compare.align.paraphrase import (
    FEATURES,
    Model,
    model,
    pair_features,
    paraphrase_probability,
)
from compare.align.segment import tokenize


def features(a: str, b: str, cosine: float = 0.5) -> dict[str, float]:
    return dict(zip(FEATURES, pair_features(tokenize(a), tokenize(b), cosine), strict=True))


def test_one_value_per_feature() -> None:
    assert len(pair_features(tokenize("A b."), tokenize("C d."), 0.0)) == len(FEATURES)


def test_identical_sentences_share_everything() -> None:
    f = features("The ferry sank near Oldport.", "The ferry sank near Oldport.")
    assert f["char4_cosine"] == pytest.approx(1.0)
    assert f["content_containment"] == 1.0
    assert f["numbers_differ"] == 0.0 and f["names_differ"] == 0.0
    assert f["length_ratio"] == 1.0 and f["length_gap"] == 0.0


def test_a_number_on_one_side_only_is_seen() -> None:
    f = features("Twelve boats sank in 2019.", "Twelve boats sank in 2021.")
    assert f["numbers_differ"] == 1.0
    assert f["numbers_one_side"] == 1.0


def test_a_name_on_one_side_only_is_seen() -> None:
    f = features("The mayor met Varga today.", "The mayor met Kelby today.")
    assert f["names_differ"] == 1.0


def test_shipped_model_matches_the_features() -> None:
    m = model()
    assert len(m.coefficients) == len(FEATURES)
    assert 0.0 < m.threshold < 1.0


def test_a_rewording_scores_above_two_different_facts() -> None:
    a = "The council approved the new harbour budget on Tuesday evening."
    b = "On Tuesday evening the council approved the new budget for the harbour."
    c = "Fishermen protested outside the town hall about quotas."
    same = paraphrase_probability(tokenize(a), tokenize(b), 0.8)
    different = paraphrase_probability(tokenize(a), tokenize(c), 0.0)
    assert same >= model().threshold > different


def test_model_probability_is_the_logistic_of_the_sum() -> None:
    m = Model(coefficients=(2.0, -1.0), intercept=0.0, threshold=0.5)
    assert m.probability([1.0, 2.0]) == pytest.approx(0.5)
    assert m.probability([1.0, 0.0]) > 0.5
