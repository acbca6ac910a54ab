"""claims.ages and classify.numbers_ages: a named person's age, outlet by outlet."""

from __future__ import annotations

import pytest

from compare.claims.ages import compare_ages, named_ages
from compare.model import Kind, Severity

from builders import story_from_texts
from classify_helpers import of_kind, run


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Mira Kask, 34, of Tartu was arrested.", [("mira kask", 34)]),
        ("The driver, Olav Ring, aged 61, was hurt.", [("olav ring", 61)]),
        ("Ring, a 61-year-old baker, was hurt.", [("ring", 61)]),
        ("The 29-year-old Tomas Vild scored twice.", [("tomas vild", 29)]),
        # no name: an unnamed person's age is not tied to anyone
        ("A 37-year-old woman was hurt.", []),
        # a count after a place name is not an age
        ("In Tartu, 34 people were hurt.", []),
        ("In May, 34, maybe 40, people came.", []),
    ],
)
def test_named_ages_read(text: str, read: list[tuple[str, int]]) -> None:
    (article,) = story_from_texts({"a": text}).articles
    assert [(" ".join(a.name), a.age) for a in named_ages(article)] == read


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("Mira Kask, 34, was arrested.", "Police held Kask, 35, overnight.", True),
        ("Mira Kask, 34, was arrested.", "The 35-year-old Mira Kask was held.", True),
        ("Mira Kask, 34, was arrested.", "Kask, 34, was held.", False),
        # same surname, other first name: another person
        ("Mira Kask, 34, was arrested.", "Her brother Jaan Kask, 41, was not.", False),
        # two ages for Kask in one article: which one is meant is unknown
        ("Mira Kask, 34, and Kask, 60, her father, spoke.", "Kask, 35, spoke.", False),
    ],
)
def test_ages_compared(a: str, b: str, conflict: bool) -> None:
    story = story_from_texts({"a": a, "b": b})
    found = compare_ages({x.id: named_ages(x) for x in story.articles})
    assert bool(found) is conflict


def test_age_finding_is_uncertain_and_names_the_person() -> None:
    texts = {
        "a": "Roads were shut. Mira Kask, 34, was arrested at the port.",
        "b": "Police said the 35-year-old Mira Kask was held. Roads were shut.",
    }
    (found,) = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    assert found.confidence < 0.7 and found.severity is Severity.MEDIUM
    assert "Mira Kask different ages" in found.explanation
    assert sorted(s.text for ss in found.spans.values() for s in ss) == [
        "35-year-old Mira Kask",
        "Mira Kask, 34",
    ]
