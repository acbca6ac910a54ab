"""Number findings for vote tallies: "voted 9-6" in one outlet, "10-5" in another.

Why apart from the counts: a tally is two figures read as one ("9-6", "nine
votes to six"), which the count reader leaves out as a score (it counts no
thing), and outlets writing apart put it in sentences the aligner does not
pair.  Read blind, "voted 9-6" / "voting 10-5" / "by nine votes to six" was
planted as the story's first difference and never reported.  A tally counts
only in a sentence about a vote (``claims.tallies``), so a match's score is not
read as one, and each article must give one tally only: an article giving two
("9-6 at first reading, 10-5 at the last") may report two votes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.claims.tallies import tallies
from compare.classify.base import Candidate, Context, quote_overlapping, time_note
from compare.classify.numbers.findings import DATES_DIFFER
from compare.model import Kind, Severity, Span


@dataclass(frozen=True)
class Tally:
    """One article's vote tally: the larger and smaller side, and where it is written."""

    article_id: str
    ayes: int
    noes: int
    span: Span


def tally_candidates(ctx: Context, existing: Sequence[Candidate] = ()) -> list[Candidate]:
    """One finding when outlets give one vote different tallies (each gives one only)."""
    found: list[Tally] = []
    for aid, article in ctx.articles.items():
        own = [
            Tally(aid, ayes, noes, ctx.tokens_span(aid, sentence.tokens[first:end]))
            for sentence in article.sentences
            for first, end, ayes, noes in tallies(sentence.tokens)
        ]
        if len({(t.ayes, t.noes) for t in own}) == 1:
            found.append(own[0])
    if len({(t.ayes, t.noes) for t in found}) < 2:
        return []
    spans = {t.article_id: (t.span,) for t in found}
    if any(
        c.kind is Kind.NUMBER_DISCREPANCY and quote_overlapping(spans, c.spans) for c in existing
    ):
        return []  # swapped in one aligned sentence: the same-place rule reports it
    by_value: dict[tuple[int, int], list[str]] = {}
    for t in sorted(found, key=lambda t: (t.ayes, t.noes, t.article_id)):
        written = by_value.setdefault((t.ayes, t.noes), [])
        if t.span.text not in written:
            written.append(t.span.text)
    note = time_note(ctx, sorted(spans))
    told = "; ".join(
        f"{ayes} to {noes} ({', '.join(map(_quoted, texts))})"
        for (ayes, noes), texts in sorted(by_value.items())
    )
    label = " vs ".join(_quoted(texts[0]) for _value, texts in sorted(by_value.items()))
    return [
        Candidate(
            kind=Kind.NUMBER_DISCREPANCY,
            severity=Severity.HIGH,  # a vote's count is not news that grows by the day
            passage_id=None,
            key="tally:" + "|".join(f"{a}-{n}" for a, n in sorted(by_value)),
            spans=spans,
            explanation=f"The outlets give the vote different tallies: {told}. One of them is "
            "wrong, or the versions report different votes." + (DATES_DIFFER + "." if note else ""),
            label=label,
            weight=1.0,
            time_note=note,
        )
    ]


def _quoted(text: str) -> str:
    return f'"{text}"'
