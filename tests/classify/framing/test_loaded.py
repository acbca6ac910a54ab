"""loaded: lexicon terms, group identity swaps and VADER tone gaps."""

from __future__ import annotations

import pytest

from compare.classify.framing.loaded import valence
from compare.classify.pairs import WRITTEN_APART, CellPair
from compare.model import Kind

from classify_helpers import of_kind, run, the_finding


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Police dispersed the rioters downtown.",
            "Police dispersed the protesters downtown.",
            '"rioters" vs "protesters"',
        ),
        (
            "The mayor slammed the budget.",
            "The mayor criticised the budget.",
            '"slammed" vs "criticised"',
        ),
        ("The regime raised taxes.", "The government raised taxes.", '"regime" vs "government"'),
        (
            "Shares in the company plunged 6 percent on Thursday.",
            "Shares in the company fell 6 percent on Thursday.",
            '"plunged" vs "fell"',
        ),
        (
            "The council slashed the library budget by a third.",
            "The council cut the library budget by a third.",
            '"slashed" vs "cut"',
        ),
        (
            "The troops entered Valdor territory.",
            "The troops entered occupied Valdor territory.",
            '"occupied" added',
        ),
        (
            "Border clashes involved Norland soldiers overnight.",
            "Border clashes involved Sudmark soldiers overnight.",
            '"Norland soldiers" vs "Sudmark soldiers"',
        ),
        (  # the counterpart is the term's word, not a function word of the rewording
            "The governor on Monday called the massacre an act of terror.",
            "The governor on Monday referred to the shooting as an act of terror.",
            '"massacre" vs "shooting"',
        ),
        (
            "The fans called the referee a hero.",
            "The fans called the referee a disgrace.",
            '"disgrace" vs "hero"',
        ),
        # read blind on invented stories: journalese framing taken for a neutral detail
        (
            "The deal ends a strike that kept teachers out for 13 days.",
            "The deal ends a crippling strike that kept teachers out for 13 days.",
            '"crippling" added',
        ),
        (
            "Growers in the island's wine industry fear losses.",
            "Growers in the island's struggling wine industry fear losses.",
            '"struggling" added',
        ),
    ],
)
def test_loaded_terms(a: str, b: str, label: str) -> None:
    the_finding(a, b, Kind.LOADED_TERM, label)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Border clashes involved Norland soldiers.",
            "Border clashes involved Norlandic soldiers.",
        ),
        ("The agreement frayed quickly.", "The agreement failed quickly."),  # no tone on one side
        ("The rioters were charged.", "The rioters were charged."),
        ("Police dispersed the crowd.", "Police dispersed the group."),
        # in quotation marks the term is the speaker's word, not the outlet's framing
        (
            "The suit accused officials of joining a \u201cscheme\u201d to sell the land.",
            "The suit accused officials of joining a plan to sell the land.",
        ),
        (
            '"The regime raised taxes," the senator said.',
            '"The government raised taxes," the senator said.',
        ),
        # read blind (twenty-second round): one place named in its language and half
        # translated is no other identity
        (
            "An outbreak in the Haut-Sénou region has killed 47 people, officials said.",
            "An outbreak in the Upper Senou region has killed 47 people, officials said.",
        ),
        # read blind (eighth round): a count capitalised after a dash is no identity
        (
            "KORVESSA (Meridian Wire) \u2014 Eight people were killed in the crush.",
            "KORVESSA (Meridian Wire) \u2014 Nine people were killed in the crush.",
        ),
        # a degree and a phrasal verb are no tone
        (
            "Older people would be most affected by the closures.",
            "Older people would be worst hit by the closures.",
        ),
        # read blind (seventeenth round): "refused" where the other has the as negative
        # "rejected" (the outlets differ on who turned the offer down, not on a word)
        (
            "Talks broke down last Thursday after Rheinair refused to improve its offer.",
            "Talks broke down last Thursday after the union rejected an improved offer.",
        ),
    ],
)
def test_not_loaded_terms(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM) == []


def test_valence_handles_inflections() -> None:
    assert valence("slammed") == valence("slam") is not None
    assert valence("banana") is None


def test_term_in_cells_that_only_share_a_theme_is_not_compared() -> None:
    found = of_kind(
        run(
            {
                # Only the full stop in common: the other words are another statement,
                # so its lacking "regime" says nothing about how it frames the claim.
                "a": "Critics accused the regime of ignoring warnings about floods.",
                "b": "Engineers inspected that spillway twice last spring.",
            }
        ),
        Kind.LOADED_TERM,
    )
    assert found == []


def test_term_one_version_adds_to_the_same_statement_is_used_by_one_version_only() -> None:
    found = of_kind(
        run(
            {
                "a": "Critics accused the regime of ignoring warnings about the floods.",
                "b": "Critics accused officials of ignoring warnings about the floods.",
            }
        ),
        Kind.LOADED_TERM,
    )
    assert [f.label for f in found] == ['"regime" vs "officials"']


