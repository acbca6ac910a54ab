"""Ingest: input files in, articles out; the only stage that reads input files.

In: paths (files, folders, ``.jsonl`` archives) and ``Options``.
Out: ``ingest(paths, options) -> IngestResult`` (``model``): ``Article``s with
their text, outlet and date (each with its evidence) and the boilerplate
removed; an ``InputProblem`` per file that could not be read; ``Notice``s.

Inside: ``discover`` (which files, read safely), ``decode`` (bytes to text),
``formats`` (dispatch by kind) with one reader per format (``html``,
``records`` for ``.json``/``.jsonl``, ``office`` for ``.docx``/``.pdf``),
``extracted`` (an ``Article`` from extracted text), ``frontmatter``,
``provenance``, ``boilerplate``, ``headlines``; ``run`` is the verb.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.ingest.run import ingest

__all__ = ["ingest"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name == "ingest":
        return getattr(importlib.import_module("compare.ingest.run"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
