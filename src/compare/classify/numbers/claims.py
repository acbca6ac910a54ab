"""Number findings from the claim layer: story-wide discrepancies, and a guard on the others.

Why: the passage rules in ``numbers`` compare figures inside one aligned
passage (and a few across), and so miss a toll stated in another paragraph
in other words; and they can set "300 arrested tonight" against "4,100
arrested since March".  The claim layer (``compare.claims``) reads every
figure with what it counts and its scope, so this module (1) adds a finding
for each story-wide discrepancy the passage rules did not report, and (2)
drops a passage finding whose two figures the claim layer reads as
counting over different scopes.  Every finding it makes carries a
confidence; an uncertain one is never more serious than MEDIUM.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from compare.claims.compare import (
    STRONG_EVENTS,
    UNCERTAIN,
    Discrepancy,
    comparable,
    compare_story,
    disjoint,
    rounded_estimate,
    rounding,
    stated_together,
    unit_swap,
)
from compare.claims.figures import length_name
from compare.claims.number_lexicon import events, thing_display, things
from compare.claims.precision import group_precision
from compare.claims.quantities import QuantityClaim, article_claims, same_governor, written_noun
from compare.classify.base import Candidate, Context, time_note
from compare.classify.numbers.findings import DATES_DIFFER, UPDATED
from compare.model import Kind, Severity, Span

CASUALTY_EVENTS = frozenset({"death", "injury", "missing"})
LOOSE_CONFIDENCE = 0.5  # a passage finding the claim layer cannot anchor
# Two unanchored figures further apart than this factor are taken as two amounts.
FAR_APART = 1.5


def story_claims(ctx: Context) -> dict[str, tuple[QuantityClaim, ...]]:
    """Every compared article's quantity claims."""
    return {aid: article_claims(article) for aid, article in ctx.articles.items()}


def _at(claims: Sequence[QuantityClaim], span: Span) -> QuantityClaim | None:
    """The claim whose figure the span quotes (overlaps), if any."""
    return next((c for c in claims if c.start < span.end and span.start < c.end), None)


