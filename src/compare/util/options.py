"""Run options, passed explicitly to every stage that needs them (no globals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Audience(StrEnum):
    """Who the report is for; the classroom audience also gets a handout."""

    EDITOR = "editor"
    CLASSROOM = "classroom"


class OutputFormat(StrEnum):
    """Files ``compare report`` can write for each story."""

    PDF = "pdf"
    HTML = "html"
    JSON = "json"
    CSV = "csv"


DEFAULT_MAX_ARTICLE_BYTES = 1024 * 1024
DEFAULT_MAX_TOKEN_CHARS = 120
DEFAULT_MAX_ARTICLE_SENTENCES = 2000  # alignment memory grows with the square of this
DEFAULT_RENDER_TIMEOUT_S = 120.0
PDF_VARIANTS = ("pdf/ua-1", "pdf/ua-2", "pdf/a-2u", "pdf/a-3u", "pdf/a-4u")
DEFAULT_STORY_TIMEOUT_S = 600.0  # one story's analysis and rendering in batch mode


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; defaults are what ``make report`` uses."""

    out_dir: Path = Path("reports")
    formats: tuple[OutputFormat, ...] = (OutputFormat.PDF, OutputFormat.HTML, OutputFormat.JSON)
    min_severity: int = 5  # keep findings of this severity or more serious (1 = critical)
    audience: Audience = Audience.EDITOR
    sources_file: Path | None = None
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    max_article_sentences: int = DEFAULT_MAX_ARTICLE_SENTENCES
    max_token_chars: int = DEFAULT_MAX_TOKEN_CHARS  # longer tokens are elided when rendered
    render_timeout_s: float = DEFAULT_RENDER_TIMEOUT_S
    source_date_epoch: int = 0  # drives Report.generated; set by the CLI
    include_outliers: bool = False  # compare articles flagged as a different event too
    pdf_variant: str | None = None  # e.g. "pdf/ua-1" (accessible) or "pdf/a-3u" (archival)
    reference: str | None = None  # article id every other outlet is compared against
    review_file: Path | None = None  # review.json whose decisions are applied (#16)
    # Thresholds, recorded in the report's Method section.
    align_threshold: float = 0.35  # min sentence similarity to align
    sentence_meanings: bool = True  # compare sentences by meaning too (classify.presence.carried)
    outlier_similarity: float = 0.25  # below this an article is about something else
    outlier_days: int = 4  # articles this far from the story's dates may be another event
    # Batch mode (compare.cli.batch): where each story's analysis and rendering runs.
    jobs: int = 0  # local worker processes; 0 = one per CPU
    scheduler: str | None = None  # dask.distributed scheduler address; None = local pool
    story_timeout_s: float = DEFAULT_STORY_TIMEOUT_S
    extra: dict[str, str] = field(default_factory=dict)
