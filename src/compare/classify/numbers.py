"""Rule family: number_discrepancy (and hedge_change for "at least 12" vs "12").

Why by value and counted thing: "fifteen" and "15" are the same figure,
"4 metres (13 feet)" is one measure, and "12 villages" is not a count of
people.  A discrepancy needs the same thing counted (head noun class and the
event: killed, wounded...) with different values, or an exact figure against
a hedged one with another value ("48" vs "over 40").  Aligned passages are
compared first; a figure left unmatched is then compared with figures in
other passages when the counted thing, the event and the sentence's words
agree (casualty totals moved to another paragraph).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from compare.classify.base import Candidate, Context, time_note
from compare.classify.cells import CellPair, cell_pairs, content_words, stem
from compare.classify.numbers_parse import Quantity, events, quantities, thing_display, things
from compare.model import Kind, Severity, Token

CROSS_MIN_SHARED = 4  # content stems two sentences must share to compare across passages
CROSS_MIN_DICE = 0.35
_HEDGE_WORDS = {
    "min": "a minimum",
    "max": "a maximum",
    "approx": "approximate",
    "vague": "a vague amount",
    "range": "a range",
}


# Words that make a figure an increment on an earlier one, never the same count.
_INCREMENT = frozenset({"further", "another", "additional", "extra"})


@dataclass(frozen=True)
class Located:
    """A quantity with its article, passage and the cell tokens it indexes."""

    article_id: str
    passage_id: str
    q: Quantity
    tokens: tuple[Token, ...]  # the whole cell
    offset: int  # where the sentence starts in the cell
    context: frozenset[str]  # content stems of the sentence

    @property
    def full(self) -> tuple[Token, ...]:
        return self.tokens[self.offset + self.q.start : self.offset + self.q.end]

    @property
    def core(self) -> tuple[Token, ...]:
        return self.tokens[self.offset + self.q.start : self.offset + self.q.core_end]

    @property
    def number_index(self) -> int:
        return self.offset + self.q.num_index

    @property
    def incremental(self) -> bool:
        """True for an increment ("a further 2%", "another 40"), not a total."""
        at = self.offset + self.q.start
        return any(t.norm in _INCREMENT for t in self.tokens[max(at - 2, self.offset) : at])


def cell_quantities(ctx: Context, passage_id: str, article_id: str) -> list[Located]:
    """Every quantity in one outlet's cell of a passage."""
    out: list[Located] = []
    offset = 0
    cell = ctx.cell_tokens(passage_id, article_id)
    for sentence in ctx.cell_sentences(passage_id, article_id):
        stems = frozenset(
            stem(t.norm) for t in content_words(sentence.tokens) if any(c.isalpha() for c in t.norm)
        )
        out.extend(
            Located(article_id, passage_id, q, cell, offset, stems)
            for q in quantities(sentence.tokens)
        )
        offset += len(sentence.tokens)
    return out


def _things_compatible(x: Quantity, y: Quantity) -> bool | None:
    """True/False when both name what they count; None when one does not."""
    if x.unit or y.unit:
        return x.unit == y.unit
    if x.noun and y.noun and x.noun == y.noun:
        return True
    if x.thing and y.thing:
        if x.thing == y.thing:
            return True
        parents = {c: p for c, p, _d in things().values()}
        return parents.get(x.thing) == y.thing or parents.get(y.thing) == x.thing
    if x.noun and y.noun:
        return False
    return None


def compatible(x: Quantity, y: Quantity, *, same_slot: bool, cross: bool = False) -> bool:
    """Whether two quantities could count the same thing.

    >>> from compare.segment import tokenize
    >>> a = quantities(tokenize("It killed at least 12 miners."))[0]
    >>> b = quantities(tokenize("Officials said 15 people were killed."))[0]
    >>> c = quantities(tokenize("Forces took 12 villages."))[0]
    >>> compatible(a, b, same_slot=False), compatible(b, c, same_slot=False)
    (True, False)
    """
    if x.event and y.event and x.event != y.event:
        return False
    things_ok = _things_compatible(x, y)
    if things_ok is False:
        return False
    if cross:
        return bool(things_ok) and x.event is not None and x.event == y.event
    if things_ok:
        return True
    return same_slot or (x.event is not None and x.event == y.event)


