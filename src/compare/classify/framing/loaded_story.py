"""A loaded label only one outlet uses, anywhere in the story ("the dictator", "the regime").

Why story-wide: the lexicon rule (``framing.loaded``) compares two versions
of one aligned passage, but an outlet that calls a leader "the dictator"
or a government "the rogue regime" usually does so in a sentence of its own
("But this morning the dictator released a statement") that the aligner
pairs with nothing.  The framing is then the outlet's choice of word for an
actor every outlet writes about, and the others' plainer word is elsewhere
in their copy.

What keeps it precise: only labels for people and governments
(``LABELS``, a part of the lexicon), as a definite description ("the
dictator": an actor the story already named, not "a novel about
terrorists"), in the outlet's own voice (never inside quotation marks,
where the word is the speaker's); no other compared
article uses the word in its own voice (a speaker quoted saying "every
regime" is no outlet's choice); at least one other article uses a plainer
word the lexicon lists for it ("leader", "government"), so they speak of
that kind of actor in plainer words.  The rules do not read who the label
names, so the finding is uncertain (``CONFIDENCE``): never a headline.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from compare.claims.attributed_frames import sentence_quote_masks
from compare.claims.sources import markers
from compare.claims.words import content_words, find_phrases, has_run, is_word, stem
from compare.classify.base import Candidate, Context
from compare.ingest.headlines import headline_sentences
from compare.model import Kind, Sentence, Severity, Token

# Lexicon entries (classify_loaded_terms.txt) that label an actor: a person, a group or
# a government.  Verbs of criticism ("slammed") and words for events ("massacre") judge
# what happened in one sentence, which the passage rule compares.
LABELS = frozenset(
    {"regime", "dictator", "despot", "tyrant", "strongman", "junta", "terrorist",
     "terrorists", "thugs", "mob", "rioters", "looters", "extremists", "extremist",
     "hooligans", "yobs", "vandals", "cronies", "mouthpiece", "hordes"}
)  # fmt: skip
# Labels for people by their legal status ("illegal migrants"): the framing is in the bare
# plural too, the usual way of naming a group so ("a plan to send illegal migrants abroad"),
# where a label like "terrorists" may speak of a kind (read blind, twenty-second round: a
# headline's "illegal migrants", the others' "asylum seekers", went unreported).
STATUS_LABELS = frozenset(
    {"illegal immigrants", "illegal immigrant", "illegal aliens", "illegal migrants",
     "illegal migrant", "illegals"}
)  # fmt: skip
CONFIDENCE = 0.6  # who the label names is not read: never a headline (merge.UNCERTAIN)


def find(
    ctx: Context,
    table: Mapping[tuple[str, ...], str],
    alternatives: Mapping[str, frozenset[str]],
    taken: set[tuple[str, str]],
) -> list[Candidate]:
    """One finding per article and label no other article uses (``taken``: already reported).

    ``table`` is the lexicon (term -> why), ``alternatives`` the plainer
    words listed for each reason, ``taken`` the (article, term) pairs the
    passage rule already reported.
    """
    labels = {k: why for k, why in table.items() if " ".join(k) in LABELS | STATUS_LABELS}
    stems = {aid: _article_stems(a.sentences) for aid, a in ctx.articles.items()}
    # a word another outlet prints only inside quotation marks is its speaker's, not its own
    own = {aid: _own_voice_stems(a.sentences) for aid, a in ctx.articles.items()}
    out = []
    for aid, article in ctx.articles.items():
        others = [o for o in ctx.articles if o != aid]
        seen: set[str] = set()
        heads = frozenset(headline_sentences(article))
        for sentence, start, end, why in _own_voice_terms(article.sentences, labels, heads):
            tokens = sentence.tokens[start:end]
            term = " ".join(t.norm for t in tokens)
            if term in seen or (aid, term) in taken:
                continue
            seen.add(term)
            words = [stem(t.norm) for t in tokens]
            if any(any(has_run(s, words) for s in own[o]) for o in others):
                continue  # another outlet uses the word too: no choice of framing
            plain = sorted(alternatives.get(why, frozenset()))
            users = [o for o in others if any(_has_word(stems[o], w) for w in plain)]
            if not users:
                continue  # nobody names that kind of actor in plainer words
            span = ctx.tokens_span(aid, tuple(tokens))
            outlet = article.outlet
            used = next(w for w in plain if any(_has_word(stems[o], w) for o in users))
            out.append(
                Candidate(
                    kind=Kind.LOADED_TERM,
                    severity=Severity.MEDIUM,
                    passage_id=_passage_of(ctx, aid, sentence.index),
                    key=f"label:{aid}:{term}",
                    spans={aid: (span,)},
                    explanation=(
                        f'Only {outlet} uses the loaded label "{span.text}": {why}. No other '
                        f"outlet uses the word in its own voice; "
                        f'{_names(ctx, users)} write{"s" if len(users) == 1 else ""} "{used}". '
                        "Check that they name the same actor."
                    ),
                    label=f'"{span.text}" only in {outlet}',
                    weight=1.0,
                    confidence=CONFIDENCE,
                )
            )
    return out


def _own_voice_terms(
    sentences: Sequence[Sentence],
    labels: Mapping[tuple[str, ...], str],
    headline: frozenset[int] = frozenset(),
) -> Iterator[tuple[Sentence, int, int, str]]:
    """(sentence, start, end, why) of each label outside quotation marks; in the sentences
    of the ``headline``, a label after a name counts as definite too (``_named_in_headline``)."""
    for sentence, inside in sentence_quote_masks(sentences):
        for start, end, why in find_phrases(sentence.tokens, labels):
            if inside[start]:
                continue
            if (
                _definite(sentence.tokens, start)
                or _status_in_own_voice(sentence.tokens, start, end)
                or (sentence.index in headline and _named_in_headline(sentence.tokens, start))
            ):
                yield sentence, start, end, why


def _status_in_own_voice(tokens: Sequence[Token], start: int, end: int) -> bool:
    """A status label (``STATUS_LABELS``) with no verb of saying before it in its sentence.

    Why: "Mr. Trump asserted that the flow of drugs, criminals and illegal immigrants
    ... constitutes a crisis" is the speaker's word in reported speech, not the outlet's
    own (read on BASIL once the bare plural counted).
    """
    if " ".join(t.norm for t in tokens[start:end]) not in STATUS_LABELS:
        return False
    return not any(m[0] < start for m in markers(tokens))


_DEFINITE = frozenset({"the", "this", "that"})
DEFINITE_REACH = 2  # words (modifiers) allowed between "the" and the label: "the rogue regime"


def _definite(tokens: Sequence[Token], start: int) -> bool:
    """Is the label a definite description ("the dictator", "the rogue regime")?

    Why: a definite label points back at an actor the story already named,
    which is the framing choice ("Kim" / "the dictator"); a bare or
    indefinite one speaks of a kind ("a novel about terrorists").
    """
    for k in range(start - 1, max(start - 2 - DEFINITE_REACH, -1), -1):
        if tokens[k].norm in _DEFINITE:
            return True
        if not content_words(tokens[k : k + 1]):
            return False  # "the presence of terrorists": "of" ends the noun phrase
    return False


def _named_in_headline(tokens: Sequence[Token], start: int) -> bool:
    """Does a name or a proper adjective stand right before a headline's label?

    Why: headlines drop "the", so "... reporter from Dravian regime" names the
    government as "the Dravian regime" would (read blind, twelfth round:
    missed).  Only in a headline: in running text "attacks by Muslim
    terrorists" or "Al Qaeda-linked extremists" speak of a kind.

    >>> from compare.align.segment import tokenize as t
    >>> _named_in_headline(t("Deal frees reporter from Dravian regime"), 5)
    True
    >>> _named_in_headline(t("Regime change looms"), 0)
    False
    """
    return start > 1 and tokens[start - 1].text[:1].isupper() and is_word(tokens[start - 1])


def _article_stems(sentences: Sequence[Sentence]) -> list[list[str]]:
    return [[stem(t.norm) for t in s.tokens] for s in sentences]


def _own_voice_stems(sentences: Sequence[Sentence]) -> list[list[str]]:
    """Each sentence's stems outside quotation marks, runs of them ("regime", "every ...")."""
    out: list[list[str]] = []
    for sentence, inside in sentence_quote_masks(sentences):
        run: list[str] = []
        for t, quoted in zip(sentence.tokens, inside, strict=False):
            if quoted:
                if run:
                    out.append(run)
                run = []
            else:
                run.append(stem(t.norm))
        if run:
            out.append(run)
    return out


def _has_word(stems: Sequence[Sequence[str]], word: str) -> bool:
    target = [stem(w) for w in word.split()]
    return any(has_run(s, target) for s in stems)


def _passage_of(ctx: Context, aid: str, index: int) -> str | None:
    for passage in ctx.alignment.passages:
        if index in passage.cells.get(aid, ()):
            return passage.id
    return None


def _names(ctx: Context, ids: Sequence[str]) -> str:
    names = [ctx.articles[i].outlet for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
