"""Attributed claims (``claims.attributed``), speakers and the story-wide comparison.

Every sentence here is invented; each row tests one reading rule.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest

from compare.align.segment import segment, tokenize
from compare.claims import speakers
from compare.claims.attributed import (
    CREDITED,
    FACT,
    UNCLEAR,
    AttributedClaim,
    article_claims,
    who,
)
from compare.claims.attributed_compare import compare, same_quotation, story_claims
from compare.claims.attributed_table import who_says_so
from compare.claims.sources import markers
from compare.classify.merge import UNCERTAIN
from compare.model import (
    SCHEMA_VERSION,
    Alignment,
    Article,
    Finding,
    Kind,
    Report,
    Scores,
    Severity,
    Span,
    Story,
)
from compare.report import jsonio


def article(aid: str, *paragraphs: str, title: str | None = None) -> Article:
    """An article whose body paragraphs are ``paragraphs`` (blank line between)."""
    text, spans, at = "", [], 0
    for k, p in enumerate(paragraphs):
        if k:
            text += "\n\n"
            at += 2
        spans.append(Span(aid, at, at + len(p), 1 + 2 * k, p))
        text += p
        at += len(p)
    # A real digest: the claim layer remembers an article's reading by id and digest.
    digest = hashlib.sha256(text.encode()).hexdigest()
    return segment(
        Article(aid, f"{aid}.txt", digest, text, aid, "", title, None, "", paragraphs=tuple(spans))
    )


def claims(*paragraphs: str) -> tuple[AttributedClaim, ...]:
    return article_claims(article("a", *paragraphs))


def words(tokens: object) -> str:
    return " ".join(t.text for t in tokens)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "status", "speaker"),
    [
        ("Police said the man fled the scene.", CREDITED, "Police"),
        ("The man fled the scene, police said on Monday.", CREDITED, "police"),
        ("According to the coast guard, the ship sank at dawn.", CREDITED, "the coast guard"),
        ("The ship sank at dawn, according to the coast guard.", CREDITED, "the coast guard"),
        ('"We have lost everything," said Maria Lund.', CREDITED, "Maria Lund"),
        ("Jane Roe, 38, said she left the hall early.", CREDITED, "Jane Roe"),
        ("Jane Roe, who runs the shop, said she left early.", CREDITED, "Jane Roe"),
        ("The rebel leader claimed that the vote was rigged.", CREDITED, "The rebel leader"),
        ("The union accused the board of hiding losses.", CREDITED, "The union"),
        ("Police identified the driver as Tom Berg, 41.", CREDITED, "Police"),
        ("The driver was identified by police as Tom Berg.", CREDITED, "police"),
        # A verb with a plain noun object reports an event, not a claim.
        ("The flood claimed eight lives in the valley.", FACT, ""),
        ("The flood claimed eight lives and cut the road.", FACT, ""),
        # Any other reporting verb without a frame: someone's word, whose is unclear.
        ("The firm announced a merger with its rival.", UNCLEAR, ""),
        ("Police confirmed the deaths of two climbers.", UNCLEAR, ""),
        ("The driver, identified as Tom Berg, fled north.", FACT, ""),
        ("Trade with the United States fell sharply last year.", FACT, ""),
        # "denied" withholding something: no claim denied.
        ("A florist who denied service to a gay couple was fined.", FACT, ""),
        ("The reporter was denied entry at the border.", FACT, ""),
        ("The court denied them bail on Friday.", FACT, ""),
        # a reporting verb's form used as a plural noun, or "insist on" a demand
        ("He won Iowa and South Carolina, the largest of the early-voting states.", FACT, ""),
        ("On immigration, the senator insists on a secure border.", FACT, ""),
        ("The lawsuit claims that managers favoured men.", CREDITED, "The lawsuit"),
        ("The ministry denied the reports to journalists.", CREDITED, "The ministry"),
        ("The ministry denied having sent troops to the border.", CREDITED, "The ministry"),
        # Perhaps someone's words: never read as the outlet's own voice.
        ("Sales reportedly fell by a third in the spring.", UNCLEAR, ""),
        ("The mayor promised that taxes would fall next year.", UNCLEAR, ""),
        ("She had doubts, and said the plan would fail.", UNCLEAR, ""),
        ("She had doubts, and then said the plan would fail.", UNCLEAR, ""),
        # a coordinated clause with a subject of its own: that subject speaks
        ("Crews worked on, and officials said power was back.", CREDITED, "officials"),
        ("Prices rose, but the minister insisted inflation was low.", CREDITED, "the minister"),
        ("The storm passed, and officials have also said roads are open.", CREDITED, "officials"),
        ("The weather office forecast rain and warned that rivers could rise.", UNCLEAR, ""),
        # research credited after the claim (from a blind reading: "figures show")
        (
            "Sales have climbed 18 per cent since 2015, health ministry figures show.",
            CREDITED,
            "health ministry figures",
        ),
    ],
)
def test_one_sentence_is_read_as_credited_fact_or_unclear(
    sentence: str, status: str, speaker: str
) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, words(claim.speaker)) == (status, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The president, speaking at the White House, said he would act.", "The president"),
        ("the mayor, speaking on Monday, said the roads were open.", "the mayor"),
    ],
)
def test_a_participle_aside_is_not_the_speaker(sentence: str, speaker: str) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, words(claim.speaker)) == (CREDITED, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # an opening phrase is no name with an appositive: no comma closes "the governor"
        ("As evidence, the governor said his son had signed a petition.", "the governor"),
        ("Jack Wilson, the head of security, said he fired once.", "Jack Wilson"),
        # a description without an article is an aside too (from a blind reading)
        ("Ann Whitlow, chief executive of the federation, said the tax was blunt.", "Ann Whitlow"),
        # a title's period is inside the name, not the sentence's end
        ('"A secure border is vital," said Gov. Rick Perry.', "Gov . Rick Perry"),
        # a possessive opens the speaker as an article does (read blind, fifteenth round)
        (
            '"The risk grew," said Cali\'s mayor, Alejandra Cuellar.',
            "Cali's mayor , Alejandra Cuellar",
        ),
        # a verb in an opening "when" clause only says when: the main clause names the speaker
        (
            "When prosecutors charged the pair on Friday, the former mayor said he accepts it.",
            "the former mayor",
        ),
    ],
)
def test_the_speaker_is_read_whole(sentence: str, speaker: str) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, words(claim.speaker)) == (CREDITED, speaker)


def test_who_is_spaced_as_written() -> None:
    (claim,) = claims('"A secure border is vital," said Gov. Rick Perry.')
    assert who(claim) == "said Gov. Rick Perry"


def test_the_content_leaves_out_the_speaker_and_verb() -> None:
    (claim,) = claims("The man fled the scene, police said.")
    assert words(claim.content) == "The man fled the scene , ."


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We will not give up," he is quoted as saying.', "he"),
        ("State radio quoted the minister as saying the dam had held.", "the minister"),
        ("The paper, citing police sources, said the man had fled.", "The paper"),
    ],
)
def test_relayed_words_are_marked(sentence: str, speaker: str) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, claim.relayed, words(claim.speaker)) == (CREDITED, True, speaker)


def test_a_direct_quote_is_not_relayed() -> None:
    (claim,) = claims('"We will not give up," he said.')
    assert (claim.relayed, claim.quoted) == (False, True)


def test_every_sentence_of_a_quotation_belongs_to_its_speaker() -> None:
    found = claims('"The water rose fast. We had no time. Nobody warned us," Ann Vik said.')
    assert [(c.status, words(c.speaker)) for c in found] == [(CREDITED, "Ann Vik")] * 3
    assert [c.inherited for c in found] == [True, True, False]


def test_a_stray_mark_left_open_does_not_run_on_into_later_paragraphs() -> None:
    # a quotation opened with a single mark and closed with a double one leaves a mark
    # open; the next paragraph does not start with a mark, so no quotation runs on there,
    # and a later paragraph's own quotation is the speaker's, not the outlet's
    found = claims(
        '"We tax," he added. \'We spend. It is both of them together."',
        "The crowd cheered the speech.",
        'All we have heard, the host complained, is "a big tent. America is not a circus."',
    )
    statuses = [c.status for c in found]
    assert statuses[2] == FACT  # "The crowd cheered the speech."
    assert statuses[-1] != FACT  # "America is not a circus." is inside the quotation


def test_a_quotation_runs_on_through_a_paragraph_without_marks_to_its_close() -> None:
    found = claims(
        "Kristol wrote to the chairman on Friday.",
        "\u201cThe war was not a war of his choosing. Republicans have supported it.",
        "And not on a trivial matter. Your comment is an affront.",
        "There are those who want to leave. But one of them should not be the chairman.\u201d",
    )
    assert [c.status for c in found][1:] == [UNCLEAR] * 6


def test_a_quotation_named_nowhere_is_unclear() -> None:
    (claim,) = claims('"Nobody warned us about the water."')
    assert claim.status == UNCLEAR


def test_reported_speech_may_run_on_into_the_next_sentence() -> None:
    first, second = claims("He added that the council chose four sites. The four open in May.")
    assert (first.status, second.status) == (CREDITED, UNCLEAR)


def test_a_closing_attribution_does_not_run_on() -> None:
    _first, second = claims("The council chose four sites, he said. The road was shut at noon.")
    assert second.status == FACT


def test_the_headline_is_left_out() -> None:
    art = article("a", "Bridge shut", "The bridge was shut, police said.", title="Bridge shut")
    assert [c.sentence for c in article_claims(art, skip=("Bridge shut",))] == [1]


STORY = speakers.mentions(
    [
        tokenize("Interior Minister Karl Holm"),
        tokenize("Dr Lena Sand"),
        tokenize("Tom Berg"),
        tokenize("the Kestria Defence Ministry"),
    ]
)


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        ("Holm", "Lena Sand", True),
        ("the interior minister", "Tom Berg", True),
        ("the interior minister", "Holm", False),  # widened through "Interior Minister Karl Holm"
        ("Sand", "Lena Sand", False),
        ("he", "Tom Berg", False),
        ("officials", "Tom Berg", False),
        ("police", "the police chief", False),
        ("the company", "the Ohio-based group", False),  # descriptions name no one
        ("the union", "Tom Berg", False),
        ("Kestria", "Holm", False),  # a country speaks through its leaders
        ("the Kestria Defence Ministry", "Lena Sand", True),
    ],
)
def test_speakers_differ_only_when_plainly_different(a: str, b: str, different: bool) -> None:
    assert speakers.different(tokenize(a), tokenize(b), STORY) is different


CLAIM = "The bridge over the Varna river was closed after engineers found deep cracks in its span"


def test_credited_in_one_outlet_stated_as_fact_in_another() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.", "Traffic was diverted.")
    b = article("b", "Drivers queued for hours.", f"{CLAIM}.")
    (diff,) = compare([a, b])
    assert (diff.kind, diff.credited.article_id, diff.other.article_id) == ("unsourced", "a", "b")


def test_aligned_sentences_sharing_only_part_of_a_claim_give_no_finding() -> None:
    # Aligned, with contents only partly alike (cosine under UNSOURCED_MIN): read blind,
    # such pairs were mostly two claims on one theme, so being aligned lowers no bar.
    a = article("a", f"{CLAIM}, the transport ministry said.")
    partly = (
        "The Varna river bridge was closed after engineers found cracks, and traffic was "
        "diverted to the ferry crossing for weeks."
    )
    aligned = {frozenset({("a", 0), ("b", 0)})}
    assert compare([a, article("b", partly)], aligned) == []
    assert compare([a, article("b", partly)]) == []
    ((kind, confidence),) = [
        (d.kind, d.confidence) for d in compare([a, article("b", f"{CLAIM}.")], aligned)
    ]
    assert kind == "unsourced" and confidence >= UNCERTAIN


def test_no_fact_finding_when_the_other_outlet_credits_it_elsewhere() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", f"{CLAIM}.", f"The ministry said that {CLAIM[4:]}.")
    assert [d.kind for d in compare([a, b])] == []


def test_no_fact_finding_when_the_other_outlet_credits_the_quoted_words_elsewhere() -> None:
    quoted = (
        "Closing the bridge over the Varna river was \u201ca grave mistake\u201d made in haste "
        "by her office and the transport ministry"
    )
    a = article("a", f"{quoted}, the mayor said.")
    stated = (
        "Closing the bridge over the Varna river was a mistake made in haste by her office "
        "and the transport ministry."
    )
    # b credits the quoted words to the mayor by name: it does not state the claim as fact
    b = article("b", stated, "\u201cIt was a grave mistake,\u201d Karin Holm told reporters.")
    assert [d.kind for d in compare([a, b])] == []
    c = article("c", stated, "\u201cIt was a busy week,\u201d Karin Holm told reporters.")
    assert [d.kind for d in compare([a, c])] == ["unsourced"]


def test_credited_to_different_sources() -> None:
    a = article("a", f"{CLAIM}, Mayor Karl Holm said.")
    b = article("b", f"{CLAIM}, said engineer Lena Sand.")
    (diff,) = compare([a, b])
    assert diff.kind == "source"


def test_one_short_quotation_with_a_comma_given_to_two_speakers() -> None:
    # read blind (fifteenth round): "This is a club, not an asset class," said the trust's
    # chair in two outlets and a season-ticket holder in the third; the comma split the
    # quotation into runs too short to be one quotation
    a = article("a", '"This is a club, not an asset class," said Sunita Rao, the chair.')
    b = article("b", '"This is a club, not an asset class," said Kevin Marsh, 58, a fan.')
    assert [d.kind for d in compare([a, b])] == ["source"]


def tokens_of(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def test_she_said_stands_for_the_subject_named_just_before() -> None:
    # read blind (sixteenth round): "Mayor Barbara Sosnicka defended the scheme. 'This is not
    # a tax on drivers. It is an investment in the air our children breathe,' she said."
    # against the same quotation given to a campaigner
    quote = '"It is an investment in the clean air our children breathe every day,"'
    a = article("a", f"Mayor Barbara Sosnicka defended the scheme. {quote} she said.")
    b = article("b", f"{quote} said Agnieszka Rutkowska, a campaigner.")
    (diff,) = compare([a, b])
    assert diff.kind == "source"
    # a subject without a name lends none, nor does a name opening a noun phrase (read on
    # BASIL: "Local Republican Party affiliates are less organized ..." before "he said")
    c = article("c", f"The council defended the scheme. {quote} she said.")
    assert compare([c, b]) == []
    d = article("d", f"Local Republican Party affiliates are less organized. {quote} he said.")
    assert compare([d, b]) == []


def test_a_quotation_one_outlet_trims_is_the_same_quotation() -> None:
    # read on a real cluster: "Under such condition, there is no ground for us to ..."
    # against "There is no ground for us to ...": the shorter one's words are the other's
    shorter = frozenset(tokens_of("there is no ground for us to stay bound"))
    longer = shorter | frozenset(tokens_of("under such condition"))
    assert same_quotation([longer], [shorter]) and same_quotation([shorter], [longer])
    assert not same_quotation([longer], [frozenset(tokens_of("there is no ground"))])


def test_a_source_credited_with_more_than_the_other_states_is_no_rival() -> None:
    # Holm is credited with the cracks and the closure; Sand only confirms the engineers'
    # names, which "a" gives in an unattributed clause: not one claim, two sources.
    names = "Anna Berg, 41, and Olof Dahl, 52"
    a = article(
        "a",
        f"The engineers, identified as {names}, found cracks in the bridge, Mayor Karl Holm said.",
    )
    b = article("b", f"Engineer Lena Sand identified the two inspectors as {names}.")
    assert [d.kind for d in compare([a, b])] == []
    # the same names credited to both, and nothing more: a rival source
    c = article("c", f"The engineers were {names}, Mayor Karl Holm said.")
    assert [d.kind for d in compare([c, b])] == ["source"]


def test_coverage_is_the_share_of_one_content_the_other_holds() -> None:
    from compare.claims.attributed_compare import coverage

    assert coverage({"a": 0.6, "b": 0.8}, {"a": 1.0}) == 0.36
    assert coverage({"a": 1.0}, {"a": 0.6, "b": 0.8}) == 1.0


HEARD = CLAIM.replace(" was ", " was reportedly ")


def test_credited_in_one_outlet_only_reportedly_so_in_another() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.", "Traffic was diverted.")
    b = article("b", "Drivers queued for hours.", f"{HEARD}.")
    (diff,) = compare([a, b])
    assert (diff.kind, diff.credited.article_id, diff.other.article_id) == ("hearsay", "a", "b")
    assert [t.text for t in diff.other.hearsay] == ["reportedly"]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # "allegedly" doubts as much as it relays: left to the hedge rule
        (f"{CLAIM}, the transport ministry said.", f"{CLAIM.replace(' was ', ' was allegedly ')}."),
        # "officials said" names no one either: no better sourced than "reportedly"
        (f"{CLAIM}, officials said.", f"{HEARD}."),
        # the other outlet credits the claim elsewhere
        (
            f"{CLAIM}, the transport ministry said.",
            f"{HEARD}. The ministry said that {CLAIM[4:]}.",
        ),
    ],
)
def test_no_hearsay_finding(a: str, b: str) -> None:
    assert [d.kind for d in compare([article("a", a), article("b", b)])] == []


def test_a_source_the_other_version_names_as_listener_is_one_chain() -> None:
    # Holm told the Courier; the Courier is credited in the other version: one chain.
    a = article("a", f"{CLAIM}, according to the Valley Courier.")
    b = article("b", f"Mayor Karl Holm told the Valley Courier that {CLAIM[4:]}.")
    assert compare([a, b]) == []
    c = article("c", f"Mayor Karl Holm told reporters that {CLAIM[4:]}.")
    assert [d.kind for d in compare([a, c])] == ["source"]


def test_the_same_speaker_named_twice_is_no_finding() -> None:
    a = article("a", f"{CLAIM}, Mayor Karl Holm said.")
    b = article("b", f"{CLAIM}, Holm said.")
    assert compare([a, b]) == []


def test_relayed_against_direct_quotation() -> None:
    quote = '"We will rebuild the bridge before the winter comes to the valley,"'
    a = article("a", f"{quote} the mayor is quoted as saying.")
    b = article("b", f"{quote} the mayor said.")
    (diff,) = compare([a, b])
    assert (diff.kind, diff.credited.article_id) == ("relay", "a")


def test_different_claims_are_not_compared() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", "Schools in the northern district will stay shut until the end of the week.")
    assert compare([a, b]) == []


def test_who_says_so_rows_say_how_each_outlet_carries_a_credited_claim() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", f"{CLAIM}.")
    c = article("c", "Schools in the northern district will stay shut until the end of the week.")
    (row,) = who_says_so([a, b, c])
    assert row.claim.startswith("The bridge over the Varna river was closed")
    assert [(x.article_id, x.status, x.source) for x in row.cells] == [
        ("a", "credited", "the transport ministry said"),
        ("b", "fact", ""),
        ("c", "absent", ""),
    ]
    assert row.cells[1].span is not None and row.cells[1].quote == row.cells[1].span.text


def test_who_says_so_cells_point_at_the_attribution_finding() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", f"{CLAIM}.")
    s = b.sentences[0]
    span = Span("b", s.start, s.end, 1, s.text)
    finding = Finding("f3", Kind.ATTRIBUTION_CHANGE, Severity.HIGH, None, {"b": (span,)}, "x")
    (row,) = who_says_so([a, b], [finding])
    assert [x.finding_id for x in row.cells] == [None, "f3"]


def test_who_says_so_leaves_out_claims_no_other_outlet_carries() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", "Schools in the northern district will stay shut until the end of the week.")
    assert who_says_so([a, b]) == ()


def test_who_says_so_leaves_out_an_act_of_record() -> None:
    # an indictment announced by those who brought it is no claim a source vouches for
    act = "Rep. Jan Doe and her husband were indicted on charges of misusing campaign funds"
    a = article("a", f"{act}, prosecutors announced on Tuesday.")
    b = article("b", f"{act} on Tuesday.")
    assert who_says_so([a, b]) == ()
    claim = "Rep. Jan Doe and her husband misused campaign funds for family holidays"
    a = article("a", f"{claim}, prosecutors announced on Tuesday.")
    b = article("b", f"{claim} on Tuesday.")
    assert len(who_says_so([a, b])) == 1


def test_who_says_so_names_a_source_credited_a_sentence_away() -> None:
    # "the statement said" a paragraph before: the outlet does not state the claim as fact
    a = article("a", f"{CLAIM}, the press release from the transport ministry said.")
    b = article(
        "b",
        "The ministry closed two more roads on Monday, the statement said.",
        f"{CLAIM}.",
    )
    (row,) = who_says_so([a, b])
    assert [(x.status, x.source) for x in row.cells] == [
        ("credited", "the press release from the transport ministry said"),
        ("credited", "the statement said (nearby)"),
    ]


def test_who_says_so_survives_report_json() -> None:
    a = article("a", f"{CLAIM}, the transport ministry said.")
    b = article("b", f"{CLAIM}.")
    table = who_says_so([a, b])
    report = Report(
        schema=SCHEMA_VERSION,
        tool_version="0",
        generated="2020-10-19T00:00:00Z",
        run_id="r",
        story=Story(id="s", title="s", articles=(a, b)),
        alignment=Alignment(article_ids=("a", "b"), passages=()),
        findings=(),
        scores=Scores(),
        who_says_so=table,
    )
    assert jsonio.to_dict(report)["who_says_so"][0]["cells"][1]["status"] == "fact"
    assert jsonio.load(jsonio.dump(report)).who_says_so == table


def test_named_against_unnamed_source() -> None:
    a = article("a", f"{CLAIM}, Mayor Karl Holm said.")
    b = article("b", f"{CLAIM}, officials said.")
    (diff,) = compare([a, b])
    assert (diff.kind, diff.credited.article_id, words(diff.other.speaker)) == (
        "unnamed",
        "a",
        "officials",
    )


def test_the_second_of_two_coordinated_statements_is_a_claim_too() -> None:
    # read blind (twelfth round): "X said A and that B" against "Officials said B" was
    # missed, as only A was compared
    a = article(
        "a",
        "Minister Karl Holm said retained data had helped in 70 percent of organised crime "
        "cases and that fourteen ongoing investigations could be affected by the ruling.",
    )
    b = article(
        "b", "Officials said fourteen ongoing investigations could be affected by the ruling."
    )
    (diff,) = compare([a, b])
    assert (diff.kind, diff.credited.article_id, words(diff.other.speaker)) == (
        "unnamed",
        "a",
        "Officials",
    )
    assert words(diff.credited.content).startswith("fourteen ongoing")
    one = article("c", "Minister Karl Holm said fourteen ongoing investigations could be affected.")
    (claim,) = story_claims([one])["c"]
    assert claim.also == ()


def test_when_a_statement_was_made_is_no_part_of_it_nor_a_dateline_its_speaker() -> None:
    # read blind (fourteenth round): ", after the commission voted to lift the floor to
    # 102,000 tenge" made the lobby's warning match another outlet's lede stated as fact,
    # and the dateline's country was quoted as part of the speaker
    (lobby,) = claims(
        "ASTANA, Kazakhstan \u2014 Kazakhstan's small-business lobby warned that the rise will "
        "cost 40,000 jobs, after the wages commission voted to lift the floor to 102,000 tenge."
    )
    assert words(lobby.speaker) == "Kazakhstan's small-business lobby"
    assert words(lobby.content) == "the rise will cost 40,000 jobs"
    a = article(
        "a",
        "Kazakhstan's small-business lobby warned that the rise will cost jobs, after the "
        "wages commission voted to lift the monthly minimum wage to 102,000 tenge on Tuesday.",
    )
    b = article(
        "b",
        "The wages commission voted to lift the monthly minimum wage to 102,000 tenge on Tuesday.",
    )
    assert compare([a, b]) == []


def test_a_quotation_s_pronoun_stands_for_a_titled_name_or_a_name_before_an_aside() -> None:
    # read blind (fourteenth round): the quotation given to the commission chair in one
    # outlet and to the finance minister in another was missed
    quote = '"We have tried to balance what workers need with what firms can bear,"'
    a = article(
        "a",
        "Commission chair Gulnara Seitkaliyeva told reporters that about 1.2 million workers "
        f"earn the minimum wage. {quote} she said.",
    )
    b = article(
        "b",
        "Minister Yerlan Abdikarimov, speaking after the commission's vote, said the increase "
        f"would add to price pressures. {quote} he said.",
    )
    (diff,) = compare([a, b])
    assert diff.kind == "source"
    assert {words(diff.credited.speaker), words(diff.other.speaker)} == {
        "Gulnara Seitkaliyeva",
        "Minister Yerlan Abdikarimov",
    }


def test_a_spokesman_named_earlier_in_his_article_is_no_unnamed_source() -> None:
    a = article("a", f"{CLAIM}, ministry spokesman Karl Holm said.")
    b = article("b", f"Ministry spokesman Karl Holm spoke on Monday. {CLAIM}, the spokesman said.")
    assert compare([a, b]) == []
    c = article("c", f"{CLAIM}, the spokesman said.")
    (diff,) = compare([a, c])
    assert (diff.kind, diff.credited.article_id) == ("unnamed", "a")


def test_an_account_given_in_parts_runs_on_into_the_next_paragraph() -> None:
    first, second = claims("He added that the council chose four sites.", "The four open in May.")
    assert (first.status, second.status) == (CREDITED, UNCLEAR)


def test_a_single_statement_does_not_run_on_into_the_next_paragraph() -> None:
    first, second = claims("Police said four people were hurt.", "The road was shut at noon.")
    assert (first.status, second.status) == (CREDITED, FACT)


def test_a_statement_named_by_a_noun_is_not_the_outlets_own_voice() -> None:
    (claim,) = claims("The owner lodged a complaint against the driver over the damage.")
    assert claim.status == UNCLEAR


def test_a_relayed_source_is_not_called_a_different_source() -> None:
    a = article("a", f"{CLAIM}, the Daily Star said, citing Mayor Karl Holm.")
    b = article("b", f"The Daily Star, citing engineers, said that {CLAIM[4:]}.")
    c = article("c", f"{CLAIM}, said engineer Lena Sand.")
    assert [d.kind for d in compare([b, c])] == []
    assert all(d.kind != "source" for d in compare([a, c]))


def test_a_quotation_inside_a_quotation_leaves_the_outer_one_open() -> None:
    """A letter quoted at length, quoting a phrase in the same marks, is still the letter."""
    found = claims(
        "The editor wrote a letter to the chairman.",
        "\u201cThe war was not \u201ca war of his choosing.\u201d It has been fought under two "
        "presidents.",
        "It deserves support.\u201d",
    )
    assert all(c.status != FACT for c in found[2:]), [(c.status, words(c.content)) for c in found]


def test_a_quotation_over_paragraphs_reopens_each_one() -> None:
    """AP style: each paragraph of a long quotation opens with a mark, only the last closes."""
    found = claims(
        "\u201cWe will rebuild the bridge.",
        "\u201cIt will take two years,\u201d the mayor said.",
        "The council meets on Monday.",
    )
    assert found[-1].status == FACT


def test_a_paragraph_opening_with_a_mark_opens_a_quotation_whatever_was_left_open() -> None:
    """A straight mark left open earlier must not make the next paragraph's mark a close."""
    found = claims(
        'Trump said: "We have talked about it and all I can say is',
        '"I love this country. The world laughs at us," he said.',
    )
    assert [c.status for c in found[1:]] == [CREDITED, CREDITED]


