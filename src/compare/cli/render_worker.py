"""A forked helper process that loads the renderer while this process analyses.

Why: a one-story ``compare report`` spends about two seconds importing the
analysis libraries (NLTK, scikit-learn, SciPy) and analysing, and nearly a
second importing the renderer (WeasyPrint, matplotlib, Jinja2) before the
charts, HTML and PDF take about three more.  The two imports do not depend
on each other, so on a machine with a second core the helper takes the
renderer's: it is forked at the start of the run (before anything heavy is
imported, so no library thread is copied mid-lock), imports the renderer,
says "ready" and waits for the real ``Report``.  It renders the charts, the
HTML and the PDFs (``documents.render_documents``) and sends their bytes
back; it never writes a file.  This process makes the JSON/CSV and writes
all of the story's files as one atomic set (``outputs.atomic_write_many``),
so every exit code, message and interruption rule stays where it was, and
the files are byte for byte those of an in-process render.

Failure rules (never hang, never lose a story to the helper itself):

* the helper died, or was not ready within ``READY_TIMEOUT_S``, before it
  was given the report (killed, out of memory, a broken import): the story
  is rendered in this process instead, exactly as without a helper;
* it died while rendering the report: that story fails as an internal
  error ("its render process died"), since rendering again here would most
  likely crash this process too;
* it raised: the error comes back as the same one-line failure an
  in-process render gives (``OutputError`` for a render timeout, which the
  helper enforces itself; anything else is an internal error, logged with
  its traceback by the helper);
* it gave no answer within ``options.story_timeout_s``: it is killed and the
  story fails as timed out (an ``OutputError``).

The helper ignores SIGINT (Ctrl-C reaches the whole process group): this
process handles the interrupt and kills the helper on its way out.  When
this process dies outright (``kill -9``), the kernel kills the helper too
(Linux), or it reads end-of-file and exits.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import logging
import multiprocessing
import os
import signal
import sys
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from compare.errors import OutputError
from compare.model import Report
from compare.report.documents import render_documents
from compare.util.options import Audience, Options, OutputFormat
from compare.util.tempdirs import remove_render_temps

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # linux/prctl.h

Outputs = list[tuple[Path, bytes]]


class RenderFailed(Exception):
    """An internal error in the helper's render, already logged there with its traceback.

    ``detail`` is ``"TypeName: message"``, as an in-process failure would read.
    """

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def wants_render(options: Options) -> bool:
    """Whether a run with ``options`` renders anything (charts, HTML or PDF)."""
    return (
        OutputFormat.PDF in options.formats
        or OutputFormat.HTML in options.formats
        or options.audience is Audience.CLASSROOM
    )


def helper_is_useful(options: Options) -> bool:
    """A helper pays off only with a second CPU, a local run and something to render.

    ``--jobs 1`` asks for no extra process, and is honoured here too.
    """
    return (
        wants_render(options)
        and not options.scheduler
        and options.jobs != 1
        and "fork" in multiprocessing.get_all_start_methods()
        and _cpus() >= 2
    )


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


READY_TIMEOUT_S = 60.0  # a helper not warmed up by then is dropped: render in this process


class RenderWorker:
    """One helper process: started early, given one report, then gone."""

    def __init__(self, options: Options) -> None:
        self.options = options
        context = multiprocessing.get_context("fork")
        self._conn, child_conn = context.Pipe(duplex=True)
        self._process = context.Process(
            target=_serve,
            args=(child_conn, options, os.getpid()),
            name="compare-render",
            daemon=True,
        )
        # SIGINT is blocked across the fork, so the helper cannot take a Ctrl-C
        # before it ignores it; one arriving meanwhile reaches this process after.
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        child_conn.close()
        self._used = False

    @classmethod
    def start(cls, options: Options) -> RenderWorker | None:
        """A warming helper, or ``None`` when one would not help or cannot start."""
        if not helper_is_useful(options):
            return None
        try:
            return cls(options)
        except OSError as exc:  # no more processes, no memory: render in this process
            log.debug("render helper not started: %s", exc)
            return None

    def render(self, report: Report, folder: Path) -> Outputs:
        """The story's rendered files (``documents.render_documents``), written by the caller.

        Raises ``OutputError`` (render timeout) or ``RenderFailed`` (a bug, or
        the helper died while rendering).  Renders in this process when the
        helper is gone, not warmed up within ``READY_TIMEOUT_S``, or used before.
        """
        if self._used or not self._ready():
            log.debug("render helper unavailable; rendering in this process")
            self.close()
            return render_documents(report, folder, options=self.options)
        self._used = True
        try:
            try:
                self._conn.send((report, folder))
            except (OSError, ValueError) as exc:  # it died just now: nothing was rendered
                log.debug("render helper gone (%s); rendering in this process", exc)
                return render_documents(report, folder, options=self.options)
            return self._answer()
        finally:
            self.close()

    def _ready(self) -> bool:
        """Wait for the helper's "ready" (it then reads at once, so sending cannot block)."""
        try:
            if wait([self._conn, self._process.sentinel], timeout=READY_TIMEOUT_S):
                return bool(self._conn.poll() and self._conn.recv() == "ready")
        except (EOFError, OSError, ValueError):
            pass
        return False

    def _answer(self) -> Outputs:
        timeout = self.options.story_timeout_s
        ready = wait([self._conn, self._process.sentinel], timeout=timeout if timeout > 0 else None)
        if not ready:
            raise OutputError(f"rendering timed out after {timeout:g} s")
        try:
            kind, payload = self._conn.recv() if self._conn.poll() else (None, None)
        except (EOFError, OSError):
            kind, payload = None, None
        if kind == "ok":
            return [(Path(path), data) for path, data in payload or ()]
        if kind == "output":
            raise OutputError(str(payload))
        if kind == "internal":
            raise RenderFailed(str(payload))
        self._process.join(timeout=5)
        raise RenderFailed(f"its render process died (exit code {self._process.exitcode})")

    def close(self) -> None:
        """Stop the helper if it is still running (it writes nothing, so killing is safe)."""
        with contextlib.suppress(OSError, ValueError):
            self._conn.close()
        if self._process.is_alive():
            with contextlib.suppress(OSError):
                self._process.kill()
        self._process.join(timeout=5)
        if self._process.pid is not None and self._process.exitcode is not None:
            remove_render_temps(self._process.pid)  # what a killed render left behind


