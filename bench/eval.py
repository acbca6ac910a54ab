"""Recall and precision of the classifier against the hand-read gold file.

Run as ``.venv/bin/python bench/eval.py`` (``make eval``).  It analyses
``seeds/`` in process, takes the report of the biggest story and prints one
``name: value`` line per figure, then ``# `` lines naming the gold entries
missed and the top-ranked findings that match nothing, for debugging.  It is a
measurement, not a gate: it exits 0 unless it crashes.

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
"""

from __future__ import annotations

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
    texts = {a.id: a.text for a in report.story.articles}
    matcher = Matcher(texts, entries)
    findings = tuple(f for f in report.findings if Kind(f.kind) is not Kind.TYPOGRAPHY)

    strict = {e.id for e in entries if any(matcher.matches(f, e) for f in findings)}
    lenient = {e.id for e in entries if any(matcher.matches(f, e, lenient=True) for f in findings)}
    result: dict[str, Any] = {}
    for kind in Kind:
        of_kind = [e for e in entries if e.kind is kind]
        if of_kind:
            result[f"recall_{kind.value}"] = _ratio(sum(e.id in strict for e in of_kind), of_kind)
    result["recall_overall"] = _ratio(len(strict), entries)
    result["recall_overall_lenient"] = _ratio(len(lenient), entries)

    top = findings[:TOP_N]
    top_ok = [bool(matcher.matching(f)) for f in top]
    result["precision_top30"] = _ratio(sum(top_ok), top)
    result["precision_top30_lenient"] = _ratio(
        sum(bool(matcher.matching(f, lenient=True)) for f in top), top
    )
    result["precision_all"] = _ratio(sum(bool(matcher.matching(f)) for f in findings), findings)
    result["findings_total"] = len(report.findings)
    result["gold_total"] = len(entries)

    result["missed"] = [f"{e.kind.value} {e.id}" for e in entries if e.id not in strict]
    result["lenient_only"] = [e.id for e in entries if e.id in lenient and e.id not in strict]
    result["unmatched_top"] = [
        f"{f.id} {Kind(f.kind).value}: {f.label or f.explanation}"
        for f, ok in zip(top, top_ok, strict=True)
        if not ok
    ]
    result["missing_articles"] = sorted(
        {aid for e in entries for aid in e.texts if aid not in texts}
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


def main() -> int:
    """Analyse the seeds, evaluate against the gold file, print the figures."""
    from compare.options import Options
    from compare.pipeline import analyze

    analysis = analyze([SEEDS], options=Options())
    if not analysis.reports:
        print("findings_total: 0")
        print("# no report produced", file=sys.stderr)
        return 0
    report = biggest_report(analysis.reports)
    for line in format_result(evaluate(report, load_gold())):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
