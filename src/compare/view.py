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
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from compare.model import Article, CellStatus, Chart, Finding, Kind, Report, Span
from compare.offsets import LineIndex
from compare.options import Options

KIND_LABELS: dict[str, str] = {
    Kind.NUMBER_DISCREPANCY: "Number discrepancy",
    Kind.ATTRIBUTION_CHANGE: "Attribution change",
    Kind.HEDGE_CHANGE: "Hedge change",
    Kind.LOADED_TERM: "Loaded term",
    Kind.OMITTED_PASSAGE: "Omitted passage",
    Kind.ADDED_PASSAGE: "Added passage",
    Kind.WORDING_CHANGE: "Wording change",
    Kind.NAME_VARIANT: "Name variant",
    Kind.STYLE_VARIANT: "House style",
    Kind.SPELLING_VARIANT: "US/UK spelling",
    Kind.TYPOGRAPHY: "Typography",
}
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
PROFILE_KINDS = (Kind.ATTRIBUTION_CHANGE, Kind.HEDGE_CHANGE, Kind.LOADED_TERM,
                 Kind.NAME_VARIANT, Kind.STYLE_VARIANT, Kind.SPELLING_VARIANT)
HEADLINES = 5
CONTEXT_CHARS = 280  # text kept either side of the highlighted spans


@dataclass(frozen=True)
class Segment:
    """A run of text; ``changed`` runs are the words a finding is about."""

    text: str
    changed: bool


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
    matrix: ChartView | None
    charts: tuple[ChartView, ...]
    groups: tuple[KindGroup, ...]
    passages: tuple[OutletPassages, ...]
    profiles: tuple[Profile, ...]
    settings: tuple[tuple[str, str], ...]
    removed: tuple[RemovedView, ...]
    problems: tuple[Note, ...]
    warnings: tuple[Note, ...]
    contents: tuple[TocEntry, ...]


# --- formatting helpers (also used by charts) -------------------------------


def short(text: str, limit: int) -> str:
    """Whitespace collapsed and cut to ``limit`` characters with an ellipsis.

    >>> short("a  very\\nlong label", 9)
    'a very l…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plural(count: int, word: str) -> str:
    """>>> plural(1, "passage"), plural(3, "passage")
    ('1 passage', '3 passages')
    """
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def format_percent(share: float) -> str:
    """>>> format_percent(0.8249)
    '82%'
    """
    return f"{round(share * 100)}%"


def iso_date(value: str | None) -> dt.date | None:
    """An ISO date (or datetime) string as a date; None when absent or malformed."""
    try:
        return None if value is None else dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def format_date(value: str | None) -> str:
    """>>> format_date("2020-10-17"), format_date(None)
    ('17 Oct 2020', 'undated')
    """
    day = iso_date(value)
    if day is None:
        return "undated" if value is None else value
    return f"{day.day} {day:%b %Y}"


def elide(text: str, limit: int) -> str:
    """Tokens longer than ``limit`` cut to ``limit`` characters plus a count.

    >>> elide("see " + "x" * 200_000, 120)[-16:]
    '…[199,880 chars]'
    """
    return re.sub(rf"\S{{{limit + 1},}}",
                  lambda m: f"{m.group()[:limit]}…[{len(m.group()) - limit:,} chars]", text)


def slug(text: str) -> str:
    """A lowercase ``[a-z0-9-]`` form, safe in ``id``/``class`` attributes and paths.

    >>> slug('Daily "News" style=x')
    'daily-news-style-x'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def compared_ids(report: Report) -> tuple[str, ...]:
    """Article ids in the comparison, in alignment order (outliers excluded)."""
    if report.alignment.article_ids:
        return tuple(report.alignment.article_ids)
    outliers = {o.article_id for o in report.story.outliers}
    return tuple(a.id for a in report.story.articles if a.id not in outliers)


def outlet_keys(report: Report) -> dict[str, str]:
    """Neutral display keys "A", "B", ... "AA": compared articles first, then the rest."""
    ids = list(compared_ids(report))
    ids += [a.id for a in report.story.articles if a.id not in ids]
    ids += [o.article_id for o in report.story.outliers if o.article_id not in ids]
    keys = {}
    for n, aid in enumerate(ids):
        key = ""
        n += 1
        while n:
            n, rest = divmod(n - 1, 26)
            key = chr(65 + rest) + key
        keys[aid] = key
    return keys



class Source:
    """One article with its line index and sentence starts, built once per report."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.lines = LineIndex(article.text)
        self.starts = [s.start for s in article.sentences]

    def line_range(self, start: int, end: int) -> str:
        """ "line 42" or "lines 42–44" for the characters ``start:end``."""
        first, last = self.lines.line(start), self.lines.line(max(start, end - 1))
        return f"line {first}" if first == last else f"lines {first}–{last}"

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The start and end of the sentences overlapping ``start:end``."""
        sentences = self.article.sentences
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        lo, hi = start, end
        while i < len(sentences) and sentences[i].start <= max(start, end - 1):
            if sentences[i].end > start:
                lo, hi = min(lo, sentences[i].start), max(hi, sentences[i].end)
            i += 1
        return lo, hi


