"""Headlines as compared text: found in every input format, aligned with each other.

Why: the headline is where outlets frame a story most.  Whatever the format
(the first line of a text file, a ``# Heading``, a front-matter ``title``,
a JSON ``title`` field, a page's title), the headline becomes the article's
first paragraph, a span of ``Article.text`` like any other, and its
``title``; so the same article in ``.txt``, ``.md``, ``.html`` and ``.jsonl``
gives the same sentences and the same findings.  After alignment the
headlines form one passage of their own (``with_headline_passage``): a
headline is compared with the other headlines, never with body sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare.ingest.boilerplate import header_furniture, header_line, label_line, masthead
from compare.ingest.provenance import DATE_LINE, parse_date
from compare.model import Alignment, Article, Finding, Kind, Passage

HEADLINE_PASSAGE = "headline"
MAX_HEADLINE_WORDS = 30  # longer first lines are a paragraph, not a headline
_MD_HEADING = re.compile(r"#{1,2}[ \t]+(\S.*?)[ \t#]*$")
_NOT_HEADLINE_END = ".,;:"
_BLANK_AFTER = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*\S")


def first_line_headline(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of a headline on the first line of ``text[start:]``, or None.

    A headline is one line followed by a blank line and more text, at most
    ``MAX_HEADLINE_WORDS`` words, not ending like a sentence fragment (a
    period, comma, colon or semicolon); a Markdown ``# Heading`` gives its
    words.  A date line straight under it stands for the blank line: a page
    copied from a browser gives "headline / Monday 14 April 2025 / blank /
    byline" (read blind, such headlines were taken for the first paragraph,
    and the date under them was lost).

    >>> first_line_headline("Rain shuts roads\\n\\nRain fell all day.", 0)
    (0, 16)
    >>> first_line_headline("Rain fell all day.\\n\\nRoads shut.", 0) is None
    True
    >>> first_line_headline("# Rain shuts roads\\n\\nRain fell.", 0)
    (2, 18)
    >>> first_line_headline("Rain shuts roads\\nMonday 14 April 2025\\n\\nRain fell.", 0)
    (0, 16)
    >>> first_line_headline("Rain shuts roads\\nRain fell.\\n\\nMore.", 0) is None
    True
    >>> first_line_headline("Rain shuts roads\\nThe Courier > News\\n\\nRain fell.", 0)
    (0, 16)
    >>> first_line_headline("Rain shuts roads\\nCrews clear debris\\n\\nAnn Roe\\n"
    ...                     "Mon 2 Jun 2025\\n\\nRain fell.", 0)
    (0, 16)
    """
    s = start
    while s < len(text) and text[s].isspace():
        s += 1
    e = s
    while e < len(text) and text[e] not in "\r\n":
        e += 1
    line = text[s:e].rstrip()
    if not line or not (
        _BLANK_AFTER.match(text, s + len(line))
        or _dated_after(text, e)
        or _header_after(text, e)
        or _standfirst_after(text, e)
    ):
        return None
    if (m := _MD_HEADING.match(line)) and "\x00" not in m[1]:
        return s + m.start(1), s + m.end(1)
    if line.startswith("#") or "\x00" in line or not _headline_shaped(line):
        return None
    return s, s + len(line)


def _headline_shaped(line: str) -> bool:
    """A non-empty line of ``MAX_HEADLINE_WORDS`` words at most, with a letter, not ending like
    a sentence fragment (``_NOT_HEADLINE_END``)."""
    return (
        bool(line)
        and line[-1] not in _NOT_HEADLINE_END
        and any(c.isalpha() for c in line)
        and len(line.split()) <= MAX_HEADLINE_WORDS
    )


PAGE_TOP_MAX = 40  # lines of page header read above a headline
MOTTO_MAX_WORDS = 12  # "Independent since 1887" on the line under a masthead: its motto
# A paragraph: lines up to a blank line (the lines kept apart, ``page_top``).
_PARAGRAPH = re.compile(
    r"\s*(\S[^\r\n]*(?:(?:\r\n|\r|\n)[ \t]*\S[^\r\n]*)*)[ \t]*(?:\r\n|\r|\n)\s*\S"
)


