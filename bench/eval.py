"""``make eval``: how well the analysis does, on the seeds and on real outlets' coverage.

Run as ``.venv/bin/python bench/eval.py [--results bench/EVAL.md]`` (``make
eval``).  It prints one ``name: value`` line per figure, set by set (each
set on its own, never one blended figure), then ``#`` lines for debugging;
``--results`` also writes the figures as Markdown tables.  It is a
measurement, not a gate: it exits 0 unless it crashes.

The sets (``SETS``):

* ``seeds``: the five seed articles against ``tests/gold/seeds.yaml``, and
  three invented stories (``unseen_*``); both were written by this project,
  so they show the best case.  How a finding matches a gold entry is below.
* ``real``: the real clusters in ``../shared/realworld/clusters``, scored by
  the judge's own scorer (``eval_real``).
* ``judged``: stored blind verdicts re-scored on today's findings
  (``eval_judged``); ``--dump-for-judging DIR [--unjudged-only]`` writes the
  top findings for a new round of judging.
* ``basil_judged``: the same on ten BASIL training events, independently
  written coverage (``eval_basil_judged``); ``--dump-for-judging DIR --basil``
  dumps them.
* ``basil_serious``: attribution, number, hedge and loaded-term findings of
  32 more BASIL training events, every one judged (``--dump-for-judging DIR
  --basil-serious``).
* ``basil_heldout``: the same on ten BASIL 2016-2019 events drawn by hash
  (``--dump-for-judging DIR --basil-heldout``); rules have been read off every draw
  since, and each README row says which (the latest draw is the unseen measure).
* ``basil_fresh``: the same on five more 2016-2019 events, the next in hash
  order, judged once no rule had been written on any verdict of theirs
  (``--dump-for-judging DIR --basil-fresh``).
* ``basil_third``: the same on the five after those, drawn and judged once
  rules had been written on the second draw's verdicts
  (``--dump-for-judging DIR --basil-third``).
* ``basil_fourth``: the same on the five after those, drawn and judged once
  rules had been written on the third draw's verdicts
  (``--dump-for-judging DIR --basil-fourth``).
* ``basil_fifth``: the same on the five after those, drawn and judged once
  rules had been written on the fourth draw's verdicts
  (``--dump-for-judging DIR --basil-fifth``).
* ``basil_sixth``: the same on the five after those, drawn and judged once
  rules had been read off the fifth draw's findings
  (``--dump-for-judging DIR --basil-sixth``).
* ``basil_seventh``: the same on the last five held-out events, drawn and judged
  once rules had been written on the sixth draw's verdicts
  (``--dump-for-judging DIR --basil-seventh``).
* ``basil_eighth``: the same on five of the 2010-2015 events no verdict was
  ever given on, drawn and judged once rules had been written on the seventh
  draw's verdicts (``--dump-for-judging DIR --basil-eighth``).
* ``basil_ninth``: the same on the next five of those events, drawn and judged
  once rules had been written on the eighth draw's verdicts
  (``--dump-for-judging DIR --basil-ninth``).
* ``basil_tenth``: the same on the next five of those events, drawn and judged
  once rules had been written on the ninth draw's verdicts
  (``--dump-for-judging DIR --basil-tenth``).
* ``basil``, ``semeval``: story grouping (``eval_grouping``).
* ``mrpc``: the aligner's same-content decision (``eval_mrpc``).
* ``words``: the real clusters, the judged verdicts and the seeds again with
  sentence meanings switched off (``Options.sentence_meanings``), so the
  sentence-embedding model's worth is measured on every run, not once.

Seeds: the report of the biggest story is scored.

Matching rule (why overlap, not equality: the gold marks the differing words,
a finding may quote a token, a phrase or a whole sentence):

* a finding matches a gold entry when the kinds are equal and, in at least
  ``min(2, len(gold.texts))`` of the gold entry's articles (one for
  ``added_passage``), some span of the finding overlaps an occurrence of the
  gold text in that article's ``Article.text`` (any occurrence when the text
  occurs more than once);
* an ``omitted_passage`` finding must not quote an article the gold lists in
  ``absent_in``: quoting it would mean the finding says it carries the passage.

Strict figures use equal kinds only.  A few kinds are near-equivalent for one
difference (``NEAR_EQUIVALENT``, e.g. "at least 13" vs "14" is a number and a
hedge change); ``*_lenient`` figures also accept those, reported separately so
the strict figures stay honest.  Typography findings are never gold (DESIGN
§5: counted, not listed), so precision ignores them.

Unseen stories: every folder under ``tests/gold/stories/`` holding a
``gold.yaml`` is a hand-made story (invented outlets and topics, written to
measure how the rules generalise beyond the seeds).  Each is analysed on its
own; ``story_<name>_*`` lines give its figures and ``unseen_*`` lines pool
them (recall over all their entries, precision over all their top-30
findings), so one big story cannot hide a weak one behind an average of
ratios.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from compare.model import Finding, Kind, Report

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "tests" / "gold" / "seeds.yaml"
SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "gold" / "stories"
STORY_GOLD = "gold.yaml"
TOP_N = 30

# Pairs of kinds that can fairly describe the same difference.
NEAR_EQUIVALENT: frozenset[frozenset[Kind]] = frozenset(
    {
        frozenset({Kind.NUMBER_DISCREPANCY, Kind.HEDGE_CHANGE}),  # hedge on a number
        frozenset({Kind.ATTRIBUTION_CHANGE, Kind.HEDGE_CHANGE}),  # "alleged", "what it called"
        frozenset({Kind.LOADED_TERM, Kind.WORDING_CHANGE}),  # framing substitution
    }
)


@dataclass(frozen=True)
class GoldEntry:
    """One hand-read difference: verbatim texts per article id."""

    id: str
    kind: Kind
    texts: Mapping[str, str]
    note: str
    absent_in: tuple[str, ...] = ()

    @property
    def required(self) -> int:
        """How many of the entry's articles a finding must overlap."""
        if self.kind is Kind.ADDED_PASSAGE:
            return 1
        return min(2, len(self.texts))


