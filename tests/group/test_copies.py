"""Grouping calibrated on real coverage: near-copies at any count, small inputs, evidence said."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from compare.group.stories import SMALL_INPUT, cluster, near_duplicates
from compare.group.vectors import anchors, document_vectors
from compare.model import Article
from compare.util.options import Options

from builders import article_from_text

OPTIONS = Options()

# An invented wire story, as agencies file it.
WIRE = [
    "Firefighters in Holmstead battled a blaze at the Kettering paper mill for nine hours.",
    "The fire broke out in a storage hall shortly after midnight, the county fire service said.",
    "About 140 workers were evacuated and two were treated for smoke inhalation.",
    "Plant manager Ruth Ostrander said production would stop for at least a week.",
    "Residents were told to keep windows closed because of the smoke.",
    "The cause of the fire is under investigation, police spokesman Lars Bendix said.",
    "The mill employs 610 people and is the largest employer in the district.",
]
FILLERS = ("local", "reportedly", "officials", "new", "large", "early")


def edited_copies(count: int, *, seed: int = 3, day: str | None = "2024-05-02") -> list[Article]:
    """``count`` lightly edited copies: a word changed here and there, a sentence cut."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        sentences = list(WIRE)
        if rng.random() < 0.5:
            del sentences[rng.randrange(1, len(sentences))]
        words = " ".join(sentences).split(" ")
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(FILLERS)
        out.append(article_from_text(f"c{k:03d}", " ".join(words), published=day, outlet=f"O{k}"))
    return out


@pytest.mark.parametrize("count", [2, 50, 80, 500])
def test_near_copies_are_one_story_however_many_outlets_carry_them(count: int) -> None:
    """A story's own size must not push its words past the commonness cut-off."""
    stories = cluster(edited_copies(count), options=OPTIONS)
    assert len(stories) == 1
    assert len(stories[0].articles) == count
    assert stories[0].outliers == ()


def test_near_copies_among_other_stories_stay_one_story_and_apart() -> None:
    other = [
        article_from_text(f"x{k}", f"The chess olympiad in Tallinn drew {100 + k} teams.")
        for k in range(5)
    ]
    stories = cluster([*edited_copies(80), *other], options=OPTIONS)
    sizes = sorted(len(s.articles) for s in stories)
    assert sizes[-1] == 80
    big = max(stories, key=lambda s: len(s.articles))
    assert all(a.id.startswith("c") for a in big.articles)


def test_near_duplicates_links_copies_and_not_independent_reports() -> None:
    copies = edited_copies(4)
    other = article_from_text(
        "own",
        "Smoke rose over Holmstead as a storage hall burned. The mill will close for a week. "
        "Two workers were hurt and the district council met on Friday to discuss safety rules.",
    )
    vectors = document_vectors([*copies, other])
    i, j, sims = near_duplicates(vectors)
    linked = {(int(a), int(b)) for a, b in zip(i, j, strict=True)}
    assert all(4 not in pair for pair in linked)
    assert len(linked) >= 3  # four copies need three links to be one group
    assert (sims >= 0.8).all() and np.isfinite(sims).all()


# Three independently written reports of one event: different words, shared names.
OWN_WORDS = [
    "A blaze gutted a storage hall at the Kettering mill in Holmstead overnight, and Ruth "
    "Ostrander, who runs the plant, expects a week without production. Lars Bendix of the "
    "police would not speculate on a cause. Crews from three counties fought flames visible "
    "from the motorway, and neighbours complained of ash on their cars.",
    "Thick smoke covered Holmstead on Wednesday after a fire at the Kettering mill. Workers "
    "gathered in the car park while engines poured water on the storage hall until dawn; "
    "Ostrander thanked the crews and Bendix asked witnesses to come forward. The mill, a major "
    "employer, had passed an inspection in March.",
]
ANOTHER_EVENT = (
    "Kettering shares rose on Wednesday after the paper group beat profit forecasts. Analysts "
    "in London praised its cost cuts, and chief executive Maria Sellers promised a dividend. "
    "The company plans two new plants abroad and will hire engineers next year."
)


