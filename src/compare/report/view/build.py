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
import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from compare.ingest.headlines import headline_text
from compare.model import Article, CellStatus, Chart, Finding, Kind, Report
from compare.report.view.charts import chart_links
from compare.report.view.page_one import tables_of
from compare.report.view.passages import passage_sections
from compare.report.view.review import filter_choices, made_lines, review_view
from compare.report.view.sentences import keyed_sentence
from compare.report.view.text import (
    CONTEXT_CHARS,
    KIND_LABELS,
    SNIPPET_CHARS,
    Segment,
    Source,
    clip,
    compared_ids,
    date_range,
    elide,
    format_date,
    format_percent,
    highlight,
    join_keys,
    outlet_keys,
    sentences,
    short,
    slug,
    token_end,
)
from compare.util.options import Options
from compare.util.streams import visible

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
# How each group prints: full side-by-side cards for the serious kinds, one
# row per finding with shortened context for rewording, a table of the exact
# words for the minor kinds.  Omitted and added passages print once, per
# outlet, in the passages section instead of as findings cards.
CARD_KINDS = frozenset(
    {Kind.NUMBER_DISCREPANCY, Kind.ATTRIBUTION_CHANGE, Kind.HEDGE_CHANGE, Kind.LOADED_TERM}
)
ROW_KINDS = frozenset({Kind.WORDING_CHANGE})
COMPACT_KINDS = frozenset({Kind.NAME_VARIANT, Kind.STYLE_VARIANT, Kind.SPELLING_VARIANT})
PASSAGE_KINDS = frozenset({Kind.OMITTED_PASSAGE, Kind.ADDED_PASSAGE})
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
# An outlet the analysis marks as partial (Scores.partial: a brief or a
# follow-up) has its unflagged omissions summarised in one line: listing every
# passage it leaves out would fill pages and say only "it is short".
PASSAGE_CHARS = 220  # passages quoted in the PDF; the HTML shows them whole
REMOVED_CHARS = 64  # boilerplate quoted in the PDF; the HTML shows it whole
HEADLINE_CHARS = 200  # a headline longer than this is a page title gone wrong


from compare.report.view.model import (  # noqa: E402 - re-exported as this module's API
    ChartView,
    Excerpt,
    FindingView,
    KindGroup,
    Note,
    OutletPassages,
    OutletView,
    PassageExcerpt,
    Profile,
    RemovedView,
    ReportView,
    SourceNote,
    TocEntry,
    Variant,
)


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


def _sources(outlets: Sequence[OutletView], field: str) -> tuple[SourceNote, ...]:
    """Provenance grouped by text, so "label from file name" is said once for B, C, D."""
    grouped: dict[str, list[str]] = {}
    for outlet in outlets:
        text = getattr(outlet, field)
        if text:
            grouped.setdefault(text, []).append(outlet.key)
    return tuple(SourceNote(tuple(keys), text) for text, keys in grouped.items())


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
        self.passages = {p.id: p for p in report.alignment.passages}
        self.order = [p.id for p in report.alignment.passages]
        self.passage_chars = PASSAGE_CHARS  # read when built, so tests can shorten it
        self.notes = report.review.notes if report.review is not None else {}

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
            label=short(visible(article.outlet), 80),
            outlet_source=elide(article.outlet_source, self.limit),
            title=elide(visible(article.title or ""), self.limit),
            published=format_date(article.published),
            published_source=elide(article.published_source, self.limit),
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

    def status(self, aid: str, passage_id: str | None) -> str:
        """The coverage cell of ``aid`` for a passage ("" when there is none)."""
        if passage_id is None:
            return ""
        return str(self.report.scores.cells.get(aid, {}).get(passage_id, ""))

    def cell(self, passage_id: str | None, aid: str) -> tuple[int, int] | None:
        """Start and end of ``aid``'s sentences in a passage, if it carries it."""
        passage = self.passages.get(passage_id or "")
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

    def name(self, aid: str) -> str:
        """The neutral key of an article id, for sentences."""
        return self.keys.get(aid, "?")

    def finding(self, finding: Finding, number: int) -> FindingView:
        """One finding with every compared outlet's text, identical texts merged."""
        merged: dict[tuple[Segment, ...], list[OutletView]] = {}
        lines: dict[tuple[Segment, ...], str] = {}
        snippets: dict[tuple[Segment, ...], list[OutletView]] = {}
        snippet_lines: dict[tuple[Segment, ...], str] = {}
        missing: list[OutletView] = []
        variants = []
        kind = Kind(finding.kind)
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
                if kind in ROW_KINDS:
                    snippet = highlight(source, spans, self.limit, context=SNIPPET_CHARS)
                    snippets.setdefault(snippet, []).append(self.outlet(aid))
                    snippet_lines[snippet] = source.line_range(lo, hi)
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
        cells = [(a, self.status(a, finding.passage_id)) for a in self.ids]
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
            sentence=elide(
                keyed_sentence(
                    finding,
                    order=self.ids,
                    name=self.name,
                    carriers=[a for a, c in cells if c and c != CellStatus.OMITTED],
                    omitting=[a for a, c in cells if c == CellStatus.OMITTED],
                ),
                self.limit,
            ),
            snippets=tuple(
                Excerpt(tuple(o), seg, snippet_lines[seg], True) for seg, o in snippets.items()
            ),
            absent=tuple(missing),
            id=finding.id,
            note=elide(self.notes.get(finding.id, ""), self.limit),
            outlet_keys=" ".join(sorted({self.name(a) for a in finding.spans})),
            severity_rank=int(finding.severity),
        )


