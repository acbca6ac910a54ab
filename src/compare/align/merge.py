"""Greedy union-find merging of sentence edges into passages (helper of ``align``).

Why greedy by weight: the strongest evidence (near-identical sentences)
settles first and then constrains weaker, ambiguous matches, which is how a
person collates wire copy.  The constraint keeps every passage readable: at
most one contiguous run of each article's sentences, longer than one
sentence only when a split edge (one outlet's sentence = two of another's)
asked for it, and never more than ``MAX_CELL`` sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

Node = tuple[int, int]  # (article number in canonical order, sentence index)

MAX_CELL = 3  # sentences of one article in one passage
# A later pass: given the passages so far, the weaker edges to merge on top.
Pass = Callable[[list[dict[int, tuple[int, ...]]]], Sequence["Edge"]]


@dataclass(frozen=True)
class Edge:
    """Evidence that ``left`` and ``right`` say the same thing, with its weight.

    ``right`` holds two adjacent sentences for a split edge, one otherwise.
    """

    weight: float
    left: tuple[Node, ...]
    right: tuple[Node, ...]

    @property
    def is_split(self) -> bool:
        """True when one side is a run of more than one sentence."""
        return len(self.left) > 1 or len(self.right) > 1


def _edge_key(edge: Edge, texts: Sequence[Sequence[str]]) -> tuple:
    """Strongest first; ties by content and position only (never by id or input order)."""
    nodes = sorted((texts[k][i], i, len(texts[k])) for k, i in edge.left + edge.right)
    return (-round(edge.weight, 9), len(nodes), nodes)


class _Components:
    """Union-find whose roots know each article's sentence range."""

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        self.parent: dict[Node, Node] = {}
        self.ranges: dict[Node, dict[int, tuple[int, int]]] = {}
        for k, sentences in enumerate(texts):
            for i in range(len(sentences)):
                self.parent[(k, i)] = (k, i)
                self.ranges[(k, i)] = {k: (i, i)}

    def find(self, node: Node) -> Node:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def merged_ranges(
        self, roots: Sequence[Node], *, allow_runs: bool
    ) -> dict[int, tuple[int, int]] | None:
        """The article ranges of the union, or None if it breaks the constraint."""
        out: dict[int, tuple[int, int]] = {}
        runs: dict[int, list[tuple[int, int]]] = {}  # articles met in more than one root
        for root in roots:
            for k, span in self.ranges[root].items():
                if k not in out:
                    out[k] = span
                elif not allow_runs:  # two cells of one article, only a split may join them
                    return None
                else:
                    runs.setdefault(k, [out[k]]).append(span)
        # An article met once keeps its range, already within MAX_CELL (``union``
        # only ever stores ranges this method returned).
        for k, spans in runs.items():
            spans.sort()
            if any(nxt[0] != prev[1] + 1 for prev, nxt in pairwise(spans)):
                return None
            lo, hi = spans[0][0], spans[-1][1]
            if hi - lo + 1 > MAX_CELL:
                return None
            out[k] = (lo, hi)
        return out

    def union(self, roots: Sequence[Node], ranges: dict[int, tuple[int, int]]) -> None:
        keep = min(roots)
        for root in roots:
            self.parent[root] = keep
            if root != keep:
                del self.ranges[root]
        self.ranges[keep] = ranges


def merge_components(
    edges: Sequence[Edge],
    *,
    texts: Sequence[Sequence[str]],
    second: Pass | None = None,
    third: Pass | None = None,
    fourth: Pass | None = None,
) -> list[dict[int, tuple[int, ...]]]:
    """Passages as ``{article number: sentence indexes}``; every sentence in exactly one.

    ``second``, when given, is called with the passages the strong ``edges``
    made and returns weaker edges to merge on top (the loose pass of
    ``align``): they join what is left, under the same constraint.
    ``third`` likewise, on top of what the second made (the anchored pass
    of ``align.anchors``), and ``fourth`` on top of that (the learned pass
    of ``align.learned``).

    >>> e = Edge(0.9, ((0, 0),), ((1, 0),))
    >>> merge_components([e], texts=[["A."], ["A.", "B."]])
    [{0: (0,), 1: (0,)}, {1: (1,)}]
    """
    comps = _Components(texts)
    _merge(comps, edges, texts)
    if second is not None:
        _merge(comps, second(_groups(comps)), texts)
    if third is not None:
        _merge(comps, third(_groups(comps)), texts)
    if fourth is not None:
        _merge(comps, fourth(_groups(comps)), texts)
    return _groups(comps)


def _merge(comps: _Components, edges: Sequence[Edge], texts: Sequence[Sequence[str]]) -> None:
    for edge in sorted(edges, key=lambda e: _edge_key(e, texts)):
        roots = sorted({comps.find(n) for n in edge.left + edge.right})
        if len(roots) < 2:
            continue
        ranges = comps.merged_ranges(roots, allow_runs=edge.is_split)
        if ranges is not None:
            comps.union(roots, ranges)


def _groups(comps: _Components) -> list[dict[int, tuple[int, ...]]]:
    groups = [
        {k: tuple(range(lo, hi + 1)) for k, (lo, hi) in sorted(ranges.items())}
        for ranges in comps.ranges.values()
    ]
    return sorted(groups, key=lambda g: sorted(g.items()))
