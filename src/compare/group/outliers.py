"""Flag the articles of a story that report a related but different event (helper of cluster).

Why passages and dates together: outlets covering the same event reuse the
same wire copy or at least the same facts, so most of an article's sentences
have a counterpart elsewhere.  An article about an earlier event in the same
conflict still shares the background paragraphs, so its whole-article
similarity looks ordinary; what gives it away is that it was published well
apart from the others *and* that most of its sentences have no counterpart.
A date alone never makes an outlier (a late follow-up can repeat the story),
and an undated article is judged on content alone.

Rules (the evidence goes into the reason, in plain words):

1. Dated articles are split into date groups wherever two consecutive dates
   are more than ``options.outlier_days`` apart; the core is the largest
   group (the later one on a tie: the newest event is what is compared).
2. An article outside the core whose share of sentences matched in the core
   or undated articles is below ``DATE_OUTLIER_SHARE`` is an outlier.
3. Any article whose share and whose vocabulary similarity to the rest are
   both below ``options.outlier_similarity`` is an outlier (another event).
4. At least two articles always remain compared; stories of two are left alone.

Rule 3 judges content alone; it is not applied to a small input
(``content_alone=False``: a few files a user named as one story), where an
article is set aside only when its date and its content both say so (rule 2).

Near-copies published on one day are judged once (``weights``: how many
articles one row stands for): their passages are the same, so a story of
500 copies of one wire story costs what a story of one costs, and a row
standing for two or more copies always has a counterpart (its own copy)
for rule 3.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy import sparse

from compare.group.vectors import (
    ArticleCounts,
    gather_dense,
    gather_rows,
    l2_rows,
    raw_tfidf,
    raw_tfidf_dense,
)
from compare.model import Article, Outlier
from compare.util.options import Options

DATE_OUTLIER_SHARE = 0.5  # a date-distant article sharing less than half is another event
EVENT_MARGIN = 0.3  # ... or sharing this much more with its own date group than with the core


def parse_date(value: str | None) -> date | None:
    """An ISO date, or None when missing or malformed.

    >>> parse_date("2020-10-17"), parse_date("soon")
    (datetime.date(2020, 10, 17), None)
    """
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def format_date(day: date) -> str:
    """'7 Oct 2020', without platform-specific strftime flags."""
    return f"{day.day} {day:%b %Y}"


def format_range(first: date, last: date) -> str:
    """'17–19 Oct 2020', '30 Sep – 2 Oct 2020' or one date.

    >>> format_range(date(2020, 10, 17), date(2020, 10, 19))
    '17–19 Oct 2020'
    """
    if first == last:
        return format_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%b %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%b} – {format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


def _date_groups(days: dict[int, date], gap: int) -> list[list[int]]:
    ordered = sorted(days, key=lambda k: (days[k], k))
    groups: list[list[int]] = []
    for k in ordered:
        if groups and (days[k] - days[groups[-1][-1]]).days <= gap:
            groups[-1].append(k)
        else:
            groups.append([k])
    return groups


DENSE_ROWS = 4000  # a story with at most this many sentences compares them in a dense array
DENSE_CELLS = 4_000_000  # ... and builds its vectors densely below this many sentence × word cells


class _Evidence:
    """Sentence matches between the story's articles, computed once.

    Sentence vectors are TF-IDF with the IDF over the story's own sentences
    (what every outlet repeats weighs little), from ``counts`` when the caller
    has already tokenised the archive, else from the sentences' text.

    Why dense arrays: a story has a few dozen sentences and a few hundred
    words, and its work runs once per story; numpy on a small dense block
    costs microseconds where each scipy sparse call costs tens, and nothing
    here touches an array as long as the archive or its vocabulary, so
    grouping stays linear in the number of stories.
    """

    def __init__(
        self,
        articles: Sequence[Article],
        *,
        threshold: float,
        counts: ArticleCounts | None = None,
        indexes: Sequence[int] | None = None,
    ) -> None:
        if counts is None or indexes is None:
            counts, indexes = ArticleCounts.of(articles), range(len(articles))
        indexes = list(indexes)
        sizes = counts.sentence_counts(indexes)
        self.starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        # Only the story's own words (columns renumbered): the archive's
        # vocabulary grows with the archive, and per-story work over it would
        # make grouping super-linear.
        self.threshold = threshold
        self.sims: np.ndarray | sparse.csr_matrix
        self.totals: np.ndarray | sparse.csr_matrix
        rows_at = counts.sentence_rows(indexes)
        n_rows = len(rows_at)
        block = gather_dense(counts.counts, rows_at, DENSE_CELLS) if n_rows <= DENSE_ROWS else None
        if block is not None:
            dense = raw_tfidf_dense(block)
            norms = np.sqrt(np.einsum("ij,ij->i", dense, dense))
            norms[norms == 0] = 1.0
            unit = dense / norms[:, None]
            self.sims = unit @ unit.T
            owners = np.zeros((len(sizes), n_rows), dtype=dense.dtype)
            owners[np.repeat(np.arange(len(sizes)), sizes), np.arange(n_rows)] = 1.0
            self.totals = owners @ dense  # each article's summed sentence vectors
            return
        raw = raw_tfidf(gather_rows(counts.counts, rows_at))
        rows = l2_rows(raw)
        sims = rows @ rows.T
        self.sims = sims.toarray() if n_rows <= DENSE_ROWS else sparse.csr_matrix(sims)
        owner = np.repeat(np.arange(len(sizes)), sizes)
        blocks = sparse.csr_matrix(
            (np.ones(len(owner), dtype=np.float32), (owner, np.arange(len(owner)))),
            shape=(len(sizes), n_rows),
        )
        self.totals = sparse.csr_matrix(blocks @ raw)

    def share(self, k: int, others: Sequence[int]) -> float:
        """Share of article k's sentences matched by a sentence of ``others``."""
        lo, hi = self.starts[k], self.starts[k + 1]
        if lo == hi or not others:
            return 0.0
        cols = np.concatenate([np.arange(self.starts[o], self.starts[o + 1]) for o in others])
        if not len(cols):
            return 0.0
        part = self.sims[lo:hi][:, cols]
        best = part.max(axis=1)
        best = best.toarray().ravel() if sparse.issparse(best) else np.asarray(best).ravel()
        return float(np.mean(best >= self.threshold))

    def vocabulary(self, k: int, others: Sequence[int]) -> float:
        """Cosine of article k's summed sentence vectors with the others' sum."""
        if sparse.issparse(self.totals):
            mine = self.totals[k].toarray().ravel()
            theirs = np.asarray(self.totals[list(others)].sum(axis=0)).ravel()
        else:
            mine, theirs = self.totals[k], self.totals[list(others)].sum(axis=0)
        norm = float(np.linalg.norm(mine) * np.linalg.norm(theirs))
        return float(mine @ theirs) / norm if norm else 0.0


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _core(groups: list[list[int]], days: dict[int, date], weights: Sequence[int]) -> list[int]:
    """The largest date group (the later one on a tie: the newest event is compared)."""
    return max(groups, key=lambda g: (sum(weights[k] for k in g), days[g[-1]]))


