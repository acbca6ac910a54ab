"""When an activity starts or ends, as each outlet dates it ("start rehearsals next month").

Why: the date something begins (a trial, talks, a strike, rehearsals) is a
figure an editor checks like a toll, and outlets word it differently: "will
start rehearsals early next month" / "begin rehearsals from the second week
of May".  A *phase claim* is an aspectual verb
(``claims_phases.txt``: start, begin, commence; end, finish, cease), the
activity it governs (the word after it, "rehearsals"; or, with none, the noun
before it, "the trial will begin"), and a time phrase inside its clause
(``read_when``).  Two outlets' phase claims are compared when each article
dates that phase of that activity exactly once, as intervals of days:

* disjoint ("begin in March" / "begin in May") is a conflict;
* one inside the other ("this month" / "second week of May") is a
  difference of precision;
* a phrase relative to the publication date ("this month") is resolved only
  when the article is dated; when it is not, it is set against a named
  month only as a difference of precision, and the finding says the month
  could not be checked.

The verb's subject is not read, so no such finding is sure enough to be a
headline (``CONFLICT_CONFIDENCE``, ``PRECISION_CONFIDENCE``).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import combinations

from compare.claims.number_lexicon import has_role
from compare.claims.scope import time_words
from compare.claims.words import is_function_word, stem
from compare.model import Article, Token
from compare.text import lexicons

PHASES_FILE = "claims_phases.txt"
MONTHS = tuple(m.casefold() for m in calendar.month_name[1:])
WEEKDAYS = tuple(d.casefold() for d in calendar.day_name)  # Monday first, as date.weekday()
# Phrases that start an arrangement on a date: "the new rate takes effect Monday" / "applies
# from Friday" (read blind, nineteenth round: missed), "the ban comes into force on 1 July".
START_PHRASES = frozenset(
    {("take", "effect"), ("takes", "effect"), ("took", "effect"), ("taking", "effect"),
     ("come", "into", "force"), ("comes", "into", "force"), ("came", "into", "force"),
     ("apply", "from"), ("applies", "from"), ("applied", "from")}
)  # fmt: skip
_PAST = frozenset({"took", "came", "applied", "began", "begun", "started", "commenced"})
WEEKS = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": 3}  # week of a month
THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # "early March"
WINDOW = 8  # words between the activity and its time phrase
CONFLICT_CONFIDENCE = 0.6
PRECISION_CONFIDENCE = 0.45
_CLAUSE_END = frozenset({",", ";", ":", ".", "(", "but", "while", "after", "before", "when"})
# Determiners opening a noun phrase (``framing.hedges`` reads "due to the ..." with them too).
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})


@cache
def _roles() -> dict[str, str]:
    return {word.casefold(): role for word, role in lexicons.rows(PHASES_FILE)}


@cache
def phase_words() -> dict[str, str]:
    """Inflected aspectual verb -> phase ("start" or "end")."""
    return {w: role for w, role in _roles().items() if role in ("start", "end")}


@dataclass(frozen=True)
class When:
    """A time phrase: days ``first``..``last`` of ``month`` (all months when None) of ``year``.

    ``relative`` is "this" or "next" for a phrase counted from the
    publication date ("later this month", "next year"); its month or year
    is then filled in only from that date; "coming" or "last" for a day of
    the week (``first`` is its number, Monday 0), the one on or after the
    publication date, or on or before it for an act told in the past tense.
    ``unit`` is its coarsest word: "day", "weekday", "week", "month" or "year".
    """

    year: int | None
    month: int | None
    first: int
    last: int
    unit: str
    relative: str | None = None


def read_when(norms: Sequence[str], k: int, *, weekdays: bool = False) -> tuple[When, int] | None:
    """(the time phrase at token k, its end), or None when none starts there.

    >>> read_when("from the second week of may".split(), 0)
    (When(year=None, month=5, first=8, last=14, unit='week', relative=None), 6)
    >>> read_when("early this month".split(), 0)
    (When(year=None, month=None, first=1, last=31, unit='month', relative='this'), 3)
    >>> read_when("in early march 2021".split(), 0)
    (When(year=2021, month=3, first=1, last=10, unit='month', relative=None), 4)
    """
    prep = k < len(norms) and norms[k] in {"in", "from", "on", "during", "until"}
    k += prep
    the = k < len(norms) and norms[k] == "the"
    k += the
    hedged = k < len(norms) and norms[k] in {"later", "earlier", "early", "late"}
    if hedged and norms[k + 1 : k + 2] in (["this"], ["next"]):
        k += 1  # "early next month": the month, said no more exactly
    if norms[k : k + 1] in (["this"], ["next"]) and norms[k + 1 : k + 2] in (["month"], ["year"]):
        unit = "month" if norms[k + 1] == "month" else "year"
        return When(None, None, 1, 31, unit, norms[k]), k + 2
    if k + 3 < len(norms) and norms[k] in WEEKS and norms[k + 1 : k + 3] == ["week", "of"]:
        month_at = k + 3
        if norms[month_at] in MONTHS:
            first = 1 + 7 * WEEKS[norms[k]]
            last = 31 if norms[k] == "last" else first + 6  # the last week: days 22 to the end
            when = When(None, MONTHS.index(norms[month_at]) + 1, first, last, "week")
            return _with_year(norms, when, month_at + 1)
    if prep and not the and _year(norms, k):  # "in 2019", not "the 2019 season"
        return When(int(norms[k]), None, 1, 31, "year"), k + 1
    # "takes effect Monday", "from Friday": a day of the week only for ``START_PHRASES``; an
    # event's day is ``claims.when``'s
    if weekdays and k < len(norms) and norms[k] in WEEKDAYS:
        day = WEEKDAYS.index(norms[k])
        return When(None, None, day, day, "weekday", "coming"), k + 1
    if (
        k + 1 < len(norms)
        and norms[k].isdigit()
        and 1 <= int(norms[k]) <= 31
        and norms[k + 1] in MONTHS
    ):  # "from 1 July 2026"
        day = int(norms[k])
        return _with_year(norms, When(None, MONTHS.index(norms[k + 1]) + 1, day, day, "day"), k + 2)
    first, last, unit = 1, 31, "month"
    if k < len(norms) and norms[k] in THIRDS:
        (first, last), k = THIRDS[norms[k]], k + 1
    if k < len(norms) and norms[k] in MONTHS:
        month = MONTHS.index(norms[k]) + 1
        if k + 1 < len(norms) and norms[k + 1].isdigit() and int(norms[k + 1]) <= 31:
            day = int(norms[k + 1])
            return _with_year(norms, When(None, month, day, day, "day"), k + 2)
        return _with_year(norms, When(None, month, first, last, unit), k + 1)
    return None


def _with_year(norms: Sequence[str], when: When, k: int) -> tuple[When, int]:
    """The phrase with the year written after its month, if any ("March 2021", "March, 2021")."""
    at = k + 1 if k < len(norms) and norms[k] == "," else k
    if _year(norms, at):
        return When(int(norms[at]), when.month, when.first, when.last, when.unit), at + 1
    return when, k


def _year(norms: Sequence[str], k: int) -> bool:
    return (
        k < len(norms)
        and len(norms[k]) == 4
        and norms[k].isdigit()
        and norms[k][:2] in ("19", "20")
    )


@dataclass(frozen=True)
class PhaseClaim:
    """One outlet's date for the start (or end) of one activity, with the quoted span."""

    article_id: str
    phase: str
    activity: str  # stem of the activity's word ("train", "trial")
    when: When
    start: int  # from the verb ...
    end: int  # ... to the end of the time phrase
    published: str | None


