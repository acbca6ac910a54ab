"""The "Key figures" table: what was counted × outlet, with qualifiers, units, dates and findings.

Why: an editor reads a comparison for its facts first.  The table puts each
counted thing that two or more outlets give a figure for (or that a number
finding is about) in one row, and each outlet's figures, as written, in its
cell, linked to the finding that discusses them.  It is data on the Report
(``report.json`` key ``key_figures``); rendering is left to the views.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from compare.claims.number_lexicon import events, thing_display, things
from compare.claims.quantities import QuantityClaim, article_claims, written_noun
from compare.model import Article, FigureCell, Finding, KeyFigure, Kind, Span
from compare.text.offsets import LineIndex

MAX_ROWS = 12
_NUMBER_KINDS = (Kind.NUMBER_DISCREPANCY, Kind.HEDGE_CHANGE)
_CASUALTY = ("death", "injury", "missing")


# Words after a length that say where or which way it runs, not what it measures: "14 miles
# southeast of the lighthouse", "150 metres beyond the runway", "620 metres deep".
_DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "north-east", "north-west", "south-east", "south-west", "beyond", "past", "away", "off",
     "from", "offshore", "inland", "above", "below", "ahead", "behind", "along", "across",
     "upstream", "downstream", "short", "outside", "inside"}
)  # fmt: skip
_DIMENSION_WORDS = {"deep": "depth", "high": "height", "tall": "height", "long": "length"}
_DIMENSION_WORDS |= {"wide": "width", "thick": "thickness"}


def length_name(measure: str, noun: str | None) -> tuple[str, str | None]:
    """(what a length is called, the noun left to show) for a length read with ``noun``.

    >>> length_name("length", "southeast"), length_name("length", "deep")
    (('distance', 'southeast'), ('depth', None))
    >>> length_name("length", "walls"), length_name("mass", "urea")
    (('length', 'walls'), ('mass', 'urea'))
    """
    if measure != "length" or noun is None:
        return measure, noun
    if noun in _DIMENSION_WORDS:
        return _DIMENSION_WORDS[noun], None
    if noun in _DIRECTIONS:
        return "distance", noun
    return measure, noun


def describe(key: tuple[str, str, str], written: str | None = None) -> str:
    """Plain words for a counted-thing key ("people killed", "length: walls").

    ``written`` is the counted noun as an article writes it; a noun that is
    no listed class is shown only so, never as its stem.

    >>> describe(("count", "death", "people")), describe(("ratio", "-", "burn"), "burns")
    ('people killed', 'percentage: burns')
    >>> describe(("money:dollar", "-", "off"))
    'amount in dollars'
    >>> describe(("length", "-", "southeast"), "southeast")
    'distance (southeast)'
    """
    measure, event, counted = key
    verb = next((d for e, d, _i in events().values() if e == event), None)
    classes = {c for c, _p, _d in things().values()}
    noun = thing_display(counted) if counted in classes else written
    words = " ".join(w for w in (noun, verb) if w)
    if measure == "count":
        return words or "figure"
    if measure == "ratio":
        name = "percentage"
    elif measure.startswith("money:"):
        name = "amount in " + measure.removeprefix("money:") + "s"
    else:
        name, shown = length_name(measure, words or None)
        if name != measure:
            return f"{name} ({shown})" if shown else name
    return f"{name}: {words}" if words else name


_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def _latest_year(articles: Sequence[Article]) -> int | None:
    """The latest year any article names or is dated in: the story's own year, for undated ones."""
    years = [int(a.published[:4]) for a in articles if a.published]
    years += [int(y) for a in articles for y in _YEAR.findall(a.text)]
    return max(years, default=None)


def _past_year(c: QuantityClaim, now: int) -> bool:
    """Is the figure's period a year before ``now`` (a past event's count, not the story's)?

    Why: "a shooting ... in 2017 that killed 26 people" set beside this
    week's "killing two people" made the row "people killed: two · 26".
    The scope reader already keeps such figures from being compared; the
    table of the story's key figures leaves them out too.
    """
    years = [int(p) for p in c.scope.period if p.isdigit() and len(p) == 4]
    return bool(years) and max(years) < now


def _cell(article: Article, lines: LineIndex, c: QuantityClaim) -> FigureCell:
    span = Span(article.id, c.start, c.end, lines.line(c.start), article.text[c.start : c.end])
    return FigureCell(c.text, c.qualifier, c.unit, c.low, c.high, c.published, span)


def _finding_for(
    cells: Mapping[str, Sequence[FigureCell]], findings: Sequence[Finding]
) -> Finding | None:
    for f in findings:
        if f.kind not in _NUMBER_KINDS:
            continue
        for aid, figures in cells.items():
            spans = f.spans.get(aid, ())
            if any(s.start < c.span.end and c.span.start < s.end for c in figures for s in spans):
                return f
    return None


