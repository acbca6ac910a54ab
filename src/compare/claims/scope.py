"""What a figure is limited to: a period, a place, a part of a whole.

Why: "300 arrested in the old town tonight" and "4,100 arrested since March"
count the same event over different periods; "3 missing in one province"
and "5 in another" count parts of a whole.  Set against each other they
look like a discrepancy and are not.  A figure's scope is read from its own
clause (the words between the nearest commas, semicolons or "and <figure>"):
the time words and "since ..." in it, the capitalised place after "in",
"at" or "across", and the words that make it a part ("alone", "another",
"including", "in one ...").  A running total ("so far", "to date") says no
more than a figure with no period, so it is not a scope.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from compare.claims.number_lexicon import NUMERAL, events, number_words
from compare.model import Token
from compare.text import lexicons

SCOPE_FILE = "claims_scope.txt"
TIME_FILE = "classify_time_words.txt"
_BOUNDARY = frozenset(
    {";", ",", ":", "(", ")", "\u2014", "\u2013", "--", "while", "but", "whereas"}
)
_MODALS = frozenset({"would", "could", "might", "should"})
_CONDITIONS = frozenset({"if", "unless"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# The months in calendar order (``claims.compare.past_months`` counts back along it).
MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july")
MONTHS += ("august", "september", "october", "november", "december")
# Month names a scope reads ("may" is far more often the modal verb than the month).
_MONTH_NAMES = frozenset(MONTHS) - {"may"}
# Time words that name a day or month: the finest a figure's period is stated in news copy.
_CALENDAR = _WEEKDAYS | _MONTH_NAMES


@dataclass(frozen=True)
class Scope:
    """The limits a figure's clause states; empty when it states none.

    ``period`` holds normalised time phrases ("since march", "tonight",
    "tuesday", "2015"); ``places`` capitalised place names after a place
    preposition; ``part`` is True for a part or an increment of a larger
    count ("in one district alone", "another 5", "including 3 children").
    """

    period: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    part: bool = False
    # "would have cut $1.3 trillion", "if 40 more are found": not a figure of fact.
    hypothetical: bool = False
    # The group a share is of ("12 percent among young voters"): a poll's figure for one
    # group is not its figure for another group or for everyone.
    group: frozenset[str] = frozenset()

    def differs(self, other: Scope, *, stated: bool = False) -> bool:
        """True when the two scopes cannot be taken as the same (a reason not to compare).

        A running total counted "since" a moment is the same count as one with
        no period; a day, month or place differs only when both figures name
        one and they differ; a year named for one figure only marks another
        (earlier) event.  Other periods ("tonight", "this week") must
        match, unless ``stated``: then only limits both figures state count
        (the test for dropping a finding, where absence proves nothing).

        >>> Scope(frozenset({"tonight"})).differs(Scope(frozenset({"since march"})))
        True
        >>> Scope().differs(Scope()), Scope(part=True).differs(Scope())
        (False, True)
        >>> Scope(places=frozenset({"kent"})).differs(Scope())
        False
        >>> words = ("since x", "saturday", "tonight")
        >>> since, saturday, tonight = (Scope(frozenset({w})) for w in words)
        >>> since.differs(Scope()), saturday.differs(Scope())
        (False, False)
        >>> tonight.differs(Scope()), tonight.differs(Scope(), stated=True)
        (True, False)
        >>> Scope(frozenset({"2017"})).differs(Scope())
        True
        >>> voters = Scope(group=frozenset({"young", "voters"}))
        >>> voters.differs(Scope(), stated=True), voters.differs(voters)
        (True, False)
        """
        if self.part or other.part or self.hypothetical != other.hypothetical:
            return True  # two hypotheticals ("would be released within 14 days") compare
        if self.group != other.group:
            return True  # a share of one group against a share of another, or of everyone
        (since_a, days_a, other_a), (since_b, days_b, other_b) = (
            _split(self.period),
            _split(other.period),
        )
        spans_a, spans_b = since_a | other_a, since_b | other_b
        if spans_a != spans_b:
            if spans_a and spans_b:
                return True  # "tonight" vs "since March"
            if not stated and (other_a or other_b):
                return True  # "tonight" vs a figure with no period
        if days_a and days_b and not days_a & days_b:
            return True
        years_a, years_b = {d for d in days_a if d.isdigit()}, {d for d in days_b if d.isdigit()}
        if not stated and years_a != years_b:
            return True  # "26 killed in 2017": another, earlier event
        return bool(self.places and other.places and not self.places & other.places)


def _split(period: frozenset[str]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(since-phrases, calendar words, other periods) of a scope's period."""
    since = frozenset(p for p in period if p.startswith("since"))
    calendar = frozenset(p for p in period if p in _CALENDAR or _YEAR.match(p))
    return since, calendar, period - since - calendar


