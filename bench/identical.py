"""``make identical REF=<commit>``: are the reports byte for byte those of another commit?

Run as ``.venv/bin/python bench/identical.py [--ref REF] [--keep DIR]``.
It writes the same reports twice, once with the code of this working tree
(``src/``, uncommitted changes included) and once with the code of ``REF``,
and compares every file the two runs wrote, byte for byte, one verdict line
per file; it exits 0 only when every file is identical.  Without ``--ref``
it runs this tree's code twice, which checks that the outputs are
deterministic at all (a difference there is a bug of its own, and would
make any comparison with a commit meaningless).

Why: a restructuring (issue #17: modules moved into packages, import cycles
broken) must not change what ``compare`` writes.  The test suite checks
behaviour through chosen facts; this checks everything at once, on real
inputs, down to the last byte of the PDFs.

How the reference runs without a second virtualenv: ``git archive REF src``
is unpacked into a temporary folder and run with this venv's Python,
``PYTHONPATH=<tmp>/src``, so only ``compare``'s own code differs between the
two runs (the libraries are the same).  A launcher checks, inside the run,
that ``compare`` was imported from the folder meant (PYTHONPATH must win
over the venv's editable install of this tree) and records where, and the
script refuses to compare when it was not.

The runs, each in its own folder under the same relative names so that paths
printed or stored in the outputs are equal (inputs are named by their
absolute path in this tree, the same for both runs):

* ``compare report`` on the seeds and on each invented story in
  ``tests/gold/stories/*/`` (each on its own, as ``bench/eval.py`` analyses
  them), every format and the classroom handout: ``report.json``,
  ``report.html``, ``report.pdf``, ``findings.csv``, ``handout.pdf``, and
  ``index.html`` where a run has more than one story;
* ``compare report`` on all of them at once (the index of several stories);
* ``compare stories`` on all of them (``stories.json``);
* ``compare diff`` on two seeds (the plain-text diff, as in a pipe).

Each run's exit code, stdout and stderr are compared as files too
(``_runs/<name>.{rc,out,err}``).  ``SOURCE_DATE_EPOCH`` is fixed
(``--epoch``).  ``--jobs 1`` by default: no render helper and no pool, so
the check is light on a shared machine (the helper's bytes equal an
in-process render's, which ``tests/cli/test_render_worker.py`` checks).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "gold" / "stories"
EPOCH = "1603152000"  # 20 Oct 2020, as `make report`
RUN_TIMEOUT_S = 1800
WHERE_FILE = "IDENTICAL_WHERE"  # environment variable: where the launcher records the import
# Imports ``compare`` as ``python -m compare`` would, records where it came
# from, refuses to run from anywhere but the expected folder, then runs the
# command line exactly as ``python -m compare ARGS`` does.
LAUNCHER = """\
import os, runpy, sys
import compare
where = os.path.realpath(compare.__file__)
with open(os.environ["IDENTICAL_WHERE"], "a", encoding="utf-8") as f:
    f.write(where + "\\n")
wanted = os.path.realpath(os.environ["IDENTICAL_SRC"]) + os.sep
if not where.startswith(wanted):
    sys.exit(f"identical: compare imported from {where}, not from {wanted}")