@pytest.mark.parametrize(
    "sentence",
    [
        "The two states filed a lawsuit on Thursday.",
        "Her discrimination claims were folded into a class action.",
        "The vote went ahead despite claims from activists.",
        "On immigration, the senator insists on a secure border.",
    ],
)
def test_a_verb_form_used_as_a_noun_credits_no_speaker(sentence: str) -> None:
    (claim,) = claims(sentence)
    assert claim.status != CREDITED and claim.speaker == ()
    assert markers(tokenize(sentence)) == []


def test_a_paragraph_after_one_ending_in_a_colon_is_someone_else_s_words() -> None:
    """A post or statement reproduced as a block loses its quotation marks on the page."""
    found = claims(
        "Read the full post:",
        "Your parents do not respect their positions. Act like it matters to you.",
        "She later deleted the post.",
    )
    assert [c.status for c in found] == [FACT, UNCLEAR, UNCLEAR, FACT]


def test_a_source_naming_the_other_versions_outlet_is_its_own_reporting() -> None:
    a = replace(article("a", f"{CLAIM}, the Times reported."), outlet="Harbour Post")
    b = replace(article("b", f"{CLAIM}."), outlet="The Harbour Times")
    assert compare([a, b]) == []
    c = replace(article("c", f"{CLAIM}."), outlet="Valley News")
    (diff,) = compare([a, c])
    assert (diff.kind, diff.credited.article_id) == ("unsourced", "a")


