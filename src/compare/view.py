"""Presentation model: ``Report -> ReportView`` that the templates only print.

Why a view layer: templates must only loop, branch on kind and print (DESIGN
§7.2), and Python must never build HTML.  So everything a reader sees is
selected, grouped and formatted here into plain frozen dataclasses: dates as
"17 Oct 2020", shares as "82%", line references, and highlight segments
``(text, changed)`` that a template loop marks up with autoescaping intact.
Nothing is recomputed or re-ranked: findings keep the order of
``report.findings`` and numbers come from ``report.scores``.  Tokens longer
than ``options.max_token_chars`` are elided here, because WeasyPrint's line
breaking is quadratic on long tokens (RELIABILITY rule 6).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.model import Article, CellStatus, Chart, Finding, Kind, Report
from compare.options import Options
from compare.view_text import (
    CONTEXT_CHARS,
    KIND_LABELS,
    Segment,
    Source,
    compared_ids,
    date_range,
    elide,
    format_date,
    format_percent,
    highlight,
    outlet_keys,
    short,
    slug,
    token_end,
)

GROUP_TITLES: dict[str, str] = {
    Kind.NUMBER_DISCREPANCY: "Numbers that differ",
    Kind.ATTRIBUTION_CHANGE: "Who says so: attribution changes",
    Kind.HEDGE_CHANGE: "Hedges added or removed",
    Kind.LOADED_TERM: "Loaded terms",
    Kind.OMITTED_PASSAGE: "Passages left out",
    Kind.ADDED_PASSAGE: "Passages only one outlet carries",
    Kind.WORDING_CHANGE: "Other rewording",
    Kind.NAME_VARIANT: "Names spelt differently",
    Kind.STYLE_VARIANT: "House style",
    Kind.SPELLING_VARIANT: "US and UK spelling",
}
COMPACT_KINDS = frozenset({Kind.NAME_VARIANT, Kind.STYLE_VARIANT, Kind.SPELLING_VARIANT})
PROFILE_KINDS: dict[str, str] = {  # kind -> short column heading
    Kind.ATTRIBUTION_CHANGE: "Attri\u00adbution",
    Kind.HEDGE_CHANGE: "Hedges",
    Kind.LOADED_TERM: "Loaded terms",
    Kind.NAME_VARIANT: "Names",
    Kind.STYLE_VARIANT: "House style",
    Kind.SPELLING_VARIANT: "Spelling",
}
HEADLINES = 5
LANDSCAPE_CHARTS = frozenset({"coverage", "similarity"})  # share the wide page


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
    """A finding ready to print: headline, explanation, side-by-side excerpts."""

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


@dataclass(frozen=True)
class KindGroup:
    """Findings of one kind, in report order; ``compact`` ones print as a table."""

    kind: str
    title: str
    anchor: str
    compact: bool
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class PassageExcerpt:
    """A whole passage, quoted from ``source`` (the outlet whose text is shown)."""

    passage: str
    source: OutletView
    text: str
    lines: str


@dataclass(frozen=True)
class OutletPassages:
    """What one outlet leaves out and what only it carries."""

    outlet: OutletView
    omitted: tuple[PassageExcerpt, ...]
    added: tuple[PassageExcerpt, ...]


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


@dataclass(frozen=True)
class Note:
    """A path with a message: a skipped input, a warning, or an outlier's reason."""

    path: str
    message: str


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
class TocEntry:
    """One line of the contents page."""

    title: str
    anchor: str
    level: int


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


def chart_view(chart: Chart) -> ChartView:
    """A chart as a ``data:`` URI image, so the PDF can tag it with its alt text."""
    data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
    return ChartView(
        chart.id,
        chart.title,
        chart.caption,
        chart.alt,
        f"data:image/svg+xml;base64,{data}",
        chart.id in LANDSCAPE_CHARTS,
    )


