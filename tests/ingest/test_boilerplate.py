"""Boilerplate removal: general rules, exact offsets, every cut kept with a reason."""

from __future__ import annotations

import pytest

from compare.ingest.boilerplate import Body, Reason, split_body
from compare.text.offsets import LineIndex

BEFORE = "The council met on Monday to discuss the new bridge over the river."
AFTER = "Residents are invited to comment on the plans until the end of May."


def _split(text: str, start: int = 0) -> Body:
    return split_body(text, start=start, article_id="t", lines=LineIndex(text))


def _reasons(middle: str) -> list[str]:
    body = _split(f"{BEFORE}\n\n{middle}\n\n{AFTER}")
    assert body.paragraphs[0].text == BEFORE
    return [r.reason for r in body.removed]


@pytest.mark.parametrize(
    ("middle", "reason"),
    [
        ("Advertisement", Reason.MARKER),
        ("**Read more:**", Reason.MARKER),  # Markdown emphasis around a marker
        ("ADVERTISEMENT", Reason.MARKER),
        ("Story continues below", Reason.MARKER),
        ("___", Reason.SEPARATOR),
        ("* * *", Reason.SEPARATOR),
        ("![A ferry at dusk](https://img.example.net/ferry.jpg)", Reason.IMAGE),
        ("## What happens next", Reason.SUBHEADING),
        ("Funding gaps", Reason.SUBHEADING),
        (
            "Get our morning briefing. Sign up to receive the stories you need. Please enter "
            "a valid email address. You can unsubscribe at any time.",
            Reason.NEWSLETTER,
        ),
        ("Sign up for our newsletter to get updates in your inbox", Reason.NEWSLETTER),
        # the imperative alone addresses the reader: no "you" needed
        ("Sign up for our Markets newsletter to get the day's biggest stories.", Reason.NEWSLETTER),
        ("Subscribe to our free daily newsletter.", Reason.NEWSLETTER),
        ("Click here to read more health stories.", Reason.PROMO),
        ("Get our free Food Safety Alerts newsletter delivered every week.", Reason.NEWSLETTER),
        (
            "*Photo: Emergency workers at the site of the derailment near the junction on "
            "Friday morning after the crash. (Courier/Tom Reyes)*",
            Reason.CAPTION,
        ),
        ("By Anna Weber", Reason.CONTRIBUTORS),
        ("Published 3 hours ago", Reason.DATE_HEADER),
        ("Updated: 10:32 GMT, 3 June 2026", Reason.DATE_HEADER),
        ("By Jo Roe and Sam Lee, Global Wire", Reason.CONTRIBUTORS),
        ("Contact us at desk@harbour.example.", Reason.CONTACT),
        ("Write to us at https://harbour.example/letters", Reason.CONTACT),
        (
            "Workers clear debris near the old mill on Sunday. (Jane Roe/AGENCY via Getty Images)",
            Reason.CAPTION,
        ),
        ("A ferry waits at the pier on Friday. (AP Photo/John Doe)", Reason.CAPTION),
        ("Firefighters stand beside a truck on Friday. (AP Photo)", Reason.CAPTION),
        ("Firefighters stand beside a truck on Friday. (Reuters)", Reason.CAPTION),
        ("Firefighters stand beside a truck. (The Associated Press)", Reason.CAPTION),
        ("A boat in the harbour. (AP Photo) Credit: Jane Roe", Reason.CAPTION),
        ("A crowd waits outside the hall. Credit: Jane Roe", Reason.CAPTION),
        ("Photo: Jane Roe", Reason.CAPTION),
        ("Students walk to class. Photograph: Jane Roe/Agency", Reason.CAPTION),
        # a web page's credit element run into its caption
        ("A ferry waits at the pier in December.CreditJane Roe/Agency", Reason.CAPTION),
        ("A ferry waits at the pier.Credit...Jane Roe for The Harbour Times", Reason.CAPTION),
        (
            "Press Agency writers Ann Lee in Harbourtown and Bo Chan in Hilltop contributed to "
            "this report.",
            Reason.CONTRIBUTORS,
        ),
        ("Staff reporters Ann Lee and Bo Chan contributed.", Reason.CONTRIBUTORS),
        ("Reporting by Ann Lee; Editing by Bo Chan", Reason.CONTRIBUTORS),
        ("With inputs from Global Wire and City News Service", Reason.CREDIT),
        ("(With inputs from Global Wire)", Reason.CREDIT),
        ("— Reuters", Reason.CREDIT),
    ],
)
def test_boilerplate_is_removed_with_reason(middle: str, reason: Reason) -> None:
    assert _reasons(middle) == [reason.value]


@pytest.mark.parametrize(
    "middle",
    [
        "The council said it would vote on the plan on Tuesday.",
        "Officials said the plan (which costs $5m) was approved.",
        "Shares of Credit Suisse fell 5 percent on Monday.",
        "Engineers put the odds of failure at (50/50), the report said.",
        "Each member contributed to the fund last year.",
        "Subscribers to the service grew by 5% last year, the company said.",
        "The newsletter has many subscribers, its editor said.",
        "Subscribers to the newsletter rose by a third after the merger, the company said.",
        "Sign-ups for the newsletter rose by a third, the company said.",
        "Readers can read more stories like this in the print edition, the editor said.",
        "By Tuesday, the water had receded.",
        "Get our readers to the polls, the campaign manager urged volunteers in a newsletter.",
        "Photo: the word the minister used for the plan last week in parliament, critics said, "
        "was a poor choice for a serious debate.",
        "Published in 2019, the report found rising costs.",
        "Updated figures showed 12 people were hurt.",
        "By the end of the year, prices rose.",
        "By Monday Officials Had Left.",
        "Contact with the crew was lost at 3 p.m.",
        "Inputs from farmers were slow to arrive this season.",
        "It rained.",
        "“We will rebuild,” the mayor said",
        "He had photographs of the site, he said.",
    ],
)
def test_article_text_is_kept(middle: str) -> None:
    assert _reasons(middle) == []


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        (
            "With inputs from Global Wire and City News Service",
            ("Global Wire", "City News Service"),
        ),
        (
            "With inputs from Global Wire, Metro Press & City News",
            ("Global Wire", "Metro Press", "City News"),
        ),
        ("(With agency inputs from Global Wire.)", ("Global Wire",)),
        # A wire story's closing credits: "Source:" and a dash with a name of capitals only.
        ("Source: Harbour Newswire", ("Harbour Newswire",)),
        ("— Harbour Newswire", ("Harbour Newswire",)),
        ("Continental Press Agency", ("Continental Press Agency",)),
    ],
)
def test_credit_line_names_become_credits(line: str, credits: tuple[str, ...]) -> None:
    body = _split(f"{BEFORE}\n{AFTER}\n{line}")
    assert body.credits == credits
    assert [r.span.text for r in body.removed] == [line]


