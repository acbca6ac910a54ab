"""Findings on real outlets' coverage: the development clusters in ``../shared/realworld``.

Why a separate set from the seeds: the seeds are five articles on one story,
and the word lists were written while looking at them, so recall there says
little about unseen coverage.  The clusters are real articles by real outlets
(wire copy edited by several outlets, and independently written reports),
with hand-checked differences nobody here tuned for.

Each cluster is analysed as a user would run it (``compare report`` on its
article files, default options) and its ``report.json`` is scored by the
judge's own scorer, ``../shared/realworld/score_findings.py``, in a
subprocess: our figures and the judge's are the same figures.

Figures are printed pooled over the clusters (``real_*``: counts added, never
ratios averaged) and per cluster (``real_<cluster>_*``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = Path(os.environ.get("COMPARE_REALWORLD", ROOT.parent / "shared" / "realworld"))
CLUSTERS = REALWORLD / "clusters"
SCORER = REALWORLD / "score_findings.py"
GOLD = "gold.yaml"
ARTICLE_GLOB = "*.txt"  # SOURCE.md and gold.yaml are the set's notes, not articles


@dataclass(frozen=True)
class ClusterRun:
    """One cluster analysed: the report of its story and who was left out.

    ``report`` is None when no story of the cluster could be compared.
    ``set_aside`` are the cluster's articles that the report does not compare
    (flagged as another event, or grouped into a story of their own): every
    one is a mistake, since all of a cluster's articles cover one event.
    """

    name: str
    folder: Path
    article_ids: tuple[str, ...]
    report: Any  # compare.model.Report | None (imported lazily)
    set_aside: tuple[str, ...]


@dataclass
class Tally:
    """Counts pooled over clusters: found/total per kind, pairs, leaks, set-aside."""

    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    pairs_hit: int = 0
    pairs_total: int = 0
    leaks: int = 0
    boilerplate_total: int = 0
    set_aside: int = 0
    articles: int = 0
    findings: int = 0

    def add(self, score: Mapping[str, Any], gold: Mapping[str, Any], run: ClusterRun) -> None:
        """Add one cluster's scorer output (``--json``) to the pool."""
        for kind, frac in score.get("by_kind", {}).items():
            hit, of = (int(x) for x in str(frac).split("/"))
            self.found[kind] = self.found.get(kind, 0) + hit
            self.total[kind] = self.total.get(kind, 0) + of
        hit, of = (int(x) for x in str(score.get("pairs", "0/0")).split("/"))
        self.pairs_hit += hit
        self.pairs_total += of
        self.leaks += len(score.get("boilerplate_leaks", []))
        self.boilerplate_total += len(gold.get("boilerplate") or [])
        self.set_aside += len(run.set_aside)
        self.articles += len(run.article_ids)
        self.findings += int(score.get("report_findings", 0))


def cluster_folders(root: Path = CLUSTERS) -> tuple[Path, ...]:
    """Every folder under ``root`` with a gold file, sorted by name."""
    if not root.is_dir():
        return ()
    return tuple(sorted(p for p in root.iterdir() if (p / GOLD).is_file()))


def run_cluster(folder: Path, options: Any = None, glob: str = ARTICLE_GLOB) -> ClusterRun:
    """Analyse one cluster's articles with default options, as ``compare report`` would.

    ``options`` (a ``compare.util.options.Options``) replaces the defaults,
    for a figure measured another way (``eval.words_only_lines``); ``glob``
    picks the article files (``eval_basil_judged`` writes Markdown).
    """
    from compare.errors import CompareError
    from compare.pipeline.run import analyze
    from compare.util.options import Options

    paths = sorted(folder.glob(glob))
    ids = tuple(p.stem for p in paths)
    try:
        analysis = analyze(paths, options=options or Options())
    except CompareError:
        return ClusterRun(folder.name, folder, ids, None, ids)
    if not analysis.reports:
        return ClusterRun(folder.name, folder, ids, None, ids)
    report = max(
        analysis.reports,
        key=lambda r: (len(set(ids) & compared_ids(r)), len(r.story.articles)),
    )
    aside = tuple(i for i in ids if i not in compared_ids(report))
    return ClusterRun(folder.name, folder, ids, report, aside)


