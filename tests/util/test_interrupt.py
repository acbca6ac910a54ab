"""interrupt: a stop request is remembered even when its exception is swallowed."""

from __future__ import annotations

import contextlib
import signal
from pathlib import Path

import pytest

from compare.report import outputs
from compare.util import interrupt


def _swallowed(signum: int) -> None:
    """What a ``__del__`` does with the handler's exception: Python prints it and goes on."""
    with contextlib.suppress(KeyboardInterrupt):
        interrupt.request(signum)


def test_a_request_raises_and_is_remembered() -> None:
    assert interrupt.requested() is None
    interrupt.check()  # nothing requested: no exception
    with pytest.raises(KeyboardInterrupt):
        interrupt.request(signal.SIGINT)
    assert interrupt.requested() == signal.SIGINT
    with pytest.raises(KeyboardInterrupt):
        interrupt.check()
    assert interrupt.exit_code() == 130
    interrupt.forget()
    assert interrupt.requested() is None


def test_sigterm_exits_143() -> None:
    _swallowed(signal.SIGTERM)
    assert interrupt.exit_code() == 143


def test_a_swallowed_request_stops_the_writer_before_any_rename(tmp_path: Path) -> None:
    old = tmp_path / "report.json"
    old.write_bytes(b"old")
    _swallowed(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt):
        outputs.atomic_write_many([(old, b"new"), (tmp_path / "report.html", b"new")])
    assert old.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]  # no temp left


def test_a_swallowed_request_makes_the_command_exit_130(monkeypatch, capsys) -> None:
    from compare.cli import commands
    from compare.cli.main import main

    def runs_to_the_end_after_a_swallowed_interrupt(*_args: object) -> int:
        _swallowed(signal.SIGINT)
        return 0

    monkeypatch.setattr(commands, "run", runs_to_the_end_after_a_swallowed_interrupt)
    assert main(["report", "seeds"]) == 130
    assert "compare: interrupted" in capsys.readouterr().err
