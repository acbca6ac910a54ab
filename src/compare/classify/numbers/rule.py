"""Rule family: number_discrepancy (and hedge_change for "at least 12" vs "12").

Why by value and counted thing: "fifteen" and "15" are the same figure,
"4 metres (13 feet)" is one measure, and "12 villages" is not a count of
people.  A discrepancy needs the same thing counted (head noun class and the
event: killed, wounded...) with different values, or an exact figure against
a hedged one with another value ("48" vs "over 40").  Aligned passages are
compared first; a figure left unmatched is then compared with figures in
other passages when the counted thing, the event and the sentence's words
agree (casualty totals moved to another paragraph).

Layout: this module pairs figures; ``numbers.verdict`` judges a pair,
``numbers.findings`` words the finding, ``claims.number_parse`` reads figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations

from compare.claims.ages import ages_in
from compare.claims.number_context import stated_age
from compare.claims.number_lexicon import has_role, number_words
from compare.claims.number_parse import Located, quantities
from compare.claims.numwords import ordinal
from compare.claims.when import WEEKDAYS
from compare.claims.words import content_words, stem
from compare.classify.base import Candidate, Context, time_note
from compare.classify.numbers.ages import age_candidates
from compare.classify.numbers.claims import (
    claim_candidates,
    guard,
    story_claims,
)
from compare.classify.numbers.conversions import conversion_candidates
from compare.classify.numbers.dates import day_candidates, phase_candidates, start_date_candidates
from compare.classify.numbers.findings import DATES_DIFFER, number_candidate
from compare.classify.numbers.rates import rate_candidates
from compare.classify.numbers.tallies import tally_candidates
from compare.classify.numbers.verdict import compatible, rounded, verdict
from compare.classify.pairs import CellPair, cell_pairs
from compare.model import Kind, Severity, Token

CROSS_MIN_SHARED = 4  # content stems two sentences must share to compare across passages
CROSS_MIN_DICE = 0.35


def cell_quantities(ctx: Context, passage_id: str, article_id: str) -> list[Located]:
    """Every quantity in one outlet's cell of a passage."""
    out: list[Located] = []
    offset = 0
    cell = ctx.cell_tokens(passage_id, article_id)
    for sentence in ctx.cell_sentences(passage_id, article_id):
        stems = frozenset(
            stem(t.norm) for t in content_words(sentence.tokens) if any(c.isalpha() for c in t.norm)
        )
        out.extend(
            Located(article_id, passage_id, q, cell, offset, stems)
            for q in quantities(sentence.tokens)
        )
        offset += len(sentence.tokens)
    return out


def _slots(pair: CellPair) -> set[tuple[int, int]]:
    """Token index pairs that difflib puts in the same place (equal or replaced)."""
    out: set[tuple[int, int]] = set()
    for op, i1, i2, j1, j2 in pair.opcodes:
        if op == "equal":
            out.update((i1 + k, j1 + k) for k in range(i2 - i1))
        elif op == "replace":
            out.update((i, j) for i in range(i1, i2) for j in range(j1, j2))
    return out


def _match(
    xs: list[Located], ys: list[Located], slots: set[tuple[int, int]] | None
) -> list[tuple[Located, Located, str]]:
    """One-to-one pairing: agreeing figures first, then hedged, then conflicting.

    A figure that is the sum of two or more of the other side's figures in one
    sentence ("3 officers and 12 protesters" / "15 people") agrees with them.
    """
    summed_x, summed_y = _sums(xs, ys), _sums(ys, xs)
    options = []
    for ix, x in enumerate(xs):
        for iy, y in enumerate(ys):
            if ix in summed_x or iy in summed_y:
                continue
            same_slot = slots is not None and (x.number_index, y.number_index) in slots
            cross = slots is None
            if cross and _dice(x.context, y.context) < CROSS_MIN_DICE:
                continue
            if x.incremental != y.incremental:
                continue  # "fell a further 2%" adds to a figure; it is not "fell 7%"
            if not (
                compatible(x.q, y.q, same_slot=same_slot, cross=cross)
                or (not cross and rounded(x.q, y.q))
            ):
                continue
            v = verdict(x.q, y.q)
            rank = {"same": 0, "consistent": 0, "hedge": 1, "conflict": 2}[v]
            closeness = -_dice(x.context, y.context) - same_slot - (x.q.noun == y.q.noun)
            options.append((rank, closeness, ix, iy, v))
    used_x: set[int] = set()
    used_y: set[int] = set()
    out = []
    for _rank, _close, ix, iy, v in sorted(options):
        if ix in used_x or iy in used_y:
            continue
        used_x.add(ix)
        used_y.add(iy)
        out.append((xs[ix], ys[iy], v))
    return out


