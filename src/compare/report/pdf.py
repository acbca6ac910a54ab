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


class _Deadline:
    """An interval alarm that raises ``_Timeout`` only while armed.

    Why not a context manager around the render: the alarm can land at any
    bytecode, also inside the ``with`` statement's own entry or exit, where a
    context manager's handler never sees it (CI saw a 1 ms limit escape as an
    internal error, and the repeating timer then stayed armed).  ``disarm``
    clears the flag before stopping the timer, so a late alarm does nothing;
    the caller converts ``_Timeout`` outside the region that can raise it.
    Main thread only; elsewhere there is no limit.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        self.previous: object = None
        self.usable = seconds > 0 and threading.current_thread() is threading.main_thread()

    def _alarm(self, signum: int, frame: object) -> None:
        if self.armed:
            raise _Timeout

    def arm(self) -> None:
        if not self.usable:
            return
        self.previous = signal.signal(signal.SIGALRM, self._alarm)
        self.armed = True
        # Re-arm every 50 ms: an alarm that lands in a garbage-collector callback
        # is printed and ignored by Python, so one shot could be lost.
        signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.05)

    def disarm(self) -> None:
        """Stop the alarm; safe to call twice (a cut-short first call leaves it armed)."""
        if not self.usable or self.previous is None:
            return
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)  # type: ignore[arg-type]
        self.previous = None


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
    deadline = _Deadline(options.render_timeout_s)
    try:
        with _private_tempdir():
            try:
                deadline.arm()
                with _source_date_epoch(options.source_date_epoch), relaxed_collector():
                    return _write_pdf(html, identifier, pdf_variant or options.pdf_variant)
            finally:
                deadline.disarm()
    except _Timeout:
        deadline.disarm()  # again: an alarm landing inside the first call cut it short
        limit = f"{options.render_timeout_s:g} s"
        raise OutputError(f"render timed out after {limit} in pdf stage") from None
    except OSError as exc:
        if exc.errno in _NO_ROOM:
            raise OutputError(f"could not render the PDF: {_room_reason(exc)}") from exc
        raise
    finally:
        logger.removeFilter(once)


def _write_pdf(html: str, identifier: str, pdf_variant: str | None) -> bytes:
    """WeasyPrint's render with only bundled fonts and assets reachable."""
    fetcher = AssetFetcher()
    font_config = FontConfiguration()
    fonts = CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[fonts],
        font_config=font_config,
        pdf_identifier=identifier.encode("ascii"),
        pdf_tags=True,
        pdf_variant=pdf_variant,
    )


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
