"""The renderer's private temp folders, named by process so a killed process's can be found.

Why: ``report.pdf._private_tempdir`` removes its folder when the render
ends, but a helper process killed mid-render (Ctrl-C, SIGTERM, a timeout:
``cli.render_worker``, ``cli.batch``) never runs that ``finally``, and
WeasyPrint had written about 3 MB of fonts there.  The folder's name holds
the rendering process's id, so whoever killed it removes what it left.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

PREFIX = "compare-render-"


def render_prefix(pid: int) -> str:
    """The name prefix of process ``pid``'s render folders ("compare-render-1234-")."""
    return f"{PREFIX}{pid}-"


def remove_render_temps(pid: int) -> None:
    """Remove every render folder process ``pid`` left in the temp folder (once it is dead)."""
    try:
        found = list(Path(tempfile.gettempdir()).glob(render_prefix(pid) + "*"))
    except OSError:
        return
    for folder in found:
        shutil.rmtree(folder, ignore_errors=True)
