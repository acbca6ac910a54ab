"""compare.similarity: the features sentences are compared on."""

from __future__ import annotations

from compare.align.segment import tokenize
from compare.align.similarity import cosine, features


def test_a_sentence_of_function_words_does_not_match_through_an_auxiliary() -> None:
    # "did" is not in scikit-learn's stop-word list; kept as the only content
    # word of "Why did he do this?", it made that sentence match any other
    # sentence using "did" (a real pairing of two unrelated quotes).
    assert "did" not in features(tokenize("Richard did get his gun out of the holster."))
    assert cosine(tokenize("Why did he do this?"), tokenize("Richard did get his gun out.")) == 0.0


def test_a_sentence_of_function_words_still_matches_its_copy() -> None:
    assert cosine(tokenize("Why did he do this?"), tokenize("Why did he do this?")) == 1.0
