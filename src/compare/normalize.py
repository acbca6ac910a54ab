"""The compared form of a token: what counts as "the same word".

Why here and shared: diff compares normalised forms so that typography
(curly vs straight quotes, dash styles, NFC vs NFD accents, invisible
zero-width characters and soft hyphens) never looks like a change of
wording, while the typography rule can still count those differences by
comparing original text whose normalised forms are equal.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that are invisible in print: zero-width space/joiners, word
# joiner, soft hyphen, BOM.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff]")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": "...",
    }
)


def strip_invisible(text: str) -> str:
    """Remove zero-width characters and soft hyphens.

    >>> strip_invisible("cease\\u00adfire")
    'ceasefire'
    """
    return _INVISIBLE.sub("", text)


def typographic_form(text: str) -> str:
    """Text with quotes, dashes, spaces and Unicode composition made uniform.

    Case is kept, so capitalisation differences survive this step.

    >>> typographic_form("\\u201cHi\\u201d \\u2014 caf\\u0065\\u0301")
    '"Hi" - café'
    """
    return unicodedata.normalize("NFKC", strip_invisible(text)).translate(_QUOTES)


def norm(text: str) -> str:
    """The compared form of a token: typographic form, case-folded.

    >>> norm("Defence") == norm("defence")
    True
    """
    return typographic_form(text).casefold()
