"""A reviewer's decisions on a report: ``review.json``, and applying it to an analysis.

Why decisions are matched by kind and quoted words, not by finding id: ids
are ranks (f1, f2 …) and shift whenever a new version of ``compare`` finds
one difference more, while "the loaded_term quoting 'rioters' in B and
'protesters' in A" stays the same finding across runs.  So ``review.json``
keeps, for every decision, the finding's kind and its quotes (article id
and exact text), and ``apply_review`` re-attaches the decision to whichever
finding of a fresh analysis has that kind and those quotes.

Applying a review is an analysis step (it changes which findings are
listed, and the per-outlet counts), so it happens here on the ``Report``,
never in a template: every output rendered afterwards shows the same
findings, and the dismissed ones are carried whole in ``Report.review`` so a
later review can restore them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from compare.errors import UsageError, data_problem
from compare.model import Dismissal, Finding, Kind, Report, ReviewState
from compare.pipeline.score import kind_counts

REVIEW_SCHEMA = 1
REVIEW_FILE = "review.json"
MAX_TEXT = 4000  # characters of one reason or note; more is a paste accident
MAX_REVIEW_BYTES = 8 * 1024 * 1024

Quotes = tuple[tuple[str, str], ...]  # (article id, quoted text), sorted


@dataclass(frozen=True)
class Decision:
    """What the reviewer said about one finding: dismissed (with a reason) and/or a note."""

    finding: str  # the finding's id when the decision was made (for people; not matched)
    kind: str
    quotes: Quotes
    dismissed: bool = False
    reason: str = ""
    note: str = ""
    reviewer: str = ""
    at: str = ""


@dataclass(frozen=True)
class Review:
    """The contents of ``review.json``."""

    decisions: tuple[Decision, ...] = ()
    note: str = ""  # on the whole report
    reviewer: str = ""
    reviewed_at: str = ""  # empty until the report is marked reviewed


def quotes_of(finding: Finding) -> Quotes:
    """The matching key's quotes: every span's article id and exact text, sorted.

    >>> from compare.model import Severity, Span
    >>> f = Finding("f1", Kind.LOADED_TERM, Severity.HIGH, "p1",
    ...             {"b": (Span("b", 0, 7, 1, "rioters"),), "a": ()}, "")
    >>> quotes_of(f)
    (('b', 'rioters'),)
    """
    return tuple(sorted((aid, span.text) for aid, spans in finding.spans.items() for span in spans))


def _key(kind: str, quotes: Quotes) -> tuple[str, Quotes]:
    return kind, quotes


# --- review.json ---------------------------------------------------------------


def _text(d: Mapping[str, Any], name: str) -> str:
    value = d.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be text")
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name!r} is longer than {MAX_TEXT} characters")
    return value


def review_from_dict(d: Any) -> Review:
    """A ``Review`` from parsed JSON, or ``ValueError`` saying what is wrong.

    Used for ``review.json`` and for what the review page posts, so both are
    checked the same way: types, kinds, and lengths of free text.
    """
    if not isinstance(d, dict):
        raise ValueError("a review must be a JSON object")
    items = d.get("findings", [])
    if not isinstance(items, list):
        raise ValueError("'findings' must be a list")
    decisions = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ValueError(f"finding decision {n} must be an object")
        kind = _text(item, "kind")
        if kind not in {k.value for k in Kind}:
            raise ValueError(f"finding decision {n}: unknown kind {kind!r}")
        quotes = item.get("quotes", [])
        if not isinstance(quotes, list) or not all(
            isinstance(q, dict)
            and isinstance(q.get("article"), str)
            and isinstance(q.get("text"), str)
            for q in quotes
        ):
            raise ValueError(f"finding decision {n}: 'quotes' must be a list of {{article, text}}")
        decision = _text(item, "decision") or "kept"
        if decision not in ("dismissed", "kept"):
            raise ValueError(f"finding decision {n}: 'decision' is 'dismissed' or 'kept'")
        decisions.append(
            Decision(
                finding=_text(item, "id"),
                kind=kind,
                quotes=tuple(sorted((q["article"], q["text"]) for q in quotes)),
                dismissed=decision == "dismissed",
                reason=_text(item, "reason"),
                note=_text(item, "note"),
                reviewer=_text(item, "reviewer"),
                at=_text(item, "at"),
            )
        )
    return Review(
        decisions=tuple(decisions),
        note=_text(d, "note"),
        reviewer=_text(d, "reviewer"),
        reviewed_at=_text(d, "reviewed_at"),
    )


def review_to_dict(review: Review) -> dict[str, Any]:
    """``review.json``'s content; decisions in a stable order (by kind, then quotes)."""
    ordered = sorted(review.decisions, key=lambda x: (x.kind, x.quotes))
    return {
        "schema": REVIEW_SCHEMA,
        "reviewer": review.reviewer,
        "reviewed_at": review.reviewed_at,
        "note": review.note,
        "findings": [
            {
                "id": x.finding,
                "kind": x.kind,
                "quotes": [{"article": a, "text": t} for a, t in x.quotes],
                "decision": "dismissed" if x.dismissed else "kept",
                "reason": x.reason,
                "note": x.note,
                "reviewer": x.reviewer,
                "at": x.at,
            }
            for x in ordered
        ],
    }


