"""Name variants: one person or place spelt two ways ("Gaddafi" / "Qadhafi", "J." / "John").

Why across the whole story, not per passage: outlets transliterate a name
once and keep their spelling, so the variant shows wherever the name does,
aligned or not.  Evidence decides: a name pair in the same slot of aligned
sentences, or after the same first name, may be merely similar; without
evidence only a known transliteration pattern counts.  Different first names
("John Smith" / "Jane Smyth") rule a pair out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from compare.classify.base import Candidate, Context
from compare.classify.variants import forms
from compare.classify.variants.align import pairwise_edits
from compare.classify.variants.name_forms import (
    fold,
    loose_fold,
    name_key,
    not_names,
    similar,
    strip_accents,
    typing_slip,
)
from compare.classify.variants.spelling import us_uk_pair
from compare.model import Kind, Severity, Span, Token

MAX_SPANS = 3  # occurrences shown per spelling per article


@dataclass(frozen=True)
class Mention:
    """One capitalised name token, with the capitalised word before it."""

    article_id: str
    token: Token
    key: str
    before: str | None  # key of a first name, when one precedes
    initial: bool  # sentence-initial: a capital there proves nothing
    first: Token | None = None  # the first-name token itself
    uttered: bool = False  # opens a quoted utterance ("says: 'Momma, ...'"): capital of speech


def is_name_token(text: str) -> bool:
    """A capitalised word that could be a name (not an acronym or a single letter).

    >>> is_name_token("Gaddafi"), is_name_token("NATO"), is_name_token("the")
    (True, False, False)
    """
    return bool(re.fullmatch(r"[^\W\d_][\w'\u2019-]*", text)) and (
        text[0].isupper() and len(text) >= 3 and not text.isupper()
    )


def is_variant(a: str, b: str) -> bool:
    """True when a and b are two spellings of one name, word for word.

    The rewording rule calls this on aligned text, so alignment counts as evidence.

    >>> is_variant("Gaddafi", "Qadhafi"), is_variant("President Zelensky", "President Zelenskyy")
    (True, True)
    >>> is_variant("Kenyan", "Kenya"), is_variant("Putin", "Pompeo")
    (False, False)
    >>> is_variant("J. Smith", "John Smith"), is_variant("AL KHATEM", "AL-KHATIM")
    (True, True)
    """
    if a.isupper() and b.isupper():
        a, b = a.title(), b.title()  # a dateline's place in capitals ("AL KHATEM AIRBASE")
    wa, wb = _article_joined(a).split(), _article_joined(b).split()
    if _initials(wa, wb):
        return True
    if len(wa) != len(wb):
        return False
    pairs = [(x, y) for x, y in zip(wa, wb, strict=True) if name_key(x) != name_key(y)]
    return bool(pairs) and all(
        is_name_token(x) and is_name_token(y) and _pair_ok(name_key(x), name_key(y), aligned=True)
        for x, y in pairs
    )


_ARTICLE_APART = re.compile(r"\b(al|el|ad|an|ar|as|ash|at|az|ul|ud)\s+(?=[A-Z])", re.I)


def _article_joined(text: str) -> str:
    """An Arabic article written apart joined to its name as others hyphen it ("Al Khatem")."""
    return _ARTICLE_APART.sub(lambda m: m[1] + "-", text)


def _initials(wa: list[str], wb: list[str]) -> bool:
    """ "J. Smith" vs "John Smith": an initial against a first name, same surname."""
    return any(
        len(short) == 2
        and len(full) == 2
        and re.fullmatch(r"[A-Z]\.?", short[0]) is not None
        and full[0][:1] == short[0][0]
        and len(full[0]) > 2
        and short[1] == full[1]
        for short, full in ((wa, wb), (wb, wa))
    )


def _pair_ok(a: str, b: str, *, aligned: bool) -> bool:
    if us_uk_pair(a, b) is not None or _hyphen_part(a, b):
        return False
    return similar(a, b, aligned=aligned) or (
        aligned and _particle_dropped(a, b) and similar(_bare(a), _bare(b), aligned=True)
    )


def _bare(key: str) -> str:
    """A name key without the Arabic article hyphened before it ("al-khatim" -> "khatim")."""
    head, _, rest = key.partition("-")
    return rest if rest and head in _NAME_PARTICLES else key


def _particle_dropped(a: str, b: str) -> bool:
    """Does one name carry a hyphened article the other lacks ("Al-Khatim" / "Khatem")?

    Why: "AL KHATEM AIRBASE" against "AL-KHATIM AIRBASE" puts "Khatem"
    (the article a word of its own) in the slot of "Al-Khatim"; read blind,
    the pair was reported as a rewording, not as one place spelt two ways.

    >>> _particle_dropped("al-khatim", "khatem"), _particle_dropped("khatim", "khatem")
    (True, False)
    """
    return (_bare(a) != a) != (_bare(b) != b)


# Particles that open a transliterated Arabic name, hyphened by some outlets and left out
# by others ("al-Rahman" / "Rahman"): one name spelt two ways, not a compound.
_NAME_PARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "ud"})


def _hyphen_part(a: str, b: str) -> bool:
    """Is one word a hyphen-joined part of the other ("Ohio" in "R-Ohio")?

    Why: a word joined to another by a hyphen is a compound, not a spelling
    of it: "R-Ohio" is a party label before a state, "Anglo-French" more
    than French.  The edit (a prefix and a hyphen) looks like a letter or two
    added, which the spelling rules would take for one name spelt two ways.
    An Arabic article before a name ("al-Rahman" / "Rahman") is a spelling.

    >>> _hyphen_part("r-ohio", "ohio"), _hyphen_part("anglo-french", "french")
    (True, True)
    >>> _hyphen_part("al-rahman", "rahman"), _hyphen_part("zelenskyy", "zelensky")
    (False, False)
    """
    for whole, part in ((a, b), (b, a)):
        pieces = whole.split("-")
        if whole != part and part in pieces:
            rest = [p for p in pieces if p != part]
            return not all(p in _NAME_PARTICLES for p in rest)
    return False


# Marks after which a capital starts a quoted utterance, not a name: "says: 'Momma, look'"
# (a right single mark before a capital opens a quote too: apostrophes precede "'90s").
_UTTERANCE_OPENERS = frozenset({"\u201c", "\u2018", "\u2019", '"', "'", ":"})


def _mentions(ctx: Context) -> list[Mention]:
    """Every capitalised word of the story; ``initial`` when it opens a sentence or a quote.

    Why a quote's first word is initial: "‘Momma, look, you won’" capitalises
    a common noun because the quoted utterance starts there; read blind,
    "Momma" / "Mama" inside two outlets' quotations was reported as a name
    variant and judged wrong.
    """
    out = []
    for aid, article in ctx.articles.items():
        for sentence in article.sentences:
            opened = {
                id(t)
                for k, t in enumerate(sentence.tokens)
                if k and sentence.tokens[k - 1].text in _UTTERANCE_OPENERS
            }
            words = [t for t in sentence.tokens if any(c.isalnum() for c in t.text)]
            for k, tok in enumerate(words):
                if not is_name_token(tok.text):
                    continue
                prev = words[k - 1] if k else None
                if prev is not None and (
                    not is_name_token(prev.text) or name_key(prev.text) in not_names()
                ):
                    prev = None
                before = name_key(prev.text) if prev is not None else None
                uttered = id(tok) in opened
                out.append(
                    Mention(aid, tok, name_key(tok.text), before, k == 0 or uttered, prev, uttered)
                )
    return out


def _aligned_pairs(ctx: Context) -> dict[tuple[str, str], str]:
    """Name-key pairs found in the same slot of aligned sentences -> first passage id."""
    out: dict[tuple[str, str], str] = {}
    for edit in pairwise_edits(ctx):
        if edit.op != "replace":
            continue
        xs = [t for t in edit.a_tokens if is_name_token(t.text)]
        ys = [t for t in edit.b_tokens if is_name_token(t.text)]
        pairs = zip(xs, ys, strict=True) if len(xs) == len(ys) else [(x, y) for x in xs for y in ys]
        for x, y in pairs:
            a, b = sorted((name_key(x.text), name_key(y.text)))
            out.setdefault((a, b), edit.passage_id)
    return out


def _lower_case_words(ctx: Context) -> set[str]:
    """Name keys of the words some article writes in lower case."""
    return {
        name_key(t.text)
        for article in ctx.articles.values()
        for sentence in article.sentences
        for t in sentence.tokens
        if t.text.islower()
    }


def _same_first(firsts_a: set[str], firsts_b: set[str]) -> bool:
    """First names before two surnames that are one name spelt two ways ("Yordan" /
    "Iordan"), which tells as much as one first name does (sixteenth round)."""
    return any(
        x != y and (fold(x) == fold(y) or similar(x, y, aligned=True))
        for x in firsts_a
        for y in firsts_b
    )


def _conflict(firsts_a: set[str], firsts_b: set[str]) -> bool:
    """Different first names before the two spellings: probably two people.

    First names that are themselves one name spelt two ways ("Ramashish" /
    "Ramasish", ``similar`` as in one slot) are no conflict: read blind (fifteenth round),
    "Ramashish Choudhary" / "Ramasish Chaudhary" gave only the first name's
    variant.

    >>> _conflict({"john"}, {"jane"}), _conflict({"ramashish"}, {"ramasish"})
    (True, False)
    """
    if not firsts_a or not firsts_b or firsts_a & firsts_b:
        return False
    return not any(
        fold(x) == fold(y) or similar(x, y, aligned=True) for x in firsts_a for y in firsts_b
    )


def _groups(ctx: Context, mentions: list[Mention]) -> list[tuple[list[str], str | None]]:
    """Groups of name keys that spell one name, each with a passage id if aligned.

    Two keys that several articles use, every one of them both, are two names
    ("Majority" and "Minority" in "Senate Majority Leader" and "Senate
    Minority Leader"): an outlet keeps one spelling of a name, so a variant
    shows as one spelling in one article and the other elsewhere, or as one
    article's inconsistency.
    """
    # A capital mid-sentence shows a word is a name; a sentence-initial one does
    # not, so a pair needs one such name or an aligned slot.  Nor does a capital
    # on a word the story also writes in lower case in running text ("Emails" in a
    # title-case headline, "E-mails" after a dateline, "emails" in the body).
    common = _lower_case_words(ctx)
    proper = {m.key for m in mentions if not m.initial and m.key not in common}
    keys = sorted({m.key for m in mentions} - not_names())
    firsts: dict[str, set[str]] = defaultdict(set)
    # The surname after a first name is evidence for the first name, as the
    # first name is for the surname ("Aleksandr Petrenko" / "Oleksandr Petrenko").
    surnames: dict[str, set[str]] = defaultdict(set)
    users: dict[str, set[str]] = defaultdict(set)  # the articles that write each key
    for m in mentions:
        users[m.key].add(m.article_id)
        if m.before:
            firsts[m.key].add(m.before)
            surnames[m.before].add(m.key)
    aligned = _aligned_pairs(ctx)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    # Keys only ever seen opening a quoted utterance: a capital of speech, never a name's.
    spoken = {m.key for m in mentions if m.uttered} - {m.key for m in mentions if not m.uttered}
    passage: dict[tuple[str, str], str] = {}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a not in proper and b not in proper and (a, b) not in aligned:
                continue
            if a in spoken and b in spoken:
                continue  # "'Momma, look'" / "'Mama, look'": a word capitalised by the quote
            evidence = (
                (a, b) in aligned
                or bool(firsts[a] & firsts[b])
                or bool(surnames[a] & surnames[b])
                or _same_first(firsts[a], firsts[b])  # "Yordan Tsvetkov" / "Iordan Tzvetkov"
            )
            if users[a] == users[b] and len(users[a]) > 1:
                continue  # every article writes both: two words, not one name spelt two ways
            if _conflict(firsts[a], firsts[b]) or not _pair_ok(a, b, aligned=evidence):
                continue
            parent[root(b)] = root(a)
            if (a, b) in aligned:
                passage[(a, b)] = aligned[(a, b)]
    grouped: dict[str, list[str]] = defaultdict(list)
    for k in keys:
        grouped[root(k)].append(k)
    out = []
    for members in grouped.values():
        if len(members) > 1:
            pid = next((p for pair, p in sorted(passage.items()) if pair[0] in members), None)
            out.append((members, pid))
    return out


def find(ctx: Context) -> list[Candidate]:
    """One candidate per group of spellings of one name, with spans in every article."""
    mentions = _mentions(ctx)
    out = []
    for members, pid in _groups(ctx, mentions):
        sites = [m for m in mentions if m.key in members]
        counts = Counter(m.key for m in sites)
        members = sorted(members, key=lambda k: (-counts[k], k))  # most used spelling first
        out.append(_candidate(ctx, members, sites, pid))
    out.extend(_initial_candidates(ctx, mentions))
    out.extend(_bare_candidates(ctx, mentions))
    out.extend(forms.find(ctx, Kind.NAME_VARIANT))
    return out


def _candidate(
    ctx: Context, members: list[str], sites: list[Mention], pid: str | None
) -> Candidate:
    shown = Counter(m.token.text for m in sites if not m.initial)
    shown.update(m.token.text for m in sites)  # sentence-initial forms only as a fallback
    forms = []  # the most common surface form of each spelling
    for key in members:
        texts = [t for t, _ in shown.most_common() if name_key(t) == key]
        forms.append(texts[0] if texts else key)
    spans: dict[str, list[Span]] = defaultdict(list)
    per: Counter[tuple[str, str]] = Counter()
    for m in sites:
        if per[(m.article_id, m.key)] < MAX_SPANS:
            per[(m.article_id, m.key)] += 1
            spans[m.article_id].append(ctx.tokens_span(m.article_id, (m.token,)))
    inside = any(len({m.key for m in sites if m.article_id == aid}) > 1 for aid in spans)
    close = len({loose_fold(k) for k in members}) == 1  # a romanisation, not a new spelling
    quoted = " and ".join(f'"{f}"' for f in forms)
    accents = len({strip_accents(f).casefold() for f in forms}) == 1
    slip = not accents and len(members) == 2 and typing_slip(*members)
    if accents:
        explanation = (
            f"{quoted} are the same name written with and without accents or letters English "
            "lacks (such as ł or ß): a style choice (some outlets drop them), not a different "
            "person or place."
        )
    elif slip:
        explanation = (
            f"{quoted} differ by one letter: one of them is probably a typing error in the "
            "name. An editor should check which spelling is right."
        )
    else:
        explanation = (
            f"{quoted} are different spellings of the same name: two transliterations, or a "
            "misspelling in one of them. A reader may not realise they mean the same person or "
            "place; an editor should check which spelling is right."
        )
    if inside:
        explanation += " One article uses more than one spelling."
    return Candidate(
        kind=Kind.NAME_VARIANT,
        severity=Severity.LOW if close and not inside and not slip else Severity.MEDIUM,
        passage_id=pid,
        key="name:" + "|".join(sorted(members)),
        spans={aid: tuple(sorted(ss, key=lambda s: s.start)) for aid, ss in spans.items()},
        explanation=explanation,
        label=" vs ".join(f'"{f}"' for f in forms),
        weight=0.3 if inside else 0.2,
    )


def _initial_candidates(ctx: Context, mentions: list[Mention]) -> list[Candidate]:
    """ "J. Smith" / "John Smith": one first name written in full and as an initial."""
    full: dict[str, list[Mention]] = defaultdict(list)  # surname -> mentions after a first name
    short: dict[str, list[tuple[str, Token, Token]]] = defaultdict(list)
    for aid, article in ctx.articles.items():
        for s in article.sentences:
            toks = s.tokens
            for k in range(len(toks) - 2):
                prev = toks[k - 1].text if k else ""
                if (
                    re.fullmatch(r"[A-Z]", toks[k].text)
                    and toks[k + 1].text == "."
                    and is_name_token(toks[k + 2].text)
                    # a middle initial ("William W. Taylor") is not a first name's
                    and not (is_name_token(prev) and name_key(prev) not in not_names())
                ):
                    short[name_key(toks[k + 2].text)].append((aid, toks[k], toks[k + 2]))
    for m in mentions:
        if m.before:
            full[m.key].append(m)
    out = []
    for surname, uses in sorted(short.items()):
        letters = {t.text for _, t, _ in uses}
        firsts = {
            m.before for m in full.get(surname, []) if m.before and m.before[:1].upper() in letters
        }
        if len(letters) != 1 or len(firsts) != 1:
            continue  # no full form, or two people with the same initial: leave it
        spans: dict[str, list[Span]] = defaultdict(list)
        for aid, first, last in uses[:MAX_SPANS]:
            spans[aid].append(ctx.span(aid, first.start, last.end))
        for m in [m for m in full[surname] if m.before in firsts][:MAX_SPANS]:
            assert m.first is not None
            spans[m.article_id].append(ctx.span(m.article_id, m.first.start, m.token.end))
        a = spans[uses[0][0]][0].text
        b = spans[m.article_id][-1].text
        out.append(
            Candidate(
                kind=Kind.NAME_VARIANT,
                severity=Severity.LOW,
                passage_id=None,
                key="initial:" + surname,
                spans={aid: tuple(sorted(ss, key=lambda s: s.start)) for aid, ss in spans.items()},
                explanation=(
                    f'"{a}" and "{b}" name the same person, once with an initial and once with '
                    "the first name in full."
                ),
                label=f'"{a}" vs "{b}"',
                weight=0.1,
            )
        )
    return out


def _initialled(ctx: Context) -> dict[str, dict[str, tuple[Token, Token]]]:
    """Name key -> article -> first ``(initial, name)`` where a name follows a lone initial.

    "R. Velamma" and "R Velamma" count, after a title too ("Chief R. Velamma");
    a middle initial ("John F. Kerr") does not, nor an initial before a
    longer name ("A. Barry Rand": "Barry" is not the name to compare), nor
    "A" or "I" without a full stop (English words).
    """
    out: dict[str, dict[str, tuple[Token, Token]]] = defaultdict(dict)
    for aid, article in ctx.articles.items():
        for s in article.sentences:
            toks = s.tokens
            for k, tok in enumerate(toks):
                if not re.fullmatch(r"[A-Z]", tok.text):
                    continue
                stop = k + 1 < len(toks) and toks[k + 1].text == "."
                nxt = k + 2 if stop else k + 1
                if nxt >= len(toks) or not is_name_token(toks[nxt].text):
                    continue
                if nxt + 1 < len(toks) and is_name_token(toks[nxt + 1].text):
                    continue  # "A. Barry Rand": the initial goes with a longer name
                prev = toks[k - 1].text if k else ""
                middle = is_name_token(prev) and name_key(prev) not in not_names()
                if (not stop and tok.text in "AI") or middle:
                    continue
                out[name_key(toks[nxt].text)].setdefault(aid, (tok, toks[nxt]))
    return out


def _bare_candidates(ctx: Context, mentions: list[Mention]) -> list[Candidate]:
    """ "R. Velamma" / "Velamma": one outlet gives an initial, another only the bare name.

    The other outlet must never name the person with a first name or an
    initial, or it is the usual full-name-then-surname pattern.
    """
    initialled = _initialled(ctx)
    out = []
    for key, by_article in sorted(initialled.items()):
        if key in not_names() or len(key) < 4:
            continue
        bare: dict[str, list[Mention]] = defaultdict(list)
        named = set(by_article)
        for m in mentions:
            if m.key == key and m.article_id not in by_article:
                bare[m.article_id].append(m)
                if m.before is not None:
                    named.add(m.article_id)
        sides = {aid: ms for aid, ms in bare.items() if aid not in named}
        if not sides or not any(not m.initial for ms in sides.values() for m in ms):
            continue
        spans: dict[str, tuple[Span, ...]] = {}
        for aid, (first, last) in by_article.items():
            spans[aid] = (ctx.span(aid, first.start, last.end),)
        for aid, ms in sides.items():
            spans[aid] = tuple(ctx.tokens_span(aid, (m.token,)) for m in ms[:MAX_SPANS])
        a = next(iter(spans[aid][0].text for aid in by_article))
        b = next(iter(sides.values()))[0].token.text
        out.append(
            Candidate(
                kind=Kind.NAME_VARIANT,
                severity=Severity.LOW,
                passage_id=None,
                key="bare:" + key,
                spans=spans,
                explanation=(
                    f'"{a}" and "{b}" name the same person: one outlet gives an initial, '
                    "another only the name."
                ),
                label=f'"{a}" vs "{b}"',
                weight=0.1,
            )
        )
    return out
