"""Body paragraphs, with page furniture cut out and kept with a reason.

Why general rules only: the tool meets outlets and topics it has never seen,
so nothing here names an outlet, a person or a story; marker phrases live in
``data/boilerplate_*.txt``.  Every cut is a ``Removed`` span at exact offsets
so the report can list what was left out and a reader can check it.

Paragraphs are split on blank lines; a body with no blank line at all (one
paragraph per line) is split on single line breaks.  Stray NUL characters
are cut out of paragraphs (the text itself keeps them, so offsets hold).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from compare.ingest.provenance import NAMED_DATE, WEEKDAY
from compare.model import Removed, Span
from compare.text import lexicons
from compare.text.datelines import dateline
from compare.text.offsets import LineIndex


class Reason(StrEnum):
    """Why a stretch of text is not article text; values appear in reports."""

    MARKER = "advertisement or page marker"
    SEPARATOR = "separator rule"
    IMAGE = "image"
    NEWSLETTER = "newsletter or sign-up block"
    CONTACT = "contact line"
    CAPTION = "photo caption or credit"
    CONTRIBUTORS = "contributor line"
    CREDIT = "credit line"
    SUBHEADING = "subheading"
    DATE_HEADER = "date header"
    NUL = "NUL characters"
    EMBED = "embedded social-media post"
    MEDIA = "media-player notice"
    SYNDICATION = "syndication or editing notice"
    COPYRIGHT = "copyright line"
    PROMO = "promotion of the outlet"
    RELATED = "related-article headline"
    REPEATED = "caption or teaser repeating the text"
    HEADLINE = "headline repeated in the body"
    SOURCE_CREDIT = "source credit"


@dataclass(frozen=True)
class Body:
    """Kept paragraphs, removed spans, wire services credited, contact e-mails."""

    paragraphs: tuple[Span, ...]
    removed: tuple[Removed, ...]
    credits: tuple[str, ...]
    contact_emails: tuple[tuple[str, int], ...]  # (address, line)


_BREAK = re.compile(r"\r\n|\r|\n")
_SEPARATOR = re.compile(r"([-_*=~#•·—–])(?:[ \t]*\1){2,}")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+\S.*")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]{0,300})\]\([^)\s]{0,2000}\)")
_MD_LINK_ITEM = re.compile(r"[-*\u2022]?[ \t]*\[[^\]]{1,300}\]\([^)\s]{1,2000}\)")
# Bounded repeats keep the search linear on pathological 200,000-character tokens.
_EMAIL = re.compile(r"[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
_URL = re.compile(r"https?://|www\.|@\w")
_PAREN_END = re.compile(r"\(([^()]{1,160})\)\s*((?:Credits?|Photo|Image)\s*:[^()]*)?$")
_CREDITISH = re.compile(
    r"[A-Z][\w.]*\s?/\s?[A-Z]|\bvia [A-Z]"
    r"|\b(?:Photos?|Photographs?|Pictures?|Images?|File|Handout|Pool)\b"
)
_CREDITISH_WEAK = re.compile(r"\b(?:photos?|photographs?|pictures?|images?)\b")
_CREDIT_WORD = re.compile(r"\bCredits?:\s*\S")
# A web page's photo credit glued to its caption: "... at the Capitol.CreditJoshua
# Roberts/Reuters", "Credit...Name for The Times" (the label and the name were separate
# elements; the text run together).  "Credit" before a capital without a space, or before
# an ellipsis, is no English word; the credit must end the paragraph.
_CREDIT_GLUED = re.compile(
    r"Credit(?:\.\.\.|\u2026)?[A-Z][\w.'\u2019-]*(?:\s[\w.'\u2019/-]+){0,6}$"
)
# "Photo: ...", "Image credit: ...", "Picture by ...": a photo's credit line.
_PHOTO_LINE = re.compile(
    r"(?:[Pp]hoto(?:graph)?s?|[Pp]icture|[Ii]mage|[Ii]llustration)(?: [Cc]redits?)?"
    r"\s*(?::|by [A-Z])"
)
_CAPTION_LABEL = re.compile(r"(?:Photo(?:graph)?s?|Picture|Image|Caption|Pictured)\s*:\s")
CAPTION_MAX_WORDS = 60
# "... on Thursday. File photo: Tribune Archive" (read before judging, twenty-first round).
_PHOTO_TAIL = re.compile(
    r"\b(?:(?:File|Handout|Stock) photo|Photo(?:graph)?|Picture|Image|Illustration)s?: [^.]{1,80}$"
)
_CONTRIB_END = re.compile(
    r"\bcontributed(?: reporting| to this (?:report|story|article))?(?: from [\w ,]+)?\.?$", re.I
)
_CONTRIB_WHO = re.compile(
    r"\b(?:writers?|reporters?|correspondents?|journalists?|stringers?)\b"
    r"|to this (?:report|story|article)|contributed reporting",
    re.I,
)
_CONTRIB_START = re.compile(
    r"\(?(?:with )?(?:additional )?(?:reporting|writing|editing|research)(?: and \w+)?"
    r" (?:by|from)\b",
    re.I,
)
_YOU = re.compile(r"\byou(?:r)?\b", re.I)
# The outlet telling its reader to subscribe ("Subscribe to the Courier from €1 a week",
# "Subscribe now"): the imperative opening a paragraph, which reporting never uses.
_SUBSCRIBE = re.compile(r"\W*subscribe\s+(?:to|now|today|for|and|from)\b", re.I)
# A sign-off under a story: a dash and a name of capitalised words only ("— Pan-Atlantic
# Newswire", "— Staff and agencies"); a sentence has a verb in lower case.
# The last word of a news agency's name, alone on a line as the story's credit.
_AGENCY_HEADS = frozenset({"Agency", "Press", "Newswire", "Wire", "Service", "Services"})
_SIGN_OFF = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|and|of|the|&)){0,5}")
# A short paragraph that opens by telling the reader to sign up ("Sign up for our Markets
# newsletter ..."): the outlet addressing its reader in the imperative, which reporting
# never does, so it needs no "you".
_NEWSLETTER_NOUNS = r"(?:newsletters?|briefings?|bulletins?|digests?)\b"
_NEWSLETTER_SOON = re.compile(r"(?:\W+[\w'’]+){0,6}?\W+" + _NEWSLETTER_NOUNS, re.I)
# A link whose text is the call to sign up: "[Sign up free](https://...)".
_SIGNUP_LINK = re.compile(r"\[[*_\s]*(?:sign[ -]?up|subscribe|register)\b[^\]]{0,60}\]\(", re.I)
_NEWSLETTER_WORD = re.compile(r"\b" + _NEWSLETTER_NOUNS, re.I)
_SIGNUP_START = re.compile(
    r"\W*(?:sign[ -]?up|subscribe|register|(?:get|join|receive|try) (?:our|the))\b", re.I
)
# What a reporter writes and a caption does not: a reporting verb.
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|reported|reportedly|according to|announced|added|stated"
    r"|confirmed|claimed|alleged|allegedly|warned|insisted)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
# Social posts pasted into the page: a tweet's "— Name (@handle) Month 1, 2020",
# picture links, Instagram's "A post shared by".
# The date may lack its year ("(@handle) · Oct 14"); a placeholder left where the post
# stood ("[Embedded post from @handle on X: ...]") is one too.
_EMBED = re.compile(
    r"pic\.twitter\.com/"
    r"|(?:\(@\w{1,30}\)|(?<![\w@])@\w{1,30})[\s*_\u00b7|\u2014\u2013-]+"
    r"(?:[A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?\b|\d{1,2} [A-Z][a-z]+(?: \d{4})?\b)"
    r"|\bA post shared by\b|\bView this post on Instagram\b|\bView this (?:tweet|post) on\b"
    r"|^[*_\s]*\[(?i:embedded (?:post|tweet|video|content|media))\b"
    # "Diabetes Association (@LindaviaDiabetes) posted on X:" over the post, on its own line
    r"|\(@\w{1,30}\)\s+(?:posted|wrote|tweeted|shared)(?: this)? on (?:X|Twitter|Facebook"
    r"|Instagram|Threads|Bluesky|TikTok|LinkedIn)\s*:[ \t]*\r?\n",
)
# A video or audio promo set in the text: "Watch: Crowds flock to the river (1:48)",
# "**Video:** Drone footage shows ...".  Reporting never opens with such a label.
# "Follow the Ledger on social media for live updates: @Ledger": the outlet's own accounts.
# "Follow us on X", "Follow @courier", or "Follow us" alone over a row of social buttons.
_FOLLOW = re.compile(
    r"[*_\s]*follow(?![-\w])(?:\s+us\s*:?[*_\s]*$|[^.!?]{0,120}?(?:@\w|\bon (?:social media|"
    r"twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|youtube|whatsapp|telegram)\b))",
    re.I,
)
FOLLOW_MAX_WORDS = 30
# A post's counts on a line of their own: "312 reposts · 480 likes".
_ENGAGEMENT = re.compile(
    r"^[>*_\s]*\d[\d,.]*[KkMm]? (?:reposts|retweets|likes|replies|shares)"
    r"(?:\s*[\u00b7|,]\s*\d[\d,.]*[KkMm]? (?:reposts|retweets|likes|replies|shares|views))*"
    r"[*_\s]*$",
    re.M,
)
_MEDIA_LABEL = re.compile(r"[*_\s]*(?:watch|video|listen|audio)(?: live| now)?\s*:", re.I)
MEDIA_LABEL_MAX_WORDS = 25
# "© 2024 ...", "Copyright 2024 ...", "Copyright © 2024 Atlas Report Inc." (the sign after the
# word: read before judging, twenty-second round)
_COPYRIGHT_START = re.compile(r"(?:©|\(c\)|copyright\b)(?:\s*(?:©|\(c\)))?\s*(?:\d{4}|[A-Z])", re.I)
# "... in the near future - AGENCY via AGENCY": a caption with a dash credit.
_DASH_CREDIT = re.compile(
    r"\s[-–—]\s+((?:[A-Z][\w.&'’-]*|via|/)(?:\s*(?:[A-Z][\w.&'’-]*|via|/)){0,6})$"
)
_SLASH_CREDIT = re.compile(r"\b[A-Z][A-Z.]{1,}\s?/\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3}$")
# "... at the airbase on Thursday. Globus Wire / Pool photo": a credit with a slash after the
# caption's last sentence, its first word capitalised.
_CREDIT_WORD_AFTER = r"(?:[A-Z][\w.'’-]*|photos?|pictures?|images?|file)"
_SENTENCE_SLASH_CREDIT = re.compile(
    rf"(?<=[.!?])\s+[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){{0,3}}\s?/\s?"
    rf"{_CREDIT_WORD_AFTER}(?:\s{_CREDIT_WORD_AFTER}){{0,2}}$"
)
# "... the Korean Peninsula. (Outlet Name)": a source credit after the last sentence.
_TAIL_CREDIT = re.compile(
    r"(?<=[.!?\"'”’])\s+\(((?:[A-Z][\w.&'’-]*)(?:\s+(?:[A-Z][\w.&'’-]*|of|the|and|&)){0,4})\)$"
)
_SPLIT_CREDITS = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_FINAL_PUNCT = ".!?;:,…\"'”’»)]"
_RELATED_MARKERS = (
    "related",
    "recommended",
    "you may also like",
    "you might also like",
    "more like this",
    "more on this",
    "more on these topics",
    "explore more",
    "read next",
    "more from",
    "more in ",
    "topics",
    "tags",
    "read more",
    "read also",
    "also read",
    "see also",
    "more stories",
    "more news",
    "top stories",
    "most read",
    "most viewed",
    "most shared",
    "most popular",
    "popular now",
    "trending",
    "latest stories",
)
_RELATED_INLINE = re.compile(
    r"[*_]*(?:related|read more|also read|read also|see also|more on this)[*_]*\s*:[*_]*\s*\S",
    re.I,
)
RELATED_MAX_WORDS = 20  # a headline is rarely longer
HEADLINE_REPEAT_REACH = 4  # blocks from the top in which the headline may be printed again
REPEAT_MIN_WORDS = 6  # shorter repeats are likely a phrase, not a caption


def split_body(
    text: str, *, start: int, article_id: str, lines: LineIndex, title: str | None = None
) -> Body:
    """Paragraph spans of ``text[start:]`` and the boilerplate cut from them.

    ``title``, the article's headline when it was read apart from the body
    (first line, front matter, a page's title), is removed where the body
    repeats it as its first paragraph: scraped pages often print the
    headline again above the text, and kept it is compared as a body
    sentence, paired with whatever body sentence resembles it.
    """
    removed: list[tuple[int, int, Reason]] = []
    blocks = _blocks(text, start, removed)
    # The headline printed again above the text, once or more, perhaps around an update
    # note ("headline / This story has been updated ... / headline": read blind, fifteenth
    # round): among the first ``HEADLINE_REPEAT_REACH`` blocks.
    # Only above the text: every block before a repeat is a repeat or furniture.
    if title:
        repeats = []
        for block in blocks[:HEADLINE_REPEAT_REACH]:
            if _same_line(text[slice(*block)], title):
                repeats.append(block)
            elif _classify(text[slice(*block)])[0] is None:
                break
        removed.extend((*b, Reason.HEADLINE) for b in repeats)
        blocks = [b for b in blocks if b not in repeats]
    kept: list[tuple[int, int]] = []
    credits: list[str] = []
    emails: list[tuple[str, int]] = []
    for s, e in blocks:
        para = text[s:e]
        reason, found = _classify(para)
        if reason is None:
            reason = _furniture_lines(para)
        if reason is None:
            kept.extend(_without_header_lines(text, s, e, removed) if not kept else [(s, e)])
            continue
        removed.append((s, e, reason))
        credits.extend(c for c in found if c not in credits)
        if reason is Reason.CONTACT:
            emails.extend(
                (m[0].rstrip("."), lines.line(s + m.start())) for m in _EMAIL.finditer(para)
            )
    kept = _without_related(text, kept, removed)
    # The last paragraph too when furniture follows it: a heading over nothing but
    # furniture is the furniture's ("Enter your email", "Join the conversation" left over
    # once the sign-up box and comment notice around them are removed: nineteenth round).
    last = len(kept) - 1 if kept and any(r[0] >= kept[-1][1] for r in removed) else len(kept) - 2
    for i in range(last, 0, -1):
        s, e = kept[i]
        if _is_subheading(text[s:e]):
            removed.append((s, e, Reason.SUBHEADING))
            del kept[i]
    kept = _without_repeats(text, kept, removed)
    kept = _without_sign_up_lines(text, kept, removed)
    kept = _without_lead_caption(text, kept, removed)
    kept = _without_writer_bio(text, kept, removed)
    paragraphs: list[tuple[int, int]] = []
    for s, e in kept:
        e = _without_tail_credit(text, s, e, removed)
        paragraphs.extend(_without_nuls(text, s, e, removed))

    def span(s: int, e: int) -> Span:
        return Span(article_id, s, e, lines.line(s), text[s:e])

    return Body(
        paragraphs=tuple(span(s, e) for s, e in paragraphs),
        removed=tuple(Removed(span(s, e), r.value) for s, e, r in sorted(removed)),
        credits=tuple(credits),
        contact_emails=tuple(emails),
    )


SIGN_UP_REACH = 2  # blocks on either side of a line where a sign-up block makes it one
SIGN_UP_LINE_MAX_WORDS = 40
_OUTLET_VOICE = re.compile(r"\b(?:we|our|us|you|your)\b", re.I)


def _without_sign_up_lines(
    text: str, kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    r"""Lines of a newsletter sign-up box that say nothing of signing up themselves.

    Why: a box copied as lines ("Sign up to Africa Briefing / Free weekly
    newsletter / The week's biggest stories ..., with analysis from our
    correspondents, every Friday morning. / Enter your email address / Sign
    up / Privacy Notice: ... see our Privacy Policy.") kept its description
    and its privacy notice as paragraphs (read blind, seventeenth round).  A
    line is part of the box when the lines on both sides of it are furniture,
    a sign-up block is within ``SIGN_UP_REACH`` blocks, it speaks in the
    outlet's voice ("our", "you") and reports nothing.

    >>> t = "Sign up to our newsletter\nThe best of our reporting, weekly.\nEnter your email"
    >>> removed = [(0, 25, Reason.NEWSLETTER), (61, 77, Reason.NEWSLETTER)]
    >>> _without_sign_up_lines(t, [(26, 60)], removed), removed[-1][2].name
    ([], 'NEWSLETTER')
    """
    # A sign-up block, or a sign-up call read as page header ("Sign up to Chronicle
    # Morning", removed as a header's button: nineteenth round)
    boxes = {
        (s, e)
        for s, e, r in removed
        if r is Reason.NEWSLETTER or _SIGNUP_START.match(text[s:e].strip())
    }
    if not boxes:
        return kept
    blocks = _in_text_order(kept, removed)
    out = []
    for k, (s, e, reason) in enumerate(blocks):
        if reason is not None:
            continue
        para = text[s:e]
        around = blocks[max(k - SIGN_UP_REACH, 0) : k + SIGN_UP_REACH + 1]
        if (
            0 < k < len(blocks) - 1
            and blocks[k - 1][2] is not None
            and blocks[k + 1][2] is not None
            and any((bs, be) in boxes for bs, be, _r in around)
            and len(para.split()) <= SIGN_UP_LINE_MAX_WORDS
            and _OUTLET_VOICE.search(para)
            and not _REPORTING.search(para)
        ):
            removed.append((s, e, Reason.NEWSLETTER))
            continue
        out.append((s, e))
    return out


HEADER_DECK_LINES = 2


def _without_header_lines(
    text: str, start: int, end: int, removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    r"""The first kept block without the page furniture glued above its first paragraph.

    Why: a page copied with no blank line between standfirst, byline, date,
    share buttons, caption and the first paragraph ("Teachers cheer ... / By
    Dana Reyes / Published October 9, 2025 / Share  Save / Students ... (photo
    by ...) / SOFIA, Bulgaria -- Lawmakers voted ...") kept all of it as one
    paragraph: the date was lost and the furniture compared as text (read
    blind, fifteenth round).  The run starts within ``HEADER_DECK_LINES``
    lines of the top, every line of it is boilerplate, text follows, and
    either a line of it is page header (a byline, a date) or the text opens
    with a dateline ("PATNA, India --"); lines above the run (a standfirst)
    stay a paragraph of their own.

    >>> t = "A deck line\nBy Dana Reyes\nPublished May 2, 2025\nRain fell all day."
    >>> removed = []
    >>> [t[s:e] for s, e in _without_header_lines(t, 0, len(t), removed)]
    ['A deck line', 'Rain fell all day.']
    >>> [t[s:e] for s, e, _ in removed]
    ['By Dana Reyes', 'Published May 2, 2025']
    """
    lines = [(m.start(), m.end()) for m in _LINE_TEXT.finditer(text, start, end)]
    texts = [text[s:e] for s, e in lines]
    reasons = [_classify(t)[0] or _line_reason(t) for t in texts[:-1]]
    for i, line in enumerate(texts[:-1]):
        if reasons[i] is None and _caption_over(line, texts[i + 1]):
            reasons[i] = Reason.CAPTION  # "A woman ... in Siwan. (Kestrel Press)" over "PATNA --"
    first = next((i for i, r in enumerate(reasons[: HEADER_DECK_LINES + 1]) if r), None)
    if first is None:
        return [(start, end)]
    after = next((i for i in range(first, len(reasons)) if reasons[i] is None), len(reasons))
    run = range(first, after)
    if not any(header_line(texts[i]) for i in run) and not dateline(texts[after]):
        return [(start, end)]
    removed.extend((*lines[i], r) for i in run if (r := reasons[i]) is not None)
    above = [(lines[0][0], lines[first - 1][1])] if first else []
    return [*above, (lines[after][0], end)]


_LINE_TEXT = re.compile(r"[^\r\n]*\S[^\r\n]*")


def _furniture_lines(para: str) -> Reason | None:
    r"""The reason of a block of several lines that are each boilerplate, else None.

    Why: a page copied from a browser ends "Read more: ... / Share this
    article: Facebook | X / Topics: Mining, Disasters" with no blank line
    between them; each line alone is removed, yet as one paragraph it was
    read as text and reported as a passage one outlet adds.  Every line must
    be boilerplate, so a line that reports keeps the whole paragraph.

    >>> _furniture_lines("Read more: Coal phase-out plan faces delay\nTopics: Mining, Coal")
    <Reason.RELATED: 'related-article headline'>
    >>> _furniture_lines("Read more: Coal phase-out plan faces delay\nThe mine shut in 2019.")
    """
    lines = [line.strip() for line in _BREAK.split(para) if line.strip()]
    if len(lines) < 2:
        return None
    reasons = [_classify(line)[0] or _line_reason(line) for line in lines]
    if None not in reasons:
        return reasons[0]
    return _footer_block(lines, reasons)


FOOTER_MIN_LINES = 3  # lines of a page's footer or sign-up box read as one block
FOOTER_MIN_FURNITURE = 1  # of them plainly furniture, the rest short labels or bars
FOOTER_ITEM_MAX_WORDS = 4  # words of one item of a footer's bar of links
_BAR_SPLIT = re.compile(r"[ \t]{2,}")


def _footer_block(lines: Sequence[str], reasons: Sequence[Reason | None]) -> Reason | None:
    r"""A page's footer or sign-up box copied as one block: the reason of its first furniture
    line, else None.

    Why: "Company / About The Post   Newsroom Policies & Standards / Get The Post /
    Become a Subscriber   Gift Subscriptions / ... / © 1996-2025 ..." and "Sign up for
    Dispatches / Our correspondents' guide to ... every weekday afternoon. / Sign up" were
    kept as text (read before judging, twenty-third round): a footer's headings ("Company",
    "Get The Post") and a box's description are no furniture alone.  Of ``FOOTER_MIN_LINES``
    lines or more (marker lines such as "Contact Us" are cut from the block before), at
    least ``FOOTER_MIN_FURNITURE`` must be furniture (a marker, a copyright line,
    a page header's line) and every other a short label or bar of links, or, in a box that
    asks to sign up, a line in the outlet's voice that reports nothing.

    >>> _footer_block(["Company", "Contact Us", "Get The Post", "Terms of Use   Privacy"],
    ...               [None, Reason.MARKER, None, Reason.MARKER]).name
    'MARKER'
    >>> _footer_block(["Key facts", "Contact Us", "Rain fell on Monday.", "Terms of Use"],
    ...               [None, Reason.MARKER, None, Reason.MARKER]) is None
    True
    """
    furniture = [r if r is not None else (Reason.MARKER if header_line(x) else None)
                 for x, r in zip(lines, reasons, strict=True)]  # fmt: skip
    found = [r for r in furniture if r is not None]
    if len(lines) < FOOTER_MIN_LINES or len(found) < FOOTER_MIN_FURNITURE:
        return None
    signing = any(_SIGNUP_START.match(x) for x in lines)
    for line, reason in zip(lines, furniture, strict=True):
        if reason is not None or _bar_of_labels(line):
            continue
        if signing and _OUTLET_VOICE.search(line) and not _REPORTING.search(line):
            continue  # "Our correspondents' guide to the day's biggest stories ..."
        return None
    return found[0]


def _bar_of_labels(line: str) -> bool:
    """A heading or a bar of links: items of ``FOOTER_ITEM_MAX_WORDS`` words or fewer, each opening
    with a capital, between runs of spaces, nothing ending a sentence ("Get The Post")."""
    items = [i for i in _BAR_SPLIT.split(line) if i]
    return bool(items) and all(
        len(i.split()) <= FOOTER_ITEM_MAX_WORDS and i[:1].isupper() and not _SENTENCE_END.search(i)
        for i in items
    )


def _same_line(para: str, title: str) -> bool:
    """The paragraph is the title again (case, spacing and a Markdown ``#`` aside).

    >>> _same_line("# Rain  shuts ROADS", "Rain shuts roads"), _same_line("Rain fell.", "Rain")
    (True, False)
    """

    def flat(s: str) -> str:
        return " ".join(s.lstrip("#").split()).casefold()

    return flat(para) == flat(title)


def _headline_like(para: str) -> bool:
    """Every line short and without final punctuation, as a list of headlines is.

    A question mark is a headline's ("What are your rights when a flight is
    cancelled?"); a full stop, comma or colon is a sentence's.

    A Markdown list of links ("- [Title](https://...)") is read by its links' text.
    """
    raw = [_QUOTE_MARK.sub("", line.strip()).strip() for line in para.splitlines()]
    raw = [line for line in raw if line]  # a Markdown quote's "> " is layout
    if raw and all(_MD_LINK_ITEM.fullmatch(line) for line in raw):
        return True  # a list of links is a list of headlines, whatever their punctuation
    lines = [_MD_LINK.sub(r"\1", line).lstrip("-*\u2022 ").strip() for line in raw]
    # a headline in quotation marks ("'I bought a lighthouse ... happened'") ends at its words
    lines = [line.rstrip("'\"\u2019\u201d").strip() for line in lines]
    lines = [line for line in lines if line]
    return bool(lines) and all(
        len(line.split()) <= RELATED_MAX_WORDS
        and (line[-1] not in _FINAL_PUNCT or line.endswith("?"))
        for line in lines
    )


def _in_text_order(
    kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int, Reason | None]]:
    """Kept blocks (reason None) and removed ones, in the order they stand in the text."""
    return sorted([(s, e, None) for s, e in kept] + [(s, e, r) for s, e, r in removed])


def _without_related(
    text: str, kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    """Headlines listed under a "Related" (or "Recommended", "You may also like") marker.

    The run ends at the first paragraph that is not headline-like.
    """
    starts = sorted(
        e
        for s, e, r in removed
        if r is Reason.MARKER
        and _QUOTE_MARK.sub("", text[s:e].strip())
        .lstrip("#")
        .strip("*_ ")
        .casefold()
        .startswith(_RELATED_MARKERS)
    )
    if not starts:
        return kept
    out: list[tuple[int, int]] = []
    blocks = _in_text_order(kept, removed)
    open_list = False
    for s, e, reason in blocks:
        if reason is not None:
            open_list = open_list or e in starts
            continue
        if open_list and _headline_like(text[s:e]):
            removed.append((s, e, Reason.RELATED))
            continue
        open_list = False
        out.append((s, e))
    return out


def _without_repeats(
    text: str, kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    """A caption or teaser line (no final punctuation) repeating another paragraph's words."""
    flat = [" ".join(text[s:e].split()) for s, e in kept]
    out = []
    for k, (s, e) in enumerate(kept):
        mine = flat[k]
        if (
            len(mine.split()) >= REPEAT_MIN_WORDS
            and mine[-1] not in _FINAL_PUNCT
            and any(len(other) > len(mine) and mine in other for other in flat)
        ):
            removed.append((s, e, Reason.REPEATED))
        else:
            out.append((s, e))
    return out


def _without_lead_caption(
    text: str, kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    """The photo caption over the story: a first paragraph ending in a "(Name)" credit, with
    the dateline's paragraph ("GARISSA, Kenya (Lodestar Wire) \u2014 ...") right after it.

    Read blind (fourteenth round): "Medical staff tend to patients at a ... camp in Garissa
    County, Kenya. (Lodestar Wire)" lost its credit and was kept as the story's first
    paragraph.  A credit alone does not tell a caption (a story may end "... (Outlet)");
    standing above the dateline that opens the story does.
    """
    # The first paragraph, or the second under a headline kept as the first line of a page.
    for i in range(min(2, len(kept) - 1)):
        s, e = kept[i]
        if i and text[slice(*kept[0])].rstrip()[-1:] in _FINAL_PUNCT:
            break  # the first paragraph is the story's: no caption under it opens the page
        if _BREAK.search(text[s:e].strip()):
            continue
        below = text[slice(*kept[i + 1])]
        # "... on Tuesday evening. / Image credit: Rudi Hartanto/SWS / SURABAYA, Indonesia
        # (SWS) - ...": the credit on a line of its own, already removed (nineteenth round)
        credited = any(
            r is Reason.CAPTION and at >= e and not text[e:at].strip() for at, _e, r in removed
        )
        caption = _caption_over(text[s:e], below) or (
            credited and len(text[s:e].split()) <= CAPTION_MAX_WORDS and dateline(below) is not None
        )
        if caption:
            removed.append((s, e, Reason.CAPTION))
            return kept[:i] + kept[i + 1 :]
    return kept


WRITER_BIO_TAIL = 2


def _without_writer_bio(
    text: str, kept: list[tuple[int, int]], removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    r"""The writer's biography under the story, told by the byline's name.

    "Marcus Bell is a senior soccer writer for Fulcrum Sport, covering ..."
    (read blind, fifteenth round) names no outlet in a possessive and gives no
    contact, so no biography pattern knows it; that the byline above the story
    names the same writer does.  Only among the last ``WRITER_BIO_TAIL`` kept
    paragraphs, a biography's opening ("Name Name is a", "covers", "writes"),
    ``BIO_MAX_WORDS`` at most.

    >>> t = "By Mara Lind\n\nRain fell.\n\nMara Lind is a senior writer for the Post."
    >>> removed = [(0, 12, Reason.CONTRIBUTORS)]
    >>> [t[s:e] for s, e in _without_writer_bio(t, [(14, 24), (26, len(t))], removed)]
    ['Rain fell.']
    """
    if len(kept) < 2:
        return kept
    byline = " ".join(
        text[s:e] for s, e, r in removed if r is Reason.CONTRIBUTORS and s < kept[0][0]
    )
    out = list(kept)
    for s, e in kept[-WRITER_BIO_TAIL:]:
        para = _BOLD.sub("", text[s:e])  # "**Mara Lind** is a ..."
        opening = _BIO_OPENING.match(para)
        if opening is None or len(para.split()) > BIO_MAX_WORDS:
            continue
        if re.search(rf"\b{re.escape(opening['name'].strip())}\b", byline):
            removed.append((s, e, Reason.CONTRIBUTORS))
            out.remove((s, e))
    return out


def _caption_over(para: str, below: str) -> bool:
    """A caption's length, ending in a "(Name)" credit, above the story's dateline."""
    return (
        len(para.split()) <= CAPTION_MAX_WORDS
        and _TAIL_CREDIT.search(para) is not None
        and dateline(below) is not None
    )


def _without_tail_credit(text: str, s: int, e: int, removed: list[tuple[int, int, Reason]]) -> int:
    """End of the paragraph without a trailing "(Outlet Name)" source credit."""
    m = _TAIL_CREDIT.search(text, s, e)
    if m is None:
        return e
    paren = m.start(1) - 1
    removed.append((paren, e, Reason.SOURCE_CREDIT))
    end = paren
    while end > s and text[end - 1].isspace():
        end -= 1
    return end


def _blocks(text: str, start: int, removed: list[tuple[int, int, Reason]]) -> list[tuple[int, int]]:
    """Paragraph ranges; marker, separator and image lines go to ``removed``."""
    line_ranges: list[tuple[int, int]] = []
    pos = start
    for m in _BREAK.finditer(text, start):
        line_ranges.append((pos, m.start()))
        pos = m.end()
    line_ranges.append((pos, len(text)))
    contents = [_trim(text, s, e) for s, e in line_ranges]
    first = next((i for i, c in enumerate(contents) if c), 0)
    last = max((i for i, c in enumerate(contents) if c), default=0)
    by_blank = any(c is None for c in contents[first:last])
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    after_image = after_tags = False
    for content in contents:
        if content is not None:
            line = text[content[0] : content[1]]
            reason = _line_reason(line)
            if reason is None and after_image and _set_apart(line):
                reason = Reason.CAPTION  # "![...](...)" then "*A shopkeeper arranges ...*"
            if reason is None and after_tags and _tag_items(line):
                reason = Reason.MARKER  # "TOPICS" then "Education   Strikes   Labour market"
            after_tags = (
                reason is Reason.MARKER
                and _TAGS_HEADING.fullmatch(_unemphasised(line).strip()) is not None
            )
            if reason is None and by_blank and current is not None and _glued_notice(line):
                # "... after a haul cable snapped.\nTNS is a news agency. This article was
                # supplied by TNS ...": a notice glued under the last paragraph (read blind,
                # fourteenth round).  A notice opening its own block is the block's to judge.
                reason = Reason.SYNDICATION
            after_image = reason is Reason.IMAGE
            if reason is not None:
                removed.append((*content, reason))
                content = None
        if content is None or not by_blank:
            if current is not None:
                blocks.append(current)
            current = content if not by_blank else None
            continue
        current = content if current is None else (current[0], content[1])
    if current is not None:
        blocks.append(current)
    return blocks


# The labels over a page's subject tags ("Topics:", "Filed under"), for ``_TAGS_HEADING`` and
# ``_TAGS``.
_TAG_LABELS = r"topics?|tags?|tagged(?: with)?|filed under|related topics|keywords"
# A heading over a page's subject tags, alone on its line: "TOPICS", "Tags:", "Filed under".
_TAGS_HEADING = re.compile(rf"(?:{_TAG_LABELS})\s*:?", re.I)
_TAG_ITEM_SEPARATORS = re.compile(r"[ \t]{2,}|\s*[,|\u00b7\u2022;]\s*")


def _tag_items(line: str) -> bool:
    """The tags under a heading line ("TOPICS"): two or more short items, each opening with a
    capital, between separators or runs of spaces, nothing ending a sentence.

    Read blind (twenty-second round): "TOPICS / Education   Strikes   Labour market
    Athens" lost its heading and was kept as text.  Read only on the line under such a
    heading (``_TAGS_HEADING``).

    >>> _tag_items("Education   Strikes   Labour market   Athens"), _tag_items("Rain fell.")
    (True, False)
    """
    items = [i.strip() for i in _TAG_ITEM_SEPARATORS.split(_unemphasised(line)) if i.strip()]
    return (
        len(items) >= 2
        and not _SENTENCE_END.search(line.strip())
        and all(len(i.split()) <= _MASTHEAD_MAX_WORDS and i[:1].isupper() for i in items)
    )


def _set_apart(line: str) -> bool:
    """A line wholly in Markdown italics, short enough for a caption (read under an image).

    >>> _set_apart("*A shopkeeper arranges loaves. (Eastline Times)*"), _set_apart("Rain fell.")
    (True, False)
    """
    line = line.strip()
    return _emphasised(line) and len(line.split()) <= CAPTION_MAX_WORDS


def _emphasised(text: str) -> bool:
    """Is the whole text inside one pair of Markdown emphasis marks ("*...*", "_..._")?"""
    return len(text) > 2 and text[0] in "*_" and text[-1] == text[0]


def _trim(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else None


# A page's time stamp: "Published 3 hours ago", "Updated: 10:32 GMT, 3 June 2026".
TIMESTAMP_MAX_WORDS = 10
_TIMESTAMP = re.compile(r"(?:first |last )?(?:published|updated|posted)\b:?", re.I)
# Lower-case words a time stamp may hold besides figures and capitalised names (months, zones).
_TIME_WORDS = frozenset(
    {"ago", "on", "at", "am", "pm", "a.m.", "p.m.", "yesterday", "today", "and", "by", "|", "-",
     "hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "an", "a", "just", "now"}
)  # fmt: skip


def _is_timestamp(para: str) -> bool:
    """ "Published 3 hours ago", "Updated: 10:32 GMT, 3 June 2026": when the page changed.

    After the verb, every word is a figure, a capitalised word (a month, a
    time zone, a weekday) or a word of time ("ago", "yesterday"), and one of
    them says when; "Updated figures showed ..." is text.
    """
    opening = _TIMESTAMP.match(para)
    if opening is None:
        return False
    rest = para[opening.end() :].replace(",", " ").split()
    if not rest:
        return False
    dated = any(
        any(c.isdigit() for c in w) or w.casefold() in ("ago", "yesterday", "today") for w in rest
    )
    return dated and all(
        any(c.isdigit() for c in w) or w[:1].isupper() or w.casefold() in _TIME_WORDS for w in rest
    )


BYLINE_MAX_WORDS = 12
# A page header of masthead, section path, byline, two time stamps and a share bar
# runs to 40 words; every item must still be furniture (``header_furniture``).
HEADER_MAX_WORDS = 5 * BYLINE_MAX_WORDS
# "By Ann Roe, with Vireo Wire", "By Jo Lee for The Courier": the agency or outlet joined on.
_BYLINE_JOINERS = frozenset(
    {"and", "&", "of", "the", "in", "at", "with", "for", "|", ",", "-", "–", "—", "/"}
)
_BYLINE_WORD = re.compile(r"[\w'’.&|,/–—-]+")
_WEEKDAYS_MONTHS = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|then|now|early|late|noon|midnight",
    re.I,
)


def _is_byline(para: str) -> bool:
    """ "By Anna Weber", "By Jo Roe and Sam Lee, Reuters": who wrote it, not reporting.

    Every word after "By" is capitalised (a name, an outlet) or joins names;
    "By Tuesday, the water had receded" has lower-case words and opens with
    a day, so it is text.
    """
    if not para.startswith("By "):
        return False
    para = _ALSO_REPORTING.sub("", para)  # "By Wire staff, with additional reporting by ..."
    words = _BYLINE_WORD.findall(para[3:].replace(",", " , "))
    if not words or _WEEKDAYS_MONTHS.fullmatch(words[0].rstrip(",.")):
        return False
    return all(
        w in _BYLINE_JOINERS
        or w[:1].isupper()
        or (w in _BYLINE_ROLES and n > 0)
        # "By Gazette foreign desk": a desk's or staff's name before the word
        or (0 < n < len(words) - 1 and words[n + 1] in ("desk", "staff"))
        for n, w in enumerate(words)
    )


# "By Meridian Wire staff", "By Ann Roe, health correspondent": a writer's role in lower case.
_BYLINE_ROLES = frozenset(
    {"staff", "reporter", "reporters", "correspondent", "correspondents", "writer", "writers",
     "editor", "editors", "contributor", "contributors", "desk"}
)  # fmt: skip
# "..., with additional reporting by Ann Roe", "..., with Straits Wire Service", "..., with
# agencies": who else the byline credits, at its end.
_ALSO_REPORTING = re.compile(
    r",?\s+with (?:(?:additional )?reporting (?:by|from)\b.*|agencies"
    r"|[A-Z][\w'\u2019&.-]*(?:\s+[A-Z][\w'\u2019&.-]*){0,4})$",
    re.S,
)


_PIECES = re.compile(r"(?<=[.;])\s+|\s*\n\s*|,\s+(?=with (?:additional )?reporting\b)")
_DATE_LINE = re.compile(WEEKDAY + NAMED_DATE)


def _credits_only(para: str) -> bool:
    r"""Several lines or sentences, each a byline, a contributor line or a date.

    "March 2, 2026 / By Ann Roe, Correspondent" (two lines) and "By Ann Roe,
    Wire Service. Additional reporting by Courier staff." are who wrote the
    story and when; each piece alone is already removed, together they were
    read as text.

    >>> _credits_only("March 2, 2026\nBy Ann Roe, Maritime Correspondent")
    True
    >>> _credits_only("By Ann Roe, Wire Service. Additional reporting by Courier staff.")
    True
    >>> _credits_only("By Ann Roe. The storm hit on March 2, 2026.")
    False
    >>> _credits_only("Sable Wire. Additional reporting by Kestrel Gazette staff.")
    True
    >>> _credits_only("Police Chief Ann Roe. Additional reporting is needed, she said.")
    False

    An agency's name alone ("Sable Wire") is a credit beside a contributor
    line: read blind (nineteenth round), "Sable Wire. Additional reporting by
    Kestrel Gazette staff." closed an article as text.
    """
    pieces = [p.strip().rstrip(".;").strip() for p in _PIECES.split(para.strip())]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return False
    contributed = any(_CONTRIB_START.match(p) for p in pieces)
    return (any(_is_byline(p) for p in pieces) or contributed) and all(
        _is_byline(p)
        or _CONTRIB_START.match(p)
        or _DATE_LINE.fullmatch(p)
        or (contributed and _credit_name(p))
        for p in pieces
    )


def _credit_name(piece: str) -> bool:
    """A name alone, a few capitalised words ("Sable Wire", "Staff and agencies")."""
    words = piece.split()
    return (
        0 < len(words) <= _MASTHEAD_MAX_WORDS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in ("and", "&", "of", "staff", "agencies") for w in words)
    )


# The separators of a page header's items: "NORTHERN COURIER | World | Europe",
# "Orlesk Evening Post > News > National", "Share · Email · Print".
# Three spaces or a tab part a menu's items too ("Search    Sign in    Subscribe").
# Items of a page header part at a separator, a line break, a tab or a run of spaces: "NFL  NBA
# MLB  NHL" (two spaces, read blind in the twentieth round) is a menu copied from a page.
_HEADER_SEPARATORS = re.compile(r"\s+[|\u00b7>\u2014\u2013\u2022-]+\s+|\s*\n\s*|[ \t]{2,}|\t")
# "14:05", "5:10 p.m. ET", "14:05 Cairo time" (a city's local time: read before judging,
# twenty-fourth round)
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?"
    r"(?:\s(?:[A-Z][a-z]+\s){1,2}time|\slocal time)?"
)
_NUMERIC_DATE = r"\d{1,2}/\d{1,2}/\d{2,4}"
# "Published: 14 October 2024", "Thursday 15 August 2024, 18:20", "Updated 20:05",
# "Published 11 June 2024", "11/06/2024 16:42": when the page says it was written.
_HEADER_DATE = re.compile(
    rf"(?:(?:first |last |originally )?(?:published|updated|posted|modified)(?: on)?:?\s+)?"
    rf"(?:{WEEKDAY}{NAMED_DATE}|{_NUMERIC_DATE}|{_CLOCK})"
    rf"(?:,?\s+(?:at\s+|on\s+)?(?:{_CLOCK}|{_NUMERIC_DATE}|{WEEKDAY}{NAMED_DATE}))*",
    re.I,
)
_READING_TIME = re.compile(r"\d{1,2} min(?:ute)?s?(?: read| listen)?", re.I)
# "Updated 1 hour ago" in a byline block (alone on its line, ``_is_timestamp`` reads it)
_AGO = re.compile(r"(?:updated|published|posted)?\s*\d{1,2} (?:minute|min|hour|day)s? ago", re.I)
# The words of a share bar: "Share this article: Facebook | X | WhatsApp | Email | Copy link".
# "Share on Facebook | Share on X | Email | Print" too.
_SHARE_START = re.compile(r"share(?: this (?:article|story|page)| on| via| to)?:?(?:\s|$)", re.I)
_SHARE_WORDS = frozenset(
    {"facebook", "x", "twitter", "whatsapp", "email", "e-mail", "copy link", "linkedin",
     "print", "reddit", "telegram", "bluesky", "threads", "messenger", "share", "comments",
     "instagram", "youtube", "tiktok", "pinterest", "flipboard", "snapchat", "mastodon",
     "email this article", "email this story", "print this article", "print this page"}
)  # fmt: skip
_MASTHEAD_MAX_WORDS = 4  # words of one item of a masthead or section path ("Markets & Banking")
# Interface wording that varies by site, so no fixed list holds it: "Skip to footer",
# "Skip to main navigation", "Subscribe from 1 a week", "Sign up for free", "Support
# independent journalism: subscribe from £1 a week", "Weather: Castmere 9C, light rain" (a
# local site's weather strip).
_INTERFACE = re.compile(
    r"skip to(?: the)? [a-z]+(?: [a-z]+)?"
    r"|(?:support (?:independent |our |quality )?journalism:\s)?"
    r"(?:subscribe|sign up|register|download (?:the|our) app)\b[^.!?]{0,40}"
    r"|support (?:independent |our |quality )?journalism"
    r"|weather:\s[^.!?]{1,40}",
    re.I,
)
_INTERFACE_MAX_WORDS = 10
# A temperature and a word or three of weather beside a page header's date ("28°F Light snow").
_WEATHER_STRIP = re.compile(r"-?\d{1,3}\s?\u00b0\s?[CF]?(?:\s+[A-Za-z]+){0,3}")
# A reporter's role under the name of a byline: "Business reporter, Kolvar", "Health
# correspondent", "Senior Political Editor".
_ROLE = re.compile(
    r"(?:[A-Za-z][\w-]*\s+){0,3}(?:reporter|correspondent|editor|writer|columnist|journalist)"
    r"(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})?",
    re.I,
)
# An icon before a button's word: "[f] Share", "[@] Email", "[+] Save".
_ICON = re.compile(r"\[[^\]\s]{1,3}\]\s*")


def _header_piece(piece: str) -> str | None:
    """What an item of a page header is ("byline", "date", "share", "label"), or None for text.

    >>> _header_piece("Vireo Wire, with additional reporting by Ann Roe")
    'byline'
    >>> _header_piece("Gazette foreign desk, with Straits Wire Service")
    'byline'
    >>> [_header_piece(p) for p in ("By Ann Roe", "Published: 14 October 2024",
    ...  "Thursday 15 August 2024, 18:20", "Copy link", "Markets & Banking", "3 min read")]
    ['byline', 'date', 'date', 'share', 'label', 'date']
    >>> _header_piece("the dam gave way") is None, _header_piece("Rescuers Searched All Night Long")
    (True, None)
    """
    if _is_byline(piece) or _CONTRIB_START.match(piece):
        return "byline"
    credited = _ALSO_REPORTING.sub("", piece)
    if credited != piece and _is_byline("By " + credited.strip()):
        return "byline"  # "Vireo Wire, with additional reporting by Ann Roe" (no "By")
    if _HEADER_DATE.fullmatch(piece) or _READING_TIME.fullmatch(piece):
        return "date"
    if _AGO.fullmatch(piece):
        return "ago"
    folded = piece.casefold().rstrip(":")
    uncounted = _uncounted(folded)  # "Comment (212)"
    if folded in lexicons.words("boilerplate_markers.txt") or (
        uncounted != folded and uncounted in lexicons.words("boilerplate_markers.txt")
    ):
        return "share"  # interface wording: "Skip to main content", "Sign in", "Listen ..."
    if _INTERFACE.fullmatch(piece) and len(piece.split()) <= _INTERFACE_MAX_WORDS:
        return "share"
    if _WEATHER_STRIP.fullmatch(piece):
        return "label"  # "Tuesday, February 18, 2025 | 28°F Light snow": a local site's weather
    if _ROLE.fullmatch(piece):
        return "byline"
    share = _SHARE_START.match(piece)
    rest = piece[share.end() :].strip().casefold() if share else folded
    if (share and not rest) or rest in _SHARE_WORDS:
        return "share"  # "Share this article:", "Share this article: Facebook", "Copy link"
    buttons = rest.replace("copy link", "copy-link").split()
    if len(buttons) > 1 and all(b.replace("-", " ") in _SHARE_WORDS for b in buttons):
        return "share"  # "Facebook  X  WhatsApp  Email": buttons parted by two spaces
    words = piece.split()
    if len(words) <= _MASTHEAD_MAX_WORDS and all(
        w[:1].isupper()
        or w in ("&", "and", "of", "the")
        or _PREFIXED_NAME.fullmatch(w)
        or (k > 0 and w.isdigit())  # "Euro 2026", "Vision 2030": a section named with a year
        for k, w in enumerate(words)
    ):
        return "label"
    return None


# A site's item named with a lower-case prefix: "e-Edition", "iPlayer", "eNewspaper".
_PREFIXED_NAME = re.compile(r"[a-z]-?[A-Z][\w-]*")


def header_furniture(para: str) -> bool:
    r"""A page header's lines: masthead, section path, byline, date, share bar.

    Why: a page copied from a browser brings "NORTHERN COURIER | World |
    Europe / By ... / Published: 14 October 2024" or "Share this article:
    Facebook | X | WhatsApp" with it; read blind, each was reported as a
    passage one outlet adds.  Every item, split at line breaks and at the
    separators headers use, must be such furniture, and one of them a byline,
    a date or a share bar (a few capitalised words alone may be a heading).

    >>> header_furniture("THE COURIER | World\nBy CPA\nPublished: 14 October 2024")
    True
    >>> header_furniture("Share this article: Facebook | X | WhatsApp | Email | Copy link")
    True
    >>> header_furniture("By Ann Roe | The dam gave way at dawn, officials said")
    False
    >>> header_furniture("[Share on Facebook] [Share on X] [Email] [Print]")
    True
    >>> header_furniture("Continental Wire in Hatsvali\nTue 11 Feb 2025 16.52 GMT")
    True
    >>> header_furniture("Protests in Paris"), header_furniture("Rain fell in Paris\n2 Jun 2025")
    (False, False)
    """
    shared, kinds = _header_items(para)
    if shared and not kinds:
        return True  # "Share this article:  [f]  [in]  [@]": its buttons are icons alone
    if None in kinds and "date" in kinds:
        # "Reuters in Kyiv / Tue 11 Feb 2025 16.52 GMT": a byline naming where it was filed
        _shared, pieces = _split_header(para)
        kinds = [k or ("byline" if _PLACED_BYLINE.fullmatch(p) else None) for p, k in pieces]
    if not kinds or None in kinds or kinds == ["ago"]:
        return False
    return shared or any(k != "label" for k in kinds)


# A byline that names where the story was filed, with no "By": "Reuters in Kyiv", "Staff and
# agencies in Paris", "Ann Roe in Lagos and Jo Lee in Accra".  Counted only beside a date.
_NAMES = r"[A-Z][\w'\u2019.-]*(?:\s+(?:and|&|staff|agencies|[A-Z][\w'\u2019.-]*)){0,5}"
_PLACED_BYLINE = re.compile(
    rf"{_NAMES}\s+in\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,2}}"
    rf"(?:\s+and\s+{_NAMES}\s+in\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){{0,2}})?"
)


def header_line(line: str) -> bool:
    """A line of page header: furniture (``header_furniture``), or a masthead or section
    path of capitalised items between separators ("Orlesk Evening Post > News > National").

    >>> header_line("CALVERA DAILY COURIER | Local > Environment"), header_line("Rain | fell")
    (True, False)
    """
    if breadcrumb(line):
        return True
    if _cookie_notice(line):
        return True  # a cookie banner above the headline (read before judging, round 23)
    shared, pieces = _split_header(line)
    if _interface_bar(line, pieces):
        return True
    kinds = [k for _p, k in pieces]
    if not kinds or None in kinds or kinds == ["ago"]:
        return False
    return shared or any(k != "label" for k in kinds) or len(kinds) >= 2


BAR_MIN_ITEMS = 3  # items of a bar of links ("Print subscriptions | Sign in | Search jobs")
BAR_ITEM_MAX_WORDS = 3


def _interface_bar(line: str, pieces: Sequence[tuple[str, str | None]]) -> bool:
    """A bar of links mixing interface wording with the site's own ("Print subscriptions |
    Sign in | Search jobs | Search"): short capitalised items between separators, one of
    them interface wording (``_header_piece``: "share").  Read blind (twentieth round), such
    a bar above the masthead ended the page header, and the page lost its outlet and title.
    ``pieces`` are the line's items as ``_split_header`` reads them.

    >>> bar = lambda line: _interface_bar(line, _split_header(line)[1])
    >>> bar("Print subscriptions | Sign in | Search jobs | Search")
    True
    >>> bar("Thursday 20 November 2025  |  Today's paper  |  Puzzles  |  Subscribe")
    True
    >>> bar("Rain fell | Roads shut | Schools closed"), bar("Sign in")
    (False, False)
    """
    if len(pieces) < BAR_MIN_ITEMS or _SENTENCE_END.search(line):
        return False
    short = all(
        kind == "date" or (len(p.split()) <= BAR_ITEM_MAX_WORDS and p[:1].isupper())
        for p, kind in pieces
    )
    return short and any(kind == "share" for _p, kind in pieces)


def _cookie_notice(text: str) -> bool:
    """A cookie notice of ``COOKIE_MAX_WORDS`` words at most that reports nothing."""
    return (
        len(text.split()) <= COOKIE_MAX_WORDS
        and _COOKIES.search(text) is not None
        and not _REPORTING.search(text)
    )


def label_line(line: str) -> bool:
    """A few capitalised words alone ("Environment", "The Halvern Courier"): a section's or a
    site's name in a page header, or a short heading; read as header only among header lines.

    >>> label_line("The Halvern Courier"), label_line("Rescuers searched all night")
    (True, False)
    """
    shared, kinds = _header_items(line)
    return not shared and kinds == ["label"]


_SPACED_SLASH = re.compile(r"[ \t]{2,}/[ \t]{2,}")
_CRUMB_SEPARATOR = re.compile(r"\s+[>\u203a\u00bb/]\s+")
# "›" and "»" part a section path and nothing else: "Business › Trade" is one of two items.
_CRUMB_POINTER = re.compile(r"\s[\u203a\u00bb]\s")
_CRUMB_PREFIX = re.compile(r"(?:you are here|you're here|location)\s*:\s*", re.I)
_CRUMB_MAX_WORDS = 8  # words of a breadcrumb's last item, the story's own short title
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?$|[.!?;]\s")


def breadcrumb(line: str) -> bool:
    """A page's section path: "Home > News > Health > Measles outbreak".

    Why apart from ``header_line``: the last item is often the story's own
    short title in sentence case, which a masthead's capitalised items rule
    out; read blind, such a path was kept as a paragraph of text.  Every item
    but the last is a section label (a few capitalised words); the path has
    three items or more, or opens with "Home", or is parted by a pointer that
    only section paths use ("Business › Trade"); nothing in it ends a sentence.

    >>> breadcrumb("Home > News > Health > Measles outbreak"), breadcrumb("Home > Measles outbreak")
    (True, True)
    >>> breadcrumb("News > World > Europe"), breadcrumb("Prices rose > 5% in May > June")
    (True, False)
    >>> breadcrumb("Business \u203a Trade"), breadcrumb("Business > Trade")
    (True, False)
    >>> breadcrumb("WORLD / EUROPE"), breadcrumb("Rain / Snow")
    (True, False)
    >>> breadcrumb("Rain > wind. Roads shut > bridges")
    False
    >>> breadcrumb("World news  /  Europe  /  Greece"), breadcrumb("Prices rose / fell")
    (True, False)
    >>> breadcrumb("World  /  Europe"), breadcrumb("Rain / Snow")
    (True, False)
    """
    path = _CRUMB_PREFIX.sub("", _link_text(_unemphasised(line)).strip())
    items = [i.strip() for i in _CRUMB_SEPARATOR.split(path)]
    pointed = _CRUMB_POINTER.search(path) is not None
    # "WORLD / EUROPE": a section and its subsection in capitals, as a page header sets them
    capitals = len(items) == 2 and all(i.isupper() and len(i.split()) <= 2 for i in items)
    # "World  /  Europe": two sections set apart by runs of spaces, a layout no prose takes
    # (read before judging, twenty-third round: kept as the page's headline)
    spaced = len(items) == 2 and _SPACED_SLASH.search(path) is not None
    if len(items) < 2 or (
        len(items) == 2
        and items[0].casefold() != "home"
        and not pointed
        and not capitals
        and not spaced
    ):
        return False
    if any(not i or _SENTENCE_END.search(i) for i in items):
        return False
    # "World news / Europe / Greece": a section named in sentence case, in a path of three
    # or more (read blind, twenty-first round, kept as the page's headline)
    sections = all(
        _header_piece(i) == "label" or (len(items) >= 3 and _SECTION_NAME.fullmatch(i))
        for i in items[:-1]
    )
    return sections and (len(items[-1].split()) <= _CRUMB_MAX_WORDS and items[-1][:1].isalnum())


_SECTION_NAME = re.compile(r"[A-Z][a-z]+(?: [a-z]+){0,2}")


_MASTHEAD_SEPARATOR = re.compile(r"\s+[|\u2014\u2013\u00b7\u2022]\s+")
_TAGLINE_MAX_WORDS = 8  # "Your city, every day": a masthead's motto


def masthead(line: str) -> str | None:
    """The outlet's name in a masthead line ("THE HALDSTEAD COURIER | Your city, every day"),
    as a reader would write it ("The Haldstead Courier"), or None.

    A masthead is the name in capitals (up to ``_MASTHEAD_MAX_WORDS`` words,
    letters only), alone or before a separator and a short motto that ends
    no sentence.  Only read where a page's header is (``headlines.page_top``).

    >>> masthead("THE HALDSTEAD COURIER | Your city, every day")
    'The Haldstead Courier'
    >>> masthead("THE MORNING RECORD"), masthead("Storm Hits Coast"), masthead("US | Rain fell.")
    ('The Morning Record', None, None)
    """
    parts = _MASTHEAD_SEPARATOR.split(_unemphasised(line).strip(), maxsplit=1)
    name = parts[0].strip()
    words = name.split()
    if not 2 <= len(words) <= _MASTHEAD_MAX_WORDS + 1 or not name.isupper():
        return None
    if not all(
        w.replace("'", "").replace("\u2019", "").replace("&", "").isalpha() or w == "&"
        for w in words
    ):
        return None
    if len(parts) > 1 and (
        len(parts[1].split()) > _TAGLINE_MAX_WORDS or _SENTENCE_END.search(parts[1].strip())
    ):
        return None
    return " ".join(w if w == "&" else w.capitalize() for w in words)


def _header_items(text: str) -> tuple[bool, list[str | None]]:
    """(opens with "Share this article:", what each item is (``_header_piece``)), the
    items split at line breaks and at the separators page headers use."""
    share, pieces = _split_header(text)
    return share, [k for _p, k in pieces]


def _split_header(text: str) -> tuple[bool, list[tuple[str, str | None]]]:
    """(opens with "Share this article:", each item with what it is)."""
    # "[Share on Facebook] [Share on X] [Email] [Print]": buttons in brackets, one item each
    plain = _BOLD.sub("", _link_text(_unemphasised(text)))  # "**Share this story:** ..."
    body = _BRACKETED_ITEMS.sub(" | ", _ICON.sub(" ", plain).strip())
    share = _SHARE_START.match(body.lstrip("["))
    if share:
        body = body.lstrip("[")[share.end() :]
    pieces = [p.strip().strip("*_:[]").strip() for p in _HEADER_SEPARATORS.split(body)]
    return bool(share), [(p, _header_piece(p)) for p in pieces if p]


_BRACKETED_ITEMS = re.compile(r"\]\s*\[")


_EMPHASISED_LABEL = re.compile(r"\A([*_]{1,2})([^*_\n]{1,40}?:)\1\s*")


def _unemphasised(text: str) -> str:
    """The text without the Markdown emphasis marks ("*", "_") at either end, or around
    an opening label ("**Topics:** Jordan · Flooding").

    >>> _unemphasised("**Topics:** Jordan · Flooding"), _unemphasised("*By Ann Roe*")
    ('Topics: Jordan · Flooding', 'By Ann Roe')
    """
    return _EMPHASISED_LABEL.sub(r"\2 ", text.strip(), count=1).strip("*_").strip()


_BOLD = re.compile(r"\*\*|__")


def _link_text(text: str) -> str:
    """Markdown links read as their words: "[Home](/) › [World](/world)" is "Home › World"."""
    return _MD_LINK.sub(r"\1", text)


# "More from The Lusevian Herald", "Latest from Reuters": a heading over the outlet's links.
_MORE_FROM = re.compile(
    r"(?:More|Latest|Most read|Most popular) (?:from|on|at|in) (?:the )?"
    r"(?:[A-Z][\w'’&.-]*\s?){1,6}"
)  # "More from the Star" too (read before judging, twenty-fourth round)


# "Topics: Mining, Teller Basin, Disasters", "Tags: Floods | Weather": the page's subject tags.
_TAGS = re.compile(rf"(?:{_TAG_LABELS}|categor(?:y|ies))\s*:\s*", re.I)
_TAG_SEPARATORS = re.compile(r"\s*[,|\u00b7\u2022;]\s*")


def tag_line(para: str) -> bool:
    r"""A page's subject tags: "Topics: Mining, Teller Basin, Disasters".

    Every tag is a few words opening with a capital (a subject, a place, a
    name), so "Topics: the council discussed the budget" is text.

    >>> tag_line("Topics: Mining, Teller Basin, Disasters"), tag_line("Tags: Floods | Weather")
    (True, True)
    >>> tag_line("Topics: the council discussed the budget and the roads")
    False
    >>> tag_line("Related Topics\nGreece, Airlines, Tourism, Jobs")
    True
    >>> tag_line("Tags: BDZ, railways, Kardzhali, rural Bulgaria, trade unions")
    True
    """
    body = _unemphasised(para)
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if len(lines) == 2 and _TAGS_HEADING.fullmatch(lines[0]):
        return _tag_items(lines[1])  # "Related Topics / Greece, Airlines, Tourism, Jobs"
    opening = _TAGS.match(body)
    if opening is None:
        return False
    tags = [t.strip(" .") for t in _TAG_SEPARATORS.split(body[opening.end() :])]
    tags = [t for t in tags if t]
    if len(tags) >= TAGS_IN_LOWER_CASE and all(len(t.split()) <= TAG_MAX_WORDS for t in tags):
        return True  # "Tags: BDZ, railways, rural Bulgaria, trade unions": a list in any case
    return bool(tags) and all(
        len(t.split()) <= _MASTHEAD_MAX_WORDS and t[:1].isupper() for t in tags
    )


TAGS_IN_LOWER_CASE = 3  # tags listed after "Tags:" at which their case says nothing
TAG_MAX_WORDS = 3


# A paid link's headline, labelled as such: "Retirees are switching to this account (Sponsored)".
_SPONSORED = re.compile(
    r"[^.!?]{1,150}[\s(\[-]+(?:sponsored|paid (?:content|post|partner)|promoted|advertorial)"
    r"[)\]]?",
    re.I,
)


def _line_reason(line: str) -> Reason | None:
    if _SEPARATOR.fullmatch(line):
        return Reason.SEPARATOR
    if _MD_IMAGE.fullmatch(line):
        return Reason.IMAGE
    # Markdown emphasis or a heading's "#" around a marker ("**Read more:**", "### More on
    # this story") is typography, not text.
    # "*\u2014 Advertisement \u2014*": dashes around a marker are layout too
    # A Markdown quote mark ("> **Advertisement**") is layout as well.
    shown = _BOLD.sub("", _unemphasised(_QUOTE_MARK.sub("", line).lstrip("#")))
    shown = shown.rstrip(".:").strip("*_ \u2014\u2013-")
    shown = _uncounted(shown)  # "Comments (34)", "1,284 comments"
    shown = _LENGTH_AFTER.sub("", shown)  # "Listen to this article  4 min"
    if _all_markers(shown) or _MORE_FROM.fullmatch(shown):
        return Reason.MARKER
    if _SPONSORED.fullmatch(shown):
        return Reason.MARKER  # "The SUV everyone is talking about (Sponsored)": a paid link
    if _MD_HEADING.fullmatch(line):
        return Reason.SUBHEADING
    return None


# "Advertisement \u2014 Content continues below": markers set side by side with dashes.
_DASHES = re.compile(r"\s+[\u2014\u2013-]+\s+")


def _all_markers(shown: str) -> bool:
    """Is a line a page marker, or markers joined by dashes?

    >>> _all_markers("Advertisement"), _all_markers("Advertisement \u2014 Content continues below")
    (True, True)
    >>> _all_markers("Advertisement \u2014 the board approved the plan")
    False
    """
    markers = lexicons.words("boilerplate_markers.txt")
    folded = shown.casefold()
    return folded in markers or all(part in markers for part in _DASHES.split(folded))


NOTICE_LINE_MAX_WORDS = 40


def _glued_notice(line: str) -> bool:
    """Is a line a syndication or correction notice ("This article was supplied by")?"""
    if len(line.split()) > NOTICE_LINE_MAX_WORDS:
        return False
    folded = line.casefold()
    return any(
        kind == "syndication" and phrase in folded
        for phrase, kind in lexicons.rows("boilerplate_notices.txt")
    )


def _classify(para: str) -> tuple[Reason | None, list[str]]:
    """The reason a paragraph is boilerplate (None: article text) and any credits."""
    # Markdown emphasis around a whole paragraph ("*Reporting by ...; editing by ...*")
    # is typography, not text: the paragraph is judged without it.
    emphasised = _emphasised(para)
    if emphasised:
        para = para.strip(para[0]).strip() or para
    # A Markdown quote mark ("> **Read more:** [...](...)") is layout too.
    para = _QUOTE_MARK.sub("", para) or para
    words = len(para.split())
    folded = para.casefold()
    if words <= 25 and not _REPORTING.search(para) and (credits := _credit_line(para)) is not None:
        return Reason.CREDIT, credits
    if words <= 60 and (
        (_CONTRIB_END.search(para) and _CONTRIB_WHO.search(para)) or _CONTRIB_START.match(para)
    ):
        return Reason.CONTRIBUTORS, []
    if words <= BYLINE_MAX_WORDS and _is_byline(para):
        return Reason.CONTRIBUTORS, []
    if emphasised and words <= 60 and _credited_last(para):
        # "*The Herald Foreign Desk reports on ... Additional reporting by Globus Wire.*":
        # a note set in italics under the story, ending in who contributed
        return Reason.CONTRIBUTORS, []
    if words <= 2 * BYLINE_MAX_WORDS and _credits_only(para):
        return Reason.CONTRIBUTORS, []
    if words <= TIMESTAMP_MAX_WORDS and _is_timestamp(para):
        return Reason.DATE_HEADER, []  # before the header test, which reads dates too
    if words <= HEADER_MAX_WORDS and header_furniture(para):
        return Reason.CONTRIBUTORS, []
    if words <= 2 * BYLINE_MAX_WORDS and "\n" not in para.strip() and header_line(para):
        return Reason.MARKER, []  # a masthead or section path alone: "Local > Environment"
    if words <= TAGS_MAX_WORDS and tag_line(para):
        return Reason.MARKER, []
    if _cookie_notice(para):
        return Reason.MARKER, []  # "We use cookies to improve your experience ..."
    # A biography may set its writer's name in bold: "**Arjun Rao** is ...'s correspondent".
    bio = _BOLD.sub("", para)
    if emphasised:  # "*Laura Roe is the Local Democracy Reporter ... Contact her at ...*"
        bio = bio.strip().strip("*_").strip()
    if words <= BIO_MAX_WORDS and _AGENCY_BLURB.match(bio) and not _REPORTING.search(bio):
        return Reason.SYNDICATION, []  # "Harbour Press (HP) is an independent news agency."
    if words <= BIO_MAX_WORDS and _ABOUT_LABEL.match(bio):
        return Reason.CONTRIBUTORS, []  # "**About this story:** Reporting by ..."
    if words <= BIO_MAX_WORDS and _AUTHOR_COVERS.match(bio):
        return Reason.CONTRIBUTORS, []  # "Marta Vidal covers cities ... for the Observer."
    if words <= MENU_MAX_WORDS and _link_menu(para):
        return Reason.MARKER, []  # "[Home](/) \u00b7 [Local](/local) \u00b7 [World](/world)"
    if words <= BIO_MAX_WORDS and _AUTHOR_BIO.match(bio):
        return Reason.CONTRIBUTORS, []  # "Mira Solberg is our environment correspondent."
    if emphasised and words <= BIO_MAX_WORDS and _AUTHOR_BIO_SET_APART.match(bio):
        return Reason.CONTRIBUTORS, []  # "*Lena Marsh is a Capital Post travel correspondent*"
    if words <= BIO_MAX_WORDS and _BIO_OPENING.match(bio) and _CONTACT_CUE.search(bio):
        return Reason.CONTRIBUTORS, []  # "Tom Aldane is a business reporter ... Follow him"
    if _related_block(para):
        return Reason.RELATED, []  # "MORE FROM THE ECHO" over its list of headlines
    if words <= MEDIA_LABEL_MAX_WORDS and _MEDIA_LABEL.match(para) and not _REPORTING.search(para):
        return Reason.MEDIA, []
    if words <= TIMESTAMP_MAX_WORDS and _is_timestamp(para):
        return Reason.DATE_HEADER, []
    hits = {p for p in lexicons.entries("boilerplate_newsletter.txt") if p in folded}
    if (len(hits) >= 2 and words <= 150 and _YOU.search(para)) or (
        words <= 40
        and (m := _SIGNUP_START.match(para) or _after_label(para))
        and (len(hits) >= 2 or _NEWSLETTER_SOON.match(para, m.end()))
        and not _REPORTING.search(para)
    ):
        return Reason.NEWSLETTER, []
    if words <= 40 and _SIGNUP_LINK.search(para) and _NEWSLETTER_WORD.search(para):
        return Reason.NEWSLETTER, []  # "Health Matters newsletter — ... [Sign up free](...)"
    if words <= FOLLOW_MAX_WORDS and _FOLLOW.match(para) and not _REPORTING.search(para):
        return Reason.PROMO, []
    if words <= 30 and _subscribe(para) and not _REPORTING.search(para):
        return Reason.PROMO, []  # "Subscribe to the Courier from €1 a week ..."
    if words <= 40:
        promos = {p for p in lexicons.entries("boilerplate_promos.txt") if p in folded}
        # never a paragraph that also reports: "..., the editor said" is news about them
        if promos and len(promos | hits) >= 2 and not _REPORTING.search(para):
            return Reason.PROMO, []
        if _unemphasised(folded).strip(" .:!") in promos:
            return Reason.PROMO, []  # "Join the conversation" alone: the prompt's heading
        for phrase, kind in lexicons.rows("boilerplate_notices.txt"):
            if phrase in folded:
                return _NOTICE[kind], []
        if _COPYRIGHT_START.match(para):
            return Reason.COPYRIGHT, []
    if words <= 150 and (_EMBED.search(para) or _ENGAGEMENT.search(para)):
        return Reason.EMBED, []
    if words <= RELATED_MAX_WORDS + 3 and _RELATED_INLINE.match(para) and _headline_like(para):
        return Reason.RELATED, []
    if (label := _RELATED_INLINE.match(para)) and _links_only(para[label.end() - 1 :]):
        # "**Related:** [Teacher shortages hit ...](/...) · [Poland debates ...](/...)": any
        # number of linked headlines (read before judging, twenty-third round)
        return Reason.RELATED, []
    contact = folded.startswith(lexicons.entries("boilerplate_contact.txt"))
    if contact and words <= 40 and (_EMAIL.search(para) or _URL.search(para)):
        return Reason.CONTACT, []
    if words <= 120 and _is_caption(para):
        return Reason.CAPTION, []
    return None, []


TAGS_MAX_WORDS = 30
_QUOTE_MARK = re.compile(r"^(?:>[ \t]?)+")


def _uncounted(text: str) -> str:
    """The text without a count of comments or shares after or before it ("Comments (34)",
    "1,284 comments")."""
    return _COUNT_BEFORE.sub("", _COUNT_AFTER.sub("", text))


_COUNT_AFTER = re.compile(r"\s*\(\d{1,6}\)$")
_COUNT_BEFORE = re.compile(r"^\d[\d,.]{0,8}k?\s+(?=[A-Za-z])")
_LENGTH_AFTER = re.compile(
    r"\s+(?:[\u00b7|\u2022-]\s*)?\(?\d{1,2} min(?:ute)?s?(?: read| listen)?\)?$", re.I
)
# A site's cookie notice: in the first person of the site, or its buttons.
COOKIE_MAX_WORDS = 60
_COOKIES = re.compile(
    r"\bwe use cookies\b|\b(?:accept|reject|manage) (?:all )?cookies\b"
    r"|\bcookie (?:policy|settings|preferences)\b|\bour use of cookies\b"
    r"|\b(?:this|our) (?:site|website) uses cookies\b",
    re.I,
)
# The writer's biography under the story: "Mira Solberg is our environment correspondent.",
# "Petra Solvang is the Tamsveld Press Agency's Carrowmere correspondent."
BIO_MAX_WORDS = 60
# "About the author: Tom Aldane is ...", "About this story: Reporting by ...": the label of
# a note about the article or its writer (read blind, fourteenth and fifteenth rounds).
# "About this story: Reporting by ...", or the label on a line of its own over its note
# ("About this article / This report was compiled by the world desk ...": read before
# judging, twenty-third round)
_ABOUT_LABEL = re.compile(
    r"about (?:the (?:authors?|writers?|reporters?)|this (?:story|article|report))"
    r"\s*(?:[:.\u2014-]|\n)",
    re.I,
)
# A writer's beat under the story: "Marta Vidal covers cities, housing and transport across
# Europe for the Continental Observer." (read blind, fifteenth round).
_AUTHOR_COVERS = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s){2,3}(?:covers|writes about|reports on)\b[^.]{0,150}?"
    r"\bfor (?:the )?(?:[A-Z][\w&'\u2019.-]*\s?){1,5}\.(?:\s|$)"
)  # the beat's sentence ends at the outlet's name: "... for the Herald and was named" is news
MENU_MAX_WORDS = 40
MENU_MIN_LINKS = 3


def _links_only(text: str) -> bool:
    """Is ``text`` Markdown links and the separators between them, nothing else?

    >>> _links_only("[Rain](/a) \u00b7 [Snow](/b)"), _links_only("[Rain](/a) fell today")
    (True, False)
    """
    return bool(_MD_LINK.search(text)) and bool(_MENU_REST.fullmatch(_MD_LINK.sub("", text)))


_MENU_REST = re.compile(r"[\s\u00b7\u2022|/>\u203a\u00bb,*_\u2013\u2014-]*")


def _link_menu(para: str) -> bool:
    """Markdown links and separators only, three links or more: a site's menu.

    >>> _link_menu("[Home](/) \u00b7 [Local](/local) \u00b7 [World](/world)")
    True
    >>> _link_menu("Read [the report](/r) and [the reply](/q) and [the ruling](/s).")
    False
    """
    return len(_MD_LINK.findall(para)) >= MENU_MIN_LINKS and bool(
        _MENU_REST.fullmatch(_MD_LINK.sub("", para))
    )


_AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s){1,3}is "
    r"(?:our|(?:the )?(?:[A-Z][\w&.-]*\s){0,5}?[A-Z]\w*['\u2019]s)\s"
    r"[\w ,'\u2019-]{0,60}?\b(?i:correspondent|reporter|"
    r"editor|writer|journalist|columnist|critic|producer|contributor)s?\b"
)  # the role in any case: "the Clarion's Europe Correspondent" (seventeenth round)

# The same in italics under the story, naming the outlet without a possessive: "*Lena Marsh
# is a Capital Evening Post travel correspondent based in Munich.*" (read blind, fourteenth
# round).  Only set apart in italics: "Evan Roe is a Daily Courier reporter held in ..." in
# plain text may be the news.
_AUTHOR_BIO_SET_APART = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*\s){1,3}is (?:an? )?(?:[A-Z][\w&.-]*\s){1,5}"
    r"[\w ,'\u2019-]{0,40}?\b(?i:correspondent|reporter|"
    r"editor|writer|journalist|columnist|critic|producer|contributor)s?\b"
)  # no article, the role capitalised: "*Ciara Mulvihill is Consumer Affairs Correspondent at
# The Civic Ledger.*" (read before judging, twenty-first round)