def test_a_source_the_fact_version_names_in_a_nearby_sentence_is_no_claim_stripped() -> None:
    a = article("a", f"{CLAIM}, the Harbour Gazette reported.")
    b = article("b", f"{CLAIM}.", "The closure was first reported by the Harbour Gazette.")
    assert compare([a, b]) == []
    c = article("c", f"{CLAIM}.", "The mayor later visited the bridge.")
    (diff,) = compare([a, c])
    assert (diff.kind, diff.credited.article_id) == ("unsourced", "a")


def test_who_says_so_quotes_the_claim_without_its_dateline() -> None:
    a = article("a", f"PORT VELL: {CLAIM}, the transport ministry said.")
    b = article("b", f"{CLAIM}.")
    (row,) = who_says_so([a, b])
    assert not row.claim.startswith("PORT VELL") and row.claim.split()[0] == CLAIM.split()[0]


def test_a_description_quoting_the_words_does_not_state_them_as_fact() -> None:
    # read blind: 'X ... called it "a turning point ..."' was said to state the claim as fact
    said = (
        "\u201cThis is a turning point for every small developer in this country,\u201d said "
        "Oskar Lind, chair of the Valderan App Developers Association, which represents "
        "small and medium-sized app makers across Valdera."
    )
    called = (
        "Oskar Lind, who chairs the Valderan App Developers Association, a group representing "
        "small and medium-sized app makers across Valdera, called it \u201ca turning point for "
        "every small developer in this country\u201d."
    )
    assert compare([article("a", said), article("b", called)]) == []


