"""Story-wide forms: one thing written in two shapes by different outlets.

Why story-wide: an outlet's house style shows wherever the form appears,
not only in the sentences the aligner paired.  "Mr Smith" in one outlet and
"Mr. Jones" in another are one habit each (a title with or without a full
stop); "$5 million" / "US$5 million", "Smith, 61," / "61-year-old Smith",
"said Monday" / "said on Monday", "the state's attorney general, Ann Roe,"
/ "Attorney General Ann Roe", "Jean-Luc" / "Jean Luc" and "Farmers'
Union" / "Farmers Union" are the same thing in two shapes.  (On BASIL's
98 events the title rule found 6 such pairs, all a title set off by commas
against one capitalised before the name, and nothing else.)

Why so strict: each rule reads one pattern whose two shapes are the same
words by construction (same figure and currency, same surname and age, same
letters with or without a hyphen or apostrophe), and an outlet that writes
both shapes follows no single style, so it is left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from compare.classify.base import Candidate, Context
from compare.classify.variants.name_forms import SURNAME_PARTICLES, not_names
from compare.model import Kind, Severity, Span

MAX_SPANS = 3  # occurrences quoted per shape per article

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_NAME = r"[A-Z][a-z]+(?:[-'\u2019][A-Z]?[a-z]+)?"
# Currency markers of one currency, as house styles write them.
_CURRENCIES = {"$": "dollar", "US$": "dollar", "USD": "dollar", "Rs": "rupee", "Rs.": "rupee"}
_CURRENCIES.update({"INR": "rupee", "\u20b9": "rupee", "\u00a3": "pound", "GBP": "pound"})
_CURRENCIES.update({"\u20ac": "euro", "EUR": "euro"})
_SCALES = {"m": "million", "mn": "million", "bn": "billion", "tn": "trillion"}


@dataclass(frozen=True)
class Form:
    """One occurrence of a form: what is written (``key``) and how (``shape``)."""

    article_id: str
    key: str
    shape: str
    start: int
    end: int


Reader = Callable[[re.Match[str], str], tuple[str, str, int, int] | None]


@dataclass(frozen=True)
class Rule:
    """A pattern whose matches are read as ``(key, shape, start, end)`` in the sentence.

    ``habit``: an outlet must keep to one shape across all its matches (a title
    style), not only per key.  ``by_shape``: one finding per pair of shapes
    (every sum of money written two ways is one habit), else one per key.
    ``mixed``: an outlet writing both shapes still counts (a name spelt two
    ways inside one article is worth showing, a style it mixes is not a style).
    """

    name: str
    kind: Kind
    thing: str  # what both quotes do, after "A and B ..." ("give the same age")
    pattern: re.Pattern[str]
    read: Reader
    habit: bool = False
    by_shape: bool = True
    mixed: bool = False


def _title(m: re.Match[str], _text: str) -> tuple[str, str, int, int]:
    shape = "with a full stop" if m.group(2) else "without a full stop"
    return "title", shape, m.start(), m.end()


def _money(m: re.Match[str], _text: str) -> tuple[str, str, int, int] | None:
    marker, figure, scale = m.group(1), m.group(2).replace(",", ""), m.group(3) or ""
    scale = _SCALES.get(scale.casefold(), scale.casefold())
    key = f"{_CURRENCIES[marker]} {figure.rstrip('.')} {scale}".strip()
    return key, f'"{marker}"', m.start(), m.end()


def _weekday(m: re.Match[str], _text: str) -> tuple[str, str, int, int]:
    shape = '"on" before the weekday' if m.group(2) else 'weekday without "on"'
    return f"{m.group(1)} {m.group(3)}", shape, m.start(), m.end()


def _age_after(m: re.Match[str], _text: str) -> tuple[str, str, int, int]:
    return f"{m.group(1).casefold()} {m.group(2)}", "age after the name", m.start(), m.end()


def _age_before(m: re.Match[str], _text: str) -> tuple[str, str, int, int]:
    surname = m.group(2).split()[-1]
    return f"{surname.casefold()} {m.group(1)}", "age before the name", m.start(), m.end()


# Formal titles that house styles write two ways before a name: AP capitalises a
# formal title directly before a name ("President Ann Roe") and lower-cases it when
# it is set off by commas ("the country's president, Ann Roe"); other guides differ.
# source: AP Stylebook, entry "titles" (formal titles: capitalise before a name,
# lower-case when set off with commas); general English titles of office.
_OFFICES = (
    "president|vice president|prime minister|deputy prime minister|foreign minister"
    "|defen[cs]e minister|interior minister|finance minister|minister|chancellor"
    "|governor|mayor|senator|king|queen|pope|premier|secretary of state|attorney general"
)
_PERSON = r"(?:[A-Z]\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)*"


def _office(shape: str, *, capitalised: bool) -> Reader:
    """A title of office and the name after it, keyed by the title and the surname.

    The ``capitalised`` shape needs every word of the title capitalised
    ("Foreign Minister", not "foreign Minister").
    """

    def read(m: re.Match[str], text: str) -> tuple[str, str, int, int] | None:
        words = m.group(1).split()
        if all(w[:1].isupper() for w in words if w != "of") != capitalised:
            return None
        if not capitalised and not _set_off(text[: m.start()]):
            return None
        surname = m.group(2).split()[-1]
        if surname.casefold() in not_names():
            return None
        return f"{' '.join(words).casefold()} {surname.casefold()}", shape, m.start(), m.end()

    return read


# Words that open the noun phrase of a title set off by commas ("the country's president,
# Ann Roe"; "its former president, Ann Roe").
_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "a", "an"})
TITLE_REACH = 3  # words between the determiner and the title ("the country's former")
_PREPOSITIONS = frozenset({"as", "of", "for", "to", "with", "by", "from", "at", "in", "on"})


def _set_off(before: str) -> bool:
    """Does the text before a lower-case title make it a noun phrase set off by commas?

    Why: AP's lower-case form is an apposition, "the country's president,
    Ann Roe": a determiner or a possessive opens it, at most ``TITLE_REACH``
    words before the title.  "In one of her final appearances as secretary
    of state, Hillary Clinton defended ..." puts the office after "as", and
    the comma ends that phrase; the name opens the main clause.  Read blind,
    that was reported as a house-style variant of "Secretary of State
    Hillary Clinton" and judged wrong.  A preposition before the title ends
    the search: its noun phrase has no determiner of its own.
    """
    for word in reversed(before.split()[-TITLE_REACH:]):
        low = word.casefold()
        if low in _DETERMINERS or low.endswith(("'s", "\u2019s", "s'", "s\u2019")):
            return True
        if low in _PREPOSITIONS:
            return False
    return False


def _joined(shape: str) -> Reader:
    """Two capitalised words read as one name key, the way they are joined as the shape."""

    def read(m: re.Match[str], text: str) -> tuple[str, str, int, int] | None:
        first, second = m.group(1), m.group(2)
        if first.casefold() in not_names():
            return None
        return f"{first.casefold()} {second.casefold()}", shape, m.start(1), m.end(2)

    return read


def _possessive(shape: str) -> Reader:
    """A plural noun before a capitalised word, the start of an organisation's name.

    A capitalised word before it ("St James' Park" / "Henry James Park")
    makes it part of a longer name, so that is left alone.
    """
    joined = _joined(shape)

    def read(m: re.Match[str], text: str) -> tuple[str, str, int, int] | None:
        before = text[: m.start(1)].split()
        if before and before[-1][:1].isupper():
            return None
        return joined(m, text)

    return read


# A surname particle, capitalised or not ("Van den Broeck", "de Luca"), longest first.
_PARTICLE = "(?:{})".format(
    "|".join(
        f"[{p[0].upper()}{p[0]}]{p[1:]}"
        for p in sorted(SURNAME_PARTICLES, key=lambda p: (-len(p), p))
    )
)


def _particles(shape: str) -> Reader:
    """A surname with its particles, keyed by its letters run together and case-folded."""

    def read(m: re.Match[str], _text: str) -> tuple[str, str, int, int] | None:
        return re.sub(r"[\s-]", "", m.group(1)).casefold(), shape, m.start(1), m.end(1)

    return read


RULES = (
    Rule(
        "title",
        Kind.STYLE_VARIANT,
        'write a title such as "Mr"',
        re.compile(r"\b(Mr|Mrs|Ms|Dr)(\.?) (?=[A-Z][a-z])[A-Z][\w'\u2019-]*"),
        _title,
        habit=True,
    ),
    Rule(
        "office",
        Kind.STYLE_VARIANT,
        "give the same title",
        re.compile(rf"\b({_OFFICES}), ({_PERSON})\b"),
        _office("title in lower case, set off by commas", capitalised=False),
    ),
    Rule(
        "office",
        Kind.STYLE_VARIANT,
        "give the same title",
        re.compile(rf"\b((?i:{_OFFICES})) ({_PERSON})\b"),
        _office("title capitalised before the name", capitalised=True),
    ),
    Rule(
        "currency",
        Kind.STYLE_VARIANT,
        "give the same sum of money",
        re.compile(
            r"(?<![\w$\u20b9\u00a3\u20ac])(US\$|USD|\$|Rs\.?|INR|\u20b9|\u00a3|GBP|\u20ac|EUR)"
            r" ?(\d[\d,]*(?:\.\d+)?)"
            r"(?: ?(million|billion|trillion|lakh|crore|m|mn|bn|tn)\b)?"
        ),
        _money,
    ),
    Rule(
        "weekday",
        Kind.STYLE_VARIANT,
        "date a statement by its weekday",
        re.compile(rf"\b([a-z]{{3,}}) (on )?({_WEEKDAYS})\b"),
        _weekday,
        habit=True,
    ),
    Rule(
        "give the same age",
        Kind.STYLE_VARIANT,
        "give the same age",
        re.compile(rf"\b({_NAME}), (?:aged )?(\d{{1,3}}),"),
        _age_after,
    ),
    Rule(
        "give the same age",
        Kind.STYLE_VARIANT,
        "give the same age",
        re.compile(rf"\b(\d{{1,3}})-year-old ((?:{_NAME} )*{_NAME})"),
        _age_before,
    ),
    Rule(
        "hyphen",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(r"\b([A-Z][a-z]+)-([A-Za-z][a-z]+)\b"),
        _joined("hyphenated"),
        by_shape=False,
        mixed=True,
    ),
    Rule(
        "hyphen",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(r"(?=\b([A-Z][a-z]+) ([A-Z][a-z]+)\b)"),
        _joined("two words"),
        by_shape=False,
        mixed=True,
    ),
    Rule(
        "particle",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(rf"\b({_PARTICLE}(?: {_PARTICLE})? [A-Z][a-z]+)\b"),
        _particles("its particles written apart"),
        by_shape=False,
        mixed=True,
    ),
    Rule(
        "particle",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(rf"\b((?:{_PARTICLE})(?:{_PARTICLE})?[a-z]?[A-Za-z][a-z]{{2,}})\b"),
        _particles("written as one word"),
        by_shape=False,
        mixed=True,
    ),
    Rule(
        "possessive",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(r"(?=\b([A-Z][a-z]+s)['\u2019] ([A-Z][a-z]+)\b)"),
        _possessive("with a possessive apostrophe"),
        by_shape=False,
        mixed=True,
    ),
    Rule(
        "possessive",
        Kind.NAME_VARIANT,
        "spell the same name",
        re.compile(r"(?=\b([A-Z][a-z]+s) ([A-Z][a-z]+)\b)"),
        _possessive("without an apostrophe"),
        by_shape=False,
        mixed=True,
    ),
)


TITLE_CASE_SHARE = 0.6  # capitalised share of words from which a line is in title case


def title_case(text: str) -> bool:
    """A headline-style line, where capitals do not mark names ("Fears of a Double Dip Grow").

    Mostly capitalised words and no full stop at the end: a sentence full
    of names still ends like a sentence.

    >>> title_case("Fears of a Double Dip Grow"), title_case("He met Park Min Ho on Monday.")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", text)
    capitals = sum(w[0].isupper() for w in words)
    ends = text.rstrip().rstrip("\"'\u201d\u2019)")[-1:] in {".", "!", "?"}
    return len(words) >= 3 and capitals >= TITLE_CASE_SHARE * len(words) and not ends


