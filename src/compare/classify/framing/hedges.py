"""Rule family: hedge_change.

Why it matters: "reportedly", "allegedly" and "so-called"
tell the reader the writer has not confirmed a claim or does not adopt a
label.  Dropping the hedge turns a claim into an apparent fact; adding one
casts doubt.  Number approximators ("at least 13" vs "13") are compared with
their numbers in ``numbers``; this module handles word hedges from
``classify_hedges.txt``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from compare.claims.attributed_frames import OPENING_MARKS
from compare.claims.hedge_words import Hedge, hedges
from compare.claims.legal import legal_source
from compare.claims.number_lexicon import number_words
from compare.claims.schedule import DETERMINERS
from compare.claims.sources import SENTENCE_END, markers, source_range
from compare.claims.words import content_words, has_run, stem
from compare.classify.base import Candidate, Context, earlier_note, quote_overlapping
from compare.classify.pairs import CellPair, cell_pairs
from compare.classify.same_content import same_content
from compare.model import Kind, Severity, Span, Token
from compare.text.wordnet import same_lemma

_MEANING = {
    "hearsay": "marks the claim as second-hand, not confirmed by the writer",
    "doubt": "signals that the claim is unproven or disputed",
    "distance": "shows the writer does not adopt the label as their own",
    "likely": "presents it as a probability, not a certainty",
}


def _phrase(tokens: Sequence[Token], h: Hedge) -> tuple[str, ...]:
    return tuple(t.norm for t in tokens[h[0] : h[1]])


def find(ctx: Context) -> list[Candidate]:
    """Hedges one version has and the other lacks or replaces."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        if not same_content(ctx, pair):
            continue  # two statements on one theme: neither hedges the other's claim
        ha, hb = hedges(pair.a_tokens), hedges(pair.b_tokens)
        mask_a, mask_b = pair.a_quoted, pair.b_quoted
        count_a = Counter(_phrase(pair.a_tokens, h) for h in ha)
        count_b = Counter(_phrase(pair.b_tokens, h) for h in hb)
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            # A hedge overlapping the edit, not only one starting in it: "are believed to"
            # where "are" is shared and "believed to be" added (read blind: missed).
            in_a = [
                h
                for h in ha
                if h[0] < i2
                and h[1] > i1
                and count_a[_phrase(pair.a_tokens, h)] > count_b[_phrase(pair.a_tokens, h)]
            ]
            in_b = [
                h
                for h in hb
                if h[0] < j2
                and h[1] > j1
                and count_b[_phrase(pair.b_tokens, h)] > count_a[_phrase(pair.b_tokens, h)]
            ]
            # A quoted hedge is the speaker's word, unless the other version tells the same
            # words as its own paraphrase of that speaker (``_paraphrase_drops``).
            quoted_a = {h for h in in_a if mask_a[h[0]]}
            quoted_b = {h for h in in_b if mask_b[h[0]]}
            in_a = [
                h
                for h in in_a
                if h not in quoted_a
                or _paraphrase_drops(pair, pair.a_tokens, mask_a, h, mask_b, j1, j2)
            ]
            in_b = [
                h
                for h in in_b
                if h not in quoted_b
                or _paraphrase_drops(pair, pair.b_tokens, mask_b, h, mask_a, i1, i2)
            ]
            in_a = [h for h in in_a if not _forbids(pair.a_tokens, h, pair.b_tokens)]
            in_b = [h for h in in_b if not _forbids(pair.b_tokens, h, pair.a_tokens)]
            if in_a and in_b:
                # Two hedges of one class ("could be" / "may be", "allegedly" / "accused
                # of") tell the reader the same: the words differ, the hedge does not.
                if in_a[0][2] != in_b[0][2]:
                    out.append(_swapped(ctx, pair, in_a[0], in_b[0]))
            elif (in_a and _all_quoted(mask_b, j1, j2)) or (in_b and _all_quoted(mask_a, i1, i2)):
                continue  # the other version quotes a speaker there: credited, not stated as fact
            elif (in_a or in_b) and _apart(pair, (in_a or in_b)[0]):
                continue  # the writer's odds or hearsay in a sentence the other wrote apart
            elif in_a or in_b:
                # The hedge and its word against a short stretch of the other version, in
                # one sentence edited: "appeared to originate in" / "struck".
                swapped = (
                    op == "replace"
                    and pair.written_together()
                    and 0
                    < len(content_words(pair.b_tokens[j1:j2] if in_a else pair.a_tokens[i1:i2]))
                    <= SWAPPED_WORDS
                    and _claim_goes_on(pair, i2)
                )
                found = (
                    _one_sided(
                        ctx,
                        pair.passage_id,
                        pair.a,
                        pair.a_tokens,
                        in_a[0],
                        pair.b,
                        pair.b_tokens,
                        j1,
                        j2,
                        swapped=swapped,
                    )
                    if in_a
                    else _one_sided(
                        ctx,
                        pair.passage_id,
                        pair.b,
                        pair.b_tokens,
                        in_b[0],
                        pair.a,
                        pair.a_tokens,
                        i1,
                        i2,
                        swapped=swapped,
                    )
                )
                if found is not None and (in_a or in_b)[0] in quoted_a | quoted_b:
                    found = replace(found, explanation=found.explanation + _PARAPHRASED)
                if found is not None:
                    out.append(found)
        swaps = _modal_swaps(ctx, pair)
        if swaps:
            # "must present" / "may present": the swap says it better than "may" vs no hedge
            out = [c for c in out if not any(quote_overlapping(c.spans, m.spans) for m in swaps)]
            out.extend(swaps)
    return out


