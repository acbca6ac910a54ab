"""The view dataclasses: plain frozen records the templates print.

Why a module of their own: ``view.py`` builds them from a Report; keeping
the records apart keeps both files small and lets templates' authors read
every field they may print in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.report.view.text import Segment, short


@dataclass(frozen=True)
class OutletView:
    """One article as the reader sees it: neutral key, label, provenance, numbers."""

    key: str  # "A", "B", ... short neutral display key
    slug: str  # safe for class and id attributes, never the raw label
    label: str
    outlet_source: str
    title: str
    published: str
    published_source: str
    words: str
    credits: str
    coverage: str
    reworded: str
    divergence: str
    typography: int
    path: str
    sha256: str
    encoding: str
    url: str  # shown as text only, never a link (RELIABILITY rule 2)


@dataclass(frozen=True)
class Excerpt:
    """One outlet's (or several identical outlets') text for one finding."""

    outlets: tuple[OutletView, ...]
    segments: tuple[Segment, ...]
    lines: str  # "line 42" / "lines 42–43"; empty when the outlet lacks the text
    present: bool


@dataclass(frozen=True)
class Variant:
    """The exact words one outlet uses, for the compact minor-kind tables."""

    outlet: OutletView
    text: str
    lines: str


@dataclass(frozen=True)
class FindingView:
    """A finding ready to print: headline, explanation, side-by-side excerpts.

    ``sentence`` is the finding as plain sentences naming outlets by key (the
    headline a teacher can quote); ``snippets`` are the outlets' changed words
    with a short context, for the one-row-per-finding rewording list.
    """

    anchor: str
    kind: str
    kind_label: str
    severity: str
    label: str
    explanation: str
    time_note: str
    passage: str
    excerpts: tuple[Excerpt, ...]
    variants: tuple[Variant, ...]
    sentence: str = ""
    snippets: tuple[Excerpt, ...] = ()
    absent: tuple[OutletView, ...] = ()  # compared outlets that lack the text
    # #16: the finding id a reviewer cites, the reviewer's note, and what the
    # HTML's filters match on (outlet keys space-separated, severity 1-5).
    id: str = ""
    note: str = ""
    outlet_keys: str = ""
    severity_rank: int = 0
    # #14: page 1's headline split into its first sentence and the rest; the
    # PDF prints only the first, so page 1 holds the key tables as well.
    lead: str = ""
    more: str = ""


@dataclass(frozen=True)
class KindGroup:
    """Findings of one kind, in report order, and how they print.

    ``layout`` is "cards" (side by side, serious kinds), "rows" (one row per
    finding) or "table" (exact words only); ``compact`` is ``layout == "table"``.
    """

    kind: str
    title: str
    anchor: str
    compact: bool
    findings: tuple[FindingView, ...]
    layout: str = "cards"
    note: str = ""  # said once for the group instead of once per row


@dataclass(frozen=True)
class PassageExcerpt:
    """A passage quoted from ``source``: shortened ``text`` for print, ``full`` for screen.

    ``anchor`` and ``note`` are set when a finding is about this passage (the
    headline links land here); ``note`` is the finding's reason.
    """

    passage: str
    source: OutletView
    text: str
    lines: str
    full: str = ""
    anchor: str = ""
    note: str = ""
    severity: str = ""
    finding: str = ""  # the id of the finding about this passage, if any (#16)
    kind: str = ""
    severity_rank: int = 0


@dataclass(frozen=True)
class OutletPassages:
    """What one outlet leaves out and what only it carries.

    For a brief outlet (``summary`` set) only flagged omissions are listed in
    ``omitted``; the rest are named in the one-line summary.
    """

    outlet: OutletView
    omitted: tuple[PassageExcerpt, ...]
    added: tuple[PassageExcerpt, ...]
    summary: str = ""
    heading: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Profile:
    """An outlet's habits: counts of findings of the profile kinds that involve it."""

    outlet: OutletView
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class RemovedView:
    """Boilerplate cut from one article, with its reason and line."""

    outlet: OutletView
    lines: str
    reason: str
    text: str
    full: str = ""


@dataclass(frozen=True)
class Note:
    """A path with a message: a skipped input, a warning, or an outlier's reason."""

    path: str
    message: str


@dataclass(frozen=True)
class SourceNote:
    """Where a fact in the summary table comes from, said once per distinct source."""

    keys: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class ChartView:
    """A chart as an image the PDF can tag: ``src`` is a ``data:`` URI of the SVG."""

    id: str
    title: str
    caption: str
    alt: str
    src: str
    landscape: bool


