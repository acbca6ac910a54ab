"""House-style variants: hyphenation, dates, numbers, abbreviations, capitals.

Why a family of its own: wire copy passes through each outlet's style guide,
so "cease-fire" becomes "ceasefire", "Sept. 27" becomes "27 September" and
"U.S." becomes "US".  These differences tell a reader which style an outlet
follows, not what happened, so they are LOW and each explanation names the
style on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.classify.base import Candidate, Context
from compare.classify.variants_align import (
    CellPair,
    cell_pairs,
    combined,
    edit_groups,
    sentence_initial,
    window,
)
from compare.classify.variants_canon import number_words, prepare, separators, style_steps
from compare.classify.variants_dates import DateMention, dates
from compare.model import Edit, Kind, Severity, Token
from compare.normalize import typographic_form

_CURRENCY = frozenset({"$", "£", "€", "¥"})
MAX_COMBINED = 4  # nearby edits tried together, at most

THINGS = {
    "hyphenation": "word",
    "abbreviation": "name or title",
    "number": "number",
    "time": "time",
    "more than": "quantity",
    "date": "date",
    "capitalisation": "words",
}


def is_variant(a: str, b: str) -> bool:
    """True when a and b say the same thing in different house styles.

    Used by the rewording rule to skip edits this family claims.

    >>> is_variant("co-operate", "cooperate")
    True
    >>> is_variant("Sept. 27", "27 September")
    True
    >>> is_variant("Foreign Minister", "foreign minister")
    True
    >>> is_variant("colour", "color")
    False
    """
    return bool(categories(a, b))


def categories(a: str, b: str) -> list[str]:
    """The house-style categories in which a and b differ (empty if not style).

    >>> categories("10 a.m.", "10am")
    ['time']
    >>> categories("on Sept. 27 in the U.S.", "on 27 September in the US")
    ['date', 'abbreviation']
    """
    cats = []
    da, db = _date_form(a), _date_form(b)
    if (da, db) != (a, b):
        if [d.style for d in dates(a)] != [d.style for d in dates(b)]:
            cats.append("date")
        a, b = da, db
    rest = _plain_categories(a, b)
    return [] if rest is None else cats + rest


def _plain_categories(a: str, b: str) -> list[str] | None:
    """Categories for text without dates; None when a and b are not style variants."""
    if prepare(a) != prepare(b):
        return style_steps(a, b)
    if separators(a) != separators(b):
        return ["number"]
    ta, tb = typographic_form(a), typographic_form(b)
    return ["capitalisation"] if ta != tb and ta.casefold() == tb.casefold() else []


def _date_form(text: str) -> str:
    """Text with each date replaced by a style-free placeholder."""
    out, last = [], 0
    for d in dates(text):
        out.append(text[last : d.start] + f"date{d.month}x{d.day}")
        last = d.end
    return "".join(out) + text[last:]


def describe(category: str, text: str) -> str:
    """Plain words for the style one text follows in a category.

    >>> describe("hyphenation", "cease-fire")
    'hyphenated'
    >>> describe("date", "27 September")
    'month in full, day first'
    """
    t = typographic_form(text)
    low = t.casefold()
    if category == "hyphenation":
        if "-" in t:
            return "hyphenated"
        return "two words" if " " in t.strip() else "one word"
    if category == "abbreviation":
        if re.search(r"(?:[^\W\d_]\.){2,}|\b[^\W\d_]{1,5}\.(?!\w)", t):
            return "abbreviated with full stops"
        if re.search(r"\b[A-Z]{2,5}\b|\b[A-Z][a-z]{0,3}\b", t):
            return "abbreviated without full stops"
        return "spelled out"
    if category == "number":
        for marker, words in (
            ("%", "% sign"),
            ("per cent", '"per cent"'),
            ("percent", '"percent"'),
        ):
            if marker in low:
                return words
        sep = separators(t)
        if sep:
            names = {",": "comma between thousands", "": "no thousands separator"}
            return names.get(sep[0], "space between thousands")
        return "words" if set(re.findall(r"[a-z]+", low)) & set(number_words()) else "figures"
    if category == "time":
        m = re.search(r"\d\s*([ap]\.?\s?m\.?)", t, re.IGNORECASE)
        return f'"{m.group(1)}"' if m else "another time style"
    if category == "more than":
        return '"more than"' if "more than" in low else '"over"'
    if category == "date":
        found = dates(text)
        return found[0].describe() if found else "another date style"
    if category == "capitalisation":
        return "lower case" if t == t.lower() else "capitals"
    return "another style"


def explain(cats: list[str], a: str, b: str) -> str:
    """One plain sentence naming the style on both sides.

    >>> explain(["hyphenation"], "e-mail", "email")
    '"e-mail" (hyphenated) and "email" (one word) are the same word in two house styles: \
a style choice, not a change of meaning.'
    """
    thing = THINGS.get(cats[0], "words")
    da = "; ".join(dict.fromkeys(describe(c, a) for c in cats))
    db = "; ".join(dict.fromkeys(describe(c, b) for c in cats))
    return (
        f'"{a}" ({da}) and "{b}" ({db}) are the same {thing} in two house styles: '
        "a style choice, not a change of meaning."
    )


def _candidate(
    ctx: Context,
    passage_id: str | None,
    sides: dict[str, tuple[Token, ...]],
    cats: list[str],
    key: str,
) -> Candidate:
    (a, ta), (b, tb) = sides.items()
    sa, sb = ctx.tokens_span(a, ta), ctx.tokens_span(b, tb)
    return Candidate(
        kind=Kind.STYLE_VARIANT,
        severity=Severity.LOW,
        passage_id=passage_id,
        key=f"{'+'.join(cats)}:{key}",
        spans={a: (sa,), b: (sb,)},
        explanation=explain(cats, sa.text, sb.text),
        label=f'"{sa.text}" vs "{sb.text}"',
        weight=0.1,
    )


def _edit_candidates(ctx: Context, edit: Edit, *, split: bool = True) -> Iterator[Candidate]:
    """Style candidates from one edit, read with a token of context either side."""
    cells = {
        edit.a: ctx.cell_tokens(edit.passage_id, edit.a),
        edit.b: ctx.cell_tokens(edit.passage_id, edit.b),
    }
    a_lo, a_hi = window(cells[edit.a], edit.a_index, len(edit.a_tokens))
    b_lo, b_hi = window(cells[edit.b], edit.b_index, len(edit.b_tokens))
    wa, wb = cells[edit.a][a_lo:a_hi], cells[edit.b][b_lo:b_hi]
    if not wa or not wb:
        return
    text_a, text_b = _text(ctx, edit.a, wa), _text(ctx, edit.b, wb)
    cats = style_steps(text_a, text_b)
    if cats:
        if edit.a_tokens and edit.b_tokens:
            core_a = _with_figures(cells[edit.a], edit.a_index, len(edit.a_tokens))
            core_b = _with_figures(cells[edit.b], edit.b_index, len(edit.b_tokens))
        else:
            core_a, core_b = wa, wb
        key = " ".join(prepare(_text(ctx, edit.a, wa)))
        yield _candidate(ctx, edit.passage_id, {edit.a: core_a, edit.b: core_b}, cats, key)
        return
    if edit.op != "replace" or not split:
        return
    yield from _word_candidates(ctx, edit, cells)


def _word_candidates(
    ctx: Context, edit: Edit, cells: dict[str, tuple[Token, ...]]
) -> Iterator[Candidate]:
    """One-word style variants inside a long replace, against one or two words.

    Why two: a figure and its magnitude are one token in one style and two
    in another ("$5m" / "$5 million"); the currency before them is read too.
    """
    used: set[int] = set()
    for i, x in enumerate(edit.a_tokens):
        if not any(c.isalnum() for c in x.text):
            continue
        for k in range(len(edit.b_tokens)):
            found = None
            for xs, ys in (
                (edit.a_tokens[i : i + 1], edit.b_tokens[k : k + 1]),
                (edit.a_tokens[i : i + 1], edit.b_tokens[k : k + 2]),
                (edit.a_tokens[i : i + 2], edit.b_tokens[k : k + 1]),
            ):
                if used & set(range(k, k + len(ys))):
                    continue
                pa = _with_currency(cells[edit.a], edit.a_index + i, xs)
                pb = _with_currency(cells[edit.b], edit.b_index + k, ys)
                cats = style_steps(_text(ctx, edit.a, pa), _text(ctx, edit.b, pb))
                if cats:
                    found = (xs, ys, cats)
                    break
            if found:
                xs, ys, cats = found
                used.update(range(k, k + len(ys)))
                key = " ".join(prepare(_text(ctx, edit.a, xs)))
                yield _candidate(ctx, edit.passage_id, {edit.a: xs, edit.b: ys}, cats, key)
                break


def _with_currency(
    cell: tuple[Token, ...], start: int, tokens: tuple[Token, ...]
) -> tuple[Token, ...]:
    """The tokens with a currency sign before them, when there is one ("$" + "5m")."""
    if start > 0 and cell[start - 1].text in _CURRENCY:
        return (cell[start - 1], *tokens)
    return tokens


def _with_figures(cell: tuple[Token, ...], start: int, length: int) -> tuple[Token, ...]:
    """The edit's tokens plus an adjacent figure, so "per cent" shows as "5 per cent"."""
    lo, hi = start, start + length
    if lo > 0 and cell[lo - 1].text[:1].isdigit():
        lo -= 1
    if hi < len(cell) and cell[hi].text[:1].isdigit():
        hi += 1
    return cell[lo:hi]


