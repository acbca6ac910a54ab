"""RELIABILITY checklist, outputs and interruption, end to end through the command line.

Kills, interrupts and file-size limits are real (subprocesses with timeouts);
only what root cannot be denied is simulated.  ``run_cli``/``run_main`` also
check after every run that no input changed (item 63).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compare.cli import commands
from compare.errors import ExitCode
from compare.pipeline import run as pipeline_module
from compare.report import outputs as outputs_module

from cli_runs import EPOCH, FLOOD_SLUG, cli_env, run_cli, run_main, snapshot, temps, write_articles

OLD = {"report.pdf": b"%PDF-old", "report.html": b"<p>old</p>", "report.json": b'{"old": 1}'}


@pytest.fixture(autouse=True)
def _epoch(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.fixture
def src(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "in")


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder holding a previous report of the flood story."""
    story = tmp_path / "out" / FLOOD_SLUG
    story.mkdir(parents=True)
    for name, data in OLD.items():
        (story / name).write_bytes(data)
    return tmp_path / "out"


def _old_intact(out: Path) -> bool:
    story = out / FLOOD_SLUG
    kept = {p.name: p.read_bytes() for p in story.iterdir() if not p.name.endswith(".tmp")}
    return kept == OLD


def _wait_for(proc: subprocess.Popen, text: str, timeout: float = 60) -> str:
    """Read the child's stderr until a line containing ``text``; return what was read."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    proc.kill()
    raise AssertionError(f"never saw {text!r}: {''.join(seen)}")


def _start(args: list[object]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "compare", *map(os.fsdecode, args)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )


# 56: a real SIGKILL in the middle of writing a temp file, then a normal run.
KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from compare.report import outputs

def stall(fd):
    print("writing", flush=True)
    time.sleep(60)

outputs.os.fsync = stall
outputs.atomic_write(Path(sys.argv[1]), b"{" * 1_000_000)
"""


def test_56_kill_9_during_the_write_keeps_old_report_and_next_run_sweeps(
    src: Path, out: Path, capsys
) -> None:
    target = out / FLOOD_SLUG / "report.json"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, os.fsdecode(target)],
        stdout=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    try:
        assert proc.stdout.readline() == "writing\n"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    [left] = temps(out)
    assert left.name.startswith(f".report.json.{outputs_module.host_token()}.{proc.pid}.")
    assert _old_intact(out)
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.OK, err
    assert temps(out) == []
    assert json.loads(target.read_text())["run_id"]


def test_56_kill_9_during_the_render_keeps_old_report(src: Path, out: Path) -> None:
    before = snapshot([src])
    proc = _start(["report", src, "--out", out])
    try:
        _wait_for(proc, "rendering")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert _old_intact(out)
    assert temps(out) == []
    assert snapshot([src]) == before


# 57
def test_57_file_size_limit_during_the_write_exits_5_old_report_intact(
    src: Path, out: Path
) -> None:
    def limit() -> None:  # like `ulimit -f 8`: SIGXFSZ is left at its default (kill)
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = run_cli(
        ["report", src, "--out", out, "--format", "json"],
        inputs=[src],
        preexec_fn=limit,
        timeout=60,
    )
    assert result.returncode == ExitCode.OUTPUT, result.stderr
    target = out / FLOOD_SLUG / "report.json"
    assert f"compare: error: could not write {target}: File too large" in result.stderr
    assert _old_intact(out)
    assert temps(out) == []


def test_57_file_size_limit_while_rendering_pdf_exits_5_without_temp_folders(
    src: Path, out: Path, tmp_path: Path
) -> None:
    """Issue #19: under ``ulimit -f`` a PDF run ended "internal error while rendering", exit 1."""
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))

    result = run_cli(
        ["report", src, "--out", out, "--format", "pdf,html,json"],
        inputs=[src],
        preexec_fn=limit,
        timeout=120,
        env=cli_env(TMPDIR=os.fsdecode(tmpdir)),
    )
    assert result.returncode == ExitCode.OUTPUT, result.stderr
    assert "internal error" not in result.stderr
    assert "File too large" in result.stderr
    assert _old_intact(out)
    assert temps(out) == []
    assert list(tmpdir.iterdir()) == []


@pytest.mark.parametrize("formats", ["json,csv", "pdf,html,json,csv"])
def test_story_folder_linked_to_the_inputs_is_not_written_through(
    src: Path, tmp_path: Path, capsys, formats: str
) -> None:
    """Issue #19: an existing ``OUT/<slug>`` link made the reports land in the link's target."""
    out = tmp_path / "out"
    out.mkdir()
    (out / FLOOD_SLUG).symlink_to(src, target_is_directory=True)
    code, err = run_main(
        ["report", src, "--out", out, "--format", formats, "--jobs", "1"], capsys, inputs=[src]
    )
    assert code == ExitCode.OUTPUT, err
    assert "symbolic link" in err
    assert (out / FLOOD_SLUG).is_symlink()
    assert sorted(p.name for p in src.iterdir()) == ["courier.txt", "gazette.txt", "herald.txt"]


