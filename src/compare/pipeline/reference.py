"""``--reference``: which article it names, and whether it can be the reference (#16).

Why accept three spellings: people name the wire copy by its file, by the
id the report prints, or by the outlet label the report shows ("Associated
Press"); refusing the label the report itself shows was reported as a bug.
An outlet label must name exactly one article, or the choice is ambiguous.

Why an article set aside is refused: it was flagged as covering another
event, so measuring every outlet against it turns the whole story into
omissions; saying so beats a report full of false findings.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from compare.errors import UsageError
from compare.model import Article, Story


def _same_file(value: str, article: Article) -> bool:
    try:
        return os.path.samefile(value, article.path)
    except OSError:
        return False


def resolve_reference(value: str | None, articles: Sequence[Article]) -> str | None:
    """The article id ``--reference`` names: an id, a file, or an outlet label.

    >>> from compare.model import Article
    >>> a = Article("wire-1", "in/wire-1.txt", "", "", "Coastal Wire", "", None, None, "")
    >>> b = Article("gazette", "in/gazette.txt", "", "", "Gazette", "", None, None, "")
    >>> [resolve_reference(v, [a, b]) for v in ("wire-1", "in/wire-1.txt", "coastal wire")]
    ['wire-1', 'wire-1', 'wire-1']
    """
    if value is None:
        return None
    ids = {a.id for a in articles}
    if value in ids:
        return value
    by_file = [a.id for a in articles if a.path == value or _same_file(value, a)]
    if not by_file and Path(value).stem in ids and Path(value).suffix:
        by_file = [Path(value).stem]
    if len(by_file) == 1:
        return by_file[0]
    wanted = " ".join(value.split()).casefold()
    by_outlet = [a for a in articles if " ".join(a.outlet.split()).casefold() == wanted]
    if len(by_outlet) == 1:
        return by_outlet[0].id
    if len(by_outlet) > 1:
        choices = ", ".join(sorted(a.id for a in by_outlet))
        raise UsageError(
            f"--reference {value!r} names the outlet of {len(by_outlet)} articles ({choices}); "
            "give one of their ids"
        )
    known = ", ".join(f"{a.id} ({a.outlet})" if a.outlet != a.id else a.id for a in articles)
    raise UsageError(
        f"reference article '{value}' is not among the usable articles; give an id, a file "
        f"or an outlet label: {known}"
    )


def check_not_set_aside(
    reference: str | None, stories: Sequence[Story], *, include_outliers: bool
) -> None:
    """Refuse a reference that was set aside as covering a different event."""
    if reference is None or include_outliers:
        return
    for story in stories:
        for outlier in story.outliers:
            if outlier.article_id == reference:
                raise UsageError(
                    f"reference article '{reference}' was set aside as covering a different "
                    f"event ({outlier.reason}); choose another reference, or add "
                    "--include-outliers to compare it anyway"
                )
