"""Every dataclass and enum passed between pipeline stages.

Why one module: each stage is a pure function from these frozen types to these
frozen types, so the contract between stages is readable in one place and no
stage can smuggle state to another.  This module holds no logic.

Offsets: every ``start``/``end`` is a character offset into ``Article.text``,
the decoded original file (BOM removed, nothing else changed), and every
``line`` is 1-based in that file, counting ``\\n``, ``\\r\\n`` and a lone
``\\r`` as one line break each (see ``offsets.LineIndex``).  For saved web
pages and JSON records the file is not prose, so ``Article.text`` is the text
extracted from it and ``Article.text_origin`` says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

# Schema history of report.json:
#   1 - first release: articles, passages, findings, scores, problems (DESIGN.md §4).
#       Extended (#16), still 1: an optional "review" object (a reviewer's
#       dismissals and notes); absent when the report was not reviewed.
#       Extended (#14), still 1: "key_figures" (what was counted x outlet),
#       "who_says_so" (claim x outlet) and finding "confidence".
SCHEMA_VERSION = 1


class Kind(StrEnum):
    """Finding kinds, most serious first (DESIGN.md §5); values are the JSON strings."""

    NUMBER_DISCREPANCY = "number_discrepancy"
    ATTRIBUTION_CHANGE = "attribution_change"
    HEDGE_CHANGE = "hedge_change"
    LOADED_TERM = "loaded_term"
    OMITTED_PASSAGE = "omitted_passage"
    ADDED_PASSAGE = "added_passage"
    WORDING_CHANGE = "wording_change"
    NAME_VARIANT = "name_variant"
    STYLE_VARIANT = "style_variant"
    SPELLING_VARIANT = "spelling_variant"
    TYPOGRAPHY = "typography"


KIND_ORDER: tuple[Kind, ...] = tuple(Kind)


class Severity(IntEnum):
    """1 is most serious; findings are ranked by severity, then by weight."""

    CRITICAL = 1
    HIGH = 2
    MEDIUM = 3
    LOW = 4
    COSMETIC = 5


class CellStatus(StrEnum):
    """How one outlet carries one passage, for the coverage matrix."""

    SAME = "same"
    REWORDED = "reworded"
    OMITTED = "omitted"
    ONLY_HERE = "only_here"


@dataclass(frozen=True, slots=True)
class Span:
    """An exact stretch of one article's original text."""

    article_id: str
    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class Removed:
    """Boilerplate cut from an article, kept so the report can list it."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input that could not be used, with a reason a person understands."""

    path: str
    message: str


def reading_order(problem: InputProblem) -> tuple[str, int]:
    """Sort key for problems: by path, a record's line number as a number.

    Why: "archive.jsonl:12" sorted as text comes before "archive.jsonl:2";
    a reader looks them up in the file from the top.

    >>> sorted(["a.jsonl:12", "a.jsonl:2", "b.txt"], key=lambda p: reading_order(
    ...     InputProblem(p, "")))
    ['a.jsonl:2', 'a.jsonl:12', 'b.txt']
    """
    path, _sep, line = problem.path.rpartition(":")
    if path and line.isascii() and line.isdigit():
        return path, int(line)
    return problem.path, -1