def rounded(x: Quantity, y: Quantity) -> bool:
    """True when one figure is exact and the other an approximate rounding of it.

    Why: in one passage, "a crowd of 41,212" and "about 41,000 fans" are the
    same figure even when their nouns differ; the rounding itself is what a
    reader should see (an exact count vs a hedged one).

    >>> from compare.segment import tokenize
    >>> q = lambda s: quantities(tokenize(s))[0]
    >>> rounded(q("a crowd of 41,212"), q("about 41,000 fans"))
    True
    >>> rounded(q("a crowd of 41,212"), q("about 38,000 fans"))
    False
    >>> rounded(q("41,212 fans"), q("41,000 seats"))
    False
    """
    pair = sorted((x, y), key=lambda q: q.hedge != "approx")
    approx, exact = pair
    if approx.hedge != "approx" or exact.hedge != "exact" or exact.value != exact.high:
        return False
    value = int(approx.value)
    if value != approx.value or value <= 0:
        return False
    step = 1
    while value % (step * 10) == 0:
        step *= 10
    return step >= 10 and exact.value != value and round(exact.value / step) * step == value


def _interval(q: Quantity) -> tuple[float, float]:
    if q.hedge == "min":
        return q.value, float("inf")
    if q.hedge == "max":
        return 0.0, q.value
    if q.hedge == "approx":
        return q.value * 0.8, q.value * 1.2
    return q.value, q.high


def verdict(x: Quantity, y: Quantity) -> str:
    """ "same", "hedge" (same figure, qualified differently), "consistent" or "conflict".

    >>> from compare.segment import tokenize
    >>> q = lambda s: quantities(tokenize(s))[0]
    >>> verdict(q("more than 500 workers"), q("over 500 workers"))
    'same'
    >>> verdict(q("48 passengers"), q("over 40 passengers"))
    'conflict'
    >>> verdict(q("hundreds of people"), q("500 people"))
    'consistent'
    """
    if "vague" in (x.hedge, y.hedge):
        if x.hedge == y.hedge and (x.value, x.high) == (y.value, y.high):
            return "same"
        (xl, xh), (yl, yh) = _interval(x), _interval(y)
        return "consistent" if xl <= yh and yl <= xh else "conflict"
    if (x.value, x.high) == (y.value, y.high):
        return "same" if x.hedge == y.hedge else "hedge"
    return "conflict"


def _slots(pair: CellPair) -> set[tuple[int, int]]:
    """Token index pairs that difflib puts in the same place (equal or replaced)."""
    out = set()
    for op, i1, i2, j1, j2 in pair.opcodes:
        if op == "equal":
            out.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif op == "replace":
            out.update((i, j) for i in range(i1, i2) for j in range(j1, j2))
    return out


def _match(
    xs: list[Located], ys: list[Located], slots: set[tuple[int, int]] | None
) -> list[tuple[Located, Located, str]]:
    """One-to-one pairing: agreeing figures first, then hedged, then conflicting."""
    options = []
    for ix, x in enumerate(xs):
        for iy, y in enumerate(ys):
            same_slot = slots is not None and (x.number_index, y.number_index) in slots
            cross = slots is None
            if cross and _dice(x.context, y.context) < CROSS_MIN_DICE:
                continue
            if x.incremental != y.incremental:
                continue  # "fell a further 2%" adds to a figure; it is not "fell 7%"
            if not (
                compatible(x.q, y.q, same_slot=same_slot, cross=cross)
                or (not cross and rounded(x.q, y.q))
            ):
                continue
            v = verdict(x.q, y.q)
            rank = {"same": 0, "consistent": 0, "hedge": 1, "conflict": 2}[v]
            closeness = -_dice(x.context, y.context) - same_slot - (x.q.noun == y.q.noun)
            options.append((rank, closeness, ix, iy, v))
    used_x: set[int] = set()
    used_y: set[int] = set()
    out = []
    for _rank, _close, ix, iy, v in sorted(options):
        if ix in used_x or iy in used_y:
            continue
        used_x.add(ix)
        used_y.add(iy)
        out.append((xs[ix], ys[iy], v))
    return out


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if shared < CROSS_MIN_SHARED:
        return 0.0
    return 2 * shared / (len(a) + len(b))


