"""Rule families: omitted_passage and added_passage.

Why weigh by content: a cut casualty figure or a cut quote matters more
than a cut line of background, whatever their lengths.  Why note briefs: an
article much shorter than the others omits most passages by design, so its
omissions rank lower and the explanation says so.
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median

from compare.classify.attribution import markers
from compare.classify.base import Candidate, Context
from compare.classify.cells import cell_pairs, content_words, shorten, stem
from compare.classify.numbers import cell_quantities
from compare.model import Kind, Passage, Severity, Span, Token

BRIEF_RATIO = 0.5  # an article under half the median length of the others is a brief
OWN_MIN_CONTENT = 5  # content words of its own a clause needs to count as added material
OWN_MIN_SHARE = 0.6  # and the share of its content words no other outlet's cell has
OWN_FACING = 3  # what the others have in its place must be under a third of its size
OWN_BRIDGE = 2  # matched tokens inside an own stretch that do not break it ("the", ",")
_QUOTES = ('"', "\u201c", "\u201d")


def _spans(ctx: Context, passage: Passage, article_id: str) -> tuple[Span, ...]:
    """One Span per run of consecutive sentences of a cell."""
    sentences = ctx.cell_sentences(passage.id, article_id)
    runs: list[list] = []
    for s in sentences:
        if runs and runs[-1][-1].index + 1 == s.index:
            runs[-1].append(s)
        else:
            runs.append([s])
    return tuple(ctx.span(article_id, run[0].start, run[-1].end) for run in runs)


def _contents(
    ctx: Context, passage: Passage, article_id: str, tokens: tuple[Token, ...] | None = None
) -> tuple[Severity, float, str]:
    """Severity, weight and a phrase saying what the passage (or ``tokens`` of it) holds."""
    found = cell_quantities(ctx, passage.id, article_id)
    if tokens is not None:
        inside = {id(t) for t in tokens}
        found = [q for q in found if any(id(t) in inside for t in q.full)]
    else:
        tokens = ctx.cell_tokens(passage.id, article_id)
    if any(q.q.event in ("death", "injury") for q in found):
        return Severity.HIGH, 1.0, "It reports casualty figures."
    if found:
        return Severity.MEDIUM, 0.9, "It contains figures."
    if any(t.text in _QUOTES for t in tokens):
        return Severity.MEDIUM, 0.8, "It contains a quotation."
    if markers(tokens):
        return Severity.LOW, 0.7, "It reports what a source said."
    return Severity.LOW, 0.5, "It gives background or detail."


def _briefs(ctx: Context) -> dict[str, str]:
    """Article id -> note for articles much shorter than the median of the others."""
    words = {
        aid: ctx.articles[aid].words or sum(len(s.tokens) for s in ctx.articles[aid].sentences)
        for aid in ctx.alignment.article_ids
        if aid in ctx.articles
    }
    out = {}
    for aid, n in words.items():
        others = [w for other, w in words.items() if other != aid]
        if others and n < BRIEF_RATIO * median(others):
            out[aid] = (
                f" This article is much shorter than the others ({n} words against a median of "
                f"{median(others):.0f}), so many omissions are expected."
            )
    return out


def find(ctx: Context) -> list[Candidate]:
    """Omitted passages, runs of outlet-only passages, and outlet-only clauses."""
    ids = [aid for aid in ctx.alignment.article_ids if aid in ctx.articles]
    briefs = _briefs(ctx)
    if ctx.options.reference in ids:
        return _against_reference(ctx, ctx.options.reference, ids, briefs)
    out: list[Candidate] = []
    own: dict[str, list[Passage]] = {}
    for passage in ctx.alignment.passages:
        carriers = [aid for aid in ids if passage.cells.get(aid)]
        if not carriers:
            continue
        if len(carriers) == 1 and len(ids) >= 2:
            own.setdefault(carriers[0], []).append(passage)
            continue
        if len(carriers) < 2 or len(carriers) * 2 <= len(ids):
            out.extend(_rebuttals(ctx, passage, carriers, ids))
            continue  # only what most outlets carry counts as omitted by the rest
        out.extend(_omitted(ctx, passage, carriers, ids, briefs))
    for aid, passages in own.items():
        out.extend(_added(ctx, aid, run) for run in _runs(ctx, aid, passages))
    out.extend(_own_clauses(ctx))
    return out


def _against_reference(
    ctx: Context, reference: str, ids: list[str], briefs: dict[str, str]
) -> list[Candidate]:
    """With ``--reference``: what each outlet cut from, or added to, one original.

    Why a mode of its own: when one article is the wire copy the others were
    edited from, every passage of it that an outlet lacks is a cut, however
    few outlets carry it, and everything else an outlet prints is its own.
    """
    name = ctx.articles[reference].outlet
    out: list[Candidate] = []
    own: dict[str, list[Passage]] = {}
    for passage in ctx.alignment.passages:
        carriers = [aid for aid in ids if passage.cells.get(aid)]
        if reference not in carriers:
            for aid in carriers:
                own.setdefault(aid, []).append(passage)
            continue
        for candidate in _omitted(ctx, passage, carriers, ids, briefs):
            omitter = next(a for a, spans in candidate.spans.items() if not spans)
            out.append(
                replace(
                    candidate,
                    explanation=f"The reference ({name}) carries this passage; "
                    f"{ctx.articles[omitter].outlet} does not. "
                    + candidate.explanation.split("does not. ", 1)[-1],
                )
            )
    for aid, passages in own.items():
        for run in _runs(ctx, aid, passages):
            added = _added(ctx, aid, run)
            lead = f"This is not in the reference ({name})."
            out.append(replace(added, explanation=f"{lead} {added.explanation.split('. ', 1)[-1]}"))
    return out


def _omitted(
    ctx: Context, passage: Passage, carriers: list[str], ids: list[str], briefs: dict[str, str]
) -> list[Candidate]:
    first = carriers[0]
    severity, weight, what = _contents(ctx, passage, first)
    preview = shorten(ctx.cell_sentences(passage.id, first)[0].text, 50)
    out = []
    for aid in ids:
        if aid in carriers:
            continue
        note = briefs.get(aid, "")
        sev = Severity(min(severity + 1, Severity.COSMETIC)) if note else severity
        spans = {c: _spans(ctx, passage, c) for c in carriers}
        spans[aid] = ()  # the omitting outlet: present, with nothing to quote
        out.append(
            Candidate(
                kind=Kind.OMITTED_PASSAGE,
                severity=sev,
                passage_id=passage.id,
                key=f"omitted:{aid}",
                spans=spans,
                explanation=f"{len(carriers)} of {len(ids)} outlets carry this passage; "
                f"{ctx.articles[aid].outlet} does not. {what}{note}",
                label=f"not in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
                weight=weight * (0.5 if note else 1.0) + 0.02 * len(carriers),
            )
        )
    return out


def _runs(ctx: Context, aid: str, passages: list[Passage]) -> list[list[Passage]]:
    """Outlet-only passages grouped into runs of consecutive sentences of the article.

    Why: five sentences in a row that only one outlet has are one piece of its
    own reporting; listing them as five findings would crowd out the rest.
    """
    ordered = sorted(passages, key=lambda p: p.cells[aid][0])
    runs: list[list[Passage]] = []
    for p in ordered:
        if runs and runs[-1][-1].cells[aid][-1] + 1 == p.cells[aid][0]:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _added(ctx: Context, aid: str, run: list[Passage]) -> Candidate:
    graded = sorted((_contents(ctx, p, aid) for p in run), key=lambda g: (g[0], -g[1]))
    severity, weight, what = graded[0]
    preview = shorten(ctx.cell_sentences(run[0].id, aid)[0].text, 50)
    n = sum(len(p.cells[aid]) for p in run)
    spans = tuple(s for p in run for s in _spans(ctx, p, aid))
    merged = [spans[0]]
    for span in spans[1:]:
        if ctx.articles[aid].text[merged[-1].end : span.start].strip() == "":
            merged[-1] = ctx.span(aid, merged[-1].start, span.end)
        else:
            merged.append(span)
    lead = (
        "Only one outlet carries this passage."
        if n == 1
        else (f"Only one outlet carries these {n} sentences.")
    )
    return Candidate(
        kind=Kind.ADDED_PASSAGE,
        severity=Severity(min(severity + 1, Severity.LOW)),
        passage_id=run[0].id,
        key=f"added:{aid}",
        spans={aid: tuple(merged)},
        explanation=f"{lead} {what}",
        label=f"only in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
        weight=weight + 0.05 * min(n - 1, 4),
    )


_OWN_CACHE: dict[int, tuple[Context, list[tuple[str, str, tuple[Token, ...]]]]] = {}


def own_clauses(ctx: Context) -> dict[tuple[str, str], set[int]]:
    """(passage, article) -> cell token indexes of outlet-only clauses (for rewording)."""
    out: dict[tuple[str, str], set[int]] = {}
    for pid, aid, stretch in _own_stretches(ctx):
        cell = ctx.cell_tokens(pid, aid)
        first = cell.index(stretch[0])
        out.setdefault((pid, aid), set()).update(range(first, first + len(stretch)))
    return out


def _own_clauses(ctx: Context) -> list[Candidate]:
    return [
        _own_clause(ctx, ctx.passages[pid], aid, stretch)
        for pid, aid, stretch in _own_stretches(ctx)
    ]


def _own_stretches(ctx: Context) -> list[tuple[str, str, tuple[Token, ...]]]:
    """Clauses one outlet adds inside a passage the others carry too.

    Why: "Roads reopened on Monday, but engineers warned the bridge may need
    rebuilding" aligns with "Roads reopened on Monday"; the warning is that
    outlet's own material and must be reported as such, not as rewording.
    A stretch counts when no other carrier's cell matches its tokens and
    most of its content words appear nowhere in their cells, and what the
    others have in its place is small (else it is a rewording).
    """
    hit = _OWN_CACHE.get(id(ctx))
    if hit is not None and hit[0] is ctx:
        return hit[1]
    matched: dict[tuple[str, str], set[int]] = {}
    opposite: dict[tuple[str, str], dict[int, int]] = {}
    others: dict[tuple[str, str], set[str]] = {}
    stems: dict[tuple[str, str], frozenset[str]] = {}
    for pair in cell_pairs(ctx):
        for side in (pair.a, pair.b):
            key = (pair.passage_id, side)
            if key not in stems:
                tokens = pair.a_tokens if side == pair.a else pair.b_tokens
                stems[key] = frozenset(stem(t.norm) for t in content_words(tokens))
        ma = matched.setdefault((pair.passage_id, pair.a), set())
        mb = matched.setdefault((pair.passage_id, pair.b), set())
        oa = opposite.setdefault((pair.passage_id, pair.a), {})
        ob = opposite.setdefault((pair.passage_id, pair.b), {})
        for op, i1, i2, j1, j2 in pair.opcodes:
            if op == "equal":
                ma.update(range(i1, i2))
                mb.update(range(j1, j2))
                continue
            na = len(content_words(pair.a_tokens[i1:i2]))
            nb = len(content_words(pair.b_tokens[j1:j2]))
            for k in range(i1, i2):
                oa[k] = max(oa.get(k, 0), nb)
            for k in range(j1, j2):
                ob[k] = max(ob.get(k, 0), na)
        others.setdefault((pair.passage_id, pair.a), set()).add(pair.b)
        others.setdefault((pair.passage_id, pair.b), set()).add(pair.a)
    out = []
    for (pid, aid), seen in sorted(matched.items()):
        tokens = ctx.cell_tokens(pid, aid)
        pool = frozenset().union(*(stems[(pid, o)] for o in others[(pid, aid)]))
        for lo, hi in _stretches(len(tokens), seen):
            stretch = tokens[lo:hi]
            words = content_words(stretch)
            new = [t for t in words if stem(t.norm) not in pool]
            if len(new) < OWN_MIN_CONTENT or len(new) < OWN_MIN_SHARE * len(words):
                continue
            facing = max((opposite[(pid, aid)].get(k, 0) for k in range(lo, hi)), default=0)
            if facing * OWN_FACING > len(new):
                continue  # the others say something else here: rewording, not addition
            out.append((pid, aid, stretch))
    _OWN_CACHE.clear()
    _OWN_CACHE[id(ctx)] = (ctx, out)
    return out


def _stretches(n: int, seen: set[int]) -> list[tuple[int, int]]:
    """Runs of unmatched token indexes, bridging up to ``OWN_BRIDGE`` matched ones."""
    runs: list[list[int]] = []
    for k in range(n):
        if k in seen:
            continue
        if runs and k - runs[-1][1] <= OWN_BRIDGE + 1:
            runs[-1][1] = k
        else:
            runs.append([k, k])
    return [(lo, hi + 1) for lo, hi in runs]


def _own_clause(ctx: Context, passage: Passage, aid: str, stretch: tuple[Token, ...]) -> Candidate:
    words = [k for k, t in enumerate(stretch) if any(c.isalnum() for c in t.text)]
    stretch = stretch[words[0] : words[-1] + 1]
    severity, weight, what = _contents(ctx, passage, aid, stretch)
    span = ctx.tokens_span(aid, stretch)
    return Candidate(
        kind=Kind.ADDED_PASSAGE,
        severity=Severity(min(severity + 1, Severity.LOW)),
        passage_id=passage.id,
        key=f"clause:{aid}:{span.start}",
        spans={aid: (span,)},
        explanation="Only one outlet adds this material to a passage the others also carry. "
        + what,
        label=f"only in {ctx.articles[aid].outlet}: \u201c{shorten(span.text, 50)}\u201d",
        weight=weight - 0.05,
    )


def _rebuttals(
    ctx: Context, passage: Passage, carriers: list[str], ids: list[str]
) -> list[Candidate]:
    """A denial that a minority carries, cut by an outlet that reports what was denied.

    Why: "the company denied dumping the waste" right after "regulators accused
    the company of dumping waste" is the other side's answer.  An outlet that reports the
    accusation but not the denial leaves the claim uncontested, however few
    outlets carry the denial.
    """
    if len(carriers) < 2:
        return []
    answered: set[str] = set()  # passages the denial answers (the one just before it)
    for c in carriers:
        first = ctx.cell_sentences(passage.id, c)[0]
        if not any(cls == "denial" for _s, _e, cls in markers(first.tokens)) or first.index == 0:
            continue
        before = first.index - 1
        answered.update(p.id for p in ctx.alignment.passages if before in p.cells.get(c, ()))
    if not answered:
        return []
    severity, weight, _what = _contents(ctx, passage, carriers[0])
    preview = shorten(ctx.cell_sentences(passage.id, carriers[0])[0].text, 50)
    out = []
    for aid in ids:
        if aid in carriers or not any(ctx.passages[p].cells.get(aid) for p in answered):
            continue
        spans = {c: _spans(ctx, passage, c) for c in carriers}
        spans[aid] = ()
        out.append(
            Candidate(
                kind=Kind.OMITTED_PASSAGE,
                severity=Severity(max(severity, Severity.MEDIUM)),
                passage_id=passage.id,
                key=f"omitted:{aid}",
                spans=spans,
                explanation=f"{len(carriers)} of {len(ids)} outlets report this denial; "
                f"{ctx.articles[aid].outlet} reports what was denied but not the denial, so "
                "the claim reads as if nobody disputed it.",
                label=f"denial not in {ctx.articles[aid].outlet}: \u201c{preview}\u201d",
                weight=weight + 0.02 * len(carriers),
            )
        )
    return out
