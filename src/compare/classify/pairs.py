"""Cell pairs: two outlets' tokens of one passage, matched token by token.

Why pairs rather than the flat ``Edit`` list: the rules need the whole cell
around a change (attribution, hedges) and the tokens ``diff`` considers
equal (typography and capitalisation vanish in ``Token.norm``).  So each
rule walks every pair of outlets that carry a passage with its full opcodes,
rebuilt from the diff stage's edits (``ctx.edits``): the gaps between a
pair's edits are its equal runs.  Each pair is matched once, by ``diff``;
only a context built without the diff stage (rule tests) matches the
cells here, with the same ``diff.pair_edits``.

Two orders are offered because the families were written against them and
the order decides which outlet is ``a``: the serious families read pairs in
alignment order (``cell_pairs``), the variant families by article id
(``cell_pairs_by_id``).  Each pair's opcodes are computed once per
``Context`` and shared by both orders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from compare.align.diff import pair_edits
from compare.claims.attributed_frames import quote_mask, quote_states
from compare.classify.base import Context
from compare.model import Edit, Span, Token

Opcode = tuple[str, int, int, int, int]
MIN_SHARED = 0.3  # share of two cells' tokens in common below which a pair is loose
# Share below which two cells are two outlets' own sentences on one theme, written apart:
# what one says (a source, a loaded word) tells nothing of how the other words its own.
WRITTEN_APART = 0.2
# Share at or above which two cells are one statement edited, written together: a word one
# puts where the other has another (a reporting verb, a hedge of the writer's own odds) is
# that outlet's choice.  Under it, read blind, such word choices were wrong or trivial
# (``attribution.rule._verbs_compared``, ``framing.hedges._apart``).
WRITTEN_TOGETHER = 0.4


@dataclass(frozen=True)
class CellPair:
    """Two outlets' tokens for one passage, with the opcodes matching them."""

    passage_id: str
    a: str
    b: str
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    opcodes: tuple[Opcode, ...] = field(compare=False, repr=False)
    # Quotations open where each cell starts: the second sentence of a quotation run over
    # two ('"It is about ... start," Ashdale claimed.') opens inside it.
    a_open: int = field(default=0, compare=False, repr=False)
    b_open: int = field(default=0, compare=False, repr=False)

    def shared_share(self) -> float:
        """Share of the two cells' tokens that the matching pairs up (difflib's ratio).

        >>> from compare.align.segment import tokenize
        >>> from compare.align.diff import opcodes
        >>> a, b = tokenize("Rain fell on Monday."), tokenize("Heavy rain fell on Monday.")
        >>> codes = tuple(opcodes([t.norm for t in a], [t.norm for t in b]))
        >>> round(CellPair("p1", "a", "b", a, b, codes).shared_share(), 2)
        0.91
        """
        total = len(self.a_tokens) + len(self.b_tokens)
        return 2 * self._matched() / total if total else 1.0

    def contained_share(self) -> float:
        """Share of the shorter cell's tokens that the matching pairs up.

        >>> from compare.align.segment import tokenize
        >>> from compare.align.diff import opcodes
        >>> a = tokenize("The bridge reopened on Monday.")
        >>> b = tokenize("The bridge reopened on Monday, but engineers warned of cracks.")
        >>> codes = tuple(opcodes([t.norm for t in a], [t.norm for t in b]))
        >>> round(CellPair("p1", "a", "b", a, b, codes).contained_share(), 2)
        1.0
        """
        shorter = min(len(self.a_tokens), len(self.b_tokens))
        return self._matched() / shorter if shorter else 1.0

    def _matched(self) -> int:
        """How many tokens of each cell the matching pairs up."""
        return sum(i2 - i1 for op, i1, i2, _j1, _j2 in self.opcodes if op == "equal")

    def loose(self) -> bool:
        """True when the cells share under ``MIN_SHARED`` of their tokens.

        Why: in a passage joined by a weak link (one outlet's sentence that
        merges two of another's, or shares only its names) the unmatched
        stretches are different statements, not the same statement
        reworded; reading them as word choices gives "the governor" vs
        "residents said".
        """
        return self.shared_share() < MIN_SHARED

    def written_apart(self) -> bool:
        """True when the cells share under ``WRITTEN_APART`` of their tokens."""
        return self.shared_share() < WRITTEN_APART

    def written_together(self) -> bool:
        """True when the cells share ``WRITTEN_TOGETHER`` or more of their tokens."""
        return self.shared_share() >= WRITTEN_TOGETHER

    def lone_swaps(self, context: int) -> Iterator[tuple[int, int, int]]:
        """``(a_index, b_index, b_words)`` of one word of a swapped for one or two of b
        with ``context`` words alike on each side: one sentence with one word edited.

        >>> from compare.align.segment import tokenize
        >>> from compare.align.diff import opcodes
        >>> a = tokenize("They said some fans would get refunds.")
        >>> b = tokenize("They said all fans would get refunds.")
        >>> codes = tuple(opcodes([t.norm for t in a], [t.norm for t in b]))
        >>> list(CellPair("p1", "a", "b", a, b, codes).lone_swaps(2))
        [(2, 2, 1)]
        """
        codes = self.opcodes
        for n, (op, i1, i2, j1, j2) in enumerate(codes):
            if op != "replace" or i2 - i1 != 1 or not 1 <= j2 - j1 <= 2:
                continue
            # At the cells' start ("All members backed ..." / "Some members backed ..."),
            # the words after the swap alone show the sentence is one copy.
            before = codes[n - 1] if n else ("equal", 0, context, 0, context)
            after = codes[n + 1] if n + 1 < len(codes) else None
            if (
                after is not None
                and before[0] == after[0] == "equal"
                and before[2] - before[1] >= context
                and after[2] - after[1] >= context
            ):
                yield i1, j1, j2 - j1

    def equal_runs(self) -> Iterator[tuple[int, int, int]]:
        """``(a_start, b_start, length)`` of runs whose normalised forms match."""
        for op, i1, _i2, j1, j2 in self.opcodes:
            if op == "equal":
                yield i1, j1, j2 - j1

    @cached_property
    def a_quoted(self) -> list[bool]:
        """Which of ``a``'s tokens stand inside quotation marks (read from the cell's start,
        with the quotations its paragraph left open there).

        Why on the pair: the attribution, hedge and loaded-term rules all leave
        a speaker's quoted words out, each for the same cells.
        """
        return quote_mask(self.a_tokens, self.a_open)[0]

    @cached_property
    def b_quoted(self) -> list[bool]:
        """Which of ``b``'s tokens stand inside quotation marks (``a_quoted`` for ``b``)."""
        return quote_mask(self.b_tokens, self.b_open)[0]

    @cached_property
    def a_to_b(self) -> dict[int, int]:
        """Token index in ``a`` -> the index in ``b`` difflib matched it with (equal runs)."""
        return {i + k: j + k for i, j, n in self.equal_runs() for k in range(n)}

    @cached_property
    def b_to_a(self) -> dict[int, int]:
        """The inverse of ``a_to_b``."""
        return {j: i for i, j in self.a_to_b.items()}

    def sides(self) -> tuple[tuple[str, tuple[Token, ...], str, tuple[Token, ...]], ...]:
        """``(article, tokens, other article, other tokens)`` read from a, then from b.

        For rules that look for something in one version and its absence in
        the other, whichever version has it.
        """
        return (
            (self.a, self.a_tokens, self.b, self.b_tokens),
            (self.b, self.b_tokens, self.a, self.a_tokens),
        )

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


