"""Saved web pages (``.html``/``.htm``): article text, title, date and site name, offline.

Why trafilatura: telling an article's paragraphs from navigation, adverts,
sign-up boxes, comments and "related stories" is a job for a library made
and evaluated for it, not for a few regular expressions.  It is given the
decoded page as a string and nothing else: no URL, no download, no
rendering.  Scripts, styles, remote images, frames and ``javascript:`` links
in the page are never run or fetched; only text comes out.

Offsets policy: the file is markup, not prose, so ``Article.text`` is the
**extracted plain text**, one paragraph per block trafilatura found,
separated by blank lines (each paragraph's inner whitespace collapsed).
Every offset and line number of the article indexes that text, and
``Article.text_origin`` says so ("extracted from HTML by trafilatura 2.x:
offsets and lines refer to the extracted text"); report.json carries the
text itself.  ``sha256`` is still the checksum of the saved file's bytes.
Boilerplate removal (``boilerplate``) still runs on the extracted text.

Metadata comes from the page's own markup, each value with where it was
found: ``og:site_name`` and the JSON-LD publisher name for the outlet, the
canonical URL, ``og:url`` and a browser's "saved from" comment for hosts,
JSON-LD ``datePublished`` and ``article:published_time``-style meta tags for
the date (precedence in ``provenance``).  trafilatura's own date guess
(htmldate, markup only) is used only when the page has none of those.
"""

from __future__ import annotations

import codecs
import json
import logging
import re
from collections.abc import Iterator
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, cast

import webencodings

from compare.ingest.decode import Decoded, Undecodable, decode, mostly_utf8, replaced
from compare.ingest.extracted import Extracted
from compare.ingest.provenance import DateClaim

if TYPE_CHECKING:
    import lxml.html

# trafilatura and lxml.html are imported when a page is read, not with this
# module: a run on plain-text articles does not pay their 0.1 s import.
EXTRACTOR = f"trafilatura {version('trafilatura')}"
# trafilatura logs its own refusals ("discarding data: None") as warnings; the
# same event reaches the user once, as this input's problem, in our words.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
ORIGIN = f"extracted from HTML by {EXTRACTOR}: offsets and lines refer to the extracted text"
IN_PAGE = "in the saved page"
# Fewer words than this is a menu or an error page that the extractor fell back on.
MIN_WORDS = 10
# Blocks trafilatura may keep although they are page furniture: removed first.
_PRUNE = (
    [
        f"//*[contains(@class, '{word}') or contains(@id, '{word}')]"
        for word in ("promo", "newsletter", "subscribe", "advert", "sponsor", "paywall", "cookie")
    ]
    + [
        # An advert slot named by a whole class word ("ad", "ads", "ad-slot"): "ad" inside
        # another word ("header", "heading") is no advert.
        f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {word}')]"
        for word in ("ad ", "ads ", "ad-", "ads-", "ad_")
    ]
    + [
        # A social-media post embedded in the page: a quotation block named as one, or
        # signed with a handle ("-- Local News (@local_news) May 19, 2026").
        "//blockquote[contains(@class, 'tweet') or contains(@class, 'instagram')"
        " or contains(@class, 'social') or contains(@class, 'embed') or contains(., '(@')]"
    ]
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
)
_ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report", re.I)
_SAVED_FROM = re.compile(
    r"<!--\s*(?:saved from url=\(\d+\)|Page saved with SingleFile\s+url:\s*)(https?://[^\s>]+)"
)
_MAX_JSONLD_NODES = 500


