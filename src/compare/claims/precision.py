"""An exact figure against a vague amount of one group: "120 officials" / "dozens of functionaries".

Why a rule of its own: ``compare.compare_pair`` compares a count with no
event word ("a briefing for 120 officials") only with a count of the very same
noun, because the class of a noun alone is too coarse to say two figures
count one thing.  Yet outlets name one group in other words, and an editor
wants to see that one of them gave the exact size and the other only an
order of magnitude.  The evidence here is weaker than an event word, so the
rule is narrow and never sure:

* both figures count a specific group from the counted-things list (the
  same class, never the generic "people"), and neither names an event;
* each article gives exactly one figure for that group, anywhere in it (with
  two, the rules cannot tell which one the other outlet meant);
* one figure is vague ("hundreds", "dozens"), the other is not, and they
  overlap: a difference of precision, not of fact.  Disjoint figures
  ("120" / "thousands") are not reported: with no event word they may be
  two different groups, and a false conflict costs more than a missed one;
* the scopes do not differ (``Scope.differs``).

The finding is a low-severity, uncertain number discrepancy
(``CONFIDENCE``), so it is never a headline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from itertools import combinations

from compare.claims.compare import Discrepancy, relation
from compare.claims.number_lexicon import things
from compare.claims.quantities import QuantityClaim

CONFIDENCE = 0.45  # matched by the class of a noun only: never a headline
GENERIC = frozenset({"people"})  # too broad a class: any crowd, any group


@cache
def _classes() -> frozenset[str]:
    return frozenset(c for c, _p, _d in things().values())


def group_of(c: QuantityClaim) -> str | None:
    """The specific counted group of an event-less count, else None.

    >>> from dataclasses import replace
    >>> from compare.claims.scope import Scope
    >>> c = QuantityClaim("a", 0, 0, 1, "300", 300, 300, 300, False, False, "exact", "",
    ...                   None, None, "officials", "offici", None, Scope(), None)
    >>> group_of(c), group_of(replace(c, counted="people"))
    ('officials', None)
    """
    if c.dimension is not None or c.unit is not None or c.event is not None:
        return None
    if c.counted is None or c.counted in GENERIC or c.counted not in _classes():
        return None
    return c.counted


def _sole(claims: Sequence[QuantityClaim]) -> dict[str, QuantityClaim]:
    """Group -> its figure, for the groups an article gives exactly one figure for.

    Any figure of the group counts, with or without an event word: "120
    officials" beside "12 officials arrested" is not the article's only
    figure for officials.
    """
    seen: dict[str, list[QuantityClaim]] = {}
    for c in claims:
        if c.counted in _classes() and c.dimension is None:
            seen.setdefault(c.counted, []).append(c)
    return {g: cs[0] for g, cs in seen.items() if len(cs) == 1 and group_of(cs[0]) is not None}


def group_precision(claims: Mapping[str, Sequence[QuantityClaim]]) -> list[Discrepancy]:
    """One uncertain precision discrepancy per group two or more outlets size differently.

    >>> from compare.claims.quantities import sentence_claims
    >>> from compare.model import Sentence
    >>> from compare.align.segment import tokenize
    >>> def read(aid, text):
    ...     return sentence_claims(aid, Sentence(aid, 0, 0, 0, len(text), 1, text, tokenize(text)))
    >>> found = group_precision({"a": read("a", "He met 120 officials."),
    ...                          "b": read("b", "He told dozens of officials to wait.")})
    >>> [(d.what, [c.text for c in d.claims], d.relation) for d in found]
    [(('count', '-', 'officials'), ['120', 'dozens'], 'precision')]
    """
    sole = {aid: _sole(cs) for aid, cs in claims.items()}
    found: dict[str, dict[tuple[str, int], QuantityClaim]] = {}
    for a, b in combinations(sorted(sole), 2):
        for group in sorted(set(sole[a]) & set(sole[b])):
            x, y = sole[a][group], sole[b][group]
            if relation(x, y) != "precision" or x.scope.differs(y.scope):
                continue
            members = found.setdefault(group, {})
            for c in (x, y):
                members.setdefault((c.article_id, c.start), c)
    return [
        Discrepancy(
            ("count", "-", group),
            tuple(sorted(members.values(), key=lambda c: (c.article_id, c.start))),
            "precision",
            CONFIDENCE,
        )
        for group, members in sorted(found.items())
    ]