# The force of a modal verb: what it says of the event's odds.  "will" / "would" (the
# reported "will"), "shall" and "must" state it; "could", "may", "might" and "can" give it
# as possible; "should" as expected.  Swaps within a class ("may" / "might") say the same.
_MODAL_FORCE = {
    "will": "certain", "would": "certain", "shall": "certain", "must": "certain",
    "could": "possible", "may": "possible", "might": "possible", "can": "possible",
    "should": "expected",
}  # fmt: skip
_MODAL_SAYS = {
    "certain": "states it as certain",
    "possible": "gives it only as possible",
    "expected": "gives it as expected, not certain",
}
MODAL_CONTEXT = 3  # words alike on each side of a swapped modal: one sentence, one edit


def _modal_swaps(ctx: Context, pair: CellPair) -> list[Candidate]:
    """A modal verb swapped for one of another force in one sentence edited ("will reach" /
    "could reach").

    Why: "Our teams will reach them by Thursday" and "could reach them" differ
    in what is promised, and the word lists of hedges hold "could be", not
    every "could" + verb.  Read blind, every such swap in wire copy was
    planted and missed.  Only a one-word swap with ``MODAL_CONTEXT`` words
    alike on each side counts: the sentence is one copy, so the modal is the
    whole change; in sentences written apart a modal says too little alone.
    Inside quotation marks it counts too: one version quotes the speaker
    with another word.
    """
    out: list[Candidate] = []
    for i1, j1, width in pair.lone_swaps(MODAL_CONTEXT):
        wa, wb = pair.a_tokens[i1].norm, pair.b_tokens[j1].norm
        fa, fb = _MODAL_FORCE.get(wa), _MODAL_FORCE.get(wb)
        if fa is None or fb is None or fa == fb:
            continue
        if width == 2 and _MODAL_FORCE.get(pair.b_tokens[j1 + 1].norm):
            continue
        j2 = j1 + width
        sa = ctx.tokens_span(pair.a, pair.a_tokens[i1 : i1 + 2])
        sb = ctx.tokens_span(pair.b, pair.b_tokens[j1 : j2 + 1])
        (x, cx), (y, cy) = sorted([(sa.text, fa), (sb.text, fb)], key=lambda p: p[0].casefold())
        quoted = pair.a_quoted[i1] and pair.b_quoted[j1]
        out.append(
            Candidate(
                kind=Kind.HEDGE_CHANGE,
                severity=Severity.MEDIUM,
                passage_id=pair.passage_id,
                key=f"modal:{x.casefold()}|{y.casefold()}",
                spans={pair.a: (sa,), pair.b: (sb,)},
                explanation=f'The same sentence says "{x}" in one version and "{y}" in '
                f'another: "{x}" {_MODAL_SAYS[cx]}, "{y}" {_MODAL_SAYS[cy]}.'
                + (
                    " The words are inside a quotation, so one version quotes the speaker "
                    "with another word."
                    if quoted
                    else ""
                ),
                label=f'"{x}" vs "{y}"',
                weight=0.8,
            )
        )
    return out


