"""Number findings for ages: one named person given different ages by two outlets.

Why apart: an age is read by its own rule (``claims.ages``: tied to a name
by news apposition), and its finding says whose age differs; it shares the
kind (DESIGN §5 ``number_discrepancy``) and the rule that a finding matched
by name only is uncertain, MEDIUM and never a headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.ages import AgeConflict, compare_ages, named_ages
from compare.classify.base import Candidate, Context, time_note
from compare.classify.numbers.findings import DATES_DIFFER, quoted_by, quoted_spans
from compare.model import Kind, Severity


def age_candidates(ctx: Context, existing: Sequence[Candidate] = ()) -> list[Candidate]:
    """One candidate per named person two or more outlets give different ages.

    A pair another number finding already quotes (the same sentence with
    "43" / "44" in one place) is left to that finding.
    """
    ages = {aid: named_ages(article) for aid, article in ctx.articles.items()}
    groups: dict[str, list[AgeConflict]] = {}
    for conflict in compare_ages(ages):
        if not quoted_by((conflict.a, conflict.b), existing):
            groups.setdefault(conflict.a.name[-1], []).append(conflict)
    out = []
    for surname, conflicts in sorted(groups.items()):
        spans, quoted = quoted_spans(ctx, (a for c in conflicts for a in (c.a, c.b)))
        shown = max((c.a.name for c in conflicts), key=len)
        who = " ".join(w.capitalize() for w in shown)
        ids = sorted(spans)
        note = time_note(ctx, ids)
        confidence = min(c.confidence for c in conflicts)
        out.append(
            Candidate(
                kind=Kind.NUMBER_DISCREPANCY,
                severity=Severity.MEDIUM,
                passage_id=None,
                key=f"age:{surname}",
                spans=spans,
                explanation=f"The outlets give {who} different ages: {quoted}. "
                "The rules match the person by name only." + (DATES_DIFFER + "." if note else ""),
                label=quoted,
                weight=0.5 + confidence,
                time_note=note,
                confidence=confidence,
            )
        )
    return out
