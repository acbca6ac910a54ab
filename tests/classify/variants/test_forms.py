"""Story-wide forms: one thing written in two shapes by different outlets."""

from __future__ import annotations

import pytest

from compare.classify.variants import forms
from compare.model import Kind

from classify_helpers import assert_quotes_source, sentence_context

# Unaligned on purpose: the second sentences differ, so only a story-wide
# reading can pair the forms.


def labels(texts: dict[str, str], kind: Kind) -> list[str]:
    ctx = sentence_context(texts)
    found = forms.find(ctx, kind)
    for c in found:
        assert_quotes_source(ctx, c)
    return sorted(c.label for c in found)


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Talks began. Mr Doyle left early.",
            "Rain fell. Later Mr. Varga spoke to staff.",
            '"Mr. Varga" vs "Mr Doyle"',
        ),
        (
            "The plan costs $12 million in all.",
            "Officials said the bill of US$12 million was paid.",
            '"$12 million" vs "US$12 million"',
        ),
        (
            "He paid Rs 4.2 lakh for the plot.",
            "The plot cost \u20b9 4.2 lakh, records show.",
            '"Rs 4.2 lakh" vs "\u20b9 4.2 lakh"',
        ),
        (
            "The mayor said Friday that roads would close.",
            "Roads will close, the mayor said on Friday.",
            '"said on Friday" vs "said Friday"',
        ),
        (
            "Police named Tomas Brenner, 57, of Eastfield.",
            "The 57-year-old Tomas Brenner was held.",
            '"Brenner, 57," vs "57-year-old Tomas Brenner"',
        ),
        (
            "The talks were led by Eastland’s president, Tomas Brenner, on Monday.",
            "Eastland President Tomas Brenner said the talks would go on.",
            '"President Tomas Brenner" vs "president, Tomas Brenner"',
        ),
        (
            "The state’s attorney general, Ilse Varga, sued.",
            "Attorney General Ilse Varga filed suit on Monday.",
            '"Attorney General Ilse Varga" vs "attorney general, Ilse Varga"',
        ),
    ],
)
def test_style_forms(a: str, b: str, label: str) -> None:
    assert labels({"a": a, "b": b}, Kind.STYLE_VARIANT) == [label]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Different figures, or different currencies, are different sums.
        ("The plan costs $12 million.", "The plan costs US$14 million."),
        ("The fee was $12 million.", "The fee was A$12 million."),
        # Different people or ages.
        ("Police named Tomas Brenner, 57, of Eastfield.", "The 75-year-old Brenner was held."),
        ("Police named Tomas Brenner, 57, of Eastfield.", "The 57-year-old Ilse Varga was held."),
        # An outlet that writes both styles follows no house style.
        ("Mr Doyle left. Mr. Doyle returned.", "Mr. Varga spoke."),
        ("She said Friday she would go. He left on Monday.", "He said on Friday it was over."),
        # Same style on both sides.
        ("Mr Doyle left.", "Mr Varga spoke."),
        # A title of another office, or another person, is no style difference.
        ("Its president, Tomas Brenner, spoke.", "Prime Minister Tomas Brenner spoke."),
        ("Its president, Tomas Brenner, spoke.", "President Ilse Varga spoke."),
        # Capitals in a headline say nothing about style.
        ("Its president, Tomas Brenner, spoke.", "President Tomas Brenner Vows Reform"),
        # An office after "as", closed by a comma before the clause the name opens, is no
        # title set off by commas.
        (
            "In one of her last appearances as secretary of state, Ilse Varga defended the plan.",
            "Secretary of State Ilse Varga defended the plan on Monday.",
        ),
    ],
)
def test_not_style_forms(a: str, b: str) -> None:
    assert labels({"a": a, "b": b}, Kind.STYLE_VARIANT) == []


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Leader Park Min-ho spoke.",
            "Crowds cheered for Park Min Ho on Sunday.",
            '"Min-ho" vs "Min Ho"',
        ),
        (
            "A cadre of the Farmers\u2019 Union left.",
            "He heads the ruling Farmers Union.",
            '"Farmers\u2019 Union" vs "Farmers Union"',
        ),
    ],
)
def test_name_forms(a: str, b: str, label: str) -> None:
    assert labels({"a": a, "b": b}, Kind.NAME_VARIANT) == [label]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # A lower-case second part is not a name in two words.
        ("The Paris-based firm grew.", "The Paris based firm grew."),
        # A capitalised word before the plural makes it part of a longer name.
        ("Fans filled St Elias' Park.", "Coach Nora Elias Park spoke."),
        # Different letters are different names.
        ("Leader Park Min-ho spoke.", "Crowds cheered for Park Min Jo."),
    ],
)
def test_not_name_forms(a: str, b: str) -> None:
    assert labels({"a": a, "b": b}, Kind.NAME_VARIANT) == []


def test_name_spelt_both_ways_in_one_article_says_so() -> None:
    ctx = sentence_context(
        {"a": "Leader Park Min-ho spoke. Park Min Ho left.", "b": "Park Min-ho waved. Rain fell."}
    )
    (found,) = forms.find(ctx, Kind.NAME_VARIANT)
    assert "One article uses both." in found.explanation
    assert [s.text for s in found.spans["a"]] == ["Min-ho", "Min Ho"]


def test_one_habit_across_people_is_one_candidate_key() -> None:
    ctx = sentence_context(
        {"a": "Mr Doyle left. Mr Haas stayed.", "b": "Mr. Varga spoke. Later Mr. Haas sat."}
    )
    (found,) = forms.find(ctx, Kind.STYLE_VARIANT)
    assert found.key == "form:title:with a full stop|without a full stop"
    assert "with a full stop" in found.explanation


def test_title_case_lines_say_nothing_about_names() -> None:
    texts = {
        "a": "Fears of a Double-Dip Grow\n\nRain fell.",
        "b": "Fears of a Double Dip Grow\n\nRain fell.",
    }
    assert labels(texts, Kind.NAME_VARIANT) == []
    assert forms.title_case("Fears of a Double Dip Grow")
    assert not forms.title_case("Crowds cheered for Park Min Ho on Sunday.")
