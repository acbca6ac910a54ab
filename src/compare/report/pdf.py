"""PDF rendering: HTML -> PDF bytes with WeasyPrint, locked down and deterministic.

Why so strict: the HTML quotes article text we did not write, and
WeasyPrint's default fetcher follows ``<link>``, ``<img>``, ``@import`` and
``url()`` to the network and the local disk (it embedded ``/etc/passwd`` as an
attachment when probed).  ``AssetFetcher`` serves only ``data:`` URIs and files
in the package's ``static/`` folder and the bundled font folder, and raises
``FatalURLFetchingError`` for anything else, so a stray URL fails the render
loudly instead of leaking.  No ``base_url`` is given.  Determinism: the PDF
identifier is a hash of the HTML, the metadata dates come from the report's
``generated`` (in the HTML ``<meta>``), and ``SOURCE_DATE_EPOCH`` is set for
fontTools' subset timestamps only while rendering.  Fonts are always subset by
fontTools (a pinned dependency), never by the system's libharfbuzz-subset:
WeasyPrint takes HarfBuzz when that library loads at import, and the two write
different font bytes for the same glyphs, so the PDF depended on the machine
and on when the process had imported WeasyPrint (a process started before the
library was installed and its render helper started after wrote different
bytes for the same input).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML
from weasyprint.pdf import fonts as weasyprint_fonts
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from compare.errors import OutputError
from compare.report.fonts import FONT_DIR, font_face_css
from compare.util.collector import relaxed_collector
from compare.util.options import Options
from compare.util.tempdirs import render_prefix

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
ALLOWED_DIRS = (STATIC_DIR, FONT_DIR.resolve())
MIME = {".css": "text/css", ".ttf": "font/ttf", ".svg": "image/svg+xml", ".png": "image/png"}


class AssetFetcher(URLFetcher):
    """Serves ``data:`` URIs and files under ``ALLOWED_DIRS``; anything else is fatal."""

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlparse(url).path)).resolve()
            if path.is_file() and any(path.is_relative_to(d) for d in ALLOWED_DIRS):
                mime = MIME.get(path.suffix, "application/octet-stream")
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
        raise FatalURLFetchingError(
            f"refused to fetch {url[:200]!r}: only data: and bundled assets"
        )


# WeasyPrint's notice, once per font, that it subsets with fontTools: our choice, not news.
FONTTOOLS_NOTICE = "Using fontTools instead of HarfBuzz-Subset"


class _OnceFilter(logging.Filter):
    """Lets each distinct WeasyPrint message through once per render.

    Why: a notice about the environment is logged once per font and would
    flood stderr.  The fontTools notice is dropped: ``html_to_pdf`` asks for it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message in self.seen or message.startswith(FONTTOOLS_NOTICE):
            return False
        self.seen.add(message)
        return True


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so WeasyPrint's handlers cannot swallow it."""


@contextlib.contextmanager
def _deadline(seconds: float, stage: str) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (main thread only; elsewhere no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    # Re-arm every 50 ms: an alarm that lands in a garbage-collector callback
    # is printed and ignored by Python, so one shot could be lost.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    except _Timeout:
        raise OutputError(f"render timed out after {seconds:g} s in {stage} stage") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _source_date_epoch(epoch: int) -> Iterator[None]:
    """Set ``SOURCE_DATE_EPOCH`` for the render when the caller has not already."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def html_to_pdf(html: str, *, options: Options, pdf_variant: str | None = None) -> bytes:
    """Render report HTML to tagged PDF bytes; identical input gives identical bytes.

    Raises ``OutputError`` on timeout; ``FatalURLFetchingError`` (a BaseException)
    propagates if the HTML or CSS references anything but ``data:`` or bundled assets.
    """
    identifier = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    # Read at each font's subsetting: None means fontTools.  Set on every call
    # (never restored, so concurrent renders cannot race) in case anything
    # re-imported or reset it.
    weasyprint_fonts.harfbuzz_subset = None
    once = _OnceFilter()
    logger = logging.getLogger("weasyprint")
    logger.addFilter(once)
    try:
        with (
            _private_tempdir(),
            _deadline(options.render_timeout_s, "pdf"),
            _source_date_epoch(options.source_date_epoch),
            relaxed_collector(),
        ):
            fetcher = AssetFetcher()
            font_config = FontConfiguration()
            fonts = CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher)
            return HTML(string=html, url_fetcher=fetcher).write_pdf(
                stylesheets=[fonts],
                font_config=font_config,
                pdf_identifier=identifier.encode("ascii"),
                pdf_tags=True,
                pdf_variant=pdf_variant or options.pdf_variant,
            )
    except OSError as exc:
        if exc.errno in _NO_ROOM:
            raise OutputError(f"could not render the PDF: {_room_reason(exc)}") from exc
        raise
    finally:
        logger.removeFilter(once)


# Errors that mean "no room to write" (full disk or quota, ``ulimit -f``, read-only
# or unwritable TMPDIR): an output problem (exit 5), not a bug.
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def _room_reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    what = "File too large" if exc.errno == errno.EFBIG else exc.strerror or str(exc)
    return f"temporary files{where}: {what}"


@contextlib.contextmanager
def _private_tempdir() -> Iterator[None]:
    """Give the render its own temp folder and remove it afterwards, whatever happens.

    Why: WeasyPrint writes each ``@font-face`` font to a ``weasyprint-*``
    folder in ``TMPDIR`` and removes it only when its ``FontConfiguration``
    is garbage-collected, which a process ending with ``os._exit`` (ours,
    and every helper process) never does: each run left about 3 MB behind.
    While the render runs, ``tempfile`` makes everything inside our folder,
    which is removed in ``finally``.  A full or unwritable ``TMPDIR`` is an
    ``OutputError`` (exit 5), as for the report folder.
    """
    try:
        folder = tempfile.mkdtemp(prefix=render_prefix(os.getpid()))
    except OSError as exc:
        raise OutputError(f"could not render the PDF: {_room_reason(exc)}") from exc
    previous = tempfile.tempdir
    tempfile.tempdir = folder
    try:
        yield
    finally:
        tempfile.tempdir = previous
        shutil.rmtree(folder, ignore_errors=True)
