"""Precision judged blind on independently written coverage: BASIL training events.

Why a second judged set: the development clusters are partly edited wire
copy, while BASIL's events are three outlets (Fox News, The New York Times,
HuffPost) writing about one event independently: the hardest case for
"only one outlet carries this" and "this outlet omits that", and the kind
of coverage a reader meets most.  Only events of 2010-2015, BASIL's
training part (``../shared/realworld/README.md``), are used: its later
events stay for reporting the grouping figures.

The articles are read from ``../shared/realworld/basil/articles.jsonl`` at
run time and written, as Markdown with front matter (title, date, outlet),
into a temporary folder, never into the project.  Verdicts by a judge who
had not seen the rules live in ``tests/gold/judged_basil/<event>.yaml``, in
the format ``eval_judged`` reads; the figures are its figures, with the
prefix ``basil_judged_``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import eval_judged
import eval_real

ARTICLES = eval_real.REALWORLD / "basil" / "articles.jsonl"
JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil"
# Events judged so far, by the first block of their BASIL event id (all 2010-2015).
EVENTS = (
    "6b541575",
    "526cabb7",
    "70c744ad",
    "2742e9c1",
    "84678e18",
    "1bb79cc1",
    "0ffb34cd",
    "2b95d2cf",
    "4f473faf",
    "6e502405",
)
# Held out: ten events of BASIL's 2016-2019 part, the first ten of its 40 events in
# SHA-256 order of the full event id (a draw no one chose).  Judged blind and never
# developed on: their figures (``basil_heldout_*``) say how the rules written on the
# events above carry over to coverage no rule has seen.  The first five were drawn and
# judged on 2026-12-05 (rounds 1 and 2), the next five on the same day (round 3), with
# the rules as they were then: those five were never re-scored while rules changed.
HELDOUT_EVENTS = (
    "df6a55fb",
    "d4a4bc34",
    "70c75d68",
    "01c59743",
    "1ed4f378",
    "be026bd1",
    "8385a996",
    "79bf99c6",
    "c9e4d35f",
    "0d10341a",
)
HELDOUT_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_heldout"
# A second draw, the 11th to 15th held-out events in the same SHA-256 order, judged blind
# on 2026-12-05 with the rules as they were then (commit d771976).  Why a second draw: two
# rules were written after reading verdicts of the first ten, which therefore no longer
# measure coverage no rule has seen; these five do, as long as no rule is written on them.
FRESH_EVENTS = (
    "2f3e86b6",
    "1b96a5db",
    "06ffda2d",
    "aab91277",
    "0c78e748",
)
FRESH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_fresh"
# A third draw, the 16th to 20th held-out events in the same order, judged blind on
# 2026-12-05 with the rules of commit ee9c3f7.  Why: two rules were written after
# reading verdicts of the second draw, so it too no longer measures coverage no rule has
# seen; these five do, as long as no rule is written on them.
THIRD_EVENTS = (
    "3ae35b16",
    "d16050b3",
    "8abec8d9",
    "59f2f47c",
    "1f99798f",
)
THIRD_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_third"
# A fourth draw, the 21st to 25th held-out events in the same order, judged blind on
# 2026-12-05 with the rules of commit 4ca9fcf.  Why: rules were written on the third
# draw's verdicts, so it too no longer measures coverage no rule has seen.
FOURTH_EVENTS = (
    "87609973",
    "76810849",
    "84b3c118",
    "1e41e98b",
    "58f414e5",
)
FOURTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_fourth"
# A fifth draw, the 26th to 30th held-out events in the same order, judged blind on
# 2026-12-06 with the rules of commit 17f1173.  Why: the fourth draw's verdicts have been
# read while writing rules since, so it too no longer measures coverage no rule has seen.
FIFTH_EVENTS = (
    "472158a1",
    "eadabee7",
    "dd1e6e3b",
    "f688c56d",
    "2a3fde8a",
)
FIFTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_fifth"
# A sixth draw, the 31st to 35th held-out events in the same order, judged blind on
# 2026-12-06 with the rules of commit 8599306.  Why: rules have been read off the fifth
# draw's findings since, so it too no longer measures coverage no rule has seen.
SIXTH_EVENTS = (
    "c6a0e65c",
    "ad409798",
    "b7021938",
    "eb17fa36",
    "7a97de89",
)
SIXTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_sixth"
# A seventh draw, the last five held-out events (the 36th to 40th in the same order),
# judged blind on 2026-12-06 with the rules of commit 6cca3bb.  Why: rules were written on
# the sixth draw's verdicts.  The last three had been read once (articles and findings,
# never verdicts) in an earlier session, before any of their verdicts existed.
SEVENTH_EVENTS = (
    "86e6e27d",
    "e71d149d",
    "542cd22c",
    "72fa9b13",
    "47a209b0",
)
SEVENTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_seventh"
# An eighth draw, from the other side: the 2010-2015 events no verdict was ever given on
# (16 of 58: none had an attribution, number, hedge or loaded-term finding when the serious
# kinds were judged, so none was read), the first five in SHA-256 order of the full event
# id.  Judged blind once with the rules of commit 51e42e5, on 2026-12-06.
EIGHTH_EVENTS = (
    "9879bbc0",
    "8dc7ccfe",
    "13792511",
    "450755dd",
    "a4f1d515",
)
EIGHTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_eighth"
# A ninth draw, the next five of those 16 in the same order, judged blind once with the
# rules of commit 219ef52, on 2026-12-06.  Why: rules were written on the eighth draw's
# verdicts, so it no longer measures coverage no rule has seen.
NINTH_EVENTS = (
    "68748e7f",
    "2153fb3e",
    "cad4bba5",
    "45bd61bc",
    "c99adbdd",
)
NINTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_ninth"
# A tenth draw, the next five of those 16 in the same order, judged blind once with the
# rules of commit 3b18806, on 2026-12-06.  Why: rules (outlet-only clauses and rewordings
# read only where the outlets print one copy) were written on every judged set, the ninth
# draw included, so only coverage no rule has seen measures them.
TENTH_EVENTS = (
    "7f9c83f7",
    "58ed2376",
    "ae243a95",
    "c21cb217",
    "3db93526",
)
TENTH_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_tenth"
# The serious kinds judged wider: every attribution, number, hedge and loaded-term finding
# of the other 2010-2015 events that had any (32 of 48), judged once, blind.  Independently
# written coverage is where these rules compare two outlets' different sentences; the ten
# events above had too few such findings to show it.
SERIOUS_EVENTS = (
    "005a2961",
    "08bb9bee",
    "2058ec60",
    "22b6e900",
    "29ffd053",
    "2b9468af",
    "2ec04201",
    "33521e65",
    "38f7cbb7",
    "550b80db",
    "576116e5",
    "65cb14cb",
    "6f95dcb9",
    "74708dbf",
    "85475456",
    "8dac6c12",
    "96b7046f",
    "97b1305c",
    "a28a0329",
    "a4edca3f",
    "af4a3f41",
    "b4dbeda7",
    "b5eefefb",
    "b764f81f",
    "c5534b7e",
    "ccf19ab6",
    "d3a1ce0a",
    "df5fe55a",
    "ed8c136f",
    "ee05c9b3",
    "f11c2566",
    "f506aafc",
)
SERIOUS_JUDGED = eval_real.ROOT / "tests" / "gold" / "judged_basil_serious"


def _file_name(source: str) -> str:
    """ "Fox News" -> "fox-news": the article id the verdicts name."""
    return re.sub(r"\W+", "-", source.lower()).strip("-")


def write_events(folder: Path, events: tuple[str, ...] = EVENTS) -> list[Path]:
    """One folder per event under ``folder``, each with one ``<outlet>.md`` per article."""
    by_event: dict[str, list[dict]] = {}
    with ARTICLES.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["event"].split("-")[0] in events:
                by_event.setdefault(record["event"].split("-")[0], []).append(record)
    out = []
    for event in events:
        target = folder / event
        target.mkdir(parents=True, exist_ok=True)
        for record in by_event.get(event, ()):
            front = (
                f"---\ntitle: {json.dumps(record['title'].strip())}\n"
                f"date: {record['date'][:10]}\noutlet: {json.dumps(record['source'])}\n---\n\n"
            )
            path = target / f"{_file_name(record['source'])}.md"
            path.write_text(front + record["text"].strip() + "\n", encoding="utf-8")
        out.append(target)
    return out


def runs(folder: Path, events: tuple[str, ...] = EVENTS) -> list[eval_real.ClusterRun]:
    """Each judged event analysed as ``compare report`` would, on every CPU.

    Why a pool: the 47 judged events take most of a minute one after another,
    and the quality tests read all of them; each event is independent.
    """
    folders = write_events(folder, events)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(cpus or 1, len(folders), MAX_WORKERS)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Under pytest-xdist the test workers already fill the CPUs: a pool in each
        # only adds processes to share them (the three BASIL test files took 195 s
        # of CPU with pools, 178 s without, and less time: 96 s against 103 s).
        workers = 1
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_run(f) for f in folders]
    warm_up()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_run, folders))


MAX_WORKERS = 4

# Two short reports of one invented event, analysed once by ``warm_up``.
_WARM_STORY = {
    "a.md": "---\ntitle: Storm cuts power to 40,000 homes\noutlet: One Post\ndate: 2024-03-02\n"
    "---\n\nA storm cut power to at least 40,000 homes on Friday, the utility said.\n\n"
    "The mayor said the city had opened three shelters.\n",
    "b.md": "---\ntitle: Storm leaves 52,000 homes without power\noutlet: Other Post\n"
    "date: 2024-03-02\n---\n\nA storm cut power to 52,000 homes on Friday.\n\n"
    "The mayor said the city had opened three shelters.\n\nMore storms are forecast.\n",
}


@cache
def warm_up() -> None:
    """Import the pipeline, load the sentence model and the word lists once, before forking.

    Why: the pool's workers are forked from this process, so what is loaded
    here they share instead of each loading it again (the imports, the
    model, every lexicon on first use: about 1.9 s of CPU a worker, and a
    pool is made for every judged set).  Measured on two draws: the
    workers' CPU time fell from 27 s to 20 s.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in _WARM_STORY.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        eval_real.run_cluster(Path(tmp), glob="*.md")