def rebuilt_opcodes(edits: Iterable[Edit], na: int, nb: int) -> list[Opcode]:
    """The full opcodes of one cell pair from its non-equal edits, in order.

    >>> from compare.align.segment import tokenize
    >>> e = Edit("p1", "insert", "a", "b", 0, 0, (), tuple(tokenize("Heavy")))
    >>> rebuilt_opcodes([e], 2, 3)
    [('insert', 0, 0, 0, 1), ('equal', 0, 2, 1, 3)]
    """
    out: list[Opcode] = []
    i = j = 0
    for e in edits:
        if e.a_index > i or e.b_index > j:
            out.append(("equal", i, e.a_index, j, e.b_index))
        i, j = e.a_index + len(e.a_tokens), e.b_index + len(e.b_tokens)
        out.append((e.op, e.a_index, i, e.b_index, j))
    if i < na or j < nb:
        out.append(("equal", i, na, j, nb))
    return out


_SWAPPED = {"insert": "delete", "delete": "insert"}


def _edit_index(ctx: Context) -> dict[tuple[str, str, str], list[Edit]]:
    """The diff stage's edits by (passage, a, b), in sequence order."""
    index: dict[tuple[str, str, str], list[Edit]] = {}
    for e in ctx.edits:
        index.setdefault((e.passage_id, e.a, e.b), []).append(e)
    return index


def _matched(ctx: Context, passage_id: str, a: str, b: str, index: dict) -> CellPair:
    ta, tb = ctx.cell_tokens(passage_id, a), ctx.cell_tokens(passage_id, b)
    if not ctx.edits:  # no diff stage ran (rule tests): match the cells here
        codes = rebuilt_opcodes(pair_edits(passage_id, a, b, ta, tb), len(ta), len(tb))
    elif (passage_id, b, a) in index:  # diff compared them the other way round
        codes = [
            (_SWAPPED.get(op, op), j1, j2, i1, i2)
            for op, i1, i2, j1, j2 in rebuilt_opcodes(index[passage_id, b, a], len(tb), len(ta))
        ]
    else:  # absent: identical cells, one equal run
        codes = rebuilt_opcodes(index.get((passage_id, a, b), ()), len(ta), len(tb))
    opened = (_open_at(ctx, passage_id, a), _open_at(ctx, passage_id, b))
    return CellPair(passage_id, a, b, ta, tb, tuple(codes), *opened)


