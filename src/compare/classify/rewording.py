"""Rule family: wording_change.

Why after the others: this is what is left once numbers, attribution,
hedges, loaded terms and the variant families (names, style, spelling,
typography) have taken their tokens.  Nearby edits of one passage pair are
merged into one phrase change ("stalled" vs "ground to a halt"); changes made only
of function words or inflections ("killed"/"killing") are grammar, not
emphasis, and are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.classify.attribution import markers
from compare.classify.base import Candidate, Context
from compare.classify.cells import (
    CellPair,
    cell_pairs,
    content_words,
    find_phrases,
    is_variant_elsewhere,
    is_word,
    phrase_table,
    shorten,
    stem,
)
from compare.classify.hedges import hedges
from compare.classify.loaded import TERMS_FILE
from compare.classify.numbers_parse import events, quantities
from compare.model import Kind, Severity, Token

JOIN_GAP = 1  # edits separated by at most this many equal tokens form one change
MAX_PHRASE = 80  # characters shown in labels and explanations
MAX_CONTENT = 6  # longer changes are rewrites: the coverage matrix shows them as reworded

Change = tuple[int, int, int, int]


def _claimed(tokens: Sequence[Token]) -> set[int]:
    """Token indexes owned by more serious families (numbers, attribution, hedges, loaded)."""
    out: set[int] = set()
    spans = [*markers(tokens), *hedges(tokens), *find_phrases(tokens, phrase_table(TERMS_FILE))]
    for start, end, _c in spans:
        out.update(range(start, end))
    for q in quantities(tokens):
        out.update(range(q.start, q.end))
    return out


def changes(pair: CellPair) -> list[Change]:
    """Non-equal opcodes joined across small equal gaps: ``(i1, i2, j1, j2)``."""
    out: list[list[int]] = []
    for op, i1, i2, j1, j2 in pair.opcodes:
        if op == "equal":
            continue
        if out and i1 - out[-1][1] <= JOIN_GAP and j1 - out[-1][3] <= JOIN_GAP:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in out]


def _meaningful(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """True unless the change is grammar, inflection or another family's variant."""
    ca, cb = content_words(a), content_words(b)
    if (not ca and not cb) or max(len(ca), len(cb)) > MAX_CONTENT:
        return False
    if len(ca) == len(cb) == 1 and _synonyms(ca[0].norm, cb[0].norm):
        return False
    if sorted(stem(t.norm) for t in ca) == sorted(stem(t.norm) for t in cb):
        return False
    text_a, text_b = " ".join(t.text for t in a), " ".join(t.text for t in b)
    if a and b and is_variant_elsewhere(text_a, text_b):
        return False
    if len(ca) == len(cb) and all(
        is_variant_elsewhere(x.text, y.text) or stem(x.norm) == stem(y.norm)
        for x, y in zip(ca, cb, strict=True)
    ):
        return False
    squash_a = "".join(text_a.split()).casefold().replace("-", "")
    return squash_a != "".join(text_b.split()).casefold().replace("-", "")


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at either end, so a label reads "a former champion"."""
    words = [k for k, t in enumerate(tokens) if is_word(t)]
    return tokens[words[0] : words[-1] + 1] if words else []


def _synonyms(a: str, b: str) -> bool:
    """True for two words of one event class ("wounded"/"injured"): same fact, same tone."""
    ea, eb = events().get(a), events().get(b)
    return ea is not None and eb is not None and ea[0] == eb[0]


def find(ctx: Context) -> list[Candidate]:
    """Content-word rewording inside aligned passages, one finding per changed phrase."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        claimed_a, claimed_b = _claimed(pair.a_tokens), _claimed(pair.b_tokens)
        for i1, i2, j1, j2 in changes(pair):
            a = [t for k, t in enumerate(pair.a_tokens[i1:i2], i1) if k not in claimed_a]
            b = [t for k, t in enumerate(pair.b_tokens[j1:j2], j1) if k not in claimed_b]
            if (i2 > i1 and not a) or (j2 > j1 and not b):
                continue  # a more serious family owns the whole side
            a, b = _trim(a), _trim(b)
            if not _meaningful(a, b):
                continue
            out.append(_candidate(ctx, pair, a, b, (i1, j1)))
    return out


def _candidate(
    ctx: Context, pair: CellPair, a: list[Token], b: list[Token], at: tuple[int, int]
) -> Candidate:
    spans = {}
    if a:
        spans[pair.a] = (ctx.tokens_span(pair.a, tuple(a)),)
    if b:
        spans[pair.b] = (ctx.tokens_span(pair.b, tuple(b)),)
    ta = shorten(spans[pair.a][0].text, MAX_PHRASE) if a else ""
    tb = shorten(spans[pair.b][0].text, MAX_PHRASE) if b else ""
    weight = 0.5 + 0.1 * min(len(content_words(a)) + len(content_words(b)), 10)
    if a and b:
        x, y = sorted([ta, tb], key=str.casefold)
        explanation = (
            f'The wording differs: "{x}" vs "{y}". A different choice of words can shift '
            "emphasis or tone even when the facts stay the same."
        )
        label, key = f'"{x}" vs "{y}"', f"{x.casefold()}|{y.casefold()}"
    else:
        only = ta or tb
        # The other side's neighbouring word anchors the span, so both outlets are shown.
        other, tokens, k = (pair.b, pair.b_tokens, at[1]) if a else (pair.a, pair.a_tokens, at[0])
        k = min(k, len(tokens) - 1)
        spans[other] = (ctx.tokens_span(other, tokens[k : k + 1]),)
        explanation = (
            f'Only one version includes "{only}". Adding or leaving out a detail changes what '
            "the reader learns from the same passage."
        )
        label, key = f'"{only}" only in one version', f"{only.casefold()}|-"
        weight -= 0.2
    return Candidate(
        kind=Kind.WORDING_CHANGE,
        severity=Severity.LOW,
        passage_id=pair.passage_id,
        key=key,
        spans=spans,
        explanation=explanation,
        label=label,
        weight=round(weight, 3),
    )
