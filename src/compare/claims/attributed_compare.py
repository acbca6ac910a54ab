"""Comparing attributed claims across outlets, story-wide.

Why story-wide: outlets restructure copy, so one claim credited to police
in one outlet's third paragraph may be stated flatly in another's last; the
aligner need not have paired the two sentences.  Why on the *content* and
not the whole sentence: "..., the attorney general said" and "The
department identified the men as ..." differ in everything but what is
claimed.

Three differences are reported, each only when the two contents are close
(IDF-weighted cosine of content-word stems, IDF over the story's
sentences, so the story's recurring names weigh little):

* ``unsourced``: credited to a speaker in one outlet, stated as fact in the
  other, and that other outlet credits it nowhere else;
* ``source``: credited to two plainly different speakers (``speakers``);
* ``unnamed``: credited to a named speaker in one outlet, to unnamed
  "officials" or "sources" in the other;
* ``relay``: the same quotation relayed ("is quoted as saying", "citing")
  in one outlet and said directly in the other;
* ``hearsay``: credited to a speaker in one outlet, and in the other only
  "reportedly" so (a hearsay hedge that names no one), when that other
  outlet credits it nowhere else.

An article's headline is left out: headlines drop attributions by habit.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from compare.align.similarity import features
from compare.claims import speakers
from compare.claims.attributed import (
    CREDITED,
    FACT,
    UNCLEAR,
    AttributedClaim,
    article_claims,
    second_statement,
)
from compare.claims.attributed_frames import quote_mask, quote_states
from compare.claims.legal import announces_act
from compare.claims.sources import (
    announces_own_act,
    claim_framed,
    demands,
    intends,
    name_run,
    single_word_verbs,
)
from compare.claims.words import content_words, is_word
from compare.model import Article, Sentence, Token

# Content cosine for "credited here, stated as fact there", for aligned sentences too.
# Why no lower bar for two sentences the aligner put in one passage: it had one (0.45,
# the finding marked uncertain), and read blind 8 of 10 such findings on real coverage
# were wrong or trivial: two sentences of one passage making different claims on one
# theme ("X said managers passed her over" / "X is a greeter at the store").
UNSOURCED_MIN = 0.6
SOURCE_MIN = 0.5  # content cosine for "credited to someone else"
# Share of each content's weight the other must hold for "credited to someone else":
# "The victims, identified as A and B, were guards, X said" credits X with more than
# "Y identified the men as A and B"; X may vouch only for the part Y does not state.
SOURCE_COVER = 0.6
RELAY_MIN = 0.8  # a relayed and a direct quotation: nearly the same words
MIN_WORDS = 5  # content words a claim needs (short contents match by chance)
# A shorter claim (three or four content words) is compared only for "credited to someone
# else", and only with the same words: "the verdict was politically motivated" credited
# to the defence lawyer by two outlets and to his party by a third (an invented story read
# blind).  Sharing a short phrase by chance is what ``MIN_WORDS`` guards against; the
# same words all through are not chance.
SHORT_MIN_WORDS = 3
SHORT_SAME = 0.95
CERTAIN = 0.85  # confidence of a finding resting on near-identical content
# Content words a quotation needs before its words, repeated in a claim another outlet
# credits, tie the two claims ("admitted it was \u201ca grave mistake\u201d" / "\u201cIt was a
# grave mistake,\u201d she said"): one content word recurs by chance.
QUOTE_MIN_WORDS = 2
UNSURE = 0.7  # confidence when the content is only close

Vector = Mapping[str, float]
Site = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True)
class AttributionDiff:
    """One attribution difference between two outlets' versions of one claim."""

    kind: str  # "unsourced", "source", "unnamed", "relay" or "hearsay"
    credited: AttributedClaim  # the version with the (first-hand) source
    other: AttributedClaim
    similarity: float
    confidence: float
    # The two figures that tie the claims together when their words do not
    # (``claims.figure_sources``): credited version's first, then the other's.
    figures: tuple[str, ...] = ()


