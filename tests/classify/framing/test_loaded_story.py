"""A loaded label only one outlet uses anywhere in the story (``framing.loaded_story``)."""

from __future__ import annotations

import pytest

from compare.model import Kind

from classify_helpers import of_kind, run

LEADER = "The leader of Kestria spoke to party officials on Monday."
OTHER = "Talks with the neighbours have stalled for a year."


def _labels(texts: dict[str, str]) -> list[str]:
    return [f.label for f in of_kind(run(texts), Kind.LOADED_TERM) if "only in" in f.label]


def test_a_definite_label_only_one_outlet_uses_is_reported_as_uncertain() -> None:
    texts = {
        "a": f"{LEADER} But this morning the dictator released a statement.",
        "b": f"{LEADER} {OTHER}",
    }
    found = [f for f in of_kind(run(texts), Kind.LOADED_TERM) if "only in" in f.label]
    assert [f.label for f in found] == ['"dictator" only in a']
    assert found[0].confidence < 0.7  # never a headline


@pytest.mark.parametrize(
    ("a", "why"),
    [
        (f"{LEADER} Critics say the dictator must go.", "both"),  # b uses the word too
        (f"{LEADER} He wrote a novel about terrorists.", "indefinite"),
        (f"{LEADER} \u201cThe dictator must go,\u201d a critic said.", "quoted"),
    ],
)
def test_no_label_finding(a: str, why: str) -> None:
    b = f"{LEADER} Critics called him the dictator." if why == "both" else f"{LEADER} {OTHER}"
    assert _labels({"a": a, "b": b}) == [], why


def test_no_label_finding_when_no_other_outlet_names_that_kind_of_actor() -> None:
    texts = {
        "a": "Rain fell on the capital. But this morning the dictator released a statement.",
        "b": f"Rain fell on the capital. {OTHER}",
    }
    assert _labels(texts) == []
