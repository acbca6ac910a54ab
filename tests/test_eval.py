"""The gold file for the seeds and the matcher in bench/eval.py.

Why here: the gold file is only worth something if every text in it is copied
exactly from its article, and the matcher must be trusted independently of
the pipeline it measures, so it is tested on a tiny hand-built Report.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from compare.model import (
    SCHEMA_VERSION,
    Alignment,
    Article,
    Finding,
    Kind,
    Report,
    Scores,
    Severity,
    Span,
    Story,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds.yaml"
SEEDS = ROOT / "seeds"
OUTLIER = "002_922fff0aa49f6485"
# Lines the tool removes as boilerplate: a gold text found only there is no difference.
BOILERPLATE_LINE = re.compile(
    r"Credit:|\(AP Photo\)|\(The Associated Press\)|Getty Images\)|^Advertisement$"
    r"|^With inputs from|contributed"
)


def _load_eval() -> ModuleType:
    """Import bench/eval.py (not a package) under a name that shadows nothing."""
    spec = importlib.util.spec_from_file_location("bench_eval", ROOT / "bench" / "eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ev = _load_eval()


def _seed_texts() -> dict[str, str]:
    """Each seed's decoded original text, newlines untouched (as Article.text)."""
    texts = {}
    for path in sorted(SEEDS.glob("*.txt")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            texts[path.stem] = fh.read()
    return texts


SEED_TEXTS = _seed_texts()
GOLD_DATA: dict[str, Any] = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
ALL_ENTRIES: list[dict[str, Any]] = [
    *GOLD_DATA.get("differences", []),
    *GOLD_DATA.get("outlier_only", []),
]
TEXT_CASES = [
    pytest.param(entry["id"], aid, text, id=f"{entry['id']}-{aid[:3]}")
    for entry in ALL_ENTRIES
    for aid, text in entry["texts"].items()
]


# ---------------------------------------------------------------- the gold file


@pytest.mark.parametrize(("entry_id", "article_id", "text"), TEXT_CASES)
def test_gold_text_is_verbatim_in_its_article(entry_id: str, article_id: str, text: str) -> None:
    assert article_id in SEED_TEXTS, f"{entry_id}: no seed {article_id}"
    assert text in SEED_TEXTS[article_id], f"{entry_id}: {text!r} not in {article_id}"


@pytest.mark.parametrize(("entry_id", "article_id", "text"), TEXT_CASES)
def test_gold_text_occurs_outside_boilerplate(entry_id: str, article_id: str, text: str) -> None:
    body_lines = [
        line
        for line in SEED_TEXTS[article_id].splitlines()
        if not BOILERPLATE_LINE.search(line.strip())
    ]
    assert any(text in line for line in body_lines), f"{entry_id}: {text!r} only in boilerplate"


def test_gold_schema() -> None:
    valid_kinds = {k.value for k in Kind} - {Kind.TYPOGRAPHY.value}
    compared = set(GOLD_DATA["articles"])
    assert compared == set(SEED_TEXTS) - {OUTLIER}
    ids = [e["id"] for e in ALL_ENTRIES]
    assert len(ids) == len(set(ids)), "duplicate gold ids"
    for entry in ALL_ENTRIES:
        assert set(entry) <= {"id", "kind", "texts", "note", "absent_in"}, entry["id"]
        assert entry["kind"] in valid_kinds, entry["id"]
        assert isinstance(entry["note"], str) and entry["note"].strip(), entry["id"]
        texts = entry["texts"]
        assert texts and all(isinstance(t, str) and t.strip() for t in texts.values())
        assert set(texts) <= set(SEED_TEXTS), entry["id"]
        needed = 1 if entry["kind"] == Kind.ADDED_PASSAGE else 2
        assert len(texts) >= needed, f"{entry['id']}: needs texts from {needed} articles"
        absent = entry.get("absent_in", [])
        assert bool(absent) == (entry["kind"] == Kind.OMITTED_PASSAGE), entry["id"]
        assert set(absent) <= set(SEED_TEXTS) and not set(absent) & set(texts), entry["id"]
    for entry in GOLD_DATA["differences"]:
        assert set(entry["texts"]) | set(entry.get("absent_in", [])) <= compared, entry["id"]
    for entry in GOLD_DATA["outlier_only"]:
        assert OUTLIER in entry["texts"], entry["id"]


def test_gold_size_and_coverage() -> None:
    entries = ev.load_gold(GOLD)
    counts = Counter(e.kind for e in entries)
    assert len(entries) >= 45
    assert set(counts) == set(Kind) - {Kind.TYPOGRAPHY}
    assert ev.load_gold(GOLD, section="outlier_only")


# ---------------------------------------------------------------- the unseen stories

STORIES = ROOT / "tests" / "gold" / "stories"
STORY_DIRS = sorted(p.parent for p in STORIES.glob("*/gold.yaml"))


def _story_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.glob("*.txt")):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            texts[path.stem] = fh.read()
    return texts