def _run(folder: Path) -> eval_real.ClusterRun:
    from threadpoolctl import threadpool_limits  # installed with scikit-learn

    with threadpool_limits(1):  # one BLAS thread a worker: the pool already fills the CPUs
        return eval_real.run_cluster(folder, glob="*.md")


def basil_judged_lines(
    events: tuple[str, ...] = EVENTS, judged: Path = JUDGED, prefix: str = "basil_judged"
) -> Iterator[str]:
    """``basil_judged_*`` lines: ``eval_judged`` figures over the BASIL events."""
    if not ARTICLES.is_file():
        yield f"{prefix}_clusters: 0 (no ../shared/realworld/basil)"
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield from eval_judged.judged_lines(runs(Path(tmp), events), judged, prefix=prefix)


# The figures that mean something for a set judged by kind, not by rank: its top 20 is
# mostly unjudged (only four kinds were), so top-20 and headline lines are left out.
_BY_KIND = ("_clusters", "_verdicts_stored", "_listed_precision_", "_false_still", "_true_kept")


def serious_lines() -> Iterator[str]:
    """``basil_serious_*`` lines: the serious kinds over 32 more training events, by kind."""
    for line in basil_judged_lines(SERIOUS_EVENTS, SERIOUS_JUDGED, "basil_serious"):
        if any(part in line.split(":", 1)[0] for part in _BY_KIND):
            yield line


