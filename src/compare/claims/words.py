"""Word tests the claim readers and the rules share: word or not, function word, stem, phrases.

Why in ``claims``: the claim layer reads sentences with them and the
rule families in ``classify`` (above it) judge with the same tests, so
one definition keeps their readings consistent.  (Until #17 they lived
in ``classify/cells.py``, which the claim layer then imported upwards.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from nltk.stem.snowball import SnowballStemmer

from compare.model import Token
from compare.text import lexicons

FUNCTION_WORDS = "classify_function_words.txt"
_WORDLIKE = re.compile(r"\w")
_STEMMER = SnowballStemmer("english")


def is_word(token: Token | str) -> bool:
    """True for tokens holding a letter or digit (not bare punctuation)."""
    text = token if isinstance(token, str) else token.text
    return bool(_WORDLIKE.search(text))


def is_function_word(word: str) -> bool:
    """True for closed-class words (articles, auxiliaries, prepositions...).

    >>> is_function_word("The"), is_function_word("stalled")
    (True, False)
    """
    return word.casefold() in lexicons.words(FUNCTION_WORDS)


def content_words(tokens: Iterable[Token]) -> list[Token]:
    """Tokens that carry meaning: words that are not function words."""
    return [t for t in tokens if is_word(t) and not is_function_word(t.norm)]


@cache
def stem(word: str) -> str:
    """Snowball stem of a case-folded word, so "killing" and "killed" compare equal.

    >>> stem("Killing") == stem("killed")
    True
    """
    return _STEMMER.stem(word.casefold())


def has_run(items: Sequence[str], run: Sequence[str]) -> bool:
    """Does ``run`` occur in ``items`` as consecutive items?

    >>> has_run(["state", "funded", "travel"], ["state", "funded"]), has_run(["a"], ["a", "b"])
    (True, False)
    """
    n = len(run)
    return any(list(items[k : k + n]) == list(run) for k in range(len(items) - n + 1))


def find_phrases(
    tokens: Sequence[Token], phrases: Mapping[tuple[str, ...], str]
) -> list[tuple[int, int, str]]:
    """``(start, end, value)`` of every phrase (tuple of norms) found, longest first.

    Matches never overlap; ties go to the earlier, then longer, phrase.
    """
    norms = [t.norm for t in tokens]
    starts = _phrase_starts(phrases)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(norms):
        for n in starts.get(norms[i], ()):
            value = phrases.get(tuple(norms[i : i + n])) if i + n <= len(norms) else None
            if value is not None:
                out.append((i, i + n, value))
                i += n
                break
        else:
            i += 1
    return out


# id(table) -> (table, first norm -> phrase lengths, longest first).  The table is kept
# with its index, so its id cannot be reused while the entry exists.
_STARTS: dict[int, tuple[Mapping[tuple[str, ...], str], dict[str, tuple[int, ...]]]] = {}


def _phrase_starts(phrases: Mapping[tuple[str, ...], str]) -> dict[str, tuple[int, ...]]:
    """The lengths of a phrase table's phrases by first word, longest first.

    Why: ``find_phrases`` runs over every sentence against tables of
    hundreds of phrases; trying each length at each word (and measuring the
    table's longest phrase on every call) was a fifth of the analysis time.
    Tables are built once (``phrase_table``) and never changed, so each is
    indexed once; a table not seen before (a test's own) is indexed on
    first use.
    """
    entry = _STARTS.get(id(phrases))
    if entry is not None and entry[0] is phrases:
        return entry[1]
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if phrase:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
    index = {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}
    if len(_STARTS) > 256:
        _STARTS.clear()
    _STARTS[id(phrases)] = (phrases, index)
    return index


GROUPS_FILE = "classify_group_nouns.txt"


@cache
def group_nouns() -> frozenset[str]:
    """Nouns naming an actor by group ("army", "witnesses"): never a person's name.

    >>> "witnesses" in group_nouns(), "reuters" in group_nouns()
    (True, False)
    """
    return lexicons.words(GROUPS_FILE)


@cache
def phrase_table(name: str, field_index: int = 1) -> Mapping[tuple[str, ...], str]:
    """A data file's first field split into token norms -> another field."""
    from compare.align.segment import tokenize

    table: dict[tuple[str, ...], str] = {}
    for row in lexicons.rows(name):
        key = tuple(t.norm for t in tokenize(row[0]))
        table.setdefault(key, row[field_index] if len(row) > field_index else "")
    return table