def _open_at(ctx: Context, passage_id: str, article_id: str) -> int:
    """How many quotations the cell's paragraph left open where the cell starts.

    Why: read blind, '"This is not about filling the treasury. It is about
    giving our children a healthier start," Ashdale claimed.' against the
    same with "said" gave no finding: read from the second sentence's
    start, its closing mark opened a quotation, and "Ashdale claimed" was
    taken for quoted words.
    """
    cell = ctx.passages[passage_id].cells.get(article_id, ())
    if not cell:
        return 0
    return ctx.memo(__name__ + ".open", _open_depths).get((article_id, cell[0]), 0)


def _open_depths(ctx: Context) -> dict[tuple[str, int], int]:
    """(article, sentence index) -> quotations open at the sentence's start, in its paragraph."""
    return {
        (aid, k): opened
        for aid, article in ctx.articles.items()
        for k, (_s, _inside, opened) in enumerate(quote_states(article.sentences))
        if opened
    }


def _pairs(
    ctx: Context, order: str, ids_of: Callable[[Iterable[str]], list[str]]
) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, outlets ordered by ``ids_of``; cached."""
    # built pairs by (passage, a, b), and pair lists by order name, kept per story
    built, orders = ctx.memo(__name__, _empty_tables)
    if order not in orders:
        index = _edit_index(ctx)
        out: list[CellPair] = []
        for passage in ctx.alignment.passages:
            for a, b in combinations(ids_of(passage.cells), 2):
                key = (passage.id, a, b)
                if key not in built:
                    built[key] = _matched(ctx, passage.id, a, b, index)
                out.append(built[key])
        orders[order] = tuple(out)
    return orders[order]


def _empty_tables(
    _ctx: Context,
) -> tuple[dict[tuple[str, str, str], CellPair], dict[str, tuple[CellPair, ...]]]:
    return {}, {}


def cell_pairs(ctx: Context) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, ``a`` before ``b`` in alignment order."""

    def in_alignment_order(cells: Iterable[str]) -> list[str]:
        present = set(cells)
        return [a for a in ctx.alignment.article_ids if a in present and a in ctx.articles]

    return _pairs(ctx, "alignment", in_alignment_order)


def cell_pairs_by_id(ctx: Context) -> tuple[CellPair, ...]:
    """Every pair of outlets sharing a passage, ``a`` before ``b`` by article id."""
    return _pairs(ctx, "id", lambda cells: sorted(a for a in cells if a in ctx.articles))


# Share of two cells' tokens at which they are one sentence copied and lightly edited, and
# share of the shorter cell's tokens at which it is the other cut short (or added to).
NEAR_COPY = 0.6
CUT_COPY = 0.8
# ``shared_copy`` at which a story's outlets print one copy, edited (``one_copy``).
ONE_COPY = 0.25


def shared_copy(ctx: Context) -> float:
    """How far the story's outlets print one copy: the largest share of an outlet's sentences
    that sit in cells near copies of another outlet's cell (``NEAR_COPY`` of both cells'
    tokens matched, or ``CUT_COPY`` of the shorter one's: a sentence cut or added to).

    Why: wire copy edited by several outlets (the same agency story, cut and
    retouched) gives shares near 1; independently written reports on one
    event stay under a third (the BASIL events: 0 to 0.46, most under 0.2),
    since each writer words even the shared facts in their own way.  What
    one outlet has beyond another's cell reads differently in the two: an
    insertion into shared copy, or another writer's own sentence.
    """
    return ctx.memo(__name__ + ".shared_copy", _shared_copy)


def one_copy(ctx: Context) -> bool:
    """Do the story's outlets print one copy, edited (``shared_copy`` at least ``ONE_COPY``)?

    Where they do not, each outlet wrote its own report, and what one
    sentence says beyond its partner is no edit: outlet-only clauses
    (``presence.added``) and rewordings outside the headlines
    (``framing.rewording``) are edits of shared copy and are not read there.
    Every story of the seeds and the invented stories shares 0.31 or more.
    """
    return shared_copy(ctx) >= ONE_COPY


def _shared_copy(ctx: Context) -> float:
    copied: dict[tuple[str, str], int] = {}
    for pair in cell_pairs(ctx):
        if pair.shared_share() < NEAR_COPY and pair.contained_share() < CUT_COPY:
            continue
        cells = ctx.passages[pair.passage_id].cells
        for one, other in ((pair.a, pair.b), (pair.b, pair.a)):
            copied[(one, other)] = copied.get((one, other), 0) + len(cells[one])
    return max(
        (n / max(len(ctx.articles[one].sentences), 1) for (one, _o), n in copied.items()),
        default=0.0,
    )


def phrase_spans(
    ctx: Context, pair: CellPair, a: tuple[Token, ...], b: tuple[Token, ...]
) -> dict[str, tuple[Span, ...]]:
    """A finding's spans: one phrase of each cell of the pair (``a`` in ``pair.a``'s)."""
    return {pair.a: (ctx.tokens_span(pair.a, a),), pair.b: (ctx.tokens_span(pair.b, b),)}
