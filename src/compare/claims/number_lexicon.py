"""The number lexicons, and the value of one number token read with them.

Why apart from the parser: the tables (number words, hedges, counted
things, units, events, context roles) are data the whole numbers family
reads, from the comparison rule's wording ("The number of people killed")
down to the parser; keeping them and the reading of a single number here
leaves ``number_parse`` with the assembling of a whole quantity.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Sequence
from functools import cache

from compare.claims.words import phrase_table
from compare.text import lexicons

WORDS_FILE = "classify_number_words.txt"
HEDGES_FILE = "classify_number_hedges.txt"
THINGS_FILE = "classify_counted_things.txt"
UNITS_FILE = "classify_units.txt"
EVENTS_FILE = "classify_events.txt"
CONTEXT_FILE = "classify_number_context.txt"

NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([^\W\d_]+)$")
# A temperature written without its degree sign, glued to the figure: "41C (105.8F)".
# Alone, "C" and "F" are no unit ("grade C"); glued to a number they are the scales.
GLUED_DEGREES = frozenset({"c", "f"})
MONEY = "money"  # the dimension of currency units


@cache
def number_words() -> dict[str, tuple[str, float, float]]:
    """Number word -> (kind: unit/scale/vague/suffix, low value, high value)."""
    out: dict[str, tuple[str, float, float]] = {}
    for row in lexicons.rows(WORDS_FILE):
        value = float(row[2])
        out[row[0].casefold()] = (row[1], value, float(row[3]) if len(row) > 3 else value)
    return out


def whole_number_word(norm: str) -> int | None:
    """The whole value of a one-word cardinal ("nine" -> 9, "thirty" -> 30), else None.

    >>> whole_number_word("nine"), whole_number_word("dozen"), whole_number_word("board")
    (9, None, None)
    """
    kind, value, _high = number_words().get(norm, ("", 0.0, 0.0))
    return int(value) if kind == "unit" and value == int(value) else None


@cache
def context_roles() -> dict[str, frozenset[str]]:
    """Role (month, clock, identifier, determiner, link, stop, aux) -> its words."""
    roles: dict[str, set[str]] = {}
    for word, role in lexicons.rows(CONTEXT_FILE):
        roles.setdefault(role, set()).add(word.casefold())
    return {k: frozenset(v) for k, v in roles.items()}


def has_role(norm: str, role: str) -> bool:
    """True when a token norm (with or without a final full stop) plays ``role``."""
    words = context_roles().get(role, frozenset())
    return norm.rstrip(".") in words or norm in words


@cache
def things() -> dict[str, tuple[str, str | None, str]]:
    """Counted-thing word -> (class, parent class, display name)."""
    out = {}
    for cls, parent, display, words in lexicons.rows(THINGS_FILE):
        for w in words.split(","):
            out[w.strip().casefold()] = (cls, None if parent == "-" else parent, display)
    return out


@cache
def thing_display(cls: str) -> str:
    """Display name of a counted-thing class ("civilians", "people")."""
    return next((d for c, _p, d in things().values() if c == cls), cls)


@cache
def units() -> dict[tuple[str, ...], str]:
    """Unit spelling (as token norms) -> "unit/dimension"."""
    from compare.align.segment import tokenize

    out = {}
    for unit, dim, spellings in lexicons.rows(UNITS_FILE):
        for s in spellings.split(","):
            out[tuple(t.norm for t in tokenize(s.strip()))] = f"{unit}/{dim}"
    return out


def unit_at(norms: Sequence[str], j: int) -> tuple[str, int] | None:
    """The unit spelled at ``norms[j:]`` (longest spelling first) and where it ends.

    >>> unit_at(["per", "cent", "of"], 0), unit_at(["%"], 0), unit_at(["of"], 0)
    (('percent/ratio', 2), ('percent/ratio', 1), None)
    """
    for n in (3, 2, 1):
        spelling = tuple(norms[j : j + n])
        unit = units().get(spelling)
        if unit is not None:
            return unit, j + len(spelling)
    return None


@cache
def events() -> dict[str, tuple[str, str, str | None]]:
    """Event word -> (event, display verb, implied counted thing)."""
    out: dict[str, tuple[str, str, str | None]] = {}
    for event, display, implied, words in lexicons.rows(EVENTS_FILE):
        for w in words.split(","):
            out.setdefault(
                w.strip().casefold(), (event, display, None if implied == "-" else implied)
            )
    return out


@cache
def hedge_positions() -> dict[tuple[str, ...], str]:
    """Number hedge phrase -> where it stands: "before" ("about 40") or "after" ("40 or so")."""
    return dict(phrase_table(HEDGES_FILE, 2))


def hedge_position(phrase: tuple[str, ...]) -> str:
    """Where a hedge phrase stands relative to its number; "before" unless listed."""
    return hedge_positions().get(phrase) or "before"


# A share written as a fraction: "a fifth of nursing posts", "two-thirds of voters", "fell by
# nearly a quarter".  Denominators (singular, plural) and their value.
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_NUMERATORS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_SINGULAR = frozenset(d for d in _DENOMINATORS if not d.endswith("s"))
# A share in words is a rounded figure: read as the span of this share either side of it
# ("a third" is 30% to 36.7%, so "33%" agrees with it and "45%" does not).
SHARE_SPREAD = 0.1
PERCENT = "percent/ratio"


def share_at(norms: Sequence[str], i: int) -> tuple[float, float, int] | None:
    """(low, high, end) in percent of a share in words starting at token i, or None.

    A share is a numerator ("a", "two") and a denominator ("fifth", "thirds"),
    or "half" alone, followed by "of" and not by "a"/"an" ("a quarter of an
    hour" is a time), or after "by" ("fell by nearly a quarter"), so "a third
    man" and "the third time" stay ordinals.

    >>> share_at("about a fifth of posts".split(), 1)
    (18.0, 22.0, 3)
    >>> share_at(["two-thirds", "of", "voters"], 0)[2], share_at("fell by a quarter".split(), 2)
    (1, (22.5, 27.5, 4))
    >>> share_at("a third man".split(), 0), share_at("a quarter of an hour".split(), 0)
    (None, None)
    """
    n = norms[i]
    if (ratio := _one_in(norms, i)) is not None:
        return ratio
    if "-" in n and n.split("-", 1)[0] in _NUMERATORS:  # "two-thirds"
        top, bottom = n.split("-", 1)
        j = i + 1
    elif n == "half":
        top, bottom, j = "a", "half", i + 1
    elif n in _NUMERATORS and i + 1 < len(norms):
        top, bottom, j = n, norms[i + 1], i + 2
    else:
        return None
    if bottom not in _DENOMINATORS or (top in ("a", "an", "one")) != (bottom in _SINGULAR):
        return None  # "a fifth", "two fifths"; not "a fifths", "two fifth"
    before = norms[max(i - 2, 0) : i]
    after_by = bool(before) and (before[-1] == "by" or before[0] == "by")
    of = norms[j : j + 1] == ["of"] and norms[j + 1 : j + 2] not in (["a"], ["an"])
    if not (of or after_by) or (n == "half" and not of):
        return None
    value = 100.0 * _NUMERATORS[top] / _DENOMINATORS[bottom]
    spread = value * SHARE_SPREAD
    return round(value - spread, 6), round(value + spread, 6), j


# Denominators of "one in five", "six in 10" (small counts, or ten, a hundred, a thousand).
_IN_DENOMINATORS = {**{str(k): k for k in range(2, 21)}, "100": 100, "1,000": 1000, "1000": 1000}
_IN_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
}  # fmt: skip


def _one_in(norms: Sequence[str], i: int) -> tuple[float, float, int] | None:
    """A share written "N in M" ("one in 12 of its staff", "Six in 10 of those rescued").

    Why: read as a count, "one in 12" was 12 employees and "Six in 10 of those
    rescued were women" six people rescued (read blind, sixteenth round); it
    is a share, as rounded as "a fifth".  The denominator is small or ten, a
    hundred or a thousand, and no unit follows it ("3 in 24 hours" is a count
    over time).

    >>> _one_in("roughly one in 12 of its staff".split(), 1)
    (7.5, 9.166667, 4)
    >>> _one_in("1 in 5 adults".split(), 0)
    (18.0, 22.0, 3)
    >>> _one_in("killed 3 in 2019".split(), 1), _one_in("12 in 24 hours".split(), 0)
    (None, None)
    """
    if i + 2 >= len(norms) or norms[i + 1 : i + 2] != ["in"]:
        return None
    digit_one = 1 if norms[i] == "1" else 0  # "1 in 5": a denominator is never 1
    top = (
        _NUMERATORS.get(norms[i])
        or _IN_DENOMINATORS.get(norms[i])
        or _IN_WORDS.get(norms[i])
        or digit_one
    )
    bottom = _IN_DENOMINATORS.get(norms[i + 2]) or _IN_WORDS.get(norms[i + 2])
    if norms[i] in ("a", "an") or not top or not bottom or top >= bottom:
        return None
    after = norms[i + 3] if i + 3 < len(norms) else ""
    if (after,) in units() or (after.rstrip("s"),) in units() or after in _TIME_UNITS:
        return None
    value = 100.0 * top / bottom
    spread = value * SHARE_SPREAD
    return round(value - spread, 6), round(value + spread, 6), i + 3


_TIME_UNITS = frozenset({"hours", "hour", "days", "day", "minutes", "weeks", "months", "years"})


def number_at(norms: Sequence[str], i: int) -> tuple[float, float, str, int, str | None] | None:
    """(value, high, hedge, end index, unit) for a number starting at token i."""
    words = number_words()
    n = norms[i]
    unit = None
    if (share := share_at(norms, i)) is not None:
        return share[0], share[1], "vague", share[2], PERCENT
    if NUMERAL.match(n):
        value, hedge = float(n.replace(",", "")), "exact"
    elif m := SUFFIXED.match(n):
        suffix = m.group(2)
        money = i > 0 and units().get((norms[i - 1],), "").endswith(MONEY)
        if words.get(suffix, ("",))[0] == "suffix" and (money or suffix != "m"):
            value, hedge = float(m.group(1)) * words[suffix][1], "exact"
        elif (suffix,) in units():
            value, hedge, unit = float(m.group(1)), "exact", units()[(suffix,)]
        elif suffix in GLUED_DEGREES:
            value, hedge, unit = float(m.group(1)), "exact", units()[("°", suffix)]  # °c, °f
        else:
            return None  # 1960s, 3rd, 10th
    elif _cardinal_word(n) and words.get(n, ("",))[0] != "scale":
        value, j = _words_value(norms, i)  # "one hundred and twelve", "twenty-five"
        return _scaled(norms, value, "exact", j, unit)
    elif n in words and words[n][0] == "group":
        value, hedge = words[n][1], "exact"
        if i > 0 and norms[i - 1] == "a":
            hedge = "approx"  # "a dozen"
    elif n in words and words[n][0] == "fraction":
        j = i + 1 + (norms[i + 1 : i + 2] == ["of"])  # "half a million", "a quarter of a million"
        if norms[j : j + 1] not in (["a"], ["an"]) or _kind_at(norms, j + 1) not in (
            "scale",
            "group",
        ):
            return None  # "half the town"
        return _scaled(norms, words[n][1], "exact", j + 1, unit)
    elif n in words and words[n][0] == "vague":
        if i > 0 and has_role(norms[i - 1], "determiner"):
            return None  # "the scores", "their thousands"
        _kind, lo, hi = words[n]
        j = i + 1
        if (
            j + 1 < len(norms)
            and norms[j] == "of"
            and words.get(norms[j + 1], ("",))[0]
            in (
                "scale",
                "vague",
            )
        ):  # tens of thousands
            base = 10 ** math.floor(math.log10(words[norms[j + 1]][1]))
            return lo * base, hi * base, "vague", j + 2, None
        return lo, hi, "vague", j, None
    else:
        return None
    return _scaled(norms, value, hedge, i + 1, unit)


def _kind_at(norms: Sequence[str], j: int) -> str:
    """The number-word kind of token j ("unit", "scale", ...), or "" for other tokens."""
    return number_words().get(norms[j], ("",))[0] if j < len(norms) else ""


def _scaled(
    norms: Sequence[str], value: float, hedge: str, j: int, unit: str | None
) -> tuple[float, float, str, int, str | None]:
    """``value`` times the scales and groups from token j on: "1.5 million", "three dozen".

    "and a half" before a scale adds half a unit first ("two and a half million").
    """
    words = number_words()
    if norms[j : j + 3] == ["and", "a", "half"] and _kind_at(norms, j + 3) in ("scale", "group"):
        value, j = value + 0.5, j + 3
    while _kind_at(norms, j) in ("scale", "group"):
        value *= words[norms[j]][1]
        j += 1
    return value, value, hedge, j, unit


def _cardinal_word(norm: str) -> bool:
    """True for a word of a cardinal ("twelve", "hundred", "twenty-five")."""
    words = number_words()
    return all(words.get(p, ("",))[0] in ("unit", "scale") for p in norm.split("-"))


def _words_value(norms: Sequence[str], i: int) -> tuple[float, int]:
    """(value, end) of the cardinal written in words from token i: "one hundred and twelve".

    Why text2num: the grammar of English cardinals ("and" after a hundred,
    scales inside scales: "two hundred and five thousand") is its whole
    job; this only finds the longest run of number words it accepts.  A
    group word ("dozen") ends the run, ``_scaled`` multiplies by it.
    """
    from text_to_num import text2num

    run: list[str] = []
    k = i
    while k < len(norms):
        if _cardinal_word(norms[k]):
            run.append(norms[k])
        elif not (
            norms[k] == "and"
            and run
            and _kind_at(norms, k - 1) == "scale"
            and k + 1 < len(norms)
            and _cardinal_word(norms[k + 1])
        ):
            break
        else:
            run.append("and")
        k += 1
    for end in range(len(run), 0, -1):
        if run[end - 1] != "and":
            with contextlib.suppress(ValueError):
                words = " ".join(run[:end]).replace("-", " ")
                return float(text2num(words, "en")), i + end
    return number_words()[norms[i].split("-")[0]][1], i + 1  # "five-six": its first word