# What a rule says is not allowed: the other version's words for a "may not" of permission.
_BANNED = frozenset(
    {"banned", "ban", "bans", "prohibited", "forbidden", "outlawed", "barred", "allowed",
     "permitted", "illegal"}
)  # fmt: skip


def _forbids(tokens: Sequence[Token], hedge: tuple[int, int, str], other: Sequence[Token]) -> bool:
    """Is "may not" a prohibition the other version states as one ("banned")?

    Why: "Gardens may not be watered" against "Watering gardens is banned" is
    the same rule, not a claim hedged; read blind, it was reported as "may"
    against no hedge.  Only "may not" / "might not", and only when the other
    version has a word of banning or permitting.
    """
    start = hedge[0]
    if tokens[start].norm not in ("may", "might") or start + 1 >= len(tokens):
        return False
    return tokens[start + 1].norm == "not" and any(t.norm in _BANNED for t in other)


# Hedge classes that weigh the writer's own odds or sources ("likely", "appeared to",
# "reportedly").
_WRITERS_ODDS = frozenset({"likely", "hearsay"})


def _claim_goes_on(pair: CellPair, i2: int) -> bool:
    """Do both versions go on alike after a change ending at ``i2`` in ``a``?

    ``SHARED_AFTER`` content words in the equal run that follows: the claim's
    object is the same ("... a storage unit at the site"), so the changed
    words are one claim's verb, not another claim ("may have been mentally
    ill" / "was new to the town").
    """
    for op, k1, k2, _j1, _j2 in pair.opcodes:
        if k1 == i2 and op == "equal":
            return len(content_words(pair.a_tokens[k1:k2])) >= SHARED_AFTER
    return False


def _apart(pair: CellPair, h: Hedge) -> bool:
    """Is ``h`` a probability or hearsay hedge in a pair of cells written apart?

    Not written together: under ``pairs.WRITTEN_TOGETHER`` of tokens shared.

    Why: "the minister appeared to play down the risk" against another
    outlet's own sentence on the risk does not make that sentence state it as fact;
    how sure a writer sounds belongs to one sentence.  Read blind on the
    development and BASIL sets, the three such hedges in cells not written
    together were wrong or trivial ("appeared to",
    "likely", "reportedly"); the gold ones of the invented stories share
    three quarters.  A doubt ("alleged") is kept at any share: it attaches to
    a charge, which outlets state or hedge in sentences of their own.
    """
    return h[2] in _WRITERS_ODDS and not pair.written_together()


_PARAPHRASED = (
    " The hedge is in the speaker's own words, quoted; the other version tells those words "
    "as its own paraphrase and leaves it out."
)
FRAGMENT_REACH = 3  # tokens between a quotation's opening mark and the hedge inside it


