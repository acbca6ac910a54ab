"""Group: articles in, stories out (one event each, not merely one topic).

In: segmented ``Article``s and ``Options``.
Out: ``cluster(articles, options) -> Story[]``, each ``Story`` with the
``Outlier``s set aside and why.

Inside: ``stories`` (linking and naming stories), ``vectors`` (word counts,
names and figures per article), ``outliers`` (articles set aside).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.group.stories import cluster

__all__ = ["cluster"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name == "cluster":
        return getattr(importlib.import_module("compare.group.stories"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