def extract_page(html: str) -> Extracted | str:
    """The article in a decoded saved page, or why there is none; never fetches.

    >>> page = extract_page(
    ...     '<html><head><meta property="og:site_name" content="Harbour Times"></head>'
    ...     "<body><nav>Home | Sport</nav><article><p>The harbour reopened on Monday "
    ...     "after a week of repairs, the port authority said in a statement.</p>"
    ...     "<p>Ferry crews said the first crossing left on time and was full.</p>"
    ...     "</article></body></html>"
    ... )
    >>> print(page.text)
    The harbour reopened on Monday after a week of repairs, the port authority said in a statement.
    <BLANKLINE>
    Ferry crews said the first crossing left on time and was full.
    >>> page.outlets
    (('Harbour Times', 'og:site_name in the saved page'),)
    """
    import trafilatura

    tree = _parsed(html)
    depth = _depth(tree) if tree is not None else 0
    if depth >= MAX_DEPTH - 1:
        return (
            f"the page nests its elements {MAX_DEPTH:,} or more levels deep, past the HTML "
            "parser's limit: the text beyond it would be lost, so the page is not read"
        )
    meta = _page_metadata(html, tree)  # read first: trafilatura may change a tree it is given
    try:
        doc = trafilatura.bare_extraction(
            # trafilatura parses the string itself (and judges whether it is HTML at
            # all), except where its parser's default limit would cut the page short.
            tree if tree is not None and depth >= DEFAULT_DEPTH - 1 else html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            favor_precision=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
            prune_xpath=_PRUNE,
        )
    except Exception as exc:  # a third-party parser must cost one page, not the run
        return f"could not extract article text from the page ({type(exc).__name__})"
    body = getattr(doc, "text", None) if doc is not None else None
    paragraphs = [" ".join(line.split()) for line in (body or "").splitlines()]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text:
        return f"no article text found in the saved page ({EXTRACTOR} found no main text)"
    if (words := len(text.split())) < MIN_WORDS:
        return (
            f"no article text found in the saved page (only {words} word(s) outside the page "
            "furniture; not an article page?)"
        )
    dates = list(meta.dates)
    page_date, page_title = getattr(doc, "date", None), getattr(doc, "title", None)
    if not dates and isinstance(page_date, str) and page_date:
        where = f"date found in the page markup by {EXTRACTOR} (htmldate)"
        dates.append(DateClaim(page_date, where))
    title = page_title if isinstance(page_title, str) else None
    return Extracted(
        text=text,
        origin=ORIGIN,
        title=title,
        dates=tuple(dates),
        outlets=meta.outlets,
        urls=meta.urls,
    )


# libxml2's nesting limit with its "huge" option on (256 without it, which had a page
# nested 300 deep lose the text below that, silently); deeper, the parser stops reading.
MAX_DEPTH = 2048
DEFAULT_DEPTH = 256


def _parsed(html: str) -> lxml.html.HtmlElement | None:
    """The page parsed as trafilatura parses it, but with the parser's nesting limit raised.

    Parsed once per page: its depth is checked, its metadata read, and a deep
    page handed to trafilatura as this tree.  Why not let trafilatura parse
    the string: lxml's default limit (256 levels)
    silently drops everything nested deeper, and a page built of nested
    containers then loses half its article without a word.
    """
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        collect_ids=False,
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
    )
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # trafilatura reads the string instead and says what it finds
        return None


def _depth(tree: lxml.html.HtmlElement) -> int:
    """How many levels deep the parsed page nests its deepest element."""
    level = {tree: 0}
    deepest = 0
    for element in tree.iter():
        parent = element.getparent()
        if parent is not None:
            level[element] = level[parent] + 1
            deepest = max(deepest, level[element])
    return deepest


class _Metadata:
    """Dates, outlet names and URLs stated in the page's head and JSON-LD."""

    def __init__(self) -> None:
        self.dates: tuple[DateClaim, ...] = ()
        self.outlets: tuple[tuple[str, str], ...] = ()
        self.urls: tuple[tuple[str, str], ...] = ()


