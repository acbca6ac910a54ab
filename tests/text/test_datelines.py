"""Datelines that open wire copy (``text.datelines``)."""

from __future__ import annotations

import pytest

from compare.text.datelines import dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BANGALORE: India plans a new mission.", "BANGALORE:"),
        ("PORT VELL \u2014 Talks ended.", "PORT VELL \u2014"),
        ("Rome (Wirenews) - Talks ended.", "Rome (Wirenews) -"),
        ("US: talks end", None),
        ("Talks ended in Rome.", None),
    ],
)
def test_dateline(text: str, expected: str | None) -> None:
    assert dateline(text) == expected
