"""``make bench``: one ``name: value`` line per figure on stdout, progress on stderr.

Why a script and not timed tests: timings vary with the machine; tests assert
behaviour, this prints figures to compare over time (bench/RESULTS.md).

Every alignment is timed in a fresh child process (``bench/child.py``) that
this script starts one after another, ours right before CollateX's on the same
texts, so both see the same machine load and the ratio holds on a noisy
machine.  A child's peak memory is its ``ru_maxrss`` read with ``os.wait4``.
CollateX runs five times at 1x (median) and once at 4x, each under a
timeout; when it times out the script prints the timeout as a lower bound,
never a guess.  The figures, in the order printed:

* ``words_<k>x``, ``sentences_<k>x``: size of the five bodies at 1×, 2×, 4×
  (``bench/corpus.py`` says how the longer ones are built);
* ``align_s``, ``align_2x_s``, ``align_4x_s``: median of ``align_runs`` calls
  of ``compare.align.passages.align`` on all five articles; ``align_growth_2x`` and
  ``align_growth_4x`` divide each by the one before (goal < 3);
* ``align_peak_mb`` (goal ≤ 300), ``align_4x_peak_mb``: the child's peak RSS,
  interpreter and imports included, ``align_ready_mb`` its RSS before aligning;
* ``collatex_s``, ``collatex_peak_mb``, ``collatex_ratio`` = collatex_s /
  align_s (goal ≥ 200); the same with ``_4x`` (goal ≥ 300), a lower bound
  written ``>=N`` when CollateX timed out;
* ``analyze_s`` and ``stage_<name>_s``: ``pipeline.analyze`` on seeds/ in
  this process, medians per stage, and ``slowest_stage``;
* ``report_cold_json_s`` and ``report_cold_s`` (goal ≤ 6): ``python -m compare
  report seeds/`` as a fresh process, JSON only and all three formats;
* ``dense_align_s`` (goal ≤ 60), ``dense_align_peak_mb`` (goal ≤ 512): the
  README's worst case for the sentence limit, 3 articles of 2,000 sentences
  from one 300-word vocabulary; ``dense_align_small_vocab_s`` (goal ≤ 60) and
  ``dense_align_small_vocab_peak_mb`` (goal ≤ 512): the same from a 60-word
  vocabulary, where every sentence pair is a candidate; ``archive_10k_peak_mb`` and
  ``archive_kb_per_record`` (goal ≤ 4): what a JSON Lines record costs while
  it waits for its story (``bench_limits``); ``archive_600w_*``: the same for
  records of 600 words (goal ≤ 18 KB a record; its text is 4 KB);
* ``loadavg_start``, ``loadavg_end``: the 1-minute load average, since other
  work on the machine slows every absolute figure (ratios hold better);
* ``goals_missed``: the goals above not met, or ``none``.

``--results FILE`` also writes the figures, the machine and the date as
Markdown (how bench/RESULTS.md is made).  ``BENCH_COLLATEX_4X_TIMEOUT`` (s)
overrides the 4× timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import cluster_bench
import corpus

ROOT = corpus.ROOT
SEEDS = corpus.SEEDS
CHILD = Path(__file__).resolve().parent / "child.py"
EPOCH = "1603152000"
ALIGN_RUNS = 21  # rounds of 1x, 2x and 4x: well under a second each
ANALYZE_RUNS = 5
COLD_RUNS = 5  # each `compare report` renders a PDF
COLLATEX_RUNS = 5  # at 1x (about 11 s a run); at 4x one run, which times out
COLLATEX_TIMEOUT_S = 600.0
COLLATEX_4X_TIMEOUT_S = float(os.environ.get("BENCH_COLLATEX_4X_TIMEOUT", "300"))
REPORT_TIMEOUT_S = 600.0

# name: (comparison, goal); lower bounds ">=N" count as N.
GOALS: dict[str, tuple[str, float]] = {
    "collatex_ratio": (">=", 200),
    "collatex_4x_ratio": (">=", 300),
    "align_peak_mb": ("<=", 300),
    "align_growth_2x": ("<", 3),
    "align_growth_4x": ("<", 3),
    "report_cold_s": ("<=", 6),
    "cluster_articles_per_s": (">=", 1000),
    "cluster_pairwise_f1": (">=", 0.95),
    "cluster_peak_mb": ("<=", 1024),
    # n log n from 10k to 40k articles: 4 * ln(40000) / ln(10000)
    "cluster_growth_40k": ("<=", 4.602),
    # The README's sentence limit: 3 articles of 2,000 sentences from one vocabulary.
    "dense_align_s": ("<=", 60),
    "dense_align_peak_mb": ("<=", 512),
    # The same from a 60-word vocabulary: every sentence pair shares words.
    "dense_align_small_vocab_s": ("<=", 60),
    "dense_align_small_vocab_peak_mb": ("<=", 512),
    # Memory an archive record costs while its story is not analysed (issue #19).
    "archive_kb_per_record": ("<=", 4),
    "archive_600w_kb_per_record": ("<=", 18),
}


@dataclass(frozen=True)
class Child:
    """What one child process left: its JSON line, peak RSS and wall time."""

    result: dict | None
    peak_mb: float
    wall_s: float
    timed_out: bool


def run_child(args: Sequence[str], *, timeout: float, env: dict | None = None) -> Child:
    """Run ``python ARGS`` to the end or the timeout; peak RSS from ``os.wait4``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, *args], stdout=out, stderr=err, cwd=ROOT, env=env)
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                _pid, status, usage = os.wait4(proc.pid, 0)
                timed_out = True
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if not timed_out and proc.returncode not in (0, 3):  # 3: report with skipped inputs
            err.seek(0)
            sys.stderr.write(err.read().decode(errors="replace")[-4000:])
            raise SystemExit(f"bench: child failed (exit {proc.returncode}): {' '.join(args)}")
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    result = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None
    return Child(result, usage.ru_maxrss / 1024, wall, timed_out)


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Figures:
    """Figures in print order; each is printed as soon as it is known."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def add(self, name: str, value: object) -> None:
        text = _fmt(value)
        self.values[name] = text
        print(f"{name}: {text}", flush=True)

    def number(self, name: str) -> float | None:
        text = self.values.get(name, "").split(" ")[0].lstrip(">=")
        try:
            return float(text)
        except ValueError:
            return None


def _fmt(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def bench_alignment(figures: Figures, texts_dir: Path) -> None:
    factors = ",".join(map(str, corpus.FACTORS))
    say(f"compare align at {factors}x interleaved, {ALIGN_RUNS} rounds")
    timing = run_child([str(CHILD), "align", factors, str(ALIGN_RUNS)], timeout=600)
    assert timing.result is not None
    sizes = {int(k): v for k, v in timing.result["sizes"].items()}
    align_s = {k: statistics.median(size["times"]) for k, size in sizes.items()}
    for factor in corpus.FACTORS:
        figures.add(f"words_{factor}x", sizes[factor]["words"])
        figures.add(f"sentences_{factor}x", sizes[factor]["sentences"])
    figures.add("align_runs", ALIGN_RUNS)
    for factor in corpus.FACTORS:
        figures.add(f"align{_suffix(factor)}_s", align_s[factor])
    for factor in corpus.FACTORS[1:]:
        previous = align_s[factor // 2]
        figures.add(f"align_growth_{factor}x", align_s[factor] / previous)
    bench_collatex(figures, texts_dir, 1, align_s[1])
    say("compare align peak memory, one child per size")
    for factor in corpus.FACTORS:
        memory = run_child([str(CHILD), "align", str(factor), "1"], timeout=600)
        assert memory.result is not None
        if factor == 1:
            figures.add("align_ready_mb", float(memory.result["ready_mb"]))
        figures.add(f"align{_suffix(factor)}_peak_mb", memory.peak_mb)
    bench_collatex(figures, texts_dir, 4, align_s[4])


def _suffix(factor: int) -> str:
    return "" if factor == 1 else f"_{factor}x"


def bench_collatex(figures: Figures, texts_dir: Path, factor: int, ours: float) -> None:
    """CollateX on the same texts, each run a fresh child: the median of the runs.

    At 4x a run outlasts its timeout, so it runs once and its figure is a
    lower bound (a median of lower bounds would say nothing more).
    """
    suffix = _suffix(factor)
    path = texts_dir / f"texts_{factor}x.json"
    path.write_text(json.dumps(corpus.scaled_texts(factor)), encoding="utf-8")
    timeout = COLLATEX_TIMEOUT_S if factor == 1 else COLLATEX_4X_TIMEOUT_S
    runs = COLLATEX_RUNS if factor == 1 else 1
    say(f"CollateX at {factor}x, {runs} run{'s' if runs > 1 else ''}, timeout {timeout:g} s each")
    seconds, peaks = [], []
    for _ in range(runs):
        theirs = run_child([str(CHILD), "collatex", str(path)], timeout=timeout)
        peaks.append(theirs.peak_mb)
        if theirs.timed_out or theirs.result is None:
            figures.add(f"collatex{suffix}_runs", len(seconds) + 1)
            figures.add(f"collatex{suffix}_s", f">{timeout:g} (timeout)")
            figures.add(f"collatex{suffix}_peak_mb", f">={theirs.peak_mb:.0f} (at timeout)")
            figures.add(f"collatex{suffix}_ratio", f">={timeout / ours:.0f} (lower bound)")
            return
        seconds.append(theirs.result["times"][0])
    median = statistics.median(seconds)
    figures.add(f"collatex{suffix}_runs", runs)
    figures.add(f"collatex{suffix}_s", median)
    figures.add(f"collatex{suffix}_peak_mb", max(peaks))
    figures.add(f"collatex{suffix}_ratio", round(median / ours))


def bench_pipeline(figures: Figures) -> None:
    from compare.pipeline.run import analyze
    from compare.util.options import Options

    options = Options(source_date_epoch=int(EPOCH))
    say(f"pipeline.analyze on seeds/, {ANALYZE_RUNS} runs")
    analyze([SEEDS], options=options)  # warm: lazy imports and caches
    totals, stages = [], []
    for _ in range(ANALYZE_RUNS):
        start = time.perf_counter()
        analysis = analyze([SEEDS], options=options)
        totals.append(time.perf_counter() - start)
        stages.append(analysis.timings)
    figures.add("analyze_s", statistics.median(totals))
    medians = {name: statistics.median(t[name] for t in stages) for name in stages[0]}
    for name, seconds in medians.items():
        figures.add(f"stage_{name}_s", seconds)
    figures.add("slowest_stage", max(medians, key=lambda name: medians[name]))


def bench_cold(figures: Figures) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    for name, formats in (("report_cold_json", "json"), ("report_cold", "pdf,html,json")):
        say(f"`compare report seeds/ --format {formats}` in fresh processes, {COLD_RUNS} runs")
        walls, peaks = [], []
        for _ in range(COLD_RUNS):
            with tempfile.TemporaryDirectory() as out:
                args = ["-m", "compare", "report", str(SEEDS), "--out", out, "-q"]
                child = run_child([*args, "--format", formats], timeout=REPORT_TIMEOUT_S, env=env)
            if child.timed_out:
                raise SystemExit(f"bench: compare report took over {REPORT_TIMEOUT_S:g} s")
            walls.append(child.wall_s)
            peaks.append(child.peak_mb)
        figures.add(f"{name}_s", statistics.median(walls))
        figures.add(f"{name}_peak_mb", max(peaks))


def goal_status(figures: Figures, name: str) -> str:
    """``met``, ``missed``, or ``unproven`` for a lower bound short of a ``>=`` goal."""
    op, goal = GOALS[name]
    value = figures.number(name)
    if value is None:
        return "missed"
    ok = {">=": value >= goal, "<=": value <= goal, "<": value < goal}[op]
    if ok:
        return "met"
    bound = figures.values[name].startswith(">=")
    return "unproven" if bound and op == ">=" else "missed"


def missed_goals(figures: Figures) -> list[str]:
    missed = []
    for name in GOALS:
        status = goal_status(figures, name)
        if status != "met":
            missed.append(name if status == "missed" else f"{name} ({status})")
    return missed


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        ram = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        ram = "unknown"

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "nproc": str(os.cpu_count()),
        "ram": ram,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "compare": ver("compare"),
        "collatex": ver("collatex"),
        "numpy / scipy": f"{ver('numpy')} / {ver('scipy')}",
        "weasyprint / fonttools": f"{ver('weasyprint')} / {ver('fonttools')}",
    }


RESULTS_TEMPLATE = """\
# Benchmark results

