"""Do the outlets that carry a passage quote the same person's same words?

Why: a direct quotation is verbatim, so two outlets quoting one statement
share most of its words ("I went too far and I was wrong" / "I went too
far").  When every carrier of a passage quotes someone, the quoted words
barely overlap and no one named speaker is quoted by both, the aligner
joined two different quotations (a mayor's statement beside a governor's
answer), and there is no one passage for another outlet to omit.  Read blind on
independently written coverage, omissions built on such pairs were wrong:
"the spans do not correspond".  One speaker quoted in two excerpts of one
statement ("more of a coward than I thought" / "a sniveling coward") is
still one passage.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims import speakers
from compare.claims.attributed import CREDITED
from compare.claims.attributed_compare import story_claims
from compare.claims.attributed_frames import sentence_quote_masks
from compare.claims.words import content_words, stem
from compare.classify.base import Context
from compare.model import Token

# Content words a carrier must quote before its quotation is compared: "went too far"
# (two) is a phrase many statements share; three make a statement's own words.
MIN_QUOTED = 3
# Share of the shorter quotation's content-word stems the other must hold for the two
# to quote one statement: a quotation cut short or run on keeps most of the words.
QUOTES_SHARED = 0.5


def _quoted_stems(ctx: Context) -> dict[tuple[str, int], frozenset[str]]:
    """(article id, sentence index) -> stems of the content words inside quotation marks.

    Marks are read over the whole article, so a quotation opened in an earlier
    sentence of the paragraph counts as quoted.
    """
    out: dict[tuple[str, int], frozenset[str]] = {}
    for aid, article in ctx.articles.items():
        for sentence, inside in sentence_quote_masks(article.sentences):
            quoted = [t for t, flag in zip(sentence.tokens, inside, strict=True) if flag]
            out[(aid, sentence.index)] = frozenset(stem(t.norm) for t in content_words(quoted))
    return out


def cell_quotation(ctx: Context, passage_id: str, article_id: str) -> frozenset[str]:
    """Stems of the content words an outlet's cell of a passage quotes."""
    table = ctx.memo(__name__ + ".quoted", _quoted_stems)
    words: set[str] = set()
    for sentence in ctx.cell_sentences(passage_id, article_id):
        words |= table.get((article_id, sentence.index), frozenset())
    return frozenset(words)


Speakers = dict[tuple[str, int], tuple[Token, ...]]


def _speakers(ctx: Context) -> Speakers:
    """Who each credited sentence of the story quotes."""
    articles = [ctx.articles[aid] for aid in ctx.alignment.article_ids if aid in ctx.articles]
    return {
        (c.article_id, c.sentence): c.speaker
        for cs in story_claims(articles).values()
        for c in cs
        if c.status == CREDITED and c.speaker
    }


def _cell_speakers(ctx: Context, passage_id: str, article_id: str) -> list[tuple[Token, ...]]:
    who = ctx.memo(__name__ + ".speakers", _speakers)
    sites = [(article_id, s.index) for s in ctx.cell_sentences(passage_id, article_id)]
    return [who[site] for site in sites if site in who]


def _one_speaker(ctx: Context, passage_id: str, a: str, b: str) -> bool:
    """Do the two cells quote one named speaker (their speakers share a name word)?

    A pronoun ("he said") names no one here: two cells quoting "he" and
    "Waldman", or "he" and "he", may quote two people, and their words decide.
    """
    named = [
        {w for speaker in _cell_speakers(ctx, passage_id, aid) for w in speakers.words(speaker)}
        for aid in (a, b)
    ]
    return bool(named[0] & named[1])


def different_quotations(ctx: Context, passage_id: str, carriers: Sequence[str]) -> bool:
    """Does every carrier quote someone, and do two of them quote different words, not
    plainly of one speaker?"""
    quoted = {aid: cell_quotation(ctx, passage_id, aid) for aid in carriers}
    if len(quoted) < 2 or any(len(q) < MIN_QUOTED for q in quoted.values()):
        return False
    return any(
        len(quoted[a] & quoted[b]) < QUOTES_SHARED * min(len(quoted[a]), len(quoted[b]))
        and not _one_speaker(ctx, passage_id, a, b)
        for i, a in enumerate(carriers)
        for b in carriers[i + 1 :]
    )


# Share of a carrier's quoted words the omitter's own quotation must hold to quote the same
# words: a quotation is verbatim, so one given to another speaker keeps nearly all of them.
QUOTED_ELSEWHERE = 0.75


def quoted_elsewhere(ctx: Context, passage_id: str, carriers: Sequence[str], omitter: str) -> bool:
    """Does the omitter quote the carriers' quotation in a sentence of its own?

    Why: "'We called them twice and they told us everything was fine,' said Plamen
    Stoyanov" against the same words "said Yordanka Ivanova" in the other outlet is a
    quotation given to another speaker (the attribution rules report it), not a
    passage that outlet leaves out; read blind (twenty-first round), the omission was
    judged wrong.  One sentence of the omitter must quote ``QUOTED_ELSEWHERE`` of a
    carrier's quoted words, and those words be ``MIN_QUOTED`` or more.
    """
    table = ctx.memo(__name__ + ".quoted", _quoted_stems)
    theirs = [q for c in carriers if len(q := cell_quotation(ctx, passage_id, c)) >= MIN_QUOTED]
    if not theirs:
        return False
    own = [stems for (aid, _i), stems in table.items() if aid == omitter and stems]
    return any(len(q & o) >= QUOTED_ELSEWHERE * len(q) for q in theirs for o in own)