def test_two_words_for_one_party_are_one_source() -> None:
    # read blind: "the authority" and "the regulator" for one competition authority
    assert not speakers.different(tokenize("the authority"), tokenize("the regulator"), STORY)
    assert speakers.one_side(tokenize("the company"), tokenize("the firm"))
    assert not speakers.one_side(tokenize("the company"), tokenize("the regulator"))


def test_an_office_named_in_its_own_article_is_the_person_the_other_names() -> None:
    # read blind (seventh round): "the minister said" for Finance Minister Jonas Everaert,
    # against "Everaert said", was called a claim credited to someone unnamed
    claim = "The Treasury will cover any shortfall in the deposit guarantee fund this year"
    a = article(
        "a", "Finance Minister Jonas Everaert spoke in Telvar.", f"{claim}, the minister said."
    )
    b = article("b", "Depositors queued.", f"{claim}, Everaert said.")
    assert [d.kind for d in compare([a, b])] == []
    named = article("b", "Finance Minister Jonas Everaert spoke.", f"{claim}, Everaert said.")
    other = article("c", "Prime Minister Ana Holt spoke in Telvar.", f"{claim}, the minister said.")
    assert [d.kind for d in compare([other, named])] == ["unnamed"]  # another minister there


QUOTE = "\u201cWe have put the best offer we can afford on the table,\u201d"


