"""Cell pairs: two outlets' tokens of one passage, matched token by token.

Why one pairing for every rule family: ``Edit`` does not say which two
articles it compares, and the rules need the whole cell around a change
(attribution, hedges) or the tokens ``diff`` considers equal (typography and
capitalisation vanish in ``Token.norm``).  So each rule walks every pair of
outlets that carry a passage and reads the ``difflib`` opcodes over
normalised tokens, the same matching ``diff`` uses.

Two orders are offered because the families were written against them and
the order decides which outlet is ``a``: the serious families read pairs in
alignment order (``cell_pairs``), the variant families by article id
(``cell_pairs_by_id``).  Each pair's opcodes are computed once per
``Context`` and shared by both orders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from compare.classify.base import Context
from compare.diff import opcodes
from compare.model import Edit, Token

Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True)
class CellPair:
    """Two outlets' tokens for one passage, with the opcodes matching them."""

    passage_id: str
    a: str
    b: str
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    opcodes: tuple[Opcode, ...] = field(compare=False, repr=False)

    def equal_runs(self) -> Iterator[tuple[int, int, int]]:
        """``(a_start, b_start, length)`` of runs whose normalised forms match."""
        for op, i1, _i2, j1, j2 in self.opcodes:
            if op == "equal":
                yield i1, j1, j2 - j1

    def edit(self, op: str, a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> Edit:
        """The ``Edit`` replacing ``a_tokens[a_lo:a_hi]`` by ``b_tokens[b_lo:b_hi]``."""
        return Edit(
            passage_id=self.passage_id,
            op=op,
            a=self.a,
            b=self.b,
            a_index=a_lo,
            b_index=b_lo,
            a_tokens=self.a_tokens[a_lo:a_hi],
            b_tokens=self.b_tokens[b_lo:b_hi],
        )

    def edits(self) -> list[Edit]:
        """The pairwise token edits, shaped as ``diff`` shapes them."""
        return [self.edit(*opcode) for opcode in self.opcodes if opcode[0] != "equal"]


def _matched(ctx: Context, passage_id: str, a: str, b: str) -> CellPair:
    ta, tb = ctx.cell_tokens(passage_id, a), ctx.cell_tokens(passage_id, b)
    return CellPair(
        passage_id, a, b, ta, tb, tuple(opcodes([t.norm for t in ta], [t.norm for t in tb]))
    )


# id(ctx) -> (ctx, built pairs by (passage, a, b), pair lists by order name)
_CACHE: dict[
    int, tuple[Context, dict[tuple[str, str, str], CellPair], dict[str, tuple[CellPair, ...]]]
] = {}


def _pairs(
    ctx: Context, order: str, ids_of: Callable[[Iterable[str]], list[str]]
) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, outlets ordered by ``ids_of``; cached."""
    hit = _CACHE.get(id(ctx))
    if hit is None or hit[0] is not ctx:
        _CACHE.clear()  # keep only the latest context alive
        hit = _CACHE[id(ctx)] = (ctx, {}, {})
    _ctx, built, orders = hit
    if order not in orders:
        out: list[CellPair] = []
        for passage in ctx.alignment.passages:
            for a, b in combinations(ids_of(passage.cells), 2):
                key = (passage.id, a, b)
                if key not in built:
                    built[key] = _matched(ctx, passage.id, a, b)
                out.append(built[key])
        orders[order] = tuple(out)
    return orders[order]


def cell_pairs(ctx: Context) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, ``a`` before ``b`` in alignment order."""

    def in_alignment_order(cells: Iterable[str]) -> list[str]:
        present = set(cells)
        return [a for a in ctx.alignment.article_ids if a in present and a in ctx.articles]

    return _pairs(ctx, "alignment", in_alignment_order)


def cell_pairs_by_id(ctx: Context) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, ``a`` before ``b`` by article id."""
    return _pairs(ctx, "id", lambda cells: sorted(a for a in cells if a in ctx.articles))
