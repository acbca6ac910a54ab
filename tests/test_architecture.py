"""The shape of ``src/compare``: no import cycle, and no stage importing a later one.

Why (issue #17): the pipeline runs one way, from the input files to the
report, and the code should read the same way: a newcomer who opens a
module needs only the modules below it, and each stage is one package
(``compare/ingest/``, ``compare/align/``, ...) whose lines hold only while
no import crosses back.
Both rules are read from the source with ``ast``, so they cost no import.

What counts as an import, an edge ``A -> B`` (decided here, for both rules):

* every ``import`` and ``from ... import`` anywhere in ``A``: at module
  level, inside a function, and under ``if TYPE_CHECKING:``.  A function-level
  import only hides a cycle from Python at start-up, and a type-only one only
  from the interpreter: the two modules still cannot be read, tested or moved
  into packages apart (issue #17's three cycles were all of these kinds);
* ``importlib.import_module`` of a name this test can read (a string, or a
  loop over a tuple of strings); any other dynamic import fails the test
  until it is made readable;
* not the parent package: importing ``compare.classify.base`` runs
  ``compare/classify/__init__.py`` first, but a package's ``__init__``
  importing its own modules is how it states its contract, not a cycle.

The layer map (``LAYERS``) places every package; a module outside them
(a new top-level module, a new package) fails ``test_every_module_has_a_layer``
until it is placed, and ``src/compare`` holds no module but the entry points,
the model and the errors.
"""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

# The stages from low to high: a module may import its own layer and the
# layers before it, never a later one.  Since the package move (#17) a layer
# is a package: one line per package below.
ORDER = (
    "base",  # the shared model and errors
    "helpers",  # compare.text (normalize, offsets, lexicons), compare.util (options, streams...)
    "ingest",  # input files -> Article (text, outlet, date, boilerplate removed)
    "align",  # sentences and tokens, sentence vectors, passages across articles, token diffs
    "claims",  # what each outlet asserts, compared story-wide
    "classify",  # edits and claims -> Finding
    "group",  # articles -> stories, outliers set aside
    "pipeline",  # the stage order, scores, the reference article, a reviewer's decisions
    "report",  # Report -> view model, charts, HTML, PDF, JSON, CSV; the file writer
    "cli",  # commands, batch execution, render helper, terminal, review server
)

# The layer of each package (and of the four top-level modules).  A module
# takes the layer of the longest name here that contains it; a module under
# no name here fails ``test_every_module_has_a_layer``.
LAYERS: dict[str, str] = {
    "compare": "base",
    "compare.model": "base",
    "compare.errors": "base",
    "compare.__main__": "cli",
    "compare.text": "helpers",
    "compare.util": "helpers",
    "compare.ingest": "ingest",
    "compare.align": "align",
    "compare.claims": "claims",
    "compare.classify": "classify",
    "compare.group": "group",
    "compare.pipeline": "pipeline",
    "compare.report": "report",
    "compare.cli": "cli",
}

# The only modules directly in src/compare (#17): the package entry points,
# the shared model and the errors.  Everything else lives in a stage's package.
TOP_LEVEL = {"__init__", "__main__", "model", "errors"}


def layer_of(module: str) -> str | None:
    """The layer of ``module``: that of the longest ``LAYERS`` name containing it.

    >>> layer_of("compare.ingest.html"), layer_of("compare.classify.numbers.rule")
    ('ingest', 'classify')
    >>> layer_of("compare.model"), layer_of("elsewhere") is None
    ('base', True)
    """
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        layer = LAYERS.get(".".join(parts[:n]))
        if layer is not None and (n > 1 or len(parts) == 1):
            return layer
    return None


# Imports that break the layering today, each with why it is left for now.
# Empty since #17 moved the word tests (``claims.words``), the number reading
# (``claims.number_lexicon``, ``number_parse``, ``number_context``) and the
# source and hedge lexicons (``claims.sources``, ``claims.hedge_words``) out of
# ``classify`` and below both: keep it so.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Edge:
    """One import of ``target`` by ``source``, with where and how it is written."""

    source: str
    target: str
    line: int
    how: str  # "module level", "in a function", "type checking", "import_module"

    def __str__(self) -> str:
        return f"{self.source} -> {self.target} (line {self.line}, {self.how})"


