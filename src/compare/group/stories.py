"""Group articles into stories and flag articles about a related but different event.

Grouping: articles are TF-IDF vectors of their content-word stems.  Candidate
neighbours come from a sparse product of *pruned* vectors (each article's
most distinctive terms, terms common to a large share of a big archive
dropped), so the cost grows with the number of articles that share rare
terms, not with all pairs; exact cosines are then computed for candidates
only.  Two articles are linked when their cosine reaches
``options.outlier_similarity``, each is among the other's nearest
``NEIGHBOURS`` and their dates (when both are known) are at most
``STORY_WINDOW_DAYS_FACTOR * options.outlier_days`` apart; stories are the
connected components.  The window is deliberately wider than the outlier
window so that an earlier event in the same conflict lands in the story and
is *shown* as an outlier with its evidence, instead of silently vanishing.

Near-copies of one wire story (``near_duplicates``: MinHash buckets checked
by exact cosine) are always one story, whatever their number, and count as
one article when deciding which words are too common to find candidates.
In a small input (``SMALL_INPUT``: a few files a user names) a lone article
also joins its closest article on a lower tier: a lower cosine, or a lower
one still with shared names and figures (``group.vectors.anchors``).

Outliers (``group.outliers``) are judged on passages, not whole-article
similarity: outlets reusing the same wire copy share most sentences, while
an article about an earlier event shares only background paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from compare.align.segment import sentence_text
from compare.group.outliers import find_outliers, parse_date, separate_events
from compare.group.vectors import ArticleCounts, anchors, tfidf
from compare.model import Article, Outlier, Story
from compare.util.collector import relaxed_collector
from compare.util.options import Options

LINK_SIMILARITY = 0.5  # versions of one report; weaker links only attach lone articles
NEIGHBOURS = 20  # links kept per article: bounds chaining through a big archive
TOP_TERMS = 40  # an article's most distinctive terms, used to find candidates
# Terms in more articles than max(COMMON_TERM_MIN, min(2 * sqrt(n), COMMON_TERM_MAX))
# are too common to find a story's articles, and would cost a pair per two articles;
# the fixed cap keeps the number of candidate pairs linear in a big archive.
COMMON_TERM_MIN = 50
COMMON_TERM_MAX = 200
MIN_SHARED_TERMS = 2  # candidates share at least this many distinctive terms
STORY_WINDOW_DAYS_FACTOR = 3
# Near-copies of one wire story (light edits: a changed word per sentence, a
# sentence cut) keep a cosine well above this; independently written reports
# of one event, even sharing quotes, stay below it (BASIL 2010-2015: at most 0.6).
DUPLICATE_SIMILARITY = 0.8
SIGNATURE_BANDS = 8
SIGNATURE_ROWS = 4
SIGNATURE_SEED = 15
# A small input (at most SMALL_INPUT articles: files a user names to compare)
# has no archive to tell rare words from common ones, and independently
# written reports of one event share less vocabulary than wire versions.
# There a lone article joins its closest article at SMALL_LINK, or at
# ANCHOR_LINK when they also share ANCHOR_MIN names or figures making at
# least ANCHOR_SHARE of the smaller article's (``group.vectors.anchors``).
# Chosen on BASIL 2010-2015 article pairs (174 same-event, 1,500 of
# different events): 99.4% of same-event pairs pass, 1.8% of the others.
SMALL_INPUT = 12
SMALL_LINK = 0.2
ANCHOR_LINK = 0.15
ANCHOR_MIN = 3
ANCHOR_SHARE = 0.25
_PRIME = 2_147_483_647  # 2**31 - 1: hash values and their products stay in int64
TITLE_WORDS = 12


def _top_entries(vectors: sparse.csr_matrix, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(rows, columns) of each row's ``TOP_TERMS`` heaviest kept terms, by row.

    One stable sort of all non-zeros by (row, weight) instead of a Python loop
    over rows: ties keep column order, as a per-row stable sort would.
    """
    n = vectors.shape[0]
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    rows, cols, weights = rows[keep], vectors.indices[keep], vectors.data[keep]
    order = np.lexsort((-weights, rows))  # by row, heaviest first; stable on ties
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, np.arange(n))  # where each row's run starts
    top = np.arange(len(rows)) - first[rows] < TOP_TERMS
    return rows[top], cols[top]


