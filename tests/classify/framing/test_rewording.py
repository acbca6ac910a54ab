"""rewording: content-word changes inside aligned passages, others' tokens skipped."""

from __future__ import annotations

import pytest

from compare.classify.framing import rewording
from compare.ingest.headlines import HEADLINE_PASSAGE
from compare.model import Kind
from compare.util.options import Options

from classify_helpers import COPY_STORY, OWN_WORDS_STORY, of_kind, run, the_finding


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "The truce frayed within hours.",
            "The truce fell apart within hours.",
            '"fell apart" vs "frayed"',
        ),
        ("The merger failed last week.", "The merger stalled last week.", '"failed" vs "stalled"'),
        (
            "The probe found water on the moon.",
            "The probe found ice on the moon.",
            '"ice" vs "water"',
        ),
        (
            "The club, a former champion, won.",
            "The club won.",
            '"a former champion" in one version, not another',
        ),
    ],
)
def test_wording_changes(a: str, b: str, label: str) -> None:
    finding = the_finding(a, b, Kind.WORDING_CHANGE, label)
    assert set(finding.spans) == {"a", "b"}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The storm killed 13 people.", "The storm killed 14 people."),  # numbers
        ("Police said he fled.", "He fled."),  # attribution
        ("He reportedly fled.", "He fled."),  # hedge
        ("Police dispersed the rioters.", "Police dispersed the protesters."),  # loaded
        ("The bill was passed.", "The bill has been passed."),  # function words
        ("Troops were killing civilians.", "Troops killed civilians."),  # inflection
        ("A cease-fire began.", "A ceasefire began."),  # hyphenation
        ("Ten were wounded.", "Ten were injured."),  # same event class
    ],
)
def test_not_wording_changes(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_loosely_paired_statements_give_no_word_choice() -> None:
    # One passage pairs two different statements that share little beyond a noun.
    found = run(
        {
            "a": "Traders had warned the council for months that the old bridge was unsafe.",
            "b": "The mayor insisted the bridge had passed an inspection in spring.",
        }
    )
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_closely_paired_statement_keeps_its_word_choice() -> None:
    found = run(
        {
            "a": "The mayor said the bridge had passed an inspection in spring.",
            "b": "The mayor said the bridge had sailed through an inspection in spring.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.WORDING_CHANGE)] == [
        '"passed" vs "sailed through"'
    ]


def test_a_name_added_is_detail_but_a_charged_word_is_not() -> None:
    found = run({"a": "Striker Jamal Reid scored twice.", "b": "Striker Reid scored twice."})
    assert of_kind(found, Kind.WORDING_CHANGE) == []
    # A charged word added to shared wording is the loaded family's (``added_tone``).
    found = run(
        {
            "a": "Brutal fighting resumed in the north of the country on Monday.",
            "b": "Fighting resumed in the north of the country on Monday.",
        }
    )
    assert of_kind(found, Kind.WORDING_CHANGE) == []
    assert [f.label for f in of_kind(found, Kind.LOADED_TERM)] == ['"Brutal" added']


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Corvane will cut 1,200 jobs.", "The Ohio-based company will cut 1,200 jobs."),
        ("Shares in Corvane fell.", "Shares in the company fell."),
    ],
)
def test_a_name_and_a_description_of_it_are_not_a_rewording(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_a_reworded_sentence_is_one_finding_with_every_change_highlighted() -> None:
    found = of_kind(
        run(
            {
                "a": "The council scrapped the tram plan on Tuesday, citing costly delays.",
                "b": "The council dropped the tram plan on Tuesday, citing expensive delays.",
            }
        ),
        Kind.WORDING_CHANGE,
    )
    assert len(found) == 1
    texts = {aid: " | ".join(s.text for s in spans) for aid, spans in found[0].spans.items()}
    assert "scrapped" in texts["a"] and "costly" in texts["a"]
    assert "dropped" in texts["b"] and "expensive" in texts["b"]
    assert found[0].label.endswith("and 1 more")
    assert "2 changes" in found[0].explanation


def test_three_outlets_rewording_one_passage_give_one_finding() -> None:
    found = of_kind(
        run(
            {
                "a": "The council scrapped the tram plan on Tuesday.",
                "b": "The council dropped the tram plan on Tuesday.",
                "c": "The council shelved the tram plan on Tuesday.",
            }
        ),
        Kind.WORDING_CHANGE,
    )
    assert len(found) == 1
    assert sorted(found[0].spans) == ["a", "b", "c"]


def test_a_whole_clause_swapped_is_not_a_word_choice() -> None:
    # The shared opening anchors the passage, but after the comma each version says
    # something else: nothing around the changed words matches, so neither stands for
    # the other.
    found = run(
        {
            "a": "Traders in the old market, which reopened on Monday after the floods, "
            "are to take part in the talks.",
            "b": "Traders in the old market, which reopened on Monday after the floods, "
            "want new rules on rents.",
        }
    )
    assert of_kind(found, Kind.WORDING_CHANGE) == []


@pytest.mark.parametrize(
    "lead_in",
    [
        "Under those terms, the council will close the old bridge next week.",
        "Hopes had risen when the council agreed to close the old bridge next week.",
        # Inside a quotation the lead-in follows the opening quote mark.
        '"Under those terms, the council agreed to close the old bridge next week," he said.',
    ],
)
def test_a_lead_in_before_the_shared_statement_is_not_a_rewording(lead_in: str) -> None:
    shared = "The council agreed to close the old bridge next week."
    if lead_in.startswith('"'):
        shared = '"The council agreed to close the old bridge next week," he said.'
    found = run({"a": lead_in, "b": shared})
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_an_insertion_inside_the_sentence_is_still_reported() -> None:
    found = run(
        {
            "a": "The council strongly urged residents to leave.",
            "b": "The council urged residents to leave.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.WORDING_CHANGE)] == [
        '"strongly" in one version, not another'
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Rescuers reached the village as the water receded.",
            "Rescuers reached the village while the rain eased.",
        ),
        (
            "Ferries cross the strait which divides the two islands.",
            "Ferries cross the strait that separates the two islands.",
        ),
    ],
)
def test_different_clause_openings_are_not_one_phrase_reworded(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_cells_that_tell_different_things_by_meaning_give_no_rewording() -> None:
    # The words around the change match, but one cell tells of a man grabbed by the neck
    # and the other of a camera grabbed: two statements, not one reworded.
    texts = {
        "a": "The congressman grabbed the student by the neck outside the hall.",
        "b": "The congressman grabbed the camera and the young man outside the hall.",
    }
    assert of_kind(run(texts), Kind.WORDING_CHANGE) == []
    words_only = run(texts, options=Options(sentence_meanings=False))
    assert [f.label for f in of_kind(words_only, Kind.WORDING_CHANGE)] == [
        '"camera and the young man" vs "student by the neck"'
    ]


def test_an_insertion_the_other_version_says_a_sentence_away_is_no_rewording(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = (
        "The congressman spoke to reporters on Friday. "
        '"I regret my reaction," the congressman said in a statement.'
    )
    b = (
        "His office released a statement to reporters on Friday. "
        '"I regret my reaction," the congressman said.'
    )
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []
    monkeypatch.setattr(rewording, "NEARBY", -100)  # the cell alone: the words are not there
    labels = [f.label for f in of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)]
    assert labels == ['"in a statement" in one version, not another']
    # a version that nowhere near says it still lacks the detail
    lacks = b.replace("His office released a statement", "The congressman spoke")
    assert [f.label for f in of_kind(run({"a": a, "b": lacks}), Kind.WORDING_CHANGE)] == labels


def test_an_insertion_of_several_words_the_other_version_says_anywhere_is_no_rewording(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two or more content words the other version holds, however far away, are told there."""
    middle = "The vote was close. Many members left early. Debate ran late into the night. "
    a = (
        "His office sent a written statement on Friday. "
        + middle
        + '"I regret my reaction," the congressman said in a written statement.'
    )
    b = (
        "His office sent a written statement on Friday. "
        + middle
        + '"I regret my reaction," the congressman said.'
    )
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []
    monkeypatch.setattr(rewording, "ANYWHERE_WORDS", 100)  # only the nearby sentences
    labels = [f.label for f in of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)]
    assert labels == ['"in a written statement" in one version, not another']


def test_the_authority_that_identified_someone_is_attribution_not_wording(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'The police identified the men as' credits the names: its source is no word choice."""
    a = (
        "The victims of Sunday's shooting, identified as Ann Roe, 64, of Elmwood and Bo Li, 67, "
        "of Oak Hill, were members of the church's volunteer guard, the attorney general said."
    )
    b = (
        "The state Department of Public Safety identified the men as Ann Roe, 64, of Elmwood "
        "and Bo Li, 67, of Oak Hill."
    )

    def labels() -> list[str]:
        return [f.label for f in of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)]

    assert not any("Public Safety" in label for label in labels())
    monkeypatch.setattr(rewording, "identifications", lambda tokens: [])
    assert any("Public Safety" in label for label in labels())


def test_a_word_only_one_headline_has_is_no_insertion() -> None:
    # Headlines are cut to fit: a word one leaves out was never inserted into shared
    # wording.  The same two lines as body sentences are a one-sided rewording.
    texts = {
        "a": "Mayor Ann Lee defends the costly water plan for the city",
        "b": "Mayor Ann Lee defends the water plan for the city",
    }

    def labels(passage_id: str) -> list[str]:
        cells = {passage_id: {"a": (0,), "b": (0,)}}
        return [f.label for f in of_kind(run(texts, cells=cells), Kind.WORDING_CHANGE)]

    assert labels(HEADLINE_PASSAGE) == []
    assert labels("p1") == ['"costly" in one version, not another']


@pytest.mark.parametrize(("shared", "reported"), [(COPY_STORY, True), (OWN_WORDS_STORY, False)])
def test_a_rewording_is_read_only_where_the_outlets_print_one_copy(
    shared: tuple[str, str, str, str], reported: bool
) -> None:
    # Two writers' own sentences differ in most words by nature: read blind on
    # independently written reports, such rewordings were right once in 18.
    a = " ".join(COPY_STORY) + " The strike talks stalled on Friday."
    b = " ".join(shared) + " The strike talks collapsed on Friday."
    found = of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE)
    assert [f.label for f in found] == (['"collapsed" vs "stalled"'] if reported else [])


