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

# Characters that are invisible in print and ignored when comparing (issue #19):
# the soft hyphen and the format characters (Unicode category Cf) that carry no
# letter: zero-width space, non-joiner and joiner, direction marks, bidi
# embeddings, overrides and isolates, word joiner and invisible operators, BOM,
# interlinear annotation marks, Mongolian vowel separator.  Left out are the Cf
# characters a script needs to mean something: Arabic, Syriac and Kaithi number
# signs, Egyptian hieroglyph, shorthand and musical format controls, and the tag
# characters of emoji flags.  ``INVISIBLE_CLASS`` goes inside a regex ``[...]``.
INVISIBLE_CLASS = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
# Joiners are part of spelling in Persian, Indic scripts and emoji: ignored when
# comparing, like the others, but not worth a warning.
_JOINERS = "\u200c\u200d"
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


def is_invisible(char: str) -> bool:
    """Whether ``char`` is one of the invisible characters ignored when comparing.

    >>> is_invisible("\\u200b"), is_invisible("\\u2063"), is_invisible("a")
    (True, True, False)
    """
    return _INVISIBLE.fullmatch(char) is not None


def count_invisible(text: str) -> int:
    """How many invisible characters (joiners aside) ``text`` holds, for a warning.

    >>> count_invisible("Arm\\u200benia and Per\\u200csian")
    1
    """
    return sum(1 for c in _INVISIBLE.findall(text) if c not in _JOINERS)


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