def _both_qualified(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Are both figures qualified ("nearly 40" / "more than 40"), and their ranges disjoint?"""
    return x.qualifier != "exact" and y.qualifier != "exact" and disjoint(x, y)


def _over_a_span(claim: QuantityClaim) -> bool:
    """Is the figure a stretch of time after "over" ("the hearing was held over two days")?

    Why: "over" before a span of time most often says across it, not more
    than it; read blind (thirteenth round), "two days" / "over two days" was
    reported as one figure qualified differently, and judged wrong.
    """
    return claim.qualifier_text.casefold() == "over" and claim.dimension == "time"


def _conflict(cand: Candidate) -> Candidate:
    """A "same figure, qualified differently" finding whose qualified figures exclude each other.

    Why: "undetected for nearly 40 days" / "for more than 40 days" in aligned
    sentences was explained as one figure qualified two ways; "nearly 40" lies
    below 40 and "more than 40" above it, so the two cannot both be true.  The
    claim layer reports such a pair story-wide when it knows what is counted;
    where it does not, the aligned place makes them the same figure.
    """
    quoted = [s.text for spans in cand.spans.values() for s in spans]
    x, y = sorted(set(quoted), key=str.casefold)[:2] if len(set(quoted)) > 1 else (cand.label, "")
    return replace(
        cand,
        kind=Kind.NUMBER_DISCREPANCY,
        severity=Severity.MEDIUM,
        key="num:qualified:" + cand.key,
        label=f'"{x}" vs "{y}"',
        explanation=f'The figure differs: "{x}" vs "{y}". The qualified figures cannot both '
        "be true: one lies below the number, the other above it.",
    )


def _earlier_year(
    claims: Mapping[str, Sequence[QuantityClaim]], x: QuantityClaim, y: QuantityClaim
) -> bool:
    """Is one figure dated to a year the other's outlet gives its own figures for?

    Why: "The PUP took 41.8 percent" against "which won 47.5 per cent ... in 2021"
    set this election's share against the last one's, though the first outlet
    states 2021's figures in a sentence of their own ("In 2021, the PUP won 47.5
    percent").  A year named for one figure only proves nothing by itself ("the
    largest crowd since it opened in 2009" / "about 41,000 fans"); an outlet that
    dates other figures to that year and not this one tells another moment.
    """
    for dated, bare in ((x, y), (y, x)):
        years = {p for p in dated.scope.period if p.isdigit()}
        if len(years) != 1 or any(c.isdigit() for p in bare.scope.period for c in p):
            continue  # a span of years ("from 2007 to 2014") or a dated other figure
        if any(years & c.scope.period for c in claims.get(bare.article_id, ()) if c is not bare):
            return True
    return False


def guard(
    ctx: Context,
    candidates: Sequence[Candidate],
    claims: Mapping[str, Sequence[QuantityClaim]] | None = None,
) -> list[Candidate]:
    """The passage rules' number findings, judged again by the claim layer.

    * dropped when the two figures have different scopes: the passage rules
      test what is counted, but not "in one province" against "in another",
      "tonight" against "since March", or a part against a whole; and
      dropped when a third outlet gives both figures in one sentence
      (``stated_together``: two measures, not two versions of one);
    * made LOW when one figure is the other rounded ("$3.18 billion" and
      "$3.2 billion"): the same amount, written to another precision;
    * made no more than HIGH when the ranges overlap ("at least 30" and
      "31" can both be true): a difference of precision or date, not of fact;
    * when the claim layer cannot anchor the two figures in one thing
      (``supported``): dropped if they stand in different passages, else
      kept as uncertain (never a headline): in aligned sentences a figure
      may be governed by a synonym ("halted" / "stopped for 10 minutes");
      but dropped when the figures are far apart (``far_apart``);
    * a "same figure, qualified differently" hedge change is dropped when
      the qualified ranges exclude each other ("nearly 50" lies below 50,
      "more than 50" above it): the claim layer reports that as a conflict.
    """
    claims = claims if claims is not None else story_claims(ctx)
    out = []
    for cand in candidates:
        numeric = cand.key.startswith("num:") or cand.kind is Kind.NUMBER_DISCREPANCY
        if cand.key.startswith("place:") or not numeric:
            out.append(cand)
            continue
        found = [
            c
            for aid, spans in cand.spans.items()
            for span in spans
            if (c := _at(claims.get(aid, ()), span)) is not None
        ]
        pairs = [(x, y) for k, x in enumerate(found) for y in found[k + 1 :]]
        if cand.kind is Kind.HEDGE_CHANGE:
            if any(_over_a_span(c) for c in found):
                continue  # "held over two days": across them, not more than them
            if not any(disjoint(x, y) for x, y in pairs):
                out.append(cand)
            elif not any(_both_qualified(x, y) for x, y in pairs):
                # "10 hours" / "more than 10 hours": a round figure and a bound on it, read
                # as one figure hedged, not as two that exclude each other.
                out.append(cand)
            elif not any(disjoint(x, y) and comparable(x, y) for x, y in pairs):
                out.append(_conflict(cand))  # the claim layer reports it when comparable
            continue
        if any(x.scope.differs(y.scope, stated=True) for x, y in pairs):
            continue
        if pairs and all(_contrasted(ctx, x, y) for x, y in pairs):
            continue  # "seven domestic routes" / "nine international routes": two counts
        if any(_earlier_year(claims, x, y) for x, y in pairs):
            continue
        spans = sum(len(ss) for ss in cand.spans.values())
        if cand.kind is Kind.NUMBER_DISCREPANCY and _whole_group(ctx, cand, found, claims):
            continue
        if cand.kind is Kind.NUMBER_DISCREPANCY and 0 < len(found) < spans:
            # One figure is a count, the other one the claim layer reads as none: a
            # label ("Route 9") or a compound adjective ("the 12-nation deal" beside
            # "11 nations"; "a 72-hour truce" against "a 48-hour truce" stays sure).
            if any(c.scope.places or c.scope.part for c in found):
                # "about 1,100 of them in the UK" against "its 78,000-strong workforce":
                # a count of one place or part is no size of a whole (sixteenth round)
                continue
            cand = _uncertain(cand, 'one of them describes something else, as in "a two-day visit"')
        if pairs and all(stated_together(claims, x, y) for x, y in pairs):
            continue
        if pairs and not any(supported(x, y) for x, y in pairs):
            if cand.passage_id is None or all(far_apart(x, y) for x, y in pairs):
                continue
            cand = _uncertain(cand, "different words govern them")
        if cand.kind is Kind.NUMBER_DISCREPANCY and (told := update_told(ctx, found, claims)):
            cand = replace(
                cand, severity=max(cand.severity, Severity.LOW), explanation=cand.explanation + told
            )
        if pairs and all(rounding(x, y) or rounded_estimate(x, y) for x, y in pairs):
            # The same amount: the days the articles came out say nothing about it, and the
            # time line would show it among the figures that changed between them.
            undated = cand.explanation.replace(DATES_DIFFER + UPDATED, "")
            cand = replace(
                cand,
                severity=max(cand.severity, Severity.LOW),
                explanation=undated.replace(DATES_DIFFER + ".", "")
                + " One figure is the other rounded: the same amount, to another precision.",
                time_note=None,
            )
        elif (
            pairs
            and not any(disjoint(x, y) for x, y in pairs)
            and not all(x.qualifier == y.qualifier == "approx" for x, y in pairs)
        ):
            # Not for two estimates ("about 230" / "about 320"): their margins overlap,
            # but a reader takes them as two different figures, not a bound and a value.
            cand = replace(
                cand,
                severity=max(cand.severity, Severity.HIGH),
                explanation=cand.explanation
                + " The figures can both be true: one is a bound or range the other lies within.",
            )
        out.append(cand)
    return out


UPDATE_REACH = 40  # characters of the later article quoted on either side of its earlier figure


def update_told(
    ctx: Context,
    found: Sequence[QuantityClaim],
    claims: Mapping[str, Sequence[QuantityClaim]],
) -> str:
    """A sentence saying the latest article gives the others' figure as the earlier one, or "".

    Why: "Three children were in intensive care, up from two on Monday" and
    "On Monday officials had reported 47 cases" tell the reader the figure was
    updated; read blind, every such difference reported as a conflict was
    judged wrong.  Each figure of an earlier-dated article must also stand in
    the latest article: in the sentence of its own figure, or measuring the
    same thing (``_one_measure``).  Such a finding is kept, at LOW, with this
    said.
    """
    dated = [(d, c) for c in found if (d := ctx.published(c.article_id)) is not None]
    if len(dated) < len(found) or not found:
        return ""
    latest = max(d for d, _ in dated)
    later = [c for d, c in dated if d == latest]
    earlier = {c.value for d, c in dated if d < latest}
    if not earlier:
        return ""
    told = []
    for value in sorted(earlier):
        mention = next(
            (
                m
                for c in later
                for m in claims.get(c.article_id, ())
                if m.value == value and m.start != c.start and _one_measure(m, c)
            ),
            None,
        )
        if mention is None:
            return ""
        told.append(mention)
    first = told[0]
    article = ctx.articles[first.article_id]
    sentence = article.sentences[first.sentence]
    lo = max(sentence.start, first.start - UPDATE_REACH)
    hi = min(sentence.end, first.end + UPDATE_REACH)
    lo = lo if lo == sentence.start else article.text.find(" ", lo, first.start) + 1 or lo
    hi = hi if hi == sentence.end else (article.text.rfind(" ", first.end, hi) + 1 or hi) - 1
    quote = " ".join(article.text[lo:hi].split())
    return (
        f" {article.outlet}, published last, gives the earlier figure too (\u201c{quote}\u201d):"
        " it reports an update, not a conflict."
    )


def _one_measure(m: QuantityClaim, c: QuantityClaim) -> bool:
    """Could ``m`` be an earlier value of ``c``: in its sentence, or of its unit and its event
    or counted noun ("47 cases" for "53 confirmed cases", "11 children in hospital" for "14
    children hospitalised": outlets' event words vary)."""
    if m.sentence == c.sentence:
        return True
    if (m.unit, m.dimension) != (c.unit, c.dimension):
        return False
    if m.event is not None and c.event is not None and m.event != c.event:
        return False  # "four people were held" in 2013 is no earlier "five dead"
    return (m.event is not None and m.event == c.event) or (
        m.counted is not None and m.counted == c.counted
    )


# Modifiers that split one kind of thing into parts no count of one is a count of the
# other ("domestic" / "international" routes): general English opposites.
_CONTRASTS = frozenset(
    frozenset(pair)
    for pair in (
        ("domestic", "international"), ("domestic", "foreign"), ("local", "foreign"),
        ("male", "female"), ("adult", "child"), ("civilian", "military"),
        ("public", "private"), ("permanent", "temporary"), ("inbound", "outbound"),
        ("primary", "secondary"), ("urban", "rural"), ("full-time", "part-time"),
        ("northern", "southern"), ("eastern", "western"), ("short-haul", "long-haul"),
    )
)  # fmt: skip
MODIFIERS_REACH = 3  # words between a figure and the noun it counts


def _modifiers(ctx: Context, c: QuantityClaim) -> set[str]:
    """The words between a figure and its counted noun ("seven *domestic* routes")."""
    article = ctx.articles.get(c.article_id)
    if article is None or c.noun is None or c.sentence >= len(article.sentences):
        return set()
    after = [t for t in article.sentences[c.sentence].tokens if t.start >= c.end]
    out: set[str] = set()
    for t in after[:MODIFIERS_REACH]:
        if t.norm.startswith(c.noun):
            return out
        out.add(t.norm)
    return set()  # the noun is not within reach: no modifiers read


def _contrasted(ctx: Context, x: QuantityClaim, y: QuantityClaim) -> bool:
    """Do two figures count one noun under opposite modifiers ("seven domestic routes" /
    "nine international routes")?  Read blind (twenty-third round), such a pair was called
    a discrepancy; the outlets' real one (seven against five domestic routes) was another.
    """
    mx, my = _modifiers(ctx, x), _modifiers(ctx, y)
    return any(frozenset((p, q)) in _CONTRASTS for p in mx for q in my)


def _whole_group(
    ctx: Context,
    cand: Candidate,
    found: Sequence[QuantityClaim],
    claims: Mapping[str, Sequence[QuantityClaim]],
) -> bool:
    """Is one figure a group's size ("the 12-nation deal") and the other one fewer, a count?

    Why: "a deal with 11 Pacific nations" and "the 12-nation deal" name one
    deal; the group's size counts the party making the deal too.  Read blind,
    such a pair was judged wrong ("no conflict: the 12-nation deal includes
    the United States").  A figure one more than a count, written as a
    compound adjective ("N-nation", "N-member"), is that whole group, not
    another version of the count.
    """
    counted = {c.value for c in found}
    for aid, spans in cand.spans.items():
        text = ctx.articles[aid].text
        for span in spans:
            if _at(claims.get(aid, ()), span) is not None:
                continue  # a count the claim layer reads: not the compound adjective
            if not (
                text[span.end : span.end + 1] == "-" and text[span.end + 1 : span.end + 2].isalpha()
            ):
                continue
            if span.text.isdigit() and int(span.text) - 1 in counted:
                return True
    return False


def _uncertain(cand: Candidate, why: str) -> Candidate:
    """``cand`` as an uncertain finding (never a headline), its explanation saying ``why``."""
    return replace(
        cand,
        severity=max(cand.severity, Severity.MEDIUM),
        confidence=min(cand.confidence, LOOSE_CONFIDENCE),
        explanation=cand.explanation
        + f" The rules are not sure both figures count the same thing ({why}).",
    )


def supported(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Whether the claim layer finds two figures about one thing: the same casualty or
    arrest event, or the same counted thing governed by the same word.

    Why: on real political coverage (BASIL), nearly every passage finding
    without such an anchor set two different amounts side by side ("paid
    $43 million in taxes" / "earned $139 million", "move $8 billion" /
    "divert $3.6 billion").
    """
    if x.event is not None and x.event == y.event and x.event in STRONG_EVENTS:
        return x.dimension is None and y.dimension is None
    same_thing = x.what == y.what and x.dimension == y.dimension
    return same_thing and same_governor(x, y)


def far_apart(x: QuantityClaim, y: QuantityClaim) -> bool:
    """True when the larger figure is more than ``FAR_APART`` times the smaller.

    Why: two outlets' versions of one figure differ by a rounding, an update
    or a slip ("7.4%" / "9%", "eight minutes" / "about 10"); unanchored
    figures much further apart in paired sentences were, on real political
    coverage (BASIL 2010-2015: taxes paid / income earned, a watch's price /
    the sum spent, an 8-year span / 15 years since), different amounts every
    time.  Only findings the claim layer cannot anchor are dropped this way;
    a death toll that rose from 12 to 40 is anchored by its event.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "x", 0, 0, 0, False, False, "exact", "",
    ...                   "dollar", "money", None, None, None, Scope(), None)
    >>> at = lambda v: replace(c, value=v, low=v, high=v)
    >>> far_apart(at(43e6), at(139e6)), far_apart(at(7.4), at(9)), far_apart(at(0), at(5))
    (True, False, True)
    """
    small, large = sorted((abs(x.value), abs(y.value)))
    return large > FAR_APART * small


def _covered(d: Discrepancy, candidates: Sequence[Candidate]) -> bool:
    """True when a passage finding already quotes these figures in two of the articles, and
    in every article of the discrepancy when it has more: "24" / "27" in one passage must
    not hide a third outlet's "21" told in a sentence of its own (the merge then joins the
    two findings, listing each figure)."""
    wanted = len({c.article_id for c in d.claims})
    for cand in candidates:
        if cand.kind not in (Kind.NUMBER_DISCREPANCY, Kind.HEDGE_CHANGE):
            continue
        hit = {
            c.article_id
            for c in d.claims
            for s in cand.spans.get(c.article_id, ())
            if s.start < c.end and c.start < s.end
        }
        if len(hit) >= max(2, wanted):
            return True
    return False


def claim_candidates(
    ctx: Context,
    existing: Sequence[Candidate],
    claims: Mapping[str, Sequence[QuantityClaim]] | None = None,
) -> list[Candidate]:
    """A candidate for each story-wide discrepancy the passage rules did not report.

    Conflicts, and differences of precision: a figure against a vague amount
    it lies within ("600" and "hundreds", "about 60" and "dozens"), which
    can both be true, so such a finding is LOW and uncertain (never a
    headline).  The same for a group sized exactly by one outlet and vaguely
    by another with no event word in either (``claims.precision``).
    """
    claims = claims if claims is not None else story_claims(ctx)
    out: list[Candidate] = []
    for d in [*compare_story(claims), *group_precision(claims)]:
        if d.relation == "precision" and not all(_sole_value(claims, c) for c in d.claims):
            continue  # another value for the thing in that article: which one is meant?
        pairs = [(x, y) for x in d.claims for y in d.claims if x.article_id < y.article_id]
        if pairs and all(stated_together(claims, x, y) for x, y in pairs):
            continue  # a third outlet gives both: two amounts
        if pairs and all(_contrasted(ctx, x, y) for x, y in pairs):
            continue  # "seven domestic routes" / "nine international routes": two counts
        if not _covered(d, [*existing, *out]):
            out.append(_candidate(ctx, d))
    return out


def _sole_value(claims: Mapping[str, Sequence[QuantityClaim]], c: QuantityClaim) -> bool:
    """True when ``c`` is its article's only value for what it counts."""
    return all(
        (o.low, o.high, o.qualifier) == (c.low, c.high, c.qualifier)
        for o in claims.get(c.article_id, ())
        if o.what is not None and o.what == c.what
    )


def subject(what: tuple[str, str, str], written: str | None = None) -> str:
    """ "The number of people killed", "The share of burns", "The figure in metres".

    ``written`` is the counted noun as an article wrote it ("protesters"),
    shown instead of its stem ("protest") when the noun is no listed class.
    """
    measure, event, counted = what
    verb = next((d for e, d, _i in events().values() if e == event), None)
    classes = {c for c, _p, _d in things().values()}
    shown = thing_display(counted) if counted in classes else written or counted
    noun = None if shown == "-" else shown
    if measure == "ratio":
        return f'The percentage ("{noun}")' if noun else "The percentage"
    if measure.startswith("money:"):
        return f"The amount {verb}" if verb else "The amount"
    if measure != "count":
        name, noun = length_name(measure, noun)
        return f"The {name}" + (f" ({noun})" if noun else "")
    if noun and verb:
        return f"The number of {noun} {verb}"
    return f"The number of {noun}" if noun else f"The number {verb}"


def _written_noun(ctx: Context, d: Discrepancy) -> str | None:
    """The counted noun as the first claim that writes it near its figure does, else None."""
    return next((n for c in d.claims if (n := written_noun(ctx.articles[c.article_id], c))), None)


def _earlier(d: Discrepancy) -> str:
    """' "21" is an earlier figure (published 3 Oct 2020).' when the dates differ."""
    dated = [c for c in d.claims if c.published]
    if len({c.published for c in dated}) < 2:
        return ""
    first = min(dated, key=lambda c: c.published or "")
    shown = date.fromisoformat(first.published or "").strftime("%-d %b %Y")
    return f' "{first.text}" is an earlier figure (published {shown}); the later may be an update.'


def _candidate(ctx: Context, d: Discrepancy) -> Candidate:
    spans: dict[str, list[Span]] = {}
    for c in d.claims:
        spans.setdefault(c.article_id, []).append(ctx.span(c.article_id, c.start, c.end))
    ids = sorted(spans)
    note = time_note(ctx, ids)
    texts: list[str] = []
    for c in sorted(d.claims, key=lambda c: (c.low, c.high)):
        if c.text.casefold() not in (t.casefold() for t in texts):
            texts.append(c.text)  # "At least 43" opening a sentence is "at least 43"
    quoted = " vs ".join(f'"{t}"' for t in texts)
    what = subject(d.what, _written_noun(ctx, d))
    swapped = next(
        ((x, y) for k, x in enumerate(d.claims) for y in d.claims[k + 1 :] if unit_swap(x, y)),
        None,
    )
    if swapped is not None:
        x, y = swapped
        explanation = (
            f'{what} differs: {quoted}. The same number is given in different units ("{x.text}"'
            f' and "{y.text}"): one of them most likely has the wrong unit.'
        )
        severity = Severity.HIGH
    elif d.relation == "conflict":
        explanation = (
            f"{what} differs: {quoted}. The figures cannot all be true for the same count "
            "(they are compared as ranges, wherever each stands in its article)."
        )
        severity = Severity.CRITICAL if d.what[1] in CASUALTY_EVENTS else Severity.HIGH
    else:
        explanation = (
            f"{what} is given with different precision: {quoted}. Both can be true, "
            "but one version is vaguer."
        )
        # Readers judge a difference of precision alone not worth an editor's time: it
        # is listed last, never among the discrepancies of fact.
        severity = Severity.COSMETIC
    if note:
        explanation += _earlier(d)
        severity = max(severity, Severity.HIGH)
    if d.confidence < UNCERTAIN:
        severity = max(severity, Severity.MEDIUM)
        explanation += " The rules are not sure both figures count the same thing."
    return Candidate(
        kind=Kind.NUMBER_DISCREPANCY,
        severity=severity,
        passage_id=None,
        key="claim:" + "|".join(d.what),
        spans={aid: tuple(ss) for aid, ss in spans.items()},
        explanation=explanation,
        label=quoted,
        weight=0.5 + d.confidence,
        time_note=note,
        confidence=d.confidence,
    )
