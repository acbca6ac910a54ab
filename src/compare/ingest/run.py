"""The ingest stage: input paths to Articles, skipped inputs and warnings.

Why one entry point: this is the only code that reads input files, so every
hostile-input defence (``discover``, ``decode``, ``frontmatter``) sits behind
one verb, and each article is isolated: whatever goes wrong with one file
becomes an ``InputProblem`` naming it, never an exception for the run.

Each Article from a text file keeps the decoded file unchanged (BOM aside)
in ``text``; ``paragraphs`` and ``removed`` are exact spans of it.  Saved web
pages (``ingest.html``) and JSON/JSON Lines records (``ingest.records``) are
markup or data, so their Article's ``text`` is the extracted article text
and ``text_origin`` says so; one JSON file or archive may hold many
articles, and one bad record costs only itself.  Dates and outlet labels
carry the sentence saying where they came from (``provenance``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from compare.ingest.boilerplate import Body, Reason, masthead, split_body
from compare.ingest.decode import Undecodable, decode, replace_unencodable
from compare.ingest.discover import (
    MANIFEST_NAMES,
    READ_ONCE,
    Candidate,
    check_sources_file,
    discover,
    display_path,
    read_regular,
    size_text,
)
from compare.ingest.extracted import NO_TEXT
from compare.ingest.formats import PAGE_SUFFIXES, Context, Read, read_archive, read_json, read_page
from compare.ingest.frontmatter import Field, FrontMatter, split_front_matter
from compare.ingest.headlines import (
    STANDFIRST_MAX_WORDS,
    first_line_headline,
    page_top,
    value_span,
)
from compare.ingest.office import OFFICE_SUFFIXES, read_office
from compare.ingest.provenance import (
    DATE_LINE,
    INLINE_HEADER,
    NAMED_DATE,
    WEEKDAY,
    DateClaim,
    ManifestEntry,
    choose_date,
    clean_label,
    email_label,
    host_label,
    parse_date,
    parse_manifest,
    url_host,
)
from compare.model import (
    Article,
    IngestResult,
    InputProblem,
    Notice,
    Removed,
    Span,
    reading_order,
)
from compare.text.normalize import count_invisible
from compare.text.offsets import LineIndex
from compare.util.options import Options

MANIFEST_MAX_BYTES = 1 << 20
_OUTLET_FIELDS = ("outlet", "source", "site_name", "publisher")


@dataclass
class _Manifests:
    """Manifest entries: the ``--sources`` file first, then one per folder."""

    given: dict[str, ManifestEntry] = field(default_factory=dict)
    by_folder: dict[Path, dict[str, ManifestEntry]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def entry(self, cand: Candidate) -> ManifestEntry | None:
        return self.find(cand.path.parent, (cand.path.name, display_path(cand.path.name), cand.id))

    def find(self, folder: Path, keys: Iterable[str | None]) -> ManifestEntry | None:
        """The first entry naming any of ``keys``: ``--sources`` first, then the folder's."""
        for entries in (self.given, self.by_folder.get(folder, {})):
            for key in keys:
                if key is not None and key in entries:
                    self.used.add(entries[key].where)
                    return entries[key]
        return None


def ingest(paths: Sequence[Path], *, options: Options) -> IngestResult:
    """Read every article under ``paths``; sorted by id, never raising for bad input.

    Raises ``UsageError`` only when a path (or ``options.sources_file``) does
    not exist.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "wire.txt").write_text("Rain fell. Roads closed.")
    >>> [a.id for a in ingest([folder], options=Options()).articles]
    ['wire']
    """
    found = discover(paths)
    problems = list(found.problems)
    notices = list(found.notices)
    manifests = _load_manifests(found.folders, options=options, notices=notices, problems=problems)
    articles: list[Article] = []
    first_with: dict[str, str] = {}  # content digest -> the first input that had it
    taken = {c.id for c in found.candidates if c.path.suffix.lower() != ".jsonl"}
    for cand in found.candidates:
        try:
            results = _read(cand, options=options, manifests=manifests, taken=taken)
        except Exception as exc:  # a bug must cost one input, not the run
            results = [(cand.display, _internal(exc), [])]
        for shown, result, article_notices in results:
            notices.extend(Notice(shown, n) for n in article_notices)
            if isinstance(result, Article) and (field := _unencodable_field(result)):
                result = f"internal error while reading: its {field} cannot be written as UTF-8"
            if isinstance(result, str):
                problems.append(InputProblem(shown, result))
            elif result is not None and shown == cand.display and result.sha256 in first_with:
                # The same file saved twice is one article, however named: as two
                # "outlets" they formed a story of their own and pulled the original
                # out of the story it belongs to.  (Records of one archive share the
                # file's digest, and two records may carry one syndicated text.)
                first = first_with[result.sha256]
                notices.append(Notice(shown, f"same content as '{first}'; {READ_ONCE}"))
            elif result is not None:
                if shown == cand.display:
                    first_with[result.sha256] = shown
                articles.append(result)
                if hidden := sum(count_invisible(p.text) for p in result.paragraphs):
                    notices.append(Notice(shown, _invisible_notice(hidden)))
    for entries in (manifests.given, *manifests.by_folder.values()):
        for key, entry in entries.items():
            if entry.where not in manifests.used:
                notices.append(Notice("", f"{entry.where} matches no article file ({key})"))
    return IngestResult(
        articles=tuple(sorted(articles, key=lambda a: a.id)),
        problems=tuple(sorted(problems, key=reading_order)),
        warnings=tuple(notices),
    )


