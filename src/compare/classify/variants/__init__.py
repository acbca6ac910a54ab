"""Variant rules: differences of form, not of fact.

Rule modules (each ``find(ctx) -> list[Candidate]``): ``names`` (spellings of
one name), ``style`` (house style, with ``style_dates``, ``style_findings``
and ``datelines``), ``spelling`` (US/UK), ``typography``; shared: ``align``
(variant pairs inside a cell pair), ``forms`` (story-wide forms: titles,
currency markers, ages, hyphenated and possessive names), ``canon``
(canonical forms), ``dates``, ``name_forms`` (string tests for names).
"""
