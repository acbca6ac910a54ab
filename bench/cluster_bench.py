"""Story grouping at scale: speed, pairwise F1 and peak memory at 1k, 10k and 40k articles.

Each size has its own child process (``python bench/cluster_bench.py
--serve N``), so its peak RSS is its own: the child generates the labelled
corpus (``cluster_corpus``) and builds and segments the articles as ingest
and segment would (not timed: those are their own stages), then waits.  The
parent then asks the children (each warmed up by one untimed run: the first
run in a process was up to 27% slower) for one timed ``compare.group.stories.cluster``
run each, in turn, for ``ROUNDS`` rounds (order reversed every other round), on
one core (BLAS threads pinned to one), so that every size is timed under the
same machine load: on this shared virtual machine the speed of memory-heavy
work drifts within minutes (the same 40k grouping took 6.6 s and 13.7 s a
few minutes apart), and timing 10k and then 40k a minute later made the
growth ratio swing between 4.0 and 5.4 with the code unchanged.  Before
each run the stem cache is emptied and garbage is collected, so no run
inherits work from the one before.  Figures:

* ``cluster_articles_per_s`` (goal ≥ 1000), ``cluster_pairwise_f1`` (goal ≥
  0.95) and ``cluster_peak_mb`` (goal ≤ 1024, the whole child: interpreter,
  corpus and segmented articles included) at 10,000 articles, and the same
  with ``_1k`` and ``_40k``; speed is from the *median* wall time of the runs;
  ``cluster_ready_mb`` is the child's peak before grouping starts (the
  segmented articles), so the difference is what grouping itself adds;
* ``cluster_growth_40k``: the median over rounds of CPU time at 40k over CPU
  time at 10k in the same round; n log n allows 4 × log(40k)/log(10k) ≈ 4.6
  (goal ≤ 4.6).  ``cluster_growth_40k_rounds`` lists every round's ratio.
  CPU time of the single-threaded child is its cost; unlike wall time it
  does not count the time other processes take the core away.
  ``cluster_growth_40k_wall`` is the median ratio of wall times and
  ``cluster_growth_40k_min`` the ratio of the fastest runs.

Pairwise F1: over all pairs of articles, a pair is predicted together when
both are in one story and neither is flagged as an outlier (an outlier is
"another event"), and truly together when both carry the same label.  Every
run must group identically (the child checks), so F1 is that of any run.

Standalone: ``python bench/cluster_bench.py [--sizes 10000 40000]
[--rounds R]`` prints the same figures without the rest of ``make bench``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import select
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable

SIZES = (1_000, 10_000, 40_000)
ROUNDS = 7  # timed runs per size, taken in turn (medians reported)
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
    from compare.align.similarity import stem

    stem.cache_clear()


class Grouper:
    """One size's corpus, generated and segmented once (not timed), then grouped on demand."""

    def __init__(self, n: int) -> None:
        import cluster_corpus

        from compare.align.segment import segment

        records = cluster_corpus.generate(n)
        self.n = n
        self.articles = [segment(cluster_corpus.to_article(r)) for r in records]
        self.truth = {r["id"]: r["story"] for r in records}
        self.found: dict[str, object] | None = None
        self.stories = 0
        # peak RSS before grouping: interpreter, corpus, segmented articles
        self.ready_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def run_once(self) -> tuple[float, float]:
        """(wall s, CPU s) of one grouping; every run must group identically."""
        import gc

        from compare.group.stories import cluster
        from compare.util.options import Options

        _clear_caches()
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        stories = cluster(self.articles, options=Options())
        cpu = time.process_time() - cpu
        wall = time.perf_counter() - wall
        predicted, self.stories = predicted_stories(stories), len(stories)
        del stories
        if self.found is not None and predicted != self.found:
            raise SystemExit("cluster_bench: two runs grouped the same articles differently")
        self.found = predicted
        return wall, cpu

    def f1(self) -> float:
        return pairwise_f1(self.truth, self.found or {})


