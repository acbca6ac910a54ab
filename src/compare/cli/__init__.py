"""The command line: arguments in, files, stderr lines and an exit code out.

``main`` (arguments to ``Options``, exit codes; ``run`` is the ``compare``
executable), ``commands`` (``report``, ``stories``, ``diff``, ``review``),
``batch`` (stories on a process pool or Dask), ``story_files`` (render, then
write one story's set), ``render_worker`` (the render helper process),
``terminal`` / ``terminal_plain`` and ``diff_pick`` (``compare diff``),
``review_server`` (``compare review``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compare.cli.main import main, run

__all__ = ["main", "run"]


def __getattr__(name: str) -> object:
    """Each export, imported on first use, so importing one module of the package stays cheap."""
    if name in ("main", "run"):
        return getattr(importlib.import_module("compare.cli.main"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
