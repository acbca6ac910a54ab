"""``analyze(paths, options)``: the only place that knows the order of the stages.

Why isolate here: one unreadable article or one failing story must never
kill the report for the rest, so each article's segmentation and each
story's analysis run inside their own error boundary; a failure becomes a
listed problem with a reason, and the traceback goes to the log.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from compare import __version__
from compare.align.diff import diff
from compare.align.encoder import status as sentence_model_status
from compare.align.passages import align
from compare.align.segment import retokenize, segment, sentence_text
from compare.claims.attributed_table import who_says_so
from compare.claims.figures import key_figures
from compare.classify import classify
from compare.errors import NoReportError
from compare.group.stories import cluster, lone_evidence
from compare.ingest.discover import ARTICLE_PATTERNS, READ_ONCE
from compare.ingest.headlines import with_headline_passage, without_presence_findings
from compare.ingest.run import ingest
from compare.model import (
    SCHEMA_VERSION,
    Article,
    Finding,
    IngestResult,
    InputProblem,
    Kind,
    Notice,
    Report,
    Story,
    reading_order,
)
from compare.pipeline.reference import check_not_set_aside, resolve_reference
from compare.pipeline.score import score
from compare.util.options import Options

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """Every story's report plus what could not be used, for the CLI to write."""

    reports: tuple[Report, ...]
    problems: tuple[InputProblem, ...] = ()
    warnings: tuple[Notice, ...] = ()
    failed_stories: tuple[tuple[str, str], ...] = ()  # (story title, reason)
    single_stories: tuple[Story, ...] = ()  # stories one outlet alone carries
    timings: dict[str, float] = field(default_factory=dict)


class _Timer:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - start


def generated_at(epoch: int) -> str:
    """ISO 8601 UTC time of the run from ``SOURCE_DATE_EPOCH``.

    >>> generated_at(1603152000)
    '2020-10-20T00:00:00Z'
    """
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_id(articles: Sequence[Article], options: Options) -> str:
    """A short id shared by every output of one run on the same inputs."""
    digest = hashlib.sha256(__version__.encode())
    for article in sorted(articles, key=lambda a: a.id):
        digest.update(f"{article.id}:{article.sha256};".encode())
    digest.update(repr(settings(options)).encode())
    return digest.hexdigest()[:16]


def settings(options: Options) -> dict[str, str]:
    """Thresholds and limits in force, for the report's Method section."""
    return {
        "align_threshold": f"{options.align_threshold:g}",
        "outlier_similarity": f"{options.outlier_similarity:g}",
        "outlier_days": str(options.outlier_days),
        "include_outliers": str(options.include_outliers).lower(),
        "max_article_bytes": str(options.max_article_bytes),
        "max_article_sentences": str(options.max_article_sentences),
        "min_severity": str(options.min_severity),
        "reference": options.reference or "none",
        "max_token_chars": str(options.max_token_chars),
        "render_timeout_s": f"{options.render_timeout_s:g}",
        "sentence_model": sentence_model_status() if options.sentence_meanings else "off",
    }


def _segment_all(
    articles: list[Article],
    problems: list[InputProblem],
    *,
    max_sentences: int = Options().max_article_sentences,
) -> list[Article]:
    """Segment each article; an article that fails or is too long becomes a problem.

    Why a sentence cap: alignment compares every sentence with every other, so
    its time and memory grow with the square of the longest article; refusing
    an outsized input with a message beats exhausting the machine.

    ``articles`` is emptied as it goes: each ingested article, with its
    paragraphs' copies of its text, is let go once its compact segmented form
    (``without_tokens``) is made, so a large archive is never held twice.
    """
    done = []
    articles.reverse()
    while articles:
        article = articles.pop()
        try:
            segmented = segment(article)
        except Exception:
            log.exception("internal error while segmenting %s", article.path)
            problems.append(InputProblem(article.path, "internal error while segmenting (see log)"))
            continue
        if not segmented.sentences:
            problems.append(InputProblem(article.path, "no article text (no sentences found)"))
            continue
        if len(segmented.sentences) > max_sentences:
            problems.append(
                InputProblem(
                    article.path,
                    f"too long to compare: {len(segmented.sentences):,} sentences "
                    f"(limit {max_sentences:,}; use --max-article-sentences)",
                )
            )
            continue
        done.append(without_tokens(segmented))
    return done


def without_tokens(article: Article) -> Article:
    """``article`` as it waits for its story: no tokens, no copies of its text.

    Why (issue #19): tokens are most of an article's memory (about 13 KB for
    a 70-word record) and only a story's analysis needs them, so a 256 MiB
    archive of small records kept gigabytes of them for the whole run, and
    copied them to every worker.  The texts of sentences and of paragraphs
    after the first are slices of ``article.text``, so each was a second and
    a third copy of it; grouping reads sentences by offset meanwhile
    (``segment.sentence_text``), and the first paragraph keeps its text for
    the headline test (``headlines.has_headline``).  ``analyze_story`` makes
    tokens and texts again for the one story it analyses, exactly as
    segmentation did.
    """
    return replace(
        article,
        sentences=tuple(replace(s, tokens=(), text="") for s in article.sentences),
        paragraphs=article.paragraphs[:1]
        + tuple(replace(p, text="") for p in article.paragraphs[1:]),
    )


