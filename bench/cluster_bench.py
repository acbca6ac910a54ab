"""Story grouping at scale: speed, pairwise F1 and peak memory at 1k, 10k and 40k articles.

Each size runs in a fresh child process (``python bench/cluster_bench.py
--child N``) so its peak RSS is its own: the child generates the labelled
corpus (``cluster_corpus``), builds and segments the articles as ingest and
segment would (not timed: those are their own stages), then times
``compare.cluster.cluster`` on one core and scores it.  Figures:

* ``cluster_articles_per_s`` (goal ≥ 1000), ``cluster_pairwise_f1`` (goal ≥
  0.95) and ``cluster_peak_mb`` (goal ≤ 1024, the whole child: interpreter,
  corpus and segmented articles included) at 10,000 articles, and the same
  with ``_1k`` and ``_40k``;
* ``cluster_growth_40k``: time at 40k over time at 10k; n log n allows
  4 × log(40k)/log(10k) ≈ 4.6 (goal ≤ 4.6).

Pairwise F1: over all pairs of articles, a pair is predicted together when
both are in one story and neither is flagged as an outlier (an outlier is
"another event"), and truly together when both carry the same label.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import sys
import time
from collections.abc import Iterable

SIZES = (1_000, 10_000, 40_000)
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


def child(n: int) -> dict[str, float]:
    """Generate, segment, then time grouping of ``n`` articles; one JSON line out."""
    import cluster_corpus

    from compare.cluster import cluster
    from compare.options import Options
    from compare.segment import segment

    records = cluster_corpus.generate(n)
    articles = [segment(cluster_corpus.to_article(r)) for r in records]
    truth = {r["id"]: r["story"] for r in records}
    del records
    start = time.perf_counter()
    stories = cluster(articles, options=Options())
    seconds = time.perf_counter() - start
    return {
        "n": n,
        "seconds": seconds,
        "per_s": n / seconds,
        "f1": pairwise_f1(truth, predicted_stories(stories)),
        "stories": len(stories),
    }


def bench_clustering(figures, run_child, say, sizes: Iterable[int] = SIZES) -> None:
    """Add the grouping figures to ``figures`` (bench/run.py's), one child per size."""
    seconds: dict[int, float] = {}
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    for n in sizes:
        say(f"grouping {n:,} generated articles")
        done = run_child([__file__, "--child", str(n)], timeout=1800, env=env)
        suffix = "" if n == 10_000 else f"_{n // 1000}k"
        figures.add(f"cluster_articles_per_s{suffix}", done.result["per_s"])
        figures.add(f"cluster_pairwise_f1{suffix}", done.result["f1"])
        figures.add(f"cluster_peak_mb{suffix}", done.peak_mb)
        seconds[n] = done.result["seconds"]
    if 10_000 in seconds and 40_000 in seconds:
        figures.add("cluster_growth_40k", seconds[40_000] / seconds[10_000])
        figures.add("cluster_growth_40k_nlogn", 4 * math.log(40_000) / math.log(10_000))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help="(internal) time one size, print JSON")
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return
    import run

    bench_clustering(run.Figures(), run.run_child, run.say)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