def _text(ctx: Context, article_id: str, tokens: tuple[Token, ...]) -> str:
    return ctx.articles[article_id].text[tokens[0].start : tokens[-1].end]


def _date_candidates(ctx: Context) -> Iterator[Candidate]:
    """Dates with the same value written in different styles, per cell pair."""
    for pair in cell_pairs(ctx):
        da = _cell_dates(ctx, pair.passage_id, pair.a)
        db = _cell_dates(ctx, pair.passage_id, pair.b)
        for x in da:
            y = next((d for d in db if d.value == x.value), None)
            if y is None:
                continue
            db.remove(y)
            if x.style == y.style:
                continue
            ta = tuple(t for t in pair.a_tokens if x.start <= t.start < x.end)
            tb = tuple(t for t in pair.b_tokens if y.start <= t.start < y.end)
            if ta and tb:
                yield _candidate(
                    ctx, pair.passage_id, {pair.a: ta, pair.b: tb}, ["date"], f"{x.value}"
                )


def _story_dates(ctx: Context) -> Iterator[Candidate]:
    """The same date written in two styles by two outlets, in passages not aligned together.

    Why: house style shows across the whole article; "Sept. 27" in one outlet
    and "September 27" in another's own paragraph is the same style
    difference as when the sentences align.  Pairs of outlets that already
    meet in an aligned cell for that date are left to ``_date_candidates``.
    """
    by_article: dict[str, list[tuple[str, DateMention]]] = {}
    for passage in ctx.alignment.passages:
        for aid in passage.cells:
            if aid in ctx.articles:
                by_article.setdefault(aid, []).extend(
                    (passage.id, d) for d in _cell_dates(ctx, passage.id, aid)
                )
    ids = sorted(by_article)
    for n, a in enumerate(ids):
        for b in ids[n + 1 :]:
            for pa, x in by_article[a]:
                for pb, y in by_article[b]:
                    if x.value != y.value or x.style == y.style or x.day is None:
                        continue
                    here_a = {p for p, u in by_article[a] if u.value == x.value}
                    here_b = {p for p, v in by_article[b] if v.value == x.value}
                    if pa in here_b or pb in here_a:
                        continue  # one of them meets the other outlet's date in a cell
                    ta, tb = _tokens_in(ctx, a, x), _tokens_in(ctx, b, y)
                    if ta and tb:
                        yield _candidate(ctx, None, {a: ta, b: tb}, ["date"], f"{x.value}")


