"""Attribution rules: who is said to have said what, and how firmly.

``rule`` is the rule module (``find(ctx) -> list[Candidate]``); reporting
verbs and source markers are read below, in ``claims.sources``; ``claims``,
``story`` (story-wide attributed claims) and ``findings`` word the findings.
"""
