"""Rule changes that came from the seed evaluation, each on short invented sentences.

Why a file of its own: every case here is a general rule (precedence,
outlet-only clauses, denials, status qualifiers, source labels, passive
agents, rewording noise) checked positive and negative on other topics.
"""

from __future__ import annotations

import pytest

from compare.classify import pairs
from compare.classify.presence import added as presence_added
from compare.model import Kind, Severity

from classify_helpers import of_kind, run


def labels(texts: dict[str, str], kind: Kind, **kw: object) -> list[str]:
    return [f.label for f in of_kind(run(texts, **kw), kind)]


# ------------------------------------------------------------------ numbers
def test_number_spans_quote_the_figure_and_leave_the_noun_phrase() -> None:
    texts = {
        "a": "The blast killed 12 Kenyan soldiers.",
        "b": "The blast killed 15 Ugandan soldiers.",
    }
    found = run(texts)
    (num,) = of_kind(found, Kind.NUMBER_DISCREPANCY)
    assert {s.text for ss in num.spans.values() for s in ss} == {"12", "15"}
    assert "12 Kenyan soldiers" in num.explanation
    assert of_kind(found, Kind.LOADED_TERM)  # "Kenyan" vs "Ugandan" soldiers still found


def test_style_variant_survives_a_number_conflict_with_a_third_outlet() -> None:
    texts = {
        "a": "The strike closed over 300 factories.",
        "b": "The strike closed more than 300 factories.",
        "c": "The strike closed 410 factories.",
    }
    found = run(texts)
    assert of_kind(found, Kind.NUMBER_DISCREPANCY)
    assert labels(texts, Kind.STYLE_VARIANT) == ['"over 300" vs "more than 300"']


@pytest.mark.parametrize(
    ("dates", "note", "severity"),
    [
        ({"a": "2022-05-01", "b": "2022-05-01"}, None, Severity.CRITICAL),
        ({"a": "2022-05-01", "b": "2022-05-03"}, "different dates", Severity.HIGH),
        ({"a": "2022-05-01"}, "no publication date", Severity.HIGH),
    ],
)
def test_time_note_when_dates_differ_or_one_is_unknown(
    dates: dict[str, str], note: str | None, severity: Severity
) -> None:
    texts = {"a": "The quake killed 40 people.", "b": "The quake killed 52 people."}
    (num,) = of_kind(run(texts, dates=dates), Kind.NUMBER_DISCREPANCY)
    assert num.severity == severity
    assert (num.time_note is None) if note is None else (note in (num.time_note or ""))


# ------------------------------------------------------------------ attribution
@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "The merger was announced by the two chief executives on Monday.",
            "The merger was announced on Monday.",
            '"announced by the two chief executives" vs no speaker',
        ),
        (
            "The club issued a statement noting what it called unfair penalties.",
            "The club issued a statement listing alleged unfair penalties.",
            '"noting what it called" vs "alleged"',
        ),
        (
            "The coaches blame each other for the brawl in the tunnel.",
            "The coaches started the brawl in the tunnel.",
            '"The coaches blame" vs no attribution',
        ),
    ],
)
def test_attribution_changes(a: str, b: str, label: str) -> None:
    assert label in labels({"a": a, "b": b}, Kind.ATTRIBUTION_CHANGE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "announced a deal" reports an event: no source dropped.
        ("The firms announced a merger on Monday.", "The firms agreed a merger on Monday."),
        # the same speaker named in both
        (
            "The budget was announced by the minister on Friday.",
            "The budget was announced by the minister late on Friday.",
        ),
        # the hedge alone differs: a hedge change, not attribution
        (
            "The group listed what it called illegal dumps.",
            "The group listed alleged illegal dumps.",
        ),
    ],
)
def test_not_attribution_changes(a: str, b: str) -> None:
    assert labels({"a": a, "b": b}, Kind.ATTRIBUTION_CHANGE) == []


def test_what_it_called_and_alleged_give_attribution_and_hedge() -> None:
    texts = {
        "a": "The union put out a statement noting what it called illegal lockouts.",
        "b": "The union put out a statement listing alleged illegal lockouts.",
    }
    found = run(texts)
    assert of_kind(found, Kind.ATTRIBUTION_CHANGE) and of_kind(found, Kind.HEDGE_CHANGE)