class _Builder:
    """Shared lookups for one report: outlet views, sources, cell texts."""

    def __init__(self, report: Report, options: Options) -> None:
        self.report = report
        self.limit = options.max_token_chars
        self.ids = compared_ids(report)
        self.keys = outlet_keys(report)
        self.articles = {a.id: a for a in report.story.articles}
        self.sources = {aid: Source(a) for aid, a in self.articles.items()}
        self.outlets = {aid: self._outlet(a) for aid, a in self.articles.items()}

    def outlet(self, aid: str) -> OutletView:
        """The view of an article, or a placeholder for an id with no article."""
        if aid not in self.outlets:
            key = self.keys.get(aid, "?")
            self.outlets[aid] = OutletView(
                key,
                f"outlet-{slug(key)}",
                aid,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                0,
                "",
                "",
                "",
                "",
            )
        return self.outlets[aid]

    def _outlet(self, article: Article) -> OutletView:
        scores, key = self.report.scores, self.keys[article.id]

        def share(values: Mapping[str, float]) -> str:
            return format_percent(values[article.id]) if article.id in values else "–"

        return OutletView(
            key=key,
            slug=f"outlet-{slug(key)}",
            label=short(article.outlet, 80),
            outlet_source=article.outlet_source,
            title=elide(article.title or "", self.limit),
            published=format_date(article.published),
            published_source=article.published_source,
            words=f"{article.words:,}",
            credits=", ".join(article.credits),
            coverage=share(scores.coverage),
            reworded=share(scores.reworded),
            divergence=share(scores.divergence),
            typography=scores.typography.get(article.id, 0),
            path=article.path,
            sha256=article.sha256,
            encoding=article.encoding,
            url=elide(article.url or "", self.limit),
        )

    def cell(self, passage_id: str | None, aid: str) -> tuple[int, int] | None:
        """Start and end of ``aid``'s sentences in a passage, if it carries it."""
        passage = next((p for p in self.report.alignment.passages if p.id == passage_id), None)
        article = self.articles.get(aid)
        if passage is None or article is None or not passage.cells.get(aid):
            return None
        sentences = [article.sentences[i] for i in passage.cells[aid] if i < len(article.sentences)]
        if not sentences:
            return None
        return min(s.start for s in sentences), max(s.end for s in sentences)

    def quote(self, source: Source, start: int, end: int) -> str:
        """Original text ``start:end``, elided and cut to a printable length."""
        text = source.article.text
        cut = token_end(text, start + 3 * CONTEXT_CHARS)
        if cut < end:
            return elide(text[start:cut], self.limit) + " …"
        return elide(text[start:end], self.limit)

    def finding(self, finding: Finding, number: int) -> FindingView:
        """One finding with every compared outlet's text, identical texts merged."""
        merged: dict[tuple[Segment, ...], list[OutletView]] = {}
        lines: dict[tuple[Segment, ...], str] = {}
        missing: list[OutletView] = []
        variants = []
        for aid in self.ids + tuple(a for a in finding.spans if a not in self.ids):
            spans, source = finding.spans.get(aid, ()), self.sources.get(aid)
            cell = self.cell(finding.passage_id, aid)
            if source is None or not (spans or cell):
                missing.append(self.outlet(aid))
                continue
            if spans:
                segments = highlight(source, spans, self.limit)
                lo, hi = min(s.start for s in spans), max(s.end for s in spans)
                lines_of = source.line_range(*source.sentence_span(lo, hi))
            else:
                assert cell is not None
                segments = (Segment(self.quote(source, *cell), False),)
                lines_of = source.line_range(*cell)
            merged.setdefault(segments, []).append(self.outlet(aid))
            lines[segments] = lines_of
            if finding.spans.get(aid):
                words = " … ".join(s.text for s in finding.spans[aid])
                variants.append(
                    Variant(
                        self.outlet(aid),
                        elide(short(words, 200), self.limit),
                        source.line_range(lo, hi),
                    )
                )
        excerpts = [Excerpt(tuple(o), seg, lines[seg], True) for seg, o in merged.items()]
        if missing:
            excerpts.append(Excerpt(tuple(missing), (), "", False))
        kind = Kind(finding.kind)
        return FindingView(
            anchor=f"finding-{number}-{slug(finding.id)}",
            kind=kind.value,
            kind_label=KIND_LABELS[kind],
            severity=finding.severity.name.lower(),
            label=elide(short(finding.label or KIND_LABELS[kind], 160), self.limit),
            explanation=elide(finding.explanation, self.limit),
            time_note=elide(finding.time_note or "", self.limit),
            passage=finding.passage_id or "",
            excerpts=tuple(excerpts),
            variants=tuple(variants),
        )

    def passages(self) -> tuple[OutletPassages, ...]:
        """Per outlet: passages it omits (quoted from a carrier) and its own passages."""
        cells = self.report.scores.cells
        result = []
        for aid in self.ids:
            omitted, added = [], []
            for passage in self.report.alignment.passages:
                status = cells.get(aid, {}).get(passage.id)
                if status == CellStatus.OMITTED:
                    carriers = [a for a in self.ids if a in passage.cells]
                    same = [a for a in carriers if cells.get(a, {}).get(passage.id) == "same"]
                    source_id = (same or carriers or [None])[0]
                    if source_id is not None:
                        omitted.append(self._passage(passage.id, source_id))
                elif status == CellStatus.ONLY_HERE and aid in passage.cells:
                    added.append(self._passage(passage.id, aid))
            result.append(OutletPassages(self.outlet(aid), tuple(omitted), tuple(added)))
        return tuple(result)

    def _passage(self, passage_id: str, aid: str) -> PassageExcerpt:
        cell, source = self.cell(passage_id, aid), self.sources[aid]
        assert cell is not None
        return PassageExcerpt(
            passage_id, self.outlet(aid), self.quote(source, *cell), source.line_range(*cell)
        )


