"""Token differences inside aligned cells, for every pair of outlets carrying a passage.

Why normalised forms: ``Token.norm`` folds case, quotes, dashes and invisible
characters, so a curly quote is never reported as a changed word; the
typography rule finds those by comparing original text of equal norms.
Why ``autojunk=False``: difflib's junk heuristic drops frequent tokens
("the", ",") in sequences over 200 tokens, which would turn a long merged
cell into spurious replacements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from itertools import combinations

from compare.model import Alignment, Article, Edit, Passage, Story, Token

OPS = ("replace", "insert", "delete")


def cell_tokens(story: Story, passage: Passage, article_id: str) -> tuple[Token, ...]:
    """The concatenated tokens of one article's cell (empty if it has none).

    Same sequence as ``classify.base.Context.cell_tokens``, so ``Edit`` indexes
    can be used with either.
    """
    indexes = passage.cells.get(article_id, ())
    if not indexes:
        return ()
    article = next(a for a in story.articles if a.id == article_id)
    return tuple(t for i in indexes for t in article.sentences[i].tokens)


def opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes of two token-form sequences, junk heuristic off.

    >>> opcodes(["rain", "fell"], ["heavy", "rain", "fell"])
    [('insert', 0, 0, 0, 1), ('equal', 0, 2, 1, 3)]
    """
    return list(SequenceMatcher(None, list(a), list(b), autojunk=False).get_opcodes())


def matched_tokens(a: Sequence[str], b: Sequence[str]) -> int:
    """How many tokens the two sequences share in order (difflib's matching blocks).

    >>> matched_tokens(["a", "b", "c"], ["a", "x", "c"])
    2
    """
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks())


def pair_edits(
    passage_id: str, a: str, b: str, a_cell: Sequence[Token], b_cell: Sequence[Token]
) -> list[Edit]:
    """The non-equal opcodes between two cells as Edits, in sequence order."""
    codes = opcodes([t.norm for t in a_cell], [t.norm for t in b_cell])
    return [
        Edit(passage_id, op, a, b, i1, j1, tuple(a_cell[i1:i2]), tuple(b_cell[j1:j2]))
        for op, i1, i2, j1, j2 in codes
        if op != "equal"
    ]


def _cells(articles: Mapping[str, Article], passage: Passage) -> dict[str, tuple[Token, ...]]:
    return {
        aid: tuple(t for i in indexes for t in articles[aid].sentences[i].tokens)
        for aid, indexes in sorted(passage.cells.items())
        if aid in articles and indexes
    }


def diff(story: Story, alignment: Alignment) -> tuple[Edit, ...]:
    """Edits for every passage and every pair of articles (a < b by id) carrying it.

    Order: passages in alignment order, then pairs by id, then position.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from builders import story_from_texts
    >>> from compare.model import Passage
    >>> story = story_from_texts({"a": "Rain fell.", "b": "Heavy rain fell."})
    >>> al = Alignment(("a", "b"), (Passage("p1", {"a": (0,), "b": (0,)}),))
    >>> [(e.op, [t.text for t in e.b_tokens]) for e in diff(story, al)]
    [('insert', ['Heavy'])]
    """
    compared = set(alignment.article_ids)
    articles = {a.id: a for a in story.articles if a.id in compared}
    edits: list[Edit] = []
    for passage in alignment.passages:
        cells = _cells(articles, passage)
        for a, b in combinations(sorted(cells), 2):
            edits.extend(pair_edits(passage.id, a, b, cells[a], cells[b]))
    return tuple(edits)
