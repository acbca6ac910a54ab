"""Rule family: attribution_change.

Why it matters: "police said the man fled" tells the reader who vouches for
the claim; "the man fled" presents it as established fact.  Swapping the
reporting verb ("said" -> "alleged", "admitted", "insisted") adds the
writer's judgement of the speaker.  Reporting verbs and their stance classes
live in ``classify_report_verbs.txt``.

Layout: this module finds where attribution differs; ``claims.sources``
reads who is credited; ``attribution.findings`` quotes and explains each
change.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.attributed import FACT, article_claims
from compare.claims.attributed_frames import CLOSE_QUOTE, QUOTE_MARKS
from compare.claims.legal import announces_act, legal_source
from compare.claims.number_lexicon import events
from compare.claims.sources import (
    Marker,
    attribution_range,
    claim_framed,
    demands,
    identifications,
    markers,
    own_plan,
    source_range,
)
from compare.claims.speakers import (
    acts_as_subject,
    credited_nearby,
    names_outlet,
    opens_with,
    party_opens,
)
from compare.claims.speakers import words as speaker_words
from compare.claims.words import content_words, stem
from compare.classify import evidence
from compare.classify.attribution import claims as attribution_claims
from compare.classify.attribution import story as attribution_story
from compare.classify.attribution.findings import (
    agent_named,
    dropped,
    retold,
    source_change,
    source_changes,
    verb_change,
    voice_swap,
)
from compare.classify.base import Candidate, Context
from compare.classify.cells import sentence_starts
from compare.classify.pairs import CellPair, cell_pairs
from compare.classify.same_content import same_content
from compare.model import Kind, Token


def _inside(found: list[Marker], lo: int, hi: int) -> list[Marker]:
    """Markers starting inside ``[lo, hi)`` or straddling ``lo``."""
    return [m for m in found if lo <= m[0] < hi or (m[0] < lo < m[1])]


def find(ctx: Context) -> list[Candidate]:
    """Attribution added or dropped, reporting verb changed, or source changed."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        if not same_content(ctx, pair):
            continue  # two statements on one theme; the story-wide claims compare those
        # A source one cell names and the other lacks (or replaces with the writer's own
        # doubt, ``voice_swap``) is no change in how one statement is credited when the
        # cells were written apart (``pairs.WRITTEN_APART``): two outlets' own sentences on
        # one theme.  Read blind on the serious-kinds set, both such findings under it were
        # wrong (a source credited with one prediction against another outlet's different
        # prediction; a group's pledge against the writer's "apparently" on another point);
        # every judged-right one, and every gold one of the seeds and the invented
        # stories, shares a quarter or more.
        apart = pair.written_apart()
        ma, mb = markers(pair.a_tokens), markers(pair.b_tokens)
        # An authority naming someone credits the content too: that side does not
        # state it as fact ("police identified the man as ..."; ``identifications``).
        ia = [] if ma else identifications(pair.a_tokens)
        ib = [] if mb else identifications(pair.b_tokens)
        before = len(out)
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            in_a, in_b = _inside(ma, i1, i2), _inside(mb, j1, j2)
            voice = None if apart else voice_swap(ctx, pair, (i1, i2), (j1, j2), in_a, in_b)
            if voice is not None:  # the precise reading of a credited-vs-doubted swap
                out.append(voice)
                continue
            if in_a and in_b:
                ca, cb = in_a[0], in_b[0]
                compared = _verbs_compared(pair, ca, cb)
                if compared is not None:
                    out.append(verb_change(ctx, pair, ca, cb, retold=compared))
            elif _verb_for_verb(op, (i1, i2), (j1, j2)):
                pass  # one verb swapped for another we do not list ("criticised" / "lambasted")
            elif apart:
                pass  # two outlets' own sentences: neither credits the other's statement
            elif (
                in_a
                and not (mb or ib)
                and _claim_dropped(
                    ctx,
                    pair,
                    pair.a_tokens,
                    (outer := _outer(pair.a_tokens, ma, in_a[0], _starts(ctx, pair, pair.a))),
                    pair.b,
                    j1,
                )
            ):
                out.append(
                    dropped(ctx, pair, pair.a, pair.a_tokens, outer, pair.b, pair.b_tokens, j1)
                )
            elif (
                in_b
                and not (ma or ia)
                and _claim_dropped(
                    ctx,
                    pair,
                    pair.b_tokens,
                    (outer := _outer(pair.b_tokens, mb, in_b[0], _starts(ctx, pair, pair.b))),
                    pair.a,
                    i1,
                )
            ):
                out.append(
                    dropped(ctx, pair, pair.b, pair.b_tokens, outer, pair.a, pair.a_tokens, i1)
                )
            found = agent_named(ctx, pair, (i1, i2), (j1, j2), ma, mb)
            if found is not None:
                out.append(found)
        # A verb inside quotation marks is the speaker's word ("“It was always told to me
        # ...”"), not the outlet crediting someone: never set against another source.
        out.extend(source_changes(ctx, pair, _unquoted(pair, ma, "a"), _unquoted(pair, mb, "b")))
        if len(out) == before:
            out.extend(_moved(ctx, pair, ma, mb))
            out.extend(_moved_source(ctx, pair, ma or ia, mb or ib))
    out.extend(attribution_claims.find(ctx))
    # The claim layer's story-wide findings, unless a word-level finding that passes
    # the evidence checks already quotes the same two sentences (it quotes the very
    # words that differ, and keeps its place in the judged verdicts).
    kept = [c for c in out if evidence.keep(ctx, c)]
    out.extend(
        c
        for c in attribution_story.find(ctx)
        if not any(_same_place(c, k) or _same_fact(c, k) for k in kept)
    )
    return out


