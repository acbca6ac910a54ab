"""The view model: a ``Report`` in, a ``ReportView`` out, plain records the templates print.

Selecting, grouping and formatting happen here, so the templates only loop,
branch and print.  ``build`` assembles the view from the section builders
(``page_one``, ``passages``, ``sentences``, ``tables``, ``charts``, ``review``,
``text``); ``handout`` builds the classroom handout; ``model`` holds the records.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.report.view.build import build_view

__all__ = ["build_view"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name == "build_view":
        return getattr(importlib.import_module("compare.report.view.build"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
