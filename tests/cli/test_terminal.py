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


HOSTILE_B = (
    "The storm cut power to 15,000 homes \x1b[2J\x1b]52;c;aGk=\x07 today.\u202e Crews worked "
    "through the night."
)


def _run_hostile(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HOSTILE_B, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "compare", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        capture_output=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200", "SOURCE_DATE_EPOCH": "1603152000", **env},
    )


def test_control_sequences_in_article_text_are_shown_not_obeyed(tmp_path: Path) -> None:
    """Issue #19: ``ESC[2J`` cleared the screen and ``ESC]52`` wrote the clipboard."""
    result = _run_hostile(tmp_path, NO_COLOR="1")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "␛[2J␛]52;c;aGk=␇" in out and "<U+202E>" in out


def test_control_sequences_are_escaped_in_colour_too(tmp_path: Path) -> None:
    out = _run_hostile(tmp_path, FORCE_COLOR="1").stdout.decode("utf-8")
    assert "\x1b[" in out  # rich's own colours
    assert "\x1b[2J" not in out and "\x1b]52" not in out


def test_ascii_only_stdout_is_escaped_not_an_internal_error(tmp_path: Path) -> None:
    """Issue #19: ``PYTHONIOENCODING=ascii`` (or ``LANG=C``) ended "internal error", exit 1."""
    result = _run_hostile(tmp_path, NO_COLOR="1", PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")
    assert b"internal error" not in result.stderr


def test_closed_pipe_ends_quietly_with_the_usual_code(tmp_path: Path) -> None:
    """Issue #19: ``compare diff a b | head -1`` exited 1."""
    (tmp_path / "a.txt").write_text(A * 40, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B * 40, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "compare", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100", "SOURCE_DATE_EPOCH": "1603152000", "NO_COLOR": "1"},
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0, err
    assert err == b""
