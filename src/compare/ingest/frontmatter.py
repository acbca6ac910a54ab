"""Splitting YAML front matter from an article, without trusting it.

Why our own splitter (RELIABILITY.md rule 4): python-frontmatter drops text,
moves offsets, raises more than ``YAMLError`` and can crash the process on
deep nesting.  Here:

* the block must open with ``---`` (trailing spaces allowed) on the first
  line and close with a ``---`` line; the body starts after that line and is
  addressed by its offset in the original text;
* the block is capped at 64 KiB; ``yaml.parse`` events (libyaml's parser is
  heap-based, safe at any depth) are checked for nesting depth, aliases and
  non-standard tags *before* anything is built, so billion-laughs and
  ``!!python/...`` never reach a constructor;
* the checked block is composed into nodes, not constructed into Python
  objects, so every value stays the literal text the author wrote
  (``title: no`` is "no", ``date: 2020-10-17`` is "2020-10-17");
* a block that is not a mapping of known keys is body text, with a notice:
  ``---`` is also used as a horizontal rule.

Nothing here raises: every problem becomes a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from compare.errors import data_problem

try:  # libyaml when available: faster, and its parser is not recursive
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

MAX_BLOCK_CHARS = 64 * 1024
MAX_DEPTH = 8
MAX_EVENTS = 5000
_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"(?<=[\r\n])---[ \t]*(?:\r\n|\r|\n|\Z)")
_STD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    f"{_STD_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)

TEXT_FIELDS = frozenset(
    {"title", "description", "date", "published", "outlet", "source", "site_name"}
    | {"publisher", "url", "canonical_url", "lang", "language", "summary", "headline"}
)
TEXT_OR_LIST_FIELDS = frozenset({"author", "authors", "image", "images", "byline"})
# Keys that are known (they mark a block as front matter) but not used.
IGNORED_FIELDS = frozenset(
    {"extends", "section", "layout", "tags", "categories", "category", "slug", "id"}
    | {"draft", "keywords", "permalink", "updated", "modified", "type", "excerpt"}
)
KNOWN_FIELDS = TEXT_FIELDS | TEXT_OR_LIST_FIELDS | IGNORED_FIELDS


@dataclass(frozen=True)
class Field:
    """One front-matter value as literal text, with the file line of its key."""

    values: tuple[str, ...]
    line: int

    @property
    def text(self) -> str:
        """The first value (most fields hold one)."""
        return self.values[0]


@dataclass(frozen=True)
class FrontMatter:
    """Where the body starts and what the block said.

    ``body_start`` is 0 when there is no usable block; ``lines`` is the number
    of file lines the block (with its ``---`` lines) occupies.
    """

    fields: dict[str, Field] = field(default_factory=dict)
    body_start: int = 0
    lines: int = 0
    notices: tuple[str, ...] = ()


# The end of a notice for front matter whose fields were all dropped (malformed, unsafe or
# over the limit): the article is read without its title, date and outlet, so the run
# exits 3 as for a skipped input (RELIABILITY #35), and ``metadata_ignored`` finds it.
METADATA_IGNORED = "its fields are ignored"


def metadata_ignored(message: str) -> bool:
    """Does a notice say an article's front matter was dropped whole?"""
    return message.endswith(METADATA_IGNORED)


