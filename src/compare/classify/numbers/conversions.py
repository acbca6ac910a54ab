"""Number findings for one amount converted differently: "20,000 crowns (about €1,800)" /
"(about €18,000)".

Why apart from the counts: a conversion in brackets is the same measure in
another unit, so the figure parser drops it (``claims.number_parse``) and the
counts never see it.  Yet when two outlets give the same amount and convert it
to the same unit with figures far apart, at most one conversion is right: read
blind (eleventh round), "4.2 billion lusars ($2.6 billion)" against "($1.7
billion)" and a tenfold euro slip were both missed.

Story-wide, wherever each sentence stands: the original amount (its value with
its unit or counted noun) is what ties the two conversions together, so two
sentences need not be aligned.  Conversions within ``ROUNDING`` of each other
are one conversion rounded ("about $1.7 billion" / "$1.68 billion").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from compare.claims.number_parse import Quantity, quantities
from compare.claims.quantities import bracketed_measure
from compare.classify.base import Candidate, Context
from compare.model import Kind, Severity, Span, Token

ROUNDING = 0.15  # conversions this close (relative to the larger) are one, rounded


@dataclass(frozen=True)
class Converted:
    """An amount and its conversion in brackets, in one article."""

    article_id: str
    amount: tuple[float, str]  # value, unit or counted noun
    unit: str  # the conversion's unit
    value: float  # the conversion's value
    amount_text: str
    span: Span  # the conversion as written, brackets left out


def conversions(ctx: Context, article_id: str) -> Iterator[Converted]:
    """Every "amount (conversion)" of one article."""
    for sentence in ctx.articles[article_id].sentences:
        tokens = sentence.tokens
        if "(" not in sentence.text:
            continue  # no conversion in brackets: not worth parsing its figures again
        for q in quantities(tokens):
            found = _converted(tokens, q)
            if found is None:
                continue
            inner, k = found
            what = q.unit or q.noun
            if what is None or inner.unit is None:
                continue
            written = tokens[k + 1 + inner.start : k + 1 + inner.core_end]
            yield Converted(
                article_id,
                (q.value, what),
                inner.unit,
                inner.value,
                " ".join(t.text for t in tokens[q.start : q.end]),
                ctx.tokens_span(article_id, written),
            )


def _converted(tokens: Sequence[Token], q: Quantity) -> tuple[Quantity, int] | None:
    """The money conversion in brackets right after ``q`` (and the bracket's index), if any."""
    for k in (q.core_end, q.end):
        inner = bracketed_measure(tokens, k)
        if inner is not None and (inner.unit or "").endswith("/money"):
            return inner, k
    return None


def conversion_candidates(ctx: Context) -> list[Candidate]:
    """One finding per amount two outlets convert to one unit with figures far apart,
    quoting every outlet's conversion of it."""
    groups: dict[tuple[tuple[float, str], str], list[Converted]] = {}
    for aid in sorted(ctx.articles):
        for c in conversions(ctx, aid):
            groups.setdefault((c.amount, c.unit), []).append(c)
    out = []
    for group in groups.values():
        if any(
            x.article_id != y.article_id and _apart(x.value, y.value) for x in group for y in group
        ):
            out.append(_candidate(group))
    return out


def _apart(a: float, b: float) -> bool:
    """Are two conversions further apart than a rounding?"""
    return abs(a - b) > ROUNDING * max(abs(a), abs(b))


def _candidate(group: Sequence[Converted]) -> Candidate:
    low = min(group, key=lambda c: c.value)
    high = max(group, key=lambda c: c.value)
    spans: dict[str, tuple[Span, ...]] = {}
    for c in group:
        spans[c.article_id] = (*spans.get(c.article_id, ()), c.span)
    return Candidate(
        kind=Kind.NUMBER_DISCREPANCY,
        severity=Severity.HIGH,
        passage_id=None,
        key=f"conversion:{low.span.text}|{high.span.text}",
        spans=spans,
        explanation=(
            f'The same amount, "{low.amount_text}", is converted differently: '
            f'"{low.span.text}" vs "{high.span.text}". At most one of the conversions is right.'
        ),
        label=f'"{low.span.text}" vs "{high.span.text}"',
        weight=0.9,
    )