def compared_ids(report: Any) -> set[str]:
    """Ids of the articles a report actually compares (outliers left out)."""
    outliers = {o.article_id for o in report.story.outliers}
    return {a.id for a in report.story.articles if a.id not in outliers}


def _scorer(run: ClusterRun, flag: str) -> str:
    """The judge's scorer's stdout for this run's ``report.json`` (``--json`` or ``--missed``)."""
    from compare.report.jsonio import dump

    with tempfile.TemporaryDirectory(prefix="compare-eval-") as tmp:
        path = Path(tmp) / "report.json"
        path.write_text(dump(run.report), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(SCORER), str(path), str(run.folder / GOLD), flag],
            capture_output=True,
            text=True,
            check=True,
        )
    return done.stdout


def score(run: ClusterRun) -> dict[str, Any]:
    """The judge's scorer on this run's ``report.json`` (``--json`` output, parsed)."""
    if run.report is None:
        return {"by_kind": {}, "pairs": "0/0", "boilerplate_leaks": [], "report_findings": 0}
    return json.loads(_scorer(run, "--json"))


def missed(run: ClusterRun) -> list[str]:
    """The scorer's ``MISSED`` lines for one run (for the ``#`` debugging lines)."""
    if run.report is None:
        return ["no report"]
    return [line for line in _scorer(run, "--missed").splitlines() if line.startswith("MISSED")]


def ratio(hit: int, of: int) -> float:
    """hit / of rounded for printing; 0.0 when there is nothing to count.

    >>> ratio(2, 3), ratio(0, 0)
    (0.67, 0.0)
    """
    return round(hit / of, 2) if of else 0.0


def tally_lines(tally: Tally, prefix: str) -> Iterator[str]:
    """``name: value`` lines of one tally: recall by kind (``hit/total`` and ratio)."""
    hit, of = sum(tally.found.values()), sum(tally.total.values())
    yield f"{prefix}recall_overall: {ratio(hit, of)}"
    yield f"{prefix}found: {hit}/{of}"
    for kind in sorted(tally.total):
        yield f"{prefix}recall_{kind}: {tally.found[kind]}/{tally.total[kind]}"
    yield f"{prefix}aligned_pair_recall: {ratio(tally.pairs_hit, tally.pairs_total)}"
    yield f"{prefix}aligned_pairs: {tally.pairs_hit}/{tally.pairs_total}"
    yield f"{prefix}boilerplate_leaks: {tally.leaks}/{tally.boilerplate_total}"
    yield f"{prefix}same_story_set_aside: {tally.set_aside}/{tally.articles}"
    yield f"{prefix}findings_reported: {tally.findings}"


def real_lines(runs: Sequence[ClusterRun] | None = None) -> Iterable[str]:
    """Pooled ``real_*`` lines, then ``real_<cluster>_*`` lines, then ``#`` debugging lines."""
    import yaml

    if not SCORER.is_file():
        yield f"real_clusters: 0  # {REALWORLD} not found"
        return
    runs = list(runs) if runs is not None else [run_cluster(f) for f in cluster_folders()]
    pooled = Tally()
    per_cluster: list[str] = []
    comments: list[str] = []
    for run in runs:
        gold = yaml.safe_load((run.folder / GOLD).read_text(encoding="utf-8"))
        result = score(run)
        one = Tally()
        one.add(result, gold, run)
        pooled.add(result, gold, run)
        per_cluster += list(tally_lines(one, f"real_{run.name}_"))
        for aid in run.set_aside:
            comments.append(f"# [{run.name}] set aside: {aid}")
        comments += [f"# [{run.name}] {line}" for line in missed(run)]
        comments += [f"# [{run.name}] leak: {leak}" for leak in result.get("boilerplate_leaks", [])]
    yield f"real_clusters: {len(runs)}"
    yield from tally_lines(pooled, "real_")
    yield from per_cluster
    yield from comments
