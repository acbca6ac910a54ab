"""Pipeline: the only package that knows the stage order.

In: paths and ``Options``.
Out: ``prepare(...) -> Prepared`` (the stories to analyse, problems,
warnings) and ``analyze_story(...) -> Report`` (alignment, findings, scores,
key figures, a reviewer's decisions), the ``Report`` every output is made from.

Inside: ``run`` (prepare, analyse), ``score`` (``Scores``: pair similarity,
coverage, divergence, counts), ``reference`` (``--reference``), ``review``
(a reviewer's ``review.json`` applied).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.pipeline.run import Prepared, analyze_story, prepare
    from compare.pipeline.score import score

__all__ = ["Prepared", "analyze_story", "prepare", "score"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name in ("Prepared", "analyze_story", "prepare"):
        return getattr(importlib.import_module("compare.pipeline.run"), name)
    if name == "score":
        return getattr(importlib.import_module("compare.pipeline.score"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