def _same_fact(story: Candidate, kept: Candidate) -> bool:
    """Does a kept finding already quote the sentence a story-wide finding says is stated
    as fact?  One finding per such sentence, whichever outlets credit its claim."""
    if not story.key.startswith("said:unsourced:") or kept.kind is not Kind.ATTRIBUTION_CHANGE:
        return False
    aid = story.key.removeprefix("said:unsourced:").rsplit(":", 1)[0]
    return any(
        s.start < o.end and o.start < s.end
        for s in story.spans.get(aid, ())
        for o in kept.spans.get(aid, ())
    )


def _same_place(a: Candidate, b: Candidate) -> bool:
    """Do two candidates quote overlapping text in at least two of the same articles?"""
    shared = 0
    for aid, spans in a.spans.items():
        other = b.spans.get(aid, ())
        if any(s.start < o.end and o.start < s.end for s in spans for o in other):
            shared += 1
    return shared >= 2


def _moved(ctx: Context, pair: CellPair, ma: list[Marker], mb: list[Marker]) -> list[Candidate]:
    """One attribution each side, at different places ("X said ..." / "..., X admitted").

    Why: moving the attribution from the front to the end of a sentence puts
    the two verbs in different edits, so the per-edit comparison never sees
    them side by side; with one marker a side they are the same attribution.
    """
    if len(ma) != 1 or len(mb) != 1:
        return []
    (m,), (n,) = ma, mb
    if pair.a_to_b.get(m[0]) == n[0]:
        return []  # the same verb in the same place: nothing moved
    # Only the verb's stance is compared: a moved attribution is often also
    # reworded ("the company" / "the Ohio-based group"), and two descriptions
    # cannot be told apart from two different speakers.
    compared = _verbs_compared(pair, m, n)
    if compared is None:
        return []
    return [verb_change(ctx, pair, m, n, retold=compared)]


def _verbs_compared(pair: CellPair, m: Marker, n: Marker) -> bool | None:
    """How two reporting verbs of a pair are compared: None (not), False (as one
    statement's verb choice) or True (as a retold claim's, uncertain and minor).

    Only verbs whose stances are judged and neither inside a quotation (the
    speaker's word).  Cells written together (``pairs.WRITTEN_TOGETHER``)
    are one statement edited; below it the two were written apart, and only
    clauses after the verbs that share ``findings.RETOLD_SHARED`` content
    words may be one claim retold.
    """
    if not _judged(m[2], n[2]) or _quoted_either(pair, m, n):
        return None
    # Under it the two outlets wrote their sentences apart, and a verb in each credits a
    # different statement ("the suit claims that ..." / "the company says its policies
    # ...").  Read blind on independently written coverage, 24 of 24 verb changes under it
    # were wrong or trivial; the invented stories' verb changes lie at 0.42 and up.
    if _legal_verbs(pair, m, n):
        return None
    if pair.written_together():
        return False
    if _other_sources(pair, m, n):
        return None
    return True if retold(pair, m, n) else None