def with_tokens(article: Article) -> Article:
    """``article`` with every sentence's tokens and text (made again when they were left out)."""
    if all(s.tokens and s.text for s in article.sentences) and all(
        p.text for p in article.paragraphs
    ):
        return article
    return replace(
        article,
        sentences=tuple(
            s if s.tokens and s.text else retokenize(replace(s, text=sentence_text(article, s)))
            for s in article.sentences
        ),
        paragraphs=tuple(
            p if p.text else replace(p, text=article.text[p.start : p.end])
            for p in article.paragraphs
        ),
    )


def at_least(findings: Sequence[Finding], severity: int) -> tuple[Finding, ...]:
    """Findings of ``severity`` or more serious (1 is most serious), renumbered f1, f2...

    Why here and not in rendering: every output of a run must show the same
    findings, and renderers never filter (DESIGN.md §7.1).

    >>> from compare.model import Kind, Severity
    >>> f = Finding("f9", Kind.TYPOGRAPHY, Severity.COSMETIC, None, {}, "")
    >>> at_least([f], 4), [x.id for x in at_least([f], 5)]
    ((), ['f1'])
    """
    kept = [f for f in findings if f.severity <= severity]
    return tuple(replace(f, id=f"f{n}") for n, f in enumerate(kept, start=1))


def with_reference(story: Story, reference: str | None) -> Story:
    """The story with the reference article compared even if flagged as an outlier.

    Why: the user named it as the original everyone is measured against.
    """
    outliers = tuple(o for o in story.outliers if o.article_id != reference)
    return story if outliers == story.outliers else replace(story, outliers=outliers)


def against_reference(findings: Sequence[Finding], reference: str) -> tuple[Finding, ...]:
    """Findings that compare some outlet with the reference article (``--reference``).

    Omitted and added passages are already measured against the reference by
    the omission rule; other findings must quote the reference and one more.
    """
    keep = (Kind.OMITTED_PASSAGE, Kind.ADDED_PASSAGE)
    return tuple(
        f
        for f in findings
        if f.kind in keep or (reference in f.spans and any(a != reference for a in f.spans))
    )


def analyze_story(
    story: Story,
    *,
    options: Options,
    problems: Sequence[InputProblem] = (),
    warnings: Sequence[Notice] = (),
    timer: _Timer | None = None,
) -> Report:
    """Align, diff, classify and score one story into its Report."""
    timer = timer or _Timer()
    story = with_reference(story, options.reference)
    story = replace(story, articles=tuple(with_tokens(a) for a in story.articles))
    with timer.stage("align"):
        alignment = with_headline_passage(align(story, options=options), story.articles)
    with timer.stage("diff"):
        edits = diff(story, alignment)
    with timer.stage("classify"):
        findings = without_presence_findings(classify(story, alignment, edits, options=options))
        if options.reference in alignment.article_ids:
            findings = against_reference(findings, options.reference)
        findings = at_least(findings, options.min_severity)
        compared = set(alignment.article_ids)
        figures = key_figures([a for a in story.articles if a.id in compared], findings)
        says = who_says_so([a for a in story.articles if a.id in compared], findings, alignment)
    with timer.stage("score"):
        scores = score(story, alignment, findings, options=options)
    return Report(
        schema=SCHEMA_VERSION,
        tool_version=__version__,
        generated=generated_at(options.source_date_epoch),
        run_id=run_id(story.articles, options),
        story=story,
        alignment=alignment,
        findings=findings,
        scores=scores,
        problems=tuple(problems),
        warnings=tuple(warnings),
        settings=settings(options),
        key_figures=figures,
        who_says_so=says,
        timings=dict(timer.times),
    )


def _comparable(story: Story, options: Options) -> bool:
    """Whether the story has articles from two outlets to compare (outliers only when asked)."""
    outliers = {o.article_id for o in story.outliers}
    compared = [a for a in story.articles if a.id not in outliers]
    if options.include_outliers:
        compared = list(story.articles)
    return len(compared) >= 2 and len({a.outlet for a in compared}) >= 2


def _not_compared(
    story: Story, article: Article, articles: Sequence[Article], options: Options
) -> str:
    reason = next((o.reason for o in story.outliers if o.article_id == article.id), None)
    if reason is not None:
        return (
            f"not compared: flagged as covering a different event ({reason}); "
            "see --include-outliers"
        )
    if len(story.articles) > 1:
        return "not compared: no other outlet's article covers the same story"
    evidence = lone_evidence(articles, article.id, options=options)
    detail = f" ({evidence})" if evidence else ""
    return f"not compared: no other article covers the same story{detail}"