# ------------------------------------------------------------------ loaded terms
@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        (
            "Dunmore, the de facto capital, lost power overnight.",
            "The capital, Dunmore, lost power overnight.",
            '"de facto capital" vs "capital"',
        ),
        (
            "The self-declared president of the enclave met the envoy.",
            "The president of the enclave met the envoy.",
            '"self-declared president" vs "president"',
        ),
        (
            "Separatist officials said 20 houses burned.",
            "According to local officials, 20 houses burned.",
            '"Separatist officials" vs "local officials"',
        ),
    ],
)
def test_loaded_terms(a: str, b: str, label: str) -> None:
    assert label in labels({"a": a, "b": b}, Kind.LOADED_TERM)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the qualifier in both versions
        ("Dunmore, the de facto capital, lost power.", "The de facto capital lost power."),
        # a listed qualifier before a noun that carries no status claim
        ("A wider rebel offensive loomed.", "A wider offensive loomed."),
        # same source label in both
        ("Local officials said 20 houses burned.", "According to local officials, 20 burned."),
    ],
)
def test_not_loaded_terms(a: str, b: str) -> None:
    assert labels({"a": a, "b": b}, Kind.LOADED_TERM) == []


# ------------------------------------------------------------------ omitted / added
def test_consecutive_outlet_only_sentences_are_one_added_finding() -> None:
    texts = {
        "a": "The mine flooded. Rescuers pumped water all night. Two divers went in. "
        "They found air pockets. The owner declined to comment.",
        "b": "The mine flooded. The owner declined to comment.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,)},
        "p2": {"a": (1,)},
        "p3": {"a": (2,)},
        "p4": {"a": (3,)},
        "p5": {"a": (4,), "b": (1,)},
    }
    (added,) = of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)
    assert "3 sentences" in added.explanation
    (span,) = added.spans["a"]
    assert span.text.startswith("Rescuers") and span.text.endswith("air pockets.")


@pytest.mark.parametrize(
    ("a", "b", "added"),
    [
        (
            "The bridge reopened on Monday, but engineers warned the cracked pillars "
            "might need complete rebuilding next year.",
            "The bridge reopened on Monday.",
            "but engineers warned the cracked pillars might need complete rebuilding next year",
        ),
        (
            "The striker scored twice, ending a drought that had worried fans, coaches "
            "and sponsors since the winter break.",
            "The striker scored twice.",
            "ending a drought that had worried fans, coaches and sponsors since the winter break",
        ),
    ],
)
def test_outlet_only_clause_inside_a_shared_passage(a: str, b: str, added: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ADDED_PASSAGE)
    assert [s.text for f in found for s in f.spans["a"]] == [added]
    assert of_kind(run({"a": a, "b": b}), Kind.WORDING_CHANGE) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a rewording of similar size is not outlet-only material
        (
            "The talks collapsed after rival delegations walked out over fishing quotas.",
            "The talks ended when both teams left the room in a row about catch limits.",
        ),
        # a short detail stays a wording change
        ("The club, a former champion, won.", "The club won."),
    ],
)
def test_not_outlet_only_clauses(a: str, b: str) -> None:
    assert of_kind(run({"a": a, "b": b}), Kind.ADDED_PASSAGE) == []


