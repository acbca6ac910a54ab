"""Sentence alignment across outlets: table-driven cases on short invented texts."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest

from compare.align.passages import align
from compare.model import Alignment, Outlier, Story
from compare.util.options import Options

from builders import story_from_texts

OPTIONS = Options()

BRIDGE = "Floodwater closed the old stone bridge at Brampton early on Monday."
DETOUR = "Drivers were sent on a twelve-mile detour through Kelby and Ashworth."
REPAIR = "Engineers expect repairs to the parapet to take about three weeks."
MAYOR = "Mayor Ilse Varga said the council would pay for temporary ferries."
SCHOOL = "Two primary schools near the river stayed closed as a precaution."
RAIN = "Forecasters warned that more heavy rain could fall on Thursday."
MERGED = (
    "The council approved the harbour budget on Tuesday after a long debate, "
    "and the mayor promised new tidal barriers by spring."
)
SPLIT_1 = "The council approved the harbour budget on Tuesday after a long debate."
SPLIT_2 = "The mayor promised new tidal barriers by spring."


def cells(alignment: Alignment) -> set[frozenset[tuple[str, tuple[int, ...]]]]:
    """Passages as order-free sets of (article, indexes)."""
    return {frozenset(p.cells.items()) for p in alignment.passages}


def run(texts: dict[str, str]) -> Alignment:
    return align(story_from_texts(texts), options=OPTIONS)


CASES = {
    "identical": (
        {"a": f"{BRIDGE} {DETOUR}", "b": f"{BRIDGE} {DETOUR}"},
        [{"a": (0,), "b": (0,)}, {"a": (1,), "b": (1,)}],
    ),
    "reordered paragraphs": (
        {"a": f"{BRIDGE}\n\n{DETOUR}\n\n{REPAIR}", "b": f"{REPAIR}\n\n{BRIDGE}\n\n{DETOUR}"},
        [{"a": (0,), "b": (1,)}, {"a": (1,), "b": (2,)}, {"a": (2,), "b": (0,)}],
    ),
    "split 1:2": (
        {"a": f"{BRIDGE} {MERGED} {RAIN}", "b": f"{BRIDGE} {SPLIT_1} {SPLIT_2} {RAIN}"},
        [{"a": (0,), "b": (0,)}, {"a": (1,), "b": (1, 2)}, {"a": (2,), "b": (3,)}],
    ),
    "merge 2:1": (
        {"a": f"{SPLIT_1} {SPLIT_2} {RAIN}", "b": f"{MERGED} {RAIN}"},
        [{"a": (0, 1), "b": (0,)}, {"a": (2,), "b": (1,)}],
    ),
    "passage in one outlet only": (
        {"a": f"{BRIDGE} {MAYOR} {DETOUR}", "b": f"{BRIDGE} {DETOUR}"},
        [{"a": (0,), "b": (0,)}, {"a": (1,)}, {"a": (2,), "b": (1,)}],
    ),
    "three outlets, partial coverage": (
        {
            "a": f"{BRIDGE} {DETOUR} {SCHOOL}",
            "b": f"{DETOUR} {BRIDGE}",
            "c": f"{BRIDGE} {SCHOOL} {RAIN}",
        },
        [
            {"a": (0,), "b": (1,), "c": (0,)},
            {"a": (1,), "b": (0,)},
            {"a": (2,), "c": (1,)},
            {"c": (2,)},
        ],
    ),
    "reworded but same facts": (
        {
            "a": BRIDGE,
            "b": "The old stone bridge at Brampton was closed by floodwater on Monday morning.",
        },
        [{"a": (0,), "b": (0,)}],
    ),
    "rewritten sentence naming someone in another spelling": (
        {
            "a": f"{BRIDGE} Governor Ruslan Tokhtarov blamed the dam operator. {RAIN}",
            "b": f"{BRIDGE} The dam operator was at fault, said Tukhtarov. {RAIN}",
        },
        [{"a": (0,), "b": (0,)}, {"a": (1,), "b": (1,)}, {"a": (2,), "b": (2,)}],
    ),
    "shared name alone does not pair unrelated sentences": (
        {"a": MAYOR, "b": "Varga opened a new library in the town centre on Friday."},
        [{"a": (0,)}, {"b": (0,)}],
    ),
    "unrelated sentences stay apart": (
        {"a": BRIDGE, "b": MAYOR},
        [{"a": (0,)}, {"b": (0,)}],
    ),
    "one article empty": ({"a": BRIDGE, "b": ""}, [{"a": (0,)}]),
    "all articles empty": ({"a": "", "b": ""}, []),
}


@pytest.mark.parametrize(("texts", "expected"), CASES.values(), ids=CASES.keys())
def test_alignment_cases(texts: dict[str, str], expected: list[dict]) -> None:
    assert cells(run(texts)) == {frozenset(c.items()) for c in expected}


@pytest.mark.parametrize(("texts", "expected"), CASES.values(), ids=CASES.keys())
def test_every_sentence_in_exactly_one_passage(texts: dict[str, str], expected: list) -> None:
    story = story_from_texts(texts)
    alignment = align(story, options=OPTIONS)
    seen = [(aid, i) for p in alignment.passages for aid, idx in p.cells.items() for i in idx]
    wanted = [(a.id, s.index) for a in story.articles for s in a.sentences]
    assert sorted(seen) == sorted(wanted)
    assert [p.id for p in alignment.passages] == [f"p{n}" for n in range(1, len(expected) + 1)]
    assert alignment.article_ids == tuple(sorted(texts))


def test_reading_order_follows_the_base_article() -> None:
    # b carries every shared passage, so it is the backbone; a's own sentence
    # (the mayor) sits right after its preceding context.
    texts = {"a": f"{DETOUR} {MAYOR} {BRIDGE}", "b": f"{BRIDGE} {DETOUR} {REPAIR} {RAIN}"}
    order = [dict(p.cells) for p in run(texts).passages]
    assert order == [
        {"a": (2,), "b": (0,)},
        {"a": (0,), "b": (1,)},
        {"a": (1,)},
        {"b": (2,)},
        {"b": (3,)},
    ]


THREE = {
    "x": f"{BRIDGE} {MERGED} {DETOUR} {MAYOR}",
    "y": f"{DETOUR} {BRIDGE} {SPLIT_1} {SPLIT_2} {RAIN}",
    "z": f"{SCHOOL} {BRIDGE} {MAYOR} {REPAIR} {DETOUR}",
}


@pytest.mark.parametrize("order", list(itertools.permutations(THREE)))
def test_independent_of_article_order(order: tuple[str, ...]) -> None:
    reference = run(THREE)
    story = story_from_texts(THREE)
    by_id = {a.id: a for a in story.articles}
    permuted = replace(story, articles=tuple(by_id[k] for k in order))
    assert align(permuted, options=OPTIONS) == reference


# Equal shares and lengths: which article is the reading-order base is a tie
# that must be broken by content, never by id.
TIE = {"x": f"{BRIDGE} {MAYOR}", "y": f"{BRIDGE} {SCHOOL}", "z": f"{BRIDGE} {RAIN}"}


@pytest.mark.parametrize("texts", [THREE, TIE], ids=["three", "tie"])
@pytest.mark.parametrize("names", [("z", "y", "x"), ("b", "c", "a"), ("q1", "m7", "a0")])
def test_independent_of_article_ids(texts: dict[str, str], names: tuple[str, ...]) -> None:
    rename = dict(zip(texts, names, strict=True))
    reference = run(texts)
    renamed = run({rename[k]: text for k, text in texts.items()})
    back = {v: k for k, v in rename.items()}
    assert [{back[k]: v for k, v in p.cells.items()} for p in renamed.passages] == [
        dict(p.cells) for p in reference.passages
    ]


def test_outliers_left_out_unless_asked() -> None:
    story = story_from_texts({"a": BRIDGE, "b": BRIDGE, "c": BRIDGE})
    story = replace(story, outliers=(Outlier("c", "older event"),))
    assert align(story, options=OPTIONS).article_ids == ("a", "b")
    included = align(story, options=replace(OPTIONS, include_outliers=True))
    assert included.article_ids == ("a", "b", "c")
    assert dict(included.passages[0].cells) == {"a": (0,), "b": (0,), "c": (0,)}


@pytest.mark.parametrize(("threshold", "aligned"), [(0.2, True), (0.95, False)])
def test_threshold_decides(threshold: float, aligned: bool) -> None:
    texts = {"a": BRIDGE, "b": "Floodwater closed a footbridge in Kelby on Monday."}
    alignment = align(story_from_texts(texts), options=replace(OPTIONS, align_threshold=threshold))
    assert (len(alignment.passages) == 1) is aligned


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_story() -> Story:
    from compare.align.segment import segment
    from compare.group.stories import cluster
    from compare.ingest.run import ingest

    articles = [segment(a) for a in ingest([SEEDS], options=OPTIONS).articles]
    (story,) = cluster(articles, options=OPTIONS)
    return story


def test_seeds_earlier_truce_is_an_outlier(seed_story: Story) -> None:
    assert [o.article_id.split("_")[0] for o in seed_story.outliers] == ["002"]
    assert "days before the other articles" in seed_story.outliers[0].reason


def test_seeds_missile_strike_sentences_share_a_passage(seed_story: Story) -> None:
    alignment = align(seed_story, options=OPTIONS)
    by_id = {a.id.split("_")[0]: a for a in seed_story.articles}

    def where(prefix: str) -> str:
        article = by_id[prefix]
        (index,) = [s.index for s in article.sentences if "ballistic missile" in s.text]
        (pid,) = [p.id for p in alignment.passages if index in p.cells.get(article.id, ())]
        return pid

    assert where("000") == where("001")
    assert not any("002" in aid for aid in alignment.article_ids)


# The loose pass: a reworded sentence that shares only a figure and a word or
# two with its counterpart aligns when it sits between aligned neighbours, and
# only then.
FLOOD_A = "Officials said 14 homes near the river were flooded overnight."
FLOOD_B = "According to the council, water entered 14 riverside homes."
LOOSE_CASES = {
    "reworded between aligned neighbours": (
        {"a": f"{BRIDGE} {FLOOD_A} {REPAIR}", "b": f"{BRIDGE} {FLOOD_B} {REPAIR}"},
        [{"a": (0,), "b": (0,)}, {"a": (1,), "b": (1,)}, {"a": (2,), "b": (2,)}],
    ),
    "no neighbours, no loose match": (
        {"a": FLOOD_A, "b": FLOOD_B},
        [{"a": (0,)}, {"b": (0,)}],
    ),
    "far from where its neighbours point": (
        {
            "a": f"{BRIDGE} {FLOOD_A} {REPAIR} {DETOUR} {MAYOR}",
            "b": f"{BRIDGE} {REPAIR} {DETOUR} {MAYOR} {FLOOD_B}",
        },
        [
            {"a": (0,), "b": (0,)},
            {"a": (1,)},
            {"a": (2,), "b": (1,)},
            {"a": (3,), "b": (2,)},
            {"a": (4,), "b": (3,)},
            {"b": (4,)},
        ],
    ),
}


@pytest.mark.parametrize(("texts", "expected"), LOOSE_CASES.values(), ids=LOOSE_CASES.keys())
def test_loose_pass(texts: dict[str, str], expected: list[dict]) -> None:
    assert cells(run(texts)) == {frozenset(c.items()) for c in expected}


def test_dense_vocabulary_keeps_a_bounded_number_of_candidates_per_sentence() -> None:
    """Issue #19: when every sentence resembles every other, edges grew with n² (40 s, 2.2 GB)."""
    import sys
    from pathlib import Path

    from compare.align.passages import MAX_CANDIDATES, candidate_edges
    from compare.align.similarity import sentence_matrix

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from child import dense_story

    story = dense_story(150, 40)
    matrix = sentence_matrix(list(story.articles))
    edges = candidate_edges(matrix, threshold=Options().align_threshold * 0.55)
    per_sentence: dict[tuple[tuple[int, int], int], int] = {}
    for edge in edges:
        for side, other in ((edge.left, edge.right), (edge.right, edge.left)):
            if len(side) == 1:
                key = (side[0], other[0][0])
                per_sentence[key] = per_sentence.get(key, 0) + 1
    sentences = sum(len(a.sentences) for a in story.articles)
    assert len(edges) <= 2 * 2 * MAX_CANDIDATES * sentences  # both sides, 1:1 and splits
    assert max(per_sentence.values()) <= 2 * MAX_CANDIDATES * 3  # 1:1, runs both ways
