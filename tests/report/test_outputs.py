"""Atomic writes: complete files, normal permissions, no temp left behind."""

import os
import stat
import time
from pathlib import Path

import pytest

from compare.errors import OutputError
from compare.report.outputs import (
    STALE_AGE_S,
    atomic_write,
    atomic_write_many,
    check_writable,
    host_token,
    sweep_stale_temps,
    temp_name,
)


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

    def boom(src, dst, **dir_fds):
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
    host = host_token()
    dead = tmp_path / f".report.pdf.{host}.999999999.abcd.tmp"
    csv = tmp_path / f".findings.csv.{host}.999999999.abcd.tmp"  # issue #19: was never swept
    mine = tmp_path / f".report.pdf.{host}.{os.getpid()}.abcd.tmp"
    other = tmp_path / "notes.tmp"
    for p in (dead, csv, mine, other):
        p.write_bytes(b"x")
    assert sweep_stale_temps(tmp_path) == [csv, dead]  # in name order
    assert not dead.exists() and not csv.exists() and mine.exists() and other.exists()


def test_sweep_leaves_another_hosts_young_temp_and_removes_old_ones(tmp_path: Path) -> None:
    """Issue #19: on a shared folder a dead-looking PID may be a live writer on another host."""
    other_host = "0" * 8 if host_token() != "0" * 8 else "1" * 8
    live_elsewhere = tmp_path / f".report.json.{other_host}.999999999.abcd.tmp"
    legacy = tmp_path / ".report.json.999999999.abcd.tmp"  # older naming: no host known
    old = tmp_path / f".index.html.{other_host}.999999999.abcd.tmp"
    for p in (live_elsewhere, legacy, old):
        p.write_bytes(b"x")
    day_ago = time.time() - STALE_AGE_S - 60
    os.utime(old, (day_ago, day_ago))
    assert sweep_stale_temps(tmp_path) == [old]
    assert live_elsewhere.exists() and legacy.exists()


def test_temp_names_carry_host_and_pid() -> None:
    name = temp_name("report.pdf")
    assert name.startswith(f".report.pdf.{host_token()}.{os.getpid()}.") and name.endswith(".tmp")


@pytest.mark.parametrize(
    "name", ["report.html", "report.pdf", "report.json", "findings.csv", "handout.pdf"]
)
def test_story_folder_that_is_a_link_is_never_written_through(tmp_path: Path, name: str) -> None:
    """Issue #19: ``OUT/<slug>`` linked to another folder (an input folder) is refused."""
    out, elsewhere = tmp_path / "out", tmp_path / "inputs"
    out.mkdir()
    elsewhere.mkdir()
    (elsewhere / name).write_bytes(b"precious")
    (out / "story").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError, match="symbolic link"):
        atomic_write_many([(out / "story" / name, b"new")], root=out)
    assert (elsewhere / name).read_bytes() == b"precious"
    assert sorted(p.name for p in elsewhere.iterdir()) == [name]


@pytest.mark.parametrize("name", ["index.html", "stories.json", "report.json"])
def test_output_file_that_is_a_link_is_replaced_not_followed(tmp_path: Path, name: str) -> None:
    out, target = tmp_path / "out", tmp_path / "input.txt"
    (out / "story").mkdir(parents=True)
    target.write_bytes(b"precious")
    path = out / name if name != "report.json" else out / "story" / name
    path.symlink_to(target)
    atomic_write(path, b"new", root=out)
    assert target.read_bytes() == b"precious"
    assert not path.is_symlink() and path.read_bytes() == b"new"


def test_check_writable_rejects_a_file(tmp_path: Path) -> None:
    f = tmp_path / "file"
    f.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        check_writable(f)


def test_check_writable_names_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(OutputError, match=r"symbolic link to .*gone, which does not exist"):
        check_writable(link)


def test_check_writable_rejects_unwritable_folder(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(OutputError, match="not writable: Permission denied"):
        check_writable(tmp_path)
