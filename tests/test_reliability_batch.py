"""RELIABILITY checklist, batch cases, end to end through the command line.

64: every kind of bad input in one folder next to three good articles.
65: several stories, one of which cannot be rendered.
66: a bug while analysing one article or one story.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from compare.errors import ExitCode, OutputError
from compare.pipeline import run as pipeline_module
from compare.report import html as render_module
from compare.report import pdf as pdf_module

from cli_runs import (
    EPOCH,
    FIRE,
    FIRE_SLUG,
    FLOOD,
    FLOOD_SLUG,
    SKIPPED_LINE,
    run_cli,
    run_main,
    skipped_lines,
    temps,
    write_articles,
)

BAD = {  # file name -> how the reason starts
    "empty.txt": "empty file",
    "blank.txt": "no article text",
    "front_only.md": "no article text (front matter only)",
    "huge.txt": "larger than 1 MiB limit; use --max-article-bytes",
    "image.txt": "binary data (NUL bytes / not decodable): looks like a PNG image",
    "archive.txt": "binary data (NUL bytes / not decodable): looks like gzip-compressed data",
    "noise.txt": "binary data (NUL bytes / not decodable)",
    "bad_bom.txt": "starts with a utf-8 byte-order mark but is not utf-8",
    "pipe.txt": "not a regular file (a FIFO (named pipe))",
    "sock.txt": "not a regular file (a socket)",
    "zero.txt": "not a regular file (a character device)",
    "folder.txt": "not a regular file (a directory)",
    "loop.txt": "symbolic link loop",
    "dangling.txt": "broken symbolic link",
    "boilerplate.txt": "no article text (everything left was boilerplate)",
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Three good articles and one file of every bad kind, reported in a subprocess."""
    src = write_articles(tmp_path_factory.mktemp("batch") / "in")
    (src / "empty.txt").touch()
    (src / "blank.txt").write_text(" \n\t\n")
    (src / "front_only.md").write_text("---\ntitle: Just a title\n---\n")
    with open(src / "huge.txt", "wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (src / "archive.txt").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(300))
    (src / "noise.txt").write_bytes(bytes(range(256)) * 4)
    (src / "bad_bom.txt").write_bytes(b"\xef\xbb\xbfok \xff\xfe broken")
    os.mkfifo(src / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.fspath(src / "sock.txt"))
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "folder.txt").mkdir()
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "dangling.txt").symlink_to(src / "missing.txt")
    (src / "boilerplate.txt").write_text("Advertisement\n")
    for name in ("report.json", "report.html", ".report.pdf.1.ab12.tmp", ".hidden.txt"):
        (src / name).write_text("not an article")
    out = src.parent / "out"
    try:
        result = run_cli(
            ["report", src, "--out", out, "--format", "json"], inputs=[src], timeout=90
        )
    finally:
        sock.close()
    return src, out, result


# 64
def test_64_one_report_each_bad_input_listed_once_with_its_reason_exit_3(batch) -> None:
    _src, out, result = batch
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    listed = skipped_lines(result.stderr)  # asserts each path appears once
    assert {Path(p).name for p in listed} == set(BAD)
    for path, reason in listed.items():
        assert reason.startswith(BAD[Path(path).name]), (path, reason)
    [story] = [p for p in out.iterdir() if p.is_dir()]
    data = json.loads((story / "report.json").read_text(encoding="utf-8"))
    assert sorted(data["compared"]) == ["courier", "gazette", "herald"]
    assert {p["path"]: p["message"] for p in data["problems"]} == listed
    assert len(data["problems"]) == len(BAD)


def test_64_stderr_lines_follow_one_parseable_format(batch) -> None:
    _src, _out, result = batch
    for line in result.stderr.splitlines():
        assert line.startswith("compare: "), line
        if line.startswith("compare: skipped: "):
            assert SKIPPED_LINE.match(line), line
    assert "Traceback" not in result.stderr


