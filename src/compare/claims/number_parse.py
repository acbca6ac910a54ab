"""Reading quantities out of tokens: value, hedge, counted thing and event.

Why a parser of its own: "at least 12 miners were killed", "fourteen
people died" and "scores of civilians" must be compared by value, by what is
counted and by what happened to it.  Dates, years, times, ages in commas,
identifiers ("Flight 17") and unit conversions in brackets are not counts and
are dropped here, so the comparison rule never sees them.

Layout: ``number_lexicon`` holds the tables and reads one number token;
``number_context`` reads the words around it; this module assembles them
into ``Quantity``s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from compare.claims.number_context import (
    event_near,
    excluded,
    former_state,
    noun_after,
    toll_before,
    word_before,
)
from compare.claims.number_lexicon import (
    HEDGES_FILE,
    MONEY,
    NUMERAL,
    PERCENT,
    events,
    hedge_position,
    hedge_positions,
    number_at,
    number_words,
    things,
    unit_at,
    units,
)
from compare.claims.words import is_function_word, phrase_table
from compare.model import Token

# Figures at or past a quintillion (and infinities) are not read: no news count or sum
# comes near (a national budget in won or yen stays under 1e16), while arithmetic on a
# written-out 10^400 overflows.  NaN fails the comparison too.
MAX_FIGURE = 1e18


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


def _hedge_before(norms: Sequence[str], i: int) -> tuple[int, str, str]:
    """(start, class, phrase) of an approximator right before token i, or before "the age
    of" in front of it ("over the age of 70" is "over 70": read blind, eighteenth round,
    the two were called one figure qualified two ways).

    >>> _hedge_before("them over the age of 70".split(), 5)
    (1, 'min', 'over')
    """
    table = phrase_table(HEDGES_FILE)
    for n in (3, 2, 1):
        if i - n >= 0:
            phrase = tuple(norms[i - n : i])
            cls = table.get(phrase)
            if cls is not None and hedge_position(phrase) == "before":
                return i - n, cls, " ".join(phrase)
    if i >= 4 and tuple(norms[i - 3 : i]) == _AGE_OF:
        start, cls, words = _hedge_before(norms, i - 3)
        if cls != "exact":
            return start, cls, words
    return i, "exact", ""


_AGE_OF = ("the", "age", "of")


def _is_group(norm: str) -> bool:
    """Is the word a group count ("dozen", "score"), written after "a"?"""
    return number_words().get(norm, ("",))[0] == "group"


@cache
def _things_without_people() -> frozenset[str]:
    """Counted-thing classes that are no people: buildings, vehicles, aircraft, villages."""
    return frozenset(
        cls for cls, parent, _display in things().values() if parent is None and cls != "people"
    )


# Events that happen to people only; "missing" and "displaced" also count aircraft or
# villages ("two aircraft missing", "three villages evacuated").
_THINGS_TOO = frozenset({"missing", "displaced"})


@cache
def people_events() -> frozenset[str]:
    """Events whose implied counted thing is people (``classify_events.txt``)."""
    return frozenset(e for e, _display, implied in events().values() if implied == "people")


@cache
def _people_only_events() -> frozenset[str]:
    """``people_events`` without those that also befall things (``_THINGS_TOO``)."""
    return people_events() - _THINGS_TOO


# Verbs of saying that close the clause a figure they report stands in: "figures released
# on Tuesday, Skyrell said about 38,500 passengers had been affected": "released" is no
# event of the passengers.
SAYING = frozenset({"said", "says", "say", "told", "added", "according"})


# Nouns that stand for the figure itself ("a total of 30", "an average of 12"), not
# for a thing it measures.
_AMOUNT_NOUNS = frozenset(
    {"total", "average", "tally", "toll", "count", "number", "maximum", "minimum", "estimate",
     "figure", "sum", "peak", "record", "high", "low", "rate", "share", "range"}
)  # fmt: skip


_PRONOUN_PARTS = frozenset({"them", "whom", "those", "these"})


def _of_them(norms: Sequence[str], j: int) -> bool:
    """Does "of them" / "of whom" follow the figure ending before ``j`` (a part of things
    named before)?"""
    return j + 1 < len(norms) and norms[j] == "of" and norms[j + 1] in _PRONOUN_PARTS


_PART_OF = frozenset({"the", "those", "these"})


def _part_of_the(norms: Sequence[str], j: int) -> bool:
    """Does "of the" / "of those" follow the figure ending before ``j`` (a part of a group)?

    >>> _part_of_the("four of the rescued were taken to hospital".split(), 1)
    True
    >>> _part_of_the("four of them".split(), 1), _part_of_the("four people".split(), 1)
    (False, False)
    """
    return j + 1 < len(norms) and norms[j] == "of" and norms[j + 1] in _PART_OF


def _own_verb(norms: Sequence[str], start: int) -> bool:
    """Does a verb of no listed event, coordinated with the clause before, govern the figure
    ("killed 12 people and affected 3,000")?  Its act is then not the sentence's other event.

    Read blind (fourteenth round): "Cholera has killed at least 31 people and sickened
    more than 1,700" made 1,700 a death toll ("sickened" is now listed as an infection;
    this rule keeps any verb the list lacks from the same mistake).

    >>> _own_verb("Floods killed 12 people and affected 3,000 homes".split(), 6)
    True
    >>> _own_verb("six arrests Wednesday , compared to 47 the night before".split(), 6)
    False
    >>> _own_verb("Storm kills 23 , forces 410,000 into shelters".split(), 5)
    True
    """
    k = word_before(norms, start)
    if k < 0 or norms[k] in events():
        return False
    word = norms[k]
    j = k - 1
    # a headline's present tense after a comma: "kills at least 23, forces 410,000 into
    # shelters" (read blind, twenty-second round: 410,000 was a death toll)
    present = j >= 0 and norms[j] == "," and word.endswith("s") and not word.endswith("ss")
    verb = (
        len(word) > 4
        and (word.endswith("ed") or present)
        and word.isalpha()
        and not is_function_word(word)
    )
    if j >= 0 and norms[j] in _PERFECT:
        j -= 1  # "and has sickened"
    # a verb coordinated with the clause before, not "compared to 47" (a preposition's work)
    return verb and j >= 0 and (norms[j] in _COORDINATING or present)


_COORDINATING = frozenset({"and", "but"})
_AUXILIARIES = frozenset({"had", "have", "has", "were", "was", "are", "is"})
PREDICATE_REACH = 3  # words from the auxiliary after a figure to its participle


def _own_predicate(norms: Sequence[str], end: int) -> bool:
    """Is the figure the subject of a verb of its own, of no listed event ("more than 3,200
    residents had been moved to schools")?  Its act is then not the sentence's other event.

    Read blind (twenty-third round): "Another 23 people were still missing ... and more
    than 3,200 residents had been moved to schools" made 3,200 a count of the missing.

    >>> _own_predicate("3,200 residents had been moved to schools".split(), 2)
    True
    >>> _own_predicate("23 people were still missing".split(), 2)
    False
    """
    if end >= len(norms) or norms[end] not in _AUXILIARIES:
        return False
    for n in norms[end + 1 : end + 1 + PREDICATE_REACH]:
        if n in events():
            return False
        if len(n) > 4 and n.isalpha() and n.endswith("ed") and not is_function_word(n):
            return True
    return False


_PERFECT = frozenset({"has", "have", "had"})


FORMER_REACH = 5  # words from "who had been" to the event word it governs


def _sentence_events(norms: Sequence[str], start: int, end: int) -> set[str]:
    """Events of the sentence a figure may take when none stands near it.

    Why not across a verb of saying: a figure reported ("X said 40 ...") and an
    event word of the clause before the speaker are two statements; one event
    word in the whole sentence is taken only when no such verb parts the two.

    None for a figure that measures a noun ("a city of about 350,000 people",
    "a crew of 21"): the figure describes that noun, whatever happened
    elsewhere in the sentence.  Read blind, "a city of 347,000 people ...
    last recorded a major outbreak" was a row of "people infected".

    >>> _sentence_events("a city of 350,000 people where 40 were infected".split(), 3, 5)
    set()
    >>> _sentence_events("350,000 people where 40 were infected".split(), 0, 2)
    {'infection'}
    """
    table = events()
    out: set[str] = set()
    if start >= 2 and norms[start - 1] == "of" and norms[start - 2].isalpha():
        noun = norms[start - 2]
        if not is_function_word(noun) and noun not in table and noun not in _AMOUNT_NOUNS:
            return out
    for k, n in enumerate(norms):
        if n not in table or start <= k < end:
            continue
        if any(former_state(norms, m) for m in range(max(k - FORMER_REACH, 0), k)):
            continue  # "who had been listed as missing": what they were, not what happened
        if k >= end and any(_of_them(norms, m + 1) for m in range(max(end, k - 4), k)):
            continue  # "312 seabirds ..., 41 of them dead": the part's event
        lo, hi = (k + 1, start) if k < start else (end, k)
        if not any(w in SAYING for w in norms[lo:hi]):
            out.add(table[n][0])
    return out


CAP_REACH = 3  # words between a cap verb and the "at" before its figure
# Verbs that set a ceiling: the figure after their "at" / "to" is a maximum.
CAP_VERBS = frozenset({"cap", "caps", "capped", "capping", "limit", "limits", "limited"})


def capped_verb(norms: Sequence[str], start: int) -> str | None:
    """The cap verb governing the figure through "at" / "to" ("capped withdrawals at 500").

    Why: read blind, "capped withdrawals at 500 crowns" against "no more than
    500 crowns" was called one figure exact, the other a maximum.

    >>> capped_verb("they capped withdrawals at 500".split(), 4)
    'capped'
    >>> capped_verb("they limited the talks to 500 people".split(), 5)
    'limited'
    >>> capped_verb("they met at 500 main street".split(), 3) is None
    True
    """
    if start == 0 or norms[start - 1] not in ("at", "to"):
        return None
    before = norms[max(start - 1 - CAP_REACH, 0) : start - 1]
    return next((n for n in reversed(before) if n in CAP_VERBS), None)


CEILING_REACH = 16  # words between a ceiling's noun and the "to" / "at" before its figure
# Nouns whose value is a maximum: "the ceiling on the fee rises ... to 30 million".
CEILING_NOUNS = frozenset({"ceiling", "ceilings", "cap", "limit", "maximum"})
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?"})


def ceiling_noun(norms: Sequence[str], start: int) -> str | None:
    """The ceiling noun whose new value the figure after "to" / "at" is, if any.

    Why: read blind (twentieth round), "the ceiling on the single tuition fee
    rises from 12 million rupiah to 30 million rupiah" against "will allow
    universities to charge up to 30 million rupiah" was called one figure
    exact, the other a maximum; a ceiling's value is a maximum.  "The ceiling
    collapsed, injuring 30 people" has no "to" before its figure.

    >>> ceiling_noun("the ceiling on the fee rises from 12 to 30".split(), 9)
    'ceiling'
    >>> ceiling_noun("the ceiling fell , injuring 30".split(), 5) is None
    True
    """
    if start == 0 or norms[start - 1] not in ("to", "at"):
        return None
    for n in reversed(norms[max(start - 1 - CEILING_REACH, 0) : start - 1]):
        if n in _CLAUSE_ENDS:
            return None
        if n in CEILING_NOUNS:
            return n
    return None


def quantities(tokens: Sequence[Token]) -> list[Quantity]:
    """Counts and measures in one sentence's tokens, in reading order.

    >>> from compare.align.segment import tokenize
    >>> [(q.value, q.hedge, q.thing, q.event) for q in quantities(
    ...     tokenize("A missile killed at least 12 miners in 1987."))]
    [(12.0, 'min', 'workers', 'death')]
    """
    norms = [t.norm for t in tokens]
    out: list[Quantity] = []
    i = 0
    while i < len(norms):
        parsed = number_at(norms, i)
        if parsed is None or (  # a lone "one" counts only before a counted thing
            norms[i] == "one"
            and parsed[3] == i + 1
            and (i + 1 >= len(norms) or norms[i + 1] not in things())
        ):
            i += 1
            continue
        value, high, hedge, j, unit = parsed
        if not (abs(value) < MAX_FIGURE and abs(high) < MAX_FIGURE):
            i = j  # "1" and 400 zeros, "1e308": no count a report compares, and no float holds it
            continue
        if hedge != "vague" and excluded(tokens, norms, i, j, value):
            i = j
            continue
        start = i
        if hedge != "vague":
            # "about a dozen": the approximator stands before the article of a group word
            at = i - 1 if i and norms[i - 1] == "a" and _is_group(norms[i]) else i
            start, cls, phrase = _hedge_before(norms, at)
            start = start if phrase else i
            hedge = cls if phrase else hedge
        else:
            phrase = ""
            if unit == PERCENT:  # "nearly a third": the span shows the approximator too
                start, _cls, phrase = _hedge_before(norms, i)
        if hedge == "exact" and not phrase and (verb := capped_verb(norms, start)):
            hedge, phrase = "max", f"{verb} {norms[start - 1]}"  # "capped ... at 500": at most
        elif hedge == "exact" and not phrase and (noun := ceiling_noun(norms, start)):
            hedge, phrase = "max", f"{noun} {norms[start - 1]}"  # "the ceiling ... to 30m"
        if size := _currency_before(norms, start):
            unit, start = units()[tuple(norms[start - size : start])], start - size
            if hedge == "exact" and not phrase:  # "more than $1 million": hedge before the sign
                start, hedge, phrase = _hedge_before(norms, start)
        if (
            hedge != "vague"
            and j + 1 < len(norms)
            and norms[j] == "-"
            and NUMERAL.match(norms[j + 1])
        ):
            high, hedge, j = float(norms[j + 1].replace(",", "")), "range", j + 2  # 20-30
        elif (
            hedge == "exact"
            and unit is None
            and norms[i - 1 : i] != ["from"]  # "from 40 to 60-hour weeks": a change
            and (suspended := _suspended_range(norms, j))
        ):
            high, unit, j = suspended  # "a 40- to 60-hour course": one measure, a range
            hedge = "range"
        elif (
            hedge == "exact"
            and start > 0
            and norms[start - 1] == "between"
            and j + 1 < len(norms)
            and norms[j] == "and"
        ):
            # "between 10 and 15"; not "between $30 million and $45 million", which stays
            # two figures as "$30 million to $45 million" does ("to" may also be a change)
            other = number_at(norms, j + 1)
            if other is not None and other[2] == "exact" and other[0] > value:
                bare, first = norms[j + 1].replace(",", ""), norms[i].replace(",", "")
                plain = NUMERAL.fullmatch(bare) and NUMERAL.fullmatch(first)
                if plain and float(bare) and value == float(first):
                    # "between 30 and 45 million": the scale of the second is the first's too
                    scale = other[0] / float(bare)
                    value = value * scale if value * scale < other[0] else value
                high, hedge, j, start = other[0], "range", other[3], start - 1
        if unit is None and (spelled := unit_at(norms, j)) is not None:
            unit, j = spelled
        elif (
            unit is None
            and j + 1 < len(norms)
            and norms[j] == "-"
            and (spelled := unit_at(norms, j + 1)) is not None
        ):
            unit, j = spelled  # the measure as a modifier: "a 9-km column", "a 12-mile queue"
        core_end = j
        after = hedge_positions()
        for phrase_after, pos in after.items():
            if pos == "after" and tuple(norms[j : j + len(phrase_after)]) == phrase_after:
                hedge = phrase_table(HEDGES_FILE)[phrase_after]
                j += len(phrase_after)
                core_end = j
        noun, thing, end = (None, None, j) if unit else noun_after(norms, j)
        event: str | None = (
            events()[norms[end - 1]][0]  # "11 dead and 17 missing": "dead" is both
            if end > j and norms[end - 1] in events()
            else event_near(norms, start, end) or toll_before(norms, start)
        )
        former = former_state(norms, end)
        if former:
            event = None  # "two residents who had been listed as missing were found safe"
        if event is None and not former:  # an event's participle first: "3 wounded soldiers"
            event = next((events()[n][0] for n in norms[j:end] if n in events()), None)
        if (
            event is None
            and not former
            and not _own_verb(norms, start)
            and not _own_predicate(norms, end)
            and len(found := _sentence_events(norms, start, end)) == 1
        ):
            event = next(iter(found))
        if thing in _things_without_people() and event in _people_only_events():
            event = None  # "12,000 homes" in a sentence that says "killed": not a toll
        if unit is None and _part_of_the(norms, j) and (noun is None or noun in events()):
            # "Four of the rescued were taken to hospital", "three of the dead": a part of a
            # group its event names, counted elsewhere, not the group's count (read blind,
            # nineteenth round, as a rescue count of four against "more than 20 rescued");
            # "two of the evacuated villages" still counts villages
            noun = thing = event = None
        # "41 of them dead": the seabirds named before, not people
        implied = thing is None and noun is None and unit is None and not _of_them(norms, j)
        if implied and event is not None:
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


_SUSPENDED_JOINS = frozenset({"to", "or"})


def _suspended_range(norms: Sequence[str], j: int) -> tuple[float, str, int] | None:
    """(high, unit, end) of a range whose unit is written once, on its second figure.

    "a 40- to 60-hour course", "a 10- or 12-mile walk": the first figure's
    hyphen is suspended, and the unit ("hour") belongs to both.  Read alone,
    "60-hour" was set against another outlet's "40-60 hour" as a differing
    figure.  ``j`` is the token after the first figure.
    """
    k = j + 1 if j < len(norms) and norms[j] == "-" else j
    if k + 3 >= len(norms) or norms[k] not in _SUSPENDED_JOINS:
        return None
    other = number_at(norms, k + 1)
    if other is None or other[2] != "exact" or other[4] is not None:
        return None
    end = other[3]
    if end >= len(norms) or norms[end] != "-":
        return None
    spelled = unit_at(norms, end + 1)
    if spelled is None:
        return None
    return other[0], spelled[0], spelled[1]


def _currency_before(norms: Sequence[str], i: int) -> int:
    """Tokens of a currency sign ending right before token i ("$", "US$"), 0 when none.

    Why two tokens: "US$35" is read as "us", "$", "35"; without the prefix,
    "about US$35 million" lost its "about".

    >>> _currency_before(["about", "us", "$", "35"], 3), _currency_before(["about", "$", "3"], 2)
    (2, 1)
    """
    for size in (2, 1):
        sign = tuple(norms[i - size : i]) if i >= size else ()
        if sign in units() and units()[sign].endswith(MONEY):
            return size
    return 0


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


# Words that make a figure an increment on an earlier one, never the same count.
_INCREMENT = frozenset({"further", "another", "additional", "extra"})


@dataclass(frozen=True)
class Located:
    """A quantity with its article, passage and the cell tokens it indexes.

    Why here, beside ``Quantity``: the pairing (``numbers``) and the wording
    (``numbers.findings``) both read it, and neither may import the other.
    """

    article_id: str
    passage_id: str
    q: Quantity
    tokens: tuple[Token, ...]  # the whole cell
    offset: int  # where the sentence starts in the cell
    context: frozenset[str]  # content stems of the sentence

    @property
    def full(self) -> tuple[Token, ...]:
        return self.tokens[self.offset + self.q.start : self.offset + self.q.end]

    @property
    def core(self) -> tuple[Token, ...]:
        return self.tokens[self.offset + self.q.start : self.offset + self.q.core_end]

    @property
    def number_index(self) -> int:
        return self.offset + self.q.num_index

    @property
    def incremental(self) -> bool:
        """True for an increment ("a further 2%", "another 40"), not a total."""
        at = self.offset + self.q.start
        return any(t.norm in _INCREMENT for t in self.tokens[max(at - 2, self.offset) : at])