class _Rejected(Exception):
    """The block is unsafe or malformed; the message says why."""


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into front-matter fields and the offset of the body.

    >>> fm = split_front_matter("--- \\ntitle: no\\n---\\nBody.")
    >>> fm.fields["title"].text, fm.body_start
    ('no', 19)
    >>> split_front_matter("---\\nunclosed").notices
    ('unterminated front matter; the whole file is treated as article text',)
    """
    opening = _OPEN.match(text)
    if opening is None:
        return FrontMatter()
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return FrontMatter(
            notices=("unterminated front matter; the whole file is treated as article text",)
        )
    block = text[opening.end() : closing.start()]
    body_start = closing.end()
    lines = 2 + len(re.findall(r"\r\n|\r|\n", block))
    if len(block) > MAX_BLOCK_CHARS:
        note = f"front matter larger than the 64 KiB limit; {METADATA_IGNORED}"
        return FrontMatter(body_start=body_start, lines=lines, notices=(note,))
    try:
        node = _checked_compose(block, first_line=2)
    except _Rejected as exc:
        return FrontMatter(
            body_start=body_start, lines=lines, notices=(f"{exc}; {METADATA_IGNORED}",)
        )
    if not isinstance(node, yaml.MappingNode):
        kind = "a plain YAML scalar" if isinstance(node, yaml.ScalarNode) else "not a mapping"
        if node is None:
            kind = "empty"
        note = f"front matter block is {kind}; kept as article text"
        return FrontMatter(notices=(note,))
    fields, notices = _fields(node, first_line=2)
    if not any(key in KNOWN_FIELDS for key in _keys(node)):
        return FrontMatter(notices=("front matter block has no known keys; kept as article text",))
    return FrontMatter(fields=fields, body_start=body_start, lines=lines, notices=tuple(notices))


def safe_compose(
    text: str, *, first_line: int = 1, max_events: int = MAX_EVENTS
) -> yaml.Node | None:
    """Compose a small YAML document after the depth/alias/tag guard.

    Raises ``ValueError`` with a readable message; used for manifests too,
    which pass a ``max_events`` that grows with their (capped) size.
    """
    try:
        return _checked_compose(text, first_line=first_line, max_events=max_events)
    except _Rejected as exc:
        raise ValueError(str(exc)) from None


def _checked_compose(
    block: str, *, first_line: int, max_events: int = MAX_EVENTS
) -> yaml.Node | None:
    """Guard, then compose; ``first_line`` is the file line of the block's first line."""
    try:
        _guard(yaml.parse(block, Loader=_Loader), max_events)
        return yaml.compose(block, Loader=_Loader)
    except _Rejected:
        raise
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" in str(exc.problem):  # PyYAML >= 6.0.4 stops deep nests itself
            raise _Rejected(f"front matter nested deeper than {MAX_DEPTH} levels") from None
        mark = exc.problem_mark or exc.context_mark
        where = f" at line {first_line + mark.line}, column {mark.column + 1}" if mark else ""
        raise _Rejected(f"malformed front matter{where}: {exc.problem or exc}") from None
    except yaml.reader.ReaderError as exc:  # a control character YAML does not allow
        line = first_line + block.count("\n", 0, exc.position)
        column = exc.position - (block.rfind("\n", 0, exc.position) + 1) + 1
        raise _Rejected(
            f"malformed front matter at line {line}, column {column}: control character"
            f" U+{exc.character:04X} is not allowed"
            if isinstance(exc.character, int)
            else f"malformed front matter at line {line}, column {column}: {exc.reason}"
        ) from None
    except Exception as exc:  # YAMLError, RecursionError, anything a C extension raises
        raise _Rejected(f"malformed front matter: {data_problem(exc)}") from None


def _guard(events: Iterable[yaml.Event], max_events: int = MAX_EVENTS) -> None:
    depth = 0
    for count, event in enumerate(events):
        if count > max_events:
            raise _Rejected("front matter has too many items")
        if isinstance(event, yaml.AliasEvent):
            raise _Rejected("front matter aliases not allowed")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _ALLOWED_TAGS:
            raise _Rejected(f"front matter tag {tag!r} not allowed")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Rejected(f"front matter nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _keys(node: yaml.MappingNode) -> list[str]:
    return [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]


def _fields(node: yaml.MappingNode, *, first_line: int) -> tuple[dict[str, Field], list[str]]:
    """Whitelisted keys with type checks; duplicates keep the first value."""
    fields: dict[str, Field] = {}
    notices: list[str] = []
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_STD_TAG}str":
            notices.append(f"front matter line {line}: key that is not text ignored")
            continue
        key = key_node.value
        if key not in TEXT_FIELDS | TEXT_OR_LIST_FIELDS:
            continue
        values = _values(value_node, allow_list=key in TEXT_OR_LIST_FIELDS)
        if values is None:
            notices.append(f"front matter `{key}` on line {line} is not text; ignored")
            continue
        values = tuple(v for v in values if v.strip() and v.strip() not in ("~", "null"))
        if not values:
            continue
        if key in fields:
            first = fields[key]
            notices.append(
                f"duplicate front matter key `{key}`: {first.text!r} (line {first.line}) and "
                f"{values[0]!r} (line {line}); using the first"
            )
            continue
        fields[key] = Field(values, line)
    return fields, notices


def _values(node: yaml.Node, *, allow_list: bool) -> tuple[str, ...] | None:
    if isinstance(node, yaml.ScalarNode):
        return (node.value,)
    if allow_list and isinstance(node, yaml.SequenceNode):
        items = [n.value for n in node.value if isinstance(n, yaml.ScalarNode)]
        return tuple(items) if len(items) == len(node.value) else None
    if allow_list and isinstance(node, yaml.MappingNode):  # e.g. image: {url: ...}
        for key, value in node.value:
            if key.value in ("url", "src", "name") and isinstance(value, yaml.ScalarNode):
                return (value.value,)
    return None
