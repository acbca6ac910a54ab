"""Attribution across passages: one claim credited in one outlet, narrated in another.

Why apart from the passage rules: outlets restructure stories, so the same
claim often sits in sentences the aligner cannot pair ("Kestria has
insisted it will close the mountain pass to traders" / "... as Kestria
moved to close the mountain pass to traders").  Word-level
comparison inside passages never sees those two side by side.

How the claim is recognised, without any knowledge of the story: the two
clauses share a *rare phrase* (two to four consecutive words, at least one a
content word and none a name, found in no more sentences of the story than
there are outlets) and the *same named actor* (a word the story writes
capitalised mid-sentence and never in lower case) within a few words before
the phrase.  One clause is governed by a reporting verb with a named source
before the phrase; the other sentence carries no reporting verb at all.
Pairs the aligner already put in one passage are left to the passage rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from compare.claims.sources import markers, source_range
from compare.claims.words import content_words, is_word
from compare.classify.base import Candidate, Context
from compare.classify.cells import clause_around
from compare.model import Kind, Severity, Token

MIN_GRAM, MAX_GRAM = 2, 4
ACTOR_WINDOW = 12  # tokens before the phrase where the shared actor must stand

Site = tuple[str, int]  # (article id, sentence index)


def _grams(tokens: Sequence[Token]) -> Iterator[tuple[int, tuple[str, ...]]]:
    """``(start, norms)`` of every run of 2 to 4 words with a content word in it."""
    norms = [t.norm for t in tokens]
    word = [is_word(t) for t in tokens]
    content = {id(t) for t in content_words(tokens)}
    meaning = [id(t) in content for t in tokens]
    for k in range(len(tokens)):
        for n in range(MIN_GRAM, MAX_GRAM + 1):
            end = k + n
            if end > len(tokens) or not word[end - 1]:
                break  # a run stops at the first non-word
            if word[k] and any(meaning[k:end]):
                yield k, tuple(norms[k:end])


def story_names(ctx: Context, ids: Sequence[str]) -> frozenset[str]:
    """Words the story writes capitalised mid-sentence and never in lower case: names."""
    upper: set[str] = set()
    lower: set[str] = set()
    for aid in ids:
        for sentence in ctx.articles[aid].sentences:
            for k, t in enumerate(sentence.tokens):
                if not is_word(t) or not content_words([t]):
                    continue
                if t.text[:1].islower():
                    lower.add(t.norm)
                elif k > 0:
                    upper.add(t.norm)
    return frozenset(upper - lower)


def _aligned(ctx: Context) -> set[frozenset[Site]]:
    """Pairs of sentences the aligner put in one passage."""
    out: set[frozenset[Site]] = set()
    for passage in ctx.alignment.passages:
        sites = [(aid, i) for aid, idx in passage.cells.items() for i in idx]
        out.update(frozenset((x, y)) for x in sites for y in sites if x != y)
    return out


def aligned_pairs(ctx: Context) -> set[frozenset[Site]]:
    """Pairs of sentences the aligner put in one passage (for the claim layer too)."""
    return _aligned(ctx)


def find(ctx: Context) -> list[Candidate]:
    """Claims credited to a source in one outlet and stated as fact in another."""
    ids = [aid for aid in ctx.alignment.article_ids if aid in ctx.articles]
    if len(ids) < 2:
        return []
    where: dict[tuple[str, ...], dict[Site, int]] = defaultdict(dict)
    for aid in ids:
        for i, sentence in enumerate(ctx.articles[aid].sentences):
            for k, gram in _grams(sentence.tokens):
                where[gram].setdefault((aid, i), k)
    aligned = _aligned(ctx)
    names = story_names(ctx, ids)
    # Phrases in two outlets or more, in no more sentences than there are
    # outlets, naming no actor (actors recur in every sentence about them).
    shared = [
        (gram, sites)
        for gram, sites in where.items()
        if len(sites) <= len(ids)
        and len({aid for aid, _i in sites}) >= 2
        and not names.intersection(gram)
    ]
    cache: dict[Site, list] = {}

    def found_at(site: Site) -> list:
        """The reporting verbs of one sentence, read once."""
        if site not in cache:
            cache[site] = markers(ctx.articles[site[0]].sentences[site[1]].tokens)
        return cache[site]

    out: list[Candidate] = []
    seen: set[frozenset[Site]] = set()
    # Longest phrases first, so a pair is reported under its most specific phrase.
    for gram, sites in sorted(shared, key=lambda kv: (-len(kv[0]), kv[0])):
        for x, kx in sites.items():
            for y, ky in sites.items():
                pair = frozenset((x, y))
                if x[0] >= y[0] or pair in aligned or pair in seen:
                    continue
                found = _claim(ctx, gram, names, found_at, (x, kx), (y, ky)) or _claim(
                    ctx, gram, names, found_at, (y, ky), (x, kx)
                )
                if found is not None:
                    seen.add(pair)
                    out.append(found)
    return out


def _claim(
    ctx: Context,
    gram: tuple[str, ...],
    names: frozenset[str],
    found_at: Callable[[Site], list],
    credited: tuple[Site, int],
    narrated: tuple[Site, int],
) -> Candidate | None:
    """The candidate when ``credited`` attributes the phrase and ``narrated`` states it."""
    (ca, ci), ck = credited
    (na, ni), nk = narrated
    ct = ctx.articles[ca].sentences[ci].tokens
    nt = ctx.articles[na].sentences[ni].tokens
    if found_at((na, ni)):
        return None  # the other sentence attributes something too
    verbs = [m for m in found_at((ca, ci)) if m[1] <= ck and ck - m[1] <= ACTOR_WINDOW]
    if not verbs:
        return None
    verb = verbs[-1]
    lo, hi = source_range(ct, verb[0], verb[1])
    source = [t for t in ct[lo:hi] if content_words([t])]
    window = range(max(nk - ACTOR_WINDOW, 0), nk)
    actors = {t.norm for t in ct[lo:ck] if t.norm in names}
    at = [k for k in window if nt[k].norm in actors]
    if not source or not at:
        return None
    size = len(gram)  # widen to the whole stretch the two sentences share
    while (
        ck + size < len(ct)
        and nk + size < len(nt)
        and is_word(ct[ck + size])
        and ct[ck + size].norm == nt[nk + size].norm
    ):
        size += 1
    c_lo = min(lo, verb[0])
    claim_lo, claim_hi = clause_around(nt, nk)
    claim_lo = min(claim_lo, at[0])  # from the actor on: who is said to do what
    c_span = ctx.tokens_span(ca, tuple(ct[c_lo : ck + size]))
    n_span = ctx.tokens_span(na, tuple(nt[claim_lo : max(claim_hi, nk + size)]))
    attribution = ctx.tokens_span(ca, tuple(ct[c_lo : verb[1]]))
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=None,
        key=f"claim:{' '.join(gram)}",
        spans={ca: (c_span,), na: (n_span,)},
        explanation=f'One version credits this claim to a source ("{attribution.text}"); another '
        "states it in its own voice, in another sentence, so its reader cannot tell who "
        "vouches for it.",
        label=f'"{attribution.text}" vs stated as fact elsewhere',
        weight=1.0,
    )
