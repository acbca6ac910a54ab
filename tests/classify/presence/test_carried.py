"""carried: presence findings whose content another article tells in other words."""

from __future__ import annotations

import pytest

from compare.align import encoder
from compare.align.segment import tokenize
from compare.classify.base import Context
from compare.classify.presence import omission
from compare.classify.presence.carried import (
    CARRIED,
    LEFT_OUT,
    LEFT_OUT_TOLD,
    MEANING_SURE,
    MIN_WORDS,
    PIECES_TOLD,
    Told,
    carried_share,
    cells_agree,
    figures,
    meaning_note,
    told_by_meaning,
    told_in_pieces,
    told_ledes,
    told_likely,
    told_surely,
    written_out,
    written_out_with_before,
)
from compare.model import Alignment, Kind, Passage
from compare.util.options import Options

from builders import story_from_texts
from classify_helpers import of_kind, run

# Sentence 0 of "b" (the ferry ran aground, the captain was arrested) tells in
# other words what "a" tells in two sentences the aligner cannot pair with it;
# sentence 1 of "b" (divers inspect the hull) is b's own.
FERRY_A = (
    "A ferry carrying tourists ran aground near the northern cape on Friday. "
    "Coastguard officers later arrested the ferry captain on suspicion of negligence."
)
FERRY_B = (
    "Coastguard officers arrested the captain on suspicion of negligence after the tourist "
    "ferry ran aground off the northern cape. "
    "Divers began inspecting the damaged hull on Saturday morning."
)
ONLY_B = {"p1": {"a": (0,)}, "p2": {"a": (1,)}, "p3": {"b": (0,)}, "p4": {"b": (1,)}}


def _context(
    texts: dict[str, str], cells: dict[str, dict[str, tuple[int, ...]]] | None = None
) -> Context:
    story = story_from_texts(texts)
    ids = tuple(a.id for a in story.articles)
    passages = (
        tuple(Passage(pid, c) for pid, c in cells.items())
        if cells
        else (Passage("p1", {ids[0]: (0,)}),)
    )
    return Context(story, Alignment(ids, passages), ())


def test_figures_keep_the_word_they_count() -> None:
    assert figures(tokenize("Rebels took 13 villages.")) != figures(
        tokenize("Shelling killed 13 civilians.")
    )
    assert figures(tokenize("Rebels took 13 villages.")) == figures(
        tokenize("They seized 13 villages.")
    )


def test_a_figure_is_the_same_in_any_house_style_and_past_a_second_number() -> None:
    # From a blind reading of an invented election story: "47.5 percent and 79 seats" was
    # an addition although the other outlets wrote "47.5 per cent and 79 of the 150 seats"
    # and "47.5%": the figures, the anchors a paraphrase keeps, did not match.
    said = figures(tokenize("In 2021, the party won 47.5 percent and 79 seats."))
    assert said == figures(tokenize("The party won 47.5 per cent and 79 seats in 2021."))
    assert said <= figures(tokenize("It won 79 of the 150 seats in 2021, and 47.5% of votes."))
    assert figures(tokenize("It won 79 seats.")) != figures(tokenize("It won 79 votes."))


def test_share_of_content_found_in_another_article() -> None:
    ctx = _context({"a": FERRY_A, "b": FERRY_B})
    captain = ctx.articles["a"].sentences[1].tokens
    share, where = carried_share(ctx, captain, ["b"])
    assert where == "b" and share >= 0.6
    hull = ctx.articles["b"].sentences[1].tokens
    assert carried_share(ctx, hull, ["a"])[0] < 0.45


def test_a_figure_the_other_article_lacks_is_not_carried() -> None:
    ctx = _context(
        {
            "a": "Army units took control of 13 villages near the river border.",
            "b": "Army units took control of villages near the river border. 13 civilians died.",
        }
    )
    assert carried_share(ctx, ctx.articles["a"].sentences[0].tokens, ["b"]) == (0.0, None)


def test_short_passages_are_not_judged_by_their_words() -> None:
    ctx = _context({"a": "Talks failed.", "b": "Talks failed again, sadly."})
    tokens = ctx.articles["a"].sentences[0].tokens
    assert len(tokens) < MIN_WORDS + 2
    assert carried_share(ctx, tokens, ["b"]) == (0.0, None)


