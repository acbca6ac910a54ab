"""Classify: every rule family over one story, merged, deduplicated and ranked.

Why a fixed list: the order of rule modules never changes the result (merge
and ranking are order-independent), but a fixed, explicit list makes a
missing module an immediate ImportError instead of silently fewer findings.
The four variant rules (names, style, spelling, typography) are imported
when ``classify`` first runs, so the serious families can be tested alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from compare.classify.base import Candidate, Context, time_note
from compare.classify.evidence import supported
from compare.classify.merge import apply_precedence, fold_headline_figures, merge, rank
from compare.model import Alignment, Edit, Finding, Kind, Story
from compare.text.normalize import strip_invisible
from compare.util.options import Options

# Each rule module by its family subpackage (numbers, attribution, framing,
# presence, variants), in the order the rules run.
RULE_MODULES = (
    "numbers.rule",
    "attribution.rule",
    "attribution.headline_quotes",
    "framing.hedges",
    "framing.loaded",
    "presence.omission",
    "framing.rewording",
    "framing.negation",
    "framing.opposites",
    "framing.scope",
    "variants.names",
    "variants.style",
    "variants.spelling",
    "variants.typography",
)

Rule = Callable[[Context], list[Candidate]]


@cache
def rules() -> tuple[Rule, ...]:
    """The ``find`` function of every rule module, in ``RULE_MODULES`` order.

    Raises ImportError (with the module name) when a module is missing or has
    no ``find``: a missing rule family must fail loudly.
    """
    found = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"compare.classify.{name}")
        find = getattr(module, "find", None)
        if find is None:
            raise ImportError(f"compare.classify.{name} has no find(ctx) function")
        found.append(find)
    return tuple(found)


# Kinds whose difference may be the story moving on: a claim hedged or credited in an
# article written before it was confirmed ("likely to include" in a preview, "include"
# once the plan was out).  Numbers carry their own note; presence findings say which
# article came first.
_DATED_KINDS = frozenset({Kind.HEDGE_CHANGE, Kind.ATTRIBUTION_CHANGE})


def _dated(ctx: Context, candidate: Candidate) -> Candidate:
    """The candidate with a note when the articles it quotes were published on different dates.

    Why: read blind, a hedge in an article two days older than the other was
    reported as one outlet's choice, with nothing to tell the reader that
    the claim was still unconfirmed when it went out.
    """
    if candidate.kind not in _DATED_KINDS or candidate.time_note is not None:
        return candidate
    note = time_note(ctx, sorted(candidate.spans))
    return candidate if note is None else replace(candidate, time_note=note)


def _printed(candidate: Candidate) -> Candidate:
    """The candidate with invisible characters left out of its key, label and explanation.

    Why: rules quote the file's text, and "s\u200baid" would otherwise be
    another verb than "said", splitting one finding in two (issue #19).  The
    spans keep the file's exact text and offsets.
    """
    fields = (candidate.key, candidate.label, candidate.explanation)
    if fields == tuple(strip_invisible(f) for f in fields):
        return candidate
    return replace(
        candidate,
        key=strip_invisible(candidate.key),
        label=strip_invisible(candidate.label),
        explanation=strip_invisible(candidate.explanation),
    )


def classify(
    story: Story, alignment: Alignment, edits: Sequence[Edit], *, options: Options
) -> tuple[Finding, ...]:
    """Findings for one aligned story, most serious first, numbered f1, f2, ...

    >>> from compare.model import Story
    >>> classify(Story("s", "t", ()), Alignment((), ()), (), options=Options())
    ()
    """
    ctx = Context(story=story, alignment=alignment, edits=tuple(edits), options=options)
    candidates: list[Candidate] = []
    for find in rules():
        candidates.extend(_dated(ctx, _printed(c)) for c in find(ctx))
    merged = apply_precedence(fold_headline_figures(merge(supported(ctx, candidates))))
    order = {p.id: i for i, p in enumerate(alignment.passages)}
    return rank(merged, order)