def key_figures(
    articles: Sequence[Article], findings: Sequence[Finding] = ()
) -> tuple[KeyFigure, ...]:
    """Rows for every counted thing two outlets give figures for, or a number finding is about.

    Rows with a finding come first, then casualty counts, then the most
    widely reported; at most ``MAX_ROWS``.
    """
    by_key: dict[tuple[str, str, str], dict[str, list[FigureCell]]] = {}
    nouns: dict[tuple[str, str, str], str] = {}  # each key's counted noun as first written
    latest = _latest_year(articles)
    for article in articles:
        lines = LineIndex(article.text)
        now = int(article.published[:4]) if article.published else latest
        for c in article_claims(article):
            if c.what is None or (c.what[1] == "-" and c.dimension is None):
                continue  # a count known only by its noun is too vague for the table
            if now is not None and _past_year(c, now):
                continue  # "the 2017 attack that killed 26": another event's count
            if c.what not in nouns and (noun := written_noun(article, c)):
                nouns[c.what] = noun
            cells = by_key.setdefault(c.what, {}).setdefault(article.id, [])
            if all(x.text != c.text for x in cells):
                cells.append(_cell(article, lines, c))
    rows = []
    for key, by_article in by_key.items():
        frozen = {aid: tuple(v) for aid, v in sorted(by_article.items())}
        finding = _finding_for(frozen, findings)
        if len(frozen) < 2 and finding is None:
            continue
        rows.append(
            (
                finding is None,
                key[1] not in _CASUALTY,
                -len(frozen),
                describe(key, nouns.get(key)),
                KeyFigure(
                    describe(key, nouns.get(key)),
                    frozen,
                    finding.id if finding else None,
                    finding is not None
                    and finding.kind is Kind.NUMBER_DISCREPANCY
                    and not can_all_hold(frozen),
                ),
            )
        )
    for finding in findings:
        if finding.kind is not Kind.NUMBER_DISCREPANCY:
            continue
        linked = [k for k, r in enumerate(rows) if r[4].finding == finding.id]
        if linked and all(len(rows[k][4].cells) >= len(finding.spans) for k in linked):
            continue
        row = _finding_row(articles, finding)
        if row is None:
            continue
        # A keyed row holding fewer outlets than the finding quotes ("volume: water" with
        # one outlet's "120 litres of water") gives way to the finding's own row.
        rows = [r for k, r in enumerate(rows) if k not in linked]
        rows.append((False, True, -len(row.cells), row.what, row))
    rows.sort(key=lambda r: r[:4])
    return tuple(r[4] for r in rows[:MAX_ROWS])


def _finding_row(articles: Sequence[Article], finding: Finding) -> KeyFigure | None:
    """A row for a number finding whose figures the keyed rows leave out.

    Why: a figure known only by its noun ("60 days" / "90 days", "9" / "12"
    developers) is too vague to group story-wide, so no keyed row held it;
    read blind, the table listed the figures the outlets agreed on and none
    of those they gave differently.  The finding itself says the figures are
    one thing; the row shows each outlet's figure it quotes.
    """
    cells: dict[str, tuple[FigureCell, ...]] = {}
    noun = None
    keyed = None  # the first quoted figure's counted thing, described as the keyed rows are
    for article in articles:
        spans = finding.spans.get(article.id, ())
        if not spans:
            continue
        lines = LineIndex(article.text)
        quoted = [
            c
            for c in article_claims(article)
            if any(s.start < c.end and c.start < s.end for s in spans)
        ]
        if quoted:
            cells[article.id] = tuple(_cell(article, lines, c) for c in quoted)
            noun = noun or _noun_after(article, quoted[0])
            if keyed is None and (what := quoted[0].what) is not None:
                keyed = describe(what, written_noun(article, quoted[0]))
    if len(cells) < 2:
        return None
    return KeyFigure(
        keyed or noun or "figure", dict(sorted(cells.items())), finding.id, not can_all_hold(cells)
    )


def can_all_hold(cells: Mapping[str, Sequence[FigureCell]]) -> bool:
    """Can every outlet's figures be true at once (their intervals share a value)?

    Why: "about 40" miners against 41 is a rounding, not a discrepancy; read
    blind, a row marked as one beside a finding saying both can be true was
    judged wrong.  The row still links to the finding.

    >>> from compare.model import Span
    >>> cell = lambda low, high: FigureCell("", "", None, low, high, None, Span("a", 0, 0, 1, ""))
    >>> can_all_hold({"a": [cell(32, 48)], "b": [cell(41, 41)]})
    True
    >>> can_all_hold({"a": [cell(3, 3)], "b": [cell(8, 8)]})
    False
    """
    figures = [c for cs in cells.values() for c in cs]
    return bool(figures) and max(c.low for c in figures) <= min(c.high for c in figures)


def _noun_after(article: Article, claim: QuantityClaim) -> str | None:
    """What a figure counts as written: its noun ("developers"), else its unit ("days").

    >>> from compare.claims.scope import Scope
    >>> from compare.model import Sentence
    >>> from compare.align.segment import tokenize
    >>> text = "It has 90 days to act."
    >>> a = Article("a", "a.txt", "", text, "A", "", None, None, "", 0, (), "utf-8",
    ...             sentences=(Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text)),))
    >>> c = QuantityClaim("a", 0, 7, 14, "90 days", 90, 90, 90, False, False, "exact", "",
    ...                   "day", "time", None, None, None, Scope(), None)
    >>> _noun_after(a, c)
    'days'
    """
    if noun := written_noun(article, claim):
        return noun
    last = claim.text.split()[-1] if claim.unit else ""
    return last.casefold() if last.isalpha() else None
