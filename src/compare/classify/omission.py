"""Rule families: omitted_passage and added_passage.

Why weigh by content: a cut casualty figure or a cut quote matters more
than a cut line of background, whatever their lengths.  Why note briefs: an
article much shorter than the others omits most passages by design, so its
omissions rank lower and the explanation says so.
"""

from __future__ import annotations

from statistics import median

from compare.classify.attribution import markers
from compare.classify.base import Candidate, Context
from compare.classify.cells import shorten
from compare.classify.numbers import cell_quantities
from compare.model import Kind, Passage, Severity, Span

BRIEF_RATIO = 0.5  # an article under half the median length of the others is a brief
_QUOTES = ('"', "\u201c", "\u201d")


def _spans(ctx: Context, passage: Passage, article_id: str) -> tuple[Span, ...]:
    """One Span per run of consecutive sentences of a cell."""
    sentences = ctx.cell_sentences(passage.id, article_id)
    runs: list[list] = []
    for s in sentences:
        if runs and runs[-1][-1].index + 1 == s.index:
            runs[-1].append(s)
        else:
            runs.append([s])
    return tuple(ctx.span(article_id, run[0].start, run[-1].end) for run in runs)


def _contents(ctx: Context, passage: Passage, article_id: str) -> tuple[Severity, float, str]:
    """Severity, weight and a phrase saying what the passage holds."""
    tokens = ctx.cell_tokens(passage.id, article_id)
    found = cell_quantities(ctx, passage.id, article_id)
    if any(q.q.event in ("death", "injury") for q in found):
        return Severity.HIGH, 1.0, "It reports casualty figures."
    if found:
        return Severity.MEDIUM, 0.9, "It contains figures."
    if any(t.text in _QUOTES for t in tokens):
        return Severity.MEDIUM, 0.8, "It contains a quotation."
    if markers(tokens):
        return Severity.LOW, 0.7, "It reports what a source said."
    return Severity.LOW, 0.5, "It gives background or detail."


def _briefs(ctx: Context) -> dict[str, str]:
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


def find(ctx: Context) -> list[Candidate]:
    """One finding per (passage, outlet) for omitted and outlet-only passages."""
    ids = [aid for aid in ctx.alignment.article_ids if aid in ctx.articles]
    briefs = _briefs(ctx)
    out: list[Candidate] = []
    for passage in ctx.alignment.passages:
        carriers = [aid for aid in ids if passage.cells.get(aid)]
        if not carriers:
            continue
        first = carriers[0]
        severity, weight, what = _contents(ctx, passage, first)
        preview = shorten(ctx.cell_sentences(passage.id, first)[0].text, 50)
        if len(carriers) == 1 and len(ids) >= 2:
            out.append(
                Candidate(
                    kind=Kind.ADDED_PASSAGE,
                    severity=Severity(min(severity + 1, Severity.LOW)),
                    passage_id=passage.id,
                    key=f"added:{first}",
                    spans={first: _spans(ctx, passage, first)},
                    explanation=f"Only one outlet carries this passage. {what}",
                    label=f"only in {ctx.articles[first].outlet}: \u201c{preview}\u201d",
                    weight=weight,
                )
            )
            continue
        if len(carriers) < 2 or len(carriers) * 2 <= len(ids):
            continue  # only what most outlets carry counts as omitted by the rest
        for aid in ids:
            if aid in carriers:
                continue
            note = briefs.get(aid, "")
            sev = Severity(min(severity + 1, Severity.COSMETIC)) if note else severity
            spans = {c: _spans(ctx, passage, c) for c in carriers}
            spans[aid] = ()  # the omitting outlet: present, with nothing to quote
            out.append(
                Candidate(
                    kind=Kind.OMITTED_PASSAGE,
                    severity=sev,
                    passage_id=passage.id,
                    key=f"omitted:{aid}",
                    spans=spans,
                    explanation=f"{len(carriers)} of {len(ids)} outlets carry this passage; "
                    f"{ctx.articles[aid].outlet} does not. {what}{note}",
                    label=f"not in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
                    weight=weight * (0.5 if note else 1.0) + 0.02 * len(carriers),
                )
            )
    return out
