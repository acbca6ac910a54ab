"""One story's files as bytes: the rendered documents and the data files; writes nothing.

Why a module of its own (issue #17): the render helper process
(``cli.render_worker``), the review server and the commands all make the same
files from a finished ``Report``, and each of them used to import this from
``commands``, which imports them back (an import cycle).  Here it sits below
all three, beside the renderers it calls.  The renderers are imported only
when a file needs them, so a ``compare`` run that writes no PDF never loads
WeasyPrint.
"""

from __future__ import annotations

from pathlib import Path

from compare.model import Report
from compare.util.options import Audience, Options, OutputFormat

# The order a story's files are written in (and reported, "wrote ...").
OUTPUT_ORDER = ("report.html", "report.pdf", "report.json", "findings.csv", "handout.pdf")


def render_documents(report: Report, folder: Path, *, options: Options) -> list[tuple[Path, bytes]]:
    """The rendered files of one story (charts, HTML, PDFs) as ``(path, bytes)``; writes nothing.

    Why apart from the writing and from the data files: this part may run in
    a helper process (``compare.cli.render_worker``), which imports only the
    renderer (WeasyPrint, matplotlib, Jinja2) and never the analysis
    libraries, while the files are always written here, as one set.
    WeasyPrint is imported only when a PDF is wanted.
    """
    outputs: list[tuple[Path, bytes]] = []
    if OutputFormat.PDF in options.formats or OutputFormat.HTML in options.formats:
        from compare.report.charts import make_charts
        from compare.report.html import render_html
        from compare.report.view.build import build_view

        view = build_view(report, make_charts(report), options=options)
        html = render_html(view)
        if OutputFormat.HTML in options.formats:
            outputs.append((folder / "report.html", html.encode("utf-8")))
        if OutputFormat.PDF in options.formats:
            from compare.report.pdf import html_to_pdf

            outputs.append((folder / "report.pdf", html_to_pdf(html, options=options)))
    if options.audience is Audience.CLASSROOM:
        from compare.report.html import render_handout_html
        from compare.report.pdf import html_to_pdf
        from compare.report.view.build import build_handout

        handout = render_handout_html(build_handout(report, options=options))
        outputs.append((folder / "handout.pdf", html_to_pdf(handout, options=options)))
    return outputs


def data_outputs(report: Report, folder: Path, *, options: Options) -> list[tuple[Path, bytes]]:
    """The data files of one story (JSON, CSV) as ``(path, bytes)``; writes nothing."""
    outputs: list[tuple[Path, bytes]] = []
    if OutputFormat.JSON in options.formats:
        from compare.report import jsonio

        outputs.append((folder / "report.json", jsonio.dump(report).encode("utf-8")))
    if OutputFormat.CSV in options.formats:
        from compare.report.findings_csv import ENCODING, render_csv

        outputs.append((folder / "findings.csv", render_csv(report).encode(ENCODING)))
    return outputs


def in_order(outputs: list[tuple[Path, bytes]]) -> list[tuple[Path, bytes]]:
    """The files of one story in ``OUTPUT_ORDER``, the order they are written and reported."""
    return sorted(outputs, key=lambda item: OUTPUT_ORDER.index(item[0].name))