STORY_TEXTS = {d.name: _story_texts(d) for d in STORY_DIRS}
STORY_GOLD = {d.name: yaml.safe_load((d / "gold.yaml").read_text("utf-8")) for d in STORY_DIRS}
STORY_CASES = [
    pytest.param(name, entry["id"], aid, text, id=f"{name}-{entry['id']}-{aid}")
    for name, data in STORY_GOLD.items()
    for entry in data["differences"]
    for aid, text in entry["texts"].items()
]


def test_there_are_unseen_stories() -> None:
    assert len(STORY_DIRS) >= 3
    assert ev.story_folders() == tuple(STORY_DIRS)


@pytest.mark.parametrize(("story", "entry_id", "article_id", "text"), STORY_CASES)
def test_story_gold_text_is_verbatim_outside_boilerplate(
    story: str, entry_id: str, article_id: str, text: str
) -> None:
    article = STORY_TEXTS[story].get(article_id)
    assert article is not None, f"{story}/{entry_id}: no article {article_id}"
    assert text in article, f"{story}/{entry_id}: {text!r} not in {article_id}"
    body_lines = [
        line for line in article.splitlines() if not BOILERPLATE_LINE.search(line.strip())
    ]
    assert any(text in line for line in body_lines), f"{entry_id}: {text!r} only in boilerplate"


@pytest.mark.parametrize("story", sorted(STORY_GOLD))
def test_story_gold_schema(story: str) -> None:
    data = STORY_GOLD[story]
    texts = STORY_TEXTS[story]
    assert set(data["articles"]) == set(texts), story
    entries = data["differences"]
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate gold ids"
    assert len(entries) >= 20
    valid_kinds = {k.value for k in Kind} - {Kind.TYPOGRAPHY.value}
    assert len({e["kind"] for e in entries}) >= 8, "too few kinds"
    for entry in entries:
        assert set(entry) <= {"id", "kind", "texts", "note", "absent_in"}, entry["id"]
        assert entry["kind"] in valid_kinds, entry["id"]
        assert isinstance(entry["note"], str) and entry["note"].strip(), entry["id"]
        needed = 1 if entry["kind"] == Kind.ADDED_PASSAGE else 2
        assert len(entry["texts"]) >= needed, f"{entry['id']}: needs {needed} articles"
        absent = entry.get("absent_in", [])
        assert bool(absent) == (entry["kind"] == Kind.OMITTED_PASSAGE), entry["id"]
        assert set(absent) <= set(texts) and not set(absent) & set(entry["texts"]), entry["id"]
    assert ev.load_gold(STORIES / story / "gold.yaml")


# ---------------------------------------------------------------- the matcher

A_TEXT = "Officials said at least 12 died. Fire chief Mara Olsen spoke. The plant will close."
B_TEXT = "Officials said 15 died. Fire chief Mara Olson spoke."
C_TEXT = "At least 12 died, officials said. Fire chief Mara Olsen spoke."


