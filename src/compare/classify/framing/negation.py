"""Rule family: wording_change, a negation one version has and the other lacks.

Why a rule of its own: "the cameras had not been working" against "the
cameras had been working" changes no content word, so the rewording rule,
which weighs content words, reads it as grammar and says nothing; yet the
two versions state opposite facts.  Only a plain negation counts ("not",
"never", "no", a verb with "n't", "cannot"), added or dropped inside wording
the two versions otherwise share: the words either side of it must match,
and the rest of the change may hold only the negated verb in another form
("hadn't" / "had", "did not say" / "said").  Not a negation that only
frames ("not only", "whether or not", "if not", "no doubt"), nor one the
other version moved elsewhere in the sentence (each version's negations are
counted whole).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.words import is_word, stem
from compare.classify.base import Candidate, Context
from compare.classify.cells import shorten
from compare.classify.pairs import CellPair, cell_pairs, phrase_spans
from compare.classify.same_content import same_content
from compare.model import Kind, Severity, Token
from compare.text.wordnet import same_lemma

NEGATORS = frozenset({"not", "never", "no", "nobody", "nothing", "none", "neither", "nor"})
# Contracted or fused negations and the verb each negates.
_FUSED = {"cannot": "can", "can't": "can", "won't": "will", "shan't": "shall"}
# Auxiliaries that carry a negation ("did not say" / "said"): no content of their own.
_AUXILIARIES = frozenset(
    {"do", "does", "did", "has", "have", "had", "is", "are", "was", "were", "be", "been", "will",
     "would", "can", "could", "should", "may", "might", "must", "shall"}
)  # fmt: skip
# A negation after these words only frames the clause: "whether or not", "if not".
_FRAMING_BEFORE = frozenset({"or", "if"})
# ... and before these: "not only", "not just", "not least", "no doubt", "no longer than".
_FRAMING_AFTER = frozenset({"only", "just", "merely", "simply", "least", "doubt", "matter"})
CONTEXT = 2  # words either side of the change that must match in both versions
CLAUSE_REST = 4  # words after it that match, when the clause runs on past them
SHOWN = 2  # words either side of the change quoted in the finding
MAX_CHANGE = 4  # tokens a side of the change may hold: more is a rewritten clause


def negation_base(word: str) -> str | None:
    """The word a negation leaves once its negation is taken out, or None for no negation.

    "" for a negation standing alone ("not", "never").

    >>> negation_base("not"), negation_base("hadn't"), negation_base("cannot")
    ('', 'had', 'can')
    >>> negation_base("had"), negation_base("nothing")
    (None, '')
    """
    norm = word.casefold().replace("\u2019", "'")
    if norm in NEGATORS:
        return ""
    if norm in _FUSED:
        return _FUSED[norm]
    if norm.endswith("n't") and len(norm) > 3:
        return norm[:-3]
    return None


def _negations(tokens: Sequence[Token]) -> list[int]:
    """Indexes of the negations that deny something (not those that only frame a clause)."""
    out = []
    for k, t in enumerate(tokens):
        if negation_base(t.norm) is None:
            continue
        before = tokens[k - 1].norm if k else ""
        after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
        if before in _FRAMING_BEFORE or after in _FRAMING_AFTER:
            continue
        out.append(k)
    return out


def _rest(tokens: Sequence[Token]) -> list[str]:
    """The words of a stretch once its negations and auxiliaries are taken out."""
    out = []
    for t in tokens:
        if not is_word(t):
            continue
        base = negation_base(t.norm)
        word = t.norm if base is None else base
        if word and word not in _AUXILIARIES:
            out.append(word)
    return out


def _same_words(a: list[str], b: list[str]) -> bool:
    """Are two stretches the same words in order, inflection aside ("see" / "saw")?"""
    return len(a) == len(b) and all(
        stem(x) == stem(y) or same_lemma(x, y) for x, y in zip(a, b, strict=True)
    )


def _matched_around(pair: CellPair, at: int) -> bool:
    """Do the words either side of the opcode at ``at`` match in both versions?

    Before the change: ``CONTEXT`` words or the cell's start.  After it: the
    rest of the clause, up to a punctuation mark or the cell's end, or
    ``CLAUSE_REST`` words, so the negation denies the same statement in both:
    "money that shouldn't have been used," against "money that should have
    been used for my campaign" negates a different clause.
    """
    codes = pair.opcodes
    if at > 0:
        op, i1, i2, _j1, _j2 = codes[at - 1]
        if op != "equal" or sum(is_word(t) for t in pair.a_tokens[i1:i2]) < CONTEXT:
            return False
    if at + 1 >= len(codes):
        return True
    op, i1, i2, _j1, _j2 = codes[at + 1]
    if op != "equal":
        return False
    run = pair.a_tokens[i1:i2]
    words = sum(is_word(t) for t in run)
    ends = at + 2 == len(codes) or any(not is_word(t) for t in run)
    return words >= CLAUSE_REST or (words >= CONTEXT and ends)


def _flip(pair: CellPair, at: int, neg_a: Sequence[int], neg_b: Sequence[int]) -> bool:
    """Is the opcode at ``at`` a negation one side adds to wording both sides share?

    ``neg_a`` and ``neg_b`` are the indexes of each cell's negations (``_negations``).
    """
    _op, i1, i2, j1, j2 = pair.opcodes[at]
    if max(i2 - i1, j2 - j1) > MAX_CHANGE:
        return False
    if any(i1 <= k < i2 for k in neg_a) == any(j1 <= k < j2 for k in neg_b):
        return False
    same_rest = _same_words(_rest(pair.a_tokens[i1:i2]), _rest(pair.b_tokens[j1:j2]))
    return same_rest and _matched_around(pair, at)


def _phrase(tokens: Sequence[Token], lo: int, hi: int) -> tuple[Token, ...]:
    """The change with ``SHOWN`` words either side, so both versions quote a readable phrase."""
    start, end, words = lo, hi, 0
    while start > 0 and words < SHOWN:
        start -= 1
        words += is_word(tokens[start])
    words = 0
    while end < len(tokens) and words < SHOWN:
        words += is_word(tokens[end])
        end += 1
    kept = tokens[start:end]
    first = next(k for k, t in enumerate(kept) if is_word(t))
    last = max(k for k, t in enumerate(kept) if is_word(t))
    return tuple(kept[first : last + 1])


def find(ctx: Context) -> list[Candidate]:
    """One finding per cell pair whose versions differ by a negation."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        neg_a, neg_b = _negations(pair.a_tokens), _negations(pair.b_tokens)
        if len(neg_a) == len(neg_b):
            continue  # as many negations in each: none dropped, or one moved elsewhere
        if pair.loose() or not same_content(ctx, pair):
            continue
        for at, (op, i1, i2, j1, j2) in enumerate(pair.opcodes):
            if op == "equal" or not _flip(pair, at, neg_a, neg_b):
                continue
            a = _phrase(pair.a_tokens, i1, i2)
            b = _phrase(pair.b_tokens, j1, j2)
            out.append(_candidate(ctx, pair, a, b))
    return out


def _candidate(
    ctx: Context, pair: CellPair, a: tuple[Token, ...], b: tuple[Token, ...]
) -> Candidate:
    spans = phrase_spans(ctx, pair, a, b)
    ta, tb = (shorten(spans[x][0].text, 80) for x in (pair.a, pair.b))
    negated, plain = (ta, tb) if _negations(a) else (tb, ta)
    return Candidate(
        kind=Kind.WORDING_CHANGE,
        severity=Severity.HIGH,
        passage_id=pair.passage_id,
        key=f"negation:{plain.casefold()}",
        spans=spans,
        explanation=(
            f'One version says "{negated}", another "{plain}": the same words with and without '
            "a negation, so the two versions state opposite things. At most one of them can be "
            "right; an editor should check which."
        ),
        label=f'"{negated}" vs "{plain}"',
        weight=1.0,
    )
