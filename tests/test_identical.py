"""bench/identical.py, the byte-identical check of issue #17, checked on small invented trees.

Why not on the real reports: one real comparison writes every report twice
(minutes); what must be trusted is that the script sees a difference when
there is one, runs the code it was given and not the installed one, and
names the file.  So a tiny stand-in ``compare`` package plays the code of
two commits, one character apart.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    """Import bench/identical.py (not a package) under a name that shadows nothing."""
    spec = importlib.util.spec_from_file_location(
        "bench_identical", ROOT / "bench" / "identical.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ident = _load()


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


PDF = b"%PDF-1.7\n" + bytes(range(256)) * 4
HTML = b"<p>one</p>\n<p>two</p>\n<p>three</p>\n"


def test_equal_trees_are_identical_file_by_file(tmp_path: Path) -> None:
    files = {"s/report.pdf": PDF, "s/report.html": HTML, "index.html": b"x"}
    verdicts = ident.compare_trees(_tree(tmp_path / "a", files), _tree(tmp_path / "b", files))
    assert [(v.path, v.same) for v in verdicts] == [
        ("index.html", True),
        ("s/report.html", True),
        ("s/report.pdf", True),
    ]


@pytest.mark.parametrize(
    ("name", "ours", "theirs", "detail"),
    [
        (
            "report.pdf",
            PDF,
            PDF[:700] + b"\x00" + PDF[701:],
            "first difference at byte 700 (sizes 1033 and 1033)",
        ),
        (
            "report.html",
            HTML,
            HTML.replace(b"two", b"tw0"),
            "first difference at byte 16 (sizes 35 and 35), line 2: '<p>two</p>' vs '<p>tw0</p>'",
        ),
        (
            "report.json",
            b"{}\n",
            b"{}\n\n",
            "first difference at byte 3 (sizes 3 and 4), line 2: '' vs ''",
        ),
    ],
)
def test_one_changed_byte_is_a_difference_and_says_where(
    tmp_path: Path, name: str, ours: bytes, theirs: bytes, detail: str
) -> None:
    a = _tree(tmp_path / "a", {f"s/{name}": ours, "same.txt": b"1"})
    b = _tree(tmp_path / "b", {f"s/{name}": theirs, "same.txt": b"1"})
    verdicts = {v.path: v for v in ident.compare_trees(a, b)}
    assert verdicts["same.txt"].same
    assert not verdicts[f"s/{name}"].same
    assert verdicts[f"s/{name}"].detail == detail
    assert verdicts[f"s/{name}"].line().startswith(f"DIFFERS    s/{name}: ")


def test_a_file_on_one_side_only_is_a_difference(tmp_path: Path) -> None:
    a = _tree(tmp_path / "a", {"index.html": b"x", "s/report.json": b"{}"})
    b = _tree(tmp_path / "b", {"s/report.json": b"{}", "s/handout.pdf": PDF})
    verdicts = [(v.path, v.same, v.detail) for v in ident.compare_trees(a, b)]
    assert verdicts == [
        ("index.html", False, "only in the current run"),
        ("s/handout.pdf", False, "only in the reference run"),
        ("s/report.json", True, ""),
    ]


def test_a_link_is_compared_as_a_link_not_followed(tmp_path: Path) -> None:
    a = _tree(tmp_path / "a", {"real.txt": b"x", "f.txt": b"x"})
    b = _tree(tmp_path / "b", {"real.txt": b"x"})
    (b / "f.txt").symlink_to("real.txt")
    verdicts = {v.path: v.same for v in ident.compare_trees(a, b)}
    assert verdicts == {"f.txt": False, "real.txt": True}


def test_the_runs_cover_the_seeds_every_invented_story_and_every_format() -> None:
    plan = {run.name: run.args for run in ident.runs()}
    stories = sorted(p.parent.name for p in (ROOT / "tests/gold/stories").glob("*/gold.yaml"))
    assert len(stories) == 3
    assert set(plan) == {"seeds", "all", "stories", "diff", *(f"story-{s}" for s in stories)}
    assert plan["seeds"][:2] == ("report", str(ROOT / "seeds"))
    for name in ("seeds", "all", *(f"story-{s}" for s in stories)):
        args = plan[name]
        assert args[args.index("--format") + 1] == "pdf,html,json,csv"
        assert args[args.index("--audience") + 1] == "classroom"


# A stand-in for compare's source: `python -m compare report ... --out out`
# writes out/s/report.html holding MARK, and prints where it ran from.
FAKE_MAIN = """\
import pathlib, sys
out = pathlib.Path(sys.argv[sys.argv.index("--out") + 1]) / "s"
out.mkdir(parents=True, exist_ok=True)
(out / "report.html").write_text("<p>MARK</p>\\n")
print("ran", sys.argv[1])
"""


def _fake_src(root: Path, mark: str) -> Path:
    files = {
        "compare/__init__.py": b"",
        "compare/__main__.py": FAKE_MAIN.replace("MARK", mark).encode(),
    }
    return _tree(root / "src", files)


PLAN = [ident.Run("one", ("report", "x", "--out", "out"))]


def test_two_codes_one_character_apart_are_told_apart(tmp_path: Path) -> None:
    ident.build(_fake_src(tmp_path / "old", "template"), tmp_path / "ref", PLAN)
    ident.build(_fake_src(tmp_path / "new", "templates"), tmp_path / "cur", PLAN)
    ident.build(_fake_src(tmp_path / "same", "template"), tmp_path / "again", PLAN)
    assert (tmp_path / "ref/one/out/s/report.html").read_text() == "<p>template</p>\n"
    differ = [v.path for v in ident.compare_trees(tmp_path / "cur", tmp_path / "ref") if not v.same]
    assert differ == ["one/out/s/report.html"]
    assert all(v.same for v in ident.compare_trees(tmp_path / "again", tmp_path / "ref"))
    assert (tmp_path / "ref/_runs/one.out").read_bytes() == b"ran report\n"


def test_code_imported_from_elsewhere_is_refused(tmp_path: Path) -> None:
    """A folder without a ``compare`` package: the venv's own would run; the script refuses."""
    empty = tmp_path / "src"
    empty.mkdir()
    with pytest.raises(RuntimeError, match="imported from"):
        ident.build(empty, tmp_path / "out", PLAN)


def test_export_unpacks_the_commits_own_src_not_the_working_trees(tmp_path: Path) -> None:
    """A throwaway repository: the committed text comes out, not a later uncommitted edit."""
    repo = _tree(tmp_path / "repo", {"src/compare/model.py": b"A = 1\n", "README": b"r"})
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "one"]):
        subprocess.run([*git, *command], check=True, capture_output=True)
    (repo / "src/compare/model.py").write_bytes(b"A = 2\n")
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    src = ident.export("HEAD", tmp_path / "ref-code", repo=repo)
    assert src == tmp_path / "ref-code" / "src"
    assert (src / "compare" / "model.py").read_bytes() == b"A = 1\n"
    assert sorted(p.name for p in (tmp_path / "ref-code").iterdir()) == ["COMMIT", "src"]
    assert (tmp_path / "ref-code" / "COMMIT").read_text().strip() == head.stdout.strip()
