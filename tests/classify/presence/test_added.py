"""added: outlet-only material, and the opening sentences that tell the others' news."""

from __future__ import annotations

import pytest

from compare.align.segment import tokenize
from compare.classify import pairs
from compare.classify.presence import added, omission
from compare.classify.presence.added import _without_dangling_end
from compare.model import Kind, Severity

from classify_helpers import COPY_STORY, OWN_WORDS_STORY, of_kind, run, sentence_context

SHARED = [
    "The river burst its banks on Monday after a week of heavy rain.",
    "Water reached the ground floors of houses near the old bridge.",
    "The mayor said the council would open two schools as shelters.",
    "Farmers moved their cattle to higher fields before dawn.",
    "The railway line to the coast was closed until further notice.",
    "Engineers will inspect the bridge once the water falls.",
    "Forecasters expect drier weather from Thursday.",
    "Shops in the market square stayed shut all day.",
    "Volunteers handed out sandbags at the fire station.",
    "The regional government promised to review its flood defences.",
]
OWN = "Residents gathered outside the town hall in the evening to demand answers."


def _added(own: str, at: int, dates: dict[str, str] | None = None) -> list[str]:
    """Labels of added passages when article a alone carries ``own`` after sentence ``at``."""
    a = [*SHARED[: at + 1], own, *SHARED[at + 1 :]]
    texts = {"a": " ".join(a), "b": " ".join(SHARED), "c": " ".join(SHARED)}
    cells = {f"p{k}": {"a": (k if k <= at else k + 1,), "b": (k,), "c": (k,)} for k in range(10)}
    cells["own"] = {"a": (at + 1,)}
    found = of_kind(run(texts, cells=cells, dates=dates), Kind.ADDED_PASSAGE)
    return [f.label for f in found]


def test_one_opening_sentence_only_one_outlet_carries_is_no_addition() -> None:
    """The top of an article tells the others' news in its own words: not its own material."""
    assert _added(OWN, 0) == []


@pytest.mark.parametrize(
    ("own", "at", "dates"),
    [
        (OWN, 5, None),  # further down: the outlet's own detail
        (OWN.replace("Residents", "About 400 residents"), 0, None),  # a figure of its own
        (OWN, 0, {"a": "2024-03-06", "b": "2024-03-04", "c": "2024-03-04"}),  # later news
    ],
)
def test_an_opening_sentence_is_still_an_addition_when_it_may_be_news_of_its_own(
    own: str, at: int, dates: dict[str, str] | None
) -> None:
    assert len(_added(own, at, dates)) == 1


def test_without_the_opening_rule_the_sentence_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(omission, "opening_line", lambda ctx, aid, run: False)
    assert len(_added(OWN, 0)) == 1


@pytest.mark.parametrize(
    ("stretch", "kept"),
    [
        # a title cut from its name, and the function words before it
        ("the administration officials said, even if Mr", "the administration officials said"),
        ("a higher tax burden than they", "a higher tax burden"),
        # a closing mark ends a quote well; an adverb particle belongs to its verb
        ("told Credico (\u201cPerson 2\u201d) that", "told Credico (\u201cPerson 2\u201d)"),
        ("relief boiled over", "relief boiled over"),
    ],
)
def test_an_own_clause_ends_on_a_word(stretch: str, kept: str) -> None:
    tokens = tuple(tokenize(stretch))
    trimmed = _without_dangling_end(tokens)
    assert stretch[: trimmed[-1].end] == kept


