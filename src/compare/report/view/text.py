"""Text helpers of the presentation model: labels, dates, shares, elision, highlights.

Why separate from ``view``: charts, the report view and the handout all need
the same neutral outlet keys, date and share formats and the same elision of
long tokens, and these small pure functions are easiest to test on their own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from compare.model import Article, Kind, Report, Span
from compare.text.offsets import LineIndex

KIND_LABELS: dict[str, str] = {
    Kind.NUMBER_DISCREPANCY: "Number discrepancy",
    Kind.ATTRIBUTION_CHANGE: "Attribution change",
    Kind.HEDGE_CHANGE: "Hedge change",
    Kind.LOADED_TERM: "Loaded term",
    Kind.OMITTED_PASSAGE: "Omitted passage",
    Kind.ADDED_PASSAGE: "Added passage",
    Kind.WORDING_CHANGE: "Wording change",
    Kind.NAME_VARIANT: "Name variant",
    Kind.STYLE_VARIANT: "House style",
    Kind.SPELLING_VARIANT: "US/UK spelling",
    Kind.TYPOGRAPHY: "Typography",
}
CONTEXT_CHARS = 280  # text kept either side of the highlighted spans
SNIPPET_CHARS = 55  # context either side in the compact wording rows


@dataclass(frozen=True)
class Segment:
    """A run of text; ``changed`` runs are the words a finding is about."""

    text: str
    changed: bool


def short(text: str, limit: int) -> str:
    """Whitespace collapsed and cut to ``limit`` characters with an ellipsis.

    >>> short("a  very\\nlong label", 9)
    'a very l…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plural(count: int, word: str) -> str:
    """A count with its noun, plural unless the count is one.

    >>> plural(1, "passage"), plural(3, "passage")
    ('1 passage', '3 passages')
    """
    return f"{count:,} {word}" + ("" if count == 1 else "s")


def format_percent(share: float) -> str:
    """A share of 1 as a whole percentage, the form a reader can quote.

    >>> format_percent(0.8249)
    '82%'
    """
    return f"{round(share * 100)}%"


def iso_date(value: str | None) -> dt.date | None:
    """An ISO date (or datetime) string as a date; None when absent or malformed."""
    try:
        return None if value is None else dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def format_date(value: str | None) -> str:
    """A date as "17 Oct 2020": unambiguous in every English-speaking country.

    >>> format_date("2020-10-17"), format_date(None)
    ('17 Oct 2020', 'undated')
    """
    day = iso_date(value)
    if day is None:
        return "undated" if value is None else value
    return f"{day.day} {day:%b %Y}"


def elide(text: str, limit: int) -> str:
    """Tokens longer than ``limit`` cut to ``limit`` characters plus a count.

    >>> elide("see " + "x" * 200_000, 120)[-16:]
    '…[199,880 chars]'
    """
    return re.sub(
        rf"\S{{{limit + 1},}}",
        lambda m: f"{m.group()[:limit]}…[{len(m.group()) - limit:,} chars]",
        text,
    )


def slug(text: str) -> str:
    """A lowercase ``[a-z0-9-]`` form, safe in ``id``/``class`` attributes and paths.

    >>> slug('Daily "News" style=x')
    'daily-news-style-x'
    """
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def compared_ids(report: Report) -> tuple[str, ...]:
    """Article ids in the comparison, in alignment order (outliers excluded)."""
    if report.alignment.article_ids:
        return tuple(report.alignment.article_ids)
    outliers = {o.article_id for o in report.story.outliers}
    return tuple(a.id for a in report.story.articles if a.id not in outliers)


def outlet_keys(report: Report) -> dict[str, str]:
    """Neutral display keys "A", "B", ... "AA": compared articles first, then the rest."""
    ids = list(compared_ids(report))
    ids += [a.id for a in report.story.articles if a.id not in ids]
    ids += [o.article_id for o in report.story.outliers if o.article_id not in ids]
    keys = {}
    for n, aid in enumerate(ids):
        key = ""
        n += 1
        while n:
            n, rest = divmod(n - 1, 26)
            key = chr(65 + rest) + key
        keys[aid] = key
    return keys


