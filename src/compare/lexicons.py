"""Loading the word lists in ``compare/data/``.

Why data files: word lists change with usage and must be reviewable without
reading code; each file starts with ``#`` header lines naming its source and
licence (a test checks every header).  Lines are entries; ``#`` starts a
comment; fields inside an entry are separated by `` | ``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

HEADER_KEYS = ("source:", "licence:")


def _data_text(name: str) -> str:
    return resources.files("compare").joinpath("data", name).read_text(encoding="utf-8")


@cache
def header(name: str) -> tuple[str, ...]:
    """The leading ``#`` lines of a data file, without the ``#``."""
    lines = []
    for line in _data_text(name).splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return tuple(lines)


@cache
def entries(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, stripped, in file order."""
    out = []
    for raw in _data_text(name).splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.startswith("#") else ""
        if line:
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """A data file as a set of case-folded entries."""
    return frozenset(e.casefold() for e in entries(name))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """A data file whose entries hold `` | ``-separated fields."""
    return tuple(tuple(f.strip() for f in e.split("|")) for e in entries(name))


def data_files() -> tuple[str, ...]:
    """Names of every data file shipped with the package."""
    folder = resources.files("compare").joinpath("data")
    return tuple(sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt")))
