"""Story grouping on real coverage: BASIL events and SemEval-2022 Task 8 pairs.

Why these two: BASIL holds three independently written articles (Fox News,
The New York Times, HuffPost) per event, so it measures whether coverage of
one event that shares few sentences is still one story; the SemEval pairs
are rated by people from "same story" to "different", so they measure the
same-event versus same-topic decision the grouping makes.

Both go through the real path of ``compare stories``: records are written to
a temporary ``.jsonl`` archive, ingested and segmented as the command does,
then grouped by ``compare.group.stories.cluster``.  An article flagged as an
outlier of its story counts as a story of its own (the report would not
compare it).

Only BASIL's 2016-2019 events are scored: 2010-2015 is the part rules may be
built on (``../shared/realworld/README.md``).
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from eval_real import REALWORLD, ratio

BASIL = REALWORLD / "basil" / "articles.jsonl"
SEMEVAL = REALWORLD / "semeval" / "en_pairs.csv"
BASIL_YEARS = ("2016", "2017", "2018", "2019")
SAME_MAX, DIFFERENT_MIN = 1.5, 3.0  # SemEval "Overall": 1 same story ... 4 different


def group(records: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Article id -> story number, for records grouped as ``compare stories`` would.

    Outliers get a story number of their own.
    """
    from compare.group.stories import cluster
    from compare.pipeline.run import read_articles
    from compare.util.options import Options

    options = Options()
    with tempfile.TemporaryDirectory(prefix="compare-eval-") as tmp:
        archive = Path(tmp) / "records.jsonl"
        with archive.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        articles = read_articles([archive], options=options).articles
    stories = cluster(articles, options=options)
    labels: dict[str, int] = {}
    for n, story in enumerate(stories):
        outliers = {o.article_id for o in story.outliers}
        for article in story.articles:
            labels[article.id] = n if article.id not in outliers else len(stories) + len(labels)
    return labels


def pairwise(predicted: Mapping[str, int], truth: Mapping[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a grouping against true labels.

    Every pair of articles is a decision "same story": a true positive when
    both the grouping and the truth put them together.  Articles missing
    from ``predicted`` (not ingested) count as alone.

    >>> pairwise({"a": 0, "b": 0, "c": 1}, {"a": "x", "b": "x", "c": "x"})
    {'precision': 1.0, 'recall': 0.33, 'f1': 0.5}
    """
    tp = fp = fn = 0
    for a, b in combinations(sorted(truth), 2):
        same_true = truth[a] == truth[b]
        same_pred = a in predicted and b in predicted and predicted[a] == predicted[b]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 2), "recall": round(recall, 2), "f1": round(f1, 2)}


def basil_records(years: Sequence[str] = BASIL_YEARS) -> list[dict[str, Any]]:
    """BASIL articles of the scoring years as news records (id, title, text, date, outlet)."""
    rows = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines() if line]
    return [
        {
            "id": r["id"],
            "title": r.get("title"),
            "text": r["text"],
            "date": r.get("date"),
            "outlet": r.get("source"),
            "event": r["event"],
        }
        for r in rows
        if str(r.get("date", ""))[:4] in years
    ]


def basil_lines() -> Iterator[str]:
    """``basil_*`` lines: pairwise figures of the grouping on the 2016-2019 events."""
    if not BASIL.is_file():
        yield f"basil_articles: 0  # {BASIL} not found"
        return
    records = basil_records()
    truth = {r["id"]: r["event"] for r in records}
    predicted = group([{k: v for k, v in r.items() if k != "event"} for r in records])
    scores = pairwise(predicted, truth)
    yield f"basil_articles: {len(records)}"
    yield f"basil_events: {len(set(truth.values()))}"
    yield f"basil_stories: {len(set(predicted.values()))}"
    for name, value in scores.items():
        yield f"basil_pairwise_{name}: {value}"


def semeval_pairs() -> list[tuple[str, str, str, float]]:
    """(pair id, text 1, text 2, Overall) for the clearly same or clearly different pairs."""
    with SEMEVAL.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        overall = float(row["Overall"])
        if overall <= SAME_MAX or overall >= DIFFERENT_MIN:
            out.append((row["pair_id"], row["text1"], row["text2"], overall))
    return out


def same_story(text1: str, text2: str) -> bool:
    """Does the grouping put these two articles in one story (neither an outlier)?"""
    labels = group(
        [
            {"id": "one", "text": text1, "outlet": "first"},
            {"id": "two", "text": text2, "outlet": "second"},
        ]
    )
    return "one" in labels and "two" in labels and labels["one"] == labels["two"]


def semeval_lines(pairs: Iterable[tuple[str, str, str, float]] | None = None) -> Iterator[str]:
    """``semeval_*`` lines: accuracy of the same-event decision on the clear pairs."""
    if not SEMEVAL.is_file():
        yield f"semeval_pairs: 0  # {SEMEVAL} not found"
        return
    pairs = list(pairs) if pairs is not None else semeval_pairs()
    right = {True: 0, False: 0}
    total = {True: 0, False: 0}
    for _, text1, text2, overall in pairs:
        truth = overall <= SAME_MAX
        total[truth] += 1
        right[truth] += same_story(text1, text2) == truth
    yield f"semeval_pairs: {len(pairs)}"
    yield f"semeval_accuracy: {ratio(right[True] + right[False], len(pairs))}"
    yield f"semeval_same_accuracy: {right[True]}/{total[True]}"
    yield f"semeval_different_accuracy: {right[False]}/{total[False]}"
