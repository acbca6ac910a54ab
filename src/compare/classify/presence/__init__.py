"""Presence rules: what one outlet carries and another leaves out.

``omission`` is the rule module (``find(ctx) -> list[Candidate]``); ``added``
and ``contents`` judge what a passage adds and whether it is substance;
``carried`` measures how much of a passage another article tells elsewhere.
"""