@pytest.mark.parametrize(
    ("elsewhere", "reported"),
    [
        # b tells the mayor's warning in a sentence of its own, in other words
        (
            "Homeowners will see higher property taxes starting in January, the mayor cautioned.",
            False,
        ),
        ("The library will open on Sundays from next month.", True),
    ],
)
def test_a_clause_of_a_sentence_written_apart_told_elsewhere_is_not_added(
    monkeypatch: pytest.MonkeyPatch, elsewhere: str, reported: bool
) -> None:
    # The two lead sentences count as written apart here (an edited cell would need more
    # than the whole of their shared tokens), so the clause is weighed by meaning.
    monkeypatch.setattr(added, "CLAUSE_EDITED", 0.9)
    monkeypatch.setattr(pairs, "ONE_COPY", 0.0)  # as if the story were one copy, edited
    a = (
        "The council approved the budget on Monday, while the mayor cautioned that homeowners "
        "face a steeper levy from January."
    )
    b = (
        "After a long and heated debate among its members about spending cuts, school funding "
        "and road repairs, the council approved the budget on Monday. " + elsewhere
    )
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"b": (1,)}}

    def clauses() -> list[str]:
        found = of_kind(run({"a": a, "b": b}, cells=cells), Kind.ADDED_PASSAGE)
        return [f.explanation for f in found if f.label.startswith("only in a: \u201cwhile the")]

    # beside a sentence written apart, no shared passage is claimed
    assert [e.startswith(added.CLAUSE_BESIDE_OTHER_WORDS) for e in clauses()] == (
        [True] if reported else []
    )
    # in one sentence edited from the other's, the clause is an insertion and its meaning
    # told elsewhere does not drop it (its words may: ``CLAUSE_CARRIED``, tested apart)
    monkeypatch.setattr(added, "CLAUSE_EDITED", 0.0)
    monkeypatch.setattr(added, "CLAUSE_CARRIED", 1.01)
    assert [e.startswith(added.CLAUSE_IN_EDITED_COPY) for e in clauses()] == [True]


@pytest.mark.parametrize(("shared", "reported"), [(COPY_STORY, True), (OWN_WORDS_STORY, False)])
def test_an_outlet_only_clause_is_reported_only_where_the_outlets_print_one_copy(
    shared: tuple[str, str], reported: bool
) -> None:
    # In independently written reports the aligner pairs two writers' own sentences, and
    # what one says beyond the other is that writer's sentence, not an insertion: read
    # blind on BASIL, such clauses were right 0.29 of the time.
    a = " ".join(COPY_STORY) + " Schools will close at noon on Friday."
    b = (
        " ".join(shared) + " Schools will close at noon on Friday, "
        "while the union warned that teachers would strike next month."
    )
    found = of_kind(run({"a": a, "b": b}), Kind.ADDED_PASSAGE)
    clauses = [f for f in found if "union warned" in f.label]
    assert bool(clauses) is reported


def test_one_amount_converted_two_ways_is_no_added_material_nor_rewording() -> None:
    texts = {
        "a": "Operating profit fell 38% to 1.2 billion euros ($1.3 billion) in the first quarter.",
        "b": "Operating profit fell 38% to €1.2bn (£1bn) in the first quarter.",
    }
    found = run(texts)
    assert of_kind(found, Kind.ADDED_PASSAGE) == []
    assert of_kind(found, Kind.WORDING_CHANGE) == []
    # no discrepancy of the amount: only the low note that the conversions' currencies differ
    (converted,) = of_kind(found, Kind.NUMBER_DISCREPANCY)
    assert converted.severity == Severity.LOW
    assert "different currencies" in converted.explanation


def test_a_source_only_one_version_credits_is_no_added_material() -> None:
    # who is credited, and by what, is the attribution finding's, not an outlet-only clause
    texts = {
        "a": "Fire chief Ann Lee said the train was travelling at 90 km/h on a section where "
        "the limit is 60 km/h, according to preliminary data from the train's recorder.",
        "b": "The train was travelling at 90 km/h on a section where the limit is 60 km/h.",
    }
    found = run(texts)
    assert of_kind(found, Kind.ADDED_PASSAGE) == []
    assert of_kind(found, Kind.WORDING_CHANGE) == []
    assert len(of_kind(found, Kind.ATTRIBUTION_CHANGE)) == 1