def _paraphrase_drops(
    pair: CellPair,
    tokens: Sequence[Token],
    mask: Sequence[bool],
    h: Hedge,
    other_mask: Sequence[bool],
    lo: int,
    hi: int,
) -> bool:
    """Is a quoted hedge dropped by the other version's paraphrase of the same words?

    Why: 'the minister said the fire "appears to have been set deliberately"'
    against "He said the fire had been set deliberately" (read blind,
    seventeenth round: planted and missed): the hedge is the speaker's, but
    the other outlet tells the same statement in its own voice without it.
    Only a short quotation opening at most ``FRAGMENT_REACH`` tokens before
    the hedge, inside a sentence the writer runs on ("said the fire
    '...'"), against a stretch of the other version outside quotation marks,
    in cells written together.
    """
    if not pair.written_together() or _all_quoted(other_mask, lo, hi):
        return False
    opening = next(
        (k for k in range(h[0], max(h[0] - FRAGMENT_REACH, 0) - 1, -1) if not mask[k]), None
    )
    if opening is None or tokens[opening].text not in OPENING_MARKS:
        return False  # the quotation opens further back: a whole quoted statement
    return opening > 1 and not any(t.norm in SENTENCE_END for t in tokens[opening - 2 : opening])


def _all_quoted(mask: Sequence[bool], lo: int, hi: int) -> bool:
    """Do the tokens ``lo``..``hi`` (or the one at ``lo`` for an empty range) stand in quotes?

    Why: a hedge is the writer's; inside quotation marks the words are the
    speaker's ("'Your budget appears to reflect ...,' says the letter"), and
    a speaker quoted without one is credited with the claim, not stating it
    as the outlet's fact.  Read blind, such hedge findings were all wrong.
    """
    if not mask:
        return False
    if hi <= lo:
        return mask[min(lo, len(mask) - 1)]
    return all(mask[lo:hi])


def _near(ctx: Context, article_id: str, tokens: Sequence[Token], lo: int, hi: int) -> Span:
    """What the other version has where the hedge would be: the replaced words or the next word."""
    if hi > lo:
        return ctx.tokens_span(article_id, tuple(tokens[lo:hi]))
    at = min(lo, len(tokens) - 1)
    return ctx.tokens_span(article_id, tuple(tokens[at : at + 1]))


QUALIFIED_WINDOW = 4  # tokens after a hedge where the word it qualifies is looked for
SWAPPED_WORDS = 3  # content words the other version may put where the hedged words stand
SHARED_AFTER = 3  # content words both versions share right after such a stretch


def _qualified(tokens: Sequence[Token], h: Hedge) -> tuple[str, int] | None:
    """The stem and index of the first content word after a hedge (the word it qualifies).

    Numbers are passed over: "about 10 minutes" against "eight minutes" is
    one claim whose figure differs, and the figure is the numbers rule's.
    """
    numbers = number_words()
    for k in range(h[1], min(h[1] + QUALIFIED_WINDOW, len(tokens))):
        t = tokens[k]
        if any(c.isdigit() for c in t.norm) or t.norm in numbers:
            continue
        if content_words([t]):
            return stem(t.norm), k
    return None


def _distancing(h: Hedge) -> bool:
    """Is the hedge one that distances the writer from a label ("so-called")?"""
    return h[2] == "distance"


def _in_scare_quotes(tokens: Sequence[Token], at: int) -> bool:
    """Does the word at ``at`` open a phrase set in quotation marks ('the "marriage penalty"')?

    Why: quotation marks around a label keep the same distance "so-called"
    does (AP Stylebook, "so-called": use it or the quotation marks, not both);
    read blind, "so-called" against the quoted label was no hedge change.
    """
    return at > 0 and tokens[at - 1].text in OPENING_MARKS


def _claim_words(tokens: Sequence[Token], at: int) -> tuple[Token, ...]:
    """The qualified word where the other version states it, with an auxiliary before it.

    Why: the reader must see the unhedged claim itself ("have stalled"), not
    whatever word stands where the hedge would be.
    """
    start = (
        at - 1
        if at > 0 and not content_words([tokens[at - 1]]) and tokens[at - 1].norm.isalpha()
        else at
    )
    return tuple(tokens[start : at + 1])


