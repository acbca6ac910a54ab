"""How a house-style difference is described: the style on each side, in words.

Why its own module: every style candidate (edits, dates, capitals) is
explained the same way, naming the style each outlet follows ("hyphenated"
vs "one word"), so the reader sees a style choice, not a change of meaning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.claims.words import is_function_word, stem
from compare.classify.base import Candidate, Context
from compare.classify.variants.canon import closed, number_words, separators
from compare.classify.variants.dates import dates
from compare.model import Kind, Severity, Span, Token
from compare.text.normalize import typographic_form

THINGS = {
    "hyphenation": "word",
    "abbreviation": "name or title",
    "number": "number",
    "time": "time",
    "more than": "quantity",
    "date": "date",
    "capitalisation": "words",
}


# The number styles ``describe`` names, by family: a percentage's sign or word, a scale's
# abbreviation or word (``_FAMILIES`` groups each family's styles into one finding).
_PERCENT_STYLES = (("%", "% sign"), ("per cent", '"per cent"'), ("percent", '"percent"'))
_SCALE_ABBREVIATED = 'scale abbreviated ("m", "bn")'
_SCALE_IN_WORDS = "scale in words"


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
        for marker, words in _PERCENT_STYLES:
            if marker in low:
                return words
        if re.search(r"\d\s*(?:m|bn|tn|k)\b", low):
            return _SCALE_ABBREVIATED
        if re.search(r"\b(?:thousand|million|billion|trillion)\b", low):
            return _SCALE_IN_WORDS
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


def style_of(cats: list[str], text: str) -> str:
    """The styles one text follows in the given categories, in words.

    >>> style_of(["date", "abbreviation"], "Sept. 27")
    'month abbreviated, month first; abbreviated with full stops'
    """
    return "; ".join(dict.fromkeys(describe(c, text) for c in cats))


def explain(cats: list[str], a: str, b: str) -> str:
    """One plain sentence naming the style on both sides.

    >>> explain(["hyphenation"], "e-mail", "email")
    '"e-mail" (hyphenated) and "email" (one word) are the same word in two house styles: \
a style choice, not a change of meaning.'
    """
    thing = THINGS.get(cats[0], "words")
    da, db = style_of(cats, a), style_of(cats, b)
    return (
        f'"{a}" ({da}) and "{b}" ({db}) are the same {thing} in two house styles: '
        "a style choice, not a change of meaning."
    )


# Categories where one finding stands for one habit, whatever the words: every
# "$5m" / "$5 million" pair of a story is one choice of house style, and so is
# every "Sept. 30" / "30 September".  Hyphenation and capitals stay per word:
# "cease-fire" and "co-operate" are two separate spellings to look up.
BY_HABIT = frozenset({"number", "date", "time", "more than", "abbreviation"})


# Styles that answer one question, so three outlets writing it three ways make one finding,
# not three pairs ("per cent" / "percent" / "%": read blind, the second and third pairs
# were duplicates).
_FAMILIES = {
    "percent": frozenset(words for _marker, words in _PERCENT_STYLES),
    "scale": frozenset({_SCALE_ABBREVIATED, _SCALE_IN_WORDS}),
}


def _family(styles: Sequence[str]) -> str | None:
    """The family both styles belong to, if one does."""
    for name, members in _FAMILIES.items():
        if all(s in members for s in styles):
            return f"family:{name}"
    return None


def _as_written(ctx: Context, article_id: str, span: Span, cats: list[str]) -> Span:
    """A span with the full stop that follows it, for an abbreviation.

    Why: "Sen." before a name is tokenised as "Sen" and a full stop, so the
    span quoted ends before the stop; read alone it looked "abbreviated
    without full stops", which the outlet does not write (read blind, the
    explanation was wrong).
    """
    article = ctx.articles[article_id]
    if "abbreviation" not in cats or span.text.endswith("."):
        return span
    if article.text[span.end : span.end + 1] != ".":
        return span
    # A full stop that ends the sentence is the sentence's ("... in the US."), not the
    # abbreviation's: the sentence splitter read it so.
    if any(s.start <= span.start < s.end <= span.end + 1 for s in article.sentences):
        return span
    return ctx.span(article_id, span.start, span.end + 1)


def _writes(ctx: Context, article_id: str, form: str) -> bool:
    """Does the article write ``form`` ("U.S.", "United States") as a word of its own?

    Why: a house style is a choice an outlet keeps to.  Read blind, "United
    States" / "U.S." was judged no house difference where each outlet wrote
    both forms.  Case matters ("US" is not "us"); a form followed or preceded
    by a letter or digit is part of another word.
    """
    pattern = rf"(?<![\w.]){re.escape(form)}(?![\w])"
    return re.search(pattern, ctx.articles[article_id].text) is not None


def candidate(
    ctx: Context,
    passage_id: str | None,
    sides: dict[str, tuple[Token, ...]],
    cats: list[str],
    key: str,
) -> Candidate | None:
    """A LOW style-variant candidate quoting both outlets' tokens (``sides``: id -> tokens).

    ``key`` is the canonical form shared by every outlet pair, prefixed by the
    categories, so one difference written by three outlets merges into one.
    For the ``BY_HABIT`` categories the key is the pair of styles instead, so
    all of a story's figures written one way by one outlet and another way
    by another become one finding listing every occurrence.  None when both
    sides read as the same style ("US." at a sentence end against "U.S."):
    no style choice differs.
    """
    (a, ta), (b, tb) = sides.items()
    if "hyphenation" in cats and compound_roles_differ(
        (ta, _next_token(ctx, a, ta)), (tb, _next_token(ctx, b, tb))
    ):
        return None
    sa, sb = ctx.tokens_span(a, ta), ctx.tokens_span(b, tb)
    sa, sb = _as_written(ctx, a, sa, cats), _as_written(ctx, b, sb, cats)
    styles = [style_of(cats, sa.text), style_of(cats, sb.text)]
    if styles[0] == styles[1]:
        return None
    if "abbreviation" in cats and (_writes(ctx, a, sb.text) or _writes(ctx, b, sa.text)):
        return None  # the outlet writes both forms: no house style of its own to compare
    if set(cats) <= BY_HABIT:
        key = _family(styles) or "|".join(sorted(styles))
    elif cats == ["hyphenation"]:
        # One word's spelling, whatever its inflection or which outlet is "a":
        # "emails" / "e-mails" and "email" / "e-mail" are one choice to look up.
        key = stem(closed(key.split()))
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


def _next_token(ctx: Context, article_id: str, tokens: Sequence[Token]) -> Token | None:
    """The token after ``tokens`` in its sentence (None at the sentence's end)."""
    if not tokens:
        return None
    end = tokens[-1].end
    for sentence in ctx.articles[article_id].sentences:
        if sentence.tokens and sentence.tokens[0].start <= end <= sentence.tokens[-1].end:
            later = [t for t in sentence.tokens if t.start >= end]
            return later[0] if later else None
    return None


def compound_roles_differ(*sides: tuple[Sequence[Token], Token | None]) -> bool:
    """Is a hyphened compound a modifier on one side and the open words a noun on the other?

    Why: "a stoppage-time winner" and "decided in stoppage time" follow one grammar rule
    (hyphen the compound before its noun), not two house styles; read blind (twentieth
    round), they were reported as a style variant.  Each side is (its words, the token
    after them).  The hyphened side has a word after it that is no function word (the noun
    it modifies); the side written open has none (a full stop, a comma, a function word).

    >>> from compare.align.segment import tokenize as t
    >>> a, b, c = t("a stoppage-time winner"), t("in stoppage time."), t("stoppage time winner")
    >>> compound_roles_differ((a[1:2], a[2]), (b[1:3], b[3]))
    True
    >>> compound_roles_differ((a[1:2], a[2]), (c[0:2], c[2]))
    False
    """
    read = []
    for words, after in sides:
        hyphened = any("-" in tok.text for tok in words)
        noun_after = (
            after is not None and after.text[:1].isalpha() and not is_function_word(after.norm)
        )
        read.append((hyphened, noun_after))
    (hyphen_a, noun_a), (hyphen_b, noun_b) = read
    if hyphen_a == hyphen_b:
        return False
    return (noun_a and not noun_b) if hyphen_a else (noun_b and not noun_a)
