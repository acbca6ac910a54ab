"""Datelines: one outlet opens the story with "CITY:" and another prints the same lede bare.

Why a style: the dateline ("PORT VELL:", "EASTFIELD \u2014", "Rome (Wirenews) -")
is a wire convention some outlets keep and others cut; the sentence after it
is the same.  Only an article's opening is read, and only against the
sentence the aligner paired with it when the two share most of their words,
so the two quotes are one lede (outlets that write their own ledes differ in
more than a dateline).
"""

from __future__ import annotations

import re

from compare.classify.base import Candidate, Context
from compare.model import Kind, Sentence, Severity
from compare.text.datelines import dateline

# Any short opening before a colon or dash ("Port Vell -", "Eastfield:"): a lede
# that may carry a dateline the strict pattern does not read is never called bare.
MAYBE_DATELINE = re.compile(r"^\s*[A-Z][\w.,'\u2019 ()-]{0,40}? ?(?::|\u2014|\u2013|--?) ")
LEAD_WORDS = 3  # words of the bare lede quoted
SAME_LEDE = 0.85  # share of the shorter lede's words the other must hold: one wire lede


OPENING = 3  # sentences read for a dateline: a title or a standfirst may come first


def _text(ctx: Context, sentence: Sentence) -> str:
    return ctx.articles[sentence.article_id].text[sentence.start : sentence.end]


def same_lede(a: str, b: str) -> bool:
    """Two ledes that are one sentence (a wire copy), not two outlets' own openings.

    >>> same_lede("The port shuts in May, he said.", "The port shuts in May.")
    True
    >>> same_lede("The port shuts in May.", "In an interview, the chief spoke.")
    False
    """
    wa, wb = set(re.findall(r"\w+", a.casefold())), set(re.findall(r"\w+", b.casefold()))
    return bool(wa and wb) and len(wa & wb) >= SAME_LEDE * min(len(wa), len(wb))


def find(ctx: Context) -> list[Candidate]:
    """Candidates (one key: one finding) for each outlet pair whose paired ledes differ so."""
    out = []
    cell_of = {
        (aid, i): passage
        for passage in ctx.passages.values()
        for aid, indexes in passage.cells.items()
        for i in indexes
    }
    for aid, article in ctx.articles.items():
        for first in article.sentences[:OPENING]:
            line = dateline(_text(ctx, first))
            passage = cell_of.get((aid, first.index))
            if line is None or passage is None:
                continue
            for other, indexes in sorted(passage.cells.items()):
                lede = ctx.articles[other].sentences[indexes[0]] if indexes else None
                if other == aid or lede is None or MAYBE_DATELINE.match(_text(ctx, lede)):
                    continue
                if _opens_dated(ctx, other):
                    continue  # it keeps a dateline, on a lede of its own
                if same_lede(_text(ctx, first)[len(line) :], _text(ctx, lede)):
                    out.append(_candidate(ctx, first, line, lede))
            break
    return out


def _opens_dated(ctx: Context, aid: str) -> bool:
    """Does the article open with a dateline of its own, on any of its first sentences?

    Why: "BELGRADE – The National Bank of Serbia raised ..." was paired with
    another outlet's third sentence, "The National Bank ...", whose own lede
    opens "BELGRADE, Serbia — Homeowners ...": read blind (nineteenth round),
    "no dateline" was untrue.
    """
    return any(
        dateline(_text(ctx, s)) or MAYBE_DATELINE.match(_text(ctx, s))
        for s in ctx.articles[aid].sentences[:OPENING]
    )


def _candidate(ctx: Context, first: Sentence, line: str, lede: Sentence) -> Candidate:
    aid, other = first.article_id, lede.article_id
    start = first.start + _text(ctx, first).index(line)
    span_a = ctx.span(aid, start, start + len(line))
    words = list(re.finditer(r"\S+", _text(ctx, lede)))[:LEAD_WORDS]
    span_b = ctx.span(other, lede.start + words[0].start(), lede.start + words[-1].end())
    return Candidate(
        kind=Kind.STYLE_VARIANT,
        severity=Severity.LOW,
        passage_id=None,
        key="form:dateline",
        spans={aid: (span_a,), other: (span_b,)},
        explanation=(
            f'"{span_a.text}" opens the story as a dateline where "{span_b.text}…" starts the '
            "same sentence without one: a house-style choice, not a change of meaning."
        ),
        label=f'"{span_a.text}" vs no dateline',
        weight=0.1,
    )