def test_added_passage_told_elsewhere_in_other_words_is_dropped() -> None:
    found = run({"a": FERRY_A, "b": FERRY_B}, cells=ONLY_B)
    added = [f.spans for f in of_kind(found, Kind.ADDED_PASSAGE)]
    quoted = [s.text for spans in added for ss in spans.values() for s in ss]
    assert any("Divers began inspecting" in q for q in quoted)  # truly b's own
    assert not any("arrested the ferry captain" in q for q in quoted)  # b tells it


def test_added_passage_partly_told_elsewhere_is_uncertain_and_says_so() -> None:
    storm = "A storm hit the coast overnight. "
    texts = {
        "a": storm + "Engineers closed the old bridge after divers reported deep cracks and "
        "rusted steel in the pillars.",
        "b": storm + "The old bridge was closed on Monday. "
        "Engineers found cracks in two pillars, and the city council will meet to vote "
        "on emergency repair funding next spring.",
    }
    cells = {"p0": {"a": (0,), "b": (0,)}, "p1": {"a": (1,)}, "p2": {"b": (1,)}, "p3": {"b": (2,)}}
    added = [f for f in of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE) if "a" in f.spans]
    (finding,) = added
    assert finding.confidence < 0.7
    assert "other words" in finding.explanation


def test_omission_the_omitter_tells_in_other_words_is_uncertain() -> None:
    texts = {
        "a": "Coastguard officers arrested the ferry captain on suspicion of negligence.",
        "b": "Coastguard officers arrested the ferry captain on suspicion of negligence.",
        # c holds about half the passage's weighted words: under LEFT_OUT_TOLD, over LEFT_OUT
        "c": "The captain was held by coastguard officers after the ferry ran aground.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}}
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.confidence < 0.7
    assert "other words" in omitted.explanation


def test_omission_is_uncertain_when_one_carriers_wording_is_told_by_the_omitter() -> None:
    texts = {
        # "a" adds a day of the month the omitter lacks; "b" words it as "c" tells it.
        "a": "Coastguard officers arrested the ferry captain on suspicion of negligence on May 4.",
        "b": "Coastguard officers arrested the ferry captain on suspicion of negligence.",
        # c holds about half the passage's weighted words: under LEFT_OUT_TOLD, over LEFT_OUT
        "c": "The captain was held by coastguard officers after the ferry ran aground.",
    }
    cells = {"p1": {"a": (0,), "b": (0,)}, "p2": {"c": (0,)}}
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.confidence < 0.7


# By meaning (``told_by_meaning``): sentences that share few words but say the same.
FIRE_A = (
    "The timber warehouse stood on the river bank. "
    "Firefighters needed six hours to bring the warehouse blaze under control."
)
FIRE_B = (
    "The timber warehouse stood on the river bank. "
    "It took firefighters six hours to control the fire at the warehouse."
)
FIRE_CELLS = {"p1": {"a": (0,), "b": (0,)}, "p2": {"a": (1,)}, "p3": {"b": (1,)}}


def _added_texts(found: tuple, article: str = "a") -> list[str]:
    """The texts quoted by added-passage findings about one article."""
    return [s.text for f in of_kind(found, Kind.ADDED_PASSAGE) for s in f.spans.get(article, ())]


def test_an_added_sentence_another_outlet_tells_in_other_words_is_dropped() -> None:
    ctx = _context({"a": FIRE_A, "b": FIRE_B})
    hours = ctx.articles["a"].sentences[1]
    assert carried_share(ctx, hours.tokens, ["b"])[0] < CARRIED  # its words would not drop it
    (told,) = told_by_meaning(ctx, [hours], ["b"])
    assert told is not None and told.article_id == "b" and told.sentence_index == 1
    assert told.cosine >= MEANING_SURE
    found = run({"a": FIRE_A, "b": FIRE_B}, cells=FIRE_CELLS)
    assert _added_texts(found) == [] and _added_texts(found, "b") == []  # both tell it


def test_switched_off_meanings_leave_the_finding() -> None:
    found = run(
        {"a": FIRE_A, "b": FIRE_B}, cells=FIRE_CELLS, options=Options(sentence_meanings=False)
    )
    assert any("six hours" in q for q in _added_texts(found))


def test_a_figure_the_telling_lacks_keeps_the_sentence_its_own() -> None:
    texts = {
        "a": "The plan could end up affecting about 1,500 workers once contractors are "
        "counted, the union said.",
        "b": "The plan could end up affecting many more workers once contractors are "
        "counted, the union said.",
    }
    ctx = _context(texts)
    (sentence,) = ctx.articles["a"].sentences
    (loose,) = told_by_meaning(ctx, [sentence], ["b"], strict=False)
    assert loose is not None and loose.cosine >= MEANING_SURE  # close in meaning...
    assert told_by_meaning(ctx, [sentence], ["b"]) == [None]  # ...but "1,500 workers" is news


def test_a_sentence_whose_closest_here_is_another_one_is_no_telling() -> None:
    # b's only sentence is a's first sentence; it cannot also tell a's second.
    texts = {
        "a": "The ferry captain was arrested on suspicion of negligence. "
        "Police detained the ferry captain after the crash.",
        "b": "The ferry captain was arrested on suspicion of negligence.",
    }
    ctx = _context(texts)
    second = ctx.articles["a"].sentences[1]
    (loose,) = told_by_meaning(ctx, [second], ["b"], strict=False)
    assert loose is None


def test_the_note_quotes_the_sentence_that_may_tell_it() -> None:
    ctx = _context({"a": FIRE_A, "b": FIRE_B})
    told = Told(0.7, "b", 1)
    note = meaning_note(ctx, told)
    assert "It took firefighters six hours" in note and "check" in note
    assert told_likely([told, None]) == told  # half the sentences: enough for a note
    assert told_likely([told, None, None]) is None
    assert not told_surely([told]) and not told_surely([])


def test_a_story_too_large_for_meanings_is_compared_by_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(encoder, "MAX_SENTENCES", 2)
    ctx = _context({"a": FIRE_A, "b": FIRE_B})
    assert told_by_meaning(ctx, [ctx.articles["a"].sentences[1]], ["b"]) == [None]


def test_no_omission_when_the_carriers_tell_different_things() -> None:
    """Two outlets' different statements joined into one passage: nothing one outlet omits."""
    texts = {
        "a": "The council met on Tuesday. Senator Reid said all options should be on the table.",
        "b": "The council met on Tuesday. Reid, the Democratic leader, has long backed gun rights.",
        "c": "The council met on Tuesday. Schools will close early on Friday for the holiday.",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,)},
        "p3": {"c": (1,)},
    }
    ctx = _context(texts, cells=cells)
    assert not cells_agree(ctx, "p2", ["a", "b"])
    assert [f for f in of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)] == []
    # the same passage told alike by both carriers is omitted by the third
    texts["b"] = "The council met on Tuesday. Senator Reid said every option should be considered."
    ctx = _context(texts, cells=cells)
    assert cells_agree(ctx, "p2", ["a", "b"])
    (omitted,) = of_kind(run(texts, cells=cells), Kind.OMITTED_PASSAGE)
    assert omitted.passage_id == "p2" and omitted.spans["c"] == ()