def parse_gold(data: Mapping[str, Any], *, section: str = "differences") -> tuple[GoldEntry, ...]:
    """Gold entries from the loaded YAML mapping (one ``section`` of it).

    >>> parse_gold({"differences": [{"id": "x", "kind": "name_variant",
    ...     "texts": {"a": "Aliyev", "b": "Aliev"}, "note": "n"}]})[0].required
    2
    """
    return tuple(
        GoldEntry(
            id=str(raw["id"]),
            kind=Kind(raw["kind"]),
            texts={str(k): str(v) for k, v in raw["texts"].items()},
            note=str(raw.get("note", "")),
            absent_in=tuple(str(a) for a in raw.get("absent_in", ())),
        )
        for raw in data.get(section) or ()
    )


def load_gold(path: Path = GOLD_PATH, *, section: str = "differences") -> tuple[GoldEntry, ...]:
    """Read and parse the gold YAML file."""
    with path.open(encoding="utf-8") as fh:
        return parse_gold(yaml.safe_load(fh), section=section)


def occurrences(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Every ``(start, end)`` of ``needle`` in ``text``, overlapping ones included.

    >>> occurrences("a-b-a-b-a", "a-b")
    ((0, 3), (4, 7))
    """
    found: list[tuple[int, int]] = []
    start = text.find(needle)
    while needle and start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return tuple(found)


class Matcher:
    """Decides whether findings match gold entries, given the articles' texts.

    Why a class: occurrences of each gold text are looked up once per report,
    not once per (finding, entry) pair.
    """

    def __init__(self, texts: Mapping[str, str], gold: Sequence[GoldEntry]) -> None:
        self.gold = tuple(gold)
        self._where: dict[tuple[str, str], tuple[tuple[int, int], ...]] = {}
        for entry in self.gold:
            for aid, needle in entry.texts.items():
                text = texts.get(aid)
                self._where[entry.id, aid] = () if text is None else occurrences(text, needle)

    def matches(self, finding: Finding, entry: GoldEntry, *, lenient: bool = False) -> bool:
        """True when the finding is this gold difference (see module docstring)."""
        if not kinds_match(finding.kind, entry.kind, lenient=lenient):
            return False
        if entry.kind is Kind.OMITTED_PASSAGE and any(
            finding.spans.get(aid) for aid in entry.absent_in
        ):
            return False
        hits = 0
        for aid in entry.texts:
            places = self._where[entry.id, aid]
            spans = finding.spans.get(aid, ())
            if any(s.start < end and start < s.end for s in spans for start, end in places):
                hits += 1
        return hits >= entry.required

    def matching(self, finding: Finding, *, lenient: bool = False) -> tuple[GoldEntry, ...]:
        """Gold entries a finding matches."""
        return tuple(e for e in self.gold if self.matches(finding, e, lenient=lenient))


def kinds_match(found: Kind | str, gold: Kind | str, *, lenient: bool = False) -> bool:
    """Equal kinds, or (when lenient) a documented near-equivalent pair.

    >>> kinds_match("hedge_change", "number_discrepancy", lenient=True)
    True
    """
    found, gold = Kind(found), Kind(gold)
    return found == gold or (lenient and frozenset({found, gold}) in NEAR_EQUIVALENT)


def evaluate(report: Report, gold: Sequence[GoldEntry] | Mapping[str, Any]) -> dict[str, Any]:
    """Recall per kind and overall, precision of the top findings and of all.

    ``gold`` is parsed entries or the loaded YAML mapping.  The result maps
    each figure name to a number, plus ``missed`` (gold ids no finding
    matches), ``unmatched_top`` (``(kind, label)`` of top findings matching
    nothing) and ``lenient_only`` (gold ids matched only by a near-equivalent
    kind), which are lists.
    """
    entries = parse_gold(gold) if isinstance(gold, Mapping) else tuple(gold)
    judged = judge(report, entries)
    result = pooled([judged])
    result["precision_all"] = _ratio(judged.all_ok, judged.findings)
    result["findings_total"] = len(report.findings)
    result["gold_total"] = len(entries)

    result["missed"] = [f"{e.kind.value} {e.id}" for e in entries if e.id not in judged.strict]
    result["lenient_only"] = [
        e.id for e in entries if e.id in judged.lenient and e.id not in judged.strict
    ]
    result["unmatched_top"] = [
        f"{f.id} {Kind(f.kind).value}: {f.label or f.explanation}"
        for f, ok in zip(judged.top, judged.top_ok, strict=True)
        if not ok
    ]
    result["missing_articles"] = sorted(
        {aid for e in entries for aid in e.texts if aid not in judged.article_ids}
    )
    return result


@dataclass(frozen=True)
class Judged:
    """One report judged against its gold entries: the raw counts behind the ratios.

    Why raw counts: pooled figures over several stories must add hits and
    totals, not average ratios.
    """

    entries: tuple[GoldEntry, ...]
    strict: frozenset[str]
    lenient: frozenset[str]
    top: tuple[Finding, ...]
    top_ok: tuple[bool, ...]
    top_ok_lenient: tuple[bool, ...]
    findings: tuple[Finding, ...]
    all_ok: int
    article_ids: frozenset[str]


def judge(report: Report, entries: Sequence[GoldEntry]) -> Judged:
    """Match a report's findings (typography left out) against gold entries."""
    texts = {a.id: a.text for a in report.story.articles}
    matcher = Matcher(texts, entries)
    findings = tuple(f for f in report.findings if Kind(f.kind) is not Kind.TYPOGRAPHY)
    strict = {e.id for e in entries if any(matcher.matches(f, e) for f in findings)}
    lenient = {e.id for e in entries if any(matcher.matches(f, e, lenient=True) for f in findings)}
    top = findings[:TOP_N]
    return Judged(
        entries=tuple(entries),
        strict=frozenset(strict),
        lenient=frozenset(lenient),
        top=top,
        top_ok=tuple(bool(matcher.matching(f)) for f in top),
        top_ok_lenient=tuple(bool(matcher.matching(f, lenient=True)) for f in top),
        findings=findings,
        all_ok=sum(bool(matcher.matching(f)) for f in findings),
        article_ids=frozenset(texts),
    )


def pooled(judged: Sequence[Judged]) -> dict[str, Any]:
    """Recall per kind and overall, and top-30 precision, over several judged reports.

    Recall counts every entry of every report once; precision counts every
    report's top findings once.
    """
    entries = [(j, e) for j in judged for e in j.entries]
    result: dict[str, Any] = {}
    for kind in Kind:
        of_kind = [(j, e) for j, e in entries if e.kind is kind]
        if of_kind:
            hits = sum(e.id in j.strict for j, e in of_kind)
            result[f"recall_{kind.value}"] = _ratio(hits, of_kind)
    result["recall_overall"] = _ratio(sum(e.id in j.strict for j, e in entries), entries)
    result["recall_overall_lenient"] = _ratio(sum(e.id in j.lenient for j, e in entries), entries)
    top = [ok for j in judged for ok in j.top_ok]
    result["precision_top30"] = _ratio(sum(top), top)
    result["precision_top30_lenient"] = _ratio(
        sum(ok for j in judged for ok in j.top_ok_lenient), top
    )
    return result


def _ratio(hits: int, of: Sequence[object]) -> float:
    """hits / len(of), 0.0 for an empty denominator, rounded for printing."""
    return round(hits / len(of), 2) if of else 0.0


def format_result(result: Mapping[str, Any]) -> Iterable[str]:
    """Figures as ``name: value`` lines, then debugging lists as ``# `` lines."""
    lists = {k: v for k, v in result.items() if isinstance(v, list)}
    for name, value in result.items():
        if name not in lists:
            yield f"{name}: {value}"
    titles = {
        "missed": "missed gold entries",
        "lenient_only": "matched only by a near-equivalent kind",
        "unmatched_top": f"top-{TOP_N} findings matching no gold entry",
        "missing_articles": "gold articles absent from the report",
    }
    for name, items in lists.items():
        yield f"# {titles.get(name, name)} ({len(items)}):"
        yield from (f"#   {item}" for item in items)


def biggest_report(reports: Sequence[Report]) -> Report:
    """The report whose story has the most articles (first on a tie)."""
    return max(reports, key=lambda r: len(r.story.articles))


def story_folders(root: Path = STORIES) -> tuple[Path, ...]:
    """The unseen gold stories: folders under ``root`` holding a ``gold.yaml``."""
    if not root.is_dir():
        return ()
    return tuple(sorted(p for p in root.iterdir() if (p / STORY_GOLD).is_file()))


def story_report(reports: Sequence[Report], entries: Sequence[GoldEntry]) -> Report:
    """The report whose story holds most of the gold's articles (biggest on a tie)."""
    wanted = {aid for e in entries for aid in e.texts}
    return max(
        reports,
        key=lambda r: (len(wanted & {a.id for a in r.story.articles}), len(r.story.articles)),
    )


def evaluate_story(folder: Path) -> tuple[dict[str, Any], Judged | None]:
    """Analyse one gold story folder; its figures and the judged counts for pooling."""
    from compare.pipeline.run import analyze
    from compare.util.options import Options

    entries = load_gold(folder / STORY_GOLD)
    analysis = analyze([folder], options=Options())
    if not analysis.reports:
        return {"findings_total": 0, "missed": [f"{e.kind.value} {e.id}" for e in entries]}, None
    report = story_report(analysis.reports, entries)
    return evaluate(report, entries), judge(report, entries)


def unseen_lines(root: Path = STORIES) -> Iterable[str]:
    """Pooled ``unseen_*`` figures, then ``story_<name>_*`` figures, then debug lists."""
    figures: list[str] = []
    comments: list[str] = []
    judged: list[Judged] = []
    for folder in story_folders(root):
        result, counts = evaluate_story(folder)
        if counts is not None:
            judged.append(counts)
        for line in format_result(result):
            if line.startswith("#"):
                comments.append(f"# [{folder.name}] {line[2:]}")
            else:
                figures.append(f"story_{folder.name}_{line}")
    if not judged:
        return
    result = pooled(judged)
    result["gold_total"] = sum(len(j.entries) for j in judged)
    result["stories"] = len(judged)
    yield from (f"unseen_{line}" for line in format_result(result))
    yield from figures
    yield from comments


def seed_lines() -> Iterable[str]:
    """``name: value`` lines of the seeds (biggest story), then the invented stories."""
    from compare.pipeline.run import analyze
    from compare.util.options import Options

    analysis = analyze([SEEDS], options=Options())
    if not analysis.reports:
        yield "findings_total: 0"
    else:
        report = biggest_report(analysis.reports)
        yield from format_result(evaluate(report, load_gold()))
    yield from unseen_lines()


SETS = (
    (
        "seeds",
        "Seeds and invented stories",
        "`tests/gold/seeds.yaml` (seeds) and "
        "`tests/gold/stories/*/gold.yaml` (`unseen_*`: three invented stories)",
    ),
    (
        "real",
        "Real clusters",
        "`../shared/realworld/clusters/*`, scored by `../shared/realworld/score_findings.py`",
    ),
    (
        "judged",
        "Precision judged blind",
        "verdicts in `tests/gold/judged/*.yaml` re-scored on the current findings",
    ),
    (
        "basil_judged",
        "Precision judged blind on independent coverage (BASIL 2010-2015 events)",
        "verdicts in `tests/gold/judged_basil/*.yaml` on BASIL training events read from "
        "`../shared/realworld/basil/articles.jsonl`",
    ),
    (
        "basil_serious",
        "Serious kinds judged blind on 32 more BASIL 2010-2015 events",
        "verdicts in `tests/gold/judged_basil_serious/*.yaml`: every attribution, number, hedge "
        "and loaded-term finding of the other training events that had any",
    ),
    (
        "basil_heldout",
        "Precision judged blind on held-out independent coverage (BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_heldout/*.yaml` on ten BASIL events no rule "
        "was developed on, read from `../shared/realworld/basil/articles.jsonl`",
    ),
    (
        "basil_fresh",
        "Precision judged blind on a second held-out draw (five more BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_fresh/*.yaml` on the next five held-out events "
        "in hash order, judged with the rules of commit d771976; rules were "
        "read off it later (README, accuracy)",
    ),
    (
        "basil_third",
        "Precision judged blind on a third held-out draw (five more BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_third/*.yaml` on the next five held-out events "
        "in hash order, judged with the rules of commit ee9c3f7; rules were "
        "read off it later (README, accuracy)",
    ),
    (
        "basil_fourth",
        "Precision judged blind on a fourth held-out draw (five more BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_fourth/*.yaml` on the next five held-out events "
        "in hash order, judged with the rules of commit 4ca9fcf; rules were "
        "read off it later (README, accuracy)",
    ),
    (
        "basil_fifth",
        "Precision judged blind on a fifth held-out draw (five more BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_fifth/*.yaml` on the next five held-out events "
        "in hash order, judged with the rules of commit 17f1173; rules were "
        "read off it later (README, accuracy)",
    ),
    (
        "basil_sixth",
        "Precision judged blind on a sixth held-out draw (five more BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_sixth/*.yaml` on the next five held-out events "
        "in hash order, judged with the rules of commit 8599306; rules were "
        "read off it later (README, accuracy)",
    ),
    (
        "basil_seventh",
        "Precision judged blind on a seventh held-out draw (the last five BASIL 2016-2019 events)",
        "verdicts in `tests/gold/judged_basil_seventh/*.yaml` on the last five held-out events "
        "in hash order, judged with the rules of commit 6cca3bb",
    ),
    (
        "basil_eighth",
        "Precision judged blind on an eighth draw (five unread BASIL 2010-2015 events)",
        "verdicts in `tests/gold/judged_basil_eighth/*.yaml` on five 2010-2015 events no "
        "verdict had been given on, in hash order, judged with the rules of commit 51e42e5",
    ),
    (
        "basil_ninth",
        "Precision judged blind on a ninth draw (five more unread BASIL 2010-2015 events)",
        "verdicts in `tests/gold/judged_basil_ninth/*.yaml` on the next five 2010-2015 events "
        "no verdict had been given on, in hash order, judged with the rules of commit 219ef52",
    ),
    (
        "basil_tenth",
        "Precision judged blind on a tenth draw (five more unread BASIL 2010-2015 events)",
        "verdicts in `tests/gold/judged_basil_tenth/*.yaml` on the next five 2010-2015 events "
        "no verdict had been given on, in hash order, judged with the rules of commit 3b18806",
    ),
    (
        "basil",
        "Story grouping on BASIL 2016-2019",
        "`../shared/realworld/basil/articles.jsonl`, pairwise against `event`",
    ),
    (
        "mrpc",
        "Sentence alignment on MRPC",
        "`../shared/realworld/mrpc/` test file; thresholds from the train file only",
    ),
    (
        "words",
        "Without sentence meanings (words only)",
        "the real clusters, the judged verdicts and the seeds analysed with "
        "`Options(sentence_meanings=False)`: what the sentence-embedding model adds",
    ),
    (
        "semeval",
        "Same event vs same topic on SemEval-2022 Task 8",
        "`../shared/realworld/semeval/"
        "en_pairs.csv`, pairs with Overall <= 1.5 (same) and >= 3 (different)",
    ),
)


def set_lines(name: str, runs: list[Any]) -> Iterable[str]:
    """The lines of one evaluation set (the real clusters are analysed once, in ``runs``)."""
    import eval_basil_judged
    import eval_grouping
    import eval_judged
    import eval_mrpc
    import eval_real

    if name == "seeds":
        return seed_lines()
    if name == "real":
        return eval_real.real_lines(runs)
    if name == "judged":
        return eval_judged.judged_lines(runs)
    if name == "basil_judged":
        return eval_basil_judged.basil_judged_lines()
    if name == "basil_serious":
        return eval_basil_judged.serious_lines()
    draw = name.removeprefix("basil_")
    if name.startswith("basil_") and draw in eval_basil_judged.DRAWS:
        return eval_basil_judged.draw_lines(draw)
    if name == "basil":
        return eval_grouping.basil_lines()
    if name == "mrpc":
        return eval_mrpc.mrpc_lines()
    if name == "words":
        return words_only_lines()
    return eval_grouping.semeval_lines()


WORDS_ONLY = (
    "recall_overall",
    "precision_top30",
    "real_found",
    "real_aligned_pairs",
    "judged_precision",
    "judged_headline_precision",
    "judged_false_still_reported",
    "judged_true_kept",
)


def words_only_lines() -> Iterable[str]:
    """``words_only_*``: the headline figures with sentence meanings switched off."""
    import eval_judged
    import eval_real

    from compare.pipeline.run import analyze
    from compare.util.options import Options

    options = Options(sentence_meanings=False)
    runs = [eval_real.run_cluster(f, options) for f in eval_real.cluster_folders()]
    analysis = analyze([SEEDS], options=options)
    seeds = biggest_report(analysis.reports) if analysis.reports else None
    lines = [
        *eval_real.real_lines(runs),
        *eval_judged.judged_lines(runs),
        *(format_result(evaluate(seeds, load_gold())) if seeds is not None else ()),
    ]
    for line in lines:
        name, _, value = line.partition(": ")
        if name in WORDS_ONLY:
            yield f"words_only_{name}: {value}"


def markdown(sections: Sequence[tuple[str, str, str, list[str]]], total_s: float) -> str:
    """EVAL.md: one table per set (never one blended figure), then the debugging lines."""
    import datetime as dt
    import platform
    import subprocess

    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Evaluation results",
        "",
        f"Written by `make eval` (`.venv/bin/python bench/eval.py --results bench/EVAL.md`) on "
        f"{now}, commit `{commit}` (plus uncommitted changes, if any), in {total_s:.0f} s on "
        f"{platform.machine()} with {os.cpu_count()} CPUs. Each set is scored on its own; "
        "see `bench/eval.py` and the modules it names for how each figure is made.",
        "",
    ]
    for _, title, source, lines in sections:
        out += [f"## {title}", "", f"Data: {source}.", "", "| figure | value |", "|---|---|"]
        comments = []
        for line in lines:
            if line.startswith("#"):
                comments.append(line)
                continue
            name, _, value = line.partition(": ")
            out.append(f"| `{name}` | {value.replace('|', '/')} |")
        if comments:
            out += [
                "",
                "<details><summary>Details</summary>",
                "",
                "```text",
                *comments,
                "```",
                "",
                "</details>",
            ]
        out.append("")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every evaluation set, print its lines, optionally write EVAL.md."""
    import argparse
    import time

    import eval_basil_judged
    import eval_judged
    import eval_real

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, help="also write the figures as Markdown")
    parser.add_argument(
        "--dump-for-judging",
        type=Path,
        metavar="DIR",
        help="write each real cluster's top findings for a judge, then stop",
    )
    parser.add_argument(
        "--unjudged-only",
        action="store_true",
        help="with --dump-for-judging: leave out findings that already have a verdict",
    )
    parser.add_argument(
        "--judge-top",
        type=int,
        default=eval_judged.TOP_N,
        metavar="N",
        help="with --dump-for-judging: the N most serious findings of each cluster",
    )
    parser.add_argument(
        "--basil",
        action="store_true",
        help="with --dump-for-judging: the judged BASIL events instead of the real clusters",
    )
    parser.add_argument(
        "--basil-serious",
        action="store_true",
        help="with --dump-for-judging: the 32 more BASIL events of the serious-kinds set",
    )
    for name in eval_basil_judged.DRAWS:
        parser.add_argument(
            f"--basil-{name}",
            action="store_true",
            help="with --dump-for-judging: the BASIL draw whose verdicts are in "
            f"tests/gold/judged_basil_{name}/",
        )
    parser.add_argument(
        "--sets",
        default=",".join(s[0] for s in SETS),
        help="comma-separated sets to run (default: all)",
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    # The sets a dump may be asked for, in the order a later flag wins.
    dumps = {
        "heldout": eval_basil_judged.DRAWS["heldout"],
        "serious": (eval_basil_judged.SERIOUS_EVENTS, eval_basil_judged.SERIOUS_JUDGED),
        **eval_basil_judged.DRAWS,
    }
    asked = [pick for name, pick in dumps.items() if getattr(args, f"basil_{name}")]
    if args.dump_for_judging and (args.basil or asked):
        import tempfile

        events, judged = (
            asked[-1] if asked else (eval_basil_judged.EVENTS, eval_basil_judged.JUDGED)
        )
        with tempfile.TemporaryDirectory() as tmp:
            for path in eval_judged.dump_for_judging(
                eval_basil_judged.runs(Path(tmp), events),
                args.dump_for_judging,
                unjudged_only=args.unjudged_only,
                top=args.judge_top,
                judged=judged,
            ):
                print(path)
        return 0
    runs = [eval_real.run_cluster(f) for f in eval_real.cluster_folders()]
    if args.dump_for_judging:
        for path in eval_judged.dump_for_judging(
            runs, args.dump_for_judging, unjudged_only=args.unjudged_only, top=args.judge_top
        ):
            print(path)
        return 0
    wanted = set(args.sets.split(","))
    sections = []
    for (
        name,
        title,
        source,
    ) in [s for s in SETS if s[0] in wanted]:
        print(f"## {title}", flush=True)
        lines = []
        for line in set_lines(name, runs):
            print(line, flush=True)
            lines.append(line)
        sections.append((name, title, source, lines))
    total = time.monotonic() - started
    print(f"eval_total_s: {total:.0f}")
    if args.results:
        args.results.write_text(markdown(sections, total), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
