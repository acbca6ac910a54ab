"""The real-coverage evaluation (bench/eval_*.py): its scoring helpers and stored verdicts.

Why tested: ``make eval`` is how every later change is judged, so its
arithmetic (pairwise F1, confusion figures, pooled counts, verdict matching)
must be trusted on tiny hand-made inputs, and the stored blind verdicts must
still quote the real articles exactly.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import eval_basil_judged  # noqa: E402
import eval_grouping  # noqa: E402
import eval_judged  # noqa: E402
import eval_mrpc  # noqa: E402
import eval_real  # noqa: E402

from compare.model import (  # noqa: E402
    SCHEMA_VERSION,
    Alignment,
    Finding,
    Kind,
    Report,
    Scores,
    Severity,
    Span,
)

from builders import story_from_texts  # noqa: E402

JUDGED_FILES = sorted(eval_judged.JUDGED.glob("*.yaml"))


@pytest.mark.parametrize(
    ("predicted", "truth", "expected"),
    [
        ({"a": 0, "b": 0, "c": 1}, {"a": "x", "b": "x", "c": "y"}, (1.0, 1.0, 1.0)),
        ({"a": 0, "b": 0, "c": 0}, {"a": "x", "b": "x", "c": "y"}, (0.33, 1.0, 0.5)),
        ({"a": 0, "b": 1}, {"a": "x", "b": "x"}, (0.0, 0.0, 0.0)),
        ({"a": 0}, {"a": "x", "b": "x"}, (0.0, 0.0, 0.0)),  # b never ingested
    ],
)
def test_pairwise_scores_every_pair_once(predicted, truth, expected) -> None:
    got = eval_grouping.pairwise(predicted, truth)
    assert (got["precision"], got["recall"], got["f1"]) == expected


def test_confusion_and_train_threshold() -> None:
    sims = np.array([0.9, 0.8, 0.3, 0.2])
    labels = np.array([True, True, False, False])
    assert eval_mrpc.confusion(sims, labels, 0.5) == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "accuracy": 1.0,
    }
    assert eval_mrpc.confusion(sims, labels, 0.25)["precision"] == 0.67
    assert 0.3 < eval_mrpc.best_threshold(sims, labels) <= 0.8


def test_mrpc_reader_takes_label_and_both_sentences(tmp_path: Path) -> None:
    path = tmp_path / "m.txt"
    path.write_text(
        "\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tRain fell.\tIt rained.\n"
        "0\t3\t4\tA won.\tB lost badly.\n",
        encoding="utf-8",
    )
    pairs = eval_mrpc.read_pairs(path)
    assert [(p.paraphrase, p.first, p.second) for p in pairs] == [
        (True, "Rain fell.", "It rained."),
        (False, "A won.", "B lost badly."),
    ]


def test_aligner_similarity_ranks_a_paraphrase_above_an_unrelated_pair() -> None:
    pairs = [
        eval_mrpc.Pair(
            True, "Floods shut the bridge at Brampton.", "The Brampton bridge was shut."
        ),
        eval_mrpc.Pair(False, "The chess final ended in a draw.", "Rain is forecast for Friday."),
    ]
    sims = eval_mrpc.similarities(pairs)
    assert sims[0] > 0.3 > sims[1]


def test_learned_decision_ranks_a_paraphrase_above_an_unrelated_pair() -> None:
    pairs = [
        eval_mrpc.Pair(
            True,
            "The council approved the harbour budget on Tuesday.",
            "On Tuesday the council approved the budget for the harbour.",
        ),
        eval_mrpc.Pair(False, "The chess final ended in a draw.", "Rain is forecast for Friday."),
    ]
    probabilities = eval_mrpc.learned_probabilities(pairs, eval_mrpc.similarities(pairs))
    assert probabilities[0] > 0.5 > probabilities[1]


def test_tally_pools_counts_not_ratios() -> None:
    tally = eval_real.Tally()
    run = eval_real.ClusterRun("c", Path("."), ("a", "b"), None, ("b",))
    gold = {"boilerplate": [{"text": "x"}]}
    tally.add(
        {"by_kind": {"loaded_term": "1/3"}, "pairs": "2/4", "boilerplate_leaks": []}, gold, run
    )
    tally.add(
        {"by_kind": {"loaded_term": "0/1"}, "pairs": "0/4", "boilerplate_leaks": ["x"]}, gold, run
    )
    lines = dict(line.split(": ", 1) for line in eval_real.tally_lines(tally, "r_"))
    assert lines["r_recall_loaded_term"] == "1/4"
    assert lines["r_aligned_pairs"] == "2/8"
    assert lines["r_boilerplate_leaks"] == "1/2"
    assert lines["r_same_story_set_aside"] == "2/4"


def _report(findings: tuple[Finding, ...]) -> Report:
    story = story_from_texts({"a": "Protesters gathered.", "b": "Rioters gathered."})
    return Report(
        SCHEMA_VERSION,
        "t",
        "2020-01-01T00:00:00Z",
        "r",
        story,
        Alignment(("a", "b"), ()),
        findings,
        Scores(),
    )


def _finding(n: int, kind: Kind, a: str, b: str) -> Finding:
    return Finding(
        id=f"f{n}",
        kind=kind,
        severity=Severity.HIGH,
        passage_id=None,
        spans={"a": (Span("a", 0, len(a), 1, a),), "b": (Span("b", 0, len(b), 1, b),)},
        explanation="e",
    )


def test_verdicts_are_rescored_by_kind_and_quoted_texts(tmp_path: Path) -> None:
    verdicts = {
        "findings": [
            {
                "kind": "loaded_term",
                "spans": {"a": ["Protesters"], "b": ["Rioters"]},
                "verdict": "TRUE",
                "reason": "r",
            },
            {
                "kind": "wording_change",
                "spans": {"a": ["gathered"], "b": ["gathered"]},
                "verdict": "FALSE",
                "reason": "r",
            },
            {
                "kind": "name_variant",
                "spans": {"a": ["X"], "b": ["Y"]},
                "verdict": "FALSE",
                "reason": "r",
            },
        ]
    }
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(verdicts), encoding="utf-8")
    report = _report(
        (
            _finding(1, Kind.LOADED_TERM, "Protesters", "Rioters"),
            _finding(2, Kind.WORDING_CHANGE, "gathered", "gathered"),
            _finding(3, Kind.HEDGE_CHANGE, "Protesters", "Rioters"),  # same texts, other kind
        )
    )
    run = eval_real.ClusterRun("c", tmp_path, ("a", "b"), report, ())
    lines = dict(line.split(": ", 1) for line in eval_judged.judged_lines([run], tmp_path))
    assert lines["judged_precision"] == "0.5"
    assert lines["judged_top_findings"] == "2 judged, 1 unjudged"
    assert lines["judged_false_still_reported"] == "1/2"
    assert lines["judged_false_still_reported_by_kind"] == "wording_change 1"
    assert lines["judged_true_kept"] == "1/1"
    assert lines["judged_precision_loaded_term"] == "1.0 of 1"
    assert lines["judged_listed_precision_loaded_term"] == "1.0 of 1"


def test_verdicts_below_the_top_count_only_in_the_listed_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verdicts = {
        "findings": [
            {"kind": "loaded_term", "spans": {"a": ["P"], "b": ["R"]}, "verdict": "TRUE"},
            {"kind": "name_variant", "spans": {"a": ["X"], "b": ["Y"]}, "verdict": "FALSE"},
        ]
    }
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(verdicts), encoding="utf-8")
    report = _report(
        (_finding(1, Kind.LOADED_TERM, "P", "R"), _finding(2, Kind.NAME_VARIANT, "X", "Y"))
    )
    run = eval_real.ClusterRun("c", tmp_path, ("a", "b"), report, ())
    monkeypatch.setattr(eval_judged, "TOP_N", 1)
    lines = dict(line.split(": ", 1) for line in eval_judged.judged_lines([run], tmp_path))
    assert lines["judged_precision"] == "1.0"
    assert "judged_precision_name_variant" not in lines
    assert lines["judged_listed_precision_name_variant"] == "0.0 of 1"


def test_precision_counts_trivial_against() -> None:
    assert eval_judged.precision(Counter({"TRUE": 1, "TRIVIAL": 1})) == 0.5


def test_there_is_a_judged_sample_for_every_real_cluster() -> None:
    clusters = {p.name for p in eval_real.cluster_folders()}
    assert clusters, f"no real clusters under {eval_real.CLUSTERS}"
    assert {p.stem for p in JUDGED_FILES} == clusters
    total = sum(len(eval_judged.load_verdicts(p)) for p in JUDGED_FILES)
    assert total >= 80


def _check_verdicts(data: dict, texts: dict[str, str]) -> None:
    """Every verdict is a known one with a reason, and every quoted span is its article's text."""
    assert data["findings"]
    for finding in data["findings"]:
        assert finding["verdict"] in eval_judged.VERDICTS
        assert finding["reason"].strip()
        for aid, spans in finding["spans"].items():
            for span in spans:
                assert span in texts[aid], (finding["rank"], aid, span)