def _activity(norms: Sequence[str], i: int) -> str | None:
    """Stem of the word the phase verb at i governs: the next content word, else the subject."""
    k = i + 1
    if k < len(norms) and norms[k] == "to":
        k += 1
    if k < len(norms) and norms[k] in DETERMINERS:
        k += 1
    if k < len(norms) and _content(norms[k]) and read_when(norms, k) is None:
        n = norms[k]
        if n not in time_words() and not n.endswith("ly") and _roles().get(n) != "adverb":
            return stem(n)  # not "end next month", "start quickly", "ends sometime"
    return _subject(norms, i)  # "the trial will begin", "talks ended"


def _start_phrase(norms: Sequence[str], i: int) -> int:
    """Length of a ``START_PHRASES`` phrase at ``i`` ("takes effect"), 0 when none is."""
    for size in (3, 2):
        if tuple(norms[i : i + size]) in START_PHRASES:
            return size
    return 0


def _subject(norms: Sequence[str], i: int) -> str | None:
    """Stem of the subject before the verb at ``i``: "the new rate takes effect" -> "rate".

    >>> _subject("the new rate takes effect monday".split(), 3)
    'rate'
    >>> _subject("it takes effect monday".split(), 1) is None
    True
    """
    k = i - 1
    while k >= 0 and (_lead(norms[k]) or norms[k] in {"will", "to", "would", "should"}):
        k -= 1
    if k >= 0 and _content(norms[k]) and norms[k] not in time_words():
        return stem(norms[k])
    return None


