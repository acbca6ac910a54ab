"""attribution: claims attributed vs asserted, reporting verbs, sources."""

from __future__ import annotations

from dataclasses import replace

import pytest

from compare.align.segment import tokenize
from compare.classify.attribution.rule import _same_fact, markers
from compare.classify.base import Candidate
from compare.classify.pairs import WRITTEN_APART, CellPair
from compare.model import Finding, Kind, Severity, Span

from classify_helpers import of_kind, run, the_finding


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Police said the driver fled the scene.",
            "The driver fled the scene.",
            '"Police said" vs no attribution',
        ),
        (
            "The bank lost money on the deal, according to analysts.",
            "The bank lost money on the deal.",
            '"according to analysts" vs no attribution',
        ),
        (
            "The senator said the bill was rushed.",
            "The senator claimed the bill was rushed.",
            '"claimed" vs "said"',
        ),
        (
            "The coach admitted the team was tired.",
            "The coach said the team was tired.",
            '"admitted" vs "said"',
        ),
        (
            "Researchers said the drug works.",
            "Regulators said the drug works.",
            '"Regulators" vs "Researchers"',
        ),
        (  # the source of a coordinated clause, not its "and"
            "Crews worked through the night, and officials said power would be back by Sunday.",
            "Crews worked through the night, and power would be back by Sunday.",
            '"officials said" vs no attribution',
        ),
    ],
)
def test_attribution_changes(a: str, b: str, label: str) -> None:
    finding = the_finding(a, b, Kind.ATTRIBUTION_CHANGE, label)
    assert set(finding.spans) == {"a", "b"}


@pytest.mark.parametrize("who", ["Stone", "Mr. Stone"])  # the full stop of "Mr." ends nothing
def test_a_dropped_source_is_the_sentence_s_first_verb_not_one_inside_its_claim(who: str) -> None:
    # "denying" is part of what the indictment alleges: the source dropped is "alleges"
    a = f"The indictment alleges that {who} lied to the committee, denying he had the records."
    b = f"{who} lied to the committee and kept back the records."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert finding.label == '"The indictment alleges" vs no attribution'
    assert [s.text for s in finding.spans["a"]] == ["The indictment alleges"]


def test_an_outlet_crediting_its_own_reporting_states_the_claim_itself() -> None:
    texts = {
        "courier": "In July, The Courier reported that Mr. Varn met with bankers in June "
        "who had promised money to the campaign.",
        "herald": "Mr. Varn met with bankers in June who had promised money to the campaign.",
    }
    assert of_kind(run(texts), Kind.ATTRIBUTION_CHANGE) == []
    texts["courier"] = texts["courier"].replace("The Courier", "The Ledger")
    (finding,) = of_kind(run(texts), Kind.ATTRIBUTION_CHANGE)  # another outlet's reporting
    assert finding.label == '"The Ledger reported" vs no attribution'


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Police said the driver fled.", "Police told reporters the driver fled."),  # both neutral
        ("The driver fled, police said.", "Police said the driver fled."),  # moved, still there
        ("The claims were rejected by the court.", "The court rejected it."),  # noun, not a verb
        (
            "President Ana Ruiz said rates would fall.",
            "Ruiz said rates would fall.",
        ),  # fuller source
        ("The Defense Ministry said it was calm.", "The Defence Ministry said it was calm."),
        ("Rivals stopped short of claiming victory.", "Rivals stopped before claiming victory."),
        # one pair of sources, named in another order and form
        (
            "Couples may file jointly, the Treasury Department and the Internal Revenue "
            "Service said Thursday.",
            "Couples may file jointly, the IRS and Treasury Department said Thursday.",
        ),
    ],
)
def test_not_attribution_changes(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_explanation_says_why_the_verb_matters() -> None:
    (f,) = of_kind(
        run({"a": "The firm alleged that rivals cheated.", "b": "The firm said rivals cheated."}),
        Kind.ATTRIBUTION_CHANGE,
    )
    assert "signals doubt" in f.explanation and "neutral" in f.explanation


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the verb inside the quotation is the speaker's word, not the outlet's choice
        (
            '"The findings are confirmed by the records released today," Senator Roe said.',
            "Senator Roe said the records released today backed the findings.",
        ),
        (
            "\u201cThe findings are confirmed by the records,\u201d Senator Roe said.",
            "The findings, Senator Roe said, were backed by the records.",
        ),
    ],
)
def test_verb_inside_a_quotation_is_no_verb_change(a: str, b: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert not [f for f in found if "confirmed" in f.label], [f.label for f in found]


def test_markers_skip_adjective_alleged() -> None:
    assert markers(tokenize("The alleged theft shocked the town.")) == []


def test_moved_attribution_compares_the_verbs() -> None:
    found = run(
        {
            "a": "Witnesses said soldiers opened fire.",
            "b": "Soldiers opened fire, the army admitted.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == ['"admitted" vs "said"']
    # Who is credited belongs to attribution, never to the rewording family.
    assert of_kind(found, Kind.WORDING_CHANGE) == []


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Soldiers opened fire on the crowd, Colonel Ivan Petrov said.",
            "General Ann Roe said soldiers opened fire on the crowd.",
            '"Colonel Ivan Petrov" vs "General Ann Roe"',
        ),
        (  # an authority naming the dead is a source too
            "The victims were identified as Ann Roe and Bo Lee, Mayor Tom Hill said.",
            "County Sheriff Jo Diaz identified the victims as Ann Roe and Bo Lee.",
            '"County Sheriff Jo Diaz" vs "Mayor Tom Hill"',
        ),
    ],
)
def test_moved_attribution_to_another_named_source(a: str, b: str, label: str) -> None:
    found = run({"a": a, "b": b})
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == [label]