# Stances a charge is reported with: the law's routine words for what a charge says.
_CHARGE_STANCES = frozenset({"neutral", "doubt", "accusation"})


def _legal_verbs(pair: CellPair, m: Marker, n: Marker) -> bool:
    """Are the two verbs a charge's routine words, one credited to who brings it?

    Why: for an indictment, a lawsuit or prosecutors, "alleges", "accuses",
    "charges" and "says" are the standard verbs (AP Stylebook, "allege"),
    not a writer's doubt or blame: "the indictment alleged" / "the
    indictment said" and "according to the DOJ document" / "accusing them"
    were judged trivial or wrong read as a change of stance.
    """
    if not {m[2], n[2]} <= _CHARGE_STANCES:
        return False
    return legal_source(_source(pair.a_tokens, m)) or legal_source(_source(pair.b_tokens, n))


def _other_sources(pair: CellPair, m: Marker, n: Marker) -> bool:
    """Do the two verbs credit plainly different sources (no content word in common)?

    Why: in sentences written apart, a verb in each may belong to different
    speakers of one story, one of them inside the other's claim ("the
    indictment alleges he spoke to officials" / "according to the
    indictment, he told officials"; "a report claimed" / "two officials
    said").  Read blind, both such retold verb changes were wrong.  A source
    given only as a pronoun ("he said") may be anyone, so it differs from
    none.
    """
    said = [speaker_words(_source(pair.a_tokens, m)), speaker_words(_source(pair.b_tokens, n))]
    return all(said) and not said[0] & said[1]


def _quoted_either(pair: CellPair, m: Marker, n: Marker) -> bool:
    """Does either verb stand inside quotation marks, in the speaker's own words?

    Why: read blind, "\u201cThose findings are confirmed by the e-mails\u201d" against "they
    said the e-mails belied ..." was reported as the outlet choosing "confirmed"
    over "said"; the word was the speaker's, and both outlets credited the point
    to the speaker.  Only the outlet's own reporting verb tells its stance.
    """
    return _in_quotes(pair.a_tokens, pair.a_quoted, m[0]) or _in_quotes(
        pair.b_tokens, pair.b_quoted, n[0]
    )


def _unquoted(pair: CellPair, found: list[Marker], side: str) -> list[Marker]:
    """The markers of one side of ``pair`` that stand outside quotation marks."""
    tokens, inside = (
        (pair.a_tokens, pair.a_quoted) if side == "a" else (pair.b_tokens, pair.b_quoted)
    )
    return [m for m in found if not _in_quotes(tokens, inside, m[0])]


def _in_quotes(tokens: Sequence[Token], inside: Sequence[bool], at: int) -> bool:
    """Is token ``at`` inside quotation marks (opened before it in the cell, or closed
    after it by a closing mark that nothing before it opened)?  ``inside`` is the
    cell's quote mask (``CellPair.a_quoted``)."""
    if inside[at]:
        return True
    first = next((k for k, t in enumerate(tokens) if t.text in QUOTE_MARKS), None)
    # A quotation carried over from the sentence before: its closing mark comes first.
    return first is not None and tokens[first].text == CLOSE_QUOTE and at < first