# A biography that tells how to reach its writer: "Tomas Helgren covers Velsby ... for the
# Echo. Got a story? Email ...", "Tom Aldane is a business reporter at the Northgate Post,
# covering banking. Follow him @tomaldane_np" (read blind, eleventh round: reported as
# passages).  The contact is what tells it from a sentence about a journalist in the news.
# An agency describing itself under the story: "*Continental Press Agency (CPA) is an
# independent international news agency. Its reports are distributed ...*" (read before
# judging, seventeenth round).
_AGENCY_BLURB = re.compile(
    r"[*_\s]*(?:[A-Z][\w&.'\u2019-]*\s){1,5}(?:\([A-Z]{2,6}\)\s)?is (?:an?|the) "
    r"(?:[\w-]+\s){0,4}(?:news|wire|press) (?:agency|service)\b"
)
_BIO_OPENING = re.compile(
    r"(?P<name>(?:[A-Z][\w'\u2019.-]*\s){2,3})(?:is an?|is the|covers|writes|reports)\b"
)
_CONTACT_CUE = re.compile(
    r"\bfollow (?:him|her|them)\b|(?:^|\s)@\w|\b(?:got|have) a story\?|\be-?mail\b[^.]*@"
    r"|\bcontact (?:him|her|them) at \S+@",
    re.I,
)
RELATED_HEADING_MAX_WORDS = 6


