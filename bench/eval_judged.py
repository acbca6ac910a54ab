"""Precision judged blind: a reader's verdicts on findings, re-scored on every run.

Why: recall against a gold list cannot see a wrong finding, and a wrong
finding costs an editor more trust than a missed one.  For each real cluster
the most serious findings were read by a judge who had not seen the rules
(given only the articles, the findings and the kind definitions of
``../shared/DESIGN.md`` §5) and marked TRUE (a real difference of that kind,
rightly quoted), FALSE (wrong: not a difference, wrong kind, or misquoted)
or TRIVIAL (true but not worth an editor's time).  The verdicts live in
``tests/gold/judged/<cluster>.yaml`` with each finding's kind and quoted
spans, so a later version is scored on the same verdicts: a finding is
"judged" when a verdict has the same kind and the same quoted texts.

Figures (pooled over clusters, counts added):

* ``judged_precision``: TRUE / judged, over the current top ``TOP_N``
  findings that have a verdict (TRIVIAL counts against precision);
* ``judged_unjudged``: current top findings with no verdict yet (new
  findings a judge has not read; they make the precision less certain);
* ``judged_headline_precision``: the same over the first ``HEADLINES``
  findings, the ones page 1 shows;
* ``judged_listed_precision_<kind>``: the same by kind over every listed
  finding that has a verdict, at any rank (kinds that rarely reach the top,
  such as variants, are judged from a deeper dump, ``--judge-top``);
* ``judged_false_still_reported`` / ``judged_true_kept``: verdicts FALSE that
  any current finding still matches, verdicts TRUE still matched
  (``judged_false_still_reported_by_kind``: the first by kind).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from eval_real import ROOT, ClusterRun, ratio

JUDGED = ROOT / "tests" / "gold" / "judged"
TOP_N = 20  # findings judged per cluster, most serious first
HEADLINES = 5  # findings on page 1 (compare.report.view.build.HEADLINES)
VERDICTS = ("TRUE", "FALSE", "TRIVIAL")

Key = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]


@dataclass(frozen=True)
class Verdict:
    """A judge's verdict on one finding, identified by kind and quoted texts."""

    key: Key
    verdict: str
    reason: str


def finding_key(kind: str, spans: Mapping[str, Sequence[str]]) -> Key:
    """The identity of a finding for re-scoring: its kind and each outlet's quoted texts.

    >>> finding_key("loaded_term", {"b": ["rioters"], "a": ["protesters"]})
    ('loaded_term', (('a', ('protesters',)), ('b', ('rioters',))))
    """
    return (kind, tuple(sorted((aid, tuple(texts)) for aid, texts in spans.items())))


def key_of(finding: Any) -> Key:
    """The key of a ``compare.model.Finding``."""
    from compare.model import Kind

    spans = {aid: [s.text for s in items] for aid, items in finding.spans.items()}
    return finding_key(Kind(finding.kind).value, spans)


def listed(report: Any) -> list[Any]:
    """A report's findings as the PDF lists them: severity order, typography left out."""
    from compare.model import Kind

    return [f for f in report.findings if Kind(f.kind) is not Kind.TYPOGRAPHY]


def load_verdicts(path: Path) -> list[Verdict]:
    """The verdicts of one judged file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for raw in data.get("findings") or ():
        verdict = str(raw["verdict"]).upper()
        if verdict not in VERDICTS:
            raise ValueError(f"{path}: unknown verdict {verdict!r}")
        spans = {str(a): [str(t) for t in texts] for a, texts in raw["spans"].items()}
        out.append(Verdict(finding_key(str(raw["kind"]), spans), verdict, str(raw.get("reason"))))
    return out


def for_judging(run: ClusterRun, top: int = TOP_N) -> dict[str, Any]:
    """The top findings of one cluster in the form a judge reads and the gold file keeps."""
    from compare.model import Kind

    findings = []
    for rank, f in enumerate(listed(run.report)[:top], start=1):
        findings.append(
            {
                "rank": rank,
                "headline": rank <= HEADLINES,
                "kind": Kind(f.kind).value,
                "severity": int(f.severity),
                "explanation": f.explanation,
                "time_note": f.time_note,
                "spans": {aid: [s.text for s in spans] for aid, spans in f.spans.items()},
                "lines": {aid: [s.line for s in spans] for aid, spans in f.spans.items()},
                "context": {
                    aid: [context(run.report, aid, s.start, s.end) for s in spans]
                    for aid, spans in f.spans.items()
                },
            }
        )
    return {"cluster": run.name, "articles": list(run.article_ids), "findings": findings}


def context(report: Any, article_id: str, start: int, end: int) -> str:
    """The whole sentences of an article that a quoted span touches (for the reader)."""
    for article in report.story.articles:
        if article.id == article_id:
            touched = [s.text for s in article.sentences if s.start < end and start < s.end]
            return " ".join(touched) or article.text[start:end]
    return ""


def dump_for_judging(
    runs: Iterable[ClusterRun],
    folder: Path,
    *,
    unjudged_only: bool = False,
    top: int = TOP_N,
    judged: Path = JUDGED,
) -> list[Path]:
    """Write one YAML file of top findings per cluster (no verdicts) for a judge.

    ``unjudged_only`` leaves out findings that already have a stored verdict
    (a later round judges only what a new version reports anew); ``top`` above
    ``TOP_N`` also judges findings ranked lower, so that a kind that rarely
    reaches the top (variants) gets verdicts of its own (``judged_listed_*``);
    ``judged`` is the folder of stored verdicts (``eval_basil_judged.JUDGED``
    for the BASIL events).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for run in runs:
        if run.report is None:
            continue
        data = for_judging(run, top)
        stored = judged / f"{run.name}.yaml"
        if unjudged_only and stored.is_file():
            known = {v.key for v in load_verdicts(stored)}
            data["findings"] = [
                f for f in data["findings"] if finding_key(f["kind"], f["spans"]) not in known
            ]
        path = folder / f"{run.name}.yaml"
        path.write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        written.append(path)
    return written


