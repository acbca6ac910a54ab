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
from collections.abc import Sequence
from pathlib import Path

from compare.errors import ExitCode, OutputError, UsageError
from compare.model import InputProblem, Report
from compare.options import Audience, Options, OutputFormat
from compare.outputs import atomic_write, check_writable, sweep_stale_temps

log = logging.getLogger(__name__)


def _say(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"compare: {message}", file=sys.stderr)


def _check_out_dir(paths: Sequence[Path], out_dir: Path) -> None:
    """Refuse missing inputs, and an output folder that is an input folder (even via links)."""
    for path in paths:
        if not os.path.lexists(path):
            kind = "folder" if not path.suffix else "file"
            raise UsageError(f"input {kind} '{path}' not found")
    for path in paths:
        if path.is_dir() and out_dir.exists():
            try:
                same = os.path.samefile(path, out_dir)
            except OSError:
                same = False
            if same:
                raise UsageError(f"output folder {out_dir} is the input folder {path}; use --out")


def report_problems(problems: Sequence[InputProblem]) -> None:
    """One parseable stderr line per skipped input."""
    for problem in problems:
        print(f"compare: skipped: {problem.path}: {problem.message}", file=sys.stderr)


def _unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug or "story", 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def write_report(report: Report, folder: Path, *, options: Options) -> list[Path]:
    """Render one story's outputs and write them atomically; returns the paths."""
    from compare import jsonio
    from compare.charts import make_charts
    from compare.pdf import html_to_pdf
    from compare.render import render_handout_html, render_html
    from compare.view import build_handout, build_view

    written: list[Path] = []
    outputs: list[tuple[Path, bytes]] = []
    if OutputFormat.PDF in options.formats or OutputFormat.HTML in options.formats:
        view = build_view(report, make_charts(report), options=options)
        html = render_html(view)
        if OutputFormat.HTML in options.formats:
            outputs.append((folder / "report.html", html.encode("utf-8")))
        if OutputFormat.PDF in options.formats:
            outputs.append((folder / "report.pdf", html_to_pdf(html, options=options)))
    if OutputFormat.JSON in options.formats:
        outputs.append((folder / "report.json", jsonio.dump(report).encode("utf-8")))
    if options.audience is Audience.CLASSROOM:
        handout = render_handout_html(build_handout(report, options=options))
        outputs.append((folder / "handout.pdf", html_to_pdf(handout, options=options)))
    # Render everything first, then write: a render failure leaves old files intact.
    for path, data in outputs:
        atomic_write(path, data)
        written.append(path)
    return written


def run_report(args: argparse.Namespace, options: Options) -> ExitCode:
    """``compare report``: analyse, then write each story's reports."""
    from compare.pipeline import analyze

    _check_out_dir(args.paths, options.out_dir)
    check_writable(options.out_dir)
    sweep_stale_temps(options.out_dir)
    analysis = analyze(args.paths, options=options, progress=lambda m: _say(args, m))
    report_problems(analysis.problems)
    failed = list(analysis.failed_stories)
    taken: set[str] = set()
    written: list[tuple[Report, str]] = []
    for report in analysis.reports:
        slug = _unique_slug(report.story.id, taken)
        _say(args, f"rendering {slug} ({len(report.findings)} findings)")
        try:
            paths = write_report(report, options.out_dir / slug, options=options)
        except OutputError as exc:
            failed.append((report.story.title, str(exc)))
            print(f"compare: failed story: {report.story.title}: {exc}", file=sys.stderr)
            continue
        written.append((report, slug))
        for path in paths:
            _say(args, f"wrote {path}")
    if len(analysis.reports) > 1:
        _write_index(written, failed, options)
    if not written:
        reasons = "; ".join(reason for _title, reason in failed)
        raise OutputError(f"no report could be written: {reasons}")
    if analysis.problems or failed:
        return ExitCode.PARTIAL
    return ExitCode.OK


def _write_index(
    written: Sequence[tuple[Report, str]], failed: Sequence[tuple[str, str]], options: Options
) -> None:
    from compare.render import render_index_html
    from compare.view import build_index

    html = render_index_html(build_index(written, failed))
    atomic_write(options.out_dir / "index.html", html.encode("utf-8"))


def run_stories(args: argparse.Namespace, options: Options) -> ExitCode:
    """``compare stories``: group articles into stories and write stories.json."""
    from compare.cluster import cluster
    from compare.ingest import ingest
    from compare.pipeline import _segment_all

    _check_out_dir(args.paths, options.out_dir)
    check_writable(options.out_dir)
    ingested = ingest(args.paths, options=options)
    problems = list(ingested.problems)
    articles = _segment_all(ingested.articles, problems)
    report_problems(problems)
    stories = cluster(articles, options=options) if articles else ()
    rows = []
    for story in stories:
        dates = sorted(a.published for a in story.articles if a.published)
        rows.append(
            {
                "id": story.id,
                "title": story.title,
                "articles": [a.id for a in story.articles],
                "outliers": [{"id": o.article_id, "reason": o.reason} for o in story.outliers],
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
            }
        )
    data = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    atomic_write(options.out_dir / "stories.json", data.encode("utf-8"))
    _say(args, f"wrote {options.out_dir / 'stories.json'} ({len(rows)} stories)")
    return ExitCode.PARTIAL if problems else ExitCode.OK


def run(command: str, args: argparse.Namespace, options: Options) -> ExitCode:
    """Dispatch one parsed command."""
    if command == "report":
        return run_report(args, options)
    if command == "stories":
        return run_stories(args, options)
    if command == "diff":
        from compare.terminal import run_diff

        return run_diff(args, options)
    raise UsageError(f"unknown command {command!r}")
