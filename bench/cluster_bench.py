"""Story grouping at scale: speed, pairwise F1 and peak memory at 1k, 10k and 40k articles.

Each size runs in a fresh child process (``python bench/cluster_bench.py
--child N --repeats R``) so its peak RSS is its own: the child generates the
labelled corpus (``cluster_corpus``), builds and segments the articles as
ingest and segment would (not timed: those are their own stages), then times
``compare.cluster.cluster`` ``R`` times on one core (BLAS threads pinned to
one) and scores it.  Before each run the stem cache is emptied and garbage is
collected, so no run inherits work from the one before.  Figures:

* ``cluster_articles_per_s`` (goal ≥ 1000), ``cluster_pairwise_f1`` (goal ≥
  0.95) and ``cluster_peak_mb`` (goal ≤ 1024, the whole child: interpreter,
  corpus and segmented articles included) at 10,000 articles, and the same
  with ``_1k`` and ``_40k``; speed is from the *median* wall time of the runs;
  ``cluster_ready_mb`` is the child's peak before grouping starts (the
  segmented articles), so the difference is what grouping itself adds;
* ``cluster_growth_40k``: median CPU time at 40k over median CPU time at 10k;
  n log n allows 4 × log(40k)/log(10k) ≈ 4.6 (goal ≤ 4.6).  CPU time of the
  single-threaded child is its cost; unlike wall time it does not count the
  time other processes on a busy machine take the core away, which made
  single wall-time runs of this ratio vary between 4.1 and 4.6.
  ``cluster_growth_40k_wall`` is the same ratio of median wall times, for
  comparison.

Pairwise F1: over all pairs of articles, a pair is predicted together when
both are in one story and neither is flagged as an outlier (an outlier is
"another event"), and truly together when both carry the same label.  Every
run must group identically (the child checks), so F1 is that of any run.

Standalone: ``python bench/cluster_bench.py [--sizes 10000 40000]
[--repeats R]`` prints the same figures without the rest of ``make bench``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import statistics
import sys
import time
from collections.abc import Iterable

SIZES = (1_000, 10_000, 40_000)
# Timed runs per size (median taken): more where a run is short and noise is relatively large.
REPEATS = {1_000: 9, 10_000: 7, 40_000: 5}
GOALS = {"cluster_articles_per_s": 1000.0, "cluster_pairwise_f1": 0.95, "cluster_peak_mb": 1024.0}


def _pairs(assignment: dict[str, object]) -> set[tuple[str, str]]:
    groups: dict[object, list[str]] = {}
    for item, group in assignment.items():
        groups.setdefault(group, []).append(item)
    return {p for members in groups.values() for p in itertools.combinations(sorted(members), 2)}


def pairwise_f1(truth: dict[str, str], predicted: dict[str, object]) -> float:
    """F1 of same-story pairs.

    >>> pairwise_f1({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 1, "c": 2})
    1.0
    >>> round(pairwise_f1({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 1, "c": 1}), 3)
    0.5
    """
    true, pred = _pairs(truth), _pairs(predicted)
    hit = len(true & pred)
    if not hit:
        return 0.0
    precision, recall = hit / len(pred), hit / len(true)
    return 2 * precision * recall / (precision + recall)


def predicted_stories(stories: Iterable) -> dict[str, object]:
    """Article id -> story; each outlier is a story of its own."""
    found: dict[str, object] = {}
    for k, story in enumerate(stories):
        outliers = {o.article_id for o in story.outliers}
        for article in story.articles:
            found[article.id] = ("outlier", article.id) if article.id in outliers else k
    return found


def _clear_caches() -> None:
    """Empty the stem cache so each timed run pays for all its stemming, as the first does."""
    from compare.similarity import stem

    stem.cache_clear()


def child(n: int, repeats: int = 1) -> dict[str, float]:
    """Generate, segment, then time grouping of ``n`` articles ``repeats`` times; one JSON line."""
    import gc

    import cluster_corpus

    from compare.cluster import cluster
    from compare.options import Options
    from compare.segment import segment

    records = cluster_corpus.generate(n)
    articles = [segment(cluster_corpus.to_article(r)) for r in records]
    truth = {r["id"]: r["story"] for r in records}
    del records
    ready_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    walls, cpus, found, count = [], [], None, 0
    for _ in range(max(1, repeats)):
        _clear_caches()
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        stories = cluster(articles, options=Options())
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
        predicted, count = predicted_stories(stories), len(stories)
        del stories
        if found is not None and predicted != found:
            raise SystemExit("cluster_bench: two runs grouped the same articles differently")
        found = predicted
    seconds = statistics.median(walls)
    return {
        "n": n,
        "seconds": seconds,
        "cpu_seconds": statistics.median(cpus),
        "runs": len(walls),
        "wall_runs": [round(w, 3) for w in walls],
        "per_s": n / seconds,
        "f1": pairwise_f1(truth, found or {}),
        "stories": count,
        "ready_mb": ready_mb,  # peak RSS before grouping: interpreter, corpus, segmented articles
    }


def bench_clustering(
    figures, run_child, say, sizes: Iterable[int] = SIZES, repeats: int | None = None
) -> None:
    """Add the grouping figures to ``figures`` (bench/run.py's), one child per size.

    ``repeats`` overrides ``REPEATS`` (timed runs per child, median reported).
    """
    wall: dict[int, float] = {}
    cpu: dict[int, float] = {}
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for n in sizes:
        runs = repeats or REPEATS.get(n, 3)
        say(f"grouping {n:,} generated articles ({runs} timed runs)")
        done = run_child(
            [__file__, "--child", str(n), "--repeats", str(runs)], timeout=3600, env=env
        )
        suffix = "" if n == 10_000 else f"_{n // 1000}k"
        figures.add(f"cluster_articles_per_s{suffix}", done.result["per_s"])
        figures.add(f"cluster_pairwise_f1{suffix}", done.result["f1"])
        figures.add(f"cluster_peak_mb{suffix}", done.peak_mb)
        figures.add(f"cluster_ready_mb{suffix}", done.result["ready_mb"])
        wall[n], cpu[n] = done.result["seconds"], done.result["cpu_seconds"]
    if 10_000 in wall and 40_000 in wall:
        figures.add("cluster_growth_40k", cpu[40_000] / cpu[10_000])
        figures.add("cluster_growth_40k_nlogn", 4 * math.log(40_000) / math.log(10_000))
        figures.add("cluster_growth_40k_wall", wall[40_000] / wall[10_000])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help="(internal) time one size, print JSON")
    parser.add_argument("--repeats", type=int, help="timed runs per size (median reported)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="sizes to run")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.repeats or 1)))
        return
    import run

    bench_clustering(run.Figures(), run.run_child, run.say, args.sizes, args.repeats)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