def forms(ctx: Context, rules: tuple[Rule, ...] = RULES) -> dict[str, list[Form]]:
    """Every match of the rules in every article, by rule name.

    Name and title rules skip title-case lines: there every word has a capital.
    """
    out: dict[str, list[Form]] = defaultdict(list)
    for aid, article in ctx.articles.items():
        for sentence in article.sentences:
            text = article.text[sentence.start : sentence.end]
            headline = title_case(text)
            for rule in rules:
                if headline and (rule.kind is Kind.NAME_VARIANT or rule.name == "office"):
                    continue
                for m in rule.pattern.finditer(text):
                    read = rule.read(m, text)
                    if read is not None:
                        key, shape, lo, hi = read
                        start, end = sentence.start + lo, sentence.start + hi
                        out[rule.name].append(Form(aid, key, shape, start, end))
    return out


def _consistent(found: list[Form], rule: Rule) -> dict[str, list[Form]]:
    """Forms by key written two ways, without outlets that mix the shapes (unless ``mixed``)."""
    shapes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for f in found:
        shapes[(f.article_id, "" if rule.habit else f.key)].add(f.shape)
    by_key: dict[str, list[Form]] = defaultdict(list)
    for f in found:
        if rule.mixed or len(shapes[(f.article_id, "" if rule.habit else f.key)]) == 1:
            by_key[f.key].append(f)
    return {k: fs for k, fs in by_key.items() if len({f.shape for f in fs}) > 1}