Latest figures of `make bench` (`bench/run.py`; what each figure means is in
its docstring).  Written by `.venv/bin/python bench/run.py --results
bench/RESULTS.md`; do not edit by hand.

## Machine

{machine}

## Goals

| figure | goal | measured | status |
|---|---|---|---|
{goals}

## Figures

```
{figures}
```

## Method

- **Same input for both aligners.**  The five seed articles' bodies: the
  paragraphs `compare.ingest.run` keeps after boilerplate removal, joined by blank
  lines.  `compare.align.passages.align` gets them as segmented Articles in one Story with
  all five compared (the pipeline sets one seed aside as an earlier event; the
  benchmark does not, so both tools align the same five texts).  CollateX gets
  the same strings as plain witnesses, tokenised by its default word/punctuation
  tokenizer, and runs with `collate()`'s defaults (alignment table, segmentation
  on, no near-matching, no transposition detection): what a CollateX user gets.
  Word granularity is how CollateX aligns; at sentence granularity it would
  only match identical sentences, which is not the same job.
- **Timing.**  Each measurement runs in a fresh child process (`bench/child.py`)
  started by `bench/run.py` one after another, ours right before CollateX on the
  same texts; only the alignment call is timed (CollateX: witness
  tokenisation plus `collate`), never start-up or imports.  Ours: median of
  {align_runs} calls.  CollateX: median of {collatex_runs} runs at 1x ({collatex_s} s on
  the seeds) and one run at 4x, with a {timeout_1x:g} s timeout at 1x and
  {timeout_4x:g} s at 4x; on a timeout the figure is the timeout and the ratio
  is a lower bound (`>=`).