def test_one_quotation_given_to_two_speakers_is_a_change_of_source() -> None:
    # read blind (eleventh round): one outlet gave the quotation to the regional health
    # minister, two to the board's chief executive; the speakers' descriptions made the
    # two sentences too unlike to be one claim, and the change was missed
    a = article("a", f"{QUOTE} said Agnes Pellow, the regional health minister.")
    b = article("b", f"{QUOTE} said Dr Tobias Wrenfield, the board's chief executive.")
    assert [d.kind for d in compare([a, b])] == ["source"]
    same = article("c", f"{QUOTE} said Agnes Pellow, the minister for health in the region.")
    assert compare([a, same]) == []


def test_a_quotation_he_said_is_the_speaker_named_just_before() -> None:
    # read blind (eleventh round): "Dr Helena Brask ... said ... . '...,' she said." against
    # the same words credited to Dr Oskar Lindahl: "Dr" was a word the two shared, and
    # "she" was nobody
    said = "\u201cThis is the kind of event you wait your whole career for,\u201d"
    a = article("a", f"{said} said Dr Oskar Lindahl, curator of meteorites.")
    b = article(
        "b",
        "Dr Helena Brask, the planetary scientist leading the university search, said her team "
        f"set out on Sunday morning. {said} she said.",
    )
    (diff,) = compare([a, b])
    assert diff.kind == "source"
    assert speakers.words(diff.other.speaker) == {"helena", "brask"}
    # a misread clause ("said her team set out on Sunday") is no name to lend
    misread = article("c", f"Crews said her team set out on Sunday. {said} she said.")
    assert compare([a, misread]) == []


def test_two_spellings_of_one_name_are_one_speaker() -> None:
    # read blind (eleventh round): "Zhuravlyov said" / "Zhuravlev said" as two sources
    story = speakers.mentions([tokenize("Pavel Zhuravlyov"), tokenize("Pavel Zhuravlev")])
    assert not speakers.different(tokenize("Zhuravlyov"), tokenize("Zhuravlev"), story)
    assert speakers.different(
        tokenize("Dr Oskar Lindahl"), tokenize("Dr. Helena Brask"), speakers.mentions([])
    )


def test_a_quotation_closed_in_a_later_sentence_is_read_with_its_opening() -> None:
    # read alone, 'It is about whether ...," said X, who said she would ...' opened a
    # quotation at its closing mark, so the speaker's words were read as the quotation
    opening = '"This is not about one man. It is about whether the rules of this bank mean'
    a = article("a", f'{opening} anything at all," he told parliament, Ian Dor said.')
    b = article(
        "b",
        f'{opening} anything at all," said Clara Ostheim, who said she would ask for a review.',
    )
    sentences = {(x.id, s.index): s for x in (a, b) for s in x.sentences}
    from compare.claims.attributed_compare import quotations, story_claims
    from compare.claims.attributed_frames import quote_states

    claims = story_claims([a, b])
    (last,) = [c for c in claims["b"] if c.sentence == 1]
    opened = {s.index: k for s, _m, k in quote_states(b.sentences)}
    (words,) = quotations(last, sentences[("b", 1)], opened[1])
    assert "review" not in words and "rules" in words


def test_the_name_opening_a_sentence_speaks_past_its_asides() -> None:
    # read blind (eleventh round): "Ievgen Dorosh, leader of the opposition Civic Renewal
    # party, which had called for the governor to go since the leak, said ..." credited
    # "the leak", so a quotation given to the finance minister elsewhere was missed
    said = "\u201cIt is about whether the rules of this bank mean anything at all,\u201d"
    a = article(
        "a",
        "Ievgen Dorosh, leader of the opposition Civic Renewal party, which had called for "
        f"the governor to go since the leak, said the matter was not closed. {said} he said.",
    )
    b = article("b", f"{said} said Finance Minister Clara Ostheim.")
    claims = story_claims([a, b])
    assert speakers.words(claims["a"][0].speaker) == {"ievgen", "dorosh"}
    assert [d.kind for d in compare([a, b])] == ["source"]


def test_a_body_s_unnamed_officials_against_its_named_director() -> None:
    # read blind (eleventh round): "Board officials said" against "Colm Dreyer, the board's
    # director of operations, said" was missed ("board" is no vague source word)
    claim = "emergency departments and intensive care would continue to be staffed"
    a = article("a", f"Colm Dreyer, the board's director of operations, said {claim}.")
    b = article("b", f"Board officials said {claim}.")
    assert [d.kind for d in compare([a, b])] == ["unnamed"]
    assert speakers.unnamed(tokenize("hospital officials"))
    assert not speakers.unnamed(tokenize("the board's director"))


def test_two_ministers_of_one_government_are_two_speakers() -> None:
    # read blind (twelfth round): the same quotation given to the prime minister and to the
    # foreign minister; "Minister" was a word the two shared, so they were one speaker
    said = "\u201cThis was not an easy decision and it was not a cheap one, but it was right,\u201d"
    a = article("a", f"{said} Prime Minister Astrid Lunde told reporters.")
    b = article("b", f"{said} Foreign Minister Tomas Brekke told reporters.")
    assert [d.kind for d in compare([a, b])] == ["source"]
    same = article("c", f"{said} Minister Astrid Lunde told reporters.")
    assert compare([a, same]) == []


def test_a_quotation_s_speaker_named_in_its_next_sentence_is_its_own() -> None:
    # read blind (twelfth round): '"Tariffs ... gigafactory. We need a plan ...," said
    # Gareth Pryce' against the same words credited to Priya Raghunathan: the first sentence
    # of the quotation takes its speaker from the next, and such a speaker was never compared
    a = article(
        "a",
        "\u201cTariffs on their own won't build a single gigafactory. We need a plan for "
        "investment, not a wall,\u201d said Gareth Pryce of the Motorists' Alliance.",
    )
    b = article(
        "b",
        "Priya Raghunathan, chief executive of the council, said carmakers welcomed the "
        "clarity but warned: \u201cTariffs on their own won't build a single gigafactory.\u201d",
    )
    assert "source" in [d.kind for d in compare([a, b])]


