"""Rule families: omitted_passage and added_passage.

Why weigh by content: a cut casualty figure or a cut quote matters more
than a cut line of background, whatever their lengths.  Why note briefs: an
article much shorter than the others omits most passages by design, so its
omissions rank lower and the explanation says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare.align.segment import tokenize
from compare.claims.sources import markers
from compare.claims.words import content_words
from compare.classify.base import Candidate, Context, earlier_note
from compare.classify.cells import shorten
from compare.classify.presence.added import (
    added_candidate,
    carried_run,
    lead_in_line,
    opening_line,
    outlet_runs,
    own_clause_candidates,
)
from compare.classify.presence.added import own_clauses as own_clauses  # re-exported
from compare.classify.presence.carried import (
    CARRIERS_AGREE_PARTLY,
    CELLS_AGREE,
    LEFT_OUT,
    LEFT_OUT_TOLD,
    UNSURE,
    carried_note,
    carried_share,
    carriers_agreement,
    meaning_note,
    told_in_other_words,
    told_ledes,
    written_out,
    written_out_with_before,
)
from compare.classify.presence.contents import brief_notes, cell_spans, contents, joined_spans
from compare.classify.presence.quotes import different_quotations, quoted_elsewhere
from compare.model import Kind, Passage, Severity, Span


def find(ctx: Context) -> list[Candidate]:
    """Omitted passages, runs of outlet-only passages, and outlet-only clauses."""
    ids = [aid for aid in ctx.alignment.article_ids if aid in ctx.articles]
    briefs = brief_notes(ctx)
    if ctx.options.reference in ids:
        return _against_reference(ctx, ctx.options.reference, ids, briefs)
    out: list[Candidate] = []
    cuts: list[_Cut] = []
    own: dict[str, list[Passage]] = {}
    for passage in ctx.alignment.passages:
        carriers = [aid for aid in ids if passage.cells.get(aid)]
        if not carriers:
            continue
        if len(carriers) == 1 and len(ids) >= 2:
            own.setdefault(carriers[0], []).append(passage)
            continue
        if len(carriers) < 2 or len(carriers) * 2 <= len(ids):
            out.extend(_rebuttals(ctx, passage, carriers, ids))
            continue  # only what most outlets carry counts as omitted by the rest
        cuts.extend(_omitted(ctx, passage, carriers, ids, briefs))
    out.extend(
        _run_candidate(ctx, run, f"{len(run[0].carriers)} of {len(ids)} outlets carry")
        for run in cut_runs(cuts)
    )
    ledes = told_ledes(ctx)
    for aid, passages in own.items():
        if aid in ledes:  # its lede tells the story's event, as the other ledes do
            passages = [p for p in passages if p.cells[aid] != (ledes[aid],)]
        runs = [r for r in outlet_runs(ctx, aid, passages) if not carried_run(ctx, aid, r)]
        out.extend(
            added_candidate(ctx, aid, run)
            for run in runs
            if not opening_line(ctx, aid, run) and not lead_in_line(ctx, aid, run)
        )
    out.extend(own_clause_candidates(ctx))
    return [c for c in out if not says_little(c)]


MIN_CONTENT_WORDS = 2  # a passage with fewer content words in every version tells no fact


def says_little(candidate: Candidate) -> bool:
    """Does every quoted version hold fewer than ``MIN_CONTENT_WORDS`` content words?

    Why: "How are you?", "Why?", "Hard." and "Details here." are a quoted
    greeting, a rhetorical question or a fragment; an outlet printing or
    cutting one carries or drops no fact, and read blind, such a passage
    reported as omitted was judged not worth an editor's time (on page 1).
    Whole findings are tested, so a fragment inside a longer run stays in it.
    """
    return all(
        len(content_words(tokenize(span.text))) < MIN_CONTENT_WORDS
        for spans in candidate.spans.values()
        for span in spans
    )


def _against_reference(
    ctx: Context, reference: str, ids: list[str], briefs: dict[str, str]
) -> list[Candidate]:
    """With ``--reference``: what each outlet cut from, or added to, one original.

    Why a mode of its own: when one article is the wire copy the others were
    edited from, every passage of it that an outlet lacks is a cut, however
    few outlets carry it, and everything else an outlet prints is its own.
    """
    name = ctx.articles[reference].outlet
    out: list[Candidate] = []
    own: dict[str, list[Passage]] = {}
    cuts: list[_Cut] = []
    for passage in ctx.alignment.passages:
        carriers = [aid for aid in ids if passage.cells.get(aid)]
        if reference not in carriers:
            for aid in carriers:
                own.setdefault(aid, []).append(passage)
            continue
        cuts.extend(_omitted(ctx, passage, carriers, ids, briefs))
    out.extend(
        _run_candidate(ctx, run, f"The reference ({name}) carries") for run in cut_runs(cuts)
    )
    for aid, passages in own.items():
        lead = f"This is not in the reference ({name})."
        out.extend(added_candidate(ctx, aid, run, lead) for run in outlet_runs(ctx, aid, passages))
    return out


@dataclass(frozen=True)
class _Cut:
    """One passage that most outlets carry and one outlet does not, before grouping."""

    passage: Passage
    carriers: tuple[str, ...]
    omitter: str
    severity: Severity
    weight: float
    what: str  # what the passage holds ("It reports casualty figures.")
    check: str  # the note when the omitter may tell it in other words, else ""
    brief: str  # the note when the omitter is a brief, else ""
    confidence: float


def _omitted(
    ctx: Context, passage: Passage, carriers: list[str], ids: list[str], briefs: dict[str, str]
) -> list[_Cut]:
    agreement = carriers_agreement(ctx, passage.id, carriers)
    if agreement < CELLS_AGREE:
        return []  # the carriers tell different things: no one passage to omit
    if different_quotations(ctx, passage.id, carriers):
        return []  # they quote different statements: no one passage to omit
    first = carriers[0]
    out = []
    for aid in ids:
        if aid in carriers:
            continue
        if any(written_out(ctx, ctx.cell_tokens(passage.id, c), aid) for c in carriers):
            continue  # the omitter writes these very words, run into a sentence of its own
        if any(written_out_with_before(ctx, c, passage.cells[c], aid) for c in carriers):
            continue  # "... life. Property comes second," in one sentence of the omitter
        if quoted_elsewhere(ctx, passage.id, carriers, aid):
            continue  # the omitter quotes these words, perhaps given to someone else
        severity, weight, what = contents(ctx, passage, first, omitter=aid)
        note = briefs.get(aid, "")
        sev = Severity(min(severity + 1, Severity.COSMETIC)) if note else severity
        share = max(carried_share(ctx, ctx.cell_tokens(passage.id, c), [aid])[0] for c in carriers)
        # The omitting outlet may tell it in other words (``carried``; as any one
        # carrier words it): ranked as before (its words are common story words as
        # often as a paraphrase), but uncertain, so never a headline, and the
        # reader is told to check.
        if share >= LEFT_OUT_TOLD:
            continue  # the omitter holds most of its content: told in other words
        partly = share >= LEFT_OUT
        check = carried_note(ctx.articles[aid].outlet, share) if partly else ""
        if not partly:  # by meaning: the omitting outlet's sentences against each carrier's
            told = [
                told_in_other_words(ctx, ctx.cell_sentences(passage.id, c), [aid]) for c in carriers
            ]
            if any(surely for surely, _closest in told):
                continue  # it tells every sentence of it in other words: nothing omitted
            closest = [t for _surely, t in told if t is not None]
            if closest:
                partly = True
                check = meaning_note(ctx, max(closest, key=lambda t: t.cosine))
        if partly and agreement < CARRIERS_AGREE_PARTLY:
            continue  # loosely alike carriers, and the omitter close to them: no clear omission
        out.append(
            _Cut(
                passage=passage,
                carriers=tuple(carriers),
                omitter=aid,
                severity=sev,
                weight=weight * (0.5 if note else 1.0) + 0.02 * len(carriers),
                what=what,
                check=check,
                brief=note,
                confidence=UNSURE if partly else 1.0,
            )
        )
    return out


def cut_runs(cuts: Sequence[_Cut]) -> list[list[_Cut]]:
    """Omissions grouped into runs: consecutive sentences in every carrier, one omitter.

    Why: a quotation or a paragraph of three sentences that one outlet cuts
    is one cut, not three findings; listed sentence by sentence, one cut
    statement crowded the rest out of the top of the list.  A run holds one
    omitting outlet, the same carriers, and passages that follow each other
    in every carrier's text.  It breaks where the rules' certainty changes:
    a run is uncertain (may be told in other words) as a whole or not at all.
    ``cuts`` come in the passages' reading order.
    """
    open_runs: dict[tuple[str, tuple[str, ...]], list[_Cut]] = {}
    runs: list[list[_Cut]] = []
    for cut in cuts:
        key = (cut.omitter, cut.carriers)
        run = open_runs.get(key)
        if run is not None and _follows(run[-1], cut):
            run.append(cut)
            continue
        run = [cut]
        open_runs[key] = run
        runs.append(run)
    return runs


def _follows(before: _Cut, after: _Cut) -> bool:
    """``after`` starts right where ``before`` ends in every carrier, with equal certainty."""
    return before.confidence == after.confidence and all(
        before.passage.cells[c][-1] + 1 == after.passage.cells[c][0] for c in before.carriers
    )


def _run_candidate(ctx: Context, run: Sequence[_Cut], carried_by: str) -> Candidate:
    """One omitted-passage finding for a run of cuts: its most serious part sets the grade.

    ``carried_by`` opens the explanation: who carries the run ("2 of 3
    outlets carry", or the reference with ``--reference``).
    """
    lead = min(run, key=lambda c: (c.severity, -c.weight))
    aid = lead.omitter
    first = run[0]
    n = sum(len(cut.passage.cells[first.carriers[0]]) for cut in run)  # in the first carrier
    preview = shorten(ctx.cell_sentences(first.passage.id, first.carriers[0])[0].text, 50)
    spans: dict[str, tuple[Span, ...]] = {
        c: joined_spans(ctx, c, [s for cut in run for s in cell_spans(ctx, cut.passage, c)])
        for c in first.carriers
    }
    spans[aid] = ()  # the omitting outlet: present, with nothing to quote
    what = "this passage" if n == 1 else f"these {n} sentences"
    check = next((c.check for c in run if c.check), "")
    earlier = earlier_note(ctx, aid, first.carriers)
    return Candidate(
        kind=Kind.OMITTED_PASSAGE,
        severity=lead.severity,
        passage_id=first.passage.id,
        key=f"omitted:{aid}",
        spans=spans,
        explanation=f"{carried_by} {what}; "
        f"{ctx.articles[aid].outlet} does not. {lead.what}{check}{lead.brief}",
        label=f"not in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
        weight=max(c.weight for c in run) + 0.05 * min(len(run) - 1, 4),
        time_note=earlier,
        # Published before the passage's news: the gap may be timing, not a cut.
        confidence=min(first.confidence, UNSURE) if earlier else first.confidence,
    )


def _rebuttals(
    ctx: Context, passage: Passage, carriers: list[str], ids: list[str]
) -> list[Candidate]:
    """A denial that a minority carries, cut by an outlet that reports what was denied.

    Why: "the company denied dumping the waste" right after "regulators accused
    the company of dumping waste" is the other side's answer.  An outlet that reports the
    accusation but not the denial leaves the claim uncontested, however few
    outlets carry the denial.
    """
    if len(carriers) < 2:
        return []
    answered: set[str] = set()  # passages the denial answers (the one just before it)
    for c in carriers:
        first = ctx.cell_sentences(passage.id, c)[0]
        if not any(cls == "denial" for _s, _e, cls in markers(first.tokens)) or first.index == 0:
            continue
        before = first.index - 1
        answered.update(p.id for p in ctx.alignment.passages if before in p.cells.get(c, ()))
    if not answered:
        return []
    severity, weight, _what = contents(ctx, passage, carriers[0])
    preview = shorten(ctx.cell_sentences(passage.id, carriers[0])[0].text, 50)
    out = []
    for aid in ids:
        if aid in carriers or not any(ctx.passages[p].cells.get(aid) for p in answered):
            continue
        spans = {c: cell_spans(ctx, passage, c) for c in carriers}
        spans[aid] = ()
        out.append(
            Candidate(
                kind=Kind.OMITTED_PASSAGE,
                severity=Severity(max(severity, Severity.MEDIUM)),
                passage_id=passage.id,
                key=f"omitted:{aid}",
                spans=spans,
                explanation=f"{len(carriers)} of {len(ids)} outlets report this denial; "
                f"{ctx.articles[aid].outlet} reports what was denied but not the denial, so "
                "the claim reads as if nobody disputed it.",
                label=f"denial not in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
                weight=weight + 0.02 * len(carriers),
            )
        )
    return out
