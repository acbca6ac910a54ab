"""Line numbers count only \\n, \\r\\n and lone \\r, like sed does."""

import pytest

from compare.text.offsets import LineIndex


@pytest.mark.parametrize(
    ("text", "offset", "line"),
    [
        ("abc", 0, 1),
        ("a\nb", 2, 2),
        ("a\r\nb", 3, 2),
        ("a\rb", 2, 2),
        ("a\r\n\rb\nc", 6, 4),
        ("a\x0cb\x0bc\u0085d\u2028e\nf", 10, 2),  # FF, VT, NEL, LS do not break lines
        ("a\n", 2, 2),
    ],
)
def test_line_of_offset(text: str, offset: int, line: int) -> None:
    assert LineIndex(text).line(offset) == line


def test_matches_sed_numbering_on_mixed_breaks(tmp_path) -> None:
    text = "one\r\ntwo\rthree\nfour\u2028still four\nfive"
    index = LineIndex(text)
    assert index.line(text.index("five")) == 5
    assert index.line(text.index("still")) == 4
    assert index.count == 5
