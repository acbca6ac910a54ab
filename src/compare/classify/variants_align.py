"""Token pairing across two outlets' cells, shared by the variant rule families.

Why its own alignment: ``diff`` reports only tokens whose *normalised* forms
differ, but typography and capitalisation differences vanish in ``Token.norm``.
Those rules need the tokens diff considers equal, paired one to one, so they
re-run the same ``difflib`` matching on ``Token.norm`` here.  The pairing also
gives tests an easy way to build ``Edit``s without the diff stage.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import combinations

from compare.classify.base import Context
from compare.model import Edit, Token


@dataclass(frozen=True)
class CellPair:
    """Two outlets' token sequences for one passage (``a`` < ``b`` by id)."""

    passage_id: str
    a: str
    b: str
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]

    def opcodes(self) -> list[tuple[str, int, int, int, int]]:
        """``difflib`` opcodes over the normalised forms."""
        matcher = SequenceMatcher(
            None, [t.norm for t in self.a_tokens], [t.norm for t in self.b_tokens], autojunk=False
        )
        return matcher.get_opcodes()

    def equal_runs(self) -> Iterator[tuple[int, int, int]]:
        """``(a_start, b_start, length)`` of runs whose normalised forms match."""
        for op, i1, _i2, j1, j2 in self.opcodes():
            if op == "equal":
                yield i1, j1, j2 - j1

    def edits(self) -> list[Edit]:
        """The pairwise token edits, shaped as ``diff`` shapes them."""
        out = []
        for op, i1, i2, j1, j2 in self.opcodes():
            if op == "equal":
                continue
            out.append(
                Edit(
                    passage_id=self.passage_id,
                    op=op,
                    a=self.a,
                    b=self.b,
                    a_index=i1,
                    b_index=j1,
                    a_tokens=self.a_tokens[i1:i2],
                    b_tokens=self.b_tokens[j1:j2],
                )
            )
        return out


def cell_pairs(ctx: Context) -> list[CellPair]:
    """Every passage's pairs of outlets that both carry it, in a stable order."""
    out = []
    for passage in ctx.alignment.passages:
        ids = sorted(aid for aid in passage.cells if aid in ctx.articles)
        for a, b in combinations(ids, 2):
            out.append(
                CellPair(
                    passage.id, a, b, ctx.cell_tokens(passage.id, a), ctx.cell_tokens(passage.id, b)
                )
            )
    return out


def pairwise_edits(ctx: Context) -> tuple[Edit, ...]:
    """Edits for every cell pair (a stand-in for ``diff`` in tests and tools)."""
    return tuple(e for pair in cell_pairs(ctx) for e in pair.edits())


def sentence_initial(ctx: Context, passage_id: str, article_id: str) -> frozenset[int]:
    """Cell token indexes that open a sentence (after any opening quotes or brackets).

    Why: a capital letter there says nothing about house style or about a word
    being a name.
    """
    out = set()
    index = 0
    for sentence in ctx.cell_sentences(passage_id, article_id):
        first = next(
            (i for i, t in enumerate(sentence.tokens) if any(c.isalnum() for c in t.text)), None
        )
        if first is not None:
            out.add(index + first)
        index += len(sentence.tokens)
    return frozenset(out)


def window(
    tokens: tuple[Token, ...], start: int, length: int, *, context: int = 1
) -> tuple[int, int]:
    """``[lo, hi)`` token indexes of an edit widened by ``context`` tokens either side."""
    return max(0, start - context), min(len(tokens), start + length + context)
