"""RELIABILITY checklist, discovery and size cases, end to end through the command line.

Each test runs ``compare report`` (in this process via ``cli.main`` when
nothing can hang, otherwise in a subprocess with a timeout) and checks the
exit code, the stderr lines and what was (not) written; every run also
checks that no input changed (item 63, see ``cli_runs``).
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from pathlib import Path

import pytest

from compare.errors import ExitCode
from compare.ingest import discover as discover_module
from compare.pipeline import run as pipeline_module
from compare.report.outputs import host_token

from cli_runs import (
    EPOCH,
    FLOOD,
    cli_env,
    run_cli,
    run_main,
    skipped_lines,
    temps,
    write_articles,
)


@pytest.fixture(autouse=True)
def _epoch(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _only_report_json(out: Path) -> dict:
    [path] = out.glob("*/report.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _previous_report(out: Path) -> Path:
    """An old report the failing run must leave alone."""
    old = out / "flood-closes-millbrook-bridge" / "report.json"
    old.parent.mkdir(parents=True)
    old.write_bytes(b'{"old": true}\n')
    return old


# 2
@pytest.mark.parametrize("content", [{}, {"notes.csv": "a,b\n", "photo.jpg": "x"}])
def test_2_empty_folder_exits_4_and_keeps_the_previous_report(
    tmp_path: Path, capsys, content: dict[str, str]
) -> None:
    src = write_articles(tmp_path / "in", content)
    out = tmp_path / "out"
    old = _previous_report(out)
    code, err = run_main(["report", src, "--out", out], capsys, inputs=[src])
    assert code == ExitCode.NO_REPORT
    patterns = "*.txt, *.md, *.html, *.htm, *.json, *.jsonl, *.docx, *.pdf"
    assert f"compare: error: no article files ({patterns}) in {src}" in err.splitlines()
    assert old.read_bytes() == b'{"old": true}\n'
    assert sorted(p.name for p in out.rglob("*")) == [old.parent.name, "report.json"]


# 3
def test_3_one_readable_article_exits_4_without_half_report(tmp_path: Path, capsys) -> None:
    src = write_articles(tmp_path / "in", {"gazette.txt": FLOOD["gazette.txt"]})
    (src / "empty.txt").touch()
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out], capsys, inputs=[src])
    assert code == ExitCode.NO_REPORT
    [line] = [x for x in err.splitlines() if x.startswith("compare: error:")]
    assert line.startswith("compare: error: need ≥2 readable articles: 1 usable, 2 skipped: ")
    assert f"{src / 'empty.txt'}: empty file" in line
    assert f"{src / 'image.txt'}: binary data (NUL bytes / not decodable)" in line
    assert not [p for p in out.rglob("*") if p.is_file()]


# 4 (tests run as root, so chmod 000 would not stop the read: refuse the open instead)
def test_4_permission_denied_article_is_listed_and_the_rest_reported(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    src = write_articles(tmp_path / "in")
    locked = src / "locked.txt"
    locked.write_text(FLOOD["herald.txt"].replace("Valley Herald", "Locked Post"))
    real_open = os.open

    def deny(path, flags, *args, **kwargs):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(discover_module.os, "open", deny)
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL
    assert skipped_lines(err) == {str(locked): "permission denied"}
    data = _only_report_json(out)
    assert sorted(data["compared"]) == ["courier", "gazette", "herald"]
    assert data["problems"] == [{"path": str(locked), "message": "permission denied"}]


def _deny_under(monkeypatch, locked: Path) -> None:
    """Make ``locked`` behave as a folder of mode 000 does for a user without root's powers:
    it can be stat'ed, but nothing in it can be listed or reached."""
    real = {name: getattr(os, name) for name in ("scandir", "listdir", "stat", "lstat")}
    inside = os.fspath(locked) + os.sep

    def guard(name: str):
        def call(path=".", *args, **kwargs):
            text = os.fspath(path) if not isinstance(path, int) else ""
            if (name in ("scandir", "listdir") and text == os.fspath(locked)) or text.startswith(
                inside
            ):
                raise PermissionError(13, "Permission denied", text)
            return real[name](path, *args, **kwargs)

        return call

    for name in real:
        monkeypatch.setattr(os, name, guard(name))


