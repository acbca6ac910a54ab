"""Number findings for dates: the day of an event, and when an activity starts or ends.

Why apart from ``numbers.claims``: a date is not a count, so it has its own
reading (``claims.when`` for weekdays, ``claims.schedule`` for the start or
end of an activity) and its own wording; what it shares with the counts is
the kind (a date is a figure: DESIGN §5 ``number_discrepancy``) and the
rule that a finding the rules are unsure of is never a headline.  Every
finding here is uncertain (the verb's subject is not read), so it is MEDIUM
for a conflict and LOW for a difference of precision.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.number_lexicon import events
from compare.claims.schedule import (
    PhaseClaim,
    PhaseComparison,
    compare_phases,
    phase_claims,
    relate,
    start_dates,
)
from compare.claims.when import DayConflict, compare_days, dated_events
from compare.classify.base import Candidate, Context, time_note
from compare.classify.numbers.findings import quoted_by, quoted_spans
from compare.classify.pairs import cell_pairs
from compare.classify.presence.carried import MEANING_LIKELY, carriers_agreement
from compare.model import Kind, Severity

_PHASE_WORDS = {"start": "start", "end": "end"}


def day_candidates(ctx: Context, existing: Sequence[Candidate] = ()) -> list[Candidate]:
    """A candidate for each event two outlets date on different weekdays (never a headline).

    A pair another number finding already quotes ("on Tuesday" / "on
    Wednesday" swapped in one sentence) is left to that finding.
    """
    dated = {aid: dated_events(article) for aid, article in ctx.articles.items()}
    groups: dict[str, list[DayConflict]] = {}
    for conflict in compare_days(dated):
        if not quoted_by((conflict.a, conflict.b), existing):
            groups.setdefault(conflict.a.event, []).append(conflict)
    out = []
    for event, conflicts in sorted(groups.items()):
        spans, quoted = quoted_spans(ctx, (d for c in conflicts for d in (c.a, c.b)))
        # "died" for a death: the list's display "killed" would say more than the texts do.
        verb = (
            "died"
            if event == "death"
            else next((d for e, d, _i in events().values() if e == event), event)
        )
        confidence = min(c.confidence for c in conflicts)
        out.append(
            Candidate(
                kind=Kind.NUMBER_DISCREPANCY,
                severity=Severity.MEDIUM,
                passage_id=None,
                key=f"day:{event}",
                spans=spans,
                explanation=f"The outlets give different days for the same event ({verb}): "
                f"{quoted}. "
                "Both articles were published the same day (or neither is dated); the rules do "
                "not check that both sentences speak of the same person.",
                label=quoted,
                weight=0.5 + confidence,
                confidence=confidence,
            )
        )
    return out


def phase_candidates(ctx: Context, existing: Sequence[Candidate] = ()) -> list[Candidate]:
    """One candidate per activity phase two or more outlets date differently.

    A pair of dates another number finding already quotes ("the war ended in
    1994" / "in 1995" in aligned sentences) is left to that finding.
    """
    claims = {aid: phase_claims(article) for aid, article in ctx.articles.items()}
    groups: dict[tuple[str, str], list[PhaseComparison]] = {}
    for comp in compare_phases(claims):
        if not quoted_by((comp.a, comp.b), existing):
            groups.setdefault((comp.a.phase, comp.a.activity), []).append(comp)
    out = []
    for (phase, activity), comps in sorted(groups.items()):
        conflicts = [c for c in comps if c.relation == "conflict"]
        chosen = conflicts or comps
        spans, quoted = quoted_spans(ctx, (claim for c in chosen for claim in (c.a, c.b)))
        word = _PHASE_WORDS[phase]
        if conflicts:
            explanation = (
                f"The outlets give different dates for the {word} of the same activity: {quoted}."
            )
        else:
            explanation = (
                f"The outlets date the {word} of the same activity with different precision: "
                f"{quoted}. Both can be true, but one version is vaguer."
            )
        if not conflicts and all(c.relation == "unchecked" for c in chosen):
            explanation += (
                " The articles carry no publication date, so whether the relative date"
                " names the same month as the other cannot be checked."
            )
        explanation += (
            " The rules do not check that both sentences speak of the same people or event."
        )
        ids = sorted(spans)
        confidence = max(c.confidence for c in chosen)
        out.append(
            Candidate(
                kind=Kind.NUMBER_DISCREPANCY,
                severity=Severity.MEDIUM if conflicts else Severity.COSMETIC,
                passage_id=None,
                key=f"phase:{phase}|{activity}",
                spans=spans,
                explanation=explanation,
                label=quoted,
                weight=0.5 + confidence,
                time_note=time_note(ctx, ids),
                confidence=confidence,
            )
        )
    return out


START_DATE_CONFIDENCE = 0.6  # the passage's subject is not read: never a headline


def start_date_candidates(ctx: Context, existing: Sequence[Candidate] = ()) -> list[Candidate]:
    """One candidate per passage whose outlets date its start differently ("From 1 January"
    / "Starting March 1"): each cell gives one such date and the two say the same thing by
    meaning (``carried.MEANING_LIKELY``), so the date is of one arrangement."""
    found: dict[str, list[tuple[PhaseClaim, PhaseClaim]]] = {}
    for pair in cell_pairs(ctx):
        xs = start_dates(pair.a, pair.a_tokens, ctx.articles[pair.a].published)
        ys = start_dates(pair.b, pair.b_tokens, ctx.articles[pair.b].published)
        if len(xs) != 1 or len(ys) != 1 or relate(xs[0], ys[0]) != "conflict":
            continue
        if quoted_by((xs[0], ys[0]), existing):
            continue
        if carriers_agreement(ctx, pair.passage_id, (pair.a, pair.b)) < MEANING_LIKELY:
            continue
        found.setdefault(pair.passage_id, []).append((xs[0], ys[0]))
    out = []
    for pid, conflicts in sorted(found.items()):
        spans, _quoted = quoted_spans(ctx, (c for pair in conflicts for c in pair))
        texts = {s.text.casefold(): s.text for ss in spans.values() for s in ss}
        quoted = " vs ".join(f'"{t}"' for _k, t in sorted(texts.items()))  # "From" / "from" once
        out.append(
            Candidate(
                kind=Kind.NUMBER_DISCREPANCY,
                severity=Severity.MEDIUM,
                passage_id=pid,
                key=f"start-date:{pid}",
                spans=spans,
                explanation=f"The outlets give different dates from which the same thing "
                f"applies: {quoted}. The rules do not check that both sentences speak of the "
                "same arrangement.",
                label=quoted,
                weight=0.5 + START_DATE_CONFIDENCE,
                time_note=time_note(ctx, sorted(spans)),
                confidence=START_DATE_CONFIDENCE,
            )
        )
    return out
