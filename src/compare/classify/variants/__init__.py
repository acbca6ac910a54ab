"""Variant rules: differences of form, not of fact.

Rule modules (each ``find(ctx) -> list[Candidate]``): ``names`` (spellings of
one name), ``style`` (house style, with ``style_dates`` and
``style_findings``), ``spelling`` (US/UK), ``typography``; shared:
``align`` (variant pairs inside a cell pair), ``canon`` (canonical forms),
``dates``, ``name_forms`` (string tests for names).
"""