def _one_sided(
    ctx: Context,
    passage_id: str,
    has: str,
    has_tokens: Sequence[Token],
    h: Hedge,
    lacks: str,
    lacks_tokens: Sequence[Token],
    lo: int,
    hi: int,
    *,
    swapped: bool = False,
) -> Candidate | None:
    """A hedge only one version has; None when the other version lacks the claim itself.

    Why the check: a hedge is compared only on a claim both versions make.
    When the words the hedge qualifies ("alleged *harassment*", "may have
    been *mentally ill*") are nowhere in the other version's cell, that
    version does not state the claim as fact; it does not state it at all.
    Except where the hedge and its word stand against a short stretch of
    one sentence edited (``swapped``): "The blast appeared to originate in a
    storage unit" / "The blast struck a storage unit" states the same claim
    (read blind, reported as the rewording "originate in" / "struck", the
    hedge lost).
    """
    qualified = _qualified(has_tokens, h)
    stems = [stem(t.norm) for t in lacks_tokens]
    if qualified is not None and qualified[0] not in stems:
        # An irregular verb's other form ("may have begun" / "began"): the same claim.
        word = has_tokens[qualified[1]].norm
        at = next((k for k, t in enumerate(lacks_tokens) if same_lemma(word, t.norm)), None)
        if at is not None:
            qualified = (stems[at], qualified[1])
    if qualified is not None and qualified[0] not in stems:
        if not swapped:
            return None
        qualified = None  # the other version's own words stand where the hedge's claim is
    if qualified is not None and _credited(lacks_tokens, stems.index(qualified[0])):
        return None  # "accused them of throwing stones": as unproven there as "allegedly"
    if qualified is not None and _not_asserted(lacks_tokens, stems.index(qualified[0])):
        return None  # "its alleged role" vs "any role": neither states a role as fact
    if h[2] == "likely" and _weighs_odds(lacks_tokens):
        return None  # "would likely come" vs "were expected to come": both weigh the odds
    if has_tokens[h[0]].norm == "may" and _permits(lacks_tokens):
        return None  # "schools may permit" / "will be able to permit": a permission both
    if (
        qualified is not None
        and _distancing(h)
        and _in_scare_quotes(lacks_tokens, stems.index(qualified[0]))
    ):
        return None  # 'so-called "marriage penalty"' vs 'the "marriage penalty"': both distance
    # Quote the hedge with the word it qualifies ("reportedly fled"), and the other
    # version's same word ("fled"), so the reader sees the claim on both sides.
    end = qualified[1] + 1 if qualified is not None else min(h[1] + 1, len(has_tokens))
    hedged = ctx.tokens_span(has, tuple(has_tokens[h[0] : end]))
    if qualified is None:
        plain = _near(ctx, lacks, lacks_tokens, lo, hi)
    else:
        claim = _claim_words(lacks_tokens, stems.index(qualified[0]))
        start = lacks_tokens.index(claim[0])
        if lo < hi and start - 1 <= hi <= start + len(claim):
            # What the other version has in the hedge's place, with the claim it
            # leads to: 'what it called "legitimate"', 'the US have stalled'.
            claim = tuple(lacks_tokens[lo : start + len(claim)])
        plain = ctx.tokens_span(lacks, claim)
    word = " ".join(t.text for t in has_tokens[h[0] : h[1]])
    flat = qualified is not None and _flat_elsewhere(ctx, has, hedged, has_tokens[qualified[1] :])
    earlier = not _distancing(h) and earlier_note(ctx, has, [lacks]) is not None
    return Candidate(
        kind=Kind.HEDGE_CHANGE,
        severity=Severity.LOW if flat else Severity.MEDIUM,
        passage_id=passage_id,
        key=f"hedge:{word.casefold()}|-",
        spans={has: (hedged,), lacks: (plain,)},
        # "One version ... another does not", never "only one": the finding merges every
        # pair of outlets, and read blind, "only one" was untrue where two of three hedged.
        explanation=f'One version hedges the claim with "{word}", which '
        f"{_MEANING.get(h[2], 'qualifies the claim')}; another does not, so there the claim "
        "reads as established fact."
        + (
            " The hedging outlet itself states the claim without a hedge elsewhere, so the "
            "hedge may carry little weight."
            if flat
            else ""
        )
        + (
            " The hedged version was published earlier, perhaps before the claim was "
            "confirmed, so the difference may be timing, not a choice of words."
            if earlier
            else ""
        ),
        label=f'"{word}" vs no hedge',
        weight=1.0,
        confidence=FLAT_CONFIDENCE if flat or earlier else 1.0,
    )


