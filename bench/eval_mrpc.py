"""The aligner's "these two sentences report the same thing" decision, on MRPC.

Why MRPC: its pairs are sentences from clusters of news articles on one
story, labelled by people as paraphrases or not, which is the decision the
aligner makes when it puts two outlets' sentences in one passage.

What is measured: the aligner's sentence similarity (``compare.align.similarity``:
stemmed content words plus letter trigrams of names, TF-IDF, cosine) with
IDF computed over all sentences of the file, as the aligner computes it over
all sentences of a story; the decision is similarity ≥ the aligner's strong
threshold (``Options.align_threshold``).  A second figure uses the threshold
that maximises F1 on the train file, applied unchanged to the test file; no
figure ever looks at test labels to choose anything.  A third figure is
the decision with the aligner's anchored pass (``compare.align.anchors``): a
pair under the threshold is still "the same" when its similarity reaches
``NEAR_RATIO`` of it and the two sentences share ``ANCHOR_SHARED`` words
(in a story of two one-sentence articles every word is rare, each sentence
is the other's best match, and both stand at the same place).  A fourth is
the learned decision (``compare.align.paraphrase``, the model the aligner's
learned pass uses): its shipped probability >= its shipped threshold, both
fitted on the train file only (``bench/fit_paraphrase.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from eval_real import REALWORLD

MRPC = REALWORLD / "mrpc"
TRAIN = MRPC / "msr_paraphrase_train.txt"
TEST = MRPC / "msr_paraphrase_test.txt"


@dataclass(frozen=True)
class Pair:
    """One labelled MRPC pair."""

    paraphrase: bool
    first: str
    second: str


def read_pairs(path: object) -> list[Pair]:
    """Pairs of an MRPC file (tab-separated, header line, byte-order mark tolerated)."""
    from pathlib import Path

    lines = Path(str(path)).read_text(encoding="utf-8-sig").splitlines()[1:]
    pairs = []
    for line in lines:
        fields = line.split("\t")
        if len(fields) == 5:
            pairs.append(Pair(fields[0].strip() == "1", fields[3], fields[4]))
    return pairs


def similarities(pairs: Sequence[Pair]) -> np.ndarray:
    """The aligner's similarity of each pair, IDF over every sentence of ``pairs``."""
    from compare.align.segment import tokenize
    from compare.align.similarity import sentence_matrix
    from compare.model import Article, Sentence

    def article(n: int, text: str) -> Article:
        sentence = Sentence(str(n), 0, 0, 0, len(text), 1, text, tokenize(text))
        return Article(
            id=str(n),
            path="",
            sha256="",
            text=text,
            outlet="",
            outlet_source="",
            title=None,
            published=None,
            published_source="none",
            sentences=(sentence,),
        )

    texts = [t for p in pairs for t in (p.first, p.second)]
    matrix = sentence_matrix([article(n, t) for n, t in enumerate(texts)]).rows
    first, second = matrix[0::2], matrix[1::2]
    return np.asarray(first.multiply(second).sum(axis=1)).ravel()


def shared_words(pairs: Sequence[Pair]) -> np.ndarray:
    """How many feature words (``compare.align.similarity.features``) each pair shares."""
    from compare.align.segment import tokenize
    from compare.align.similarity import features

    return np.array(
        [len(set(features(tokenize(p.first))) & set(features(tokenize(p.second)))) for p in pairs]
    )


def learned_probabilities(pairs: Sequence[Pair], sims: np.ndarray) -> np.ndarray:
    """The shipped paraphrase model's probability for each pair (``sims``: TF-IDF cosines)."""
    from compare.align.paraphrase import paraphrase_probability
    from compare.align.segment import tokenize

    return np.array(
        [
            paraphrase_probability(tokenize(p.first), tokenize(p.second), float(s))
            for p, s in zip(pairs, sims, strict=True)
        ]
    )


def anchored_decision(sims: np.ndarray, shared: np.ndarray, threshold: float) -> np.ndarray:
    """The aligner's decision on isolated pairs with its anchored pass, as 1.0 / 0.0.

    >>> anchored_decision(np.array([0.4, 0.2, 0.2, 0.1]), np.array([0, 2, 1, 3]), 0.35).tolist()
    [1.0, 1.0, 0.0, 0.0]
    """
    from compare.align.anchors import ANCHOR_SHARED, NEAR_RATIO

    anchored = (sims >= threshold * NEAR_RATIO) & (shared >= ANCHOR_SHARED)
    return ((sims >= threshold) | anchored).astype(float)


def confusion(sims: np.ndarray, labels: np.ndarray, threshold: float) -> dict[str, float]:
    """Precision, recall, F1 and accuracy of ``sims >= threshold`` against ``labels``.

    >>> confusion(np.array([0.9, 0.1, 0.6]), np.array([True, False, False]), 0.5)
    {'precision': 0.5, 'recall': 1.0, 'f1': 0.67, 'accuracy': 0.67}
    """
    said = sims >= threshold
    tp = int(np.sum(said & labels))
    fp = int(np.sum(said & ~labels))
    fn = int(np.sum(~said & labels))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = float(np.mean(said == labels)) if len(labels) else 0.0
    return {
        "precision": round(precision, 2),
        "recall": round(recall, 2),
        "f1": round(f1, 2),
        "accuracy": round(accuracy, 2),
    }


def best_threshold(sims: np.ndarray, labels: np.ndarray) -> float:
    """The threshold (on a 0.01 grid) with the highest F1 on these pairs; lowest on a tie."""
    grid = np.round(np.arange(0.0, 1.0, 0.01), 2)
    scores = [confusion(sims, labels, float(t))["f1"] for t in grid]
    return float(grid[int(np.argmax(scores))])


def mrpc_lines() -> Iterator[str]:
    """``mrpc_*`` lines: test figures at the aligner's threshold and at the train-chosen one."""
    from compare.util.options import Options

    if not (TRAIN.is_file() and TEST.is_file()):
        yield f"mrpc_test_pairs: 0  # {MRPC} not found"
        return
    train, test = read_pairs(TRAIN), read_pairs(TEST)
    train_sims, test_sims = similarities(train), similarities(test)
    train_labels = np.array([p.paraphrase for p in train])
    test_labels = np.array([p.paraphrase for p in test])
    yield f"mrpc_test_pairs: {len(test)}"
    yield f"mrpc_test_positive_share: {round(float(np.mean(test_labels)), 2)}"
    threshold = Options().align_threshold
    yield f"mrpc_aligner_threshold: {threshold}"
    for name, value in confusion(test_sims, test_labels, threshold).items():
        yield f"mrpc_test_{name}: {value}"
    tuned = best_threshold(train_sims, train_labels)
    yield f"mrpc_train_best_threshold: {tuned}"
    for name, value in confusion(test_sims, test_labels, tuned).items():
        yield f"mrpc_test_{name}_at_train_threshold: {value}"
    decided = anchored_decision(test_sims, shared_words(test), threshold)
    for name, value in confusion(decided, test_labels, 0.5).items():
        yield f"mrpc_test_{name}_with_anchored_pass: {value}"
    from compare.align.paraphrase import model

    yield f"mrpc_learned_threshold: {model().threshold}"
    learned = learned_probabilities(test, test_sims)
    for name, value in confusion(learned, test_labels, model().threshold).items():
        yield f"mrpc_test_{name}_learned: {value}"
