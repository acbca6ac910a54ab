"""Paragraphs, sentences and tokens, each with offsets into the original file.

Why Punkt with a curated list: NLTK's pretrained Punkt model is a download,
and nothing may be downloaded at run time.  Punkt's algorithm with an
explicit list of news abbreviations ("Sept.", "Gov.", "U.S.") splits news
copy well and needs no data.  Every sentence and token keeps its character
offsets into ``Article.text`` so any finding can quote the file exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from compare.model import Article, Sentence, Span, Token
from compare.text import lexicons
from compare.text.normalize import INVISIBLE_CLASS, norm, strip_invisible
from compare.text.offsets import LineIndex

ABBREVIATIONS_FILE = "segment_abbreviations.txt"
STARTERS_FILE = "segment_sentence_starters.txt"
MONTHS_FILE = "variants_months.txt"

# Order matters: initialisms and numbers before plain words.  Invisible
# characters (soft hyphen, zero-width) are allowed inside words so they never
# split a word in two.
_WORD_CHARS = rf"[\w{INVISIBLE_CLASS}]"
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # initialisms: U.S., a.m.
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)"  # 20,000 and 1,234.5
    r"|\d+(?:[.,]\d+)*[^\W\d_]\w*"  # 1960s, 3rd, 4.5bn, 10km
    r"|\d+(?:\.\d+)?(?!\w)"  # 14, 1.5
    r"|[^\W\d_]+\*+[^\W\d_]+|[^\W\d_]{1,2}\*{2,}(?![\w*])"  # a word starred out: f***ing, s**t
    rf"|{_WORD_CHARS}+(?:['\u2019\-\u2010\u2011]{_WORD_CHARS}+)*"  # words, hyphenated compounds
    r"|[^\s\w\x00-\x1f\x7f]"  # any single punctuation mark or symbol
)
_WORDLIKE = re.compile(r"\w")


@cache
def _starters() -> frozenset[str]:
    """Words that often start a sentence (lower case), for Punkt and ``_surname_follows``."""
    return frozenset(lexicons.words(STARTERS_FILE))


@cache
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(lexicons.words(ABBREVIATIONS_FILE))
    params.sent_starters = set(_starters())
    return PunktSentenceTokenizer(params)


@cache
def _month_break() -> re.Pattern[str]:
    """An abbreviated month, its full stop, then a capitalised word: a sentence ends there.

    Why a rule beside Punkt: news style abbreviates a month only before a
    day ("Sept. 5"), so "Jan." followed by a capitalised word ("due in Jan.
    Analysts expect") ends its sentence; Punkt, told that "jan" is an
    abbreviation, cannot know that the next word is no name.
    """
    months = sorted(
        {m for row in lexicons.rows(MONTHS_FILE) for m in row[1:]}, key=len, reverse=True
    )
    return re.compile(rf"\b(?:{'|'.join(months)})\.(\s+)([^\W\d_]\w*)")


# A full stop (or ! ?) glued to the capitalised word after it, behind a lower-case
# word: "was locked.On Tuesday".  Scraped pages lose the space where two paragraphs
# met; no abbreviation ends in two lower-case letters before such a join ("St.Louis",
# "U.S.Army" are left alone), and a dotted name ("example.Com/page") is skipped.
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?][\"\u201d\u2019)]?(?=[A-Z][^\W\d_]*[a-z](?![\w.]*[./]\w))")

# Two words glued without their space: a lower-case word of three letters or more,
# then one capitalised word ("woundsFollowing", "andTrump").  A handle or tag
# ("@realDonaldTrump", "#MeToo") and a name with more humps ("realDonaldTrump")
# are left alone; so are "iPhone", "eBay" (one letter before the capital).
_GLUED_WORDS = re.compile(r"(?<![\w@#])([a-z]{3,})([A-Z][a-z]{2,})(?![\w@])")


def tokenize(text: str, *, offset: int = 0) -> tuple[Token, ...]:
    """Split text into word and punctuation tokens with absolute offsets.

    A token's ``text`` is the word as printed: invisible format characters
    (zero-width spaces, direction marks; ``normalize.INVISIBLE_CLASS``) are
    left out of it, so no rule sees "s\u200baid" as another word than
    "said", while ``start``/``end`` still span them in the file (issue #19).

    >>> [t.text for t in tokenize("The U.S. said 20,000 fled.")]
    ['The', 'U.S.', 'said', '20,000', 'fled', '.']
    """
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # Cheap test first: a glued pair starts in lower case and holds a capital.
        glued = (
            _GLUED_WORDS.fullmatch(text, m.start(), m.end())
            if word[:1].islower() and not word.islower()
            else None
        )
        if glued is None:
            start, end = m.span()
            out.append(Token(offset + start, offset + end, strip_invisible(word), _norm(word)))
            continue
        for k in (1, 2):
            part = glued.group(k)
            out.append(Token(offset + glued.start(k), offset + glued.end(k), part, norm(part)))
    return tuple(out)


def _norm(word: str) -> str:
    """A token's compared form; a starred-out word is its first letter and one star.

    Why: outlets star out a swear word each their own way ("f***ing",
    "F**king"); the letters left visible are a typographic choice, not the
    word, so every starred-out spelling of one initial compares equal and no
    rule reports "ing" vs "king".
    """
    if "*" in word and word[0].isalpha():
        return norm(word[0]) + "*"
    return norm(word)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries inside one paragraph (Punkt with news abbreviations).

    >>> sentence_spans("Gov. Smith spoke on Sept. 5 in the U.S. capital. Then he left.")
    [(0, 48), (49, 62)]
    >>> sentence_spans("Results are due in Jan. Analysts expect a loss.")
    [(0, 23), (24, 47)]

    A sentence glued to the next by a lost space ends at its full stop
    (``_GLUED``), or where its last word runs into a capitalised one
    (``_GLUED_WORDS``): Punkt sees one word there and cannot split it.

    >>> sentence_spans("The house was locked.On Tuesday, police came.")
    [(0, 21), (21, 45)]
    """
    spans: list[tuple[int, int]] = []
    for s, e in _initialisms_kept(text, _tokenizer().span_tokenize(text)):
        for m in _month_break().finditer(text, s, e):
            word = m.group(2)
            if word[0].isupper() and not any(c.isdigit() for c in word):
                spans.append((s, m.start(1)))
                s = m.end(1)
        for m in _GLUED.finditer(text, s, e):
            if _is_sentence_start(text, m.end(), e):
                spans.append((s, m.end()))
                s = m.end()
        for m in _GLUED_WORDS.finditer(text, s, e):
            # "woundsFollowing the death": a paragraph that ended without its full stop.
            # "andTrump held talks" is one sentence: a function word cannot end one.
            if m.group(1) not in ENGLISH_STOP_WORDS and _is_sentence_start(text, m.end(1), e):
                spans.append((s, m.end(1)))
                s = m.end(1)
        spans.append((s, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]


# A dotted initialism at the end of a Punkt sentence ("the I.R.S.", "F.B.I.") and
# what follows it: a lower-case word or a possessive ending goes on the same sentence.
_INITIALISM_END = re.compile(r"(?:\b[^\W\d_]\.){2,}$")
_CONTINUES = re.compile(r"[a-z]|['\u2019]s\b")
# A person's initials between a capitalised word and a surname: "Police Chief J.P. Morrow",
# "Sen. J.D. Vance".  Upper-case letters only, right after a capitalised word (a title or
# first name); "the U.S. Officials" (after "the") and "Washington, D.C. Police" (after a
# comma) are left cut.
_NAME_INITIALS_END = re.compile(r"\b[A-Z][\w.'\u2019-]*\s+(?:[A-Z]\.){2,3}$")
_CAPITALISED = re.compile(r"([A-Z][^\W\d_]*)\b")


def _initialisms_kept(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's sentences, rejoined where one was cut after a dotted initialism.

    Why: Punkt knows an abbreviation only from its list or from training text,
    and here it has neither for the many initialisms some house styles dot
    ("the I.R.S. said", "the F.B.I.\u2019s director"); it ends a sentence at
    each.  A sentence never starts with a lower-case word or a possessive
    ending, so a cut before one is undone.  Before a capitalised word the
    cut stands: "... moved to the U.S. He said" may end a sentence.

    >>> t = "The I.R.S. said on Monday. The F.B.I.\u2019s chief left."
    >>> [t[s:e] for s, e in _initialisms_kept(t, _tokenizer().span_tokenize(t))]
    ['The I.R.S. said on Monday.', 'The F.B.I.\u2019s chief left.']
    """
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and (
            (_INITIALISM_END.search(text, out[-1][0], out[-1][1]) and _CONTINUES.match(text, s))
            or _surname_follows(text, out[-1], s)
            or _speech_tag_follows(text, out[-1], (s, e))
        ):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _surname_follows(text: str, before: tuple[int, int], at: int) -> bool:
    """The cut at ``at`` falls between a person's initials and the surname after them.

    "Riverside Police Chief J.P. Morrow said." was two sentences,
    the second "Morrow said.": Punkt lists no two-letter initials.  A
    capitalised word that often starts a sentence ("The", "He": Punkt's
    sentence starters) still ends the sentence before it.

    >>> t = "Police Chief J.P. Morrow said. Rain fell."
    >>> [t[s:e] for s, e in _initialisms_kept(t, _tokenizer().span_tokenize(t))]
    ['Police Chief J.P. Morrow said.', 'Rain fell.']
    >>> t = "He met Chief J.P. He said no."
    >>> [t[s:e] for s, e in _initialisms_kept(t, _tokenizer().span_tokenize(t))]
    ['He met Chief J.P.', 'He said no.']
    """
    if not _NAME_INITIALS_END.search(text, *before):
        return False
    word = _CAPITALISED.match(text, at)
    return word is not None and word.group(1).lower() not in _starters()


# Verbs of a dialogue tag after a quotation ('"Who are you?" he asked.').  General English
# verbs of saying (reporting verbs and the speech verbs of dialogue), not a list of the
# claim layer's stances: this only decides where a sentence ends.
_TAG_VERBS = frozenset(
    {"said", "says", "asked", "asks", "added", "adds", "told", "continued", "recalled",
     "replied", "demanded", "demands", "declared", "wrote", "writes", "insisted", "noted",
     "explained", "shouted", "exclaimed", "wondered", "quipped", "joked", "warned", "argued",
     "tweeted", "posted", "answered", "responded", "recalls", "continues", "concluded"}
)  # fmt: skip
# What may follow the verb of a tag that opens with its subject ("he said on Monday").
_TAG_TAIL = frozenset(
    {"on", "in", "at", "after", "before", "later", "then", "again", "today", "yesterday",
     "tonight", "earlier", "this", "last", "week", "month", "year", "morning", "afternoon",
     "evening", "night", "the", "of", "to", "reporters", "told", "recently", "once"}
)  # fmt: skip
_QUOTE_END = re.compile(r"([?!.,])[\"\u201d\u2019'\u201c]\s*$")
_PAREN_ABBREVIATION_END = re.compile(r"\.\)\s*$")  # "(R-Wisc.)", "(D-Penn.)"
TAG_WORDS_NAMED = 6  # words of a tag that starts with a name ("Obama said.")
TAG_WORDS = 12  # words of a tag that starts in lower case ("said the legislator, ...")
TAG_VERB_REACH = 4  # the tag's verb stands among its first words


def _speech_tag_follows(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Is the piece ``after`` a dialogue tag that belongs to the quotation ``before`` ends with?

    Why: Punkt ends a sentence at '?"' or '!"' and before a capital, so
    '"Who are you!" the congressman demands.' and '"... the national
    average?" he asked.' became a quotation with no speaker and a sentence
    "he asked."; the quotation then read as the outlet's own claim.  A tag
    is short, and its verb of saying stands among its first four words.  After '."' only
    a bare tag joins ("Durbin said."): a sentence of its own is longer.
    A piece starting in lower case after "(R-Wisc.)" continues it too.

    >>> t = '"Who are you?" he asked. Then he left.'
    >>> [t[s:e] for s, e in _initialisms_kept(t, _tokenizer().span_tokenize(t))]
    ['"Who are you?" he asked.', 'Then he left.']
    >>> t = '"We will win." Obama said. The crowd cheered loudly at the rally.'
    >>> [t[s:e] for s, e in _initialisms_kept(t, _tokenizer().span_tokenize(t))]
    ['"We will win." Obama said.', 'The crowd cheered loudly at the rally.']
    """
    prev = text[before[0] : before[1]]
    piece = text[after[0] : after[1]]
    if _PAREN_ABBREVIATION_END.search(prev) and piece[:1].islower():
        return True
    end = _QUOTE_END.search(prev)
    if end is None:
        return False
    words = re.findall(r"[\w'\u2019-]+", piece)
    if not words:
        return False
    lower = piece[:1].islower()
    if lower and end.group(1) in "?!":
        return True  # '... asks, "who are you?" before knocking ...': no sentence starts so
    limit = TAG_WORDS if lower else TAG_WORDS_NAMED
    if end.group(1) in ".," and not lower:
        limit = 3  # '..." Durbin said.': only a bare tag
    if len(words) > limit:
        return False
    verb = next(
        (k for k, w in enumerate(words[:TAG_VERB_REACH]) if w.casefold() in _TAG_VERBS), None
    )
    if verb is None:
        return False
    # "Obama said on Monday." is a tag; "Police said five died." is a sentence: after a
    # subject and its verb, a tag has only a time or place phrase, or a name.
    return verb == 0 or all(w[:1].isupper() or w.casefold() in _TAG_TAIL for w in words[verb + 1 :])


def _is_sentence_start(text: str, at: int, end: int) -> bool:
    """The glued word after ``at`` starts a sentence of at least three words."""
    return len(re.findall(r"\w+", text[at:end])) >= 3


def split_sentences(
    article: Article, paragraph: Span, *, paragraph_index: int, first_index: int, lines: LineIndex
) -> list[Sentence]:
    """Sentences of one body paragraph, numbered from ``first_index``."""
    out: list[Sentence] = []
    for s, e in sentence_spans(paragraph.text):
        start, end = paragraph.start + s, paragraph.start + e
        text = article.text[start:end]
        tokens = tokenize(text, offset=start)
        if not tokens:
            continue
        out.append(
            Sentence(
                article_id=article.id,
                index=first_index + len(out),
                paragraph=paragraph_index,
                start=start,
                end=end,
                line=lines.line(start),
                text=text,
                tokens=tokens,
            )
        )
    return out


def segment(article: Article) -> Article:
    """Fill ``sentences`` and ``words`` from the article's kept body paragraphs.

    Paragraph spans come from ingest, which has already removed boilerplate.
    """
    lines = LineIndex(article.text)
    sentences: list[Sentence] = []
    for p_index, paragraph in enumerate(article.paragraphs):
        sentences.extend(
            split_sentences(
                article, paragraph, paragraph_index=p_index, first_index=len(sentences), lines=lines
            )
        )
    words = sum(1 for s in sentences for t in s.tokens if _WORDLIKE.search(t.text))
    return replace(article, sentences=tuple(sentences), words=words)


def sentence_text(article: Article, sentence: Sentence) -> str:
    """A sentence's text, also while it waits without it (``pipeline.without_tokens``).

    Why: a sentence's text is a slice of its article's, and an article read
    from an archive waits for its story's analysis without the copy (issue
    #19); grouping reads it from the article by offsets meanwhile.

    >>> import sys; sys.path.insert(0, "tests")
    >>> from dataclasses import replace
    >>> from builders import article_from_text
    >>> a = article_from_text("a", "Rain fell. Roads shut.")
    >>> sentence_text(a, replace(a.sentences[1], text=""))
    'Roads shut.'
    """
    return sentence.text or article.text[sentence.start : sentence.end]


def retokenize(sentence: Sentence) -> Sentence:
    """Restore tokens of a sentence loaded from report.json (which omits them)."""
    return replace(sentence, tokens=tokenize(sentence.text, offset=sentence.start))