def modules(src: Path) -> dict[str, Path]:
    """Every module under ``src`` by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _strings(node: ast.AST | None) -> tuple[str, ...] | None:
    """The strings of a literal tuple or list of strings, else None."""
    if not isinstance(node, ast.Tuple | ast.List):
        return None
    values = [
        e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
    ]
    return tuple(values) if len(values) == len(node.elts) else None


class _Reader(ast.NodeVisitor):
    """Collects one module's imports, knowing whether each is in a function or type-only."""

    def __init__(self, name: str, is_package: bool, known: Mapping[str, Path]) -> None:
        self.name, self.known = name, known
        self.package = name if is_package else name.rpartition(".")[0]
        self.edges: list[Edge] = []
        self.unreadable: list[str] = []
        self.depth = 0  # functions entered
        self.type_only = 0  # `if TYPE_CHECKING:` blocks entered
        self.constants: dict[str, tuple[str, ...]] = {}  # module-level tuples of strings
        self.loops: list[dict[str, tuple[str, ...]]] = []  # loop variable -> its strings

    def _add(self, target: str, line: int, how: str | None = None) -> None:
        while target and target not in self.known:
            target = target.rpartition(".")[0]
        if not target or target == self.name:
            return
        if how is None:
            how = (
                "type checking"
                if self.type_only
                else "in a function"
                if self.depth
                else "module level"
            )
        self.edges.append(Edge(self.name, target, line, how))

    def visit_Assign(self, node: ast.Assign) -> None:
        values = _strings(node.value)
        if self.depth == 0 and values is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.constants[target.id] = values
        self.generic_visit(node)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def visit_If(self, node: ast.If) -> None:
        test = ast.unparse(node.test)
        if test in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            self.type_only += 1
            for child in node.body:
                self.visit(child)
            self.type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        values = _strings(node.iter)
        if values is None and isinstance(node.iter, ast.Name):
            values = self.constants.get(node.iter.id)
        bound = {node.target.id: values} if isinstance(node.target, ast.Name) and values else {}
        self.loops.append(bound)
        self.generic_visit(node)
        self.loops.pop()

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.package.split(".")
            base = ".".join(parts[: len(parts) - node.level + 1])
            base = f"{base}.{node.module}" if node.module else base
        else:
            base = node.module or ""
        for alias in node.names:
            full = f"{base}.{alias.name}"
            self._add(full if full in self.known else base, node.lineno)

    def visit_Call(self, node: ast.Call) -> None:
        called = ast.unparse(node.func)
        if called in ("importlib.import_module", "import_module") and node.args:
            names = self._dynamic(node.args[0])
            if names is None:
                self.unreadable.append(f"{self.name} line {node.lineno}: {ast.unparse(node)}")
            for name in names or ():
                self._add(name, node.lineno, "import_module")
        self.generic_visit(node)

    def _dynamic(self, arg: ast.expr) -> tuple[str, ...] | None:
        """The module names an ``import_module`` argument can take, if readable."""
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return (arg.value,)
        if isinstance(arg, ast.Name):
            return self._loop_values(arg.id)
        if isinstance(arg, ast.JoinedStr):
            shapes: list[str] = [""]
            for part in arg.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    shapes = [s + part.value for s in shapes]
                elif isinstance(part, ast.FormattedValue) and isinstance(part.value, ast.Name):
                    values = self._loop_values(part.value.id)
                    if values is None:
                        return None
                    shapes = [s + v for s in shapes for v in values]
                else:
                    return None
            return tuple(shapes)
        return None

    def _loop_values(self, name: str) -> tuple[str, ...] | None:
        for bound in reversed(self.loops):
            if name in bound:
                return bound[name]
        return None


@dataclass(frozen=True)
class Graph:
    """The import edges between the modules of one source tree."""

    modules: dict[str, Path]
    edges: tuple[Edge, ...]
    unreadable: tuple[str, ...]

    def targets(self, source: str) -> Iterator[Edge]:
        return (e for e in self.edges if e.source == source)


def import_graph(src: Path) -> Graph:
    """Read every module of ``src`` and collect its imports of the others."""
    known = modules(src)
    edges: list[Edge] = []
    unreadable: list[str] = []
    for name, path in known.items():
        reader = _Reader(name, path.name == "__init__.py", known)
        reader.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        edges += reader.edges
        unreadable += reader.unreadable
    return Graph(known, tuple(edges), tuple(unreadable))


def cycles(graph: Graph) -> list[list[Edge]]:
    """One shortest cycle per group of modules that import each other (strongly connected)."""
    found: list[list[Edge]] = []
    seen: set[str] = set()
    for start in sorted(graph.modules):
        if start in seen:
            continue
        path = _shortest_path_back(graph, start)
        if path:
            found.append(path)
            seen.update(e.source for e in path)
    return found


def _shortest_path_back(graph: Graph, start: str) -> list[Edge] | None:
    """The shortest chain of imports from ``start`` back to itself, if any."""
    queue: deque[tuple[str, list[Edge]]] = deque([(start, [])])
    visited = {start}
    while queue:
        node, path = queue.popleft()
        for edge in sorted(graph.targets(node), key=lambda e: (e.target, e.line)):
            if edge.target == start:
                return [*path, edge]
            if edge.target not in visited:
                visited.add(edge.target)
                queue.append((edge.target, [*path, edge]))
    return None


def layering_violations(graph: Graph, layers: Mapping[str, str]) -> list[Edge]:
    """Every import of a module in a later layer than the importer's."""
    rank = {name: ORDER.index(layer) for name, layer in layers.items()}
    return [
        e
        for e in graph.edges
        if e.source in rank and e.target in rank and rank[e.target] > rank[e.source]
    ]


GRAPH = import_graph(SRC)