def highlight(source: Source, spans: Sequence[Span], limit: int) -> tuple[Segment, ...]:
    """The sentence(s) holding ``spans``, split into changed and unchanged runs.

    Context is cut to ``CONTEXT_CHARS`` either side so one run-on "sentence"
    cannot fill pages, and every run is elided to ``limit``-character tokens.

    >>> from compare.model import Sentence
    >>> art = Article("a", "a.txt", "", "He said 12 died.", "X", "", None, None, "",
    ...               sentences=(Sentence("a", 0, 0, 0, 16, 1, "He said 12 died."),))
    >>> [s.text for s in highlight(Source(art), [Span("a", 8, 10, 1, "12")], 120)]
    ['He said ', '12', ' died.']
    """
    text = source.article.text
    marks = sorted((max(0, s.start), min(len(text), max(s.start, s.end))) for s in spans)
    first, last = marks[0][0], max(end for _, end in marks)
    lo, hi = source.sentence_span(first, last)
    segments: list[Segment] = []
    if lo < first - CONTEXT_CHARS:
        lo = first - CONTEXT_CHARS
        segments.append(Segment("…", False))
    cut_end = hi > last + CONTEXT_CHARS
    hi = min(hi, last + CONTEXT_CHARS)
    cursor = lo
    for start, end in marks:
        start = max(start, cursor)
        if start > cursor:
            segments.append(Segment(elide(text[cursor:start], limit), False))
        if end > start:
            segments.append(Segment(elide(text[start:end], limit), True))
        cursor = max(cursor, end)
    if hi > cursor:
        segments.append(Segment(elide(text[cursor:hi], limit), False))
    if cut_end:
        segments.append(Segment("…", False))
    return tuple(segments)


def chart_view(chart: Chart) -> ChartView:
    """A chart as a ``data:`` URI image, so the PDF can tag it with its alt text."""
    data = base64.b64encode(chart.svg.encode("utf-8")).decode("ascii")
    return ChartView(chart.id, chart.title, chart.caption, chart.alt,
                     f"data:image/svg+xml;base64,{data}", chart.id == "coverage")


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
            self.outlets[aid] = OutletView(key, f"outlet-{slug(key)}", aid, "", "", "", "",
                                           "", "", "", "", "", 0, "", "", "", "")
        return self.outlets[aid]

    def _outlet(self, article: Article) -> OutletView:
        scores, key = self.report.scores, self.keys[article.id]

        def share(values: Mapping[str, float]) -> str:
            return format_percent(values[article.id]) if article.id in values else "–"

        return OutletView(
            key=key, slug=f"outlet-{slug(key)}", label=short(article.outlet, 80),
            outlet_source=article.outlet_source, title=elide(article.title or "", self.limit),
            published=format_date(article.published), published_source=article.published_source,
            words=f"{article.words:,}", credits=", ".join(article.credits),
            coverage=share(scores.coverage), reworded=share(scores.reworded),
            divergence=share(scores.divergence),
            typography=scores.typography.get(article.id, 0), path=article.path,
            sha256=article.sha256, encoding=article.encoding,
            url=elide(article.url or "", self.limit),
        )

    def cell(self, passage_id: str | None, aid: str) -> tuple[int, int] | None:
        """Start and end of ``aid``'s sentences in a passage, if it carries it."""
        passage = next((p for p in self.report.alignment.passages if p.id == passage_id), None)
        article = self.articles.get(aid)
        if passage is None or article is None or not passage.cells.get(aid):
            return None
        sentences = [article.sentences[i] for i in passage.cells[aid]
                     if i < len(article.sentences)]
        if not sentences:
            return None
        return min(s.start for s in sentences), max(s.end for s in sentences)

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
            if not spans:
                assert cell is not None
                spans = (Span(aid, cell[0], cell[0], 0, ""),)
            segments = highlight(source, spans, self.limit)
            merged.setdefault(segments, []).append(self.outlet(aid))
            lo, hi = min(s.start for s in spans), max(s.end for s in spans)
            lines[segments] = source.line_range(*source.sentence_span(lo, hi))
            if finding.spans.get(aid):
                words = " … ".join(s.text for s in finding.spans[aid])
                variants.append(Variant(self.outlet(aid), elide(short(words, 200), self.limit),
                                        source.line_range(lo, hi)))
        excerpts = [Excerpt(tuple(o), seg, lines[seg], True) for seg, o in merged.items()]
        if missing:
            excerpts.append(Excerpt(tuple(missing), (), "", False))
        kind = Kind(finding.kind)
        return FindingView(
            anchor=f"finding-{number}-{slug(finding.id)}", kind=kind.value,
            kind_label=KIND_LABELS[kind], severity=finding.severity.name.lower(),
            label=elide(short(finding.label or KIND_LABELS[kind], 160), self.limit),
            explanation=elide(finding.explanation, self.limit),
            time_note=elide(finding.time_note or "", self.limit),
            passage=finding.passage_id or "", excerpts=tuple(excerpts), variants=tuple(variants),
        )