@dataclass(frozen=True)
class Prepared:
    """Articles read and grouped: the stories to analyse and what could not be used."""

    stories: tuple[Story, ...]  # the comparable stories, in cluster order
    problems: tuple[InputProblem, ...]
    warnings: tuple[Notice, ...]
    single_stories: tuple[Story, ...]
    timings: dict[str, float] = field(default_factory=dict)
    reference: str | None = None  # the article id --reference named (#16)


def read_articles(
    paths: Sequence[Path], *, options: Options, timer: _Timer | None = None
) -> IngestResult:
    """Ingest and segment the inputs: every command's first step.

    Articles that cannot be segmented (or are too long) join ingest's problems.
    """
    timer = timer or _Timer()
    with timer.stage("ingest"):
        ingested = ingest(paths, options=options)
    problems, warnings = list(ingested.problems), ingested.warnings
    pending = list(ingested.articles)
    del ingested  # its articles are let go one by one as they are segmented
    with timer.stage("segment"):
        articles = _segment_all(pending, problems, max_sentences=options.max_article_sentences)
    return IngestResult(tuple(articles), tuple(problems), warnings)


def prepare(
    paths: Sequence[Path],
    *,
    options: Options,
    progress: Callable[[str], None] | None = None,
    timer: _Timer | None = None,
) -> Prepared:
    """Read, segment and group the inputs; the per-story work is left to the caller.

    Raises ``NoReportError`` when fewer than two articles are usable or no
    story has two outlets to compare, and ``UsageError`` (from ingest) for a
    missing input path.
    """
    timer = timer or _Timer()
    say = progress or (lambda _msg: None)
    say("reading articles")
    ingested = read_articles(paths, options=options, timer=timer)
    articles, problems = list(ingested.articles), list(ingested.problems)
    if len(articles) < 2:
        # a file given twice is read once: say so, or "1 usable" of two names is a riddle
        once = [
            f"{w.path}: {w.message}" for w in ingested.warnings if w.message.endswith(READ_ONCE)
        ]
        skipped = "; ".join([*(f"{p.path}: {p.message}" for p in problems), *once])
        detail = f": {skipped}" if skipped else ""
        if not articles and not problems:
            where = ", ".join(map(str, paths))
            raise NoReportError(f"no article files ({ARTICLE_PATTERNS}) in {where}")
        twice = f", {len(once)} a copy read once" if once else ""
        raise NoReportError(
            f"need ≥2 readable articles: {len(articles)} usable, {len(problems)} skipped"
            f"{twice}{detail}"
        )
    # --reference: an id, a file or an outlet label, never an article set aside (#16)
    reference = resolve_reference(options.reference, articles)
    say(f"grouping {len(articles)} articles into stories")
    with timer.stage("cluster"):
        stories = cluster(articles, options=options)
    check_not_set_aside(reference, stories, include_outliers=options.include_outliers)
    singles = [s for s in stories if not _comparable(s, options)]
    single_ids = {id(s) for s in singles}
    # An article no other outlet's article joins is read but compared with
    # nothing: say so (report, JSON, stderr) rather than drop it silently.
    for story in singles:
        for article in story.articles:
            problems.append(
                InputProblem(article.path, _not_compared(story, article, articles, options))
            )
    problems.sort(key=reading_order)
    comparable = tuple(s for s in stories if id(s) not in single_ids)
    if not comparable:
        raise NoReportError(
            "no story has articles from at least two outlets to compare "
            f"({len(articles)} usable articles in {len(stories)} stories)"
        )
    return Prepared(
        stories=comparable,
        problems=tuple(problems),
        warnings=tuple(ingested.warnings),
        single_stories=tuple(singles),
        timings=dict(timer.times),
        reference=reference,
    )


def analyze(
    paths: Sequence[Path],
    *,
    options: Options,
    progress: Callable[[str], None] | None = None,
) -> Analysis:
    """Read the inputs, group them into stories and analyse each story in this process.

    Raises ``NoReportError`` when fewer than two articles are usable, and
    ``UsageError`` (from ingest) for a missing input path.
    """
    timer = _Timer()
    say = progress or (lambda _msg: None)
    prepared = prepare(paths, options=options, progress=progress, timer=timer)
    options = replace(options, reference=prepared.reference)
    reports: list[Report] = []
    failed: list[tuple[str, str]] = []
    for story in prepared.stories:
        say(f"analysing story: {story.title}")
        try:
            reports.append(
                analyze_story(
                    story,
                    options=options,
                    problems=prepared.problems,
                    warnings=prepared.warnings,
                    timer=timer,
                )
            )
        except Exception as exc:
            log.exception("internal error while analysing story %s", story.id)
            failed.append((story.title, f"internal error: {type(exc).__name__}: {exc}"))
    return Analysis(
        reports=tuple(reports),
        problems=prepared.problems,
        warnings=prepared.warnings,
        failed_stories=tuple(failed),
        single_stories=prepared.single_stories,
        timings=dict(timer.times),
    )
