"""Rule changes that came from the seed evaluation, each on short invented sentences.

Why a file of its own: every case here is a general rule (precedence,
outlet-only clauses, denials, status qualifiers, source labels, passive
agents, rewording noise) checked positive and negative on other topics.
"""

from __future__ import annotations

import pytest

from compare.model import Kind, Severity
from test_classify import of_kind, run


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
            "The coaches blame each other for the brawl.",
            "The brawl started in the tunnel.",
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
            "Dunmore, the provincial capital, lost power overnight.",
            "The capital, Dunmore, lost power overnight.",
            '"provincial capital" vs "capital"',
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
        (
            "The valley is an ethnically Tamil district of the province.",
            "The valley is a district of the province.",
            '"ethnically" vs "a"',
        ),
    ],
)
def test_loaded_terms(a: str, b: str, label: str) -> None:
    assert label in labels({"a": a, "b": b}, Kind.LOADED_TERM)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the qualifier in both versions
        ("Dunmore, the provincial capital, lost power.", "The provincial capital lost power."),
        # "regional" before a noun that carries no status claim
        ("A wider regional conflict loomed.", "A wider conflict loomed."),
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
            '"strongly" only in one version',
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
