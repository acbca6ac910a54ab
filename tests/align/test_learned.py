"""The learned pass of the aligner: left-over sentences paired by the paraphrase model."""

from __future__ import annotations

import pytest

from compare.align.learned import learned_edges
from compare.align.similarity import sentence_matrix
from compare.model import Article

from builders import story_from_texts

BUDGET = "The council approved the new harbour budget on Tuesday evening."
REWORDED = "On Tuesday evening the council approved the new budget for the harbour."
PROTEST = "Fishermen protested outside the town hall about fishing quotas."
FERRY = "A ferry service will run until the bridge reopens in spring."


def articles(texts: dict[str, str]) -> tuple[Article, ...]:
    return story_from_texts(texts).articles


def all_alone(arts: tuple[Article, ...]) -> list[dict[int, tuple[int, ...]]]:
    return [{k: (i,)} for k, a in enumerate(arts) for i in range(len(a.sentences))]


def tokens(arts: tuple[Article, ...]) -> list[list[list]]:
    return [[list(s.tokens) for s in a.sentences] for a in arts]


def test_left_over_rewording_is_paired_and_other_facts_are_not() -> None:
    arts = articles({"a": f"{BUDGET} {PROTEST}", "b": f"{FERRY} {REWORDED}"})
    edges = learned_edges(sentence_matrix(arts), all_alone(arts), tokens=tokens(arts))
    assert [(e.left, e.right) for e in edges] == [(((0, 0),), ((1, 1),))]


def test_a_sentence_already_in_a_passage_is_never_re_paired() -> None:
    arts = articles({"a": f"{BUDGET} {PROTEST}", "b": f"{FERRY} {REWORDED}"})
    groups = [{0: (0,), 1: (0,)}, {0: (1,)}, {1: (1,)}]  # the budget sentence is taken
    assert learned_edges(sentence_matrix(arts), groups, tokens=tokens(arts)) == []


@pytest.mark.parametrize("minimum", [0.999999])
def test_the_model_decides_not_the_match(minimum: float) -> None:
    arts = articles({"a": f"{BUDGET} {PROTEST}", "b": f"{FERRY} {REWORDED}"})
    edges = learned_edges(
        sentence_matrix(arts), all_alone(arts), tokens=tokens(arts), minimum=minimum
    )
    assert edges == []


def test_align_runs_the_learned_pass_after_the_others() -> None:
    # A threshold no similarity reaches keeps the first three passes idle:
    # only the learned pass can pair the rewording.
    from dataclasses import replace

    from compare.align.passages import align
    from compare.util.options import Options

    story = story_from_texts({"a": f"{BUDGET} {PROTEST}", "b": f"{FERRY} {REWORDED}"})
    found = [
        dict(p.cells)
        for p in align(story, options=replace(Options(), align_threshold=2.0)).passages
    ]
    assert {"a": (0,), "b": (1,)} in found
    assert {"a": (1,)} in found and {"b": (0,)} in found


def test_a_moved_rewording_left_over_by_the_anchored_pass_is_paired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import compare.align.anchors as align_anchors
    from compare.align.passages import align
    from compare.util.options import Options
    from tests.align.test_anchors import A, B

    monkeypatch.setattr(align_anchors, "ANCHOR_RATIO", 10.0)
    monkeypatch.setattr(align_anchors, "NEAR_RATIO", 10.0)
    found = [
        dict(p.cells) for p in align(story_from_texts({"a": A, "b": B}), options=Options()).passages
    ]
    assert {"a": (2,), "b": (5,)} in found


def test_a_sentence_with_another_figure_joins_the_passage_of_its_twins() -> None:
    # From a blind reading (tenth round): two outlets' "The fire was reported at 2.15pm."
    # formed a passage, the third's "... at 3.15pm." stayed alone, and the changed time
    # was reported as one outlet's own sentence and another's omission.
    from compare.align.passages import align
    from compare.util.options import Options

    # the sentence's other words are the story's commonest: only the time sets it apart
    lead = "The fire at the substation was reported to the fire service by a worker."
    smoke = "The fire was reported to have spread, and the fire service reported smoke."
    story = story_from_texts(
        {
            "a": f"{lead} The fire was reported at 3.15pm. {smoke}",
            "b": f"{lead} The fire was reported at 2.15pm. {smoke}",
            "c": f"{lead} The fire was reported at 2.15pm. {smoke}",
        }
    )
    cells = [dict(p.cells) for p in align(story, options=Options()).passages]
    assert {"a": (1,), "b": (1,), "c": (1,)} in cells
