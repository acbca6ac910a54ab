"""One measurement in a fresh process; ``run.py`` starts it and reads one JSON line.

Why a fresh process per measurement: its peak RSS (``ru_maxrss``, which
``run.py`` reads with ``os.wait4``) then belongs to that measurement alone, and
a CollateX run that takes too long can be killed without losing the rest.

    python bench/child.py align 1,2,4 RUNS     # compare's align, RUNS rounds
    python bench/child.py collatex TEXTS.json  # CollateX once on {id: text}
    python bench/child.py dense 2000 300       # align 3 articles sharing one vocabulary
    python bench/child.py archive FILE.jsonl   # read and segment an archive

Only the alignment call is timed, never interpreter start-up or imports.
The CollateX child imports neither ``compare`` nor numpy, so its peak RSS is
CollateX's own plus the interpreter's.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_align(factors: list[int], runs: int) -> dict[str, object]:
    """``runs`` rounds, each aligning every factor's story once (plus a warm-up round).

    Interleaving the sizes keeps their time ratios steady while the machine's
    speed drifts; with one factor this child's peak RSS is that size's alone.
    """
    from compare.align.passages import align
    from compare.util.options import Options

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus

    stories = {k: corpus.scaled_story(k) for k in factors}
    options = Options()
    ready_mb = _rss_mb()
    times: dict[int, list[float]] = {k: [] for k in factors}
    passages: dict[int, int] = {}
    for round_ in range(runs + 1):
        for k, story in stories.items():
            start = time.perf_counter()
            alignment = align(story, options=options)
            if round_:
                times[k].append(time.perf_counter() - start)
            passages[k] = len(alignment.passages)
    return {
        "ready_mb": ready_mb,
        "sizes": {
            k: {
                "times": times[k],
                "passages": passages[k],
                "sentences": sum(len(a.sentences) for a in story.articles),
                "words": sum(a.words for a in story.articles),
                "chars": sum(len(a.text) for a in story.articles),
            }
            for k, story in stories.items()
        },
    }


def measure_collatex(texts_path: Path) -> dict[str, object]:
    from collatex import Collation, collate

    texts: dict[str, str] = json.loads(texts_path.read_text(encoding="utf-8"))
    ready_mb = _rss_mb()
    start = time.perf_counter()
    collation = Collation()
    for sigil, text in texts.items():
        collation.add_plain_witness(sigil, text)
    table = collate(collation)  # defaults: word tokens, table, segmentation
    seconds = time.perf_counter() - start
    return {
        "times": [seconds],
        "ready_mb": ready_mb,
        "columns": len(table.columns),
        "tokens": sum(len(w.tokens()) for w in collation.witnesses),
    }


def dense_story(sentences: int, vocabulary: int, *, seed: int = 7) -> object:
    """Three segmented articles of ``sentences`` sentences drawn from one small vocabulary.

    Why: the worst case of the README's sentence limit (issue #19): when every
    sentence of one article resembles every sentence of the others, every
    pair is a candidate.  Invented words, 15 per sentence, five sentences a
    paragraph; nothing is tuned to real articles.
    """
    import random

    from compare.align.segment import segment
    from compare.model import Article, Span, Story

    rnd = random.Random(seed)
    words = [f"w{i}{'abcdefgh'[i % 8] * 3}" for i in range(vocabulary)]
    articles = []
    for k in range(3):
        lines = [
            " ".join(rnd.choice(words) for _ in range(15)).capitalize() + "."
            for _ in range(sentences)
        ]
        paragraphs, text = [], ""
        for i in range(0, sentences, 5):
            para = " ".join(lines[i : i + 5])
            paragraphs.append(Span(f"d{k}", len(text), len(text) + len(para), 1, para))
            text += para + "\n\n"
        article = Article(
            id=f"d{k}",
            path=f"d{k}.txt",
            sha256="",
            text=text,
            outlet=f"Outlet {k}",
            outlet_source="bench",
            title=None,
            published=None,
            published_source="",
            paragraphs=tuple(paragraphs),
        )
        articles.append(segment(article))
    return Story("dense", "dense", tuple(articles))


def measure_dense(sentences: int, vocabulary: int) -> dict[str, object]:
    """``align`` once on ``dense_story``: its time and the RSS before it."""
    from compare.align.passages import align
    from compare.util.options import Options

    story = dense_story(sentences, vocabulary)
    ready_mb = _rss_mb()
    start = time.perf_counter()
    alignment = align(story, options=Options())  # type: ignore[arg-type]
    return {
        "times": [time.perf_counter() - start],
        "ready_mb": ready_mb,
        "passages": len(alignment.passages),
    }


def measure_archive(path: Path) -> dict[str, object]:
    """``read_articles`` on a JSON Lines archive: the articles kept, and the memory they hold.

    ``held_mb`` is what Python's allocator still holds for the result once
    reading is over (``tracemalloc``, after a collection): what the records
    cost while they wait.  Peak RSS alone is no measure of that at this
    scale: it is set by the interpreter's arenas and transient peaks, and
    moved by 0.04 KB per record where the records hold 1.4 KB each.
    """
    import gc
    import tracemalloc

    from compare.pipeline.run import read_articles
    from compare.util.options import Options

    ready_mb = _rss_mb()
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    read = read_articles([path], options=Options())
    elapsed = time.perf_counter() - start
    gc.collect()
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "times": [elapsed],
        "ready_mb": ready_mb,
        "articles": len(read.articles),
        "held_mb": held / 2**20,
    }


def main(argv: list[str]) -> None:
    if argv[:1] == ["align"] and len(argv) == 3:
        result = measure_align([int(k) for k in argv[1].split(",")], int(argv[2]))
    elif argv[:1] == ["dense"] and len(argv) == 3:
        result = measure_dense(int(argv[1]), int(argv[2]))
    elif argv[:1] == ["archive"] and len(argv) == 2:
        result = measure_archive(Path(argv[1]))
    elif argv[:1] == ["collatex"] and len(argv) == 2:
        result = measure_collatex(Path(argv[1]))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