def _invisible_notice(count: int) -> str:
    """The one warning per article about invisible characters (issue #19).

    Why say so: zero-width spaces between letters are a known way to defeat
    copy detection; they are ignored when comparing (``normalize``), and the
    reader should know the file holds them.
    """
    return (
        f"{count:,} invisible format character(s) (zero-width spaces, direction marks or "
        "similar) ignored when comparing; quotes and offsets keep them"
    )


def _unencodable_field(article: Article) -> str | None:
    """The first text field of ``article`` that UTF-8 cannot encode, if any (a last check).

    Why: decoding and extraction already replace lone surrogates, but one that
    slipped through (a new input format, a bug) failed every output of the
    run when it was written; caught here, it costs only its own article.
    """
    fields = {
        "id": article.id,
        "path": article.path,
        "text": article.text,
        "outlet": article.outlet,
        "outlet source": article.outlet_source,
        "title": article.title,
        "date": article.published,
        "date source": article.published_source,
        "url": article.url,
        "text origin": article.text_origin,
        "credits": " ".join(article.credits),
    }
    for name, value in fields.items():
        if value is not None and replace_unencodable(value)[1]:
            return name
    return None


def _load_manifests(
    folders: Sequence[Path],
    *,
    options: Options,
    notices: list[Notice],
    problems: list[InputProblem],
) -> _Manifests:
    out = _Manifests()
    if options.sources_file is not None:
        check_sources_file(options.sources_file)
        out.given = _read_manifest(Path(options.sources_file), notices, problems)
    for folder in folders:
        for name in MANIFEST_NAMES:
            path = folder / name
            if _present(path) and path.resolve() != _resolved(options.sources_file):
                out.by_folder[folder] = _read_manifest(path, notices, problems)
                break
    return out


def _present(path: Path) -> bool:
    """Does ``path`` exist?  False when its folder cannot be searched.

    Why: ``Path.exists`` raises on a folder without search permission, and
    such a folder is already listed as a problem ("cannot list folder"); it
    must not end the run for the other inputs.
    """
    try:
        return path.exists()
    except OSError:
        return False


def _resolved(path: Path | None) -> Path | None:
    return None if path is None else Path(path).resolve()


def _read_manifest(
    path: Path, notices: list[Notice], problems: list[InputProblem]
) -> dict[str, ManifestEntry]:
    """A manifest's entries; one that cannot be used at all is a listed problem.

    Why a problem and not only a warning (issue #19): a manifest that was
    too large or malformed was ignored with a warning in the report alone,
    so every outlet label it gave silently fell back to the files' own.
    """
    shown = display_path(path)
    hint = "manifests have this fixed limit; split it by folder"
    data = read_regular(path, max_bytes=MANIFEST_MAX_BYTES, hint=hint)
    decoded = decode(data) if isinstance(data, bytes) else Undecodable(data)
    if isinstance(decoded, Undecodable):
        problems.append(InputProblem(shown, f"sources manifest not used: {decoded.message}"))
        return {}
    entries, notes = parse_manifest(decoded.text, name=shown)
    if not entries and notes:
        why = notes[0].removeprefix(f"sources manifest {shown}: ").removesuffix("; ignored")
        problems.append(InputProblem(shown, f"sources manifest not used: {why}"))
        notes = notes[1:]
    notices.extend(Notice(shown, n) for n in notes)
    return entries


PAGE_MAX_BYTES = 16 * 1024 * 1024  # a saved web page file, before extraction


def _internal(exc: Exception) -> str:
    return f"internal error while reading: {type(exc).__name__}: {exc}"


