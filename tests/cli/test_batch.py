"""Batch mode: each story analysed and rendered in isolation, on a process pool or on Dask.

RELIABILITY rule 9 and checklist 65: a story that hangs, crashes its worker or
raises costs that story only; it is listed (stderr, index) with its reason and
the others are written.  Failures are simulated by patching the pipeline in
this process: the pool's workers are forked, so they inherit the patch.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from compare.cli import batch
from compare.errors import ExitCode, UsageError
from compare.pipeline import run as pipeline_module
from compare.pipeline.run import prepare
from compare.util.options import Options, OutputFormat

from cli_runs import EPOCH, FIRE, FIRE_SLUG, FLOOD, FLOOD_SLUG, run_main, write_articles

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cluster_corpus

JSON_ONLY = (OutputFormat.JSON,)


@pytest.fixture
def two_stories(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_articles(tmp_path / "in", {**FLOOD, **FIRE})


def _tasks(src: Path, out: Path, **changes) -> list[batch.StoryTask]:
    options = Options(out_dir=out, formats=JSON_ONLY, **changes)
    prepared = prepare([src], options=options)
    return [
        batch.StoryTask(story, story.id, options, prepared.problems, prepared.warnings)
        for story in prepared.stories
    ]


def _misbehave_for(word: str, action):
    real = pipeline_module.classify

    def classify(story, *args, **kwargs):
        if word in story.title:
            action()
        return real(story, *args, **kwargs)

    return classify


def _hang() -> None:
    time.sleep(60)


def _segfault() -> None:
    import faulthandler

    faulthandler.disable()  # pytest's handler would print a scary, expected traceback
    os.kill(os.getpid(), signal.SIGSEGV)


def test_pool_writes_every_story_and_reports_in_task_order(two_stories: Path, tmp_path) -> None:
    tasks = _tasks(two_stories, tmp_path / "out")
    seen: list[str] = []
    results = batch.ProcessExecutor(jobs=2).run(tasks, on_done=lambda r: seen.append(r.slug))
    assert [r.slug for r in results] == [t.slug for t in tasks]
    assert sorted(seen) == sorted([FLOOD_SLUG, FIRE_SLUG])
    assert all(r.ok and r.entry is not None for r in results)
    for result in results:
        assert [p.name for p in result.paths] == ["report.json"]
        assert result.paths[0].is_file()


@pytest.mark.parametrize(
    ("action", "reason", "timeout"),
    [
        (_hang, "analysis and rendering timed out after 5 s", 5.0),
        # A generous limit where nothing hangs: on a loaded machine the healthy story
        # itself took over 2 s, and a short limit made it time out too.
        (_segfault, "analysis stopped: its worker process died", 60.0),
        (lambda: 1 / 0, "internal error: ZeroDivisionError: division by zero", 60.0),
    ],
    ids=["hang", "crash", "bug"],
)
def test_pool_one_failing_story_costs_only_itself(
    two_stories: Path, tmp_path: Path, monkeypatch, action, reason: str, timeout: float
) -> None:
    monkeypatch.setattr(pipeline_module, "classify", _misbehave_for("Harlow", action))
    tasks = _tasks(two_stories, tmp_path / "out", story_timeout_s=timeout)
    start = time.monotonic()
    results = {r.slug: r for r in batch.ProcessExecutor(jobs=2, timeout_s=timeout).run(tasks)}
    assert time.monotonic() - start < 30
    assert results[FLOOD_SLUG].ok and results[FLOOD_SLUG].paths[0].is_file()
    assert results[FIRE_SLUG].failure == reason
    assert not (tmp_path / "out" / FIRE_SLUG).exists()


def test_pool_crash_with_one_worker_retries_the_others(
    two_stories: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(pipeline_module, "classify", _misbehave_for("Harlow", _segfault))
    tasks = _tasks(two_stories, tmp_path / "out")
    results = {r.slug: r for r in batch.ProcessExecutor(jobs=1).run(tasks)}
    assert results[FLOOD_SLUG].ok
    assert results[FIRE_SLUG].failure == "analysis stopped: its worker process died"


def test_cli_lists_a_timed_out_story_in_the_index(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    monkeypatch.setattr(pipeline_module, "classify", _misbehave_for("Harlow", _hang))
    monkeypatch.setattr(batch.ProcessExecutor, "__init__", _short_timeout)
    out = tmp_path / "out"
    code, err = run_main(
        ["report", two_stories, "--out", out, "--format", "json", "--jobs", "2"],
        capsys,
        inputs=[two_stories],
    )
    assert code == ExitCode.PARTIAL
    line = "compare: failed story: Fire destroys Harlow school gym: analysis and rendering timed"
    assert line in err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Not written: Fire destroys Harlow school gym" in index
    assert "Harlow Post" in index and "13 Mar 2021" in index  # outlets and dates kept
    assert f'href="{FLOOD_SLUG}/report.html"' in index
    assert (out / FLOOD_SLUG / "report.json").is_file()


_REAL_INIT = batch.ProcessExecutor.__init__


def _short_timeout(self, jobs: int = 0, timeout_s: float = 600.0, **kwargs) -> None:
    # Long enough for the good story on a busy machine (2 s timed it out too under load),
    # short enough that the hanging one costs little.
    _REAL_INIT(self, jobs, 6.0, **kwargs)


# The Dask runs happen in a child process that starts the LocalCluster in process:
# distributed leaves a thread behind ("Dask-Offload"), and a second thread in the
# test process would receive the SIGINTs other tests send themselves.
DASK_CHILD = """
import json, os, signal, sys
from pathlib import Path
from distributed import LocalCluster
from compare.cli import batch
from compare.pipeline import run as pipeline
from compare.cli.main import main
from compare.util.options import Options, OutputFormat

