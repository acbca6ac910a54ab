"""Align: articles of one story in, passages and token edits out.

In: ``Article`` (from ingest) and ``Story`` (from group).
Out: ``segment(article) -> Article`` with ``Sentence``/``Token``s and their
offsets; ``align(story, ...) -> Alignment`` (``Passage``s: article id ->
sentence indexes, independent of input order); ``diff(story, alignment) ->
Edit[]`` (token differences inside each passage, per outlet pair).

Inside: ``segment``, ``similarity`` (sentence vectors, shared with group),
``encoder`` (sentence meanings from all-MiniLM-L6-v2, run with numpy; also
read by ``classify.presence.carried``), ``passages`` (the aligner) with
``anchors``, ``learned`` (its fourth pass, deciding with the MRPC-fitted
model of ``paraphrase``), ``meaning`` (its weak passes' edges checked by
meaning), ``topk``, ``merge`` and ``order`` (reading order), ``diff``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.align.diff import diff
    from compare.align.passages import align
    from compare.align.segment import segment

__all__ = ["align", "diff", "segment"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name == "segment":
        return getattr(importlib.import_module("compare.align.segment"), name)
    if name == "align":
        return getattr(importlib.import_module("compare.align.passages"), name)
    if name == "diff":
        return getattr(importlib.import_module("compare.align.diff"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