def find(ctx: Context, kind: Kind, rules: tuple[Rule, ...] = RULES) -> list[Candidate]:
    """One candidate per key (or pair of shapes) written two ways by different outlets."""
    chosen = tuple(r for r in rules if r.kind is kind)
    found = forms(ctx, chosen)
    out = []
    for rule in {r.name: r for r in chosen}.values():
        for key, group in sorted(_consistent(found.get(rule.name, []), rule).items()):
            out.append(_candidate(ctx, rule, key, group))
    return out


def _candidate(ctx: Context, rule: Rule, key: str, group: list[Form]) -> Candidate:
    spans: dict[str, list[Span]] = defaultdict(list)
    first: dict[str, Span] = {}
    shown: dict[tuple[str, str], int] = defaultdict(int)
    for f in group:
        span = ctx.span(f.article_id, f.start, f.end)
        first.setdefault(f.shape, span)
        if shown[(f.article_id, f.shape)] < MAX_SPANS and span not in spans[f.article_id]:
            shown[(f.article_id, f.shape)] += 1
            spans[f.article_id].append(span)
    shapes = sorted(first)
    quoted = " and ".join(f'"{first[s].text}" ({s})' for s in shapes)
    label = " vs ".join(f'"{first[s].text}"' for s in shapes)
    if rule.kind is Kind.NAME_VARIANT:
        explanation = f"{quoted} {rule.thing} two ways, which does not change who is meant."
    else:
        explanation = (
            f"{quoted} {rule.thing} in two house styles, each outlet keeping to its own: "
            "a style choice, not a change of meaning."
        )
    if any(len({f.shape for f in group if f.article_id == aid}) > 1 for aid in spans):
        explanation += " One article uses both."
    return Candidate(
        kind=rule.kind,
        severity=Severity.LOW,
        passage_id=None,
        key=f"form:{rule.name}:" + ("|".join(shapes) if rule.by_shape else key),
        spans={aid: tuple(sorted(ss, key=lambda s: s.start)) for aid, ss in spans.items()},
        explanation=explanation,
        label=label,
        weight=0.1,
    )