src, out = Path(sys.argv[1]), Path(sys.argv[2])
found = {}
with LocalCluster(
    n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
) as cluster:
    found["code"] = main(
        ["report", str(src), "--out", str(out / "ok"), "--format", "json", "-q",
         "--scheduler", cluster.scheduler_address]
    )
    real = pipeline.classify

    def classify(story, *args, **kwargs):
        if "Harlow" in story.title:
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(story, *args, **kwargs)

    pipeline.classify = classify
    # The crash is a patch of this process, which only a forked child inherits (the
    # real path, forkserver, is what the run above used).
    batch._threadsafe_method = lambda: "fork"
    options = Options(out_dir=out / "crash", formats=(OutputFormat.JSON,))
    prepared = pipeline.prepare([src], options=options)
    tasks = [batch.StoryTask(s, s.id, options, prepared.problems) for s in prepared.stories]
    results = batch.DaskExecutor(cluster.scheduler_address, timeout_s=20).run(tasks)
    found["crash"] = {r.slug: r.failure for r in results}
print(json.dumps(found))
"""


@pytest.fixture(scope="module")
def dask_run(tmp_path_factory) -> tuple[Path, dict]:
    import subprocess

    import distributed  # noqa: F401 - a dependency: fail loudly if it is missing

    base = tmp_path_factory.mktemp("dask")
    src = write_articles(base / "in", {**FLOOD, **FIRE})
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONFAULTHANDLER": ""}
    result = subprocess.run(
        [sys.executable, "-c", DASK_CHILD, str(src), str(base / "out")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return base / "out", json.loads(result.stdout.strip().splitlines()[-1])


def test_dask_runs_the_same_tasks(dask_run) -> None:
    out, found = dask_run
    assert found["code"] == ExitCode.OK
    for slug in (FLOOD_SLUG, FIRE_SLUG):
        assert (out / "ok" / slug / "report.json").is_file()
    index = (out / "ok" / "index.html").read_text(encoding="utf-8")
    assert (
        f'href="{FLOOD_SLUG}/report.html"' in index and f'href="{FIRE_SLUG}/report.html"' in index
    )


def test_dask_one_failing_story_is_listed(dask_run) -> None:
    out, found = dask_run
    assert found["crash"] == {
        FLOOD_SLUG: None,
        FIRE_SLUG: "analysis stopped: its worker process died",
    }
    assert (out / "crash" / FLOOD_SLUG / "report.json").is_file()


def test_unreachable_scheduler_is_a_usage_error(two_stories: Path, tmp_path: Path) -> None:
    tasks = _tasks(two_stories, tmp_path / "out")
    with pytest.raises(
        UsageError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        batch.DaskExecutor("tcp://127.0.0.1:9", connect_s=2).run(tasks)
    assert not (tmp_path / "out").exists()


def test_scheduler_without_dask_says_how_to_get_it(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """A plain install lacks the ``compare[dask]`` extra: exit 2, naming it, before any work."""
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now fails
    out = tmp_path / "out"
    args = ["report", two_stories, "--out", out, "--scheduler", "tcp://127.0.0.1:9"]
    code, err = run_main(args, capsys, inputs=[two_stories])
    assert code == ExitCode.USAGE
    assert 'pip install "compare[dask]"' in err
    assert "reading articles" not in err  # checked before any input is read
    assert not out.exists()


def test_default_path_does_not_import_dask(two_stories: Path, tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from compare.cli.main import main; "
        f"rc = main(['report', {str(two_stories)!r}, '--out', {str(tmp_path / 'o')!r}, "
        "'--format', 'json', '-q']); "
        "assert 'distributed' not in sys.modules and 'dask' not in sys.modules; sys.exit(rc)"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # -q: no progress bar, no lines


def test_archive_every_story_with_two_outlets_gets_a_report(tmp_path: Path, capsys) -> None:
    """A JSON Lines archive of several stories: one report per story, all in the index."""
    records = cluster_corpus.generate(24, seed=3)
    src = tmp_path / "in"
    src.mkdir()
    cluster_corpus.write_jsonl(records, src / "archive.jsonl")
    out = tmp_path / "out"
    code, _err = run_main(["stories", src, "--out", out], capsys, inputs=[src])
    assert code in (ExitCode.OK, ExitCode.PARTIAL)
    stories = json.loads((out / "stories.json").read_text(encoding="utf-8"))
    label = {r["id"]: r["story"] for r in records}
    grouped = sorted(sorted({label[a] for a in s["articles"]}) for s in stories)
    assert grouped == sorted([[x] for x in {r["story"] for r in records}])
    assert all(len(s["outlets"]) == len(s["articles"]) for s in stories)
    code, _err = run_main(
        ["report", src, "--out", out, "--format", "json", "--jobs", "2"], capsys, inputs=[src]
    )
    assert code in (ExitCode.OK, ExitCode.PARTIAL)
    reports = sorted(out.glob("*/report.json"))
    assert len(reports) == len(stories)
    index = (out / "index.html").read_text(encoding="utf-8")
    for report in reports:
        assert f'href="{report.parent.name}/report.html"' in index


def test_options_defaults_keep_the_local_pool() -> None:
    assert isinstance(batch.executor_for(Options()), batch.ProcessExecutor)
    dask = batch.executor_for(replace(Options(), scheduler="tcp://h:8786"))
    assert isinstance(dask, batch.DaskExecutor) and dask.address == "tcp://h:8786"


def _isolated_in_a_daemonic_worker(task: batch.StoryTask, answers) -> None:
    """What a ``dask worker`` process does: a task on a thread of a daemonic process."""
    import threading

    def work() -> None:
        try:
            answers.put(batch.run_story_isolated(task, timeout_s=120).ok)
        except BaseException as exc:  # the assertion the fix removes
            answers.put(f"{type(exc).__name__}: {exc}")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def test_a_story_runs_isolated_on_a_daemonic_worker(two_stories: Path, tmp_path) -> None:
    import multiprocessing

    [task, *_] = _tasks(two_stories, tmp_path / "out")
    context = multiprocessing.get_context("fork")
    answers = context.SimpleQueue()
    worker = context.Process(
        target=_isolated_in_a_daemonic_worker, args=(task, answers), daemon=True
    )
    worker.start()
    worker.join(timeout=180)
    assert answers.get() is True
    assert list((tmp_path / "out").glob("*/report.json"))


def test_isolated_story_never_forks_the_threaded_worker(
    two_stories: Path, tmp_path: Path, monkeypatch
) -> None:
    """A Dask worker is multi-threaded: its story's child must not come from ``os.fork()`` there.

    ``os.fork`` is made to fail in this (now multi-threaded) process, so the
    story is written only if its child was started another way (forkserver
    or spawn, whose server or interpreter is a fresh process).
    """
    import threading

    [task, *_] = _tasks(two_stories, tmp_path / "out")

    def no_fork() -> int:
        raise AssertionError("os.fork() called from a multi-threaded process")

    monkeypatch.setattr(os, "fork", no_fork)
    results: list[object] = []
    thread = threading.Thread(target=lambda: results.append(batch.run_story_isolated(task, 120)))
    thread.start()
    thread.join(timeout=180)
    [result] = results
    assert isinstance(result, batch.StoryResult) and result.ok, result
    assert list((tmp_path / "out").glob("*/report.json"))


def test_a_bug_met_by_one_article_costs_that_article_not_the_story(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """Issue #19: an exception in one article's analysis is confined to it: exit 3, not 1."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    src = write_articles(tmp_path / "in", FLOOD)
    real = pipeline_module.classify

    def classify(story, *args, **kwargs):
        if any(a.id == "courier" for a in story.articles):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")
        return real(story, *args, **kwargs)

    monkeypatch.setattr(pipeline_module, "classify", classify)
    out = tmp_path / "out"
    code, err = run_main(
        ["report", src, "--out", out, "--format", "json", "--jobs", "1"], capsys, inputs=[src]
    )
    assert code == ExitCode.PARTIAL, err
    assert "compare: skipped: " in err and "courier.txt: internal error while analysing" in err
    assert "with this article, which was left out (the others were analysed without it)" in err
    data = json.loads((out / FLOOD_SLUG / "report.json").read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in data["articles"]) == ["gazette", "herald"]
    assert any(
        p["path"].endswith("courier.txt") and "UnicodeEncodeError" in p["message"]
        for p in data["problems"]
    )