def test_subheading_needs_paragraphs_on_both_sides() -> None:
    body = _split("Flood warning\n\nThe river rose overnight.\n\nClosing words")
    assert [p.text for p in body.paragraphs] == [
        "Flood warning",
        "The river rose overnight.",
        "Closing words",
    ]


def test_one_paragraph_per_line_when_there_is_no_blank_line() -> None:
    text = "First line of the story.\nSecond line.\nAdvertisement\nThird line."
    body = _split(text)
    assert [p.text for p in body.paragraphs] == [
        "First line of the story.",
        "Second line.",
        "Third line.",
    ]


def test_hard_wrapped_paragraphs_stay_whole_when_blank_lines_exist() -> None:
    text = "One sentence\nwrapped here.\n\nAnother\nwrapped one."
    assert [p.text for p in _split(text).paragraphs] == [
        "One sentence\nwrapped here.",
        "Another\nwrapped one.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A first line.\r\n\r\nAdvertisement\r\n\r\nA second line.\r\n",
        "A first line.\r\rAdvertisement\r\rA second line.",
        "A first\x0cline.\n\nAdvertisement\n\nA second\u2028line and\x0bmore.",
        "\ufeffA first line.\n\n   \t\n\nAdvertisement\n\nA second line.",
    ],
)
def test_spans_quote_the_text_exactly_with_sed_line_numbers(text: str) -> None:
    body = _split(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for span in (*body.paragraphs, *(r.span for r in body.removed)):
        assert text[span.start : span.end] == span.text
        assert span.text.splitlines()[0] in lines[span.line - 1]
    assert [r.reason for r in body.removed] == [Reason.MARKER.value]


def test_nul_characters_are_cut_out_of_paragraphs_but_not_out_of_text() -> None:
    text = "The bridge\x00\x00 opened on time.\n\nIt cost less than planned."
    body = _split(text)
    assert all("\x00" not in p.text for p in body.paragraphs)
    assert [p.text for p in body.paragraphs] == [
        "The bridge",
        "opened on time.",
        body.paragraphs[2].text,
    ]
    (nul,) = body.removed
    assert (nul.reason, nul.span.start, nul.span.end) == (Reason.NUL.value, 10, 12)


def test_contact_line_emails_are_reported_for_outlet_evidence() -> None:
    body = _split(f"{BEFORE}\n\nContact us at desk@harbour.example.\n")
    assert body.contact_emails == (("desk@harbour.example", 3),)


def test_long_token_does_not_slow_the_rules() -> None:
    import time

    token = "a" * 200_000
    started = time.monotonic()
    body = _split(f"Contact us {token}\n\n{token}@\n\n({token})")
    assert time.monotonic() - started < 2.0
    assert len(body.paragraphs) + len(body.removed) == 3


# Rules of #15, each on an invented example shaped like real pages.
@pytest.mark.parametrize(
    ("middle", "reason"),
    [
        (
            "Crowds gathered outside the court this morning pic.twitter.com/Ab3dEf9 — Jane Roe "
            "(@janeroe_news) March 3, 2021",
            Reason.EMBED,
        ),
        ("A post shared by Harbour Ferries (@harbourferries) on Mar 3, 2021", Reason.EMBED),
        ("Your browser does not support the video tag.", Reason.MEDIA),
        ("Media playback is unsupported on your device", Reason.MEDIA),
        (
            "(This report was generated automatically from a syndicated feed and was not edited "
            "by our staff.)",
            Reason.SYNDICATION,
        ),
        ("This article originally appeared on Harbour Weekly.", Reason.SYNDICATION),
        ("Read the original article.", Reason.SYNDICATION),
        ("© 2021 Harbour Media Group. All rights reserved.", Reason.COPYRIGHT),
        ("Copyright 2021 Harbour Press", Reason.COPYRIGHT),
        ("Spring Sale! A digital subscription for just $1 a week. VIEW OFFER", Reason.PROMO),
        ("For more stories, visit our homepage.", Reason.PROMO),
        ("Read more: Council approves the new bridge budget", Reason.RELATED),
        (
            "Workers clear debris near the old mill on Sunday - Jane Roe via Harbour Images",
            Reason.CAPTION,
        ),
        ("Workers clear debris near the old mill on Sunday. WIRE/Jane Roe", Reason.CAPTION),
        # From a blind reading of invented stories: a credit line in Markdown emphasis, and
        # the outlet telling its reader to subscribe without naming a newsletter.
        ("*Reporting by Jo Roe; editing by Sam Lee*", Reason.CONTRIBUTORS),
        ("_Additional reporting by Harbour Wire_", Reason.CONTRIBUTORS),
        ("Subscribe to the Harbour Times from £1 a week for unlimited local news.", Reason.PROMO),
        ("Subscribe to The Ledger for full coverage of elections around the world.", Reason.PROMO),
        (
            "*The Ledger is reader-funded and free to read. Become a member from 5 crowns a "
            "month at ledger.example/join.*",
            Reason.PROMO,
        ),
        (
            "Get the Morning Brief: sign up for the Standard's free daily newsletter at "
            "standard.example/brief",
            Reason.NEWSLETTER,
        ),
        # From a fourth blind reading: video promos, a player notice, bylines with a date
        # or a second credit, a caption in square brackets, a Markdown-quoted social post,
        # correction notes.
        ("Watch: Lifeguards on high alert as crowds flock to the river (1:48)", Reason.MEDIA),
        ("**Watch:** Drone footage shows dry riverbeds across the south.", Reason.MEDIA),
        ("Video: Residents describe the night the dam broke (2:14)", Reason.MEDIA),
        ("Your browser does not support this media player.", Reason.MEDIA),
        ("March 2, 2026\nBy Jo Roe, Maritime Correspondent", Reason.CONTRIBUTORS),
        (
            "*By Jo Roe, Harbour Wire Service. Additional reporting by Courier staff.*",
            Reason.CONTRIBUTORS,
        ),
        (
            "[Photo: A man cools off in a public fountain on Monday. (Ann Brisk/HWS)]",
            Reason.CAPTION,
        ),
        (
            "> **Harbour Fire & Rescue (@HarbourFire)** · May 19, 2026\n>\n> Crews remain at "
            "the scene. Residents should keep windows closed.",
            Reason.EMBED,
        ),
        (
            "This article was amended on 12 March 2025 to correct the name of the journal, "
            "which was misstated in an earlier version.",
            Reason.SYNDICATION,
        ),
        ("An earlier version of this story gave the wrong date for the vote.", Reason.SYNDICATION),
        # From a fifth blind reading.
        ("By Tomas Reyl, with reporting from the Harbour Press Agency", Reason.CONTRIBUTORS),
        ("With reporting by the Harbour Press Agency.", Reason.CONTRIBUTORS),
        (
            "> **Harbour Students' Union** (@HarbourSU) · 21 Sep 2026\n>\n> Read the report "
            "for yourself. We will be outside the Senate at noon.",
            Reason.EMBED,
        ),
        (
            "GET THE COURIER EVERY MORNING: Subscribe from 4 crowns a week at "
            "courier.example/subscribe and never miss a story.",
            Reason.PROMO,
        ),
    ],
)
def test_page_furniture_is_removed_with_reason(middle: str, reason: Reason) -> None:
    assert _reasons(middle) == [reason.value]


@pytest.mark.parametrize(
    "middle",
    [
        # A real paragraph that merely carries "reportedly" and ends in a parenthesis.
        "The minister reportedly resigned on Friday, aides said. Pictures of the party had "
        "emerged a week earlier. (The photos were first shown by a local paper)",
        "Police said the suspect, seen in photographs of the march, was held. (He was freed.)",
        "The company's copyright claim was rejected by the court on Tuesday, its lawyer said.",
        "Shares rose after the sale, the company said, and a subscription plan is planned.",
        "The mayor said the video, shared widely on Monday, was filmed last year.",
        "Source: a spokesman said the talks would resume on Monday.",
        "Subscribe to the idea, the minister said, and the plan will work.",
        "Subscribers to the paper fell by a tenth, the company said.",
        "Watch: the minister said on Monday that the ban would be lifted within weeks.",
        "By Tuesday the river had fallen. March 3, 2026 was the driest day on record.",
    ],
)
def test_reporting_is_never_removed(middle: str) -> None:
    assert _reasons(middle) == []


def test_headlines_under_a_related_marker_are_removed_until_the_text_resumes() -> None:
    body = _split(
        f"{BEFORE}\n\nRelated\n\nCouncil approves the new bridge budget after a long debate\n\n"
        f"Ferry strike ends after talks\n\n{AFTER}"
    )
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [
        Reason.MARKER.value,
        Reason.RELATED.value,
        Reason.RELATED.value,
    ]


def test_headlines_under_more_stories_in_one_block_are_removed() -> None:
    body = _split(
        f"{BEFORE}\n\nMore stories\n- Transit adds late-night buses for commuters\n"
        f"- How to keep pets safe in hot weather\n\n{AFTER}"
    )
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [Reason.MARKER.value, Reason.RELATED.value]


def test_headlines_under_a_markdown_heading_marker_are_removed() -> None:
    body = _split(
        f"{BEFORE}\n\n### More on this story\n\n- [Registrar suspended pending inquiry]"
        f"(https://ledger.example/a)\n- [Explainer: the admissions list](https://ledger.example/b)"
        f"\n\n{AFTER}"
    )
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [Reason.MARKER.value, Reason.RELATED.value]


def test_a_caption_repeating_a_later_sentence_is_removed() -> None:
    teaser = "The bridge will be the longest in the region when it opens"
    full = f"{teaser}, the council said on Monday."
    body = _split(f"{teaser}\n\n{BEFORE}\n\n{full}")
    assert [p.text for p in body.paragraphs] == [BEFORE, full]
    assert [(r.reason, r.span.text) for r in body.removed] == [(Reason.REPEATED.value, teaser)]


def test_a_source_credit_after_the_last_sentence_is_cut_and_the_paragraph_kept() -> None:
    para = "The vote was close, and the mayor promised a recount. (Harbour Times)"
    body = _split(f"{BEFORE}\n\n{para}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [
        BEFORE,
        "The vote was close, and the mayor promised a recount.",
        AFTER,
    ]
    (credit,) = body.removed
    assert (credit.reason, credit.span.text) == (Reason.SOURCE_CREDIT.value, "(Harbour Times)")


def test_a_parenthesis_inside_a_sentence_is_not_a_source_credit() -> None:
    para = "Officials met Senator Jane Roe (Harbour Party) on Monday."
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


def test_new_list_entries_name_a_source_key_defined_in_the_header() -> None:
    from compare.text import lexicons
    from compare.text.lexicons import _data_text

    for name in ("boilerplate_notices.txt", "boilerplate_promos.txt"):
        head = " ".join(lexicons.header(name))
        for raw in _data_text(name).splitlines():
            if raw.startswith("#") or not raw.strip():
                continue
            assert "# src: " in raw, raw
            key = raw.split("# src: ", 1)[1].strip()
            assert f"source [{key}]:" in head, (name, key)


def test_headline_repeated_as_first_paragraph_is_removed() -> None:
    title = "Bridge plans go on show"

    def split(text: str) -> Body:
        return split_body(text, start=0, article_id="t", lines=LineIndex(text), title=title)

    body = split(f"Bridge Plans Go On Show\n\n{BEFORE}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [Reason.HEADLINE.value]
    twice = split(f"{title}\n\n{title.upper()}\n\n{BEFORE}")
    assert [p.text for p in twice.paragraphs] == [BEFORE]
    # only as the first paragraph
    assert len(split(f"{BEFORE}\n\n{title}").paragraphs) == 2


def test_a_markdown_list_of_links_under_read_more_is_removed() -> None:
    # From a blind reading of an invented Markdown article: the "**Read more:**" marker
    # and the links under it were reported as a passage only that outlet carries.
    links = (
        "- [Telecoms consolidation: who is next?](https://example.net/a)\n"
        "- [The buyer: a profile](https://example.net/b)"
    )
    body = _split(f"{BEFORE}\n\n**Read more:**\n\n{links}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [Reason.MARKER.value, Reason.RELATED.value]


@pytest.mark.parametrize(
    ("para", "reason"),
    [
        (
            "*Follow the Harbour Ledger on social media for live travel updates: @HarbourLedger*",
            Reason.PROMO,
        ),
        ("Follow the Lowmoor Courier on Instagram and X for the latest news.", Reason.PROMO),
        (
            "> **Night Owl (@ArdelNightOwl)** \u00b7 Oct 14\n>\n> Woke up to this. The sky over "
            "the port has gone dark. #MountTessar",
            Reason.EMBED,
        ),
        (
            "[Embedded post from @ValderanAppDevs on X: \u201cBig day for app makers.\u201d "
            "19 Nov 2025]",
            Reason.EMBED,
        ),
        (
            "This story was first published on 14 April and has been updated with revised "
            "passenger figures.",
            Reason.SYNDICATION,
        ),
    ],
)
def test_promos_embeds_and_update_notes_read_blind_are_removed(para: str, reason: Reason) -> None:
    body = _split(f"{BEFORE}\n\n{para}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    assert [r.reason for r in body.removed] == [reason.value]


def test_following_a_lead_on_social_media_is_reporting() -> None:
    para = "Police said they would follow up leads posted on social media, the chief said."
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


def test_related_headlines_may_ask_a_question() -> None:
    related = (
        "Related:\n- Calvera's wine exports hit a record high\n"
        "- Opinion: Is the island ready for the next big one?"
    )
    body = _split(f"{BEFORE}\n\n{related}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


@pytest.mark.parametrize(
    "header",
    [
        # read blind (seventh round): page headers copied from a browser, reported as passages
        "NORTHERN COURIER  |  World  |  Europe\nBy Continental Press Agency\n"
        "Additional reporting by Pavel Orlik in Dolna Brezh\nPublished: 14 October 2024",
        "Share this article: Facebook | X | WhatsApp | Email | Copy link",
        "Share this article  \u00b7  Email  \u00b7  LinkedIn  \u00b7  X  \u00b7  Print",
        "By Tomas Reyne | Additional reporting by Ana Fellow\n"
        "Share this article: Facebook \u00b7 X \u00b7 WhatsApp \u00b7 Copy link",
        "*Published 11 June 2024 \u00b7 3 min read*",
        "By Nuria Castell, City Reporter\nThursday 15 August 2024, 18:20 | Updated 20:05",
        "Orlesk Evening Post > News > National",
        # read blind (eleventh round)
        "[f] Share   [in] Share   [@] Email   [+] Save",
        "Tom Aldane\nBusiness reporter, Kolvar\n21 October 2025 - 17:22 CEST",
        "You are here: Home > News > Health",
    ],
)
def test_page_header_lines_are_removed(header: str) -> None:
    body = _split(f"{BEFORE}\n\n{header}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


@pytest.mark.parametrize(
    "para",
    [
        "By Tuesday | the water had receded from most streets, officials said.",
        "Share your story with us at the council meeting on Monday.",
        "Rain | fell all night",
        "Subscribers were told on Monday the paper would close.",
        "Weather: the storm is expected to reach the coast by Friday, forecasters said.",
        "The editor - who joined in 2019 - said the reporter had resigned.",
    ],
)
def test_text_with_header_separators_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read blind (seventh round): promos and link lists reported as passages
        "Get the Vantria Today morning newsletter \u2014 sign up free.",
        "Sign up for Ledger Morning, our free daily briefing on markets and policy.",
        "**Related:** [Kolmar prison riot: what we know so far](https://news.example/kolmar)",
        "**More from The Lusevian Herald**\n\n- [Parliament passes budget](https://x.example/a)\n"
        "- [Orlesk airport expansion gets green light](https://x.example/b)",
        "MOST POPULAR\n1. Orlesk tram drivers vote to strike over pay\n"
        "2. Lusevia beat Norrland 2-1 in World Cup qualifier",
        "> **Calvoria Emergency Service** @CalvoriaEMS \u00b7 Oct 14, 2024\n"
        "> Rescue teams are working street by street.\n> 312 reposts \u00b7 480 likes",
    ],
)
def test_promos_link_lists_and_posts_read_blind_are_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "More from the minister came on Tuesday, when she resigned.",
        "Get the facts right first, the inspector told the council.",
        "Officials said the email @cityhall address had received 300 likes and complaints.",
    ],
)
def test_text_near_those_promos_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read blind (eighth round): page furniture reported as passages one outlet adds
        "THE CARVANIAN MORNING RECORD\nHome > News > National > Teller Basin\n"
        "By Record Staff, with Vireo Wire\n"
        "Published 15 October 2025, 18:52 | Updated 15 October 2025, 21:10\n"
        "Share on Facebook | Share on X | Email | Print",
        "Read more: Carvania's coal phase-out plan faces fresh delay\n"
        "Share this article: Facebook | X | WhatsApp | Email\n"
        "Topics: Mining, Teller Basin, Disasters",
        "Tags: Floods | Weather | Orlesk",
        "> \U0001f4ec **Health Matters newsletter** \u2014 Our weekly round-up of health policy "
        "news from Lindavia Today. [Sign up free](https://example.invalid/health-matters)",
        "Lindavian Diabetes Association (@LindaviaDiabetes) posted on X:\n"
        '"We have asked to meet Corveth this week. Please do not ration your insulin. #Glucavel"',
        "(Updates with four more miners rescued, second death confirmed, arrival of inspectors)",
        "THE LORNHAVEN COURIER\nNews > World > Valdoria\n"
        "By Meridian Wire staff, with additional reporting by Courier staff\n"
        "Sunday 13 July 2025, 10:42 | Updated 11:15",
        "Share on Facebook | Share on X | Email this article | Print",
        "Crews remain at Marrow Fields. Please avoid the area. #Korvessa #Sunspire\n"
        "\u2014 Korvessa Fire & Rescue (@KorvessaFireRescue) July 12, 2025",
        "This article was produced by Meridian Wire Service and is published under licence.",
        "Have your say: Should councils close libraries to balance the books? Comment below.",
        # ninth round
        "[Share on Facebook] [Share on X] [Email] [Print]",
        "Home > News > Health > Measles outbreak",
        # tenth round
        "Mira Solberg is our environment correspondent. She has covered marine pollution "
        "and the fishing industry on the Corran Coast since 2016.",
        "We use cookies to improve your experience on our site and to show you relevant "
        "advertising. By continuing to browse, you agree to our use of cookies. Manage preferences",
        "> **Read more:** [Corran Coast beach closures: the full list]"
        "(https://estaviatoday.example/news/corran-coast-beach-closures)",
        "Advertisement \u00b7 Scroll to continue",
        "Trending now\n1. Harbour authority confirms new cruise berth will open in spring\n"
        "2. Northgate United sack manager after fifth straight defeat",
        "About the author\nPetra Solvang is the Tamsveld Press Agency's Carrowmere "
        "correspondent. She has covered energy and transport for the agency since 2016.",
        "Comments (34)",
    ],
)
def test_furniture_blocks_read_blind_in_the_eighth_round_are_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "Topics: the council discussed the budget and the roads, the mayor said.",
        "Read more: the report runs to 90 pages\nThe mine shut in 2019 after the fire.",
        'The association (@LD) posted on X: "we want a meeting", its chair said.',
        "By Record Staff, with Vireo Wire reporting, the mine was shut on Tuesday.",
        "Share on the market rose 4% on Monday.",
        "Websites that use cookies must ask first, the regulator said.",
        "Ann Lee is our best hope, the coach said of the striker.",
        "By staff reports, the mine was shut on Tuesday.",
        "Residents had their say at a meeting on Monday, the mayor said.",
    ],
)
def test_text_near_the_eighth_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read blind (eleventh round): reported as passages one outlet adds
        "Tomas Helgren covers Velsby and the high country for the Echo. Got a story? "
        "Email tomas.helgren@echo.example",
        "Tom Aldane is a business reporter at the Northgate Post, covering banking and "
        "monetary policy. Follow him @tomaldane_np",
        "MORE FROM THE ECHO\n- Velsby guesthouses fully booked as searchers arrive\n"
        "- Winter road closures: Torvane pass shut until further notice",
        "MOST READ THIS WEEK\n1. Ski lift at Harrow Fell to open early\n"
        "2. Planning row over Esker Bridge car park\n3. Obituary: Margit Sandvoll, 1931-2025",
        "*Have a story? Contact the newsdesk at newsdesk@post.example*",
        "About us | Contact | Advertise | Privacy | Terms",
        "Share this article:  [f]  [in]  [@]",
    ],
)
def test_furniture_read_blind_in_the_eleventh_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "Evan Marsh is a reporter for the Ledger who was detained in March, officials said.",
        "Anna Berg covers the courts for the Herald and was named in the lawsuit.",
        "Most read the report before the vote.\nSome did not.\nThe rest abstained.",
    ],
)
def test_text_like_the_eleventh_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read blind (twelfth round): reported as passages one outlet adds or omits
        "Aldwater Wire is an international news agency with correspondents in more than 90 "
        "countries. Its reports appear in the Post under a syndication agreement.",
        "Aldwater Wire is an international news agency. This article was supplied by the agency "
        "and edited for the Harbour Post.",
        "[Home](/) \u203a [World](/world) \u203a [Europe](/world/europe)",
        "**Share:** [Facebook](#) \u00b7 [X](#) \u00b7 [WhatsApp](#) \u00b7 [Email](#)",
        "Share this article\nFacebook  X  WhatsApp  Email",
        "Sponsored content\nYou may also like\n"
        "Retirees are switching to this little-known savings account (Sponsored)\n"
        "The SUV everyone in Castmere is talking about (Sponsored)",
        "*The Post Foreign Desk reports on international affairs from Castmere and from "
        "correspondents abroad. Additional reporting by Aldwater Wire.*",
        "Freed detainees walk across the apron at the airbase on Thursday. Aldwater Wire / "
        "Pool photo",
        "Most viewed\nChancellor signals U-turn on fuel duty\nStorm clean-up leaves thousands "
        "without power\nBookshop that outlived three recessions to close",
        "Gift this article",
        "Listen to this article  4 min",
        "Reuse this content",
    ],
)
def test_furniture_read_blind_in_the_twelfth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "The agency said the footage was supplied by a freelance photographer in the city.",
        "*The minister said the talks would resume. Reporting by state media was limited.*",
        "Police arrested the driver on Thursday. Officers / Witnesses disagreed",
        "Shares in the sponsored team rose on Monday, the club said.",
        "Most viewed the plan as a betrayal, the survey found.",
    ],
)
def test_text_like_the_twelfth_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (thirteenth round): furniture of four copied pages
        "Listen (4 min)",
        "More in World\nChile's president names new finance minister\nPeru floods: thousands "
        "evacuated as rivers burst banks",
        "Topics\nKazakhstan\nRail transport\nAsia Pacific\nAccidents",
        "**By Aldwater Press** | March 12, 2025, 9:05 a.m. | Updated 1 hour ago",
        "**Share this story:** Facebook \u00b7 X \u00b7 Reddit \u00b7 WhatsApp \u00b7 Copy link",
        "*This article contains material from Aldwater Wire Service.*",
        "Hanna Korhonen is NorthWire's Balkans correspondent. She has reported from Sofia, "
        "Belgrade and Bucharest since 2019.",
        "Ads help fund our journalism. You can turn off personalised adverts in Privacy settings.",
    ],
)
def test_furniture_read_in_the_thirteenth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "More in Europe are expected to follow, the minister said.",
        "Topics for the summit include trade and energy, officials said.",
        "Hanna Korhonen is Bulgaria's new justice minister, the president said on Monday.",
    ],
)
def test_text_like_the_thirteenth_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (fifteenth round): furniture of four copied pages
        "> **Advertisement** \u2014 Content continues below",
        "**Arjun Rao** is Harbour Press's correspondent in Patna, covering eastern India. "
        "[More from this author](https://news.example/profile/arjun-rao)",
        "**About the author:** Tom Aldane is the Salt Lane Chronicle's chief football writer. "
        "Follow him on X @TomAldane.",
        "Careers",
        "A version of this article appears in print on March 12, 2025, Section A, Page 9 of "
        "the national edition with the headline: Police Raid Ends Bank Siege.",
    ],
)
def test_furniture_read_in_the_fifteenth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "Advertisement \u2014 the board approved the new campaign on Monday, officials said.",
        "Careers advisers said the number of pupils seeking apprenticeships had doubled.",
        "A version of the bill was passed by the upper house last year, the minister said.",
    ],
)
def test_text_like_the_fifteenth_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