# The draws judged blind, by name: the events and the folder of their verdicts.  Each
# gives ``basil_<name>_*`` lines, the same figures as ``basil_judged_*`` (``draw_lines``),
# and ``bench/eval.py --dump-for-judging DIR --basil-<name>`` writes its findings.
DRAWS: dict[str, tuple[tuple[str, ...], Path]] = {
    "heldout": (HELDOUT_EVENTS, HELDOUT_JUDGED),
    "fresh": (FRESH_EVENTS, FRESH_JUDGED),
    "third": (THIRD_EVENTS, THIRD_JUDGED),
    "fourth": (FOURTH_EVENTS, FOURTH_JUDGED),
    "fifth": (FIFTH_EVENTS, FIFTH_JUDGED),
    "sixth": (SIXTH_EVENTS, SIXTH_JUDGED),
    "seventh": (SEVENTH_EVENTS, SEVENTH_JUDGED),
    "eighth": (EIGHTH_EVENTS, EIGHTH_JUDGED),
    "ninth": (NINTH_EVENTS, NINTH_JUDGED),
    "tenth": (TENTH_EVENTS, TENTH_JUDGED),
}


def draw_lines(name: str) -> Iterator[str]:
    """``basil_<name>_*`` lines: the same figures over one draw of ``DRAWS``."""
    events, judged = DRAWS[name]
    return basil_judged_lines(events, judged, f"basil_{name}")