SLOW_RUN = """
import sys, time
from compare.pipeline import run as pipeline
def slow(*args, **kwargs):
    print("analysing", flush=True)
    time.sleep(120)
pipeline.classify = slow
from compare.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.parametrize("articles", [FLOOD, {**FLOOD, **FIRE}], ids=["helper", "pool"])
def test_helpers_and_workers_die_with_a_killed_parent(tmp_path: Path, articles) -> None:
    """Issue #19: after ``kill -9`` of compare, busy pool workers lived on (up to 10 min)."""
    from cli_runs import cli_env

    src = write_articles(tmp_path / "in", articles)
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_RUN, "report", src, "--out", tmp_path / "out", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
    )
    try:
        # Two workers may write their lines at once ("analysinganalysing\n"): the first
        # line need only show that analysis began.
        assert proc.stdout is not None and proc.stdout.readline().startswith(b"analysing")
        time.sleep(0.5)  # every worker has started its story
        children = _children(proc.pid)
        assert children
    finally:
        proc.kill()
        proc.wait(timeout=30)
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in children if _running(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == []


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:8786", "not an address", "tcp://127.0.0.1", "tcp://:8786"]
)
def test_scheduler_address_of_the_wrong_form_is_a_prompt_usage_error(
    two_stories: Path, tmp_path: Path, capsys, address: str
) -> None:
    """Issue #19: these reached the cluster client: exit 1 with a traceback after 60 s."""
    from compare.cli.main import main

    start = time.monotonic()
    with pytest.raises(SystemExit) as exit_:
        main(["report", str(two_stories), "--out", str(tmp_path / "out"), "--scheduler", address])
    assert exit_.value.code == ExitCode.USAGE
    assert time.monotonic() - start < 5
    err = capsys.readouterr().err
    assert "not a Dask scheduler address" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_server_that_is_not_a_scheduler_is_a_bounded_usage_error(
    two_stories: Path, tmp_path: Path
) -> None:
    """Issue #19: a ``tcp://`` address of a silent server hung for 480 s."""
    import socket

    server = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            while True:
                accepted.append(server.accept()[0])

    import threading

    threading.Thread(target=accept, daemon=True).start()
    address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
    tasks = _tasks(two_stories, tmp_path / "out")
    start = time.monotonic()
    try:
        with pytest.raises(UsageError, match="cannot reach the Dask scheduler at tcp://127"):
            batch.DaskExecutor(address, connect_s=1).run(tasks)
    finally:
        server.close()
        for conn in accepted:
            conn.close()
    assert time.monotonic() - start < 10


def test_an_index_that_cannot_be_rendered_costs_only_the_index(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    """Issue #19: a failing ``index.html`` turned written stories into exit 1."""
    from compare.report import html as render

    def broken(*args, **kwargs):
        raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

    monkeypatch.setattr(render, "render_index_html", broken)
    out = tmp_path / "out"
    code, err = run_main(
        ["report", two_stories, "--out", out, "--format", "json", "--jobs", "1"],
        capsys,
        inputs=[two_stories],
    )
    assert code == ExitCode.PARTIAL, err
    assert "index.html not written" in err
    assert (out / FLOOD_SLUG / "report.json").is_file() and (
        out / FIRE_SLUG / "report.json"
    ).is_file()
    assert not (out / "index.html").exists()