def near_duplicates(vectors: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) linking versions of one copy: cosine ≥ ``DUPLICATE_SIMILARITY``.

    Why: a wire story carried by hundreds of outlets makes its own words
    common in the archive, and the commonness cut-off (``_pruned``) would
    then drop every word the copies share, leaving each copy a story of
    its own.  Near-copies are found without looking at commonness, by
    MinHash signatures of each article's heaviest terms in
    ``SIGNATURE_BANDS`` bands of ``SIGNATURE_ROWS`` hashes (locality-sensitive
    hashing: two articles whose term sets overlap by 80% fall in one bucket
    of some band with probability ~0.98, by 30% with ~0.06); each bucket's
    members are checked against its first member by exact cosine.  The
    cost is linear in the number of articles.
    """
    rows, cols = _top_entries(vectors, np.ones(vectors.nnz, dtype=bool))
    empty = np.zeros(0, dtype=np.int64)
    if not len(rows):
        return empty, empty, np.zeros(0)
    present = np.unique(rows)
    starts = np.searchsorted(rows, present)
    rng = np.random.default_rng(SIGNATURE_SEED)  # fixed: every run groups alike
    hashes = SIGNATURE_BANDS * SIGNATURE_ROWS
    mult = rng.integers(1, _PRIME, size=hashes)
    add = rng.integers(0, _PRIME, size=hashes)
    keys = np.zeros((len(present), SIGNATURE_BANDS), dtype=np.uint64)
    cols = cols.astype(np.int64)
    for h in range(hashes):
        mins = np.minimum.reduceat((mult[h] * cols + add[h]) % _PRIME, starts)
        band = h // SIGNATURE_ROWS
        keys[:, band] = keys[:, band] * np.uint64(_PRIME) + mins.astype(np.uint64)
    src, dst = [], []
    for band in range(SIGNATURE_BANDS):
        order = np.argsort(keys[:, band], kind="stable")
        ordered = keys[order, band]
        first = np.r_[True, ordered[1:] != ordered[:-1]]
        leader = order[np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))]
        src.append(present[order[~first]])
        dst.append(present[leader[~first]])
    i, j = np.concatenate(src), np.concatenate(dst)
    n = vectors.shape[0]
    pairs = np.unique(np.minimum(i, j).astype(np.int64) * n + np.maximum(i, j))
    i, j = pairs // n, pairs % n
    sims = _cosines(vectors, i, j)
    close = sims >= DUPLICATE_SIMILARITY
    return i[close], j[close], sims[close]


def _cosines(vectors: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    sims = np.zeros(len(i))
    for start in range(0, len(i), 50_000):  # bounded memory for a big archive
        part = slice(start, start + 50_000)
        prod = vectors[i[part]].multiply(vectors[j[part]])
        sims[part] = np.asarray(prod.sum(axis=1)).ravel()
    return sims


def _pruned(vectors: sparse.csr_matrix, copies: np.ndarray | None = None) -> sparse.csr_matrix:
    """Binary matrix of each row's top terms, without terms common in a big archive.

    With ``copies`` (each article's near-copy group, ``near_duplicates``),
    only the first article of each group has terms: a story's own size must
    not make its words look common (eighty outlets carrying one wire story
    are one piece of evidence, not eighty), and the other copies join the
    story through their near-copy links, so candidates are not counted per
    pair of copies.
    """
    n = vectors.shape[0]
    first = np.ones(n, dtype=bool)
    if copies is not None:
        first[:] = False
        first[np.unique(copies, return_index=True)[1]] = True
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    mine = first[rows]
    df = np.bincount(vectors.indices[mine], minlength=vectors.shape[1])
    units = int(first.sum())
    common = df > max(COMMON_TERM_MIN, min(2 * np.sqrt(units), COMMON_TERM_MAX))
    # A term only one article has can link it to no other: it must not take one of the
    # article's TOP_TERMS places (two paragraphs of junk markup filled all forty).
    alone = df < 2
    rows, cols = _top_entries(vectors, mine & ~(common | alone)[vectors.indices])
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, cols)), shape=vectors.shape)


def candidate_pairs(
    vectors: sparse.csr_matrix, copies: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for i < j sharing ``MIN_SHARED_TERMS`` distinctive terms; exact cosines.

    ``copies`` labels near-copy groups (see ``_pruned``).
    """
    pruned = _pruned(vectors, copies)
    shared = (pruned @ pruned.T).tocoo()
    enough = (shared.data >= MIN_SHARED_TERMS) & (shared.row < shared.col)
    i, j = shared.row[enough].astype(np.int64), shared.col[enough].astype(np.int64)
    del shared
    return i, j, _cosines(vectors, i, j)


def _top_k(i: np.ndarray, j: np.ndarray, sims: np.ndarray, k: int) -> np.ndarray:
    """Mask of pairs where j is among i's k best or i among j's k best."""
    keep = np.zeros(len(i), dtype=bool)
    for a, b in ((i, j), (j, i)):
        order = np.lexsort((b, -sims, a))
        first = np.r_[True, a[order][1:] != a[order][:-1]]
        starts = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
        rank = np.arange(len(order)) - starts
        keep[order[rank < k]] = True
    return keep


def _components(n: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    graph = sparse.coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _best_partner(
    alone: np.ndarray, i: np.ndarray, j: np.ndarray, sims: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(article, partner) for each article in ``alone`` and its most similar candidate."""
    src = np.concatenate([i[alone[i]], j[alone[j]]])
    dst = np.concatenate([j[alone[i]], i[alone[j]]])
    sim = np.concatenate([sims[alone[i]], sims[alone[j]]])
    order = np.lexsort((dst, -sim, src))
    first = np.r_[True, src[order][1:] != src[order][:-1]] if len(order) else order.astype(bool)
    return src[order][first], dst[order][first]


def link_groups(
    articles: Sequence[Article], vectors: sparse.csr_matrix, *, options: Options
) -> tuple[list[list[int]], np.ndarray]:
    """Indexes of linked articles, one list per story; and each article's near-copy group.

    Two tiers, so that a big archive does not chain topics together: articles
    whose cosine reaches ``LINK_SIMILARITY`` (versions of one report) form the
    stories as connected components; an article that no such link reaches
    then joins its single most similar candidate above
    ``options.outlier_similarity`` (a heavily rewritten version, or an earlier
    event that the outlier rule will show with its evidence).  One weak link
    per lone article can never join two stories.
    """
    n = len(articles)
    ordinals = np.array(
        [d.toordinal() if (d := parse_date(a.published)) else np.nan for a in articles]
    )
    window = STORY_WINDOW_DAYS_FACTOR * options.outlier_days

    def near_in_time(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        gaps = np.abs(ordinals[i] - ordinals[j])
        return np.isnan(gaps) | (gaps <= window)

    di, dj, _ = near_duplicates(vectors)
    same = near_in_time(di, dj)
    di, dj = di[same], dj[same]
    copies = _components(n, di, dj)
    i, j, sims = candidate_pairs(vectors, copies)
    near = near_in_time(i, j)
    ok = (sims >= max(LINK_SIMILARITY, options.outlier_similarity)) & near
    ok &= _top_k(i, j, np.where(ok, sims, -1.0), NEIGHBOURS)
    # Near-copies are always one story: their links bypass the neighbour cap.
    labels = _components(n, np.r_[i[ok], di], np.r_[j[ok], dj])
    alone = np.bincount(labels, minlength=n)[labels] == 1
    weak = near & (sims >= options.outlier_similarity)
    if n <= SMALL_INPUT:
        weak |= near & _small_input_links(articles, i, j, sims)
    src, dst = _best_partner(alone, i[weak], j[weak], sims[weak])
    labels = _components(n, np.r_[i[ok], di, src], np.r_[j[ok], dj, dst])
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(index)
    return list(groups.values()), copies


def _small_input_links(
    articles: Sequence[Article], i: np.ndarray, j: np.ndarray, sims: np.ndarray
) -> np.ndarray:
    """Mask of candidate pairs close enough in a small input (see ``SMALL_INPUT``)."""
    marks = [anchors(a) for a in articles]
    pairs = list(zip(i.tolist(), j.tolist(), strict=True))
    shared = np.array([len(marks[a] & marks[b]) for a, b in pairs], dtype=np.int64)
    fewer = np.array([max(1, min(len(marks[a]), len(marks[b]))) for a, b in pairs])
    anchored = (shared >= ANCHOR_MIN) & (shared >= ANCHOR_SHARE * fewer)
    return (sims >= SMALL_LINK) | ((sims >= ANCHOR_LINK) & anchored)


def lone_evidence(
    articles: Sequence[Article], article_id: str, *, options: Options | None = None
) -> str | None:
    """Why a small input's article joined no other: the rule its closest article failed.

    The closest article is the one with the most similar vocabulary; the
    reason named is the first link rule that pair fails (``link_groups``):
    too little shared vocabulary, publication dates too far apart, or too
    few of their most distinctive words in common.  None for a big input
    (the reason there is the archive's neighbours).
    """
    if len(articles) > SMALL_INPUT or len(articles) < 2:
        return None
    ordered = sorted(articles, key=lambda a: a.id)
    k = next((n for n, a in enumerate(ordered) if a.id == article_id), None)
    if k is None:
        return None
    vectors = tfidf(ArticleCounts.of(ordered).documents())
    sims = np.asarray((vectors @ vectors[k].T).todense()).ravel()
    sims[k] = -1.0
    best = int(np.argmax(sims))
    other = ordered[best]
    shared = len(anchors(ordered[k]) & anchors(other))
    similar = f"{round(100 * max(0.0, sims[best]))}%"
    pair = np.array([min(k, best)]), np.array([max(k, best)])
    if not _small_input_links(ordered, *pair, sims[[best]])[0]:
        return (
            f"its vocabulary is at most {similar} similar to another article's ({other.id},"
            f" sharing {shared} names or figures with it); one story needs"
            f" {round(100 * SMALL_LINK)}%, or {round(100 * ANCHOR_LINK)}% with {ANCHOR_MIN}"
            " shared names or figures"
        )
    window = STORY_WINDOW_DAYS_FACTOR * (options or Options()).outlier_days
    mine, theirs = parse_date(ordered[k].published), parse_date(other.published)
    gap = abs((mine - theirs).days) if mine is not None and theirs is not None else 0
    if mine is not None and theirs is not None and gap > window:
        return (
            f"its closest article ({other.id}, {similar} similar vocabulary) was published"
            f" {gap:,} days apart from it ({mine.isoformat()} and {theirs.isoformat()});"
            f" one story spans at most {window:g} days"
        )
    i, j, _ = candidate_pairs(vectors)
    if not np.any((i == pair[0][0]) & (j == pair[1][0])):
        return (
            f"its closest article ({other.id}, {similar} similar vocabulary) shares fewer than"
            f" {MIN_SHARED_TERMS} of its {TOP_TERMS} most distinctive words with it"
        )
    return f"its closest article ({other.id}, {similar} similar vocabulary) linked elsewhere"


def _distinct(
    group: Sequence[int], articles: Sequence[Article], copies: np.ndarray
) -> tuple[list[int], list[list[int]]]:
    """One member per set of near-copies published on the same day, and whom it stands for.

    The outlier rules judge such a set once (its passages are the same).
    """
    stands: dict[tuple[int, str | None], list[int]] = {}
    for k in group:
        stands.setdefault((int(copies[k]), articles[k].published), []).append(k)
    firsts = [members[0] for members in stands.values()]
    return firsts, list(stands.values())


def slugify(text: str, *, max_length: int = 60) -> str:
    """A file-name-safe id: ASCII, lower case, words joined by hyphens.

    >>> slugify("Rain shuts roads in São Paulo — again!")
    'rain-shuts-roads-in-sao-paulo-again'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}" if slug else word[:max_length]
    return slug or "story"


def _title(article: Article) -> str:
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    first = sentence_text(article, article.sentences[0]) if article.sentences else article.text
    words = first.split()
    text = " ".join(words[:TITLE_WORDS])
    return text + ("…" if len(words) > TITLE_WORDS else "") if text else "Untitled story"


def centrality(vectors: sparse.csr_matrix, stories: Sequence[Sequence[int]]) -> list[np.ndarray]:
    """Per story, each member's summed cosine with the story's members (itself counted as 1).

    All stories in one pass of sparse sums, in float64: each row times its
    story's sum of rows, minus its own square, so there is no all-pairs product
    and no per-story call whose cost is the archive's vocabulary.  The self
    term is exactly 1 (0 for an empty vector), not a float32 norm near 1, so
    two versions of one story score alike to ~1e-15, far inside the 9 places
    ``story_title`` rounds to, and the tie falls to the id, not to noise.

    >>> v = sparse.csr_matrix(np.array([[1.0, 0.0], [0.6, 0.8], [0.0, 1.0]]))
    >>> [[round(float(x), 3) for x in c] for c in centrality(v, [[0, 1, 2], [2]])]
    [[1.6, 2.4, 1.8], [1.0]]
    """
    sizes = np.array([len(s) for s in stories], dtype=np.int64)
    empty: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    members = np.concatenate([np.asarray(s, dtype=np.int64) for s in stories] or empty).astype(
        np.int64
    )
    rows = sparse.csr_matrix(vectors[members], dtype=np.float64)
    owner = np.repeat(np.arange(len(stories)), sizes)
    sums = sparse.csr_matrix(
        (np.ones(len(members)), (owner, np.arange(len(members)))),
        shape=(len(stories), len(members)),
    )
    sums = sparse.csr_matrix(sums @ rows)
    dots = np.asarray(rows.multiply(sums[owner]).sum(axis=1)).ravel()
    own = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    scores = dots - own + (own > 0)
    return np.split(scores, np.cumsum(sizes)[:-1])


def story_title(articles: Sequence[Article], scores: Sequence[float] | np.ndarray) -> str:
    """Title of the most central article (``centrality``) that has one; ties go to the id."""
    ranked = sorted(
        range(len(articles)), key=lambda k: (-round(float(scores[k]), 9), articles[k].id)
    )
    titled = [k for k in ranked if (articles[k].title or "").strip()]
    return _title(articles[(titled or ranked)[0]])


def _stories(
    ordered: Sequence[Article], counts: ArticleCounts, vectors: sparse.csr_matrix, options: Options
) -> list[Story]:
    """Linked groups split into events, outliers flagged, then titled all at once.

    Titles come last so that the centrality of every story's compared
    articles (outliers left out) is one batch of sparse sums (``centrality``).
    """
    parts: list[list[int]] = []
    flagged: list[tuple[Outlier, ...]] = []
    groups, copies = link_groups(ordered, vectors, options=options)
    for group in groups:
        firsts, stands = _distinct(group, ordered, copies)
        weights = [len(members) for members in stands]
        for event in separate_events(
            [ordered[k] for k in firsts],
            options=options,
            counts=counts,
            indexes=firsts,
            weights=weights,
        ):
            part = sorted(k for e in event for k in stands[e])
            parts.append(part)
            found = find_outliers(
                [ordered[firsts[e]] for e in event],
                options=options,
                counts=counts,
                indexes=[firsts[e] for e in event],
                weights=[weights[e] for e in event],
                content_alone=len(ordered) > SMALL_INPUT,
            )
            by_id = {ordered[firsts[e]].id: stands[e] for e in event}
            flagged.append(
                tuple(
                    sorted(
                        (
                            Outlier(ordered[k].id, o.reason)
                            for o in found
                            for k in by_id[o.article_id]
                        ),
                        key=lambda o: o.article_id,
                    )
                )
            )
    cores = []
    for part, outliers in zip(parts, flagged, strict=True):
        skip = {o.article_id for o in outliers}
        cores.append([k for k in part if ordered[k].id not in skip])
    stories = []
    for part, outliers, core, scores in zip(
        parts, flagged, cores, centrality(vectors, cores), strict=True
    ):
        title = story_title([ordered[k] for k in core], scores)
        story_articles = tuple(ordered[k] for k in part)
        stories.append(
            Story(id=slugify(title), title=title, articles=story_articles, outliers=outliers)
        )
    return stories


def cluster(articles: Sequence[Article], *, options: Options) -> tuple[Story, ...]:
    """Group articles into stories (same event), outliers flagged with reasons.

    The result does not depend on the input order: articles are sorted by id
    first, stories by earliest date, then id.  Story ids are unique.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from builders import article_from_text
    >>> a = article_from_text("a", "Floods shut the bridge at Brampton on Monday.")
    >>> b = article_from_text("b", "Floods shut the Brampton bridge on Monday.")
    >>> c = article_from_text("c", "The chess final ended in a draw.")
    >>> [[x.id for x in s.articles] for s in cluster([c, b, a], options=Options())]
    [['a', 'b'], ['c']]
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return ()
    # The segmented archive is millions of live objects: a full collection
    # walking them all, again and again, grows faster than the archive.
    with relaxed_collector():
        counts = ArticleCounts.of(ordered)
        vectors = tfidf(counts.documents())
        stories = _stories(ordered, counts, vectors, options)
    stories.sort(
        key=lambda s: (min(a.published or "9999" for a in s.articles), s.id, s.articles[0].id)
    )
    used: set[str] = set()
    unique = []
    for story in stories:
        slug, n = story.id, 1
        while slug in used:
            n += 1
            slug = f"{story.id}-{n}"
        used.add(slug)
        unique.append(Story(slug, story.title, story.articles, story.outliers))
    return tuple(unique)
