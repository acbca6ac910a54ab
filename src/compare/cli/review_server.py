"""``compare review DIR/<story>``: serve a story's report on 127.0.0.1 for a reviewer.

Why the standard library's ``http.server``: the page is one self-contained
HTML file plus three JSON calls, for one person on their own machine; a web
framework would add a dependency and nothing this needs.  It listens on
127.0.0.1 only, on a free port unless told one.

What keeps it safe on a shared machine and from other web pages:

* only the story's own files are served, by fixed name (no paths);
* ``GET /api/review`` hands out a random token, and ``POST /api/review``
  must send it back in a header: another site's page can neither read the
  token (same-origin policy) nor send a custom header without a CORS
  preflight, which this server never approves;
* the ``Host`` header must be this server's own address (no DNS rebinding);
* request bodies are capped, and what is posted is checked like
  ``review.json`` (``review.review_from_dict``).

Saving applies the decisions to the analysis in ``report.json`` (never to
the HTML), re-renders every output the folder has, and writes them with
``review.json`` as one atomic set (``outputs.atomic_write_many``), so a
crash leaves either the old set or the new one.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import sys
import threading
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from compare.errors import UsageError, data_problem
from compare.model import Kind, Report
from compare.pipeline.review import (
    REVIEW_FILE,
    Decision,
    Review,
    apply_review,
    dump_review,
    load_review,
    quotes_of,
    review_of,
    unreviewed,
)
from compare.report.documents import data_outputs, render_documents
from compare.util.options import Audience, Options, OutputFormat

log = logging.getLogger(__name__)

SERVED = {
    "report.html": "text/html; charset=utf-8",
    "report.pdf": "application/pdf",
    "report.json": "application/json; charset=utf-8",
    "findings.csv": "text/csv; charset=utf-8",
    "handout.pdf": "application/pdf",
    REVIEW_FILE: "application/json; charset=utf-8",
}
MAX_BODY = 2 * 1024 * 1024
TOKEN_HEADER = "X-Compare-Token"


def now_iso() -> str:
    """The wall-clock time of a decision (a reviewer's time, not the report's)."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def story_folder(path: Path) -> Path:
    """The story folder from ``DIR/<story>`` or its ``report.json``; ``UsageError`` otherwise."""
    folder = path.parent if path.name == "report.json" else path
    if not (folder / "report.json").is_file():
        raise UsageError(
            f"no report.json in {folder}: give a story folder written by "
            "'compare report' (with json among --format)"
        )
    return folder


def options_for(folder: Path, base: Options) -> Options:
    """Options that re-render the outputs the folder already has (always HTML and JSON)."""
    formats = [OutputFormat.HTML, OutputFormat.JSON]
    if (folder / "report.pdf").exists():
        formats.insert(0, OutputFormat.PDF)
    if (folder / "findings.csv").exists():
        formats.append(OutputFormat.CSV)
    audience = Audience.CLASSROOM if (folder / "handout.pdf").exists() else Audience.EDITOR
    return replace(base, formats=tuple(formats), audience=audience)


def review_from_post(data: Any, report: Report, previous: Review, *, when: str) -> Review:
    """A ``Review`` from what the page posts: finding ids with a decision, reason and note.

    Ids refer to the report as analysed (dismissed findings included); each
    decision is stored with the finding's kind and quotes, so it can be
    matched again after a re-run.  A decision unchanged since the last save
    keeps its reviewer and time.
    """
    if not isinstance(data, dict) or not isinstance(data.get("findings", []), list):
        raise ValueError("expected an object with a 'findings' list")
    base = {f.id: f for f in unreviewed(report).findings}
    old = {d.finding: d for d in previous.decisions}
    reviewer = _short_text(data.get("reviewer"), "reviewer")
    decisions = []
    for item in data.get("findings", []):
        if not isinstance(item, dict) or item.get("id") not in base:
            raise ValueError(f"unknown finding in {item!r}")
        finding = base[item["id"]]
        dismissed = item.get("decision") == "dismissed"
        reason = _short_text(item.get("reason"), "reason")
        note = _short_text(item.get("note"), "note")
        if not dismissed and not note:
            continue
        before = old.get(finding.id)
        same = before is not None and (before.dismissed, before.reason, before.note) == (
            dismissed,
            reason,
            note,
        )
        decisions.append(
            Decision(
                finding.id,
                Kind(finding.kind).value,
                quotes_of(finding),
                dismissed,
                reason,
                note,
                before.reviewer if same and before else reviewer,
                before.at if same and before else when,
            )
        )
    reviewed = bool(data.get("reviewed"))
    reviewed_at = (previous.reviewed_at or when) if reviewed else ""
    return Review(tuple(decisions), _short_text(data.get("note"), "note"), reviewer, reviewed_at)


def _short_text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text")
    if len(value) > 4000:
        raise ValueError(f"{name} is too long")
    return value.strip()


