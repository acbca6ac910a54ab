"""Attribution across passages: a claim credited in one outlet, narrated in another."""

from __future__ import annotations

from compare.model import Kind

from classify_helpers import of_kind, run

CREDITED = "Officials in Kestria have insisted they have the right to divert the river by force."
NARRATED = "Kestria is seeking to divert the river by force."
SHARED = "Floods hit the valley on Monday."
APART = {"p1": {"a": (0,), "b": (1,)}, "p2": {"a": (1,)}, "p3": {"b": (0,)}}


def _claims(texts: dict[str, str], cells: dict) -> list[str]:
    found = of_kind(run(texts, cells=cells), Kind.ATTRIBUTION_CHANGE)
    return [f.label for f in found if "elsewhere" in f.label]


def test_claim_credited_in_one_outlet_and_narrated_in_another() -> None:
    texts = {"a": f"{SHARED} {CREDITED}", "b": f"{NARRATED} {SHARED}"}
    found = of_kind(run(texts, cells=APART), Kind.ATTRIBUTION_CHANGE)
    (finding,) = [f for f in found if "elsewhere" in f.label]
    assert finding.label == '"Officials in Kestria have insisted" vs stated as fact elsewhere'
    assert finding.passage_id is None
    assert finding.spans["a"][0].text.endswith("divert the river by force")
    assert finding.spans["b"][0].text == "Kestria is seeking to divert the river by force"


def test_not_when_the_other_sentence_attributes_too() -> None:
    narrated = "Kestria is seeking to divert the river by force, its envoy said."
    assert _claims({"a": f"{SHARED} {CREDITED}", "b": f"{narrated} {SHARED}"}, APART) == []


def test_not_when_no_actor_is_shared() -> None:
    narrated = "Engineers plan to divert the river by force of pumps."
    assert _claims({"a": f"{SHARED} {CREDITED}", "b": f"{narrated} {SHARED}"}, APART) == []


def test_not_for_sentences_the_aligner_paired() -> None:
    together = {"p1": {"a": (0,), "b": (1,)}, "p2": {"a": (1,), "b": (0,)}}
    assert _claims({"a": f"{SHARED} {CREDITED}", "b": f"{NARRATED} {SHARED}"}, together) == []


def test_not_for_a_phrase_every_sentence_repeats() -> None:
    # "the river" stands in more sentences than there are outlets: no claim of its own.
    texts = {
        "a": "The river rose. The river fell. Officials in Kestria said the river was calm.",
        "b": "Kestria watched the river closely. The river fell.",
    }
    cells = {"p1": {"a": (1,), "b": (1,)}, "p2": {"a": (0,)}, "p3": {"a": (2,)}, "p4": {"b": (0,)}}
    assert _claims(texts, cells) == []