def test_no_import_cycle() -> None:
    found = cycles(GRAPH)
    shown = "\n".join("cycle:\n  " + "\n  ".join(str(e) for e in cycle) for cycle in found)
    assert not found, f"import cycles in src/compare (see this file's docstring):\n{shown}"


def test_every_dynamic_import_is_readable() -> None:
    assert not GRAPH.unreadable, GRAPH.unreadable


MODULE_LAYERS = {name: layer for name in GRAPH.modules if (layer := layer_of(name)) is not None}


def test_every_module_has_a_layer() -> None:
    assert sorted(set(GRAPH.modules) - MODULE_LAYERS.keys()) == [], "place its package in LAYERS"
    assert sorted(LAYERS.keys() - set(GRAPH.modules)) == [], "remove the gone package from LAYERS"
    assert set(LAYERS.values()) <= set(ORDER)


def test_no_top_level_module_but_the_entry_points_model_and_errors() -> None:
    """A new module goes into the package of its stage, not beside ``model.py`` (#17)."""
    top = {p.stem for p in (SRC / "compare").glob("*.py")}
    assert sorted(top - TOP_LEVEL) == [], "move it into the package of its stage"


def test_no_stage_imports_a_later_one() -> None:
    found = [
        e
        for e in layering_violations(GRAPH, MODULE_LAYERS)
        if (e.source, e.target) not in KNOWN_VIOLATIONS
    ]
    shown = "\n  ".join(
        f"{e} [{MODULE_LAYERS[e.source]} imports {MODULE_LAYERS[e.target]}]" for e in found
    )
    assert not found, f"a lower stage imports a higher one:\n  {shown}"


def test_every_known_violation_still_exists() -> None:
    """A fixed violation leaves the list, so the list only ever shrinks."""
    present = {(e.source, e.target) for e in layering_violations(GRAPH, MODULE_LAYERS)}
    assert sorted(KNOWN_VIOLATIONS.keys() - present) == []


# The checker itself, on a small invented package: each way of importing is
# an edge, each planted cycle is found and named.
def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


FAKE = {
    "pkg/__init__.py": "",
    "pkg/low.py": "X = 1\n",
    "pkg/mid.py": "from pkg.low import X\n",
    "pkg/sub/__init__.py": "from . import leaf\n",
    "pkg/sub/leaf.py": "from ..low import X\n",
}


@pytest.mark.parametrize(
    ("code", "target", "how"),
    [
        ("import pkg.low\n", "pkg.low", "module level"),
        ("from pkg import low\n", "pkg.low", "module level"),
        ("from . import low\n", "pkg.low", "module level"),
        ("from .low import X\n", "pkg.low", "module level"),
        ("from pkg.sub.leaf import Y\n", "pkg.sub.leaf", "module level"),
        ("from pkg import sub\n", "pkg.sub", "module level"),
        ("def f():\n    from pkg.low import X\n", "pkg.low", "in a function"),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.low import X\n",
            "pkg.low",
            "type checking",
        ),
        ("import importlib\nimportlib.import_module('pkg.low')\n", "pkg.low", "import_module"),
        (
            "import importlib\nfor m in ('pkg.low', 'pkg.mid'):\n    importlib.import_module(m)\n",
            "pkg.mid",
            "import_module",
        ),
        (
            "import importlib\nNAMES = ('low',)\ndef f():\n"
            "    for n in NAMES:\n        importlib.import_module(f'pkg.{n}')\n",
            "pkg.low",
            "import_module",
        ),
    ],
)
def test_each_way_of_importing_is_an_edge(tmp_path: Path, code: str, target: str, how: str) -> None:
    src = _write(tmp_path, {**FAKE, "pkg/top.py": code})
    found = {(e.target, e.how) for e in import_graph(src).targets("pkg.top")}
    assert (target, how) in found


def test_an_unreadable_dynamic_import_is_reported(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        {**FAKE, "pkg/top.py": "import importlib\ndef f(n):\n    importlib.import_module(n)\n"},
    )
    assert [u.split(":")[0] for u in import_graph(src).unreadable] == ["pkg.top line 3"]


def test_a_planted_cycle_is_found_and_named(tmp_path: Path) -> None:
    """``mid -> low`` at module level, ``low -> mid`` inside a function: still a cycle."""
    cyclic = {**FAKE, "pkg/low.py": "def f():\n    from pkg.mid import g\n"}
    src = _write(tmp_path, cyclic)
    [cycle] = cycles(import_graph(src))
    assert [str(e) for e in cycle] == [
        "pkg.low -> pkg.mid (line 2, in a function)",
        "pkg.mid -> pkg.low (line 1, module level)",
    ]
    assert cycles(import_graph(_write(tmp_path / "clean", FAKE))) == []


def test_a_later_layer_import_is_a_violation(tmp_path: Path) -> None:
    graph = import_graph(_write(tmp_path, FAKE))
    layers = {"pkg.low": "ingest", "pkg.mid": "base"}
    assert [str(e) for e in layering_violations(graph, layers)] == [
        "pkg.mid -> pkg.low (line 1, module level)"
    ]
