"""Front matter: our own splitter, literal values, and every hostile block refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest.frontmatter import split_front_matter


def test_seed_style_block_with_trailing_spaces_and_folded_title() -> None:
    text = (
        "--- \nlayout: post \ntitle: > \n  River rises \n  in the valley \n"
        "date: 1700000000.25 \n--- \nBody starts here.\n"
    )
    fm = split_front_matter(text)
    assert " ".join(fm.fields["title"].text.split()) == "River rises in the valley"
    assert fm.fields["title"].line == 3
    assert fm.fields["date"].text == "1700000000.25"
    assert text[fm.body_start :].startswith("Body starts")
    assert fm.notices == ()


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_body_offset_is_against_the_original_text(newline: str) -> None:
    text = newline.join(["---", "title: Bridge opens", "---", "First words."])
    fm = split_front_matter(text)
    assert text[fm.body_start :] == "First words."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: no", "no"),
        ("title: 2020-10-17", "2020-10-17"),
        ("outlet: yes", "yes"),
        ("title: 1e3", "1e3"),
        ("title: null", None),
        ("title: '  '", None),
    ],
)
def test_values_stay_literal_text(line: str, expected: str | None) -> None:
    key = line.split(":")[0]
    fm = split_front_matter(f"---\n{line}\ndate: 2021-01-01\n---\nBody.")
    assert (fm.fields[key].text if key in fm.fields else None) == expected


@pytest.mark.parametrize(
    ("text", "notice", "has_body_offset"),
    [
        ("---\ntitle: Never closed\nBody text.", "unterminated front matter", False),
        ("---\nA plain paragraph between rules.\n---\nMore.", "plain YAML scalar", False),
        ("---\nHARBOURTOWN: Officials said the port shut.\n---\nMore.", "no known keys", False),
        ("---\n- one\n- two\n---\nMore.", "not a mapping", False),
        ('---\ntitle: "unclosed\ndate: 2020\n---\nBody.', "malformed front matter at line", True),
        ("---\ntitle: x\n\tdate: y\n---\nBody.", "malformed front matter", True),
        ("---\n1: x\ntitle: T\n---\nBody.", "key that is not text", True),
        ("---\n? [a, b]\n: c\ntitle: T\n---\nBody.", "key that is not text", True),
        ("---\ntitle: [1, [2]]\n---\nBody.", "`title` on line 2 is not text", True),
    ],
)
def test_odd_blocks_give_notices_not_errors(text: str, notice: str, has_body_offset: bool) -> None:
    fm = split_front_matter(text)
    assert any(notice in n for n in fm.notices), fm.notices
    assert (fm.body_start > 0) == has_body_offset
    assert 0 <= fm.body_start <= len(text)


def test_duplicate_keys_name_both_values() -> None:
    fm = split_front_matter("---\ntitle: First take\ntitle: Second take\n---\nBody.")
    assert fm.fields["title"].text == "First take"
    (notice,) = fm.notices
    assert "First take" in notice and "Second take" in notice


def test_python_tags_are_rejected_and_never_run(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    text = f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n---\nBody.'
    fm = split_front_matter(text)
    assert not marker.exists()
    assert fm.fields == {}
    assert any("not allowed" in n for n in fm.notices)


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]")
    started = time.monotonic()
    fm = split_front_matter("---\ntitle: T\n" + "\n".join(lines) + "\n---\nBody.")
    assert time.monotonic() - started < 1.0
    assert any("aliases not allowed" in n for n in fm.notices)
    assert fm.fields == {}


@pytest.mark.parametrize(
    ("block", "notice"),
    [
        ("title: T\ndescription: " + "x" * (1 << 20), "64 KiB"),
        ("title: " + "[" * 30_000 + "]" * 30_000, "nested deeper"),
        ("title: " + "{a: " * 12_000 + "b" + "}" * 12_000, "nested deeper"),
    ],
    ids=["1MB", "deep-lists", "deep-maps"],
)
def test_huge_or_deep_blocks_are_refused_fast(block: str, notice: str) -> None:
    started = time.monotonic()
    fm = split_front_matter(f"---\n{block}\n---\nBody.")
    assert time.monotonic() - started < 2.0
    assert any(notice in n for n in fm.notices), fm.notices
    assert fm.fields == {}


_TOKENS = st.sampled_from(
    [
        "---",
        "--- ",
        "\n",
        "\r\n",
        "title:",
        "date:",
        " ",
        "&a ",
        "*a",
        "!!python/object ",
        "[",
        "]",
        "{",
        "}",
        "- ",
        "? ",
        ": ",
        "'",
        '"',
        "\t",
        "#",
        ">",
        "|",
        "1.5e400",
        "no",
        "~",
        "\x00",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=40).map("".join))
def test_fuzzed_front_matter_never_raises(text: str) -> None:
    started = time.monotonic()
    fm = split_front_matter(text)
    assert time.monotonic() - started < 1.0
    assert 0 <= fm.body_start <= len(text)
    for field in fm.fields.values():
        assert all(isinstance(v, str) for v in field.values)


def test_a_control_character_is_named_with_its_line_and_column() -> None:
    fm = split_front_matter("---\ntitle: T\noutlet: Bad\x07Name\n---\nBody text here.\n")
    assert fm.fields == {}
    assert fm.notices == (
        "malformed front matter at line 3, column 12: control character U+0007 is not allowed;"
        " its fields are ignored",
    )