def _moved_source(
    ctx: Context, pair: CellPair, ma: list[Marker], mb: list[Marker]
) -> list[Candidate]:
    """One source each side, at different places, naming different speakers.

    "The victims, identified as ..., the attorney general said" / "The
    public safety department identified the men as ...": the same content
    credited to someone else, with the verbs far apart, so neither the
    per-edit comparison nor ``source_changes`` (same verb, same place) sees
    it.  An authority naming someone counts as a source here (the caller
    passes ``identifications`` for a side without a reporting verb).
    Both sources must end in a name, and ``source_change`` keeps only two
    unrelated ones: a description ("the company", "the Ohio-based group")
    may well be the other side's speaker.
    A participle ("she filed a complaint alleging ...") is left out: its
    speaker is the subject of the clause before, not the words before it.
    """
    if len(ma) != 1 or len(mb) != 1:
        return []
    (m,), (n,) = ma, mb
    if pair.a_tokens[m[0]].norm.endswith("ing") or pair.b_tokens[n[0]].norm.endswith("ing"):
        return []
    if not (_named(pair.a_tokens, m) and _named(pair.b_tokens, n)):
        return []  # a description ("the Ohio-based group") may be the other side's speaker
    if pair.a_to_b.get(m[0]) == n[0]:
        return []  # the same verb in the same place: source_changes compared them
    found = source_change(ctx, pair, m, n)
    return [] if found is None else [found]


def _named(tokens: Sequence[Token], marker: Marker) -> bool:
    """The source of ``marker`` ends in a name ("Colonel Ivan Petrov", not "the company")."""
    words = content_words(_source(tokens, marker))
    return bool(words) and words[-1].text[:1].isupper()


# Stances that present the speaker as asserting, without the writer's judgement of the
# claim: "declared" vs "warned" reports the same assertion, and "announced" vs "said" the
# same statement (an official one is still neutral; read blind, "announced" vs "said" for
# a Treasury release was an ordinary verb choice).  A force ("warned", "insisted",
# "argued") or a disapproval ("criticized") is the speaker's, not a doubt the writer casts:
# read blind on the BASIL training events, every such swap with "said" or "told" (eight:
# "warned", "vowed", "insisted" twice, "argued" twice, "criticized" twice) was judged
# trivial or wrong, while the stances that judge the claim (doubt, concession, denial,
# accusation) are the ones editors' style guides warn about.
_ASSERTING = frozenset({"neutral", "announce", "emphatic", "criticism"})


def _judged(a: str, b: str) -> bool:
    """True when two reporting verbs' stances differ in what they tell the reader.

    >>> _judged("neutral", "doubt"), _judged("announce", "emphatic")
    (True, False)
    >>> _judged("announce", "neutral"), _judged("neutral", "emphatic")
    (False, False)
    >>> _judged("criticism", "accusation"), _judged("criticism", "neutral")
    (True, False)
    """
    return a != b and not (a in _ASSERTING and b in _ASSERTING)


def _verb_for_verb(op: str, ra: tuple[int, int], rb: tuple[int, int]) -> bool:
    """True for a one-word swap: a listed reporting verb against an unlisted one.

    Why: "She lambasted the plan" still credits the criticism to her; the
    other word is a verb in the same place (the loaded-term family reads its
    tone), not a claim stated as fact.
    """
    return op == "replace" and ra[1] - ra[0] == 1 and rb[1] - rb[0] == 1


_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"})
_COORDINATORS = frozenset({"and", "but", "then", "or"})


def _outer(
    tokens: Sequence[Token], found: Sequence[Marker], marker: Marker, starts: frozenset[int]
) -> Marker:
    """The first reporting verb of ``marker``'s sentence before it: who vouches for the sentence.

    Why: in "the indictment alleges that he obstructed the inquiry, denying he
    had records", the denial is part of what the indictment alleges; the
    indictment, not the denial, credits the sentence, so a version without a
    source has dropped "alleges", not "denying".  Read blind on BASIL, a
    finding labelled "denying" was judged wrong.  ``starts`` holds the text
    offsets where the cell's sentences start: the full stop of "Mr." or
    "D.C." ends no sentence.
    """
    for m in found:
        if m[1] <= marker[0] and not any(t.start in starts for t in tokens[m[1] : marker[0]]):
            return m
    return marker


def _starts(ctx: Context, pair: CellPair, side: str) -> frozenset[int]:
    """Text offsets where the sentences of one side's cell start."""
    return frozenset(s.start for s in ctx.cell_sentences(pair.passage_id, side))


