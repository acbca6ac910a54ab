"""Comparing attributed claims across outlets, story-wide.

Why story-wide: outlets restructure copy, so one claim credited to police
in one outlet's third paragraph may be stated flatly in another's last; the
aligner need not have paired the two sentences.  Why on the *content* and
not the whole sentence: "..., the attorney general said" and "The
department identified the men as ..." differ in everything but what is
claimed.

Three differences are reported, each only when the two contents are close
(IDF-weighted cosine of content-word stems, IDF over the story's
sentences, so the story's recurring names weigh little):

* ``unsourced``: credited to a speaker in one outlet, stated as fact in the
  other, and that other outlet credits it nowhere else;
* ``source``: credited to two plainly different speakers (``speakers``);
* ``unnamed``: credited to a named speaker in one outlet, to unnamed
  "officials" or "sources" in the other;
* ``relay``: the same quotation relayed ("is quoted as saying", "citing")
  in one outlet and said directly in the other.

An article's headline is left out: headlines drop attributions by habit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from compare.align.similarity import features
from compare.claims import speakers
from compare.claims.attributed import CREDITED, FACT, AttributedClaim, article_claims
from compare.model import Article, Token

UNSOURCED_MIN = 0.6  # content cosine for "credited here, stated as fact there"
UNSOURCED_ALIGNED_MIN = 0.45  # the same, for two sentences the aligner put in one passage
SOURCE_MIN = 0.5  # content cosine for "credited to someone else"
RELAY_MIN = 0.8  # a relayed and a direct quotation: nearly the same words
MIN_WORDS = 5  # content words a claim needs (short contents match by chance)
CERTAIN = 0.85  # confidence of a finding resting on near-identical content
UNSURE = 0.7  # confidence when the content is only close

Vector = Mapping[str, float]
Site = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True)
class AttributionDiff:
    """One attribution difference between two outlets' versions of one claim."""

    kind: str  # "unsourced", "source", "unnamed" or "relay"
    credited: AttributedClaim  # the version with the (first-hand) source
    other: AttributedClaim
    similarity: float
    confidence: float


_LAST: list[tuple[tuple[Article, ...], dict[str, tuple[AttributedClaim, ...]]]] = []


def story_claims(articles: Sequence[Article]) -> dict[str, tuple[AttributedClaim, ...]]:
    """Every article's attributed claims, headline left out.

    The rule, the evidence check and the "Who says so" table each ask for
    the same story in turn: the last story's reading is kept (by identity).
    """
    key = tuple(articles)
    if (
        _LAST
        and len(_LAST[0][0]) == len(key)
        and all(a is b for a, b in zip(_LAST[0][0], key, strict=True))
    ):
        return _LAST[0][1]
    found = {a.id: article_claims(a, skip=(a.title or "",)) for a in articles}
    _LAST[:] = [(key, found)]
    return found


def story_idf(articles: Sequence[Article]) -> dict[str, float]:
    """Smoothed IDF of every content-word stem over the story's sentences."""
    df: Counter[str] = Counter()
    n = 0
    for a in articles:
        for s in a.sentences:
            df.update(set(features(s.tokens)))
            n += 1
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def vector(tokens: Sequence[Token], idf: Mapping[str, float]) -> dict[str, float]:
    """The normalised IDF-weighted vector of a token run's content-word stems."""
    counts = Counter(features(tokens))
    vec = {w: c * idf.get(w, 1.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def cosine(x: Vector, y: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(x) > len(y):
        x, y = y, x
    return sum(v * y.get(w, 0.0) for w, v in x.items())


def compare(
    articles: Sequence[Article], aligned: Collection[frozenset[Site]] = ()
) -> list[AttributionDiff]:
    """Every attribution difference between two outlets' versions of one claim.

    ``aligned`` holds the sentence pairs the aligner put in one passage: there
    a lower content similarity (``UNSOURCED_ALIGNED_MIN``) suffices, as two
    measures agree that the sentences carry the same content.
    """
    claims = story_claims(articles)
    idf = story_idf(articles)
    story = speakers.mentions(
        [c.speaker for cs in claims.values() for c in cs]
        + [run for a in articles for s in a.sentences for run in speakers.capital_runs(s.tokens)]
    )
    usable = {
        aid: [c for c in cs if len(features(c.content)) >= MIN_WORDS] for aid, cs in claims.items()
    }
    vectors = {
        (c.article_id, c.sentence): vector(c.content, idf) for cs in usable.values() for c in cs
    }
    out: list[AttributionDiff] = []
    ids = list(usable)
    for x_id in ids:
        for y_id in ids:
            if x_id == y_id:
                continue
            for x in usable[x_id]:
                if x.status != CREDITED:
                    continue
                vx = vectors[(x.article_id, x.sentence)]
                scored = [
                    (cosine(vx, vectors[(y.article_id, y.sentence)]), y) for y in usable[y_id]
                ]
                here = (x.article_id, x.sentence)
                beside = [p for p in scored if frozenset((here, _site(p[1]))) in aligned]
                tries = [max(group, key=lambda p: p[0]) for group in (scored, beside) if group]
                for sim, y in tries:
                    found = _judge(
                        x, y, sim, scored, story, _site(y) in {_site(b) for _s, b in beside}
                    )
                    if found is not None:
                        out.append(found)
                        break
    return out


def _site(claim: AttributedClaim) -> Site:
    return (claim.article_id, claim.sentence)


def _judge(
    x: AttributedClaim,
    y: AttributedClaim,
    sim: float,
    scored: Sequence[tuple[float, AttributedClaim]],
    story: speakers.Names,
    aligned: bool = False,
) -> AttributionDiff | None:
    """The difference between credited claim ``x`` and its close version ``y``, if any."""
    sure = CERTAIN if sim >= RELAY_MIN else UNSURE
    if y.status == FACT and sim >= (UNSOURCED_ALIGNED_MIN if aligned else UNSOURCED_MIN):
        credited_there = any(s >= SOURCE_MIN and c.status == CREDITED for s, c in scored)
        if not credited_there:
            return AttributionDiff("unsourced", x, y, sim, sure)
        return None
    if y.status != CREDITED:
        return None
    if x.relayed and not y.relayed and sim >= RELAY_MIN and x.quoted and y.quoted:
        return AttributionDiff("relay", x, y, sim, CERTAIN)
    # Both speakers named in their own sentence, neither relaying another source ("X,
    # citing Y, said" and "Y said" may be one source).
    first_hand = not (x.inherited or y.inherited or x.relayed or y.relayed)
    close = sim >= SOURCE_MIN and first_hand
    if close and speakers.unnamed(y.speaker) and speakers.named_source(x.speaker, story):
        return AttributionDiff("unnamed", x, y, sim, sure)
    ordered = x.article_id < y.article_id  # each pair once
    if (
        sim >= SOURCE_MIN
        and ordered
        and first_hand
        and speakers.different(x.speaker, y.speaker, story)
    ):
        return AttributionDiff("source", x, y, sim, sure)
    return None