# 4 (a folder that cannot be listed, beside one that can, with an existing --out)
@pytest.mark.parametrize("out_exists", [False, True])
def test_4_a_folder_that_cannot_be_listed_is_listed_and_the_rest_reported(
    tmp_path: Path, capsys, monkeypatch, out_exists: bool
) -> None:
    good = write_articles(tmp_path / "good")
    locked = write_articles(tmp_path / "locked")
    out = tmp_path / "out"
    if out_exists:
        out.mkdir()
    _deny_under(monkeypatch, locked)
    code, err = run_main(
        ["report", good, locked, locked / "gazette.txt", "--out", out, "--format", "json"],
        capsys,
        inputs=[good],
    )
    assert code == ExitCode.PARTIAL, err
    assert "internal error" not in err and "Traceback" not in err
    assert skipped_lines(err) == {
        str(locked): "cannot list folder: permission denied",
        str(locked / "gazette.txt"): "cannot be reached: permission denied",
    }
    assert sorted(_only_report_json(out)["compared"]) == ["courier", "gazette", "herald"]


def test_an_article_saved_twice_under_two_names_is_read_once(tmp_path: Path, capsys) -> None:
    """The copy would count as another outlet, its twin's story of two."""
    src = write_articles(tmp_path / "in")
    (src / "herald-copy.txt").write_bytes((src / "herald.txt").read_bytes())
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.OK, err
    assert f"{src / 'herald.txt'}: same content as '{src / 'herald-copy.txt'}'; read once" in err
    assert sorted(_only_report_json(out)["compared"]) == ["courier", "gazette", "herald-copy"]


