"""meaning: weak alignment edges kept only when the two sides are close in meaning."""

from __future__ import annotations

import pytest

from compare.align import meaning
from compare.align.merge import Edge
from compare.align.passages import align
from compare.util.options import Options

from builders import story_from_texts

TEXTS = [
    [
        "Azerbaijan insists it has the right to reclaim its land by force after mediators "
        "from France, Russia and the United States failed.",
        "Firefighters needed six hours to bring the warehouse blaze under control.",
    ],
    [
        "France said it mediated the latest ceasefire in coordination with Russia and the "
        "United States.",
        "It took firefighters six hours to control the fire at the warehouse.",
        "The owner said the building was insured.",
    ],
]


def test_an_edge_between_two_facts_that_share_names_is_dropped() -> None:
    same = Edge(0.3, ((0, 1),), ((1, 1),))
    names_only = Edge(0.3, ((0, 0),), ((1, 0),))  # France, Russia, United States, mediat-
    assert meaning.plausible([same, names_only], TEXTS) == [same]


def test_a_split_edge_is_judged_by_its_two_sentences_together() -> None:
    split = Edge(0.3, ((0, 1),), ((1, 1), (1, 2)))
    assert meaning.plausible([split], TEXTS) == [split]


def test_without_the_model_every_edge_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meaning, "embed", lambda texts: None)
    edges = [Edge(0.3, ((0, 0),), ((1, 2),))]
    assert meaning.plausible(edges, TEXTS) == edges
    assert meaning.plausible([], TEXTS) == []


def test_align_checks_weak_edges_only_when_meanings_are_on(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(edges: list[Edge], texts: object) -> list[Edge]:
        calls.append(len(edges))
        return list(edges)

    monkeypatch.setattr("compare.align.passages.plausible", counting)
    story = story_from_texts({"a": " ".join(TEXTS[0]), "b": " ".join(TEXTS[1])})
    align(story, options=Options(sentence_meanings=False))
    assert calls == []
    align(story, options=Options())
    assert len(calls) == 3  # the loose, anchored and learned passes


def test_too_many_sentences_to_check_keeps_every_edge(monkeypatch: pytest.MonkeyPatch) -> None:
    edges = [Edge(0.3, ((0, 0),), ((1, 0),))]
    assert meaning.plausible(edges, TEXTS) == []  # two facts: dropped...
    monkeypatch.setattr(meaning, "MAX_CHECKED", 1)
    assert meaning.plausible(edges, TEXTS) == edges  # ...unless too many to check
    monkeypatch.setattr(meaning, "MAX_CHECKED", 100)
    monkeypatch.setattr(meaning, "MAX_STORY", 4)
    assert meaning.plausible(edges, TEXTS) == edges  # ...or the story is too large
