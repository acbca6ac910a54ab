"""Build segmented articles and stories from short invented texts, for tests.

Why not ingest: stage tests should exercise one stage; paragraphs here are
simply the blank-line-separated blocks of the text.
"""

from __future__ import annotations

import hashlib
import re

from compare.align.segment import segment
from compare.model import Article, Span, Story
from compare.text.offsets import LineIndex


def article_from_text(
    article_id: str,
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
) -> Article:
    """A segmented Article whose paragraphs are the text's blank-line blocks."""
    lines = LineIndex(text)
    paragraphs = tuple(
        Span(article_id, m.start(), m.end(), lines.line(m.start()), m.group())
        for m in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text)
    )
    article = Article(
        id=article_id,
        path=f"{article_id}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        outlet=outlet or article_id,
        outlet_source="test",
        title=None,
        published=published,
        published_source="test" if published else "none",
        paragraphs=paragraphs,
    )
    return segment(article)


def story_from_texts(texts: dict[str, str], *, dates: dict[str, str] | None = None) -> Story:
    """A Story of segmented articles, one per ``{id: text}`` entry."""
    dates = dates or {}
    articles = tuple(
        article_from_text(aid, text, published=dates.get(aid))
        for aid, text in sorted(texts.items())
    )
    return Story(id="test-story", title="Test story", articles=articles)