@dataclass(frozen=True, slots=True)
class Notice:
    """A non-fatal warning about one input (or the run when ``path`` is empty)."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark: ``text`` as printed, ``norm`` the compared form.

    ``text`` is the original without invisible format characters (zero-width
    spaces and the like); ``start``/``end`` index the original, so they may
    span more characters than ``text`` holds.
    """

    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's body, with its tokens."""

    article_id: str
    index: int
    paragraph: int
    start: int
    end: int
    line: int
    text: str
    # Tokens are re-derivable from the text, so report.json omits them and
    # equality ignores them (load(dump(r)) == r still holds).
    tokens: tuple[Token, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Article:
    """One input article: its original text, provenance and (after segment) sentences."""

    id: str
    path: str
    sha256: str
    text: str
    outlet: str
    outlet_source: str
    title: str | None
    published: str | None  # ISO date YYYY-MM-DD (UTC)
    published_source: str
    encoding: str = "utf-8"
    url: str | None = None
    credits: tuple[str, ...] = ()  # wire services credited ("With inputs from ...")
    paragraphs: tuple[Span, ...] = ()  # body paragraphs kept after boilerplate removal
    removed: tuple[Removed, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    words: int = 0
    # What ``text`` is and what offsets and lines index: "file" for the decoded
    # file itself; for saved web pages and JSON records a sentence naming the
    # extracted text instead (see ``ingest.html`` and ``ingest.records``).
    text_origin: str = "file"


@dataclass(frozen=True, slots=True)
class Outlier:
    """An article set aside from the comparison, with the reason."""

    article_id: str
    reason: str


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event; ``outliers`` are listed but not compared."""

    id: str
    title: str
    articles: tuple[Article, ...]
    outliers: tuple[Outlier, ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """Aligned sentences: article id -> indexes into that article's sentences.

    An article that does not carry the passage has no key in ``cells``.
    """

    id: str
    cells: Mapping[str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Passages in reading order across the compared articles."""

    article_ids: tuple[str, ...]
    passages: tuple[Passage, ...]


@dataclass(frozen=True, slots=True)
class Edit:
    """One token-level difference between two articles' cells of a passage.

    ``a_index``/``b_index`` are positions in the cell's token sequence (the
    concatenated tokens of its sentences) so rules can read the context.
    """

    passage_id: str
    op: str  # "replace" | "insert" | "delete"
    a: str
    b: str
    a_index: int
    b_index: int
    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One classified difference, with the exact text from every outlet involved."""

    id: str
    kind: Kind
    severity: Severity
    passage_id: str | None
    spans: Mapping[str, tuple[Span, ...]]
    explanation: str
    time_note: str | None = None
    label: str = ""  # short headline, e.g. '"Defense" vs "Defence"'
    weight: float = 0.0  # finer rank inside one severity; higher is more serious
    confidence: float = 1.0  # how sure the rules are (1.0 = certain); below 0.7 never a headline


@dataclass(frozen=True, slots=True)
class PairScore:
    """Similarity of two articles over the passages they share (0..1)."""

    a: str
    b: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Scores:
    """Numbers a reader can quote; rendering only formats them."""

    pairs: tuple[PairScore, ...] = ()
    coverage: Mapping[str, float] = field(default_factory=dict)  # share of passages carried
    reworded: Mapping[str, float] = field(default_factory=dict)  # share of carried reworded
    divergence: Mapping[str, float] = field(default_factory=dict)  # 1 - mean similarity
    by_kind: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # article->kind->n
    cells: Mapping[str, Mapping[str, CellStatus]] = field(default_factory=dict)  # article->passage
    typography: Mapping[str, int] = field(default_factory=dict)  # article -> count
    # Articles carrying under half of the shared passages: briefs or follow-ups,
    # whose many omissions are expected and summarised rather than listed.
    partial: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chart:
    """A rendered chart: inline SVG plus the words a screen reader needs."""

    id: str
    title: str
    alt: str
    caption: str
    svg: str
    # Clickable areas (#16): (target key, (left, top, width, height)) in
    # fractions of the image; keys ("cell", passage, article) and
    # ("kind", kind, article).  Not part of report.json.
    areas: tuple[tuple[tuple[str, ...], tuple[float, ...]], ...] = ()


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A finding a reviewer dismissed: kept whole, so it can be restored and listed."""

    finding: Finding
    reason: str
    reviewer: str = ""
    at: str = ""  # ISO 8601 UTC time of the decision
    position: int = 0  # its index among the analysis's findings, to restore it in place


@dataclass(frozen=True, slots=True)
class ReviewState:
    """A reviewer's decisions applied to one report (``compare.pipeline.review``).

    ``notes`` maps a listed finding's id to the reviewer's note on it;
    ``unmatched`` counts saved decisions that matched no finding of this
    analysis (``compare report --review`` on changed inputs).
    """

    dismissed: tuple[Dismissal, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)
    note: str = ""  # on the whole report
    reviewer: str = ""
    reviewed_at: str = ""  # set when the reviewer marked the report reviewed
    unmatched: int = 0


@dataclass(frozen=True, slots=True)
class FigureCell:
    """One figure an outlet gives: as written, its interval, unit and publication date."""

    text: str
    qualifier: str  # exact, min, max, approx, below, vague, range
    unit: str | None
    low: float
    high: float  # inf for an open upper bound ("at least 13")
    published: str | None
    span: Span


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One row: what is counted, each outlet's figures, and the finding about them."""

    what: str  # "people killed", "percentage: burn"
    cells: Mapping[str, tuple[FigureCell, ...]]
    finding: str | None = None  # id of the number finding about this row
    discrepancy: bool = False


@dataclass(frozen=True, slots=True)
class SaysCell:
    """How one outlet carries one claim: credited to ``source``, stated as fact, or absent.

    ``quote`` is the outlet's own words for the claim (empty when absent);
    ``finding_id`` names the finding that quotes them, so a reader can
    follow the cell to the evidence (None when no finding quotes this outlet).
    """

    article_id: str
    status: str  # "credited" | "fact" | "absent"
    source: str  # who the claim is credited to; empty unless credited
    quote: str
    finding_id: str | None = None
    span: Span | None = None  # where the quote stands in the article (line, offsets)


@dataclass(frozen=True, slots=True)
class SaysRow:
    """One claim of the "Who says so" table and every compared outlet's cell for it."""

    claim: str
    cells: tuple[SaysCell, ...]


# The "Who says so" table as the Report holds it: one row per claim.
WhoSaysSo = tuple[SaysRow, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """The finished analysis of one story; every output format renders this."""

    schema: int
    tool_version: str
    generated: str  # ISO 8601 UTC, from SOURCE_DATE_EPOCH
    run_id: str
    story: Story
    alignment: Alignment
    findings: tuple[Finding, ...]
    scores: Scores
    problems: tuple[InputProblem, ...] = ()
    warnings: tuple[Notice, ...] = ()
    settings: Mapping[str, str] = field(default_factory=dict)  # thresholds used, for Method
    review: ReviewState | None = None  # a reviewer's decisions, once applied (#16)
    # What was counted x outlet (compare.claims.figures); report.json "key_figures".
    key_figures: tuple[KeyFigure, ...] = ()
    # Claim x outlet: credited, stated as fact, absent (compare.claims.attributed_table);
    # report.json "who_says_so".
    who_says_so: WhoSaysSo = ()
    timings: Mapping[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What ingest made of the inputs: usable articles, skipped inputs, warnings."""

    articles: tuple[Article, ...]
    problems: tuple[InputProblem, ...] = ()
    warnings: tuple[Notice, ...] = ()