def test_a_lede_another_outlets_lede_tells_is_no_outlets_own() -> None:
    """Two outlets open with the story's event in their own words: neither lede is "only here"."""
    texts = {
        "a": "Floodwater forced hundreds of families from their homes in the river town on "
        "Tuesday. The mayor said shelters were full.",
        "b": "Hundreds of households fled rising water in the riverside town this week. "
        "The mayor said shelters were full.",
    }
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,)}, "p3": {"a": (1,), "b": (1,)}}
    ctx = _context(texts, cells=cells)
    assert told_ledes(ctx) == {"a": 0, "b": 0}
    assert of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE) == []
    # a lede about something else stays its outlet's own
    texts["b"] = (
        "The town's football club unveiled a new stadium design. The mayor said shelters were full."
    )
    assert told_ledes(_context(texts, cells=cells)) == {}
    assert len(of_kind(run(texts, cells=cells), Kind.ADDED_PASSAGE)) == 2


def test_a_lede_with_a_figure_the_other_lede_lacks_stays_its_outlets_own() -> None:
    texts = {
        "a": "The appliance maker will cut 1,200 jobs after profit fell. Shares slid.",
        "b": "The appliance maker's job cuts could affect 1,500 workers, the union said. "
        "Shares slid.",
    }
    cells = {"p1": {"a": (0,)}, "p2": {"b": (0,)}, "p3": {"a": (1,), "b": (1,)}}
    assert "b" not in told_ledes(_context(texts, cells=cells))


