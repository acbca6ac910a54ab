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


def clusters(pair: CellPair, edits: list[Edit], *, gap: int = 1) -> list[list[Edit]]:
    """Edits of one cell pair grouped when at most ``gap`` equal tokens separate them.

    Why: difflib splits a reordered or re-spaced phrase ("10 a.m. with ten" /
    "10am with 10") into several edits around a token it happens to match.
    """
    out: list[list[Edit]] = []
    for edit in sorted(edits, key=lambda e: (e.a_index, e.b_index)):
        if out:
            last = out[-1][-1]
            a_gap = edit.a_index - (last.a_index + len(last.a_tokens))
            b_gap = edit.b_index - (last.b_index + len(last.b_tokens))
            if a_gap <= gap and b_gap <= gap:
                out[-1].append(edit)
                continue
        out.append([edit])
    return out


def combined(pair: CellPair, group: list[Edit]) -> Edit:
    """One edit spanning a cluster, equal tokens between its members included."""
    a_lo, b_lo = group[0].a_index, group[0].b_index
    a_hi = max(e.a_index + len(e.a_tokens) for e in group)
    b_hi = max(e.b_index + len(e.b_tokens) for e in group)
    return Edit(
        passage_id=pair.passage_id,
        op="replace" if a_hi > a_lo and b_hi > b_lo else group[0].op,
        a=pair.a,
        b=pair.b,
        a_index=a_lo,
        b_index=b_lo,
        a_tokens=pair.a_tokens[a_lo:a_hi],
        b_tokens=pair.b_tokens[b_lo:b_hi],
    )


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
    """Edits for every cell pair, with ``a``/``b`` holding the two article ids.

    Why the variant rules use these rather than ``ctx.edits``: they need to
    know which two outlets an edit compares, and they must agree with the
    token pairing that typography and capitalisation read.
    """
    return tuple(e for pair in cell_pairs(ctx) for e in pair.edits())


def edit_groups(ctx: Context) -> list[tuple[CellPair, list[Edit]]]:
    """``(cell pair, nearby edits)`` for every cluster of every cell pair."""
    return [(pair, group) for pair in cell_pairs(ctx) for group in clusters(pair, pair.edits())]


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
