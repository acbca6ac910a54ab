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
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy import sparse

from compare.model import Article, Outlier
from compare.options import Options
from compare.similarity import SentenceMatrix, sentence_matrix

DATE_OUTLIER_SHARE = 0.5  # a date-distant article sharing less than half is another event


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


class _Evidence:
    """Sentence matches between the story's articles, computed once."""

    def __init__(self, articles: Sequence[Article], *, threshold: float) -> None:
        self.matrix: SentenceMatrix = sentence_matrix(articles)
        self.sims = sparse.csr_matrix(self.matrix.rows @ self.matrix.rows.T)
        self.threshold = threshold
        totals = [
            np.asarray(self.matrix.raw[self.matrix.block(k)].sum(axis=0)).ravel()
            for k in range(len(articles))
        ]
        self.totals = np.array(totals) if totals else np.zeros((0, 0))

    def share(self, k: int, others: Sequence[int]) -> float:
        """Share of article k's sentences matched by a sentence of ``others``."""
        rows = self.matrix.block(k)
        if rows.start == rows.stop or not others:
            return 0.0
        cols = np.concatenate(
            [np.arange(self.matrix.starts[o], self.matrix.starts[o + 1]) for o in others]
        )
        best = self.sims[rows][:, cols].max(axis=1).toarray().ravel()
        return float(np.mean(best >= self.threshold))

    def vocabulary(self, k: int, others: Sequence[int]) -> float:
        """Cosine of article k's summed sentence vectors with the others' sum."""
        mine, theirs = self.totals[k], self.totals[list(others)].sum(axis=0)
        norm = float(np.linalg.norm(mine) * np.linalg.norm(theirs))
        return float(mine @ theirs) / norm if norm else 0.0


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def find_outliers(articles: Sequence[Article], *, options: Options) -> tuple[Outlier, ...]:
    """Outliers of one story, each with a plain-words reason quoting the evidence."""
    if len(articles) < 3:
        return ()
    evidence = _Evidence(articles, threshold=options.align_threshold)
    days = {k: d for k, a in enumerate(articles) if (d := parse_date(a.published)) is not None}
    undated = [k for k in range(len(articles)) if k not in days]
    groups = _date_groups(days, options.outlier_days)
    reasons: dict[int, str] = {}
    if len(groups) > 1:
        core = max(groups, key=lambda g: (len(g), days[g[-1]]))
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
    for k in range(len(articles)):
        others = [o for o in range(len(articles)) if o != k and o not in reasons]
        if k in reasons or not articles[k].sentences or len(others) < 2:
            continue
        share, vocab = evidence.share(k, others), evidence.vocabulary(k, others)
        if share < options.outlier_similarity and vocab < options.outlier_similarity:
            reasons[k] = (
                f"shares only {_percent(share)} of its passages with the other articles and its"
                f" vocabulary is only {_percent(vocab)} similar to theirs: probably a different"
                " event on a related subject"
            )
    if len(articles) - len(reasons) < 2:
        return ()
    return tuple(Outlier(articles[k].id, reasons[k]) for k in sorted(reasons))
