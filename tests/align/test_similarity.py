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


def test_one_time_of_day_in_two_house_styles_is_one_feature() -> None:
    # From a blind reading (ninth round): "All contact with the vessel was lost at 4.15am."
    # was called one outlet's own beside "contact was lost at 4:15 a.m.".
    assert features(tokenize("Contact was lost at 4.15am.")) == features(
        tokenize("Contact was lost at 4:15 a.m.")
    )
    assert features(tokenize("It landed at 7.48pm.")) == features(tokenize("It landed at 19:48."))
    assert features(tokenize("Shares fell 4.15 percent.")) == ["share", "fell", "4.15", "percent"]
    assert features(tokenize("It landed at 7.48pm.")) != features(tokenize("It landed at 7.48am."))
