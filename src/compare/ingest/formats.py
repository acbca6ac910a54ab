"""Reading saved web pages and JSON record files into Articles, one record at a time.

Why apart from ``ingest``: a text file is one article, but a JSON list or a
JSON Lines archive holds many, each with its own id, path, manifest entry
and failure.  This module turns ``ingest.html`` and ``ingest.records``
results into ``(shown path, Article or reason, notices)`` rows, so ``ingest``
keeps one loop and one error boundary per input, and each record gets its
own boundary here.

Ids stay unique across the run: ``taken`` starts with the ids of every
article file and each record claims its id (``-2``, ``-3`` … on a clash,
with a notice), in the sorted order of the inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from compare.ingest.decode import Undecodable, decode
from compare.ingest.discover import Candidate, display_path, open_regular, reason
from compare.ingest.extracted import Extracted, to_article
from compare.ingest.html import decode_page, extract_page
from compare.ingest.provenance import ManifestEntry
from compare.ingest.records import (
    JSONL_MAX_BYTES,
    Archive,
    Record,
    records_in_json,
    records_in_jsonl,
)
from compare.model import Article

PAGE_SUFFIXES = (".html", ".htm")
# (path as shown, the article or why it is unusable or None for notices only, notices)
Read = tuple[str, Article | str | None, list[str]]


@dataclass(frozen=True)
class Context:
    """What reading one input needs from the run: manifest look-up and ids in use."""

    find: Callable[[Iterable[str | None]], ManifestEntry | None]
    taken: set[str]


def read_page(cand: Candidate, data: bytes, *, context: Context, notes: list[str]) -> Article | str:
    """A saved web page: the text and metadata ``ingest.html`` extracts."""
    decoded = decode_page(data)
    if isinstance(decoded, Undecodable):
        return decoded.message
    notes.extend(decoded.notices)
    extracted = extract_page(decoded.text.replace("\x00", ""))
    if isinstance(extracted, str):
        return extracted
    return extracted_article(
        cand, data, extracted, encoding=decoded.encoding, context=context, notes=notes
    )


def extracted_article(
    cand: Candidate,
    data: bytes,
    extracted: Extracted,
    *,
    encoding: str,
    context: Context,
    notes: list[str],
) -> Article | str:
    """A page's, Word or PDF document's extracted text as an Article, or why it is unusable.

    Why one place: every such reader keys the manifest by the file's name and
    id and checksums the file's bytes, not the extracted text.
    """
    return to_article(
        extracted,
        article_id=cand.id,
        path=cand.display,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        entry=context.find(_file_keys(cand)),
        notes=notes,
    )


def read_json(cand: Candidate, data: bytes, *, context: Context) -> list[Read]:
    """A ``.json`` file: one record (the file is the article) or a list of records."""
    decoded = decode(data)
    if isinstance(decoded, Undecodable):
        return [(cand.display, decoded.message, [])]
    records = records_in_json(decoded.text)
    if isinstance(records, str):
        return [(cand.display, records, list(decoded.notices))]
    sha256 = hashlib.sha256(data).hexdigest()
    if records[0].number == 0:  # one object: an article file like any other
        notes = list(decoded.notices)
        ex = records[0].result
        if isinstance(ex, str):
            return [(cand.display, ex, notes)]
        entry = context.find(_file_keys(cand))
        article = to_article(
            ex,
            article_id=cand.id,
            path=cand.display,
            sha256=sha256,
            encoding=decoded.encoding,
            entry=entry,
            notes=notes,
        )
        return [(cand.display, article, notes)]
    out: list[Read] = [(cand.display, None, list(decoded.notices))]
    for record in records:
        out.append(
            _record(
                record,
                shown=f"{cand.display}#{record.number}",
                keys=(f"{cand.path.name}#{record.number}", record.id),
                default_id=f"{cand.id}-{record.number}",
                sha256=sha256,
                encoding=decoded.encoding,
                context=context,
            )
        )
    return out


def read_archive(cand: Candidate, *, max_record_bytes: int, context: Context) -> list[Read]:
    """A ``.jsonl`` archive, streamed: one row per record line.

    The whole file is refused when it changes while being read, as any
    article file would be; the checksum (known only at the end) is the
    archive's and is set on every record's Article.
    """
    hint = "JSON Lines archives have this fixed limit; split the archive"
    opened = open_regular(cand.path, max_bytes=JSONL_MAX_BYTES, hint=hint)
    if isinstance(opened, str):
        return [(cand.display, opened, [])]
    archive = Archive()
    rows: list[Read] = []
    try:
        for record in records_in_jsonl(*opened, max_record_bytes=max_record_bytes, archive=archive):
            rows.append(
                _record(
                    record,
                    shown=f"{cand.display}:{record.line}",
                    keys=(f"{cand.path.name}:{record.line}", record.id),
                    default_id=f"{cand.id}-{record.line}",
                    sha256="",
                    encoding="utf-8",
                    context=context,
                )
            )
    except OSError as exc:
        return [(cand.display, reason(exc, cand.path), [])]
    if archive.problem is not None:
        return [(cand.display, archive.problem, [])]
    if not rows:
        return [(cand.display, "no records (every line is blank)", [])]
    return [
        (shown, replace(r, sha256=archive.sha256) if isinstance(r, Article) else r, notes)
        for shown, r, notes in rows
    ]


def _record(
    record: Record,
    *,
    shown: str,
    keys: tuple[str, str | None],
    default_id: str,
    sha256: str,
    encoding: str,
    context: Context,
) -> Read:
    """One record to a row; a failure here costs this record only."""
    notes: list[str] = []
    if isinstance(record.result, str):
        return shown, record.result, notes
    try:
        base = record.id
        if base is None:
            base = default_id
            notes.append(f"record has no `id` field; its id is '{default_id}'")
        article_id = _claim(base, context.taken, notes)
        article = to_article(
            record.result,
            article_id=article_id,
            path=shown,
            sha256=sha256,
            encoding=encoding,
            entry=context.find((*keys, article_id)),
            notes=notes,
        )
    except Exception as exc:  # a bug must cost one record, not the file
        return shown, f"internal error while reading: {type(exc).__name__}: {exc}", notes
    return shown, article, notes


def _file_keys(cand: Candidate) -> tuple[str, ...]:
    return (cand.path.name, display_path(cand.path.name), cand.id)


def _claim(base: str, taken: set[str], notes: list[str]) -> str:
    article_id, n = base, 1
    while article_id in taken:
        n += 1
        article_id = f"{base}-{n}"
    if article_id != base:
        notes.append(f"another article already has the id '{base}'; id '{article_id}'")
    taken.add(article_id)
    return article_id
