"""A learned "these two sentences report the same thing" decision.

Why learned: the TF-IDF cosine alone (``align.similarity``) weighs every
shared content word alike and cannot tell a rewording ("took down the
gunman" / "killed by a single shot") from two different facts of one story
that share its names.  A logistic regression over a few lexical views of the
pair (word and letter n-gram overlap, numbers and names on one side only,
length) separates paraphrases better: on the MRPC test file F1 0.83 against
0.81 for the cosine alone, with higher precision at the same recall.

The coefficients are fitted offline (``bench/fit_paraphrase.py``) on the
MRPC train file only and shipped in ``compare/data/paraphrase_lr.json``;
nothing is trained at run time.  The threshold in that file is the one that
maximised F1 in 5-fold cross-validation on the train file.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from compare.align.similarity import STOP_WORDS, stem
from compare.model import Token

_WORD = re.compile(r"\w")
_DIGIT = re.compile(r"\d")

FEATURES = (
    "tfidf_cosine",  # the aligner's own similarity (IDF over the story)
    "char4_cosine",  # letter 4-grams of the lower-cased words
    "word_cosine",  # plain word counts
    "content_containment",  # shared content stems / the smaller side's
    "content_jaccard",  # shared content stems / all content stems
    "numbers_differ",  # 1.0 when a number is on one side only
    "names_differ",  # capitalised words on one side only / all of them
    "length_ratio",  # shorter / longer, in words
    "bigram_containment",  # shared word bigrams / the smaller side's
    "numbers_one_side",  # numbers on one side only / all numbers
    "char3_cosine",  # letter 3-grams
    "length_gap",  # |words a - words b| / 10
    "most_unshared",  # the larger share of a side's content stems the other lacks
    "least_unshared",  # the smaller such share
)


def _grams(text: str, n: int) -> Counter[str]:
    padded = f" {text} "
    return Counter(padded[k : k + n] for k in range(len(padded) - n + 1))


def _cos(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[k] for k, v in a.items() if k in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _share(part: int, whole: int) -> float:
    return part / max(whole, 1)


def pair_features(a: Sequence[Token], b: Sequence[Token], cosine: float) -> list[float]:
    """The ``FEATURES`` of one sentence pair; ``cosine`` is the aligner's TF-IDF cosine.

    >>> from compare.align.segment import tokenize
    >>> f = pair_features(tokenize("Ten died."), tokenize("Ten people died."), 0.9)
    >>> dict(zip(FEATURES, f))["content_containment"], dict(zip(FEATURES, f))["numbers_differ"]
    (1.0, 0.0)
    """
    wa = [t for t in a if _WORD.search(t.norm)]
    wb = [t for t in b if _WORD.search(t.norm)]
    ca = {stem(t.norm) for t in wa if t.norm not in STOP_WORDS}
    cb = {stem(t.norm) for t in wb if t.norm not in STOP_WORDS}
    shared = len(ca & cb)
    na = {t.norm for t in wa if _DIGIT.search(t.norm)}
    nb = {t.norm for t in wb if _DIGIT.search(t.norm)}
    ma = {t.norm for t in wa[1:] if t.text[:1].isupper()}
    mb = {t.norm for t in wb[1:] if t.text[:1].isupper()}
    la, lb = len(wa), len(wb)
    ta, tb = [t.norm for t in wa], [t.norm for t in wb]
    ja, jb = " ".join(ta), " ".join(tb)
    ba, bb = set(pairwise(ta)), set(pairwise(tb))
    unshared = (_share(len(ca - cb), len(ca)), _share(len(cb - ca), len(cb)))
    return [
        cosine,
        _cos(_grams(ja, 4), _grams(jb, 4)),
        _cos(Counter(ta), Counter(tb)),
        _share(shared, min(len(ca), len(cb))),
        _share(shared, len(ca | cb)),
        float(bool(na ^ nb)),
        _share(len(ma ^ mb), len(ma | mb)),
        _share(min(la, lb), max(la, lb)),
        _share(len(ba & bb), min(len(ba), len(bb))),
        _share(len(na ^ nb), len(na | nb)),
        _cos(_grams(ja, 3), _grams(jb, 3)),
        abs(la - lb) / 10.0,
        max(unshared),
        min(unshared),
    ]


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights over ``FEATURES`` and the decision threshold."""

    coefficients: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        """The fitted probability that the pair is a paraphrase."""
        z = self.intercept + sum(c * x for c, x in zip(self.coefficients, features, strict=True))
        return 1.0 / (1.0 + math.exp(-z))


@cache
def model() -> Model:
    """The shipped model (``compare/data/paraphrase_lr.json``), read once."""
    text = resources.files("compare").joinpath("data/paraphrase_lr.json").read_text("utf-8")
    data = json.loads(text)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(
            "paraphrase_lr.json was fitted on other features; rerun bench/fit_paraphrase.py"
        )
    return Model(tuple(data["coefficients"]), data["intercept"], data["threshold"])


def paraphrase_probability(a: Sequence[Token], b: Sequence[Token], cosine: float) -> float:
    """The shipped model's probability that sentences ``a`` and ``b`` say the same thing."""
    return model().probability(pair_features(a, b, cosine))
