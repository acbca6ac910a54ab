"""Typography: the same words typed with different characters.

Why counted, never important: curly vs straight quotes, dash styles, spaces,
ellipses and invisible characters change how a text looks, not what it says,
but an editor or teacher may want to see how consistently each outlet types.
One candidate per (passage, outlet pair, character class) keeps the count
meaningful without flooding the findings list.

Apostrophes are also read story-wide: an outlet's system types them one way
everywhere (some print a backtick or an accent, "it`s"), so the same word
with another apostrophe in another outlet shows it, aligned or not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from compare.classify.base import Candidate, Context
from compare.classify.pairs import CellPair
from compare.classify.variants.align import cell_pairs, original_text
from compare.model import Kind, Severity, Span, Token
from compare.text.normalize import is_invisible, typographic_form

_QUOTES = set('\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"')
_SINGLE = set("\u2018\u2019\u201a\u201b\u2032'")
_DASHES = set("\u2010\u2011\u2012\u2013\u2014\u2015\u2212-")
_SPACES = set("\u00a0\u2009\u202f\u2007\u2002\u2003 \t")
# A word with an apostrophe-like mark inside ("it's", "it’s", "it`s", "it´s").
# Matches start only at a word's first letter: from every letter of a long run
# the search would be quadratic (a 200,000-letter token took minutes).
_APOSTROPHE_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+([`\u00b4'\u2019\u2018])[^\W\d_]+")
MAX_WORDS = 3  # words quoted per article in a story-wide apostrophe candidate

# class -> (what a reader is told, why it does not matter)
CLASSES: dict[str, str] = {
    "quotes": "quotation marks",
    "apostrophes": "apostrophes",
    "dashes": "dashes or hyphens",
    "spaces": "spaces",
    "ellipsis": "ellipsis points",
    "invisible": "invisible characters (zero-width spaces or soft hyphens)",
    "accents": "accented letters encoded differently",
    "forms": "character forms",
}


def _squash(text: str) -> str:
    """Typographic form with spaces dropped and runs of dashes made one dash."""
    form = re.sub(r"\s+", "", typographic_form(text))
    return re.sub(r"-+", "-", form)


def is_typographic(a: str, b: str) -> bool:
    """True when a and b differ only in typography (never in letters or case).

    >>> is_typographic("\\u201cpeace\\u201d", '"peace"')
    True
    >>> is_typographic("cease\\u2014fire", "cease--fire")
    True
    >>> is_typographic("Peace", "peace")
    False
    """
    return a != b and _squash(a) == _squash(b)


def char_classes(a: str, b: str) -> set[str]:
    """The character classes in which two typographically equal texts differ.

    >>> sorted(char_classes("it\\u2019s \\u201cfine\\u201d", "it's \\"fine\\""))
    ['apostrophes', 'quotes']
    """
    out: set[str] = set()
    if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b) and a != b:
        out.add("accents")
    for ch in set(a) ^ set(b):
        if is_invisible(ch):
            out.add("invisible")
        elif ch in _QUOTES:
            out.add("quotes")
        elif ch in _SINGLE:
            out.add("apostrophes" if _inside_word(ch, a + " " + b) else "quotes")
        elif ch in _DASHES:
            out.add("dashes")
        elif ch in _SPACES or ch.isspace():
            out.add("spaces")
        elif ch == "\u2026":
            out.add("ellipsis")
        elif unicodedata.combining(ch) or unicodedata.decomposition(ch):
            out.add("accents" if not unicodedata.decomposition(ch).startswith("<") else "forms")
    if not out and a != b:
        out.add("forms")
    return out


def _inside_word(ch: str, text: str) -> bool:
    """An apostrophe follows a letter ("it's", "outlets'"); a quote mark does not."""
    return re.search(rf"\w{re.escape(ch)}", text) is not None


def _spacing_differs(ga: str, gb: str) -> bool:
    """Both gaps are blank but typed differently (NBSP, thin or double space).

    Line breaks are ignored: where a file wraps its lines is not typography.
    """
    blank = ga.strip() == "" and gb.strip() == ""
    return blank and ga != gb and bool(ga) and bool(gb) and "\n" not in ga + gb


def _differences(ctx: Context, pair: CellPair) -> list[tuple[tuple[Token, ...], tuple[Token, ...]]]:
    """Runs of tokens (a side, b side) whose original text differs only typographically."""
    a_text = ctx.articles[pair.a].text
    b_text = ctx.articles[pair.b].text
    out: list[tuple[tuple[Token, ...], tuple[Token, ...]]] = []
    for op, i1, i2, j1, j2 in pair.opcodes:
        ta, tb = pair.a_tokens[i1:i2], pair.b_tokens[j1:j2]
        if op == "equal":
            for k in range(i2 - i1):
                x, y = ta[k], tb[k]
                if x.text != y.text and typographic_form(x.text) == typographic_form(y.text):
                    out.append(((x,), (y,)))
                if k + 1 < i2 - i1:  # the gap before the next token
                    ga, gb = a_text[x.end : ta[k + 1].start], b_text[y.end : tb[k + 1].start]
                    if _spacing_differs(ga, gb):
                        out.append(((x, ta[k + 1]), (y, tb[k + 1])))
        elif ta and tb:
            sa = a_text[ta[0].start : ta[-1].end]
            sb = b_text[tb[0].start : tb[-1].end]
            if is_typographic(sa, sb) and not _word_split(sa, sb):
                out.append((ta, tb))
    return out


def _word_split(a: str, b: str) -> bool:
    """Does one text write as two words what the other writes as one ("per cent" / "percent")?

    Why: that is a house style (the style family's), not a character typed another way;
    read blind, "percent" / "per cent" was reported twice, once as "differ only in spaces".

    >>> _word_split("per cent", "percent"), _word_split("10\u00a0km", "10 km")
    (True, False)
    """
    words_a = re.findall(r"[^\W\d_]+", a)
    words_b = re.findall(r"[^\W\d_]+", b)
    return len(words_a) != len(words_b)


def _apostrophe_words(ctx: Context, article_id: str) -> dict[str, list[tuple[str, int, int]]]:
    """Words with an inner apostrophe, by word with a plain apostrophe: (mark, start, end)."""
    out: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    text = ctx.articles[article_id].text
    for m in _APOSTROPHE_WORD.finditer(text):
        word = (m.group(0)[: m.start(1) - m.start()] + "'" + text[m.end(1) : m.end()]).casefold()
        out[word].append((m.group(1), m.start(), m.end()))
    return out


def _story_apostrophes(ctx: Context, shown: list[Candidate]) -> list[Candidate]:
    """One candidate per outlet pair that types the same words with different apostrophes.

    Words an aligned passage already shows (``shown``) are left to it.
    """
    seen: dict[str, list[Span]] = defaultdict(list)
    for c in shown:
        for aid, quoted in c.spans.items():
            seen[aid].extend(quoted)

    def covered(aid: str, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in seen[aid])

    words = {aid: _apostrophe_words(ctx, aid) for aid in sorted(ctx.articles)}
    out: list[Candidate] = []
    for i, a in enumerate(words):
        for b in list(words)[i + 1 :]:
            spans: dict[str, list[Span]] = {a: [], b: []}
            for word in sorted(set(words[a]) & set(words[b]), key=lambda w: words[a][w][0][1]):
                marks_a = {mark for mark, _, _ in words[a][word]}
                marks_b = {mark for mark, _, _ in words[b][word]}
                if len(marks_a) != 1 or len(marks_b) != 1 or marks_a == marks_b:
                    continue  # typed alike, or inconsistently within one outlet
                if any(covered(aid, lo, hi) for aid in (a, b) for _, lo, hi in words[aid][word]):
                    continue
                if len(spans[a]) < MAX_WORDS:
                    for aid in (a, b):
                        _, start, end = words[aid][word][0]
                        spans[aid].append(ctx.span(aid, start, end))
            if spans[a]:
                sa, sb = spans[a][0].text, spans[b][0].text
                out.append(
                    Candidate(
                        kind=Kind.TYPOGRAPHY,
                        severity=Severity.COSMETIC,
                        passage_id=None,
                        key=f"apostrophes|{a}|{b}",
                        spans={aid: tuple(ss) for aid, ss in spans.items()},
                        explanation=(
                            f"{_show(sa)} and {_show(sb)} differ only in apostrophes: each "
                            "outlet types them its own way, which does not change the meaning."
                        ),
                        label=f"{_show(sa)} vs {_show(sb)}",
                        weight=0.0,
                    )
                )
    return out


def find(ctx: Context) -> list[Candidate]:
    """One cosmetic candidate per passage, outlet pair and character class."""
    out: list[Candidate] = []
    for pair in cell_pairs(ctx):
        grouped: dict[str, list[tuple[str, str, Span, Span]]] = defaultdict(list)
        for ta, tb in _differences(ctx, pair):
            sa, sb = original_text(ctx, pair.a, ta), original_text(ctx, pair.b, tb)
            for cls in sorted(char_classes(sa, sb)):
                grouped[cls].append(
                    (sa, sb, ctx.tokens_span(pair.a, ta), ctx.tokens_span(pair.b, tb))
                )
        for cls, items in sorted(grouped.items()):
            sa, sb = items[0][0], items[0][1]
            what = CLASSES[cls]
            out.append(
                Candidate(
                    kind=Kind.TYPOGRAPHY,
                    severity=Severity.COSMETIC,
                    passage_id=pair.passage_id,
                    key=f"{cls}|{pair.a}|{pair.b}",
                    spans={
                        pair.a: tuple(dict.fromkeys(i[2] for i in items)),
                        pair.b: tuple(dict.fromkeys(i[3] for i in items)),
                    },
                    explanation=(
                        f"{_show(sa)} and {_show(sb)} differ only in {what}: the same words "
                        "typed differently, which does not change the meaning."
                    ),
                    label=f"{_show(sa)} vs {_show(sb)}",
                    weight=0.0,
                )
            )
    return out + _story_apostrophes(ctx, out)


def _show(text: str) -> str:
    """Quote a text for a label, making invisible and space characters visible."""
    shown = "".join(
        "\u2423" if ch in "\u00a0\u2009\u202f\u2007" else ("\u00b7" if is_invisible(ch) else ch)
        for ch in text
    )
    return f"\u2039{shown}\u203a"
