"""A closed or full stderr (or a closed stdout) never changes compare's exit code."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from compare.util.streams import BestEffort, best_effort_streams, visible

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class _Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_best_effort_stops_forwarding_after_the_first_failure() -> None:
    target = _Full()
    stream = BestEffort(target)
    assert stream.write("one\n") == 4 and stream.failed
    stream.flush()  # no exception either
    assert not stream.isatty()


def test_best_effort_forwards_while_the_stream_works() -> None:
    target = io.StringIO()
    stream = BestEffort(target)
    stream.write("compare: wrote x\n")
    stream.flush()
    assert target.getvalue() == "compare: wrote x\n" and not stream.failed


def test_streams_are_restored_after_the_block() -> None:
    before = sys.stdout, sys.stderr
    with best_effort_streams():
        assert isinstance(sys.stderr, BestEffort)
        assert sys.stdout is before[0]  # an open stdout is left alone
    assert (sys.stdout, sys.stderr) == before


def _compare(args: list[str], **redirect: object) -> int:
    command = [sys.executable, "-m", "compare", *args]
    return subprocess.run(command, timeout=120, **redirect).returncode  # type: ignore[call-overload]


def test_report_on_a_full_stderr_exits_as_without_it(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _compare(
            ["report", str(SEEDS), "--out", str(tmp_path), "--format", "json"], stderr=full
        )
        unwritable = _compare(
            ["report", str(SEEDS), "--out", "/proc/compare-cannot-write", "--format", "json"],
            stderr=full,
        )
    # 3: the seeds hold an article set aside as another event (#16), as with a working stderr
    assert done == 3 and list(tmp_path.glob("*/report.json"))
    assert unwritable == 5  # the output error, not "internal error"


def test_report_with_stderr_or_stdout_closed_exits_as_without_it(tmp_path: Path) -> None:
    closed_err = subprocess.run(
        f'"{sys.executable}" -m compare report "{SEEDS}" --out "{tmp_path}" --format json 2>&-',
        shell=True,
        timeout=120,
    ).returncode
    closed_out = subprocess.run(
        f'"{sys.executable}" -m compare report "{tmp_path / "missing"}" >&- 2>/dev/null',
        shell=True,
        timeout=120,
    ).returncode
    assert closed_err == 3 and list(tmp_path.glob("*/report.json"))  # one set aside (#16)
    assert closed_out == 2


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain words\tand a tab\n", "plain words\tand a tab\n"),
        ("\x1b[2J", "␛[2J"),
        ("\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇"),
        ("\r\x08\x7f", "␍␈␡"),
        ("\x9b31m", "<U+009B>31m"),  # C1 control sequence introducer
        ("abc\u202edef", "abc<U+202E>def"),  # right-to-left override
        ("a\u2066b\u2069", "a<U+2066>b<U+2069>"),  # isolates
        ("line\u2028break", "line<U+2028>break"),
        ("emoji \u200d and \u200c joiners kept", "emoji \u200d and \u200c joiners kept"),
    ],
)
def test_visible_shows_controls_and_bidi_overrides(text: str, shown: str) -> None:
    assert visible(text) == shown