def _sums(parts: list[Located], totals: list[Located]) -> set[int]:
    """Indexes of ``parts`` whose sentence's exact figures add up to one of ``totals``.

    >>> from compare.align.segment import tokenize
    >>> def located(text):
    ...     toks = tokenize(text)
    ...     return [Located("a", "p1", q, toks, 0, frozenset()) for q in quantities(toks)]
    >>> sorted(_sums(located("3 officers and 12 protesters were hurt."),
    ...              located("15 people were hurt.")))
    [0, 1]
    """
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for k, p in enumerate(parts):
        if p.q.hedge == "exact" and p.q.value == p.q.high and p.q.unit is None:
            by_sentence.setdefault((id(p.tokens), p.offset), []).append(k)
    out: set[int] = set()
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        total = sum(parts[k].q.value for k in members)
        events = {parts[k].q.event for k in members} - {None}
        if len(events) > 1:
            continue  # "10 killed and 5 wounded": two facts, not parts of one total
        if any(
            t.q.value == total and t.q.unit is None and (t.q.event in events or not events)
            for t in totals
        ):
            out.update(members)
    return out


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    shared = len(a & b)
    if shared < CROSS_MIN_SHARED:
        return 0.0
    return 2 * shared / (len(a) + len(b))


def find(ctx: Context) -> list[Candidate]:
    """Number discrepancies within aligned passages, then across passages."""
    out: list[Candidate] = []
    matched: set[tuple[str, str, int]] = set()  # (article, passage, number index)
    for pair in cell_pairs(ctx):
        xs = cell_quantities(ctx, pair.passage_id, pair.a)
        ys = cell_quantities(ctx, pair.passage_id, pair.b)
        for x, y, v in _match(xs, ys, _slots(pair)):
            matched.add((pair.a + "|" + pair.b, x.passage_id, x.number_index))
            matched.add((pair.b + "|" + pair.a, y.passage_id, y.number_index))
            if v in ("hedge", "conflict"):
                out.append(number_candidate(ctx, x, y, v, pair.passage_id))
        out.extend(_same_place(ctx, pair, xs, ys))
    out.extend(_across(ctx, matched))
    claims = story_claims(ctx)
    out = guard(ctx, out, claims)
    out += claim_candidates(ctx, out, claims)
    out += day_candidates(ctx, out)
    out += phase_candidates(ctx, out)
    out += start_date_candidates(ctx, out)
    out += tally_candidates(ctx, out)
    out += rate_candidates(ctx)
    out += conversion_candidates(ctx)
    return out + age_candidates(ctx, out)


# "3", "21:10", "3.15pm" (a time with its half of the day glued on)
_FIGURE = re.compile(r"\d+(?:[.:]\d+)?(?:am|pm|a\.m\.|p\.m\.)?")
_JOINERS = frozenset({"-", "\u2013", "\u2014", ":"})


