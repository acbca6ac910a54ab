"""What an omitted or added passage holds, how it is quoted, which articles are briefs.

Why shared: an omission and an outlet-only addition are graded alike (a
cut casualty figure or quote matters more than a line of background,
whatever their lengths), quoted alike (one span per run of sentences), and
both rank lower in an article far shorter than the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from compare.claims.number_parse import Located, quantities
from compare.claims.sources import markers
from compare.classify.base import Context
from compare.classify.numbers.rule import cell_quantities
from compare.model import Passage, Severity, Span, Token

BRIEF_RATIO = 0.5  # an article under half the median length of the others is a brief
# Words before a bare number word that make it stand for people named before ("the two").
_ANAPHORIC = frozenset({"the", "these", "those", "all"})
_QUOTES = ('"', "\u201c", "\u201d")


def cell_spans(ctx: Context, passage: Passage, article_id: str) -> tuple[Span, ...]:
    """One Span per run of consecutive sentences of a cell."""
    sentences = ctx.cell_sentences(passage.id, article_id)
    runs: list[list] = []
    for s in sentences:
        if runs and runs[-1][-1].index + 1 == s.index:
            runs[-1].append(s)
        else:
            runs.append([s])
    return tuple(ctx.span(article_id, run[0].start, run[-1].end) for run in runs)


def joined_spans(ctx: Context, article_id: str, spans: Sequence[Span]) -> tuple[Span, ...]:
    """Spans with only white space between them joined into one: one quote per stretch.

    Why: a run of passages (an outlet's own sentences, or sentences another
    outlet cuts) is quoted as the reader meets it, not sentence by sentence.
    """
    text = ctx.articles[article_id].text
    out = [spans[0]]
    for span in spans[1:]:
        if text[out[-1].end : span.start].strip() == "":
            out[-1] = ctx.span(article_id, out[-1].start, span.end)
        else:
            out.append(span)
    return tuple(out)


def contents(
    ctx: Context,
    passage: Passage,
    article_id: str,
    tokens: tuple[Token, ...] | None = None,
    *,
    omitter: str | None = None,
) -> tuple[Severity, float, str]:
    """Severity, weight and a phrase saying what the passage (or ``tokens`` of it) holds.

    For an omission, ``omitter`` is the outlet that lacks the passage: a figure
    whose value it states anywhere in its article, or that counts an event it
    gives a figure for ("50 killed" beside its own "50 dead and scores
    injured"), is not lost with the passage (a different toll is a number
    discrepancy, not an omission), so it does not grade the omission.  Read
    blind, a passage graded "casualty figures" whose omitter gave the toll in
    its own lede was judged wrong at the top of page 1.
    """
    found = cell_quantities(ctx, passage.id, article_id)
    if tokens is not None:
        inside = {id(t) for t in tokens}
        found = [q for q in found if any(id(t) in inside for t in q.full)]
    else:
        tokens = ctx.cell_tokens(passage.id, article_id)
    found = [q for q in found if _figure(q)]
    if omitter is not None and found:
        values, events = ctx.memo(__name__ + ".stated", _stated)[omitter]
        found = [q for q in found if q.q.event not in events and q.q.value not in values]
    # A count of the dead or hurt; a measure in a sentence about them ("working nearly
    # 1,600 feet below ground", beside "some with serious injuries") is no casualty figure.
    if any(q.q.event in ("death", "injury") and q.q.unit is None for q in found):
        return Severity.HIGH, 1.0, "It reports casualty figures."
    if found:
        return Severity.MEDIUM, 0.9, "It contains figures."
    if any(t.text in _QUOTES for t in tokens):
        return Severity.MEDIUM, 0.8, "It contains a quotation."
    if markers(tokens):
        return Severity.LOW, 0.7, "It reports what a source said."
    return Severity.LOW, 0.5, "It gives background or detail."


def _stated(ctx: Context) -> dict[str, tuple[frozenset[float], frozenset[str]]]:
    """Article id -> the values of the figures it states, and the events they count.

    Built once per story: every omission asks it of its omitter.
    """
    out = {}
    for aid, article in ctx.articles.items():
        found = [q for s in article.sentences for q in quantities(s.tokens)]
        out[aid] = (frozenset(q.value for q in found), frozenset(q.event for q in found if q.event))
    return out


def _figure(located: Located) -> bool:
    """Is the quantity a figure a reader checks, not a number word standing for people?

    Why: "The two have said ..." or "the four are to start training" counts
    nothing: the number word after "the", with no noun, names people told
    of before, and calling the passage one that "contains figures"
    misleads.  With a noun ("the four astronauts"), a unit, an event, a
    counted thing or a qualifier ("at least four"), or written in digits,
    it is a figure.
    """
    q = located.q
    if _named_pair(located):
        return False
    if q.unit or q.event or q.thing or q.noun or q.hedge != "exact":
        return True
    at = located.number_index
    if any(c.isdigit() for c in located.tokens[at].text):
        return True
    return not (at > 0 and located.tokens[at - 1].norm in _ANAPHORIC)


def _named_pair(located: Located) -> bool:
    """Is the quantity "the two" before a noun: a pair the story named before?

    Why: "a gap between the two leaders", "the two sides", "the two
    countries" point back at two actors already named; they count nothing a
    reader checks.  Read blind, a passage explained as one that "contains
    figures" for "the two leaders" was judged wrong.  Only "two" (in words,
    after "the", "these" or "those", exact, with no unit or event): a pair
    is what such back-references name; "the four astronauts" may introduce a
    count, and "the two men were killed" counts a toll.
    """
    q, at, tokens = located.q, located.number_index, located.tokens
    return (
        tokens[at].norm == "two"
        and at > 0
        and tokens[at - 1].norm in ("the", "these", "those")
        and not (q.unit or q.event)
        and q.hedge == "exact"
    )


def brief_notes(ctx: Context) -> dict[str, str]:
    """Article id -> note for articles much shorter than the median of the others."""
    words = {
        aid: ctx.articles[aid].words or sum(len(s.tokens) for s in ctx.articles[aid].sentences)
        for aid in ctx.alignment.article_ids
        if aid in ctx.articles
    }
    out = {}
    for aid, n in words.items():
        others = [w for other, w in words.items() if other != aid]
        if others and n < BRIEF_RATIO * median(others):
            out[aid] = (
                f" This article is much shorter than the others ({n} words against a median of "
                f"{median(others):.0f}), so many omissions are expected."
            )
    return out
