"""Rule family: a quantifier of another scope in one sentence edited ("some" / "all").

Why it matters: "Brightwater said some ticket holders would be offered full
refunds" and "all ticket holders" promise different things to different
people; read blind, every such swap planted in wire copy was missed, since
the rewording rule reads one changed function word as no rewording.  Only a
one-word swap with ``SCOPE_CONTEXT`` words alike on each side counts
(``CellPair.lone_swaps``): the sentence is one copy, so the quantifier is the
whole change.  Reported as a rewording that changes a fact, above the plain
rewordings (MEDIUM).
"""

from __future__ import annotations

from compare.classify.base import Candidate, Context
from compare.classify.pairs import CellPair, cell_pairs
from compare.model import Kind, Severity, Token

# How much of a group a quantifier takes: every member, most, some, none.
SCOPE_WORDS = {
    "all": "every", "every": "every", "each": "every",
    "most": "most",
    "some": "some", "several": "some", "many": "some", "few": "some",
    "no": "none", "none": "none",
}  # fmt: skip
_SAYS = {
    "every": "all of them",
    "most": "most of them",
    "some": "only part of them",
    "none": "none of them",
}
SCOPE_CONTEXT = 2  # words alike on each side of the swapped quantifier


def find(ctx: Context) -> list[Candidate]:
    """Quantifiers of another scope swapped in one sentence edited."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        out.extend(_swaps(ctx, pair))
    return out


def _swaps(ctx: Context, pair: CellPair) -> list[Candidate]:
    out = []
    for i, j, width in pair.lone_swaps(SCOPE_CONTEXT):
        if width != 1:
            continue
        sa, sb = SCOPE_WORDS.get(pair.a_tokens[i].norm), SCOPE_WORDS.get(pair.b_tokens[j].norm)
        if sa is None or sb is None or sa == sb:
            continue
        if i + 1 >= len(pair.a_tokens) or not pair.a_tokens[i + 1].norm.isalpha():
            continue  # "all." / "some," : no group named after it
        # the quantifier and the head of the group it takes ("some ticket holders")
        span_a = ctx.tokens_span(pair.a, pair.a_tokens[i : _group_end(pair.a_tokens, i)])
        span_b = ctx.tokens_span(pair.b, pair.b_tokens[j : _group_end(pair.b_tokens, j)])
        (x, cx), (y, cy) = sorted([(span_a.text, sa), (span_b.text, sb)], key=lambda p: p[1])
        out.append(
            Candidate(
                kind=Kind.WORDING_CHANGE,
                severity=Severity.MEDIUM,
                passage_id=pair.passage_id,
                key=f"scope:{x.casefold()}|{y.casefold()}",
                spans={pair.a: (span_a,), pair.b: (span_b,)},
                explanation=f'The same sentence says "{x}" in one version and "{y}" in '
                f"another: the claim covers {_SAYS[cx]} in one and {_SAYS[cy]} in the other.",
                label=f'"{x}" vs "{y}"',
                weight=0.9,
            )
        )
    return out


GROUP_WORDS = 3  # words of the group after the quantifier quoted with it, at most


def _group_end(tokens: tuple[Token, ...], i: int) -> int:
    """Where to stop quoting: after the quantifier and the group's words after it.

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("He said some ticket holders would be paid.")
    >>> [x.text for x in t[2 : _group_end(t, 2)]]
    ['some', 'ticket', 'holders']
    """
    k = i + 1
    while k <= i + GROUP_WORDS and k < len(tokens):
        word = tokens[k].norm
        if not word.isalpha() or word in _STOPS:
            break
        k += 1
    return k


# Where a group's name ends: a verb or a clause word after it ("some fans would get").
_STOPS = frozenset(
    {"would", "will", "could", "may", "might", "can", "should", "must", "are", "were", "was",
     "is", "be", "been", "have", "has", "had", "who", "that", "which", "of", "in", "on", "at",
     "to", "for", "and", "or", "but", "with", "by", "from"}
)  # fmt: skip
