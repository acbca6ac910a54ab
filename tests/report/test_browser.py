"""The HTML report in a real browser (#16): filters, chart links, phone width, review.

Each test runs at phone (390 px) and desktop width.  The review test is the
issue's "done when": ``compare review`` on the seeds' report, a finding
dismissed and another annotated in headless Chromium, saved, and the
re-rendered PDF (read with ``pdftotext``) no longer lists the finding and
names it under the reviewer's decisions; restoring it lists it again.
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from browser import DESKTOP, PHONE, chromium, needs_browser

from cli_runs import cli_env

pytestmark = needs_browser

WIDTHS = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "desktop"])
WAIT_S = 120  # a generous bound on a save's re-render on a busy machine; not a timing test


def _wait(driver, condition, message: str):
    """Wait for ``condition``; elements may vanish meanwhile (the page reloads after a save)."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    ignored = (NoSuchElementException, StaleElementReferenceException)
    return WebDriverWait(driver, WAIT_S, ignored_exceptions=ignored).until(condition, message)


def _open(driver, url: str) -> None:
    """Load the page and wait until its script has run (the filters are shown by it)."""
    from selenium.webdriver.common.by import By

    driver.get(url)
    _wait(
        driver,
        lambda d: (
            d.execute_script("return document.readyState") == "complete"
            and d.find_element(By.ID, "filters").is_displayed()
        ),
        f"{url} loads and its script runs",
    )


def _visible_items(driver) -> list[dict[str, str]]:
    return driver.execute_script(
        """const all = document.querySelectorAll(
             '#findings .finding-item, #passages .finding-item');
           return Array.from(all).filter(e => e.offsetParent !== null).map(e => ({
             id: e.dataset.finding, kind: e.dataset.kind, outlets: e.dataset.outlets,
             severity: e.dataset.severity}));"""
    )


@WIDTHS
def test_filters_offline_from_disk(seeds_report, tmp_path, size):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    with chromium(tmp_path, size) as driver:
        _open(driver, (seeds_report / "report.html").as_uri())
        assert driver.find_element(By.ID, "filters").is_displayed()
        assert not driver.find_element(By.ID, "review-panel").is_displayed()  # not served
        everything = _visible_items(driver)
        assert len(everything) > 10
        kinds = Select(driver.find_element(By.ID, "filter-kind"))
        kinds.select_by_value("number_discrepancy")
        shown = _visible_items(driver)
        assert shown and {i["kind"] for i in shown} == {"number_discrepancy"}
        status = driver.find_element(By.ID, "filter-status").text
        assert status == f"Showing {len(shown)} of {len(everything)} findings."
        kinds.select_by_value("")
        outlet = Select(driver.find_element(By.ID, "filter-outlet"))
        key = outlet.options[-1].get_attribute("value")
        outlet.select_by_value(key)
        shown = _visible_items(driver)
        assert shown and all(key in i["outlets"].split() for i in shown)
        assert len(shown) < len(everything)
        outlet.select_by_value("")
        Select(driver.find_element(By.ID, "filter-severity")).select_by_value("2")
        shown = _visible_items(driver)
        assert shown and all(int(i["severity"]) <= 2 for i in shown)
        driver.find_element(By.ID, "filter-reset").click()
        _wait(driver, lambda d: len(_visible_items(d)) == len(everything), "reset shows all")


@WIDTHS
def test_chart_cell_jumps_to_its_findings_by_keyboard(seeds_report, tmp_path, size):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    with chromium(tmp_path, size) as driver:
        _open(driver, (seeds_report / "report.html").as_uri())
        for chart in ("coverage", "kinds"):
            links = driver.find_elements(By.CSS_SELECTOR, f"#chart-{chart} a.hot")
            everywhere = len(driver.find_elements(By.CSS_SELECTOR, "a.hot"))
            assert links, (chart, driver.current_url, everywhere)
            link = links[-1]
            target = link.get_attribute("href").split("#", 1)[1]
            link.send_keys(Keys.ENTER)  # focusable and followed from the keyboard
            _wait(
                driver,
                lambda d, t=target: d.execute_script("return document.activeElement.id") == t,
                f"{chart} link focuses its finding",
            )
            element = driver.find_element(By.ID, target)
            assert element.is_displayed()
            assert driver.execute_script("return location.hash") == f"#{target}"
            label = link.get_attribute("aria-label")
            assert "finding" in label and "outlet" in label
            kind = link.get_attribute("data-kind")
            if kind:  # a findings-by-kind cell filters to that kind and outlet
                assert {i["kind"] for i in _visible_items(driver)} == {kind}