class Source:
    """One article with its line index and sentence starts, built once per report."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.lines = LineIndex(article.text)
        self.starts = [s.start for s in article.sentences]

    def line_range(self, start: int, end: int) -> str:
        """ "line 42" or "lines 42–44" for the characters ``start:end``."""
        first, last = self.lines.line(start), self.lines.line(max(start, end - 1))
        return f"line {first}" if first == last else f"lines {first}–{last}"

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The start and end of the sentences overlapping ``start:end``."""
        sentences = self.article.sentences
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        lo, hi = start, end
        while i < len(sentences) and sentences[i].start <= max(start, end - 1):
            if sentences[i].end > start:
                lo, hi = min(lo, sentences[i].start), max(hi, sentences[i].end)
            i += 1
        return lo, hi


_NON_SPACE = re.compile(r"\S*")


def token_end(text: str, index: int) -> int:
    """``index`` moved forward to the end of the word it falls in.

    Why: context is cut at word boundaries so a long token is elided with its
    true length ("…[199,880 chars]") rather than cut to an arbitrary piece.

    >>> token_end("ab cd", 1), token_end("ab cd", 2)
    (2, 2)
    """
    match = _NON_SPACE.match(text, index)
    assert match is not None  # \S* matches everywhere, if only the empty string
    return match.end()


def token_start(text: str, index: int) -> int:
    """``index`` moved back to the start of the word it falls in.

    >>> token_start("ab cd", 4)
    3
    """
    while index > 0 and not text[index - 1].isspace():
        index -= 1
    return index


def highlight(
    source: Source, spans: Sequence[Span], limit: int, *, context: int = CONTEXT_CHARS
) -> tuple[Segment, ...]:
    """The sentence(s) holding ``spans``, split into changed and unchanged runs.

    Context is cut to ``context`` characters either side (at word boundaries)
    so one run-on "sentence" cannot fill pages; the compact rows pass a short
    ``SNIPPET_CHARS``.  Every run is elided to ``limit``-character tokens.

    >>> from compare.model import Sentence
    >>> art = Article("a", "a.txt", "", "He said 12 died.", "X", "", None, None, "",
    ...               sentences=(Sentence("a", 0, 0, 0, 16, 1, "He said 12 died."),))
    >>> [s.text for s in highlight(Source(art), [Span("a", 8, 10, 1, "12")], 120)]
    ['He said ', '12', ' died.']
    """
    text = source.article.text
    marks = sorted((max(0, s.start), min(len(text), max(s.start, s.end))) for s in spans)
    out: list[Segment] = []
    for k, group in enumerate(_sentence_groups(source, marks)):
        if k:
            out.append(Segment(" … ", False))
        out.extend(_highlight_group(source, group, limit, context))
    return tuple(out)


