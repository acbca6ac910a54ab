"""tempdirs: a killed render process's temp folder is found by its process id and removed."""

from __future__ import annotations

import tempfile
from pathlib import Path

from compare.util.tempdirs import remove_render_temps, render_prefix


def test_only_that_process_folders_are_removed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / (render_prefix(4242) + "abc")
    (dead / "weasyprint-x").mkdir(parents=True)
    (dead / "weasyprint-x" / "font.ttf").write_bytes(b"x" * 10)
    other = tmp_path / (render_prefix(42) + "abc")  # 42 is a prefix of 4242's id, not its
    other.mkdir()
    remove_render_temps(4242)
    assert not dead.exists() and other.exists()
