"""`compare diff A B`: classified differences in the terminal, colour optional."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

A = "The storm cut power to 12,000 homes, the utility said. Crews worked through the night."
B = "The storm cut power to 15,000 homes. Crews worked through the night."


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "compare", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "100", "SOURCE_DATE_EPOCH": "1603152000", **env},
    )


def test_diff_shows_both_texts_and_the_number_finding(tmp_path: Path) -> None:
    result = _run(tmp_path, NO_COLOR="1")
    assert result.returncode == 0, result.stderr
    assert "number_discrepancy" in result.stdout
    assert "12,000" in result.stdout and "15,000" in result.stdout
    assert "line 1" in result.stdout


def test_no_color_means_no_escape_codes(tmp_path: Path) -> None:
    assert "\x1b[" not in _run(tmp_path, NO_COLOR="1").stdout
    assert "\x1b[" in _run(tmp_path, FORCE_COLOR="1").stdout


def test_missing_file_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "compare", "diff", str(tmp_path / "x.txt"), str(tmp_path / "y.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not found" in result.stderr