def _span(aid: str, text: str, needle: str, *, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(aid, start, start + len(needle), 1, needle)


def _article(aid: str, text: str) -> Article:
    return Article(
        id=aid,
        path=f"{aid}.txt",
        sha256="0" * 64,
        text=text,
        outlet=aid,
        outlet_source="test",
        title=None,
        published=None,
        published_source="none",
    )


def _finding(fid: str, kind: Kind, spans: dict[str, tuple[Span, ...]], label: str = "") -> Finding:
    return Finding(
        id=fid,
        kind=kind,
        severity=Severity.HIGH,
        passage_id="p1",
        spans=spans,
        explanation="test",
        label=label or fid,
    )


def _report(findings: list[Finding]) -> Report:
    texts = {"a": A_TEXT, "b": B_TEXT, "c": C_TEXT}
    story = Story(id="s", title="s", articles=tuple(_article(k, v) for k, v in texts.items()))
    return Report(
        schema=SCHEMA_VERSION,
        tool_version="0",
        generated="2020-10-19T00:00:00Z",
        run_id="r",
        story=story,
        alignment=Alignment(article_ids=tuple(texts), passages=()),
        findings=tuple(findings),
        scores=Scores(),
    )


GOLD_MINI: dict[str, Any] = {
    "differences": [
        {
            "id": "num",
            "kind": "number_discrepancy",
            "texts": {"a": "at least 12", "b": "15"},
            "note": "n",
        },
        {"id": "name", "kind": "name_variant", "texts": {"a": "Olsen", "b": "Olson"}, "note": "n"},
        {
            "id": "add",
            "kind": "added_passage",
            "texts": {"a": "The plant will close."},
            "note": "n",
        },
        {
            "id": "omit",
            "kind": "omitted_passage",
            "texts": {"a": "Fire chief", "c": "Fire chief"},
            "absent_in": ["b"],
            "note": "n",
        },
    ]
}

NUM = _finding(
    "f1",
    Kind.NUMBER_DISCREPANCY,
    {"a": (_span("a", A_TEXT, "12"),), "b": (_span("b", B_TEXT, "15"),)},
)


def _entry(entry_id: str) -> Any:
    return next(e for e in ev.parse_gold(GOLD_MINI) if e.id == entry_id)


def _matcher() -> Any:
    return ev.Matcher({"a": A_TEXT, "b": B_TEXT, "c": C_TEXT}, ev.parse_gold(GOLD_MINI))


@pytest.mark.parametrize(
    ("finding", "entry_id", "lenient", "expected"),
    [
        pytest.param(NUM, "num", False, True, id="overlap-in-both"),
        pytest.param(
            _finding("f", Kind.HEDGE_CHANGE, dict(NUM.spans)), "num", False, False, id="wrong-kind"
        ),
        pytest.param(
            _finding("f", Kind.HEDGE_CHANGE, dict(NUM.spans)),
            "num",
            True,
            True,
            id="near-equivalent-kind-lenient",
        ),
        pytest.param(
            _finding("f", Kind.NAME_VARIANT, dict(NUM.spans)),
            "num",
            True,
            False,
            id="unrelated-kind-even-lenient",
        ),
        pytest.param(
            _finding("f", Kind.NUMBER_DISCREPANCY, {"a": (_span("a", A_TEXT, "12"),)}),
            "num",
            False,
            False,
            id="one-article-only",
        ),
        pytest.param(
            _finding(
                "f",
                Kind.NUMBER_DISCREPANCY,
                {"a": (_span("a", A_TEXT, "Officials"),), "b": (_span("b", B_TEXT, "15"),)},
            ),
            "num",
            False,
            False,
            id="no-overlap-in-a",
        ),
        pytest.param(
            _finding(
                "f",
                Kind.NAME_VARIANT,
                {
                    "a": (_span("a", A_TEXT, "Mara Olsen spoke"),),
                    "b": (_span("b", B_TEXT, "died"),),
                },
            ),
            "name",
            False,
            False,
            id="b-span-elsewhere",
        ),
        pytest.param(
            _finding(
                "f",
                Kind.NAME_VARIANT,
                {"a": (_span("a", A_TEXT, "Mara Olsen"),), "b": (_span("b", B_TEXT, "Olson"),)},
            ),
            "name",
            False,
            True,
            id="longer-span-overlaps",
        ),
        pytest.param(
            _finding("f", Kind.ADDED_PASSAGE, {"a": (_span("a", A_TEXT, "plant"),)}),
            "add",
            False,
            True,
            id="added-needs-one-article",
        ),
        pytest.param(
            _finding(
                "f",
                Kind.OMITTED_PASSAGE,
                {"a": (_span("a", A_TEXT, "Fire"),), "c": (_span("c", C_TEXT, "chief"),)},
            ),
            "omit",
            False,
            True,
            id="omitted-carriers",
        ),
        pytest.param(
            _finding(
                "f",
                Kind.OMITTED_PASSAGE,
                {
                    "a": (_span("a", A_TEXT, "Fire"),),
                    "b": (_span("b", B_TEXT, "Fire"),),
                    "c": (_span("c", C_TEXT, "chief"),),
                },
            ),
            "omit",
            False,
            False,
            id="omitted-but-quotes-absent-article",
        ),
    ],
)
def test_matcher(finding: Finding, entry_id: str, lenient: bool, expected: bool) -> None:
    assert _matcher().matches(finding, _entry(entry_id), lenient=lenient) is expected


def test_matcher_any_occurrence() -> None:
    text = "Aliyev met. Later Aliyev spoke."
    gold = ev.parse_gold(
        {"differences": [{"id": "n", "kind": "name_variant", "texts": {"a": "Aliyev"}}]}
    )
    matcher = ev.Matcher({"a": text}, gold)
    second = _finding("f", Kind.NAME_VARIANT, {"a": (_span("a", text, "Aliyev", nth=1),)})
    elsewhere = _finding("f", Kind.NAME_VARIANT, {"a": (_span("a", text, "spoke"),)})
    assert matcher.matches(second, gold[0]) is True
    assert matcher.matches(elsewhere, gold[0]) is False


def test_evaluate_figures() -> None:
    typo = _finding("t", Kind.TYPOGRAPHY, {"a": (_span("a", A_TEXT, "12"),)})
    junk = _finding("f9", Kind.LOADED_TERM, {"a": (_span("a", A_TEXT, "plant"),)}, "junk")
    hedge = _finding("f3", Kind.HEDGE_CHANGE, dict(NUM.spans), "hedge")
    result = ev.evaluate(_report([NUM, typo, hedge, junk]), GOLD_MINI)
    assert result["recall_number_discrepancy"] == 1.0
    assert result["recall_name_variant"] == 0.0
    assert result["recall_overall"] == 0.25
    assert result["recall_overall_lenient"] == 0.25
    assert "recall_loaded_term" not in result  # no gold of that kind
    assert result["precision_top30"] == round(1 / 3, 2)  # typography ignored
    assert result["precision_top30_lenient"] == round(2 / 3, 2)
    assert result["precision_all"] == round(1 / 3, 2)
    assert result["findings_total"] == 4
    assert result["missed"] == ["name_variant name", "added_passage add", "omitted_passage omit"]
    assert result["unmatched_top"] == ["f3 hedge_change: hedge", "f9 loaded_term: junk"]
    assert result["lenient_only"] == []


def test_evaluate_lenient_only_and_empty() -> None:
    hedge = _finding("f3", Kind.HEDGE_CHANGE, dict(NUM.spans), "hedge")
    result = ev.evaluate(_report([hedge]), GOLD_MINI)
    assert result["recall_overall"] == 0.0
    assert result["recall_overall_lenient"] == 0.25
    assert result["lenient_only"] == ["num"]
    empty = ev.evaluate(_report([]), GOLD_MINI)
    assert empty["precision_top30"] == 0.0 and empty["findings_total"] == 0


def test_format_result_figures_then_comments() -> None:
    lines = list(ev.format_result(ev.evaluate(_report([NUM]), GOLD_MINI)))
    figures = [line for line in lines if not line.startswith("#")]
    assert figures and all(re.fullmatch(r"[a-z0-9_]+: [0-9.]+", line) for line in figures)
    first_comment = next(i for i, line in enumerate(lines) if line.startswith("#"))
    assert all(line.startswith("#") for line in lines[first_comment:])
    assert "#   name_variant name" in lines


def test_biggest_report() -> None:
    small = _report([])
    one = Story(id="x", title="x", articles=small.story.articles[:1])
    smaller = dataclasses.replace(small, story=one)
    assert ev.biggest_report([smaller, small]) is small


def test_pooled_adds_counts_not_ratios() -> None:
    one = ev.judge(_report([NUM]), ev.parse_gold(GOLD_MINI))  # 1 of 4 found, 1 of 1 top right
    hedge = _finding("f3", Kind.HEDGE_CHANGE, dict(NUM.spans), "hedge")
    two = ev.judge(_report([hedge, hedge]), ev.parse_gold(GOLD_MINI))  # 0 of 4, 0 of 2 right
    pooled = ev.pooled([one, two])
    assert pooled["recall_overall"] == round(1 / 8, 2)
    assert pooled["precision_top30"] == round(1 / 3, 2)  # not the mean of 1.0 and 0.0
    assert pooled["recall_number_discrepancy"] == 0.5
    assert (
        ev.pooled([one])["recall_overall"]
        == ev.evaluate(_report([NUM]), GOLD_MINI)["recall_overall"]
    )
