"""One story's files written as one set, and a story whose files could not be: ``FailedStory``.

Why a module of its own (issue #17): the batch runner (a pool worker, a Dask
worker, or this process) and the commands both write a story this way, and
the batch runner used to import it from ``commands``, which imports the batch
runner back (an import cycle).  Rendering happens here or in the warmed
helper process (``cli.render_worker``); writing always happens here, through
``outputs.atomic_write_many``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from compare.errors import OutputError
from compare.model import Report
from compare.report.documents import data_outputs, in_order, render_documents
from compare.report.outputs import atomic_write_many
from compare.util.options import Options

if TYPE_CHECKING:
    from compare.cli.render_worker import RenderWorker

log = logging.getLogger(__name__)


def write_report(
    report: Report, folder: Path, *, options: Options, renderer: RenderWorker | None = None
) -> list[Path]:
    """Render one story's outputs, then write them as one set; returns the paths.

    Everything is rendered before anything is written, so a render failure or
    timeout leaves the previous files intact; ``atomic_write_many`` then
    replaces them together.  With a ``renderer`` (a warmed helper process) the
    rendering happens there and only the writing here.
    """
    documents = (
        renderer.render(report, folder)
        if renderer is not None
        else render_documents(report, folder, options=options)
    )
    outputs = in_order([*documents, *data_outputs(report, folder, options=options)])
    atomic_write_many(outputs, root=folder.parent)
    return [path for path, _data in outputs]


@dataclass(frozen=True)
class FailedStory:
    """A story whose report could not be written, and why."""

    title: str
    reason: str
    internal: bool  # a bug (exit 1 when nothing else was written), not an output problem


def render_story(
    report: Report, folder: Path, options: Options, renderer: RenderWorker | None = None
) -> list[Path] | FailedStory:
    """One story's outputs, or why not: one story's failure never stops the others.

    ``BaseException`` is caught because WeasyPrint's ``FatalURLFetchingError``
    is one; interrupts and exits still propagate.  A ``RenderFailed`` from the
    helper process was already logged there, with its traceback.
    """
    from compare.cli.render_worker import RenderFailed

    try:
        return write_report(report, folder, options=options, renderer=renderer)
    except OutputError as exc:
        return FailedStory(report.story.title, str(exc), internal=False)
    except RenderFailed as exc:
        reason = f"internal error while rendering: {exc.detail}"
        return FailedStory(report.story.title, reason, internal=True)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        log.error("internal error while rendering story %s", report.story.id, exc_info=True)
        reason = f"internal error while rendering: {type(exc).__name__}: {exc}"
        return FailedStory(report.story.title, reason, internal=True)
