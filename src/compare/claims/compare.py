"""Comparing quantity claims across outlets, story-wide, as intervals.

Why intervals: "nearly 50" and "more than 50" cannot both be true although
neither is exact, while "at least 30" and "31" can.  Each claim's words give
an interval (``QuantityClaim.low``..``high``); two claims conflict when
their intervals are disjoint, and merely differ in precision when an exact
figure lies inside a vague one ("300" and "hundreds").

Why story-wide but strict about what is counted: an outlet may give a toll
in its first paragraph and another in its last, so any two claims of two
articles are candidates; but only claims that count the same thing (the
same event and counted class, or the same head noun) over the same scope
(``Scope.differs``) are compared.  When an article gives the thing two
values, and one of them agrees with the other article, the two articles
agree: the other value is a part, an earlier count or a different group,
and the rules cannot tell which.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from compare.claims.quantities import CONVERSION_TOLERANCE, TO_BASE, QuantityClaim, same_governor
from compare.claims.scope import MONTHS

# How sure a comparison is, by what it rests on (1.0 = the rules are certain).
BASE_CONFIDENCE = 0.9
# Matched by a shared governing word, not a casualty or arrest event: never a headline.
GOVERNED_CONFIDENCE = 0.6
# Events whose counts are counts of people and whose words are unambiguous in news copy.
STRONG_EVENTS = frozenset({"death", "injury", "missing", "displaced", "arrest"})
MANY_VALUES_PENALTY = 0.25  # an article gives the same thing more than one value
PRECISION_CONFIDENCE = 0.55  # an exact figure vs a vague one it lies within
# Below this a finding is uncertain: never serious, never a headline.
UNCERTAIN = 0.7  # the same threshold as classify.merge.UNCERTAIN


@dataclass(frozen=True)
class Comparison:
    """Two claims of two articles that count the same thing, and how they relate."""

    a: QuantityClaim
    b: QuantityClaim
    relation: str  # "conflict" or "precision"
    confidence: float


@dataclass(frozen=True)
class Discrepancy:
    """Every claim that takes part in one story-wide discrepancy about one counted thing."""

    what: tuple[str, str, str]
    claims: tuple[QuantityClaim, ...]
    relation: str  # "conflict" when any two are incompatible, else "precision"
    confidence: float


def _bounds(c: QuantityClaim, widen: bool) -> tuple[float, float]:
    if widen and c.qualifier == "exact":
        return c.low * (1 - CONVERSION_TOLERANCE), c.high * (1 + CONVERSION_TOLERANCE)
    return c.low, c.high


def _as_written(a: QuantityClaim, b: QuantityClaim) -> QuantityClaim:
    """``a`` in ``b``'s unit when ``a``'s outlet gave that conversion itself.

    Its qualifier holds for the conversion too: "about \u00a31 billion ($1.4
    billion)" is about $1.4 billion (read blind, sixteenth round, it was set
    against another outlet's "$1.4 billion" in pounds).
    """
    if a.also is None or a.also[0] != b.unit:
        return a
    value = a.also[1] / TO_BASE.get(b.unit or "", 1.0)  # as written in b's unit: 40 (km)
    if a.qualifier == "exact" or not a.value:
        return replace(a, unit=b.unit, value=value, low=a.also[1], high=a.also[1])
    # The interval is in base units (metres for "about 25 miles"), and so is the
    # conversion's value (40,000 m for "(40 kilometers)"): scale by their ratio.  Read
    # blind (twenty-fourth round), scaling by the written 25 set "about 25 miles (40
    # kilometers)" against another outlet's "about 40 km" as a conflict.
    factor = a.also[1] / (a.value * TO_BASE.get(a.unit or "", 1.0))
    return replace(a, unit=b.unit, value=value, low=a.low * factor, high=a.high * factor)


def disjoint(a: QuantityClaim, b: QuantityClaim) -> bool:
    """True when no value satisfies both claims' intervals (open ends excluded)."""
    if a.unit != b.unit and (a.also or b.also):
        a, b = _as_written(a, b), _as_written(b, a)
    widen = a.unit != b.unit and a.converted and b.converted
    (alo, ahi), (blo, bhi) = _bounds(a, widen), _bounds(b, widen)
    if ahi < blo or bhi < alo or estimates_apart(a, b):
        return True
    if ahi == blo:
        return a.high_open or b.low_open
    if bhi == alo:
        return b.high_open or a.low_open
    return False