def dump_review(review: Review) -> bytes:
    """``review.json`` bytes (UTF-8, indented, trailing newline)."""
    return (json.dumps(review_to_dict(review), ensure_ascii=False, indent=1) + "\n").encode()


def load_review(path: Path) -> Review:
    """Read ``review.json``; a missing, unreadable or malformed file is a ``UsageError``."""
    try:
        if path.stat().st_size > MAX_REVIEW_BYTES:
            raise UsageError(f"review file {path} is larger than {MAX_REVIEW_BYTES} bytes")
        data = json.loads(path.read_text(encoding="utf-8"))
        return review_from_dict(data)
    except OSError as exc:
        raise UsageError(f"cannot read review file {path}: {exc.strerror or exc}") from exc
    except (
        ValueError,
        UnicodeDecodeError,
        RecursionError,
        KeyError,
        TypeError,
        AttributeError,
    ) as exc:
        raise UsageError(f"review file {path} is not a valid review: {data_problem(exc)}") from exc


# --- applying a review ------------------------------------------------------------------


def unreviewed(report: Report) -> Report:
    """The report as the analysis made it: dismissed findings back at their places."""
    if report.review is None:
        return report
    findings = list(report.findings)
    for d in sorted(report.review.dismissed, key=lambda d: d.position):
        findings.insert(min(d.position, len(findings)), d.finding)
    ids = report.alignment.article_ids
    scores = replace(report.scores, by_kind=kind_counts(findings, ids))
    return replace(report, findings=tuple(findings), scores=scores, review=None)


def apply_review(report: Report, review: Review) -> Report:
    """The report with the reviewer's decisions applied (pure; see the module docstring).

    Dismissed findings leave ``findings`` and go, whole and with their reason,
    to ``review.dismissed``; the per-outlet counts are recounted without them.
    Notes stay on their (listed) finding.  A decision matching no finding is
    counted in ``review.unmatched``.
    """
    base = unreviewed(report)
    by_key = {_key(d.kind, d.quotes): d for d in review.decisions}
    kept: list[Finding] = []
    dismissed: list[Dismissal] = []
    notes: dict[str, str] = {}
    matched: set[tuple[str, Quotes]] = set()
    for position, finding in enumerate(base.findings):
        key = _key(Kind(finding.kind).value, quotes_of(finding))
        decision = by_key.get(key)
        if decision is None:
            kept.append(finding)
            continue
        matched.add(key)
        if decision.dismissed:
            dismissed.append(
                Dismissal(finding, decision.reason, decision.reviewer, decision.at, position)
            )
        else:
            kept.append(finding)
            if decision.note:
                notes[finding.id] = decision.note
    state = ReviewState(
        dismissed=tuple(dismissed),
        notes=notes,
        note=review.note,
        reviewer=review.reviewer,
        reviewed_at=review.reviewed_at,
        unmatched=len(set(by_key) - matched),
    )
    scores = replace(base.scores, by_kind=kind_counts(kept, base.alignment.article_ids))
    return replace(base, findings=tuple(kept), scores=scores, review=state)


def review_of(report: Report) -> Review:
    """The ``Review`` a reviewed report carries (what the review page starts from)."""
    state = report.review
    if state is None:
        return Review()
    decisions = [
        Decision(
            d.finding.id,
            Kind(d.finding.kind).value,
            quotes_of(d.finding),
            True,
            d.reason,
            "",
            d.reviewer,
            d.at,
        )
        for d in state.dismissed
    ]
    listed = {f.id: f for f in report.findings}
    decisions += [
        Decision(fid, Kind(listed[fid].kind).value, quotes_of(listed[fid]), note=note)
        for fid, note in state.notes.items()
        if fid in listed
    ]
    return Review(tuple(decisions), state.note, state.reviewer, state.reviewed_at)


def apply_to_all(reports: Sequence[Report], review: Review | None) -> tuple[Report, ...]:
    """Every report with the review applied (``None``: unchanged)."""
    if review is None:
        return tuple(reports)
    return tuple(apply_review(r, review) for r in reports)
