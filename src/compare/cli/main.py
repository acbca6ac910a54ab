"""Command line: parse arguments into Options, show progress, map errors to exit codes.

Why thin: every behaviour lives in the pipeline and the writers so that it is
testable without a process; this module only translates between the shell
and them.  Problems go to stderr as one parseable line each:
``compare: skipped: PATH: REASON``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from compare import __version__
from compare.errors import CompareError, ExitCode, UsageError
from compare.ingest.discover import ARTICLE_SUFFIXES
from compare.util import interrupt
from compare.util.options import PDF_VARIANTS, Audience, Options, OutputFormat
from compare.util.streams import best_effort_streams, visible

EXIT_CODES_HELP = """\
exit codes:
  0    report written from all inputs
  1    internal error (a bug); previous outputs intact
  2    usage or configuration error (bad arguments, unknown folder, output folder
       is an input folder, invalid SOURCE_DATE_EPOCH, bad or silent --scheduler);
       nothing written
  3    report written, but at least one input was skipped or not compared, or
       one of several stories could not be written (listed on stderr and in
       the report)
  4    no report: fewer than 2 usable articles
  5    outputs could not be written (output folder not writable, disk full or
       file-size limit, a link at DIR/<story>, render timeout); checked before
       the analysis where possible; previous outputs intact
  130  interrupted (Ctrl-C); previous outputs intact, temp files removed
  143  stopped by SIGTERM; the same as 130
