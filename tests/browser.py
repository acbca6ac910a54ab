"""Helpers for the browser tests (#16): Debian's chromium driven by Selenium.

Why Debian's packages: Playwright's own browser download cannot be reached
from the build machines, while ``chromium`` and ``chromium-driver`` come from
the distribution's mirror (``.ci/run`` installs them).  Without them the
browser tests are the only tests allowed not to run; ``conftest.py`` says so
in one line at the end of the run.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

INSTALL_HINT = "apt-get install chromium chromium-driver poppler-utils"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
DRIVER = shutil.which("chromedriver")
PDFTOTEXT = shutil.which("pdftotext")
MISSING = [
    name
    for name, found in (("chromium", CHROMIUM), ("chromedriver", DRIVER), ("pdftotext", PDFTOTEXT))
    if not found
]
SKIP_REASON = f"browser test not run: {', '.join(MISSING)} not found; install with: {INSTALL_HINT}"
needs_browser = pytest.mark.skipif(bool(MISSING), reason=SKIP_REASON)

PHONE = (390, 844)
DESKTOP = (1280, 900)


@contextmanager
def chromium(tmp: Path, size: tuple[int, int]) -> Iterator[object]:
    """A headless Chromium at ``size`` CSS pixels, with a fresh profile and no network extras."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp / 'profile'}",
        f"--window-size={size[0]},{size[1]}",
    ):
        options.add_argument(flag)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(options=options, service=Service(str(DRIVER)))
    try:
        driver.set_window_size(*size)
        inner = driver.execute_script("return window.innerWidth")
        if inner != size[0]:  # the window frame took some: widen until the page is as asked
            driver.set_window_size(size[0] + (size[0] - inner), size[1])
        yield driver
    finally:
        driver.quit()
