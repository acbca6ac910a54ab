"""Numbers a reader can quote: pair similarity, coverage, rewording, divergence, counts.

Definitions (every number rounded to 4 decimals, deterministic):

* A cell's *version* is the sequence of its tokens' normalised forms, so
  typography (quotes, dashes, invisible characters, case) never counts as a
  difference; punctuation and words do.
* The *shared story* is the passages carried by at least two compared articles.
* ``cells[a][p]`` (article first, as the coverage matrix reads it):
  ``ONLY_HERE`` when ``a`` is the only article carrying ``p``; otherwise
  ``SAME`` when a's version is the passage's majority version (the single
  most common version, carried by at least two articles) and
  ``REWORDED`` when it is not (so when no two articles agree, or two
  versions tie, every carrier is reworded); ``OMITTED`` for an article that
  lacks a passage at least two others carry.  An article lacking a passage
  only one other carries has no entry: that passage is the other's own
  material, not a gap in this one.
* ``pairs``: 2 * tokens matched in order inside the passages both carry,
  divided by the two articles' total tokens (all their compared sentences).
  Alignment-aware, so moving a paragraph costs nothing; a cut costs its length.
* ``coverage[a]``: share of the shared story's passages that ``a`` carries.
* ``reworded[a]``: share of the shared passages ``a`` carries whose status is
  ``REWORDED``.
* ``partial``: articles carrying under ``PARTIAL_SHARE`` of the shared story
  (briefs or follow-ups: their omissions are expected).
* ``divergence[a]``: 1 - mean pair similarity of ``a`` with each other article.
* ``by_kind[a][kind]``: findings of that kind whose spans include ``a`` (every
  kind listed, zeros included); ``typography[a]`` is the typography count.
Undefined ratios (nothing to divide by) are 0.0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from compare.align.diff import matched_tokens
from compare.model import (
    Alignment,
    Article,
    CellStatus,
    Finding,
    Kind,
    PairScore,
    Passage,
    Scores,
    Story,
)
from compare.util.options import Options

DECIMALS = 4
PARTIAL_SHARE = 0.5  # below this share of the shared story an article is a brief

Version = tuple[str, ...]


def _ratio(num: float, den: float) -> float:
    return round(num / den, DECIMALS) if den else 0.0


def versions(articles: Mapping[str, Article], passage: Passage) -> dict[str, Version]:
    """Each carrying article's normalised token sequence for one passage."""
    return {
        aid: tuple(t.norm for i in indexes for t in articles[aid].sentences[i].tokens)
        for aid, indexes in sorted(passage.cells.items())
        if aid in articles and indexes
    }


def cell_statuses(
    cells: Mapping[str, Version], article_ids: Sequence[str]
) -> dict[str, CellStatus]:
    """Status of every article for one passage (see the module docstring).

    >>> s = cell_statuses({"a": ("x",), "b": ("x",), "c": ("y",)}, ["a", "b", "c", "d"])
    >>> {k: v.value for k, v in s.items()}
    {'a': 'same', 'b': 'same', 'c': 'reworded', 'd': 'omitted'}
    """
    if len(cells) == 1:
        return {aid: CellStatus.ONLY_HERE for aid in cells}
    counts = Counter(cells.values()).most_common()
    top = counts[0][1] if counts else 0
    tied = sum(1 for _, n in counts if n == top)
    majority = counts[0][0] if top >= 2 and tied == 1 else None
    out: dict[str, CellStatus] = {}
    for aid in sorted(article_ids):
        if aid in cells:
            out[aid] = CellStatus.SAME if cells[aid] == majority else CellStatus.REWORDED
        elif len(cells) >= 2:
            out[aid] = CellStatus.OMITTED
    return out


def pair_similarities(
    ids: Sequence[str], table: Mapping[str, Mapping[str, Version]], lengths: Mapping[str, int]
) -> dict[tuple[str, str], float]:
    """Unrounded similarity of every pair (a < b) over the passages both carry."""
    out = {}
    for a, b in combinations(sorted(ids), 2):
        matched = sum(
            matched_tokens(cells[a], cells[b])
            for cells in table.values()
            if a in cells and b in cells
        )
        total = lengths[a] + lengths[b]
        out[(a, b)] = 2 * matched / total if total else 0.0
    return out


def kind_counts(findings: Sequence[Finding], ids: Sequence[str]) -> dict[str, dict[str, int]]:
    """article -> kind -> number of findings of that kind whose spans include it."""
    out = {aid: {kind.value: 0 for kind in Kind} for aid in sorted(ids)}
    for finding in findings:
        for aid, spans in finding.spans.items():
            if aid in out and spans:
                out[aid][Kind(finding.kind).value] += 1
    return out


def score(
    story: Story, alignment: Alignment, findings: Sequence[Finding], *, options: Options
) -> Scores:
    """All scores of one aligned, classified story (see the module docstring).

    ``options`` is accepted for a uniform stage signature; no threshold here
    changes a number, so the scores read the same under any settings.
    """
    del options
    ids = tuple(sorted(alignment.article_ids))
    articles = {a.id: a for a in story.articles if a.id in set(ids)}
    table = {p.id: versions(articles, p) for p in alignment.passages}
    cells = {pid: cell_statuses(v, ids) for pid, v in table.items()}
    lengths = {aid: sum(len(v[aid]) for v in table.values() if aid in v) for aid in ids}
    sims = pair_similarities(ids, table, lengths)
    shared = [pid for pid, v in table.items() if len(v) >= 2]
    coverage, reworded, divergence = {}, {}, {}
    for aid in ids:
        carried = [pid for pid in shared if aid in table[pid]]
        coverage[aid] = _ratio(len(carried), len(shared))
        changed = sum(1 for pid in carried if cells[pid][aid] is CellStatus.REWORDED)
        reworded[aid] = _ratio(changed, len(carried))
        mine = [sim for pair, sim in sims.items() if aid in pair]
        divergence[aid] = round(1.0 - sum(mine) / len(mine), DECIMALS) if mine else 0.0
    by_kind = kind_counts(findings, ids)
    return Scores(
        pairs=tuple(PairScore(a, b, round(sim, DECIMALS)) for (a, b), sim in sims.items()),
        coverage=coverage,
        reworded=reworded,
        divergence=divergence,
        by_kind=by_kind,
        cells={aid: {pid: row[aid] for pid, row in cells.items() if aid in row} for aid in ids},
        typography={aid: by_kind[aid][Kind.TYPOGRAPHY.value] for aid in ids},
        partial=tuple(aid for aid in ids if shared and coverage[aid] < PARTIAL_SHARE),
    )