LEAD = "SOFIA, Bulgaria \u2014 Lawmakers voted on Thursday to bar pupils from using phones."


def test_byline_lines_glued_above_the_first_paragraph_are_removed() -> None:
    # read before judging (fifteenth round): a page copied with no blank line between
    # standfirst, byline, date, share bar, caption and the lead
    header = (
        "Teachers cheer, parents worry as the capital takes phones out of the school day\n"
        "By Dana Reyes\nPublished October 9, 2025 at 11:20 a.m. EDT\n"
        "Gift this article    Share    Save\n"
        "Students outside a school in Sofia. (Halcyon Tribune photo by Marta Ilieva)\n"
    )
    body = _split(f"{header}{LEAD}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [header.splitlines()[0], LEAD, AFTER]
    assert [r.span.line for r in body.removed] == [2, 3, 4, 5]


def test_a_caption_glued_above_the_dateline_is_removed() -> None:
    text = (
        "Listen to this article \u00b7 5 min\n"
        "A woman receives treatment at the district hospital. (Harbour Press)\n"
        f"{LEAD}\n\n{AFTER}"
    )
    assert [p.text for p in _split(text).paragraphs] == [LEAD, AFTER]


def test_a_hard_wrapped_first_paragraph_keeps_its_lines() -> None:
    text = (
        "The council met on Monday\nto discuss the new bridge over the river,\n"
        "officials said.\n\n" + AFTER
    )
    first, second = (p.text for p in _split(text).paragraphs)
    assert first.startswith("The council met") and first.endswith("officials said.")
    assert second == AFTER


def test_the_bylines_writer_described_under_the_story_is_removed() -> None:
    bio = "Marcus Bell is a senior soccer writer for Fulcrum Sport, covering the game."
    body = _split(f"Marcus Bell\nSenior Soccer Writer\n\n{BEFORE}\n\n{AFTER}\n\n{bio}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]
    # a person the story is about, described the same way, stays
    other = "Lena Marsh is a senior writer for the Post, where she has worked since 2010."
    body = _split(f"By Marcus Bell\n\n{BEFORE}\n\n{AFTER}\n\n{other}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER, other]


def test_related_links_in_a_markdown_quote_are_removed() -> None:
    related = (
        "> **Read more**\n"
        "> - [Authorities close the access road after heavy snow](/world/road)\n"
        "> - [Explainer: how do avalanche danger levels work?](/explainers/levels)"
    )
    assert [p.text for p in _split(f"{BEFORE}\n\n{related}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (sixteenth round): furniture of four copied pages
        "1,284 comments",
        "About us\nContact us\nComplaints and corrections\nTerms and conditions\nCookie settings",
        "Most viewed\n1. Storm warnings issued for the south coast as the storm nears\n"
        "2. Harbour bridge closure: what commuters need to know\n"
        "3. 'I bought a lighthouse for \u00a395,000 and this is what happened'",
        "**About this story:** Reporting by Harbour Press Agency. Edited by the world desk.",
        "**About the author:** Harbour Wire is a news agency with bureaus in 60 countries.",
        "**Marta Vidal** covers cities, housing and transport across Europe for the Continental "
        "Observer. She previously reported from Lisbon and Madrid.",
        "**You might also like**\n- [Why cities are rethinking the car](https://news.example/a)\n"
        "- [Inside the fight over low-emission zones](https://news.example/b)",
        "[Home](/) \u00b7 [Local](/local) \u00b7 [Nation](/nation) \u00b7 [World](/world)",
        "Harbour Wire\nHarbour Wire (HW) is a news agency. The Courier publishes HW copy under "
        "licence.",
        "*By Harbour Wire \u00b7 Updated 4:18 p.m. EDT, June 10, 2025*",
        "*Advertisement \u2013 scroll to continue reading*",
        "Your Privacy Choices\nAccessibility Statement\n\u00a9 1996-2025 Ledger Media Inc.",
    ],
)
def test_furniture_read_in_the_sixteenth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "12 people were taken to hospital, the police said.",
        "Read [the report](/r) and [the reply](/q) before [the vote](/s) on Monday.",
        "The dam burst at 4:18 p.m. EDT, June 10, 2025, flooding the valley below.",
        "Marta Vidal covers the courts for the Herald and was named in the lawsuit.",
    ],
)
def test_text_like_the_sixteenth_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}").paragraphs] == [BEFORE, para]