def estimates_apart(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Two "about" figures in one unit that no rounding makes one, an exact figure that
    does not round to an "about" one, or two different ranges ("between 12 million and
    15 million" / "... and 18 million"): two estimates.

    Why not their intervals: "about" lets a figure stray a fifth either way, so
    "about 31,000" and "about 38,500" passengers overlapped and read as one
    figure (read blind, a later outlet's revised count was no discrepancy).
    Each outlet chose its round figure; at the coarser figure's step they
    still differ, so they are two estimates.  "about 50" and "about 48" (48
    rounds to 50) or "about 31,000" and "about 30,000" at the step of ten
    thousand stay one.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "x", 0, 0, 0, False, False, "approx", "about",
    ...                   None, None, "people", "people", None, Scope(), None)
    >>> at = lambda v: replace(c, value=v)
    >>> estimates_apart(at(31_000), at(38_500)), estimates_apart(at(50), at(48))
    (True, False)
    >>> estimates_apart(at(31_000), at(30_000)), estimates_apart(at(200), at(250))
    (False, True)
    >>> exact = lambda v: replace(c, value=v, qualifier="exact")
    >>> estimates_apart(at(540_000), exact(610_000)), estimates_apart(at(50), exact(48))
    (True, False)
    """
    if a.qualifier == b.qualifier == "range" and a.unit == b.unit:
        return (a.low, a.high) != (b.low, b.high)  # two estimates given as ranges
    if a.unit != b.unit or a.value == b.value or "approx" not in (a.qualifier, b.qualifier):
        return False
    if {a.qualifier, b.qualifier} == {"approx", "exact"}:
        # "around 540,000" / "610,000": the exact figure rounded as the estimate is written
        # is another figure (read blind as "can both be true", being within a fifth).
        rough = a if a.qualifier == "approx" else b
        step = _step(rough.value)
    elif a.qualifier == b.qualifier == "approx":
        step = max(_step(a.value), _step(b.value))
    else:
        return False
    return math.floor(a.value / step + 0.5) != math.floor(b.value / step + 0.5)


def _step(x: float) -> float:
    """The place of a figure's last significant digit (3.2e9 -> 1e8, 41000 -> 1000).

    >>> _step(3.2e9), _step(41_000), _step(3.18)
    (100000000.0, 1000.0, 0.01)
    """
    if x == 0:
        return 1.0
    text = f"{abs(x):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    return 10.0 ** (len(text) - len(text.rstrip("0")))


def rounding(a: QuantityClaim, b: QuantityClaim) -> bool:
    """True when two exact figures in one unit are one amount, one of them rounded.

    The rounded figure must keep two significant digits or more ("3.2
    billion" for 3.18 billion, "41,000" for 41,212), so "40" is not "41"
    rounded: small counts are not rounded in news copy.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "x", 0, 0, 0, False, False, "exact", "",
    ...                   "dollar", "money", None, None, None, Scope(), None)
    >>> at = lambda v: replace(c, value=v, low=v, high=v)
    >>> rounding(at(3.18e9), at(3.2e9)), rounding(at(41_212), at(41_000)), rounding(at(41), at(40))
    (True, True, False)
    """
    if a.qualifier != "exact" or b.qualifier != "exact" or a.unit != b.unit or a.low == b.low:
        return False
    coarse, fine = sorted((a.low, b.low), key=_step, reverse=True)
    step = _step(coarse)
    if step <= _step(fine) or abs(coarse) / step < 10:
        return False
    return round(fine / step) * step == coarse


ROUNDED_SHARE = 0.05  # how far an estimate may lie from the figure it rounds


def rounded_estimate(a: QuantityClaim, b: QuantityClaim) -> bool:
    """True when an estimate is an exact figure rounded ("about 350,000" for 347,000).

    Unlike ``rounding``, small figures count too ("about 40" for 41): the
    writer says the figure is rounded; but within ``ROUNDED_SHARE`` of it.
    Read blind, both were judged the same amount, not worth an editor's time
    as a conflict.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "x", 0, 0, 0, False, False, "exact", "",
    ...                   None, None, "miner", "miner", None, Scope(), None)
    >>> exact = lambda v: replace(c, value=v, low=v, high=v)
    >>> about = lambda v: replace(c, value=v, low=0.8 * v, high=1.2 * v, qualifier="approx")
    >>> rounded_estimate(about(350_000), exact(347_000)), rounded_estimate(exact(41), about(40))
    (True, True)
    >>> rounded_estimate(about(40), exact(46)), rounded_estimate(about(40), about(41))
    (False, False)
    >>> rounded_estimate(about(10), exact(8))
    False
    """
    if {a.qualifier, b.qualifier} != {"approx", "exact"} or a.unit != b.unit:
        return False
    estimate, exact = (a, b) if a.qualifier == "approx" else (b, a)
    if estimate.value == exact.value:
        return False
    if abs(estimate.value - exact.value) > ROUNDED_SHARE * abs(exact.value):
        return False  # "about 10" minutes for eight: rounded to tens, but a quarter off
    step = _step(estimate.value)
    return step > _step(exact.value) and round(exact.value / step) * step == estimate.value


def unit_swap(a: QuantityClaim, b: QuantityClaim) -> bool:
    """True when two figures of one measure are the same number in different units.

    "about 150 metres" / "about 150 feet", "14 nautical miles" / "14 miles":
    one outlet has most likely the wrong unit; read blind, both were missed
    (the figures were not held to one event, or "about" made their ranges
    overlap).  Not a conversion ("4 metres (13 feet)" gives two numbers).

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "x", 150, 150, 150, False, False, "exact", "",
    ...                   "metre", "length", None, "beyond", None, Scope(), None)
    >>> unit_swap(c, replace(c, unit="foot")), unit_swap(c, replace(c, unit="metre"))
    (True, False)
    >>> unit_swap(c, replace(c, unit="foot", value=490))
    False
    """
    if a.unit is None or b.unit is None or a.unit == b.unit or a.dimension != b.dimension:
        return False
    if a.dimension in (None, "money", "time") or a.value != b.value or not a.value:
        return False
    fa, fb = TO_BASE.get(a.unit), TO_BASE.get(b.unit)
    return fa is not None and fb is not None and abs(fa - fb) > CONVERSION_TOLERANCE * max(fa, fb)


def relation(a: QuantityClaim, b: QuantityClaim) -> str:
    """ "same", "consistent", "precision" or "conflict" for two claims of one thing.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "50", 50, 50, 50, False, False, "exact", "",
    ...                   None, None, "aftershock", "aftershock", None, Scope(), None)
    >>> nearly = replace(c, low=42.5, high=50, high_open=True, qualifier="below")
    >>> over = replace(c, low=50, high=float("inf"), low_open=True, qualifier="min")
    >>> relation(nearly, over), relation(replace(c, value=31, low=31, high=31),
    ...                                   replace(c, low=30, high=float("inf"), qualifier="min"))
    ('conflict', 'consistent')
    >>> dozens = replace(c, low=24, high=99, qualifier="vague")
    >>> relation(replace(c, value=300, low=300, high=300),
    ...          replace(c, low=200, high=1999, qualifier="vague"))
    'precision'
    >>> relation(replace(c, low=48, high=72, qualifier="approx"), dozens)
    'precision'
    """
    if disjoint(a, b) or unit_swap(a, b):
        return "conflict"
    if (a.low, a.high, a.qualifier) == (b.low, b.high, b.qualifier):
        return "same"
    if (a.qualifier == "vague") != (b.qualifier == "vague") and a.dimension != "ratio":
        return "precision"  # "hundreds" against "600" or "about 600": a vaguer version
    # "a third" against "33%": a share in words is how shares are written, not a vaguer one
    return "consistent"


def comparable(a: QuantityClaim, b: QuantityClaim) -> bool:
    """Whether two claims count the same thing over the same scope.

    A count with no event word ("13 villages") is known only by its noun, so
    a place named for one figure and not the other ("13 villages in the
    north" vs "seven villages") already makes them different counts.
    """
    if a.what is None or a.what != b.what or a.scope.differs(b.scope):
        return False
    if (past := past_months(a)) != past_months(b) and not (
        past & (a.scope.period | b.scope.period)
    ):
        return False  # "its 18 crew were held ... in March" in a June story: an earlier event
    return a.what[1] != "-" or a.scope.places == b.scope.places


PAST_MONTHS = 6  # a month named this many months or fewer before publication is past


def past_months(c: QuantityClaim) -> frozenset[str]:
    """The months a figure's scope names that lie before its article's publication month.

    Why: "The tanker Serapis Star and its 18 crew were held ... after being
    taken in March", in an article of 12 June, counts another, earlier
    seizure's crew; read blind, it was set against this ship's 21 crew.  A
    year named for one figure only already marks an earlier event
    (``Scope.differs``); a month needs the article's date to tell.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "18", 18, 18, 18, False, False, "exact", "",
    ...                   None, None, "crew", "crew", "arrest", Scope(frozenset({"march"})),
    ...                   "2025-06-12")
    >>> sorted(past_months(c)), past_months(replace(c, published="2025-03-20"))
    (['march'], frozenset())
    """
    if not c.published or len(c.published) < 7:
        return frozenset()
    now = int(c.published[5:7])
    return frozenset(
        m
        for m in c.scope.period
        if m in MONTHS and 1 <= (now - 1 - MONTHS.index(m)) % 12 <= PAST_MONTHS
    )


def _distinct(claims: Sequence[QuantityClaim]) -> int:
    """Values an article gives the thing; a vague amount beside a precise one adds none
    ("tens of thousands" in the lede, "about 31,000" below it: one figure)."""
    precise = [c for c in claims if c.qualifier != "vague"] or list(claims)
    return len({(c.low, c.high, c.qualifier) for c in precise})


def _anchored(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Whether two claims are anchored in the same event: a casualty or arrest count, or one verb.

    Why: read on real political coverage, figures matched by their noun alone
    ("198 people" he follows / a speech to "45,000 people", "two more debates"
    / "the second of three debates") were nearly all different counts.  A
    count of people killed, hurt, missing, displaced or arrested names its
    event; any other figure is compared only when the same word governs it
    in both sentences ("suffered 78% burns" / "suffered over 80% burns").
    """
    assert x.what is not None
    measure, event, _counted = x.what
    if measure == "count" and event in STRONG_EVENTS:
        return True
    return same_governor(x, y) or unit_swap(x, y)