@dataclass(frozen=True)
class ChartLink:
    """A clickable area over a chart (percent of the image box) and where it jumps to."""

    href: str
    label: str  # what a screen reader says, e.g. "Passage p3, outlet B: 2 findings"
    left: str  # CSS percentages, formatted here so the template only prints
    top: str
    width: str
    height: str
    kind: str = ""  # filter values applied when followed ("" = any)
    outlet: str = ""


@dataclass(frozen=True)
class ChartLinks:
    """The clickable areas of one chart."""

    chart: str
    links: tuple[ChartLink, ...]


@dataclass(frozen=True)
class TocEntry:
    """One line of the contents page."""

    title: str
    anchor: str
    level: int


@dataclass(frozen=True)
class DismissedView:
    """A finding the reviewer dismissed, as Method and limits lists it."""

    id: str
    kind_label: str
    label: str
    reason: str
    reviewer: str
    at: str


@dataclass(frozen=True)
class ReviewView:
    """The reviewer's decisions as the report prints them (#16)."""

    dismissed: tuple[DismissedView, ...]
    note: str
    reviewed: str  # "Reviewed by N on 4 Dec 2026, 14:00 UTC", or ""
    summary: str  # "3 findings dismissed by the reviewer", or ""
    unmatched: str  # "2 saved decisions matched no finding of this analysis", or ""


@dataclass(frozen=True)
class FilterChoice:
    """One option of a filter of the interactive HTML: the value matched, and its label."""

    value: str
    label: str


@dataclass(frozen=True)
class ReportView:
    """Everything ``report.html`` prints, in reading order."""

    title: str
    generated: str
    generated_iso: str
    tool_version: str
    run_id: str
    date_range: str
    outlets: tuple[OutletView, ...]
    outliers: tuple[tuple[OutletView, str], ...]
    headlines: tuple[FindingView, ...]
    finding_total: int
    typography_total: int
    charts: tuple[ChartView, ...]  # portrait charts
    wide_charts: tuple[ChartView, ...]  # on the landscape page: coverage, similarity
    groups: tuple[KindGroup, ...]
    passages: tuple[OutletPassages, ...]
    profiles: tuple[Profile, ...]
    settings: tuple[tuple[str, str], ...]
    removed: tuple[RemovedView, ...]
    problems: tuple[Note, ...]
    warnings: tuple[Note, ...]
    contents: tuple[TocEntry, ...]
    name_sources: tuple[SourceNote, ...] = ()
    date_sources: tuple[SourceNote, ...] = ()
    # #16: page 1 says how the report was made; the HTML filters; the review.
    made: tuple[str, ...] = ()
    filter_kinds: tuple[FilterChoice, ...] = ()
    filter_outlets: tuple[FilterChoice, ...] = ()
    filter_severities: tuple[FilterChoice, ...] = ()
    review: ReviewView | None = None
    chart_links: tuple[ChartLinks, ...] = ()
    # Each compared outlet's headline, side by side on page 1 (#15).
    headline_texts: tuple[tuple[OutletView, str], ...] = ()
    # Page 1's "Key figures" and "Who says so" tables (#14); an empty one is left out.
    key_tables: tuple[KeyTable, ...] = ()

    @property
    def running_title(self) -> str:
        """The title for the PDF's running header: short enough to leave room for the section."""
        return short(self.title, RUNNING_TITLE_CHARS)


RUNNING_TITLE_CHARS = 60  # the header's half line at 8 pt, an unbroken word included


# Page 1's key tables (built by view_tables, from OutletView above).
@dataclass(frozen=True)
class TableCell:
    """One outlet's cell: clipped ``text``, the ``full`` text, and where it links.

    ``status`` is a CSS class: "figure", "none" (no figure given) for key
    figures; "credited", "fact", "absent" for who says so.  ``lines`` is
    the line reference of the quoted text ("l. 12").
    """

    text: str
    full: str
    href: str
    status: str
    lines: str = ""
    detail: str = ""  # the quoted words when they add to ``text`` ("accused")


@dataclass(frozen=True)
class TableRow:
    """One row: what it is about, whether outlets disagree, and a cell per outlet."""

    label: str
    full: str
    href: str  # the finding about the row, "" when none
    finding: str  # its id, printed so a reader can cite it
    marked: bool  # a discrepancy between outlets
    cells: tuple[TableCell, ...]
    printed: bool  # False past view_tables.PRINT_ROWS: the HTML shows the row, the PDF does not


@dataclass(frozen=True)
class KeyTable:
    """One of page 1's tables: its columns and rows; not built when it has no rows."""

    title: str
    anchor: str
    heading: str  # the first column's heading
    outlets: tuple[OutletView, ...]
    dates: tuple[str, ...]  # each outlet's publication day, "17 Oct", under its key
    rows: tuple[TableRow, ...]
    not_printed: int  # rows the PDF leaves out, named in its note
