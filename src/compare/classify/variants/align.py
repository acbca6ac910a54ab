"""Edits between two outlets' cells, shared by the variant rule families.

Why through ``pairs`` and not ``ctx.edits`` directly: ``diff`` reports only
tokens whose *normalised* forms differ, but typography and capitalisation
differences vanish in ``Token.norm``.  These rules read the cell pairs of
``pairs`` (article-id order, opcodes rebuilt from the diff stage's edits),
their edits grouped when nearby, and the original text under tokens.  The
pairing also gives tests an easy way to build ``Edit``s without the diff
stage.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.attributed_frames import OPENING_MARKS
from compare.classify.base import Context
from compare.classify.pairs import CellPair, cell_pairs_by_id
from compare.model import Edit, Token


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
    op = "replace" if a_hi > a_lo and b_hi > b_lo else group[0].op
    return pair.edit(op, a_lo, a_hi, b_lo, b_hi)


def cell_pairs(ctx: Context) -> tuple[CellPair, ...]:
    """Every passage's pairs of outlets that both carry it, ``a`` before ``b`` by id."""
    return cell_pairs_by_id(ctx)


def pairwise_edits(ctx: Context) -> tuple[Edit, ...]:
    """Edits for every cell pair, with ``a``/``b`` holding the two article ids.

    The same edits as the diff stage's, in cell-pair order; they also work on
    a context built without the diff stage (rule tests).
    """
    return tuple(e for pair in cell_pairs(ctx) for e in pair.edits())


def edit_groups(ctx: Context) -> list[tuple[CellPair, list[Edit]]]:
    """``(cell pair, nearby edits)`` for every cluster of every cell pair."""
    return [(pair, group) for pair in cell_pairs(ctx) for group in clusters(pair, pair.edits())]


def sentence_initial(ctx: Context, passage_id: str, article_id: str) -> frozenset[int]:
    """Cell token indexes that open a sentence or a quotation inside one.

    Why: a capital letter there says nothing about house style or about a word
    being a name.  A quotation opening mid-sentence ('he said, "We're
    ready"') starts the speaker's sentence, so one outlet's capital there and
    another's lower case (quoting from the middle: 'said that "we're
    ready"') is where each began quoting, not a style.
    """
    out = set()
    index = 0
    for sentence in ctx.cell_sentences(passage_id, article_id):
        tokens = sentence.tokens
        first = next((i for i, t in enumerate(tokens) if any(c.isalnum() for c in t.text)), None)
        if first is not None:
            out.add(index + first)
        out.update(index + i + 1 for i in range(len(tokens) - 1) if _opens_quote(tokens, i))
        index += len(tokens)
    return frozenset(out)


def _opens_quote(tokens: Sequence[Token], i: int) -> bool:
    """Token i is a quotation mark that opens a quotation: a space before it, none after."""
    mark, after = tokens[i], tokens[i + 1]
    spaced_before = i == 0 or tokens[i - 1].end < mark.start
    return mark.text in OPENING_MARKS and spaced_before and after.start == mark.end


def window(
    tokens: tuple[Token, ...], start: int, length: int, *, context: int = 1
) -> tuple[int, int]:
    """``[lo, hi)`` token indexes of an edit widened by ``context`` tokens either side."""
    return max(0, start - context), min(len(tokens), start + length + context)


def original_text(ctx: Context, article_id: str, tokens: tuple[Token, ...]) -> str:
    """The article's text from the first token's start to the last token's end.

    Why the original and not the tokens: house style and typography live in
    the exact characters and spacing, which token norms fold away.
    """
    return ctx.articles[article_id].text[tokens[0].start : tokens[-1].end]