def _same_place(
    ctx: Context, pair: CellPair, xs: list[Located], ys: list[Located]
) -> list[Candidate]:
    """A year, date, time, score or ordinal swapped for another in the same place of the sentence.

    Why: such figures are not counts, so the pairing above skips them, yet
    "the law passed in 2019" / "in 2020" or "at 3 p.m." / "at 4 p.m." is a
    factual difference an editor must see.  Only one-token swaps between
    identical neighbours count: the sentence around them is the same, so the
    two figures answer the same question.  Swaps joined by a dash or colon
    ("6-3" / "5-4") are one figure.
    """
    counted_a = {x.offset + k for x in xs for k in range(x.q.start, x.q.end)}
    counted_b = {y.offset + k for y in ys for k in range(y.q.start, y.q.end)}
    swaps: list[list[tuple[int, int]]] = []
    codes = list(pair.opcodes)
    for n, (op, i1, i2, j1, j2) in enumerate(codes):
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1 or i1 in counted_a or j1 in counted_b:
            continue
        ta, tb = pair.a_tokens[i1], pair.b_tokens[j1]
        if _calendar_swap(ta.norm, tb.norm):
            # "open until Wednesday" / "open until Friday"; not "fell a further 2% on
            # Thursday" / "fell 6% on Wednesday": a figure changed too, another day's news
            if not _other_change(pair, n, _figure_like):
                swaps.append([(i1, j1)])
            continue
        ranks = ordinal(ta.norm), ordinal(tb.norm)
        if None not in ranks and ranks[0] != ranks[1]:
            # "its ninth increase" / "its tenth increase"; not "the 1960s saw its 3rd
            # title" / "the 1970s saw its 4th": another year, another moment
            if not _other_change(pair, n, _moment):
                swaps.append([(i1, j1)])
            continue
        if not (_FIGURE.fullmatch(ta.norm) and _FIGURE.fullmatch(tb.norm)) or ta.norm == tb.norm:
            continue
        if _publication_days(ctx, pair, i1, j1):
            continue
        joined = n >= 2 and codes[n - 1][0] == "equal" and codes[n - 1][2] - codes[n - 1][1] == 1
        joined = joined and pair.a_tokens[i1 - 1].norm in _JOINERS and bool(swaps)
        if joined and swaps[-1][-1][0] == i1 - 2:
            swaps[-1].append((i1, j1))
        else:
            swaps.append([(i1, j1)])
    note = time_note(ctx, [pair.a, pair.b]) if swaps else None
    out = []
    for swap in swaps:
        (ia, ja), (ib, jb) = swap[0], swap[-1]
        side_a = _whole_figure(pair.a_tokens, ia, ib)
        side_b = _whole_figure(pair.b_tokens, ja, jb)
        sa, sb = ctx.tokens_span(pair.a, side_a), ctx.tokens_span(pair.b, side_b)
        lo, hi = sorted([sa.text, sb.text])
        whose = _whose_age(pair, side_a[0])
        calendar = _calendar_swap(side_a[0].norm, side_b[0].norm)
        if whose:
            said = f'The same sentence gives {whose} a different age: "{lo}" vs "{hi}".'
        else:
            norms = [t.norm for t in pair.a_tokens]
            what = (
                "a day or month"
                if calendar
                else "a place in a series, not a count"
                if ordinal(side_a[0].norm) is not None
                else "an age"
                if stated_age(norms, ia, ia + 1)
                else "a time of day, not a count"
                if any(t.norm in _CLOCK or t.norm.endswith(("am", "pm")) for t in side_a)
                else "a year, date, time or score, not a count"
            )
            said = (
                "The same sentence gives a different figure in the same place: "
                f'"{lo}" vs "{hi}" ({what}).'
            )
        out.append(
            Candidate(
                kind=Kind.NUMBER_DISCREPANCY,
                severity=Severity.MEDIUM if note else Severity.HIGH,
                passage_id=pair.passage_id,
                key=f"place:{lo}|{hi}",
                spans={pair.a: (sa,), pair.b: (sb,)},
                explanation=f"{said} One of them is wrong, or the versions describe different "
                "moments." + (DATES_DIFFER + "." if note else ""),
                label=f'"{lo}" vs "{hi}"',
                weight=0.9,
                time_note=note,
            )
        )
    return out


_CLOCK = frozenset({"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc"})


def _whole_figure(tokens: tuple[Token, ...], first: int, last: int) -> tuple[Token, ...]:
    """The swapped tokens ``first..last`` widened to the whole figure they are part of.

    Why: "11:40 p.m." / "10:40 p.m." differ in one token, and quoting "11" / "10"
    left the reader to guess what the figures were; the time, score ("3-2") or
    clock suffix around it is quoted with it.
    """
    while (
        first >= 2
        and tokens[first - 1].norm in _JOINERS
        and _FIGURE.fullmatch(tokens[first - 2].norm)
        and tokens[first - 1].start == tokens[first - 2].end
        and tokens[first].start == tokens[first - 1].end
    ):
        first -= 2
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].norm in _JOINERS
        and _FIGURE.fullmatch(tokens[last + 2].norm)
        and tokens[last + 1].start == tokens[last].end
        and tokens[last + 2].start == tokens[last + 1].end
    ):
        last += 2
    if last + 1 < len(tokens) and tokens[last + 1].norm in _CLOCK:
        last += 1
    return tokens[first : last + 1]


def _whose_age(pair: CellPair, token: Token) -> str:
    """The name of the person whose age ``token`` states ("Jane Doe, 43,"), else ""."""
    for age in ages_in(pair.a, pair.a_tokens, None):
        if age.start <= token.start and token.end <= age.end and str(age.age) == token.norm:
            return " ".join(w.capitalize() for w in age.name)
    return ""


DATELINE_REACH = 6  # tokens into its sentence a dateline's date may stand ("CITY, March 14")


def _publication_days(ctx: Context, pair: CellPair, i: int, j: int) -> bool:
    """Are the two swapped numbers days of a month, each its own article's publication day?

    Why: a dateline ("VELGRAD, March 14 (AWS) -" / "March 15") dates the copy, and a
    next-day version re-dated it; read as "one of them is wrong", a blind reader
    judged it wrong.  Both must follow the same month and match their article's date;
    an undated article's day counts when it opens the copy, as a dateline does.
    """
    before_a = pair.a_tokens[i - 1].norm if i else ""
    before_b = pair.b_tokens[j - 1].norm if j else ""
    if before_a != before_b or not has_role(before_a, "month"):
        return False
    dated = 0
    for aid, token, at in ((pair.a, pair.a_tokens[i], i), (pair.b, pair.b_tokens[j], j)):
        article = ctx.articles.get(aid)
        published = article.published if article is not None else None
        if not token.norm.isdigit():
            return False
        if published is None:
            if at > DATELINE_REACH:
                return False  # undated: only a dateline opening the copy dates it
            continue
        if int(published[8:10]) != int(token.norm):
            return False
        dated += 1
    return dated > 0


