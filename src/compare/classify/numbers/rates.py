"""Number findings for one figure given over another period: "1.8 million a month" / "a week".

Why apart from the counts: the figure is the same in both versions, so the
count pairing sees nothing to compare, and the rewording rule leaves words
that only say when ("month", "week") alone.  Yet "an extra 1.8 million dalers
a month" against "a week" is a fourfold difference in what is paid.  Read
blind, such a swap was planted in two rounds running and missed both times.

A swap counts when, in one aligned sentence pair, the only change is one
period word for another after "a", "an", "per", "each" or "every", and the
same figure stands within ``REACH`` tokens before it on both sides.
"""

from __future__ import annotations

from compare.claims.number_lexicon import NUMERAL, whole_number_word
from compare.classify.base import Candidate, Context
from compare.classify.pairs import CellPair, cell_pairs
from compare.model import Kind, Severity, Token

REACH = 5  # tokens between the figure and its rate word ("1.8 million dalers a month")
_PERIODS = frozenset(
    {"second", "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year"}
)
_RATE_MARKERS = frozenset({"a", "an", "per", "each", "every"})


def rate_candidates(ctx: Context) -> list[Candidate]:
    """One finding per aligned pair whose shared figure is given per another period."""
    out = []
    for pair in cell_pairs(ctx):
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
                continue
            if not (_rate(pair.a_tokens, i1) and _rate(pair.b_tokens, j1)):
                continue
            if pair.a_tokens[i1].norm == pair.b_tokens[j1].norm:
                continue
            figure_a = _figure_before(pair.a_tokens, i1)
            figure_b = _figure_before(pair.b_tokens, j1)
            if figure_a is None or figure_b is None:
                continue
            if pair.a_tokens[figure_a].norm != pair.b_tokens[figure_b].norm:
                continue
            out.append(_candidate(ctx, pair, (figure_a, i1), (figure_b, j1)))
    return out


def _rate(tokens: tuple[Token, ...], k: int) -> bool:
    """Is token ``k`` a period word after a rate marker ("a month", "per day")?"""
    return tokens[k].norm.rstrip("s") in _PERIODS and k > 0 and tokens[k - 1].norm in _RATE_MARKERS


def _figure_before(tokens: tuple[Token, ...], k: int) -> int | None:
    """The index of the figure within ``REACH`` tokens before the rate marker, if any."""
    for j in range(k - 2, max(k - 2 - REACH, -1), -1):
        norm = tokens[j].norm
        if NUMERAL.match(norm) or whole_number_word(norm) is not None:
            return j
    return None


def _candidate(ctx: Context, pair: CellPair, a: tuple[int, int], b: tuple[int, int]) -> Candidate:
    sa = ctx.tokens_span(pair.a, pair.a_tokens[a[0] : a[1] + 1])
    sb = ctx.tokens_span(pair.b, pair.b_tokens[b[0] : b[1] + 1])
    ra = " ".join(t.text for t in pair.a_tokens[a[1] - 1 : a[1] + 1])
    rb = " ".join(t.text for t in pair.b_tokens[b[1] - 1 : b[1] + 1])
    lo, hi = sorted([sa.text, sb.text])
    return Candidate(
        kind=Kind.NUMBER_DISCREPANCY,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"rate:{lo}|{hi}",
        spans={pair.a: (sa,), pair.b: (sb,)},
        explanation=(
            f'The same figure is given over another period: "{ra}" vs "{rb}". The amounts '
            "differ by that much; one of them is wrong, or they count different things."
        ),
        label=f'"{lo}" vs "{hi}"',
        weight=0.9,
    )