def _related_block(para: str) -> bool:
    r"""A "More from ..." or "Most read" heading over its list of headlines, in one paragraph.

    >>> _related_block("MOST READ THIS WEEK\n1. Ski lift to open early\n2. Car park row")
    True
    >>> _related_block("More from the meeting: the mayor spoke.\nShe left at noon.")
    False
    """
    lines = [line.strip() for line in para.splitlines() if line.strip()]
    if len(lines) < 3:
        return False
    head = lines[0].lstrip("#").strip("*_ :").casefold()
    if len(head.split()) > RELATED_HEADING_MAX_WORDS or not head.startswith(_RELATED_MARKERS):
        return False
    return _headline_like("\n".join(_NUMBERED.sub("", line) for line in lines[1:]))


_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")


_NOTICE = {
    "media": Reason.MEDIA,
    "syndication": Reason.SYNDICATION,
    "copyright": Reason.COPYRIGHT,
    "advert": Reason.MARKER,
    "page": Reason.MARKER,
}


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


_NAMES_ONLY = re.compile(r"\s*[A-Z][\w.'’&-]*(?:,?\s+(?:and|&|in|[A-Z][\w.'’&-]*))*\.?")


def _credited_last(para: str) -> bool:
    """Does the paragraph end in a contributor line ("Additional reporting by Aldwater Wire.")?

    Only names may follow "reporting by": "Reporting by state media was limited." is text.
    """
    last = _SENTENCE_BREAK.split(para.strip())[-1]
    opening = _CONTRIB_START.match(last)
    return opening is not None and _NAMES_ONLY.fullmatch(last[opening.end() :]) is not None


