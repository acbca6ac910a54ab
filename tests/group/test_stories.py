"""Grouping articles into stories and flagging related-but-different events."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from compare.group.outliers import find_outliers, format_range
from compare.group.stories import cluster, slugify
from compare.model import Article
from compare.util.options import Options

from builders import article_from_text

OPTIONS = Options()

# The second collapse of a dam wall, reported by three outlets from one wire copy.
NOW = [
    "A second section of the Varnholt dam wall collapsed on Tuesday night.",
    "Water from the reservoir flooded the lower streets of Edderby within an hour.",
    "Rescue crews evacuated 340 residents from the riverside estate by boat.",
    "The regional water board said the breach was twelve metres wide.",
    "Engineers had warned in January that the concrete was cracking.",
    "The Varnholt reservoir was built in 1958 to supply the mill towns of the valley.",
]
# A week earlier: the first, smaller collapse; only the background is shared.
BEFORE = [
    "Part of the Varnholt dam spillway gave way on Monday morning.",
    "Farmland south of Kelby was flooded and two roads were closed.",
    "Nobody was hurt, the regional fire service said.",
    "Inspectors from the water board began checking the main wall.",
    "The Varnholt reservoir was built in 1958 to supply the mill towns of the valley.",
]
OTHER = [
    "The chess olympiad opened in Tallinn with a record 190 teams.",
    "The defending champions were drawn against a young Peruvian side.",
]


def art(aid: str, sentences: list[str], published: str | None, title: str | None = None) -> Article:
    return replace(article_from_text(aid, " ".join(sentences), published=published), title=title)


def dam_articles() -> list[Article]:
    return [
        art("n1", NOW, "2021-03-16", "Dam wall collapses again, flooding Edderby"),
        art("n2", NOW[:5], "2021-03-16"),
        art("n3", [*NOW[1:], "The board has ordered an inquiry."], "2021-03-17"),
        art("old", BEFORE, "2021-03-08", "Spillway fails at Varnholt dam"),
    ]


def test_earlier_event_is_an_outlier_with_evidence() -> None:
    (story,) = cluster(dam_articles(), options=OPTIONS)
    assert [a.id for a in story.articles] == ["n1", "n2", "n3", "old"]
    assert [o.article_id for o in story.outliers] == ["old"]
    reason = story.outliers[0].reason
    assert reason.startswith("published 8 Mar 2021, 8 days before the other articles")
    assert "(16–17 Mar 2021)" in reason and "shares only 20% of its passages" in reason
    assert "earlier event" in reason


def test_undated_article_is_not_an_outlier_for_dates_alone() -> None:
    articles = [*dam_articles()[:3], art("nodate", BEFORE, None)]
    (story,) = cluster(articles, options=OPTIONS)
    assert story.outliers == ()


def test_late_follow_up_sharing_most_passages_is_not_an_outlier() -> None:
    articles = [*dam_articles()[:3], art("late", NOW, "2021-03-25")]
    (story,) = cluster(articles, options=OPTIONS)
    assert story.outliers == ()


@pytest.mark.parametrize(
    ("dates", "outliers"),
    [
        (("2021-03-16", "2021-03-16", "2021-03-17", "2021-03-08"), ["old"]),
        (("2021-03-16", "2021-03-16", "2021-03-17", "2021-03-14"), []),  # within outlier_days
        # A tie of date groups: the later one is the core; n2 shares its passages, old does not.
        (("2021-03-16", "2021-03-08", "2021-03-17", "2021-03-08"), ["old"]),
        (("2021-03-16", "2021-03-16", "2021-03-17", None), []),
    ],
)
def test_date_rule(dates: tuple[str, ...], outliers: list[str]) -> None:
    articles = [replace(a, published=d) for a, d in zip(dam_articles(), dates, strict=True)]
    (story,) = cluster(articles, options=OPTIONS)
    assert [o.article_id for o in story.outliers] == outliers


def test_different_topics_make_different_stories() -> None:
    articles = [*dam_articles(), art("chess", OTHER, "2021-03-16")]
    stories = cluster(articles, options=OPTIONS)
    assert sorted([a.id for a in s.articles] for s in stories) == [
        ["chess"],
        ["n1", "n2", "n3", "old"],
    ]


def test_same_text_months_apart_is_another_story() -> None:
    articles = [*dam_articles()[:3], art("much-later", NOW, "2021-09-01")]
    stories = cluster(articles, options=OPTIONS)
    assert sorted(len(s.articles) for s in stories) == [1, 3]


@pytest.mark.parametrize("order", list(itertools.permutations(range(5)))[::17])
def test_independent_of_input_order(order: tuple[int, ...]) -> None:
    articles = [*dam_articles(), art("chess", OTHER, "2021-03-16")]
    reference = cluster(articles, options=OPTIONS)
    assert cluster([articles[k] for k in order], options=OPTIONS) == reference


def test_title_and_id_from_the_most_central_titled_article() -> None:
    (story,) = cluster(dam_articles(), options=OPTIONS)
    assert story.title == "Dam wall collapses again, flooding Edderby"
    assert story.id == "dam-wall-collapses-again-flooding-edderby"


def test_title_from_first_words_when_nobody_has_a_title() -> None:
    articles = [replace(a, title=None) for a in dam_articles()[:3]]
    (story,) = cluster(articles, options=OPTIONS)
    assert story.title == NOW[0]  # n1 carries every sentence the others carry


def test_story_ids_are_unique() -> None:
    twin = [art("c1", OTHER, "2021-03-16", "Chess"), art("c2", OTHER, "2021-09-16", "Chess")]
    assert [s.id for s in cluster(twin, options=OPTIONS)] == ["chess", "chess-2"]


@pytest.mark.parametrize(
    ("articles", "expected"), [([], 0), ([art("solo", NOW, None)], 1)], ids=["none", "one"]
)
def test_edge_cases(articles: list[Article], expected: int) -> None:
    stories = cluster(articles, options=OPTIONS)
    assert len(stories) == expected
    assert all(s.outliers == () for s in stories)


def test_two_articles_never_have_outliers() -> None:
    assert find_outliers(dam_articles()[2:], options=OPTIONS) == ()


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Dam bursts — again!", "dam-bursts-again"),
        ("Überschwemmung in Köln", "uberschwemmung-in-koln"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_format_range_across_months() -> None:
    from datetime import date

    assert format_range(date(2021, 2, 27), date(2021, 3, 2)) == "27 Feb – 2 Mar 2021"


# Two outlets each on two events a week apart in one place (the seeds' two truces).
def test_an_earlier_event_told_by_two_outlets_is_its_own_story() -> None:
    articles = [
        *dam_articles()[:3],
        art("old1", BEFORE, "2021-03-08", "Spillway fails at Varnholt dam"),
        art("old2", BEFORE[:4], "2021-03-08", "Varnholt spillway gives way"),
    ]
    stories = cluster(articles, options=OPTIONS)
    assert [[a.id for a in s.articles] for s in stories] == [["old1", "old2"], ["n1", "n2", "n3"]]
    assert all(s.outliers == () for s in stories)


def test_one_lone_article_cannot_join_two_stories() -> None:
    """A weak link attaches a lone article to one story; it never chains two."""
    bridge = art("bridge", [NOW[0], NOW[5], OTHER[0]], "2021-03-16")
    articles = [*dam_articles()[:3], art("c1", OTHER, "2021-03-16"), art("c2", OTHER, "2021-03-16")]
    stories = cluster([*articles, bridge], options=OPTIONS)
    groups = sorted(sorted(a.id for a in s.articles) for s in stories)
    assert ["c1", "c2"] in groups or ["bridge", "c1", "c2"] in groups
    assert not any({"n1", "c1"} <= set(g) for g in groups)


def test_benchmark_corpus_is_grouped_by_event() -> None:
    """1,000 generated articles (reworded, cut, merged, re-dated, follow-ups): F1 ≥ 0.95."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    try:
        import cluster_bench
        import cluster_corpus
    finally:
        sys.path.pop(0)
    from compare.align.segment import segment

    records = cluster_corpus.generate(1000, seed=7)
    articles = [segment(cluster_corpus.to_article(r)) for r in records]
    stories = cluster(articles, options=OPTIONS)
    truth = {r["id"]: r["story"] for r in records}
    assert cluster_bench.pairwise_f1(truth, cluster_bench.predicted_stories(stories)) >= 0.95