@pytest.mark.parametrize(
    ("a", "b", "labels"),
    [
        (
            "The Kestria-run health ministry said 30 people died.",
            "The health ministry said 30 people died.",
            ['"Kestria-run health ministry" vs "health ministry"'],
        ),
        (
            "Shelling hit rebel-held Orvik on Monday.",
            "Shelling hit Orvik on Monday.",
            ['"rebel-held Orvik" vs "Orvik"'],
        ),
        (
            "The Lorvan-backed channel aired it.",
            "The channel aired it.",
            ['"Lorvan-backed channel" vs "channel"'],
        ),
        (  # the owner's whole name is quoted, not "Party-backed"
            "The Green Party-backed mayor said 5 died.",
            "The mayor said 5 died.",
            ['"Green Party-backed mayor" vs "mayor"'],
        ),
        ("A well-run campaign won.", "A campaign won.", []),  # no owner named
        ("State-run media said 5 died.", "State-run media said 5 died.", []),
    ],
)
def test_affiliation_said_in_one_version_only(a: str, b: str, labels: list[str]) -> None:
    assert [f.label for f in of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM)] == labels


def test_a_term_whose_noun_the_other_version_lacks_is_not_compared() -> None:
    # The other version dropped "according to rebel authorities" altogether: the
    # word standing in its place ("Friday") is no counterpart of "rebel".
    found = run(
        {
            "a": "The port was shelled overnight, according to rebel authorities.",
            "b": "The port was shelled overnight Friday.",
        }
    )
    assert not [f for f in of_kind(found, Kind.LOADED_TERM) if "rebel" in f.label.casefold()]


def test_term_without_counterpart_in_a_loose_pair_is_never_a_headline() -> None:
    found = of_kind(
        run(
            {
                "a": "Critics slammed the harbour toll.",
                "b": "Fishermen and several councillors who met at the pier said that the new "
                "harbour toll, due in May, was unfair to every family.",
            }
        ),
        Kind.LOADED_TERM,
    )
    assert [f.label for f in found] == ['"slammed" added']
    assert found[0].confidence < 0.7


def test_no_loaded_term_when_the_other_outlet_uses_the_word_itself() -> None:
    """An outlet that writes "refused" elsewhere did not avoid it: no framing choice."""
    texts = {
        "a": "The official refused to answer questions. She left the hearing early.",
        "b": "The official declined to answer questions. She refused to resign and left early.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    found = of_kind(run(texts, cells=cells), Kind.LOADED_TERM)
    assert not [f for f in found if "refused" in f.label], [f.label for f in found]
    texts["b"] = "The official declined to answer questions. She would not resign and left early."
    found = of_kind(run(texts, cells=cells), Kind.LOADED_TERM)
    assert [f for f in found if "refused" in f.label], "without it elsewhere, the term is found"


def test_a_qualifier_written_without_its_hyphen_is_no_loaded_term() -> None:
    a = "The governor will cut the budget of state-funded radio stations next month."
    b = "The governor will cut the budget of state funded radio stations next month."
    assert of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM) == []
    plain = "The governor will cut the budget of radio stations next month."
    assert of_kind(run({"a": a, "b": plain}), Kind.LOADED_TERM), "dropped, it is one"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The governor will impose a ban on state-funded travel to the state next month.",
            "The governor will impose a ban on travel to the state next month.",
        ),
        (
            "The court struck down the Republican-run redistricting of the state.",
            "The court struck down the redistricting of the state.",
        ),
        (
            "He lost to Tea Party-backed economics professor Dave Brat on Tuesday.",
            "He lost to economics professor Dave Brat on Tuesday.",
        ),
        (  # which side holds a chamber: the election's result
            "A second bill, passed by the Democrat-controlled House, also fell short.",
            "A second bill, passed by the House, also fell short.",
        ),
    ],
)
def test_who_runs_a_process_or_backs_a_candidate_is_no_loaded_term(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM) == []


@pytest.mark.parametrize(("shared", "found"), [(0.5, True), (0.15, False)])
def test_a_term_added_in_cells_written_apart_is_not_compared(
    monkeypatch: pytest.MonkeyPatch, shared: float, found: bool
) -> None:
    # Under WRITTEN_APART of their tokens in common, the other cell is another outlet's own
    # sentence: its lacking the term says nothing of how it frames the same thing.
    assert WRITTEN_APART > 0.15
    monkeypatch.setattr(CellPair, "shared_share", lambda _self: shared)
    texts = {
        "a": "The troops entered Valdor territory.",
        "b": "The troops entered occupied Valdor territory.",
    }
    labels = [f.label for f in of_kind(run(texts), Kind.LOADED_TERM)]
    assert ('"occupied" added' in labels) is found


