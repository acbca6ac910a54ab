"""Reading quantities out of tokens: value, hedge, counted thing and event.

Why a parser of its own: "at least 12 miners were killed", "fourteen
people died" and "scores of civilians" must be compared by value, by what is
counted and by what happened to it.  Dates, years, times, ages in commas,
identifiers ("Flight 17") and unit conversions in brackets are not counts and
are dropped here, so the comparison rule never sees them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from compare import lexicons
from compare.classify.cells import phrase_table, stem
from compare.model import Token

WORDS_FILE = "classify_number_words.txt"
HEDGES_FILE = "classify_number_hedges.txt"
THINGS_FILE = "classify_counted_things.txt"
UNITS_FILE = "classify_units.txt"
EVENTS_FILE = "classify_events.txt"
CONTEXT_FILE = "classify_number_context.txt"

_NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)([^\W\d_]+)$")
_CURRENCY = "money"


@dataclass(frozen=True)
class Quantity:
    """One count or measure in a token sequence (indexes are into that sequence).

    ``hedge`` is "exact", "min", "max", "approx" or "vague"; a vague amount
    ("hundreds") spans ``value``..``high``.  ``thing`` is a class from the
    counted-things lexicon, ``noun`` the stem of the head noun.
    """

    start: int  # first token (hedge or currency included)
    core_end: int  # end of hedge + number + unit, for labels
    end: int  # end of the noun phrase
    value: float
    high: float
    hedge: str
    hedge_text: str
    unit: str | None
    noun: str | None
    thing: str | None
    event: str | None
    num_index: int  # the number token itself


@cache
def _number_words() -> dict[str, tuple[str, float, float]]:
    out = {}
    for row in lexicons.rows(WORDS_FILE):
        value = float(row[2])
        out[row[0].casefold()] = (row[1], value, float(row[3]) if len(row) > 3 else value)
    return out


@cache
def _context() -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for word, role in lexicons.rows(CONTEXT_FILE):
        roles.setdefault(role, set()).add(word.casefold())
    return {k: frozenset(v) for k, v in roles.items()}


def _role(norm: str, role: str) -> bool:
    return norm.rstrip(".") in _context().get(role, frozenset()) or norm in _context().get(
        role, frozenset()
    )


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
    from compare.segment import tokenize

    out = {}
    for unit, dim, spellings in lexicons.rows(UNITS_FILE):
        for s in spellings.split(","):
            out[tuple(t.norm for t in tokenize(s.strip()))] = f"{unit}/{dim}"
    return out


@cache
def events() -> dict[str, tuple[str, str, str | None]]:
    """Event word -> (event, display verb, implied counted thing)."""
    out = {}
    for event, display, implied, words in lexicons.rows(EVENTS_FILE):
        for w in words.split(","):
            out.setdefault(
                w.strip().casefold(), (event, display, None if implied == "-" else implied)
            )
    return out


def _number_at(norms: Sequence[str], i: int) -> tuple[float, float, str, int, str | None] | None:
    """(value, high, hedge, end index, unit) for a number starting at token i."""
    words = _number_words()
    n = norms[i]
    unit = None
    if _NUMERAL.match(n):
        value, hedge = float(n.replace(",", "")), "exact"
    elif m := _SUFFIXED.match(n):
        suffix = m.group(2)
        money = i > 0 and units().get((norms[i - 1],), "").endswith(_CURRENCY)
        if words.get(suffix, ("",))[0] == "suffix" and (money or suffix != "m"):
            value, hedge = float(m.group(1)) * words[suffix][1], "exact"
        elif (suffix,) in units():
            value, hedge, unit = float(m.group(1)), "exact", units()[(suffix,)]
        else:
            return None  # 1960s, 3rd, 10th
    elif "-" in n and all(p in words and words[p][0] == "unit" for p in n.split("-")):
        value, hedge = sum(words[p][1] for p in n.split("-")), "exact"  # twenty-five
    elif n in words and words[n][0] == "unit":
        value, hedge = words[n][1], "exact"
        if n == "dozen" and i > 0 and norms[i - 1] == "a":
            hedge = "approx"
    elif n in words and words[n][0] == "vague":
        if i > 0 and _role(norms[i - 1], "determiner"):
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
    j = i + 1
    while j < len(norms) and words.get(norms[j], ("",))[0] == "scale":
        value *= words[norms[j]][1]
        j += 1
    return value, value, hedge, j, unit


def _excluded(
    tokens: Sequence[Token], norms: Sequence[str], i: int, end: int, value: float
) -> bool:
    """True for dates, years, times, identifiers and ages: numbers that are not counts."""
    prev = norms[i - 1] if i > 0 else ""
    prev2 = norms[i - 2] if i > 1 else ""
    nxt = norms[end] if end < len(norms) else ""
    text = tokens[i].text
    if _role(prev, "month") or (prev == "." and _role(prev2, "month")) or _role(nxt, "month"):
        return True
    if _role(nxt, "clock") or nxt == ":" or (text.startswith("0") and len(text) == 4):
        return True
    if _role(prev, "identifier") or (prev == "." and _role(prev2, "identifier")):
        return True
    if text.isdigit() and 1800 <= value <= 2100 and nxt not in things():
        return True  # a year
    if _in_score(norms, i):
        return True  # "a 2-1 win", "voted 52-48": a score or tally, not a count
    if prev == "," and nxt == "," and i > 1 and tokens[i - 2].text[:1].isupper():
        return True  # "Jane Doe, 64," is an age
    if text.isdigit() and i > 0 and tokens[i - 1].text[:1].isupper() and prev not in things():
        return i > 1 and is_capital_run(tokens, i - 1) and nxt not in things()
    return False


def _in_score(norms: Sequence[str], i: int) -> bool:
    """True for either side of "N-M" (or "N–M") with no counted thing after it.

    "2-1 win" is a score; "10-12 people" is a range of a count and stays.

    >>> _in_score(["a", "2", "-", "1", "win"], 1), _in_score(["a", "2", "-", "1", "win"], 3)
    (True, True)
    >>> _in_score(["10", "-", "12", "people"], 0)
    False
    """
    dashes = {"-", "–", "—"}

    def digit(k: int) -> bool:
        return 0 <= k < len(norms) and norms[k].isdigit()

    if digit(i + 2) and norms[i + 1] in dashes:
        first = i
    elif digit(i - 2) and norms[i - 1] in dashes:
        first = i - 2
    else:
        return False
    after = norms[first + 3] if first + 3 < len(norms) else ""
    return after not in things() and (after,) not in units()


def is_capital_run(tokens: Sequence[Token], i: int) -> bool:
    """True when token i is a capitalised word that does not start the sentence."""
    return i > 0 and tokens[i].text[:1].isupper() and tokens[i - 1].text not in {".", "\n"}


def _hedge_before(norms: Sequence[str], i: int) -> tuple[int, str, str]:
    """(start, class, phrase) of an approximator right before token i."""
    table = phrase_table(HEDGES_FILE)
    for n in (3, 2, 1):
        if i - n >= 0:
            phrase = tuple(norms[i - n : i])
            cls = table.get(phrase)
            if cls is not None and _position(phrase) == "before":
                return i - n, cls, " ".join(phrase)
    return i, "exact", ""


@cache
def _positions() -> dict[tuple[str, ...], str]:
    return dict(phrase_table(HEDGES_FILE, 2))


def _position(phrase: tuple[str, ...]) -> str:
    return _positions().get(phrase) or "before"


def _noun_after(norms: Sequence[str], j: int) -> tuple[str | None, str | None, int]:
    """(noun stem, thing class, end) of the counted noun after index j."""
    if j < len(norms) and norms[j] == "-" and j + 1 < len(norms):
        return stem(norms[j + 1].split("-")[0]), None, j + 2  # 10-month-old
    if j + 1 < len(norms) and norms[j] == "of":
        j += 2 if j + 2 < len(norms) and _role(norms[j + 1], "determiner") else 1
        if j < len(norms) and norms[j] == "them":
            return None, None, j + 1
    collected: list[int] = []
    k = j
    while k < len(norms) and len(collected) < 4:
        n = norms[k]
        if n in things():
            return stem(n), things()[n][0], k + 1
        if not re.search(r"\w", n) or n in events() or _is_function(n):
            break
        collected.append(k)
        k += 1
    if collected and len(collected) <= 3:
        last = collected[-1]
        return stem(norms[last]), None, last + 1
    return None, None, j


def _is_function(word: str) -> bool:
    from compare.classify.cells import is_function_word

    return is_function_word(word) or _role(word, "aux")


TOLL_WINDOW = 12  # tokens between "toll" and its figure ("the death toll ... has risen to 41")


def _toll_before(norms: Sequence[str], start: int) -> str | None:
    """The event of a "toll" the clause before the figure names ("the toll rose to 41").

    Why: the subject of "has risen to", "climbed to" or "stood at" is the
    toll, several words before the number, so the nearby-word test misses it.

    >>> _toll_before("the death toll from floods has risen to 41".split(), 8)
    'death'
    >>> _toll_before("the toll was high . then 41".split(), 6) is None
    True
    """
    for k in range(start - 1, max(start - 1 - TOLL_WINDOW, -1), -1):
        if norms[k] in {".", ";", ":"}:
            return None
        if norms[k] == "toll" and norms[k] in events():
            return events()[norms[k]][0]
    return None


def _event_near(norms: Sequence[str], start: int, end: int) -> str | None:
    """The event word before the number ("killed 12") or after its noun ("12 were killed")."""
    k = start - 1
    while k >= 0 and _role(norms[k], "link") and norms[k] not in events():
        k -= 1
    if k >= 0 and norms[k] in events():
        return events()[norms[k]][0]
    k = end
    while k < len(norms) and k < end + 10:
        n = norms[k]
        if n in events():
            return events()[n][0]
        if _role(n, "stop"):
            return None
        nxt = norms[k + 1] if k + 1 < len(norms) else ""
        if n in {"and", ","} and not (nxt and (_number_at(norms, k + 1) or _role(nxt, "aux"))):
            return None  # a new clause: its event is not this number's
        k += 1
    return None


def quantities(tokens: Sequence[Token]) -> list[Quantity]:
    """Counts and measures in one sentence's tokens, in reading order.

    >>> from compare.segment import tokenize
    >>> [(q.value, q.hedge, q.thing, q.event) for q in quantities(
    ...     tokenize("A missile killed at least 12 miners in 1987."))]
    [(12.0, 'min', 'workers', 'death')]
    """
    norms = [t.norm for t in tokens]
    sentence_events = {events()[n][0] for n in norms if n in events()}
    out: list[Quantity] = []
    i = 0
    while i < len(norms):
        parsed = _number_at(norms, i)
        if parsed is None or (
            norms[i] == "one" and (i + 1 >= len(norms) or norms[i + 1] not in things())
        ):
            i += 1
            continue
        value, high, hedge, j, unit = parsed
        if hedge != "vague" and _excluded(tokens, norms, i, j, value):
            i = j
            continue
        start = i
        if hedge != "vague":
            start, cls, phrase = _hedge_before(norms, i)
            hedge = cls if phrase else hedge
        else:
            phrase = ""
        if (
            start > 0
            and (norms[start - 1],) in units()
            and units()[(norms[start - 1],)].endswith(_CURRENCY)
        ):
            unit, start = units()[(norms[start - 1],)], start - 1
        if (
            hedge != "vague"
            and j + 1 < len(norms)
            and norms[j] == "-"
            and _NUMERAL.match(norms[j + 1])
        ):
            high, hedge, j = float(norms[j + 1].replace(",", "")), "range", j + 2  # 20-30
        if unit is None:
            for n in (3, 2, 1):
                if tuple(norms[j : j + n]) in units():
                    unit, j = units()[tuple(norms[j : j + n])], j + n
                    break
        core_end = j
        after = _positions()
        for phrase_after, pos in after.items():
            if pos == "after" and tuple(norms[j : j + len(phrase_after)]) == phrase_after:
                hedge = phrase_table(HEDGES_FILE)[phrase_after]
                j += len(phrase_after)
                core_end = j
        noun, thing, end = (None, None, j) if unit else _noun_after(norms, j)
        event = _event_near(norms, start, end) or _toll_before(norms, start)
        if event is None and len(sentence_events) == 1:
            event = next(iter(sentence_events))
        if thing is None and noun is None and unit is None and event is not None:
            thing = next((imp for e, _d, imp in events().values() if e == event and imp), None)
        out.append(
            Quantity(
                start,
                core_end,
                max(end, core_end),
                value,
                high,
                hedge,
                phrase,
                unit,
                noun,
                thing,
                event,
                i,
            )
        )
        i = max(j, i + 1)
    return _drop_conversions(norms, out)


def _drop_conversions(norms: Sequence[str], found: list[Quantity]) -> list[Quantity]:
    """Drop "(13 feet)" after "4 metres": the same measure in another unit."""
    keep: list[Quantity] = []
    for q in found:
        prev = keep[-1] if keep else None
        between = norms[prev.core_end : q.start] if prev else []
        if (
            prev is not None
            and prev.unit is not None
            and q.unit is not None
            and prev.unit != q.unit
            and prev.unit.split("/")[1] == q.unit.split("/")[1]
            and between in (["("], ["or"], [",", "or"], ["/"])
        ):
            continue
        keep.append(q)
    return keep
