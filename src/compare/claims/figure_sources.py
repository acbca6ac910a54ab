"""A toll credited to a source in one outlet and stated as the outlet's own in another.

Why apart from ``attributed_compare``: a casualty or arrest count is the
claim outlets most often credit ("41 people died, officials said") and most
often restate in other words ("The death toll has climbed to about 40"), so
the content words differ and their cosine misses the pair; but the quantity
layer (``claims.quantities``) knows both figures count one thing: the same
event and counted class, no differing scope, values close enough to be one
count reported at two moments.

The figure is "stated as fact" only when every sentence of that article
giving a figure for the same count (same scope) is in the outlet's own voice
(``attributed.FACT``): an outlet that credits the toll once and repeats it
later has sourced it.  A pair is reported as ``unsourced``
(``attributed_compare.AttributionDiff``) with ``CONFIDENCE``: the rules do
not check that the two sentences speak of the same victims.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.claims.attributed import CREDITED, FACT, AttributedClaim
from compare.claims.attributed_compare import AttributionDiff, story_claims
from compare.claims.compare import STRONG_EVENTS
from compare.claims.quantities import QuantityClaim, article_claims
from compare.model import Article

# Two figures further apart than this factor are two counts, not one reported twice
# ("23 killed" on Monday, "about 40" on Tuesday is an update; "14" and "hundreds" is not).
CLOSE = 1.5
# The victims are not compared, only their count: below ``classify.merge.UNCERTAIN``,
# so such a finding is never a headline.
CONFIDENCE = 0.6
# Words that open a relative or descriptive clause before a figure ("in which 50 died",
# "that left 50 dead", "with 50 killed"), and the marks that close such a clause.
_SUBORDINATE = frozenset({"which", "who", "whom", "whose", "that", "where", "with"})
_CLAUSE_BREAK = frozenset({",", ";", ":", "\u2014", "\u2013", "(", ")"})


def close(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Can two figures be one count, stated at two moments or to another precision?

    >>> from compare.align.segment import tokenize
    >>> from compare.claims.quantities import sentence_claims
    >>> from compare.model import Sentence
    >>> def q(text):
    ...     s = Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text))
    ...     return sentence_claims("a", s)[0]
    >>> close(q("41 people died."), q("About 40 people died."))
    True
    >>> close(q("14 people died."), q("600 people died."))
    False
    """
    if x.low <= y.high and y.low <= x.high:
        return True
    small, large = sorted((abs(x.value), abs(y.value)))
    return small > 0 and large <= CLOSE * small


def figure_diffs(articles: Sequence[Article]) -> list[AttributionDiff]:
    """Each toll stated as fact in one outlet that another credits to a source."""
    said = story_claims(articles)
    status = {(c.article_id, c.sentence): c for cs in said.values() for c in cs}
    figures = {a.id: article_claims(a) for a in articles}
    out: list[AttributionDiff] = []
    seen: set[tuple[str, int, str, int]] = set()
    for b, ys in figures.items():
        for y in ys:
            fact = status.get((b, y.sentence))
            if fact is None or fact.status != FACT or not _counted(y) or not _in_content(y, fact):
                continue
            if not _own_voice_only(y, ys, status):
                continue
            for a, xs in figures.items():
                if a == b:
                    continue
                for x, credited in _credited(x_list=xs, status=status):
                    key = (a, x.sentence, b, y.sentence)
                    if key in seen or x.what != y.what or not _same_count(x, y):
                        continue
                    seen.add(key)
                    pair = (x.text, y.text)
                    out.append(AttributionDiff("unsourced", credited, fact, 0.0, CONFIDENCE, pair))
    return out


def _counted(q: QuantityClaim) -> bool:
    """A count in a serious event ("killed", "arrested"), what outlets credit; not a vague
    amount ("scores", "hundreds"), which says too little to be taken for the same count."""
    serious = q.what is not None and q.event in STRONG_EVENTS and q.dimension is None
    return serious and q.qualifier != "vague"


def _in_content(q: QuantityClaim, claim: AttributedClaim) -> bool:
    """Is the figure what the sentence claims, not a detail of it?

    It must stand in the claim's content (not in "police, who held 14, said")
    and in a main clause: in "X said the attack, in which 50 died, was terror"
    or "a shooting that left 50 dead" the toll is a description the speaker
    is not credited with, nor the outlet asserting as its news.
    """
    at = next((k for k, t in enumerate(claim.content) if t.start <= q.start < t.end), None)
    if at is None:
        return False
    for t in reversed(claim.content[:at]):
        if t.norm in _CLAUSE_BREAK:
            break
        if t.norm in _SUBORDINATE:
            return False
    return True


def _same_count(x: QuantityClaim, y: QuantityClaim) -> bool:
    return not x.scope.differs(y.scope) and close(x, y)


def _own_voice_only(
    y: QuantityClaim,
    ys: Sequence[QuantityClaim],
    status: Mapping[tuple[str, int], AttributedClaim],
) -> bool:
    """Does the article give this count only in its own voice (never credited or hedged)?"""
    for o in ys:
        if o.what != y.what or o.scope.differs(y.scope):
            continue
        c = status.get((o.article_id, o.sentence))
        if c is None or c.status != FACT:
            return False
    return True


def _credited(
    x_list: Sequence[QuantityClaim], status: Mapping[tuple[str, int], AttributedClaim]
) -> list[tuple[QuantityClaim, AttributedClaim]]:
    """The counts of an article stated in a sentence credited to a named speaker."""
    out = []
    for x in x_list:
        c = status.get((x.article_id, x.sentence))
        credited = c is not None and c.status == CREDITED and bool(c.speaker)
        if c is not None and credited and _counted(x) and _in_content(x, c):
            out.append((x, c))
    return out
