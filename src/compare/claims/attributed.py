"""Attributed claims: who is credited with each sentence's content, and how.

Why a claim layer for attribution: a reporting verb in a word list is not an
attribution.  "The flood claimed 8 lives" credits nobody; the second
sentence of a quotation is still the speaker's although it has no verb; "he
is quoted as saying" relays words that "he said" presents as heard first
hand.  So each sentence is read into one ``AttributedClaim``: the reported
*content* (the words a source vouches for), the *speaker* and *verb* that
credit it, whether the words are *relayed*, and a status:

* ``credited``: a speaker is named in the sentence ("X said ...", "...,
  X said", "according to X, ...", "X identified the man as ..."), or the
  sentence continues a quotation whose speaker is named nearby;
* ``fact``: no reporting frame and no running quotation: the outlet's own
  voice (only the words outside quotation marks count as its content);
* ``unclear``: it may continue reported speech ("He added that ... . The
  four are to start ...") or is a quotation nobody is named for: never used
  as "stated as fact", since a wrong "fact" finding costs more than a miss.

A reporting verb counts only with a clausal complement or a speaker before
the content: a verb such as "claimed" or "announced" followed by a plain
noun phrase ("claimed 8 lives", "announced a merger") reports an event.
Speakers are compared in ``speakers``; claims across outlets in
``attributed_compare``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from compare.claims.attributed_frames import (
    CLOSE_QUOTE,
    QUOTE_MARKS,
    Frame,
    frame_words,
    quote_mask,
    reports_unlisted,
    speech_noun,
    unread_verb,
)
from compare.claims.attributed_frames import frame as read_frame
from compare.claims.hedge_words import Hedge, hedges
from compare.claims.words import is_word
from compare.model import Article, Sentence, Token

CREDITED, FACT, UNCLEAR = "credited", "fact", "unclear"
QUOTED_SHARE = 0.6  # share of a sentence's words inside quotation marks to read it as a quote
# Hedge classes that credit a claim to unnamed others ("reportedly", "allegedly").
_HEARSAY = frozenset({"hearsay", "doubt"})


@dataclass(frozen=True)
class AttributedClaim:
    """One sentence read as a claim: its content and who, if anyone, is credited with it."""

    article_id: str
    sentence: int  # index into Article.sentences
    status: str  # CREDITED, FACT or UNCLEAR
    content: tuple[Token, ...]
    speaker: tuple[Token, ...] = ()
    verb: tuple[Token, ...] = ()
    relayed: bool = False  # "is quoted as saying", "citing ...": second-hand words
    quoted: bool = False  # the content is a direct quotation
    inherited: bool = False  # the speaker is named in another sentence of the quotation
    # The hearsay hedge ("reportedly", "is said to") that credits the words to unnamed
    # others, when that is the only reason the sentence is not the outlet's own voice.
    hearsay: tuple[Token, ...] = ()
    # The second of two coordinated statements ("said A and that B"): ``content`` holds A,
    # this B.  Each is a claim of its own another outlet may credit elsewhere.
    also: tuple[Token, ...] = ()
    part: int = 0  # 1 for the claim made of a sentence's ``also`` (``second_statement``)


def _words(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if is_word(t))


def article_claims(article: Article, *, skip: Sequence[str] = ()) -> tuple[AttributedClaim, ...]:
    """Every sentence of an article read as an ``AttributedClaim`` (headline left out).

    >>> from compare.align.segment import segment
    >>> from compare.model import Article, Span
    >>> text = 'Police said the man fled. "He ran. He hid," Ann Lee said. The road shut.'
    >>> body = (Span("a", 0, len(text), 1, text),)
    >>> art = segment(Article("a", "a.txt", "", text, "A", "", None, None, "", paragraphs=body))
    >>> [(c.status, " ".join(t.text for t in c.speaker)) for c in article_claims(art)]
    [('credited', 'Police'), ('credited', 'Ann Lee'), ('credited', 'Ann Lee'), ('fact', '')]
    """
    sentences = article.sentences
    frames: list[Frame | None] = []
    masks: list[list[bool]] = []
    opened: list[bool] = []
    state = 0  # how deep quotations are open after the sentence before
    for k, s in enumerate(sentences):
        if k and s.paragraph != sentences[k - 1].paragraph and not _runs_on(sentences, k):
            # A quotation running on reopens each paragraph with a mark, which then opens
            # it afresh: a mark left open earlier and carried on made that mark close it
            # ('"I love this country ...' read as the outlet's words).  Nor does it run on
            # when no closing mark follows: a stray mark (a quotation opened with a single
            # mark and closed with a double one) made every later paragraph's quotation
            # the outlet's own words.
            state = 0
        opened.append(state > 0)
        mask, state = quote_mask(s.tokens, state)
        masks.append(mask)
        frames.append(read_frame(s.tokens, mask))
    out = []
    for i, s in enumerate(sentences):
        toks, mask, frame = s.tokens, masks[i], frames[i]
        if s.text.strip() in skip or not toks:
            continue
        quoted_words = sum(1 for t, m in zip(toks, mask, strict=True) if m and is_word(t))
        quoted = quoted_words >= QUOTED_SHARE * max(_words(toks), 1)
        if frame is not None and frame.speaker[0] == frame.speaker[1]:
            out.append(AttributedClaim(article.id, i, UNCLEAR, toks, quoted=quoted))
            continue
        if frame is not None:
            out.append(
                AttributedClaim(
                    article.id,
                    i,
                    CREDITED,
                    tuple(toks[k] for k in frame.content),
                    tuple(toks[frame.speaker[0] : frame.speaker[1]]),
                    tuple(toks[frame.verb[0] : frame.verb[1]]),
                    frame.relayed,
                    quoted,
                    also=_second_statement(toks, frame),
                )
            )
            continue
        if quoted:
            out.append(_inherit(article, i, frames, opened))
            continue
        own = tuple(t for t, m in zip(toks, mask, strict=True) if not m)
        before = frames[i - 1] if i else None
        # News paragraphs are often one sentence, and an account given in parts ("He
        # added that ...") runs on across them; a single statement runs on only
        # inside its paragraph.
        same_par = i > 0 and (
            sentences[i - 1].paragraph == s.paragraph
            or (
                sentences[i - 1].paragraph == s.paragraph - 1
                and _continues(sentences[i - 1], before)
            )
        )
        # "He added that India chose four. The four train in Russia.": a frame that
        # opens its sentence and runs to its end may carry on into this one.
        runs_on = (
            before is not None
            and same_par
            and bool(before.content)
            and before.content[0] >= before.verb[1]
            and (before.content[-1] if before.reach is None else before.reach)
            == len(sentences[i - 1].tokens) - 1
        )
        found = hedges(toks)
        hearsay = any(h[2] in _HEARSAY for h in found)  # "reportedly", "allegedly"
        other = speech_noun(toks) or reports_unlisted(toks, mask) or unread_verb(toks, mask)
        other = other or _under_document(toks)
        status = UNCLEAR if runs_on or hearsay or other or _introduced(sentences, i) else FACT
        plain = () if runs_on or other else _hearsay_words(toks, found)
        out.append(AttributedClaim(article.id, i, status, own, hearsay=plain))
    return tuple(out)


# Documents whose terms a sentence can set out: "Under the draft bill, ..., the age would
# rise" tells what the bill says, which another outlet's "the minister said the age would
# rise" credits to the minister presenting it (read blind, nineteenth round, as a claim
# stated as fact).
DOCUMENT_NOUNS = frozenset(
    {"plan", "plans", "bill", "proposal", "proposals", "deal", "agreement", "law", "laws",
     "rules", "terms", "scheme", "budget", "contract", "reform", "reforms", "measure",
     "measures", "legislation", "settlement", "regulations", "policy", "draft", "accord",
     "treaty", "programme", "program", "package"}
)  # fmt: skip
DOCUMENT_REACH = 5  # words after "Under" where the document's noun may stand


def _under_document(tokens: Sequence[Token]) -> bool:
    """Does the sentence open "Under the <document>": the document's terms, not the outlet's?

    >>> from compare.align.segment import tokenize as t
    >>> _under_document(t("Under the draft bill, presented on Tuesday, the age would rise."))
    True
    >>> _under_document(t("Under the bridge, the water rose.")), _under_document(t("The plan."))
    (False, False)
    """
    words = [t.norm for t in tokens[: DOCUMENT_REACH + 1]]
    if not words or words[0] != "under":
        return False
    for w in words[1:]:
        if w in DOCUMENT_NOUNS:
            return True
        if w == ",":
            return False
    return False


def _second_statement(tokens: Sequence[Token], frame: Frame) -> tuple[Token, ...]:
    """B of "X said A and that B" (or "... and said B"): the words after the coordination
    the frame's content stops at, or () when the content runs to the sentence's end."""
    if frame.reach is None or not frame.content:
        return ()
    k = frame.content[-1] + 2  # past "and"
    if (
        k < len(tokens)
        and tokens[k].norm != "that"
        and tokens[k].norm != ","
        and k + 1 < len(tokens)
    ):
        k += 1  # past the second verb: "and said"
    if k < len(tokens) and tokens[k].norm == "that":
        k += 1
    return tuple(tokens[k : frame.reach + 1])


def second_statement(claim: AttributedClaim) -> AttributedClaim | None:
    """The claim of ``claim``'s coordinated second statement, if it has one.

    >>> from compare.align.segment import segment
    >>> from compare.model import Article, Span
    >>> text = "Lee said data was used in 70 cases and that 14 inquiries could be hit."
    >>> body = (Span("a", 0, len(text), 1, text),)
    >>> art = segment(Article("a", "a.txt", "", text, "A", "", None, None, "", paragraphs=body))
    >>> (c,) = article_claims(art)
    >>> " ".join(t.text for t in second_statement(c).content)
    '14 inquiries could be hit .'
    """
    if not claim.also:
        return None
    return replace(claim, content=claim.also, also=(), part=1)


def _introduced(sentences: Sequence[Sentence], i: int) -> bool:
    """Is sentence ``i`` in a paragraph introduced by one ending in a colon?

    Why: a statement, post or letter reproduced as a block ("Read the full
    post:" and then its text) loses its quotation marks on the web page;
    the paragraph after the colon is someone's words, not the outlet's.
    """
    s = sentences[i]
    k = i
    while k > 0 and sentences[k - 1].paragraph == s.paragraph:
        k -= 1  # the first sentence of this paragraph
    if k == 0 or sentences[k - 1].paragraph != s.paragraph - 1:
        return False
    before = sentences[k - 1].tokens
    return bool(before) and before[-1].norm == ":"


def _runs_on(sentences: Sequence[Sentence], k: int) -> bool:
    """Does a quotation left open run on into sentence ``k``'s paragraph, unmarked?

    Only when the next quotation mark from there on is a closing one, in this
    paragraph or a later one ("... of the Republican Party.\u201d" two
    paragraphs on, after a paragraph with no mark at all): a straight mark
    could open as well as close, and an opening mark starts a quotation of
    its own, so a mark left open before either was a stray.
    """
    for s in sentences[k:]:
        for t in s.tokens:
            if t.text in QUOTE_MARKS:
                return t.text == CLOSE_QUOTE
    return False


def _hearsay_words(tokens: Sequence[Token], found: Sequence[Hedge]) -> tuple[Token, ...]:
    """The words of the first hearsay hedge ("reportedly"), or () when there is none.

    Only the "hearsay" class: "allegedly" doubts a charge as much as it credits
    others with it, and is left to the hedge rule.
    """
    first = next((h for h in found if h[2] == "hearsay"), None)
    return () if first is None else tuple(tokens[first[0] : first[1]])


def _continues(sentence: Sentence, found: Frame | None) -> bool:
    """Is the frame's verb one of an account given in parts ("added", "continued")?"""
    if found is None:
        return False
    verb = {t.norm for t in sentence.tokens[found.verb[0] : found.verb[1]]}
    return any((v,) in frame_words("continue") for v in verb)


QUOTATION_REACH = 6  # sentences of one quotation read back for the speaker who opened it


def _inherit(
    article: Article,
    i: int,
    frames: Sequence[Frame | None],
    opened: Sequence[bool],
) -> AttributedClaim:
    """A quoted sentence without a verb: the speaker of the quotation it belongs to."""
    sentences = article.sentences
    toks = sentences[i].tokens
    order = []
    k = i + 1
    while k < len(sentences) and opened[k]:  # the quotation runs on: its close names X
        order.append(k)
        k += 1
    order.extend(j for j in (i - 1, i - 2) if j >= 0)
    # Further back through the quotation itself: its opening sentence names the speaker
    # ("X said: 'This is not charity. It is ... These ... They are coming home ...'",
    # read blind, seventeenth round: the fourth sentence was no one's).
    j = i - 2
    while j > 0 and opened[j] and i - j < QUOTATION_REACH:
        j -= 1
        order.append(j)
    for j in order:
        frame = frames[j]
        quotes = any(t.norm == '"' for t in sentences[j].tokens)
        # "X, 14, ..., said the ban would take getting used to. "Breaks will be boring."":
        # the sentence right before, in the same paragraph, introduces the speaker quoted
        # next (read blind, twenty-third round: the quotation went to the speaker before)
        introduces = (
            j == i - 1
            and frame is not None
            and frame.speaker[0] < frame.speaker[1]
            and sentences[j].paragraph == sentences[i].paragraph
        )
        if frame is not None and (
            introduces or (quotes and sentences[j].paragraph >= sentences[i].paragraph - 1)
        ):
            src = sentences[j].tokens
            return AttributedClaim(
                article.id,
                i,
                CREDITED,
                toks,
                tuple(src[frame.speaker[0] : frame.speaker[1]]),
                tuple(src[frame.verb[0] : frame.verb[1]]),
                frame.relayed,
                True,
                True,
            )
    return AttributedClaim(article.id, i, UNCLEAR, toks, quoted=True)


def content_size(claim: AttributedClaim) -> int:
    """Words in a claim's content."""
    return _words(claim.content)


def who(claim: AttributedClaim) -> str:
    """Speaker and verb in reading order: "the police said", "according to the police".

    Each token once: "KCNA quoted Kim as saying" holds its speaker inside the verb.
    """
    parts = {t.start: t for t in (*claim.speaker, *claim.verb)}
    out = ""
    previous = None
    for k in sorted(parts):
        token = parts[k]
        # spaced as written: "Gov. Rick Perry", not "Gov . Rick Perry"
        joined = previous is not None and token.start == previous.end
        out += token.text if joined or previous is None else " " + token.text
        previous = token
    return out