def test_a_lone_article_is_given_the_rule_its_closest_article_failed() -> None:
    from compare.group.stories import lone_evidence

    # the same wire copy dated long before: shared vocabulary, dates too far apart
    dated = [art("n1", NOW, "2021-03-16"), art("n2", NOW[:5], "1990-03-16")]
    assert [len(s.articles) for s in cluster(dated, options=OPTIONS)] == [1, 1]
    why = lone_evidence(dated, "n2", options=OPTIONS)
    assert why is not None and "11,323 days apart" in why and "at most 12 days" in why
    # an unrelated story: too little shared vocabulary, as before
    unrelated = [art("n1", NOW, "2021-03-16"), art("c", OTHER, "2021-03-16")]
    why = lone_evidence(unrelated, "c", options=OPTIONS)
    assert why is not None and "similar to another article's" in why


def test_words_no_other_article_has_do_not_crowd_out_the_shared_ones() -> None:
    # the same report with two paragraphs of junk markup no other article has: its forty
    # most distinctive terms were all junk, so it shared none of them and stood alone
    junk = " ".join(f"zq{k}x onclick{k}" for k in range(21))
    articles = [
        art("n1", NOW, "2021-03-16"),
        art("n2", NOW[:5], "2021-03-16"),
        art("c", OTHER, "2021-03-16"),
        art("x", [*NOW[1:], junk, junk], "2021-03-16"),
    ]
    groups = sorted(sorted(a.id for a in s.articles) for s in cluster(articles, options=OPTIONS))
    assert ["n1", "n2", "x"] in groups
