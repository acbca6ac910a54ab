"""HTML rendering: presentation models -> HTML strings, through Jinja2 templates.

Why these settings: ``autoescape=True`` escapes every template whatever its
name (``select_autoescape`` silently skips ``*.j2``, RELIABILITY rule 3) and
``StrictUndefined`` turns a misspelt field into an error instead of an empty
cell in a report people trust.  Templates are loaded from the package only,
article text is never compiled as a template, and the only ``Markup`` made
here wraps the package's own CSS files, which must not be escaped inside
``<style>``.  One template family serves the standalone HTML (screen CSS,
everything inline, works offline) and the PDF (print CSS, via ``pdf.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from compare import __version__
from compare.report.view.build import HandoutView, IndexEntry, ReportView
from compare.report.view.handout import SingleEntry

STYLESHEETS = ("common.css", "print.css", "screen.css")


@cache
def environment() -> Environment:
    """The one Jinja2 environment: package templates, autoescape on, strict."""
    return Environment(
        loader=PackageLoader("compare", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def stylesheets() -> dict[str, Markup]:
    """The package's CSS files by short name ("common", "print", "screen")."""
    folder = resources.files("compare").joinpath("static")
    return {
        name.removesuffix(".css"): Markup(folder.joinpath(name).read_text(encoding="utf-8"))
        for name in STYLESHEETS
    }


@cache
def scripts() -> dict[str, Markup]:
    """The package's scripts by short name ("report"): static files, never data (#16).

    Why inline: the HTML must work opened from disk, offline, with nothing
    fetched.  Like the CSS, the script is the package's own file; every value
    it reads comes from ``data-`` attributes that autoescaping has quoted.
    ``</`` never occurs in it (checked by a test), so it cannot end the element.
    """
    folder = resources.files("compare").joinpath("static")
    return {"report": Markup(folder.joinpath("report.js").read_text(encoding="utf-8"))}


def _render(template: str, **context: object) -> str:
    return (
        environment()
        .get_template(template)
        .render(css=stylesheets(), js=scripts(), tool=f"compare {__version__}", **context)
    )


def render_html(view: ReportView) -> str:
    """The full report as one self-contained HTML document (also the PDF's source).

    >>> from compare.model import Alignment, Report, Scores, Story
    >>> from compare.util.options import Options
    >>> from compare.report.view.build import build_view
    >>> empty = Report(1, "t", "2020-01-01T00:00:00Z", "r", Story("s", "<Fire>", ()),
    ...                Alignment((), ()), (), Scores())
    >>> "&lt;Fire&gt;" in render_html(build_view(empty, (), options=Options()))
    True
    """
    return _render("report.html", view=view)


def render_handout_html(view: HandoutView) -> str:
    """The classroom handout: exercises first, the answer key on the last page."""
    return _render("handout.html", handout=view)


def render_index_html(entries: Sequence[IndexEntry], singles: Sequence[SingleEntry] = ()) -> str:
    """An index of several stories' reports, linking to ``<slug>/report.html``.

    >>> "No stories" in render_index_html([])
    True
    """
    return _render("index.html", entries=tuple(entries), singles=tuple(singles))
