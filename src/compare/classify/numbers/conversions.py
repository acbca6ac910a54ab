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

An amount two outlets convert into different currencies ("2.1 million reais
(about \u00a3310,000)" / "(about $400,000)") is one low-severity finding: each
outlet converts for its own readers, which is house practice, yet an editor
checking the figure needs to know the conversions differ and cannot be set
against each other here (no exchange rates are shipped).  Read blind, writers
planted it in three of the four stories of rounds 12 and 13, and it was missed
each time.
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
    # Every money unit in the brackets: "(about \u00a3310,000 or $400,000)" gives two readers'
    # figures, so it differs from neither outlet's single conversion.
    units: frozenset[str] = frozenset()


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
            units = _bracket_currencies(tokens, k + 1)
            yield Converted(
                article_id,
                (q.value, what),
                inner.unit,
                inner.value,
                " ".join(t.text for t in tokens[q.start : q.end]),
                ctx.tokens_span(article_id, written),
                frozenset(units | {inner.unit}),
            )


_ALTERNATIVES = frozenset({"or", ",", ";", "/"})


def _bracket_currencies(tokens: Sequence[Token], first: int) -> set[str]:
    """The money units of a bracket's every figure, "about \u00a3310,000 or $400,000" included
    (the parser reads the second as the first's conversion and drops it)."""
    shut = next((j for j in range(first, len(tokens)) if tokens[j].norm == ")"), len(tokens))
    units: set[str] = set()
    start = first
    for j in range(first, shut + 1):
        if j == shut or tokens[j].norm in _ALTERNATIVES:
            found = (x.unit for x in quantities(tokens[start:j]))
            units.update(u for u in found if u is not None and u.endswith("/money"))
            start = j + 1
    return units


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
    by_amount: dict[tuple[float, str], list[Converted]] = {}
    for (amount, _unit), group in sorted(groups.items()):
        by_amount.setdefault(amount, []).extend(group)
    for group in by_amount.values():
        currencies = _currency_per_article(group)
        if currencies is not None:
            out.append(_currencies_candidate(group, currencies))
    return out


def _currency_per_article(group: Sequence[Converted]) -> dict[str, str] | None:
    """Each article's one conversion unit, when two articles convert into different ones.

    None when no two articles differ, or when an article converts the amount into
    two units itself (it then gives both readers' figures, and nothing differs).
    """
    units: dict[str, set[str]] = {}
    for c in group:
        units.setdefault(c.article_id, set()).update(c.units or {c.unit})
    if len(units) < 2 or any(len(u) > 1 for u in units.values()):
        return None
    one = {aid: next(iter(u)) for aid, u in units.items()}
    return one if len(set(one.values())) > 1 else None


def _spans(group: Sequence[Converted]) -> dict[str, tuple[Span, ...]]:
    """Every article's conversions of the group, as the finding quotes them."""
    spans: dict[str, tuple[Span, ...]] = {}
    for c in group:
        spans[c.article_id] = (*spans.get(c.article_id, ()), c.span)
    return spans


def _currencies_candidate(group: Sequence[Converted], units: dict[str, str]) -> Candidate:
    spans = _spans(group)
    first: dict[str, Converted] = {}
    for c in sorted(group, key=lambda c: (c.unit, c.article_id)):
        first.setdefault(c.unit, c)
    shown = sorted(first.values(), key=lambda c: c.span.text)
    written = " vs ".join(f'"{c.span.text}"' for c in shown)
    return Candidate(
        kind=Kind.NUMBER_DISCREPANCY,
        severity=Severity.LOW,
        passage_id=None,
        key="conversion-units:" + "|".join(c.span.text for c in shown),
        spans=spans,
        explanation=(
            f'The same amount, "{shown[0].amount_text}", is converted into different '
            f"currencies: {written}. Each outlet converts for its own readers; the "
            "conversions cannot be checked against each other here, so check each "
            "against the rate of the day."
        ),
        label=written,
        weight=0.3,
    )


def _apart(a: float, b: float) -> bool:
    """Are two conversions further apart than a rounding?"""
    return abs(a - b) > ROUNDING * max(abs(a), abs(b))


def _candidate(group: Sequence[Converted]) -> Candidate:
    low = min(group, key=lambda c: c.value)
    high = max(group, key=lambda c: c.value)
    spans = _spans(group)
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
