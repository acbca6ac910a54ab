"""``compare diff`` piped or redirected: changes marked in plain text (#16).

Why: colour is the only marking a terminal shows, so in ``less`` or a file
every trace of what changed was lost.  As ``git diff --word-diff=plain``
does, the first article's words are marked ``[-…-]`` and the second's
``{+…+}``, inside the sentences that hold them, with their line numbers.
"""

from __future__ import annotations

from typing import TextIO

from compare.model import Article, Kind, Report, Sentence, Span
from compare.util.streams import visible

OLD = ("[-", "-]")
NEW = ("{+", "+}")


def holding(article: Article, spans: tuple[Span, ...]) -> list[Sentence]:
    """The sentences of ``article`` where the spans start, each once, in the spans' order.

    Shared by the coloured and the plain ``compare diff`` output, which show
    the same sentences and differ only in how they mark the spans.
    """
    found: list[Sentence] = []
    for span in spans:
        sentence = next(
            (s for s in article.sentences if s.start <= span.start < max(s.end, s.start + 1)),
            None,
        )
        if sentence is not None and sentence not in found:
            found.append(sentence)
    return found


def marked(article: Article, spans: tuple[Span, ...], marks: tuple[str, str]) -> str:
    """The sentences holding ``spans``, each span wrapped in ``marks``, with line numbers.

    >>> from compare.model import Sentence
    >>> s = Sentence("a", 0, 0, 0, 12, 1, "Power to 12.")
    >>> art = Article("a", "a", "", "Power to 12.", "a", "", None, None, "", sentences=(s,))
    >>> marked(art, (Span("a", 9, 11, 1, "12"),), OLD)
    'Power to [-12-]. (line 1)'
    """
    if not spans:
        return "(not in this article)"
    parts = []
    for sentence in holding(article, spans):
        inside = sorted(
            (o for o in spans if sentence.start <= o.start and o.end <= sentence.end),
            key=lambda o: (o.start, o.end),
        )
        text, at = [], sentence.start
        for other in inside:
            if other.start < at:  # overlapping spans: mark the first only
                continue
            text.append(article.text[at : other.start])
            text.append(f"{marks[0]}{article.text[other.start : other.end]}{marks[1]}")
            at = other.end
        text.append(article.text[at : sentence.end])
        parts.append(" ".join("".join(text).split()) + f" (line {sentence.line})")
    return " … ".join(parts) if parts else "(not in this article)"


def render_plain(report: Report, out: TextIO) -> None:
    """Each finding: id, kind, label, explanation, then both articles' marked sentences."""
    a, b = report.story.articles[:2]
    shown = [f for f in report.findings if f.kind is not Kind.TYPOGRAPHY]
    for finding in shown:
        _write(out, f"{finding.id} {finding.kind.value}  {finding.label}\n")
        _write(out, f"  {finding.explanation}\n")
        if finding.time_note:
            _write(out, f"  {finding.time_note}\n")
        for article, marks in ((a, OLD), (b, NEW)):
            head = (
                article.outlet
                if article.outlet == article.id
                else f"{article.outlet} ({article.id})"
            )
            _write(
                out,
                f"  {head}: {marked(article, tuple(finding.spans.get(article.id, ())), marks)}\n",
            )
        _write(out, "\n")
    typography = sum(1 for f in report.findings if f.kind is Kind.TYPOGRAPHY)
    _write(out, f"{len(shown)} differences; {typography} typography-only differences not shown.\n")


def _write(out: TextIO, text: str) -> None:
    """Article text reaches the terminal or file only through ``streams.visible`` (#19)."""
    out.write(visible(text))
