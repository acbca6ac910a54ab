"""A loaded label only one outlet uses anywhere in the story (``framing.loaded_story``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.classify import classify
from compare.model import Alignment, Article, Kind, Passage, Story
from compare.util.options import Options

from builders import article_from_text
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


def _titled(article_id: str, title: str, body: str) -> Article:
    text = f"{title}\n\n{body}"
    return replace(article_from_text(article_id, text), title=title)


def test_a_label_after_a_name_in_a_headline_and_others_quoting_the_word() -> None:
    # read blind (twelfth round): "... reporter from Dravian regime" in one headline (no
    # "the", as headlines write), while the other outlets used "regime" only inside a
    # quotation ("every regime in the region"): the label was missed
    quoted = (
        "\u201cWe have told every regime in the region that our citizens are for sale,\u201d "
        "one MP said."
    )
    body = "The government of Dravia freed the reporter on Thursday."
    a = _titled("a", "Halvenmark wins back jailed reporter from Dravian regime", f"{body} {quoted}")
    b = _titled("b", "Dravia and Halvenmark swap prisoners", f"{body} {quoted}")
    story = Story("s", "s", (a, b))
    passages = tuple(
        Passage(f"p{i + 1}", {x.id: (i,) for x in (a, b)}) for i in range(len(a.sentences))
    )
    found = classify(story, Alignment(("a", "b"), passages), (), options=Options())
    labels = [f.label for f in of_kind(found, Kind.LOADED_TERM) if "only in" in f.label]
    assert labels == ['"regime" only in a']


def test_a_label_after_a_proper_adjective_in_running_text_speaks_of_a_kind() -> None:
    texts = {
        "a": f"{LEADER} He wrote a novel about an attack by Muslim terrorists on the capital.",
        "b": f"{LEADER} {OTHER} The assailants fled.",
    }
    assert _labels(texts) == []


def test_a_status_label_for_people_counts_in_the_bare_plural() -> None:
    # read blind (twenty-second round, missed): a headline's "illegal migrants" against the
    # others' "asylum seekers"
    plan = "The court blocked the plan on Wednesday."
    texts = {
        "a": f"{plan} Ministers wanted to send illegal migrants to the island.",
        "b": f"{plan} Only asylum seekers who arrive by boat were covered by it.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,)}, "p3": {"b": (1,)}}
    found = of_kind(run(texts, cells=cells), Kind.LOADED_TERM)
    assert [f.label for f in found] == ['"illegal migrants" only in a']
    assert "b writes" in found[0].explanation
    # in reported speech the word is the speaker's, not the outlet's
    texts["a"] = f"{plan} Ministers have long said illegal migrants would be sent there."
    assert of_kind(run(texts, cells=cells), Kind.LOADED_TERM) == []
    # a label of another kind still needs to point back at an actor
    texts = {"a": f"{LEADER} He wrote a novel about terrorists.", "b": f"{LEADER} {OTHER}"}
    assert _labels(texts) == []
