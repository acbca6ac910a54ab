"""Quality gate: the classifier against the hand-read gold list of the seeds.

Why: bench/eval.py is a measurement; this test pins the figures reached so a
rule change that loses recall or lets noise into the top findings fails
loudly.  Thresholds are the issue's goals (recall >= 0.9 overall and >= 0.75
per kind, 27 of the top 30 right), or the levels reached where those differ.

The seed figures were once higher (recall 0.94, 28 of the top 30, loaded
terms 4 of 4) only because word-list entries copied the seeds' answer key;
#13 removed those entries, and the honest figures are pinned: recall 0.90,
26 of the top 30, loaded terms 2 of 4.

Unseen stories (tests/gold/stories/, invented outlets and topics the rules
were not written for) are pinned on their pooled figures at the level reached
(recall 0.82 after #13 removed the seed-derived "what he/she called" hedges,
top-30 precision 0.76), so a seed-only tweak that loses generality fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
KIND_FLOOR = 0.75
# Kinds pinned below the floor at the level reached without seed-tuned entries (#13).
KIND_FLOOR_REACHED = {"recall_loaded_term": 0.5}
RECALL_OVERALL = 0.90
PRECISION_TOP30 = 0.87
UNSEEN_RECALL = 0.82
UNSEEN_PRECISION_TOP30 = 0.76


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_eval_quality", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    from compare.options import Options
    from compare.pipeline import analyze

    ev = _load_eval()
    analysis = analyze([ev.SEEDS], options=Options())
    return ev.evaluate(ev.biggest_report(analysis.reports), ev.load_gold())


def test_recall_overall(result: dict[str, Any]) -> None:
    assert result["recall_overall"] >= RECALL_OVERALL, result["missed"]


def test_recall_per_kind(result: dict[str, Any]) -> None:
    low = {
        name: value
        for name, value in result.items()
        if name.startswith("recall_")
        and name not in ("recall_overall", "recall_overall_lenient")
        and value < KIND_FLOOR_REACHED.get(name, KIND_FLOOR)
    }
    assert not low, (low, result["missed"])


def test_precision_of_top_30(result: dict[str, Any]) -> None:
    assert result["precision_top30"] >= PRECISION_TOP30, result["unmatched_top"]


@pytest.fixture(scope="module")
def unseen() -> dict[str, Any]:
    ev = _load_eval()
    figures = {}
    for line in ev.unseen_lines():
        if line.startswith("unseen_"):
            name, value = line.split(": ")
            figures[name] = float(value)
        elif line.startswith("# ") and "   " in line:
            figures.setdefault("debug", []).append(line)
    return figures


def test_unseen_stories_pooled_recall(unseen: dict[str, Any]) -> None:
    assert unseen["unseen_stories"] >= 3
    assert unseen["unseen_recall_overall"] >= UNSEEN_RECALL, unseen.get("debug")


def test_unseen_stories_pooled_precision_of_top_30(unseen: dict[str, Any]) -> None:
    assert unseen["unseen_precision_top30"] >= UNSEEN_PRECISION_TOP30, unseen.get("debug")
