"""Shared helpers for the end-to-end reliability tests (tests/test_reliability_*.py).

Why one place: every command-line run in those tests goes through ``run_cli``
or ``run_main``, which also check RELIABILITY checklist item 63 — the sha256
and mtime of every input are unchanged afterwards, whatever the exit code.
The articles are short invented texts about two invented events, so a report
takes a second or two.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

EPOCH = "1615766400"  # 2021-03-15

FLOOD = {
    "gazette.txt": """---
title: Flood closes Millbrook bridge
outlet: Northfield Gazette
date: 2021-03-14
---
A flash flood closed the Millbrook bridge on Sunday, officials said.

At least 12 people were rescued from cars trapped on the river road, the fire chief said.

The mayor, Anna Olsen, said the bridge would stay shut until engineers inspect it.

Residents were told to avoid the area until Tuesday.
""",
    "herald.txt": """---
title: Millbrook bridge shut after flood
outlet: Valley Herald
date: 2021-03-14
---
A flash flood closed the Millbrook bridge on Sunday, officials said.

Fifteen people were rescued from cars trapped on the river road, the fire chief said.

Mayor Anna Olson said the bridge would stay shut until engineers inspect it.

Residents were told to avoid the area until Tuesday.
""",
    "courier.txt": """---
title: Flood shuts bridge in Millbrook
outlet: Lakeside Courier
date: 2021-03-15
---
A flash flood closed the Millbrook bridge on Sunday, officials claimed.

At least 12 people were rescued from cars trapped on the river road, the fire chief said.

The mayor, Anna Olsen, said the bridge would stay shut until engineers inspect it.

Critics said the town had ignored warnings about the river for years.
""",
}
FLOOD_SLUG = "flood-closes-millbrook-bridge"

FIRE = {
    "fire_post.txt": """---
title: Fire destroys Harlow school gym
outlet: Harlow Post
date: 2021-03-13
---
A fire destroyed the gymnasium of Harlow Middle School overnight, the fire service said.

No one was hurt, and classes will move to the library on Monday.

The principal, Mark Dunne, said the cause was not yet known.
""",
    "fire_times.txt": """---
title: Harlow school gym lost to fire
outlet: Harlow Times
date: 2021-03-13
---
A fire destroyed the gymnasium of Harlow Middle School overnight, the fire service said.

Nobody was injured, and classes will move to the library on Monday.

Principal Mark Dunn said investigators suspect faulty wiring.
""",
}
FIRE_SLUG = "fire-destroys-harlow-school-gym"

SKIPPED_LINE = re.compile(r"^compare: skipped: (?P<path>.+?): (?P<reason>.+)$")


def write_articles(folder: Path, articles: dict[str, str] | None = None) -> Path:
    """Write ``articles`` (default: the three flood articles) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in (FLOOD if articles is None else articles).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a CLI run: fixed SOURCE_DATE_EPOCH, no display."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    env.setdefault("PYTHONHASHSEED", "random")
    env.update(extra)
    return env


def snapshot(paths: Iterable[Path]) -> dict[str, tuple[str, int]]:
    """sha256 and mtime of every regular file under ``paths`` (links not followed).

    FIFOs, sockets and devices are recorded by mtime only: opening them could hang.
    """
    found: dict[str, tuple[str, int]] = {}
    for top in paths:
        top = Path(top)
        entries = [top] if not top.is_dir() or top.is_symlink() else sorted(top.iterdir())
        for entry in entries:
            st = os.lstat(entry)
            if stat.S_ISREG(st.st_mode):
                digest = hashlib.sha256(entry.read_bytes()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                digest = "link:" + os.readlink(entry)
            else:
                digest = f"mode:{stat.S_IFMT(st.st_mode)}"
            found[os.fsdecode(entry)] = (digest, st.st_mtime_ns)
    return found


def run_cli(
    args: Sequence[str | os.PathLike[str]],
    *,
    inputs: Sequence[Path],
    timeout: float = 120,
    env: dict[str, str] | None = None,
    **popen: object,
) -> subprocess.CompletedProcess[str]:
    """``python -m compare ARGS`` in a subprocess; inputs must be untouched afterwards."""
    before = snapshot(inputs)
    result = subprocess.run(
        [sys.executable, "-m", "compare", *map(os.fsdecode, args)],
        capture_output=True,
        text=True,
        errors="surrogateescape",
        env=cli_env() if env is None else env,
        timeout=timeout,
        **popen,  # type: ignore[arg-type]
    )
    assert snapshot(inputs) == before, "an input changed"
    return result


def run_main(args: Sequence[str | os.PathLike[str]], capsys, *, inputs: Sequence[Path]):
    """``compare.cli.main.main(ARGS)`` in this process: (exit code, stderr)."""
    from compare.cli.main import main

    before = snapshot(inputs)
    capsys.readouterr()
    code = main([os.fsdecode(a) for a in args])
    err = capsys.readouterr().err
    assert snapshot(inputs) == before, "an input changed"
    return code, err


def skipped_lines(stderr: str) -> dict[str, str]:
    """``{path: reason}`` from stderr's ``compare: skipped:`` lines; each path once."""
    found: dict[str, str] = {}
    for line in stderr.splitlines():
        if line.startswith("compare: skipped: "):
            match = SKIPPED_LINE.match(line)
            assert match, line
            assert match["path"] not in found, f"listed twice: {line}"
            found[match["path"]] = match["reason"]
    return found


def temps(folder: Path) -> list[Path]:
    """Temp files anywhere under ``folder``."""
    return sorted(p for p in folder.rglob("*") if p.name.endswith(".tmp"))