def _read(
    cand: Candidate, *, options: Options, manifests: _Manifests, taken: set[str]
) -> list[Read]:
    """Every article in one input file (several for JSON lists and archives)."""
    suffix = cand.path.suffix.lower()
    context = Context(find=partial(manifests.find, cand.path.parent), taken=taken)
    if suffix == ".jsonl":
        return read_archive(cand, max_record_bytes=options.max_article_bytes, context=context)
    # Saved pages carry scripts and styles around the article, so the file may be
    # larger than an article; the article limit then applies to the extracted text.
    page = suffix in PAGE_SUFFIXES or suffix in OFFICE_SUFFIXES  # Word and PDF too (#16)
    limit = max(options.max_article_bytes, PAGE_MAX_BYTES) if page else options.max_article_bytes
    data = read_regular(cand.path, max_bytes=limit)
    if isinstance(data, str):
        return [(cand.display, data, [])]
    if suffix == ".json":
        return read_json(cand, data, context=context)
    notes: list[str] = []
    if page:
        if suffix in OFFICE_SUFFIXES:
            article = read_office(cand, data, context=context, notes=notes)
        else:
            article = read_page(cand, data, context=context, notes=notes)
        if isinstance(article, Article) and len(article.text.encode()) > options.max_article_bytes:
            article = (
                f"extracted text larger than {size_text(options.max_article_bytes)} limit; "
                "use --max-article-bytes"
            )
        return [(cand.display, article, notes)]
    return [(cand.display, _one(cand, data, entry=manifests.entry(cand), notes=notes), notes)]


# The outlet a page's masthead names: (name, the line as written, its line number).
Masthead = tuple[str, str, int]


def _one(
    cand: Candidate, data: bytes, *, entry: ManifestEntry | None, notes: list[str]
) -> Article | str:
    """One text file to an Article, or the reason it cannot be used."""
    decoded = decode(data)
    if isinstance(decoded, Undecodable):
        return decoded.message
    text = decoded.text
    notes.extend(decoded.notices)
    fm = split_front_matter(text)
    notes.extend(fm.notices)
    lines = LineIndex(text)
    start = fm.body_start
    extra: list[Removed] = []
    claims = [DateClaim(entry.date, entry.where)] if entry and entry.date else []
    claims += [DateClaim(f.text, f"front matter `{k}`", f.line) for k, f in _dated(fm)]
    if header := INLINE_HEADER.match(text, start):
        s, e = header.span(1)
        extra.append(
            Removed(Span(cand.id, s, e, lines.line(s), text[s:e]), Reason.DATE_HEADER.value)
        )
        claims.append(DateClaim(header[2], f"inline header `{text[s:e]}`", lines.line(s)))
        start = e
    if not text[start:].replace("\x00", "").strip():
        return f"{NO_TEXT} (front matter only)" if fm.fields else NO_TEXT
    title = clean_label(fm.fields["title"].text) if "title" in fm.fields else None
    named: Masthead | None = None
    inside: tuple[int, int] | None = None  # a headline inside the page header's block
    if title is None and (top := page_top(text, start)):
        inside = top.headline
        for s, e in top.spans:
            span = Span(cand.id, s, e, lines.line(s), text[s:e])
            extra.append(Removed(span, Reason.MARKER.value))
            claims += _dates_in(span)
        if top.outlet and top.outlet_line:
            named = (top.outlet, top.outlet_line, lines.line(top.outlet_at))
        start = top.end
    if title is not None:
        key = _TITLE_KEY.search(text, 0, fm.body_start)
        head = value_span(text, fm.fields["title"].text, key.end() if key else 0, fm.body_start)
    elif head := inside or first_line_headline(text, start):
        title = clean_label(text[head[0] : head[1]])
        start = head[1]
        if (line := DATE_LINE.match(text, start)) and parse_date(line[2]):
            s, e = line.span(1)  # "March 2, 2026" under the headline: the story's date
            extra.append(
                Removed(Span(cand.id, s, e, lines.line(s), text[s:e]), Reason.DATE_HEADER.value)
            )
            claims.append(DateClaim(line[2], f"date line `{text[s:e]}`", lines.line(s)))
            start = e
    body = split_body(text, start=start, article_id=cand.id, lines=lines, title=title)
    if not body.paragraphs:
        return f"{NO_TEXT} (everything left was boilerplate)"
    claims += _header_dates(body, title)
    named = named or _header_masthead(body, title)
    paragraphs = body.paragraphs
    if head is not None and title is not None:
        s, e = head
        paragraphs = (Span(cand.id, s, e, lines.line(s), text[s:e]), *paragraphs)
    published, published_source, date_notes = choose_date(claims)
    notes.extend(date_notes)
    outlet, outlet_source = _outlet(cand, fm, entry, body.contact_emails, named)
    removed = tuple(sorted((*extra, *body.removed), key=lambda r: (r.span.start, r.span.end)))
    return Article(
        id=cand.id,
        path=cand.display,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        outlet=outlet,
        outlet_source=outlet_source,
        title=title,
        published=published,
        published_source=published_source,
        encoding=decoded.encoding,
        url=_article_url(fm, entry),
        credits=body.credits,
        paragraphs=paragraphs,
        removed=removed,
    )