def test_a_participle_is_not_read_as_a_moved_source() -> None:
    found = run(
        {
            "a": "She filed a complaint against Tom Hill alleging he cheated her.",
            "b": "Ann Roe claimed Tom Hill cheated her.",
        }
    )
    assert not [
        f
        for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)
        if " vs " in f.label and "Hill" in f.label
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She tweeted that the vote was rigged.", [(1, 2, "neutral")]),
        ("She tweeted a photo of the crowd.", []),
        ("The inquiry found that staff lied.", [(2, 4, "neutral")]),
        ("Police found a body in the river.", []),
    ],
)
def test_markers_for_published_and_findings_verbs(text: str, expected: list) -> None:
    assert markers(tokenize(text)) == expected


def test_manner_adverb_before_the_verb_stays_a_wording_change() -> None:
    found = run({"a": "The envoy strongly urged calm.", "b": "The envoy urged calm."})
    assert [f.label for f in of_kind(found, Kind.WORDING_CHANGE)] == [
        '"strongly" in one version, not another'
    ]


def test_criticism_is_its_own_stance() -> None:
    found = run({"a": "The coach criticised the referee.", "b": "The coach accused the referee."})
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == [
        '"accused" vs "criticised"'
    ]


@pytest.mark.parametrize("verb", ["warned", "insisted", "argued", "criticised"])
def test_a_forceful_or_disapproving_verb_against_said_is_no_change_of_stance(verb: str) -> None:
    found = run(
        {
            "a": f"The minister {verb} that the budget would fail next year.",
            "b": "The minister said that the budget would fail next year.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def test_a_doubting_verb_against_said_is_still_a_change_of_stance() -> None:
    found = run(
        {
            "a": "The minister claimed that the budget would fail next year.",
            "b": "The minister said that the budget would fail next year.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == ['"claimed" vs "said"']


def test_one_outlet_s_verb_against_two_neutral_verbs_is_one_finding() -> None:
    # "claimed" against "said" and "says" is one outlet's choice of verb, quoted in all three.
    found = run(
        {
            "a": "The minister claimed that the budget would fail next year.",
            "b": "The minister said that the budget would fail next year.",
            "c": "The minister says that the budget would fail next year.",
        }
    )
    (change,) = of_kind(found, Kind.ATTRIBUTION_CHANGE)
    assert {aid: [s.text for s in spans] for aid, spans in change.spans.items()} == {
        "a": ["claimed"],
        "b": ["said"],
        "c": ["says"],
    }


def test_listed_verb_swapped_for_an_unlisted_one_is_not_a_dropped_source() -> None:
    found = run({"a": "She criticised the plan.", "b": "She lambasted the plan."})
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def test_a_reporting_verb_kept_without_that_is_not_a_dropped_source() -> None:
    found = run(
        {
            "a": "The inquiry found that the dam was unsafe.",
            "b": "The inquiry found the dam was unsafe.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def _candidate(key: str, spans: dict[str, tuple[int, int]]) -> Candidate:
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.HIGH,
        passage_id=None,
        key=key,
        spans={aid: (Span(aid, s, e, 1, "x" * (e - s)),) for aid, (s, e) in spans.items()},
        explanation="why",
        label="label",
    )


def test_one_finding_per_sentence_stated_as_fact() -> None:
    # c's sentence 4 (chars 100-180) is stated as fact; a kept finding already quotes it
    story = _candidate("said:unsourced:c:4", {"a": (0, 50), "c": (100, 180)})
    kept = _candidate("num:x", {"b": (10, 60), "c": (120, 150)})
    elsewhere = _candidate("num:y", {"b": (10, 60), "c": (300, 350)})
    assert _same_fact(story, kept) and not _same_fact(story, elsewhere)
    # only the "stated as fact" findings are folded this way
    assert not _same_fact(replace(story, key="said:source:a:0"), kept)


def test_the_fact_side_quotes_the_claim_not_a_lead_in() -> None:
    f = the_finding(
        "The officers said that in the end, the dam burst after days of heavy rain.",
        "In the end, the dam burst after days of heavy rain.",
        Kind.ATTRIBUTION_CHANGE,
        '"The officers said" vs no attribution',
    )
    assert [s.text for s in f.spans["b"]] == ["In the end, the dam burst after days of heavy rain"]


def test_a_moved_description_is_not_another_source() -> None:
    found = run(
        {
            "a": "Sales fell in every region, the Ohio-based group said.",
            "b": "The company said sales fell in every region.",
        }
    )
    assert not [f for f in of_kind(found, Kind.ATTRIBUTION_CHANGE) if "group" in f.label]


def test_verbs_of_sentences_written_apart_are_not_compared() -> None:
    """Two outlets' own sentences, each with a verb: different statements, no verb change."""
    texts = {
        "a": "The suit also claims that despite a company policy expressly prohibiting "
        "discrimination, store managers decide pay and promotions that favour men.",
        "b": "The company says its policies expressly bar discrimination and promote diversity.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}}
    assert of_kind(run(texts, cells=cells), Kind.ATTRIBUTION_CHANGE) == []


def test_a_retold_claim_with_another_verb_is_a_minor_uncertain_verb_change() -> None:
    """Written apart, but the credited clauses share their content: flagged, with a caveat."""
    texts = {
        "a": "In a new escalation, the army on Saturday accused rebels of shelling the northern "
        "port with rockets that killed at least 13 civilians.",
        "b": "On Saturday, the army said 14 civilians were killed in the northern port in an "
        "overnight rocket attack by rebels.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}}
    (found,) = [
        f for f in of_kind(run(texts, cells=cells), Kind.ATTRIBUTION_CHANGE) if "vs" in f.label
    ]
    assert found.label == '"accused" vs "said"'
    assert found.severity == Severity.LOW and found.confidence < 0.7
    assert "own words" in found.explanation


def test_a_source_for_other_content_is_no_claim_stated_as_fact() -> None:
    # The two sentences share the person, the store and the place, not what the source
    # vouches for: she is credited with the complaint; the other version gives her job.
    found = run(
        {
            "a": "The case began a decade ago when store worker Betty Ruiz said the managers "
            "at her Easton, Vermont, store were bypassing her for promotions.",
            "b": "Ruiz is a greeter at the store in Easton, Vermont.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
    # the same source beside the same content is still a claim stated as fact
    the_finding(
        "The case began a decade ago when store worker Betty Ruiz said the managers "
        "at her Easton, Vermont, store were bypassing her for promotions.",
        "The case began a decade ago when the managers at store worker Betty Ruiz's "
        "Easton, Vermont, store were bypassing her for promotions.",
        Kind.ATTRIBUTION_CHANGE,
        '"store worker Betty Ruiz said" vs no attribution',
    )


def test_a_claim_whose_background_alone_is_told_elsewhere_is_not_stated_as_fact() -> None:
    # The police vouch for the arrests; the match the arrests followed is the story's
    # setting, which b's lede tells in its own words without the arrests.  b does state
    # the arrests as fact, a sentence later: that claim, not the lede, is the finding.
    a = (
        "Police have now arrested 17 people after crowd trouble marred the home side's 2-1 "
        "extra-time win over the visitors in the cup semi-final on Saturday, the force said on "
        "Sunday.\n\nThe match was stopped for ten minutes while stewards cleared a stand."
    )
    b = (
        "The home side reached the cup final on Saturday after a late extra-time winner sealed "
        "a 2-1 victory over the visitors in a semi-final marred by crowd trouble.\n\nThe match "
        "was halted for eight minutes in the second half after fans threw flares. Fourteen "
        "people were arrested."
    )
    assert _stated_as_fact(run({"a": a, "b": b})) == ['"the force said" vs stated as fact']


def test_a_source_the_other_version_credits_in_the_next_sentence_is_no_claim_stated() -> None:
    claim = "The committee will issue subpoenas to the former adviser next week"
    a = f"{claim}, the committee's senior Democrat said on Wednesday."
    credited = "Ann Lee, the senior Democrat on the committee, said on Wednesday it was ready."
    found = run({"a": a, "b": f"{claim}. {credited}"})
    assert [f for f in of_kind(found, Kind.ATTRIBUTION_CHANGE) if "no attribution" in f.label] == []
    found = run({"a": a, "b": f"{claim}. The adviser has not commented on the request."})
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == [
        '"the committee\'s senior Democrat said" vs no attribution'
    ]


@pytest.mark.parametrize(("shared", "found"), [(0.5, True), (0.15, False)])
def test_a_source_dropped_between_sentences_written_apart_is_no_change(
    monkeypatch: pytest.MonkeyPatch, shared: float, found: bool
) -> None:
    # Under WRITTEN_APART of their tokens in common, two cells are two outlets'
    # own sentences on one theme: a source in one credits nothing the other states.
    a = "Steele will announce on Monday whether he will run again, according to reports."
    b = "Steele will announce on Monday whether he will run again."
    assert WRITTEN_APART > 0.15
    monkeypatch.setattr(CellPair, "shared_share", lambda _self: shared)
    labels = [f.label for f in of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)]
    assert ('"according to reports" vs no attribution' in labels) is found


def _stated_as_fact(found: tuple[Finding, ...]) -> list[str]:
    return [
        f.label
        for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)
        if "no attribution" in f.label or "stated as fact" in f.label
    ]


@pytest.mark.parametrize(
    ("a", "b", "credits", "other"),
    [
        # b states the settlement in a clause and credits it two sentences on: it does not
        # present the settlement as its own fact.
        (
            "The airline spent $2 million of company funds to settle the discrimination case "
            "of a former pilot, the Ledger reported.",
            "The airline that spent $2 million of company funds to settle the discrimination "
            "case of a former pilot named a new chief executive on Monday. "
            "The new chief executive starts work at the airline in March.",
            "Company funds of $2 million settled the discrimination case of the former pilot, "
            "according to a regulatory filing.",
            "The new chief executive starts work at the airline in March.",
        ),
        # b quotes the mayor's own words in another sentence: it credits what a says she
        # admitted.
        (
            "The mayor admitted on Tuesday that she \u201cwent too far\u201d in her harbour "
            "festival speech about the striking fishermen.",
            "In her harbour festival speech, the mayor spoke about the striking fishermen.",
            "\u201cI went much too far,\u201d she said in a statement.",
            "\u201cThe festival was a success,\u201d she said in a statement.",
        ),
    ],
    ids=["close-content", "quotation"],
)
def test_a_claim_the_other_outlet_credits_in_another_sentence_is_not_stated_as_fact(
    a: str, b: str, credits: str, other: str
) -> None:
    cells = {"p1": {"a": (0,), "b": (0,)}}
    assert _stated_as_fact(run({"a": a, "b": f"{b} {credits}"}, cells=cells)) == []
    assert _stated_as_fact(run({"a": a, "b": f"{b} {other}"}, cells=cells)) != []


def test_retold_verbs_of_different_sources_are_not_compared() -> None:
    """Written apart, a verb in each credits a different source: no verb change."""
    a = (
        "In a new escalation, the army on Saturday accused rebels of shelling the northern "
        "port with rockets that killed at least 13 civilians."
    )
    b = (
        "On Saturday, the {} said 14 civilians were killed in the northern port in an "
        "overnight rocket attack by rebels."
    )
    cells = {"p1": {"a": (0,), "b": (0,)}}

    def verb_changes(source: str) -> list[str]:
        found = of_kind(run({"a": a, "b": b.format(source)}, cells=cells), Kind.ATTRIBUTION_CHANGE)
        return [f.label for f in found if f.label == '"accused" vs "said"']

    assert verb_changes("harbour doctors") == []
    assert verb_changes("army command") == ['"accused" vs "said"']


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (  # a possessive description and a surname may name one person
            "Goelman said the deputy director had overruled the ethics office and fired him.",
            "Mr. Lind's lawyer said the deputy director had overruled the ethics office and "
            "fired him.",
        ),
        (  # a verb inside the quotation is the speaker's word, not the outlet's credit
            "\u201cIt was always told to me that you needed an amendment to the constitution.",
            "Mr. Varn told reporters that you needed an amendment to the constitution.",
        ),
    ],
)
def test_one_speaker_told_twice_is_no_change_of_source(a: str, b: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert not [f for f in found if "different sources" in f.explanation], [f.label for f in found]


@pytest.mark.parametrize(
    ("a", "b", "labels"),
    [
        # an indictment is a matter of record: those who brought it announce it
        (
            "Rep. Jan Doe and her husband were indicted on charges of misusing $250,000 in "
            "campaign funds, prosecutors announced Tuesday.",
            "Rep. Jan Doe and her husband were indicted Tuesday on charges of misusing "
            "$250,000 in campaign funds.",
            [],
        ),
        # what the charges say is still a claim the prosecutors vouch for
        (
            "Rep. Jan Doe and her husband misused $250,000 in campaign funds, prosecutors "
            "announced Tuesday.",
            "Rep. Jan Doe and her husband misused $250,000 in campaign funds on Tuesday.",
            ['"prosecutors announced" vs no attribution'],
        ),
        # "alleged" is the indictment's routine verb, not the writer's doubt
        (
            "The indictment also alleged that the pair spent thousands of dollars on golf "
            "outings and groceries.",
            "The indictment said the pair spent thousands of dollars on golf outings and "
            "groceries.",
            [],
        ),
        (
            "The senator also alleged that the pair spent thousands of dollars on golf "
            "outings and groceries.",
            "The senator said the pair spent thousands of dollars on golf outings and groceries.",
            ['"alleged" vs "said"'],
        ),
    ],
)
def test_the_law_s_own_words_are_no_attribution_change(a: str, b: str, labels: list[str]) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert [f.label for f in found] == labels


def test_a_study_credited_after_its_finding_is_no_claim_stated_as_fact() -> None:
    credited = "People who eat more sugar face a higher risk of dying early, a new study has found."
    cited = "People who eat more sugar face a higher risk of dying early, according to a new study."
    plain = "People who eat more sugar face a higher risk of dying early."
    assert of_kind(run({"a": credited, "b": cited}), Kind.ATTRIBUTION_CHANGE) == []
    (found,) = of_kind(run({"a": credited, "b": plain}), Kind.ATTRIBUTION_CHANGE)
    assert "a new study" in found.label


def test_a_source_the_other_version_names_in_its_own_sentence_is_not_dropped() -> None:
    credited = "Gusts reached 94 mph at the point overnight, according to the Met Office."
    named = "The Met Office recorded gusts of 94 mph at the point overnight."
    plain = "Gusts reached 94 mph at the point overnight."
    assert of_kind(run({"a": credited, "b": named}), Kind.ATTRIBUTION_CHANGE) == []
    assert len(of_kind(run({"a": credited, "b": plain}), Kind.ATTRIBUTION_CHANGE)) == 1


def test_two_bodies_sharing_only_an_institution_s_head_noun_are_two_sources() -> None:
    # From a blind reading of an invented wildfire story: "Service" in both names had
    # made the two one source, so the change of source went unreported.
    a = "Gusts of 55 mph were expected through Wednesday, the National Weather Service said."
    b = (
        "Gusts of 55 mph were expected through Wednesday, the county's Office of "
        "Emergency Services said."
    )
    (found,) = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert "National Weather Service" in found.label and "Emergency Services" in found.label
    # A word shared besides the head noun may still name one source twice.
    one = "Rain was expected on Monday, the state news agency said."
    other = "Rain was expected on Monday, the official KCNA news agency said."
    assert of_kind(run({"a": one, "b": other}), Kind.ATTRIBUTION_CHANGE) == []


def test_a_paragraph_before_crediting_someone_else_does_not_credit_the_claim() -> None:
    # From a blind reading of an invented election story: the sentence before the
    # turnout figure quoted a party leader, and was read as its source.
    credited = {
        "a": "The leader thanked voters. Turnout was 61.7 percent, the highest since 2011, "
        "the election commission said.",
        "b": "The prime minister will form a coalition with the Greens, whose leader, Timur "
        "Akhmetov, has said his party would talk to anyone.\n\nTurnout was 61.7 percent, the "
        "highest since 2011.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    found = of_kind(run(credited, cells=cells), Kind.ATTRIBUTION_CHANGE)
    assert [f.label for f in found] == ['"the election commission said" vs no attribution']
    # A pronoun's speech may run on ("He said ..."): the aligned pair is not read as
    # stated as fact (the claim layer may still compare the two story-wide).
    runs_on = dict(
        credited,
        b="He said his party had won.\n\nTurnout was 61.7 percent, the highest since 2011.",
    )
    found = of_kind(run(runs_on, cells=cells), Kind.ATTRIBUTION_CHANGE)
    assert [f.passage_id for f in found if f.passage_id is not None] == []


def test_the_court_heard_credits_a_claim_as_the_court_was_told_does() -> None:
    # From a blind reading of an invented trial story: "..., the court heard." was read as
    # no attribution, so "the court was told" was said to credit what it stated as fact.
    heard = (
        "Part of the money was routed through a consultancy run by his brother, the court heard."
    )
    told = (
        "Part of the money was routed through a consultancy run by his brother, the court was told."
    )
    plain = "Part of the money was routed through a consultancy run by his brother."
    assert of_kind(run({"a": heard, "b": told}), Kind.ATTRIBUTION_CHANGE) == []
    assert len(of_kind(run({"a": heard, "b": plain}), Kind.ATTRIBUTION_CHANGE)) == 1
    # "heard from" tells an event: the witnesses' evidence, not a claim credited
    witnesses = "The court heard from 30 witnesses during the trial, which lasted a year."
    assert (
        of_kind(run({"a": witnesses, "b": witnesses.replace("30", "32")}), Kind.ATTRIBUTION_CHANGE)
        == []
    )


def test_a_short_claim_credited_to_another_source_is_one_finding() -> None:
    # From a blind reading of an invented trial story: two outlets credit the defence
    # lawyer, a third the party, with the same short claim ("the verdict was politically
    # motivated", three content words: under the story-wide rule's usual five).
    texts = {
        "a": "His lawyer, Pavel Strand, said the verdict was politically motivated and that "
        "his client would appeal.",
        "b": "The Civic Alliance said in a statement that the verdict was politically motivated.",
        "c": "Defence lawyer Pavel Strand told reporters the verdict was politically motivated "
        "and said his client would appeal.",
    }
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,)}, "p3": {"c": (0,)}}
    (found,) = of_kind(run(texts, cells=cells), Kind.ATTRIBUTION_CHANGE)
    assert "Civic Alliance" in found.label and "Strand" in found.label
    assert sorted(found.spans) == ["a", "b", "c"]
    # The same short words credited to one source everywhere: nothing to report.
    same = dict(texts, b="Strand said in a statement that the verdict was politically motivated.")
    assert of_kind(run(same, cells=cells), Kind.ATTRIBUTION_CHANGE) == []


def test_two_parties_described_without_names_are_two_sources() -> None:
    # From a blind reading of an invented data-breach story: "the company" and "the
    # regulator" credited with one claim were not told apart (a description names no one).
    company = "The company said no passwords or full card numbers were taken."
    regulator = "No passwords or full card numbers were taken, the regulator said."
    (found,) = of_kind(run({"a": company, "b": regulator}), Kind.ATTRIBUTION_CHANGE)
    assert found.label == '"The company said" vs "the regulator said"'
    firm = "No passwords or full card numbers were taken, the firm said."
    assert of_kind(run({"a": company, "b": firm}), Kind.ATTRIBUTION_CHANGE) == []


def test_one_name_in_two_spellings_is_not_two_sources() -> None:
    # From a blind reading: "Qorbanzadeh said" / "Ghorbanzadeh said" was reported as a
    # change of source; the name-variant finding reports the spelling.
    texts = {
        "a": "The rescue teams had reached 30 of the 41 villages cut off by landslides, "
        "interior ministry spokesman Hamid Qorbanzadeh said.",
        "b": "Interior ministry spokesman Hamid Ghorbanzadeh said the rescue teams had reached 30 "
        "of the 41 villages cut off by landslides.",
    }
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,)}}
    assert of_kind(run(texts, cells=cells), Kind.ATTRIBUTION_CHANGE) == []


def test_one_name_spelt_two_ways_in_aligned_sentences_is_not_two_sources() -> None:
    # From a blind reading: "Marquardt admitted" / "Markwardt said" gave a change of source.
    a = "Minister Ilse Marquardt said talks had stalled and urged the union to return."
    b = "Minister Ilse Markwardt said talks had stalled and urged the union to return."
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_a_claim_whose_speaker_is_named_by_surname_a_sentence_on_is_not_stated_as_fact() -> None:
    # From a blind reading: "Finance Minister Corvin Ashdale told parliament that ..." beside
    # "Under the plans, ... . ... . Ashdale said the rates would be reviewed." was reported
    # as stated as fact: the surname alone was not read as the same source.
    found = run(
        {
            "a": "Finance Minister Corvin Ashdale told parliament that drinks with more than 8g "
            "of sugar per 100ml would be taxed at 0.30 drals per litre. Snacks will also carry "
            "a levy of 12 per cent. The rates will be reviewed every three years.",
            "b": "Under the plans, drinks with more than 8g of sugar per 100ml will be taxed at "
            "0.30 drals per litre. Snacks will also carry a levy of 12 per cent. Ashdale said "
            "the rates would be reviewed every three years.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def test_a_warning_in_a_participle_clause_credits_the_claim() -> None:
    found = run(
        {
            "a": "The federation attacked the plan on Tuesday, warning that the levy could cost "
            "up to 3,000 jobs in the sector.",
            "b": "The federation attacked the plan on Tuesday. The levy could cost up to 3,000 "
            "jobs in the sector.",
        }
    )
    # The speaker is the subject, not its article alone ("The warning" before).
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == [
        '"The federation warning" vs stated as fact'
    ]


def test_a_verb_after_a_quotation_run_over_two_sentences_is_compared() -> None:
    # From a blind reading: read from the second sentence's start, the closing mark opened
    # a quotation and "Ashdale claimed" was taken for the speaker's own words.
    found = run(
        {
            "a": '"This is not about filling the treasury. It is about giving our children a '
            'healthier start," Ashdale said.',
            "b": '"This is not about filling the treasury. It is about giving our children a '
            'healthier start," Ashdale claimed.',
        }
    )
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == ['"claimed" vs "said"']


def test_students_admitted_to_a_faculty_concede_nothing() -> None:
    found = run(
        {
            "a": "Most of the students were admitted to the medicine programme or the law "
            "faculty, the report said.",
            "b": "Most went into the medicine programme or the law faculty.",
        }
    )
    assert not [f for f in of_kind(found, Kind.ATTRIBUTION_CHANGE) if "admitted" in f.label]


def test_an_attribution_runs_on_to_the_next_sentence_of_its_paragraph() -> None:
    # From a blind reading: "..., according to the panel. The smallest payment was 8,000
    # crowns ..." was reported as stated in the outlet's own voice.
    found = run(
        {
            "a": "It found that payments totalled 3.8 million crowns, the smallest being 8,000 "
            "crowns and the largest 45,000 crowns.",
            "b": "Families paid roughly 3.8 million crowns in total, according to the panel. The "
            "smallest payment was 8,000 crowns and the largest was 45,000 crowns.",
        }
    )
    assert not [f for f in of_kind(found, Kind.ATTRIBUTION_CHANGE) if "found" in f.label]


def test_a_participle_after_a_phrase_credits_no_source() -> None:
    # read blind (seventh round): "Under the measures announced Thursday" was a source
    found = run(
        {
            "a": "Under the measures announced Thursday, households will be limited to "
            "120 litres of water a day.",
            "b": "The company and the city announced that households will be limited to "
            "120 litres of water a day.",
        }
    )
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == []


def test_the_speakers_party_as_subject_credits_the_claim() -> None:
    # read blind (seventh round): "The government has promised 15 million crowns" was said to
    # state as fact what "Agriculture Minister X said" credits
    found = run(
        {
            "a": "Agriculture Minister Julian Ferrasco said the government would release "
            "15 million crowns in emergency aid for drought-hit farmers.",
            "b": "The government has promised 15 million crowns in emergency aid to "
            "drought-hit farmers.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def test_one_name_spelt_two_ways_is_no_change_of_source() -> None:
    # read blind (eighth round): "Olsz" / "Olsch", one witness, called two sources
    a = '"People were falling," said Marta Olsz, who was near the gate.'
    b = '"People were falling," said Marta Olsch, who was near the gate.'
    found = run({"a": a, "b": b})
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
    assert [f.label for f in of_kind(found, Kind.NAME_VARIANT)] == ['"Olsch" vs "Olsz"']


def test_a_surname_written_apart_and_together_is_no_change_of_source() -> None:
    # read blind (seventeenth round): "Van den Broeck" / "Vandenbroeck", one director
    a = '"We were far too slow to respond to the request," Van den Broeck said on Thursday.'
    b = '"We were far too slow to respond to the request," Vandenbroeck said on Thursday.'
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_a_south_slavic_name_with_and_without_its_letter_dj_is_one_source() -> None:
    # read blind (nineteenth round): "Djuric" / "Đurić", one finance minister
    tail = "said the government would prepare a support scheme for first-time buyers."
    found = run({"a": f"Djuric {tail}", "b": f"Đurić {tail}"})
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
    assert [f.label for f in of_kind(found, Kind.NAME_VARIANT)] == ['"Djuric" vs "Đurić"']


def test_a_body_named_by_its_initials_and_described_is_one_source() -> None:
    # read blind (nineteenth round): "according to NBS data" / "according to central bank
    # figures", where the article spells out "the National Bank of Serbia (NBS)"
    lead = "Economists expected the National Bank of Serbia (NBS) to wait. "
    a = f"{lead}About two-thirds of housing loans carry variable rates, according to NBS data."
    b = (
        f"{lead}About two-thirds of housing loans carry variable rates, according to central "
        "bank figures."
    )
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []
    c = (
        f"{lead}About two-thirds of housing loans carry variable rates, according to finance "
        "ministry figures."
    )
    assert len(of_kind(run({"a": a, "b": c}), Kind.ATTRIBUTION_CHANGE)) == 1


def test_police_of_the_story_s_place_is_the_police() -> None:
    # read blind (eighth round): "Westmarch Police said" / "Police said" in a Westmarch story
    a = (
        "Protesters gathered outside the Westmarch town hall on Tuesday.\n\n"
        "Westmarch Police said a 34-year-old man was arrested after he threw an egg."
    )
    b = (
        "Protesters gathered outside the Westmarch town hall on Tuesday.\n\n"
        "Police said a 34-year-old man was arrested after he threw an egg."
    )
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_closed_without_warning_credits_no_one() -> None:
    # read blind (eighth round): "without warning" read as a verb of saying, so the source
    # the other version drops was not seen as dropped
    a = "A second entrance gate had been closed without warning minutes earlier, police said."
    b = "A second entrance gate had been closed without warning minutes earlier."
    (finding,) = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert finding.label == '"police said" vs no attribution'


def test_a_dropped_source_clause_is_not_also_added_material() -> None:
    # read blind (eighth round): "..., the regional mining inspectorate said in a preliminary
    # statement" was an attribution change and, again, a clause only one outlet adds
    a = (
        "The mine was old.\n\nA methane explosion triggered the collapse, the regional mining "
        "inspectorate said in a preliminary statement.\n\nThe shaft was sealed."
    )
    b = "The mine was old.\n\nA methane explosion triggered the collapse.\n\nThe shaft was sealed."
    found = run({"a": a, "b": b})
    assert [f.label for f in of_kind(found, Kind.ATTRIBUTION_CHANGE)] == [
        '"the regional mining inspectorate said" vs no attribution'
    ]
    assert of_kind(found, Kind.ADDED_PASSAGE) == []


def test_an_office_and_a_ministry_are_two_sources() -> None:
    # From a blind reading (ninth round): "the city's education office said" / "the
    # Ministry of Health said" was taken for one body described and named.
    a = "Attendance has fallen by about a third since Wednesday, the city's education office said."
    b = "Attendance has fallen by about a third since Wednesday, the Ministry of Health said."
    the_finding(
        a,
        b,
        Kind.ATTRIBUTION_CHANGE,
        '"the city\'s education office" vs "the Ministry of Health"',
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # read blind (twelfth round): the source is named in both, through a verb form the
        # attribution frames do not read ("estimated" after a long subject, a gerund)
        (
            "The government raised the tariff.\n\nGareth Pryce, of the Motorists' Alliance, "
            "said the tariff could add about 4,000 pounds to the price of a typical car.",
            "The government raised the tariff.\n\nGareth Pryce of the Motorists' Alliance "
            "estimated the tariff could add about 4,000 pounds to the price of a typical car.",
        ),
        (
            "The tariff takes effect in May.\n\nChinese state media reported that Beijing was "
            "considering an anti-dumping investigation into imports of whisky.",
            "The tariff takes effect in May.\n\nBeijing could retaliate against whisky, with "
            "Chinese state media reporting that an anti-dumping investigation into imports "
            "was being considered.",
        ),
    ],
)
def test_a_source_named_through_another_verb_form_is_no_claim_stated_as_fact(
    a: str, b: str
) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_a_toll_credited_a_sentence_on_is_no_claim_stated_as_fact() -> None:
    # read blind (twelfth round): a lede's toll, its breakdown credited in the next sentence
    # (to the ministry, not the spokesman the other outlet names), and the other outlet's
    # breakdown right after its credited lede: both were reported as "stated as fact"
    a = (
        "At least 14 people were killed when fire tore through the unit of the hospital on "
        "Tuesday, Fire Ministry spokesman Abdul Khojayev said. The dead were 12 patients and "
        "two nurses."
    )
    b = (
        "The alarm failed to sound when flames broke out in the unit of the hospital on "
        "Tuesday, in a blaze that killed at least 14 people.\n\nThe dead were 11 patients and "
        "three members of staff, according to the Fire Ministry."
    )
    found = run({"a": a, "b": b})
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
    assert of_kind(found, Kind.NUMBER_DISCREPANCY) != []


def test_a_quotation_of_two_sentences_given_to_another_speaker_is_one_finding() -> None:
    # read blind (twelfth round): one finding per sentence of the quotation
    given = (
        "\u201cTariffs on their own will not build a single factory. We need a plan for "
        "investment, not just a wall at the border,\u201d said Gareth Pryce of the Motorists' "
        "Alliance."
    )
    said = (
        "Priya Raghunathan, chief executive of the council, said carmakers welcomed the "
        "clarity. \u201cTariffs on their own will not build a single factory,\u201d she said. "
        "\u201cWe need a plan for investment, not just a wall at the border.\u201d"
    )
    found = of_kind(run({"a": given, "b": said, "c": said}), Kind.ATTRIBUTION_CHANGE)
    assert len(found) == 1
    assert "Pryce" in found[0].label and "Raghunathan" in found[0].label


def test_a_clause_framed_as_someone_s_claim_is_not_stated_as_fact() -> None:
    # read blind (thirteenth round): "His defence was built on the claim that ..." against
    # "His legal team argued that ..." was reported as stated in the outlet's own voice
    a = (
        "His legal team argued that the drug had entered his system through contaminated "
        "meat he ate at his brother's wedding."
    )
    b = (
        "His defence was built on the claim that the drug had entered his system through "
        "contaminated meat he ate at his brother's wedding."
    )
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert [f for f in found if "no attribution" in f.label or "fact" in f.label] == []


def test_a_legal_team_and_the_defence_are_one_party() -> None:
    # read blind (thirteenth round): "His legal team argued" / "Vukcevic's defense argued"
    # was called a change of source
    a = "His legal team argued the drug had entered his system through contaminated meat."
    b = "Vukcevic's defense argued the drug had entered his system through contaminated meat."
    assert of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE) == []


def test_an_act_told_with_its_announcer_as_subject_keeps_its_source() -> None:
    # read blind (twentieth round): "..., the Uzbekistan Football Association (UFA) announced
    # on Monday" against "TASHKENT, Uzbekistan \u2014 The Uzbekistan Football Association
    # dismissed head coach ..." in one passage was called stated as fact
    found = run(
        {
            "a": "Uzbekistan have sacked head coach Bakhtiyor Rakhimov after the team crashed out "
            "of the Asian Cup, the Uzbekistan Football Association (UFA) announced on Monday.",
            "b": "TASHKENT, Uzbekistan \u2014 The Uzbekistan Football Association dismissed head "
            "coach Bakhtiyor Rakhimov on Monday after the team crashed out of the Asian Cup.",
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []


def test_an_adverb_before_the_verb_is_no_part_of_the_speaker() -> None:
    # read blind (twentieth round): "He later wrote on Instagram" made "He later" a source
    # other than the midfielder the other outlet names for the same post
    found = run(
        {
            "a": 'Midfielder Otabek Yusupov wrote on Instagram: "Thank you, coach. We let you '
            'down."',
            "b": 'He later wrote on Instagram: "Thank you, coach. We let you down."',
        }
    )
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) == []
