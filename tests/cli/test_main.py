"""Command-line contract: options documented, exit codes, one-line errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from compare.cli.main import build_parser, main, source_date_epoch
from compare.errors import ExitCode, UsageError

from cli_runs import run_cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _all_options() -> set[str]:
    parser = build_parser()
    found = {o for a in parser._actions for o in a.option_strings}
    for action in parser._actions:
        for sub in getattr(action, "choices", None) or {}:
            subparser = action.choices[sub]
            if hasattr(subparser, "_actions"):
                found |= {o for a in subparser._actions for o in a.option_strings}
    return found - {"-h", "--help"}


@pytest.mark.parametrize("option", sorted(_all_options()))
def test_every_option_is_in_the_readme(option: str) -> None:
    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", README), option


@pytest.mark.parametrize("code", [c.value for c in ExitCode])
def test_every_exit_code_is_documented(code: int) -> None:
    assert f"| {code} |" in README
    assert f"  {code} " in build_parser().format_help()


@pytest.mark.parametrize(
    "value",
    # "²", "١٢" and "１２": digits to str.isdigit, not to int() (issue #19: exit 1)
    # (and whitespace around digits: README says anything but ASCII digits)
    [
        "abc",
        "1.5",
        "-5",
        "²",
        "\u0661\u0662",
        "\uff11\uff12",
        "1_000",
        " 16",
        "16\n",
    ],
)
def test_invalid_source_date_epoch_is_a_usage_error(value: str) -> None:
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH must be an integer"):
        source_date_epoch({"SOURCE_DATE_EPOCH": value})


def test_source_date_epoch_past_the_year_9999_says_so() -> None:
    with pytest.raises(UsageError, match="past the last second of the year 9999"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "253402300800"})
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "253402300799"}) == 253402300799


def test_an_empty_out_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("One sentence here.")
    with pytest.raises(SystemExit) as exc:
        main(["report", str(tmp_path), "--out", ""])
    assert exc.value.code == 2
    assert "--out: must name a folder" in capsys.readouterr().err


def test_valid_source_date_epoch() -> None:
    assert source_date_epoch({"SOURCE_DATE_EPOCH": "1603152000"}) == 1603152000


def test_missing_folder_exits_2_without_output(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = main(["report", str(tmp_path / "nope"), "--out", str(out)])
    assert code == ExitCode.USAGE
    assert "input folder" in capsys.readouterr().err
    assert not any(out.glob("**/report.*"))


def test_output_folder_equal_to_input_folder_exits_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("One sentence here.")
    before = (tmp_path / "a.txt").read_bytes()
    code = main(["report", str(tmp_path), "--out", str(tmp_path)])
    assert code == ExitCode.USAGE
    assert "is the input folder" in capsys.readouterr().err
    assert (tmp_path / "a.txt").read_bytes() == before


def test_bad_format_is_rejected_by_argparse(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["report", str(tmp_path), "--format", "pdf,docx"])
    assert exc.value.code == 2


def test_invalid_epoch_via_process_has_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "abc"}
    result = subprocess.run(
        [sys.executable, "-m", "compare", "report", str(tmp_path), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "compare: error: SOURCE_DATE_EPOCH must be an integer number of seconds"
    )


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "compare", "--version"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout.startswith("compare ")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("wire", "wire"), ("in/wire.txt", "wire"), ("pages/site.html", "site"), ("a.b", "a.b")],
)
def test_reference_accepts_an_id_or_a_file(given: str, expected: str) -> None:
    from compare.cli.main import _reference_id

    assert _reference_id(given) == expected


def _run_entry(tmp_path: Path, before: str) -> subprocess.CompletedProcess[str]:
    """``cli.run`` in a fresh process on a missing folder (exit 2), after ``before``.

    It prints "exit handler ran" from an ``atexit`` hook and "teardown ran"
    when Python's teardown frees the module's objects.
    """
    code = (
        "import atexit, sys, threading, time\n"
        "class Noisy:\n"
        "    def __del__(self): print('teardown ran', flush=True)\n"
        "kept = Noisy()\n"
        "atexit.register(lambda: print('exit handler ran'))\n"
        "print('printed before, still buffered')\n"
        f"{before}\n"
        f"sys.argv = ['compare', 'report', {str(tmp_path / 'missing')!r}]\n"
        "from compare.cli.main import run\n"
        "run()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )


def test_run_skips_python_teardown_but_keeps_exit_code_handlers_and_output(
    tmp_path: Path,
) -> None:
    result = _run_entry(tmp_path, before="")
    assert result.returncode == ExitCode.USAGE
    assert result.stdout == "printed before, still buffered\nexit handler ran\n"
    assert "compare: error: input folder" in result.stderr


def test_run_exits_normally_while_a_thread_is_still_running(tmp_path: Path) -> None:
    result = _run_entry(tmp_path, before="threading.Thread(target=time.sleep, args=(3,)).start()")
    assert result.returncode == ExitCode.USAGE
    assert result.stdout.splitlines()[1:] == ["exit handler ran", "teardown ran"]


def test_temporary_matplotlib_folder_is_removed_when_the_command_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real_mkdtemp = tempfile.mkdtemp

    def mkdtemp(**kwargs: str) -> str:
        made.append(real_mkdtemp(**kwargs))
        return made[-1]

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "not-there"))
    assert main(["report", str(tmp_path / "missing")]) == ExitCode.USAGE
    assert len(made) == 1 and not Path(made[0]).exists()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "not-there")


@pytest.mark.parametrize(
    "page",
    [
        "plain words with no markup at all and nothing else",
        "<!-- only a comment -->",
        '<?xml version="1.0"?>',
    ],
)
def test_third_party_log_lines_never_reach_stderr(tmp_path: Path, page: str) -> None:
    """Issue #19: trafilatura's and lxml's own ERROR lines broke one line per problem."""
    from compare.ingest.html import EXTRACTOR

    from cli_runs import run_cli, write_articles

    src = write_articles(tmp_path / "in")
    (src / "page.html").write_text(page, encoding="utf-8")
    result = run_cli(["report", src, "--out", tmp_path / "out", "--format", "json"], inputs=[src])
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if "ERROR" in line] == []
    assert [line for line in lines if "skipped:" in line] == [
        f"compare: skipped: {src / 'page.html'}: no article text found in the saved page "
        f"({EXTRACTOR} found no main text)"
    ]


def test_words_only_switches_sentence_meanings_off() -> None:
    from compare.cli.main import options_from

    parser = build_parser()
    assert options_from(parser.parse_args(["report", "seeds"]), 0).sentence_meanings
    words = options_from(parser.parse_args(["report", "seeds", "--words-only"]), 0)
    assert not words.sentence_meanings


def test_a_missing_sources_file_is_refused_before_any_input_is_read(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    result = run_cli(
        ["report", seeds, "--out", tmp_path / "out", "--sources", tmp_path / "none.yaml"],
        inputs=[seeds],
    )
    assert result.returncode == ExitCode.USAGE
    assert "sources file" in result.stderr and "not found" in result.stderr
    assert "reading" not in result.stderr  # no article was read first
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", [["report", "seeds"], ["review", "x"], ["diff", "a", "b"]])
def test_quiet_and_verbose_together_are_a_usage_error(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*command, "-q", "-v"])
    assert exit_.value.code == ExitCode.USAGE
    assert "not allowed with argument" in capsys.readouterr().err