def _claim_dropped(
    ctx: Context,
    pair: CellPair,
    has_tokens: Sequence[Token],
    marker: Marker,
    lacks: str,
    at: int,
) -> bool:
    """True when the version without a reporting verb really states the claim as fact.

    Not so for a speaker announcing its own plan (``own_plan``); for a verb
    coordinated with the subject's own action ("the service forecast rain
    and warned ..."), where the subject acts, not vouches; for a verb whose
    only subject is a pronoun announcing ("they announced ..."); and when
    the other version's words are a direct quotation following a sentence
    that names its speaker (a follow-up quote keeps its attribution).
    """
    start = marker[0]
    if own_plan(has_tokens, marker):
        return False
    if start in (pair.a_to_b if has_tokens is pair.a_tokens else pair.b_to_a):
        return False  # "found that" / "found": the verb is there, only "that" went
    if start > 0 and has_tokens[start - 1].norm in _COORDINATORS:
        return False
    if marker[2] == "announce" and not content_words(
        has_tokens[source_range(has_tokens, *marker[:2])[0] : start]
    ):
        return False
    if _follow_up_quote(ctx, pair.passage_id, lacks, at):
        return False
    source = _source(has_tokens, marker)
    if names_outlet(source, _outlet(ctx, lacks)):
        return False  # "the Times reported" beside The New York Times: its own reporting
    verb = has_tokens[marker[0] : marker[1]]
    if any(
        opens_with(source, s.tokens)
        or party_opens(source, s.tokens)
        or acts_as_subject(source, verb, s.tokens)  # "The federation dismissed ..."
        for s in ctx.cell_sentences(pair.passage_id, lacks)
    ):
        # "according to the Met Office" / "The Met Office recorded gusts of ...": the
        # other version makes the same source its sentence's subject, so the reader
        # still sees who vouches for it.
        return False
    has = pair.a if has_tokens is pair.a_tokens else pair.b
    if names_outlet(source, _outlet(ctx, has)):
        # "The New York Times reported" in The New York Times: the outlet vouches for
        # its own reporting, as one stating the claim does.
        return False
    clause = _credited_clause(ctx, pair, has_tokens, marker)
    if not _credited_told(pair, has_tokens, clause):
        return False
    if announces_act(clause):
        return False  # "X were indicted, prosecutors announced": a matter of record
    lacks_tokens = pair.b_tokens if has_tokens is pair.a_tokens else pair.a_tokens
    if claim_framed(lacks_tokens):
        return False  # "His defence was built on the claim that ...": someone's claim
    if any(demands(s.tokens) for s in ctx.cell_sentences(pair.passage_id, lacks)):
        return False  # "The union is demanding ...": the party's case, not the outlet's
    if _source_credited_nearby(ctx, pair.passage_id, lacks, at, has_tokens, marker):
        return False
    if _event_credited_next(ctx, pair.passage_id, lacks, at, clause):
        return False
    return _own_voice(ctx, pair.passage_id, lacks, at)


def _event_credited_next(
    ctx: Context, passage_id: str, lacks: str, at: int, clause: Sequence[Token]
) -> bool:
    """Does the sentence after the uncredited one credit a source for the same event's count?

    Why: "..., in a blaze that killed at least 14 people." then "The dead were
    11 patients and three members of staff, according to the ministry." gives
    the toll's source a sentence on, as a lede does; read blind, "stated as
    fact" against the first sentence was wrong, though the ministry is not
    the source the other outlet names.  The next sentence must credit a
    source (a reporting verb or "according to") and tell an event of the
    same kind as the credited clause ("killed" / "dead": ``events``), with a
    figure.
    """
    index = _sentence_at(ctx, passage_id, lacks, at)
    sentences = ctx.articles[lacks].sentences
    if index is None or index + 1 >= len(sentences):
        return False
    after = sentences[index + 1].tokens
    table = events()
    kinds = {table[t.norm][0] for t in clause if t.norm in table}
    told = {table[t.norm][0] for t in after if t.norm in table}
    has_figure = any(any(c.isdigit() for c in t.text) for t in after)
    return bool(kinds & told) and has_figure and bool(markers(after))