@pytest.fixture
def two_stories(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_articles(tmp_path / "in", {**FLOOD, **FIRE})


def _fake_pdf_failing_for(title_word: str, error: BaseException):
    def html_to_pdf(html: str, *, options, pdf_variant=None) -> bytes:
        if title_word in html:
            raise error
        return b"%PDF-1.7 fake"

    return html_to_pdf


# 65
@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (OutputError("render timed out after 120 s in pdf stage"), "render timed out"),
        (RuntimeError("worker died"), "internal error while rendering: RuntimeError: worker died"),
    ],
)
def test_65_one_story_failing_to_render_does_not_stop_the_others(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch, error: BaseException, reason: str
) -> None:
    monkeypatch.setattr(pdf_module, "html_to_pdf", _fake_pdf_failing_for("Harlow", error))
    out = tmp_path / "out"
    code, err = run_main(
        ["report", two_stories, "--out", out, "--format", "pdf,json"], capsys, inputs=[two_stories]
    )
    assert code == ExitCode.PARTIAL
    assert sorted(p.name for p in (out / FLOOD_SLUG).iterdir()) == ["report.json", "report.pdf"]
    assert not (out / FIRE_SLUG).exists()
    assert f"compare: failed story: Fire destroys Harlow school gym: {reason}" in err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{FLOOD_SLUG}/report.html"' in index
    assert "Not written: Fire destroys Harlow school gym" in index and reason in index
    assert temps(out) == []


def test_65_all_stories_failing_to_render_exits_5(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    timeout = OutputError("render timed out after 1 s in pdf stage")
    monkeypatch.setattr(pdf_module, "html_to_pdf", _fake_pdf_failing_for("", timeout))
    code, err = run_main(
        ["report", two_stories, "--out", tmp_path / "out", "--format", "pdf"],
        capsys,
        inputs=[two_stories],
    )
    assert code == ExitCode.OUTPUT
    assert "compare: error: no report could be written:" in err


# 66
def test_66_bug_in_one_articles_analysis_is_listed_as_internal_error(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    real = pipeline_module.segment

    def buggy(article):
        if article.id == "herald":
            raise ZeroDivisionError("division by zero")
        return real(article)

    monkeypatch.setattr(pipeline_module, "segment", buggy)
    out = tmp_path / "out"
    code, err = run_main(
        ["report", two_stories, "--out", out, "--format", "json"], capsys, inputs=[two_stories]
    )
    assert code == ExitCode.PARTIAL
    herald = str(two_stories / "herald.txt")
    assert skipped_lines(err)[herald].startswith("internal error")
    [data] = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in out.glob("*/report.json")
        if "Millbrook" in path.read_text(encoding="utf-8")
    ]
    assert sorted(data["compared"]) == ["courier", "gazette"]
    problem = next(p for p in data["problems"] if p["path"] == herald)
    assert problem["message"].startswith("internal error")


def test_66_bug_in_one_storys_analysis_costs_that_story_only(
    two_stories: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    real = pipeline_module.classify

    def buggy(story, *args, **kwargs):
        if "Harlow" in story.title:
            raise KeyError("missing cell")
        return real(story, *args, **kwargs)

    monkeypatch.setattr(pipeline_module, "classify", buggy)
    out = tmp_path / "out"
    code, err = run_main(
        ["report", two_stories, "--out", out, "--format", "json"], capsys, inputs=[two_stories]
    )
    assert code == ExitCode.PARTIAL
    assert "compare: failed story: Fire destroys Harlow school gym: internal error: KeyError" in err
    assert (out / FLOOD_SLUG / "report.json").exists() and not (out / FIRE_SLUG).exists()
    assert "Not written: Fire destroys Harlow school gym" in (out / "index.html").read_text()


def test_66_bug_in_the_only_story_exits_1_not_5(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    src = write_articles(tmp_path / "in")

    def buggy_view(*args, **kwargs):
        raise TypeError("bad field")

    monkeypatch.setattr(render_module, "render_html", buggy_view)
    code, err = run_main(["report", src, "--out", tmp_path / "out"], capsys, inputs=[src])
    assert code == ExitCode.INTERNAL
    assert "internal error while rendering: TypeError: bad field" in err
