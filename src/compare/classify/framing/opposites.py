"""Rule family: wording_change, "before" in one version where the other says "after".

Why a rule of its own: "resigned in March, before the panel had finalised
its findings" against "stepped down in March after the panel had finalised
its findings" swaps one function word, which the rewording rule (weighing
content words) reads as grammar; yet the two versions put events in opposite
order, and at most one is right.  Read blind (fourteenth round), both such
swaps of that round were missed ("shortly before 11 a.m." / "shortly after
11 a.m." too).

Only words whose opposite is one word and whose meaning is an order in time
or place count (``OPPOSITES``), and only where both versions go on with the
same words (``FOLLOWING`` word tokens, one of them a content word or a
figure): "after a support cable snapped" against "before 11 a.m." is no
swap.  A version that also has the other's phrase is no swap either (it
tells both).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.words import is_function_word, is_word
from compare.classify.base import Candidate, Context
from compare.classify.pairs import CellPair, cell_pairs, phrase_spans
from compare.model import Kind, Severity, Token

# Each word and its opposite (general English: prepositions of order in time and place).
OPPOSITES = {"before": "after", "after": "before", "above": "below", "below": "above"}
FOLLOWING = 2  # word tokens after the swapped word that must be the same in both versions


def _following(tokens: Sequence[Token], k: int) -> tuple[str, ...] | None:
    """The norms of the ``FOLLOWING`` word tokens after ``k``, if one carries content."""
    words = [t for t in tokens[k + 1 :] if is_word(t)][:FOLLOWING]
    if len(words) < FOLLOWING or all(is_function_word(t.norm) for t in words):
        return None
    return tuple(t.norm for t in words)


def _phrases(tokens: Sequence[Token]) -> dict[tuple[str, tuple[str, ...]], int]:
    """Each swappable word with the words after it, and where it stands."""
    out: dict[tuple[str, tuple[str, ...]], int] = {}
    for k, t in enumerate(tokens):
        if t.norm in OPPOSITES and (after := _following(tokens, k)) is not None:
            out.setdefault((t.norm, after), k)
    return out


def _quoted(tokens: Sequence[Token], k: int) -> tuple[Token, ...]:
    """The word at ``k`` with the words after it that the other version shares."""
    end, words = k + 1, 0
    while end < len(tokens) and words < FOLLOWING:
        words += is_word(tokens[end])
        end += 1
    return tuple(tokens[k:end])


def find(ctx: Context) -> list[Candidate]:
    """One finding per cell pair and swapped phrase."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        if pair.loose():
            continue
        in_a, in_b = _phrases(pair.a_tokens), _phrases(pair.b_tokens)
        for (word, after), k in in_a.items():
            other = (OPPOSITES[word], after)
            if other in in_b and other not in in_a and (word, after) not in in_b:
                a = _quoted(pair.a_tokens, k)
                b = _quoted(pair.b_tokens, in_b[other])
                out.append(_candidate(ctx, pair, a, b))
    return out


def _candidate(
    ctx: Context, pair: CellPair, a: tuple[Token, ...], b: tuple[Token, ...]
) -> Candidate:
    spans = phrase_spans(ctx, pair, a, b)
    first, second = sorted(spans[x][0].text for x in (pair.a, pair.b))
    return Candidate(
        kind=Kind.WORDING_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"opposite:{first.casefold()}|{second.casefold()}",
        spans=spans,
        explanation=(
            f'One version says "{first}", another "{second}": the same words with opposite '
            "order, so the two versions put events in a different order (or place). At most "
            "one of them can be right; an editor should check which."
        ),
        label=f'"{first}" vs "{second}"',
        weight=1.0,
    )