def _lead(n: str) -> bool:
    """An auxiliary or catenative word between a subject and its verb ("is due to")."""
    return has_role(n, "aux") or _roles().get(n) == "lead"


def _content(n: str) -> bool:
    return n.isalpha() and not is_function_word(n) and not has_role(n, "aux")


def phase_claims(article: Article) -> tuple[PhaseClaim, ...]:
    """Every dated start or end of an activity in an article.

    >>> from compare.align.segment import tokenize
    >>> from compare.model import Sentence
    >>> text = "The band is due to start rehearsals in Oslo early next month."
    >>> s = Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text))
    >>> [(c.phase, c.activity, c.when.unit) for c in _in_sentence("a", s.tokens, None)]
    [('start', 'rehears', 'month')]
    """
    return tuple(
        c for s in article.sentences for c in _in_sentence(article.id, s.tokens, article.published)
    )


def _in_sentence(
    article_id: str, tokens: Sequence[Token], published: str | None
) -> list[PhaseClaim]:
    norms = [t.norm for t in tokens]
    out = []
    for i, n in enumerate(norms):
        phrase = _start_phrase(norms, i)
        phase = "start" if phrase else phase_words().get(n)
        if phase is None or (i > 0 and norms[i - 1] in DETERMINERS):
            continue  # "the start of": a noun, not the verb
        if norms[i + 1 : i + 2] == ["up"]:
            continue  # "ended up doing": another verb
        activity = _subject(norms, i) if phrase else _activity(norms, i)
        if activity is None:
            continue
        # after the phrase; "applies from Friday": its "from" opens the time phrase
        first = i + phrase - (norms[i + phrase - 1] == "from") if phrase else i + 1
        for k in range(first, min(first + WINDOW, len(norms))):
            if norms[k] in _CLAUSE_END:
                break
            read = read_when(norms, k, weekdays=bool(phrase))
            if read is not None:
                when, end = read
                if when.unit == "weekday" and (n in _PAST or n.endswith("ed")):
                    when = When(None, None, when.first, when.last, "weekday", "last")
                out.append(
                    PhaseClaim(
                        article_id,
                        phase,
                        activity,
                        when,
                        tokens[i].start,
                        tokens[end - 1].end,
                        published,
                    )
                )
                break
    return out


@dataclass(frozen=True)
class PhaseComparison:
    """Two articles' dates for one phase of one activity, and how they relate."""

    a: PhaseClaim
    b: PhaseClaim
    relation: str  # "conflict", "precision", or "unchecked" (an undated relative phrase)
    confidence: float


NOMINAL_YEAR = 2001  # a common year, for month names compared with no year known


def days(when: When, published: str | None) -> tuple[date, date] | None:
    """The first and last day a phrase allows, or None when its month or year is unknown.

    >>> days(When(None, None, 1, 31, "month", "this"), "2020-01-01")
    (datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))
    >>> days(When(None, 2, 22, 28, "week"), "2020-01-01")
    (datetime.date(2020, 2, 22), datetime.date(2020, 2, 28))
    >>> days(When(None, 2, 1, 31, "month"), None) is None
    True
    """
    pub = date.fromisoformat(published[:10]) if published else None
    year, month = when.year, when.month
    if when.unit == "weekday":
        if pub is None:
            return None
        ahead = (when.first - pub.weekday()) % 7
        day = pub + timedelta(days=ahead if when.relative == "coming" else ahead - 7 * (ahead > 0))
        return day, day
    if when.relative is not None:
        if pub is None:
            return None
        year = pub.year
        if when.unit == "month":
            month = pub.month + (when.relative == "next")
            year, month = (year + 1, 1) if month == 13 else (year, month)
        else:
            year += when.relative == "next"
    if year is None:
        if pub is None:
            return None
        year = pub.year
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    length = calendar.monthrange(year, month)[1]
    return date(year, month, min(when.first, length)), date(year, month, min(when.last, length))