@dataclass
class JudgedTally:
    """Verdict counts pooled over clusters."""

    top: Counter[str]
    headline: Counter[str]
    by_kind: dict[str, Counter[str]]
    listed_by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    false_kept_by_kind: Counter[str] = field(default_factory=Counter)
    false_kept: int = 0
    false_total: int = 0
    true_kept: int = 0
    true_total: int = 0
    clusters: int = 0
    verdicts: int = 0

    @classmethod
    def empty(cls) -> JudgedTally:
        return cls(Counter(), Counter(), {})

    def add(self, report: Any, verdicts: Sequence[Verdict]) -> None:
        """Score one cluster's current report against its stored verdicts."""
        by_key = {v.key: v for v in verdicts}
        current = [key_of(f) for f in listed(report)]
        for rank, key in enumerate(current[:TOP_N]):
            v = by_key.get(key)
            label = v.verdict if v else "UNJUDGED"
            self.top[label] += 1
            if rank < HEADLINES:
                self.headline[label] += 1
            self.by_kind.setdefault(key[0], Counter())[label] += 1
        for key in current:
            v = by_key.get(key)
            if v is not None:
                self.listed_by_kind.setdefault(key[0], Counter())[v.verdict] += 1
        present = set(current)
        for v in verdicts:
            if v.verdict == "FALSE":
                self.false_total += 1
                self.false_kept += v.key in present
                if v.key in present:
                    self.false_kept_by_kind[v.key[0]] += 1
            elif v.verdict == "TRUE":
                self.true_total += 1
                self.true_kept += v.key in present
        self.clusters += 1
        self.verdicts += len(verdicts)


def precision(counts: Counter[str]) -> float:
    """TRUE / (TRUE + FALSE + TRIVIAL); unjudged findings left out.

    >>> precision(Counter({"TRUE": 3, "FALSE": 1, "UNJUDGED": 5}))
    0.75
    """
    judged = sum(counts[v] for v in VERDICTS)
    return ratio(counts["TRUE"], judged)


def judged_lines(
    runs: Sequence[ClusterRun], folder: Path = JUDGED, prefix: str = "judged"
) -> Iterator[str]:
    """``judged_*`` lines (``prefix``, for another judged set) for the runs with verdicts."""
    for line in _judged_lines(runs, folder):
        yield prefix + line.removeprefix("judged")


def _judged_lines(runs: Sequence[ClusterRun], folder: Path) -> Iterator[str]:
    tally = JudgedTally.empty()
    for run in runs:
        path = folder / f"{run.name}.yaml"
        if run.report is None or not path.is_file():
            continue
        tally.add(run.report, load_verdicts(path))
    yield f"judged_clusters: {tally.clusters}"
    yield f"judged_verdicts_stored: {tally.verdicts}"
    if not tally.clusters:
        return
    judged = sum(tally.top[v] for v in VERDICTS)
    yield f"judged_precision: {precision(tally.top)}"
    yield f"judged_top_findings: {judged} judged, {tally.top['UNJUDGED']} unjudged"
    yield (
        f"judged_verdicts_in_top: TRUE {tally.top['TRUE']}, FALSE {tally.top['FALSE']}, "
        f"TRIVIAL {tally.top['TRIVIAL']}"
    )
    yield f"judged_headline_precision: {precision(tally.headline)}"
    yield f"judged_headline_unjudged: {tally.headline['UNJUDGED']}"
    for kind in sorted(tally.by_kind):
        counts = tally.by_kind[kind]
        n = sum(counts[v] for v in VERDICTS)
        yield f"judged_precision_{kind}: {precision(counts)} of {n}"
    for kind in sorted(tally.listed_by_kind):
        counts = tally.listed_by_kind[kind]
        n = sum(counts[v] for v in VERDICTS)
        yield f"judged_listed_precision_{kind}: {precision(counts)} of {n}"
    yield f"judged_false_still_reported: {tally.false_kept}/{tally.false_total}"
    kept = tally.false_kept_by_kind
    yield "judged_false_still_reported_by_kind: " + (
        ", ".join(f"{k} {kept[k]}" for k in sorted(kept)) or "none"
    )
    yield f"judged_true_kept: {tally.true_kept}/{tally.true_total}"