def serve(n: int) -> None:
    """``--serve N``: prepare and warm up, say ready, then one timed grouping per "run" line.

    Answers are JSON lines on stdout; "done" (or end of input) answers with
    the F1 and exits.  The parent keeps one server per size alive and asks
    them in turn (``bench_clustering``).
    """
    grouper = Grouper(n)
    grouper.run_once()  # warm-up, not timed: the first run in a process pays one-time costs
    _answer({"ready": True, "ready_mb": grouper.ready_mb})
    for line in sys.stdin:
        if line.strip() != "run":
            break
        wall, cpu = grouper.run_once()
        _answer({"wall": wall, "cpu": cpu})
    _answer({"f1": grouper.f1(), "stories": grouper.stories})


def _answer(message: dict) -> None:
    print(json.dumps(message), flush=True)


class _Server:
    """The parent's handle on one ``--serve`` child."""

    def __init__(self, n: int, env: dict[str, str]) -> None:
        self.n = n
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    def ask(self, command: str | None, timeout: float = 3600.0) -> dict:
        """Send ``command`` (None: only read) and return the child's next JSON line."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        if command is not None:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.proc.kill()
            raise SystemExit(f"cluster_bench: the {self.n}-article child stopped answering")
        return json.loads(line)

    def finish(self) -> tuple[dict, float]:
        """(final answer, peak RSS in MB of the whole child)."""
        final = self.ask("done")
        _pid, _status, usage = os.wait4(self.proc.pid, 0)
        return final, usage.ru_maxrss / 1024


def bench_clustering(figures, say, sizes: Iterable[int] = SIZES, rounds: int = ROUNDS) -> None:
    """Add the grouping figures to ``figures`` (bench/run.py's), sizes timed in turn.

    One child per size (so each peak RSS is its own) prepares its corpus,
    then the children are asked for one timed grouping each, in turn, for
    ``rounds`` rounds (the order reversed every other round): every size sees
    the same machine load, so the growth ratio is taken round by round.
    """
    sizes = sorted(sizes)
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    say(f"generating and segmenting {', '.join(f'{n:,}' for n in sizes)} articles")
    servers = {n: _Server(n, env) for n in sizes}
    ready = {n: server.ask(None) for n, server in servers.items()}
    say(f"grouping them in turn, {rounds} rounds")
    walls: dict[int, list[float]] = {n: [] for n in sizes}
    cpus: dict[int, list[float]] = {n: [] for n in sizes}
    for r in range(rounds):
        for n in sizes if r % 2 == 0 else sizes[::-1]:
            timing = servers[n].ask("run")
            walls[n].append(timing["wall"])
            cpus[n].append(timing["cpu"])
    for n, server in servers.items():
        final, peak_mb = server.finish()
        suffix = "" if n == 10_000 else f"_{n // 1000}k" if n >= 1000 else f"_{n}"
        figures.add(f"cluster_articles_per_s{suffix}", n / statistics.median(walls[n]))
        figures.add(f"cluster_pairwise_f1{suffix}", final["f1"])
        figures.add(f"cluster_peak_mb{suffix}", peak_mb)
        figures.add(f"cluster_ready_mb{suffix}", ready[n]["ready_mb"])
    if 10_000 in cpus and 40_000 in cpus:
        ratios = [b / a for a, b in zip(cpus[10_000], cpus[40_000], strict=True)]
        wall_ratios = [b / a for a, b in zip(walls[10_000], walls[40_000], strict=True)]
        figures.add("cluster_growth_40k", statistics.median(ratios))
        figures.add("cluster_growth_40k_nlogn", 4 * math.log(40_000) / math.log(10_000))
        figures.add("cluster_growth_40k_rounds", " ".join(f"{x:.2f}" for x in ratios))
        figures.add("cluster_growth_40k_wall", statistics.median(wall_ratios))
        figures.add("cluster_growth_40k_min", min(cpus[40_000]) / min(cpus[10_000]))
    for n in sizes:
        say(f"{n:,} articles, CPU s per run: {' '.join(f'{x:.2f}' for x in cpus[n])}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", type=int, help="(internal) serve timed runs of one size")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="timed runs per size")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="sizes to run")
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.serve)
        return
    import run

    bench_clustering(run.Figures(), run.say, args.sizes, args.rounds)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
