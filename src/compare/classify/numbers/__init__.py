"""Number rules: figures that differ between outlets for the same thing counted.

``rule`` is the rule module (``find(ctx) -> list[Candidate]``); ``lexicon``,
``parse`` and ``context`` read figures; ``claims``, ``verdict``, ``findings``,
``dates`` and ``ages`` judge them and word the findings.
"""
