"""Datelines: the "CITY:" or "City (Agency) -" that opens wire copy.

Why in ``text``: the house-style rule (``classify.variants.datelines``) reads
them, and so does the claim layer, which quotes a claim without the dateline
its sentence opens with ("BANGALORE: India plans ..." is the claim "India
plans ...").
"""

from __future__ import annotations

import re

# A place in capitals ("PORT VELL") or in title case followed by an agency in
# brackets ("Port Vell (Wirenews)"), or an agency alone ("(Wirenews)"), then a
# colon or a dash.  Four capital letters at least keep out labels like "US:".
_PLACE_CAPS = r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3}(?:, [A-Z][A-Za-z.]+){0,2}"
_PLACE = r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}"
_AGENCY = r"\([A-Z][A-Za-z ]{1,20}\)"
DATELINE = re.compile(
    rf"^\s*((?:{_PLACE_CAPS}(?: {_AGENCY})?|{_PLACE} {_AGENCY}|{_AGENCY})"
    r" ?(?::|\u2014|\u2013|--?)) +(?=[A-Z\"\u201c'\u2018])"
)


def dateline(text: str) -> str | None:
    """The dateline opening a sentence, or None.

    >>> dateline("PORT VELL: Talks ended."), dateline("Rome (Wirenews) - Talks ended.")
    ('PORT VELL:', 'Rome (Wirenews) -')
    >>> dateline("Talks ended."), dateline("US: talks end") is None
    (None, True)
    """
    m = DATELINE.match(text)
    if m is None or (sum(c.isupper() for c in m.group(1)) < 4 and "(" not in m.group(1)):
        return None
    return m.group(1)
