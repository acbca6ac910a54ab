"""Suite-wide hooks: one line at the end saying which browser tests could not run, and why."""

from __future__ import annotations

from browser import INSTALL_HINT, MISSING


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