- **Memory.**  Peak RSS (`ru_maxrss` from `os.wait4`) of each child, interpreter
  and imports included; `align_ready_mb` is the align child's RSS after
  imports and input preparation, before the first alignment.
- **Longer inputs.**  No text can be downloaded, and repeating an article's own
  text would flatter an aligner.  Outlet *i*'s article at factor *k* is the
  bodies of seeds *i* … *i*+*k*-1 (mod 5), a Latin square: every long article
  is different real news text, every chapter position holds five different
  outlets' versions of the story, and a paragraph already present in an
  outlet's long article (wire copy shared by two seeds) is dropped there, so
  no article repeats a paragraph.  Sizes are the `words_*`/`sentences_*` lines.
  Each long article is a real article followed by other outlets' versions of the
  same story, so every sentence has near-duplicates several chapters away: a
  harder case for both aligners than one long article.
- **Pipeline.**  `pipeline.analyze` on seeds/ in the benchmark's own process,
  once to warm up and then {analyze_runs} times; `stage_<name>_s` are per-stage
  medians.  `report_cold_s` is `python -m compare report seeds/ --out TMP -q` with
  `SOURCE_DATE_EPOCH` set, a fresh process each time, median of {cold_runs}; the
  `_json` variant writes only JSON, so the difference is HTML and PDF rendering.
