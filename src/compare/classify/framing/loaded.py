"""Rule family: loaded_term.

Why three signals: a documented lexicon (``classify_loaded_terms.txt``)
explains the well-known cases ("rioters" vs "protesters"); a proper
adjective swapped before a group noun ("Xish soldiers" vs "Yish soldiers")
catches an actor named by another identity; and VADER valences (a data
file with VADER's licence) catch unseen swaps whose tone differs sharply.

Layout: this module finds lexicon terms; ``framing.loaded_swaps`` holds the
identity and tone signals; ``framing.loaded_labels`` the qualifier and source-label
comparisons.  ``valence`` is re-exported here, where callers look for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from compare.claims.hedge_words import hedges
from compare.claims.number_lexicon import things
from compare.claims.sources import markers
from compare.claims.words import (
    content_words,
    find_phrases,
    is_word,
    phrase_table,
    stem,
)
from compare.classify.base import Candidate, Context
from compare.classify.cells import clause_around
from compare.classify.framing import loaded_story
from compare.classify.framing.loaded_labels import (
    affiliation_dropped,
    qualifier_dropped,
    source_labels,
)
from compare.classify.framing.loaded_swaps import added_tone, demonym, tone, uses_term
from compare.classify.framing.loaded_swaps import valence as valence  # re-exported
from compare.classify.pairs import CellPair, cell_pairs
from compare.classify.same_content import same_content
from compare.model import Kind, Severity, Span, Token
from compare.text import lexicons

TERMS_FILE = "classify_loaded_terms.txt"
PEOPLE_PLURALS = ("ers", "ists", "ans", "ants", "ents", "ites", "ors")
LOOSE_CONFIDENCE = 0.5  # a term with no counterpart in a loosely joined pair: never a headline
# Share of a term's clause (its other content words) the other version must tell for a
# term with no counterpart there to count as that outlet's framing (``_context_told``).
CONTEXT_TOLD = 0.5
CONTEXT_WORDS = 2  # content words each side of the term, inside its clause


def _claimed(tokens: Sequence[Token]) -> set[int]:
    """Token indexes other families own: reporting verbs and hedges."""
    out: set[int] = set()
    for start, end, _c in [*markers(tokens), *hedges(tokens)]:
        out.update(range(start, end))
    return out


@cache
def terms_table() -> Mapping[tuple[str, ...], str]:
    """The loaded-term lexicon, each entry also under its other grammatical number.

    Why: the list names "hooligans" or "rioter" once; the same framing in the
    singular or plural must not need a second line.  Singulars are derived
    only from plural nouns for people ("-ers", "-ists", "-ans", ...): "blasts"
    (a verb: "criticises") must not make "blast" (an explosion) loaded.  A
    listed form always wins over a derived one.

    >>> ("rioter",) in terms_table(), ("blast",) in terms_table()
    (True, False)
    """
    table = dict(phrase_table(TERMS_FILE, 2))
    for key, why in list(table.items()):
        last = key[-1]
        if not last.isalpha() or len(last) < 4:
            continue
        if last.endswith(PEOPLE_PLURALS):
            other = last[:-1]
        elif last.endswith("s"):
            continue
        else:
            other = last + "s"
        table.setdefault((*key[:-1], other), why)
    return table


# The lexicon's source key for metaphors that frame people as a threat ("flood of",
# "swarm", "hordes"): such a term is loaded only when said of people.
PEOPLE_METAPHORS = "santa-ana"
PEOPLE_NEAR = 3  # words before or after a people metaphor searched for the people it describes


@cache
def _people_metaphors() -> frozenset[str]:
    """The explanations (``why``) of the lexicon's metaphors for people."""
    return frozenset(
        line.split("|")[2].strip()
        for line, keys in lexicons.entry_sources(TERMS_FILE)
        if PEOPLE_METAPHORS in keys
    )


