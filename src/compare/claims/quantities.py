"""Quantity claims: every figure an article states, with what it counts and over what scope.

Why: to compare "the quake has claimed 21 lives" with "killing 27" wherever
each sits, a figure must carry more than its digits: its interval ("nearly
50" lies below 50, "more than 50" above it), its unit in a common base
("2 metres" and "8 feet" are comparable), what it counts (the counted noun
and the event of its clause: killed, arrested, destroyed ...) and its scope
(``claims.scope``).  The figure itself is read by the classify family's
parser (``number_parse``), after multi-word numbers are merged
(``claims.numwords``); this module adds what a story-wide comparison needs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from compare.claims.number_context import noun_after
from compare.claims.number_lexicon import NUMERAL, events, has_role
from compare.claims.number_parse import CAP_VERBS, SAYING, Quantity, people_events, quantities
from compare.claims.numwords import merge
from compare.claims.scope import Scope, read_scope, role_words
from compare.claims.words import is_function_word, stem
from compare.model import Article, Sentence, Token
from compare.text.wordnet import irregular_verb_form

# Factors to one base unit per dimension, so figures in different units compare.
# Why here and not in the word list: these are definitions (SI brochure, and the
# international yard and pound agreement of 1959), not usage.
TO_BASE: dict[str, float] = {
    "metre": 1.0,
    "kilometre": 1000.0,
    "centimetre": 0.01,
    "millimetre": 0.001,
    "mile": 1609.344,
    "nautical mile": 1852.0,
    "foot": 0.3048,
    "inch": 0.0254,
    "yard": 0.9144,
    "kilogram": 1.0,
    "gram": 0.001,
    "tonne": 1000.0,
    "pound": 0.45359237,
    "litre": 1.0,
    "gallon": 3.785411784,
    "hectare": 10_000.0,
    "acre": 4046.8564224,
    "square kilometre": 1_000_000.0,
}
# Relative tolerance for a figure converted from another unit: "4 metres (13 feet)"
# is one measure although 13 feet is 3.96 m.
CONVERSION_TOLERANCE = 0.05
# How far below its figure "nearly 50" may lie, and how far "about 50" may stray.
BELOW_SHARE = 0.15
APPROX_SHARE = 0.2
# Hedges that put the true value just below the figure ("nearly 50" is under 50).
BELOW = frozenset({"nearly", "almost", "just under", "close to"})
# Bounds that exclude the figure itself ("more than 50" is 51 or more).
STRICT = frozenset({"more than", "over", "just over", "upwards of", "in excess of"})
STRICT |= frozenset({"fewer than", "less than", "under", "just under"})
STRICT |= frozenset({"exceeded", "exceeds", "exceeding", "surpassed", "surpasses", "topped"})
# Dimensions never compared story-wide: a duration or a score is seldom the same quantity
# twice ("a 37-year-old", "jailed for 10 years"), and an age is not a count.
NOT_COMPARED = frozenset({"time", "score", "temperature", "magnitude"})
_LIVES = frozenset({"live", "lives", "life"})  # "claimed 21 lives": deaths counted as lives


@dataclass(frozen=True)
class QuantityClaim:
    """One figure an article states, ready to compare with another outlet's.

    ``low``..``high`` is the interval the words allow, in the base unit of
    the dimension (open at an end when ``low_open``/``high_open``: "more than
    50" excludes 50).  ``counted`` is the counted-thing class or, failing
    that, the head noun's stem; ``event`` what happened to it.  ``start`` and
    ``end`` are character offsets of the figure with its qualifier and unit.
    """

    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    low_open: bool
    high_open: bool
    qualifier: str  # exact, min, max, approx, below, vague, range
    qualifier_text: str
    unit: str | None  # canonical unit as written ("foot", "dollar", "percent")
    dimension: str | None
    counted: str | None
    noun: str | None
    event: str | None
    scope: Scope
    published: str | None
    converted: bool = False  # the unit has a base unit others convert to
    # The same measure as the outlet converted it in brackets ("3 million hectares
    # (7.4 million acres)"): (unit, value in base units), compared with a figure in
    # that unit without conversion tolerance.
    also: tuple[str, float] | None = None
    # Stem of the content word that governs the figure ("suffered" in "suffered
    # 78% burns"), the last one before it in its clause; None when there is none.
    governor: str | None = None
    # Every content word's stem in the figure's clause before it, up to ``GOVERNOR_WINDOW``
    # words: "cost the state 1.9 billion" is governed by "state" but also by "cost".
    governed_by: frozenset[str] = frozenset()

    @property
    def what(self) -> tuple[str, str, str] | None:
        """(dimension or currency, event, counted): the key of what is counted, None if unknown.

        A figure is compared story-wide only when it says what it counts: an
        event or a counted noun, never a bare "12".
        """
        if self.dimension in NOT_COMPARED:
            return None
        if self.counted is None and self.event is None:
            return None
        # With no event word, the class of a noun is too coarse ("seven regions" and
        # "13 villages" are both places): the noun itself must be the same.
        counted = self.counted if self.event else (self.noun or self.counted)
        if self.dimension is None:
            measure = "count"
        elif self.dimension == "money":
            measure = f"money:{self.unit}"
        else:
            measure = self.dimension
        if measure != "count" and self.counted is not None:
            # "78% burns": a measure is named by what it measures; the clause's
            # event word ("died of 78% burns") adds nothing and varies by outlet.
            return (measure, "-", self.noun or self.counted)
        return (measure, self.event or "-", counted or "-")


def interval(q: Quantity, factor: float = 1.0) -> tuple[float, float, bool, bool, str]:
    """(low, high, low_open, high_open, qualifier) of a parsed figure.

    >>> from compare.align.segment import tokenize
    >>> iv = lambda s: interval(quantities(tokenize(s))[0])
    >>> iv("nearly 50 aftershocks")[:4], iv("more than 50 aftershocks")[:4]
    ((42.5, 50.0, False, True), (50.0, inf, True, False))
    >>> iv("at least 30 people")[:4], iv("between 10 and 15 people")[:4]
    ((30.0, inf, False, False), (10.0, 15.0, False, False))
    """
    v, hi, text = q.value * factor, q.high * factor, q.hedge_text
    strict = text in STRICT
    if q.hedge == "max" and text.split()[0] in CAP_VERBS:
        # "limited to 120 litres" sets the limit: the limit is 120, exactly ("limited to 100"
        # is another rule), though as a bound it reads like "no more than 120"
        return v, v, False, False, "exact"
    if q.hedge == "min":
        return v, float("inf"), strict, False, "min"
    if q.hedge == "max":
        return 0.0, v, False, strict, "max"
    if q.hedge == "approx" and text in BELOW:
        return v * (1 - BELOW_SHARE), v, False, True, "below"
    if q.hedge == "approx":
        return v * (1 - APPROX_SHARE), v * (1 + APPROX_SHARE), False, False, "approx"
    if q.hedge in ("vague", "range"):
        return v, hi, False, False, q.hedge
    return v, v, False, False, "exact"


def _event(q: Quantity, norms: Sequence[str]) -> str | None:
    """The event of a figure, with two readings the figure parser lacks.

    "21 lives" with "claimed", "cost", "lost" or "took" counts deaths; "24
    people confirmed dead" counts deaths, not confirmed cases (a weak event
    word gives way to a strong one right after it).
    """
    table = events()
    extra = {w[0] for w in role_words("death")}
    near = norms[q.end : q.end + 4]
    for w in near:
        if w in extra:
            return "death"
    if q.event in (None, "infection"):
        for w in near:
            if w in table and table[w][0] in ("death", "injury", "missing"):
                return table[w][0]
    if q.event is None and q.noun is not None and norms[q.end - 1] in _LIVES:
        return "death"
    before = norms[max(q.start - 3, 0) : q.start]
    if q.event is None and any(w in extra for w in before):
        return "death"
    return q.event


def _event_for(q: Quantity, norms: Sequence[str], dimension: str | None) -> str | None:
    """``_event``, except that a sum of money is never counted people.

    Why: what happens to people ("killed", "rescued", "lost", "released")
    is no event of an amount: "tax returns released Friday show $43 million
    paid" made a "rescued" row of every dollar figure near "released".
    """
    event = _event(q, norms)
    if dimension == "money" and event in people_events():
        return None
    return event


# Verbs of a change by a share ("reserves shrank by roughly an eighth", "sales rose by 4%"),
# each with its direction: two outlets' "shrank" and "fell" govern one change.
_DOWN = ("fell fallen falls dropped drops declined declines decreased decreases shrank shrunk "
         "shrinks slumped slipped plunged weakened tumbled contracted")  # fmt: skip
_UP = ("rose risen rises increased increases grew grown grows jumped climbed soared "
       "strengthened gained surged expanded")  # fmt: skip
_CHANGE_VERBS = {w: "decrease" for w in _DOWN.split()} | {w: "increase" for w in _UP.split()}
# Verbs that change a thing by a share ("cut traffic in the zone by a quarter"), each with
# its direction; the thing is the noun after the verb.
_LOWER = "cut cuts cutting reduce reduces reduced reducing lower lowers lowered slash slashed trim"
_RAISE = "raise raises raised increase boost boosts boosted lift lifts lifted"
_CHANGE_OBJECT_VERBS = {w: "decrease" for w in _LOWER.split()} | {
    w: "increase" for w in _RAISE.split()
}
CHANGE_OBJECT_REACH = 7  # tokens from "by" back to its verb ("cut traffic inside the zone by")
_OBJECT_SKIP = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this"})
_PLACE_WORDS = frozenset(
    {"in", "inside", "within", "across", "at", "on", "from", "to", "for", "of", "by", "over",
     "under", "outside", "near", "around", "along", "through"}
)  # fmt: skip


def _changed(q: Quantity, norms: Sequence[str]) -> str | None:
    """Stem of what changed by a share: "reserves" in "reserves shrank by nearly a quarter".

    Why: a share after "by" counts no noun after it, so two outlets' "shrank
    by roughly an eighth" and "fell by nearly a quarter" were never compared
    (read blind, eleventh round).  The word before the verb is taken when it
    is a content word.

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> toks = tokenize("The reserves fell by nearly a quarter.")
    >>> _changed(quantities(toks)[0], [t.norm for t in toks])
    'reserv'
    """
    if (verb := _object_change(q, norms)) is not None:
        start = verb + 1 + (norms[verb + 1] in _OBJECT_SKIP)
        stop = next((k for k in range(start, q.start) if norms[k] in _PLACE_WORDS), q.start)
        return head_noun(norms[:stop], start)  # "traffic", not "inside", in "traffic inside"
    if change_direction(q, norms) is None:
        return None
    subject = norms[q.start - 3]  # before the verb and "by"
    if not subject.isalpha() or is_function_word(subject):
        return None
    return stem(subject)


def change_direction(q: Quantity, norms: Sequence[str]) -> str | None:
    """ "decrease" or "increase" for a share after a verb of change and "by", else None.

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> toks = tokenize("Reserves shrank by 12%.")
    >>> change_direction(quantities(toks)[0], [t.norm for t in toks])
    'decrease'
    """
    if not _share_after_by(q, norms):
        return None
    if (verb := _object_change(q, norms)) is not None:
        return _CHANGE_OBJECT_VERBS[norms[verb]]
    return _CHANGE_VERBS.get(norms[q.start - 2])


def _share_after_by(q: Quantity, norms: Sequence[str]) -> bool:
    """Is the figure a share right after "by" ("fell by 12%", "cut ... by a quarter")?"""
    return q.start >= 3 and norms[q.start - 1] == "by" and (q.unit or "").endswith("/ratio")


def _object_change(q: Quantity, norms: Sequence[str]) -> int | None:
    """Where the verb stands that changes a thing by the share after "by", or None.

    "reduce traffic in the zone by a fifth" and "cut traffic inside the zone by
    a quarter" change one thing (read blind, sixteenth round, the two were
    never compared); the verb is within ``CHANGE_OBJECT_REACH`` tokens of "by",
    with no clause break between, and its object follows it.

    >>> from compare.claims.number_parse import quantities
    >>> from compare.align.segment import tokenize
    >>> toks = tokenize("The city wants to reduce traffic in the zone by a fifth.")
    >>> _changed(quantities(toks)[0], [t.norm for t in toks])
    'traffic'
    """
    if not _share_after_by(q, norms):
        return None
    by = q.start - 1
    for v in range(by - 1, max(by - 1 - CHANGE_OBJECT_REACH, -1), -1):
        if norms[v] in {",", ";", ":", ".", "and", "but"}:
            return None
        if norms[v] in _CHANGE_OBJECT_VERBS and v + 1 < by:
            return v
    return None


def _counted(q: Quantity, norms: Sequence[str]) -> tuple[str | None, str | None]:
    """(counted, noun): the thing class or head-noun stem, also after a unit ("78% burns")."""
    if q.unit is not None:
        k = q.core_end
        if k < len(norms) and norms[k] == "(" and ")" in norms[k:]:
            k = norms.index(")", k) + 1  # past a conversion: "3 million hectares (7.4m acres) of"
        if q.unit.endswith("/money") and k < len(norms) and norms[k] == "in":
            k += 1  # "25 million crowns in compensation": what the money is
        noun, thing, _end = noun_after(norms, k)
        if thing is None and noun is None and q.unit.endswith("/ratio"):
            noun = _changed(q, norms)
        return thing or noun, noun
    if q.noun is not None and norms[q.end - 1] in _LIVES:
        return "people", q.noun
    if q.thing is None and q.noun is not None:
        noun = head_noun(norms, q.core_end)
        return noun, noun
    return q.thing or q.noun, q.noun


def head_noun(norms: Sequence[str], k: int) -> str | None:
    """Stem of the head of the noun phrase at k: its last word before a verb or function word.

    Why not the figure parser's noun: it takes the last of up to three words,
    so "50 aftershocks followed" counted "follow".

    >>> head_noun("aftershocks followed .".split(), 0), head_noun("top officials".split(), 0)
    ('aftershock', 'offici')
    """
    if k + 1 < len(norms) and norms[k] == "of":
        k += 2 if norms[k + 1] in {"the", "a", "an", "its", "their", "his", "her"} else 1
    words: list[str] = []
    while k < len(norms) and len(words) < 3:
        n = norms[k]
        if not _noun_word(n) or (words and irregular_verb_form(n)):
            break  # "Nine guards taken hostage": the head is "guards"
        words.append(n)
        k += 1
    return stem(words[-1]) if words else None


def sentence_claims(
    article_id: str, sentence: Sentence, published: str | None = None
) -> tuple[QuantityClaim, ...]:
    """The quantity claims of one sentence, in reading order.

    >>> from compare.align.segment import tokenize
    >>> from compare.model import Sentence
    >>> text = "One hundred and twelve people were killed in the Old Town."
    >>> s = Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text))
    >>> [(c.text, c.value, c.what, sorted(c.scope.places)) for c in sentence_claims("a", s)]
    [('One hundred and twelve', 112.0, ('count', 'death', 'people'), ['old town'])]
    """
    # Words glued by a lost space ("woundsFollowing") are split by ``segment.tokenize``.
    tokens = merge(sentence.tokens)
    norms = [t.norm for t in tokens]
    out = []
    for q in quantities(tokens):
        if q.core_end > len(tokens) or q.end > len(tokens):
            continue  # a unit read past the sentence's end
        if _not_a_count(norms, q):
            continue
        unit, dimension = q.unit.split("/") if q.unit else (None, None)
        factor = TO_BASE.get(unit or "", 1.0)
        low, high, low_open, high_open, qualifier = interval(q, factor)
        counted, noun = _counted(q, norms)
        out.append(
            QuantityClaim(
                article_id=article_id,
                sentence=sentence.index,
                start=tokens[q.start].start,
                end=tokens[q.core_end - 1].end,
                text=_text(tokens, q.start, q.core_end),
                value=q.value,
                low=low,
                high=high,
                low_open=low_open,
                high_open=high_open,
                qualifier=qualifier,
                qualifier_text=q.hedge_text,
                unit=unit,
                dimension=dimension,
                counted=counted,
                noun=noun,
                event=_event_for(q, norms, dimension),
                scope=read_scope(tokens, q.start, q.end, share=unit == "percent"),
                published=published,
                converted=unit in TO_BASE,
                also=_bracketed(tokens, q.core_end, dimension),
                governor=change_direction(q, norms)
                or governor(norms, q.start)
                or verb_after(norms, q.core_end),
                governed_by=governed_by(norms, q.start),
            )
        )
    return tuple(out)


GOVERNOR_WINDOW = 3  # content words looked back over for the figure's verb


def governor(norms: Sequence[str], start: int) -> str | None:
    """Stem of the last content word before a figure, within its clause.

    A verb of saying before the figure governs the clause it reports, not the
    figure: "Skyrell said about 38,500 passengers had been affected" is
    governed by "affected" (``verb_after``), as "affecting about 31,000
    passengers" is; read blind, the two figures were never compared.

    >>> governor("she had suffered 78 % burns".split(), 3)
    'suffer'
    >>> governor("with as much as 79 %".split(), 1) is None
    True
    >>> governor("the airline said about 38,500 passengers".split(), 4) is None
    True
    """
    return next(
        (word for k, word in _words_before(norms, start) if start - k <= GOVERNOR_WINDOW + 2),
        None,
    )


_CLAUSE_STOPS = frozenset({",", ";", ":", ".", "(", ")"})


def _words_before(norms: Sequence[str], start: int) -> Iterator[tuple[int, str]]:
    """(index, stem) of each content word before ``start``, back to its clause's start or
    a verb of saying (which governs the clause it reports, not the figure)."""
    for k in range(start - 1, -1, -1):
        n = norms[k]
        if n in _CLAUSE_STOPS or n in SAYING:
            return
        if n.isalpha() and not (is_function_word(n) or has_role(n, "aux")):
            yield k, stem(n)


def governed_by(norms: Sequence[str], start: int) -> frozenset[str]:
    """Stems of the content words before a figure in its clause, up to ``GOVERNOR_WINDOW``.

    >>> sorted(governed_by("the package will cost the state 1.9 billion".split(), 6))
    ['cost', 'packag', 'state']
    """
    out: set[str] = set()
    for _k, word in _words_before(norms, start):
        if len(out) >= GOVERNOR_WINDOW:
            break
        out.add(word)
    return frozenset(out)


def same_governor(x: QuantityClaim, y: QuantityClaim) -> bool:
    """Do two figures share their governing word, or one's the other's clause holds?

    Why the clause: "The settlement will cost 1.4 billion" and "The package
    will cost the state 1.9 billion" are both governed by "cost", though
    "state" stands last before the second (read blind, the two were "not
    sure to count the same thing").
    """
    if x.governor is None or y.governor is None:
        return False
    return x.governor == y.governor or x.governor in y.governed_by or y.governor in x.governed_by


def verb_after(norms: Sequence[str], end: int) -> str | None:
    """Stem of the first content word after a figure's noun phrase, in its clause.

    Why: a figure that opens its sentence ("Nearly 50 aftershocks followed")
    has no word before it; the verb after it says what it counts.

    >>> verb_after("50 shocks were felt .".split(), 1), verb_after("50 shocks followed".split(), 1)
    ('felt', 'follow')
    """
    k = end
    while k < len(norms) and k < end + 3 and _noun_word(norms[k]):
        k += 1  # over the counted noun phrase
    for n in norms[k : k + GOVERNOR_WINDOW + 2]:
        if n in _CLAUSE_STOPS:
            return None
        if n.isalpha() and not (is_function_word(n) or has_role(n, "aux")):
            return stem(n)
    return None


def _noun_word(n: str) -> bool:
    """A word that may belong to a counted noun phrase (not a verb, function word or event)."""
    function = is_function_word(n) or has_role(n, "aux")
    return (
        n.isalpha() and n not in events() and not function and not (len(n) > 4 and n.endswith("ed"))
    )


def bracketed_measure(tokens: Sequence[Token], k: int) -> Quantity | None:
    """The measure opening the brackets at token ``k`` ("(7.4 million acres)", "(about
    €1,800)"), a conversion of the figure before them; None when none opens them."""
    if k >= len(tokens) or tokens[k].norm != "(":
        return None
    inner = quantities(tokens[k + 1 :])
    first = inner[0] if inner else None
    return first if first is not None and first.start == 0 and first.unit else None


def _bracketed(tokens: Sequence[Token], k: int, dimension: str | None) -> tuple[str, float] | None:
    """(unit, base value) of a conversion in brackets right after a measure, else None."""
    inner = None if dimension is None else bracketed_measure(tokens, k)
    if inner is None or inner.unit is None:
        return None
    unit, dim = inner.unit.split("/")
    if dim != dimension:
        return None
    return unit, inner.value * TO_BASE.get(unit, 1.0)


def _label(norms: Sequence[str], i: int) -> bool:
    """True for a number that labels ("sections 417 and 420", "Route 9"), not counts."""
    k = i - 1
    while k >= 1 and norms[k] in {"and", ",", "or"} and NUMERAL.match(norms[k - 1]):
        k -= 2  # back over "417 and" to the word before the chain
    return k >= 0 and (has_role(norms[k], "identifier") or has_role(norms[k][:-1], "identifier"))


def _not_a_count(norms: Sequence[str], q: Quantity) -> bool:
    """Labels and compound adjectives ("a 37-year-old", "a two-day visit") are not claims."""
    after = q.num_index + 1
    if q.unit is None and after < len(norms) and norms[after] == "-":
        return True
    return _label(norms, q.num_index)


def _text(tokens: Sequence[Token], start: int, end: int) -> str:
    parts = [tokens[start].text]
    for prev, tok in pairwise(tokens[start:end]):
        parts.append(("" if tok.start == prev.end else " ") + tok.text)
    return "".join(parts)


_READ: dict[tuple[str, str, int, str | None], tuple[QuantityClaim, ...]] = {}
_READ_MAX = 64  # articles remembered: the classify rule and the key-figures table read each


def article_claims(article: Article) -> tuple[QuantityClaim, ...]:
    """Every quantity claim of an article, sentence by sentence (remembered per content)."""
    key = (article.id, article.sha256, len(article.sentences), article.published)
    found = _READ.get(key)
    if found is None:
        found = tuple(
            c for s in article.sentences for c in sentence_claims(article.id, s, article.published)
        )
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[key] = found
    return found


NOUN_WITHIN = 4  # tokens after a figure where its counted noun is looked for


def written_noun(article: Article, claim: QuantityClaim) -> str | None:
    """The counted noun as the article writes it after the figure ("protesters"), else None.

    Why: a noun that is no listed class is keyed by its stem ("protest",
    "hospit"), which no reader should see; the words shown are the text's.
    """
    counted = claim.what[2] if claim.what is not None else None
    if counted is None or counted == "-":
        return None
    tokens = article.sentences[claim.sentence].tokens
    after = [t for t in tokens if t.start >= claim.end][:NOUN_WITHIN]
    return next((t.norm for t in after if stem(t.norm) == counted), None)