@dataclass(frozen=True)
class PageTop:
    """Page header above a text file's headline: its paragraphs, and the masthead's name."""

    spans: tuple[tuple[int, int], ...]
    outlet: str | None  # "The Haldstead Courier", from "THE HALDSTEAD COURIER | Your city"
    outlet_line: str | None  # the line naming it, as written
    outlet_at: int  # where that line starts in the text
    end: int  # where the headline is looked for
    # The headline, when it stands inside the header's block (no blank line around it)
    headline: tuple[int, int] | None = None


def page_top(text: str, start: int) -> PageTop | None:
    r"""The page header a copied page puts above its headline, or None.

    "THE HALDSTEAD COURIER | Your city, every day / Home > News > Health /
    Measles outbreak spreads ..." (each a paragraph, or lines of one): read
    blind, the masthead was taken for the headline, the section path kept as
    text, and the real headline removed as a subheading.  Every line is a
    masthead (``boilerplate.masthead``, the first line only), a line of page
    header (``boilerplate.header_line``: a section path, a byline, a date,
    "Skip to main content"), or a few capitalised words (a site's or a
    section's name); at least one is a line of page header (a line in
    capitals alone may be a headline), and a headline must follow that is not
    page header itself.

    >>> top = page_top("THE COURIER | Your city\n\nHome > News > Rain\n\nRain shuts roads\n\n"
    ...                "Rain fell all day.", 0)
    >>> top.spans, top.outlet, top.end
    (((0, 23), (25, 43)), 'The Courier', 43)
    >>> page_top("THE RECORD\nNews > World > Europe\n\nRain shuts roads\n\nRain fell.", 0).spans
    ((0, 32),)
    >>> page_top("Skip to main content\nThe Courier\nNews | Sport\n\nRain shuts roads\n\n"
    ...          "Rain fell.", 0).outlet
    'The Courier'
    >>> page_top("RAIN SHUTS ROADS\n\nRain fell all day.\n\nMore.", 0) is None
    True
    >>> text = "The Courier\nYour city. Your world.\nMenu\nRain shuts roads in the north\n"
    >>> text += "By Ann Lee\n"
    >>> top = page_top(text + "Rain fell.", 0)
    >>> top.outlet, text[slice(*top.headline)]
    ('The Courier', 'Rain shuts roads in the north')
    """
    spans: list[tuple[int, int]] = []
    headline: tuple[int, int] | None = None
    outlet = outlet_line = None
    outlet_at = 0
    furniture = False
    lines = 0
    at = start
    while (m := _PARAGRAPH.match(text, at)) and lines < PAGE_TOP_MAX:
        block = m[1].splitlines()
        motto = False  # the next line, under a masthead in its block, may be its motto
        only_header = True  # every line of the block above this one is page header
        for n, line in enumerate(block):
            line = line.strip()
            under_masthead, motto = motto, False
            # The site's name stands on the first lines of the first header blocks, or under
            # a run of header lines ("Skip to main content / Skip to navigation / Print
            # subscriptions | Sign in | Search / THE HIGHLAND LEDGER", read blind in the
            # twentieth round: the masthead went unread and the page lost its outlet).
            naming = outlet is None and len(spans) <= 1 and (n <= 2 or only_header)
            if header_line(line):
                furniture = True
                continue
            only_header = False
            if under_masthead and 0 < len(line.split()) <= MOTTO_MAX_WORDS:
                pass  # "THE HARBOUR COURIER / Independent since 1887"
            elif naming and (name := masthead(line)):
                outlet, outlet_line, outlet_at = name, line, text.find(line, m.start(1))
                motto = True
            elif (
                0 < n < len(block) - 1
                and not label_line(line)
                and _menu_item(line)
                and _header_like(block[n + 1])
            ):
                pass  # "News / ... / Climate crisis / World > Europe": one item of a menu
            elif _TICKER.match(line) and any(
                _headline_in_block(block, k) for k in range(n + 1, len(block))
            ):
                pass  # "Breaking: Ferry services resume ...": a ticker above the headline
            elif not label_line(line):
                if furniture and n > 0 and _headline_in_block(block, n):
                    # "World > Europe / Four killed as ... / caption / By TNS staff": the
                    # headline inside the header's block, a page copied with no blank lines
                    first = m.start(1)
                    over = "\n".join(block[:n])
                    headline_at = text.find(line, first + len(over))
                    spans.append((first, first + len(over.rstrip())))
                    lines += n
                    headline = (headline_at, headline_at + len(line))
                break  # a site's or a section's name ("Environment") is header among header
            elif naming and (len(line.split()) >= 2 or _CAMEL.fullmatch(line)):
                # "Skip to main content / The Halvern Courier", or "NorthWire" alone
                outlet, outlet_line, outlet_at = line, line, text.find(line, m.start(1))
                motto = True  # "Riverside Chronicle / Your city. Your world."
        else:
            spans.append(m.span(1))
            lines += len(block)
            at = m.end(1)
            continue
        break
    if not furniture or lines > PAGE_TOP_MAX:
        return None
    if headline is not None:
        return PageTop(tuple(spans), outlet, outlet_line, outlet_at, headline[1], headline)
    head = first_line_headline(text, at)
    if head is None or header_line(text[head[0] : head[1]]):
        return None
    return PageTop(tuple(spans), outlet, outlet_line, outlet_at, at)