def test_officials_familiar_with_the_deal_are_unnamed() -> None:
    # read blind (twelfth round): "according to two officials familiar with the deal who spoke
    # on condition of anonymity" against "Finance Minister Kari Vik confirmed": missed
    claim = "Halvenmark will unfreeze about 1.8 billion kroner in Dravian state funds"
    a = article(
        "a",
        f"{claim}, according to two officials familiar with the deal who spoke on condition "
        "of anonymity.",
    )
    b = article("b", f"{claim}, Finance Minister Kari Vik confirmed on Friday.")
    assert [d.kind for d in compare([a, b])] == ["unnamed"]


def test_he_said_reads_back_through_the_quotation_to_its_speaker() -> None:
    # read blind (seventeenth round): "Rheinair CEO Carsten Vogt accused the union ...
    # '...,' he said. '... Nobody wins ...'" against the same words from the minister
    quote = '"Nobody wins from a strike like this, least of all the passengers."'
    a = article(
        "a",
        "Rheinair CEO Carsten Vogt accused the union of targeting the holiday. "
        '"This strike is aimed at families," he said. "Our offer is fair and it stays. '
        f"{quote[1:]}",
    )
    b = article("b", f'{quote[:-2]}," said Transport Minister Annegret Schoeller.')
    diffs = compare([a, b])  # the quotation's sentences, one finding once merged
    assert diffs and all(d.kind == "source" for d in diffs)
    assert all("Vogt" in words(d.credited.speaker + d.other.speaker) for d in diffs)
    # a quotation opening a paragraph of its own, no one named in it, is no one's in
    # particular (BASIL: a spokesman's words after the congressman's "he added")
    c = article(
        "c",
        'Etheridge told reporters he was sorry. "I was tired," he said. "It was late," he added.',
        quote,
    )
    assert compare([c, b]) == []


def test_a_short_quotation_given_to_two_speakers_is_compared() -> None:
    # read blind (seventeenth round): two content words, ten words quoted
    quote = "We should not have to borrow back our own history"
    a = article(
        "a",
        "Minister Adaeze Nwankwo-Ibe signed for her government.",
        f'Of the loan, Nwankwo-Ibe added: "{quote}."',
    )
    b = article(
        "b",
        'Prince Eghosa Ogiemwonyi said: "My great-grandfather was sent into exile."',
        f'But he objected to the loan. "{quote}," he said.',
    )
    (diff,) = compare([a, b])
    assert diff.kind == "source"


def test_a_listener_after_told_is_not_what_was_said() -> None:
    # read blind (seventeenth round): the hall's guests read as the director's claim
    a = article(
        "a",
        '"It does," the director, Pieter Vandenbroeck, told the ceremony in the main hall, '
        "which was attended by diplomats and members of the royal court.",
    )
    b = article(
        "b",
        "The museum signed the deal at a ceremony in its main hall attended by diplomats and "
        "members of the royal court.",
    )
    assert compare([a, b]) == []


def test_a_finding_verb_without_that_still_credits_its_clause() -> None:
    # read blind (seventeenth round): "Rheinair estimated the strike would cost it €85
    # million" was read as stated as fact against "The group estimated that ..."
    (claim,) = claims("Rheinair estimated the strike would cost it 85 million euros.")
    assert claim.status == CREDITED and words(claim.speaker) == "Rheinair"
    (event,) = claims("The fire destroyed an estimated 300 homes.")
    assert event.status != CREDITED


def test_a_long_quotation_is_credited_to_the_speaker_who_opened_it() -> None:
    first, *_rest, last = claims(
        "Nigeria's culture minister, Adaeze Nwankwo-Ibe, who signed for her government, said: "
        '"This is not charity. It is restitution. These bronzes are a record. They are coming '
        'home to be read again by the people whose history they tell."'
    )
    assert words(first.speaker) == words(last.speaker) == "Adaeze Nwankwo-Ibe"


def test_a_quotation_running_over_two_sentences_is_compared_whole() -> None:
    # read blind (seventeenth round): five and three words quoted in two sentences, given
    # to the minister in one outlet and to the fire service's spokesman in another
    a = article(
        "a",
        '"Our priority is human life. Property comes second," said Minister Nikos Drakopoulos.',
    )
    b = article(
        "b",
        "Fire service spokesman Vassilis Kontogiannis said 310 firefighters were at work.",
        '"The wind is changing every hour," he told reporters. "Our priority is human life. '
        'Property comes second."',
    )
    diffs = compare([a, b])
    assert diffs and all(d.kind == "source" for d in diffs)
    assert {"Drakopoulos", "Kontogiannis"} <= set(
        words(diffs[0].credited.speaker + diffs[0].other.speaker).split()
    )


def test_said_a_name_with_a_closing_description_names_the_speaker() -> None:
    # read blind (seventeenth round): "..., said Tobias Wendt, a spokesman for the airport
    # operator." read with the cancellations as the speaker (missed against "officials said")
    (claim,) = claims(
        "At Frankfurt, 620 of the 1,390 flights were cancelled, said Tobias Wendt, a spokesman "
        "for the airport operator."
    )
    assert claim.status == CREDITED and words(claim.speaker) == "Tobias Wendt"
    a = article(
        "a", "At Frankfurt, 620 of the 1,390 flights were cancelled, airport officials said."
    )
    b = article(
        "b",
        "At Frankfurt, 620 of the 1,390 flights were cancelled, said Tobias Wendt, a spokesman "
        "for the airport operator.",
    )
    assert [d.kind for d in compare([a, b])] == ["unnamed"]


def test_a_name_with_an_age_and_a_description_is_the_speaker() -> None:
    # read blind (nineteenth round): "Ana Kostadinov, 38, a primary school teacher in Novi
    # Sad, said ..." credited her next quotation to "Novi Sad", against "Ana Kostadinov"
    first, _quoted = claims(
        "Ana Kostadinov, 38, a primary school teacher in Novi Sad, said her monthly payment "
        'would go up by about 3,000 dinars. "We budgeted for rates to come down," she said.'
    )
    assert words(first.speaker) == "Ana Kostadinov"
    a = article(
        "a",
        "Ana Kostadinov, 38, a primary school teacher in Novi Sad, said her monthly payment "
        'would go up by about 3,000 dinars. "We budgeted for rates to come down," she said.',
    )
    b = article(
        "b",
        "Ana Kostadinov, a 38-year-old primary school teacher in Novi Sad, says her repayment "
        'will rise by about 3,000 dinars. "We budgeted for rates to come down," she said.',
    )
    assert [d.kind for d in compare([a, b])] == []


def test_a_poll_that_found_a_share_credits_its_finding_to_the_poll() -> None:
    # read blind (nineteenth round): "A poll by Opinion Metrics published last week found 62
    # per cent of Greeks oppose ..." read as stated as fact against "..., according to a poll"
    (claim,) = claims(
        "A poll by Opinion Metrics published last week found 62 per cent of Greeks oppose "
        "raising the retirement age."
    )
    assert claim.status == CREDITED
    assert words(claim.speaker) == "A poll by Opinion Metrics published last week"
    (guns,) = claims("After the poll, police found 62 guns in the house.")
    assert guns.status != CREDITED


def test_the_terms_of_a_bill_are_not_the_outlets_own_claim() -> None:
    # read blind (nineteenth round): "Under the draft bill, presented by the minister ..., the
    # age would rise" was stated as fact against "the minister ... said the age would rise"
    a = article(
        "a",
        "Under the draft bill, presented by Labour Minister Eleni Papadaki after a cabinet "
        "meeting, the retirement age would rise by three months each year from 2027.",
    )
    b = article(
        "b",
        "Labor Minister Eleni Papadaki, presenting the draft bill after a cabinet meeting, said "
        "the retirement age would rise by three months each year from 2027.",
    )
    assert compare([a, b]) == []
    (bare,) = claims("The retirement age would rise by three months each year from 2027.")
    assert bare.status == FACT