def _source_credited_nearby(
    ctx: Context, passage_id: str, lacks: str, at: int, has_tokens: Sequence[Token], marker: Marker
) -> bool:
    """Does the version without a source credit the same source a sentence or two away?

    (``claims.speakers.credited_nearby``: a lede, then "Rep. Lee, the
    ranking Democrat on the committee, said ...".)
    """
    index = _sentence_at(ctx, passage_id, lacks, at)
    if index is None:
        return False
    source = _source(has_tokens, marker)
    sentences = [s.tokens for s in ctx.articles[lacks].sentences]
    return credited_nearby(source, sentences, index)


# A credited clause with at least ``CREDITED_WORDS`` lower-case content words must find
# ``CREDITED_SHARED`` of them in the other version's cell, or the other version states
# something else ("the managers were bypassing her for promotions, she said" beside "she
# is a greeter at the store").  Read blind on the serious-kinds set, the three "X said vs
# no attribution" findings under it were wrong (0 to 0.12 of the words shared); every
# judged-right one shares a third or more.  The cut was 0.2 until a finding sharing 0.31
# (an indictment's charge against another outlet's sentence on the committee whose
# inquiry it obstructed: only the inquiry's description in common) was judged wrong on
# the second held-out draw; at a third, no judged-right finding of any judged set is lost.
CREDITED_WORDS = 4
CREDITED_SHARED = 1 / 3


def _credited_told(pair: CellPair, has_tokens: Sequence[Token], clause: Sequence[Token]) -> bool:
    """Does the other version's cell tell what the source is credited with?

    Why: "stated as fact" means the same content stands without a source
    (issue #14); two sentences of one passage can share a name or a place
    and still report different things, and then a source in one says nothing
    about how the other treats its claim.  The credited content is the
    marker's sentence without the source and the verb (``clause``, from
    ``_credited_clause``); its capitalised words (names, places, the
    sentence's first word) are left out, since they are what unrelated
    sentences of one story share.
    """
    lacks_tokens = pair.b_tokens if has_tokens is pair.a_tokens else pair.a_tokens
    told = {stem(t.norm) for t in content_words(lacks_tokens)}
    core = _lowered_stems(_core(_without_asides(clause)))
    if len(core) >= CORE_WORDS and len(core & told) < CREDITED_SHARED * len(core):
        return False  # only the background is told ("... after crowd trouble marred the win")
    credited = _lowered_stems(clause)
    if len(credited) < CREDITED_WORDS:
        return True
    return len(credited & told) >= CREDITED_SHARED * len(credited)


def _lowered_stems(tokens: Sequence[Token]) -> set[str]:
    """Stems of the lower-case content words of ``tokens`` (names and a first word left out)."""
    return {stem(t.norm) for t in content_words([t for t in tokens if t.text[:1].islower()])}


# Words that open a clause of background to what a source vouches for: "police arrested
# 17 people after crowd trouble marred the win, the force said" credits the arrests; the
# match it follows is the story's setting, told by every outlet (general English grammar).
_BACKGROUND_OPENERS = frozenset(
    {"after", "before", "amid", "following", "while", "when", "because", "although", "though"}
)
CORE_WORDS = 2  # lower-case content words a claim's core needs before it is tested alone


_ASIDE_OPENERS = frozenset({"who", "whose", "which"})


def _without_asides(clause: Sequence[Token]) -> list[Token]:
    """The clause without relative clauses set off by commas (", who was suspended in May,").

    Why: "Dorran, who was suspended in May, was at the heart of the scheme,
    the report said" credits the report with Dorran's role; the aside is
    background.  Read blind, another outlet's "He was suspended in May." was
    reported as that claim stated as fact.

    >>> from compare.align.segment import tokenize as t
    >>> [x.text for x in _without_asides(t("Lee, who left in May, ran it"))]
    ['Lee', 'ran', 'it']
    """
    out: list[Token] = []
    k = 0
    while k < len(clause):
        if clause[k].norm == "," and k + 1 < len(clause) and clause[k + 1].norm in _ASIDE_OPENERS:
            close = next((j for j in range(k + 2, len(clause)) if clause[j].norm == ","), None)
            if close is not None:
                k = close + 1
                continue
        out.append(clause[k])
        k += 1
    return out