def test_a_longer_dateline_is_no_added_material() -> None:
    # read blind (fifteenth round): "SOFIA, Bulgaria \u2014 Nearly 150 lawmakers ..." against
    # "SOFIA \u2014 Bulgaria's parliament ..." was quoted as "Bulgaria \u2014 Nearly 150 ...",
    # material one outlet adds; where a story is filed from is the dateline rule's
    rest = " ".join(COPY_STORY[1:])
    texts = {
        "a": "PORT VELL, Carvania \u2014 Nearly 150 delegates of the regional assembly "
        f"approved the budget on Monday after a long debate. {rest}",
        "b": "PORT VELL \u2014 The council approved the budget on Monday after a long debate. "
        f"{rest}",
    }
    labels = [f.label for f in of_kind(run(texts), Kind.ADDED_PASSAGE)]
    assert not [x for x in labels if "Carvania" in x], labels


@pytest.mark.parametrize(
    ("own", "reported"),
    [
        ("Not everyone in the town was convinced.", False),  # a bridge into what follows
        ("Not all residents share her confidence.", False),
        ("The mayor resigned on the spot.", True),  # short, yet news of its own
        ("Not all 40 shelters had power.", True),  # a figure: news of its own
    ],
)
def test_a_short_bridge_into_a_shared_sentence_is_no_addition(own: str, reported: bool) -> None:
    # read blind (fifteenth round): "Not every fan is convinced." before the protest the
    # others report too was judged wrong as material only one outlet carries
    assert bool(_added(own, 5)) is reported


@pytest.mark.parametrize(
    ("depth", "added_clause"),
    [("nearly 1,600 feet", False), ("nearly 3,000 feet", True)],
)
def test_a_clause_restating_a_measure_the_others_give_is_no_addition(
    depth: str, added_clause: bool
) -> None:
    # read blind (eighteenth round): "where the men had been working nearly 1,600 feet below
    # ground" was called added, and "casualty figures", beside "at a depth of about 480
    # metres (1,575 feet)"; a depth the others do not give is the outlet's own material
    texts = {
        "a": " ".join(COPY_STORY) + " Twenty-one others were brought to the surface, some with "
        "serious injuries, after the roof fall at a depth of about 480 metres (1,575 feet) in "
        "the Borsk-3 mine, about 40 km (25 miles) south of the city, officials said.",
        "b": " ".join(COPY_STORY) + " Rescuers brought 21 miners to the surface, some with "
        "serious injuries, from the Borsk-3 mine, about 40 km (25 miles) south of the city, "
        f"where the men had been working {depth} below ground, officials said.",
    }
    found = run(texts)
    added_ = [f.label for f in of_kind(found, Kind.ADDED_PASSAGE)]
    assert any("working" in label for label in added_) is added_clause, added_
    assert any("depth of" in label for label in added_) is added_clause, added_
    assert not any("casualty" in f.explanation for f in of_kind(found, Kind.ADDED_PASSAGE))
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def _added_in_paragraph(own: str, at: int) -> list[str]:
    """Like ``_added``, with ``own`` opening a paragraph of a, the shared sentences after it."""
    a = " ".join(SHARED[: at + 1]) + "\n\n" + " ".join([own, *SHARED[at + 1 :]])
    texts = {"a": a, "b": " ".join(SHARED), "c": " ".join(SHARED)}
    cells = {f"p{k}": {"a": (k if k <= at else k + 1,), "b": (k,), "c": (k,)} for k in range(10)}
    cells["own"] = {"a": (at + 1,)}
    found = of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)
    return [f.label for f in found]