@WIDTHS
def test_no_overlapping_columns_or_sideways_scroll(seeds_report, tmp_path, size):
    from selenium.webdriver.common.by import By

    with chromium(tmp_path, size) as driver:
        _open(driver, (seeds_report / "report.html").as_uri())
        width = driver.execute_script("return window.innerWidth")
        assert width == size[0]
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        assert scroll <= width, "the page scrolls sideways"
        for row in driver.find_elements(By.CSS_SELECTOR, "table.outlets tbody tr"):
            boxes = [c.rect for c in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for a, b in itertools.pairwise(boxes):
                side_by_side = a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]
                if side_by_side:  # cells on one line must not overlap
                    assert a["x"] + a["width"] <= b["x"] + 1, (a, b)
            for cell in row.find_elements(By.CSS_SELECTOR, "th, td"):
                overflow = driver.execute_script(
                    "return arguments[0].scrollWidth - arguments[0].clientWidth", cell
                )
                assert overflow <= 1, cell.text  # text spills out of its column


class _Server:
    """``compare review FOLDER`` in a subprocess; its URL read from stdout."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "compare", "review", str(folder), "-q"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        self.url = ""
        reader = threading.Thread(target=self._read, daemon=True)
        reader.start()
        reader.join(WAIT_S)
        assert self.url.startswith("http://127.0.0.1:"), self.process.stderr

    def _read(self) -> None:
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        assert self.process.returncode == 130


def _pdf_text(path: Path) -> str:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(text.split())


def _save(driver) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.ID, "review-save").click()
    # this text is shown only by the reloaded page (before it: "Saved; reloading…")
    _wait(
        driver,
        lambda d: (
            d.find_element(By.ID, "review-status").text == "Saved; the report was re-rendered."
        ),
        "the save finishes and the page reloads",
    )


@WIDTHS
def test_review_dismiss_note_save_rerender_restore(seeds_report, tmp_path, size):
    from selenium.webdriver.common.by import By

    folder = tmp_path / "story"
    shutil.copytree(seeds_report, folder)
    before = _pdf_text(folder / "report.pdf")
    if size == PHONE:
        # The re-rendered PDF is the same at both widths: read at desktop width only.  Without
        # a PDF in the folder a save re-renders the HTML and JSON (about 10 s of CPU less).
        (folder / "report.pdf").unlink()
    server = _Server(folder)
    try:
        with chromium(tmp_path, size) as driver:
            _open(driver, server.url)
            _wait(driver, lambda d: d.find_element(By.ID, "review-panel").is_displayed(), "panel")
            cards = driver.find_elements(By.CSS_SELECTOR, "#findings article.finding-item")
            target, other = cards[1], cards[2]
            fid = target.get_attribute("data-finding")
            other_id = other.get_attribute("data-finding")
            heading = " ".join(target.find_element(By.TAG_NAME, "h3").text.split())
            assert heading.startswith(f"{fid} ") and heading in before
            driver.find_element(By.ID, f"dismiss-{fid}").click()
            driver.find_element(By.ID, f"reason-{fid}").send_keys("figure updated later; not bias")
            driver.find_element(By.ID, f"confirm-{fid}").click()
            assert driver.find_element(By.ID, f"dismissed-{fid}").is_displayed()
            driver.find_element(By.ID, f"note-{other_id}").send_keys("Checked with the wire desk.")
            driver.find_element(By.ID, "review-reviewer").send_keys("Dana Editor")
            driver.find_element(By.ID, "review-note").send_keys("Read against the agency copy.")
            driver.find_element(By.ID, "review-reviewed").click()
            _save(driver)
            # the reloaded page no longer lists it, and names it under the decisions
            assert not driver.find_elements(By.CSS_SELECTOR, f"#findings [data-finding='{fid}']")
            assert driver.find_element(By.ID, f"restore-{fid}").is_displayed()
            saved = (folder / "review.json").read_text(encoding="utf-8")
            assert "figure updated later; not bias" in saved and "Dana Editor" in saved
            if size == PHONE:
                assert not (folder / "report.pdf").exists()  # only what the folder had
                return  # the PDF and restoring are the same code at both widths: once is enough

            after = _pdf_text(folder / "report.pdf")
            listed, _, method = after.partition("Reviewer's decisions")
            assert heading not in listed
            assert "1 finding dismissed by the reviewer" in listed  # page 1 says so
            assert heading in method and "figure updated later; not bias" in method
            assert "Dana Editor" in method
            assert "Checked with the wire desk." in listed
            assert "Reviewer's note: Read against the agency copy." in listed  # page 1
            assert "Reviewed by Dana Editor" in method

            # Restoring re-renders what the folder has; the PDF's re-render was read above,
            # so here the HTML alone is re-rendered and read (a PDF render less to wait for).
            (folder / "report.pdf").unlink()
            driver.find_element(By.ID, f"restore-{fid}").click()
            _save(driver)
            assert driver.find_elements(By.CSS_SELECTOR, f"#findings [data-finding='{fid}']")
            page = (folder / "report.html").read_text(encoding="utf-8")
            assert re.search(rf'finding-item"[^>]*data-finding="{fid}"', page)  # listed again
            assert f'dismissed-item" data-finding="{fid}"' not in page  # no longer dismissed
            assert "figure updated later; not bias" not in (folder / "review.json").read_text(
                encoding="utf-8"
            )
    finally:
        server.stop()
    assert not [p for p in os.listdir(folder) if p.endswith(".tmp")]
