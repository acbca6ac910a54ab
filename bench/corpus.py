"""Benchmark inputs: the seed articles' bodies at 1×, 2× and 4× their length.

What each aligner sees: an article's *body*, the paragraphs ``ingest`` kept
after boilerplate removal, joined by blank lines.  ``compare``'s aligner gets
those bodies as segmented Articles, CollateX gets the same strings.

How the longer inputs are built (no text may be downloaded, and repeating an
article's own text would flatter any aligner that is good at exact repeats):
the seeds are five outlets' versions of one story, so outlet *i*'s article at
factor *k* is the bodies of seeds *i*, *i*+1, …, *i*+*k*-1 (mod 5) one after
another, a Latin square.  Every outlet's long article is different real news
text, every chapter position holds five different outlets' versions, and the
corpus grows by exactly *k* in total.  A paragraph that an outlet's long
article already contains (wire copy shared verbatim by two seeds) is dropped
there, so no article repeats a paragraph.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from compare.align.segment import segment
from compare.ingest.run import ingest
from compare.model import Article, Span, Story
from compare.text.offsets import LineIndex
from compare.util.options import Options

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FACTORS = (1, 2, 4)
PARAGRAPH_BREAK = "\n\n"


@cache
def seed_articles(folder: Path = SEEDS) -> tuple[Article, ...]:
    """The seed articles as the pipeline reads them: ingested and segmented, by id."""
    ingested = ingest([folder], options=Options())
    return tuple(segment(a) for a in sorted(ingested.articles, key=lambda a: a.id))


def body_paragraphs(article: Article) -> tuple[str, ...]:
    """The article's body paragraphs after boilerplate removal."""
    return tuple(p.text for p in article.paragraphs)


def scaled_paragraphs(bodies: Sequence[Sequence[str]], factor: int) -> tuple[tuple[str, ...], ...]:
    """Each outlet's paragraphs at ``factor`` times the length (Latin square).

    >>> scaled_paragraphs([["a"], ["b"], ["c"]], 2)
    (('a', 'b'), ('b', 'c'), ('c', 'a'))
    >>> scaled_paragraphs([["a", "x"], ["x", "b"]], 2)
    (('a', 'x', 'b'), ('x', 'b', 'a'))
    """
    if not 1 <= factor <= len(bodies):
        raise ValueError(f"factor must be 1..{len(bodies)}, not {factor}")
    scaled = []
    for i in range(len(bodies)):
        seen: set[str] = set()
        kept: list[str] = []
        for j in range(factor):
            for paragraph in bodies[(i + j) % len(bodies)]:
                key = " ".join(paragraph.split())
                if key not in seen:
                    seen.add(key)
                    kept.append(paragraph)
        scaled.append(tuple(kept))
    return tuple(scaled)


def scaled_texts(factor: int, articles: Sequence[Article] | None = None) -> dict[str, str]:
    """``{article id: body text}`` at ``factor`` times the seeds' length."""
    articles = seed_articles() if articles is None else articles
    paragraphs = scaled_paragraphs([body_paragraphs(a) for a in articles], factor)
    return {a.id: PARAGRAPH_BREAK.join(p) for a, p in zip(articles, paragraphs, strict=True)}


def article_from_body(template: Article, text: str) -> Article:
    """A segmented copy of ``template`` whose whole text is the body ``text``."""
    lines = LineIndex(text)
    paragraphs = tuple(
        Span(template.id, m.start(), m.end(), lines.line(m.start()), m.group())
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)
    )
    bare = dataclasses.replace(
        template,
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        paragraphs=paragraphs,
        removed=(),
        sentences=(),
        words=0,
    )
    return segment(bare)


def scaled_story(factor: int, articles: Sequence[Article] | None = None) -> Story:
    """Every seed article at ``factor`` times its length, all five compared.

    No outliers: the benchmark aligns the same five texts CollateX collates,
    although the pipeline sets aside one seed as an earlier event.
    """
    articles = seed_articles() if articles is None else articles
    texts = scaled_texts(factor, articles)
    scaled = tuple(article_from_body(a, texts[a.id]) for a in articles)
    return Story(id=f"bench-{factor}x", title=f"seeds at {factor}x", articles=scaled)
