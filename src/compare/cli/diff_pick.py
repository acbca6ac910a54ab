"""``compare diff``: which two articles to compare, from any inputs (#16).

Why a module of its own: ``compare diff A B`` crashed ("internal error:
ValueError") when A was a folder or an archive, because it assumed two
files of one article each.  Any input kind is now read as ``compare report``
reads it, and exactly two articles must come out: either the inputs hold
two, or ``--id`` names two of them (from a folder or a ``.jsonl`` archive).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.errors import NoReportError, UsageError
from compare.model import Article


def pick_two(articles: Sequence[Article], ids: Sequence[str] | None) -> tuple[Article, Article]:
    """The two articles to compare: the only two, or the two ``ids`` name (in that order).

    >>> from compare.model import Article
    >>> arts = [Article(i, i, "", "", i, "", None, None, "") for i in ("a", "b", "c")]
    >>> [a.id for a in pick_two(arts, ["c", "a"])]
    ['c', 'a']
    """
    known = ", ".join(a.id for a in articles)
    if ids:
        if len(ids) != 2 or ids[0] == ids[1]:
            raise UsageError("give --id exactly twice, with two different article ids")
        by_id = {a.id: a for a in articles}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise UsageError(f"no usable article with id {missing[0]!r}; the ids are: {known}")
        return by_id[ids[0]], by_id[ids[1]]
    if len(articles) == 2:
        return articles[0], articles[1]
    if len(articles) < 2:
        raise NoReportError(f"need 2 readable articles: {len(articles)} usable")
    raise UsageError(
        f"the inputs hold {len(articles)} articles; pick two with --id ID --id ID (ids: {known})"
    )