def test_a_story_of_many_articles_says_it_will_take_a_while(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    from compare.cli import commands

    monkeypatch.setattr(commands, "MANY_ARTICLES", 3)  # the seeds of a real 100 take 40 s
    src = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.OK, err
    assert re.search(r"compare: [\w-]+: 3 articles; every pair is compared, so this takes", err)
    monkeypatch.setattr(commands, "MANY_ARTICLES", 4)
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert "every pair is compared" not in err


# 35
def test_35_malformed_front_matter_keeps_the_body_and_exits_3(tmp_path: Path, capsys) -> None:
    src = write_articles(tmp_path / "in")
    gazette = src / "gazette.txt"
    broken = src / "gazette.md"
    broken.write_text('---\ntitle: "unclosed\noutlet: x\n---\n\n' + gazette.read_text())
    gazette.unlink()
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL, err
    assert "malformed front matter at line" in err and "column" in err
    assert "its fields are ignored" in err
    assert sorted(_only_report_json(out)["compared"]) == ["courier", "gazette", "herald"]
    code, err = run_main(["stories", src, "--out", tmp_path / "grouped"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL, err  # grouped without that article's title and date
    assert "its fields are ignored" in err
    grouped = json.loads((tmp_path / "grouped" / "stories.json").read_text(encoding="utf-8"))
    assert "gazette" in {a for story in grouped for a in story["articles"]}


# 5
def test_5_fifo_socket_device_and_directory_are_listed_without_hanging(tmp_path: Path) -> None:
    src = write_articles(tmp_path / "in")
    os.mkfifo(src / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(os.fspath(src / "sock.txt"))
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "x.txt").mkdir()
    out = tmp_path / "out"
    try:
        result = run_cli(
            ["report", src, "--out", out, "--format", "json"], inputs=[src], timeout=60
        )
    finally:
        sock.close()
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    listed = skipped_lines(result.stderr)
    kinds = {
        "pipe.txt": "a FIFO",
        "sock.txt": "a socket",
        "zero.txt": "a character device",
        "x.txt": "a directory",
    }
    assert {Path(p).name for p in listed} == set(kinds)
    for path, reason in listed.items():
        assert reason.startswith(f"not a regular file ({kinds[Path(path).name]}"), reason
        assert reason.endswith("skipped without opening")
    problems = {Path(p["path"]).name for p in _only_report_json(out)["problems"]}
    assert problems == set(kinds)


# 7 (PDF side: test_reliability_render)
def test_7_non_utf8_file_name_under_c_locale(tmp_path: Path) -> None:
    src = write_articles(tmp_path / "in", {k: FLOOD[k] for k in ("gazette.txt", "herald.txt")})
    raw = os.fsencode(src)
    with open(raw + b"/caf\xe9.txt", "wb") as handle:
        handle.write(FLOOD["courier.txt"].encode())
    open(raw + b"/vid\xe9.txt", "wb").close()  # unusable, so it is named on stderr
    out = tmp_path / "out"
    env = cli_env(LC_ALL="C", LANG="C", PYTHONIOENCODING="", PYTHONUTF8="0")
    result = run_cli(
        ["report", src, "--out", out, "--format", "json,html"], inputs=[src], env=env, timeout=60
    )
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr
    assert skipped_lines(result.stderr) == {f"{src}/vid\\xe9.txt": "empty file"}
    data = _only_report_json(out)
    assert f"{src}/caf\\xe9.txt" in {a["path"] for a in data["articles"]}
    assert "caf\\xe9" in data["compared"]
    [html] = out.glob("*/report.html")
    assert "caf\\xe9.txt" in html.read_text(encoding="utf-8")


# 8
@pytest.mark.parametrize("how", ["same", "symlink", "file-parent"])
def test_8_output_folder_that_is_an_input_folder_exits_2_before_any_work(
    tmp_path: Path, capsys, monkeypatch, how: str
) -> None:
    src = write_articles(tmp_path / "in")
    args: list[object] = [src]
    out = src
    if how == "symlink":
        out = tmp_path / "link"
        out.symlink_to(src)
    elif how == "file-parent":
        args = [src / "gazette.txt", src / "herald.txt"]

    def no_analysis(*args, **kwargs):
        raise AssertionError("analysis started")

    monkeypatch.setattr(pipeline_module, "ingest", no_analysis)
    before = sorted(os.listdir(src))
    code, err = run_main(["report", *args, "--out", out], capsys, inputs=[src])
    assert code == ExitCode.USAGE
    assert f"is the input folder {src}; use --out" in err
    assert sorted(os.listdir(src)) == before


def test_8_output_file_linked_to_an_input_is_refused_and_input_kept(tmp_path: Path, capsys) -> None:
    src = write_articles(tmp_path / "in")
    story = tmp_path / "out" / "flood-closes-millbrook-bridge"
    story.mkdir(parents=True)
    os.link(src / "herald.txt", story / "report.json")
    (story / "report.html").symlink_to(src / "gazette.txt")
    code, err = run_main(["report", src, "--out", tmp_path / "out"], capsys, inputs=[src])
    assert code == ExitCode.USAGE
    assert "is the input" in err and "reading articles" not in err


# 9, 10
def test_9_10_own_outputs_and_temps_are_not_articles_and_stale_temps_are_swept(
    tmp_path: Path, capsys
) -> None:
    src = write_articles(tmp_path / "in")
    for name in ("report.html", "report.json", "index.html", "stories.json"):
        (src / name).write_text("<p>A flash flood closed the Millbrook bridge.</p>")
    (src / ".report.pdf.ab12.tmp").write_bytes(b"%PDF-1.7 half")
    (src / "report.pdf").write_bytes(b"%PDF-1.7")
    out = tmp_path / "out"
    story = out / "flood-closes-millbrook-bridge"
    story.mkdir(parents=True)
    host = host_token()  # a dead process of this host, or older than a day (issue #19)
    stale = [story / f".report.pdf.{host}.999999999.k3j_x9a1.tmp", story / ".report.json.ab12.tmp"]
    stale += [
        out / ".index.html.999999999.zzzz.tmp",
        story / f".findings.csv.{host}.999999999.a.tmp",
    ]
    for path in stale:
        path.write_bytes(b"half written")
    for path in stale[1:3]:  # older naming, no host: swept by age only
        os.utime(path, (time.time() - 2 * 86400, time.time() - 2 * 86400))
    mine = out / "keep.tmp"  # not one of our temp names: never deleted
    mine.write_bytes(b"user file")
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.OK, err
    assert "skipped:" not in err
    assert sorted(_only_report_json(out)["compared"]) == ["courier", "gazette", "herald"]
    assert temps(out) == [mine]


# 12, 13, 14, 17 at command-line level
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n\n", "no article text"),
        ("front.md", b"---\ntitle: Only a title\n---\n\n", "no article text (front matter only)"),
        ("huge.txt", None, "larger than 1 MiB limit; use --max-article-bytes"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary data (NUL bytes / not decodable)"),
        ("data.txt", b"\x1f\x8b\x08\x00" + bytes(200), "binary data (NUL bytes / not decodable)"),
        ("noise.txt", bytes(range(256)) * 8, "binary data (NUL bytes / not decodable)"),
    ],
)
def test_12_to_17_bad_file_is_skipped_with_its_reason_exit_3(
    tmp_path: Path, capsys, name: str, data: bytes | None, reason: str
) -> None:
    src = write_articles(tmp_path / "in")
    bad = src / name
    if data is None:  # 200 MB, sparse: refused from stat, never read
        with open(bad, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
    else:
        bad.write_bytes(data)
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL
    listed = skipped_lines(err)
    assert list(listed) == [str(bad)]
    assert listed[str(bad)].startswith(reason)
    [problem] = _only_report_json(out)["problems"]
    assert problem == {"path": str(bad), "message": listed[str(bad)]}
    assert "\ufffd" not in err  # no mojibake of the binary


# 16 (refusal; the render-timeout half is in test_reliability_render)
def test_16_article_over_the_default_limit_is_refused_with_a_message(
    tmp_path: Path, capsys
) -> None:
    src = write_articles(tmp_path / "in")
    paragraph = FLOOD["herald.txt"].split("---\n")[-1].replace("\n\n", " ")
    big = src / "big.txt"
    big.write_text("\n\n".join([paragraph] * (2_300_000 // len(paragraph))))
    assert big.stat().st_size > 2_200_000
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL
    assert skipped_lines(err) == {
        str(big): "larger than 1 MiB limit; use --max-article-bytes",
    }
    assert sorted(_only_report_json(out)["compared"]) == ["courier", "gazette", "herald"]


# Found while covering 16: an article no other joins was read, then silently left out.
def test_article_in_a_story_of_its_own_is_listed_not_dropped(tmp_path: Path, capsys) -> None:
    src = write_articles(tmp_path / "in")
    (src / "zoo.txt").write_text(
        "The city zoo welcomed twin red panda cubs, keepers announced on Friday.\n\n"
        "Visitors can see the cubs from April, when the enclosure reopens.\n"
    )
    out = tmp_path / "out"
    code, err = run_main(["report", src, "--out", out, "--format", "json"], capsys, inputs=[src])
    assert code == ExitCode.PARTIAL
    (line,) = skipped_lines(err).items()
    assert line[0] == str(src / "zoo.txt")
    # The reason, with the evidence that decided it (#15).
    assert line[1].startswith("not compared: no other article covers the same story (")
    assert "% similar to another article's" in line[1]
    assert _only_report_json(out)["problems"] == [
        {"path": str(src / "zoo.txt"), "message": line[1]}
    ]
    assert temps(out) == []


def _marked(marker: str) -> list[int]:
    """PIDs of live processes whose environment holds ``marker`` (a run's children inherit it)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            environ = (proc / "environ").read_bytes()
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if marker.encode() in environ.split(b"\0") and state != "Z":
            found.append(int(proc.name))
    return found


# Issue #19 "done when": the seeds plus one hostile input of each kind, in one run:
# exit 3, a report of the good articles, every bad one listed, inputs byte-identical
# (run_cli checks), no temp file and no process left behind.
def test_seeds_with_one_hostile_input_of_each_kind_exit_3_with_the_good_ones(
    tmp_path: Path,
) -> None:
    import shutil
    import uuid

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    src = tmp_path / "in"
    shutil.copytree(seeds, src)
    story = (seeds / "001_d9ca5af5030e668e.txt").read_text(encoding="utf-8")
    body = story.split("\n---", 2)[-1]
    records = [
        json.dumps({"id": "surrogate", "outlet": "Quay \ud800Post", "text": body}),
        "{not json",
    ]
    (src / "wire.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (src / "zero-width.txt").write_text(
        "---\noutlet: Hidden Post\n---\n" + body.replace("e", "e\u200b"), encoding="utf-8"
    )
    (src / "escapes.txt").write_text(
        "---\noutlet: Escape Post\n---\n\x1b[2J\x1b]52;c;aGk=\x07" + body, encoding="utf-8"
    )
    page = f"<html><head><meta charset=utf-16></head><body><article><p>{body}</p></article>"
    (src / "page.html").write_bytes(page.encode("cp1252", "replace") + b" " * (len(page) % 2))
    # UTF-8 with three invalid sequences: UTF-8 with replacements, not a code-page guess
    accented = body.replace("Armenia", "Arm\u00eania").replace("Karabakh", "Karabakh\u2019s")
    page = f"<html><body><article><p>{accented}</p></article>"
    bad_bytes = page.encode().replace(b"Azerbaijan", b"Azerb\xffaijan", 3)
    (src / "bad-bytes.html").write_bytes(bad_bytes)
    (src / "comment.html").write_text("<!-- only a comment -->", encoding="utf-8")  # lxml logs
    (src / "empty.txt").write_bytes(b"")
    (src / "manifest-like.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out, tmpdir = tmp_path / "out", tmp_path / "tmp"
    tmpdir.mkdir()
    out.mkdir()
    stale = out / f".report.json.{host_token()}.999999999.abcd.tmp"  # a killed run's
    stale.write_text("partial")
    os.utime(stale, (time.time() - 2 * 86400,) * 2)
    marker = f"COMPARE_DONE_WHEN={uuid.uuid4().hex}"
    result = run_cli(
        ["report", src, "--out", out, "--format", "pdf,html,json,csv", "--jobs", "2"],
        inputs=[src],
        timeout=300,
        env=cli_env(TMPDIR=str(tmpdir), COMPARE_DONE_WHEN=marker.split("=", 1)[1]),
    )
    assert result.returncode == ExitCode.PARTIAL, result.stderr
    skipped = skipped_lines(result.stderr)
    for name in ("wire.jsonl:2", "empty.txt", "manifest-like.txt", "comment.html"):
        assert any(path.endswith(name) for path in skipped), (name, skipped)
    assert "\x1b" not in result.stderr and "ERROR" not in result.stderr
    assert all(line.startswith("compare: ") for line in result.stderr.splitlines())
    reports = sorted(out.glob("*/report.json"))
    assert reports
    data = [json.loads(r.read_text()) for r in reports]
    compared = {a["id"] for r in data for a in r["articles"]}
    assert {"surrogate", "zero-width", "escapes", "bad-bytes", "page"} <= compared
    texts = {a["id"]: a for r in data for a in r["articles"]}
    assert "\ufffd" in str(texts["surrogate"]) and "Azerb\ufffdaijan" in str(data)
    assert "Arm\u00eania" in str(data)
    warned = " ".join(w["path"] + " " + w["message"] for r in data for w in r["warnings"])
    assert "wire.jsonl:1" in warned and "zero-width.txt" in warned
    assert temps(out) == [] and list(tmpdir.iterdir()) == []
    deadline = time.monotonic() + 5  # a helper that noticed the end but is still exiting
    while _marked(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _marked(marker) == []