sys.argv = ["compare", *sys.argv[1:]]
runpy.run_module("compare", run_name="__main__", alter_sys=True)
"""


@dataclass(frozen=True)
class Run:
    """One command line of ``compare``, run in its own folder ``name``."""

    name: str
    args: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    """How one output file compares: ``same`` or not, and a short reason when not."""

    path: str
    same: bool
    detail: str = ""

    def line(self) -> str:
        """The verdict as one printed line."""
        return f"{'identical' if self.same else 'DIFFERS  '}  {self.path}" + (
            f": {self.detail}" if self.detail else ""
        )


def story_folders(root: Path = STORIES) -> tuple[Path, ...]:
    """The invented stories, as ``bench/eval.py`` finds them (a folder with a ``gold.yaml``)."""
    return tuple(sorted(p.parent for p in root.glob("*/gold.yaml")))


def runs(seeds: Path = SEEDS, stories: Sequence[Path] | None = None, *, jobs: int = 1) -> list[Run]:
    """The command lines whose outputs are compared (see the module docstring)."""
    stories = story_folders() if stories is None else tuple(stories)
    full = ("--format", "pdf,html,json,csv", "--audience", "classroom", "--jobs", str(jobs))
    every = (str(seeds), *(str(s) for s in stories))
    out = [Run("seeds", ("report", str(seeds), "--out", "out", *full))]
    out += [Run(f"story-{s.name}", ("report", str(s), "--out", "out", *full)) for s in stories]
    out.append(Run("all", ("report", *every, "--out", "out", *full)))
    out.append(Run("stories", ("stories", *every, "--out", "out")))
    pair = sorted(p for p in seeds.iterdir() if p.suffix == ".txt")[:2]
    if len(pair) == 2:
        out.append(Run("diff", ("diff", *(str(p) for p in pair))))
    return out


def export(ref: str, into: Path, *, repo: Path = ROOT) -> Path:
    """``src/`` of commit ``ref`` unpacked under ``into``; returns that ``src`` folder."""
    commit = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--verify", f"{ref}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "src.tar"
    with archive.open("wb") as f:
        subprocess.run(["git", "-C", str(repo), "archive", commit, "src"], check=True, stdout=f)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    (into / "COMMIT").write_text(commit + "\n", encoding="utf-8")
    return into / "src"


def build(src: Path, out: Path, plan: Iterable[Run], *, epoch: str = EPOCH) -> None:
    """Run every command of ``plan`` with the code in ``src``, each in ``out/<run name>``.

    Raises ``RuntimeError`` when ``compare`` was imported from anywhere but
    ``src``: comparing two runs of the same code would prove nothing.
    """
    python = sys.executable
    where_log = out.parent / f"{out.name}.where"
    where_log.unlink(missing_ok=True)
    env = dict(os.environ)
    env.update(
        SOURCE_DATE_EPOCH=epoch,
        PYTHONPATH=str(src),
        IDENTICAL_SRC=str(src / "compare"),
        IDENTICAL_WHERE=str(where_log),
    )
    for run in plan:
        folder = out / run.name
        folder.mkdir(parents=True)
        done = subprocess.run(
            [python, "-P", "-c", LAUNCHER, *run.args],
            cwd=folder,
            env=env,
            capture_output=True,
            timeout=RUN_TIMEOUT_S,
        )
        logs = out / "_runs"
        logs.mkdir(exist_ok=True)
        (logs / f"{run.name}.rc").write_text(f"{done.returncode}\n", encoding="utf-8")
        (logs / f"{run.name}.out").write_bytes(done.stdout)
        (logs / f"{run.name}.err").write_bytes(done.stderr)
        print(f"# {out.name}: {run.name}: exit {done.returncode}", file=sys.stderr)
    imported = set(where_log.read_text(encoding="utf-8").split()) if where_log.exists() else set()
    wanted = os.path.realpath(src / "compare")
    if not imported or any(not w.startswith(wanted + os.sep) for w in imported):
        raise RuntimeError(f"compare was imported from {sorted(imported)}, not from {wanted}")


def files(root: Path) -> dict[str, Path]:
    """Every file below ``root`` by its ``/``-separated relative path (links not followed)."""
    return {
        p.relative_to(root).as_posix(): p
        for p in sorted(root.rglob("*"))
        if p.is_symlink() or not p.is_dir()
    }


def first_difference(a: bytes, b: bytes) -> str:
    """Where two different byte strings part: the byte, and the line for text."""
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    detail = f"first difference at byte {at} (sizes {len(a)} and {len(b)})"
    if b"\0" in a[:4096] or b"\0" in b[:4096] or a.startswith(b"%PDF"):
        return detail
    line = a[:at].count(b"\n") + 1
    start = a.rfind(b"\n", 0, at) + 1

    def shown(data: bytes) -> str:
        end = data.find(b"\n", start)
        text = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
        return repr(text[:100])

    return f"{detail}, line {line}: {shown(a)} vs {shown(b)}"


def compare_trees(current: Path, reference: Path) -> list[Verdict]:
    """One verdict per file found in either tree, in path order.

    A file present on one side only is a difference; so is a link or a file
    whose bytes differ in any way.
    """
    ours, theirs = files(current), files(reference)
    verdicts: list[Verdict] = []
    for path in sorted(ours.keys() | theirs.keys()):
        if path not in theirs:
            verdicts.append(Verdict(path, False, "only in the current run"))
        elif path not in ours:
            verdicts.append(Verdict(path, False, "only in the reference run"))
        else:
            a, b = _content(ours[path]), _content(theirs[path])
            verdicts.append(
                Verdict(path, True) if a == b else Verdict(path, False, first_difference(a, b))
            )
    return verdicts


def _content(path: Path) -> bytes:
    """A file's bytes, or a link's target marked as such (a link is never followed)."""
    if path.is_symlink():
        return b"symlink -> " + os.readlink(path).encode("utf-8", "surrogateescape")
    return path.read_bytes()


def main(argv: Sequence[str] | None = None) -> int:
    """Build both sides, print a verdict per file and a total; 0 only when all are identical."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", help="commit to compare with (default: this tree's code twice)")
    parser.add_argument("--keep", type=Path, help="keep both runs' outputs in this new folder")
    parser.add_argument("--epoch", default=EPOCH, help="SOURCE_DATE_EPOCH of both runs")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of every report run")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="compare-identical-")) if args.keep is None else args.keep
    if args.keep is not None:
        try:
            work.mkdir(parents=True)
        except FileExistsError:  # never mix two runs' outputs, nor delete someone's folder
            print(f"identical: error: {work} exists; --keep needs a new folder", file=sys.stderr)
            return 2
    try:
        plan = runs(jobs=args.jobs)
        if args.ref:
            reference_src = export(args.ref, work / "ref-code")
            label = f"{args.ref} ({(work / 'ref-code' / 'COMMIT').read_text().strip()[:12]})"
        else:
            reference_src, label = ROOT / "src", "this tree again"
        build(ROOT / "src", work / "current", plan, epoch=args.epoch)
        build(reference_src, work / "reference", plan, epoch=args.epoch)
        verdicts = compare_trees(work / "current", work / "reference")
    except (RuntimeError, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"identical: error: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    for verdict in verdicts:
        print(verdict.line())
    differ = sum(not v.same for v in verdicts)
    print(f"identical: {len(verdicts) - differ} of {len(verdicts)} files identical to {label}")
    return 0 if verdicts and differ == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