def _credit_line(para: str) -> list[str] | None:
    body = para.strip().strip("()").strip().rstrip(".").strip()
    folded = body.casefold()
    agencies = lexicons.words("boilerplate_agencies.txt")
    for opening in lexicons.entries("boilerplate_credit_lines.txt"):
        if folded.startswith(opening.casefold()):
            rest = body[len(opening) :].strip(" :,")
            return [c for c in _SPLIT_CREDITS.split(rest) if c] if rest else []
    bare = body.lstrip("—–- ").strip()
    if bare != body and (bare.casefold() in agencies or _SIGN_OFF.fullmatch(bare)):
        return [bare]  # "— Reuters", "— Pan-Atlantic Newswire" under a story
    if _SIGN_OFF.fullmatch(body) and body.split()[-1] in _AGENCY_HEADS:
        return [body]  # "Continental Press Agency" alone on its line: the wire's credit
    return None


def _subscribe(para: str) -> bool:
    """ "Subscribe to ..." opening the paragraph, or after a short label ("GET THE COURIER
    EVERY MORNING: Subscribe from 4 crowns a week ...")."""
    return bool(_SUBSCRIBE.match(para) or _after_label(para, _SUBSCRIBE))


def _after_label(para: str, opening: re.Pattern[str] = _SIGNUP_START) -> re.Match[str] | None:
    """``opening`` right after a short label ending in a colon ("Get the Morning Brief:
    sign up for ..."): the outlet's own imperative, set off by a heading of a few words."""
    head, colon, _rest = para.partition(":")
    if not colon or len(head.split()) > LABEL_MAX_WORDS:
        return None
    return opening.match(para, len(head) + 1)