# ``told_in_pieces``: a sentence whose facts two other outlets tell, each a part, each in
# its own sentences; no one sentence elsewhere is close enough to count as its telling.
_BILL = "Senators met in the capital on Tuesday to debate the election bill. "
BILL = {
    "a": _BILL + "The sprawling bill would make Election Day a federal holiday, restore voting "
    "rights to felons, match small donations with public money and impose an ethics code on "
    "Supreme Court justices.",
    "b": _BILL + "Labour unions, which have sought a federal holiday on Election Day since the "
    "1990s, praised that part. Supreme Court justices would for the first time be bound by an "
    "ethics code.",
    "c": _BILL + "It would also restore voting rights to felons who have served their sentences. "
    "Small donations to candidates would be matched with public money.",
}
BILL_CELLS = {
    "p0": {"a": (0,), "b": (0,), "c": (0,)},
    "p1": {"a": (1,)},
    "p2": {"b": (1,)},
    "p3": {"b": (2,)},
    "p4": {"c": (1,)},
    "p5": {"c": (2,)},
}


def test_a_sentence_two_outlets_tell_in_pieces_is_no_outlets_own() -> None:
    ctx = _context(BILL, BILL_CELLS)
    sentence = ctx.articles["a"].sentences[1]
    assert told_in_pieces(ctx, [sentence], ["b", "c"]) >= PIECES_TOLD
    assert told_in_pieces(ctx, [sentence], ["b"]) < PIECES_TOLD  # each outlet tells a part
    assert told_in_pieces(ctx, [sentence], ["c"]) < PIECES_TOLD
    assert max(carried_share(ctx, sentence.tokens, [o])[0] for o in "bc") < CARRIED
    found = run(BILL, cells=BILL_CELLS)
    assert not any("sprawling bill" in q for q in _added_texts(found))
    assert any("Labour unions" in q for q in _added_texts(found, "b"))  # b's own stays


def test_a_sentence_told_in_pieces_by_one_outlet_only_in_part_stays() -> None:
    two = {k: v for k, v in BILL.items() if k != "c"}
    cells = {pid: {k: v for k, v in c.items() if k != "c"} for pid, c in BILL_CELLS.items()}
    found = run(two, cells={pid: c for pid, c in cells.items() if c})
    assert any("sprawling bill" in q for q in _added_texts(found))


def test_a_figure_no_related_sentence_holds_keeps_the_sentence_its_own() -> None:
    texts = dict(BILL)
    texts["a"] = texts["a"].replace("small donations", "small donations of up to $200")
    ctx = _context(texts, BILL_CELLS)
    assert told_in_pieces(ctx, [ctx.articles["a"].sentences[1]], ["b", "c"]) == 0.0


def test_pieces_need_the_model() -> None:
    ctx = _context(BILL, BILL_CELLS)
    ctx = Context(ctx.story, ctx.alignment, (), options=Options(sentence_meanings=False))
    assert told_in_pieces(ctx, [ctx.articles["a"].sentences[1]], ["b", "c"]) == 0.0


# ``written_out``: a short quotation one outlet gives a sentence of its own, run by another
# into a longer sentence.
QUOTE = {
    "a": "The senator spoke to reporters on Monday. She lied to the agents. "
    "\u201cNothing happened to her.\u201d The senator left at noon.",
    "b": "The senator spoke to reporters on Monday. She lied to the agents. "
    "Nothing happened to her. The senator left at noon.",
    "c": "The senator spoke to reporters on Monday, saying she had lied to federal agents "
    "and nothing happened to her. The senator left at noon.",
}
QUOTE_CELLS = {
    "p1": {"a": (0,), "b": (0,), "c": (0,)},
    "p2": {"a": (1,), "b": (1,)},
    "p3": {"a": (2,), "b": (2,)},
    "p4": {"a": (3,), "b": (3,), "c": (1,)},
}


def test_words_written_out_in_a_row_elsewhere() -> None:
    ctx = _context(QUOTE, QUOTE_CELLS)
    quote = ctx.articles["a"].sentences[2].tokens
    assert written_out(ctx, quote, "c")  # case and quotation marks ignored
    assert not written_out(ctx, ctx.articles["a"].sentences[1].tokens, "c")  # not in a row
    assert not written_out(ctx, tokenize("Nothing happened."), "c")  # too short to count