def test_nearly_a_whole_paired_sentence_is_an_uncertain_added_clause(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Nearly all of a paired sentence "added": two statements paired, or one reworded."""
    # Read as one sentence edited from the other: written apart, b's sentence tells the
    # clause by meaning and it is not reported at all (presence.added._told_apart).
    monkeypatch.setattr(presence_added, "CLAUSE_EDITED", 0.0)
    monkeypatch.setattr(pairs, "ONE_COPY", 0.0)  # as if the story were one copy
    texts = {
        "a": "But the governor said he wants changes made so the measure more closely "
        "mirrors a federal law passed decades ago.",
        "b": "The amended measure mirrors the federal statute.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}}
    (added,) = of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)
    assert added.confidence < 1.0 and "nearly all of its sentence" in added.explanation


DENIAL = {
    "a": "The league accused the club of fixing the match. The club denied any wrongdoing.",
    "b": "The league accused the club of fixing the match. The club denied any wrongdoing.",
    "c": "The league said the club fixed the match.",
    "d": "Fans gathered outside the stadium.",
}


def test_denial_cut_by_an_outlet_reporting_the_accusation_is_omitted() -> None:
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,)},
        "p3": {"d": (0,)},
    }
    omitted = of_kind(run(DENIAL, cells=cells), Kind.OMITTED_PASSAGE)
    denial = [f for f in omitted if f.passage_id == "p2"]
    assert [sorted(f.spans) for f in denial] == [["a", "b", "c"]]  # not d: it never reports it
    assert "denial" in denial[0].explanation


def test_minority_passage_without_denial_is_not_omitted() -> None:
    texts = dict(DENIAL, a=DENIAL["a"].replace("denied any wrongdoing", "hired a new coach"))
    texts["b"] = texts["a"]
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,)},
        "p3": {"d": (0,)},
    }
    omitted = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert [f for f in omitted if f.passage_id == "p2"] == []


# ------------------------------------------------------------------ rewording
@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        # a substitution inside a longer rewrite, anchored on shared words
        (
            "Both teams blamed each other as the talks collapsed within hours.",
            "Each team blamed the other as the talks faltered within hours.",
            '"collapsed" vs "faltered"',
        ),
        (
            "The rocket failed minutes after launch.",
            "The rocket stalled minutes after launch.",
            '"failed" vs "stalled"',
        ),
        (
            "The coach strongly urged calm.",
            "The coach urged calm.",
            '"strongly" in one version, not another',
        ),
    ],
)
def test_wording_changes_kept(a: str, b: str, label: str) -> None:
    assert label in labels({"a": a, "b": b}, Kind.WORDING_CHANGE)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The firms on Monday announced a merger.", "The firms have announced a merger."),
        ("The mayor urged the residents to leave.", "The mayor urged them to leave."),
        ("The bank raised rates, the governor said.", "The governor said the bank raised rates."),
    ],
)
def test_wording_noise_dropped(a: str, b: str) -> None:
    assert labels({"a": a, "b": b}, Kind.WORDING_CHANGE) == []


def test_sentence_split_is_not_a_wording_change() -> None:
    texts = {
        "a": "The dam held overnight, starting a slow drain of the reservoir.",
        "b": "The dam held overnight. Then a slow drain of the reservoir started.",
    }
    cells = {"p1": {"a": (0,), "b": (0, 1)}}
    assert labels(texts, Kind.WORDING_CHANGE, cells=cells) == []


# ------------------------------------------------------------------ style across passages
def test_date_style_compared_across_unaligned_passages() -> None:
    texts = {
        "a": "Voting closed on Nov. 3. Turnout was high.",
        "b": "Turnout was high. Ballots were counted from November 3 onwards in every county.",
    }
    cells = {"p1": {"a": (0,)}, "p2": {"a": (1,), "b": (0,)}, "p3": {"b": (1,)}}
    found = of_kind(run(texts, cells=cells), Kind.STYLE_VARIANT)
    assert [(f.passage_id, f.label) for f in found] == [(None, '"Nov. 3" vs "November 3"')]


# ================================================================== unseen stories
# Rule changes that came from the hand-made unseen stories (tests/gold/stories/):
# each is general, checked on sentences about other topics.


# ------------------------------------------------------------------ loaded terms
@pytest.mark.parametrize(
    ("a", "b", "term"),
    [
        pytest.param("Fans threw bottles.", "Hooligans threw bottles.", "Hooligans", id="plural"),
        pytest.param("A fan ran on.", "A hooligan ran on.", "hooligan", id="derived-singular"),
        pytest.param("A protester was held.", "A rioter was held.", "rioter", id="rioter"),
        pytest.param("The firm will cut 300 jobs.", "The firm will axe 300 jobs.", "axe", id="axe"),
        pytest.param("She criticised the plan.", "She lambasted the plan.", "lambasted", id="lamb"),
        pytest.param("It was a disputed goal.", "It was a dubious goal.", "dubious", id="dubious"),
    ],
)
def test_loaded_lexicon_covers_inflections_and_common_terms(a: str, b: str, term: str) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM)
    assert any(s.text == term for f in found for s in f.spans.get("b", ())), found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "A blast hit the depot.", "An explosion hit the depot.", id="blast-not-blasts"
        ),
        pytest.param("The cuts save $5m.", "The cuts reach $5m.", id="positive-tone-verb"),
        pytest.param(
            "The river floods every spring.", "The river rises every spring.", id="floods"
        ),
        pytest.param(
            "The provincial governor visited.", "The governor visited.", id="governor-no-qualifier"
        ),
    ],
)
def test_loaded_negatives(a: str, b: str) -> None:
    assert not of_kind(run({"a": a, "b": b}), Kind.LOADED_TERM)


def test_loaded_term_quotes_the_plain_word_and_keeps_the_rewording() -> None:
    texts = {
        "a": "The match was marred when fans threw flares onto the pitch.",
        "b": "The match was marred by hooligans who hurled flares onto the field.",
        "c": "The match was marred by supporters who threw flares onto the pitch.",
    }
    found = run(texts)
    (loaded,) = of_kind(found, Kind.LOADED_TERM)  # one finding per term, not per outlet
    assert {s.text for s in loaded.spans["a"]} == {"fans"}
    assert {s.text for s in loaded.spans["c"]} == {"supporters"}
    assert of_kind(found, Kind.WORDING_CHANGE)  # "hurled" vs "threw" still reported


# ------------------------------------------------------------------ attribution
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Acme said on Monday it would close the plant.",
            "Acme is to close the plant.",
            False,
            id="own-plan",
        ),
        pytest.param(
            "The union said it would strike in May.",
            "The union will strike in May.",
            False,
            id="own-plan-will",
        ),
        pytest.param(
            # read blind (fifteenth round): a body's announcement of its own act
            "The club announced Thursday that it has agreed to sell a stake to the fund.",
            "The club has agreed to sell a stake to the fund.",
            False,
            id="own-act-announced",
        ),
        pytest.param(
            "The club announced Thursday that the stadium had been sold to the fund.",
            "The stadium has been sold to the fund.",
            True,
            id="announced-about-another",
        ),
        pytest.param(
            "Police said the driver fled the scene.",
            "The driver fled the scene.",
            True,
            id="claim-about-another",
        ),
        pytest.param(
            "The bank reported net income of $4m.",
            "The bank's net income was $4m.",
            False,
            id="reported-a-figure",
        ),
        pytest.param(
            "The driver fled, local media reported.",
            "The driver fled.",
            True,
            id="reported-at-the-end",
        ),
    ],
)
def test_attribution_dropped_only_for_claims(a: str, b: str, expected: bool) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert bool(found) is expected, [f.label for f in found]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "Club manager Ann Lee said the pitch was unsafe.",
            "Club coach Ann Lee said the pitch was unsafe.",
            False,
            id="retitled-person",
        ),
        pytest.param(
            "Brightco said the plant was unsafe.",
            "The Leeds-based company said the plant was unsafe.",
            False,
            id="name-vs-description",
        ),
        pytest.param(
            "Ann Lee said the pitch was unsafe.",
            "Tom Reed said the pitch was unsafe.",
            True,
            id="different-source",
        ),
        pytest.param(  # quoted words in the first person: the speaker the other names
            "“I've repeatedly said the pitch was unsafe,” she added.",
            "Ann Lee said the pitch was unsafe, she added.",
            False,
            id="first-person-quote",
        ),
        # Two unnamed groups are not told apart (#14): "police" and "officers",
        # "the army" and "troops" may well be one source, and no rule here
        # knows which groups can be the same; precision first.
        pytest.param(
            "Police said the pitch was unsafe.",
            "Witnesses said the pitch was unsafe.",
            False,
            id="two-unnamed-groups",
        ),
    ],
)
def test_source_change_ignores_the_same_speaker(a: str, b: str, expected: bool) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.ATTRIBUTION_CHANGE)
    assert bool(found) is expected, [f.label for f in found]


def test_dropped_attribution_is_one_finding_per_passage() -> None:
    texts = {
        "a": "The toll rose to 30, officials said.",
        "b": "The toll rose to 30, emergency officials said.",
        "c": "The toll rose to 30.",
    }
    found = of_kind(run(texts), Kind.ATTRIBUTION_CHANGE)
    assert len(found) == 1 and set(found[0].spans) == {"a", "b", "c"}


# ------------------------------------------------------------------ numbers
@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "City won 2-1 on Sunday.", "City won the game 2-1 on Sunday.", False, id="score"
        ),
        pytest.param(
            "Rovers lost 3-0 at home.", "Rovers were beaten at home.", False, id="score-one"
        ),
        pytest.param("Between 10-12 people died.", "Some 30 people died.", True, id="range-stays"),
    ],
)
def test_scores_are_not_counts(a: str, b: str, expected: bool) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)
    assert bool(found) is expected, [f.label for f in found]


def test_toll_named_several_words_before_its_figure() -> None:
    texts = {
        "a": "The death toll from the storms in the coastal province has risen to 41, he said.",
        "b": "The death toll from the storms in the coastal province has risen to 35, he said.",
    }
    (num,) = of_kind(run(texts), Kind.NUMBER_DISCREPANCY)
    assert "41" in num.label and "35" in num.label


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "The final ended in a draw. Police said 14 people were arrested.",
            "The final ended in a draw. Officers have now detained 17 people after the game, "
            "the force said on Sunday.",
            True,
            id="sole-arrest-counts",
        ),
        pytest.param(
            "The final ended in a draw. Police said 14 people were arrested.",
            "The final ended in a draw. Police said 14 people were arrested overnight.",
            False,
            id="same-count",
        ),
    ],
)
def test_sole_counts_of_one_event_compared_across_passages(a: str, b: str, expected: bool) -> None:
    found = of_kind(run({"a": a, "b": b}), Kind.NUMBER_DISCREPANCY)
    assert bool(found) is expected, [f.label for f in found]


# ------------------------------------------------------------------ precedence
def test_spelling_variant_inside_a_rewording_is_still_reported() -> None:
    texts = {
        "a": "The union wants a retraining program for affected staff.",
        "b": "The union wants a retraining programme for staff who lose their jobs.",
    }
    found = run(texts)
    assert labels(texts, Kind.SPELLING_VARIANT) == ['"program" vs "programme"']
    assert of_kind(found, Kind.WORDING_CHANGE)
