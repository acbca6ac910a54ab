"""Presentation models for the classroom handout and the multi-story index.

Why its own module: the handout is a different reading of the same Report
(a few contrasting excerpts, questions, an answer key) and the index spans
several reports; both select and format only, like ``view``.  Outlets are
named by neutral keys ("Outlet A") in the exercises so students judge the
wording, not the brand; the answer key says which outlet is which.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.model import Finding, Kind, Report, Span
from compare.report.view.model import RUNNING_TITLE_CHARS
from compare.report.view.sentences import keyed_sentence
from compare.report.view.text import (
    KIND_LABELS,
    Segment,
    Source,
    compared_ids,
    date_range,
    elide,
    highlight,
    outlet_keys,
    short,
    slug,
)
from compare.text.normalize import norm
from compare.util.options import Options
from compare.util.streams import visible

MAX_EXCERPTS = 6
MIN_EXCERPTS = 3
QUESTIONS: dict[str, str] = {
    Kind.NUMBER_DISCREPANCY: "The two versions give different numbers. Which numbers differ, "
    "and what could explain the difference?",
    Kind.ATTRIBUTION_CHANGE: "Who is the source of the claim in each version? "
    "How does that change what a reader should believe?",
    Kind.HEDGE_CHANGE: "Which version sounds more certain? Which words make the difference?",
    Kind.LOADED_TERM: "Which word describes the same people or events differently? "
    "How might each word shape a reader's view?",
}
DEFAULT_QUESTION = "What changed between these two sentences? Why might it matter?"
# Kinds worth a classroom exercise: contrasts of meaning, not of house style.
EXERCISE_KINDS = (
    Kind.NUMBER_DISCREPANCY,
    Kind.ATTRIBUTION_CHANGE,
    Kind.HEDGE_CHANGE,
    Kind.LOADED_TERM,
    Kind.WORDING_CHANGE,
    Kind.NAME_VARIANT,
)


@dataclass(frozen=True)
class HandoutSide:
    """One outlet's version in an exercise, under a neutral label."""

    label: str  # "Outlet A"
    plain: str  # the question shows the text unmarked
    segments: tuple[Segment, ...]  # the answer key shows what changed


@dataclass(frozen=True)
class HandoutExcerpt:
    """A contrasting pair, the question to ask and the answer."""

    number: int
    question: str
    sides: tuple[HandoutSide, ...]
    kind_label: str
    answer: str
    time_note: str


@dataclass(frozen=True)
class HandoutView:
    """Everything ``handout.html`` prints."""

    title: str
    generated_iso: str
    date_range: str
    outlet_count: int
    excerpts: tuple[HandoutExcerpt, ...]
    key: tuple[tuple[str, str], ...]  # ("Outlet A", "Northfield Gazette")

    @property
    def running_title(self) -> str:
        """The title for the PDF's running header (``ReportView.running_title``)."""
        return short(self.title, RUNNING_TITLE_CHARS)


@dataclass(frozen=True)
class IndexEntry:
    """One story on the multi-story index page; ``href`` is relative and safe."""

    title: str
    href: str  # "<slug>/report.html"
    outlets: tuple[str, ...]
    dates: str
    finding_count: int
    top_findings: tuple[str, ...]
    latest: str = ""  # ISO date of the story's latest article; the index lists newest first
    pdf_href: str = ""  # "<slug>/report.pdf" when the PDF was written (#16)


@dataclass(frozen=True)
class SingleEntry:
    """An article no other outlet covered: read, not compared, listed on the index (#16)."""

    title: str
    outlet: str
    date: str
    path: str


def _pick(report: Report) -> list[Finding]:
    """One finding per exercise kind first (report order), then the next ones."""
    usable = [f for f in report.findings if f.kind in EXERCISE_KINDS and len(_two_sides(f)) == 2]
    chosen: list[Finding] = []
    for kind in EXERCISE_KINDS:
        chosen += [f for f in usable if f.kind == kind][:1]
    chosen += [f for f in usable if f not in chosen]
    wanted = chosen[:MAX_EXCERPTS]
    return [f for f in report.findings if f in wanted]  # keep the report's order


