"""``compare diff A B``: two articles' classified differences in the terminal.

Why rich: it handles colour, wrapping and ``NO_COLOR`` the way users expect
from good command-line tools; this module only chooses what to show.  Every
piece of article text (and of labels and explanations quoting it) goes
through ``streams.visible`` first, so a control sequence in an article is
shown, never obeyed by the terminal (issue #19).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import sys
from dataclasses import replace

from rich.console import Console
from rich.table import Table
from rich.text import Text

from compare.cli.terminal_plain import holding
from compare.errors import ExitCode
from compare.model import Kind, Report, Span, Story
from compare.util.options import Options
from compare.util.streams import quiet_broken_pipe, report_problems, visible

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
    from compare.cli.diff_pick import pick_two
    from compare.pipeline.run import analyze_story, read_articles

    read = read_articles(args.paths, options=options)
    report_problems(read.problems)
    articles = pick_two(read.articles, getattr(args, "ids", None))
    problems = read.problems
    story = Story(id="diff", title=f"{articles[0].id} vs {articles[1].id}", articles=articles)
    return analyze_story(story, options=replace(options, include_outliers=True), problems=problems)


def _context(report: Report, article_id: str, spans: tuple[Span, ...], style: str) -> Text:
    """The sentences holding the spans, with the spans themselves highlighted."""
    article = next(a for a in report.story.articles if a.id == article_id)
    if not spans:
        return Text("(not in this article)", style="italic")
    text = Text()
    for sentence in holding(article, spans):
        if text:
            text.append(" … ")
        marked = [
            (other.start - sentence.start, other.end - sentence.start)
            for other in spans
            if sentence.start <= other.start and other.end <= sentence.end
        ]
        cuts = sorted({0, len(sentence.text), *(i for pair in marked for i in pair)})
        for start, end in itertools.pairwise(cuts):
            underlined = any(a <= start and end <= b for a, b in marked)
            # Each piece is made visible on its own, so the highlights stay on
            # the right words when a control character becomes several.
            text.append(
                visible(sentence.text[start:end]), style=f"{style} underline" if underlined else ""
            )
        text.append(f" (line {sentence.line})", style="dim")
    return text


def render_findings(report: Report, console: Console) -> None:
    """Print each finding: id, kind, label, explanation, then both outlets' text."""
    a, b = (art.id for art in report.story.articles)
    outlets = {art.id: art.outlet for art in report.story.articles}
    shown = [f for f in report.findings if f.kind is not Kind.TYPOGRAPHY]
    for finding in shown:
        style = KIND_STYLE[finding.kind]
        console.print(
            Text.assemble(
                (f"{finding.id} {finding.kind.value}", style), "  ", visible(finding.label)
            )
        )
        console.print(Text(visible(finding.explanation), style="italic"))
        if finding.time_note:
            console.print(Text(visible(finding.time_note), style="yellow"))
        grid = Table(expand=True, box=None, padding=(0, 2), show_edge=False)
        for aid in (a, b):
            head = outlets[aid] if outlets[aid] == aid else f"{outlets[aid]} ({aid})"
            grid.add_column(visible(head), ratio=1, style="default")
        grid.add_row(*(_context(report, aid, finding.spans.get(aid, ()), style) for aid in (a, b)))
        console.print(grid)
        console.print()
    typography = sum(1 for f in report.findings if f.kind is Kind.TYPOGRAPHY)
    console.print(f"{len(shown)} differences; {typography} typography-only differences not shown.")


class _Console(Console):
    """rich's console, but a closed pipe ends the printing, not the process.

    Why: rich's default answer to a broken pipe is ``SystemExit(1)``, which
    ``| head -1`` turned into exit 1; here the printing stops and the command
    returns its usual code.
    """

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def run_diff(args: argparse.Namespace, options: Options) -> ExitCode:
    """Entry of ``compare diff``.

    What the terminal cannot encode (``LANG=C``, ``PYTHONIOENCODING=ascii``)
    is printed as a backslash escape rather than failing the command; a
    reader that stops early (``| head``) ends it quietly with its usual code.
    """
    report = diff_report(args, options)
    code = ExitCode.PARTIAL if report.problems else ExitCode.OK
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(errors="backslashreplace")
    console = _Console()
    try:
        if console.is_terminal:
            render_findings(report, console)
        else:  # piped or redirected: mark the changes in plain text (#16)
            from compare.cli.terminal_plain import render_plain

            render_plain(report, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_broken_pipe()
    return code
