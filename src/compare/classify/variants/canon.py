"""House-style canonical forms: the steps that make two styles of one text equal.

Why steps with names: "U.S. cease-fire" and "US ceasefire" are equal once
abbreviations lose their full stops and compounds lose their hyphens; the
style rule reports *which* steps were needed, so the explanation can say
which house style each outlet follows.  Every word list is a data file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cache, lru_cache

from compare.align.segment import tokenize
from compare.text import lexicons
from compare.text.normalize import norm, typographic_form

Step = Callable[[list[str]], list[str]]
MAX_PHRASE = 5  # words in the longest spelled-out form a data file may hold


@cache
def _abbreviations() -> tuple[frozenset[str], dict[tuple[str, ...], str]]:
    short, long = set(), {}
    for row in lexicons.rows("variants_abbreviations.txt"):
        short.add(row[0])
        for form in row[1:]:
            long[tuple(norm(w) for w in form.split())] = row[0]
    return frozenset(short), long


@cache
def number_words() -> dict[str, str]:
    """Number word -> figures, from ``variants_numbers.txt``."""
    return {w.casefold(): v for w, v in lexicons.rows("variants_numbers.txt")}


@cache
def false_compounds() -> tuple[tuple[str, str], ...]:
    """Open/closed pairs whose meanings differ ("every day" / "everyday")."""
    return tuple(
        (a.casefold(), b.casefold()) for a, b in lexicons.rows("variants_false_compounds.txt")
    )


def _replace_phrases(tokens: list[str], phrases: dict[tuple[str, ...], str]) -> list[str]:
    out: list[str] = []
    i = 0
    longest = MAX_PHRASE
    while i < len(tokens):
        for n in range(longest, 0, -1):
            if tuple(tokens[i : i + n]) in phrases:
                out.append(phrases[tuple(tokens[i : i + n])])
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def abbreviation_step(tokens: list[str]) -> list[str]:
    """Drop full stops from initialisms and after titles; spelled-out forms to short.

    >>> abbreviation_step(["the", "u.s.", "and", "dr", ".", "x"])
    ['the', 'us', 'and', 'dr', 'x']
    """
    short, long = _abbreviations()
    out: list[str] = []
    for tok in _replace_phrases(tokens, long):
        if tok == "." and out and out[-1] in short:
            continue
        out.append(tok.replace(".", "") if re.fullmatch(r"(?:[^\W\d_]\.){2,}", tok) else tok)
    return out


# Abbreviated magnitudes after a figure ("$5m", "$4.1bn", "3tn"), as house styles write them.
_MAGNITUDES = {"m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion"}
_CURRENCY = frozenset({"$", "£", "€", "¥", "us$", "a$", "c$"})
_MAGNITUDE = re.compile(
    r"(\d+(?:\.\d+)?)(" + "|".join(sorted(_MAGNITUDES, key=len, reverse=True)) + ")"
)


def number_step(tokens: list[str]) -> list[str]:
    """Number words to figures and "per cent"/"percent" to "%".

    >>> number_step(["twenty-five", "per", "cent"])
    ['25', '%']
    >>> number_step(["$", "212m"]) == number_step(["$", "212", "million"])
    True
    """
    words = number_words()
    out: list[str] = []
    for tok in _replace_phrases(tokens, {("per", "cent"): "%", ("percent",): "%", ("pct",): "%"}):
        parts = tok.split("-")
        short = _MAGNITUDE.fullmatch(tok)
        if short and out and out[-1] in _CURRENCY:  # "$212m" / "$4.1bn" (not "5m" deep)
            out.extend([short.group(1), _MAGNITUDES[short.group(2)]])
        elif len(parts) == 2 and all(p in words for p in parts) and words[parts[0]].endswith("0"):
            out.append(str(int(words[parts[0]]) + int(words[parts[1]])))
        else:
            out.append(words.get(tok, tok))
    return out


def time_step(tokens: list[str]) -> list[str]:
    """ "10am", "10 a.m." and "10 am" to one form.

    >>> time_step(["10am"]) == time_step(["10", "a.m."])
    True
    >>> time_step(["4.17am"]) == time_step(["4", ":", "17", "a.m."]) == time_step(["4.17", "am"])
    True
    """
    out: list[str] = []
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        m = re.fullmatch(r"(\d{1,2})(?:[.:](\d{2}))?([ap])\.?m\.?", tok)
        minutes = re.fullmatch(r"(\d{1,2})\.(\d{2})", tok)
        if m:
            out.extend(
                [m.group(1), ":", m.group(2), m.group(3) + "m"]
                if m.group(2)
                else [m.group(1), m.group(3) + "m"]
            )
        elif minutes and nxt.replace(".", "") in {"am", "pm"}:
            out.extend([minutes.group(1), ":", minutes.group(2)])  # "4.17 am": British
        elif tok.replace(".", "") in {"am", "pm"} and out and out[-1].isdigit():
            out.append(tok.replace(".", ""))
        else:
            out.append(tok)
    return out


def more_than_step(tokens: list[str]) -> list[str]:
    """ "more than N" to "over N" (the same quantity in two styles)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        nxt = tokens[i + 2] if i + 2 < len(tokens) else ""
        if tokens[i : i + 2] == ["more", "than"] and (nxt[:1].isdigit() or not nxt):
            out.append("over")
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    return out


