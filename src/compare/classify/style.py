"""Rule family: style (skeleton; filled in shortly)."""

from __future__ import annotations

from compare.classify.base import Candidate, Context


def is_variant(a: str, b: str) -> bool:
    """True when a and b differ only as this rule family's variants."""
    return False


def find(ctx: Context) -> list[Candidate]:
    """Candidates of this rule family."""
    return []
