"""The age each outlet gives a named person ("Jane Doe, 43," / "the 44-year-old Jane Doe").

Why: an age is not a count, so the quantity claims leave it out ("a
37-year-old" is a compound adjective), yet outlets often disagree on it,
and in different sentences.  An age is tied to a person only where news
style ties it to a name: an apposition right after the name ("Doe, 43,",
"Doe, aged 43"), "a 43-year-old" right after it ("Doe, a 43-year-old
nurse") or before it ("the 43-year-old Jane Doe").  Ages of unnamed people
("a 37-year-old woman") are not compared: two articles may describe two
people.

Two articles' ages are compared when the names agree (the same surname,
and the shorter name is the end of the longer one: "Doe" and "Jane Doe",
not "Mark Doe" and "Jane Doe") and each article gives that person one age.
The rules match people by name only, so such a finding is never sure enough
to be a headline (``CONFIDENCE``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from compare.claims.scope import time_words
from compare.claims.words import is_function_word
from compare.model import Article, Token

CONFIDENCE = 0.65  # people matched by name only: never a headline
MAX_AGE = 119
NAME_WORDS = 4  # words of a name read before an apposition


@dataclass(frozen=True)
class NamedAge:
    """An age stated for a named person, with the span from name to age."""

    article_id: str
    name: tuple[str, ...]  # the name's words, lower case
    age: int
    start: int
    end: int
    published: str | None


def age_value(norm: str) -> int | None:
    """The age a token norm states ("46"), or None when it is no plausible age."""
    return int(norm) if norm.isdigit() and len(norm) <= 3 and 0 < int(norm) <= MAX_AGE else None


def _name_word(t: Token) -> bool:
    n = t.norm
    return (
        t.text[:1].isupper() and n.isalpha() and not is_function_word(n) and n not in time_words()
    )


def _name_before(tokens: Sequence[Token], k: int) -> int | None:
    """Index where the name ending at token k-1 starts, or None when no name ends there."""
    i = k
    while i > 0 and k - i < NAME_WORDS and _name_word(tokens[i - 1]):
        i -= 1
    return i if i < k else None


def _name_after(tokens: Sequence[Token], k: int) -> int:
    """End index of the name starting at token k (k when none starts there)."""
    i = k
    while i < len(tokens) and i - k < NAME_WORDS and _name_word(tokens[i]):
        i += 1
    return i


def _year_old(norms: Sequence[str], k: int) -> int | None:
    """The age of "43-year-old" starting at k, else None."""
    if norms[k + 1 : k + 3] == ["-", "year-old"]:
        return age_value(norms[k])
    return None


def ages_in(article_id: str, tokens: Sequence[Token], published: str | None) -> list[NamedAge]:
    """Every named person's age in one sentence.

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("Jane Doe, 43, met Tom Roe, a 51-year-old nurse, and the 8-year-old Ann Poe.")
    >>> [(" ".join(a.name), a.age) for a in ages_in("a", t, None)]
    [('jane doe', 43), ('tom roe', 51), ('ann poe', 8)]
    """
    norms = [t.norm for t in tokens]
    out = []

    def add(name_at: int, name_end: int, age: int, age_at: int, age_end: int) -> None:
        name = tuple(norms[name_at:name_end])
        start, end = min(name_at, age_at), max(name_end, age_end)
        out.append(
            NamedAge(article_id, name, age, tokens[start].start, tokens[end - 1].end, published)
        )

    for k, n in enumerate(norms):
        if n != "," or k + 1 >= len(norms):
            continue
        at = _name_before(tokens, k)
        if at is None:
            continue
        after = k + 1 + (norms[k + 1] == "aged")
        age = age_value(norms[after]) if after < len(norms) else None
        if age is not None and norms[after + 1 : after + 2] in ([","], ["."], [";"], [")"]):
            add(at, k, age, after, after + 1)  # "Doe, 43," / "Doe, aged 43,"
        elif norms[k + 1 : k + 2] in (["a"], ["an"]) and k + 2 < len(norms):
            age = _year_old(norms, k + 2)
            if age is not None:
                add(at, k, age, k + 2, k + 5)  # "Doe, a 43-year-old nurse"
    for k in range(len(norms)):
        age = _year_old(norms, k)
        if age is not None and (end := _name_after(tokens, k + 3)) > k + 3:
            add(k + 3, end, age, k, k + 3)  # "the 43-year-old Jane Doe"
    return out


def named_ages(article: Article) -> tuple[NamedAge, ...]:
    """Every named person's age in an article."""
    return tuple(
        a for s in article.sentences for a in ages_in(article.id, s.tokens, article.published)
    )


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same surname, and the shorter name is the end of the longer ("Doe" / "Jane Doe").

    >>> same_person(("doe",), ("jane", "doe")), same_person(("mark", "doe"), ("jane", "doe"))
    (True, False)
    """
    short, long = sorted((a, b), key=len)
    return long[len(long) - len(short) :] == short


@dataclass(frozen=True)
class AgeConflict:
    """Two articles that give one named person different ages."""

    a: NamedAge
    b: NamedAge
    confidence: float = CONFIDENCE


def compare_ages(ages: Mapping[str, Sequence[NamedAge]]) -> list[AgeConflict]:
    """Pairs of articles that each give a person one age, different ones."""
    out = []
    for a, b in combinations(sorted(ages), 2):
        seen: set[str] = set()
        for x in ages[a]:
            for y in ages[b]:
                if x.age == y.age or not same_person(x.name, y.name) or x.name[-1] in seen:
                    continue
                own_x = {o.age for o in ages[a] if same_person(o.name, x.name)}
                own_y = {o.age for o in ages[b] if same_person(o.name, y.name)}
                if len(own_x) == 1 and len(own_y) == 1:
                    out.append(AgeConflict(x, y))
                    seen.add(x.name[-1])
    return out