- **Load.**  `loadavg_*` is the machine's 1-minute load average; with more load
  than cores every absolute time grows, while the ratios, measured side by side,
  move much less.

## Reproduce

```sh
make bench                                  # prints the figures
.venv/bin/python bench/run.py --results bench/RESULTS.md   # and rewrites this file
```

CollateX (`collatex`, `python-Levenshtein`) is installed by `make bench` from
`bench/requirements.txt`, for the benchmark only.  A whole run takes about
{total_min:.0f} minutes on this machine.
"""


def write_results(path: Path, figures: Figures, total_s: float) -> None:
    rows = []
    for name, (op, goal) in GOALS.items():
        value = figures.values.get(name, "n/a")
        sign = {">=": "≥", "<=": "≤"}.get(op, op)
        rows.append(f"| `{name}` | {sign} {goal:g} | {value} | {goal_status(figures, name)} |")
    info = machine()
    text = RESULTS_TEMPLATE.format(
        machine="\n".join(f"- {key}: {value}" for key, value in info.items()),
        goals="\n".join(rows),
        figures="\n".join(f"{name}: {value}" for name, value in figures.values.items()),
        align_runs=ALIGN_RUNS,
        collatex_s=figures.values.get("collatex_s", "?"),
        collatex_runs=figures.values.get("collatex_runs", "?"),
        timeout_1x=COLLATEX_TIMEOUT_S,
        timeout_4x=COLLATEX_4X_TIMEOUT_S,
        analyze_runs=ANALYZE_RUNS,
        cold_runs=COLD_RUNS,
        total_min=total_s / 60,
    )
    path.write_text(text, encoding="utf-8")
    say(f"wrote {path}")


DENSE_SENTENCES = 2000
# figure-name prefix: vocabulary size (the README's limits table quotes both)
DENSE_CASES = {"dense_align": 300, "dense_align_small_vocab": 60}
ARCHIVE_SIZES = (2000, 10000)
ARCHIVE_600W_SIZES = (1000, 3000)  # records of 600 words, 30 sentences, 10 paragraphs
_ARCHIVE_WORDS = [
    "flood",
    "bridge",
    "council",
    "river",
    "mayor",
    "said",
    "police",
    "road",
    "town",
    "people",
    "rescued",
    "homes",
    "water",
    "rain",
    "storm",
    "closed",
    "engineers",
    "inspect",
    "residents",
    "warned",
]


def bench_dense(figures: Figures, cases: dict[str, int] | None = None) -> None:
    """Alignment of three articles of 2,000 sentences from one small vocabulary, per case."""
    for name, vocabulary in (DENSE_CASES if cases is None else cases).items():
        say(f"dense case: 3 x {DENSE_SENTENCES} sentences, {vocabulary} words")
        child = run_child([str(CHILD), "dense", str(DENSE_SENTENCES), str(vocabulary)], timeout=600)
        if child.result is None:
            figures.add(f"{name}_s", ">=600 (timed out)")
        else:
            figures.add(f"{name}_s", child.result["times"][0])
            figures.add(f"{name}_peak_mb", child.peak_mb)


def bench_limits(figures: Figures) -> None:
    """The README's limits, measured: the dense worst case of alignment, archive memory.

    ``dense_align_s``/``dense_align_peak_mb``: ``align`` on three articles of
    2,000 sentences drawn from one 300-word vocabulary (``child.dense_story``),
    peak RSS of the child, imports included; ``dense_align_small_vocab_*``:
    the same from 60 words, the worst case (every pair of sentences shares
    words, so every cell of the similarity product is a candidate).
    ``archive_kb_per_record``: the growth per record of the memory the
    articles read still hold (``tracemalloc`` in the child, after a
    collection) between archives of 2,000 and 10,000 small records
    (``read_articles``: ingest and segmentation, what a run keeps for every
    record while it analyses other stories); ``archive_600w_kb_per_record``:
    the same between 1,000 and 3,000 records of 600 words, the size of a news
    article.  ``archive_*_peak_mb`` stays the child's peak RSS.
    """
    bench_dense(figures)
    for name, sizes, words in (
        ("archive", ARCHIVE_SIZES, 70),
        ("archive_600w", ARCHIVE_600W_SIZES, 600),
    ):
        peaks, held = [], []
        with tempfile.TemporaryDirectory() as folder:
            for n in sizes:
                path = Path(folder) / f"archive-{n}.jsonl"
                write_archive(path, n, words)
                say(f"archive of {n} records of {words} words")
                child = run_child([str(CHILD), "archive", str(path)], timeout=900)
                if child.result is None:
                    raise SystemExit(f"bench: reading {path.name} failed")
                peaks.append(child.peak_mb)
                held.append(float(child.result["held_mb"]))
        figures.add(f"{name}_{sizes[-1] // 1000}k_peak_mb", peaks[-1])
        per_record = (held[-1] - held[0]) * 1024 / (sizes[-1] - sizes[0])
        figures.add(f"{name}_kb_per_record", per_record)


def write_archive(path: Path, records: int, words: int) -> None:
    """A JSON Lines archive of ``records`` invented records of ``words`` words.

    70 words make one sentence (the smallest record); otherwise sentences of
    20 words, three to a paragraph, as in news copy.
    """
    import random

    rnd = random.Random(records)
    with path.open("w", encoding="utf-8") as out:
        for i in range(records):
            if words <= 70:
                text = " ".join(rnd.choice(_ARCHIVE_WORDS) for _ in range(words)) + "."
            else:
                sentences = [
                    " ".join(rnd.choice(_ARCHIVE_WORDS) for _ in range(20)).capitalize() + "."
                    for _ in range(words // 20)
                ]
                text = "\n\n".join(
                    " ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)
                )
            record = {"id": f"r{i}", "outlet": f"Outlet {i % 50}", "text": text}
            out.write(json.dumps(record) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, help="also write the figures as Markdown")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    figures = Figures()
    figures.add("loadavg_start", os.getloadavg()[0])  # other work on the machine
    with tempfile.TemporaryDirectory() as texts_dir:
        bench_alignment(figures, Path(texts_dir))
    bench_pipeline(figures)
    bench_cold(figures)
    bench_limits(figures)
    cluster_bench.bench_clustering(figures, say)  # story grouping at 1k, 10k, 40k
    figures.add("loadavg_end", os.getloadavg()[0])
    missed = missed_goals(figures)
    figures.add("goals_missed", ", ".join(missed) or "none")
    total = time.perf_counter() - start
    say(f"done in {total:.0f} s")
    if args.results:
        write_results(args.results, figures, total)


if __name__ == "__main__":
    main()
