"""The benchmark's inputs and helpers (bench/), without timing anything.

Why: a speed figure is only worth something if the inputs are what
bench/RESULTS.md says they are: the 1× texts are exactly the bodies the
pipeline aligns, and the 2×/4× articles are longer, distinct real text, never
an article repeated.
"""

from __future__ import annotations

import doctest
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench() -> dict[str, ModuleType]:
    """bench/corpus.py, child.py and run.py, imported the way run.py imports them."""
    sys.path.insert(0, str(BENCH))
    try:
        import child
        import corpus
        import run
    finally:
        sys.path.remove(str(BENCH))
    return {"corpus": corpus, "child": child, "run": run}


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n")]


def test_corpus_doctests(bench: dict[str, ModuleType]) -> None:
    assert doctest.testmod(bench["corpus"]).failed == 0


def test_1x_is_exactly_what_the_pipeline_aligns(bench: dict[str, ModuleType]) -> None:
    corpus = bench["corpus"]
    seeds = corpus.seed_articles()
    assert len(seeds) == 5
    story = corpus.scaled_story(1)
    assert [a.id for a in story.articles] == [a.id for a in seeds]
    assert story.outliers == ()
    for seed, article in zip(seeds, story.articles, strict=True):
        assert [s.text for s in article.sentences] == [s.text for s in seed.sentences]
        assert article.text == "\n\n".join(p.text for p in seed.paragraphs)


@pytest.mark.parametrize("factor", [2, 4])
def test_longer_articles_are_distinct_real_text(bench: dict[str, ModuleType], factor: int) -> None:
    corpus = bench["corpus"]
    base = corpus.scaled_texts(1)
    texts = corpus.scaled_texts(factor)
    assert list(texts) == list(base)
    seed_paragraphs = {p for text in base.values() for p in _paragraphs(text)}
    assert len(set(texts.values())) == len(texts)  # every outlet's long article differs
    total = sum(map(len, texts.values()))
    assert total >= 0.9 * factor * sum(map(len, base.values()))
    for aid, text in texts.items():
        paragraphs = _paragraphs(text)
        own = _paragraphs(base[aid])
        assert text.startswith(base[aid])  # the outlet's own article comes first
        assert not [p for p, n in Counter(paragraphs).items() if n > 1]  # no repeats
        assert set(paragraphs) <= seed_paragraphs  # real text from the seeds, no filler
        added = set(paragraphs) - set(own)
        others = {o for o, body in base.items() if o != aid and added & set(_paragraphs(body))}
        assert len(others) >= factor - 1  # other outlets' versions, not its own again
        assert len(paragraphs) >= len(own) + len(added) > len(own)


def test_scaled_story_is_segmented_and_grows(bench: dict[str, ModuleType]) -> None:
    corpus = bench["corpus"]
    counts = {k: sum(len(a.sentences) for a in corpus.scaled_story(k).articles) for k in (1, 4)}
    assert counts[4] > 3.5 * counts[1]
    with pytest.raises(ValueError, match="factor"):
        corpus.scaled_paragraphs([["a"], ["b"]], 3)


def test_align_child_reports_every_size(bench: dict[str, ModuleType]) -> None:
    result = bench["child"].measure_align([1, 2], 2)
    assert set(result["sizes"]) == {1, 2}
    assert all(len(size["times"]) == 2 for size in result["sizes"].values())
    assert result["sizes"][2]["words"] > result["sizes"][1]["words"]
    json.dumps(result)  # what the child prints


def test_collatex_child_feeds_every_text_as_a_witness(
    bench: dict[str, ModuleType], tmp_path: Path, monkeypatch
) -> None:
    # CollateX is installed only by `make bench`; a stand-in with its API checks
    # that the child hands it exactly the texts our aligner sees.
    fed: dict[str, str] = {}

    class Witness:
        def __init__(self, text: str) -> None:
            self.text = text

        def tokens(self) -> list[str]:
            return self.text.split()

    class Collation:
        def __init__(self) -> None:
            self.witnesses: list[Witness] = []

        def add_plain_witness(self, sigil: str, text: str) -> None:
            fed[sigil] = text
            self.witnesses.append(Witness(text))

    class Table:
        columns = (1, 2, 3)

    stand_in = ModuleType("collatex")
    stand_in.Collation = Collation  # type: ignore[attr-defined]
    stand_in.collate = lambda collation: Table()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "collatex", stand_in)
    texts = {"a": "Rain fell hard.", "b": "Rain fell."}
    path = tmp_path / "texts.json"
    path.write_text(json.dumps(texts), encoding="utf-8")
    result = bench["child"].measure_collatex(path)
    assert fed == texts
    assert result["tokens"] == 5 and result["columns"] == 3 and len(result["times"]) == 1


