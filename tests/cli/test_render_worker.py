"""The render helper process (``compare.cli.render_worker``): same files, and no story lost to it.

Failures are simulated by patching the renderer in this process before the
helper is forked, so only the helper runs the patch.  Every test closes its
helper; none waits longer than the helper's own timeouts.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from compare.cli.render_worker import RenderFailed, RenderWorker, helper_is_useful
from compare.errors import OutputError
from compare.report import html as render_module
from compare.report.documents import render_documents
from compare.util.options import Audience, Options, OutputFormat
from compare.util.tempdirs import render_prefix

from sample_report import build_report

EPOCH = 1615766400
OPTIONS = Options(source_date_epoch=EPOCH, formats=(OutputFormat.PDF, OutputFormat.HTML))


FOLDER = Path("story")  # the helper returns paths and bytes; it writes nothing


@pytest.fixture(scope="module")
def report():
    return build_report()


@pytest.fixture(scope="module")
def in_process(report):
    """The report's files rendered in this process, once for the tests that compare with them."""
    return render_documents(report, FOLDER, options=OPTIONS)


@pytest.fixture
def helper():
    started: list[RenderWorker] = []

    def start(options: Options = OPTIONS) -> RenderWorker:
        worker = RenderWorker(options)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.close()
        assert not worker._process.is_alive()


def test_helper_renders_the_same_bytes_as_this_process(report, helper, in_process) -> None:
    theirs = helper().render(report, FOLDER)
    assert [path.name for path, _ in theirs] == ["report.html", "report.pdf"]
    assert theirs == in_process


def _signal_sets(pid: int) -> dict[str, int]:
    """The caught and ignored signal masks of a process (Linux ``/proc``)."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return {name: int(fields[name], 16) for name in ("SigCgt", "SigIgn")}


def test_the_helper_leaves_sigterm_and_ctrl_c_to_its_parent(helper) -> None:
    """A SIGTERM to the process group stops the helper silently (the default action),
    not through the parent's handler it inherited, which raised KeyboardInterrupt and
    printed a traceback; Ctrl-C it ignores."""
    previous = signal.signal(signal.SIGTERM, lambda *_: None)  # as ``compare`` sets one
    try:
        worker = helper()
        assert worker._ready()
        masks = _signal_sets(worker._process.pid)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert not masks["SigCgt"] & (1 << (signal.SIGTERM - 1))
    assert not masks["SigIgn"] & (1 << (signal.SIGTERM - 1))
    assert masks["SigIgn"] & (1 << (signal.SIGINT - 1))


def test_a_helper_gone_before_the_report_is_replaced_by_this_process(
    report, helper, in_process
) -> None:
    worker = helper()
    os.kill(worker._process.pid, signal.SIGKILL)
    worker._process.join(timeout=10)
    assert worker.render(report, FOLDER) == in_process


def test_a_bug_in_the_helper_comes_back_as_one_line(report, helper, monkeypatch) -> None:
    def buggy(*args, **kwargs):
        raise TypeError("bad field")

    monkeypatch.setattr(render_module, "render_html", buggy)
    with pytest.raises(RenderFailed, match=r"^TypeError: bad field$"):
        helper().render(report, Path("unused"))


def test_a_render_timeout_in_the_helper_is_an_output_error(report, helper) -> None:
    worker = helper(replace(OPTIONS, render_timeout_s=0.01))
    with pytest.raises(OutputError, match=r"render timed out after 0\.01 s in pdf stage"):
        worker.render(report, Path("unused"))


def test_a_helper_dying_mid_render_fails_the_story_not_the_run(report, helper, monkeypatch) -> None:
    def die(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(render_module, "render_html", die)
    with pytest.raises(RenderFailed, match="its render process died"):
        helper().render(report, Path("unused"))


def test_a_hung_helper_is_killed_at_the_story_timeout(report, helper, monkeypatch) -> None:
    def hang(*args, **kwargs):
        time.sleep(120)

    monkeypatch.setattr(render_module, "render_html", hang)
    worker = helper(replace(OPTIONS, story_timeout_s=1.0))
    start = time.monotonic()
    with pytest.raises(OutputError, match="rendering timed out after 1 s"):
        worker.render(report, Path("unused"))
    assert time.monotonic() - start < 30


def test_a_helper_killed_mid_render_leaves_no_temp_folder(
    report, helper, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def write_fonts_then_hang(*args, **kwargs):
        folder = Path(tempfile.mkdtemp(prefix=render_prefix(os.getpid())))
        (folder / "font.ttf").write_bytes(b"x" * 1000)  # as WeasyPrint does
        time.sleep(120)

    monkeypatch.setattr(render_module, "render_html", write_fonts_then_hang)
    worker = helper(replace(OPTIONS, story_timeout_s=2.0))
    with pytest.raises(OutputError, match="rendering timed out"):
        worker.render(report, Path("unused"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("changes", "useful"),
    [
        ({"formats": (OutputFormat.JSON,)}, False),
        ({"formats": (OutputFormat.JSON,), "audience": Audience.CLASSROOM}, True),
        ({"jobs": 1}, False),
        ({"scheduler": "tcp://h:8786"}, False),
    ],
)
def test_the_helper_is_started_only_where_it_helps(changes: dict, useful: bool) -> None:
    wanted = helper_is_useful(replace(OPTIONS, **changes))
    assert wanted is (useful and len(os.sched_getaffinity(0)) >= 2)