def test_the_headline_repeated_under_an_update_note_is_removed() -> None:
    # read before judging (sixteenth round): "headline / This story has been updated ... /
    # headline" above the text of a saved page
    title = "Ferry death toll rises to 19 as captain is arrested"
    note = "This story has been updated with a higher death toll."
    body = split_body(
        f"{title}\n\n{note}\n\n{title}\n\n{BEFORE}",
        start=0,
        article_id="t",
        lines=LineIndex(f"{title}\n\n{note}\n\n{title}\n\n{BEFORE}"),
        title=title,
    )
    assert [p.text for p in body.paragraphs] == [BEFORE]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (seventeenth round): furniture of four copied pages
        "Comments (214)\nSign in to join the conversation.",
        "Comments (214)\nSign in or create your Harbour Herald account to join the discussion.",
        "**Related reading**\n\n- [Auction of masks halted after challenge](https://x.example/a)\n"
        "- [Opinion: restitution is not the end](https://x.example/b)",
        "Explore more on these topics\nNigeria\nAfrica\nLagos\nHousing\nDisasters\nShare",
        "after newsletter promotion",
        # read before judging (eighteenth round)
        "**Read next**\n\n- [Wildfires close highway north of Athens](/world/a)\n"
        "- [The new science of extreme heat](/climate/b)",
        "*Continental Press Agency (CPA) is an independent international news agency. Its "
        "reports are distributed to subscribers in more than 40 countries.*",
    ],
)
def test_furniture_read_in_the_seventeenth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        # a sentence in the outlet's voice between furniture that is not a sign-up box
        "Our reporters visited the site on Monday, the editor said.",
        "Readers can sign in to vote in the council's online poll until Friday.",
        "Reuters is the world's largest news agency, its chief executive said on Monday.",
    ],
)
def test_text_like_the_seventeenth_rounds_furniture_stays(para: str) -> None:
    body = _split(f"{BEFORE}\n\nAdvertisement\n\n{para}\n\nAdvertisement\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, para, AFTER]


def test_a_bold_bio_of_the_bylines_writer_is_removed() -> None:
    # read before judging (seventeenth round): a capitalised role, the name in bold
    byline = "*Hannah Ridley, Europe Correspondent \u00b7 Friday 6 June 2025, 18:30*"
    bio = (
        "**Hannah Ridley** is the Clarion's Europe Correspondent, based in Berlin. She has "
        "covered German politics and business since 2019."
    )
    body = _split(f"{byline}\n\n{BEFORE}\n\n{AFTER}\n\n---\n\n{bio}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


def test_an_agency_byline_with_additional_reporting_above_the_text_is_removed() -> None:
    byline = (
        "*Harbour Press, with additional reporting by Sophie Whitcombe \u00b7 Tuesday 22 July "
        "2025 21:05 BST*"
    )
    body = _split(f"{byline}\n\n{BEFORE}\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


def test_a_sign_up_box_copied_line_by_line_is_removed_whole() -> None:
    # read before judging (seventeenth round): a page copied with no blank line, its
    # sign-up box's description and privacy notice kept as paragraphs
    box = (
        "Sign up to Africa Briefing\nFree weekly newsletter\nThe week's biggest stories from "
        "across the continent, with analysis from our correspondents, every Friday morning.\n"
        "Enter your email address\nSign up\nPrivacy Notice: Newsletters may contain info about "
        "charities and online ads. For more information see our Privacy Policy.\n"
        "after newsletter promotion"
    )
    body = _split(f"{BEFORE}\n{box}\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (nineteenth round): furniture of copied pages
        "**Topics:** Jordan \u00b7 Middle East \u00b7 Flooding \u00b7 Travel safety",
        "Sable Wire. Additional reporting by Kestrel Gazette staff.",
        "Comments are closed on this article.",
        "Join the conversation",
        "Follow us\nFacebook  Instagram  X  YouTube",
        "**Gazette foreign desk, with Straits Wire Service** \u00b7 Tuesday 11 March 2025 "
        "\u00b7 3 min read",
        "Image credit: Rudi Hartanto/SWS",
    ],
)
def test_furniture_read_in_the_nineteenth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        "Public comments are closed until March, the council said.",
        "Follow the money, the prosecutor told the jury on Monday.",
        "Topics: the council discussed the budget and the roads on Monday.",
        "Police Chief Ann Roe. Additional reporting is needed, she said.",
    ],
)
def test_text_like_the_nineteenth_rounds_furniture_stays(para: str) -> None:
    body = _split(f"{BEFORE}\n\nAdvertisement\n\n{para}\n\nAdvertisement\n\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, para, AFTER]


def test_a_heading_left_over_above_a_sign_up_box_at_the_end_is_removed() -> None:
    # read before judging (nineteenth round): "Enter your email" stayed once the lines of
    # its sign-up box around it were removed; a closing line with nothing after it stays
    tail = (
        "Sign up to Chronicle Morning\nEnter your email\nSign up\n"
        "Comments are closed on this article."
    )
    assert [p.text for p in _split(f"{BEFORE}\n{AFTER}\n{tail}").paragraphs] == [BEFORE, AFTER]
    assert [p.text for p in _split(f"{BEFORE}\n\n{AFTER}\n\nClosing words").paragraphs] == [
        BEFORE,
        AFTER,
        "Closing words",
    ]


@pytest.mark.parametrize("headline", ["", "Jet skids off runway in downpour\n"])
def test_a_caption_over_its_own_credit_line_above_the_dateline_is_removed(headline: str) -> None:
    # read before judging (nineteenth round): the caption stayed as the story's first
    # paragraph once its "Image credit:" line under it was removed
    caption = (
        "Passengers gather under umbrellas on the airport apron after leaving the jet on "
        "Tuesday evening.\nImage credit: Rudi Hartanto/SWS"
    )
    lede = "SURABAYA, Indonesia (SWS) - A passenger jet skidded off the runway on Tuesday."
    body = _split(f"{headline}{caption}\n{lede}\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [
        *([headline.strip()] if headline else []),
        lede,
        AFTER,
    ]


def test_a_sign_up_box_under_a_sign_up_call_is_removed_whole() -> None:
    # read blind (nineteenth round): "Start your day with the stories that matter, straight
    # to your inbox." stayed, its box's first line removed as a header's button
    box = (
        "Sign up to Chronicle Morning\nStart your day with the stories that matter, straight "
        "to your inbox.\nEnter your email\nSign up"
    )
    body = _split(f"{BEFORE}\n{box}\n{AFTER}")
    assert [p.text for p in body.paragraphs] == [BEFORE, AFTER]


@pytest.mark.parametrize(
    "furniture",
    [
        # read blind (twentieth round): an ad-blocker notice reported as an added passage
        "Advertisements help fund our journalism. Turn off your ad blocker or subscribe to "
        "support us.",
        "Please disable your ad-blocker to keep reading.",
    ],
)
def test_an_ad_blocker_notice_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (twenty-first round): an italic biography with no article
        # before its capitalised role, reported as a passage
        "*Ciara Mulvihill is Consumer Affairs Correspondent at The Civic Ledger. She has "
        "covered retail, energy and household finance since 2016.*",
    ],
)
def test_an_italic_biography_without_an_article_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


