"""contents: what an omitted or added passage holds, as its explanation says."""

from __future__ import annotations

import pytest

from compare.model import Kind

from classify_helpers import of_kind, run


@pytest.mark.parametrize(
    ("sentence", "holds"),
    [
        ("The four are to start training in Moscow next month.", "It gives background"),
        ("The two have said they will meet again soon.", "It reports what a source said"),
        ("Four recruits are to start training in Moscow next month.", "It contains figures"),
        ("At least four are to start training in Moscow next month.", "It contains figures"),
        ("The 4 are to start training in Moscow next month.", "It contains figures"),
        # a pair named before, with its noun: no count either
        ("The two leaders are to start training in Moscow next month.", "It gives background"),
        ("The four recruits are to start training in Moscow next month.", "It contains figures"),
    ],
)
def test_a_number_word_standing_for_people_named_before_is_no_figure(
    sentence: str, holds: str
) -> None:
    """A bare "the four" names people told of before; it counts nothing."""
    shared = "The space agency chose its first crew on Monday."
    texts = {"a": f"{shared} {sentence}", "b": f"{shared} {sentence}", "c": shared}
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert holds in omitted.explanation
