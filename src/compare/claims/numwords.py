"""Multi-word numbers ("one hundred and twelve", "three dozen", "half a million") as one token.

Why: the figure parser reads one number token at a time, so "One hundred and
twelve people" became 12 and "half a million" nothing.  Merging the words of
one number into a single token whose ``norm`` is the numeral ("112") lets
every later step read it like "112", while the token keeps the original
text and offsets, so a finding still quotes the outlet's own words.

Why not a library: text2num and number-parser read cardinals but not
"three dozen" or "half a million" as one figure, and both would add a
dependency for a grammar of a few lines; the number words themselves come
from the shared lexicon (``classify_number_words.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from compare.claims.number_lexicon import number_words
from compare.model import Token

FRACTIONS = {"half": 0.5, "quarter": 0.25}  # "half a million", "a quarter of a million"
ARTICLES = frozenset({"a", "an"})


def _unit(norm: str) -> float | None:
    """Value of a cardinal word ("twelve", "twenty-five"), else None."""
    words = number_words()
    parts = norm.split("-")
    if all(p in words and words[p][0] == "unit" for p in parts) and norm != "dozen":
        return sum(words[p][1] for p in parts)
    return None


def _scale(norm: str) -> float | None:
    kind = number_words().get(norm)
    return kind[1] if kind is not None and kind[0] == "scale" else None


def read(norms: Sequence[str], i: int) -> tuple[float, int] | None:
    """(value, end) of a number written in two or more words starting at ``i``.

    None when the words at ``i`` are not such a number (a single word is left
    to the figure parser, which already reads it).

    >>> read("one hundred and twelve people".split(), 0)
    (112.0, 4)
    >>> read("three dozen homes".split(), 0)
    (36.0, 2)
    >>> read("half a million people".split(), 0)
    (500000.0, 3)
    >>> read("two and a half million".split(), 0)
    (2500000.0, 5)
    >>> read("a quarter of a million".split(), 0)
    (250000.0, 5)
    >>> read("twenty five".split(), 0), read("one or two".split(), 0)
    ((25.0, 2), None)
    """
    frac = _fraction(norms, i)
    if frac is not None:
        return frac
    total, current, words, k, end = 0.0, 0.0, 0, i, i
    last = ""  # "unit", "tens", "hundred", "scale", "dozen"
    while k < len(norms):
        n = norms[k]
        unit, scale = _unit(n), _scale(n)
        if unit is not None and last in ("", "hundred", "scale", "tens"):
            if last == "tens" and (unit >= 10 or current % 10):
                break
            current += unit
            last = "tens" if unit >= 20 and unit % 10 == 0 and "-" not in n else "unit"
        elif n == "dozen" and last in ("unit", "tens"):
            current *= 12
            last = "dozen"
        elif scale == 100 and last in ("unit", "tens") and current < 100:
            current *= 100
            last = "hundred"
        elif scale is not None and scale > 100 and last in ("unit", "tens", "hundred", "dozen"):
            total += current * scale
            current, last = 0.0, "scale"
        elif n == "and" and last in ("unit", "tens", "hundred", "scale") and k + 1 < len(norms):
            if (nxt := _unit(norms[k + 1])) is not None and nxt < 100 and last != "unit":
                k += 1
                continue
            if _and_a_half(norms, k) and last in ("unit", "tens"):
                return _half_more(norms, k, current)
            break
        else:
            break
        words += 1
        k += 1
        end = k
    if words < 2:
        return None
    return total + current, end


def _and_a_half(norms: Sequence[str], k: int) -> bool:
    """True for "and a half <scale>" at k ("two and a half million")."""
    return (
        k + 3 < len(norms)
        and norms[k + 1] in ARTICLES
        and norms[k + 2] == "half"
        and _scale(norms[k + 3]) is not None
    )


def _half_more(norms: Sequence[str], k: int, current: float) -> tuple[float, int]:
    scale = _scale(norms[k + 3]) or 1.0
    return (current + 0.5) * scale, k + 4


def _fraction(norms: Sequence[str], i: int) -> tuple[float, int] | None:
    """ "half a million", "a quarter of a million", "three quarters of a billion"."""
    k, times = i, 1.0
    if k < len(norms) and norms[k] in ARTICLES:
        k += 1
    elif k < len(norms) and (u := _unit(norms[k])) is not None and u < 10:
        times, k = u, k + 1
    if k >= len(norms):
        return None
    word = norms[k].rstrip("s")
    if word not in FRACTIONS or (times != 1.0 and not norms[k].endswith("s")):
        return None
    k += 1
    if k < len(norms) and norms[k] == "of":
        k += 1
    if k < len(norms) and norms[k] in ARTICLES:
        k += 1
    if k < len(norms) and (scale := _scale(norms[k])) is not None:
        return times * FRACTIONS[word] * scale, k + 1
    return None


def merge(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """The tokens with every multi-word number replaced by one numeral token.

    >>> from compare.align.segment import tokenize
    >>> [(t.text, t.norm) for t in merge(tokenize("One hundred and twelve people died."))][:2]
    [('One hundred and twelve', '112'), ('people', 'people')]
    """
    norms = [t.norm for t in tokens]
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = read(norms, i)
        if found is None:
            out.append(tokens[i])
            i += 1
            continue
        value, end = found
        first, last = tokens[i], tokens[end - 1]
        text = _source_text(tokens[i:end])
        norm = f"{value:g}" if value < 1e15 else str(int(value))
        out.append(Token(first.start, last.end, text, _plain(value, norm)))
        i = end
    return tuple(out)


def _plain(value: float, norm: str) -> str:
    """A numeral without exponent notation ("500000", "2500000")."""
    return str(int(value)) if value == int(value) else norm


def _source_text(tokens: Sequence[Token]) -> str:
    """The words as written, one space where the original had any gap."""
    parts = [tokens[0].text]
    for prev, tok in pairwise(tokens):
        parts.append(("" if tok.start == prev.end else " ") + tok.text)
    return "".join(parts)


# English ordinal words whose cardinal is not the word plus "th" (general grammar).
_IRREGULAR_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fifth": 5,
    "eighth": 8,
    "ninth": 9,
    "twelfth": 12,
}
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def ordinal(norm: str) -> int | None:
    """The value of an ordinal ("ninth", "twenty-first", "10th"), else None.

    Why: "its ninth increase" / "its tenth increase" gives two figures for
    one series, yet an ordinal is no count, so the figure parser skips it.

    >>> [ordinal(w) for w in ("ninth", "tenth", "twenty-first", "10th", "21st", "tent", "th")]
    [9, 10, 21, 10, 21, None, None]
    """
    digits = _DIGIT_ORDINAL.fullmatch(norm)
    if digits:
        return int(digits.group(1))
    *head, last = norm.split("-")
    value = _IRREGULAR_ORDINALS.get(last)
    if value is None and last.endswith("ieth"):
        value = _whole(_unit(last[:-4] + "y"))  # "twentieth" -> "twenty"
    elif value is None and last.endswith("th"):
        value = _whole(_unit(last[:-2]))  # "tenth" -> "ten"
    if value is None:
        return None
    if not head:
        return value
    tens = _whole(_unit("-".join(head)))
    return None if tens is None or tens % 10 or value >= 10 else tens + value


def _whole(value: float | None) -> int | None:
    return None if value is None or value != int(value) else int(value)
