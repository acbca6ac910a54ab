"""Vote tallies in a sentence: "voted 9-6", "by nine votes to six".

Why a reading of its own: a tally is two figures read as one, and neither
side counts a thing ("nine votes to six" is not six of anything), so the
count reader leaves both out (``number_context.excluded``) and the numbers
family compares tallies as tallies (``classify.numbers.tallies``).
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.claims.number_lexicon import things, units, whole_number_word
from compare.model import Token

# Words of a sentence about a vote: "voted 9-6", "the motion passed by nine votes to six",
# "the assembly passed it 34-21", "the court ruled 5-4", "approved 7-2".
_VOTE_WORDS = frozenset(
    {"vote", "votes", "voted", "voting", "ballot", "ballots", "balloted", "motion", "passed",
     "approved", "rejected", "ruled", "backed"}
)  # fmt: skip
_DASHES = frozenset({"-", "\u2013", "\u2014"})
MAX_SIDE = 1000  # a side of a tally: councils, courts and parliaments, not crowds
_CHANGE_FROM = frozenset({"from", "between"})  # "from 15 to 10": a change, not a tally


def _value(norm: str) -> int | None:
    """A side of a tally as a whole number: "9" or "nine"; None for anything else."""
    return int(norm) if norm.isdigit() else whole_number_word(norm)


def tallies(tokens: Sequence[Token]) -> list[tuple[int, int, int, int]]:
    """``(first, end, larger, smaller)`` of each tally in a sentence about a vote.

    >>> from compare.align.segment import tokenize
    >>> tallies(tokenize("Councillors voted 9-6 to close the libraries."))
    [(2, 5, 9, 6)]
    >>> tallies(tokenize("The motion passed by nine votes to six."))
    [(4, 8, 9, 6)]
    >>> tallies(tokenize("City won 2-1 on Saturday."))
    []
    >>> tallies(tokenize("In the vote its seats fell from 15 to 10."))
    []
    >>> tallies(tokenize("The vote cut the board from 15 to 10 seats."))
    []
    """
    norms = [t.norm for t in tokens]
    if not _VOTE_WORDS & set(norms):
        return []
    out = []
    k = 0
    while k < len(norms):
        first = _value(norms[k])
        if first is None:
            k += 1
            continue
        if k + 2 < len(norms) and norms[k + 1] in _DASHES | {"to"}:
            second, end = _value(norms[k + 2]), k + 3
        elif k + 3 < len(norms) and norms[k + 1] == "votes" and norms[k + 2] == "to":
            second, end = _value(norms[k + 3]), k + 4
        else:
            k += 1
            continue
        dashed = norms[k + 1] in _DASHES
        joined = dashed and tokens[k + 1].start == tokens[k].end
        if second is None or (dashed and not joined) or not 0 <= second <= first <= MAX_SIDE:
            k += 1
            continue
        after = norms[end] if end < len(norms) else ""
        if (k and norms[k - 1] in _CHANGE_FROM) or (after in things() or (after,) in units()):
            k += 1  # "fell from 15 to 10 seats in the vote": a change of a count, no tally
            continue
        out.append((k, end, first, second))
        k = end
    return out


def in_tally(tokens: Sequence[Token], i: int) -> bool:
    """Is token ``i`` a side of a vote tally in its sentence?

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("The motion passed by nine votes to six.")
    >>> in_tally(t, 4), in_tally(t, 7), in_tally(t, 1)
    (True, True, False)
    """
    return any(first <= i < end for first, end, _a, _n in tallies(tokens))