def _serve(conn: Connection, options: Options, parent: int) -> None:
    """The helper's life: warm up, take one report, answer with its files or its error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and kills us
    # A SIGTERM to the whole process group (``timeout``, a service manager) reaches us too:
    # the parent's handler, inherited by the fork, raised KeyboardInterrupt here and
    # printed a traceback.  The parent stops cleanly and removes what we left.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    die_with(parent)
    _warm_up()
    try:
        conn.send("ready")
        message: Any = conn.recv()
    except (EOFError, OSError):  # the parent is gone, or did not need us
        return
    report, folder = message
    try:
        outputs = render_documents(report, folder, options=options)
        answer: tuple[str, Any] = ("ok", [(str(path), data) for path, data in outputs])
    except OutputError as exc:
        answer = ("output", str(exc))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # WeasyPrint's FatalURLFetchingError is a BaseException
        log.error("internal error while rendering story %s", report.story.id, exc_info=True)
        answer = ("internal", f"{type(exc).__name__}: {exc}")
    with contextlib.suppress(OSError, ValueError):
        conn.send(answer)


def die_with(parent: int) -> None:
    """On Linux, have the kernel kill this process when ``parent`` dies (``kill -9``).

    Elsewhere the helper notices at its next read of the pipe, and exits.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before the request was made
        os._exit(0)


def _warm_up() -> None:
    """Import the renderer and compile the templates, then freeze what is loaded.

    Why no more than that: a throwaway render of an empty report was tried
    and saved nothing measurable on the real render once the imports were
    done; the imports are what costs.  Freezing moves the long-lived objects
    out of the garbage collector's reach, so the real render's collections
    walk only its own objects.  A failure here is ignored: the real render
    meets it again and reports it.
    """
    try:
        for module in ("compare.report.charts", "compare.report.pdf", "compare.report.view.build"):
            importlib.import_module(module)
        from compare.report.html import environment

        environment().get_template("report.html")
    except Exception:
        log.debug("render warm-up failed", exc_info=True)
    gc.collect()
    gc.freeze()
