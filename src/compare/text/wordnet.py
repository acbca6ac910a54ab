"""Do two words name one concept in their common senses?  (Princeton WordNet 3.0)

Why: read blind, a changed word that only swaps a synonym ("medication" /
"medicine", "bought" / "purchased", "began" / "started") was reported as a
rewording in every round of invented stories, and judged trivial: the same
fact in the same tone.  WordNet groups words into synsets, sets of words
that share one sense, and lists each word's senses most frequent first; two
words are taken as synonyms when they share a synset among the first
``COMMON_SENSES`` senses of each, so a rare sense cannot join them ("home" /
"house" share only their tenth: kept as a change).

The data is derived from WordNet 3.0 by ``bench/build_wordnet.py`` into
``data/wordnet/senses.tsv.gz`` (its licence beside it), read once on first
use (about a tenth of a second).  NLTK's own WordNet reader is not used: it
loads the whole database and looks for it in ``nltk_data``, which would
need a download.

Base forms follow WordNet's morphy(7WN): the exception lists first
("fell" -> "fall", in the data file), then its suffix substitutions.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

COMMON_SENSES = 2  # senses of each word, most frequent first, that may share a synset
PARTS = ("n", "v", "a", "r")
# WordNet's morphy(7WN) detachment rules, per part of speech: (suffix, replacement).
_SUBSTITUTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "n": (("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"),
          ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
          ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}  # fmt: skip


_Table = dict[tuple[str, str], tuple[str, ...]]


@cache
def _tables() -> tuple[_Table, _Table]:
    """(lemma, pos) -> synset offsets, most frequent first; (form, pos) -> base forms."""
    raw = resources.files("compare").joinpath("data", "wordnet", "senses.tsv.gz").read_bytes()
    senses: _Table = {}
    exceptions: _Table = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        word, pos, rest = line.split("\t")
        if rest.startswith("="):
            exceptions[(word, pos)] = tuple(rest[1:].split())
        else:
            senses[(word, pos)] = tuple(rest.split())
    return senses, exceptions


def base_forms(word: str, pos: str) -> set[str]:
    """The lemmas of WordNet that ``word`` may be an inflection of, as part of speech ``pos``.

    >>> sorted(base_forms("fell", "v")), sorted(base_forms("purchased", "v"))
    (['fall', 'fell'], ['purchase'])
    >>> sorted(base_forms("tablets", "n")), base_forms("qwzx", "n")
    (['tablet'], set())
    """
    senses, exceptions = _tables()
    word = word.casefold()
    forms = {word, *exceptions.get((word, pos), ())}
    for suffix, replacement in _SUBSTITUTIONS[pos]:
        if word.endswith(suffix):
            forms.add(word[: len(word) - len(suffix)] + replacement)
    return {f for f in forms if (f, pos) in senses}


def irregular_verb_form(word: str) -> bool:
    """Is ``word`` an irregular inflection of a verb in WordNet's exception list ("taken")?

    >>> irregular_verb_form("taken"), irregular_verb_form("held"), irregular_verb_form("guards")
    (True, True, False)
    """
    _senses, exceptions = _tables()
    return (word.casefold(), "v") in exceptions


def same_lemma(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` forms of one verb ("began" / "begun" / "begins": "begin")?

    Why: a stemmer leaves irregular forms apart ("began", "begun"), so a
    claim "may have begun" was not found in another outlet's "began".
    Verbs only: "fell" (a hill) and "fall" share a lemma only as verbs.

    >>> same_lemma("begun", "began"), same_lemma("went", "gone"), same_lemma("began", "bean")
    (True, True, False)
    """
    return bool(base_forms(a, "v") & base_forms(b, "v"))


def synonyms(a: str, b: str, common: int = COMMON_SENSES) -> bool:
    """Do ``a`` and ``b`` share a synset among the first ``common`` senses of each?

    >>> synonyms("medication", "medicine"), synonyms("bought", "purchased")
    (True, True)
    >>> synonyms("rose", "fell"), synonyms("home", "house"), synonyms("said", "claimed")
    (False, False, False)
    """
    if a.casefold() == b.casefold():
        return False
    senses, _ = _tables()
    for pos in PARTS:
        for la in base_forms(a, pos):
            first = set(senses[(la, pos)][:common])
            for lb in base_forms(b, pos):
                if first.intersection(senses[(lb, pos)][:common]):
                    return True
    return False
