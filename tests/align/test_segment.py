"""Sentences and tokens keep exact offsets into the original file."""

import pytest

from compare.align.segment import sentence_spans, tokenize

from builders import article_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gov. Ruiz spoke on Sept. 5. Then he left.",
            ["Gov. Ruiz spoke on Sept. 5.", "Then he left."],
        ),
        ("The U.S. team won. Fans cheered.", ["The U.S. team won.", "Fans cheered."]),
        (
            "Dr. Lee said it was 4.5 m deep. No one was hurt.",
            ["Dr. Lee said it was 4.5 m deep.", "No one was hurt."],
        ),
        (
            "\u201cWe will rebuild.\u201d The mayor left.",
            ["\u201cWe will rebuild.\u201d", "The mayor left."],
        ),
        ("Mr. Diaz arrived at 10 a.m. on Monday.", ["Mr. Diaz arrived at 10 a.m. on Monday."]),
        # an abbreviation that ends its sentence: before a usual sentence starter ...
        (
            "Talks were held in the U.S. The talks failed.",
            ["Talks were held in the U.S.", "The talks failed."],
        ),
        (
            "The mill was sold to Acme Inc. The price was not given.",
            ["The mill was sold to Acme Inc.", "The price was not given."],
        ),
        # ... and a month without its day, before a capitalised word
        (
            "Results are due in Jan. Analysts expect a loss.",
            ["Results are due in Jan.", "Analysts expect a loss."],
        ),
        # but not before a name, a day, or a lower-case word
        ("U.S. Army officials met Acme Inc. staff.", ["U.S. Army officials met Acme Inc. staff."]),
        ("The vote on Jan. 5 and Feb. 2 passed.", ["The vote on Jan. 5 and Feb. 2 passed."]),
        ("Sales rose in Jan. and fell.", ["Sales rose in Jan. and fell."]),
        # two sentences glued where a scraped page lost the space between paragraphs ...
        (
            "Police went to his house but it was locked.On Tuesday, they returned.",
            ["Police went to his house but it was locked.", "On Tuesday, they returned."],
        ),
        (
            "“She was upset,” the officer said.Lokeshwari married in 2000.",
            ["“She was upset,” the officer said.", "Lokeshwari married in 2000."],
        ),
        # ... but not an abbreviation, a dotted name, or a glued word too short for a sentence
        ("He moved to St.Louis in May.", ["He moved to St.Louis in May."]),
        ("The U.S.Army base closed.", ["The U.S.Army base closed."]),
        ("See the page at example.Com/news today.", ["See the page at example.Com/news today."]),
        ("It was fine.OK then.", ["It was fine.OK then."]),
        # a paragraph that lost its full stop and its space runs into the next word ...
        (
            "She had suffered 78% burnsFollowing her death, police filed a case.",
            ["She had suffered 78% burns", "Following her death, police filed a case."],
        ),
        # ... but a function word cannot end a sentence, nor a handle be split
        ("Kim andTrump held talks in June.", ["Kim andTrump held talks in June."]),
        ("Follow @realDonaldTrump for news today.", ["Follow @realDonaldTrump for news today."]),
        # a dotted initialism no list names ends no sentence before a lower-case word ...
        (
            "The I.R.S. said on Monday that the F.B.I.\u2019s agents had left.",
            ["The I.R.S. said on Monday that the F.B.I.\u2019s agents had left."],
        ),
        (
            "\u201cI have not violated any I.R.S. rules,\u201d she said.",
            ["\u201cI have not violated any I.R.S. rules,\u201d she said."],
        ),
        # ... but may before a capitalised word
        (
            "The money went to the I.R.S. Nobody objected.",
            ["The money went to the I.R.S.", "Nobody objected."],
        ),
        # a person's initials after a title or first name do not end a sentence before the surname
        (
            "Two members fired, White Settlement Police Chief J.P. Bevering said.",
            ["Two members fired, White Settlement Police Chief J.P. Bevering said."],
        ),
        ("Coach A.J. Brown left. Rain fell.", ["Coach A.J. Brown left.", "Rain fell."]),
        # ... but do before a word that usually starts one, or after "the"
        ("He met Chief J.P. He said no.", ["He met Chief J.P.", "He said no."]),
        # a dialogue tag after a quotation ending in ? or ! belongs to it
        ('"Who are you?" he asked. Rain fell.', ['"Who are you?" he asked.', "Rain fell."]),
        (
            "\u201cWho are you!\u201d the congressman demands. Rain fell.",
            ["\u201cWho are you!\u201d the congressman demands.", "Rain fell."],
        ),
        ('"We will win." Obama said. Rain fell.', ['"We will win." Obama said.', "Rain fell."]),
        (
            "He asks, \u201cwho are you?\u201d before knocking the camera down.",
            ["He asks, \u201cwho are you?\u201d before knocking the camera down."],
        ),
        (
            "He took Representative Paul Ryan (R-Wisc.) to task on Monday.",
            ["He took Representative Paul Ryan (R-Wisc.) to task on Monday."],
        ),
        # ... but a sentence of its own after a quotation stays one
        ('"Go home!" Police said five died.', ['"Go home!"', "Police said five died."]),
        (
            '"We will win." Obama said the vote would be held in May.',
            ['"We will win."', "Obama said the vote would be held in May."],
        ),
        (
            "The money went to the I.R.S. Officials objected.",
            ["The money went to the I.R.S.", "Officials objected."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("a cease-fire", ["a", "cease-fire"]),
        ("20,000 fled", ["20,000", "fled"]),
        ("1.5 million", ["1.5", "million"]),
        ("the 1960s", ["the", "1960s"]),
        ("$4.5bn deal", ["$", "4.5bn", "deal"]),
        ("U.S.-made", ["U.S.", "-", "made"]),
        ("the city\u2019s mayor", ["the", "city\u2019s", "mayor"]),
        ("cease\u00adfire now", ["ceasefire", "now"]),  # as printed (issue #19)
        ("s\u200ba\u2063id it", ["said", "it"]),
        ("Su-25 jets", ["Su-25", "jets"]),
        ("Kim andTrump met", ["Kim", "and", "Trump", "met"]),  # a lost space
        ("an iPhone on eBay", ["an", "iPhone", "on", "eBay"]),
        ("@realDonaldTrump", ["@", "realDonaldTrump"]),
        ("the f***ing wall, s**t", ["the", "f***ing", "wall", ",", "s**t"]),  # starred out
        ("what the f***?", ["what", "the", "f***", "?"]),
        ("Price* applies", ["Price", "*", "applies"]),  # a footnote mark stays apart
        ("5*3", ["5", "*", "3"]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == tokens


def test_starred_out_words_compare_equal_whatever_letters_show() -> None:
    first, second = tokenize("f***ing"), tokenize("F**king")
    assert first[0].norm == second[0].norm == "f*"
    assert tokenize("s**t")[0].norm != first[0].norm
    assert [t.norm for t in tokenize("Price* applies")] == ["price", "*", "applies"]


def test_offsets_and_lines_map_back_to_file() -> None:
    text = "Title line.\r\n\r\nFirst one. Second one\rcontinues.\n\nThird \u2028para."
    article = article_from_text("x", text)
    assert [s.text for s in article.sentences] == [
        "Title line.",
        "First one.",
        "Second one\rcontinues.",
        "Third \u2028para.",
    ]
    for sentence in article.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
    assert [s.line for s in article.sentences] == [1, 3, 3, 6]
    assert [s.paragraph for s in article.sentences] == [0, 1, 1, 2]
    assert article.words == 9
