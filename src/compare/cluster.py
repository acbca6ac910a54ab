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

Outliers (``cluster_outliers``) are judged on passages, not whole-article
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

from compare.cluster_outliers import find_outliers, parse_date, separate_events
from compare.cluster_vectors import ArticleCounts, tfidf
from compare.collector import relaxed_collector
from compare.model import Article, Outlier, Story
from compare.options import Options

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
TITLE_WORDS = 12


def _pruned(vectors: sparse.csr_matrix) -> sparse.csr_matrix:
    """Binary matrix of each row's top terms, without terms common in a big archive.

    One stable sort of all non-zeros by (row, weight) instead of a Python loop
    over rows: ties keep column order, as a per-row stable sort would.
    """
    n = vectors.shape[0]
    df = np.bincount(vectors.indices, minlength=vectors.shape[1])
    common = df > max(COMMON_TERM_MIN, min(2 * np.sqrt(n), COMMON_TERM_MAX))
    rows = np.repeat(np.arange(n), np.diff(vectors.indptr))
    keep = ~common[vectors.indices]
    rows, cols, weights = rows[keep], vectors.indices[keep], vectors.data[keep]
    order = np.lexsort((-weights, rows))  # by row, heaviest first; stable on ties
    rows, cols = rows[order], cols[order]
    first = np.searchsorted(rows, np.arange(n))  # where each row's run starts
    top = np.arange(len(rows)) - first[rows] < TOP_TERMS
    data = np.ones(int(top.sum()))
    return sparse.csr_matrix((data, (rows[top], cols[top])), shape=vectors.shape)


def candidate_pairs(vectors: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, cosine) for i < j sharing ``MIN_SHARED_TERMS`` distinctive terms; exact cosines."""
    pruned = _pruned(vectors)
    shared = (pruned @ pruned.T).tocoo()
    enough = (shared.data >= MIN_SHARED_TERMS) & (shared.row < shared.col)
    i, j = shared.row[enough].astype(np.int64), shared.col[enough].astype(np.int64)
    del shared
    sims = np.zeros(len(i))
    for start in range(0, len(i), 50_000):  # bounded memory for a big archive
        part = slice(start, start + 50_000)
        prod = vectors[i[part]].multiply(vectors[j[part]])
        sims[part] = np.asarray(prod.sum(axis=1)).ravel()
    return i, j, sims


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
) -> list[list[int]]:
    """Indexes of linked articles, one list per story.

    Two tiers, so that a big archive does not chain topics together: articles
    whose cosine reaches ``LINK_SIMILARITY`` (versions of one report) form the
    stories as connected components; an article that no such link reaches
    then joins its single most similar candidate above
    ``options.outlier_similarity`` (a heavily rewritten version, or an earlier
    event that the outlier rule will show with its evidence).  One weak link
    per lone article can never join two stories.
    """
    n = len(articles)
    i, j, sims = candidate_pairs(vectors)
    ordinals = np.array(
        [d.toordinal() if (d := parse_date(a.published)) else np.nan for a in articles]
    )
    gaps = np.abs(ordinals[i] - ordinals[j])
    window = STORY_WINDOW_DAYS_FACTOR * options.outlier_days
    near = np.isnan(gaps) | (gaps <= window)
    ok = (sims >= max(LINK_SIMILARITY, options.outlier_similarity)) & near
    ok &= _top_k(i, j, np.where(ok, sims, -1.0), NEIGHBOURS)
    labels = _components(n, i[ok], j[ok])
    alone = np.bincount(labels, minlength=n)[labels] == 1
    weak = near & (sims >= options.outlier_similarity)
    src, dst = _best_partner(alone, i[weak], j[weak], sims[weak])
    labels = _components(n, np.r_[i[ok], src], np.r_[j[ok], dst])
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(index)
    return list(groups.values())


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
    words = article.sentences[0].text.split() if article.sentences else article.text.split()
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
    for group in link_groups(ordered, vectors, options=options):
        members = [ordered[k] for k in group]
        for event in separate_events(members, options=options, counts=counts, indexes=group):
            part = [group[k] for k in event]
            parts.append(part)
            flagged.append(
                find_outliers(
                    [ordered[k] for k in part], options=options, counts=counts, indexes=part
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