def _precise(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Can two agreeing claims show the articles agree: is neither a vague amount?

    Why: both outlets' "tens of thousands of passengers" agree, but say nothing
    of "about 31,000" against "about 38,500" (read blind: the revised count was
    never compared).  Vague amounts that agree still hide a mere difference of
    precision; only two precise figures that conflict are reported past them.
    """
    return x.qualifier != "vague" and y.qualifier != "vague"


def compare_pair(xs: Sequence[QuantityClaim], ys: Sequence[QuantityClaim]) -> list[Comparison]:
    """Discrepancies between two articles' claims, one per counted thing at most."""
    out = []
    keys = {c.what for c in xs if c.what is not None} & {c.what for c in ys if c.what is not None}
    for key in sorted(keys, key=str):
        pairs = [
            (x, y) for x in xs if x.what == key for y in ys if y.what == key and comparable(x, y)
        ]
        if not pairs:
            continue
        rels = [(relation(x, y), x, y) for x, y in pairs]
        agree = [(x, y) for r, x, y in rels if r in ("same", "consistent")]
        if any(_precise(x, y) for x, y in agree):
            continue  # the articles agree on this thing somewhere
        if agree and not any(r == "conflict" and _precise(x, y) for r, x, y in rels):
            continue  # vague amounts agree, and no two precise figures conflict
        rels = [(r, x, y) for r, x, y in rels if r in ("conflict", "precision") and _anchored(x, y)]
        if not rels:
            continue
        kind = "conflict" if any(r == "conflict" for r, _x, _y in rels) else "precision"
        first = min(
            ((x, y) for r, x, y in rels if r == kind), key=lambda p: (p[0].start, p[1].start)
        )
        confidence = BASE_CONFIDENCE if kind == "conflict" else PRECISION_CONFIDENCE
        if key[0] != "count" or key[1] not in STRONG_EVENTS:
            confidence = min(confidence, GOVERNED_CONFIDENCE)
        xs_k = [x for x, _y in pairs]
        ys_k = [y for _x, y in pairs]
        if _distinct(xs_k) > 1 or _distinct(ys_k) > 1:
            confidence -= MANY_VALUES_PENALTY
        out.append(Comparison(first[0], first[1], kind, round(confidence, 2)))
    return out


def compare_story(claims: Mapping[str, Sequence[QuantityClaim]]) -> list[Discrepancy]:
    """Story-wide discrepancies: each outlet pair compared, grouped by what is counted.

    One discrepancy per counted thing lists every claim that takes part in
    it, so three outlets giving 21, 24 and 27 dead make one finding.
    """
    groups: dict[tuple[str, str, str], list[Comparison]] = {}
    for a, b in combinations(sorted(claims), 2):
        for comp in compare_pair(claims[a], claims[b]):
            assert comp.a.what is not None
            groups.setdefault(comp.a.what, []).append(comp)
    out = []
    for what, comps in groups.items():
        conflicts = [c for c in comps if c.relation == "conflict"]
        chosen = conflicts or comps
        seen: dict[tuple[str, int], QuantityClaim] = {}
        for c in chosen:
            for claim in (c.a, c.b):
                seen.setdefault((claim.article_id, claim.start), claim)
        out.append(
            Discrepancy(
                what,
                tuple(sorted(seen.values(), key=lambda c: (c.article_id, c.start))),
                "conflict" if conflicts else "precision",
                max(c.confidence for c in chosen),
            )
        )
    return sorted(out, key=lambda d: (-d.confidence, d.what))


def _same_value(a: QuantityClaim, b: QuantityClaim) -> bool:
    same_unit = a.unit == b.unit and a.dimension == b.dimension
    return same_unit and ((a.low, a.high) == (b.low, b.high) or rounding(a, b))


def stated_together(
    claims: Mapping[str, Sequence[QuantityClaim]], x: QuantityClaim, y: QuantityClaim
) -> bool:
    """True when an article gives both figures in one sentence, so they are two amounts.

    Why: "the federal rate was 30%, while the combined rate was 40%" in one
    outlet shows that another's "30%" and a third's "40%" are two measures
    (or two moments), not two versions of one figure.  The article may be one
    of the two compared, in another sentence: "... slaps 25% tariff" against
    "... raise tariff to 35 per cent", whose article says "a total tariff of 35
    per cent ... an additional 25 per cent duty" (read blind, twelfth round).  Casualty and arrest
    counts are left out: "the toll rose from 12 to 15" makes 12 an earlier
    figure, which the finding's time note already tells.

    >>> from compare.claims.quantities import sentence_claims
    >>> from compare.model import Sentence
    >>> from compare.align.segment import tokenize
    >>> def read(aid, text):
    ...     return sentence_claims(aid, Sentence(aid, 0, 0, 0, len(text), 1, text, tokenize(text)))
    >>> a, b = read("a", "Its rate was 30 percent."), read("b", "Its rate was 40 percent.")
    >>> c = read("c", "Its rate was 30 percent, while the combined rate was 40 percent.")
    >>> stated_together({"a": a, "b": b, "c": c}, a[0], b[0])
    True
    >>> stated_together({"a": a, "b": b}, a[0], b[0])
    False
    >>> b2 = read("b", "Its rate was 40 percent.") + tuple(
    ...     replace(c, sentence=1) for c in read("b", "It was 30 percent, and then 40 percent."))
    >>> stated_together({"a": a, "b": b2}, a[0], b2[0])
    True
    """
    if x.event in STRONG_EVENTS or y.event in STRONG_EVENTS:
        return False
    compared = {(x.article_id, x.sentence), (y.article_id, y.sentence)}
    for aid, found in claims.items():
        found = [c for c in found if (aid, c.sentence) not in compared]
        sentences = {c.sentence for c in found if _same_value(c, x)}
        if any(c.sentence in sentences and _same_value(c, y) for c in found):
            return True
    return False
