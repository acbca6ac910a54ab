"""``compare diff`` (#16): two articles from any inputs, --id to pick, plain marking when piped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli.diff_pick import pick_two
from compare.errors import NoReportError, UsageError
from compare.model import Article

A = "The storm cut power to 12,000 homes, the utility said. Crews worked through the night."
B = "The storm cut power to 15,000 homes. Crews worked through the night."
C = "A storm cut power to 9,000 homes on Tuesday. Crews worked through the night."


def _diff(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "compare", "diff", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1603152000"},
    )


def test_piped_output_marks_changes_in_plain_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    result = _diff(tmp_path / "a.txt", tmp_path / "b.txt")
    assert result.returncode == 0, result.stderr
    assert "[-12,000-]" in result.stdout and "{+15,000+}" in result.stdout
    assert "(line 1)" in result.stdout and "number_discrepancy" in result.stdout


def test_folder_of_two_and_archive_picked_by_id(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(B, encoding="utf-8")
    assert "{+15,000+}" in _diff(folder).stdout
    archive = tmp_path / "feed.jsonl"
    rows = [
        {"id": i, "text": t, "outlet": o}
        for i, t, o in (("x1", A, "Gazette"), ("x2", B, "Herald"), ("x3", C, "Courier"))
    ]
    archive.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    refused = _diff(archive)
    assert refused.returncode == 2
    assert "hold 3 articles; pick two with --id ID --id ID (ids: x1, x2, x3)" in refused.stderr
    assert "internal error" not in refused.stderr
    picked = _diff(archive, "--id", "x3", "--id", "x1")
    assert picked.returncode == 0, picked.stderr
    assert "[-9,000-]" in picked.stdout and "{+12,000+}" in picked.stdout


def test_pick_two_errors() -> None:
    arts = [Article(i, i, "", "", i, "", None, None, "") for i in ("a", "b", "c")]
    with pytest.raises(UsageError, match="exactly twice"):
        pick_two(arts, ["a"])
    with pytest.raises(UsageError, match="no usable article with id 'z'"):
        pick_two(arts, ["a", "z"])
    with pytest.raises(NoReportError):
        pick_two(arts[:1], None)
