"""Who a speaker is: telling a different source from the same one named differently.

Why: "credited to a different source" is a serious charge, and outlets name
one person many ways ("Smith", "John Smith", "the state's attorney general",
"he").  Two speakers count as *different* only when both are identified
(neither a pronoun nor only vague words such as "officials") and they share
no word even after each is widened to the story's fuller mentions that
contain all its words ("Paxton" and "the attorney general" both widen to
"State Attorney General Ken Paxton" when any outlet writes that).  Anything
less certain counts as the same speaker: a missed finding costs less than a
wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from compare.claims.attributed import vague_sources
from compare.classify.cells import content_words, group_nouns, stem
from compare.model import Token

_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "this", "that"}
)
_POSSESSIVE = ("'s", "\u2019s")

Words = frozenset[str]


def words(tokens: Iterable[Token]) -> Words:
    """The stems of a speaker's content words, possessives dropped ("state's" -> "state")."""
    out = set()
    for t in content_words(tokens):
        norm = t.norm
        for ending in _POSSESSIVE:
            norm = norm.removesuffix(ending)
        if norm not in _PRONOUNS:
            out.add(stem(norm))
    return frozenset(out)


def identified(tokens: Sequence[Token]) -> bool:
    """True when a speaker names someone: not a pronoun, not only vague or group words.

    >>> from compare.segment import tokenize as t
    >>> identified(t("Jane Roe")), identified(t("he")), identified(t("officials"))
    (True, False, False)
    """
    found = [x for x in content_words(tokens) if x.norm not in _PRONOUNS]
    vague = vague_sources() | group_nouns()
    return any(x.norm not in vague for x in found)


def mentions(runs: Iterable[Sequence[Token]]) -> tuple[Words, ...]:
    """The story's names (runs ending in a capitalised word), as word sets.

    Only names widen a speaker: a description widened through another
    description ("the company" -> "the company cut its forecast") proves nothing.
    """
    out = {words(run) for run in runs if named(run)}
    return tuple(m for m in out if m)


def capital_runs(tokens: Sequence[Token]) -> list[Sequence[Token]]:
    """Runs of two or more capitalised words ("State Attorney General Ken Paxton")."""
    runs: list[Sequence[Token]] = []
    current: list[Token] = []
    for t in tokens:
        if t.text[:1].isupper() and t.text[:1].isalpha():
            current.append(t)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def widened(own: Words, story: Sequence[Words]) -> Words:
    """A speaker's words plus those of every fuller mention that holds all of them.

    A one-word description is not widened: "the union" is in "union president
    Jane Roe" but need not be her.
    """
    out = set(own)
    if len(own) < 2:
        return own
    for m in story:
        if own <= m:
            out |= m
    return frozenset(out)


def different(a: Sequence[Token], b: Sequence[Token], story: Sequence[Words]) -> bool:
    """True only when two speakers are plainly different people or bodies.

    >>> from compare.segment import tokenize as t
    >>> story = mentions([t("State Attorney General Ken Paxton"), t("Jack Wilson")])
    >>> different(t("Paxton"), t("Wilson"), story)
    True
    >>> different(t("the state's attorney general"), t("Paxton"), story)
    False
    >>> different(t("Smith"), t("John Smith"), story), different(t("he"), t("Wilson"), story)
    (False, False)
    """
    if not identified(a) or not identified(b):
        return False
    wa, wb = words(a), words(b)
    if not wa or not wb or wa & wb:
        return False
    xa, xb_ = widened(wa, story), widened(wb, story)
    if not (named(a) or xa > wa) or not (named(b) or xb_ > wb):
        return False  # "the company", "the Ohio-based group": a description names no one
    return not (xa & xb_)


def named(tokens: Sequence[Token]) -> bool:
    """True when a speaker's last content word is capitalised (a name, "the Interior
    Ministry"), not a description ("the company")."""
    found = content_words(tokens)
    return bool(found) and found[-1].text[:1].isupper()
