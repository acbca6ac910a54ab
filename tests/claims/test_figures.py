"""claims.figures and claims.when: the key-figures rows and dated events, from invented stories."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.claims.figures import describe, key_figures
from compare.claims.when import compare_days, dated_events
from compare.model import Kind
from compare.report import jsonio

from builders import story_from_texts
from classify_helpers import of_kind, run
from sample_report import build_report

TEXTS = {
    "a": "Floods killed at least 12 people in the valley. About 300 homes were destroyed.",
    "b": "Rescuers said 15 people were killed. Roads were closed.",
    "c": "The floods killed 12 people. The river rose 3 metres overnight.",
}


def test_rows_are_counted_things_two_outlets_give() -> None:
    story = story_from_texts(TEXTS)
    rows = key_figures(story.articles)
    assert [r.what for r in rows] == ["people killed"]
    assert {aid: [c.text for c in cells] for aid, cells in rows[0].cells.items()} == {
        "a": ["at least 12"],
        "b": ["15"],
        "c": ["12"],
    }


def test_a_count_from_an_earlier_year_is_no_key_figure_of_the_story() -> None:
    texts = {
        "a": "A gunman killed two people at the church in 2019. A law passed after an attack "
        "in 2017 that killed 26 people.",
        "b": "Two people were killed at the church. An attack in 2017 killed 26 people.",
    }
    rows = key_figures(story_from_texts(texts).articles)
    assert [[c.text for c in cells] for r in rows for cells in r.cells.values()] == [
        ["two"],
        ["Two"],
    ]


def test_row_links_to_its_finding_and_round_trips_in_json() -> None:
    story = story_from_texts(TEXTS)
    findings = of_kind(run(TEXTS), Kind.NUMBER_DISCREPANCY)
    assert findings
    rows = key_figures(story.articles, findings)
    assert rows[0].finding == findings[0].id and rows[0].discrepancy
    report = replace(build_report(), key_figures=rows)
    assert jsonio.load(jsonio.dump(report)) == report
    assert '"key_figures"' in jsonio.dump(report)


def test_figures_that_can_all_be_true_link_their_finding_without_a_discrepancy() -> None:
    # read blind (eighth round): "about 40" miners against 41, marked as a discrepancy
    texts = {
        "a": "A crew of about 40 miners was working the night shift when the roof fell.",
        "b": "A crew of 41 miners was working the night shift when the roof fell.",
    }
    findings = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    rows = key_figures(story_from_texts(texts).articles, findings)
    assert findings and rows[0].finding == findings[0].id
    assert not rows[0].discrepancy


@pytest.mark.parametrize(
    ("key", "words"),
    [
        (("count", "death", "people"), "people killed"),
        (("count", "arrest", "-"), "arrested"),
        # a noun that is no listed class is shown as written, never as its stem
        (("ratio", "-", "burn"), "percentage"),
        (("money:dollar", "-", "-"), "amount in dollars"),
    ],
)
def test_describe(key: tuple[str, str, str], words: str) -> None:
    assert describe(key) == words


def test_describe_shows_an_unlisted_noun_as_written() -> None:
    assert describe(("ratio", "-", "burn"), "burns") == "percentage: burns"
    assert describe(("count", "hospitalisation", "people")) == "people hospitalised"


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("The woman died on Tuesday night.", "The woman succumbed to burns on Wednesday.", True),
        ("The woman died on Tuesday.", "The woman died on Tuesday in hospital.", False),
        # two dated deaths in one article: which is which is unknown
        ("He died on Monday. His brother died on Friday.", "He died on Tuesday.", False),
        # the day belongs to another clause
        ("She was hurt on Monday, and died later.", "She died on Tuesday.", False),
        # midnight is the edge of two days: "Friday midnight" fits Saturday and Thursday
        ("The man died on Friday midnight.", "The man succumbed to wounds on Saturday.", False),
        ("The man died at midnight on Friday.", "The man died on Thursday.", False),
        ("The man died on Friday midnight.", "The man died on Sunday.", True),
    ],
)
def test_days_of_one_event(a: str, b: str, conflict: bool) -> None:
    story = story_from_texts({"a": a, "b": b})
    dated = {x.id: dated_events(x) for x in story.articles}
    assert bool(compare_days(dated)) is conflict


def test_day_finding_is_never_certain() -> None:
    found = of_kind(
        run({"a": "The woman died on Tuesday night.", "b": "She succumbed on Wednesday."}),
        Kind.NUMBER_DISCREPANCY,
    )
    assert len(found) == 1 and found[0].confidence < 0.7


def test_day_finding_says_died_and_quotes_midnight() -> None:
    (found,) = of_kind(
        run({"a": "The man died on Friday midnight.", "b": "The man died on Sunday."}),
        Kind.NUMBER_DISCREPANCY,
    )
    quoted = sorted(s.text for ss in found.spans.values() for s in ss)
    assert quoted == ["died on Friday midnight", "died on Sunday"]
    assert "(died)" in found.explanation and "killed" not in found.explanation


def test_a_length_that_says_which_way_is_a_distance() -> None:
    # From a blind reading (ninth round): the key-figures rows read "length: southeast"
    # ("14 miles southeast of the lighthouse") and "length: beyond".
    assert describe(("length", "-", "southeast"), "southeast") == "distance (southeast)"
    assert describe(("length", "-", "deep"), "deep") == "depth"
    assert describe(("length", "-", "walls"), "walls") == "length: walls"
