"""The "Who says so" table: claim × outlet, credited to whom, stated as fact, or absent.

Why: an editor reading a comparison asks who vouches for each claim.  The
attribution findings already quote, per outlet, the words that credit a
claim or state it bare; this module turns each attribution finding into one
row, so page 1 can show the whole story's attributions at a glance and each
cell can link to the finding that quotes it.  It is data on the Report
(``report.json`` key ``who_says_so``); rendering is left to the views.

How a cell's status is read, without any knowledge of the story: the
outlet's quoted span (or, when the finding does not quote it, its sentences
of the finding's passage) is searched for a reporting verb (the attribution
family's ``markers``).  A verb with a subject before it ("police said"),
an agent after "by" ("announced by the ministry"), a source after the
verb of an inverted tag ("..., said the ministry") or after "according
to" makes the claim *credited* to those words; otherwise the
outlet states it *as fact*.  An outlet the finding does not quote and that
does not carry its passage is *absent*.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.classify.attribution_findings import _AGENT_STOP as AGENT_STOP
from compare.classify.attribution_findings import MAX_AGENT
from compare.classify.attribution_sources import has_subject, markers, source_range
from compare.classify.cells import content_words
from compare.model import Article, Finding, Kind, Passage, SaysCell, SaysRow, Sentence, Token
from compare.segment import tokenize

_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
CLAUSE_WORDS = 3  # content words a quoted clause needs to stand as the row's claim


def _sentences(article: Article, start: int, end: int) -> list[Sentence]:
    """The article's sentences that overlap ``[start, end)``."""
    return [s for s in article.sentences if s.start < end and start < s.end]


Range = tuple[int, int]  # token indexes [first, last)


def _after(tokens: Sequence[Token], at: int) -> Range:
    """The source named from token ``at`` on, up to the first clause break; empty if none."""
    stop = at
    while stop < min(len(tokens), at + MAX_AGENT) and tokens[stop].norm not in AGENT_STOP:
        stop += 1
    return (at, stop) if content_words(tokens[at:stop]) else (at, at)


def _source(tokens: Sequence[Token], start: int, end: int, pronouns: bool) -> Range:
    """Who the reporting verb at ``[start, end)`` credits; an empty range when nobody."""
    if end < len(tokens) and tokens[end].norm == "by":  # "announced by the ministry"
        return _after(tokens, end + 1)
    if start > 0 and tokens[start - 1].norm in {",", '"', "”", "’"}:
        found = _after(tokens, end)  # the inverted order of a tag: "..., said the ministry"
        if found[0] < found[1]:
            return found
    if tokens[start].norm == "according" or has_subject(tokens, start):
        first, last = source_range(tokens, start, end)
        if content_words(tokens[first:last]):
            return first, last
    if pronouns and start > 0 and tokens[start - 1].norm in _PRONOUNS:
        return start - 1, start
    return start, start


def credited_to(tokens: Sequence[Token], lo: int, hi: int, *, pronouns: bool = True) -> str:
    """Who a reporting verb credits, when the verb or its source lies in ``[lo, hi)``.

    ``lo`` and ``hi`` are character offsets, so a finding's span can be
    matched against its sentence's tokens: a span may quote the verb
    ("said"), the source ("the state media") or both.  Empty when no
    verb is there or it names no source (a passive "was announced").
    ``pronouns`` accepts "it called" as a source: right inside a
    finding's quoted words, too loose across a whole passage.

    >>> from compare.segment import tokenize
    >>> toks = tokenize("Police said the man fled.")
    >>> credited_to(toks, 0, 25), credited_to(tokenize("It was announced."), 0, 17)
    ('Police', '')
    >>> credited_to(tokenize("He fled, said the police chief."), 9, 13)
    'the police chief'
    >>> credited_to(tokenize("The state media said he fled."), 4, 15)
    'The state media'
    """

    def inside(first: int, last: int) -> bool:
        return first < last and tokens[first].start < hi and lo < tokens[last - 1].end

    for start, end, _cls in markers(tokens):
        first, last = _source(tokens, start, end, pronouns)
        if first < last and (inside(start, end) or inside(first, last)):
            return " ".join(t.text for t in tokens[first:last])
    return ""


def _cell(article: Article, finding: Finding, passage: Passage | None) -> SaysCell:
    """One outlet's cell for one attribution finding."""
    spans = finding.spans.get(article.id, ())
    if spans:
        lo, hi = min(s.start for s in spans), max(s.end for s in spans)
        quote = " … ".join(s.text for s in spans)
    elif passage is not None and passage.cells.get(article.id):
        held = [article.sentences[i] for i in passage.cells[article.id]]
        lo, hi = min(s.start for s in held), max(s.end for s in held)
        quote = " ".join(s.text for s in held)
    else:
        return SaysCell(article.id, "absent", "", "", None)
    source = ""
    for sentence in _sentences(article, lo, hi):
        source = credited_to(sentence.tokens, lo, hi, pronouns=bool(spans))
        if source:
            break
    status = "credited" if source else "fact"
    return SaysCell(article.id, status, source, quote, finding.id)


def _claim(finding: Finding, cells: Sequence[SaysCell], articles: Mapping[str, Article]) -> str:
    """The claim in words: the clause an outlet states as fact, else the first quoted sentence.

    A quoted clause of a word or two ("announced") names no claim, so the
    sentence holding it stands instead, an outlet stating it as fact first.
    """
    quoted = sorted(
        (c for c in cells if c.article_id in finding.spans), key=lambda c: c.status != "fact"
    )
    for c in quoted:
        if c.status == "fact" and len(content_words(tokenize(c.quote))) >= CLAUSE_WORDS:
            return c.quote
    for c in quoted:
        span = finding.spans[c.article_id][0]
        held = _sentences(articles[c.article_id], span.start, span.end)
        if held:
            return " ".join(s.text for s in held)
    return finding.label


def who_says_so(
    articles: Sequence[Article], findings: Sequence[Finding], passages: Sequence[Passage] = ()
) -> tuple[SaysRow, ...]:
    """One row per attribution finding, in report order, with a cell per article.

    ``articles`` are the compared articles in report order; ``passages``
    the alignment's, so an outlet that carries a finding's passage without
    being quoted by it still gets its status read.
    """
    by_id = {a.id: a for a in articles}
    by_passage = {p.id: p for p in passages}
    rows = []
    for finding in findings:
        if finding.kind is not Kind.ATTRIBUTION_CHANGE:
            continue
        passage = by_passage.get(finding.passage_id or "")
        cells = tuple(_cell(a, finding, passage) for a in articles)
        rows.append(SaysRow(_claim(finding, cells, by_id), cells))
    return tuple(rows)
