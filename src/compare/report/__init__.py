"""Report: a finished ``Report`` in, the bytes of every output file out; nothing is recomputed.

In: ``Report`` (from pipeline), ``Options``.
Out: ``render_documents(...)`` (one story's files as bytes, in their order:
``report.html``, ``report.pdf``, ``report.json``, ``findings.csv``,
``handout.pdf``); ``dump``/``load`` (``report.json``, ``load(dump(r)) == r``);
``atomic_write_many`` (the one module that writes files).

Inside: ``charts`` (SVG), ``view`` (``Report -> ReportView``, the records the
templates print), ``html`` (Jinja2, ``compare/templates/``), ``pdf``
(WeasyPrint) with ``fonts``, ``jsonio``, ``findings_csv``, ``documents``,
``outputs``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.report.documents import render_documents
    from compare.report.jsonio import dump, load
    from compare.report.outputs import atomic_write_many

__all__ = ["atomic_write_many", "dump", "load", "render_documents"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name == "render_documents":
        return getattr(importlib.import_module("compare.report.documents"), name)
    if name in ("dump", "load"):
        return getattr(importlib.import_module("compare.report.jsonio"), name)
    if name == "atomic_write_many":
        return getattr(importlib.import_module("compare.report.outputs"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
