"""number_parse: quantities read out of a sentence's tokens."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.number_parse import MAX_FIGURE, quantities


def test_a_count_is_read_with_its_hedge_and_event() -> None:
    (q,) = quantities(tokenize("The blast killed at least 12 miners."))
    assert (q.value, q.hedge, q.event) == (12.0, "min", "death")


@pytest.mark.parametrize(
    "figure", ["1" + "0" * 400, "1e308", "9" * 30, "10,000,000,000,000,000,000"]
)
def test_a_figure_no_float_or_news_count_holds_is_not_read(figure: str) -> None:
    found = quantities(tokenize(f"The shelling wounded {figure} civilians and 14 soldiers."))
    assert [q.value for q in found] == [14.0]
    assert all(abs(q.value) < MAX_FIGURE for q in found)
