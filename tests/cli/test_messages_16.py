"""Everything the user should know reaches the terminal, one line each; -q silences (#16)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from compare.errors import ExitCode

from cli_runs import FLOOD, run_main, write_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_article_set_aside_is_said_and_exits_3(tmp_path, capsys):
    code, err = run_main(
        ["report", SEEDS, "--out", tmp_path / "o", "--format", "json"], capsys, inputs=[SEEDS]
    )
    assert code == ExitCode.PARTIAL
    lines = [x for x in err.splitlines() if x.startswith("compare: set aside: ")]
    assert len(lines) == 1 and "002_922fff0aa49f6485.txt: covers a different event (" in lines[0]
    code, err = run_main(
        ["report", SEEDS, "--out", tmp_path / "q", "--format", "json", "-q"],
        capsys,
        inputs=[SEEDS],
    )
    assert code == ExitCode.PARTIAL and "set aside" not in err


def test_misspelt_manifest_key_is_an_error_naming_the_nearest(tmp_path, capsys):
    inputs = write_articles(tmp_path / "in", FLOOD)
    (inputs / "sources.yaml").write_text(
        "herald.txt: {outlet: Herald, dte: 2021-03-01}\n", encoding="utf-8"
    )
    code, err = run_main(["report", inputs, "--out", tmp_path / "o"], capsys, inputs=[inputs])
    assert code == ExitCode.USAGE
    assert "unknown key 'dte'; did you mean 'date'?" in err
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())
    (inputs / "sources.yaml").write_text("file,outlet,wrl\nherald.txt,Herald,x\n", encoding="utf-8")
    (inputs / "sources.yaml").rename(inputs / "sources.csv")
    code, err = run_main(["report", inputs, "--out", tmp_path / "o"], capsys, inputs=[inputs])
    assert code == ExitCode.USAGE and "unknown key 'wrl'; did you mean 'url'?" in err


def test_unmatched_manifest_entry_and_records_without_id_reach_the_terminal(tmp_path, capsys):
    inputs = write_articles(tmp_path / "in", FLOOD)
    (inputs / "sources.yaml").write_text("nosuch.txt: Nowhere Times\n", encoding="utf-8")
    body = FLOOD["herald.txt"].split("---\n", 2)[2]
    records = [{"text": body, "outlet": "Quay Post"}, {"text": body, "outlet": "Bay Wire"}]
    (inputs / "feed.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8"
    )
    args = ["report", inputs, "--out", tmp_path / "o", "--format", "json"]
    _code, err = run_main(args, capsys, inputs=[inputs])
    warnings = [x for x in err.splitlines() if x.startswith("compare: warning: ")]
    assert any("nosuch.txt" in x and "matches no article file" in x for x in warnings), err
    assert any("feed.jsonl:1" in x and "no `id` field" in x for x in warnings), err
    _code, err = run_main([*args, "-q"], capsys, inputs=[inputs])
    assert "warning" not in err


def test_stories_command_says_warnings_too(tmp_path, capsys):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "sources.yaml").write_text("nosuch.txt: Nowhere Times\n", encoding="utf-8")
    _code, err = run_main(["stories", inputs, "--out", tmp_path / "o"], capsys, inputs=[inputs])
    assert "compare: warning: " in err and "matches no article file" in err
