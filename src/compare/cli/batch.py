"""Run the per-story work (analyse + render one story) on a process pool or a Dask cluster.

Why one task function for both: ``run_story`` takes a picklable ``StoryTask``
and returns a small picklable ``StoryResult`` (the paths written and the
story's index line, or why not); it never raises for a story's own failure.
Executors only decide *where* it runs:

* ``ProcessExecutor`` (the default): a ``concurrent.futures`` process pool on
  this machine (a run of one story runs it in this process: there is no
  other story to protect; its charts, HTML and PDFs are rendered by the
  warmed helper of ``compare.cli.render_worker`` when ``run_report`` started
  one).  Workers are forked, so they start at once and share the already
  imported code.  Each worker announces which story it starts, so the
  parent can enforce the per-story timeout by killing that worker; a worker
  that dies (a segfault, the out-of-memory killer) breaks the pool, and the
  stories it was running are retried one at a time in a fresh pool, so only
  the story that crashes again is lost.  Stories that had not started are
  simply run again (RELIABILITY.md rule 9: only a subprocess contains a hang
  or a crash).
* ``DaskExecutor`` (``--scheduler ADDRESS``): the same tasks submitted to a
  ``dask.distributed`` cluster; ``dask`` is imported only then.  On a worker
  the task runs in a child process (``ProcessExecutor`` with one job, started
  by ``forkserver``: forking a multi-threaded worker could deadlock), because
  Dask runs tasks in threads and the PDF renderer's deadline needs the main
  thread's signals; that also isolates crashes and enforces the timeout on
  the worker.  Reports are written by the workers, so ``--out`` must be a
  folder they can reach (a shared file system).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from compare.cli.story_files import FailedStory, render_story
from compare.model import InputProblem, Notice, Story, reading_order
from compare.report.view.handout import IndexEntry
from compare.util.options import Options, OutputFormat
from compare.util.tempdirs import remove_render_temps

if TYPE_CHECKING:
    from compare.cli.render_worker import RenderWorker
    from compare.model import Report

log = logging.getLogger(__name__)

POLL_S = 0.1  # how often the parent checks the workers' deadlines


@dataclass(frozen=True)
class StoryTask:
    """Everything one story's analysis and rendering needs, picklable."""

    story: Story
    slug: str  # output folder name under options.out_dir, unique in the run
    options: Options
    problems: tuple[InputProblem, ...] = ()
    warnings: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class StoryResult:
    """What became of one story: the files written and its index line, or why not."""

    slug: str
    title: str
    paths: tuple[Path, ...] = ()
    entry: IndexEntry | None = None
    findings: int = 0
    failure: str | None = None
    internal: bool = False  # a bug (exit 1 when nothing else was written)
    seconds: float = 0.0
    # Articles left out of this story because its analysis failed on them (exit 3).
    skipped: tuple[InputProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.failure is None


def run_story(task: StoryTask, *, renderer: RenderWorker | None = None) -> StoryResult:
    """Analyse and render one story; its failure becomes the result, never an exception.

    Interrupts still propagate.  The same function runs in a pool worker, on
    a Dask worker (inside ``run_story_isolated``) or in this process; there,
    ``renderer`` is the warmed helper process that renders the story's files.
    """
    from compare.pipeline.run import analyze_story
    from compare.report.view.build import build_index_entry

    start = time.perf_counter()
    title = task.story.title
    skipped: tuple[InputProblem, ...] = ()
    try:
        report = analyze_story(
            task.story, options=task.options, problems=task.problems, warnings=task.warnings
        )
        if task.options.review_file is not None:  # a reviewer's saved decisions (#16)
            from compare.pipeline.review import apply_review, load_review

            report = apply_review(report, load_review(task.options.review_file))
    except Exception as exc:
        log.error("internal error while analysing story %s", task.story.id, exc_info=True)
        confined = without_culprit(task, exc)
        if confined is None:
            reason = f"internal error: {type(exc).__name__}: {exc}"
            return StoryResult(task.slug, title, failure=reason, internal=True)
        report, skipped = confined
    written = render_story(report, task.options.out_dir / task.slug, task.options, renderer)
    seconds = time.perf_counter() - start
    if isinstance(written, FailedStory):
        return StoryResult(
            task.slug, title, failure=written.reason, internal=written.internal, seconds=seconds
        )
    try:
        pdf = OutputFormat.PDF in task.options.formats
        entry = build_index_entry(report, story_slug=task.slug, pdf=pdf)
    except Exception as exc:  # the files are written; only the index line is lost
        log.error("internal error while indexing story %s", task.story.id, exc_info=True)
        return StoryResult(
            task.slug,
            title,
            tuple(written),
            failure=f"internal error while indexing: {type(exc).__name__}: {exc}",
            internal=True,
        )
    return StoryResult(
        task.slug,
        title,
        tuple(written),
        entry,
        len(report.findings),
        seconds=seconds,
        skipped=skipped,
    )


MAX_CULPRIT_TRIES = 12  # articles tried one by one when a story's analysis fails


def without_culprit(
    task: StoryTask, exc: Exception
) -> tuple[Report, tuple[InputProblem, ...]] | None:
    """The story's report without the one article its analysis fails on, or None.

    Why: an unexpected error (a bug met by one odd article) must cost that
    article, not the story and every other outlet with it (RELIABILITY rule
    9).  Each article is left out in turn, while at least two outlets remain;
    the first analysis that succeeds gives the report, and the article left
    out is listed as skipped with the error.  Tried only after a failure, and
    for at most ``MAX_CULPRIT_TRIES`` articles.
    """
    from compare.pipeline.run import analyze_story

    story = task.story
    if len(story.articles) < 3:
        return None
    for article in story.articles[:MAX_CULPRIT_TRIES]:
        rest = tuple(a for a in story.articles if a.id != article.id)
        if len({a.outlet for a in rest}) < 2:
            continue
        # Said as found: the story failed with this article and worked without it.  A
        # failure that needs two articles together would be cured by leaving out either.
        problem = InputProblem(
            article.path,
            "internal error while analysing the story with this article, which was left out "
            f"(the others were analysed without it): {type(exc).__name__}: {exc}",
        )
        smaller = replace(
            story,
            articles=rest,
            outliers=tuple(o for o in story.outliers if o.article_id != article.id),
        )
        problems = tuple(sorted((*task.problems, problem), key=reading_order))
        try:
            report = analyze_story(
                smaller, options=task.options, problems=problems, warnings=task.warnings
            )
        except Exception:
            continue
        log.error("story %s analysed without %s", story.id, article.path)
        return report, (problem,)
    return None


def run_story_isolated(task: StoryTask, timeout_s: float) -> StoryResult:
    """``run_story`` in a child process with a timeout: a Dask task, from a worker thread.

    Why not fork: this runs on a thread of a Dask worker, a process with
    many threads, and a forked child inherits every lock those threads
    held at that instant, so it can deadlock (Python 3.12+ warns of it).
    The child is started by ``forkserver`` (a clean single-threaded server
    process forks it) or, where that is missing, by ``spawn``; it imports
    what the story needs afresh, a second or so per story.
    """
    if threading.current_thread() is threading.main_thread():
        return run_story(task)  # already isolated by the caller, or embedded on purpose
    _allow_children()
    executor = ProcessExecutor(
        jobs=1, timeout_s=timeout_s, alone_inline=False, start_method=_threadsafe_method()
    )
    [result] = executor.run([task])
    return result


def _threadsafe_method() -> str:
    """A start method that never forks the calling (multi-threaded) process."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _allow_children() -> None:
    """Let a daemonic worker process (``dask worker``'s, under its nanny) fork a story's child.

    Why: multiprocessing refuses children to a daemonic process ("daemonic
    processes are not allowed to have children"), so on a real cluster every
    story failed; a test cluster with thread workers did not show it.  The
    rule guards against children outliving a daemonic parent that is
    terminated; the story's child here is killed at its timeout, joined
    when done, and ends when the worker's pipe to it closes.  The flag is
    only ever cleared, never restored, so concurrent tasks cannot race on it.
    """
    process = multiprocessing.current_process()
    if process.daemon:
        process.daemon = False


Done = Callable[[StoryResult], None]


class Executor(Protocol):
    """Runs every task once; results in task order."""

    def run(self, tasks: Sequence[StoryTask], on_done: Done | None = None) -> list[StoryResult]:
        """Every task's result; ``on_done`` is called as each one finishes."""
        ...


def timed_out(task: StoryTask, seconds: float) -> StoryResult:
    return StoryResult(
        task.slug,
        task.story.title,
        failure=f"analysis and rendering timed out after {seconds:g} s",
    )


# Set in each pool worker by the initializer: where to announce the story it starts.
_STARTED: Any = None


def _init_worker(started: Any, parent: int | None) -> None:
    """Set up a pool worker: where to announce its stories, no Ctrl-C, die with the parent.

    Why the last (issue #19): a worker busy with a story never reads from the
    parent, so after a ``kill -9`` of ``compare`` it went on for up to the
    story timeout; the kernel now kills it with its parent (Linux).  ``parent``
    is None for a worker started by a fork server, whose parent is that
    server, not the pool's owner (the Dask path, see ``run_story_isolated``).
    """
    global _STARTED
    _STARTED = started
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as the render helper: no inherited handler
    if parent is not None:
        from compare.cli.render_worker import die_with

        die_with(parent)


def _pool_task(index: int, task: StoryTask) -> StoryResult:
    if _STARTED is not None:
        _STARTED.put((index, os.getpid(), time.monotonic()))
    return run_story(task)


def _context(method: str | None = None) -> multiprocessing.context.BaseContext:
    """``method``'s context; by default fork where it exists (workers start at once)."""
    if method is None and "fork" in multiprocessing.get_all_start_methods():
        method = "fork"
    return multiprocessing.get_context(method)


@dataclass
class _Round:
    """One pool's worth of tasks: which started where, which finished."""

    started: dict[int, tuple[int, float]] = field(default_factory=dict)  # index -> (pid, t0)
    killed: set[int] = field(default_factory=set)
    broken: list[int] = field(default_factory=list)


class ProcessExecutor:
    """Stories on a local process pool, each under a timeout, one crash costing one story."""

    def __init__(
        self,
        jobs: int = 0,
        timeout_s: float = 600.0,
        *,
        alone_inline: bool = True,
        renderer: RenderWorker | None = None,
        start_method: str | None = None,
    ):
        self.jobs = jobs if jobs > 0 else max(os.cpu_count() or 1, 1)
        self.timeout_s = timeout_s
        self.start_method = start_method  # None: fork where it exists (see _context)
        # A lone story has no other story to protect: it runs in this process, as
        # before batch mode (the PDF render keeps its own timeout), its files
        # rendered by ``renderer`` when there is one.
        self.alone_inline = alone_inline
        self.renderer = renderer

    def run(self, tasks: Sequence[StoryTask], on_done: Done | None = None) -> list[StoryResult]:
        results: dict[int, StoryResult] = {}
        if len(tasks) == 1 and self.alone_inline:
            result = run_story(tasks[0], renderer=self.renderer)
            if on_done is not None:
                on_done(result)
            return [result]

        def finish(index: int, result: StoryResult) -> None:
            results[index] = result
            if on_done is not None:
                on_done(result)

        pending = list(range(len(tasks)))
        alone: list[int] = []  # running when a worker died: retried one at a time
        while pending or alone:
            if alone:
                batch, width = [alone.pop(0)], 1
            else:
                batch, width, pending = pending, self.jobs, []
            state = self._round(tasks, batch, width, finish)
            unstarted = [k for k in state.broken if k not in state.started]
            crashed = [k for k in state.broken if k in state.started]
            if width == 1 and len(batch) == 1 and crashed:
                finish(batch[0], self._crashed(tasks[batch[0]]))
                continue
            pending.extend(unstarted)
            if state.killed or len(crashed) == 1:  # the culprit is known: the others are innocent
                culprits = [] if state.killed else crashed
                for k in culprits:
                    finish(k, self._crashed(tasks[k]))
                pending.extend(k for k in crashed if k not in culprits)
            else:
                alone.extend(crashed)
            if state.broken and not state.started:  # the pool cannot even start a worker
                for k in unstarted:
                    finish(k, self._crashed(tasks[k], "the worker pool could not start"))
                pending = [k for k in pending if k not in unstarted]
        return [results[k] for k in range(len(tasks))]

    @staticmethod
    def _crashed(task: StoryTask, why: str = "its worker process died") -> StoryResult:
        return StoryResult(
            task.slug, task.story.title, failure=f"analysis stopped: {why}", internal=True
        )

    def _round(
        self,
        tasks: Sequence[StoryTask],
        batch: Sequence[int],
        width: int,
        finish: Callable[[int, StoryResult], None],
    ) -> _Round:
        context = _context(self.start_method)
        # SimpleQueue writes at put() time: a Queue hands the message to a feeder
        # thread, which a worker that crashes right after saying "started" may
        # never run, and the crash would read as a pool that cannot start.
        started = context.SimpleQueue()
        state = _Round()
        pool = ProcessPoolExecutor(
            max_workers=max(1, min(width, len(batch))),
            mp_context=context,
            initializer=_init_worker,
            initargs=(started, None if context.get_start_method() == "forkserver" else os.getpid()),
        )
        try:
            futures = {k: pool.submit(_pool_task, k, tasks[k]) for k in batch}
            owner = {future: k for k, future in futures.items()}
            waiting = set(owner)
            while waiting:
                done, waiting = wait(waiting, timeout=POLL_S, return_when=FIRST_COMPLETED)
                self._drain(started, state)
                for future in done:
                    k = owner[future]
                    if k in state.killed:
                        continue
                    try:
                        finish(k, future.result())
                    except BrokenProcessPool:
                        state.broken.append(k)
                now = time.monotonic()
                for k, (pid, t0) in list(state.started.items()):
                    if k in state.killed or futures[k].done() or now - t0 <= self.timeout_s:
                        continue
                    state.killed.add(k)
                    finish(k, timed_out(tasks[k], self.timeout_s))
                    _kill(pid)
        except BaseException:
            _stop(pool)
            raise
        finally:
            started.close()
        pool.shutdown(wait=True, cancel_futures=True)
        return state

    @staticmethod
    def _drain(started: Any, state: _Round) -> None:
        while True:
            try:
                if started.empty():
                    return
                k, pid, t0 = started.get()
            except (OSError, ValueError, EOFError):
                return
            state.started[k] = (pid, t0)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_dead(pid)
    remove_render_temps(pid)  # what a render killed midway left in TMPDIR


def _wait_dead(pid: int, seconds: float = 1.0) -> None:
    """Wait until process ``pid`` no longer runs (gone, or a zombie its pool will reap).

    Why not ``waitpid``: the pool reaps its own workers; reaping one here would
    take its exit status from under it.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return  # gone (or no /proc: nothing better to wait on)
        if state in ("Z", "X"):
            return
        time.sleep(0.01)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once (Ctrl-C): kill its workers, drop queued tasks."""
    for process in list(getattr(pool, "_processes", {}).values()):
        _kill(process.pid)
    pool.shutdown(wait=False, cancel_futures=True)


DASK_MISSING = (
    "--scheduler needs Dask, an optional part of compare: "
    'pip install "compare[dask]" (on this machine and the workers)'
)


def require_dask() -> None:
    """Raise ``UsageError`` (exit 2) when ``dask.distributed`` cannot be imported.

    Why a check of its own: Dask is an extra (``compare[dask]``, about 30 MB
    that only ``--scheduler`` uses), so a plain install lacks it; checked
    before any input is read, the user learns how to get it at once instead
    of after the articles are read and grouped.
    """
    from compare.errors import UsageError

    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise UsageError(DASK_MISSING) from exc


class DaskExecutor:
    """Stories on a ``dask.distributed`` cluster at ``address``, each under a timeout."""

    def __init__(self, address: str, timeout_s: float = 600.0, connect_s: float = 10.0) -> None:
        self.address = address
        self.timeout_s = timeout_s
        self.connect_s = connect_s

    def run(self, tasks: Sequence[StoryTask], on_done: Done | None = None) -> list[StoryResult]:

        require_dask()
        from distributed import Client

        client = _connect(Client, self.address, self.connect_s)
        results: dict[int, StoryResult] = {}
        try:
            futures = {
                client.submit(
                    run_story_isolated,
                    task,
                    self.timeout_s,
                    pure=False,
                    key=f"story-{k}-{task.slug}",
                ): k
                for k, task in enumerate(tasks)
            }
            seen: dict[object, float] = {}  # key -> when first seen processing on a worker
            waiting = set(futures)
            while waiting:
                time.sleep(POLL_S)
                done = {future for future in waiting if future.done()}
                for future in done:
                    waiting.discard(future)
                    k = futures[future]
                    results[k] = self._result(future, tasks[k])
                    if on_done is not None:
                        on_done(results[k])
                now = time.monotonic()
                processing = {key for keys in client.processing().values() for key in keys}
                for future in list(waiting):
                    if future.key in processing:
                        seen.setdefault(future.key, now)
                    # the worker-side child has its own timeout; this one is for a lost worker
                    if future.key in seen and now - seen[future.key] > 2 * self.timeout_s + 30:
                        waiting.discard(future)
                        future.cancel()
                        k = futures[future]
                        results[k] = timed_out(tasks[k], self.timeout_s)
                        if on_done is not None:
                            on_done(results[k])
        finally:
            client.close()
        return [results[k] for k in range(len(tasks))]

    @staticmethod
    def _result(future: object, task: StoryTask) -> StoryResult:
        try:
            return future.result()  # type: ignore[attr-defined]
        except Exception as exc:  # a lost worker (KilledWorker), a cancelled task
            log.error("story %s failed on the cluster", task.story.id, exc_info=True)
            return StoryResult(
                task.slug,
                task.story.title,
                failure=f"internal error on the cluster: {type(exc).__name__}: {exc}",
                internal=True,
            )


def _connect(client_class: Any, address: str, seconds: float) -> Any:
    """A ``distributed.Client`` for ``address`` within ``seconds``, or a ``UsageError``.

    Why a thread and a deadline of our own (issue #19): ``Client(timeout=)``
    bounds reaching the address, not the handshake after it, so a ``tcp://``
    address of a server that is not a Dask scheduler hung for eight minutes,
    and an ``http://`` one ended as an internal error a minute later.  The
    client is made in a daemon thread; if it has not connected in time the
    run stops with one line (exit 2) and the thread is abandoned.
    """
    from compare.errors import UsageError

    found: list[Any] = []

    def make() -> None:
        try:
            found.append(client_class(address, timeout=seconds, set_as_default=False))
        except BaseException as exc:  # reported by the caller, in its thread
            found.append(exc)

    thread = threading.Thread(target=make, name="compare-dask-connect", daemon=True)
    thread.start()
    thread.join(seconds + 2.0)
    if not found:
        raise UsageError(
            f"cannot reach the Dask scheduler at {address}: no answer within {seconds:g} s "
            "(is it a Dask scheduler?)"
        )
    if isinstance(found[0], BaseException):
        exc = found[0]
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise exc
        raise UsageError(
            f"cannot reach the Dask scheduler at {address}: {type(exc).__name__}: {exc}"
        ) from exc
    return found[0]


def executor_for(options: Options, *, renderer: RenderWorker | None = None) -> Executor:
    """The executor ``options`` ask for: Dask with a scheduler address, else the local pool.

    ``renderer`` (a warmed helper process) renders a lone story run here.
    """
    if options.scheduler:
        return DaskExecutor(options.scheduler, timeout_s=options.story_timeout_s)
    return ProcessExecutor(jobs=options.jobs, timeout_s=options.story_timeout_s, renderer=renderer)