def test_a_caption_ending_in_a_file_photo_credit_is_removed() -> None:
    # read before judging (twenty-first round): "File photo: Tribune Archive" was quoted as
    # a passage one outlet adds
    caption = "The chain was fined by the competition regulator on Thursday. File photo: Archive"
    assert [p.text for p in _split(f"{BEFORE}\n\n{caption}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (twenty-second round): tags under a heading of their own, with
        # the writer's biography glued under them
        "TOPICS\nEducation   Strikes   Labour market   Athens\nAnna Kostaki is the "
        "Observer's education correspondent. She previously covered local government.\n"
        "Follow @annakostaki",
        # a footer's links, its copyright line and its cookie notice, in one block
        "About   Newsroom ethics   Careers   Contact   Terms of Use   Privacy   Do Not Sell My "
        "Personal Information\nCopyright \u00a9 2024 Atlas Report Inc.\n"
        "This site uses cookies. See our Privacy Policy for details.   Got it",
    ],
)
def test_furniture_read_in_the_twenty_second_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        # a line of capitalised names under a paragraph of text is no tag list
        "Education, Health and Transport were the ministries named.\nThe council met.",
        "The app uses cookies to follow its users, the regulator said.",
    ],
)
def test_text_like_the_twenty_second_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        para,
        AFTER,
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (twenty-third round): furniture kept as text
        "Related Topics\nGreece, Airlines, Tourism, Jobs",
        "Join the conversation. Comments are subject to our community guidelines.\n"
        "Show 132 comments",
        "About this article\nThis report was compiled by the Ledger world desk, using agency "
        "copy and the paper's own reporting.",
        "Share   Comment (212)",
        "Sign up for Dispatches\nOur correspondents' guide to the day's biggest world "
        "stories, every weekday afternoon.\nSign up",
        "Company\nAbout The Post   Newsroom Policies & Standards   Careers\nGet The Post\n"
        "Become a Subscriber   Gift Subscriptions   Mobile & Apps\nContact Us\n"
        "Terms of Use   Privacy Policy   Cookie Settings",
        "**Related:** [Teacher shortages hit Czech border regions](/society/a) \u00b7 "
        "[Poland debates screen-time rules for under-16s](/society/b) \u00b7 "
        "[Czech Senate elections: what to watch](/politics/c)",
    ],
)
def test_furniture_read_in_the_twenty_third_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]


