"""Fast TF-IDF vectors of whole articles and of sentences, for grouping (helper of cluster).

Why not ``similarity.features``: that walks every token object of every
sentence in Python and stems each occurrence, which at 10,000 articles is most
of the grouping time.  Here scikit-learn's ``CountVectorizer`` counts raw
lower-cased words straight from the text (one regex pass, in bulk), and the
stemming, stop-word removal and normalisation are applied once per *distinct*
word: a sparse word→stem matrix folds the word columns into stem columns.  The
features are the same kind as ``similarity``'s (Snowball stems of content
words, numbers kept, hyphens and apostrophes joined: "cease-fire" meets
"ceasefire"), so the thresholds in ``Options`` mean the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from compare.align.segment import sentence_text, tokenize
from compare.align.similarity import stem
from compare.ingest.headlines import has_headline, headline_sentences
from compare.model import Article
from compare.text.normalize import INVISIBLE_CLASS, norm

# Words as segment.tokenize sees them (invisible characters and joiners kept inside a word).
_CHARS = rf"[\w{INVISIBLE_CLASS}]"
TOKEN_PATTERN = rf"(?u){_CHARS}+(?:['\u2019\-\u2010\u2011]{_CHARS}+)*"


def article_document(article: Article) -> str:
    """Title plus body paragraphs (front matter and boilerplate are not in them)."""
    body = "\n".join(p.text for p in article.paragraphs) if article.paragraphs else article.text
    return f"{article.title or ''}\n{body}"


def _fold(words: Sequence[str]) -> sparse.csr_matrix:
    """Word column -> stem column (0/1); stop words map to no column."""
    stems: dict[str, int] = {}
    rows, cols = [], []
    for k, word in enumerate(words):
        folded = norm(word)
        if folded in ENGLISH_STOP_WORDS:
            continue
        rows.append(k)
        cols.append(stems.setdefault(stem(folded), len(stems)))
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(words), max(len(stems), 1)))


def raw_tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Sublinear tf times smooth idf over the rows given (as ``similarity.vectorize``)."""
    tf = sparse.csr_matrix(counts, dtype=np.float32, copy=True)
    tf.eliminate_zeros()
    tf.data = 1.0 + np.log(tf.data)
    df = np.bincount(tf.indices, minlength=tf.shape[1])
    tf.data *= _smooth_idf(tf.shape[0], df)[tf.indices]
    return tf


def _smooth_idf(rows: int, df: np.ndarray) -> np.ndarray:
    """Smooth idf (as ``similarity.vectorize``) in float32: the same for sparse and dense."""
    return (np.log((1.0 + rows) / (1.0 + df)) + 1.0).astype(np.float32)


def l2_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (zero rows stay zero)."""
    out = sparse.csr_matrix(matrix, dtype=np.float32, copy=True)
    norms = np.sqrt(np.asarray(out.multiply(out).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    out.data /= np.repeat(norms, np.diff(out.indptr)).astype(np.float32)
    return out


def _runs(matrix: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(indptr of the given rows, positions of their non-zeros in ``matrix``)."""
    lo, hi = matrix.indptr[rows], matrix.indptr[rows + 1]
    lengths = (hi - lo).astype(np.int64)
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    # Each row's run lo..hi, concatenated.
    return indptr, np.arange(indptr[-1], dtype=np.int64) + np.repeat(lo - indptr[:-1], lengths)


def gather_rows(matrix: sparse.csr_matrix, rows: np.ndarray | Sequence[int]) -> sparse.csr_matrix:
    """Given rows of a big CSR matrix, columns renumbered to the ones those rows use.

    Why not ``matrix[rows]``: scipy's fancy indexing, and any product with
    the result, walk arrays as long as the archive or its vocabulary, and
    grouping does this once per story, which made it quadratic.  Here the
    cost is the rows' own non-zeros only; column order is kept (renumbered
    increasingly), so sums and products are the same as on the full matrix.

    >>> m = sparse.csr_matrix(np.array([[1.0, 0, 2], [0, 0, 3], [4, 0, 0]]))
    >>> gather_rows(m, [2, 0]).toarray().tolist()
    [[4.0, 0.0], [1.0, 2.0]]
    """
    rows = np.asarray(rows, dtype=np.int64)
    indptr, at = _runs(matrix, rows)
    columns, local = np.unique(matrix.indices[at], return_inverse=True)
    return sparse.csr_matrix(
        (matrix.data[at], local.astype(np.int32), indptr.astype(np.int32)),
        shape=(len(rows), max(len(columns), 1)),
    )


def gather_dense(
    matrix: sparse.csr_matrix, rows: np.ndarray | Sequence[int], max_cells: int
) -> np.ndarray | None:
    """``gather_rows`` as a dense array, or None when it would exceed ``max_cells``.

    A story's sentences make a block of a few dozen rows by a few hundred
    words: numpy on it costs microseconds, where building a scipy matrix
    costs tens (checks, index dtypes) for every story of the archive.

    >>> m = sparse.csr_matrix(np.array([[1.0, 0, 2], [0, 0, 3], [4, 0, 0]]))
    >>> gather_dense(m, [2, 0], 10).tolist(), gather_dense(m, [2, 0], 3)
    ([[4.0, 0.0], [1.0, 2.0]], None)
    """
    rows = np.asarray(rows, dtype=np.int64)
    indptr, at = _runs(matrix, rows)
    columns, local = np.unique(matrix.indices[at], return_inverse=True)
    if len(rows) * max(len(columns), 1) > max_cells:
        return None
    dense = np.zeros((len(rows), max(len(columns), 1)), dtype=matrix.dtype)
    dense[np.repeat(np.arange(len(rows)), np.diff(indptr)), local] = matrix.data[at]
    return dense