def _two_sides(finding: Finding) -> list[str]:
    """Two article ids whose quoted words differ, or fewer when there are none."""
    ids = [aid for aid, spans in finding.spans.items() if spans]
    if not ids:
        return []
    first = norm(" ".join(s.text for s in finding.spans[ids[0]]))
    other = [a for a in ids[1:] if norm(" ".join(s.text for s in finding.spans[a])) != first]
    return [ids[0], other[0]] if other else []


def _contrast(finding: Finding, aid: str, other: str) -> tuple[Span, ...]:
    """The one span of ``aid`` that differs from ``other``'s words (else its first).

    Why one: a name spelt three times across an article would otherwise stretch
    the excerpt from the first mention to the last, a whole page for students.
    """
    spans = finding.spans[aid]
    theirs = {norm(s.text) for s in finding.spans.get(other, ())}
    differing = [s for s in spans if norm(s.text) not in theirs]
    return ((differing or list(spans))[0],)


def build_handout(report: Report, *, options: Options) -> HandoutView:
    """The classroom handout: 3-6 contrasting excerpts, questions and an answer key.

    >>> from compare.model import Alignment, Scores, Story
    >>> empty = Report(1, "t", "2020-01-01T00:00:00Z", "r", Story("s", "Fire", ()),
    ...                Alignment((), ()), (), Scores())
    >>> build_handout(empty, options=Options()).excerpts
    ()
    """
    keys = outlet_keys(report)
    articles = {a.id: a for a in report.story.articles}
    sources: dict[str, Source] = {}
    excerpts = []
    for number, finding in enumerate(_pick(report), 1):
        sides = []
        pair = sorted(_two_sides(finding), key=lambda a: keys.get(a, a))
        for aid in pair:
            if aid not in articles:
                continue
            source = sources.setdefault(aid, Source(articles[aid]))
            other = next(a for a in pair if a != aid)
            spans = _contrast(finding, aid, other)
            segments = highlight(source, spans, options.max_token_chars)
            plain = "".join(s.text for s in segments)
            sides.append(HandoutSide(f"Outlet {keys[aid]}", plain, segments))
        excerpts.append(
            HandoutExcerpt(
                number=number,
                question=QUESTIONS.get(finding.kind, DEFAULT_QUESTION),
                sides=tuple(sides),
                kind_label=KIND_LABELS[finding.kind],
                answer=elide(
                    keyed_sentence(
                        finding,
                        order=compared_ids(report),
                        name=lambda a: keys.get(a, "?"),
                        keep=frozenset(pair).__contains__,
                    ),
                    options.max_token_chars,
                ),
                time_note=elide(finding.time_note or "", options.max_token_chars),
            )
        )
    ids = compared_ids(report)
    return HandoutView(
        title=elide(short(visible(report.story.title), 200), options.max_token_chars),
        generated_iso=report.generated,
        date_range=date_range(report),
        outlet_count=len(ids),
        excerpts=tuple(excerpts),
        key=tuple(
            (f"Outlet {keys[aid]}", short(visible(articles[aid].outlet), 80))
            for aid in ids
            if aid in articles
        ),
    )


def build_index_entry(
    report: Report, *, story_slug: str, top: int = 3, pdf: bool = False
) -> IndexEntry:
    """The index line of one story; ``story_slug`` is re-slugged so the link stays relative.

    >>> from compare.model import Alignment, Scores, Story
    >>> empty = Report(1, "t", "2020-01-01T00:00:00Z", "r", Story("s", "Fire", ()),
    ...                Alignment((), ()), (), Scores())
    >>> build_index_entry(empty, story_slug="../Fire 1").href
    'fire-1/report.html'
    """
    articles = {a.id: a for a in report.story.articles}
    listed = [f for f in report.findings if f.kind != Kind.TYPOGRAPHY]
    return IndexEntry(
        title=short(visible(report.story.title), 200),
        href=f"{slug(story_slug)}/report.html",
        outlets=tuple(
            short(visible(articles[a].outlet), 80) for a in compared_ids(report) if a in articles
        ),
        dates=date_range(report),
        finding_count=len(listed),
        top_findings=tuple(short(f.label or f.explanation, 160) for f in listed[:top]),
        latest=max(
            (a.published for a in report.story.articles if a.published is not None), default=""
        ),
        pdf_href=f"{slug(story_slug)}/report.pdf" if pdf else "",
    )