STEPS: dict[str, Step] = {
    "time": time_step,
    "abbreviation": abbreviation_step,
    "number": number_step,
    "more than": more_than_step,
}


def _all_steps(tokens: list[str]) -> list[str]:
    return list(_all_steps_cached(tuple(tokens)))


@lru_cache(maxsize=65536)
def _all_steps_cached(tokens: tuple[str, ...]) -> tuple[str, ...]:
    out = list(tokens)
    for step in STEPS.values():
        out = step(out)
    return tuple(out)


def prepare(text: str) -> list[str]:
    """Normalised tokens, with thousands separators removed ("20 000" -> "20000")."""
    return list(_prepare(text))


@cache
def _prepare(text: str) -> tuple[str, ...]:
    text = re.sub(r"(?<=\d)[,\s\u00a0\u202f\u2009](?=\d{3}(?!\d))", "", typographic_form(text))
    # A dash with space around it is punctuation, not a hyphen inside a compound.
    text = re.sub(r"(?:^|\s)-+(?:\s|$)", " _dash_ ", text)
    return tuple(t.norm for t in tokenize(text))


def closed(tokens: list[str]) -> str:
    """Tokens joined with hyphens and spaces removed: "cease-fire" -> "ceasefire"."""
    return "".join(tokens).replace("-", "")


def _is_false_compound(a: list[str], b: list[str]) -> bool:
    ta, tb = " ".join(a), " ".join(b)
    for x, y in false_compounds():
        for p, q in ((x, y), (y, x)):
            if re.search(rf"(?<!\S){re.escape(p)}(?!\S)", ta) and re.search(
                rf"(?<!\S){re.escape(q)}(?!\S)", tb
            ):
                return True
    return False


def _unmatched(a: list[str] | str, b: list[str] | str) -> int:
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return len(a) + len(b) - 2 * sum(block.size for block in blocks)


def _distance(a: list[str], b: list[str]) -> tuple[int, int]:
    """Tokens, then characters of the closed-up forms, not matched between a and b."""
    return _unmatched(a, b), _unmatched(closed(a), closed(b))


def style_steps(a: str, b: str) -> list[str] | None:
    """The house-style steps that make a and b equal, or None when they differ.

    Steps are applied in order and a step is named when it brings the two
    texts closer, so "5 percent" / "5 per cent" is a number style, not a
    hyphenation.  Texts whose normalised tokens are already equal differ in
    case or typography only: None, unless thousands separators differ.

    >>> style_steps("cease-fire", "ceasefire")
    ['hyphenation']
    >>> style_steps("the U.S. said", "the United States said")
    ['abbreviation']
    >>> style_steps("colour", "color") is None
    True
    """
    ta, tb = prepare(a), prepare(b)
    if ta == tb:
        return ["number"] if separators(a) != separators(b) else None
    fa, fb = _all_steps(ta), _all_steps(tb)
    if fa != fb and (closed(fa) != closed(fb) or _is_false_compound(fa, fb)):
        return None  # cheap test first: most pairs are not style variants
    used = []
    for name, step in STEPS.items():
        na, nb = step(ta), step(tb)
        if _distance(na, nb) < _distance(ta, tb):
            used.append(name)
        ta, tb = na, nb
    if ta == tb:
        return used
    if closed(ta) == closed(tb) and not _is_false_compound(ta, tb):
        return [*used, "hyphenation"]
    return None


def separators(text: str) -> list[str]:
    """Thousands separators between figures, in order.

    >>> separators("20,000 and 3 000 and 4000")
    [',', ' ', '']
    """
    return re.findall(r"(?<=\d)[,\s]?(?=\d{3}(?!\d))", typographic_form(text))
