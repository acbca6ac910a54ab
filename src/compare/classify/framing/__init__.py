"""Framing rules: the same fact told with other weight.

Rule modules (each ``find(ctx) -> list[Candidate]``): ``loaded`` (loaded
words, with ``loaded_labels`` and ``loaded_swaps``), ``hedges`` (certainty
added or removed), ``rewording`` (the same sentence reworded).
"""