def raw_tfidf_dense(counts: np.ndarray) -> np.ndarray:
    """``raw_tfidf`` of a dense block, with the same float32 arithmetic."""
    present = counts > 0
    tf = np.zeros(counts.shape, dtype=np.float32)
    tf[present] = 1.0 + np.log(counts[present].astype(np.float32))
    return tf * _smooth_idf(counts.shape[0], present.sum(axis=0))


def tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """L2-normalised rows of sublinear tf times smooth idf.

    >>> m = tfidf(sparse.csr_matrix(np.array([[2.0, 1.0], [0.0, 3.0]])))
    >>> [round(float(x), 3) for x in m.toarray()[1]]
    [0.0, 1.0]
    """
    return l2_rows(raw_tfidf(counts))


def stem_counts(texts: Sequence[str]) -> sparse.csr_matrix:
    """Counts of content-word stems per text, one row per text."""
    vectorizer = CountVectorizer(token_pattern=TOKEN_PATTERN, dtype=np.float32)
    try:
        words = vectorizer.fit_transform(texts)
    except ValueError:  # no word in any text
        return sparse.csr_matrix((len(texts), 1), dtype=np.float32)
    return sparse.csr_matrix(words @ _fold(vectorizer.get_feature_names_out()))


@dataclass(frozen=True)
class ArticleCounts:
    """Stem counts of every article's title and sentences, tokenised in one pass.

    Row ``starts[k]`` is article k's title, rows ``starts[k] + 1 ..
    starts[k + 1]`` its sentences (its body as one row if it has none), so
    whole-article vectors are block sums and a story's sentence vectors are
    row slices: the text is read once for grouping and for the outlier rule.
    """

    counts: sparse.csr_matrix
    starts: np.ndarray

    @classmethod
    def of(cls, articles: Sequence[Article]) -> ArticleCounts:
        texts: list[str] = []
        starts = [0]
        for a in articles:
            # A headline that leads the body (``headlines``) is counted once, as a sentence.
            texts.append("" if has_headline(a) else (a.title or ""))
            texts.extend([sentence_text(a, s) for s in a.sentences] or [article_document(a)])
            starts.append(len(texts))
        return cls(stem_counts(texts), np.array(starts, dtype=np.int64))

    def documents(self) -> sparse.csr_matrix:
        """Counts per article (title plus body)."""
        n = len(self.starts) - 1
        owner = np.repeat(np.arange(n), np.diff(self.starts))
        ones = np.ones(len(owner), dtype=np.float32)
        blocks = sparse.csr_matrix((ones, (owner, np.arange(len(owner)))))
        return sparse.csr_matrix(blocks @ self.counts)

    def sentence_counts(self, indexes: Sequence[int]) -> np.ndarray:
        """Number of sentence rows of each given article."""
        at = np.asarray(indexes, dtype=np.int64)
        return (self.starts[at + 1] - self.starts[at] - 1).astype(np.int64)

    def sentences(self, indexes: Sequence[int]) -> sparse.csr_matrix:
        """Sentence rows of the given articles, stacked in that order (titles left out).

        Columns are only the words these sentences use (``gather_rows``): the
        cost is the story's size, whatever the size of the archive.
        """
        return gather_rows(self.counts, self.sentence_rows(indexes))

    def sentence_rows(self, indexes: Sequence[int]) -> np.ndarray:
        """Row numbers in ``counts`` of the given articles' sentences, in that order."""
        return np.concatenate(
            [np.arange(self.starts[k] + 1, self.starts[k + 1]) for k in indexes]
            or [np.zeros(0, dtype=np.int64)]
        ).astype(np.int64)


def document_vectors(articles: Sequence[Article]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows of title plus body stems, one per article.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from builders import article_from_text
    >>> v = document_vectors([article_from_text("a", "The cease-fire held."),
    ...                       article_from_text("b", "Ceasefires held!")])
    >>> round(float((v @ v.T)[0, 1]), 3)
    1.0
    """
    return tfidf(ArticleCounts.of(articles).documents())


_NAME = re.compile(r"[A-Z][\w'\u2019-]*[a-z][\w'\u2019-]*|[A-Z]{2,}")
_FIGURE = re.compile(r"\d[\d,.]*\d")
_LOWER_WORD = re.compile(r"\b[a-z][\w'\u2019-]*")


def anchors(article: Article) -> frozenset[str]:
    """Names and figures of an article's body: what two reports of one event share.

    A name is a word capitalised inside a sentence (not its first word) that
    the article never writes in lower case ("Panama", not "President" when
    "president" occurs too); a figure has two or more digits.  Titles and
    headlines are left out (title case capitalises every word).  Case-folded, apostrophes
    unified.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from builders import article_from_text
    >>> sorted(anchors(article_from_text("a", "Rain hit Brampton and the Mayor left. "
    ...     "The mayor said 120 homes flooded on Monday.")))
    ['120', 'brampton', 'monday']
    """
    lower = {w.casefold() for w in _LOWER_WORD.findall(article.text)}
    found: set[str] = set()
    headline = set(headline_sentences(article))
    for sentence in article.sentences:
        if sentence.index in headline:
            continue
        # Articles waiting for their story keep no tokens (``without_tokens``):
        # make them again, or every name and figure would be missed.
        tokens = sentence.tokens or tokenize(
            sentence_text(article, sentence), offset=sentence.start
        )
        words = [t.text for t in tokens if t.text[:1].isalnum()]
        for word in words[1:]:
            folded = word.casefold().replace("\u2019", "'")
            if _FIGURE.fullmatch(word) or (_NAME.fullmatch(word) and folded not in lower):
                found.add(folded)
    return frozenset(found)
