"""Number rules: figures that differ between outlets for the same thing counted.

``rule`` is the rule module (``find(ctx) -> list[Candidate]``); the figures
are read below, in ``claims`` (``number_lexicon``, ``number_parse``,
``number_context``, ``quantities``); ``claims``, ``verdict``, ``findings``,
``dates`` and ``ages`` here judge them and word the findings.
"""