def find(ctx: Context) -> list[Candidate]:
    """Number discrepancies within aligned passages, then across passages."""
    out: list[Candidate] = []
    matched: set[tuple[str, str, int]] = set()  # (article, passage, number index)
    for pair in cell_pairs(ctx):
        xs = cell_quantities(ctx, pair.passage_id, pair.a)
        ys = cell_quantities(ctx, pair.passage_id, pair.b)
        for x, y, v in _match(xs, ys, _slots(pair)):
            matched.add((pair.a + "|" + pair.b, x.passage_id, x.number_index))
            matched.add((pair.b + "|" + pair.a, y.passage_id, y.number_index))
            if v in ("hedge", "conflict"):
                out.append(_candidate(ctx, x, y, v, pair.passage_id))
    out.extend(_across(ctx, matched))
    return out


def _across(ctx: Context, matched: set[tuple[str, str, int]]) -> list[Candidate]:
    """Conflicting figures for the same event stated in different passages."""
    found: dict[str, list[Located]] = {aid: [] for aid in ctx.alignment.article_ids}
    for passage in ctx.alignment.passages:
        for aid in passage.cells:
            if aid in found:
                found[aid].extend(cell_quantities(ctx, passage.id, aid))
    out = []
    for a, b in combinations(ctx.alignment.article_ids, 2):
        xs = [x for x in found[a] if (a + "|" + b, x.passage_id, x.number_index) not in matched]
        ys = [y for y in found[b] if (b + "|" + a, y.passage_id, y.number_index) not in matched]
        xs = [x for x in xs if x.q.thing and x.q.event and not _agrees(x, found[b])]
        ys = [y for y in ys if y.q.thing and y.q.event and not _agrees(y, found[a])]
        for x, y in _sole_facts(xs, ys, found[a], found[b]):
            out.append(_candidate(ctx, x, y, "conflict", None))
            xs, ys = [o for o in xs if o is not x], [o for o in ys if o is not y]
        for x, y, v in _match(xs, ys, None):
            if v == "conflict" and x.passage_id != y.passage_id:
                out.append(_candidate(ctx, x, y, v, None))
    return out


def _sole_facts(
    xs: list[Located], ys: list[Located], all_a: list[Located], all_b: list[Located]
) -> list[tuple[Located, Located]]:
    """Conflicting figures for the only count of one event and thing in each article.

    Why: "Police said 14 people were arrested" and "Police have now arrested
    17 people after ..." share too few words for the context test, but when
    each article gives exactly one count of people arrested, the two counts
    are about the same thing.
    """

    def sole(items: list[Located]) -> dict[tuple[str, str], Located]:
        seen: dict[tuple[str, str], list[Located]] = {}
        for q in items:
            if q.q.event and q.q.thing:
                seen.setdefault((q.q.event, q.q.thing), []).append(q)
        return {k: v[0] for k, v in seen.items() if len(v) == 1}

    only_a, only_b = sole(all_a), sole(all_b)
    out = []
    for key, x in only_a.items():
        y = only_b.get(key)
        if (
            y is not None
            and x in xs
            and y in ys
            and x.passage_id != y.passage_id
            and verdict(x.q, y.q) == "conflict"
        ):
            out.append((x, y))
    return out


def _agrees(x: Located, others: list[Located]) -> bool:
    """True when the other article states the same figure for the same thing somewhere."""
    return any(
        verdict(x.q, o.q) in ("same", "consistent", "hedge")
        and compatible(x.q, o.q, same_slot=False, cross=True)
        for o in others
    )


