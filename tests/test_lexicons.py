"""Every shipped word list names its source and licence (DESIGN.md §7.4)."""

import pytest

from compare import lexicons


def test_there_are_data_files() -> None:
    assert "segment_abbreviations.txt" in lexicons.data_files()


@pytest.mark.parametrize("name", lexicons.data_files())
def test_every_data_file_has_source_and_licence(name: str) -> None:
    head = " ".join(lexicons.header(name)).casefold()
    assert "source:" in head, f"{name} lacks a '# source:' header line"
    assert "licence:" in head or "license:" in head, f"{name} lacks a '# licence:' line"
    assert lexicons.entries(name), f"{name} has no entries"


def test_entries_skip_comments_and_blank_lines() -> None:
    entries = lexicons.entries("segment_abbreviations.txt")
    assert "sept" in entries
    assert not any(e.startswith("#") or not e for e in entries)