@pytest.mark.parametrize(
    "para",
    [
        # short lines with a sentence among them are no footer
        "Key facts\nGet The Post\nThe dam gave way at dawn on Monday.\nOur Team",
        # a related story named in running text is text
        "Related: the council said the bridge would reopen in May.",
    ],
)
def test_text_like_the_twenty_third_rounds_furniture_stays(para: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{para}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        para,
        AFTER,
    ]


@pytest.mark.parametrize(
    "furniture",
    [
        # read before judging (twenty-fourth round): an italic biography naming no outlet in
        # a possessive, with a contact address; "More from the Star" over its links
        "*Laura Kettering is the Local Democracy Reporter for Brackenford, covering the city "
        "council. Contact her at laura.kettering@star.example*",
        "**More from the Star**",
        "Tags: BDZ, railways, Kardzhali, rural Bulgaria, trade unions, Ministry of Transport",
        "Have a news tip? Contact the World desk.",
        "Join the conversation. Comments are moderated and may take up to an hour to appear.",
        "*Examiner Foreign Staff report from our desk in Kingsbridge. Orbis Wire copy is used "
        "under licence.*",
    ],
)
def test_furniture_read_in_the_twenty_fourth_round_is_removed(furniture: str) -> None:
    assert [p.text for p in _split(f"{BEFORE}\n\n{furniture}\n\n{AFTER}").paragraphs] == [
        BEFORE,
        AFTER,
    ]