# Determiners that name a thing without saying it exists ("denied any role", "no role").
_NON_ASSERTIVE = frozenset({"any", "no"})


def _not_asserted(tokens: Sequence[Token], at: int) -> bool:
    """Does "any" or "no" stand right before the claim's word (one modifier between allowed)?

    Why: "Saudi Arabia's alleged role" against "questions about any role it
    played" is no hedge dropped: "any role" does not state that there was
    one, it asks whether.  Read blind on BASIL, such a finding was judged
    wrong.
    """
    before = [t.norm for t in tokens[max(0, at - 2) : at]]
    if before and before[-1] in _NON_ASSERTIVE:
        return True
    return len(before) == 2 and before[0] in _NON_ASSERTIVE and before[1].isalpha()


# Reporting verbs that themselves mark a claim as unproven: an accuser's or a doubted claim.
_UNPROVEN = frozenset({"accusation", "doubt"})


def _credited(tokens: Sequence[Token], at: int) -> bool:
    """Does a verb of accusation or doubt, or a charge, before token ``at`` carry the claim?

    Why: "allegedly threw stones" against "residents accused the protesters
    of throwing stones" is no hedge dropped: the second version
    puts the claim in its accusers' mouths, as unproven as "allegedly".
    Read blind on the serious-kinds set, such a finding was judged wrong.
    A neutral verb ("scientists say") still asserts the claim through its
    source, so "may be making downpours more frequent" against it stays a
    hedge change.  The verb must stand before the claim's word with no
    sentence end between them.
    """
    for start, end, cls in markers(tokens):
        if start >= at:
            continue
        # A charging document credits its charge in any verb ("the indictment says"):
        # AP Stylebook, "allege"; ``claims.legal``.
        if cls not in _UNPROVEN and not legal_source(
            tokens[slice(*source_range(tokens, start, end))]
        ):
            continue
        if not any(t.norm in SENTENCE_END for t in tokens[start:at]):
            return True
    # A charge in the passive ("is charged with killing", "suspected of"): the claim is the
    # charge's, as unproven as "allegedly".
    norms = [t.norm for t in tokens[:at]]
    for k in range(len(norms) - 1):
        if (norms[k], norms[k + 1]) in _CHARGED and not any(n in SENTENCE_END for n in norms[k:at]):
            return True
    # The plain present "accuse" (kept out of the reporting verbs, where it took
    # quotations from their speakers): "whom prosecutors accuse of taking bribes" puts
    # the claim in its accusers' mouths when "of" leads to it.
    for k, norm in enumerate(norms):
        if (
            norm == "accuse"
            and "of" in norms[k + 1 : k + 5]
            and not any(n in SENTENCE_END for n in norms[k:at])
        ):
            return True
    return False


_CHARGED = frozenset(
    {("charged", "with"), ("suspected", "of"), ("indicted", "on"), ("indicted", "for")}
)


# Words that present a claim as a prediction or a possibility without being listed hedges:
# a version using one does not state the claim as certain.
_ODDS = (
    ("expected", "to"), ("expects",), ("expect",), ("possibility",), ("possible",),
    ("likelihood",), ("projected", "to"), ("predicted", "to"), ("forecast", "to"),
)  # fmt: skip


def _weighs_odds(tokens: Sequence[Token]) -> bool:
    """Does the other version weigh the odds in words the hedge list does not hold?

    Why: a probability hedge ("likely", "may have") against "were expected to
    come" or "the possibility that she violated" is no claim turned into a
    fact; read blind on the BASIL training events, both such findings were
    wrong.  Only blocks a finding: these words make none of their own.

    >>> from compare.align.segment import tokenize as t
    >>> _weighs_odds(t("Savings were expected to come from cuts.")), _weighs_odds(t("It came."))
    (True, False)
    """
    norms = [t.norm for t in tokens]
    return any(has_run(norms, list(phrase)) for phrase in _ODDS) or _scheduled(norms)


