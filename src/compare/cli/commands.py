"""The three commands: ``report``, ``stories`` and ``diff``.

Why separate from ``cli``: argument parsing and exit-code mapping stay in
``cli``; what each command does with the pipeline and the writers lives here,
callable from tests without a process.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compare.cli.story_files import FailedStory
from compare.errors import CompareError, ExitCode, OutputError, UsageError
from compare.model import Notice, Story
from compare.report.outputs import atomic_write, check_writable, sweep_stale_temps
from compare.util.options import Options
from compare.util.streams import report_problems, visible

if TYPE_CHECKING:
    from compare.cli.render_worker import RenderWorker

log = logging.getLogger(__name__)


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"compare: {message}", file=sys.stderr)


def _check_out_dir(paths: Sequence[Path], out_dir: Path) -> None:
    """Refuse missing inputs, and an output folder that is an input folder (even via links).

    The folder of an input file named on the command line counts as an input
    folder too: a ``sources.yaml`` is read from it.
    """
    from compare.ingest.discover import display_path, input_missing

    for path in paths:
        if input_missing(path):
            kind = "folder" if not path.suffix else "file"
            raise UsageError(f"input {kind} '{display_path(path)}' not found")
    if not out_dir.exists():
        return
    for path in paths:
        try:
            folder = path if path.is_dir() else path.parent
        except OSError:
            folder = path.parent  # cannot be reached: listed as a problem when read
        try:
            same = os.path.samefile(folder, out_dir)
        except OSError:
            same = False
        if same:
            raise UsageError(
                f"output folder {display_path(out_dir)} is the input folder "
                f"{display_path(folder)}; use --out"
            )
    _check_outputs_are_not_inputs(paths, out_dir)


# Articles in one story from which the run says it will take a while: every pair of a
# story's articles is compared, so time grows with the square of their number (about 40 s
# for 100 short articles on two cores; README, Limits).
MANY_ARTICLES = 100

OUTPUT_FILES = ("report.pdf", "report.html", "report.json", "handout.pdf", "review.json")


def _check_outputs_are_not_inputs(paths: Sequence[Path], out_dir: Path) -> None:
    """Refuse an existing output file that is an input (through a symlink or hard link).

    Writes replace links rather than follow them, so the input would survive;
    but a report folder wired to the inputs is a set-up mistake worth stopping.
    """
    from compare.ingest.discover import ARTICLE_SUFFIXES, display_path

    inputs: dict[tuple[int, int], Path] = {}
    for path in paths:
        try:
            is_dir = path.is_dir()
            files = sorted(path.iterdir()) if is_dir else [path]
        except OSError:
            continue  # a folder that cannot be listed holds no input we could read
        for file in files:
            if is_dir and file.suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            try:
                st = os.stat(file)
            except OSError:
                continue
            inputs.setdefault((st.st_dev, st.st_ino), file)
    outputs = [out_dir / "index.html", out_dir / "stories.json"]
    try:
        folders = sorted(e.path for e in os.scandir(out_dir) if e.is_dir())
    except OSError:
        folders = []
    outputs += [Path(folder) / name for folder in folders for name in OUTPUT_FILES]
    for output in outputs:
        try:
            st = os.stat(output)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in inputs:
            source = inputs[(st.st_dev, st.st_ino)]
            raise UsageError(
                f"output file {display_path(output)} is the input {display_path(source)} "
                "(a link); use another --out"
            )


def report_warnings(args: argparse.Namespace, warnings: Sequence[Notice]) -> None:
    """One stderr line per warning (unmatched manifest entries, records without id …); not with -q.

    Why: these were listed only inside the report, so a misdirected manifest
    went unnoticed (#16).
    """
    for warning in warnings:
        where = f"{warning.path}: " if warning.path else ""
        _say(args, f"warning: {where}{warning.message}")


def report_set_aside(args: argparse.Namespace, stories: Sequence[Story], options: Options) -> int:
    """One stderr line per article set aside as another event; how many (exit 3 when any)."""
    if options.include_outliers:
        return 0
    count = 0
    for story in stories:
        paths = {a.id: a.path for a in story.articles}
        for outlier in story.outliers:
            count += 1
            _say(
                args,
                f"set aside: {paths.get(outlier.article_id, outlier.article_id)}: covers a "
                f"different event ({outlier.reason}); not compared (see --include-outliers)",
            )
    return count


def _unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug or "story", 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def run_report(args: argparse.Namespace, options: Options) -> ExitCode:
    """``compare report``: read and group, then analyse and write each story.

    The per-story work runs on ``compare.cli.batch``'s executor: a local process
    pool by default, a Dask cluster with ``--scheduler``.  A story whose
    analysis or rendering fails or times out is listed (stderr, index) and
    costs only itself.
    """
    from compare.cli.render_worker import RenderWorker

    options = replace(
        options,
        jobs=getattr(args, "jobs", None) or options.jobs,
        scheduler=getattr(args, "scheduler", None) or options.scheduler,
    )
    if options.scheduler:
        from compare.cli.batch import require_dask

        require_dask()
    _check_out_dir(args.paths, options.out_dir)
    from compare.ingest.discover import check_sources_file

    check_sources_file(options.sources_file)  # before any input is read
    if options.review_file is not None:  # a bad review file is a usage error, before any work
        from compare.pipeline.review import load_review

        load_review(options.review_file)
    check_writable(options.out_dir)
    sweep_stale_temps(options.out_dir)
    # Started before the analysis libraries are imported: it warms up the
    # renderer on the other core meanwhile (see compare.cli.render_worker).
    renderer = RenderWorker.start(options)
    try:
        return _report_stories(args, options, renderer)
    finally:
        if renderer is not None:
            renderer.close()


def _report_stories(
    args: argparse.Namespace, options: Options, renderer: RenderWorker | None
) -> ExitCode:
    """``run_report`` after the checks: analyse, render and write every story."""
    from compare.cli.batch import StoryTask, executor_for
    from compare.pipeline.run import prepare

    prepared = prepare(args.paths, options=options, progress=lambda m: _say(args, m))
    options = replace(options, reference=prepared.reference)  # the id --reference named
    report_problems(prepared.problems)
    report_warnings(args, prepared.warnings)
    set_aside = report_set_aside(args, prepared.stories, options)
    taken: set[str] = set()
    tasks = [
        StoryTask(
            story=story,
            slug=_unique_slug(story.id, taken),
            options=options,
            problems=prepared.problems,
            warnings=prepared.warnings,
        )
        for story in prepared.stories
    ]
    if renderer is not None and len(tasks) != 1:  # only a lone story renders in this process
        renderer.close()
        renderer = None
    where = f"on {options.scheduler}" if options.scheduler else "on this machine"
    count = f"{len(tasks)} stor{'y' if len(tasks) == 1 else 'ies'}"
    _say(args, f"analysing and rendering {count} {where}")
    for task in tasks:
        if (n := len(task.story.articles)) >= MANY_ARTICLES:
            _say(args, f"{task.slug}: {n} articles; every pair is compared, so this takes minutes")
    with _story_progress(args, len(tasks)) as note:
        results = executor_for(options, renderer=renderer).run(tasks, on_done=note)
    written = [r for r in results if r.ok]
    skipped = [problem for r in results for problem in r.skipped]
    report_problems(skipped)
    failed = [
        FailedStory(r.title, r.failure or "", internal=r.internal) for r in results if not r.ok
    ]
    if len(tasks) > 1 or prepared.single_stories:
        try:
            _write_index(
                written,
                failed,
                options,
                stories={t.slug: t.story for t in tasks},
                singles=prepared.single_stories,
            )
            _say(args, f"wrote {options.out_dir / 'index.html'}")
        except Exception as exc:  # the stories are written: losing the index costs only it
            if not isinstance(exc, OutputError):
                log.error("internal error while writing the index", exc_info=True)
            print(f"compare: error: index.html not written: {exc}", file=sys.stderr)
            failed.append(FailedStory("index.html", str(exc), internal=True))
    if not written:
        reasons = "; ".join(f"{story.title}: {story.reason}" for story in failed)
        message = failed[0].reason if len(failed) == 1 else f"no report could be written: {reasons}"
        if any(story.internal for story in failed):
            raise CompareError(message)
        raise OutputError(message)
    if prepared.problems or failed or skipped or set_aside or _metadata_dropped(prepared.warnings):
        return ExitCode.PARTIAL
    return ExitCode.OK


def _metadata_dropped(warnings: Sequence[Notice]) -> bool:
    """Was an article read without its front matter (malformed, unsafe, too large)?

    Its title, date and outlet are gone, so the report is not what the inputs
    asked for: exit 3, as for a skipped input (RELIABILITY #35).
    """
    from compare.ingest.frontmatter import metadata_ignored

    return any(metadata_ignored(w.message) for w in warnings)


@contextmanager
def _story_progress(args: argparse.Namespace, total: int) -> Iterator[Callable[[Any], None]]:
    """A callback per finished story: a rich progress bar on a terminal, else plain lines.

    The bar is hidden with ``-q`` and when stderr is not a terminal; it
    refreshes only when a story finishes (no refresh thread, so forking pool
    workers never copies a lock held by one).  Failures are always printed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    quiet = getattr(args, "quiet", False)
    show = not quiet and sys.stderr.isatty()
    console = Console(file=sys.stderr)
    progress = Progress(
        "compare: stories",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        auto_refresh=False,
        disable=not show,
    )

    def note(result: Any) -> None:
        if result.failure is not None:
            line = visible(f"compare: failed story: {result.title}: {result.failure}")
            if show:
                console.print(line, markup=False, highlight=False, soft_wrap=True)
            else:
                print(line, file=sys.stderr)
        elif not show:
            for path in result.paths:
                _say(args, f"wrote {path}")
        progress.advance(bar)
        progress.refresh()

    with progress:
        bar = progress.add_task("stories", total=total)
        yield note


def _dates(story: Story) -> str:
    from compare.group.outliers import format_range, parse_date

    days = sorted(d for a in story.articles if (d := parse_date(a.published)) is not None)
    return format_range(days[0], days[-1]) if days else ""


def _write_index(
    written: Sequence[Any],
    failed: Sequence[FailedStory],
    options: Options,
    *,
    stories: dict[str, Story] | None = None,
    singles: Sequence[Story] = (),
) -> None:
    """``index.html``: every story written, then every story that failed, with its reason.

    ``written`` are ``batch.StoryResult``s carrying their index line (outlets,
    dates, top findings).  A failed story is shown with its outlets and dates
    and, as its only line, the reason; its link points at the index itself,
    not at an old report.
    """
    from compare.report.html import render_index_html
    from compare.report.view.build import IndexEntry

    # newest first (#16): by the story's latest publication date; undated stories last
    entries = sorted(
        (result.entry for result in written if result.entry is not None),
        key=lambda e: e.latest,
        reverse=True,
    )
    by_title = {story.title: story for story in (stories or {}).values()}
    for story in failed:
        known = by_title.get(story.title)
        entries.append(
            IndexEntry(
                title=f"Not written: {story.title}",
                href="index.html",
                outlets=tuple(sorted({a.outlet for a in known.articles})) if known else (),
                dates=_dates(known) if known else "",
                finding_count=0,
                top_findings=(f"report not written: {story.reason}",),
            )
        )
    from compare.report.view.handout import SingleEntry
    from compare.report.view.text import format_date

    lone = sorted(
        (
            SingleEntry(a.title or a.id, a.outlet, format_date(a.published), a.path)
            for story in singles
            for a in story.articles
        ),
        key=lambda e: e.path,
    )
    html = render_index_html(entries, singles=lone)
    atomic_write(options.out_dir / "index.html", html.encode("utf-8"), root=options.out_dir)


def run_stories(args: argparse.Namespace, options: Options) -> ExitCode:
    """``compare stories``: group articles into stories and write stories.json."""
    from compare.group.stories import cluster
    from compare.pipeline.run import read_articles

    _check_out_dir(args.paths, options.out_dir)
    check_writable(options.out_dir)
    sweep_stale_temps(options.out_dir)
    _say(args, "reading articles")
    read = read_articles(args.paths, options=options)
    articles, problems = read.articles, read.problems
    report_problems(problems)
    report_warnings(args, read.warnings)
    _say(args, f"grouping {len(articles)} articles into stories")
    stories = cluster(articles, options=options) if articles else ()
    rows = []
    for story in stories:
        dates = sorted(a.published for a in story.articles if a.published)
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "articles": [a.id for a in story.articles],
                "outlets": sorted({a.outlet for a in story.articles}),
                "outliers": [{"id": o.article_id, "reason": o.reason} for o in story.outliers],
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
            }
        )
    data = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    atomic_write(options.out_dir / "stories.json", data.encode("utf-8"), root=options.out_dir)
    _say(args, f"wrote {options.out_dir / 'stories.json'} ({len(rows)} stories)")
    if problems or _metadata_dropped(read.warnings):  # the grouping read no title or date there
        return ExitCode.PARTIAL
    return ExitCode.OK


def run(command: str, args: argparse.Namespace, options: Options) -> ExitCode:
    """Dispatch one parsed command."""
    if command == "report":
        return run_report(args, options)
    if command == "stories":
        return run_stories(args, options)
    if command == "diff":
        from compare.cli.terminal import run_diff

        return run_diff(args, options)
    if command == "review":
        from compare.cli.review_server import serve

        serve(args.folder, options=options, port=args.port, quiet=args.quiet)
        return ExitCode.OK
    raise UsageError(f"unknown command {command!r}")
