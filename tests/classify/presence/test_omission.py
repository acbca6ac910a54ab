"""omission: omitted and added passages, weighted by content, briefs noted."""

from __future__ import annotations

from compare.model import Kind, Severity

from classify_helpers import of_kind, run

LONG = "The council met on Monday. A landslide killed 7 hikers. The mayor spoke briefly. "


def test_passage_most_outlets_carry_is_omitted_by_the_other() -> None:
    slide = "A landslide killed 7 hikers."
    texts = {"a": slide, "b": slide, "c": "The mayor spoke briefly."}
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}}
    found = run(texts, cells=cells)
    (omitted,) = of_kind(found, Kind.OMITTED_PASSAGE)
    assert omitted.passage_id == "p1" and omitted.spans["c"] == ()
    assert [s.text for s in omitted.spans["a"]] == [slide]
    (added,) = of_kind(found, Kind.ADDED_PASSAGE)
    assert added.passage_id == "p2" and list(added.spans) == ["c"]


def test_casualty_passage_ranks_above_background() -> None:
    texts = {
        "a": "A landslide killed 7 hikers. The valley is known for its orchards.",
        "b": "A landslide killed 7 hikers. The valley is known for its orchards.",
        "c": "Rain fell on the valley for most of the week and the old orchards flooded.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,), "b": (1,)}, "p3": {"c": (0,)}}
    omitted = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert [(f.passage_id, f.severity) for f in omitted] == [
        ("p1", Severity.HIGH),
        ("p2", Severity.LOW),
    ]
    assert "casualty" in omitted[0].explanation


def test_brief_omissions_rank_lower_and_say_why() -> None:
    texts = {"a": LONG * 6, "b": LONG * 6, "c": "The council met on Monday."}
    found = run(texts)
    omitted = [f for f in of_kind(found, Kind.OMITTED_PASSAGE) if "c" in f.spans]
    assert omitted and all("much shorter" in f.explanation for f in omitted)
    assert all(f.severity >= Severity.MEDIUM for f in omitted)


def test_passage_in_one_of_three_not_omitted_by_minority() -> None:
    texts = {"a": "X.", "b": "Y.", "c": "Z."}
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,), "c": (0,)}}
    found = run(texts, cells=cells)
    assert [f.passage_id for f in of_kind(found, Kind.OMITTED_PASSAGE)] == ["p2"]
    assert [f.passage_id for f in of_kind(found, Kind.ADDED_PASSAGE)] == ["p1"]


def test_passage_half_the_outlets_carry_is_not_an_omission() -> None:
    texts = {"a": "X.", "b": "X.", "c": "Y.", "d": "Z."}
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}, "p3": {"d": (0,)}}
    found = run(texts, cells=cells)
    assert of_kind(found, Kind.OMITTED_PASSAGE) == []
    assert sorted(f.passage_id for f in of_kind(found, Kind.ADDED_PASSAGE)) == ["p2", "p3"]
