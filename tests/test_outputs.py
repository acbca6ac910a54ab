"""Atomic writes: complete files, normal permissions, no temp left behind."""

import os
import stat
from pathlib import Path

import pytest

from compare.errors import OutputError
from compare.outputs import atomic_write, check_writable, sweep_stale_temps


def test_write_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.json"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]


def test_permissions_follow_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "r.pdf", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.pdf").stat().st_mode) == 0o644


def test_failed_write_keeps_old_file_and_no_temp(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "report.html"
    atomic_write(target, b"previous")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match="No space left on device"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_interrupt_during_write_removes_temp(tmp_path: Path, monkeypatch) -> None:
    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(tmp_path / "x.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_sweep_removes_only_dead_runs_temps(tmp_path: Path) -> None:
    dead = tmp_path / ".report.pdf.999999999.abcd.tmp"
    mine = tmp_path / f".report.pdf.{os.getpid()}.abcd.tmp"
    other = tmp_path / "notes.tmp"
    for p in (dead, mine, other):
        p.write_bytes(b"x")
    assert sweep_stale_temps(tmp_path) == [dead]
    assert not dead.exists() and mine.exists() and other.exists()


def test_check_writable_rejects_a_file(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        check_writable(f)


def test_check_writable_rejects_unwritable_folder(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="not writable: Permission denied"):
        check_writable(tmp_path)