def _calendar_swap(a: str, b: str) -> bool:
    """Two different weekdays, or two different months, in one place of a sentence."""
    months = has_role(a, "month") and has_role(b, "month") and "may" not in (a, b)
    return a != b and ({a, b} <= set(WEEKDAYS) or months)  # "may" is also the modal


_MOMENT = re.compile(r"(?:1[89]|20)\d\d(?:s|'s)?")  # a year or a decade: "2019", "1960s"


def _other_change(pair: CellPair, at: int, test: Callable[[str], bool]) -> bool:
    """Does a change of the pair other than opcode ``at`` touch a token ``test`` accepts?"""
    for n, (op, i1, i2, j1, j2) in enumerate(pair.opcodes):
        if n == at or op == "equal":
            continue
        if any(test(t.norm) for t in (*pair.a_tokens[i1:i2], *pair.b_tokens[j1:j2])):
            return True
    return False


def _moment(norm: str) -> bool:
    """A year or a decade ("2019", "1960s"): a changed one makes another moment.

    Why: "the 1960s saw its 3rd title" / "the 1970s saw its 4th" speak of
    two moments, so the ordinals differ without contradicting each other;
    a count changed beside an ordinal ("20 years" / "21 years") is a
    difference of its own, and leaves the ordinal's standing.
    """
    return bool(_MOMENT.fullmatch(norm))


def _figure_like(norm: str) -> bool:
    """A token holding a digit, or a number word or ordinal."""
    return any(c.isdigit() for c in norm) or norm in number_words() or ordinal(norm) is not None


def _across(ctx: Context, matched: set[tuple[str, str, int]]) -> list[Candidate]:
    """Conflicting figures for the same event stated in different passages."""
    found: dict[str, list[Located]] = {aid: [] for aid in ctx.alignment.article_ids}
    for passage in ctx.alignment.passages:
        for aid in passage.cells:
            if aid in found:
                found[aid].extend(cell_quantities(ctx, passage.id, aid))
    out = []
    for a, b in combinations(ctx.alignment.article_ids, 2):
        xs = [x for x in found[a] if (a + "|" + b, x.passage_id, x.number_index) not in matched]
        ys = [y for y in found[b] if (b + "|" + a, y.passage_id, y.number_index) not in matched]
        xs = [x for x in xs if x.q.thing and x.q.event and not _agrees(x, found[b])]
        ys = [y for y in ys if y.q.thing and y.q.event and not _agrees(y, found[a])]
        for x, y in _sole_facts(xs, ys, found[a], found[b]):
            out.append(number_candidate(ctx, x, y, "conflict", None))
            xs, ys = [o for o in xs if o is not x], [o for o in ys if o is not y]
        for x, y, v in _match(xs, ys, None):
            if v == "conflict" and x.passage_id != y.passage_id:
                out.append(number_candidate(ctx, x, y, v, None))
    return out


def _sole_facts(
    xs: list[Located], ys: list[Located], all_a: list[Located], all_b: list[Located]
) -> list[tuple[Located, Located]]:
    """Conflicting figures for the only count of one event and thing in each article.

    Why: "Police said 14 people were arrested" and "Police have now arrested
    17 people after ..." share too few words for the context test, but when
    each article gives exactly one count of people arrested, the two counts
    are about the same thing.
    """

    def sole(items: list[Located]) -> dict[tuple[str, str], Located]:
        seen: dict[tuple[str, str], list[Located]] = {}
        for q in items:
            if q.q.event and q.q.thing:
                seen.setdefault((q.q.event, q.q.thing), []).append(q)
        return {k: v[0] for k, v in seen.items() if len(v) == 1}

    only_a, only_b = sole(all_a), sole(all_b)
    out = []
    for key, x in only_a.items():
        y = only_b.get(key)
        if (
            y is not None
            and x in xs
            and y in ys
            and x.passage_id != y.passage_id
            and verdict(x.q, y.q) == "conflict"
        ):
            out.append((x, y))
    return out


def _agrees(x: Located, others: list[Located]) -> bool:
    """True when the other article states the same figure for the same thing somewhere."""
    return any(
        verdict(x.q, o.q) in ("same", "consistent", "hedge")
        and compatible(x.q, o.q, same_slot=False, cross=True)
        for o in others
    )