@pytest.mark.parametrize("path", JUDGED_FILES, ids=lambda p: p.stem)
def test_judged_spans_are_exact_text_of_their_articles(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = eval_real.CLUSTERS / data["cluster"]
    _check_verdicts(data, {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")})


BASIL_JUDGED_FILES = sorted(eval_basil_judged.JUDGED.glob("*.yaml"))


def test_basil_judged_events_are_training_events_with_verdicts(tmp_path: Path) -> None:
    """Only BASIL's 2010-2015 events (its training part) are judged and developed on."""
    assert {p.stem for p in BASIL_JUDGED_FILES} == set(eval_basil_judged.EVENTS)
    _assert_training_events(tmp_path, eval_basil_judged.EVENTS)


def _assert_training_events(folder: Path, events: tuple[str, ...]) -> None:
    """Every event has three articles, all of 2010-2015 (BASIL's training part)."""
    for event in eval_basil_judged.write_events(folder, events):
        dates = [
            p.read_text(encoding="utf-8").split("date: ", 1)[1][:4] for p in event.glob("*.md")
        ]
        assert len(dates) == 3 and all("2010" <= year <= "2015" for year in dates), event


BASIL_HELDOUT_FILES = sorted(eval_basil_judged.HELDOUT_JUDGED.glob("*.yaml"))
BASIL_FRESH_FILES = sorted(eval_basil_judged.FRESH_JUDGED.glob("*.yaml"))
BASIL_THIRD_FILES = sorted(eval_basil_judged.THIRD_JUDGED.glob("*.yaml"))
BASIL_FOURTH_FILES = sorted(eval_basil_judged.FOURTH_JUDGED.glob("*.yaml"))


def test_basil_heldout_events_are_later_events_drawn_by_hash(tmp_path: Path) -> None:
    """The held-out events are the first ten 2016-2019 events by SHA-256 of their id."""
    import hashlib
    import json

    firsts: dict[str, str] = {}
    with eval_basil_judged.ARTICLES.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            event, date = record["event"], record["date"][:10]
            firsts[event] = min(firsts.get(event, date), date)
    later = [e for e, first in firsts.items() if first >= "2016"]
    ordered = sorted(later, key=lambda e: hashlib.sha256(e.encode()).hexdigest())
    drawn = ordered[:10]
    assert tuple(e.split("-")[0] for e in drawn) == eval_basil_judged.HELDOUT_EVENTS
    # the second draw: the next five in the same order
    assert tuple(e.split("-")[0] for e in ordered[10:15]) == eval_basil_judged.FRESH_EVENTS
    assert {p.stem for p in BASIL_FRESH_FILES} == set(eval_basil_judged.FRESH_EVENTS)
    # the third draw: the five after those
    assert tuple(e.split("-")[0] for e in ordered[15:20]) == eval_basil_judged.THIRD_EVENTS
    assert {p.stem for p in BASIL_THIRD_FILES} == set(eval_basil_judged.THIRD_EVENTS)
    # the fourth draw: the five after those
    assert tuple(e.split("-")[0] for e in ordered[20:25]) == eval_basil_judged.FOURTH_EVENTS
    assert {p.stem for p in BASIL_FOURTH_FILES} == set(eval_basil_judged.FOURTH_EVENTS)
    assert not set(eval_basil_judged.HELDOUT_EVENTS) & set(eval_basil_judged.EVENTS)
    assert {p.stem for p in BASIL_HELDOUT_FILES} == set(eval_basil_judged.HELDOUT_EVENTS)
    for folder in eval_basil_judged.write_events(tmp_path, eval_basil_judged.HELDOUT_EVENTS):
        assert len(list(folder.glob("*.md"))) == 3, folder


BASIL_SERIOUS_FILES = sorted(eval_basil_judged.SERIOUS_JUDGED.glob("*.yaml"))


def test_basil_serious_events_are_other_training_events(tmp_path: Path) -> None:
    """The wider serious-kind set: 2010-2015 events, none of them in the other judged sets."""
    events = set(eval_basil_judged.SERIOUS_EVENTS)
    assert not events & set(eval_basil_judged.EVENTS)
    assert not events & set(eval_basil_judged.HELDOUT_EVENTS)
    assert {p.stem for p in BASIL_SERIOUS_FILES} == events
    _assert_training_events(tmp_path, eval_basil_judged.SERIOUS_EVENTS)


@pytest.mark.parametrize(
    "path",
    BASIL_JUDGED_FILES
    + BASIL_HELDOUT_FILES
    + BASIL_SERIOUS_FILES
    + BASIL_FRESH_FILES
    + BASIL_THIRD_FILES
    + BASIL_FOURTH_FILES,
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_basil_verdict_spans_are_exact_text_of_their_articles(path: Path, tmp_path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    (folder,) = eval_basil_judged.write_events(tmp_path, (data["cluster"],))
    _check_verdicts(data, {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.md")})