def relate(x: PhaseClaim, y: PhaseClaim) -> str | None:
    """ "conflict", "precision", "unchecked", or None (the dates agree, or are not comparable).

    >>> at = lambda w, pub=None: PhaseClaim("a", "start", "train", w, 0, 1, pub)
    >>> march, may = When(None, 3, 1, 31, "month"), When(None, 5, 1, 31, "month")
    >>> relate(at(march), at(may)), relate(at(march), at(When(None, 3, 1, 10, "month")))
    ('conflict', 'precision')
    >>> relate(at(When(None, None, 1, 31, "month", "this")), at(When(None, 1, 15, 21, "week")))
    'unchecked'
    """
    dx, dy = days(x.when, x.published), days(y.when, y.published)
    if dx is None or dy is None:
        wx, wy = x.when, y.when
        if wx.relative is None and wy.relative is None and wx.year is None and wy.year is None:
            dx, dy = days(wx, f"{NOMINAL_YEAR}-01-01"), days(wy, f"{NOMINAL_YEAR}-01-01")
        elif (wx.relative is None) != (wy.relative is None) and wx.unit != wy.unit:
            relative = wx if wx.relative else wy
            named = wy if wx.relative else wx
            month_named = named.month is not None and named.unit in ("week", "day")
            return "unchecked" if relative.unit == "month" and month_named else None
        else:
            return None
    assert dx is not None and dy is not None
    if dx == dy:
        return None
    if dx[1] < dy[0] or dy[1] < dx[0]:
        return "conflict"
    return "precision"


def compare_phases(claims: Mapping[str, Sequence[PhaseClaim]]) -> list[PhaseComparison]:
    """Pairs of articles that each date one phase of one activity once, differently."""
    out = []
    for a, b in combinations(sorted(claims), 2):
        keys = {(c.phase, c.activity) for c in claims[a]} & {
            (c.phase, c.activity) for c in claims[b]
        }
        for key in sorted(keys):
            xs = [c for c in claims[a] if (c.phase, c.activity) == key]
            ys = [c for c in claims[b] if (c.phase, c.activity) == key]
            if len(xs) != 1 or len(ys) != 1:
                continue  # two dates for it in one article: which one is meant?
            rel = relate(xs[0], ys[0])
            if rel is None:
                continue
            confidence = CONFLICT_CONFIDENCE if rel == "conflict" else PRECISION_CONFIDENCE
            out.append(PhaseComparison(xs[0], ys[0], rel, confidence))
    return out


# Words that open a date from which something applies: "From 1 January, no new licences
# will be granted", "Starting March 1, ...", "applies to new licences from 1 January", "as
# of Monday", "effective 1 July".
START_OPENERS = frozenset({"from", "starting", "beginning", "effective"})
_OPENER_UNITS = frozenset({"day", "weekday", "month"})  # dated to a day, a weekday or a month


def start_dates(
    article_id: str, tokens: Sequence[Token], published: str | None
) -> list[PhaseClaim]:
    """The dates a passage's cell says something applies from ("From 1 January, ...").

    Read blind (eighteenth round): "From 1 January, no new short-term rental
    licences will be granted" / "Starting March 1, no new ... licenses will be
    issued" in one passage was missed: no verb of ``START_PHRASES`` governs
    them, and their activities are spelt apart.  Only a day, a weekday or a
    month ("from 2027" is a range of years, "from 5.75%" no date); the
    activity is the passage's, so these are compared only inside one passage.

    >>> from compare.align.segment import tokenize
    >>> [(c.when.month, c.when.first) for c in start_dates("a", tokenize(
    ...     "From 1 January, no new licences will be granted."), None)]
    [(1, 1)]
    >>> start_dates("a", tokenize("Prices rose from 5.75% in March."), None)
    []
    """
    norms = [t.norm for t in tokens]
    out = []
    for k, n in enumerate(norms):
        at = k + 2 if n == "as" and norms[k + 1 : k + 2] == ["of"] else k + 1
        if n not in START_OPENERS and at == k + 1:
            continue
        if norms[at : at + 1] in (["on"], ["in"]):
            at += 1  # "starting on March 1", "starting in February"
        read = read_when(norms, at, weekdays=True)
        if read is None or read[0].unit not in _OPENER_UNITS:
            continue
        when, end = read
        start = tokens[k].start
        out.append(
            PhaseClaim(article_id, "start", "-", when, start, tokens[end - 1].end, published)
        )
    return out