def test_words_written_out_after_their_subject_named_elsewhere_in_the_sentence() -> None:
    # From a blind reading: "Ashby did not call for Tremmel to resign." against "Minister
    # Corran Ashby has ordered an audit ..., but did not call for Tremmel to resign."
    texts = {
        "a": "The audit was ordered on Monday. Ashby did not call for Tremmel to resign.",
        "b": "The audit was ordered on Monday. Ashby did not call for Tremmel to resign.",
        "c": "Minister Corran Ashby ordered an audit on Monday, but did not call for Tremmel "
        "to resign.",
    }
    cells = {"p1": {"a": (0,), "b": (0,), "c": (0,)}, "p2": {"a": (1,), "b": (1,)}}
    ctx = _context(texts, cells)
    assert written_out(ctx, ctx.articles["a"].sentences[1].tokens, "c")
    assert not written_out(ctx, tokenize("Lee did not call for Tremmel to resign."), "c")


def _omitted_texts(found: tuple) -> list[str]:
    omitted = of_kind(found, Kind.OMITTED_PASSAGE)
    return [s.text for f in omitted for ss in f.spans.values() for s in ss]


def test_no_omission_of_a_quotation_the_omitter_runs_into_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not any("Nothing happened" in q for q in _omitted_texts(run(QUOTE, cells=QUOTE_CELLS)))
    monkeypatch.setattr(omission, "written_out", lambda *_args: False)
    assert any("Nothing happened" in q for q in _omitted_texts(run(QUOTE, cells=QUOTE_CELLS)))


def test_no_omission_when_the_omitter_holds_most_of_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "c" tells the arrest in other sentences: most of the passage's rare words are there.
    texts = {
        "a": "The ferry ran aground near the northern cape. "
        "Coastguard officers arrested the ferry captain on suspicion of gross negligence.",
        "b": "The ferry ran aground near the northern cape. "
        "Coastguard officers arrested the ferry captain on suspicion of gross negligence.",
        "c": "The ferry ran aground near the northern cape. Its captain faces charges. "
        "Suspicion of gross negligence fell on him, and coastguard officers made the arrest.",
    }
    cells = {"p0": {"a": (0,), "b": (0,), "c": (0,)}, "p1": {"a": (1,), "b": (1,)}}
    cells |= {"p2": {"c": (1,)}, "p3": {"c": (2,)}}
    ctx = _context(texts, cells)
    share, _where = carried_share(ctx, ctx.articles["a"].sentences[1].tokens, ["c"])
    assert share >= LEFT_OUT_TOLD
    assert not _omitted_texts(run(texts, cells=cells, options=Options(sentence_meanings=False)))
    monkeypatch.setattr(omission, "LEFT_OUT_TOLD", 1.1)  # the rule off: uncertain, reported
    (found,) = of_kind(
        run(texts, cells=cells, options=Options(sentence_meanings=False)), Kind.OMITTED_PASSAGE
    )
    assert found.confidence < 0.7 and share >= LEFT_OUT


def test_a_short_quoted_sentence_written_in_a_row_with_the_one_before_is_carried() -> None:
    # read blind (seventeenth round): "'Our priority is human life. Property comes second,'
    # said the minister" against the same quotation in two sentences credited to another
    texts = {
        "a": "The fire spread on Tuesday. \u201cOur priority is human life. Property comes "
        "second,\u201d said the minister, who flew in that morning.",
        "b": "The fire spread on Tuesday. \u201cOur priority is human life. Property comes "
        "second.\u201d",
        "c": "The fire spread on Tuesday. \u201cOur priority is human life. Property comes "
        "second.\u201d",
    }
    cells = {
        "p1": {"a": (0,), "b": (0,), "c": (0,)},
        "p2": {"a": (1,), "b": (1,), "c": (1,)},
        "p3": {"a": (2,), "b": (2,), "c": (2,)},
    }
    ctx = _context(texts, cells)
    assert written_out_with_before(ctx, "b", (2,), "a")
    assert not written_out_with_before(ctx, "b", (1,), "a")  # long enough to look up alone
    cells_cut = {"p1": cells["p1"], "p2": cells["p2"], "p3": {"b": (2,), "c": (2,)}}
    ctx_cut = _context({**texts, "a": texts["a"].replace("Property comes second", "It is")}, cells)
    assert not written_out_with_before(ctx_cut, "b", (2,), "a")
    assert not any("Property" in q for q in _omitted_texts(run(texts, cells=cells_cut)))