@pytest.mark.parametrize(
    ("own", "reported"),
    [
        ("Players defended their former coach.", False),  # a bridge opening its paragraph
        ("Within the squad, the mood was one of contrition.", False),
        ("Supporters were less forgiving.", False),
        ("Two players were dropped from the squad.", True),  # a figure: news of its own
        ("Coach Ivo Marsh defended his players.", True),  # a name: news of its own
        ('"We failed," the captain said.', True),  # a quotation
    ],
)
def test_a_short_bridge_opening_its_paragraph_is_no_addition(own: str, reported: bool) -> None:
    # read blind (twentieth round): "Players defended their former coach." before the
    # captain's quotation, "Fans saw it differently." before the protest, each outlet's own
    # bridge into what the others carry too, were judged wrong as added passages
    assert bool(_added_in_paragraph(own, 5)) is reported
    assert bool(_added(own, 5)) is True  # inside a paragraph: not a bridge into it


@pytest.mark.parametrize(
    ("theirs", "restated"),
    [
        ("and about 40 containers had been damaged by late afternoon.", True),
        ("and about 40 cranes had been damaged by late afternoon.", False),  # another thing
        ("and the berth was closed by late afternoon.", False),  # no count of it at all
    ],
)
def test_a_clause_counting_what_another_carrier_counts_is_no_addition(
    theirs: str, restated: bool
) -> None:
    # read blind (twentieth round): "and more than 70 containers were damaged, the fire
    # brigade said on Wednesday" against "and about 40 containers had been damaged by late
    # afternoon" was called added beside the number finding for the same count
    own = "and more than 70 containers were damaged, the fire brigade said on Wednesday."
    ctx = sentence_context(
        {"a": f"Four firefighters were injured, {theirs}", "b": f"Six were injured, {own}"}
    )
    cell = ctx.cell_tokens("p1", "b")
    first = next(k for k, t in enumerate(cell) if t.text == "more")
    assert added._restated_count(ctx, "p1", "b", cell[first:-1]) is restated


def test_a_short_credited_statement_opening_its_paragraph_is_still_reported() -> None:
    # someone's words are content, not a writer's bridge into what follows
    assert _added_in_paragraph("But both sides are to blame, he said.", 5)


@pytest.mark.parametrize(
    ("clause", "reported"),
    [
        # held in part by the other outlet: told there in other words
        ("while the union warned that teachers would strike next month", False),
        # a speaker's own words are not told by another outlet's summary of them
        ('while the union said: "Teachers will strike next month, whatever it costs us"', True),
    ],
)
def test_a_clause_the_other_outlet_holds_in_part_is_no_addition_unless_quoted(
    monkeypatch: pytest.MonkeyPatch, clause: str, reported: bool
) -> None:
    # Read blind (rounds W to AA): clauses half or more of whose weighted words another
    # outlet held were told there in other words; every clause counts as held here.
    monkeypatch.setattr(added, "CLAUSE_CARRIED", 0.0)
    monkeypatch.setattr(added, "PARTLY", 0.0)
    a = " ".join(COPY_STORY) + " Schools will close at noon on Friday. The union has a new leader."
    b = " ".join(COPY_STORY) + f" Schools will close at noon on Friday, {clause}."
    found = of_kind(run({"a": a, "b": b}), Kind.ADDED_PASSAGE)
    assert bool([f for f in found if "the union" in f.label]) is reported


def test_an_own_stretch_ending_on_a_figure_keeps_its_scale_and_counted_noun() -> None:
    # read blind (twenty-third round): "... would save more than €300" (its "million" shared
    # with the others' "€310 million") was a figure no other outlet gives, so news of its own
    ctx = sentence_context(
        {
            "a": "The plan would save 310 million euros a year.",
            "b": "She said the plan would save more than 300 million euros a year.",
        }
    )
    (pid,) = ctx.passages
    cell = ctx.cell_tokens(pid, "b")
    stretch = tuple(t for t in cell if t.norm in ("more", "than", "300"))
    assert [t.text for t in added._with_scale(ctx, pid, "b", stretch)] == [
        "more",
        "than",
        "300",
        "million",
        "euros",
    ]
    assert added._with_scale(ctx, pid, "b", stretch[:2]) == stretch[:2]