def test_a_word_in_quotation_marks_gives_no_tone() -> None:
    # "hurtful" quotes the senator's own apology: the speaker's word, not the outlet's tone.
    b = "The senator apologised on Friday for her original post about the victims."
    quoted = "The senator apologised on Friday for her \u201churtful\u201d words about the victims."
    plain = quoted.replace("\u201churtful\u201d", "hurtful")
    assert of_kind(run({"a": quoted, "b": b}), Kind.LOADED_TERM) == []
    labels = [f.label for f in of_kind(run({"a": plain, "b": b}), Kind.LOADED_TERM)]
    assert labels == ['"hurtful words" vs "original post"']


def test_a_term_whose_clause_the_other_version_does_not_tell_is_no_framing() -> None:
    # b reports the emergency but not the council's decision: its lacking "refused" says
    # nothing of how it frames that decision.
    a = (
        "The mayor declared an emergency on Friday to reach funds that the council refused "
        "to give her for the new bridge."
    )
    apart = (
        "The mayor declared an emergency on Friday, tapping special powers to divert "
        "money toward construction of a bridge."
    )
    told = (
        "The mayor declared an emergency on Friday to reach funds that the council would "
        "not give her for the new bridge."
    )
    assert not [
        f for f in of_kind(run({"a": a, "b": apart}), Kind.LOADED_TERM) if "refused" in f.label
    ]
    assert [f for f in of_kind(run({"a": a, "b": told}), Kind.LOADED_TERM) if "refused" in f.label]


def test_a_verb_whose_infinitive_the_other_version_lacks_is_no_framing() -> None:
    # "refused to apologize" beside a sentence on another act of the same man: the other
    # version does not tell what was refused, so nothing was told in plainer words
    found = run(
        {
            "a": "Earlier, the governor had refused to apologize for the message, saying he "
            "wished he could fight a duel.",
            "b": "The governor then left him an angry voicemail message, which he followed by "
            "threatening to fight a duel.",
        }
    )
    assert of_kind(found, Kind.LOADED_TERM) == []
    # the same act told with the plainer verb is still a framing choice
    the_finding(
        "Earlier, the governor had refused to apologize for the message.",
        "Earlier, the governor had declined to apologize for the message.",
        Kind.LOADED_TERM,
        '"refused" vs "declined"',
    )


def test_of_two_loaded_words_the_finding_names_the_one_the_other_is_plainer_for() -> None:
    # From a blind reading: "scheme" / "racket" named "scheme" as the loaded word.
    the_finding(
        "He was jailed for four years for his role in the scheme.",
        "He was jailed for four years for his role in the racket.",
        Kind.LOADED_TERM,
        '"racket" vs "scheme"',
    )


def test_two_words_for_one_event_are_no_tone_swap() -> None:
    # "jailed for" / "sentenced to": VADER scores the jail, which both versions report.
    found = run(
        {
            "a": "His deputy was jailed for four years for his part in the plan.",
            "b": "His deputy was sentenced to four years for his part in the plan.",
        }
    )
    assert of_kind(found, Kind.LOADED_TERM) == []


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        # From a blind reading of two invented stories (a launch, a merger).
        (
            "The 2019 mission failed when its lander crashed on the surface.",
            "The 2019 mission was botched when its lander crashed on the surface.",
            '"botched" vs "failed"',
        ),
        (
            "The company agreed on Monday to buy its rival for $8.4 billion.",
            "The company agreed on Monday to swallow up its rival for $8.4 billion.",
            '"swallow up" vs "buy"',
        ),
    ],
)
def test_journalese_for_failure_and_takeovers_is_loaded(a: str, b: str, label: str) -> None:
    the_finding(a, b, Kind.LOADED_TERM, label)


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Korvania recorded its highest temperature on Monday, as a hellish heatwave that "
            "has gripped the country for nine days pushed the mercury higher.",
            "Korvania recorded its highest temperature on Monday, as a heatwave that has "
            "gripped the country for nine days pushed the mercury higher.",
            '"hellish" added',
        ),
        (
            "Terrified residents described being woken by a deafening bang at the plant.",
            "Residents described being woken by a deafening bang at the plant.",
            '"Terrified" added',
        ),
    ],
)
def test_an_emotive_word_added_to_shared_wording_is_loaded(a: str, b: str, label: str) -> None:
    # From a blind reading: these were plain rewordings, "a detail" at the lowest severity.
    found = run({"a": a, "b": b})
    (finding,) = of_kind(found, Kind.LOADED_TERM)
    assert finding.label == label and finding.confidence < 1.0
    assert of_kind(found, Kind.WORDING_CHANGE) == []