@cache
def phrases() -> dict[tuple[str, ...], str]:
    """Scope phrase (as words) -> role, from the scope word list."""
    return {tuple(phrase.split()): role for role, phrase in lexicons.rows(SCOPE_FILE)}


@cache
def role_words(role: str) -> frozenset[tuple[str, ...]]:
    return frozenset(p for p, r in phrases().items() if r == role)


@cache
def time_words() -> frozenset[str]:
    return lexicons.words(TIME_FILE)


def _starts(norms: Sequence[str], k: int, role: str) -> int:
    """Length of a phrase of ``role`` starting at k, 0 when none does."""
    for phrase in sorted(role_words(role), key=len, reverse=True):
        if tuple(norms[k : k + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _is_number(norm: str) -> bool:
    return bool(NUMERAL.match(norm)) or number_words().get(norm, ("",))[0] in ("unit", "vague")


def clause(norms: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """[left, right) of the clause around a figure at [start, end).

    >>> n = "three were missing in one province and five in another".split()
    >>> clause(n, 0, 1), clause(n, 7, 8)
    ((0, 6), (7, 10))
    """
    left = start
    while left > 0 and norms[left - 1] not in _BOUNDARY:
        if norms[left - 1] == "and" and _is_number(norms[left]):
            break
        left -= 1
    right = end
    while right < len(norms) and norms[right] not in _BOUNDARY and norms[right] != ".":
        if norms[right] == "and" and right + 1 < len(norms) and _is_number(norms[right + 1]):
            break
        right += 1
    return left, right


def read_scope(tokens: Sequence[Token], start: int, end: int, *, share: bool = False) -> Scope:
    """The scope of the figure at tokens [start, end) of one sentence.

    ``share``: the figure is a percentage, whose group is read (``share_group``).

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("Police arrested 300 people in the Old Town tonight.")
    >>> s = read_scope(t, 2, 4)
    >>> sorted(s.period), sorted(s.places), s.part
    (['tonight'], ['old town'], False)
    >>> read_scope(tokenize("4,100 have been arrested since March so far."), 0, 1).period
    frozenset({'since march'})
    >>> read_scope(tokenize("Three died in one district alone."), 0, 1).part
    True
    """
    norms = [t.norm for t in tokens]
    left, right = clause(norms, start, end)
    period: set[str] = set()
    places: set[str] = set()
    part = (
        _part_before(norms, left, start)
        or _part_after(norms, end, right)
        or _of_a_group(norms, start, end)
    )
    k = left
    while k < right:
        if start <= k < end:
            k += 1
            continue
        n = norms[k]
        if (size := _starts(norms, k, "since")) and k + size < right:
            words = _when_words(tokens, k + size, right)
            period.add(" ".join(["since", *words]))
            k += size + len(words)
            continue
        if size := _starts(norms, k, "period"):
            period.add(" ".join(norms[k : k + size]))
            k += size
            continue
        if _starts(norms, k, "cumulative"):
            k += 1
            continue
        if n in _WEEKDAYS and _as_of(norms, k):
            pass  # "had pulled 12 tonnes by Tuesday evening": a running total, as of a day
        elif n in _CALENDAR or (_YEAR.match(n) and tokens[k].text.isdigit()):
            if not _reporting_date(norms, k, start):
                period.add(n)
        elif k >= end and (size := _starts(norms, k, "place")):
            name = _place_after(tokens, k + size, right)
            if name:
                places.add(name)
        k += 1
    if not any(p.isdigit() for p in period):
        period |= _shared_year(tokens, norms, left, right)
    if not period & _CALENDAR and left > 0 and (month := _opening_month(norms)):
        period.add(month)
    # A modal anywhere in the clause ("25 could die"); "if" / "unless" only before the
    # figure: "demanding 25 million ... and has threatened to sue if the company does not
    # pay" demands the sum outright (read blind, it was set apart as a hypothetical).
    hypothetical = any(n in _MODALS for n in norms[left:right]) or any(
        n in _CONDITIONS for n in norms[left:start]
    )
    group = share_group(norms, end) if share else frozenset()
    return Scope(frozenset(period), frozenset(places), part, hypothetical, group)


def _opening_month(norms: Sequence[str]) -> str | None:
    """The month a sentence opens with ("In March, pirates held ... its 18 crew"), or None.

    Why: the month is said once for the whole sentence, before the clause of
    its figures; read blind, "its 18 crew" of that earlier seizure was set
    against this ship's 21 crew.

    >>> _opening_month("in march , pirates held 18 crew".split()), _opening_month(["march"])
    ('march', None)
    """
    if len(norms) > 3 and norms[0] == "in" and norms[1] in _MONTH_NAMES and norms[2] == ",":
        return norms[1]
    return None


def _as_of(norms: Sequence[str], k: int) -> bool:
    """Does "by" or "as of" put the weekday at ``k`` as the day a running total was taken?

    Why: "12 tonnes of dead fish by Tuesday evening" and, a day later, "more
    than 20 tonnes by Wednesday afternoon" count one total as it grew; read
    blind (sixteenth round), the two weekdays made them two counts, and the
    update the later article carries was never shown.  Weekdays only: "by
    2030" sets a target, not a running total.

    >>> _as_of("pulled 12 tonnes by tuesday evening".split(), 4)
    True
    >>> _as_of("killed 12 on tuesday".split(), 3)
    False
    """
    return (k >= 1 and norms[k - 1] == "by") or (k >= 2 and norms[k - 2 : k] == ["as", "of"])


def _years(tokens: Sequence[Token], lo: int, hi: int) -> set[str]:
    """The years written in digits in tokens [lo, hi)."""
    return {t.norm for t in tokens[lo:hi] if _YEAR.match(t.norm) and t.text.isdigit()}


def _shared_year(tokens: Sequence[Token], norms: Sequence[str], left: int, right: int) -> set[str]:
    """A year the figure's clause shares with its neighbours, though not written in it.

    Three forms of news copy give one year to several figures: a list joined by
    "and" ("won 47.5 per cent and 79 seats in 2021": the year closes the list), a
    clause opened by "when" after the year ("down from 79 in 2021, when it took
    47.5%"), and a year opening the sentence ("In 2021, the party won 47.5
    percent").  Without it, last election's share was set against this one's.

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("It won 47.5 per cent and 79 seats in 2021.")
    >>> sorted(read_scope(t, 2, 4).period)
    ['2021']
    >>> t = tokenize("It won 79 seats in 2021, when it took 47.5% of the vote.")
    >>> sorted(read_scope(t, 9, 11).period)
    ['2021']
    >>> t = tokenize("In 2021, the party won 47.5 percent.")
    >>> sorted(read_scope(t, 6, 8).period)
    ['2021']
    >>> sorted(read_scope(tokenize("It won 41.8 percent, up from 2021."), 2, 4).period)
    []
    """
    found: set[str] = set()
    if right < len(norms) and norms[right] == "and":  # a list of figures: the next clause
        stop = right + 1
        while stop < len(norms) and norms[stop] not in _BOUNDARY and norms[stop] != ".":
            stop += 1
        found |= _years(tokens, right + 1, stop)
    if left >= 2 and norms[left] == "when" and norms[left - 1] == ",":
        start = left - 1
        while start > 0 and norms[start - 1] not in _BOUNDARY:
            start -= 1
        found |= _years(tokens, start, left - 1)
    if len(norms) > 3 and norms[0] == "in" and _YEAR.match(norms[1]) and norms[2] == ",":
        found |= _years(tokens, 1, 2)
    found |= _closing_year(tokens, norms, right)
    return found


CLOSING_TIME_MAX_WORDS = 4  # ", in January 2024." closing the sentence


def _closing_year(tokens: Sequence[Token], norms: Sequence[str], right: int) -> set[str]:
    """A year in a short time phrase that closes the sentence after the figure's clause.

    "The company cut about 2,500 jobs, mostly in sales, in January 2024.": the
    date belongs to the whole sentence, past the aside (read blind, sixteenth
    round, that earlier round of cuts was set against this one's 6,200).

    >>> from compare.align.segment import tokenize
    >>> t = tokenize("The firm cut about 2,500 jobs, mostly in sales, in January 2024.")
    >>> sorted(read_scope(t, 3, 5).period)
    ['2024', 'january']
    >>> sorted(read_scope(tokenize("It cut 2,500 jobs, mostly in sales, in Leeds."), 2, 4).period)
    []
    """
    if right >= len(norms) or norms[right] != ",":
        return set()
    end = len(norms) - 1 if norms[-1] == "." else len(norms)
    last = max(k for k in range(right, end) if norms[k] == ",") + 1
    phrase = norms[last:end]
    if not phrase or phrase[0] not in {"in", "during", "on"}:
        return set()
    if len(phrase) > CLOSING_TIME_MAX_WORDS or any(n in _BOUNDARY for n in phrase):
        return set()
    years = _years(tokens, last, end)
    months = {n for n in phrase if n in _MONTH_NAMES}
    return years | months if years else set()


_GROUP_END = frozenset({",", ";", ":", ".", "(", ")", "\u2014", "\u2013", "and", "but", "while"})


def share_group(norms: Sequence[str], end: int) -> frozenset[str]:
    """The words after "among" that name the group a share is of, anywhere in the sentence.

    Why the whole sentence: a poll sentence names its group once and lists
    several shares after it ("leads among young voters (at 20 percent),
    followed by ... (9 percent)").  The nearest "among" before the figure
    counts, else the first one after it.

    >>> sorted(share_group("she leads among young voters , with 20 %".split(), 9))
    ['voters', 'young']
    >>> share_group("she won 20 % of the vote".split(), 4)
    frozenset()
    """
    places = [k for k, n in enumerate(norms) if n == "among"]
    before = [k for k in places if k < end]
    chosen = before[-1] if before else next(iter(places), None)
    if chosen is None:
        return frozenset()
    words: list[str] = []
    for n in norms[chosen + 1 :]:
        if n in _GROUP_END or len(words) == 4:
            break
        if n not in {"the", "a", "an", "all", "its", "their"}:
            words.append(n)
    return frozenset(words)


def _when_words(tokens: Sequence[Token], k: int, right: int) -> list[str]:
    """The words naming a moment after "since": time words, numerals, names (two at most)."""
    out: list[str] = []
    while k < right and len(out) < 2:
        t = tokens[k]
        if t.norm in time_words() or t.norm.isdigit() or t.text[:1].isupper():
            out.append(t.norm)
            k += 1
        else:
            break
    return out


def _reporting_date(norms: Sequence[str], k: int, start: int) -> bool:
    """True for the date of a statement before the figure ("said on Tuesday that 12 ...").

    Why: that date is when the figure was given, not the period it counts.
    """
    if k > start:
        return False
    window = norms[max(k - 3, 0) : k]
    return any(w in {"said", "says", "told", "announced", "reported", "confirmed"} for w in window)


def _place_after(tokens: Sequence[Token], k: int, right: int) -> str | None:
    """The capitalised name after a place preposition ("in the Old Town"), else None.

    A part of the country named by a compass word ("in the north") is a place too.
    """
    if k < right and tokens[k].norm in {"the", "a", "an"}:
        k += 1
    if k < right and (tokens[k].norm,) in role_words("area"):
        return tokens[k].norm
    words = []
    while k < right and tokens[k].text[:1].isupper() and tokens[k].norm not in time_words():
        words.append(tokens[k].norm)
        k += 1
    return " ".join(words) or None


def _part_before(norms: Sequence[str], left: int, start: int) -> bool:
    """ "another 5", "a further 20", "including 3", "of them, 3": a part or an increment."""
    for k in range(max(left, start - 3), start):
        size = _starts(norms, k, "part")
        if size and k + size >= start - 1 and norms[k] not in {"one", "each", "more", "alone"}:
            return True
    return any(
        _starts(norms, k, "part") and norms[k] in {"of", "among"} for k in range(left, start)
    )


OTHER_EVENT_WITHIN = 3  # words after the group where the part's own event is looked for


def _of_a_group(norms: Sequence[str], start: int, end: int) -> bool:
    """ "three of the injured died": the part of a group that another event befell.

    Why: read blind (eleventh round), "after three of the injured died in
    hospital" was set against another outlet's 18 injured as the injured count.
    "Eleven of the injured were in a critical condition" names no other event,
    and stays a count of the injured.

    >>> from compare.align.segment import tokenize
    >>> read_scope(tokenize("Three of the injured died."), 0, 4).part
    True
    >>> read_scope(tokenize("Eleven of the injured were critical."), 0, 4).part
    False
    >>> read_scope(tokenize("It won 79 of the 150 seats."), 2, 7).part
    False
    """
    table = events()
    for k in range(start + 1, min(end, len(norms))):
        if norms[k : k + 2] != ["of", "the"] or k + 2 >= len(norms) or norms[k + 2] not in table:
            continue
        group = table[norms[k + 2]][0]
        after = norms[k + 3 : k + 3 + OTHER_EVENT_WITHIN]
        if any(w in table and table[w][0] != group for w in after):
            return True
    return False


def _part_after(norms: Sequence[str], end: int, right: int) -> bool:
    """ "5 more", "... alone", "in one province", "in each district": a part of the whole."""
    for k in range(end, right):
        n = norms[k]
        if n == "alone" or (k == end and n == "more"):
            return True
        if _starts(norms, k, "place") and k + 1 < right and norms[k + 1] in {"one", "each"}:
            return True
        if _starts(norms, k, "place") and norms[k + 1 : k + 3] == ["a", "single"]:
            return True
        if _starts(norms, k, "place") and k + 1 < right and norms[k + 1] == "another":
            return True
    return False
