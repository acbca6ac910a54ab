"""What every rule family shares: the read-only context and the candidate type.

Why candidates: rules look at one passage and one pair of outlets at a time,
but a reader wants one finding per difference, listing every outlet's text.
Rules emit ``Candidate``s with a merge ``key``; ``classify.classify`` merges
candidates with the same ``(kind, passage_id, key)``, unions their spans,
ranks them and numbers them f1, f2, ...
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, cast

from compare.model import (
    Alignment,
    Article,
    Edit,
    Kind,
    Passage,
    Sentence,
    Severity,
    Span,
    Story,
    Token,
)
from compare.text.offsets import LineIndex
from compare.util.options import Options

if TYPE_CHECKING:
    from compare.align.similarity import SentenceMatrix

_T = TypeVar("_T")


@dataclass(frozen=True)
class Candidate:
    """A finding before merging: spans from the outlets one rule compared.

    ``explanation`` must read well for the merged finding, so it names the
    texts ("14" vs "at least 13"), not the outlets; the report shows which
    outlet wrote which text.  ``time_note`` is set when dates differ.
    """

    kind: Kind
    severity: Severity
    passage_id: str | None
    key: str
    spans: Mapping[str, tuple[Span, ...]]
    explanation: str
    label: str
    weight: float = 0.0
    time_note: str | None = None
    # True when the finding judges a different aspect of words a more serious
    # finding also quotes (a source's label vs whether a source is named), so
    # precedence must not drop it.
    independent: bool = False
    # How sure the rule is that the difference is real (1.0 = certain).  An
    # uncertain finding ranks after every certain one, so it is never a headline.
    confidence: float = 1.0


def quote_overlapping(a: Mapping[str, Sequence[Span]], b: Mapping[str, Sequence[Span]]) -> bool:
    """Do two findings' spans (article id -> spans) quote overlapping text in some article?"""
    return any(
        x.start < y.end and y.start < x.end
        for aid, xs in a.items()
        for x in xs
        for y in b.get(aid, ())
    )


@dataclass(frozen=True)
class Context:
    """Read-only view of the analysis so far, with lookups rules need."""

    story: Story
    alignment: Alignment
    edits: tuple[Edit, ...]
    options: Options = field(default_factory=Options)

    @cached_property
    def articles(self) -> Mapping[str, Article]:
        """Compared articles by id (outliers excluded unless options say so)."""
        ids = set(self.alignment.article_ids)
        return {a.id: a for a in self.story.articles if a.id in ids}

    def memo(self, key: str, build: Callable[[Context], _T]) -> _T:
        """What ``build(self)`` returns, built once per story and kept with this context.

        Why here: rule modules derive story-wide tables (cell pairs, outlet-only
        clauses, content weights) that several rules read; kept on the context,
        they live exactly as long as the story's analysis, with no module-level
        cache holding the last story alive.  ``key`` names the table (its module).
        """
        if key not in self._memos:
            self._memos[key] = build(self)
        return cast(_T, self._memos[key])

    @cached_property
    def _memos(self) -> dict[str, Any]:
        return {}

    @cached_property
    def passages(self) -> Mapping[str, Passage]:
        """Passages by id."""
        return {p.id: p for p in self.alignment.passages}

    def cell_sentences(self, passage_id: str, article_id: str) -> tuple[Sentence, ...]:
        """The sentences an article contributes to a passage (empty if none)."""
        indexes = self.passages[passage_id].cells.get(article_id, ())
        sentences = self.articles[article_id].sentences
        return tuple(sentences[i] for i in indexes)

    def cell_tokens(self, passage_id: str, article_id: str) -> tuple[Token, ...]:
        """The concatenated tokens of a cell; ``Edit.a_index`` indexes into this."""
        return tuple(t for s in self.cell_sentences(passage_id, article_id) for t in s.tokens)

    def span(self, article_id: str, start: int, end: int) -> Span:
        """A Span quoting the article's text exactly at [start, end)."""
        article = self.articles[article_id]
        line = self.line_indexes[article_id].line(start)
        return Span(article_id, start, end, line, article.text[start:end])

    @cached_property
    def line_indexes(self) -> Mapping[str, LineIndex]:
        """Line lookup per compared article."""
        return {aid: LineIndex(a.text) for aid, a in self.articles.items()}

    @cached_property
    def sentence_vectors(self) -> tuple[SentenceMatrix, Mapping[str, int]]:
        """The story's sentence TF-IDF matrix (as the aligner builds it) and each article's block.

        Why here: a rule that must know whether two sentences say the same
        thing asks the aligner's own measure, computed once per story.
        """
        from compare.align.similarity import sentence_matrix

        articles = list(self.articles.values())
        return sentence_matrix(articles), {a.id: k for k, a in enumerate(articles)}

    def tokens_span(self, article_id: str, tokens: tuple[Token, ...]) -> Span:
        """The Span covering a run of tokens (first start to last end)."""
        return self.span(article_id, tokens[0].start, tokens[-1].end)

    def published(self, article_id: str) -> str | None:
        """ISO publication date of an article, or None."""
        return self.articles[article_id].published


def time_note(ctx: Context, article_ids: tuple[str, ...] | list[str]) -> str | None:
    """'published 17 Oct 2020 vs 19 Oct 2020' when the outlets' dates differ.

    Why: a figure that differs because one article is days older is an update,
    not an error, and the reader must be told so.
    """
    dates = sorted({d for a in article_ids if (d := ctx.published(a)) is not None})
    if len(dates) < 2:
        return None
    return "articles published on different dates: " + " vs ".join(_shown(d) for d in dates)


def _shown(iso: str) -> str:
    """An ISO date as the notes print it: "17 Oct 2020"."""
    from datetime import date

    return date.fromisoformat(iso).strftime("%-d %b %Y")


def earlier_note(ctx: Context, article_id: str, others: Sequence[str]) -> str | None:
    """A note when ``article_id`` was published before every one of ``others``.

    Why: an article that went out a day or more before the others cannot
    report what happened or was said after it; its "omission" of that is
    timing, not an editor's choice (read blind, such omissions were judged
    trivial or wrong when the report did not say so).
    """
    return _order_note(ctx, article_id, others, earlier=True)


def later_note(ctx: Context, article_id: str, others: Sequence[str]) -> str | None:
    """A note when ``article_id`` was published after every one of ``others``: its own
    material may be news that came after they went out."""
    return _order_note(ctx, article_id, others, earlier=False)


def _order_note(
    ctx: Context, article_id: str, others: Sequence[str], *, earlier: bool
) -> str | None:
    own = ctx.published(article_id)
    dates = [d for o in others if (d := ctx.published(o)) is not None]
    if own is None or not others or len(dates) < len(others):
        return None
    if (earlier and own >= min(dates)) or (not earlier and own <= max(dates)):
        return None
    outlet = ctx.articles[article_id].outlet
    if earlier:
        return (
            f"{outlet} was published on {_shown(own)}, before the others (from "
            f"{_shown(min(dates))}): it may predate what this passage reports."
        )
    return (
        f"{outlet} was published on {_shown(own)}, after the others (up to "
        f"{_shown(max(dates))}): this may be news that came after they went out."
    )
