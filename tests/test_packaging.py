"""What ``pyproject.toml`` promises a packager: a licence, and dependencies that match the code.

Why read the code's imports: an import that is not declared works only while
some other package happens to pull it in (numpy, scipy and markupsafe did),
and a declared package that is never imported costs every install for
nothing.  The imports are read from the source with ``ast``, so a lazy import
inside a function counts too.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "compare"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]

# Declared for a reason other than an import of ours (see the comments in
# pyproject.toml): fontTools is WeasyPrint's, pinned for its advisory floor;
# lxml_html_clean is justext's, whose own request for it installs nothing.
NOT_IMPORTED_ON_PURPOSE = {"fonttools", "lxml-html-clean"}


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement string (PEP 503)."""
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group()).lower()


def _imported_modules() -> set[str]:
    """Top-level names of every module ``src/compare`` imports (absolute imports only)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"compare", "__future__"}


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    """Module -> the installed distributions that provide it, normalised."""
    provided = metadata.packages_distributions()
    return {m: {_name(d) for d in provided.get(m, [])} for m in modules}


def test_licence_is_an_spdx_expression_with_its_file() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_every_imported_package_is_declared() -> None:
    declared = {_name(r) for r in PROJECT["dependencies"]}
    dask_extra = {_name(r) for r in PROJECT["optional-dependencies"]["dask"]} | {"distributed"}
    undeclared = {
        module: dists
        for module, dists in _distributions(_imported_modules()).items()
        if not dists & (declared | dask_extra)
    }
    assert undeclared == {}


def test_every_declared_package_is_imported() -> None:
    provided = set().union(*_distributions(_imported_modules()).values())
    declared = {_name(r) for r in PROJECT["dependencies"]}
    assert declared - provided == NOT_IMPORTED_ON_PURPOSE


def test_dask_is_an_extra_not_a_dependency() -> None:
    declared = {_name(r) for r in PROJECT["dependencies"]}
    assert not declared & {"dask", "distributed"}
    assert [_name(r) for r in PROJECT["optional-dependencies"]["dask"]] == ["dask"]


def test_no_dependency_pulls_in_requests_for_a_word_list() -> None:
    declared = {_name(r) for r in PROJECT["dependencies"]}
    assert not declared & {"vadersentiment", "requests"}