def _sentence_groups(
    source: Source, marks: Sequence[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Marks grouped by the sentences around them: one group per run of touching sentences.

    Why: a finding may quote two places of one article (a headline and the
    body sentence that repeats its figure, a spelling used in two passages);
    quoting everything between them would show unrelated text, and front
    matter between a title and the body.  Sentences only whitespace apart
    stay one group.
    """
    text = source.article.text
    groups: list[list[tuple[int, int]]] = []
    reach = -1
    for mark in marks:
        lo, hi = source.sentence_span(*mark)
        if groups and (lo <= reach or not text[reach:lo].strip()):
            groups[-1].append(mark)
        else:
            groups.append([mark])
        reach = max(reach, hi)
    return groups


def _highlight_group(
    source: Source, marks: Sequence[tuple[int, int]], limit: int, context: int
) -> list[Segment]:
    """``highlight`` of one group of marks within touching sentences."""
    text = source.article.text
    first, last = marks[0][0], max(end for _, end in marks)
    lo, hi = source.sentence_span(first, last)
    segments: list[Segment] = []
    if lo < first - context:
        lo = max(lo, token_start(text, first - context))
        segments.append(Segment("…", False))
    sentence_end, hi = hi, min(hi, token_end(text, last + context))
    cut_end = hi < sentence_end
    cursor = lo
    for start, end in marks:
        start = max(start, cursor)
        if start > cursor:
            segments.append(Segment(elide(text[cursor:start], limit), False))
        if end > start:
            segments.append(Segment(elide(text[start:end], limit), True))
        cursor = max(cursor, end)
    if hi > cursor:
        segments.append(Segment(elide(text[cursor:hi], limit), False))
    if cut_end:
        segments.append(Segment("…", False))
    return segments


def clip(text: str, limit: int) -> str:
    """``text`` whitespace-collapsed and cut at a word boundary near ``limit``, with " …".

    Why not ``short``: a quoted passage cut mid-word reads as a typo; cutting
    at the last space keeps the quotation honest and the ellipsis shows the cut.

    >>> clip("one two three four", 12)
    'one two …'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def join_keys(keys: Sequence[str], noun: str = "Outlet") -> str:
    """ "Outlet A", "Outlets A and B", "Outlets A, B and D": keys a reader can quote.

    >>> join_keys(["A"]), join_keys(["A", "B", "D"])
    ('Outlet A', 'Outlets A, B and D')
    >>> join_keys(["A", "C"], noun="")
    'A and C'
    """
    listed = keys[0] if len(keys) == 1 else ", ".join(keys[:-1]) + " and " + keys[-1]
    if not noun:
        return listed
    return f"{noun}{'' if len(keys) == 1 else 's'} {listed}"


def sentences(text: str) -> list[str]:
    """``text`` split after ., ! or ? followed by a capital or an opening quote.

    Not inside quotation marks (a finding quotes the outlet's words, which
    hold sentences of their own), and not after an abbreviation or an
    initial ("Mr. Shakir", "J. Smith"): the page-1 headline showed only
    'Only Outlet C carries this passage: "Mr.'.

    >>> sentences('It differs: "a" vs "b". One is "over". Fine.')
    ['It differs: "a" vs "b".', 'One is "over".', 'Fine.']
    >>> sentences('Only C carries this: "Mr. Lee left. He was tired." It names him.')
    ['Only C carries this: "Mr. Lee left. He was tired."', 'It names him.']
    """
    text = text.strip()
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end(1)  # after the full stop and any closing quotation mark
        before = text[start:end]
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        if _inside_quotes(text[:end]) or _abbreviation(word):
            continue
        out.append(text[start:end])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


_BREAK = re.compile(r"([.!?][\"\u201d\u2019]?)\s+(?=[A-Z\"\u201c\u2018(])")


def _inside_quotes(text: str) -> bool:
    """Is a quotation still open at the end of ``text``?"""
    straight = text.count('"') % 2 == 1
    return straight or text.count("\u201c") > text.count("\u201d")


def _abbreviation(word: str) -> bool:
    """Is ``word`` an initial ("J.") or a listed abbreviation ("Mr.") with its full stop?"""
    from compare.text import lexicons

    bare = word.lstrip('"\u201c\u2018(')
    if not bare.endswith("."):
        return False  # 'vs "b".': a quotation closed, not an abbreviation
    bare = bare[:-1]
    if len(bare) == 1:
        return bare.isupper()
    return bare.casefold() in lexicons.words("segment_abbreviations.txt")


def runs(items: Sequence[str], order: Sequence[str]) -> str:
    """Items as runs in ``order``: "p1, p23–p35, p44", so a long list fits one line.

    >>> runs(["p1", "p3", "p4", "p5"], ["p1", "p2", "p3", "p4", "p5"])
    'p1, p3–p5'
    """
    position = {item: n for n, item in enumerate(order)}
    ordered = sorted(items, key=lambda i: position.get(i, len(order)))
    groups: list[list[str]] = []
    for item in ordered:
        if groups and item in position and position.get(groups[-1][-1], -2) + 1 == position[item]:
            groups[-1].append(item)
        else:
            groups.append([item])
    return ", ".join(g[0] if len(g) == 1 else f"{g[0]}–{g[-1]}" for g in groups)


def date_range(report: Report) -> str:
    """ "9 Mar 2021 to 10 Mar 2021" over the compared articles' dates, or ""."""
    articles = {a.id: a for a in report.story.articles}
    published = (articles[a].published for a in compared_ids(report) if a in articles)
    days = sorted(d for d in map(iso_date, published) if d is not None)
    if not days:
        return ""
    first, last = format_date(days[0].isoformat()), format_date(days[-1].isoformat())
    return first if first == last else f"{first} to {last}"
