"""Article records in JSON (``.json``) and JSON Lines (``.jsonl``) files.

Why these fields: scrapers and news APIs already save articles as records,
and the common ones agree closely (news-please, newspaper4k, NewsAPI,
schema.org).  A record's text is the first text field among ``maintext``,
``text``, ``articleBody``, ``content``, ``body``; its title ``title`` or
``headline``; its date, outlet and URL fields are listed in ``provenance``.
Other fields (``authors`` …) are accepted and not used.

Offsets policy: the file is data, not prose, so ``Article.text`` is **the
value of the record's text field**, unchanged (a list of strings is joined
with blank lines, with a notice).  Every offset and line number of the
article indexes that value, and ``Article.text_origin`` names the field and
the record ("JSON record field `maintext` (line 7 of the archive): offsets
and lines refer to that field's text").  ``sha256`` is the checksum of the
whole file's bytes, so every record of one archive shares it.

Ids and paths:

* a ``.json`` file holding one record (an object): id is the file name
  without extension, like any article file; path is the file;
* a ``.json`` file holding a list: one article per record, id from the
  record's ``id`` field, else ``<file stem>-<n>``; path ``feed.json#n``
  (n counts records from 1);
* a ``.jsonl`` archive: one record per line, id from ``id``, else
  ``<file stem>-<line>`` with a notice; path ``archive.jsonl:LINE``.

Nothing about one record can cost another: a line that is not JSON, not an
object, too large, or has no text becomes an input problem for that record
("line 7: not valid JSON …"); a field of the wrong type (a number as the
title) becomes a notice and is ignored.  Sizes: a ``.json`` file obeys the
article cap (``--max-article-bytes``); a ``.jsonl`` archive may be up to
``JSONL_MAX_BYTES`` (checked with ``stat`` before opening) and each of its
lines obeys the article cap.  Archives are streamed line by line, never
read whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from compare.errors import data_problem
from compare.ingest.decode import Undecodable, decode, replace_unencodable
from compare.ingest.discover import changed_since, size_text
from compare.ingest.extracted import Extracted
from compare.ingest.provenance import DateClaim, clean_label

JSONL_MAX_BYTES = 256 << 20
TEXT_FIELDS = ("maintext", "text", "articleBody", "content", "body")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = (
    "date_publish",
    "publish_date",
    "date_published",
    "datePublished",
    "publishedAt",
    "published",
    "date",
)
OUTLET_FIELDS = ("outlet", "site_name", "publisher", "source")
DOMAIN_FIELDS = ("source_domain",)
URL_FIELDS = ("url", "canonical_url", "link")
MAX_ID_CHARS = 100


@dataclass(frozen=True)
class Record:
    """One record of a file: where it sits, its own id, and its article or the reason."""

    line: int  # 1-based line where the record starts
    number: int  # 1-based position in the file; 0 when the file is one record
    id: str | None
    result: Extracted | str


@dataclass
class Archive:
    """What is known about a JSON Lines archive once it has been read through."""

    sha256: str = ""
    problem: str | None = None  # set when the file as a whole went wrong mid-read


def from_record(
    obj: object, *, line: int | None, at: str = ""
) -> tuple[Extracted | str, str | None]:
    """An article record to (Extracted or the reason it is unusable, its own id).

    ``line`` is the file line shown in provenance; ``at`` says where the
    record sits for ``text_origin`` (e.g. " (line 7 of the archive)").

    >>> ex, rid = from_record({"id": 7, "title": ["x"], "maintext": "Rain fell."}, line=None)
    >>> rid, ex.text, ex.title, ex.notices
    ('7', 'Rain fell.', None, ('record field `title` is a list, not text; ignored',))
    >>> from_record({"title": "Rain"}, line=3)[0]
    'no article text: the record has no `maintext`, `text`, `articleBody`, `content` or `body`'
    """
    if not isinstance(obj, dict):
        return f"not an article record (a JSON object) but {_kind(obj)}", None
    notes: list[str] = [
        f"record field `{key}` given {n} times; the last one is used"
        for key, n in sorted(getattr(obj, "repeated", {}).items())
    ]
    rid = _text(obj, "id", notes, numbers=True)
    if rid is not None:
        rid = (clean_label(replace_unencodable(rid)[0]) or "")[:MAX_ID_CHARS] or None
    found = _body(obj, notes)
    if isinstance(found, str):
        return found, rid
    text, field = found
    dates: list[DateClaim] = []
    for key in DATE_FIELDS:
        if (value := _text(obj, key, notes, numbers=True)) is not None:
            dates.append(DateClaim(value, f"record field `{key}`", line))
    outlets: list[tuple[str, str]] = []
    for key in OUTLET_FIELDS + DOMAIN_FIELDS:
        if (value := _text(obj, key, notes, named=True)) is not None:
            outlets.append((value, _where(key, line)))
    urls = [
        (value, f"URL in {_where(key, line)}")
        for key in URL_FIELDS
        if (value := _text(obj, key, notes)) is not None
    ]
    title = next((v for k in TITLE_FIELDS if (v := _text(obj, k, notes)) is not None), None)
    origin = f"JSON record field `{field}`{at}: offsets and lines refer to that field's text"
    return Extracted(
        text=text,
        origin=origin,
        title=title,
        dates=tuple(dates),
        outlets=tuple(outlets),
        urls=tuple(urls),
        notices=tuple(notes),
    ), rid


def _where(key: str, line: int | None) -> str:
    return f"record field `{key}`" + ("" if line is None else f", line {line}")


def _body(obj: dict[str, object], notes: list[str]) -> tuple[str, str] | str:
    wrong: list[str] = []
    for key in TEXT_FIELDS:
        value = obj.get(key)
        if isinstance(value, str):
            if value.strip():
                return value, key
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            joined = "\n\n".join(v.strip() for v in value if v.strip())
            if joined:
                notes.append(
                    f"record field `{key}` is a list of paragraphs; joined with blank lines"
                )
                return joined, key
        elif value is not None:
            wrong.append(f"`{key}` is {_kind(value)}")
    if wrong:
        return f"no article text: record field {', '.join(wrong)}, not text"
    names = ", ".join(f"`{k}`" for k in TEXT_FIELDS[:-1])
    return f"no article text: the record has no {names} or `{TEXT_FIELDS[-1]}`"


def _text(
    obj: dict[str, object],
    key: str,
    notes: list[str],
    *,
    numbers: bool = False,
    named: bool = False,
) -> str | None:
    """A field as text, or None (absent, empty, or the wrong type with a notice)."""
    value = obj.get(key)
    if value is None:
        return None
    if named and isinstance(value, dict) and isinstance(value.get("name"), str):
        value = value["name"]  # schema.org / NewsAPI style {"name": "..."}
    if isinstance(value, str):
        return value if value.strip() else None
    if numbers and isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    notes.append(f"record field `{key}` is {_kind(value)}, not text; ignored")
    return None


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


class _Object(dict[str, Any]):
    """A JSON object that remembers which of its keys the text gave more than once."""

    repeated: dict[str, int]


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    """``object_pairs_hook``: the last value wins, as in ``json``, and repeats are counted.

    Why: a record with two ``text`` fields is read with the second, silently;
    the article's warning says so, so the reader can check which was meant.
    """
    out = _Object(pairs)
    out.repeated = {}
    if len(out) != len(pairs):  # counted only when some key repeats: archives are large
        counts = Counter(key for key, _value in pairs)
        out.repeated = {key: n for key, n in counts.items() if n > 1}
    return out


_DECODER = json.JSONDecoder(object_pairs_hook=_object)


def records_in_json(text: str) -> list[Record] | str:
    """The records of a ``.json`` file (one object or a list), or why it is unusable.

    >>> [(r.line, r.number, r.id) for r in records_in_json('[\\n{"id": "a", "text": "x"},\\n7]')]
    [(2, 1, 'a'), (3, 2, None)]
    >>> records_in_json("{oops")
    'not valid JSON at line 1, column 2 (Expecting property name enclosed in double quotes)'
    """
    decoder = _DECODER
    start = len(text) - len(text.lstrip())
    try:
        if not text.startswith("[", start):
            ex, rid = from_record(decoder.decode(text), line=None)
            return [Record(1, 0, rid, ex)]  # number 0: the file is the record
        records: list[Record] = []
        pos = _skip(text, start + 1)
        if text.startswith("]", pos):
            return "no records: the JSON list is empty"
        line, counted = 1, 0
        while True:
            obj, end = decoder.raw_decode(text, pos)
            line, counted = line + text.count("\n", counted, pos), pos
            number = len(records) + 1
            ex, rid = from_record(obj, line=line, at=f" (record {number} of the file)")
            records.append(Record(line, number, rid, ex))
            pos = _skip(text, end)
            if text.startswith("]", pos):
                break
            if not text.startswith(",", pos):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
            pos = _skip(text, pos + 1)
        if text[_skip(text, pos + 1) :]:
            raise json.JSONDecodeError("Extra data", text, _skip(text, pos + 1))
        return records
    except json.JSONDecodeError as exc:
        return f"not valid JSON at line {exc.lineno}, column {exc.colno} ({_what(exc)})"
    except (ValueError, RecursionError) as exc:  # huge integers, absurd nesting
        return f"not valid JSON: {data_problem(exc)}"


def _what(exc: json.JSONDecodeError) -> str:
    return exc.msg.removesuffix(" at")  # "Unterminated string starting at"


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


# UTF-32 first: its little-endian mark begins with UTF-16's.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def records_in_jsonl(
    fd: int, opened: os.stat_result, *, max_record_bytes: int, archive: Archive
) -> Iterator[Record]:
    """Stream the records of an open ``.jsonl`` file; closes ``fd``.

    Each line is read with a bound of ``max_record_bytes``: a longer line is
    skipped in chunks, never held whole.  The file's checksum and any
    whole-file problem (it grew or changed while read) land in ``archive``
    once the iterator is exhausted.
    """
    digest = hashlib.sha256()
    total = 0
    with os.fdopen(fd, "rb", buffering=1 << 16) as f:
        head = f.peek(4) if isinstance(f, io.BufferedReader) else b""
        wide = next((name for bom, name in _WIDE_BOMS if head.startswith(bom)), None)
        if wide is not None:  # its lines are not byte lines: one reason, not one per line
            archive.problem = (
                f"a JSON Lines archive in {wide} (byte-order mark); save it as UTF-8,"
                " one JSON record per line"
            )
            return
        line = 0
        while raw := f.readline(max_record_bytes + 1):
            line += 1
            digest.update(raw)
            total += len(raw)
            if not raw.endswith(b"\n") and len(raw) > max_record_bytes:
                while rest := f.readline(1 << 20):
                    digest.update(rest)
                    total += len(rest)
                    if rest.endswith(b"\n"):
                        break
                limit = size_text(max_record_bytes)
                message = f"line {line}: record larger than {limit} limit; use --max-article-bytes"
                yield Record(line, line, None, message)
            elif record := _line_record(raw, line):
                yield record
            if total > opened.st_size:
                archive.problem = "grew while it was being read; records after that not used"
                break
        if archive.problem is None and changed_since(f.fileno(), opened):
            archive.problem = "changed while it was being read; try again"
    archive.sha256 = digest.hexdigest()


def _line_record(raw: bytes, line: int) -> Record | None:
    if line == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        return None
    decoded = decode(raw.rstrip(b"\r\n"))
    if isinstance(decoded, Undecodable):
        return Record(line, line, None, f"line {line}: not usable text ({decoded.message})")
    try:
        obj = _DECODER.decode(decoded.text)
    except json.JSONDecodeError as exc:
        message = f"line {line}: not valid JSON at column {exc.colno} ({_what(exc)})"
        return Record(line, line, None, message)
    except (ValueError, RecursionError) as exc:
        return Record(line, line, None, f"line {line}: not valid JSON ({data_problem(exc)})")
    ex, rid = from_record(obj, line=line, at=f" (line {line} of the archive)")
    if isinstance(ex, str):
        ex = f"line {line}: {ex}"
    return Record(line, line, rid, ex)
