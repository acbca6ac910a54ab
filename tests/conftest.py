"""Suite-wide hooks: a stop request never outlives its test; which browser tests could not run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browser import INSTALL_HINT, MISSING
from compare.util import interrupt


@pytest.fixture(autouse=True)
def _no_stop_request_left() -> Iterator[None]:
    """A test that sends this process SIGINT leaves no stop request for the next one."""
    yield
    interrupt.forget()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Name the browser tests skipped for want of chromium, and how to get it (#16)."""
    if not MISSING:
        return
    skipped = [
        report.nodeid
        for report in terminalreporter.stats.get("skipped", [])
        if "test_browser" in report.nodeid
    ]
    if skipped:
        terminalreporter.write_line(
            f"browser tests not run ({', '.join(MISSING)} missing; {INSTALL_HINT}): "
            + " ".join(skipped)
        )
