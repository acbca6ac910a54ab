"""What counts as the same word: typography and invisible characters do not."""

import unicodedata

import pytest

from compare.text.normalize import norm, strip_invisible, typographic_form


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("\u201cquoted\u201d", '"quoted"'),
        ("it\u2019s", "it's"),
        ("\u2014", "-"),
        (unicodedata.normalize("NFD", "café"), unicodedata.normalize("NFC", "café")),
        ("cease\u00adfire", "ceasefire"),
        ("zero\u200bwidth", "zerowidth"),
        ("Defence", "defence"),
    ],
)
def test_equal_after_norm(a: str, b: str) -> None:
    assert norm(a) == norm(b)


@pytest.mark.parametrize(("a", "b"), [("Defense", "Defence"), ("cease-fire", "ceasefire")])
def test_real_differences_survive(a: str, b: str) -> None:
    assert norm(a) != norm(b)


def test_typographic_form_keeps_case() -> None:
    assert typographic_form("Foreign Minister") != typographic_form("foreign minister")


def test_strip_invisible_only_removes_invisible() -> None:
    assert strip_invisible("a\u00adb\u200bc d") == "abc d"
