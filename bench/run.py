"""``make bench``: one ``name: value`` line per figure, medians of several runs.

Why a script and not timed tests: timings vary with the machine; tests assert
behaviour, this prints figures to compare over time (see bench/RESULTS.md).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RUNS = 5


def _median(fn, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report_cold_s() -> float:
    """``compare report seeds/`` as a fresh process, all three formats."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1603152000"}

    def once() -> None:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [sys.executable, "-m", "compare", "report", str(SEEDS), "--out", out, "-q"],
                check=True,
                env=env,
            )

    return _median(once, runs=3)


def main() -> None:
    from compare.align import align
    from compare.options import Options
    from compare.pipeline import analyze

    options = Options(source_date_epoch=1603152000)
    analysis = analyze([SEEDS], options=options)
    report = analysis.reports[0]
    for stage, seconds in sorted(analysis.timings.items()):
        print(f"stage_{stage}_s: {seconds:.4f}")
    print(f"align_s: {_median(lambda: align(report.story, options=options)):.4f}")
    print(f"analyze_s: {_median(lambda: analyze([SEEDS], options=options)):.4f}")
    print(f"report_cold_s: {report_cold_s():.2f}")
    print(f"findings: {len(report.findings)}")
    print(f"passages: {len(report.alignment.passages)}")


if __name__ == "__main__":
    main()