LABEL_MAX_WORDS = 6


def carries_reporting(text: str) -> bool:
    """Whether text reads as reporting, not a caption: a reporting verb in two or more
    sentences' worth of text (a caption is one sentence and a credit).

    >>> carries_reporting("The minister reportedly resigned. Aides said he left on Monday.")
    True
    >>> carries_reporting("Kim Jong-un says the world will see a new weapon")
    False
    """
    return bool(_REPORTING.search(text)) and (
        bool(_SENTENCE_END.search(text)) or len(text.split()) > 30
    )


def _is_caption(para: str) -> bool:
    # Markdown emphasis around a caption ("*Photo: ... (Courier/Tom Reyes)*") is no text,
    # nor are the square brackets a content system sets a caption in ("[Photo: ...]").
    para = _unemphasised(para) or para
    if para.startswith("[") and para.endswith("]") and "](" not in para:
        para = para[1:-1].strip() or para
    if (m := _DASH_CREDIT.search(para)) and para[: m.start()].rstrip()[-1:] not in _FINAL_PUNCT:
        credit = m[1]
        agencies = lexicons.words("boilerplate_agencies.txt")
        if ("via" in credit.split() or "/" in credit or credit.casefold() in agencies) and not (
            carries_reporting(para[: m.start()])
        ):
            return True
    if (_SLASH_CREDIT.search(para) or _SENTENCE_SLASH_CREDIT.search(para)) and not (
        carries_reporting(para)
    ):
        return True
    if _CREDIT_WORD.search(para) or _PHOTO_TAIL.search(para) or _CREDIT_GLUED.search(para):
        return True
    if len(para.split()) <= 15 and _PHOTO_LINE.match(para):
        return True
    if (
        len(para.split()) <= CAPTION_MAX_WORDS
        and _CAPTION_LABEL.match(para)
        and not _REPORTING.search(para)
    ):
        return True  # "Photo: Workers clear debris ...": a labelled caption of any length
    m = _PAREN_END.search(para)
    if m is None:
        return False
    inner = m[1].strip()
    bare = re.sub(r"^the\s+", "", inner, flags=re.I).casefold()
    agencies = lexicons.words("boilerplate_agencies.txt")
    if _CREDITISH.search(inner) or inner.casefold() in agencies or bare in agencies:
        return True
    # "(photos were first shown by ...)": only a caption when the rest is not reporting.
    return bool(_CREDITISH_WEAK.search(inner)) and not carries_reporting(para[: m.start()])


def _is_subheading(para: str) -> bool:
    """A short title-like line with no final punctuation, between paragraphs."""
    if _BREAK.search(para) or len(para) > 80 or len(para.split()) > 10:
        return False
    first = para[0]
    return (
        (first.isupper() or first.isdigit())
        and para[-1] not in _FINAL_PUNCT
        and any(c.isalpha() for c in para)
    )


def _without_nuls(
    text: str, s: int, e: int, removed: list[tuple[int, int, Reason]]
) -> list[tuple[int, int]]:
    """Split a paragraph around NUL runs, which are recorded as removed."""
    if "\x00" not in text[s:e]:
        return [(s, e)]
    pieces: list[tuple[int, int]] = []
    pos = s
    for m in re.finditer("\x00+", text[s:e]):
        removed.append((s + m.start(), s + m.end(), Reason.NUL))
        if (piece := _trim(text, pos, s + m.start())) is not None:
            pieces.append(piece)
        pos = s + m.end()
    if (piece := _trim(text, pos, e)) is not None:
        pieces.append(piece)
    return pieces