def test_a_speakers_own_expectation_told_as_done_elsewhere_is_no_source_dropped() -> None:
    # read blind (nineteenth round): "Investigators said they expected to recover the
    # recorders on Wednesday" against a day-later "Investigators recovered the recorders on
    # Wednesday morning" was a claim stated as fact; the act is told, not the expectation
    a = article(
        "a",
        "Investigators said they expected to recover the flight data recorder and cockpit "
        "voice recorder from the wreckage on Wednesday.",
    )
    b = article(
        "b",
        "Investigators recovered the flight data recorder and cockpit voice recorder from the "
        "wreckage on Wednesday.",
    )
    assert compare([a, b]) == []
    c = article(
        "c",
        "Investigators said the crew had ignored the warning from the control tower before "
        "landing on Wednesday.",
    )
    d = article(
        "d", "The crew had ignored the warning from the control tower before landing on Wednesday."
    )
    assert [x.kind for x in compare([c, d])] == ["unsourced"]


@pytest.mark.parametrize(
    ("sentence", "status", "speaker"),
    [
        # read blind (nineteenth round): the passive's subject was taken for the speaker
        ("The crew had been warned by air traffic control of standing water.", FACT, ""),
        ("The minister was informed of the decision on Monday.", FACT, ""),
        ("He was told by police that his son had died.", CREDITED, "police"),
        ("The results were confirmed by the electoral commission on Sunday.", CREDITED,
         "the electoral commission"),
        ("The claim was denied by the ministry.", CREDITED, "the ministry"),
        ("Survivors were told the route was safe.", UNCLEAR, ""),
        ("It was announced that the plant would close.", UNCLEAR, ""),
        ("Residents were repeatedly warned that the dam could fail.", UNCLEAR, ""),
        ("He had been accused of fraud by a former business partner.", CREDITED,
         "a former business partner"),
    ],
)  # fmt: skip
def test_a_passive_reporting_verbs_subject_is_never_its_speaker(
    sentence: str, status: str, speaker: str
) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, words(claim.speaker)) == (status, speaker)


def test_a_leak_credited_to_an_unnamed_person_and_stated_as_fact_elsewhere_is_found() -> None:
    # read blind (nineteenth round, missed): "According to a person familiar with the initial
    # findings, the crew had been warned ..." against the bare "The crew had been warned ...";
    # the passive's subject, "The crew had been", was read as the second outlet's source
    leak = (
        "the crew had been warned by air traffic control of standing water on the runway "
        "about ten minutes before landing."
    )
    a = article("a", f"According to a person familiar with the initial findings, {leak}")
    b = article("b", leak[0].upper() + leak[1:])
    assert [x.kind for x in compare([a, b])] == ["unsourced"]


@pytest.mark.parametrize(
    "sentence",
    [
        # read blind (nineteenth round): "warning" after "a weather" was read as a verb of
        # saying whose speaker was "One"
        "One guide mentioned a weather warning at the trailhead.",
        "The agency issued a flood warning for the valley.",
    ],
)
def test_a_modified_warning_is_a_noun_not_a_verb_of_saying(sentence: str) -> None:
    (claim,) = claims(sentence)
    assert (claim.status, words(claim.speaker)) == (FACT, "")


def test_a_statement_noting_something_still_reports_it() -> None:
    # "a statement noting ..." is a participle after its noun, not a noun like "a weather
    # warning": the seeds' "noting what it called" attribution depends on it
    (claim,) = claims(
        "The authorities put out a statement noting what it called legitimate targets."
    )
    assert claim.status == CREDITED


def test_a_warning_moved_from_a_named_bank_to_a_ministry_is_a_change_of_source() -> None:
    # read blind (nineteenth round, missed): "the finance ministry" names no one, so it was
    # taken for a possible description of the Bank of Greece
    claim = "has warned that the pension system faces a shortfall of 2.8 billion euros by 2030."
    bank = article("a", f"The Bank of Greece {claim}")
    ministry = article("b", f"The finance ministry {claim}")
    central = article("c", f"The central bank {claim}")
    assert [x.kind for x in compare([bank, ministry])] == ["source"]
    assert compare([bank, central]) == []


def test_according_to_set_off_after_a_figure_credits_the_figure_only() -> None:
    # read blind (twentieth round): "more than 10,000 students, according to organisers,
    # chanted slogans and burned tyres" made the chanting the organisers' claim, stated as
    # fact by an outlet that gives no count
    (claim,) = claims(
        "Outside parliament, more than 10,000 students, according to organisers, chanted "
        "slogans and burned tyres as the vote took place."
    )
    assert (words(claim.speaker), words(claim.content)) == (
        "organisers",
        "more than 10,000 students",
    )
    a = article(
        "a",
        "Outside parliament, more than 10,000 students, according to organisers, chanted "
        "slogans and burned tyres as the vote took place.",
    )
    b = article(
        "b",
        "Outside parliament, protesters chanted slogans and burned tyres as the vote took place.",
    )
    assert compare([a, b]) == []
    (whole,) = claims("The toll, according to officials, rose to 30 on Monday.")
    assert "rose" in words(whole.content)
    (clause,) = claims(
        "More than 14,000 people have been evacuated, according to the ministry, and many "
        "are sheltering in schools."
    )
    assert "evacuated" in words(clause.content)  # a clause before the aside: credited whole


def test_an_act_announced_by_a_body_and_told_with_it_as_subject_is_not_unsourced() -> None:
    # read blind (twentieth round): "Uzbekistan have sacked ..., the Uzbekistan Football
    # Association (UFA) announced on Monday" against "TASHKENT, Uzbekistan \u2014 The
    # Uzbekistan Football Association dismissed head coach ..." was called stated as fact
    a = article(
        "a",
        "Uzbekistan have sacked head coach Bakhtiyor Rakhimov after the team crashed out of the "
        "Asian Cup at the group stage, the Uzbekistan Football Association (UFA) announced on "
        "Monday.",
    )
    b = article(
        "b",
        "TASHKENT, Uzbekistan \u2014 The Uzbekistan Football Association dismissed head coach "
        "Bakhtiyor Rakhimov on Monday after the team crashed out of the Asian Cup at the group "
        "stage.",
    )
    assert compare([a, b]) == []
    c = article(
        "c",
        "Head coach Bakhtiyor Rakhimov was sacked on Monday after the team crashed out of the "
        "Asian Cup at the group stage.",
    )
    assert [x.kind for x in compare([a, c])] == ["unsourced"]


def test_a_participle_describing_a_decision_is_no_verb_of_saying() -> None:
    # read blind (twenty-first round): "were fined a combined 8.1 million euros in the decision
    # announced in Dublin" made "were fined ... in the decision" a speaker
    (claim,) = claims(
        "Three suppliers were fined a combined 8.1 million euros in the decision announced in "
        "Dublin on Thursday."
    )
    assert claim.status == FACT
    (said,) = claims("The ministry announced on Monday that the roads would reopen.")
    assert (said.status, words(said.speaker)) == (CREDITED, "The ministry")


def test_a_name_before_any_predicate_and_a_colon_speaks_the_quotation() -> None:
    # read blind (twenty-first round): "Maria Kostopoulou, 58, a pharmacist, disagreed: '...'"
    # and "Petros Alexiou, 34, a delivery driver, was more cautious: '...'" gave their
    # quotations to the speaker named before, and two outlets quoting one resident were
    # called two sources
    first, second = claims(
        'Maria Kostopoulou, 58, a pharmacist, disagreed: "Everyone here knew something was '
        "wrong. The roof of my grandson's school still leaks.\""
    )
    assert (words(first.speaker), words(second.speaker)) == (
        "Maria Kostopoulou",
        "Maria Kostopoulou",
    )
    a = article(
        "a",
        '"I will wait for the court," said Petros Alexiou. Maria Kostopoulou, a pharmacist, '
        'disagreed: "Everyone here knew something was wrong with those school works."',
    )
    b = article(
        "b",
        '"Everyone here knew something was wrong with those school works," said Maria '
        "Kostopoulou, a pharmacist.",
    )
    assert compare([a, b]) == []
    (no_name,) = claims('In the town square: "We will not leave."')
    assert no_name.status != CREDITED or words(no_name.speaker) != "In"


