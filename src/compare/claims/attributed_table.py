"""The "Who says so" table: each credited claim x outlet, with the finding about it.

Why: an editor asks of every claim "who says so?", outlet by outlet.  A row
is a claim that one outlet credits to a source and at least one other
outlet also carries (same content, as ``attributed_compare`` measures it);
its cells say how each outlet carries it: credited (to whom), stated as
fact, or absent, and point at the attribution finding that quotes that
sentence.  Rows where a reading is uncertain (a quotation nobody is named
for, reported speech that may run on) are left out rather than guessed, and
so are steps of a legal process an authority announces ("were indicted,
prosecutors announced"): a matter of record, not a claim (``claims.legal``).
The table is data on the Report (``report.json`` key ``who_says_so``);
rendering is left to the views.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from compare.align.similarity import features
from compare.claims import speakers
from compare.claims.attributed import CREDITED, FACT, AttributedClaim, who
from compare.claims.attributed_compare import (
    MIN_WORDS,
    SOURCE_MIN,
    cosine,
    story_claims,
    story_idf,
    vector,
)
from compare.claims.legal import announces_act
from compare.model import Alignment, Article, Finding, Kind, SaysCell, SaysRow, Span, WhoSaysSo
from compare.text.datelines import dateline
from compare.text.offsets import LineIndex

MAX_ROWS = 10
ALIGNED_MIN = 0.4  # content cosine of a version the aligner put beside the claim
CLAIM_CHARS = 140  # a row's claim text is cut here ("...")
_STRIP = " \t\n,.;:\"'\u201c\u201d\u2018\u2019"

Site = tuple[str, int]


def _claim_text(article: Article, claim: AttributedClaim) -> str:
    """The first unbroken run of the claim's content words, as the article prints it."""
    content = claim.content
    if not content:
        return ""
    end = 1
    while end < len(content) and content[end].start - content[end - 1].end <= 1:
        end += 1
    text = article.text[content[0].start : content[end - 1].end].strip(_STRIP)
    opening = dateline(text)  # "BANGALORE: India plans ...": the claim starts after it
    if opening is not None:
        text = text[len(opening) :].strip(_STRIP)
    return text if len(text) <= CLAIM_CHARS else text[: CLAIM_CHARS - 1].rstrip() + "\u2026"


def _source(claim: AttributedClaim) -> str:
    return who(claim)


def _finding_for(span: Span, findings: Sequence[Finding]) -> str | None:
    for f in findings:
        if f.kind is not Kind.ATTRIBUTION_CHANGE:
            continue
        if any(s.start < span.end and span.start < s.end for s in f.spans.get(span.article_id, ())):
            return f.id
    return None


def _cell(
    article: Article,
    lines: LineIndex,
    claim: AttributedClaim | None,
    findings: Sequence[Finding],
    nearby: str = "",
) -> SaysCell:
    """One outlet's cell; ``nearby`` is the source a sentence near a "fact" one credits."""
    if claim is None:
        return SaysCell(article.id, "absent", "", "")
    s = article.sentences[claim.sentence]
    span = Span(article.id, s.start, s.end, lines.line(s.start), article.text[s.start : s.end])
    credited = claim.status == CREDITED
    source = _source(claim) if credited else f"{nearby} (nearby)" if nearby else ""
    return SaysCell(
        article.id,
        "credited" if credited or nearby else "fact",
        source,
        span.text,
        _finding_for(span, findings),
        span,
    )


def _credited_nearby(
    article: Article, claims: Sequence[AttributedClaim], x: AttributedClaim, y: AttributedClaim
) -> str:
    """Who a sentence near ``y`` credits, when it credits ``x``'s source (else "").

    Why: the attribution rules do not call a claim "stated as fact" when its
    outlet names the same source a sentence or two away
    (``speakers.credited_nearby``: "..., the statement said" a paragraph
    before); the table says so too, rather than "as fact".
    """
    if y.status != FACT or not speakers.credited_nearby(
        x.speaker, [s.tokens for s in article.sentences], y.sentence
    ):
        return ""
    near = [
        c
        for c in claims
        if c.status == CREDITED and 0 < abs(c.sentence - y.sentence) <= speakers.CREDIT_NEARBY
    ]
    return _source(min(near, key=lambda c: abs(c.sentence - y.sentence))) if near else ""


def _passage_of(alignment: Alignment | None) -> dict[Site, dict[str, tuple[int, ...]]]:
    """Each aligned sentence's passage cells: where the aligner put the same content."""
    out: dict[Site, dict[str, tuple[int, ...]]] = {}
    for p in alignment.passages if alignment is not None else ():
        for aid, idx in p.cells.items():
            for i in idx:
                out[(aid, i)] = dict(p.cells)
    return out


def who_says_so(
    articles: Sequence[Article],
    findings: Sequence[Finding] = (),
    alignment: Alignment | None = None,
) -> WhoSaysSo:
    """Claims credited in one outlet and carried by another, x every outlet.

    An outlet carries the claim when one of its claims has close content, or
    when the aligner put one of its sentences beside the claim's (a reworded
    version: "the war has killed ..." beside "officials said ... killed").
    Rows with an attribution finding come first, then rows where the outlets
    differ (credited in one, stated as fact in another), in article order.
    """
    if len(articles) < 2:
        return ()
    by_id = {a.id: a for a in articles}
    claims = story_claims(articles)
    idf = story_idf(articles)
    usable = {
        aid: [c for c in cs if len(features(c.content)) >= MIN_WORDS] for aid, cs in claims.items()
    }
    vectors = {
        (c.article_id, c.sentence): vector(c.content, idf) for cs in usable.values() for c in cs
    }
    passages = _passage_of(alignment)
    used: set[Site] = set()
    found: list[tuple[AttributedClaim, Mapping[str, AttributedClaim]]] = []
    for aid, own in usable.items():
        for x in own:
            if x.status != CREDITED or (aid, x.sentence) in used:
                continue
            if announces_act(x.content):
                continue  # "were indicted, prosecutors announced": a matter of record
            carried = {aid: x}
            for other, theirs in usable.items():
                scored = [
                    (cosine(vectors[(aid, x.sentence)], vectors[(other, y.sentence)]), y)
                    for y in theirs
                    if other != aid and (other, y.sentence) not in used
                ]
                best = max(scored, key=lambda p: p[0], default=None)
                beside = passages.get((aid, x.sentence), {}).get(other, ())
                near = best is not None and best[1].sentence in beside and best[0] >= ALIGNED_MIN
                if best is not None and (best[0] >= SOURCE_MIN or near):
                    carried[other] = best[1]
            if len(carried) < 2 or any(c.status not in (CREDITED, FACT) for c in carried.values()):
                continue
            used.update((c.article_id, c.sentence) for c in carried.values())
            found.append((x, carried))
    lines = {a.id: LineIndex(a.text) for a in articles}
    rows = []
    for x, row in found:
        cells = tuple(
            _cell(
                by_id[aid],
                lines[aid],
                row.get(aid),
                findings,
                _credited_nearby(by_id[aid], claims[aid], x, row[aid]) if aid in row else "",
            )
            for aid in by_id
        )
        rows.append(SaysRow(_claim_text(by_id[x.article_id], x), cells))
    rows.sort(key=_rank)
    return tuple(rows[:MAX_ROWS])


def _rank(row: SaysRow) -> int:
    """0: a finding is about the row; 1: the outlets differ; 2: all credit it."""
    if any(c.finding_id is not None for c in row.cells):
        return 0
    return 1 if any(c.status == "fact" for c in row.cells) else 2