def test_independent_reports_in_a_small_input_are_one_story() -> None:
    """Few shared words, but shared names: one event (the second, lower tier)."""
    articles = [
        article_from_text("wire", " ".join(WIRE), outlet="Wire"),
        article_from_text("own1", OWN_WORDS[0], outlet="One"),
        article_from_text("own2", OWN_WORDS[1], outlet="Two"),
    ]
    sims = (document_vectors(articles) @ document_vectors(articles).T).toarray()
    assert max(sims[2, 0], sims[2, 1]) < OPTIONS.outlier_similarity  # the hard case
    (story,) = cluster(articles, options=OPTIONS)
    assert story.outliers == ()


def test_same_company_another_event_stays_apart_in_a_small_input() -> None:
    articles = [
        article_from_text("wire", " ".join(WIRE), outlet="Wire"),
        article_from_text("biz", ANOTHER_EVENT, outlet="Biz"),
    ]
    assert len(cluster(articles, options=OPTIONS)) == 2


def test_anchors_are_names_and_figures_inside_sentences() -> None:
    article = article_from_text("a", " ".join(WIRE[:4]))
    found = anchors(article)
    assert {"holmstead", "kettering", "140", "ostrander"} <= found
    assert "firefighters" not in found and "the" not in found  # sentence-initial, lower case


def test_a_named_article_is_not_set_aside_on_content_alone() -> None:
    """In a small input, content alone never sets an article aside; dates must agree."""
    from compare.group.outliers import find_outliers

    stray = article_from_text(
        "stray", "The chess olympiad in Tallinn drew 190 teams. The champions drew a Peruvian side."
    )
    articles = [*edited_copies(3, day=None), stray]
    flagged = find_outliers(articles, options=OPTIONS)
    assert [o.article_id for o in flagged] == ["stray"]
    assert "vocabulary" in flagged[0].reason  # the evidence that decided
    assert find_outliers(articles, options=OPTIONS, content_alone=False) == ()
    dated = [*edited_copies(3), replace(stray, published="2024-04-20")]
    (late,) = find_outliers(dated, options=OPTIONS, content_alone=False)
    assert late.reason.startswith("published 20 Apr 2024, 12 days before")


def test_a_big_input_still_sets_aside_on_content() -> None:
    """Rule 3 (content alone) keeps working for an archive of many articles."""
    assert SMALL_INPUT < 20
    copies = edited_copies(20, day=None)
    stray = article_from_text(
        "stray",
        "Holmstead Kettering Ostrander Bendix. The chess olympiad in Tallinn drew 190 teams, "
        "and the champions were drawn against a young Peruvian side in the first round.",
    )
    stories = cluster([*copies, stray], options=OPTIONS)
    holder = next(s for s in stories if any(a.id == "stray" for a in s.articles))
    assert len(holder.articles) == 1 or [o.article_id for o in holder.outliers] == ["stray"]


def test_an_article_joining_no_other_says_the_evidence(tmp_path) -> None:
    from compare.pipeline.run import prepare

    (tmp_path / "wire.txt").write_text(" ".join(WIRE), encoding="utf-8")
    (tmp_path / "copy.txt").write_text(" ".join(WIRE[:6]), encoding="utf-8")
    (tmp_path / "biz.txt").write_text(ANOTHER_EVENT, encoding="utf-8")
    prepared = prepare(sorted(tmp_path.glob("*.txt")), options=OPTIONS)
    (problem,) = prepared.problems
    assert problem.path.endswith("biz.txt")
    assert "no other article covers the same story" in problem.message
    assert "% similar to another article's" in problem.message
    assert "names or figures" in problem.message


def test_titles_do_not_count_as_names() -> None:
    article = replace(article_from_text("a", "Rain fell."), title="Big Storm Hits Holmstead")
    assert anchors(article) == frozenset()
