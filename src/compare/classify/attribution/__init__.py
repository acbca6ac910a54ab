"""Attribution rules: who is said to have said what, and how firmly.

``rule`` is the rule module (``find(ctx) -> list[Candidate]``); ``sources``
(reporting verbs and source markers), ``claims``, ``story`` (story-wide
attributed claims) and ``findings`` word them.
"""