def _dated(articles: Sequence[Article]) -> dict[int, date]:
    return {k: d for k, a in enumerate(articles) if (d := parse_date(a.published)) is not None}


def separate_events(
    articles: Sequence[Article],
    *,
    options: Options,
    counts: ArticleCounts | None = None,
    indexes: Sequence[int] | None = None,
    weights: Sequence[int] | None = None,
) -> list[list[int]]:
    """Split linked articles into events: the core first, then each other event.

    Another event is a date group (rule 1) with at least two articles that
    share less than ``DATE_OUTLIER_SHARE`` of their passages with the core (or
    ``EVENT_MARGIN`` less than with their own date group) but at least that
    much with each other: two outlets reporting an earlier truce are a story
    of their own, while a lone such article stays in and is flagged as an
    outlier.  ``counts`` (rows ``indexes``) avoids tokenising again;
    ``weights`` are how many same-day near-copies each article stands for.
    """
    weights = list(weights) if weights is not None else [1] * len(articles)
    days = _dated(articles)
    groups = _date_groups(days, options.outlier_days)
    if len(groups) < 2:
        return [list(range(len(articles)))]
    evidence = _Evidence(
        articles, threshold=options.align_threshold, counts=counts, indexes=indexes
    )
    core = _core(groups, days, weights)
    undated = [k for k in range(len(articles)) if k not in days]
    base = sorted(core + undated)
    events = []

    def share_within(k: int, members: Sequence[int]) -> float:
        """Share of k's passages in the other members (its own copies match all)."""
        return 1.0 if weights[k] > 1 else evidence.share(k, [o for o in members if o != k])

    for group in groups:
        if group is core:
            continue
        own = {k: share_within(k, group) for k in group}
        apart = [
            k
            for k in group
            if (shared := evidence.share(k, base)) < DATE_OUTLIER_SHARE
            or own[k] - shared >= EVENT_MARGIN
        ]
        together = [k for k in apart if share_within(k, apart) >= 0.5]
        if sum(weights[k] for k in together) >= 2:
            events.append(sorted(together))
    taken = {k for event in events for k in event}
    return [[k for k in range(len(articles)) if k not in taken], *events]