def test_a_word_with_and_without_its_accent_is_no_rewording() -> None:
    found = run(
        {
            "a": "The chief executive, Aoife Ní Bhriain, apologised to patients on Monday.",
            "b": "The chief executive, Aoife Ni Bhriain, apologised to patients on Monday.",
        }
    )
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_a_unit_symbol_of_a_conversion_is_no_rewording() -> None:
    # From a blind reading: "(89 km/h)" left the "h" of "km/h" as "'h' only in one version".
    a = "Gusts of up to 55 miles per hour were expected to persist through Wednesday."
    b = "Gusts of up to 55 miles per hour (89 km/h) were expected to persist through Wednesday."
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_a_conversion_beside_a_spelling_is_no_rewording() -> None:
    # From a blind reading: "(about 130,000 miles) fiber" / "fibre" was a rewording.
    a = "Where its 210,000 km (about 130,000 miles) fiber network is strongest, prices fell."
    b = "Where its 210,000 km fibre network is strongest, prices fell."
    found = run({"a": a, "b": b})
    assert of_kind(found, Kind.WORDING_CHANGE) == []
    assert [f.label for f in of_kind(found, Kind.SPELLING_VARIANT)] == ['"fiber" vs "fibre"']


def test_a_name_and_its_initials_are_no_rewording() -> None:
    # From a blind reading: a wire's name in one dateline, its initials in another.
    a = "TORVIK (Meridian Press) - The agency launched its first lunar probe on Tuesday."
    b = "TORVIK (MP) - The agency launched its first lunar probe on Tuesday."
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Patients should not stop taking their medication without advice.",
            "Patients should not stop taking their medicine without advice.",
        ),
        (
            "The group bought the rival network last year for cash.",
            "The group purchased the rival network last year for cash.",
        ),
    ],
)
def test_a_synonym_in_its_common_sense_is_no_rewording(a: str, b: str) -> None:
    # From blind readings of four rounds of invented stories: such swaps were trivial.
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_a_temperature_in_two_typographies_is_no_rewording() -> None:
    # From a blind reading: "110.8 °F" / "110.8F" and a converted "102.2F" / "105.8 °F"
    # (the numbers family compares the Celsius figures) were rewordings.
    found = run(
        {
            "a": "The heat pushed the mercury to 43.8C (110.8F) in the south on Monday.",
            "b": "The heat pushed the mercury to 43.8 °C (110.8 °F) in the south on Monday.",
        }
    )
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_a_word_for_what_happened_that_the_other_version_tells_is_no_rewording() -> None:
    # From a blind reading: "capsized ..., killing at least 19 people" against "At least
    # 19 people died after ... capsized" gave '"killing" only in one version'.
    found = run(
        {
            "a": "The ferry capsized in a storm off the island on Sunday, killing at least 19 "
            "people, officials said.",
            "b": "At least 19 people died when the ferry capsized in a storm off the island on "
            "Sunday, officials said.",
        }
    )
    assert not [f for f in of_kind(found, Kind.WORDING_CHANGE) if "killing" in f.label]