def _page_metadata(html: str, tree: lxml.html.HtmlElement | None) -> _Metadata:
    """The page's metadata, read from ``tree`` (the page as ``_parsed`` read it, None when
    it could not be parsed: the text may still be usable) and the raw ``html``."""
    out = _Metadata()
    if tree is None:
        return out
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key and key not in meta:
                meta[key] = content.strip()
    articles = list(_jsonld_articles(tree))
    dates: list[DateClaim] = []
    for node in articles:
        if isinstance(value := node.get("datePublished"), str):
            dates.append(DateClaim(value, f"JSON-LD `datePublished` {IN_PAGE}"))
            break
    for key in _DATE_META:
        if key in meta:
            dates.append(DateClaim(meta[key], f"meta `{key}` {IN_PAGE}"))
            break
    if not dates:
        for el in cast("list[Any]", tree.xpath("//*[@itemprop='datePublished']")):
            value = el.get("datetime") or el.get("content")
            if isinstance(value, str) and value.strip():
                dates.append(DateClaim(value, f'itemprop="datePublished" {IN_PAGE}'))
                break
    outlets: list[tuple[str, str]] = []
    if "og:site_name" in meta:
        outlets.append((meta["og:site_name"], f"og:site_name {IN_PAGE}"))
    for node in articles:
        publisher = node.get("publisher")
        name = publisher.get("name") if isinstance(publisher, dict) else None
        if isinstance(name, str) and name.strip():
            outlets.append((name, f"JSON-LD publisher name {IN_PAGE}"))
            break
    urls: list[tuple[str, str]] = []
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            urls.append(((el.get("href") or "").strip(), f"canonical URL {IN_PAGE}"))
            break
    if "og:url" in meta:
        urls.append((meta["og:url"], f"og:url {IN_PAGE}"))
    if saved := _SAVED_FROM.search(html[:4096]):
        urls.append((saved[1], "address in the page's 'saved from' comment"))
    out.dates, out.outlets, out.urls = tuple(dates), tuple(outlets), tuple(urls)
    return out


def _jsonld_articles(tree: lxml.html.HtmlElement) -> Iterator[dict[str, object]]:
    """Article-typed JSON-LD objects (top level, lists and ``@graph``), bounded."""
    for script in tree.xpath("//script[@type]"):
        if script.get("type", "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except Exception:  # malformed, too deep, or huge numbers: ignore this block
            continue
        stack, seen = [data], 0
        while stack and seen < _MAX_JSONLD_NODES:
            node = stack.pop(0)
            seen += 1
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if isinstance(graph := node.get("@graph"), list):
                    stack.extend(graph)
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and _ARTICLE_TYPE.search(k) for k in kinds):
                    yield node


def decode_page(data: bytes) -> Decoded | Undecodable:
    """Decode a saved page as a browser would (the WHATWG encoding rules); never raises.

    Why these rules (issue #19): a whole-page guess turned a UTF-8 page with
    three bad bytes into mojibake throughout, and a page declaring
    ``charset=utf-16`` (which browsers read as UTF-8) into nothing.  In turn:

    1. a byte-order mark (UTF-8, UTF-16 LE or BE) decides;
    2. binary data (an image named ``.html``) is refused, as for any input;
    3. the charset the page declares, looked up in the WHATWG label table
       (``webencodings``: ``latin1`` and ``ascii`` mean Windows-1252), with
       the spec's overrides: UTF-16 becomes UTF-8, ``x-user-defined``
       Windows-1252;
    4. UTF-8 (declared or not) when the bytes are UTF-8, or mostly so: more
       well-formed multi-byte characters than broken sequences;
    5. otherwise the fixed order of ``decode`` (Windows-1252, then a guess).

    Bytes the chosen encoding cannot decode become U+FFFD, with a notice
    saying how many, instead of costing the page or its encoding.
    """
    for bom, name in _PAGE_BOMS:
        if data.startswith(bom):
            return replaced(data[len(bom) :], name, name)
    fallback = decode(data)
    if isinstance(fallback, Undecodable):
        return fallback
    notes: list[str] = []
    label = declared_charset(data)
    encoding = webencodings.lookup(label) if label else None
    if encoding is not None:
        name = encoding.name
        if name in ("utf-16le", "utf-16be"):
            notes.append(f"the page declares {label}, which browsers read as UTF-8")
            name = "utf-8"
        elif name == "x-user-defined":
            name = "windows-1252"
        if name == "windows-1252":
            return replaced(data, "cp1252", "cp1252", notes)
        if name != "utf-8":
            return replaced(data, encoding.codec_info.name, f"{label} (declared in the page)")
    if not fallback.encoding.startswith("utf-") and mostly_utf8(data):
        return replaced(data, "utf-8", "utf-8", notes)
    return Decoded(fallback.text, fallback.encoding, (*notes, *fallback.notices))


_PAGE_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB (``<meta charset>``), if any.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'shift_jis'
    """
    m = re.search(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", data[:4096])
    return m[1].decode("ascii").lower() if m else None