def _tokens_in(ctx: Context, article_id: str, d: DateMention) -> tuple[Token, ...]:
    return tuple(
        t
        for s in ctx.articles[article_id].sentences
        if s.start <= d.start < s.end
        for t in s.tokens
        if d.start <= t.start < d.end
    )


def _cell_dates(ctx: Context, passage_id: str, article_id: str) -> list[DateMention]:
    return [
        d for s in ctx.cell_sentences(passage_id, article_id) for d in dates(s.text, offset=s.start)
    ]


def _capital_candidates(ctx: Context) -> Iterator[Candidate]:
    """Runs of aligned words that differ only in capital letters (not at a sentence start)."""
    for pair in cell_pairs(ctx):
        starts_a = sentence_initial(ctx, pair.passage_id, pair.a)
        starts_b = sentence_initial(ctx, pair.passage_id, pair.b)
        for i1, j1, n in pair.equal_runs():
            run: list[tuple[Token, Token]] = []
            for k in range(n + 1):
                x = pair.a_tokens[i1 + k] if k < n else None
                y = pair.b_tokens[j1 + k] if k < n else None
                if (
                    x is not None
                    and y is not None
                    and typographic_form(x.text) != typographic_form(y.text)
                    and i1 + k not in starts_a
                    and j1 + k not in starts_b
                ):
                    run.append((x, y))
                elif run:
                    ta, tb = tuple(p for p, _ in run), tuple(q for _, q in run)
                    key = " ".join(t.norm for t in ta)
                    sides = {pair.a: ta, pair.b: tb}
                    yield _candidate(ctx, pair.passage_id, sides, ["capitalisation"], key)
                    run = []


def _group_candidates(ctx: Context, pair: CellPair, members: list[Edit]) -> list[Candidate]:
    """Style candidates from a cluster of nearby edits: longest style-equal runs first.

    Why: "10 a.m. with ten" / "10am with 10" comes out of difflib as three
    edits around a "10" it matched wrongly; only their union is a style pair.
    """
    out: list[Candidate] = []
    i = 0
    while i < len(members):
        for j in range(min(len(members), i + MAX_COMBINED), i, -1):
            edit = members[i] if j == i + 1 else combined(pair, members[i:j])
            found = list(_edit_candidates(ctx, edit, split=j == i + 1))
            if found:
                out.extend(found)
                i = j
                break
        else:
            i += 1
    return out


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return any(
        x.start < y.end and y.start < x.end
        for aid, xs in a.spans.items()
        for x in xs
        for y in b.spans.get(aid, ())
    )


def find(ctx: Context) -> list[Candidate]:
    """Style candidates from dates, edits and capitalisation, merged by canonical form."""
    out = list(_date_candidates(ctx))
    dated = list(out)
    for pair, members in edit_groups(ctx):
        found = _group_candidates(ctx, pair, members)
        out.extend(c for c in found if not any(_overlaps(c, d) for d in dated))
    out.extend(_capital_candidates(ctx))
    out.extend(_story_dates(ctx))
    return out