def _headline_in_block(block: Sequence[str], n: int) -> bool:
    """Is line ``n`` of a block of page header the headline, with its byline block under it?

    Read only after header lines: a headline-shaped line (``MAX_HEADLINE_WORDS``
    words at most, no sentence end) with a line of page header (a byline, a
    date) among the ``HEADER_BLOCK_LINES`` lines under it.  Read blind
    (fourteenth round), a page copied whole with no blank lines lost its
    headline, date and outlet, and its furniture reached the text.
    """
    if not _headline_shaped(block[n].strip()) or len(block[n].split()) < HEADLINE_MIN_WORDS:
        return False  # "e-Edition", a menu's item, is no headline
    under = [x.strip() for x in block[n + 1 : n + 1 + HEADER_BLOCK_LINES]]
    return any(header_line(x) for x in under)


# A news ticker's line in a page header, above the story's own headline (read blind,
# twenty-second round, taken for the headline): "Breaking: Ferry services resume ...".
_TICKER = re.compile(
    r"(?:breaking(?: news)?|just in|latest|live|developing(?: story)?|trending|most read)"
    r"\s*:\s+\S",
    re.IGNORECASE,
)
# One word with a capital inside ("NorthWire", "HuffPost"): a site's name, never a section's.
_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
MENU_ITEM_MAX_WORDS = 3
HEADLINE_MIN_WORDS = 3  # words of a headline found inside a block of page header
# A menu's item, perhaps with a lower-case prefix ("e-Edition", "iPlayer").
_MENU_ITEM = re.compile(r"(?:[a-z]-?)?[A-Z][a-z'&-]*(?: [A-Za-z][a-z'&-]*)*")


def _menu_item(line: str) -> bool:
    """A menu's item in sentence case, which ``label_line`` leaves out ("Climate crisis").

    Read only inside a block of header lines, between two of them.

    >>> _menu_item("Climate crisis"), _menu_item("Rain shuts all roads"), _menu_item("Rain fell.")
    (True, False, False)
    """
    return len(line.split()) <= MENU_ITEM_MAX_WORDS and _MENU_ITEM.fullmatch(line) is not None


def _header_like(line: str) -> bool:
    """A line of page header, a site's or section's name, or a menu's item."""
    line = line.strip()
    return header_line(line) or label_line(line) or _menu_item(line)


STANDFIRST_MAX_WORDS = 40
_LINE = re.compile(r"(?:\r\n|\r|\n)([^\r\n]+)")


def _standfirst_after(text: str, end: int) -> bool:
    """Whether a standfirst follows ``end``: one line, a blank line, then page header.

    "Avalanche buries ski village / Rescuers search for the missing ... /
    blank / Agency in Hatsvali / Tue 11 Feb 2025 16.52 GMT": a headline with
    the line that sums it up under it, then the byline block.  Read blind,
    the masthead above was taken for the headline instead.  The byline block
    must hold a line of page header (``boilerplate.header_line``) within its
    first ``HEADER_BLOCK_LINES`` lines.
    """
    line = _LINE.match(text, end)
    if line is None or len(line[1].split()) > STANDFIRST_MAX_WORDS or header_line(line[1]):
        return False
    after = _BLANK_AFTER.match(text, line.end())
    if after is None:
        return False
    block = _BLOCK_END.split(text[after.end() - 1 : after.end() - 1 + HEADER_BLOCK_CHARS], 1)[0]
    return any(header_line(x.strip()) for x in block.splitlines()[:HEADER_BLOCK_LINES])