def find_outliers(
    articles: Sequence[Article],
    *,
    options: Options,
    counts: ArticleCounts | None = None,
    indexes: Sequence[int] | None = None,
    weights: Sequence[int] | None = None,
    content_alone: bool = True,
) -> tuple[Outlier, ...]:
    """Outliers of one story, each with a plain-words reason quoting the evidence.

    ``counts`` (rows ``indexes``, aligned with ``articles``) avoids tokenising
    again; ``weights`` are how many same-day near-copies each article stands
    for (an outlier row flags all of them: the caller expands it).
    """
    weights = list(weights) if weights is not None else [1] * len(articles)
    if sum(weights) < 3:
        return ()
    evidence = _Evidence(
        articles, threshold=options.align_threshold, counts=counts, indexes=indexes
    )
    days = _dated(articles)
    undated = [k for k in range(len(articles)) if k not in days]
    groups = _date_groups(days, options.outlier_days)
    reasons: dict[int, str] = {}
    if len(groups) > 1:
        core = _core(groups, days, weights)
        first, last = days[core[0]], days[core[-1]]
        for k in sorted(set(days) - set(core)):
            share = evidence.share(k, sorted(core + undated))
            if share >= DATE_OUTLIER_SHARE or not articles[k].sentences:
                continue
            earlier = days[k] < first
            gap = (first - days[k]).days if earlier else (days[k] - last).days
            reasons[k] = (
                f"published {format_date(days[k])}, {gap} days {'before' if earlier else 'after'}"
                f" the other articles ({format_range(first, last)}), and shares only"
                f" {_percent(share)} of its passages with them: probably"
                f" {'an earlier event' if earlier else 'a later development'} in the same story"
            )
    for k in range(len(articles)) if content_alone else ():
        others = [o for o in range(len(articles)) if o != k and o not in reasons]
        if k in reasons or weights[k] > 1 or not articles[k].sentences:
            continue
        if sum(weights[o] for o in others) < 2:
            continue
        share, vocab = evidence.share(k, others), evidence.vocabulary(k, others)
        if share < options.outlier_similarity and vocab < options.outlier_similarity:
            reasons[k] = (
                f"shares only {_percent(share)} of its passages with the other articles and its"
                f" vocabulary is only {_percent(vocab)} similar to theirs: probably a different"
                " event on a related subject"
            )
    if sum(weights) - sum(weights[k] for k in reasons) < 2:
        return ()
    return tuple(Outlier(articles[k].id, reasons[k]) for k in sorted(reasons))