def _candidate(ctx: Context, x: Located, y: Located, v: str, passage_id: str | None) -> Candidate:
    if (y.q.value, y.q.hedge) < (x.q.value, x.q.hedge):
        x, y = y, x
    tx, ty = ctx.tokens_span(x.article_id, x.full).text, ctx.tokens_span(y.article_id, y.full).text
    cx, cy = ctx.tokens_span(x.article_id, x.core).text, ctx.tokens_span(y.article_id, y.core).text
    note = time_note(ctx, [x.article_id, y.article_id]) or _undated_note(
        ctx, x.article_id, y.article_id
    )
    # Spans quote the figure itself ("at least 13"), leaving the noun phrase
    # ("Xish soldiers") to the families that judge words.
    spans = {
        x.article_id: (ctx.tokens_span(x.article_id, x.core),),
        y.article_id: (ctx.tokens_span(y.article_id, y.core),),
    }
    subject = _subject(x.q, y.q)
    key = f"{subject}|{x.q.value:g}:{x.q.hedge}|{y.q.value:g}:{y.q.hedge}"
    if v == "hedge":
        return Candidate(
            kind=Kind.HEDGE_CHANGE,
            severity=Severity.MEDIUM,
            passage_id=passage_id,
            key="num:" + key,
            spans=spans,
            explanation=f'{subject} is the same figure, qualified differently: "{tx}" vs "{ty}". '
            + _hedge_sentence(x.q, y.q),
            label=f'"{cx}" vs "{cy}"',
            weight=1.0,
        )
    casualty = x.q.event in ("death", "injury")
    spread = abs(x.q.value - y.q.value) / max(abs(x.q.value), abs(y.q.value), 1.0)
    explanation = f'{subject} differs: "{tx}" vs "{ty}". ' + (
        _hedge_sentence(x.q, y.q) or "The texts give different figures for the same thing."
    )
    if passage_id is None:
        explanation += " The figures appear in different paragraphs of the articles."
    if note and note.startswith(UNDATED):
        explanation += " One article gives no date, so the figures may come from different days."
    elif note:
        explanation += (
            " The articles were published on different dates, so the later one may carry an"
            " updated figure."
        )
    vague = "vague" in (x.q.hedge, y.q.hedge)
    return Candidate(
        kind=Kind.NUMBER_DISCREPANCY,
        severity=Severity.HIGH if note or vague else Severity.CRITICAL,
        passage_id=passage_id,
        key=("across:" if passage_id is None else "") + key,
        spans=spans,
        explanation=explanation,
        label=f'"{cx}" vs "{cy}"',
        weight=1.0 + 0.5 * casualty + 0.5 * min(spread, 1.0) - 0.2 * (passage_id is None),
        time_note=note,
    )


UNDATED = "one article gives no publication date"


def _undated_note(ctx: Context, a: str, b: str) -> str | None:
    """A note when exactly one of the two articles is dated: same day is not known."""
    dated = [ctx.published(a) is not None, ctx.published(b) is not None]
    return UNDATED if sum(dated) == 1 else None


def _subject(x: Quantity, y: Quantity) -> str:
    """ "The number of people killed", "The amount in dollars", "The figure"."""
    if x.unit and x.unit == y.unit:
        unit, dim = x.unit.split("/")
        return "The amount" if dim == "money" else f"The figure in {unit}s"
    thing = None
    if x.thing and y.thing:
        thing = (
            x.thing
            if x.thing == y.thing
            else ("people" if "people" in (x.thing, y.thing) else None)
        )
        parents = {c: p for c, p, _d in things().values()}
        thing = thing or parents.get(x.thing) or x.thing
    thing = thing or x.thing or y.thing
    what = thing_display(thing) if thing else None
    event = x.event or y.event
    verb = next((d for e, d, _i in events().values() if e == event), None) if event else None
    if what and verb:
        return f"The number of {what} {verb}"
    if what:
        return f"The number of {what}"
    return "The figure"


def _hedge_sentence(x: Quantity, y: Quantity) -> str:
    """Plain words for how two figures are qualified, '' when alike."""
    if x.hedge == y.hedge:
        return ""
    hedged = [q for q in (x, y) if q.hedge != "exact"]
    if len(hedged) == 1:
        q = hedged[0]
        word = f' ("{q.hedge_text}")' if q.hedge_text else ""
        return f"One figure is {_HEDGE_WORDS.get(q.hedge, 'qualified')}{word}, the other exact."
    return (
        f"One figure is {_HEDGE_WORDS.get(x.hedge, 'qualified')}, "
        f"the other {_HEDGE_WORDS.get(y.hedge, 'qualified')}."
    )