# 58
@pytest.mark.parametrize("kind", ["file", "under-a-file", "unwritable"])
def test_58_unusable_output_folder_fails_before_analysis(
    tmp_path: Path, src: Path, capsys, monkeypatch, kind: str
) -> None:
    target = tmp_path / "target"
    if kind == "file":
        target.write_text("not a folder")
        expected = f"output folder {target} is a file"
    elif kind == "under-a-file":
        (tmp_path / "plain").write_text("x")
        target = tmp_path / "plain" / "reports"
        expected = f"output folder {target} is not writable: Not a directory"
    else:  # root ignores permission bits: refuse the probe like a read-only folder would
        real = outputs_module.tempfile.mkstemp

        def read_only(*args, **kwargs):
            if kwargs.get("dir") == target:
                raise PermissionError(13, "Permission denied")
            return real(*args, **kwargs)

        monkeypatch.setattr(outputs_module.tempfile, "mkstemp", read_only)
        expected = f"output folder {target} is not writable: Permission denied"

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysis started before the pre-flight check")

    monkeypatch.setattr(pipeline_module, "ingest", no_analysis)
    code, err = run_main(["report", src, "--out", target], capsys, inputs=[src])
    assert code == ExitCode.OUTPUT
    assert f"compare: error: {expected}" in err


def test_58_output_folder_on_a_read_only_filesystem(src: Path, capsys) -> None:
    code, err = run_main(["report", src, "--out", "/proc/compare-out"], capsys, inputs=[src])
    assert code == ExitCode.OUTPUT
    assert "compare: error: output folder /proc/compare-out is not writable" in err


# 59
@pytest.mark.parametrize(
    ("stop", "code"),
    [(signal.SIGINT, ExitCode.INTERRUPTED), (signal.SIGTERM, ExitCode.TERMINATED)],
)
def test_59_stopped_mid_run_without_partial_outputs_or_temp_folders(
    src: Path, out: Path, tmp_path: Path, stop: signal.Signals, code: ExitCode
) -> None:
    before = snapshot([src])
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", "report", os.fsdecode(src), "--out", os.fsdecode(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**cli_env(), "TMPDIR": str(scratch)},
    )
    try:
        seen = _wait_for(proc, "rendering")
        proc.send_signal(stop)
        rest = proc.stderr.read()
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == code, seen + rest
    assert "compare: interrupted" in rest and "Traceback" not in rest
    assert _old_intact(out)
    assert temps(out) == []
    assert list(scratch.iterdir()) == []  # nor a render folder of the killed helper
    assert snapshot([src]) == before


def test_59_interrupt_while_writing_a_story_leaves_no_mix_and_no_temp(
    src: Path, out: Path, capsys, monkeypatch
) -> None:
    """All of a story's files are new, or all old: never report.html new, report.pdf old."""
    real = os.fsync
    calls = []

    def interrupted_second_time(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(fd)

    monkeypatch.setattr(outputs_module.os, "fsync", interrupted_second_time)
    code, _err = run_main(
        ["report", src, "--out", out, "--format", "html,json"], capsys, inputs=[src]
    )
    assert code == ExitCode.INTERRUPTED
    assert _old_intact(out)
    assert temps(out) == []


def test_59_interrupt_during_the_renames_is_held_until_they_are_done(
    tmp_path: Path, monkeypatch
) -> None:
    files = [(tmp_path / name, b"new") for name in ("a.html", "b.json", "c.pdf")]
    for path, _ in files:
        path.write_bytes(b"old")
    real = os.replace

    def replace_then_interrupt(src, dst, **dir_fds):
        os.kill(os.getpid(), signal.SIGINT)
        real(src, dst, **dir_fds)

    monkeypatch.setattr(outputs_module.os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        outputs_module.atomic_write_many(files)
    assert [p.read_bytes() for p, _ in files] == [b"new"] * 3
    assert temps(tmp_path) == []


# 61
def test_61_concurrent_runs_on_one_output_leave_complete_files(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "shared"
    procs = [
        _start(["report", src, "--out", out, "--format", "json", "--max-article-bytes", n])
        for n in ("1048576", "1048577")
    ]
    results = [(p.communicate(timeout=120)[1], p.returncode) for p in procs]
    assert [code for _err, code in results] == [0, 0], results
    text = (out / FLOOD_SLUG / "report.json").read_text(encoding="utf-8")
    report = json.loads(text)  # complete: one run's whole file, never a mix
    assert report["settings"]["max_article_bytes"] in ("1048576", "1048577")
    assert text.count('"run_id"') == 1
    assert temps(out) == []


# 63: the helpers check every run above; here the failing runs, one after another.
def test_63_failing_runs_leave_every_input_unchanged(src: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "file").write_text("x")
    one = write_articles(tmp_path / "one", {"a.txt": "Only one article here.\n"})
    cases = [
        (["report", src, "--out", src], ExitCode.USAGE),
        (["report", one, "--out", tmp_path / "o1"], ExitCode.NO_REPORT),
        (["report", src, "--out", tmp_path / "file"], ExitCode.OUTPUT),
        (["report", src, "--out", tmp_path / "o2", "--render-timeout", "0.001"], ExitCode.OUTPUT),
    ]
    for args, expected in cases:
        before = snapshot([src, one])
        code, err = run_main(args, capsys, inputs=[src, one])
        assert code == expected, (args, err)
        assert snapshot([src, one]) == before


def test_check_of_outputs_runs_before_analysis(
    src: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """The pre-flight order: arguments, output folder, then the slow analysis."""
    order = []
    monkeypatch.setattr(commands, "check_writable", lambda folder: order.append("check"))
    real = pipeline_module.prepare  # reading and grouping, before each story's analysis

    def prepare(*args, **kwargs):
        order.append("analyze")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "prepare", prepare)
    run_main(["report", src, "--out", tmp_path / "o", "--format", "json"], capsys, inputs=[src])
    assert order == ["check", "analyze"]
