"""Quality gate: the classifier against hand-read gold lists and blind verdicts.

Why: bench/eval.py is a measurement; this test pins the figures reached so a
rule change that loses recall or lets noise into the top findings fails
loudly.  The pins are floors at the levels reached, never targets:

* Seeds (tests/gold/seeds.yaml).  The figures were once higher (recall 0.94,
  28 of the top 30, loaded terms 4 of 4) only because word-list entries
  copied the seeds' answer key; #13 removed those entries, and the evidence
  checks on attribution and hedges (classify/evidence.py, hedges.py) dropped
  cross-sentence attributions the seeds' gold counts but a blind reader of
  real coverage judged wrong in 17 of 18 cases.  Honest figures pinned:
  recall 0.87, 25 of the top 30, loaded terms 2 of 4, attribution 4 of 7.
  The attributed-claim layer (claims/attributed*.py, #14) compares claim
  contents story-wide and finds one more (Stepanakert's shelling credited vs
  stated): recall 0.88, attribution 5 of 7; on real coverage one more gold
  difference and four judged-false attribution findings fewer.
* Unseen invented stories (tests/gold/stories/), pooled: recall 0.82,
  top-30 precision 0.73.
* Real coverage (../shared/realworld/clusters, scored by the judge's own
  scorer) and the stored blind verdicts (tests/gold/judged/): recall and the
  number of judged-false findings still reported may not get worse.
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
# Attribution 0.71 until aligned sentences sharing only part of a claim no longer gave an
# uncertain "credited vs stated as fact" (claims.attributed_compare.UNSOURCED_MIN): read
# blind on real coverage 8 of 10 such findings were wrong or trivial, and one of the two
# right ones was this seed gold entry (Stepanakert's shelling), now missed.
KIND_FLOOR_REACHED = {"recall_loaded_term": 0.5, "recall_attribution_change": 0.57}
# 0.88 before the title-of-office style rule, 0.9 after it, 0.88 again without the partial
# "credited vs stated as fact" findings (see above).
RECALL_OVERALL = 0.88
# 0.90 since sure findings of a kind come before uncertain ones, 0.93 since no omission is
# reported when the carriers' cells tell different things by meaning
PRECISION_TOP30 = 0.93
UNSEEN_RECALL = 0.84  # 0.81 before #14's precision findings ('dozens' / 'about 60'), 0.82
# before the story-wide hearsay and credited-toll attribution findings, 0.84 before the
# story-wide spellings, 0.85 with them; 0.84 since an omission whose omitter holds 0.55 of
# its weighted words is none (carried.LEFT_OUT_TOLD): the sport story's "the referee had
# been influenced by the home crowd" is lost (its one new word is missing, the rest there).
# 0.73 before the credited-toll findings, 0.76 after; 0.73 again since an omission of
# consecutive sentences is one finding: two findings that each matched one gold entry
# became one, and the slot went to the next finding (a duplicate no longer counts twice).
# 0.72 since one outlet's "claimed" against two others' "said" and "says" is one finding
# (attribution.findings._verb_key): the same again, in the business story.
# 0.68 since two number findings quoting one figure are one (classify.merge
# ._one_figure_per_place; read blind, the second was a duplicate): the floods story's death
# toll, four findings that each matched a gold entry, is one finding quoting all four
# figures, and recall is unchanged.
UNSEEN_PRECISION_TOP30 = 0.68
# Real clusters: 29 before #14 and #15's anchored pass, 35 with them, 32 once the
# attribution and hedge rules skip cells joined only through a third outlet (the three
# lost matched the scorer through junk spans, "North", of findings judged FALSE), 33 by
# the end of that session; 47 with the story-wide variant forms and spellings; 46 since a
# capital letter is compared only inside one phrase (the lost match was "Hospital" /
# "hospital", two different hospitals, judged FALSE); 47 with a loaded label only one
# outlet uses anywhere in the story ("the dictator", framing.loaded_story); 46 once a loaded
# term added in cells written apart is not compared: the lost match was the gold "crippled"
# / "stepped up their sanctions" reached through "blasted", a finding readers judged wrong.
REAL_FOUND = 46  # of 80
# Of the 96 judged FALSE (six rounds); 42 before a capital letter was compared only inside
# one phrase with the same words either side, 39 before a rewording needed its clause to
# match the other version's.  (Five rounds: 37 of 85, then 31 once added
# passages another outlet tells in other words are dropped, a loaded term is not compared
# across cells that only share a theme and rival sources must be credited with the same claim.)
# 36 since presence findings another outlet tells in other words are checked by meaning
# too, 33 once weak alignment edges are; 34 of 97 with round 7 (one more FALSE, reported);
# 32 once sentences glued by a lost space were split (round 8 judged the new ones), 32 of
# 98 with words glued the same way split too (round 9: one more FALSE, reported).
# 31 of 108 (round 10) once carriers that tell different things make no omission; 30 once
# a person's initials ("Chief J.P. Bevering said") no longer end a sentence; 29 once an
# omission whose omitter holds 0.55 of its weighted words is none; 28 once a loaded term
# added in cells written apart ("blasted") is not compared; 27 once the authority that
# identified someone ("the department identified the men as") is attribution, not wording;
# 25 once one outlet's single sentence in the opening fifth of its article is no addition.
# 24 once a clause one outlet adds to a sentence written apart from its partner (under
# 0.3 of their tokens shared) is not reported where another outlet has a sentence of 0.65
# cosine or more to it (``presence.added._told_apart``; chosen on every judged set).
# 21 once an outlet-only clause is reported only where the outlets print one copy
# (``pairs.shared_copy`` 0.25 or more; ``presence.added.own_clause_candidates``): read
# blind, such clauses in independently written reports were right 0.29 of the time.
# 19 once a rewording outside the headlines is read only where the outlets print one
# copy (``pairs.one_copy``; ``framing.rewording.find``).
JUDGED_FALSE_STILL_REPORTED = 19
# Page-1 headline findings judged right (blind verdicts): 0.55, then 0.65 once partly told
# passages were uncertain, 0.75 once sentences told by meaning were too, 0.8 once weak
# alignment edges were checked by meaning (with round 7's verdicts), 0.85 once a person's
# initials no longer end a sentence (a false omission of a cut sentence left page 1), 0.9
# once a probability hedge ("appeared to") is compared only in cells written together.
JUDGED_HEADLINE_PRECISION = 0.9


def _load_eval() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_eval_quality", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    from compare.pipeline.run import analyze
    from compare.util.options import Options

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


@pytest.fixture(scope="module")
def real() -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_judged
    import eval_real

    runs = [eval_real.run_cluster(f) for f in eval_real.cluster_folders()]
    lines = [*eval_real.real_lines(runs), *eval_judged.judged_lines(runs)]
    return dict(line.split(": ", 1) for line in lines if not line.startswith("#"))


def test_real_clusters_recall_does_not_fall(real: dict[str, str]) -> None:
    assert real["real_clusters"] == "4"
    found = int(real["real_found"].split("/")[0])
    assert found >= REAL_FOUND, real["real_found"]


def test_judged_false_findings_do_not_come_back(real: dict[str, str]) -> None:
    kept = int(real["judged_false_still_reported"].split("/")[0])
    assert kept <= JUDGED_FALSE_STILL_REPORTED, real["judged_false_still_reported"]


def test_headline_findings_judged_right_do_not_fall(real: dict[str, str]) -> None:
    assert float(real["judged_headline_precision"]) >= JUDGED_HEADLINE_PRECISION
    assert real["judged_headline_unjudged"] == "0", "judge the new headlines first"