_LAST: list[tuple[tuple[Article, ...], dict[str, tuple[AttributedClaim, ...]]]] = []


def story_claims(articles: Sequence[Article]) -> dict[str, tuple[AttributedClaim, ...]]:
    """Every article's attributed claims, headline left out.

    The rule, the evidence check and the "Who says so" table each ask for
    the same story in turn: the last story's reading is kept (by identity).
    """
    key = tuple(articles)
    if (
        _LAST
        and len(_LAST[0][0]) == len(key)
        and all(a is b for a, b in zip(_LAST[0][0], key, strict=True))
    ):
        return _LAST[0][1]
    found = {a.id: article_claims(a, skip=(a.title or "",)) for a in articles}
    _LAST[:] = [(key, found)]
    return found


def story_idf(articles: Sequence[Article]) -> dict[str, float]:
    """Smoothed IDF of every content-word stem over the story's sentences."""
    df: Counter[str] = Counter()
    n = 0
    for a in articles:
        for s in a.sentences:
            df.update(set(features(s.tokens)))
            n += 1
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def vector(tokens: Sequence[Token], idf: Mapping[str, float]) -> dict[str, float]:
    """The normalised IDF-weighted vector of a token run's content-word stems."""
    counts = Counter(features(tokens))
    vec = {w: c * idf.get(w, 1.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def coverage(x: Vector, y: Vector) -> float:
    """Share of normalised vector ``x``'s weight on stems that ``y`` also holds.

    >>> coverage({"a": 0.6, "b": 0.8}, {"a": 1.0}), coverage({"a": 1.0}, {"a": 0.6, "b": 0.8})
    (0.36, 1.0)
    """
    return round(sum(v * v for w, v in x.items() if w in y), 6)


def quotations(claim: AttributedClaim, sentence: Sentence, opened: int = 0) -> list[frozenset[str]]:
    """The words of each direct quotation inside ``claim``'s content (``sentence`` is its
    sentence, ``opened`` the quotations open at its start), for quotations of at least
    ``QUOTE_MIN_WORDS`` content words.

    >>> from compare.align.segment import tokenize
    >>> text = 'She admitted it was "a grave mistake" on Tuesday.'
    >>> s = Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text))
    >>> c = AttributedClaim("a", 0, CREDITED, s.tokens[2:])
    >>> [sorted(q) for q in quotations(c, s)]
    [['a', 'grave', 'mistake']]
    """
    inside_content = {t.start for t in claim.content}
    return _quoted_runs(sentence, inside_content, opened)


def _quoted_runs(
    sentence: Sentence, within: Collection[int] | None = None, opened: int = 0
) -> list[frozenset[str]]:
    """The words of each quotation of ``sentence`` (of tokens starting in ``within``, when
    given) that holds ``QUOTE_MIN_WORDS`` content words or more.

    ``opened``: the quotations open at the sentence's start.  Read alone, 'It is
    about whether the rules mean anything," said X, who said ...' opens a
    quotation at its closing mark (read blind, eleventh round).
    """
    runs: list[list[Token]] = [[]]
    mask, _depth = quote_mask(sentence.tokens, opened)
    for token, quoted in zip(sentence.tokens, mask, strict=True):
        if quoted and (within is None or token.start in within):
            if is_word(token):  # a comma inside the quotation does not end it
                runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [
        frozenset(t.norm for t in run) for run in runs if len(content_words(run)) >= QUOTE_MIN_WORDS
    ]


# Words a quotation needs, and the share of them the other's must hold, for two outlets'
# quotations to be one: "We have put the best offer we can afford on the table".
QUOTE_SAME_WORDS = 6
QUOTED_TRIES = 3  # claims of another article quoting the same words that are judged
QUOTE_SAME = 0.8


def same_quotation(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> bool:
    """Do two credited claims quote the same words (``QUOTE_SAME`` of the shorter quotation's
    words in the other's, and ``QUOTE_SAME_WORDS`` words or more in each)?

    The shorter one's words, not the union: an outlet that trims a quotation
    ("Under such condition, there is no ground for us to ..." / "There is no
    ground for us to ...") quotes the same words.

    Why: read blind (eleventh round), one outlet gave a quotation to the
    regional health minister and two to the board's chief executive; their
    sentences' contents differ by the speakers' descriptions, so the two were
    not close enough to be one claim and the change of speaker was missed.

    >>> q = frozenset("we have put the best offer we can afford on the table".split())
    >>> same_quotation([q], [q]), same_quotation([q], [frozenset({"we", "have", "put"})])
    (True, False)
    """
    return any(
        min(len(x), len(y)) >= QUOTE_SAME_WORDS and len(x & y) >= QUOTE_SAME * min(len(x), len(y))
        for x in a
        for y in b
    )


def repeats_quotation(quotes: Sequence[frozenset[str]], claim: AttributedClaim) -> bool:
    """Does a credited ``claim`` hold every word of one of ``quotes``?

    Why: an outlet that credits the quoted words to their speaker, in any
    sentence, does not state the claim they make as its own fact, however
    differently the rest of its sentence reads.
    """
    if claim.status != CREDITED or not quotes:
        return False
    words = {t.norm for t in claim.content}
    return any(q <= words for q in quotes)


def credited_in(
    quotes: Sequence[frozenset[str]],
    scored: Iterable[tuple[float, AttributedClaim]],
    claims: Iterable[AttributedClaim],
) -> bool:
    """Does an outlet credit a claim to someone, in any of its sentences?

    It does when one of its credited claims is close in content (``scored``:
    the content cosine of each of its claims of ``MIN_WORDS`` or more, with
    the claim; at least ``SOURCE_MIN``), or when one of its ``claims`` holds
    every word of one of the claim's ``quotes`` (``repeats_quotation``).  The
    test of the story-wide rule and of the passage rules' last check
    (``classify.attribution.story.credited_elsewhere``) alike.
    """
    return any(s >= SOURCE_MIN and c.status == CREDITED for s, c in scored) or any(
        repeats_quotation(quotes, c) for c in claims
    )


def cosine(x: Vector, y: Vector) -> float:
    """Cosine of two normalised sparse vectors."""
    if len(x) > len(y):
        x, y = y, x
    return sum(v * y.get(w, 0.0) for w, v in x.items())


def compare(
    articles: Sequence[Article], aligned: Collection[frozenset[Site]] = ()
) -> list[AttributionDiff]:
    """Every attribution difference between two outlets' versions of one claim.

    ``aligned`` holds the sentence pairs the aligner put in one passage: a
    claim's aligned partner is judged as well as its closest sentence, which
    can be another outlet's sentence on the same theme.
    """
    claims = story_claims(articles)
    idf = story_idf(articles)
    story = speakers.mentions(
        [c.speaker for cs in claims.values() for c in cs]
        + [run for a in articles for s in a.sentences for run in speakers.capital_runs(s.tokens)]
    )
    sentences = {(a.id, s.index): s for a in articles for s in a.sentences}
    opened = {(a.id, s.index): k for a in articles for s, _m, k in quote_states(a.sentences)}

    def quoted_whole(c: AttributedClaim) -> bool:
        """A short claim quoting ``QUOTE_SAME_WORDS`` words or more: "'We should not have to
        borrow back our own history,' he said" (read blind, seventeenth round, given to
        another speaker elsewhere) has two content words, yet its words are its own."""
        if c.status != CREDITED or not c.quoted:
            return False
        found = quotations(c, sentences[_site(c)], opened[_site(c)])
        return any(len(q) >= QUOTE_SAME_WORDS for q in found)

    usable = {
        aid: [
            c
            for c in _with_second_statements(cs)
            if len(features(c.content)) >= SHORT_MIN_WORDS or quoted_whole(c)
        ]
        for aid, cs in claims.items()
    }
    vectors = {_key(c): vector(c.content, idf) for cs in usable.values() for c in cs}
    quotes = {
        _key(c): quotations(c, sentences[_site(c)], opened[_site(c)])
        for cs in usable.values()
        for c in cs
        if c.status == CREDITED
    }
    _join_running_quotations(usable, quotes, opened)
    by_article = {a.id: [s.tokens for s in a.sentences] for a in articles}
    outlets = {a.id: a.outlet for a in articles}
    out: list[AttributionDiff] = []
    ids = list(usable)
    for x_id in ids:
        for y_id in ids:
            if x_id == y_id:
                continue
            for x in usable[x_id]:
                if x.status != CREDITED:
                    continue
                vx = vectors[_key(x)]
                scored = [(cosine(vx, vectors[_key(y)]), y) for y in usable[y_id]]
                here = (x.article_id, x.sentence)
                credited_there = credited_in(quotes[_key(x)], scored, claims[y_id])
                beside = [p for p in scored if frozenset((here, _site(p[1]))) in aligned]
                # the claims quoting x's quotation, wherever they stand in the other article
                same = [
                    p for p in scored if same_quotation(quotes[_key(x)], quotes.get(_key(p[1]), []))
                ]
                same_sites = {_key(p[1]) for p in same}  # credited all: only they have quotes
                groups = (scored, beside)
                tries = [max(group, key=lambda p: p[0]) for group in groups if group]
                # every claim quoting it, closest first: short ones quoting it whole
                # (``quoted_whole``) must not hide the one that credits it elsewhere
                tries += sorted(same, key=lambda p: -p[0])[:QUOTED_TRIES]
                for sim, y in tries:
                    vy = vectors[_key(y)]
                    covers = (coverage(vx, vy), coverage(vy, vx))
                    quoted = _key(y) in same_sites
                    if quoted:
                        # one quotation credited in both: the speakers' own descriptions
                        # ("the regional health minister") are no content of theirs, and
                        # the words quoted (``QUOTE_SAME_WORDS`` or more) are no chance
                        sim, covers = max(sim, RELAY_MIN), (1.0, 1.0)
                    short = (_short(x) or _short(y)) and not quoted
                    if short and (sim < SHORT_SAME or not x.status == y.status == CREDITED):
                        continue
                    judge = partial(
                        _judge,
                        sim=sim,
                        credited_there=credited_there,
                        story=story,
                        covers=covers,
                        y_article=by_article[y_id],
                        y_outlet=outlets[y_id],
                        x_outlet=outlets[x_id],
                        quoted=quoted,
                    )
                    found = judge(x, y)
                    if found is None and quoted:  # "..., he said": the speaker named before
                        named = (
                            _named_before(x, claims[x_id], sentences),
                            _named_before(y, claims[y_id], sentences),
                        )
                        if named != (x, y) and (found := judge(*named)) is not None:
                            found = found if found.kind == "source" else None
                    if found is None or _one_chain(found, sentences):
                        continue
                    if not _quoted_there(found, sentences, opened):
                        out.append(found)
                        break
    return out


def _join_running_quotations(
    usable: Mapping[str, Sequence[AttributedClaim]],
    quotes: dict[tuple[str, int, int], list[frozenset[str]]],
    opened: Mapping[Site, int],
) -> None:
    """Give the two sentences of one quotation running on, one speaker's, their words joined.

    Why: "'Our priority is human life. Property comes second,' said the minister"
    against "... 'Our priority is human life. Property comes second.'" credited to
    the fire spokesman: each sentence quotes five words or three, under
    ``QUOTE_SAME_WORDS``, so the change of speaker went unseen (read blind,
    seventeenth round).  The quotation is one statement whatever the sentence
    breaks: its words together are no chance.
    """
    first = {key: list(found) for key, found in quotes.items()}
    for aid, claims in usable.items():
        by_index = {c.sentence: c for c in claims if _key(c) in first}
        for c in by_index.values():
            nxt = by_index.get(c.sentence + 1)
            if nxt is None or not opened.get((aid, nxt.sentence)):
                continue  # not one quotation running on into the next sentence
            if [t.norm for t in c.speaker] != [t.norm for t in nxt.speaker]:
                continue
            here, there = first[_key(c)], first[_key(nxt)]
            if here and there:
                joined = here[-1] | there[0]
                quotes[_key(c)] = [*quotes[_key(c)], joined]
                quotes[_key(nxt)] = [*quotes[_key(nxt)], joined]


def _quoted_there(
    diff: AttributionDiff, sentences: Mapping[Site, Sentence], opened: Mapping[Site, int]
) -> bool:
    """Does the "stated as fact" version quote the credited claim's words?

    Why: 'Lind ... called it "a turning point for every small developer"'
    puts the words in quotation marks, so its outlet does not state them as
    its own, though no reporting verb of the lexicon credits them (read blind:
    "stated as fact" was wrong).  A quotation of ``QUOTE_MIN_WORDS`` content
    words or more, every word of it in the credited claim, is that claim
    quoted.
    """
    if diff.kind != "unsourced":
        return False
    said = {t.norm for t in diff.credited.content}
    site = _site(diff.other)
    return any(q <= said for q in _quoted_runs(sentences[site], opened=opened.get(site, 0)))


def _short(claim: AttributedClaim) -> bool:
    """Has the claim fewer content words than ``MIN_WORDS``?"""
    return len(features(claim.content)) < MIN_WORDS


def _one_chain(diff: AttributionDiff, sentences: Mapping[Site, Sentence]) -> bool:
    """Does a "different sources" pair name each other: one chain, not two sources?

    Why: "The A.G., according to the Times, said he had misspoken" and
    "Blumenthal told the Times he had misspoken" credit the same words to
    the same chain (Blumenthal, through the Times); the Times is one
    version's source and the other's listener.  A speaker whose every word
    (``speakers.words``) stands in the other version's sentence is no rival
    source.
    """
    if diff.kind != "source":
        return False
    for speaker, other in (
        (diff.credited.speaker, diff.other),
        (diff.other.speaker, diff.credited),
    ):
        said = speakers.words(speaker)
        # the other's sentence up to the end of its claim: "Police said 12,000 marched; the
        # union put the turnout at 30,000" names the union in a statement of its own
        # (read blind, twenty-second round: police and union were taken for one chain)
        claimed = [*other.content, *other.speaker, *other.verb]
        end = max((t.end for t in claimed), default=0)
        told = [t for t in sentences[_site(other)].tokens if t.start < end]
        if said and said <= speakers.words(told):
            return True
    return False


NAMED_BEFORE = 4  # sentences read back for the name a quotation's "he said" stands for


def _named_before(
    claim: AttributedClaim,
    claims: Sequence[AttributedClaim],
    sentences: Mapping[Site, Sentence] | None = None,
) -> AttributedClaim:
    """``claim`` with the speaker of the sentence before when its own is a pronoun.

    "Dorosh ... said the resignation did not close the matter. \u201cThis is not
    about one man ...,\u201d he said." quotes Dorosh: the commonest way a
    report names whom it quotes.  Only the ``NAMED_BEFORE`` sentences right
    before are read, each credited to the same pronoun (the quotation's first
    sentences: "X accused ... '...,' he said. '... Nobody wins ...'", read
    blind in the seventeenth round) or, for a quotation, opening with it
    ("But he objected to the loan. '...,' he said."), and only a speaker that
    is a name alone (``_a_name``).  A quotation that took its "he" from a sentence
    before it (``inherited``) reads back only within its paragraph: a quotation
    opening a paragraph of its own may be anyone's.
    """
    if not claim.speaker or speakers.words(claim.speaker):
        return claim
    pronoun = [t.norm for t in claim.speaker]
    by_sentence = {c.sentence: c for c in claims}

    def paragraph(index: int) -> int | None:
        found = sentences.get((claim.article_id, index)) if sentences is not None else None
        return found.paragraph if found is not None else None

    framed = not claim.inherited  # the pronoun's own frame read ("..., he said")
    for back in range(1, NAMED_BEFORE + 1):
        before = by_sentence.get(claim.sentence - back)
        if not framed and paragraph(claim.sentence - back) != paragraph(claim.sentence):
            return claim  # the quotation took its "he" from another paragraph
        if before is not None and before.status == CREDITED and not before.inherited:
            framed = True
        # a sentence with a verb of saying read as no frame ("Ann Roe, who presided, wrote
        # the lead judgment.") names its subject as well (read blind, twenty-second round)
        told = before is not None and before.status in (FACT, UNCLEAR)
        if told and before is not None and claim.quoted and _personal(claim):
            if _opens_with(before.content, pronoun):
                continue  # "But he objected to the loan arrangement." names no one
            # "Mayor Barbara Sosnicka defended the scheme. '...,' she said." (read blind,
            # sixteenth round): the sentence before names its subject, who speaks next
            opening = _opening_name(before.content)
            return claim if opening is None else replace(claim, speaker=opening)
        if before is None or before.status != CREDITED:
            return claim
        if speakers.words(before.speaker):
            lent = before.speaker if _a_name(before.speaker) else _titled_name(before.speaker)
            return claim if lent is None else replace(claim, speaker=lent)
        if [t.norm for t in before.speaker] != pronoun:
            return claim  # "she" before "he": another person spoke in between
    return claim


_CONJUNCTIONS = frozenset({"but", "and", "yet", "so"})


def _opens_with(tokens: Sequence[Token], pronoun: Sequence[str]) -> bool:
    """Does a sentence open with the pronoun, after a conjunction at most?

    >>> from compare.align.segment import tokenize as t
    >>> _opens_with(t("But he objected."), ["he"]), _opens_with(t("The minister objected."), ["he"])
    (True, False)
    """
    words = [t.norm for t in tokens if is_word(t)][:2]
    if words[:1] and words[0] in _CONJUNCTIONS:
        words = words[1:]
    return words[:1] == list(pronoun)


def _personal(claim: AttributedClaim) -> bool:
    """Is the claim's speaker "he" or "she" (a person, who a name before may be)?"""
    return [t.norm for t in claim.speaker] in (["he"], ["she"])


def _opening_name(tokens: Sequence[Token]) -> tuple[Token, ...] | None:
    """The name opening a sentence as its subject, before a lower-case verb ("Mayor Barbara
    Sosnicka defended ..."), of ``TITLED_NAME_MIN`` capitalised words or more.

    >>> from compare.align.segment import tokenize as t
    >>> [x.text for x in _opening_name(t("Mayor Barbara Sosnicka defended the scheme."))]
    ['Mayor', 'Barbara', 'Sosnicka']
    >>> _opening_name(t("The council defended the scheme.")) is None
    True
    """
    end = 0
    while end < len(tokens) and is_word(tokens[end]) and tokens[end].text[:1].isupper():
        end += 1
    verb = _past_relative(tokens, end)  # "Ann Roe, who presided, wrote ..."
    if end == len(tokens) or not _past_verb(tokens[verb]):
        return None  # "Local Republican Party affiliates are ...": a noun phrase, no name
    named = tuple(tokens[:end])
    return named if len(named) >= TITLED_NAME_MIN and _a_name(named) else None


RELATIVE_MAX = 25  # tokens of a relative clause set off between a name and its verb


def _past_relative(tokens: Sequence[Token], end: int) -> int:
    """Where the verb stands after a name: past ", who ...," set off after it, else at ``end``.

    >>> from compare.align.segment import tokenize as t
    >>> _past_relative(t("Ann Roe, who presided, wrote it."), 2)
    6
    """
    if end + 1 >= len(tokens) or tokens[end].norm != "," or tokens[end + 1].norm != "who":
        return end
    for k in range(end + 2, min(end + RELATIVE_MAX, len(tokens) - 1)):
        if tokens[k].norm == ",":
            return k + 1
    return end


# Past forms that do not end in "-ed", for ``_past_verb``.
_IRREGULAR_PAST = frozenset(
    {"said", "told", "spoke", "gave", "made", "took", "went", "came", "wrote", "was", "has",
     "had", "met", "sent", "led", "left", "stood", "held", "knew", "saw", "thought"}
)  # fmt: skip


def _past_verb(token: Token) -> bool:
    """A lower-case past-tense verb ("defended", "told"): the opening name is its subject."""
    norm = token.norm
    return token.text[:1].islower() and (norm.endswith("ed") or norm in _IRREGULAR_PAST)


TITLED_NAME_MIN = 2  # capitalised words a name after a title needs ("Gulnara Seitkaliyeva")


def _titled_name(speaker: Sequence[Token]) -> tuple[Token, ...] | None:
    """The name closing a speaker after a lower-case title ("Commission chair Gulnara
    Seitkaliyeva"), of ``TITLED_NAME_MIN`` capitalised words or more, else None.

    Read blind (fourteenth round): a quotation given to "she" after "Commission chair
    Gulnara Seitkaliyeva told reporters ..." and to "he" after "Abdikarimov ... said" in
    another outlet was missed, as the title's lower-case word made the speaker no name.

    >>> from compare.align.segment import tokenize as t
    >>> [x.text for x in _titled_name(t("Commission chair Gulnara Seitkaliyeva"))]
    ['Gulnara', 'Seitkaliyeva']
    >>> _titled_name(t("the chairman of the board")) is None
    True
    """
    end = len(speaker)
    start = name_run(speaker, 0, end)
    if end - start < TITLED_NAME_MIN or start == 0:
        return None
    return tuple(speaker[start:end])


def _a_name(speaker: Sequence[Token]) -> bool:
    """Is a speaker a name alone ("Dr Helena Brask", "Finance Minister Clara Ostheim"), every
    content word capitalised?  A description or a misread clause is no name to lend."""
    found = content_words(speaker)
    return bool(found) and all(t.text[:1].isupper() for t in found)


def _with_second_statements(claims: Iterable[AttributedClaim]) -> list[AttributedClaim]:
    """Claims with each "said A and that B" also read as its own claim B.

    Why: read blind (twelfth round), "Hristov said data had been used in 70 per cent of
    cases and that 14 ongoing investigations could be affected" against "Officials said 14
    ongoing investigations could be affected" was missed: only A was compared.
    """
    out = []
    for c in claims:
        out.append(c)
        second = second_statement(c)
        if second is not None:
            out.append(second)
    return out


def _key(claim: AttributedClaim) -> tuple[str, int, int]:
    """A claim's identity: its sentence, and which of the sentence's statements it is."""
    return (claim.article_id, claim.sentence, claim.part)


def _own_act(claim: AttributedClaim) -> bool:
    """A source announcing its own act ("The club announced that it has agreed to sell"):
    ``sources.announces_own_act``, read in the claim's content."""
    announcing = any(t.norm in single_word_verbs("announce") for t in claim.verb)
    return announcing and announces_own_act(claim.content, 0)


def _site(claim: AttributedClaim) -> Site:
    return (claim.article_id, claim.sentence)


def _judge(
    x: AttributedClaim,
    y: AttributedClaim,
    sim: float,
    credited_there: bool,
    story: speakers.Names,
    covers: tuple[float, float] = (1.0, 1.0),
    y_article: Sequence[Sequence[Token]] = (),
    y_outlet: str = "",
    x_outlet: str = "",
    quoted: bool = False,
) -> AttributionDiff | None:
    """The difference between credited claim ``x`` and its close version ``y``, if any.

    ``covers`` are the shares of ``x``'s content that ``y``'s holds and of
    ``y``'s that ``x``'s holds (``coverage``): two rival sources must be
    credited with the same claim, not one with a claim the other's only
    restates a part of; a hearsay version must hold what the source said.
    ``y_article`` holds the sentences of ``y``'s article (its speaker may be named there)
    and ``y_outlet`` its outlet's name: a source naming that outlet ("the Times
    reported") is that outlet telling its own reporting, not a claim stripped of
    its source; nor is a source naming ``x``'s own outlet, ``x_outlet`` ("The Times
    reported" in The New York Times vouches for its own reporting, as a version
    stating it does).  ``credited_there``: ``y``'s outlet credits ``x``'s claim in one
    of its sentences (``credited_in``).  ``quoted``: the two claims quote one
    quotation (``same_quotation``), so a speaker named in another sentence of it counts.
    """
    sure = CERTAIN if sim >= RELAY_MIN else UNSURE
    if y.status == FACT and sim >= UNSOURCED_MIN:
        if (
            not credited_there
            and not speakers.names_outlet(x.speaker, y_outlet)
            and not speakers.names_outlet(x.speaker, x_outlet)
            and not speakers.credited_nearby(x.speaker, y_article, y.sentence)
            and not announces_act(x.content)  # "were indicted, prosecutors announced"
            and not _own_act(x)  # "The club announced that it has agreed to sell ..."
            and not intends(x.content)  # "Investigators said they expected to recover ..."
            # "The Met Office recorded ...": the other version names its source as subject
            and not speakers.opens_with(x.speaker, y.content)
            # "..., the federation announced" / "The federation dismissed the coach ..."
            and not speakers.acts_as_subject(x.speaker, x.verb, y.content)
            and not speakers.party_opens(x.speaker, y.content)  # "The government has promised"
            # "..., with Chinese state media reporting that ...": the source named in a verb
            # form the frames do not read
            and not speakers.names_reporting(x.speaker, y.content)
            and not claim_framed(y.content)  # "built on the claim that ...": someone's claim
            and not demands(y.content)  # "The union is demanding ...": a party's case
        ):
            return AttributionDiff("unsourced", x, y, sim, sure)
        return None
    first_hand = not (x.inherited or y.inherited or x.relayed or y.relayed)
    if y.hearsay:
        heard = sim >= SOURCE_MIN and covers[0] >= SOURCE_COVER and first_hand
        if heard and not credited_there and x.speaker and not speakers.unnamed(x.speaker):
            return AttributionDiff("hearsay", x, y, sim, UNSURE)
        return None
    if y.status != CREDITED:
        return None
    if x.relayed and not y.relayed and sim >= RELAY_MIN and x.quoted and y.quoted:
        return AttributionDiff("relay", x, y, sim, CERTAIN)
    # Both speakers named in their own sentence, neither relaying another source ("X,
    # citing Y, said" and "Y said" may be one source).
    close = sim >= SOURCE_MIN and first_hand
    if close and speakers.unnamed(y.speaker) and speakers.named_source(x.speaker, story):
        if speakers.named_elsewhere(y.speaker, y_article, speakers.words(x.speaker)):
            return None  # "said the spokesman", named in full elsewhere in the same article
        if speakers.place_named(x.speaker, y.speaker, y_article):
            return None  # "Police said" in a story of Westmarch, against "Westmarch Police said"
        return AttributionDiff("unnamed", x, y, sim, sure)
    ordered = x.article_id < y.article_id  # each pair once
    # One quotation quoted in both (``quoted``): its speaker, named in another sentence of
    # the quotation ("'... gigafactory. We need a plan ...,' said Gareth Pryce"), is its own.
    told_by = first_hand or (quoted and not (x.relayed or y.relayed))
    if (
        sim >= SOURCE_MIN
        and ordered
        and told_by
        and min(covers) >= SOURCE_COVER
        and speakers.different(x.speaker, y.speaker, story)
    ):
        return AttributionDiff("source", x, y, sim, sure)
    return None
