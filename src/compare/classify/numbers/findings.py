"""How a number discrepancy is worded: what is counted, how each figure is hedged.

Why apart from the pairing: the reader needs "The number of people killed
differs: "14" vs "at least 13"", told whether the figures were published on
different days or in different paragraphs, and the severity follows from
that, not from how the figures were paired.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Protocol

from compare.claims.number_lexicon import events, thing_display, things
from compare.claims.number_parse import Located, Quantity
from compare.classify.base import Candidate, Context, time_note
from compare.model import Kind, Severity, Span

_HEDGE_WORDS = {
    "min": "a minimum",
    "max": "a maximum",
    "approx": "approximate",
    "vague": "a vague amount",
    "range": "a range",
}


# What a number finding says when its articles were published on different days.
DATES_DIFFER = " The articles were published on different dates"
UPDATED = ", so the later one may carry an updated figure."


def number_candidate(
    ctx: Context, x: Located, y: Located, v: str, passage_id: str | None
) -> Candidate:
    """The finding for two paired figures with verdict ``v`` ("hedge" or "conflict").

    ``passage_id`` is None for figures in different passages.  The smaller
    figure is quoted first, so every outlet pair yields the same merge key.
    """
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
            severity=Severity.MEDIUM if _people_event(x.q, y.q) else Severity.LOW,
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
    elif note and (x.q.event or y.q.event):
        explanation += DATES_DIFFER + UPDATED
    elif note:
        # A figure of no event ("some 40,000 vehicles a day") is not a count that grows as
        # news comes in: read blind, "may carry an updated figure" beside it misled.
        explanation += DATES_DIFFER + "."
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


def _people_event(x: Quantity, y: Quantity) -> bool:
    """Does either figure count people an event befell (killed, hurt, missing, held)?

    Why: "at least 19 people were detained" against "19 people were detained"
    is the hedge an editor checks on a toll; "roughly 40 percent", "about $20
    million" or "more than three years" against the same round figure is mostly
    a rounding habit.  Read blind on the development clusters and the BASIL
    training events, 2 of 9 such hedges on other figures were judged worth an
    editor's time (6 true but trivial, 1 wrong): they stay findings, ranked
    with the minor ones, never a page-1 headline.
    """
    return x.event in _harmed() or y.event in _harmed()


@cache
def _harmed() -> frozenset[str]:
    """The events whose counted thing is people (``classify_events.txt``)."""
    return frozenset(event for event, _display, implied in events().values() if implied == "people")


UNDATED = "one article gives no publication date"


def _undated_note(ctx: Context, a: str, b: str) -> str | None:
    """A note when exactly one of the two articles is dated: same day is not known."""
    dated = [ctx.published(a) is not None, ctx.published(b) is not None]
    return UNDATED if sum(dated) == 1 else None


def _subject(x: Quantity, y: Quantity) -> str:
    """ "The number of people killed", "The amount in dollars", "The figure"."""
    if x.unit and x.unit == y.unit:
        unit, dim = x.unit.split("/")
        if dim == "ratio":
            return "The share"  # "78%" / "over 80%", "a fifth" / "12 per cent"
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


class Quoted(Protocol):
    """A claim read at a place in an article (an age, a dated event, a phase)."""

    @property
    def article_id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def quoted_spans(ctx: Context, claims: Iterable[Quoted]) -> tuple[dict[str, tuple[Span, ...]], str]:
    """The claims' spans per article (each once, in text order) and their texts as '"a" vs "b"'.

    Why one helper: the story-wide date and age findings all quote every
    claim of their conflicts, grouped by article, the same way.
    """
    spans: dict[str, set[Span]] = {}
    for c in claims:
        spans.setdefault(c.article_id, set()).add(ctx.span(c.article_id, c.start, c.end))
    texts = sorted({s.text for ss in spans.values() for s in ss})
    ordered = {aid: tuple(sorted(ss, key=lambda s: s.start)) for aid, ss in spans.items()}
    return ordered, " vs ".join(f'"{t}"' for t in texts)


def quoted_by(claims: Sequence[Quoted], existing: Sequence[Candidate]) -> bool:
    """True when one number finding already quotes every one of the claims."""
    return any(
        cand.kind is Kind.NUMBER_DISCREPANCY
        and all(
            any(s.start < c.end and c.start < s.end for s in cand.spans.get(c.article_id, ()))
            for c in claims
        )
        for cand in existing
    )
