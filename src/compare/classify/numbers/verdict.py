"""Whether two figures count the same thing, and how their values relate.

Why apart from the pairing: "12 villages" is not a count of people, "about
41,000" is the exact 41,212 rounded, and "hundreds" agrees with 500; these
judgements are the same whether the figures stand in one aligned passage or
in two, so the pairing in ``numbers`` and the wording in
``numbers.findings`` both ask here.
"""

from __future__ import annotations

from compare.claims.number_lexicon import things
from compare.claims.number_parse import Quantity


def _things_compatible(x: Quantity, y: Quantity) -> bool | None:
    """True/False when both name what they count; None when one does not."""
    if x.unit or y.unit:
        return x.unit == y.unit
    if x.noun and y.noun and x.noun == y.noun:
        return True
    if x.thing and y.thing:
        if x.thing == y.thing:
            return True
        parents = {c: p for c, p, _d in things().values()}
        return parents.get(x.thing) == y.thing or parents.get(y.thing) == x.thing
    if x.noun and y.noun:
        return False
    return None


def compatible(x: Quantity, y: Quantity, *, same_slot: bool, cross: bool = False) -> bool:
    """Whether two quantities could count the same thing.

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> a = quantities(tokenize("It killed at least 12 miners."))[0]
    >>> b = quantities(tokenize("Officials said 15 people were killed."))[0]
    >>> c = quantities(tokenize("Forces took 12 villages."))[0]
    >>> compatible(a, b, same_slot=False), compatible(b, c, same_slot=False)
    (True, False)
    """
    if x.event and y.event and x.event != y.event:
        return False
    things_ok = _things_compatible(x, y)
    if things_ok is False:
        return False
    if cross:
        return bool(things_ok) and x.event is not None and x.event == y.event
    if things_ok:
        return True
    return same_slot or (x.event is not None and x.event == y.event)


def rounded(x: Quantity, y: Quantity) -> bool:
    """True when one figure is exact and the other an approximate rounding of it.

    Why: in one passage, "a crowd of 41,212" and "about 41,000 fans" are the
    same figure even when their nouns differ; the rounding itself is what a
    reader should see (an exact count vs a hedged one).

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> q = lambda s: quantities(tokenize(s))[0]
    >>> rounded(q("a crowd of 41,212"), q("about 41,000 fans"))
    True
    >>> rounded(q("a crowd of 41,212"), q("about 38,000 fans"))
    False
    >>> rounded(q("41,212 fans"), q("41,000 seats"))
    False
    >>> rounded(q("about \u00a31 billion"), q("$1.4 billion"))
    False
    """
    if x.unit != y.unit:
        return False  # "about \u00a31 billion" is no rounding of "$1.4 billion" (sixteenth round)
    pair = sorted((x, y), key=lambda q: q.hedge != "approx")
    approx, exact = pair
    if approx.hedge != "approx" or exact.hedge != "exact" or exact.value != exact.high:
        return False
    value = int(approx.value)
    if value != approx.value or value <= 0:
        return False
    step = 1
    while value % (step * 10) == 0:
        step *= 10
    return step >= 10 and exact.value != value and round(exact.value / step) * step == value


def _interval(q: Quantity) -> tuple[float, float]:
    if q.hedge == "min":
        return q.value, float("inf")
    if q.hedge == "max":
        return 0.0, q.value
    if q.hedge == "approx":
        return q.value * 0.8, q.value * 1.2
    return q.value, q.high


def verdict(x: Quantity, y: Quantity) -> str:
    """ "same", "hedge" (same figure, qualified differently), "consistent" or "conflict".

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> q = lambda s: quantities(tokenize(s))[0]
    >>> verdict(q("more than 500 workers"), q("over 500 workers"))
    'same'
    >>> verdict(q("48 passengers"), q("over 40 passengers"))
    'conflict'
    >>> verdict(q("hundreds of people"), q("500 people"))
    'consistent'
    """
    if "vague" in (x.hedge, y.hedge):
        if x.hedge == y.hedge and (x.value, x.high) == (y.value, y.high):
            return "same"
        (xl, xh), (yl, yh) = _interval(x), _interval(y)
        return "consistent" if xl <= yh and yl <= xh else "conflict"
    if (x.value, x.high) == (y.value, y.high):
        return "same" if x.hedge == y.hedge or _implied(x, y) or _implied(y, x) else "hedge"
    return "conflict"


def _implied(x: Quantity, y: Quantity) -> bool:
    """Is ``x`` "a dozen" against ``y``'s exact 12: roundness the word implies, no hedge?

    Why: "a dozen" is read as approximate (it may be eleven or thirteen), but
    beside another outlet's exact 12 nothing was qualified; read blind, "a
    dozen officers" / "12 officers" as a hedge change was judged wrong.  An
    approximator in words ("about a dozen") is still a hedge.
    """
    return x.hedge == "approx" and not x.hedge_text and y.hedge == "exact"
