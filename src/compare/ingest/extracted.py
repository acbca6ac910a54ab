"""Text taken out of a file that is not itself prose, with what the file says about it.

Why a separate shape: a saved web page or a JSON record is markup or data,
not the article, so its readers (``ingest.html``, ``ingest.records``) hand
``ingest`` the extracted text plus the evidence found next to it (dates,
outlet names, URLs, each saying where it was found).  ``ingest`` then applies
the same manifest, date and outlet precedence as for text files
(``provenance``) and the same boilerplate removal, so the same article in two
formats becomes the same analysis.

``text`` becomes ``Article.text``: every offset and line number of the
article indexes it, and ``origin`` (``Article.text_origin``) says so in words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from compare.ingest.boilerplate import split_body
from compare.ingest.decode import replace_unencodable
from compare.ingest.headlines import first_line_headline
from compare.ingest.provenance import (
    DateClaim,
    ManifestEntry,
    choose_date,
    choose_outlet,
    clean_label,
    email_label,
    url_host,
)
from compare.model import Article, Span
from compare.text.offsets import LineIndex

NO_TEXT = "no article text"


@dataclass(frozen=True)
class Extracted:
    """An input's article text, where it came from, and the evidence beside it.

    ``outlets`` are (label, where) pairs named by the publisher (site name,
    record field), strongest first; ``urls`` are (url, what) pairs whose host
    may name the outlet when no label does.
    """

    text: str
    origin: str
    title: str | None = None
    dates: tuple[DateClaim, ...] = ()
    outlets: tuple[tuple[str, str], ...] = ()
    urls: tuple[tuple[str, str], ...] = ()
    notices: tuple[str, ...] = ()


def encodable(ex: Extracted, notes: list[str]) -> Extracted:
    """``ex`` with lone surrogates in its text and metadata replaced by U+FFFD, with a notice.

    Why here: a JSON record may spell a lone surrogate as ``"\\ud800"``, and
    every record and page passes through this point once, so nothing
    unencodable reaches the analysis or a writer (where it failed the run).

    >>> fixed = encodable(Extracted("Rain\\ud800 fell.", "x", title="T\\udc00"), notes := [])
    >>> fixed.text, fixed.title, notes
    ('Rain\\ufffd fell.', 'T\\ufffd', ['2 lone surrogate code point(s) replaced by U+FFFD'])
    """
    count = 0

    def clean(value: str) -> str:
        nonlocal count
        fixed, found = replace_unencodable(value)
        count += found
        return fixed

    def pairs(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple((clean(a), clean(b)) for a, b in items)

    fixed = replace(
        ex,
        text=clean(ex.text),
        origin=clean(ex.origin),
        title=None if ex.title is None else clean(ex.title),
        dates=tuple(replace(d, raw=clean(d.raw)) for d in ex.dates),
        outlets=pairs(ex.outlets),
        urls=pairs(ex.urls),
    )
    if count:
        notes.append(f"{count} lone surrogate code point(s) replaced by U+FFFD")
    return fixed


def to_article(
    ex: Extracted,
    *,
    article_id: str,
    path: str,
    sha256: str,
    encoding: str,
    entry: ManifestEntry | None,
    notes: list[str],
) -> Article | str:
    """An Article from extracted text, or the reason there is none.

    The manifest entry comes first, then the file's own evidence, as for text
    files; the text goes through the same boilerplate removal.
    """
    notes.extend(ex.notices)
    ex = encodable(ex, notes)
    text = ex.text
    if not text.replace("\x00", "").strip():
        return NO_TEXT
    title = None if ex.title is None else clean_label(ex.title)
    head = first_line_headline(text, 0)
    if title is not None and not (head and clean_label(text[head[0] : head[1]]) == title):
        # The headline is compared text: it leads the extracted text, as in a text file.
        text = f"{title}\n\n{text}"
        head = (0, len(title))
    elif title is None and head is not None:
        title = clean_label(text[head[0] : head[1]])
    lines = LineIndex(text)
    start = head[1] if head is not None and title is not None else 0
    body = split_body(text, start=start, article_id=article_id, lines=lines, title=title)
    if not body.paragraphs:
        return f"{NO_TEXT} (everything left was boilerplate)"
    paragraphs = body.paragraphs
    if start and head is not None:
        s, e = head
        paragraphs = (Span(article_id, s, e, lines.line(s), text[s:e]), *paragraphs)
    claims = [DateClaim(entry.date, entry.where)] if entry and entry.date else []
    published, published_source, date_notes = choose_date([*claims, *ex.dates])
    notes.extend(date_notes)
    named = [(entry.outlet, f"{entry.where} `outlet`")] if entry and entry.outlet else []
    urls = [(entry.url, f"URL in {entry.where}")] if entry and entry.url else []
    urls += ex.urls
    outlet = choose_outlet([*named, *ex.outlets], urls)
    for address, line in body.contact_emails if outlet is None else ():
        if outlet := email_label(address, where=f"the contact line on line {line}"):
            break
    if outlet is None:
        outlet = (article_id, "no outlet evidence; label from the article id")
    return Article(
        id=article_id,
        path=path,
        sha256=sha256,
        text=text,
        outlet=outlet[0],
        outlet_source=outlet[1],
        title=title,
        published=published,
        published_source=published_source,
        encoding=encoding,
        url=next((u.strip() for u, _ in urls if url_host(u)), None),
        credits=body.credits,
        paragraphs=paragraphs,
        removed=body.removed,
        text_origin=ex.origin,
    )
