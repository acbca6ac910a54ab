"""Rule family: attribution_change, a headline quoting words its own article never prints.

Why: a headline in quotation marks tells the reader someone said those words
("... as residents say they were 'left to die'", "... as finance minister
warns rise 'will cost jobs'").  When the article under it prints the words
nowhere, the reader cannot tell who said them, or whether anyone did: read
blind (fourteenth round), both such headlines were the judges' first missed
difference, and neither was planted as a headline finding.

Only a quotation of ``MIN_WORDS`` words or more counts (one word in
quotation marks is a label the outlet distances itself from, which the
loaded-term rules read), and the words must be missing as a run: the same
words in the article's text, in any case and with any punctuation between
them, are the quotation printed.  Single quotation marks count only around
words (not an apostrophe: "the minister's 'plan'").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from compare.claims.words import stem
from compare.classify.base import Candidate, Context
from compare.ingest.headlines import headline_sentences, headline_text
from compare.model import Kind, Severity, Span

MIN_WORDS = 2  # words a headline's quotation needs to be a quotation, not a label
# A quotation: double marks, or single ones opening after a space (or the start) and
# closing before a space, punctuation or the end ("they were 'left to die'").
_QUOTED = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]{2,200})[\"\u201d]"
    r"|(?:(?<=\s)|^)['\u2018]([^'\u2018\u2019]{2,200}?)['\u2019](?=[\s,.;:!?]|$)"
)
# A word, a censored one ("motherf**ker") included.
_WORD = re.compile(r"[^\W_]+(?:[*'\u2019]+[^\W_]+)*")


def _words(text: str) -> list[str]:
    """The words of a text, case and apostrophes folded.

    >>> _words("They were \u2018left to die\u2019, he said.")
    ['they', 'were', 'left', 'to', 'die', 'he', 'said']
    >>> _words("good & bad")  # the BASIL headline 'Good And Bad' over "good & bad"
    ['good', 'and', 'bad']
    """
    return [w.casefold().replace("\u2019", "'") for w in _WORD.findall(text.replace("&", " and "))]


def _printed(words: list[str], body: list[str]) -> bool:
    """Do ``words`` stand as a run in ``body``, each word or its stem?

    A headline's quotation in another inflection ("'Show A Little Class'" over "try
    showing a little class") is the article's quotation cut to fit: read on the BASIL
    events, no headline's quotation was missing.
    """
    n = len(words)
    wanted = [stem(w) for w in words]
    stems = [stem(w) for w in body]
    return any(stems[k : k + n] == wanted for k in range(len(stems) - n + 1))


def quotations(headline: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each quotation's words in a headline, ``MIN_WORDS`` words or more.

    >>> h = "Camp hit as residents say they were 'left to die'"
    >>> [h[s:e] for s, e in quotations(h)]
    ['left to die']
    >>> list(quotations("Minister's 'plan' to cut jobs")), list(quotations("The 'motherf**ker'"))
    ([], [])
    """
    for m in _QUOTED.finditer(headline):
        group = 1 if m.group(1) is not None else 2
        if len(_words(m.group(group))) >= MIN_WORDS:
            yield m.start(group), m.end(group)


def find(ctx: Context) -> list[Candidate]:
    """One finding per headline quotation its article does not print."""
    out: list[Candidate] = []
    for aid in ctx.alignment.article_ids:
        article = ctx.articles.get(aid)
        if article is None:
            continue
        headline = headline_text(article)
        heads = headline_sentences(article)
        if headline is None or not heads:
            continue
        body = _words(" ".join(s.text for s in article.sentences if s.index not in heads))
        first = article.sentences[heads[0]]
        printed = article.text[first.start : article.sentences[heads[-1]].end]
        for start, end in quotations(printed):
            quoted = printed[start:end]
            if _printed(_words(quoted), body):
                continue
            span = ctx.span(aid, first.start + start, first.start + end)
            out.append(_candidate(aid, span))
    return out


def _candidate(article_id: str, span: Span) -> Candidate:
    spans: dict[str, tuple[Span, ...]] = {article_id: (span,)}
    return Candidate(
        kind=Kind.ATTRIBUTION_CHANGE,
        severity=Severity.MEDIUM,
        passage_id=None,
        key=f"headline-quote:{article_id}:{span.start}",
        spans=spans,
        explanation=(
            f'The headline puts "{span.text}" in quotation marks, but its article never prints '
            "these words, so its reader cannot tell who said them, or whether anyone did."
        ),
        label=f'headline quotes "{span.text}", not in its article',
        weight=1.0,
    )
