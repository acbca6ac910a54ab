"""``compare diff A B``: two articles' classified differences in the terminal.

Why rich: it handles colour, wrapping and ``NO_COLOR`` the way users expect
from good command-line tools; this module only chooses what to show.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from rich.console import Console
from rich.table import Table
from rich.text import Text

from compare.errors import ExitCode, NoReportError
from compare.model import Kind, Report, Story
from compare.options import Options

KIND_STYLE: dict[Kind, str] = {
    Kind.NUMBER_DISCREPANCY: "bold red",
    Kind.ATTRIBUTION_CHANGE: "bold magenta",
    Kind.HEDGE_CHANGE: "magenta",
    Kind.LOADED_TERM: "bold yellow",
    Kind.OMITTED_PASSAGE: "cyan",
    Kind.ADDED_PASSAGE: "cyan",
    Kind.WORDING_CHANGE: "blue",
    Kind.NAME_VARIANT: "green",
    Kind.STYLE_VARIANT: "dim",
    Kind.SPELLING_VARIANT: "dim",
    Kind.TYPOGRAPHY: "dim",
}


def diff_report(args: argparse.Namespace, options: Options) -> Report:
    """Analyse exactly the two given files as one story (no clustering)."""
    from compare.ingest import ingest
    from compare.pipeline import _segment_all, analyze_story

    ingested = ingest([args.a, args.b], options=options)
    problems = list(ingested.problems)
    articles = _segment_all(
        ingested.articles, problems, max_sentences=options.max_article_sentences
    )
    for problem in problems:
        print(f"compare: skipped: {problem.path}: {problem.message}", file=sys.stderr)
    if len(articles) < 2:
        raise NoReportError(f"need 2 readable articles: {len(articles)} usable")
    story = Story(
        id="diff", title=f"{articles[0].id} vs {articles[1].id}", articles=tuple(articles)
    )
    return analyze_story(story, options=replace(options, include_outliers=True), problems=problems)


def render_findings(report: Report, console: Console) -> None:
    """Print each finding: kind, label, explanation and both outlets' text."""
    a, b = (art.id for art in report.story.articles)
    outlets = {art.id: art.outlet for art in report.story.articles}
    table = Table(show_lines=True, expand=True)
    table.add_column("kind", no_wrap=True)
    table.add_column(f"{outlets[a]} ({a})", ratio=1)
    table.add_column(f"{outlets[b]} ({b})", ratio=1)
    shown = [f for f in report.findings if f.kind is not Kind.TYPOGRAPHY]
    for finding in shown:
        style = KIND_STYLE[finding.kind]
        cells = []
        for aid in (a, b):
            spans = finding.spans.get(aid, ())
            text = " … ".join(f"{s.text} (line {s.line})" for s in spans) or "—"
            cells.append(Text(text, style=style))
        kind = Text(str(finding.kind), style=style)
        kind.append(f"\n{finding.explanation}", style="default")
        table.add_row(kind, *cells)
    console.print(table)
    typography = sum(1 for f in report.findings if f.kind is Kind.TYPOGRAPHY)
    console.print(f"{len(shown)} differences; {typography} typography-only differences not shown.")


def run_diff(args: argparse.Namespace, options: Options) -> ExitCode:
    """Entry of ``compare diff``."""
    report = diff_report(args, options)
    render_findings(report, Console())
    return ExitCode.PARTIAL if report.problems else ExitCode.OK