def test_a_shell_noun_pointing_back_is_no_rewording() -> None:
    # read blind (eighth round): "the closures" / "the move", "decision" / "move": trivial
    a = "Campaigners said the closures would hit older residents hardest, the union warned."
    b = "Campaigners said the move would hit older residents hardest, the union warned."
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


def test_words_the_other_version_says_with_a_place_spelt_another_way_are_said() -> None:
    # read blind (thirteenth round): "near the town of Shalkarsu" as words one version has,
    # where the other says "near the town of Shalqarsu" a paragraph on
    found = run(
        {
            "a": "A passenger train hit a freight train near the town of Shalkarsu on Tuesday. "
            "Rescuers worked through the night.",
            "b": "A passenger train hit a freight train on Tuesday. It struck the rear of the "
            "wagons near the town of Shalqarsu, officials said.",
        }
    )
    labels = [f.label for f in of_kind(found, Kind.WORDING_CHANGE)]
    assert not any("Shalkarsu" in label for label in labels), labels


def test_a_word_of_time_swapped_inside_a_quotation_is_a_rewording() -> None:
    # read blind (thirteenth round): "in the coming days" / "in the coming weeks" inside one
    # quoted sentence was missed: words that only say when were never a rewording
    said = "Thomas Brandt said: \u201cThis is a dark day for the club. We will discuss his contract"
    found = run(
        {
            "a": f"{said} in the coming weeks.\u201d",
            "b": f"{said} in the coming days.\u201d",
        }
    )
    (finding,) = of_kind(found, Kind.WORDING_CHANGE)
    assert finding.label == '"days" vs "weeks"'
    assert finding.explanation.startswith("Inside the same quotation")
    unquoted = run(
        {
            "a": "The club will discuss his contract in the coming weeks, Brandt said.",
            "b": "The club will discuss his contract in the coming days, Brandt said.",
        }
    )
    assert of_kind(unquoted, Kind.WORDING_CHANGE) == []  # the outlet's own words of time


def test_a_degree_word_swapped_inside_a_quotation_is_a_misquotation() -> None:
    # read blind (eighteenth round): "The risk ... is very low" / "is extremely low" inside
    # one quoted sentence was missed: "very" is a function word, so the swap had no content
    said = "Rowan Pike, the agency's safety director, said: \u201cThe risk to any patient is"
    tail = "but no level of this impurity is acceptable in a medicine.\u201d"
    found = run(
        {
            "a": f"{said} very low, {tail} Pharmacists were told on Monday.",
            "b": f"{said} extremely low, {tail} Pharmacists were told on Monday.",
        }
    )
    (finding,) = of_kind(found, Kind.WORDING_CHANGE)
    assert finding.label == '"extremely" vs "very"'
    assert finding.explanation.startswith("Inside the same quotation")
    unquoted = run(
        {
            "a": "The agency said the risk to any patient was very low. Doctors were told.",
            "b": "The agency said the risk to any patient was extremely low. Doctors were told.",
        }
    )
    assert of_kind(unquoted, Kind.WORDING_CHANGE) == []
