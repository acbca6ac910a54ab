"""House style in dates: the same date written in two styles.

Why apart from the edit-based rules: a date's style ("Sept. 27" vs "27
September") is read from the whole date, which difflib often splits or
moves, and house style shows across the article, not only where sentences
align.
"""

from __future__ import annotations

from collections.abc import Iterator

from compare.claims.attributed_frames import token_quote_flags
from compare.classify.base import Candidate, Context
from compare.classify.variants.align import cell_pairs
from compare.classify.variants.dates import DateMention, dates
from compare.classify.variants.style_findings import candidate
from compare.model import Token


def date_candidates(ctx: Context) -> Iterator[Candidate | None]:
    """Dates with the same value written in different styles, per cell pair."""
    for pair in cell_pairs(ctx):
        da = _cell_dates(ctx, pair.passage_id, pair.a)
        db = _cell_dates(ctx, pair.passage_id, pair.b)
        for x in da:
            y = next((d for d in db if d.value == x.value), None)
            if y is None:
                continue
            db.remove(y)
            if x.style == y.style:
                continue
            ta = tuple(t for t in pair.a_tokens if x.start <= t.start < x.end)
            tb = tuple(t for t in pair.b_tokens if y.start <= t.start < y.end)
            if ta and tb:
                yield candidate(
                    ctx, pair.passage_id, {pair.a: ta, pair.b: tb}, ["date"], f"{x.value}"
                )


def story_dates(ctx: Context) -> Iterator[Candidate | None]:
    """The same date written in two styles by two outlets, in passages not aligned together.

    Why: house style shows across the whole article; "Sept. 27" in one outlet
    and "September 27" in another's own paragraph is the same style
    difference as when the sentences align.  Pairs of outlets that already
    meet in an aligned cell for that date are left to ``date_candidates``.
    """
    by_article: dict[str, list[tuple[str, DateMention]]] = {}
    for passage in ctx.alignment.passages:
        for aid in passage.cells:
            if aid in ctx.articles:
                by_article.setdefault(aid, []).extend(
                    (passage.id, d) for d in _cell_dates(ctx, passage.id, aid)
                )
    ids = sorted(by_article)
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            for pa, x in by_article[a]:
                for pb, y in by_article[b]:
                    if x.value != y.value or x.style == y.style or x.day is None:
                        continue
                    here_a = {p for p, u in by_article[a] if u.value == x.value}
                    here_b = {p for p, v in by_article[b] if v.value == x.value}
                    if pa in here_b or pb in here_a:
                        continue  # one of them meets the other outlet's date in a cell
                    ta, tb = _tokens_in(ctx, a, x), _tokens_in(ctx, b, y)
                    if ta and tb:
                        yield candidate(ctx, None, {a: ta, b: tb}, ["date"], f"{x.value}")


def _tokens_in(ctx: Context, article_id: str, d: DateMention) -> tuple[Token, ...]:
    return tuple(
        t
        for s in ctx.articles[article_id].sentences
        if s.start <= d.start < s.end
        for t in s.tokens
        if d.start <= t.start < d.end
    )


def _cell_dates(ctx: Context, passage_id: str, article_id: str) -> list[DateMention]:
    """The dates of a cell an outlet writes in its own voice.

    Why not quoted ones: a date inside quotation marks is written in the
    quoted source's style ("March 3" in a quoted post), not the
    outlet's house style; read blind, such a pair was judged trivial
    (``claims.attributed_frames.token_quote_flags``, as for spellings).
    """
    quoted = ctx.memo(__name__ + ".quoted", _quoted_starts).get(article_id, frozenset())
    return [
        d
        for s in ctx.cell_sentences(passage_id, article_id)
        for d in dates(s.text, offset=s.start)
        if d.start not in quoted
    ]


def _quoted_starts(ctx: Context) -> dict[str, frozenset[int]]:
    """Article id -> start offsets of its tokens inside quotation marks."""
    return {
        aid: frozenset(t.start for t, quoted in token_quote_flags(article.sentences) if quoted)
        for aid, article in ctx.articles.items()
    }
