"""Suite-wide hooks: a stop request never outlives its test; which browser tests could not run;
the seeds' report, made once for the whole run."""

from __future__ import annotations

import fcntl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import INSTALL_HINT, MISSING
from compare.util import interrupt

from cli_runs import cli_env

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """The seeds' report folder (PDF, HTML, JSON) as ``make report`` writes it; read it only.

    Why once for the run, not once per module: the browser and the page-one
    tests each ran ``compare report seeds/`` (about 12 s of CPU with the PDF),
    on two workers.  The first worker to ask writes it under the run's shared
    temp folder, holding a lock; the others wait and read the same files.  A
    test that changes the folder works on a copy.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":  # pytest-xdist: the workers' temp folders share a parent
        shared = shared.parent
    out = shared / "seeds-report"
    with (shared / "seeds-report.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out / "done").exists():
            done = subprocess.run(
                [sys.executable, "-m", "compare", "report", str(SEEDS), "--out", str(out), "-q"],
                env=cli_env(),
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert done.returncode in (0, 3), done.stderr
            (out / "done").write_text("")
    [folder] = [p for p in out.iterdir() if p.is_dir()]
    return folder


@pytest.fixture(autouse=True)
def _no_stop_request_left() -> Iterator[None]:
    """A test that sends this process SIGINT leaves no stop request for the next one."""
    yield
    interrupt.forget()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Name the browser tests skipped for want of chromium, and how to get it (#16)."""
    if not MISSING:
        return
    skipped = [
        report.nodeid
        for report in terminalreporter.stats.get("skipped", [])
        if "test_browser" in report.nodeid
    ]
    if skipped:
        terminalreporter.write_line(
            f"browser tests not run ({', '.join(MISSING)} missing; {INSTALL_HINT}): "
            + " ".join(skipped)
        )
