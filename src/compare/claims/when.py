"""The day an event happened, as each outlet states it ("died on Tuesday" vs "on Wednesday").

Why: the day of a death or an arrest is a figure an editor checks like a
toll, and outlets state it in different sentences ("died of his wounds on
Thursday" / "was killed on Friday").  A dated event claim is an event
word (the events list) followed, inside its clause and within a few words,
by a weekday ("on Tuesday").  Two outlets' claims are compared only when
each article dates that event exactly once: with two dated deaths in one
article (a victim and, years ago, a relative) the rules cannot tell which
is which.  The subject of the verb is not read, so such a finding is never
sure enough to be a headline (``CONFIDENCE``).

"Midnight" after a day ("died on Friday midnight") names the boundary
between that day and the next (or the one before: "midnight on Tuesday" is
read both ways), so such a date agrees with either neighbour; only a day
two or more apart, or a plain day against a plain day, conflicts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from compare.claims.number_lexicon import events
from compare.claims.scope import role_words
from compare.model import Article, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WINDOW = 5  # words between the event word and its day ("died of his wounds on Thursday")
# Words that end the event's clause before a day could belong to it.
_CLAUSE_END = frozenset(
    {",", ";", ":", ".", "(", "and", "but", "while", "after", "before", "when", "since"}
)
CONFIDENCE = 0.6  # the verb's subject is not checked: never a headline
# Words after a weekday that put the moment on its boundary with the neighbouring days.
BOUNDARY = frozenset({"midnight"})


@dataclass(frozen=True)
class DatedEvent:
    """An event word and the weekday its clause gives it, with the quoted span."""

    article_id: str
    sentence: int
    event: str
    day: str
    start: int  # from the event word ...
    end: int  # ... to the end of the day word (or of "midnight" after it)
    published: str | None
    boundary: bool = False  # "Friday midnight": the edge of Friday and its neighbours


@dataclass(frozen=True)
class DayConflict:
    """Two articles that date the same event on different days."""

    a: DatedEvent
    b: DatedEvent
    confidence: float = CONFIDENCE


def _event_of(norm: str) -> str | None:
    if (norm,) in role_words("death"):
        return "death"
    found = events().get(norm)
    # Only events that happen on a day; "toll" and "casualties" name counts, not acts.
    if found is None or norm in {"toll", "casualties", "dead", "death", "deaths"}:
        return None
    return found[0]


def dated_events(article: Article) -> tuple[DatedEvent, ...]:
    """Every event word of an article followed in its clause by a weekday.

    >>> from compare.align.segment import tokenize
    >>> from compare.model import Sentence
    >>> text = "He succumbed to his wounds on Thursday while in hospital."
    >>> s = Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text))
    >>> [(d.event, d.day) for d in _in_sentence("a", s.index, s.tokens, None)]
    [('death', 'thursday')]
    """
    return tuple(
        d
        for s in article.sentences
        for d in _in_sentence(article.id, s.index, s.tokens, article.published)
    )


def _in_sentence(
    article_id: str, index: int, tokens: Sequence[Token], published: str | None
) -> list[DatedEvent]:
    out = []
    norms = [t.norm for t in tokens]
    for i, n in enumerate(norms):
        event = _event_of(n)
        if event is None:
            continue
        for k in range(i + 1, min(i + 1 + WINDOW, len(norms))):
            if norms[k] in _CLAUSE_END or _event_of(norms[k]) is not None:
                break
            if norms[k] in WEEKDAYS:
                edge = _boundary(norms, k)
                out.append(
                    DatedEvent(
                        article_id,
                        index,
                        event,
                        norms[k],
                        tokens[i].start,
                        tokens[edge if edge is not None else k].end,
                        published,
                        boundary=edge is not None,
                    )
                )
                break
    return out


def _boundary(norms: Sequence[str], k: int) -> int | None:
    """Index of "midnight" around the weekday at k ("Friday midnight", "midnight on Friday")."""
    if k + 1 < len(norms) and norms[k + 1] in BOUNDARY:
        return k + 1
    if k >= 2 and norms[k - 1] == "on" and norms[k - 2] in BOUNDARY:
        return k  # the span already runs from the event word past "midnight"
    return None


def differ(a: DatedEvent, b: DatedEvent) -> bool:
    """True when two dated events cannot fall on the same moment.

    >>> d = lambda day, edge=False: DatedEvent("a", 0, "death", day, 0, 1, None, edge)
    >>> differ(d("tuesday"), d("wednesday")), differ(d("tuesday", True), d("wednesday"))
    (True, False)
    >>> differ(d("sunday", True), d("monday")), differ(d("tuesday", True), d("thursday"))
    (False, True)
    """
    if a.day == b.day:
        return False
    if a.boundary or b.boundary:
        gap = (WEEKDAYS.index(a.day) - WEEKDAYS.index(b.day)) % len(WEEKDAYS)
        return gap not in (1, len(WEEKDAYS) - 1)
    return True


def compare_days(dated: Mapping[str, Sequence[DatedEvent]]) -> list[DayConflict]:
    """Pairs of articles that each date one event once, on different weekdays.

    Articles published on different dates are left out: "Tuesday" in one
    week's copy and "Wednesday" in the next may name different days.
    """
    out = []
    for a, b in combinations(sorted(dated), 2):
        for event in sorted({d.event for d in dated[a]} & {d.event for d in dated[b]}):
            xs = [d for d in dated[a] if d.event == event]
            ys = [d for d in dated[b] if d.event == event]
            if len(xs) != 1 or len(ys) != 1 or not differ(xs[0], ys[0]):
                continue
            if xs[0].published != ys[0].published:
                continue
            out.append(DayConflict(xs[0], ys[0]))
    return out