def test_an_emotive_word_the_other_version_also_uses_is_not_added() -> None:
    # read blind (eighteenth round): "To enforce the ban, the city will hire ..." against
    # "The city will hire ... to police the ban" reported "ban" as a word one version adds
    found = run(
        {
            "a": "To enforce the ban, the city will hire 25 additional inspectors and work with "
            "online platforms to remove unlicensed listings.",
            "b": "The city will hire 25 more inspectors to police the ban and will work with "
            "online platforms to take down unlicensed listings.",
        }
    )
    assert of_kind(found, Kind.LOADED_TERM) == []


@pytest.mark.parametrize(
    ("noun", "loaded"), [("migrants", True), ("visitors", True), ("holiday flats", False)]
)
def test_a_metaphor_for_people_is_loaded_only_when_said_of_people(noun: str, loaded: bool) -> None:
    # read blind (eighteenth round): "residents who say a flood of holiday apartments has
    # emptied the old streets" was a loaded term because "a flood of people presents them
    # as a threat"; the flats are no people
    tail = "has changed the old streets, the mayor told the council on Monday."
    found = run({"a": f"A flood of {noun} {tail}", "b": f"More {noun} {tail}"})
    assert bool(of_kind(found, Kind.LOADED_TERM)) is loaded


def test_an_event_word_added_to_shared_wording_is_no_tone() -> None:
    found = run(
        {
            "a": "The blast at the chemical plant on Monday killed workers and injured others.",
            "b": "The blast at the chemical plant on Monday injured workers and others.",
        }
    )
    assert of_kind(found, Kind.LOADED_TERM) == []


def test_a_verb_for_what_happened_is_no_tone_swap_in_headlines() -> None:
    # From a blind reading: "Blast kills four" / "Explosion leaves four dead" was a tone swap.
    found = run(
        {
            "a": "Chemical plant blast kills four workers in Brenmoor on Monday",
            "b": "Chemical plant explosion leaves four workers dead in Brenmoor on Monday",
        }
    )
    assert of_kind(found, Kind.LOADED_TERM) == []


def test_a_scandal_label_added_is_loaded() -> None:
    # From a fifth blind reading: "scandal-hit" was reported as a plain detail.
    found = run(
        {
            "a": "The bridge is maintained by Torvane Construction, which won the contract in "
            "2019.",
            "b": "The bridge is maintained by scandal-hit Torvane Construction, which won the "
            "contract in 2019.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.LOADED_TERM)] == ['"scandal-hit" added']


def test_one_loaded_word_gives_one_finding() -> None:
    # read blind: "The embattled carrier" / "The carrier" (a source's label) and "embattled"
    # added (the lexicon term) were two findings for one word
    base = "said all passengers whose flights were cancelled would get a full refund or rebooking."
    found = of_kind(
        run({"a": f"The embattled carrier {base}", "b": f"The carrier {base}"}), Kind.LOADED_TERM
    )
    assert [f.label for f in found] == ['"The embattled carrier" vs "The carrier"']


def test_a_phrasal_verb_is_no_emotive_word() -> None:
    # read blind (eighth round): "heckling ... drowned out speakers" read as tone added
    from compare.align.segment import tokenize
    from compare.classify.framing.loaded_swaps import emotive

    assert emotive(tokenize("heckling drowned out speakers"), 0, 4) is None
    assert emotive(tokenize("a hellish heatwave"), 0, 3) == 1


def test_an_added_term_is_shown_against_more_than_one_item_of_a_list() -> None:
    # read blind (eighth round): "Outlet A says 'Eastbridge'" beside "axe"
    from compare.align.segment import tokenize
    from compare.classify.framing.loaded import _span

    class _Ctx:
        def tokens_span(self, aid, tokens):
            return " ".join(t.text for t in tokens)

    tokens = tokenize("Eastbridge, Millgate and Kestrel Road libraries will close in September.")
    assert _span(_Ctx(), "a", tokens, 0, 0) == "Eastbridge , Millgate"


def test_a_source_described_with_a_word_the_other_outlet_uses_itself_is_no_framing() -> None:
    # read blind (twenty-fourth round): "The mayor, Joanne Whitlock, who backed the scheme,"
    # against "Mayor Joanne Whitlock" in an outlet that writes "the scheme" itself
    texts = {
        "a": "The mayor, Joanne Whitlock, who backed the scheme, said it was a chance for the "
        "city. Planners said the scheme complied with policy.",
        "b": "Mayor Joanne Whitlock said it was a chance for the city. Planners said the scheme "
        "complied with policy.",
    }
    assert of_kind(run(texts), Kind.LOADED_TERM) == []
    texts["b"] = texts["b"].replace("the scheme", "the plan")
    assert [f.label for f in of_kind(run(texts), Kind.LOADED_TERM)] != []