_PERMISSION = (("able", "to"), ("allowed", "to"), ("permitted", "to"), ("free", "to"))


def _permits(tokens: Sequence[Token]) -> bool:
    """Does the version without "may" grant a permission ("will be able to permit", "are
    allowed to")?  Then the other's "may" is the permission's, no hedge: read blind
    (twenty-third round), "Schools may permit phones" against "will be able to permit" was
    called a hedge dropped.

    >>> from compare.align.segment import tokenize as t
    >>> _permits(t("Schools will be able to permit phones.")), _permits(t("Schools permit it."))
    (True, False)
    """
    norms = [t.norm for t in tokens]
    return any(has_run(norms, list(phrase)) for phrase in _PERMISSION)


_BE_DUE = frozenset({"is", "are", "was", "were"})


def _scheduled(norms: Sequence[str]) -> bool:
    """ "were due to reopen": a schedule, as much a forecast as "are expected to reopen"
    (read blind, twenty-second round, a hedge called dropped); not "is due to the strike",
    a cause, whose "to" leads to a determiner.

    >>> _scheduled("schools were due to reopen".split()), _scheduled("is due to the strike".split())
    (True, False)
    """
    return any(
        norms[k] in _BE_DUE
        and norms[k + 1 : k + 3] == ["due", "to"]
        and norms[k + 3] not in DETERMINERS
        and norms[k + 3].isalpha()
        for k in range(len(norms) - 3)
    )


# A hedge its own outlet drops elsewhere, or one only an earlier article has ("likely to
# include" in a preview, "includes" once the plan is out): never a headline.
FLAT_CONFIDENCE = 0.5


def _flat_elsewhere(ctx: Context, article_id: str, hedged: Span, claim: Sequence[Token]) -> bool:
    """Does the hedging article state the hedged claim without a hedge in another sentence?

    Why: "who allegedly set herself on fire" is a reflexive hedge when the same
    article later says "she set herself on fire" flatly; a reader learns
    little from the other outlet's lacking it.  The claim is the qualified
    word and the word after it ("set herself"), matched by stem, in a
    sentence with no hedge of its own.
    """
    words = [stem(t.norm) for t in claim if any(c.isalnum() for c in t.norm)][:2]
    if len(words) < 2:
        return False
    for sentence in ctx.articles[article_id].sentences:
        if sentence.start <= hedged.start < sentence.end or hedges(sentence.tokens):
            continue
        stems = [stem(t.norm) for t in sentence.tokens if any(c.isalnum() for c in t.norm)]
        if any(stems[k : k + 2] == words for k in range(len(stems) - 1)):
            return True
    return False


def _swapped(ctx: Context, pair: CellPair, ha: Hedge, hb: Hedge) -> Candidate:
    sa = ctx.tokens_span(pair.a, pair.a_tokens[ha[0] : ha[1]])
    sb = ctx.tokens_span(pair.b, pair.b_tokens[hb[0] : hb[1]])
    (x, cx), (y, cy) = sorted([(sa.text, ha[2]), (sb.text, hb[2])], key=lambda p: p[0].casefold())
    return Candidate(
        kind=Kind.HEDGE_CHANGE,
        severity=Severity.MEDIUM,
        passage_id=pair.passage_id,
        key=f"hedge:{x.casefold()}|{y.casefold()}",
        spans={pair.a: (sa,), pair.b: (sb,)},
        explanation=f'The hedge differs: "{x}" vs "{y}". "{x}" {_MEANING.get(cx, "")}; "{y}" '
        f"{_MEANING.get(cy, '')}.",
        label=f'"{x}" vs "{y}"',
        weight=0.8,
    )
