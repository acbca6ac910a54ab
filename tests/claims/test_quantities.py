"""claims.quantities, numwords, scope: what a figure says, read from invented sentences."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.claims.numwords import ordinal, read
from compare.claims.quantities import sentence_claims
from compare.claims.scope import read_scope
from compare.model import Sentence


def claims(text: str):
    return sentence_claims("a", Sentence("a", 0, 0, 0, len(text), 1, text, tokenize(text)))


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("one hundred and twelve", 112),
        ("three dozen", 36),
        ("half a million", 500_000),
        ("a quarter of a million", 250_000),
        ("two and a half million", 2_500_000),
        ("forty-two thousand", 42_000),
        ("twenty five", 25),
        ("one million two hundred thousand", 1_200_000),
    ],
)
def test_number_words_read_as_one_value(words: str, value: float) -> None:
    norms = words.split()
    assert read(norms, 0) == (value, len(norms))


@pytest.mark.parametrize("words", ["one or two", "twelve", "five six", "dozens of"])
def test_not_one_multi_word_number(words: str) -> None:
    assert read(words.split(), 0) is None


@pytest.mark.parametrize(
    ("text", "quoted", "value", "what"),
    [
        (
            "One hundred and twelve people were killed.",
            "One hundred and twelve",
            112,
            ("count", "death", "people"),
        ),
        ("Three dozen homes were destroyed.", "Three dozen", 36, ("count", "damage", "buildings")),
        (
            "Half a million people fled the city.",
            "Half a million",
            500_000,
            ("count", "displaced", "people"),
        ),
        ("The quake has claimed 21 lives.", "21", 21, ("count", "death", "people")),
        ("The toll stood at 24 people confirmed dead.", "24", 24, ("count", "death", "people")),
        ("Rescuers reached him after he succumbed to 9 wounds.", "9", 9, None),
        (
            "Nearly 50 aftershocks followed the quake.",
            "Nearly 50",
            50,
            ("count", "-", "aftershock"),
        ),
        ("She suffered 60% burns.", "60%", 60, ("ratio", "-", "burn")),
        # read blind (fourteenth round): the second clause's own verb counts the sick, not
        # the dead the sentence's other clause counts
        (
            "Cholera has killed at least 31 people and sickened more than 1,700 in the camp.",
            "more than 1,700",
            1700,
            ("count", "infection", "people"),
        ),
        ("Floods killed 12 people and affected 3,000 in the province.", "3,000", 3000, None),
    ],
)
def test_claim_value_and_what_is_counted(text, quoted, value, what) -> None:
    found = [c for c in claims(text) if c.text == quoted]
    assert len(found) == 1
    assert found[0].value == value
    if what is not None:
        assert found[0].what == what


@pytest.mark.parametrize(
    ("text", "low", "high", "low_open", "high_open"),
    [
        ("Nearly 50 aftershocks followed.", 42.5, 50, False, True),
        ("More than 50 aftershocks followed.", 50, float("inf"), True, False),
        ("At least 30 people died.", 30, float("inf"), False, False),
        ("Up to 30 people died.", 0, 30, False, False),
        ("Fewer than 30 people died.", 0, 30, False, True),
        ("Between 10 and 15 people died.", 10, 15, False, False),
        ("About 40 people died.", 32, 48, False, False),
        # read blind (eighth round): "exceeded 70%" was quoted as an exact 70%
        ("The drug's profit margin exceeded 70% last year.", 70, float("inf"), True, False),
        ("Costs topped 2 million euros.", 2_000_000, float("inf"), True, False),
    ],
)
def test_qualifier_gives_an_interval(text, low, high, low_open, high_open) -> None:
    (c,) = claims(text)
    assert (c.low, c.high, c.low_open, c.high_open) == pytest.approx(
        (low, high, low_open, high_open)
    )


@pytest.mark.parametrize(
    ("text", "metres"),
    [
        ("The wall was 2 metres high.", 2.0),
        ("The wall was 8 feet high.", 2.4384),
        ("The road runs 3 km along the coast.", 3000.0),
        ("The road runs 2 miles along the coast.", 3218.688),
        ("The ship was 14 nautical miles off the coast.", 25928.0),
    ],
)
def test_units_convert_to_one_base(text: str, metres: float) -> None:
    (c,) = claims(text)
    assert c.low == pytest.approx(metres) and c.dimension == "length"


def test_conversion_in_brackets_is_not_a_second_claim() -> None:
    found = claims("Fires burnt 3 million hectares (7.4 million acres) of forest.")
    assert [c.unit for c in found] == ["hectare"]


@pytest.mark.parametrize(
    "text",
    [
        "A 37-year-old man died.",  # an age, not a count of the dead
        "He was charged under sections 417 and 420 of the code.",  # labels
    ],
)
def test_not_claims(text: str) -> None:
    assert [c.text for c in claims(text) if c.what is not None] == []


@pytest.mark.parametrize(
    ("text", "figure", "period", "places", "part"),
    [
        (
            "Police arrested 300 people in the Old Town tonight.",
            "300",
            {"tonight"},
            {"old town"},
            False,
        ),
        ("Police have arrested 4,100 people since March.", "4,100", {"since march"}, set(), False),
        ("Police have arrested 4,100 people so far.", "4,100", set(), set(), False),
        ("Three people died in one district alone.", "Three", set(), set(), True),
        ("Another 5 people were found dead.", "5", set(), set(), True),
        ("Twelve people died, including 3 children.", "3", set(), set(), True),
        ("Police said on Friday that 12 people died.", "12", set(), set(), False),
        ("Twelve people died in 2015.", "Twelve", {"2015"}, set(), False),
    ],
)
def test_scope_of_a_figure(text, figure, period, places, part) -> None:
    tokens = tokenize(text)
    k = next(i for i, t in enumerate(tokens) if t.text == figure.split()[0])
    scope = read_scope(tokens, k, k + 1)
    assert (set(scope.period), set(scope.places), scope.part) == (period, places, part)


def test_a_sum_of_money_is_never_counted_people() -> None:
    """ "released", "lost", "saved" say what happened to people, not to an amount."""
    (paid,) = claims("Returns released on Friday show the couple paid $43 million.")
    assert paid.event is None and paid.what is None
    (lost,) = claims("The airline lost $5 million in the quarter.")
    assert lost.event is None
    (freed,) = claims("The rebels released 12 hostages on Sunday.")
    assert freed.event == "rescue"


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("first", 1),
        ("ninth", 9),
        ("twelfth", 12),
        ("fortieth", 40),
        ("twenty-third", 23),
        ("3rd", 3),
        ("110th", 110),
        # words ending in "th" that are no ordinal, and malformed compounds
        ("month", None),
        ("north", None),
        ("both", None),
        ("twenty-tenth", None),
        ("third-party", None),
    ],
)
def test_ordinal_values(word: str, value: int | None) -> None:
    assert ordinal(word) == value


@pytest.mark.parametrize("label", ["runway 27", "Terminal 2", "exit 12", "reactor 4", "stage 3"])
def test_a_number_after_a_label_noun_is_no_claim(label: str) -> None:
    # From a blind reading (ninth round): "overran runway 27 ... leaving 23 people injured"
    # put "27" in the key-figures row of people injured.
    found = claims(f"The jet overran {label} on Sunday, leaving 23 people injured.")
    assert [c.text for c in found] == ["23"]


def test_a_figure_measuring_a_noun_takes_no_event_of_the_sentence() -> None:
    # From a blind reading (ninth round): "a city of 347,000 people" beside "outbreak ...
    # cases were confirmed" was a row of "people infected".
    found = claims(
        "Haldstead, a city of 347,000 people, last had an outbreak when 212 cases were confirmed."
    )
    assert (found[0].text, found[0].event) == ("347,000", None)


def test_a_month_opening_the_sentence_scopes_its_figures() -> None:
    crew, _days = claims("In March, pirates held the tanker and its 18 crew for 41 days.")
    assert crew.scope.period == frozenset({"march"})


def test_a_part_counted_of_them_keeps_its_event_to_itself() -> None:
    # From a blind reading (tenth round): "collected 312 oiled seabirds ..., 41 of them
    # dead" read 312 as killed, and the 41 as "people killed".
    whole, part = claims("Volunteers had collected 312 oiled seabirds by Tuesday, 41 of them dead.")
    assert whole.event is None
    assert part.event == "death"
    assert part.what is not None and "people" not in part.what


def test_a_count_whose_noun_is_its_event_keeps_it() -> None:
    # From a blind reading (tenth round): "11 dead and 17 missing" put the 11 dead in a
    # row of people missing.
    dead, missing = claims("Kolvin landslide: 11 dead and 17 missing as the search goes on")
    assert (dead.event, missing.event) == ("death", "missing")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        # read blind (sixteenth round): a share "N in M", not a count of M
        ("It will cut 6,200 jobs, roughly one in 12 of its 78,000 employees.", "roughly one in 12"),
        ('"Six in 10 of those rescued were women," she said.', "Six in 10"),
        ("About 1 in 5 adults in the region smokes, the survey found.", "About 1 in 5"),
    ],
)
def test_n_in_m_is_a_share(text: str, share: str) -> None:
    found = [c for c in claims(text) if c.what and c.what[0] == "ratio"]
    assert [c.text for c in found] == [share]


def test_over_the_age_of_is_a_minimum_like_aged_over() -> None:
    # read blind (eighteenth round): "aged over 70" / "over the age of 70" were called one
    # figure qualified two ways
    (aged,) = [
        c for c in claims("More than two-thirds of them were aged over 70.") if c.value == 70
    ]
    (age_of,) = [c for c in claims("Two-thirds were over the age of 70.") if c.value == 70]
    assert aged.qualifier == age_of.qualifier == "min"
