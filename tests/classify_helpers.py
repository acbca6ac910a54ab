"""Helpers the classify tests share: invented stories aligned by sentence index.

Why: the per-family tests must exercise one rule without the align stage,
so sentence i of every article forms passage p{i+1}; building that context,
running the classifier over it and checking what a finding quotes are the
same steps in every family's tests.
"""

from __future__ import annotations

from compare.classify import classify
from compare.classify.base import Candidate, Context
from compare.classify.variants.align import pairwise_edits
from compare.model import Alignment, Finding, Kind, Passage
from compare.util.options import Options

from builders import story_from_texts


def run(
    texts: dict[str, str],
    *,
    dates: dict[str, str] | None = None,
    cells: dict[str, dict[str, tuple[int, ...]]] | None = None,
    options: Options | None = None,
) -> tuple[Finding, ...]:
    """Classify invented articles; sentence i of every article forms passage p{i+1}."""
    story = story_from_texts(texts, dates=dates)
    ids = tuple(a.id for a in story.articles)
    if cells is None:
        n = max(len(a.sentences) for a in story.articles)
        cells = {
            f"p{i + 1}": {a.id: (i,) for a in story.articles if i < len(a.sentences)}
            for i in range(n)
        }
    passages = tuple(Passage(pid, c) for pid, c in cells.items())
    return classify(story, Alignment(ids, passages), (), options=options or Options())


def of_kind(findings: tuple[Finding, ...], kind: Kind) -> list[Finding]:
    """Findings of one kind."""
    return [f for f in findings if f.kind == kind]


def the_finding(a: str, b: str, kind: Kind, label: str) -> Finding:
    """The one finding of ``kind`` between two one-passage articles, checked by its label."""
    found = of_kind(run({"a": a, "b": b}), kind)
    assert [f.label for f in found] == [label]
    return found[0]


def sentence_context(texts: dict[str, str], *, with_edits: bool = False) -> Context:
    """One passage per sentence index that every article reaches, every article carrying it.

    ``with_edits`` fills ``Context.edits`` with the pairwise edits the
    variant families would otherwise compute themselves.
    """
    story = story_from_texts(texts)
    ids = tuple(a.id for a in story.articles)
    n = min(len(a.sentences) for a in story.articles)
    passages = tuple(Passage(f"p{i + 1}", {aid: (i,) for aid in ids}) for i in range(n))
    ctx = Context(story, Alignment(ids, passages), ())
    return Context(story, ctx.alignment, pairwise_edits(ctx)) if with_edits else ctx


def assert_quotes_source(ctx: Context, candidate: Candidate) -> None:
    """Every span of the candidate quotes its article's text exactly."""
    for spans in candidate.spans.values():
        for span in spans:
            assert ctx.articles[span.article_id].text[span.start : span.end] == span.text


# One council story told twice: the sentences two outlets share as printed copy, or each
# outlet's in its own words (``pairs.one_copy`` tells the two apart).
COPY_STORY = (
    "The council approved the budget on Monday after a long debate.",
    "Spending on roads rises by a tenth next year.",
    "The mayor called the vote a victory for residents.",
    "Opposition members walked out before the final count.",
)
OWN_WORDS_STORY = (
    "After hours of argument, councillors passed the spending plan on Monday.",
    "Next year the city will put ten percent more into its streets.",
    "It was, the mayor told reporters, a win for the people who live here.",
    "Before the tally, the opposition had already left the chamber.",
)
