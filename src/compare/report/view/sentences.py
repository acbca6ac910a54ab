"""Plain sentences about one finding, naming the outlets by their neutral keys.

Why: a teacher quotes the headline findings on page one and an editor pastes
them into a review, so each must stand on its own and say *who* wrote what:
"Outlets A and B say "at least 12 miners"; Outlet D says "15 people"."
The analysis explains a finding without outlet names ("One version ... the
other ..."), because keys are a presentation choice; this module only puts the
keys into that explanation.  It quotes the finding's own spans and label and
never decides anything the analysis did not: when an explanation does not have
the expected shape, the keyed "who says what" sentence is put in front of it
unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from compare.model import Finding, Kind
from compare.report.view.text import clip, join_keys, sentences
from compare.text.normalize import norm

QUOTE_CHARS = 90  # passage quotes inside a sentence
_VERSUS = re.compile(r'^(?P<lead>[^:"]{3,}):\s*"[^"]*"\s+vs\s+"[^"]*"\.?$')
_NO_SOURCE = re.compile(
    r'^"(?P<words>[^"]+)" vs no attribution$|^no attribution vs "(?P<other>[^"]+)"$'
)


def variant_groups(
    finding: Finding, order: Sequence[str], keep: Callable[[str], bool] = lambda aid: True
) -> list[tuple[list[str], str]]:
    """``[(article ids, words)]``: outlets that use the same words, in ``order``.

    Words of several spans are joined with " … " and compared after
    typographic normalisation, so curly and straight quotes do not split a group.
    """
    groups: dict[str, tuple[list[str], str]] = {}
    ids = [a for a in order if a in finding.spans] + [a for a in finding.spans if a not in order]
    for aid in ids:
        spans = finding.spans.get(aid, ())
        if not spans or not keep(aid):
            continue
        words: list[str] = []
        for span in spans:
            if span.text not in words:
                words.append(span.text)
        text = " … ".join(words)
        groups.setdefault(norm(text), ([], text))[0].append(aid)
    return list(groups.values())


def _says(groups: list[tuple[list[str], str]], name: Callable[[str], str], noun: str) -> str:
    parts = []
    for ids, words in groups:
        verb = "says" if len(ids) == 1 else "say"
        parts.append(f'{join_keys([name(a) for a in ids], noun)} {verb} "{clip(words, 60)}"')
    return "; ".join(parts)


def _tail(explanation: str) -> str:
    rest = sentences(explanation)[1:]
    return " ".join(rest)


def keyed_sentence(
    finding: Finding,
    *,
    order: Sequence[str],
    name: Callable[[str], str],
    noun: str = "Outlet",
    keep: Callable[[str], bool] = lambda aid: True,
    carriers: Sequence[str] = (),
    omitting: Sequence[str] = (),
) -> str:
    """The finding as plain sentences with outlet keys, ready to quote.

    ``order`` is the compared article ids (display order), ``name`` maps an id
    to its key ("A"), ``noun`` prefixes keys ("Outlets A and B"), and ``keep``
    limits which outlets are named (the handout shows two).  For an omitted
    passage, ``carriers`` and ``omitting`` come from the coverage cells; without
    them the outlets with and without quoted text are used.

    >>> from compare.model import Severity, Span
    >>> f = Finding("f", Kind.NUMBER_DISCREPANCY, Severity.CRITICAL, "p1",
    ...     {"x": (Span("x", 0, 2, 1, "12"),), "y": (Span("y", 0, 2, 1, "15"),)},
    ...     'The toll differs: "12" vs "15". One is newer.')
    >>> keyed_sentence(f, order=["x", "y"], name={"x": "A", "y": "B"}.get)
    'The toll differs: Outlet A says "12"; Outlet B says "15". One is newer.'
    """
    explanation = " ".join(finding.explanation.split())
    kind = Kind(finding.kind)
    groups = variant_groups(finding, order, keep)
    compared = [a for a in order if keep(a)]
    if kind is Kind.OMITTED_PASSAGE:
        quoted = [a for a in compared if finding.spans.get(a)]
        have = [a for a in compared if a in carriers] or quoted
        missing = [a for a in compared if a in omitting]
        missing = missing or [a for a in compared if a in finding.spans and a not in quoted]
        if quoted and missing:
            quote = clip(finding.spans[quoted[0]][0].text, QUOTE_CHARS)
            lead = (
                f"{join_keys([name(a) for a in missing], noun)} "
                f"{'leaves' if len(missing) == 1 else 'leave'} out a passage that "
                f"{join_keys([name(a) for a in have], noun)} "
                f"{'carries' if len(have) == 1 else 'carry'}: {_quoted(quote)}"
            )
            return " ".join(filter(None, (lead, _tail(explanation))))
    if kind is Kind.ADDED_PASSAGE and len(groups) == 1:
        ids, words = groups[0]
        quote = clip(words, QUOTE_CHARS)
        who = join_keys([name(a) for a in ids], noun)
        lead = f"Only {who} carries this passage: {_quoted(quote)}"
        return " ".join(filter(None, (lead, _tail(explanation))))
    match = _NO_SOURCE.match(finding.label or "")
    if kind is Kind.ATTRIBUTION_CHANGE and match and len(groups) >= 2:
        source = match.group("words") or match.group("other") or ""
        credited = [g for g in groups if norm(g[1]) == norm(source)]
        plain = [a for g in groups if g not in credited for a in g[0]]
        if credited and plain:
            ids = [a for g in credited for a in g[0]]
            return (
                f"{join_keys([name(a) for a in ids], noun)} "
                f"{'credits' if len(ids) == 1 else 'credit'} the claim to a source "
                f'("{source}"); {join_keys([name(a) for a in plain], noun)} '
                f"{'states' if len(plain) == 1 else 'state'} it as fact, "
                "without saying who vouches for it."
            )
    if len(groups) < 2:
        return explanation
    who = _says(groups, name, noun)
    first = sentences(explanation)[:1]
    versus = _VERSUS.match(first[0]) if first else None
    if versus and _quotes_spans(first[0], variant_groups(finding, order)):
        return " ".join(filter(None, (f"{versus.group('lead')}: {who}.", _tail(explanation))))
    if versus:
        # '"Noor said" vs "Lindqvist said"' names the speakers, not the quoted sentences:
        # keyed by the sentences it read 'Outlets A and C say ""If the rain ...' (a source
        # credited through "he said" is not in its sentence, so no key can be put on it)
        return explanation
    return f"{who[0].upper()}{who[1:]}. {explanation}"


_QUOTED_TEXT = re.compile(r'"([^"]*)"')


def _quotes_spans(first: str, groups: list[tuple[list[str], str]]) -> bool:
    """Does an explanation's '"X" vs "Y"' quote the finding's own spans (any outlet's: the
    handout names two outlets, and its explanation may quote a third's)?"""
    quoted = [norm(q) for q in _QUOTED_TEXT.findall(first)]
    said = [norm(words) for _ids, words in groups]
    return all(any(q and (q in w or w in q) for w in said) for q in quoted)


_OPENING_QUOTES = ('"', "\u201c", "\u2018", "'")


def _quoted(text: str) -> str:
    """``text`` in quotation marks, unless it opens with one (a quotation quoted whole),
    with the full stop that ends the sentence quoting it (none after "…" or its own).

    >>> _quoted("Rain fell."), _quoted("\u201cWe won,\u201d he said."), _quoted("\u201cWe \u2026")
    ('"Rain fell.".', '\u201cWe won,\u201d he said.', '\u201cWe \u2026')
    """
    if not text.startswith(_OPENING_QUOTES):
        return f'"{text}".'
    return text if text.endswith(("\u2026", ".", "?", "!")) else f"{text}."
