"""Loading the word lists in ``compare/data/``.

Why data files: word lists change with usage and must be reviewable without
reading code; each file starts with ``#`` header lines naming its source and
licence (a test checks every header).  Lines are entries; ``#`` starts a
comment; fields inside an entry are separated by `` | ``.

Every entry also names where it comes from: the header defines source keys
(``# source [ap]: AP Stylebook, entry "riot" ...``) and each entry line ends
with an inline comment naming one or more of them (``riot | protest  # src:
ap``).  The comment is stripped from the entry like any inline comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

HEADER_KEYS = ("source:", "licence:")
_SOURCE_KEY = re.compile(r"#\s*source \[([a-z0-9-]+)\]:\s*(.*)")
_CONTINUED = re.compile(r"#\s{2,}(\S.*)")
_ENTRY_SOURCES = re.compile(r"\s#\s*src:\s*(.*?)\s*$")


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


def _entry_lines(name: str) -> Iterator[tuple[str, str]]:
    """``(entry, raw line)`` for each entry line, in file order."""
    for raw in _data_text(name).splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.startswith("#") else ""
        if line:
            yield line, raw


@cache
def entries(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a data file, stripped, in file order."""
    return tuple(line for line, _raw in _entry_lines(name))


@cache
def source_keys(name: str) -> Mapping[str, str]:
    """The source keys a data file's header defines, each with its description.

    Why: an entry is only as good as its evidence.  Naming a published source
    (a style guide, a dictionary, a standard) or a general reason per entry
    lets a reviewer check any single entry, and lets a test refuse an entry
    whose only evidence is the sample articles it was tuned on.  A key's
    description may continue on indented ``#`` lines.
    """
    keys: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in _data_text(name).splitlines():
        if not raw.startswith("#"):
            break
        if found := _SOURCE_KEY.match(raw):
            current = keys.setdefault(found[1], [])
            current.append(found[2].strip())
        elif current is not None and (more := _CONTINUED.match(raw)):
            current.append(more[1].strip())
        else:
            current = None
    return MappingProxyType({k: " ".join(v) for k, v in keys.items()})


@cache
def entry_sources(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(entry, source keys)`` for every entry of a data file, in file order.

    Why: the keys an entry line names in its ``# src:`` comment, so a test can
    check that every entry has at least one and that each is defined in the
    header (``source_keys``).  An entry without the comment has no keys.
    The entries are exactly those of ``entries``.
    """
    out = []
    for line, raw in _entry_lines(name):
        found = _ENTRY_SOURCES.search(raw)
        keys = tuple(k for k in re.split(r"[,\s]+", found[1]) if k) if found else ()
        out.append((line, keys))
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
