"""Blockwise candidate selection for ``align``: memory bounded whatever the vocabulary.

Why (issue #19): ``align`` used to hold each article's whole sparse product
with every later article, then keep each sentence's few best cells.  In
articles sharing one small vocabulary every cell of that product is
non-zero, so a 2,000-sentence article made tens of millions of cells (2.3 GB,
95 s, most of it sorting them).  Here the product is made a band of rows at
a time (``row_blocks``), each band as a dense array (``Block``: lookups are
plain indexing), the band's cells are cut to each row's and each column's
``k`` strongest (``strongest``, a partition before the exact ranking), and
the bands are folded together (``fold``) keeping only what can still be
among the ``k`` strongest of a row or a column of the whole product.  Peak
memory is one band (``BLOCK_CELLS`` cells per product) plus the kept
candidates, at most ``2 k`` per sentence and other article.

Exactness: a cell among the ``k`` strongest of its row or column in the
whole product is among them in its band and in any subset holding it, so
folding gives the very cells, values and order the whole product gave; and
each cell's value is computed by the same sparse product of the same rows,
so it is the same float, bit for bit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse

# Cells of one band of one product held as a dense float64 array (8 MiB);
# ``align`` holds five such products at once (sentences and runs both ways).
BLOCK_CELLS = 1 << 20


def row_blocks(rows: int, width: int, *, cells: int | None = None) -> Iterator[tuple[int, int]]:
    """Bands ``(first, stop)`` of ``rows`` rows, each at most ``cells`` cells of ``width`` columns.

    >>> list(row_blocks(5, 4, cells=8))
    [(0, 2), (2, 4), (4, 5)]
    """
    size = max((BLOCK_CELLS if cells is None else cells) // max(width, 1), 1)
    for first in range(0, rows, size):
        yield first, min(first + size, rows)


class Block:
    """Rows ``lo .. hi - 1`` of a sparse product as a dense array, read cell by cell.

    ``own`` are the rows whose candidates this band lists (``cells``); the
    rows around them (``lo``/``hi`` wider by a few) are there for lookups of
    neighbouring cells only.  A cell below ``floor`` reads 0.0, as an absent
    one does; candidates are the cells at or above ``threshold``.
    """

    def __init__(
        self,
        product: sparse.spmatrix,
        *,
        lo: int,
        own: tuple[int, int],
        threshold: float,
        floor: float = 0.0,
    ) -> None:
        dense = np.asarray(sparse.csr_matrix(product).toarray(), dtype=float)
        if floor > 0:
            dense[dense < floor] = 0.0
        self.dense, self.lo, self.own, self.threshold = dense, lo, own, threshold

    def get(
        self, rows: np.ndarray, cols: np.ndarray, valid: np.ndarray | None = None
    ) -> np.ndarray:
        """Values at (rows, cols); 0.0 where ``valid`` is False."""
        if valid is None:
            return self.dense[rows - self.lo, cols]
        out = np.zeros(len(rows))
        out[valid] = self.dense[rows[valid] - self.lo, cols[valid]]
        return out

    def cells(self, rows: int, cols: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column - cols.start, value) of the candidates, row-major.

        Only this band's own rows below ``rows`` and the columns in ``cols``.
        """
        first, stop = self.own[0], min(self.own[1], rows)
        if stop <= first or cols.stop <= cols.start:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0)
        sub = self.dense[first - self.lo : stop - self.lo, cols]
        r, c = np.nonzero(sub >= self.threshold)
        return r.astype(np.int64) + first, c.astype(np.int64), sub[r, c]


def _ranked(s: np.ndarray, t: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """``strongest`` by sorting: exact, for few cells."""
    keep = np.zeros(len(value), dtype=bool)
    for major, minor in ((s, t), (t, s)):
        order = np.lexsort((minor, -value, major))
        line = major[order]
        starts = np.flatnonzero(np.r_[True, line[1:] != line[:-1]])
        rank = np.arange(len(line)) - np.repeat(starts, np.diff(np.r_[starts, len(line)]))
        keep[order[rank < k]] = True
    return keep


def _near_top(s: np.ndarray, t: np.ndarray, value: np.ndarray, k: int) -> np.ndarray | None:
    """Cells at or above the ``k``-th value of their row or column (None: too sparse to tell).

    A superset of ``strongest`` (ties at the ``k``-th value all pass), found
    by partitioning a dense grid of the cells, linear in their number; used
    only when the grid is not much larger than the cells.
    """
    s0, t0 = int(s.min()), int(t.min())
    shape = (int(s.max()) - s0 + 1, int(t.max()) - t0 + 1)
    if shape[0] * shape[1] > 4 * len(value) + 1024:
        return None
    grid = np.full(shape, -np.inf)
    grid[s - s0, t - t0] = value
    near = np.zeros(len(value), dtype=bool)
    for axis, index, offset in ((1, s, s0), (0, t, t0)):
        if grid.shape[axis] <= k:
            return None  # every cell is among its line's k
        kth = np.partition(grid, grid.shape[axis] - k, axis=axis).take(
            grid.shape[axis] - k, axis=axis
        )
        near |= value >= kth[index - offset]
    return near


def strongest(s: np.ndarray, t: np.ndarray, value: np.ndarray, k: int) -> np.ndarray:
    """Mask of the cells among each row's and each column's ``k`` strongest.

    A cell stays when it is one of the ``k`` highest values of its row (ties:
    the lower column first) or of its column (ties: the lower row first), so
    every sentence keeps its best matches on both sides.  Order is kept.
    Cells (s, t) are distinct.  Many cells are first cut to those near the
    top (a partition, linear), then ranked exactly.

    >>> s, t = np.array([0, 0, 0, 1]), np.array([0, 1, 2, 2])
    >>> strongest(s, t, np.array([0.9, 0.5, 0.7, 0.8]), 1).tolist()
    [True, True, False, True]
    """
    keep = np.zeros(len(value), dtype=bool)
    if len(value) <= k:
        keep[:] = True
        return keep
    near = _near_top(s, t, value, k) if len(value) > 64 * k else None
    if near is None:
        return _ranked(s, t, value, k)
    at = np.flatnonzero(near)
    keep[at[_ranked(s[at], t[at], value[at], k)]] = True
    return keep


Part = dict[str, np.ndarray]


def fold(kept: Sequence[Part] | None, band: Sequence[Part], k: int) -> list[Part]:
    """Candidate table parts of the bands so far with one more band's, cut to the ``k`` strongest.

    Parts correspond slot by slot (1:1 edges, then split edges of each width
    and direction).  A part's cells are told apart by (``li``, ``ri``), the
    first sentences of the left and the right side: (row, column) of the
    product, or (column, row) for a split edge from the later article, and
    ``strongest`` keeps the same cells either way.  Each part comes out
    sorted by (``li``, ``ri``), the order in which the whole product listed
    them.
    """
    out = []
    for slot, part in enumerate(band):
        if kept is not None:
            part = {name: np.concatenate([kept[slot][name], part[name]]) for name in part}
        li, ri, value = part["li"], part["ri"], part["value"]
        keep = strongest(li, ri, value, k)
        order = np.lexsort((ri[keep], li[keep]))
        part = {name: np.asarray(column)[keep][order] for name, column in part.items()}
        out.append(part)
    return out
