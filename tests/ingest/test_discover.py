"""Discovery and safe reading: what counts as an input, and what is never opened."""

from __future__ import annotations

import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare.errors import UsageError
from compare.ingest.discover import ARTICLE_PATTERNS, discover, display_path, read_regular

MIB = 1 << 20


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail instead of hanging: FIFOs and devices must never be opened."""

    def _timeout(signum: int, frame: object) -> None:
        raise TimeoutError("test hung: a non-regular file was opened")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _write(path: Path, text: str = "A short article about the harbour.\n") -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_folder_lists_articles_only(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "c.TXT", ".hidden.txt", ".report.pdf.x1.tmp", "d.txt.tmp"]:
        _write(tmp_path / name)
    for name in [
        "report.html",
        "report.json",
        "report.pdf",
        "notes.odt",
        "review.json",
        "index.html",
    ]:
        _write(tmp_path / name)
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub" / "deep.txt")
    found = discover([tmp_path])
    assert [c.path.name for c in found.candidates] == ["a.md", "b.txt", "c.TXT"]
    assert [c.id for c in found.candidates] == ["a", "b", "c"]
    assert found.problems == () and found.notices == ()


@pytest.mark.parametrize(("name", "word"), [("gone", "folder"), ("gone.txt", "file")])
def test_missing_path_is_a_usage_error(tmp_path: Path, name: str, word: str) -> None:
    with pytest.raises(UsageError, match=f"input {word} '.*{name}' not found"):
        discover([tmp_path / name])


def test_empty_folder_gives_a_notice(tmp_path: Path) -> None:
    _write(tmp_path / "readme.odt")
    found = discover([tmp_path])
    assert found.candidates == ()
    assert [n.message for n in found.notices] == [
        f"no article files ({ARTICLE_PATTERNS}) in {tmp_path}"
    ]


@pytest.mark.parametrize("name", ["report.json", "x.tmp", "sources.csv", ".draft.txt"])
def test_named_outputs_and_temps_are_skipped_with_a_notice(tmp_path: Path, name: str) -> None:
    found = discover([_write(tmp_path / name)])
    assert found.candidates == () and "skipped" in found.notices[0].message


def test_explicit_file_of_any_extension_is_read(tmp_path: Path) -> None:
    found = discover([_write(tmp_path / "story.text")])
    assert [c.id for c in found.candidates] == ["story"]


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _directory(path: Path) -> None:
    path.mkdir()


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (_fifo, "FIFO"),
        (_socket, "socket"),
        (_dev_zero, "character device"),
        (_directory, "directory"),
    ],
)
def test_non_regular_files_are_refused_without_opening(
    tmp_path: Path, alarm: None, make, kind: str
) -> None:
    path = tmp_path / "x.txt"
    make(path)
    (cand,) = discover([tmp_path]).candidates
    message = read_regular(cand.path, max_bytes=MIB)
    assert isinstance(message, str)
    assert "not a regular file" in message and kind in message


def test_symlink_policy(tmp_path: Path, alarm: None) -> None:
    outside = _write(tmp_path / "elsewhere.dat")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "broken.txt").symlink_to(tmp_path / "nothing")
    (folder / "out.txt").symlink_to(outside)
    read = {c.id: read_regular(c.path, max_bytes=MIB) for c in discover([folder]).candidates}
    assert read["loop"] == "symbolic link loop"
    assert read["broken"].startswith("broken symbolic link")
    assert isinstance(read["out"], bytes)  # followed out of the folder: documented


def test_non_utf8_file_name_is_shown_escaped(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(b"Text.")
    (cand,) = discover([tmp_path]).candidates
    assert cand.id == "caf\\xe9"
    assert cand.display.endswith("caf\\xe9.txt")
    cand.display.encode("utf-8")  # no UnicodeEncodeError for any writer
    assert read_regular(cand.path, max_bytes=MIB) == b"Text."


@pytest.mark.parametrize(
    ("name", "shown"),
    [("new\nline.txt", "new\\x0aline.txt"), ("tab\there.txt", "tab\\x09here.txt")],
)
def test_control_characters_in_names_are_escaped(name: str, shown: str) -> None:
    assert display_path(name) == shown


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(200 * MIB)  # sparse: no disk used
    assert read_regular(big, max_bytes=MIB) == "larger than 1 MiB limit; use --max-article-bytes"
    assert read_regular(_write(tmp_path / "s.txt", "x" * 20), max_bytes=10).startswith(
        "larger than 10 bytes limit"
    )


def test_empty_and_vanished_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.touch()
    assert read_regular(empty, max_bytes=MIB) == "empty file"
    assert read_regular(tmp_path / "gone.txt", max_bytes=MIB).startswith("vanished")


def test_permission_denied_from_open(tmp_path: Path, monkeypatch) -> None:
    path = _write(tmp_path / "locked.txt")

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    assert read_regular(path, max_bytes=MIB) == "permission denied"


def test_duplicate_ids_get_suffixes_regardless_of_argument_order(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder / "story.txt", f"Text from {folder}.")
    forward = discover([tmp_path / "one", tmp_path / "two"])
    backward = discover([tmp_path / "two", tmp_path / "one"])
    assert forward.candidates == backward.candidates
    assert [(c.path.parent.name, c.id) for c in forward.candidates] == [
        ("one", "story"),
        ("two", "story-2"),
    ]
    assert "story-2" in forward.notices[0].message


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt")
    os.link(path, tmp_path / "b.txt")
    found = discover([tmp_path, path])
    assert len(found.candidates) == 1
    assert "same file" in found.notices[0].message