def test_a_quotation_moved_between_two_named_officials_of_one_body_is_found() -> None:
    # read blind (twenty-first round, missed): "BNPB head Arif Wibowo" / "BNPB spokesman
    # Rizal Siregar" share the body's initials, so they were taken for one speaker
    quote = '"The eruption was very strong and part of the column collapsed," '
    a = article("a", quote + "agency head Arif Wibowo told reporters in Jakarta.")
    b = article("b", quote + "agency spokesman Rizal Siregar told reporters in Jakarta.")
    c = article("c", quote + "agency spokesman Rizal Siregar said in Jakarta.")
    assert [x.kind for x in compare([a, b])] == ["source"]
    assert compare([b, c]) == []


def test_a_named_head_against_officials_at_the_body_is_a_source_left_unnamed() -> None:
    # read blind (twenty-first round, missed): "Djoko Prasetyo, head of the centre, said" /
    # "Officials at the centre said": the name's description and "at the centre" hid both
    claim = "said seismic activity had risen sharply but had not indicated an imminent eruption."
    a = article("a", f"Djoko Prasetyo, head of the centre, {claim}")
    b = article("b", f"Officials at the centre {claim}")
    assert [x.kind for x in compare([a, b])] == ["unnamed"]


def test_told_after_a_quotation_is_never_followed_by_its_speaker() -> None:
    # read blind (twenty-second round): '"...," the union's president, Yiorgos Stathopoulos,
    # told a rally in central Athens.' made "a rally in central Athens" the speaker, so
    # another outlet's "Giorgos Stathopoulos told the crowd" was called another source
    first, second = claims(
        '"A teacher earns less today than in 2009," the union\'s president, Yiorgos '
        'Stathopoulos, told a rally in central Athens. "We are not asking for charity."'
    )
    assert (words(first.speaker), words(second.speaker)) == (
        "Yiorgos Stathopoulos",
        "Yiorgos Stathopoulos",
    )
    (said,) = claims('"It is over," said the club\'s chair, Ann Roe.')
    assert "Ann Roe" in words(said.speaker)


def test_a_name_set_off_before_said_is_its_subject_not_a_speaker_after_it() -> None:
    # read blind (twenty-second round): "the principal, Maria Roe, said the building stayed
    # open" made "the building stayed open ..." the speaker, and the same act told of her
    # in another outlet was called a claim stated as fact
    (claim,) = claims(
        "At the school, the principal, Maria Roe, said the building stayed open for a few children."
    )
    assert words(claim.speaker) == "Maria Roe"
    (after,) = claims("Flights were cut on Monday, said Tobias Wendt, a spokesman.")
    assert words(after.speaker) == "Tobias Wendt"


def test_a_quotation_before_its_speaker_is_credited_whatever_follows_the_verb() -> None:
    # read blind (twenty-second round, missed): '"...," Justice Margaret Thornbury, who
    # presided, wrote in the lead judgment' credited the quotation to no one, and "she
    # wrote" after "Justice Margaret Thornbury, who presided ..., wrote the lead judgment."
    # to no one named, so the same words given to Justice Alan Keane went unseen
    quote = '"We cannot be satisfied that a person sent there would not be returned," '
    a = article(
        "a", quote + "Justice Margaret Thornbury, who presided, wrote in the lead judgment."
    )
    b = article(
        "b",
        "Justice Margaret Thornbury, who presided over the panel, wrote the lead judgment. "
        + quote
        + "she wrote.",
    )
    c = article("c", quote + "wrote Justice Alan Keane.")
    assert compare([a, b]) == []
    assert [x.kind for x in compare([a, c])] == ["source"]
    assert [x.kind for x in compare([b, c])] == ["source"]
    (act,) = claims("Justice Margaret Thornbury, who presided, wrote the lead judgment.")
    assert act.status != CREDITED or words(act.speaker) != "the lead judgment"


def test_a_court_and_a_named_campaign_group_are_two_sources() -> None:
    # read blind (twenty-second round, missed): "The judges noted that ..." / "...,
    # according to the Sanctuary Rights Alliance"
    a = article("a", "The judges noted that the island had not decided a single asylum claim.")
    b = article(
        "b", "The island has not decided a single asylum claim, according to the Rights Alliance."
    )
    c = article("c", "The island has not decided a single asylum claim, the High Court noted.")
    assert [x.kind for x in compare([a, b])] == ["source"]
    assert compare([a, c]) == []


def test_a_quotation_after_the_sentence_introducing_its_speaker_is_theirs() -> None:
    # read blind (twenty-third round): "Viktor Zeman, 14, who goes to school in Brno, said
    # ... "Breaks will be boring ..."" gave the quotation to the deputy quoted before
    *_, quoted = claims(
        'Opposition deputy Igor Bartl said the law was "paternalistic". Viktor Zeman, 14, who '
        'goes to school in Brno, said the ban would take getting used to. "Breaks will be '
        'boring at first."'
    )
    assert words(quoted.speaker) == "Viktor Zeman"


def test_police_and_the_union_are_two_sources_of_one_crowd_figure() -> None:
    # read blind (twenty-third round's rules): "Police" alone is vague, but no union
    a = article("a", "About 12,000 people marched to the square on Thursday, police said.")
    b = article("b", "About 12,000 people marched to the square on Thursday, the union said.")
    assert [x.kind for x in compare([a, b])] == ["source"]


def test_a_company_expecting_is_its_own_forecast_not_a_fact_stated() -> None:
    # read blind (twenty-third round): "Meltemi expects the plan to save 310 million euros a
    # year" against the chief executive saying so was called stated as fact
    a = article(
        "a", "Meltemi expects the plan to save 310 million euros a year by the end of 2027."
    )
    b = article(
        "b",
        "Ann Roe, the chief executive, said the plan would save 310 million euros a year by "
        "the end of 2027.",
    )
    assert [x.kind for x in compare([a, b])] == []


def test_a_second_party_after_a_semicolon_is_no_part_of_the_first_claim() -> None:
    # read blind (twenty-second round, in part): "Police said about 12,000 people marched
    # ...; the union put the turnout at 30,000" against "About 12,000 people marched ...,
    # according to the union": the union's figure was read into the police's claim, and the
    # union named there made police and union one chain of reporting
    a = article(
        "a",
        "Police said about 12,000 people marched to the square, in front of parliament; the "
        "union put the turnout at 30,000.",
    )
    b = article(
        "b",
        "About 12,000 people marched to the square, outside parliament, according to the union.",
    )
    assert [x.kind for x in compare([a, b])] == ["source"]


def test_said_its_director_and_a_name_credits_the_person_named() -> None:
    # read blind (twenty-fourth round): '"...," said its director, Vesela Marinova.' gave the
    # quotation to the body named the sentence before, against "said Vesela Marinova, the
    # group's director" in another outlet: two sources
    quote = '"Passengers have paid for these lines through their taxes for decades," '
    lead = "Passenger Watch, a consumer watchdog, said bus journeys would take twice as long. "
    _lead, said = claims(lead + quote + "said its director, Vesela Marinova.")
    assert "Vesela Marinova" in words(said.speaker)
    (alone,) = claims(quote + "said its spokesman.")  # no name: no speaker read here
    assert alone.status != CREDITED or "spokesman" not in words(alone.speaker)
