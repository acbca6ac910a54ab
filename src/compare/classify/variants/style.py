"""House-style variants: hyphenation, dates, numbers, abbreviations, capitals.

Why a family of its own: wire copy passes through each outlet's style guide,
so "cease-fire" becomes "ceasefire", "Sept. 27" becomes "27 September" and
"U.S." becomes "US".  These differences tell a reader which style an outlet
follows, not what happened, so they are LOW and each explanation names the
style on both sides.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from compare.classify.base import Candidate, Context, quote_overlapping
from compare.classify.pairs import CellPair
from compare.classify.variants import datelines, forms
from compare.classify.variants.align import (
    cell_pairs,
    combined,
    edit_groups,
    original_text,
    sentence_initial,
    window,
)
from compare.classify.variants.canon import prepare, separators, style_steps
from compare.classify.variants.dates import dates
from compare.classify.variants.style_dates import date_candidates, story_dates
from compare.classify.variants.style_findings import candidate
from compare.model import Edit, Kind, Token
from compare.text.normalize import typographic_form

_CURRENCY = frozenset({"$", "£", "€", "¥"})
MAX_COMBINED = 4  # nearby edits tried together, at most


def is_variant(a: str, b: str) -> bool:
    """True when a and b say the same thing in different house styles.

    >>> is_variant("co-operate", "cooperate"), is_variant("Sept. 27", "27 September")
    (True, True)
    >>> is_variant("Foreign Minister", "foreign minister"), is_variant("colour", "color")
    (True, False)
    """
    return bool(categories(a, b))


def categories(a: str, b: str) -> list[str]:
    """The house-style categories in which a and b differ (empty if not style).

    >>> categories("10 a.m.", "10am")
    ['time']
    >>> categories("on Sept. 27 in the U.S.", "on 27 September in the US")
    ['date', 'abbreviation']
    """
    if masked_same(a, b):
        return ["masking"]
    cats = []
    da, db = _date_form(a), _date_form(b)
    if (da, db) != (a, b):
        if [d.style for d in dates(a)] != [d.style for d in dates(b)]:
            cats.append("date")
        a, b = da, db
    rest = _plain_categories(a, b)
    return [] if rest is None else cats + rest


def masked_same(a: str, b: str) -> bool:
    """Is one text the other with letters of a word masked by asterisks ("f***")?

    Why: an outlet printing a profanity as "motherf***er" where another
    prints it whole follows its house style; read blind, the two reported as
    a wording change were judged wrong (the same word, censored).

    >>> masked_same("impeach the motherf***er", "impeach the motherfucker")
    True
    >>> masked_same("f***", "fork"), masked_same("a*b", "a*b")
    (True, False)
    >>> masked_same("f***", "fire and")
    False
    """
    if a == b or ("*" in a) == ("*" in b):
        return False
    masked, plain = (a, b) if "*" in a else (b, a)
    pattern = "".join(r"[^\W\d_]" if c == "*" else re.escape(c) for c in masked)
    return re.fullmatch(pattern, plain, flags=re.IGNORECASE) is not None


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


def _edit_candidates(ctx: Context, edit: Edit, *, split: bool = True) -> Iterator[Candidate | None]:
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
    text_a, text_b = original_text(ctx, edit.a, wa), original_text(ctx, edit.b, wb)
    cats = style_steps(text_a, text_b)
    if cats:
        if edit.a_tokens and edit.b_tokens:
            core_a = _with_figures(cells[edit.a], edit.a_index, len(edit.a_tokens))
            core_b = _with_figures(cells[edit.b], edit.b_index, len(edit.b_tokens))
        else:
            core_a, core_b = wa, wb
        key = " ".join(prepare(original_text(ctx, edit.a, core_a)))
        yield candidate(ctx, edit.passage_id, {edit.a: core_a, edit.b: core_b}, cats, key)
        return
    if edit.op != "replace" or not split:
        return
    yield from _word_candidates(ctx, edit, cells)


def _word_candidates(
    ctx: Context, edit: Edit, cells: dict[str, tuple[Token, ...]]
) -> Iterator[Candidate | None]:
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
                cats = style_steps(original_text(ctx, edit.a, pa), original_text(ctx, edit.b, pb))
                if (
                    cats == ["number"]
                    and _digits_against_words(xs, ys)
                    and not _same_neighbour(
                        cells[edit.a],
                        edit.a_index + i,
                        len(xs),
                        cells[edit.b],
                        edit.b_index + k,
                        len(ys),
                    )
                ):
                    continue  # "the 1 percent threshold" / "the rate of one in 100": two wordings
                if cats:
                    found = (xs, ys, cats)
                    break
            if found:
                xs, ys, cats = found
                used.update(range(k, k + len(ys)))
                key = " ".join(prepare(original_text(ctx, edit.a, xs)))
                yield candidate(ctx, edit.passage_id, {edit.a: xs, edit.b: ys}, cats, key)
                break


def _digits_against_words(xs: Sequence[Token], ys: Sequence[Token]) -> bool:
    """One bare number in figures against one in words ("1" / "one"), no unit or scale."""
    if len(xs) != 1 or len(ys) != 1:
        return False
    a, b = xs[0].text, ys[0].text
    return (a.isdigit() and b.isalpha()) or (a.isalpha() and b.isdigit())


def _same_neighbour(
    a: tuple[Token, ...], i: int, n: int, b: tuple[Token, ...], k: int, m: int
) -> bool:
    """Do two numbers inside a longer rewording stand before, or after, the same word?

    Why: a number written in figures in one version and in words in the other is
    a house style only where both count the same thing; read blind (twenty-second
    round), "the 1 percent threshold" against "the rate of one in 100" was called
    one number in two styles.
    """
    after = i + n < len(a) and k + m < len(b) and a[i + n].norm == b[k + m].norm
    before = i > 0 and k > 0 and a[i - 1].norm == b[k - 1].norm and a[i - 1].norm.isalpha()
    return after or before


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


def _capital_candidates(ctx: Context) -> Iterator[Candidate | None]:
    """Runs of aligned words that differ only in capital letters (not at a sentence start).

    A run needs the same word just before and just after it in both versions:
    "the moon's surface" / "the Moon's surface" is one phrase styled two ways, while
    "First Baptist Church" / "a church" or "New Year's" / "new weapon" are a
    name and a common word that merely match letter for letter.  Title-case
    lines (headlines) are skipped: there every word has a capital.
    """
    for pair in cell_pairs(ctx):
        skip_a = sentence_initial(ctx, pair.passage_id, pair.a) | _title_case_tokens(
            ctx, pair.passage_id, pair.a
        )
        skip_b = sentence_initial(ctx, pair.passage_id, pair.b) | _title_case_tokens(
            ctx, pair.passage_id, pair.b
        )
        for i1, j1, n in pair.equal_runs():
            run: list[tuple[Token, Token]] = []
            start = 0
            for k in range(n + 1):
                x = pair.a_tokens[i1 + k] if k < n else None
                y = pair.b_tokens[j1 + k] if k < n else None
                if (
                    x is not None
                    and y is not None
                    and typographic_form(x.text) != typographic_form(y.text)
                    and i1 + k not in skip_a
                    and j1 + k not in skip_b
                ):
                    if not run:
                        start = k
                    run.append((x, y))
                elif run:
                    if start > 0 and k < n:  # the same words before and after it in both
                        ta, tb = tuple(p for p, _ in run), tuple(q for _, q in run)
                        key = " ".join(t.norm for t in ta)
                        sides = {pair.a: ta, pair.b: tb}
                        yield candidate(ctx, pair.passage_id, sides, ["capitalisation"], key)
                    run = []


def _title_case_tokens(ctx: Context, passage_id: str, article_id: str) -> frozenset[int]:
    """Cell token indexes inside title-case sentences (headlines, standfirsts)."""
    out: set[int] = set()
    index = 0
    for sentence in ctx.cell_sentences(passage_id, article_id):
        if forms.title_case(sentence.text):
            out.update(range(index, index + len(sentence.tokens)))
        index += len(sentence.tokens)
    return frozenset(out)


def _group_candidates(ctx: Context, pair: CellPair, members: list[Edit]) -> list[Candidate | None]:
    """Style candidates from a cluster of nearby edits: longest style-equal runs first.

    Why: "10 a.m. with ten" / "10am with 10" comes out of difflib as three
    edits around a "10" it matched wrongly; only their union is a style pair.
    """
    out: list[Candidate | None] = []
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


def find(ctx: Context) -> list[Candidate]:
    """Style candidates from dates, edits, capitalisation and story-wide forms."""
    out = [c for c in date_candidates(ctx) if c is not None]
    dated = list(out)
    for pair, members in edit_groups(ctx):
        found = [c for c in _group_candidates(ctx, pair, members) if c is not None]
        out.extend(c for c in found if not any(quote_overlapping(c.spans, d.spans) for d in dated))
    out.extend(c for c in _capital_candidates(ctx) if c is not None)
    out.extend(c for c in story_dates(ctx) if c is not None)
    out.extend(forms.find(ctx, Kind.STYLE_VARIANT))
    out.extend(datelines.find(ctx))
    return out
