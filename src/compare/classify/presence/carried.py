"""Is an "only here" or "left out" passage's content carried elsewhere in other words?

Why: the aligner pairs sentences one to one, so a fact one outlet tells in
one sentence and another outlet tells in other words, split over two
sentences or folded into a longer one, is left unaligned on both sides.
Read blind, most wrong presence findings were of this sort: "only one
outlet carries this" about a fact every outlet reports, or "X does not
carry this" about a fact X tells in its own words.  The aligner cannot see
it (the sentences are too different to pair), but the passage's words can:
when most of its content (weighted by how rare each word is in the story,
so the story's ever-present names count little and its specific words
count most) also appears in the other article, the other article very
likely tells the same thing.  The finding is then dropped (nearly all of
its content is there) or kept as uncertain with a note (much of it is), so
it is never a headline and the reader is told to check.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from compare.align.similarity import STOP_WORDS, features, stem
from compare.classify.base import Context
from compare.model import Token

MIN_WORDS = 4  # a passage with fewer content words is too short to judge by its words
CARRIED = 0.6  # this share of its weighted content in another article: dropped
PARTLY = 0.45  # this share: partly carried, kept as uncertain with a note
LEFT_OUT = 0.45  # for an omission, this share in the omitting article: uncertain
UNSURE = 0.5  # the confidence of a partly carried passage (below merge.UNCERTAIN)

_WORD = re.compile(r"\w")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
COUNTED_WITHIN = 3  # words after a number where the word it counts is looked for


class _Story:
    """Each article's content-word stems and figures, and each stem's weight over the story."""

    def __init__(self, ctx: Context) -> None:
        sentences = [s for a in ctx.articles.values() for s in a.sentences]
        df = Counter(f for s in sentences for f in set(features(s.tokens)))
        n = len(sentences)
        self.weight = {f: math.log((1.0 + n) / (1.0 + k)) + 1.0 for f, k in df.items()}
        self.stems = {
            aid: frozenset(f for s in a.sentences for f in features(s.tokens))
            for aid, a in ctx.articles.items()
        }
        self.figures = {
            aid: frozenset(f for s in a.sentences for f in figures(s.tokens))
            for aid, a in ctx.articles.items()
        }


def _story(ctx: Context) -> _Story:
    return ctx.memo(__name__, _Story)


def figures(tokens: Sequence[Token]) -> set[tuple[str, str]]:
    """Each number with the word it counts: ("13", "villag") for "13 villages".

    The counted word is the first word within ``COUNTED_WITHIN`` words
    after the number that is not a function word ("" when there is none),
    so "13 villages" and "13 civilians" are different figures.  A year
    counts nothing ("in 2020 after a failed bid" is the year 2020).

    >>> from compare.align.segment import tokenize
    >>> sorted(figures(tokenize("It took 13 of the villages in 2015 after a war.")))
    [('13', 'villag'), ('2015', '')]
    """
    out = set()
    words = [t for t in tokens if _WORD.search(t.norm)]
    for k, t in enumerate(words):
        if not any(c.isdigit() for c in t.norm):
            continue
        after = [w for w in words[k + 1 : k + 1 + COUNTED_WITHIN] if w.norm not in STOP_WORDS]
        noun = after[0].norm if after and not _YEAR.fullmatch(t.norm) else ""
        out.add((stem(t.norm), "" if any(c.isdigit() for c in noun) else stem(noun)))
    return out


def carried_share(
    ctx: Context, tokens: Iterable[Token], others: Sequence[str]
) -> tuple[float, str | None]:
    """The largest share of the tokens' weighted content words found in one of ``others``.

    Returns the share and that article's id; (0.0, None) when the tokens
    hold fewer than ``MIN_WORDS`` content words (too little to tell a
    paraphrase from a chance overlap) or there is no other article.  An
    article lacking one of the tokens' figures (a number with the word it
    counts) does not count: a number is the anchor a paraphrase keeps, so
    "took 13 villages" is not carried by "killed 13 civilians" and "took
    seven villages".
    """
    story = _story(ctx)
    tokens = list(tokens)
    own = set(features(tokens))
    if len(own) < MIN_WORDS:
        return 0.0, None
    anchors = figures(tokens)
    total = sum(story.weight.get(f, 1.0) for f in own)
    best: tuple[float, str | None] = (0.0, None)
    for aid in others:
        if not anchors <= story.figures.get(aid, frozenset()):
            continue  # a figure it lacks is news of its own, however worded
        there = story.stems.get(aid, frozenset())
        share = sum(story.weight.get(f, 1.0) for f in own if f in there) / total
        if share > best[0]:
            best = (share, aid)
    return best


def carried_note(outlet: str, share: float) -> str:
    """The sentence an uncertain presence finding adds to its explanation."""
    return (
        f" Much of its content ({share:.0%} of its weighted words) also appears elsewhere in "
        f"{outlet}, which may tell it in other words: check before relying on this."
    )