def build_view(report: Report, charts: Sequence[Chart], *, options: Options) -> ReportView:
    """The presentation model of one report: select, group, format; never re-rank.

    >>> from compare.model import Alignment, Scores, Story
    >>> empty = Report(1, "t", "2020-01-01T00:00:00Z", "r", Story("s", "Fire", ()),
    ...                Alignment((), ()), (), Scores())
    >>> build_view(empty, (), options=Options()).generated
    '1 Jan 2020, 00:00 UTC'
    """
    b = _Builder(report, options)
    views = [b.finding(f, n) for n, f in enumerate(report.findings, 1)]
    listed = [v for v in views if v.kind != Kind.TYPOGRAPHY]
    groups = []
    for kind in Kind:
        members = tuple(v for v in listed if v.kind == kind)
        if members:
            groups.append(
                KindGroup(
                    kind.value,
                    GROUP_TITLES[kind],
                    f"kind-{slug(kind.value)}",
                    kind in COMPACT_KINDS,
                    members,
                )
            )
    chart_views = [chart_view(c) for c in charts]
    outlets = tuple(b.outlet(aid) for aid in b.ids)
    when = dt.datetime.fromisoformat(report.generated.replace("Z", "+00:00"))
    contents = [
        TocEntry("Summary", "summary", 1),
        TocEntry("Charts", "charts", 1),
        TocEntry("Findings", "findings", 1),
    ]
    contents += [TocEntry(g.title, g.anchor, 2) for g in groups]
    contents += [
        TocEntry(t, a, 1)
        for t, a in (
            ("Omitted and added passages", "passages"),
            ("Outlet profiles", "profiles"),
            ("Method and limits", "method"),
            ("Inputs", "inputs"),
        )
    ]
    return ReportView(
        title=elide(short(report.story.title, 200), options.max_token_chars),
        generated=f"{format_date(report.generated)}, {when:%H:%M} UTC",
        generated_iso=report.generated,
        tool_version=report.tool_version,
        run_id=report.run_id,
        date_range=date_range(report),
        outlets=outlets,
        outliers=tuple(
            (b.outlet(o.article_id), elide(o.reason, options.max_token_chars))
            for o in report.story.outliers
        ),
        headlines=tuple(listed[:HEADLINES]),
        finding_total=len(listed),
        typography_total=sum(report.scores.typography.values()),
        wide_charts=tuple(c for c in chart_views if c.landscape),
        charts=tuple(c for c in chart_views if not c.landscape),
        groups=tuple(groups),
        passages=b.passages(),
        profiles=tuple(
            Profile(
                b.outlet(aid),
                tuple(
                    (name, report.scores.by_kind.get(aid, {}).get(k, 0))
                    for k, name in PROFILE_KINDS.items()
                ),
            )
            for aid in b.ids
        ),
        settings=tuple((k.replace("_", " "), v) for k, v in report.settings.items()),
        removed=tuple(
            RemovedView(
                b.outlet(a.id),
                b.sources[a.id].line_range(r.span.start, r.span.end),
                r.reason,
                b.quote(b.sources[a.id], r.span.start, r.span.end),
            )
            for a in report.story.articles
            for r in a.removed
        ),
        problems=tuple(Note(p.path, p.message) for p in report.problems),
        warnings=tuple(Note(w.path, w.message) for w in report.warnings),
        contents=tuple(contents),
    )


# The handout and index models live in view_handout; re-exported as part of this API.
from compare.view_handout import (  # noqa: E402
    HandoutExcerpt,
    HandoutSide,
    HandoutView,
    IndexEntry,
    build_handout,
    build_index_entry,
)

__all__ = [
    "ChartView",
    "Excerpt",
    "FindingView",
    "HandoutExcerpt",
    "HandoutSide",
    "HandoutView",
    "IndexEntry",
    "KindGroup",
    "Note",
    "OutletPassages",
    "OutletView",
    "PassageExcerpt",
    "Profile",
    "RemovedView",
    "ReportView",
    "Segment",
    "TocEntry",
    "Variant",
    "build_handout",
    "build_index_entry",
    "build_view",
]
