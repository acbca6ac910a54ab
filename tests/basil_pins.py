"""The BASIL quality gates' shared check (``tests/test_quality_basil*.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def judged_kept(name: str, clusters: int, false_max: int, true_min: int) -> None:
    """The ``basil_<name>_*`` figures: its judged-wrong findings stay out, judged-right stay in."""
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_basil_judged

    found = (
        eval_basil_judged.serious_lines()
        if name == "serious"
        else eval_basil_judged.draw_lines(name)
    )
    lines = dict(line.split(": ", 1) for line in found)
    assert lines[f"basil_{name}_clusters"] == str(clusters)
    kept = lines[f"basil_{name}_false_still_reported"]
    assert int(kept.split("/")[0]) <= false_max, kept
    right = lines[f"basil_{name}_true_kept"]
    assert int(right.split("/")[0]) >= true_min, right