def _of_people(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Is a people metaphor said of people: a people noun within ``PEOPLE_NEAR`` words?

    Why: Santa Ana's water and animal metaphors are loaded when they make
    people a threatening mass ("a flood of migrants"); "a flood of holiday
    apartments" describes flats (read blind in the eighteenth round: wrong,
    with "people presents them as a threat" as its reason).  A noun is a
    person when the counted-thing lexicon files it under people, or, when
    it is not listed at all, by a plural ending for people ("visitors").

    >>> from compare.align.segment import tokenize as t
    >>> _of_people(t("a flood of migrants"), 1, 3), _of_people(t("a flood of holiday flats"), 1, 3)
    (True, False)
    >>> _of_people(t("tourists swarm the old town"), 1, 2)
    True
    """
    near = [
        t.norm
        for t in (*tokens[max(start - PEOPLE_NEAR, 0) : start], *tokens[end : end + PEOPLE_NEAR])
        if is_word(t)
    ]
    return any(_person_noun(w) for w in near)


def _person_noun(norm: str) -> bool:
    listed = things().get(norm)
    if listed is not None:
        cls, parent, _display = listed
        return "people" in (cls, parent)
    return len(norm) > 5 and norm.endswith(PEOPLE_PLURALS)


def find(ctx: Context) -> list[Candidate]:
    """Loaded terms substituted or added inside aligned passages, and labels only one
    outlet uses anywhere in the story (``framing.loaded_story``)."""
    out: list[Candidate] = []
    table = terms_table()
    for pair in cell_pairs(ctx):
        claimed_a, claimed_b = _claimed(pair.a_tokens), _claimed(pair.b_tokens)
        # A term inside quotation marks is the speaker's word ("accused officials of a
        # “scheme”", "his cronies" in a quoted statement), not the outlet's framing.
        quoted_a, quoted_b = pair.a_quoted, pair.b_quoted
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                continue
            seg_a, seg_b = pair.a_tokens[i1:i2], pair.b_tokens[j1:j2]
            la = [
                (s + i1, e + i1, why)
                for s, e, why in find_phrases(seg_a, table)
                if s + i1 not in claimed_a and not quoted_a[s + i1]
            ]
            lb = [
                (s + j1, e + j1, why)
                for s, e, why in find_phrases(seg_b, table)
                if s + j1 not in claimed_b and not quoted_b[s + j1]
            ]
            if la or lb:
                out.extend(_lexicon(ctx, pair, la, lb, (i1, i2), (j1, j2)))
            elif (i2 == i1 or j2 == j1) and not pair.written_apart() and same_content(ctx, pair):
                # One version adds words to shared wording: an emotive one is its tone.
                if j2 == j1:
                    side, span, at, quoted = pair.a, (i1, i2), j1, quoted_a
                else:
                    side, span, at, quoted = pair.b, (j1, j2), i1, quoted_b
                found = added_tone(ctx, pair, side, span, at, quoted)
                if found is not None:
                    out.append(found)
            elif op == "replace" and not pair.loose():
                found = demonym(ctx, pair, i1, i2, j1, j2) or tone(
                    ctx, pair, seg_a, seg_b, (quoted_a[i1:i2], quoted_b[j1:j2])
                )
                if found is not None:
                    out.append(found)
        out.extend(qualifier_dropped(ctx, pair))
        out.extend(affiliation_dropped(ctx, pair))
        out.extend(source_labels(ctx, pair, table))
    taken = {
        (aid, span.text.casefold())
        for c in out
        for aid, spans in c.spans.items()
        for span in spans
        if c.key == f"term:{span.text.casefold()}"
    }
    out.extend(loaded_story.find(ctx, table, _alternatives(), taken))
    return out


CLAUSE_WORDS = 3  # words a quoted clause needs to show where a term would stand


def _span(ctx: Context, aid: str, tokens: Sequence[Token], lo: int, hi: int) -> Span:
    """The other side's words; for an insertion, the clause where the term would stand.

    A replaced block keeps its content words and what lies between them: the
    word alignment can leave a function word of the rewording at its edge
    ("calling the massacre an" / "referred to the shooting as an" gave
    "massacre" vs "shooting as"), and the counterpart quoted is the term's.
    """
    if hi <= lo or not any(is_word(t) for t in tokens[lo:hi]):
        at = lo
        lo, hi = clause_around(tokens, at)
        if sum(1 for t in tokens[lo:hi] if is_word(t)) < CLAUSE_WORDS:
            # an item of a list ("are Eastbridge, Millgate, ..."): read blind, "Outlet A says
            # 'Eastbridge'" beside "axe" told nothing; quote the words around the place
            lo, hi = max(0, at - CLAUSE_WORDS), min(len(tokens), at + CLAUSE_WORDS)
    else:
        content = [k for k in range(lo, hi) if content_words(tokens[k : k + 1])]
        if content:
            lo, hi = content[0], content[-1] + 1
    return ctx.tokens_span(aid, tuple(tokens[lo:hi]))


@cache
def _alternatives() -> Mapping[str, frozenset[str]]:
    """Each lexicon reason (unique per entry) -> the plainer words it lists."""
    out: dict[str, frozenset[str]] = {}
    for row in lexicons.rows(TERMS_FILE):
        if len(row) > 2:
            words = {w.strip().casefold() for alt in row[1].split(",") for w in alt.split()}
            out[row[2]] = frozenset(w for w in words if w.isalpha())
    return out


def _as_charged(term: Sequence[Token], there: Sequence[Token], why: str) -> bool:
    """Does the other version's stretch in the term's place hold a word as charged as it,
    and none of the plainer words the lexicon lists for it ("cut" for "slashes")?

    Why: "Rheinair refused to improve its offer" against "the union rejected an
    improved offer" (read blind, seventeenth round) reported "refused" as a
    loaded term added, though the other version's "rejected" is as negative
    (VADER valence -2.3 against -1.2): neither chose the neutral word, and the
    real difference (who turned the offer down) is no matter of framing.
    """
    charge = [v for t in term if (v := valence(t.text)) is not None]
    plainer = {stem(w) for w in _alternatives().get(why, frozenset())}
    if not charge or any(stem(t.norm) in plainer for t in there):
        return False  # the plainer word itself: VADER grades "cut" above "slashes"
    own = min(charge, key=abs)
    return any(
        (v := valence(t.text)) is not None and v * own > 0 and abs(v) >= abs(own) for t in there
    )


def _plain_word(tokens: Sequence[Token], lo: int, hi: int, why: str) -> int | None:
    """Index of a plainer alternative the lexicon lists, inside the other side's block.

    Why: a term swapped inside a longer rewrite ("hooligans who hurled" vs
    "fans threw") should quote "fans", not the whole block, so the rewording
    around it stays its own finding.
    """
    plain = _alternatives().get(why, frozenset())
    for k in range(lo, hi):
        norm = tokens[k].norm
        if norm in plain or (norm.endswith("s") and norm[:-1] in plain):
            return k
    return None


def _head_in(tokens: Sequence[Token], end: int, other: Sequence[Token]) -> bool:
    """Is the noun a term describes ("separatist *authorities*") in the other version too?

    Why: a term is compared with the other version only where that version
    speaks of the same thing; when the described noun is absent, the other
    version left out the whole phrase (an attribution or a detail), and the
    word that happens to stand in its place ("Friday") is no counterpart.
    The described noun is the content word right after the term; a term
    followed by anything else is a noun itself and always counts as present.
    A verb's infinitive counts as its object ("refused to *apologize*"): read
    blind, "refused to apologize" beside a sentence on another act of the
    same man was reported as that outlet's framing.
    """
    if tokens[end : end + 1] and tokens[end].norm == "to":
        end += 1  # "refused to apologize": what was refused is the verb after "to"
    following = tokens[end : end + 1]
    if not following or not is_word(following[0]) or not content_words(following):
        return True  # "hooligans who ...": the term is the noun itself
    return stem(following[0].norm) in {stem(o.norm) for o in other}


def _context_told(tokens: Sequence[Token], s: int, e: int, other: Sequence[Token]) -> bool:
    """Does the other version tell what the clause around term ``tokens[s:e]`` says?

    Why: a term with no plainer counterpart in the other version ("refused")
    is that outlet's framing only where the other version reports the same
    thing without it.  Read blind on the third held-out draw, two such terms
    were wrong: a council that "refused" the money, beside a sentence on the
    mayor's own plan alone, and a label for the people a past measure
    spared, beside a sentence on the criticism of that measure.  The words
    around each term were missing from the other version.  ``CONTEXT_TOLD``
    of the content-word stems nearest the term (``CONTEXT_WORDS`` on each
    side, inside its clause) must be there; a term with no such words
    (alone in its clause) counts as told.
    """
    lo, hi = clause_around(tokens, s)
    before = content_words(tokens[lo:s])[-CONTEXT_WORDS:]
    context = {stem(t.norm) for t in [*before, *content_words(tokens[e:hi])[:CONTEXT_WORDS]]}
    if not context:
        return True
    told = {stem(t.norm) for t in content_words(other)}
    return len(context & told) >= CONTEXT_TOLD * len(context)


def _lexicon(
    ctx: Context, pair: CellPair, la: list, lb: list, ra: tuple[int, int], rb: tuple[int, int]
) -> list[Candidate]:
    out = []
    terms_a = {tuple(t.norm for t in pair.a_tokens[s:e]) for s, e, _w in la}
    terms_b = {tuple(t.norm for t in pair.b_tokens[s:e]) for s, e, _w in lb}
    for side, found, other_terms in ((pair.a, la, terms_b), (pair.b, lb, terms_a)):
        tokens = pair.a_tokens if side == pair.a else pair.b_tokens
        other, other_tokens, (lo, hi) = (
            (pair.b, pair.b_tokens, rb) if side == pair.a else (pair.a, pair.a_tokens, ra)
        )
        # The other version's own loaded term, for which this one is the plainer word
        # ("racket" where this side has "scheme"): the finding is the other term's.
        plainer = {
            w for _s, _e, other_why in (lb if side == pair.a else la)
            for w in _alternatives().get(other_why, frozenset())
        }  # fmt: skip
        for s, e, why in found:
            if tuple(t.norm for t in tokens[s:e]) in other_terms:
                continue
            if all(t.norm in plainer for t in tokens[s:e]):
                continue
            if uses_term(ctx, other, tokens[s:e]):
                continue  # the other outlet uses the word itself elsewhere: no framing choice
            if why in _people_metaphors() and not _of_people(tokens, s, e):
                continue  # "a flood of holiday apartments": the metaphor is not said of people
            term = ctx.tokens_span(side, tuple(tokens[s:e]))
            plain = _plain_word(other_tokens, lo, hi, why)
            if plain is None and _as_charged(tokens[s:e], other_tokens[lo:hi], why):
                continue  # "refused" where the other has "rejected": no milder word chosen
            if plain is None and not _head_in(tokens, e, other_tokens):
                continue  # the other version does not speak of what the term describes
            if plain is None and not _context_told(tokens, s, e, other_tokens):
                continue  # nor of what the term's clause says
            if plain is None and (pair.written_apart() or not same_content(ctx, pair)):
                # Two statements sharing a theme (joined loosely or through a third
                # outlet, or written apart): the other's lacking the term says nothing
                # of its framing.  Read blind, both terms added in cells sharing under a
                # fifth of their tokens ("blasted", "terrorists") were wrong.
                continue
            there = (
                ctx.tokens_span(other, (other_tokens[plain],))
                if plain is not None
                else _span(ctx, other, other_tokens, lo, hi)
            )
            # A loose pair's other words are another statement, not the term's
            # counterpart: say only that one version uses the term.
            replaced = hi > lo and (plain is not None or not pair.loose())
            if not replaced and plain is None:
                there = _span(ctx, other, other_tokens, lo, lo)
            out.append(
                Candidate(
                    kind=Kind.LOADED_TERM,
                    severity=Severity.MEDIUM,
                    passage_id=pair.passage_id,
                    # One finding per term and passage, whatever each other outlet
                    # wrote in its place ("hooligans" vs "fans" and vs "supporters").
                    key=f"term:{term.text.casefold()}",
                    spans={side: (term,), other: (there,)},
                    explanation=(
                        f'One version uses the loaded term "{term.text}" where the other has '
                        f'"{there.text}": {why}.'
                        if replaced
                        else f'Only one version uses the loaded term "{term.text}": {why}.'
                    ),
                    label=f'"{term.text}" vs "{there.text}"'
                    if replaced
                    else f'"{term.text}" added',
                    weight=1.2,
                    # No counterpart in a loose pair: the other version's words are
                    # another statement, so whether it avoids the term is unsure.
                    confidence=LOOSE_CONFIDENCE if plain is None and pair.loose() else 1.0,
                )
            )
    return out