"""

log = logging.getLogger("compare")


def _formats(text: str) -> tuple[OutputFormat, ...]:
    try:
        formats = tuple(OutputFormat(part.strip()) for part in text.split(",") if part.strip())
    except ValueError as exc:
        choices = ",".join(f.value for f in OutputFormat)
        raise argparse.ArgumentTypeError(
            f"unknown format in {text!r}; choose from {choices}"
        ) from exc
    if not formats:
        raise argparse.ArgumentTypeError("give at least one format")
    return formats


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from exc
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number: {text!r}")
    return value


SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")


def _scheduler_address(text: str) -> str:
    """A ``dask.distributed`` scheduler address, checked before any work (issue #19).

    Why: an ``http://`` address or a typo reached the cluster client, which
    failed after a minute with a traceback (exit 1).

    >>> _scheduler_address("tcp://10.0.0.5:8786"), _scheduler_address("node7:8786")
    ('tcp://10.0.0.5:8786', 'node7:8786')
    """
    from urllib.parse import urlsplit

    scheme, sep, rest = text.partition("://")
    if scheme == "inproc" and rest:  # a cluster in this very process (embedding, tests)
        return text
    parts = urlsplit(text if sep else f"tcp://{text}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if (sep and scheme.lower() not in SCHEDULER_SCHEMES) or not parts.hostname or port is None:
        schemes = ", ".join(f"{s}://" for s in SCHEDULER_SCHEMES)
        raise argparse.ArgumentTypeError(
            f"not a Dask scheduler address: {text!r} (expected HOST:PORT or {schemes} "
            "followed by HOST:PORT, e.g. tcp://host:8786)"
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError(f"not a Dask scheduler address: {text!r}")
    return text


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; its help text is checked against the README."""
    parser = argparse.ArgumentParser(
        prog="compare",
        description="Compare several outlets' articles about one story; report every difference.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"compare {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "paths",
            nargs="+",
            type=Path,
            metavar="PATH",
            help=f"article files ({', '.join(ARTICLE_SUFFIXES)}) or folders of them",
        )
        p.add_argument(
            "--out",
            type=_out_dir,
            default=Path("reports"),
            metavar="DIR",
            help="output folder (default: reports)",
        )
        p.add_argument(
            "--sources",
            type=Path,
            default=None,
            metavar="FILE",
            help="manifest (sources.yaml or sources.csv) naming outlets, URLs and "
            "dates for files that lack them",
        )
        p.add_argument(
            "--max-article-bytes",
            type=_positive_int,
            default=None,
            metavar="N",
            help="skip articles larger than N bytes (default: 1048576)",
        )
        p.add_argument(
            "--max-article-sentences",
            type=_positive_int,
            default=None,
            metavar="N",
            help="skip articles of more than N sentences (default: 2000)",
        )
        talk = p.add_mutually_exclusive_group()  # -q and -v together: exit 2
        talk.add_argument("-q", "--quiet", action="store_true", help="print only errors")
        talk.add_argument(
            "-v", "--verbose", action="store_true", help="print progress details and tracebacks"
        )

    report = sub.add_parser(
        "report",
        help="write PDF, HTML and JSON reports for each story",
        description="Write DIR/<story>/report.pdf, report.html and report.json for each story.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common(report)
    report.add_argument(
        "--format",
        type=_formats,
        default=None,
        metavar="LIST",
        help="comma-separated outputs among pdf,html,json,csv (default: pdf,html,json)",
    )
    report.add_argument(
        "--audience",
        choices=[a.value for a in Audience],
        default="editor",
        help="classroom also writes handout.pdf (default: editor)",
    )
    report.add_argument(
        "--pdf-variant",
        choices=PDF_VARIANTS,
        default=None,
        help="write the PDFs as this standard: pdf/ua-1 or pdf/ua-2 (accessible), "
        "pdf/a-2u, pdf/a-3u or pdf/a-4u (archival); default: tagged PDF",
    )
    report.add_argument(
        "--reference",
        default=None,
        metavar="ARTICLE",
        help="compare every outlet against this article (its id, its file, or its outlet "
        "label), e.g. the wire copy",
    )
    report.add_argument(
        "--min-severity",
        type=int,
        choices=range(1, 6),
        default=None,
        metavar="1-5",
        help="keep findings of this severity or more serious: 1 critical, 2 high, 3 medium, "
        "4 low, 5 cosmetic (default: 5, all)",
    )
    report.add_argument(
        "--include-outliers",
        action="store_true",
        help="also compare articles flagged as covering a different event",
    )
    report.add_argument(
        "--words-only",
        action="store_true",
        help="compare sentences by their words only, not also by meaning with the sentence "
        "model (about a second faster; more passages told in other words are reported as "
        "only in one outlet)",
    )
    report.add_argument(
        "--render-timeout",
        type=_positive_float,
        default=None,
        metavar="SECONDS",
        help="give up rendering one PDF after this long (default: 120)",
    )
    # --- batch mode (compare.cli.batch): where each story is analysed and rendered ---
    report.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="analyse and render up to N stories at once in worker processes (default: one "
        "per CPU)",
    )
    report.add_argument(
        "--scheduler",
        type=_scheduler_address,
        default=None,
        metavar="ADDRESS",
        help="run each story on this dask.distributed scheduler (e.g. tcp://host:8786) "
        "instead of local processes; --out must be reachable by the workers",
    )
    # --- end of batch mode ---
    report.add_argument(
        "--review",
        type=Path,
        default=None,
        metavar="FILE",
        help="apply a reviewer's saved decisions (review.json from 'compare review'): "
        "findings are matched by kind and quoted words, so they survive a re-run",
    )
    stories = sub.add_parser(
        "stories",
        help="group articles into stories and write DIR/stories.json",
        description="Group articles into stories without rendering; writes DIR/stories.json.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common(stories)
    review = sub.add_parser(
        "review",
        help="serve a story's report on 127.0.0.1 to dismiss and annotate findings",
        description="Serve DIR/<story>'s report on 127.0.0.1 (a free port; the URL is printed). "
        "In the page a reviewer dismisses findings with a reason, restores them, adds notes "
        "and marks the report reviewed; each save writes review.json beside the report and "
        "re-renders its PDF, HTML and JSON.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    review.add_argument(
        "folder", type=Path, metavar="DIR", help="a story folder of 'compare report'"
    )
    review.add_argument(
        "--port", type=int, default=0, metavar="N", help="port to listen on (default: a free one)"
    )
    review.add_argument(
        "--pdf-variant",
        choices=PDF_VARIANTS,
        default=None,
        help="write the re-rendered PDFs as this standard (as with 'compare report')",
    )
    talk = review.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="print only the URL and errors")
    talk.add_argument("-v", "--verbose", action="store_true", help="print requests and tracebacks")
    diff = sub.add_parser(
        "diff",
        help="show two articles' differences in the terminal",
        description="Two articles side by side in the terminal, differences classified. "
        "When the output is not a terminal, changes are marked in plain text: [-A's words-] "
        "{+B's words+}, as git diff --word-diff=plain does.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    diff.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="two article files, or inputs of any kind holding two articles, or a folder or "
        "archive to pick two from with --id",
    )
    diff.add_argument(
        "--id",
        action="append",
        default=None,
        metavar="ID",
        dest="ids",
        help="the id of one of the two articles to compare (give it twice)",
    )
    talk = diff.add_mutually_exclusive_group()
    talk.add_argument("-v", "--verbose", action="store_true", help="tracebacks on errors")
    talk.add_argument("-q", "--quiet", action="store_true", help="print only the findings")
    return parser


def _out_dir(value: str) -> Path:
    """``--out``, refused when empty: an unset shell variable (``--out "$DIR"``) must not
    quietly mean the current folder."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must name a folder (it is empty)")
    return Path(value)


def source_date_epoch(environ: dict[str, str] | os._Environ[str]) -> int:
    """Validated ``SOURCE_DATE_EPOCH`` (reproducible builds), or now when unset.

    Invalid values crash matplotlib and WeasyPrint, so reject them up front.
    """
    raw = environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        import time

        return int(time.time())
    # ASCII digits only: str.isdigit also accepts "²" and other digits int() refuses.
    if not re.fullmatch(r"[0-9]+", raw):
        raise UsageError("SOURCE_DATE_EPOCH must be an integer number of seconds")
    if int(raw) > 253402300799:
        raise UsageError(
            "SOURCE_DATE_EPOCH is past the last second of the year 9999 (253402300799)"
        )
    return int(raw)


def _reference_id(value: str | None) -> str | None:
    """An article id from ``--reference``: a file path gives its name without extension."""
    if value is None:
        return None
    path = Path(value)
    return path.stem if path.suffix.lower() in ARTICLE_SUFFIXES else value


def options_from(args: argparse.Namespace, epoch: int) -> Options:
    """Options from parsed arguments; unset arguments keep Options' defaults."""
    base = Options()
    return Options(
        out_dir=getattr(args, "out", base.out_dir),
        formats=getattr(args, "format", None) or base.formats,
        audience=Audience(getattr(args, "audience", "editor")),
        sources_file=getattr(args, "sources", None),
        max_article_bytes=getattr(args, "max_article_bytes", None) or base.max_article_bytes,
        max_article_sentences=getattr(args, "max_article_sentences", None)
        or base.max_article_sentences,
        render_timeout_s=getattr(args, "render_timeout", None) or base.render_timeout_s,
        source_date_epoch=epoch,
        include_outliers=getattr(args, "include_outliers", False),
        sentence_meanings=not getattr(args, "words_only", False),
        min_severity=getattr(args, "min_severity", None) or base.min_severity,
        reference=_reference_id(getattr(args, "reference", None)),
        pdf_variant=getattr(args, "pdf_variant", None),
        review_file=getattr(args, "review", None),
    )


def _interrupted(signum: int, _frame: object) -> None:
    interrupt.request(signum)


# Notices about this machine's libraries, not about the report: shown with -v only.
ENVIRONMENT_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)


class _EnvironmentNoticeFilter(logging.Filter):
    """Demotes known environment notices from WARNING to INFO."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and record.getMessage().startswith(
            ENVIRONMENT_NOTICES
        ):
            record.levelno, record.levelname = logging.INFO, "INFO"
            return logging.getLogger().isEnabledFor(logging.INFO)
        return True


class _OwnRecordsFilter(logging.Filter):
    """Lets through ``compare``'s own log records; other libraries' only with ``-v``.

    Why (issue #19): trafilatura and lxml log their own refusals ("parsed
    tree length: 0 …", "Document is empty") at ERROR, which reached stderr as
    extra "compare: ERROR:" lines beside the one line per problem that
    ``compare`` prints itself ("skipped: page.html: no article text …").
    """

    def __init__(self, verbose: bool) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "compare" or record.name.startswith("compare.")
        return own or self.verbose


@contextlib.contextmanager
def _usable_mplconfigdir(environ: dict[str, str] | os._Environ[str]) -> Iterator[None]:
    """Give matplotlib a writable config folder when ``MPLCONFIGDIR`` is not one.

    Why: matplotlib otherwise logs two warnings and makes its own temp folder;
    one line saying what happened is enough.  The temp folder is removed and
    the variable restored when the block (the command) ends.
    """
    wanted = environ.get("MPLCONFIGDIR")
    if not wanted or (os.path.isdir(wanted) and os.access(wanted, os.W_OK | os.X_OK)):
        yield
        return
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="compare-mpl-")
    environ["MPLCONFIGDIR"] = folder
    log.warning("MPLCONFIGDIR %r is not a writable folder; using a temporary one", wanted)
    try:
        yield
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        environ["MPLCONFIGDIR"] = wanted


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``compare`` command; returns the exit code.

    Messages are best effort (``compare.util.streams``): a closed or full stderr
    never changes the exit code.
    """
    with best_effort_streams():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.ERROR if args.quiet else logging.WARNING,
        format="compare: %(levelname)s: %(message)s",
    )
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    for handler in logging.getLogger().handlers:
        handler.addFilter(_EnvironmentNoticeFilter())
        handler.addFilter(_OwnRecordsFilter(args.verbose))
    interrupt.forget()  # a new run (tests run several in one process)
    signal.signal(signal.SIGINT, _interrupted)
    signal.signal(signal.SIGTERM, _interrupted)  # the same clean stop, exit 143
    if hasattr(signal, "SIGXFSZ"):  # over `ulimit -f`: fail the write (exit 5), don't die
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    with _usable_mplconfigdir(os.environ):
        return _run_command(args)


def _run_command(args: argparse.Namespace) -> int:
    """``main`` after the set-up: run the command and map its errors to exit codes."""
    try:
        epoch = source_date_epoch(os.environ)
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
        options = options_from(args, epoch)
        from compare.cli import commands

        code = int(commands.run(args.command, args, options))
        interrupt.check()  # a stop request swallowed on the way (in a __del__)
        return code
    except KeyboardInterrupt:
        print("compare: interrupted", file=sys.stderr)
        return interrupt.exit_code()
    except CompareError as exc:
        if args.verbose:
            log.exception("details")
        print(visible(f"compare: error: {exc}"), file=sys.stderr)
        return exc.exit_code
    except Exception as exc:
        log.exception("internal error") if args.verbose else None
        print(
            f"compare: internal error: {type(exc).__name__}: {exc} (run with -v for details)",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL


def run() -> None:
    """The ``compare`` executable and ``python -m compare``: ``main``, then exit at once.

    Why not a plain ``sys.exit(main())``: Python's own teardown (freeing the
    NumPy, SciPy, scikit-learn and NLTK module graphs one object at a time)
    takes about 0.3 s after the work is done and writes nothing.  Once
    ``main`` has returned, every output is written and renamed into place,
    pools and helper processes are closed, and streams are flushed here, so
    the process can end with ``os._exit``, after the exit handlers
    (``atexit``) have run as they would.  Should anything still be running
    (a thread, a child process), the normal exit runs instead, so it is
    joined or cleaned up as usual.
    """
    import atexit
    import multiprocessing
    import threading

    code = main()
    if threading.active_count() > 1 or multiprocessing.active_children():
        raise SystemExit(code)
    atexit._run_exitfuncs()  # what a normal exit runs first (logging's shutdown among them)
    atexit._clear()
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()  # best effort, as Python's own exit treats stderr
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError):  # unwritten output: Python's exit reports it (exit 120)
        raise SystemExit(code) from None
    os._exit(code)