class ReviewSession:
    """One story under review: its analysis, the decisions, and re-rendering."""

    def __init__(self, folder: Path, options: Options) -> None:
        from compare.report import jsonio

        self.folder = folder
        self.options = options_for(folder, options)
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()
        try:
            text = (folder / "report.json").read_text(encoding="utf-8")
            self.report = jsonio.load(text)
        except OSError as exc:
            raise UsageError(f"cannot read {folder / 'report.json'}: {exc}") from exc
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise UsageError(
                f"{folder / 'report.json'} is not a report compare wrote: {data_problem(exc)}"
            ) from exc
        saved = folder / REVIEW_FILE
        self.review = load_review(saved) if saved.exists() else review_of(self.report)

    def start(self) -> None:
        """Bring the outputs in line with ``review.json`` if it says more than they do."""
        if (self.folder / REVIEW_FILE).exists() and review_of(self.report) != self.review:
            self._write(self.review)

    def state(self) -> dict[str, Any]:
        """What the page needs: the token, and the decisions by finding id."""
        decisions = {
            d.finding: {
                "decision": "dismissed" if d.dismissed else "kept",
                "reason": d.reason,
                "note": d.note,
            }
            for d in review_of(self.report).decisions
        }
        return {
            "token": self.token,
            "reviewer": self.review.reviewer,
            "reviewed": bool(self.review.reviewed_at),
            "note": self.review.note,
            "findings": decisions,
        }

    def save(self, data: Any) -> dict[str, Any]:
        """Apply posted decisions, re-render and write everything; the new state."""
        with self.lock:
            review = review_from_post(data, self.report, self.review, when=now_iso())
            self._write(review)
            return self.state()

    def _write(self, review: Review) -> None:
        from compare.report.outputs import atomic_write_many

        report = apply_review(self.report, review)
        documents = render_documents(report, self.folder, options=self.options)
        data = data_outputs(report, self.folder, options=self.options)
        outputs = [*documents, *data, (self.folder / REVIEW_FILE, dump_review(review))]
        atomic_write_many(outputs)
        self.report, self.review = report, review


def make_handler(session: ReviewSession, host: str) -> type[BaseHTTPRequestHandler]:
    """The request handler class bound to one session and the address it serves."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "compare-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("review: " + format, *args)

        def _host_ok(self) -> bool:
            return self.headers.get("Host", "") == host

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, data: Any) -> None:
            body = json.dumps(data, ensure_ascii=False).encode("utf-8")
            self._send(status, body, "application/json; charset=utf-8")

        def do_GET(self) -> None:
            if not self._host_ok():
                return self._json(HTTPStatus.FORBIDDEN, {"error": "wrong host"})
            path = self.path.split("?", 1)[0]
            if path == "/api/review":
                return self._json(HTTPStatus.OK, session.state())
            name = "report.html" if path == "/" else path.lstrip("/")
            if name not in SERVED or not (session.folder / name).is_file():
                return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
            self._send(HTTPStatus.OK, (session.folder / name).read_bytes(), SERVED[name])

        def do_POST(self) -> None:
            if not self._host_ok() or self.path != "/api/review":
                return self._json(HTTPStatus.FORBIDDEN, {"error": "not allowed"})
            if not secrets.compare_digest(self.headers.get(TOKEN_HEADER, ""), session.token):
                return self._json(HTTPStatus.FORBIDDEN, {"error": "missing or wrong token"})
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                length = -1
            if not 0 <= length <= MAX_BODY:
                return self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "too large"})
            try:
                data = json.loads(self.rfile.read(length).decode("utf-8"))
                state = session.save(data)
            except (ValueError, UnicodeDecodeError) as exc:
                return self._json(HTTPStatus.BAD_REQUEST, {"error": str(exc)})
            except Exception as exc:  # an output error, or a bug: say so, keep serving
                log.error("review: could not save", exc_info=True)
                return self._json(
                    HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"{type(exc).__name__}: {exc}"}
                )
            return self._json(HTTPStatus.OK, state)

    return Handler


def serve(folder: Path, *, options: Options, port: int = 0, quiet: bool = False) -> None:
    """Serve one story's report for review until interrupted (Ctrl-C)."""
    session = ReviewSession(story_folder(folder), options)
    session.start()
    server = ThreadingHTTPServer(("127.0.0.1", port), BaseHTTPRequestHandler)
    server.daemon_threads = True
    host = f"127.0.0.1:{server.server_address[1]}"
    server.RequestHandlerClass = make_handler(session, host)
    url = f"http://{host}/"
    # The URL goes to stdout even with -q: it is the command's result.
    print(url, flush=True)
    if not quiet:
        print(
            f"compare: reviewing {session.report.story.title!r} at {url} "
            "(decisions are saved to review.json; Ctrl-C to stop)",
            file=sys.stderr,
            flush=True,
        )
    try:
        server.serve_forever()
    finally:
        server.server_close()
