"""The parts of the report view that say how the report was made (#16).

Why apart from ``view.py``: page 1's "How this report was made" lines, the
reviewer's decisions and the HTML's filter choices are read from the
finished ``Report`` (its settings, outliers and review) and only formatted
here; nothing is recomputed.  Keeping them in one small module keeps
``view.py`` within its size and makes the wording easy to find.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from compare.model import Kind, Report, Severity
from compare.report.view.model import (
    DismissedView,
    FilterChoice,
    FindingView,
    OutletView,
    ReviewView,
)
from compare.report.view.text import KIND_LABELS, elide, format_date, short

SEVERITY_WORDS = {s.value: s.name.lower() for s in Severity}


def plural(n: int, word: str, words: str | None = None) -> str:
    """``"1 finding"`` / ``"3 findings"``.

    >>> plural(1, "finding"), plural(2, "finding")
    ('1 finding', '2 findings')
    """
    return f"{n} {word if n == 1 else (words or word + 's')}"


def when(iso: str) -> str:
    """``"4 Dec 2026, 14:05 UTC"`` from an ISO time; the text itself when unparseable."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return f"{format_date(iso[:10])}, {moment:%H:%M} UTC"


def review_view(report: Report, *, limit: int) -> ReviewView | None:
    """The reviewer's decisions as printed in Method and limits, or ``None`` if unreviewed."""
    state = report.review
    if state is None:
        return None
    dismissed = tuple(
        DismissedView(
            d.finding.id,
            KIND_LABELS[Kind(d.finding.kind)],
            elide(short(d.finding.label or KIND_LABELS[Kind(d.finding.kind)], 160), limit),
            elide(d.reason or "no reason given", limit),
            elide(d.reviewer, limit),
            when(d.at) if d.at else "",
        )
        for d in state.dismissed
    )
    reviewed = ""
    if state.reviewed_at:
        by = f" by {elide(state.reviewer, limit)}" if state.reviewer else ""
        reviewed = f"Reviewed{by} on {when(state.reviewed_at)}."
    summary = f"{plural(len(dismissed), 'finding')} dismissed by the reviewer" if dismissed else ""
    unmatched = ""
    if state.unmatched:
        unmatched = (
            f"{plural(state.unmatched, 'saved decision')} of the review matched no finding "
            "of this analysis and were not applied."
        )
    return ReviewView(dismissed, elide(state.note, limit), reviewed, summary, unmatched)


def made_lines(
    report: Report, outlets: Mapping[str, OutletView], review: ReviewView | None
) -> tuple[str, ...]:
    """Page 1's "How this report was made": filters, reference, outliers, review.

    Read from ``report.settings`` (the options the analysis ran with), the
    story's outliers and the review, so the summary never hides a filter.
    """
    settings = report.settings
    lines = []
    reference = settings.get("reference", "none")
    if reference != "none":
        o = outlets.get(reference)
        named = f"{o.key} {o.label} (article {reference})" if o is not None else reference
        lines.append(
            f"Reference article: {named}. Every other outlet is compared against it: "
            "what it lacks is an omission, what it adds is its own."
        )
    else:
        lines.append("No reference article: every outlet is compared with every other.")
    level = int(settings.get("min_severity", "5") or 5)
    if level < 5:
        lines.append(
            f"Filter: only findings of severity {level} ({SEVERITY_WORDS[level]}) or more "
            f"serious are listed (--min-severity {level})."
        )
    else:
        lines.append("Filter: none; findings of every severity are listed.")
    outliers = report.story.outliers
    if outliers:
        include = settings.get("include_outliers") == "true"
        # The reasons stand in the summary's outlier notes just above; here the keys only.
        names = ", ".join(
            outlets[o.article_id].key if o.article_id in outlets else o.article_id for o in outliers
        )
        verb = "flagged but compared (--include-outliers)" if include else "set aside, not compared"
        lines.append(
            f"{plural(len(outliers), 'article')} {verb} as covering a different event: {names} "
            "(why: see above)."
        )
    if review is not None:
        parts = [review.summary or "no findings dismissed by the reviewer"]
        if review.reviewed:
            parts.append("r" + review.reviewed[1:].rstrip("."))  # "reviewed by … on …"
        else:
            parts.append("not yet marked reviewed")
        lines.append("Review: " + "; ".join(parts) + " (listed under Method and limits).")
    return tuple(lines)


def filter_choices(
    findings: Sequence[FindingView], outlets: Sequence[OutletView]
) -> tuple[tuple[FilterChoice, ...], tuple[FilterChoice, ...], tuple[FilterChoice, ...]]:
    """Kinds, outlets and severities the HTML's filters offer: only those present."""
    kinds = tuple(
        FilterChoice(k.value, KIND_LABELS[k]) for k in Kind if any(f.kind == k for f in findings)
    )
    keys = tuple(FilterChoice(o.key, f"{o.key} {o.label}") for o in outlets)
    present = {f.severity_rank for f in findings}
    severities = tuple(
        FilterChoice(str(s.value), f"{s.value} {s.name.lower()} or more serious")
        for s in Severity
        if any(r and r <= s.value for r in present)
    )
    return kinds, keys, severities