_TITLE_KEY = re.compile(r"(?m)^title[ \t]*:")


def _dated(fm: FrontMatter) -> list[tuple[str, Field]]:
    return [(k, fm.fields[k]) for k in ("date", "published") if k in fm.fields]


def _article_url(fm: FrontMatter, entry: ManifestEntry | None) -> str | None:
    candidates = [entry.url] if entry and entry.url else []
    candidates += [fm.fields[k].text for k in ("url", "canonical_url") if k in fm.fields]
    return next((u.strip() for u in candidates if url_host(u)), None)


# A date as a page header writes it, its weekday optional ("Tuesday 4 March 2025").
_HEADER_DATE = re.compile(rf"{WEEKDAY}({NAMED_DATE})")
_HEADER_REASONS = frozenset({Reason.CONTRIBUTORS.value, Reason.DATE_HEADER.value})


def _header_dates(body: Body, title: str | None) -> list[DateClaim]:
    """The date a page header above the first paragraph gives ("Published: 14 October 2024").

    Why: a page copied from a browser carries its date in the byline block
    ("By ... / Tuesday 4 March 2025") that boilerplate removes; read blind,
    every plain-text article of one round lost its date, so a figure of a
    day-old article could not be shown as earlier.  Only the block before the
    first kept paragraph (the headline aside), only a date written with its
    month's name (never "11/06/2024": day or month first?), the first one.
    """
    for removed in _header_removed(body, title):
        if claims := _dates_in(removed.span):
            return claims
    return []


def _header_removed(body: Body, title: str | None) -> Iterable[Removed]:
    """The page header removed above the first kept paragraph (the headline aside, and a
    standfirst: a summary of ``STANDFIRST_MAX_WORDS`` or fewer under the headline, above the
    byline and date)."""
    kept = [p for p in body.paragraphs if p.text != title]
    if len(kept) > 1 and len(kept[0].text.split()) <= STANDFIRST_MAX_WORDS:
        kept = kept[1:]
    first = kept[0].start if kept else None
    for removed in body.removed:
        if first is not None and removed.span.start > first:
            break
        if removed.reason in _HEADER_REASONS:
            yield removed


def _dates_in(span: Span) -> list[DateClaim]:
    """The first date written with its month's name in a page header's ``span``."""
    for m in _HEADER_DATE.finditer(span.text):
        if parse_date(m[1]) is not None:
            return [DateClaim(m[1], f"page header `{m[0]}`", span.line)]
    return []


def _header_masthead(body: Body, title: str | None) -> Masthead | None:
    """The outlet's masthead on the first line of the page header under the headline.

    "Fourteen miners trapped ... / THE CARVANIAN MORNING RECORD / Home > News
    > National / By ..." names the outlet that printed the page.
    """
    header = next(iter(_header_removed(body, title)), None)
    if header is None:
        return None
    first = header.span.text.strip().splitlines()[0].strip()
    name = masthead(first)
    return (name, first, header.span.line) if name else None


def _outlet(
    cand: Candidate,
    fm: FrontMatter,
    entry: ManifestEntry | None,
    emails: Sequence[tuple[str, int]],
    named: Masthead | None = None,
) -> tuple[str, str]:
    """The outlet label from the strongest evidence (see ``provenance``); a page's masthead
    in capitals ("THE HALDSTEAD COURIER") comes after every other and before the file name,
    except a contact address's bare host ("news@kestrelpost.example" gives no name a table
    knows): the masthead, "Kestrel Morning Post", is the name readers know."""
    if entry and entry.outlet and (label := clean_label(entry.outlet)):
        return label, f"{entry.where} `outlet`"
    for key in _OUTLET_FIELDS:
        if key in fm.fields and (label := clean_label(fm.fields[key].text)):
            where = f"front matter `{key}`, line {fm.fields[key].line}"
            if (host := url_host(label)) and (found := host_label(host, what=where)):
                return found
            return label, where
    urls: list[tuple[str, str]] = []
    if entry and entry.url:
        urls.append((entry.url, f"URL in {entry.where}"))
    for key in ("url", "canonical_url", "image", "images"):
        if key in fm.fields:
            what = "image URL" if key.startswith("image") else "URL"
            line = fm.fields[key].line
            urls += [
                (u, f"{what} in front matter `{key}` (line {line})") for u in fm.fields[key].values
            ]
    for url, what in urls:
        if (host := url_host(url)) and (found := host_label(host, what=what)):
            return found
    for address, line in emails:
        if found := email_label(address, where=f"the contact line on line {line}"):
            if named is not None and "." in found[0]:
                break  # a bare host ("kestrelpost.example"): the masthead names it better
            return found
    if named is not None:
        name, written, line = named
        return name, f"masthead `{written}` (line {line})"
    return cand.id, "no outlet evidence; label from file name"
