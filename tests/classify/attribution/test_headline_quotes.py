"""headline_quotes: a headline quoting words its own article never prints."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.classify import classify
from compare.model import Alignment, Article, Kind, Passage, Severity, Story
from compare.util.options import Options

from builders import article_from_text

BODY = (
    "Cholera has killed 23 people in the camp, officials said. "
    '"For one week people were dying in their shelters and nobody came," one resident said.'
)


def _titled(article_id: str, title: str, body: str) -> Article:
    return replace(article_from_text(article_id, f"{title}\n\n{body}"), title=title)


def _quoted(title: str, body: str = BODY) -> list[str]:
    a = _titled("a", title, body)
    b = _titled("b", "Cholera kills 23 in refugee camp", BODY)
    story = Story("s", "s", (a, b))
    passages = tuple(
        Passage(f"p{i + 1}", {x.id: (i,) for x in (a, b) if i < len(x.sentences)})
        for i in range(max(len(a.sentences), len(b.sentences)))
    )
    found = classify(story, Alignment(("a", "b"), passages), (), options=Options())
    quoting = [f for f in found if f.kind == Kind.ATTRIBUTION_CHANGE and "headline" in f.label]
    assert all(f.severity == Severity.MEDIUM for f in quoting)
    return [s.text for f in quoting for spans in f.spans.values() for s in spans]


def test_a_headline_quotation_its_article_never_prints() -> None:
    # read blind (fourteenth round): the first missed difference of two judges
    assert _quoted("Cholera tears through camp as residents say they were 'left to die'") == [
        "left to die"
    ]
    assert _quoted("Cholera kills 23 as residents say \u201cnobody came\u201d to help") == []


@pytest.mark.parametrize(
    "title",
    [
        "Cholera kills 23 as residents say they were 'dying in their shelters'",
        "Cholera kills 23 in camp where people 'die in their shelters'",  # another inflection
        "Cholera kills 23 in 'Hell' camp",  # one word: a label, not a quotation
        "Residents' anger as cholera kills 23 in the camp",  # an apostrophe
    ],
)
def test_no_finding_for_printed_words_labels_or_apostrophes(title: str) -> None:
    assert _quoted(title) == []
