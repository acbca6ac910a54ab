"""Loaded swaps the lexicon does not list: another identity, a sharper tone.

Why two signals beyond the lexicon: a proper adjective swapped before a
group noun ("Xish soldiers" vs "Yish soldiers") names an actor by another
identity, and VADER valences catch unseen swaps whose tone differs sharply
("thugs" for "youths").  The valences are shipped as a data file with
VADER's MIT licence (``data/loaded_vader_valences.txt``) rather than taken
from the unmaintained vaderSentiment package, which pulls in ``requests``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import cache

from compare.claims.number_lexicon import events, number_words
from compare.claims.words import group_nouns, has_run, is_word, stem
from compare.classify.base import Candidate, Context
from compare.classify.cells import is_variant_elsewhere
from compare.classify.pairs import CellPair
from compare.model import Kind, Severity, Token
from compare.text import lexicons

VALENCE_GAP = 1.8  # VADER scale is -4..+4
VALENCE_STRONG = 2.0
# An emotive word one version adds to shared wording ("a hellish heatwave" / "a
# heatwave"): only sharply negative words count, since an added word of milder tone
# ("severe", "serious") is as often a fact as a framing.
ADDED_STRONG = 2.5
ADDED_MAX_WORDS = 4  # an insertion longer than this is added material, not a word of tone
ADDED_CONFIDENCE = 0.8  # tone read from one word's valence: not sure enough for a headline
VALENCES_FILE = "loaded_vader_valences.txt"


@cache
def _valences() -> dict[str, float]:
    return {word: float(value) for word, value in lexicons.rows(VALENCES_FILE)}


# Degree words VADER scores as negative: "the worst-hit districts", "worse than forecast"
# grade how much, as "hardest" and "most affected" do (read blind: "worst hit" against
# "most affected" was no tone, only a degree).
_DEGREE = frozenset({"worst", "worse"})
# Particles of a phrasal verb: "drowned out speakers" is not "drowned" describing "out".
_PARTICLES = frozenset({"out", "off", "up", "down", "away", "over", "back"})


def valence(word: str) -> float | None:
    """VADER valence of a word or a simple inflection of it ("slammed" -> "slam").

    >>> valence("slammed"), valence("table")
    (-1.6, None)
    """
    lex = _valences()
    w = word.casefold()
    if w in _DEGREE:
        return None
    forms = [w] + [w[: -len(end)] for end in ("s", "es", "d", "ed", "ing") if w.endswith(end)]
    if w.endswith(("ed", "ing")):
        base = w[:-2] if w.endswith("ed") else w[:-3]
        forms += [base + "e", base[:-1] if len(base) > 3 and base[-1] == base[-2] else ""]
    for form in forms:
        if form and form in lex:
            return lex[form]
    return None


def _proper(tokens: Sequence[Token]) -> bool:
    words = [t for t in tokens if is_word(t)]
    return 0 < len(words) <= 3 and all(t.text[:1].isupper() for t in words)


def _alike(a: str, b: str) -> bool:
    x, y = stem(a), stem(b)
    if x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x))):
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.75 or is_variant_elsewhere(a, b)


def _folded_words(tokens: Sequence[Token]) -> set[str]:
    """A segment's words, hyphened parts apart, case and accents folded ("Haut-Sénou" ->
    {"haut", "senou"})."""
    out: set[str] = set()
    for t in tokens:
        plain = unicodedata.normalize("NFKD", t.text.casefold())
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        out.update(w for w in plain.split("-") if w.isalpha())
    return out


def _one_name(seg_a: Sequence[Token], seg_b: Sequence[Token]) -> bool:
    """Do two capitalised segments share a word: one name told two ways, not two identities?

    Read blind (twenty-second round): "Haut-Sénou region" / "Upper Senou region", a place
    named in its own language and half translated, was called a group named by another
    identity.

    >>> from compare.align.segment import tokenize as t
    >>> _one_name(t("Haut-Sénou"), t("Upper Senou")), _one_name(t("Serbian"), t("Croatian"))
    (True, False)
    """
    return bool(_folded_words(seg_a) & _folded_words(seg_b))


def demonym(ctx: Context, pair: CellPair, i1: int, i2: int, j1: int, j2: int) -> Candidate | None:
    """ "Xish soldiers" vs "Yish soldiers": a group named by another identity."""
    # A figure replaced alongside ("12 Xish" / "15 Yish") belongs to the numbers rule.
    while i1 < i2 - 1 and pair.a_tokens[i1].text[:1].isdigit():
        i1 += 1
    while j1 < j2 - 1 and pair.b_tokens[j1].text[:1].isdigit():
        j1 += 1
    seg_a, seg_b = pair.a_tokens[i1:i2], pair.b_tokens[j1:j2]
    if (
        not (_proper(seg_a) and _proper(seg_b))
        # "— Eight people" / "— Nine people": a count capitalised after a dash, no identity
        or any(t.norm in number_words() for t in (*seg_a, *seg_b))
        or i2 >= len(pair.a_tokens)
        or j2 >= len(pair.b_tokens)
    ):
        return None
    noun = pair.a_tokens[i2].norm
    if noun != pair.b_tokens[j2].norm or noun not in group_nouns() or i1 == 0 or j1 == 0:
        return None  # sentence-initial capitals are not evidence of a proper adjective
    text_a = " ".join(t.text for t in seg_a)
    text_b = " ".join(t.text for t in seg_b)
    if _alike(text_a, text_b) or is_variant_elsewhere(text_a, text_b) or _one_name(seg_a, seg_b):
        return None
    sa = ctx.tokens_span(pair.a, pair.a_tokens[i1 : i2 + 1])
    sb = ctx.tokens_span(pair.b, pair.b_tokens[j1 : j2 + 1])
    x, y = sorted([sa.text, sb.text], key=str.casefold)
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"group:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (sa,), pair.b: (sb,)},
        explanation=f'The same group is named by a different identity: "{x}" vs "{y}". '
        "Who a group is said to belong to frames whose side it is on.",
        label=f'"{x}" vs "{y}"',
        weight=1.1,
    )


def tone(
    ctx: Context,
    pair: CellPair,
    seg_a: Sequence[Token],
    seg_b: Sequence[Token],
    quoted: tuple[Sequence[bool], Sequence[bool]],
) -> Candidate | None:
    """A short swap whose VADER valences differ sharply ("terrorists" vs "fighters").

    ``quoted`` holds each segment's quote mask: a word inside quotation marks
    is the speaker's ('his “shameful” remarks' quoting an apology), not the
    outlet's tone, so its valence does not count.  Read blind, such a finding
    was judged wrong.
    """
    wa, wb = [t for t in seg_a if is_word(t)], [t for t in seg_b if is_word(t)]
    if not (0 < len(wa) <= 3 and 0 < len(wb) <= 3):
        return None
    qa, qb = quoted
    va = [v for t, q in zip(seg_a, qa, strict=True) if not q and (v := valence(t.norm)) is not None]
    vb = [v for t, q in zip(seg_b, qb, strict=True) if not q and (v := valence(t.norm)) is not None]
    if not va or not vb:
        return None
    # Two words for one event ("jailed for" / "sentenced to", "slain" / "killed"): the
    # valence is the event's, which both versions report, not a tone one of them adds.
    ea, eb = ({e[0] for t in w if (e := events().get(t.norm))} for w in (wa, wb))
    if ea & eb:
        return None
    # The darker side's tone all from verbs for what happened ("kills" / "leaves ... dead"):
    # its valence is the event's, a fact, not the outlet's tone.  Read blind, two
    # headlines' "kills" / "explosion leaves" were reported as a tone swap, judged wrong.
    darker = wa if sum(va) < sum(vb) else wb
    if all(t.norm in events() for t in darker if valence(t.norm) is not None):
        return None
    sa, sb = sum(va), sum(vb)
    # Framing by tone is pejoration ("thugs" for "youths"); a sharply *positive*
    # everyday verb ("save", "handed") swapped for a flat one is rewording.
    if abs(sa - sb) < VALENCE_GAP or min(sa, sb) > -VALENCE_STRONG:
        return None
    span_a, span_b = ctx.tokens_span(pair.a, tuple(seg_a)), ctx.tokens_span(pair.b, tuple(seg_b))
    (x, vx), (y, vy) = sorted([(span_a.text, sa), (span_b.text, sb)], key=lambda p: p[1])
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"tone:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (span_a,), pair.b: (span_b,)},
        explanation=f'"{x}" is much more negative in tone than "{y}" (VADER scores {vx:+.1f} vs '
        f"{vy:+.1f} on a -4 to +4 scale), which colours how the reader sees the same event.",
        label=f'"{x}" vs "{y}"',
        weight=0.8 + abs(vx - vy) / 10,
    )


def emotive(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    quoted: Sequence[bool] = (),
    *,
    described: bool = True,
) -> int | None:
    """Index of the one sharply negative describing word in ``tokens[lo:hi]``, or None.

    The word must be sharply negative in VADER (``ADDED_STRONG``), stand
    before a plain content word (it describes something, as "hellish"
    describes the heatwave), lie outside quotation marks, and not be a word
    for what happened ("killed", "injured": the event, which is a fact).
    ``described=False`` skips the test of the word after (a caller that
    holds the added words without the sentence around them).

    >>> from compare.align.segment import tokenize as t
    >>> emotive(t("a hellish heatwave"), 0, 3), emotive(t("killed residents"), 0, 2)
    (1, None)
    """
    words = [t for t in tokens[lo:hi] if is_word(t)]
    if not 0 < len(words) <= ADDED_MAX_WORDS:
        return None
    strong = [
        k
        for k in range(lo, hi)
        if is_word(tokens[k])
        and not (quoted and quoted[k])
        and tokens[k].norm not in events()
        and (v := valence(tokens[k].norm)) is not None
        and v <= -ADDED_STRONG
    ]
    if len(strong) != 1:
        return None
    if not described:
        return strong[0]
    after = tokens[strong[0] + 1 : strong[0] + 2]
    if not after or not is_word(after[0]) or not after[0].text[:1].isalpha():
        return None
    if after[0].norm in _PARTICLES:
        return None  # "drowned out speakers": a phrasal verb, nothing described
    if after[0].norm in events():
        return None
    return strong[0]


def uses_term(ctx: Context, article_id: str, term: Sequence[Token]) -> bool:
    """Does the article use the term (same word stems, in order) anywhere?

    Why: "refused" against another outlet's "declined" is a framing choice
    only if that outlet avoids the word; read blind, an outlet that wrote
    "refused" two paragraphs later was reported as preferring the plainer
    word.  So with a tone one version adds: "To enforce the ban, ..." against
    "... to police the ban" put "ban" elsewhere in the sentence, and it was
    read blind (eighteenth round) as an emotive word one version adds.
    """
    stems = [stem(t.norm) for t in term]
    return any(
        has_run([stem(t.norm) for t in sentence.tokens], stems)
        for sentence in ctx.articles[article_id].sentences
    )


def added_tone(
    ctx: Context, pair: CellPair, side: str, span: tuple[int, int], at: int,
    quoted: Sequence[bool],
) -> Candidate | None:  # fmt: skip
    """An emotive word one version adds to wording both share ("Terrified residents").

    Why: read blind, "a hellish heatwave", "households battling the
    apocalyptic heat" and "Terrified residents described ..." against the
    same sentences without the word were reported as plain rewordings,
    "a detail" at the lowest severity, where an editor sees the outlet's
    tone (``emotive`` says which words count).  ``span`` is the added
    stretch on ``side``; ``at`` where it would stand in the other version.
    """
    tokens = pair.a_tokens if side == pair.a else pair.b_tokens
    k = emotive(tokens, *span, quoted)
    if k is None:
        return None
    word = ctx.tokens_span(side, (tokens[k],))
    other = pair.b if side == pair.a else pair.a
    other_tokens = pair.b_tokens if side == pair.a else pair.a_tokens
    if uses_term(ctx, other, tokens[k : k + 1]):
        return None  # "the ban" moved within the sentence, or said elsewhere: no added tone
    noun = stem(tokens[k + 1].norm)
    place = next((t for t in other_tokens if stem(t.norm) == noun), None)
    if place is None:  # what it describes is added too ("battling the apocalyptic heat")
        place = other_tokens[max(at - 1, 0)]
    there = ctx.tokens_span(other, (place,))
    score = valence(tokens[k].norm) or 0.0
    return Candidate(
        kind=Kind.LOADED_TERM,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"added-tone:{word.text.casefold()}",
        spans={side: (word,), other: (there,)},
        explanation=f'Only one version adds "{word.text}" (VADER score {score:+.1f} on a -4 to '
        f"+4 scale) to wording the others share: an emotive word that colours how the reader "
        "sees the same facts.",
        label=f'"{word.text}" added',
        weight=0.8,
        confidence=ADDED_CONFIDENCE,
    )