def test_run_child_returns_json_and_stops_at_the_timeout(bench: dict[str, ModuleType]) -> None:
    run = bench["run"]
    done = run.run_child(["-c", "print('noise'); print('{\"x\": 1}')"], timeout=60)
    assert done.result == {"x": 1} and not done.timed_out and done.peak_mb > 0
    stopped = run.run_child(["-c", "import time; time.sleep(60)"], timeout=0.2)
    assert stopped.timed_out and stopped.result is None
    with pytest.raises(SystemExit, match="exit 7"):
        run.run_child(["-c", "raise SystemExit(7)"], timeout=60)


def test_goals_read_lower_bounds(bench: dict[str, ModuleType]) -> None:
    run = bench["run"]
    figures = run.Figures()
    figures.values.update(
        {
            "collatex_ratio": "772",
            "collatex_4x_ratio": ">=151 (lower bound)",
            "align_peak_mb": "150.3",
            "align_growth_2x": "2.04",
            "align_growth_4x": "3.1",
            "report_cold_s": "5.2",
            "cluster_articles_per_s": "5671",
            "cluster_pairwise_f1": "0.9636",
            "cluster_peak_mb": "608.3",
            "cluster_growth_40k": "4.7",
            "dense_align_s": "16.8",
            "dense_align_peak_mb": "477",
            "dense_align_small_vocab_s": "22.5",
            "dense_align_small_vocab_peak_mb": "378",
            "archive_kb_per_record": "1.85",
            "archive_600w_kb_per_record": "15.8",
        }
    )
    assert run.goal_status(figures, "collatex_ratio") == "met"
    assert run.goal_status(figures, "collatex_4x_ratio") == "unproven"
    assert run.missed_goals(figures) == [
        "collatex_4x_ratio (unproven)",
        "align_growth_4x",
        "cluster_growth_40k",
    ]
    figures.values["collatex_4x_ratio"] = ">=3000 (lower bound)"
    assert run.goal_status(figures, "collatex_4x_ratio") == "met"


def test_dense_cases_include_the_small_vocabulary_worst_case(
    bench: dict[str, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #19: ``make bench`` measures the 60-word case the README quotes, not only 300."""
    run = bench["run"]
    calls: list[list[str]] = []

    def fake_child(args: list[str], *, timeout: float) -> object:
        calls.append(list(args))
        return run.Child({"times": [1.5]}, 300.0, 2.0, False)

    monkeypatch.setattr(run, "run_child", fake_child)
    figures = _Collected()
    run.bench_dense(figures)
    assert [c[1:] for c in calls] == [["dense", "2000", "300"], ["dense", "2000", "60"]]
    assert figures.values == {
        "dense_align_s": 1.5,
        "dense_align_peak_mb": 300.0,
        "dense_align_small_vocab_s": 1.5,
        "dense_align_small_vocab_peak_mb": 300.0,
    }
    assert {"dense_align_small_vocab_s", "dense_align_small_vocab_peak_mb"} <= set(run.GOALS)


class _Collected:
    """Stands in for run.Figures: keeps what bench_clustering adds."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def add(self, name: str, value: object) -> None:
        self.values[name] = value


def test_grouping_sizes_are_timed_in_turn_in_their_own_children(
    bench: dict[str, ModuleType],
) -> None:
    """Small sizes, two rounds: every size gets its figures, each child its own peak."""
    sys.path.insert(0, str(BENCH))
    try:
        import cluster_bench
    finally:
        sys.path.remove(str(BENCH))
    figures, said = _Collected(), []
    cluster_bench.bench_clustering(figures, said.append, sizes=(120, 60), rounds=2)
    for suffix in ("_60", "_120"):
        assert figures.values[f"cluster_articles_per_s{suffix}"] > 0
        assert figures.values[f"cluster_pairwise_f1{suffix}"] >= 0.9
        assert (
            figures.values[f"cluster_peak_mb{suffix}"]
            >= figures.values[f"cluster_ready_mb{suffix}"]
        )
    assert "cluster_growth_40k" not in figures.values  # only with the 10k and 40k sizes
    runs = [line for line in said if "CPU s per run" in line]
    assert len(runs) == 2 and all(len(line.split(": ")[1].split()) == 2 for line in runs)