def _core(clause: Sequence[Token]) -> Sequence[Token]:
    """The credited clause up to the first background clause, once it has said something.

    Why: a sentence crediting one fact often sets it against the story's
    main event ("Police have now arrested 17 people after crowd trouble
    marred the semi-final on Saturday, the force said"); another outlet's
    lede tells that event in the same words without saying anything about
    the arrests, and the shared background made the pair read as one claim
    credited in one version and stated as fact in the other.
    """
    said = 0
    for k, token in enumerate(clause):
        if token.norm in _BACKGROUND_OPENERS and said >= CORE_WORDS:
            return clause[:k]
        if token.text[:1].islower() and content_words([token]):
            said += 1
    return clause


def _credited_clause(
    ctx: Context, pair: CellPair, has_tokens: Sequence[Token], marker: Marker
) -> list[Token]:
    """The marker's sentence in its cell, without the source and the verb: what is credited."""
    has = pair.a if has_tokens is pair.a_tokens else pair.b
    bounds = sorted({0, len(has_tokens), *sentence_starts(ctx, pair.passage_id, has)})
    lo = max(b for b in bounds if b <= marker[0])
    hi = min(b for b in bounds if b > marker[0])
    cut_lo, cut_hi = attribution_range(has_tokens, marker)
    return [t for i, t in enumerate(has_tokens[lo:hi], lo) if not cut_lo <= i < cut_hi]


def _source(tokens: Sequence[Token], marker: Marker) -> Sequence[Token]:
    """The tokens of who ``marker`` credits (``claims.sources.source_range``)."""
    return tokens[slice(*source_range(tokens, marker[0], marker[1]))]


def _outlet(ctx: Context, article_id: str) -> str:
    """The outlet name of an article of the story ("" when it is not among them)."""
    article = ctx.articles.get(article_id)
    return article.outlet if article is not None else ""


def _follow_up_quote(ctx: Context, passage_id: str, article_id: str, at: int) -> bool:
    """True when the cell's sentence at token ``at`` opens with a quote mark and the
    article's sentence before it carries a reporting verb (the speaker is named there)."""
    i = _sentence_at(ctx, passage_id, article_id, at)
    if i is None or i == 0:
        return False
    sentences = ctx.articles[article_id].sentences
    toks = sentences[i].tokens
    return bool(toks) and toks[0].norm in _QUOTES and bool(markers(sentences[i - 1].tokens))


def _own_voice(ctx: Context, passage_id: str, article_id: str, at: int) -> bool:
    """Does the claim layer read the cell's sentence at token ``at`` as the outlet's own voice?

    Why: "stated as fact" is said of a sentence with no reporting verb, but
    a sentence may be the speaker's without one: the middle of a quotation
    opened sentences earlier ('he said, "I want him to do well. ... I love
    this country"'), or a quotation nobody is named for.  The claim layer
    (``claims.attributed``) reads each sentence with the quotations open
    around it; only its ``fact`` sentences are the outlet's own voice.
    """
    index = _sentence_at(ctx, passage_id, article_id, at)
    if index is None:
        return True
    statuses = ctx.memo(__name__ + ".statuses", _statuses)
    return statuses[article_id].get(index, FACT) == FACT


def _statuses(ctx: Context) -> dict[str, dict[int, str]]:
    """Article id -> sentence index -> the claim layer's status of that sentence."""
    return {
        aid: {c.sentence: c.status for c in article_claims(article)}
        for aid, article in ctx.articles.items()
    }


def _sentence_at(ctx: Context, passage_id: str, article_id: str, at: int) -> int | None:
    """Index of the sentence holding token ``at`` of an article's cell (tokens counted over
    the cell's sentences in order), or None for an empty cell."""
    indexes = ctx.passages[passage_id].cells.get(article_id, ())
    sentences = ctx.articles[article_id].sentences
    offset = 0
    for i in indexes:
        n = len(sentences[i].tokens)
        if at < offset + n or i == indexes[-1]:
            return i
        offset += n
    return None