def _group(kind: Kind, members: tuple[FindingView, ...]) -> KindGroup:
    layout = "rows" if kind in ROW_KINDS else "table" if kind in COMPACT_KINDS else "cards"
    note = ""
    if layout == "rows":
        tails = {" ".join(sentences(f.explanation)[1:]) for f in members}
        note = tails.pop() if len(tails) == 1 else ""
    return KindGroup(
        kind.value,
        GROUP_TITLES[kind],
        f"kind-{slug(kind.value)}",
        layout == "table",
        members,
        layout,
        note,
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
    pairs = [
        (f, b.finding(f, n)) for n, f in enumerate(report.findings, 1) if f.kind != Kind.TYPOGRAPHY
    ]
    listed = [v for _, v in pairs]
    groups = []
    for kind in Kind:
        members = tuple(v for v in listed if v.kind == kind)
        if members and kind not in PASSAGE_KINDS:
            groups.append(_group(kind, members))
    chart_views = [chart_view(c) for c in charts]
    outlets = tuple(b.outlet(aid) for aid in b.ids)
    when = dt.datetime.fromisoformat(report.generated.replace("Z", "+00:00"))
    passages = passage_sections(b, [(f, v) for f, v in pairs if f.kind in PASSAGE_KINDS])
    # A passage finding whose text could not be quoted still needs a link target.
    targets = {e.anchor for p in passages for e in p.omitted + p.added if e.anchor}
    listed = [
        v
        if v.kind not in PASSAGE_KINDS or v.anchor in targets
        else dataclasses.replace(v, anchor="passages")
        for v in listed
    ]
    contents = [
        TocEntry("Summary", "summary", 1),
        TocEntry("Charts", "charts", 1),
        TocEntry("Findings", "findings", 1),
    ]
    contents += [TocEntry(g.title, g.anchor, 2) for g in groups]
    contents.append(TocEntry("Omitted and added passages", "passages", 1))
    contents += [
        TocEntry(f"{join_keys([p.outlet.key])}: {p.heading}", p.anchor, 2)
        for p in passages
        if p.omitted or p.added or p.summary
    ]
    contents += [
        TocEntry(t, a, 1)
        for t, a in (
            ("Outlet profiles", "profiles"),
            ("Method and limits", "method"),
            ("Inputs", "inputs"),
        )
    ]
    review = review_view(report, limit=options.max_token_chars)
    headline_texts = _side_by_side(
        tuple(
            (b.outlet(a.id), elide(short(text, HEADLINE_CHARS), options.max_token_chars))
            for a in report.story.articles
            if a.id in b.ids and (text := headline_text(a)) is not None
        )
    )
    key_tables = tables_of(
        report,
        headlines=len(headline_texts),
        ids=b.ids,
        outlets=outlets,
        anchors={v.id: v.anchor for v in listed},
        sources=b.sources,
        limit=b.limit,
    )
    kinds, outlet_choices, severities = filter_choices(listed, outlets)
    return ReportView(
        title=elide(short(visible(report.story.title), 200), options.max_token_chars),
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
        headlines=tuple(_split_lead(v) for v in listed[:HEADLINES]),
        finding_total=len(listed),
        typography_total=sum(report.scores.typography.values()),
        wide_charts=tuple(c for c in chart_views if c.landscape),
        charts=tuple(c for c in chart_views if not c.landscape),
        groups=tuple(groups),
        passages=passages,
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
                clip(full, REMOVED_CHARS),
                full,
            )
            for a in report.story.articles
            for r in a.removed
            for full in (b.quote(b.sources[a.id], r.span.start, r.span.end),)
        ),
        problems=tuple(Note(p.path, p.message) for p in report.problems),
        warnings=tuple(Note(w.path, w.message) for w in report.warnings),
        contents=tuple(contents),
        name_sources=_sources(outlets, "outlet_source"),
        date_sources=_sources(outlets, "published_source"),
        made=made_lines(report, b.outlets, review),
        filter_kinds=kinds,
        filter_outlets=outlet_choices,
        filter_severities=severities,
        review=review,
        chart_links=chart_links(charts, listed, b.keys),
        headline_texts=headline_texts,
        key_tables=key_tables,
    )


def _split_lead(finding: FindingView) -> FindingView:
    """A headline finding with its words split into the first sentence and the rest.

    Why: page 1 of the PDF must hold the key tables and all five headlines;
    the first sentence says what differs, the rest why it matters, which
    the finding's card (one link away) repeats in full.
    """
    first, *rest = sentences(finding.sentence or finding.explanation) or [""]
    return dataclasses.replace(finding, lead=first, more=" ".join(rest))


def _side_by_side(
    headlines: tuple[tuple[OutletView, str], ...],
) -> tuple[tuple[OutletView, str], ...]:
    """The headlines page 1 sets side by side: none when fewer than two outlets have one.

    Why: a lone headline is compared with nothing, and on page 1 it only
    pushes the headline findings onto a second page.
    """
    return headlines if len(headlines) >= 2 else ()


# The handout and index models live in view_handout; re-exported as part of this API.
from compare.report.view.handout import (  # noqa: E402
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
    "SourceNote",
    "TocEntry",
    "Variant",
    "build_handout",
    "build_index_entry",
    "build_view",
]