def _dated_after(text: str, end: int) -> bool:
    """Whether the line after ``end`` is a date alone, followed by a blank line and more text."""
    line = DATE_LINE.match(text, end)
    if line is None or parse_date(line[2]) is None:
        return False
    return bool(_BLANK_AFTER.match(text, line.end()))


HEADER_BLOCK_LINES = 6  # lines of page header read under a headline
HEADER_BLOCK_CHARS = 600
_BLOCK_END = re.compile(r"\r?\n[ \t]*\r?\n")


def _header_after(text: str, end: int) -> bool:
    """Whether the line after ``end`` is page header (a masthead, a section path, a byline).

    "Hostage guards freed ... / Orlesk Evening Post > News > National" is a
    headline over its page's header, as a page copied from a browser gives it.
    """
    if not text.startswith("\n", end) and not text.startswith("\r\n", end):
        return False
    start = end + (2 if text.startswith("\r\n", end) else 1)
    stop = len(text)
    for mark in ("\r", "\n"):
        at = text.find(mark, start)
        if at >= 0:
            stop = min(stop, at)
    line = text[start:stop]
    if not line.strip():
        return False
    if header_line(line):
        return True
    # a masthead alone ("THE MORNING RECORD"), then the section path, byline or date
    block = _BLOCK_END.split(text[start : start + HEADER_BLOCK_CHARS], maxsplit=1)[0]
    lines = block.splitlines()[:HEADER_BLOCK_LINES]
    return any(header_furniture("\n".join(lines[:k])) for k in range(2, len(lines) + 1))


def value_span(text: str, value: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a front-matter value is written between ``start`` and ``end``, or None."""
    value = value.strip()
    at = text.find(value, start, end) if value and "\x00" not in value else -1
    return (at, at + len(value)) if at >= 0 else None


def _flat(text: str) -> str:
    return " ".join(text.split())


def has_headline(article: Article) -> bool:
    """Whether the article's first paragraph is its headline (its title)."""
    return bool(
        article.title
        and article.paragraphs
        and _flat(article.paragraphs[0].text) == _flat(article.title)
    )


def headline_sentences(article: Article) -> tuple[int, ...]:
    """Indexes of the sentences of the article's headline (empty when it has none)."""
    if not has_headline(article):
        return ()
    first = article.sentences[0].paragraph if article.sentences else None
    return tuple(s.index for s in article.sentences if s.paragraph == first)


def headline_text(article: Article) -> str | None:
    """The headline as printed (whitespace collapsed), or None."""
    return _flat(article.paragraphs[0].text) if has_headline(article) else None


def with_headline_passage(alignment: Alignment, articles: Sequence[Article]) -> Alignment:
    """The alignment with the headlines taken out of body passages and made one passage.

    The headline passage comes first (the reader meets the headline first);
    body passages left empty are dropped.  A lone headline (no other compared
    article has one) is compared with nothing: it is not body text either.
    """
    compared = set(alignment.article_ids)
    heads = {a.id: idx for a in articles if a.id in compared and (idx := headline_sentences(a))}
    if not heads:
        return alignment
    passages = []
    for passage in alignment.passages:
        cells = {
            aid: kept
            for aid, idx in passage.cells.items()
            if (kept := tuple(i for i in idx if i not in heads.get(aid, ())))
        }
        if cells:
            passages.append(replace(passage, cells=cells))
    if len(heads) < 2:
        return replace(alignment, passages=tuple(passages))
    head = Passage(id=HEADLINE_PASSAGE, cells=heads)
    return replace(alignment, passages=(head, *passages))


def without_presence_findings(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Findings without "only in" / "omitted" for the headline passage.

    An article without a recognisable headline has not left one out.
    """
    presence = (Kind.OMITTED_PASSAGE, Kind.ADDED_PASSAGE)
    return tuple(
        f for f in findings if not (f.passage_id == HEADLINE_PASSAGE and f.kind in presence)
    )
