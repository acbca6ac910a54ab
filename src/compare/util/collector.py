"""The cyclic garbage collector made cheap for one heavy block, then restored.

Why a module of its own: two stages allocate millions of short-lived
objects while millions of long-lived ones stay alive (the imported
libraries, the segmented articles of an archive), and every full collection
walks all of them: the PDF render (boxes, font tables) and the grouping of
an archive (sparse rows, per-story vectors), where the walk grows with the
archive and made grouping cost grow faster than n log n.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Allocations between young-generation collections inside the block (CPython's default is 700).
RELAXED_GC_THRESHOLD = 50_000


@contextlib.contextmanager
def relaxed_collector() -> Iterator[None]:
    """Make the cyclic garbage collector cheap for the block; restore it afterwards.

    The objects alive on entry are frozen (never walked again until the
    block ends) and young collections run rarely.  Reference counting still
    frees nearly everything; the block's few cycles cost a few MB until the
    next collection.  Reentrant; a caller's own ``gc.freeze()`` is kept.

    >>> before = gc.get_threshold()
    >>> with relaxed_collector():
    ...     gc.get_threshold()[0] >= RELAXED_GC_THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """
    threshold = gc.get_threshold()
    froze = gc.get_freeze_count() == 0
    if froze:
        gc.freeze()
    gc.set_threshold(max(threshold[0], RELAXED_GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if froze:
            gc.unfreeze()
